"""The programme's invariants held by PostgreSQL itself (migrations/0002_programme.sql), written
to with plain SQL so that no Python check stands in between."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import asyncpg
import pytest

from conference.conferences.models import ConferenceIn
from conference.conferences.repo import insert_conference
from tests.conftest import conference_body

T0 = datetime(2030, 5, 6, 9, 0, tzinfo=UTC)


def h(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


async def _conference(db: asyncpg.Connection, slug: str = "alliance") -> UUID:
    c = await insert_conference(db, ConferenceIn.model_validate(conference_body(slug)))
    return c.id


async def _room(db: asyncpg.Connection, conference_id: UUID, name: str) -> UUID:
    room_id: UUID = await db.fetchval(
        "INSERT INTO room (conference_id, name, capacity) VALUES ($1, $2, 50) RETURNING id",
        conference_id, name)
    return room_id


async def _session(db: asyncpg.Connection, conference_id: UUID, room_id: UUID, start: float,
                   end: float, **columns: Any) -> UUID:
    session_id: UUID = await db.fetchval(
        "INSERT INTO session (conference_id, room_id, title, kind, during, press_access,"
        " royal_presence, created_at, updated_at)"
        " VALUES ($1, $2, '{\"fr\": \"S\", \"en\": \"S\"}', 'plenary', tstzrange($3, $4), $5,"
        " $6, now(), now()) RETURNING id",
        conference_id, room_id, h(start), h(end), columns.get("press_access", "closed"),
        columns.get("royal_presence", False))
    return session_id


async def _person(db: asyncpg.Connection, conference_id: UUID, name: str) -> UUID:
    person_id: UUID = await db.fetchval(
        "INSERT INTO accreditation (conference_id, category, given_name, family_name, email,"
        " language) VALUES ($1, 'expert', 'X', $2, $3, 'en') RETURNING id",
        conference_id, name, f"{name}@example.org")
    return person_id


async def _seat(db: asyncpg.Connection, session_id: UUID, person_id: UUID,
                role: str = "speaker") -> None:
    await db.execute(
        "INSERT INTO session_participant (session_id, conference_id, accreditation_id, role,"
        " during, added_at) SELECT id, conference_id, $2, $3, 'empty', now() FROM session"
        " WHERE id = $1", session_id, person_id, role)


async def test_a_room_cannot_hold_two_sessions_at_once(db: asyncpg.Connection) -> None:
    c = await _conference(db)
    a, b = await _room(db, c, "A"), await _room(db, c, "B")
    await _session(db, c, a, 0, 1)
    await _session(db, c, a, 1, 2)  # back to back: '[)' ranges do not overlap
    await _session(db, c, b, 0.5, 1.5)  # another room
    with pytest.raises(asyncpg.ExclusionViolationError) as refused:
        await _session(db, c, a, 0.5, 1.5)
    assert refused.value.constraint_name == "session_room_booked_once"


async def test_a_cancelled_session_books_nothing(db: asyncpg.Connection) -> None:
    c = await _conference(db)
    a = await _room(db, c, "A")
    first = await _session(db, c, a, 0, 1)
    await db.execute("UPDATE session SET cancelled_at = now() WHERE id = $1", first)
    await _session(db, c, a, 0, 1)
    with pytest.raises(asyncpg.ExclusionViolationError):  # reinstating it would double-book
        await db.execute("UPDATE session SET cancelled_at = NULL WHERE id = $1", first)


async def test_a_person_cannot_be_on_two_sessions_at_once(db: asyncpg.Connection) -> None:
    c = await _conference(db)
    a, b = await _room(db, c, "A"), await _room(db, c, "B")
    s1, s2 = await _session(db, c, a, 0, 1), await _session(db, c, b, 0.5, 1.5)
    p = await _person(db, c, "valls")
    await _seat(db, s1, p)
    assert await db.fetchval("SELECT during = tstzrange($1, $2) FROM session_participant"
                             " WHERE session_id = $3", h(0), h(1), s1)
    with pytest.raises(asyncpg.ExclusionViolationError) as refused:
        await _seat(db, s2, p)
    assert refused.value.constraint_name == "participant_booked_once"


async def test_moving_a_session_carries_its_participants_and_is_refused_on_a_clash(
    db: asyncpg.Connection,
) -> None:
    c = await _conference(db)
    a, b = await _room(db, c, "A"), await _room(db, c, "B")
    s1, s2 = await _session(db, c, a, 0, 1), await _session(db, c, b, 3, 4)
    p = await _person(db, c, "ask")
    await _seat(db, s1, p)
    await _seat(db, s2, p)
    await db.execute("UPDATE session SET during = tstzrange($2, $3) WHERE id = $1",
                     s1, h(1), h(2))
    assert await db.fetchval("SELECT during FROM session_participant WHERE session_id = $1",
                             s1) == asyncpg.Range(h(1), h(2))
    with pytest.raises(asyncpg.ExclusionViolationError) as refused:
        await db.execute("UPDATE session SET during = tstzrange($2, $3) WHERE id = $1",
                         s1, h(3.5), h(4.5))
    assert refused.value.constraint_name == "participant_booked_once"
    await db.execute("UPDATE session SET cancelled_at = now() WHERE id = $1", s2)
    assert await db.fetchval("SELECT cancelled FROM session_participant WHERE session_id = $1",
                             s2) is True
    await db.execute("UPDATE session SET during = tstzrange($2, $3) WHERE id = $1",
                     s1, h(3.5), h(4.5))


async def test_a_session_and_its_people_belong_to_one_conference(
    db: asyncpg.Connection,
) -> None:
    c, other = await _conference(db), await _conference(db, "follow-up")
    a, foreign_room = await _room(db, c, "A"), await _room(db, other, "A")
    with pytest.raises(asyncpg.ForeignKeyViolationError):
        await _session(db, c, foreign_room, 0, 1)
    s = await _session(db, c, a, 0, 1)
    foreigner = await _person(db, other, "holder")
    with pytest.raises(asyncpg.ForeignKeyViolationError):
        await _seat(db, s, foreigner)


async def test_times_royal_press_and_chair_are_checked(db: asyncpg.Connection) -> None:
    c = await _conference(db)
    a = await _room(db, c, "A")
    with pytest.raises(asyncpg.CheckViolationError):
        await _session(db, c, a, 1, 1)  # empty range: start = end
    with pytest.raises(asyncpg.DataError):
        await _session(db, c, a, 2, 1)  # end before start
    with pytest.raises(asyncpg.CheckViolationError):
        await _session(db, c, a, 0, 1, royal_presence=True, press_access="open")
    s = await _session(db, c, a, 0, 1, royal_presence=True, press_access="pool")
    first, second = await _person(db, c, "one"), await _person(db, c, "two")
    await _seat(db, s, first, "chair")
    with pytest.raises(asyncpg.UniqueViolationError):
        await _seat(db, s, second, "chair")


async def test_a_version_number_is_taken_once_per_conference(db: asyncpg.Connection) -> None:
    c, other = await _conference(db), await _conference(db, "follow-up")
    insert = ("INSERT INTO programme_version (conference_id, number, published_at, published_by,"
              " snapshot, changes) VALUES ($1, $2, now(), 'test', '{}', '{}')")
    await db.execute(insert, c, 1)
    await db.execute(insert, other, 1)
    with pytest.raises(asyncpg.UniqueViolationError):
        await db.execute(insert, c, 1)
