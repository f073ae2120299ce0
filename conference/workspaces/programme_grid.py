"""The programme builder's day × room grid, laid out without the database or HTTP: which
session sits in which column between which grid lines, the half-hours left free in each room
(each a link to schedule a session there), and the time labels. The page places every item with
classes (``c-3 rs-10 re-14``) defined in the static style sheet, since the pages' strict CSP
allows no inline style (see docs/workspaces.md, "Programme builder")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from conference.csvfile import Words, write

ROW_MINUTES = 15
"""One grid row: a quarter of an hour (a session's edges are rounded outward to it)."""
SLOT_MINUTES = 30
"""An empty slot offered for a new session: half an hour."""
DAY_OPENS = time(8, 0)
DAY_CLOSES = time(20, 0)
"""The hours shown at least; a session earlier or later widens the day."""
MAX_ROOMS = 30
"""Columns the style sheet defines classes for (the time column, then the rooms)."""


@dataclass(frozen=True)
class Block:
    """One scheduled session on the grid."""

    session: Any
    column: int
    start_line: int
    end_line: int


@dataclass(frozen=True)
class FreeSlot:
    room_id: UUID
    room: str
    column: int
    start_line: int
    end_line: int
    starts: time
    ends: time


@dataclass(frozen=True)
class Label:
    text: str
    start_line: int
    end_line: int


@dataclass(frozen=True)
class DayGrid:
    day: date
    rooms: list[Any]
    blocks: list[Block]
    free: list[FreeSlot]
    labels: list[Label]
    last_line: int

    def column_of(self, room_id: UUID) -> list[Block | FreeSlot]:
        """A room's sessions and free slots in time order (the page's reading order)."""
        items: list[Block | FreeSlot] = [b for b in self.blocks if b.session.room_id == room_id]
        items += [f for f in self.free if f.room_id == room_id]
        return sorted(items, key=lambda i: i.start_line)


def days_of(starts_on: date, ends_on: date) -> list[date]:
    return [starts_on + timedelta(days=n) for n in range((ends_on - starts_on).days + 1)]


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _clock(minutes: int) -> time:
    return time(23, 59) if minutes >= 24 * 60 else time(minutes // 60, minutes % 60)


def _span(session: Any, day: date, zone: ZoneInfo, *, occupied: bool = False
          ) -> tuple[int, int] | None:
    """The session's minutes on `day` (local), clipped to the day; None when not on it. With
    `occupied`, from when it holds its room: a royal-presence session's seating (``seated_by``),
    docs/programme.md, "Booked from the seating"."""
    begins = (getattr(session, "seated_by", None) if occupied else None) or session.starts_at
    start = begins.astimezone(zone)
    end = session.ends_at.astimezone(zone)
    opens = datetime.combine(day, time(0), zone)
    closes = opens + timedelta(days=1)
    if end <= opens or start >= closes:
        return None
    first = max(start, opens) - opens
    last = min(end, closes) - opens
    return int(first.total_seconds()) // 60, -(-int(last.total_seconds()) // 60)


def lay_out(day: date, rooms: Sequence[Any], sessions: Iterable[Any], timezone: str) -> DayGrid:
    """The grid of one day: `rooms` (with ``id`` and ``name``) in order as columns 2…, the
    scheduled `sessions` (with ``room_id``, ``starts_at``, ``ends_at``, ``status``) as blocks."""
    zone = ZoneInfo(timezone)
    rooms = list(rooms)[:MAX_ROOMS - 1]
    column = {r.id: n for n, r in enumerate(rooms, start=2)}
    spans = []
    for s in sessions:
        if s.status != "scheduled" or s.room_id not in column:
            continue
        span = _span(s, day, zone)
        if span is not None:
            spans.append((s, span))
    opens = min([_minutes(DAY_OPENS), *(a for _, (a, _) in spans)])
    closes = max([_minutes(DAY_CLOSES), *(b for _, (_, b) in spans)])
    opens -= opens % 60
    closes = min(24 * 60, closes + (-closes % 60))

    def line(minutes: int) -> int:
        return 2 + (minutes - opens) // ROW_MINUTES

    def line_after(minutes: int) -> int:
        return 2 + -(-(minutes - opens) // ROW_MINUTES)

    blocks = [Block(s, column[s.room_id], line(a), max(line_after(b), line(a) + 1))
              for s, (a, b) in sorted(spans, key=lambda x: (x[1], str(x[0].id)))]
    busy: dict[UUID, list[tuple[int, int]]] = {}
    for s, _ in spans:  # no free slot offered where the room is held, seating included
        held = _span(s, day, zone, occupied=True)
        if held is not None:
            busy.setdefault(s.room_id, []).append(held)
    free = []
    for r in rooms:
        for m in range(opens, closes, SLOT_MINUTES):
            end = min(m + SLOT_MINUTES, closes)
            if any(a < end and m < b for a, b in busy.get(r.id, [])):
                continue
            free.append(FreeSlot(r.id, r.name, column[r.id], line(m), line_after(end),
                                 _clock(m), _clock(end)))
    labels = [Label(f"{m // 60:02d}:{m % 60:02d}", line(m), line_after(min(m + 30, closes)))
              for m in range(opens, closes, SLOT_MINUTES)]
    return DayGrid(day, rooms, blocks, free, labels, line_after(closes))


# --- the protocol views as CSV ----------------------------------------------------------------


def speaking_order_csv(slots: Iterable[Any], patron: str, words: Words | None = None,
                       titles: Mapping[str, str] | None = None) -> str:
    """One row a slot: position, part, the person's styled name, function, delegation; a
    download for people (docs/lifecycle.md, "CSV files"), the part also in words when
    ``words`` says them."""
    return write(("position", "part", "name", "function", "delegation", "accreditation_id"), (
        (s.position, s.part, s.person.styled_name if s.person else patron,
         (s.person.function or "") if s.person else "",
         (s.person.delegation or "") if s.person else "",
         str(s.person.accreditation_id) if s.person else "") for s in slots), words=words,
        titles=titles)


def seating_csv(seats: Iterable[Any], titles: Mapping[str, str] | None = None) -> str:
    """One row a seat: 0 the chair, +n on the chair's right, -n on the left; a download for
    people (docs/lifecycle.md, "CSV files")."""
    return write(("seat", "name", "function", "delegation", "accreditation_id"), (
        (s.seat, s.person.styled_name, s.person.function or "", s.person.delegation or "",
         str(s.person.accreditation_id)) for s in seats), titles=titles)
