"""The event log and the deliveries: SQL and row mapping only (queries in ``queries.sql``)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import asyncpg

from conference.db.sql import queries_beside
from conference.operations.models import Event

Q = queries_beside(__file__)


def _delivery(row: asyncpg.Record) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != "seq"}


async def list_deliveries(conn: asyncpg.Connection, statuses: list[str] | None, after: int,
                          limit: int) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch(Q["list_deliveries"], statuses, after, limit)
    return rows


async def delivery(conn: asyncpg.Connection, delivery_id: UUID) -> dict[str, Any] | None:
    row = await conn.fetchrow(Q["delivery_by_id"], delivery_id)
    return None if row is None else _delivery(row)


async def requeue_delivery(conn: asyncpg.Connection, delivery_id: UUID
                           ) -> dict[str, Any] | None:
    row = await conn.fetchrow(Q["retry_delivery"], delivery_id)
    return None if row is None else _delivery(row)


async def lock_parked(conn: asyncpg.Connection, delivery_id: UUID) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(Q["parked_delivery"], delivery_id)
    return row


async def reopen_consumer(conn: asyncpg.Connection, event_id: int, consumer: str) -> None:
    await conn.execute(Q["reopen_consumer"], event_id, consumer)


async def retry_event(conn: asyncpg.Connection, event_id: int) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(Q["retry_event"], event_id)
    return row


async def lock_event(conn: asyncpg.Connection, event_id: int) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(Q["lock_event"], event_id)
    return row


async def failed_events(conn: asyncpg.Connection, conference_id: UUID, after: int, limit: int
                        ) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch(Q["failed_events"], conference_id, after,
                                                  limit)
    return rows


async def wake_workers(conn: asyncpg.Connection) -> None:
    await conn.execute(Q["wake_workers"])


async def events_of(
    conn: asyncpg.Connection, conference_id: UUID, after: int, limit: int
) -> list[Event]:
    rows = await conn.fetch(Q["events_of"], conference_id, after, limit)
    return [Event.model_validate(dict(r)) for r in rows]


async def conference_deliveries(conn: asyncpg.Connection, conference_id: UUID,
                                statuses: list[str] | None, limit: int
                                ) -> list[dict[str, Any]]:
    rows = await conn.fetch(Q["conference_deliveries"], conference_id, statuses, limit)
    return [_delivery(r) for r in rows]


async def conference_delivery_counts(conn: asyncpg.Connection, conference_id: UUID
                                     ) -> dict[str, int]:
    rows = await conn.fetch(Q["conference_delivery_counts"], conference_id)
    return {r["status"]: r["n"] for r in rows}


async def conference_failed_deliveries(conn: asyncpg.Connection, conference_id: UUID
                                       ) -> list[UUID]:
    return [r["id"] for r in await conn.fetch(Q["conference_failed_deliveries"], conference_id)]


async def failed_event_count(conn: asyncpg.Connection, conference_id: UUID) -> int:
    count: int = await conn.fetchval(Q["failed_event_count"], conference_id)
    return count
