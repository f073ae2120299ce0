"""What an update says changed, in the reader's language. Pure.

The changes are those between the session as the person's calendar holds it (the version their
last invitation was based on) and the session now, as the programme's changelog names them
(:func:`conference.programme.domain.diff`: moved, re-roomed, renamed), plus the person's own
part in it (chair, speaker, participant, guest). Only what the reader can see in their language
counts: a title changed in French only is no change to an English reader.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from conference.mail.formatting import day, time_of_day
from conference.programme.domain import diff
from conference.programme.published import PublishedSession, Snapshot

__all__ = ["PARTS", "changes", "part_name"]

PARTS = {
    "en": {"chair": "chair", "speaker": "speaker", "attendee": "participant",
           "audience": "guest"},
    "fr": {"chair": "présidence de la séance", "speaker": "prise de parole",
           "attendee": "participation", "audience": "invitation"},
}


def part_name(part: str, language: str) -> str:
    return PARTS["fr" if language == "fr" else "en"].get(part, part)


def _when(s: PublishedSession, before: PublishedSession, zone: ZoneInfo, lang: str
          ) -> tuple[str, str] | None:
    """(old, new) wording of a move: times only on the same day, day and time otherwise."""
    same_day = (s.starts_at.astimezone(zone).date() == before.starts_at.astimezone(zone).date())
    if s.starts_at == before.starts_at:
        return None
    old = time_of_day(before.starts_at, zone, lang)
    new = time_of_day(s.starts_at, zone, lang)
    if not same_day:
        old = f"{day(before.starts_at, lang, timezone=zone, weekday=True)}, {old}"
        new = f"{day(s.starts_at, lang, timezone=zone, weekday=True)}, {new}"
    return old, new


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
            if when is not None:
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
    if part is not None and previous_part is not None and part != previous_part:
        new_part, old_part = part_name(part, language), part_name(previous_part, language)
        lines.append(f"votre rôle\u00a0: {new_part} (auparavant\u00a0: {old_part})" if fr else
                     f"your role: {new_part} (was {old_part})")
    return tuple(lines)
