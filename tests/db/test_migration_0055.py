"""Migration 0055: every session gets the range it occupies; a royal-presence session's starts at
its guests' seating (the conference's lead time, 15 minutes unless set). One that its seating
would make clash with a booking accepted under the old rule keeps its own range, named by a
WARNING, so that the migration, and the deployment, go through; its next change is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

import asyncpg
import pytest

from conference.db.migrate import migrate, migrations_dir
from tests.db.conftest import migrate_before

T0 = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def h(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


async def test_royal_sessions_occupy_from_the_seating_and_a_clash_is_reported(
    empty_db: asyncpg.Connection, tmp_path: Path
) -> None:
    conn = empty_db
    await migrate_before(conn, tmp_path, "0055")
    now = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)

    async def conference(slug: str, protocol: str) -> UUID:
        found: UUID = await conn.fetchval(
            "INSERT INTO conference (slug, title, venue, timezone, starts_on, ends_on, languages,"
            " press_opens_at, press_closes_at, press_pool_capacity, organiser_email, protocol)"
            " VALUES ($1, '{}', '{}', 'UTC', '2026-12-01', '2026-12-02', '{en}', $2, $3, 50,"
            " 'o@example.org', $4::text::jsonb) RETURNING id", slug, now, now + timedelta(days=10),
            protocol)
        return found

    async def room(conference_id: UUID, name: str) -> UUID:
        found: UUID = await conn.fetchval(
            "INSERT INTO room (conference_id, name, capacity) VALUES ($1, $2, 50) RETURNING id",
            conference_id, name)
        return found

    async def session(conference_id: UUID, room_id: UUID, start: float, end: float,
                      royal: bool) -> UUID:
        found: UUID = await conn.fetchval(
            "INSERT INTO session (conference_id, room_id, title, kind, during, press_access,"
            " royal_presence, created_at, updated_at) VALUES ($1, $2, '{\"en\": \"S\"}',"
            " 'plenary', tstzrange($3, $4), 'pool', $5, now(), now()) RETURNING id",
            conference_id, room_id, h(start), h(end), royal)
        return found

    plain = await conference("m55", "{}")  # no lead time set: 15 minutes
    half = await conference("m55b", '{"seated_before_minutes": 30}')
    a, b = await room(plain, "A"), await room(plain, "B")
    meeting = await session(plain, a, 0, 1, False)
    clashing = await session(plain, a, 1, 1.5, True)  # accepted under the old rule
    free = await session(plain, b, 1, 1.5, True)
    after = await session(plain, b, 0, 0.75, False)  # ends as the guests are seated
    other = await session(half, await room(half, "A"), 1, 2, True)

    warnings: list[str] = []
    conn.add_log_listener(lambda _, message: warnings.append(message.message)
                          if message.severity == "WARNING" else None)
    await migrate(conn, migrations_dir())

    occupied = {r["id"]: r["occupied"] for r in await conn.fetch(
        "SELECT id, occupied FROM session")}
    assert occupied == {
        meeting: asyncpg.Range(h(0), h(1)),
        clashing: asyncpg.Range(h(1), h(1.5)),  # kept, and reported
        free: asyncpg.Range(h(0.75), h(1.5)),
        after: asyncpg.Range(h(0), h(0.75)),
        other: asyncpg.Range(h(0.5), h(2)),
    }
    assert len(warnings) == 1 and str(clashing) in warnings[0], warnings
    # the next change to it, even a rename, meets the rule
    with pytest.raises(asyncpg.ExclusionViolationError):
        await conn.execute("UPDATE session SET title = '{\"en\": \"T\"}' WHERE id = $1",
                           clashing)
    await conn.execute("UPDATE session SET during = tstzrange($2, $3) WHERE id = $1",
                       meeting, h(0), h(0.75))
    await conn.execute("UPDATE session SET title = '{\"en\": \"T\"}' WHERE id = $1", clashing)
    assert await conn.fetchval("SELECT occupied FROM session WHERE id = $1", clashing) \
        == asyncpg.Range(h(0.75), h(1.5))
