"""How letters and pages write dates, times and phone numbers: one style per language, through
babel (``en_GB`` and ``fr_FR`` patterns) and ``phonenumbers``.

- English (British): "Tuesday 1 December 2027", "1 December 2027, 09:30 CET", "09:30 CET –
  11:00 CET"; the 24-hour clock, never "AM"/"PM".
- French: "mardi 1er décembre 2027", "1er décembre 2027 à 09:30 CET", "09:30 CET – 11:00 CET";
  the first day of a month is "1er".
- A time carries the abbreviation of its zone, each end of a range its own (a range across a
  change of summer time reads "01:30 CEST – 03:30 CET").
- Phone numbers are stored in E.164 (``+3222980963``) and shown in international format
  (``+32 2 298 09 63``).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import phonenumbers
from babel.dates import format_date, format_time

LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def _locale(language: str) -> str:
    return LOCALES.get(language[:2], "en_GB")


def _day_month_year(d: date, language: str) -> str:
    if language.startswith("fr") and d.day == 1:
        return "1er " + format_date(d, "MMMM y", locale=_locale(language))
    return format_date(d, "d MMMM y", locale=_locale(language))


def day(d: date | datetime, language: str, *, timezone: str | None = None,
        weekday: bool = False) -> str:
    """"1 December 2027" / "1er décembre 2027"; with ``weekday`` "Wednesday 1 December 2027" /
    "mercredi 1er décembre 2027". A datetime is first put in ``timezone``."""
    if isinstance(d, datetime):
        d = (d.astimezone(ZoneInfo(timezone)) if timezone else d).date()
    text = _day_month_year(d, language)
    if weekday:
        text = format_date(d, "EEEE", locale=_locale(language)) + " " + text
    return text


def day_range(start: date, end: date, language: str) -> str:
    """The days of a conference: one day, or "1 – 3 December 2027" style ranges written in full
    ("1 December 2027 – 3 December 2027" / "du 1er au 3 décembre 2027")."""
    if start == end:
        return day(start, language)
    if language.startswith("fr"):
        if (start.year, start.month) == (end.year, end.month):
            first = "1er" if start.day == 1 else str(start.day)
            return f"du {first} au {day(end, language)}"
        return f"du {day(start, language)} au {day(end, language)}"
    return f"{day(start, language)} – {day(end, language)}"


def time(moment: datetime, timezone: str, language: str, *, zone: bool = True) -> str:
    """"09:30 CET" (both languages: the 24-hour clock), or "09:30" without ``zone``."""
    local = moment.astimezone(ZoneInfo(timezone))
    text = format_time(local, "HH:mm", locale=_locale(language))
    return f"{text} {local.tzname()}" if zone else text


def time_range(start: datetime, end: datetime, timezone: str, language: str) -> str:
    """"09:30 CET – 11:00 CET": each end with the abbreviation of its own zone."""
    return f"{time(start, timezone, language)} – {time(end, timezone, language)}"


def moment(when: datetime, timezone: str, language: str, *, weekday: bool = False) -> str:
    """"1 December 2027, 09:30 CET" / "1er décembre 2027 à 09:30 CET"."""
    joiner = " à " if language.startswith("fr") else ", "
    return (day(when, language, timezone=timezone, weekday=weekday) + joiner
            + time(when, timezone, language))


def phone(number: str) -> str:
    """``+3222980963`` → ``+32 2 298 09 63``; a value that does not parse is shown as given."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
