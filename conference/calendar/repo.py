"""Calendar reads for the feeds: SQL in (``queries.sql``), rows out. No rule here."""

from __future__ import annotations

import uuid

import asyncpg

from conference.db.sql import queries_beside

Q = queries_beside(__file__)


async def attendee(conn: asyncpg.Connection, accreditation_id: uuid.UUID
                   ) -> asyncpg.Record | None:
    """The accreditation a feed belongs to, as the invitation rules read it."""
    row: asyncpg.Record | None = await conn.fetchrow(Q["attendee"], accreditation_id)
    return row


async def invitation_states(conn: asyncpg.Connection, accreditation_id: uuid.UUID
                            ) -> dict[uuid.UUID, asyncpg.Record]:
    """What the person was last sent of each session (method and sequence), by session."""
    rows = await conn.fetch(Q["states_of_accreditation"], accreditation_id)
    return {r["session_id"]: r for r in rows}
