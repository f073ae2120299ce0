"""The public programme page's rows, pure: the published sessions by day, then start time, each
with its room in the reader's language and what changed since the version before
(docs/programme.md, "The programme page").

* Days are those of the conference's time zone; within a day, sessions by start, end, room name
  (in the reader's language), id. Parallel sessions therefore sit together, whatever their room.
* Changes come from the version's changelog (``programme.domain.diff`` against the version
  before): a session is *new* when it was added, *moved* when its start or end changed (the row
  shows the old times), in a *new room* when it was re-roomed (the row names the old room), and
  cancelled sessions are marked as such. Version 1 has no version before it: nothing is marked
  new there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from conference.programme.models import Changelog, ProgrammeVersion, PublishedSession
from conference.types import Localized


@dataclass(frozen=True)
class Moved:
    starts_at: datetime
    ends_at: datetime
    other_day: bool
    """The session moved to another day: the old times are shown with their day."""


@dataclass(frozen=True)
class Row:
    session: PublishedSession
    room: str
    """In the reader's language."""
    new: bool = False
    moved: Moved | None = None
    previous_room: str | None = None


@dataclass(frozen=True)
class Day:
    date: date
    rows: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class _Marks:
    new: frozenset[UUID]
    moved: dict[UUID, tuple[datetime, datetime]]
    rooms: dict[UUID, str]


def _marks(changes: Changelog, language: str, first_version: bool) -> _Marks:
    def room_of(names: Localized | None, fallback: str) -> str:
        return names.get(language) if names is not None else fallback

    return _Marks(
        new=frozenset() if first_version else frozenset(a.session_id for a in changes.added),
        moved={m.session_id: (m.previous_starts_at, m.previous_ends_at) for m in changes.moved},
        rooms={r.session_id: room_of(r.previous_room_names, r.previous_room)
               for r in changes.re_roomed},
    )


def days(version: ProgrammeVersion, language: str) -> list[Day]:
    """The version's sessions by day, then start time, with their change marks."""
    zone = ZoneInfo(version.timezone)
    marks = _marks(version.changes, language, version.version == 1)

    def key(s: PublishedSession) -> tuple[datetime, datetime, str, str]:
        # parallel sessions by the room's name in the conference's first language, in every
        # language: the French and English programmes list them in one order (docs/programme.md)
        return (s.starts_at, s.ends_at, s.room.casefold(), str(s.session_id))

    by_day: dict[date, Day] = {}
    for s in sorted(version.sessions, key=key):
        day = s.starts_at.astimezone(zone).date()
        moved = marks.moved.get(s.session_id)
        row = Row(
            session=s, room=s.room_in(language), new=s.session_id in marks.new,
            moved=None if moved is None else Moved(
                moved[0], moved[1], other_day=moved[0].astimezone(zone).date() != day),
            previous_room=marks.rooms.get(s.session_id),
        )
        by_day.setdefault(day, Day(day)).rows.append(row)
    return [by_day[d] for d in sorted(by_day)]
