"""How letters, invitations and pages write dates, times and phone numbers: one style per
language, through babel (``en`` is written as ``en_GB``, ``fr`` as ``fr_FR``) and
``phonenumbers``; the one module for it (docs/calendar.md, "The mail (iMIP)").

- English (British): "Tuesday 1 December 2027", "1 December 2027, 09:30 CET"; the 24-hour
  clock, never "AM"/"PM".
- A range of days names each part once, with an en dash: "13–14 January 2027", "30 January –
  2 February 2027" / "13–14 janvier 2027", "30 janvier – 2 février 2027"; inside a sentence
  "from 13 to 14 January 2027" / "du 13 au 14 janvier 2027" (:func:`day_range`,
  :func:`day_range_words`).
- French: "mardi 1er décembre 2027", "1er décembre 2027 à 09:30 CET"; the first day of a month
  is "1er".
- A time of day is ``HH:mm`` in both languages ("09:30", never "9:30 AM").
- A zone is written the same way in both languages and everywhere (:func:`zone_label`): by the
  abbreviation the time-zone database gives it ("CET", "CEST", "GMT", "EST"), or by its offset
  ("UTC+4", "UTC+5:30") where the zone has none.
- Letters and pages give a time with its zone, each end of a range its own (a range across a
  change of summer time reads "01:30 CEST – 03:30 CET").
- Invitations write a session's time as a span (:func:`span`): its zone once; each end labelled
  with its own zone when they differ ("01:30 (CEST) – 03:30 (CET)"), and a local time that the
  clock shows twice (the hour repeated when the clocks go back) says which one it is.
- A negative number shown to people is written with the minus sign U+2212 ("−1", "UTC−4"),
  not the hyphen-minus of data files; a signed number says its sign ("+1", "0", "−1":
  :func:`signed`).
- Phone numbers are stored in E.164 (``+3222980963``) and shown in international format
  (``+32 2 298 09 63``).

Pure: no I/O. ``language`` is ``en`` or ``fr`` (anything else is written as English); a zone is
a ``ZoneInfo`` or its name.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import phonenumbers
from babel.dates import (
    format_date,
    format_datetime,
    format_time,
    get_timezone,
    get_timezone_location,
)

__all__ = ["LOCALES", "MINUS", "day", "day_range", "day_range_words", "moment", "phone", "short",
           "signed", "span", "time", "time_of_day", "time_range", "zone_label", "zone_words"]

LOCALES = {"fr": "fr_FR", "en": "en_GB"}
MINUS = "\u2212"
"""The minus sign of a negative number read by people (a data file keeps "-")."""
_REPEATED = {
    "en": ("before the clocks go back", "after the clocks go back"),
    "fr": ("avant le passage à l'heure d'hiver", "après le passage à l'heure d'hiver"),
}


def _lang(language: str) -> str:
    return "fr" if language[:2] == "fr" else "en"


def _locale(language: str) -> str:
    return LOCALES[_lang(language)]


def _zone(zone: ZoneInfo | str) -> ZoneInfo:
    return zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone)


def _local(when: datetime, zone: ZoneInfo | str) -> datetime:
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(f"an aware datetime is needed: {when.isoformat()}")
    return when.astimezone(_zone(zone))


# -- days ------------------------------------------------------------------------------------


def _day_month_year(d: date, language: str) -> str:
    if _lang(language) == "fr" and d.day == 1:
        return "1er " + format_date(d, "MMMM y", locale=_locale(language))
    return format_date(d, "d MMMM y", locale=_locale(language))


def day(d: date | datetime, language: str, *, timezone: ZoneInfo | str | None = None,
        weekday: bool = False) -> str:
    """"1 December 2027" / "1er décembre 2027"; with ``weekday`` "Wednesday 1 December 2027" /
    "mercredi 1er décembre 2027". A datetime is first put in ``timezone``."""
    if isinstance(d, datetime):
        d = (_local(d, timezone) if timezone else d).date()
    text = _day_month_year(d, language)
    if weekday:
        text = format_date(d, "EEEE", locale=_locale(language)) + " " + text
    return text


def _day_month(d: date, language: str) -> str:
    if _lang(language) == "fr" and d.day == 1:
        return "1er " + format_date(d, "MMMM", locale=_locale(language))
    return format_date(d, "d MMMM", locale=_locale(language))


def _first_day(d: date, language: str) -> str:
    return "1er" if _lang(language) == "fr" and d.day == 1 else str(d.day)


def day_range(start: date, end: date, language: str) -> str:
    """The days of a conference as a heading writes them, each part once, as babel's
    ``format_interval`` does but with the month in full: "13–14 January 2027" / "13–14 janvier
    2027" (an unspaced en dash between the days), "30 January – 2 February 2027" / "30 janvier
    – 2 février 2027" and "30 December 2027 – 2 January 2028" (a spaced en dash between
    fuller parts); one day alone as :func:`day` writes it."""
    if start == end:
        return day(start, language)
    if (start.year, start.month) == (end.year, end.month):
        return f"{_first_day(start, language)}\u2013{day(end, language)}"
    if start.year == end.year:
        return f"{_day_month(start, language)} \u2013 {day(end, language)}"
    return f"{day(start, language)} \u2013 {day(end, language)}"


def day_range_words(start: date, end: date, language: str) -> str:
    """The same days inside a sentence ("…, to be held at {venue} {dates}"), each part once:
    "on 13 January 2027" / "le 13 janvier 2027", two days "on 13 and 14 January 2027" / "les 13
    et 14 janvier 2027", more "from 1 to 3 December 2027" / "du 1er au 3 décembre 2027", "from
    30 January to 2 February 2027" / "du 30 janvier au 2 février 2027"."""
    fr = _lang(language) == "fr"
    if start == end:
        return f"{'le' if fr else 'on'} {day(start, language)}"
    if (end - start).days == 1:
        # two days are named, not spanned: "les 17 et 18 janvier 2027" / "on 17 and 18 January
        # 2027", as an institution's letter writes them ("du 17 au 18 janvier" in a visa letter
        # read as a translation; tryout, 4 December 2026)
        if (start.year, start.month) == (end.year, end.month):
            first = _first_day(start, language)
        elif start.year == end.year:
            first = _day_month(start, language)
        else:
            first = day(start, language)
        return f"les {first} et {day(end, language)}" if fr \
            else f"on {first} and {day(end, language)}"
    if (start.year, start.month) == (end.year, end.month):
        first = _first_day(start, language)
    elif start.year == end.year:
        first = _day_month(start, language)
    else:
        first = day(start, language)
    return f"du {first} au {day(end, language)}" if fr else f"from {first} to {day(end, language)}"


# -- times in letters and pages: each with its zone's abbreviation ---------------------------


def time(when: datetime, timezone: ZoneInfo | str, language: str, *, zone: bool = True) -> str:
    """"09:30 CET" (both languages: the 24-hour clock), or "09:30" without ``zone``."""
    local = _local(when, timezone)
    text = format_time(local, "HH:mm", locale=_locale(language))
    return f"{text} {zone_label(local, language)}" if zone else text


def time_range(start: datetime, end: datetime, timezone: ZoneInfo | str, language: str) -> str:
    """"09:30 CET – 11:00 CET": each end with the abbreviation of its own zone."""
    return f"{time(start, timezone, language)} – {time(end, timezone, language)}"


def moment(when: datetime, timezone: ZoneInfo | str, language: str, *,
           weekday: bool = False) -> str:
    """"1 December 2027, 09:30 CET" / "1er décembre 2027 à 09:30 CET"."""
    joiner = " à " if _lang(language) == "fr" else ", "
    return (day(when, language, timezone=timezone, weekday=weekday) + joiner
            + time(when, timezone, language))


# -- times in invitations: a session's span ------------------------------------------------


def zone_words(zone: ZoneInfo | str, language: str, when: datetime) -> str:
    """A zone as a reader names it, with its abbreviation at ``when``: "heure de Bruxelles,
    CET", "heure d'Amsterdam, CEST" / "Brussels time, CET" (the city from CLDR, through babel),
    never the database's "Europe/Brussels"."""
    city = get_timezone_location(get_timezone(str(zone)), locale=_locale(language),
                                 return_city=True)
    label = zone_label(_local(when, zone), language)
    if _lang(language) == "fr":
        article = "d'" if city[:1].lower() in "aeiouyéèêâîôû" else "de "
        return f"heure {article}{city}, {label}"
    return f"{city} time, {label}"


def zone_label(local: datetime, language: str) -> str:
    """The zone of a local time, alike in every language: the time-zone database's
    abbreviation ("CET", "CEST"), else the offset ("UTC+4", "UTC−4" with a minus sign, half
    hours as "UTC+5:30")."""
    name = local.tzname() or ""
    if name.isascii() and name.isalpha() and name.isupper():
        return name
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = MINUS if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def _repeated(local: datetime) -> int | None:
    """0 or 1 if the wall-clock time occurs twice that day (the first or the second time),
    None if it occurs once."""
    other = local.replace(fold=1 - local.fold)
    if other.utcoffset() == local.utcoffset():
        return None
    # the occurrence with the larger offset comes first
    first = (local.utcoffset() or timedelta(0)) > (other.utcoffset() or timedelta(0))
    return 0 if first else 1


def _clock(local: datetime, language: str, label: str | None) -> str:
    """"09:30"; "09:30 (CET)" with a label; a repeated wall-clock time says which it is."""
    text = format_datetime(local, "HH:mm", locale=_locale(language))
    which = _repeated(local)
    parts = [label] if label else []
    if which is not None:
        parts = [zone_label(local, language), _REPEATED[_lang(language)][which]]
    return f"{text} ({', '.join(parts)})" if parts else text


def time_of_day(when: datetime, timezone: ZoneInfo | str, language: str) -> str:
    """"09:30"; a repeated wall-clock time says which: "02:30 (CET, after the clocks go
    back)"."""
    return _clock(_local(when, timezone), language, None)


def short(when: datetime, timezone: ZoneInfo | str, language: str) -> str:
    """Day, time and zone for a subject line: "5 Dec, 09:30 (CET)" / "5 déc., 09:30 (CET)"
    ("1er déc."). The zone, as in the body (:func:`zone_label`): a delegate reads the subject
    in an inbox set to another zone."""
    local = _local(when, timezone)
    zone = zone_label(local, language)
    if _lang(language) == "fr" and local.day == 1:
        day_time = format_datetime(local, "d'er' MMM, HH:mm", locale="fr_FR")
    else:
        day_time = format_datetime(local, "d MMM, HH:mm", locale=_locale(language))
    return f"{day_time} ({zone})"


def span(starts: datetime, ends: datetime, timezone: ZoneInfo | str, language: str) -> str:
    """A session's time: "Monday 5 December 2012, 09:00 – 10:00 (CET)";
    "Sunday 25 October 2026, 01:30 (CEST) – 03:30 (CET)" across a clock change;
    "mercredi 5 décembre 2012, de 09:00 à 10:00 (UTC+1)" in French. An end on another day
    names its day too: "Monday 25 January 2027, 21:00 – Tuesday 26 January 2027, 01:00
    (UTC+3)", « du lundi 25 janvier 2027, 21:00, au mardi 26 janvier 2027, 01:00 (UTC+3) »
    (« de 21:00 à mardi … » read wrong, tried as a protocol officer, 5 December 2026)."""
    lang = _lang(language)
    start, end = _local(starts, timezone), _local(ends, timezone)
    start_zone, end_zone = zone_label(start, lang), zone_label(end, lang)
    same_zone = start_zone == end_zone
    start_text = _clock(start, lang, None if same_zone else start_zone)
    end_text = _clock(end, lang, None if same_zone else end_zone)
    first_day = day(start, lang, weekday=True)
    tail = f" ({start_zone})" if same_zone else ""
    if end.date() != start.date():
        end_text = f"{day(end, lang, weekday=True)}, {end_text}"
        if lang == "fr":
            return f"du {first_day}, {start_text}, au {end_text}{tail}"
    if lang == "fr":
        return f"{first_day}, de {start_text} à {end_text}{tail}"
    return f"{first_day}, {start_text} – {end_text}{tail}"


# -- numbers -----------------------------------------------------------------------------------


def signed(number: int) -> str:
    """A number with its sign, as a seating plan numbers places: "+2", "0", "−1"."""
    if number < 0:
        return f"{MINUS}{-number}"
    return f"+{number}" if number > 0 else "0"


# -- phone numbers ---------------------------------------------------------------------------


def phone(number: str) -> str:
    """``+3222980963`` → ``+32 2 298 09 63``; a value that does not parse is shown as given."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
