"""Replies: SQL and row mapping only (queries in ``queries.sql``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from conference.db.sql import queries_beside

Q = queries_beside(__file__)


async def invitation_of(conn: asyncpg.Connection, accreditation_id: UUID, session_id: UUID
                        ) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind(
        "invitation_of", accreditation_id=accreditation_id, session_id=session_id))
    return row


async def last_reply(conn: asyncpg.Connection, accreditation_id: UUID, session_id: UUID
                     ) -> datetime | None:
    stamp: datetime | None = await conn.fetchval(*Q.bind(
        "last_reply", accreditation_id=accreditation_id, session_id=session_id))
    return stamp


async def save_reply(conn: asyncpg.Connection, values: dict[str, Any]) -> None:
    await conn.execute(*Q.bind_record("save_reply", values))


async def count_outcome(conn: asyncpg.Connection, outcome: str, now: datetime) -> None:
    await conn.execute(*Q.bind("count_outcome", outcome=outcome, now=now))


async def session_conference(conn: asyncpg.Connection, session_id: UUID) -> UUID | None:
    conference_id: UUID | None = await conn.fetchval(*Q.bind("session_conference",
                                                             session_id=session_id))
    return conference_id


async def attendance_of_session(conn: asyncpg.Connection, session_id: UUID
                                ) -> list[dict[str, Any]]:
    rows = await conn.fetch(*Q.bind("attendance_of_session", session_id=session_id))
    return [dict(r) for r in rows]


async def outcome_counts(conn: asyncpg.Connection) -> dict[str, int]:
    return {r["outcome"]: r["n"] for r in await conn.fetch(Q["outcome_counts"])}


async def personal_replies(conn: asyncpg.Connection, accreditation_id: UUID
                           ) -> list[dict[str, Any]]:
    """The personal-data export's section ``replies``: the person's answers per session."""
    rows = await conn.fetch(*Q.bind("replies_of", accreditation_id=accreditation_id))
    return [dict(r) for r in rows]
