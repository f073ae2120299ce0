"""What an update says changed, in the reader's language. Pure.

The changes are those between the session as the person's calendar holds it (the version their
last invitation was based on) and the session now, as the programme's changelog names them
(:func:`conference.programme.domain.diff`: moved, re-roomed, renamed), plus the person's own
part in it (chair, speaker, participant, guest), and the conference's details the entry shows
(:func:`detail_changes`: the venue, the conference's title, the organiser, the patron). Only
what the reader can see in their language counts: a title changed in French only is no change
to an English reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from conference.mail.formatting import day, time_of_day
from conference.programme.domain import diff
from conference.programme.published import PublishedSession, Snapshot

__all__ = ["PARTS", "Shown", "changes", "detail_changes", "part_name"]

PARTS = {
    "en": {"chair": "chair", "speaker": "speaker", "attendee": "participant",
           "audience": "in the audience", "pool": "press pool"},
    "fr": {"chair": "présidence de la séance", "speaker": "prise de parole",
           "attendee": "participation", "audience": "dans l'assistance",
           "pool": "pool de presse"},
}
"""A person's part in words. The invited audience is "in the audience" / "dans l'assistance",
as the security list says it: "your role: speaker (was guest)" and "(auparavant\u00a0:
invitation)", in a message that calls itself an invitation, left a deputy made speaker
wondering what they had been (tried as a protocol officer, 2 December 2026)."""


def part_name(part: str, language: str) -> str:
    return PARTS["fr" if language == "fr" else "en"].get(part, part)


def _when(s: PublishedSession, before: PublishedSession, zone: ZoneInfo, lang: str
          ) -> tuple[str, str, bool] | None:
    """(old, new, another day) wording of a move: times only on the same day, day and time
    otherwise."""
    same_day = (s.starts_at.astimezone(zone).date() == before.starts_at.astimezone(zone).date())
    if s.starts_at == before.starts_at:
        return None
    old = time_of_day(before.starts_at, zone, lang)
    new = time_of_day(s.starts_at, zone, lang)
    if not same_day:
        old = f"{day(before.starts_at, lang, timezone=zone, weekday=True)}, {old}"
        new = f"{day(s.starts_at, lang, timezone=zone, weekday=True)}, {new}"
    return old, new, not same_day


def changes(before: PublishedSession | None, now: PublishedSession, zone: ZoneInfo,
            language: str, *, part: str | None = None, previous_part: str | None = None
            ) -> tuple[str, ...]:
    """One line per change the reader would notice ("moved from 13:00 to 14:00", "now in
    Room 2 (was Room 1)", "renamed (was “Opening”)", "your role: speaker (was chair)").
    ``before`` None: unknown (no line for the session itself)."""
    fr = language == "fr"
    lines: list[str] = []
    if before is not None:
        log = diff(Snapshot(sessions=[before]), Snapshot(sessions=[now]))
        for _moved in log.moved:
            when = _when(now, before, zone, language)
            end = time_of_day(now.ends_at, zone, language)
            if when is not None and when[2]:  # another day: each a day and a time
                lines.append(f"déplacée du {when[0]}, au {when[1]} (fin à {end})" if fr else
                             f"moved from {when[0]}, to {when[1]} (ends at {end})")
            elif when is not None:
                lines.append(f"déplacée de {when[0]} à {when[1]} (fin à {end})" if fr else
                             f"moved from {when[0]} to {when[1]} (ends at {end})")
            else:
                was = time_of_day(before.ends_at, zone, language)
                lines.append(f"se termine désormais à {end} (auparavant à {was})" if fr else
                             f"now ends at {end} (was {was})")
        for _ in log.re_roomed:
            room, was = now.room_in(language), before.room_in(language)
            lines.append(f"nouvelle salle\u00a0: {room} (auparavant\u00a0: {was})" if fr else
                         f"now in {room} (was {was})")
        for renamed in log.renamed:
            old, new = renamed.previous_title.get(language), renamed.title.get(language)
            if old != new:
                lines.append(f"nouveau titre (auparavant «\u00a0{old}\u00a0»)" if fr else
                             f"renamed (was “{old}”)")
        if any(d.field == "royal_presence" for d in log.details_changed):
            seated = (time_of_day(now.seated_by, zone, language)
                      if now.royal_presence and now.seated_by is not None else None)
            if fr:
                lines.append("n'est plus en présence royale" if not now.royal_presence else
                             "désormais en présence royale" + (
                                 f"\u00a0: les invités prennent place avant {seated}"
                                 if seated else ""))
            else:
                lines.append("no longer in royal presence" if not now.royal_presence else
                             "now in royal presence" + (
                                 f": guests take their seats by {seated}" if seated else ""))
    if part is not None and previous_part is not None and part != previous_part:
        new_part, old_part = part_name(part, language), part_name(previous_part, language)
        lines.append(f"votre rôle\u00a0: {new_part} (auparavant\u00a0: {old_part})" if fr else
                     f"your role: {new_part} (was {old_part})")
    return tuple(lines)


@dataclass(frozen=True)
class Shown:
    """The conference's details as one calendar entry shows them, in the reader's language
    (docs/calendar.md, "Corrected conference details"); None: not shown in this entry."""

    venue: str
    """The venue's name and address, as LOCATION ends."""
    title: str
    """The conference's title (DESCRIPTION)."""
    organizer: str
    """The ORGANIZER's name: the short name, else the title."""
    patron: str | None = None
    """The patron, named in a royal-presence session's DESCRIPTION."""
    organizer_email: str | None = None
    """The ORGANIZER's address when it is the organisers' (no replies taken)."""


def detail_changes(before: Shown, now: Shown, language: str) -> tuple[str, ...]:
    """One line per detail of the conference the reader sees changed ("now at Egmont Palace,
    Rue aux Laines 8 (was Justus Lipsius, Rue de la Loi 175)")."""
    fr = language == "fr"
    nb = "\u00a0"
    lines: list[str] = []
    if now.venue != before.venue:
        lines.append(f"nouveau lieu{nb}: {now.venue} (auparavant{nb}: {before.venue})" if fr
                     else f"now at {now.venue} (was {before.venue})")
    if now.title != before.title:
        lines.append(f"intitulé de la conférence{nb}: «{nb}{now.title}{nb}» (auparavant "
                     f"«{nb}{before.title}{nb}»)" if fr else
                     f"conference title: “{now.title}” (was “{before.title}”)")
    if now.organizer != before.organizer and not (now.organizer == now.title
                                                  and now.title != before.title):
        lines.append(f"organisateur{nb}: {now.organizer} (auparavant{nb}: {before.organizer})"
                     if fr else f"organiser: {now.organizer} (was {before.organizer})")
    if now.patron != before.patron and now.patron:
        was = f" (auparavant{nb}: {before.patron})" if fr else f" (was {before.patron})"
        lines.append((f"en présence de {now.patron}" if fr else
                      f"in the presence of {now.patron}") + (was if before.patron else ""))
    elif now.patron != before.patron:
        lines.append(f"la présence de {before.patron} n'est plus annoncée" if fr else
                     f"the presence of {before.patron} is no longer announced")
    if now.organizer_email != before.organizer_email and now.organizer_email:
        lines.append(f"adresse des organisateurs{nb}: {now.organizer_email} (auparavant{nb}: "
                     f"{before.organizer_email})" if fr else
                     f"organisers' address: {now.organizer_email} "
                     f"(was {before.organizer_email})")
    return tuple(lines)
