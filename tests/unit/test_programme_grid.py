"""The programme builder's grid, laid out without a database: blocks between the right grid
lines in the right column, the half-hours left free in each room, the day widened for an early
or late session, sessions of other days and cancelled ones left out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from conference.workspaces.programme_grid import lay_out, seating_csv, speaking_order_csv

BRUSSELS = ZoneInfo("Europe/Brussels")
DAY = date(2027, 3, 10)


@dataclass
class R:
    id: UUID
    name: str


@dataclass
class S:
    id: UUID
    room_id: UUID
    starts_at: datetime
    ends_at: datetime
    status: str = "scheduled"
    seated_by: datetime | None = None


def _at(h: int, m: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(h, m), BRUSSELS)


def _session(room: R, start: datetime, end: datetime, status: str = "scheduled") -> S:
    return S(uuid4(), room.id, start, end, status)


def test_blocks_sit_between_their_quarter_hour_lines_in_their_room_s_column() -> None:
    hall, spaak = R(uuid4(), "Hall"), R(uuid4(), "Spaak")
    opening = _session(hall, _at(9), _at(10, 30))
    odd = _session(spaak, _at(9, 10), _at(9, 50))  # rounded outward: 09:00–10:00
    grid = lay_out(DAY, [hall, spaak], [opening, odd], "Europe/Brussels")
    by_session = {b.session.id: b for b in grid.blocks}
    # the day opens at 08:00: line 2 is 08:00, a line per quarter hour
    assert (by_session[opening.id].column, by_session[opening.id].start_line,
            by_session[opening.id].end_line) == (2, 6, 12)
    assert (by_session[odd.id].column, by_session[odd.id].start_line,
            by_session[odd.id].end_line) == (3, 6, 10)
    hall_free = [f.starts for f in grid.free if f.room_id == hall.id]
    assert time(9) not in hall_free and time(10) not in hall_free and time(10, 30) in hall_free
    spaak_free = [f.starts for f in grid.free if f.room_id == spaak.id]
    assert time(9) not in spaak_free and time(9, 30) not in spaak_free and time(10) in spaak_free
    assert len(grid.free) == 2 * 24 - 3 - 2
    assert [i.start_line for i in grid.column_of(hall.id)] == sorted(
        i.start_line for i in grid.column_of(hall.id))


def test_the_day_widens_for_early_and_late_sessions_and_keeps_to_its_own() -> None:
    hall = R(uuid4(), "Hall")
    breakfast = _session(hall, _at(7, 15), _at(8))
    dinner = _session(hall, _at(20), _at(22, 30))
    tomorrow = _session(hall, _at(9, day=date(2027, 3, 11)), _at(10, day=date(2027, 3, 11)))
    cancelled = _session(hall, _at(12), _at(13), status="cancelled")
    grid = lay_out(DAY, [hall], [breakfast, dinner, tomorrow, cancelled], "Europe/Brussels")
    assert grid.labels[0].text == "07:00" and grid.labels[-1].text == "22:30"
    assert {b.session.id for b in grid.blocks} == {breakfast.id, dinner.id}
    assert time(12) in [f.starts for f in grid.free]  # the cancelled session frees its slot
    assert grid.last_line == 2 + (23 - 7) * 4


def test_csv_cells_a_spreadsheet_would_run_are_neutralised() -> None:
    @dataclass
    class P:
        styled_name: str
        function: str | None
        delegation: str | None
        accreditation_id: UUID

    @dataclass
    class Slot:
        position: int
        part: str
        person: P | None

    @dataclass
    class Seat:
        seat: int
        person: P

    p = P("=HYPERLINK(\"x\")", "Minister", "Belgium", uuid4())
    text = speaking_order_csv([Slot(1, "patron_arrival", None), Slot(2, "speech", p)], "H.M.")
    rows = text.split("\r\n")  # a download for people: BOM, ";" (docs/lifecycle.md)
    assert rows[0] == "\ufeffposition;part;name;function;delegation;accreditation_id"
    assert rows[1] == "1;patron_arrival;H.M.;;;"
    assert rows[2].startswith("2;speech;\"'=HYPERLINK(\"\"x\"\")\";Minister;Belgium;")
    assert seating_csv([Seat(-1, p)]).split("\r\n")[1].startswith("-1;\"'=HYPERLINK")


def test_no_slot_is_offered_while_a_royal_session_s_guests_are_seated() -> None:
    hall = R(uuid4(), "Hall")
    photo = S(uuid4(), hall.id, _at(13), _at(13, 30), seated_by=_at(12, 45))
    grid = lay_out(DAY, [hall], [photo], "Europe/Brussels")
    starts = [f.starts for f in grid.free]
    assert time(12) in starts and time(12, 30) not in starts and time(13) not in starts
    assert time(13, 30) in starts
    [block] = grid.blocks  # the block itself still shows the session's own times
    assert block.session is photo
