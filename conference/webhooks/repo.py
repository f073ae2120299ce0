"""Webhooks: SQL (queries.sql) and row mapping, and the consumer that queues one signed delivery
per subscribed endpoint for every event of its conference."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from uuid import UUID

import asyncpg

from conference.db.sql import queries_beside
from conference.outbox.dispatch import (
    ConsumerResult,
    DispatchContext,
    EventRow,
    NewDelivery,
    Subscription,
)
from conference.webhooks.models import Webhook

Q = queries_beside(__file__)


def _webhook(row: asyncpg.Record) -> Webhook:
    return Webhook(id=row["id"], url=row["url"], event_types=row["event_types"],
                   created_at=row["created_at"])


async def insert(conn: asyncpg.Connection, conference_id: UUID, url: str,
                 event_types: list[str], secret: str) -> Webhook:
    row = await conn.fetchrow(Q["insert_webhook"], conference_id, url, event_types, secret)
    assert row is not None  # an insert returns its row
    return _webhook(row)


async def list_of(conn: asyncpg.Connection, conference_id: UUID) -> list[Webhook]:
    return [_webhook(r) for r in await conn.fetch(Q["webhooks_of_conference"], conference_id)]


async def mark_deleted(conn: asyncpg.Connection, conference_id: UUID, webhook_id: UUID,
                       at: datetime) -> bool:
    return await conn.fetchval(Q["delete_webhook"], webhook_id, conference_id, at) is not None


async def cancel_queued(conn: asyncpg.Connection, webhook_id: UUID) -> int:
    status: str = await conn.execute(Q["cancel_queued_deliveries"], webhook_id)
    return int(status.rsplit(" ", 1)[-1])


async def webhook_deliveries(
    conn: asyncpg.Connection, event: EventRow, ctx: DispatchContext
) -> ConsumerResult:
    if event.conference_id is None:
        return ConsumerResult()
    hooks = await conn.fetch(Q["subscribed_webhooks"], event.conference_id, event.type)
    if not hooks:
        return ConsumerResult()
    body = json.dumps({
        "id": event.id, "type": event.type, "conference_id": str(event.conference_id),
        "subject_id": event.subject_id, "occurred_at": event.occurred_at.isoformat(),
        "payload": event.payload,
    }, ensure_ascii=False, separators=(",", ":")).encode()
    return ConsumerResult([
        NewDelivery(
            template=event.type, dedupe_key=f"{event.id}:webhook:{h['id']}",
            recipient=h["url"], sender="webhook", subject=event.type,
            message_id=f"<{event.id}.{h['id']}@webhook>", message=body,
            conference_id=event.conference_id, delivery_id=uuid.uuid4(), kind="webhook",
            webhook_id=h["id"],
        )
        for h in hooks
    ])


SUBSCRIPTIONS = (
    Subscription("conference.webhooks.repo:webhook_deliveries", webhook_deliveries, None),
)
"""Webhooks consume every event (``conference/runtime.py`` wires them)."""
