"""Dates and times in letters, invitations and pages: one style per language, through babel
(``en`` is written as ``en_GB``, ``fr`` as ``fr_FR``), in the conference's zone.

* A time of day is ``HH:mm`` in both languages ("09:30", never "9:30 AM").
* A day is "Monday 5 December 2012" / "mercredi 5 décembre 2012" ("1er" on the first of the
  month in French).
* A zone is labelled by babel's short name where the language has one ("CET", "CEST" in
  English), otherwise by its offset ("UTC+1", "UTC+2" in French).
* A span labels each end with its own zone when they differ (a span across a clock change:
  "01:30 (CEST) – 03:30 (CET)"), and a local time that the clock shows twice (the hour repeated
  when the clocks go back) says which one it is.

Pure: no I/O. ``language`` is ``en`` or ``fr`` (anything else is written as English).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

__all__ = ["LOCALES", "format_day", "format_short", "format_span", "format_time_of_day",
           "zone_label"]

LOCALES = {"en": "en_GB", "fr": "fr_FR"}
_REPEATED = {
    "en": ("before the clocks go back", "after the clocks go back"),
    "fr": ("avant le passage à l'heure d'hiver", "après le passage à l'heure d'hiver"),
}


def _locale(language: str) -> str:
    return LOCALES.get(language, "en_GB")


def _lang(language: str) -> str:
    return language if language in LOCALES else "en"


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"an aware datetime is needed: {moment.isoformat()}")
    return moment.astimezone(zone)


def zone_label(local: datetime, language: str) -> str:
    """The zone of a local time: "CET"/"CEST" where babel has a short name in the language,
    else "UTC+1" (half hours as "UTC+5:30")."""
    name = format_datetime(local, "zzz", locale=_locale(language))
    if name and name[0] not in "+-" and not name.startswith(("GMT", "UTC")):
        return name
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
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


def format_time_of_day(moment: datetime, zone: ZoneInfo, language: str) -> str:
    """"09:30"; a repeated wall-clock time says which: "02:30 (CET, after the clocks go
    back)"."""
    local = _local(moment, zone)
    text = format_datetime(local, "HH:mm", locale=_locale(language))
    which = _repeated(local)
    if which is not None:
        text += f" ({zone_label(local, language)}, {_REPEATED[_lang(language)][which]})"
    return text


def format_day(moment: datetime, zone: ZoneInfo, language: str) -> str:
    """"Monday 5 December 2012" / "samedi 1er décembre 2012"."""
    local = _local(moment, zone)
    if _lang(language) == "fr" and local.day == 1:
        return format_datetime(local, "EEEE d'er' MMMM y", locale="fr_FR")
    return format_datetime(local, "EEEE d MMMM y", locale=_locale(language))


def format_short(moment: datetime, zone: ZoneInfo, language: str) -> str:
    """Day and time for a subject line: "5 Dec, 09:30" / "5 déc., 09:30" ("1er déc.")."""
    local = _local(moment, zone)
    if _lang(language) == "fr" and local.day == 1:
        return format_datetime(local, "d'er' MMM, HH:mm", locale="fr_FR")
    return format_datetime(local, "d MMM, HH:mm", locale=_locale(language))


def format_span(starts: datetime, ends: datetime, zone: ZoneInfo, language: str) -> str:
    """A session's time: "Monday 5 December 2012, 09:00 – 10:00 (CET)";
    "Sunday 25 October 2026, 01:30 (CEST) – 03:30 (CET)" across a clock change;
    "mercredi 5 décembre 2012, de 09:00 à 10:00 (UTC+1)" in French. An end on another day
    names its day too."""
    lang = _lang(language)
    start, end = _local(starts, zone), _local(ends, zone)
    start_zone, end_zone = zone_label(start, lang), zone_label(end, lang)
    same_zone = start_zone == end_zone
    start_text = _time_in_span(start, lang, None if same_zone else start_zone)
    end_text = _time_in_span(end, lang, None if same_zone else end_zone)
    if end.date() != start.date():
        end_text = f"{format_day(end, zone, lang)}, {end_text}"
    day = format_day(start, zone, lang)
    tail = f" ({start_zone})" if same_zone else ""
    if lang == "fr":
        return f"{day}, de {start_text} à {end_text}{tail}"
    return f"{day}, {start_text} – {end_text}{tail}"


def _time_in_span(local: datetime, language: str, label: str | None) -> str:
    text = format_datetime(local, "HH:mm", locale=_locale(language))
    which = _repeated(local)
    parts = [label] if label else []
    if which is not None:
        parts = [zone_label(local, language), _REPEATED[language][which]]
    return f"{text} ({', '.join(parts)})" if parts else text
