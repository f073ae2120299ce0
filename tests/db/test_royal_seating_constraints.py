"""A royal-presence session occupies its room and its participants from its guests' seating
(migrations/0055_royal_seating_occupies.sql), held by PostgreSQL itself: written to with plain
SQL, and by two transactions racing, so that no Python check stands in between."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from conference.db.pool import connect
from tests.conftest import direct_url
from tests.db.test_programme_constraints import _conference, _person, _room, _seat, _session, h

# The conference of tests.conftest.conference_body seats guests 15 minutes before the start.
QUARTER = 0.25


async def test_a_royal_session_holds_its_room_from_the_seating(db: asyncpg.Connection) -> None:
    c = await _conference(db)
    a = await _room(db, c, "A")
    royal = await _session(db, c, a, 4, 5, royal_presence=True, press_access="pool")
    assert await db.fetchval("SELECT occupied FROM session WHERE id = $1", royal) \
        == asyncpg.Range(h(4 - QUARTER), h(5))
    await _session(db, c, a, 3, 4 - QUARTER)  # ends as the guests are seated: allowed
    with pytest.raises(asyncpg.ExclusionViolationError) as refused:
        await _session(db, c, a, 4 - QUARTER - 1, 4)  # still in the room when they are seated
    assert refused.value.constraint_name == "session_room_booked_once"


async def test_turning_a_session_royal_widens_it_and_may_then_clash(
    db: asyncpg.Connection,
) -> None:
    c = await _conference(db)
    a, b = await _room(db, c, "A"), await _room(db, c, "B")
    await _session(db, c, a, 3, 4)
    photo = await _session(db, c, a, 4, 5, press_access="pool")
    with pytest.raises(asyncpg.ExclusionViolationError):
        await db.execute("UPDATE session SET royal_presence = true WHERE id = $1", photo)
    # in the other room it may; its participants are then booked from the seating too
    await db.execute("UPDATE session SET room_id = $2 WHERE id = $1", photo, b)
    p = await _person(db, c, "paola")
    await _seat(db, photo, p)
    await db.execute("UPDATE session SET royal_presence = true WHERE id = $1", photo)
    assert await db.fetchval("SELECT during FROM session_participant WHERE session_id = $1",
                             photo) == asyncpg.Range(h(4 - QUARTER), h(5))
    side = await _room(db, c, "C")
    briefing = await _session(db, c, side, 4 - QUARTER - 1, 4 - QUARTER)
    await _seat(db, briefing, p)  # ends as the guests are seated: allowed
    aside = await _session(db, c, side, 3.8, 3.95)  # before the start, after the seating
    with pytest.raises(asyncpg.ExclusionViolationError) as refused:
        await _seat(db, aside, p)
    assert refused.value.constraint_name == "participant_booked_once"


async def test_two_transactions_racing_let_one_through(db_url: str, db: asyncpg.Connection
                                                      ) -> None:
    """A royal session and a meeting running into its seating, written at the same moment by two
    connections: the second waits on the first's uncommitted row, then is refused."""
    c = await _conference(db)
    a = await _room(db, c, "A")
    first, second = await connect(direct_url(db_url)), await connect(direct_url(db_url))
    try:
        t1, t2 = first.transaction(), second.transaction()
        await t1.start()
        await t2.start()
        await _session(first, c, a, 4, 5, royal_presence=True, press_access="pool")
        racing = asyncio.create_task(_session(second, c, a, 3, 4))
        await asyncio.sleep(0.3)
        assert not racing.done()  # blocked on the first's row, not let through
        await t1.commit()
        with pytest.raises(asyncpg.ExclusionViolationError):
            await racing
        await t2.rollback()
    finally:
        await first.close()
        await second.close()
    assert await db.fetchval("SELECT count(*) FROM session WHERE room_id = $1", a) == 1


async def test_a_changed_seating_lead_time_moves_royal_sessions(db: asyncpg.Connection) -> None:
    """The API does not change protocol.seated_before_minutes after creation; written directly,
    the royal sessions follow it, and a lead time that would double-book is refused."""
    c = await _conference(db)
    a = await _room(db, c, "A")
    royal = await _session(db, c, a, 4, 5, royal_presence=True, press_access="pool")
    await db.execute("UPDATE conference SET protocol = protocol ||"
                     " '{\"seated_before_minutes\": 30}' WHERE id = $1", c)
    assert await db.fetchval("SELECT occupied FROM session WHERE id = $1", royal) \
        == asyncpg.Range(h(3.5), h(5))
    await _session(db, c, a, 3, 3.5)
    with pytest.raises(asyncpg.ExclusionViolationError):
        await db.execute("UPDATE conference SET protocol = protocol ||"
                         " '{\"seated_before_minutes\": 45}' WHERE id = $1", c)
