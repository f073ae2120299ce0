"""Webhooks: registration, and the consumer that queues one signed delivery per subscribed
endpoint for every event of its conference."""

from __future__ import annotations

import json
import secrets
import uuid
from uuid import UUID

import asyncpg

from conference.errors import NotFound
from conference.outbox.dispatch import (
    ConsumerResult,
    DispatchContext,
    EventRow,
    NewDelivery,
    Subscription,
)
from conference.webhooks.models import Webhook, WebhookCreated, WebhookIn


def _webhook(row: asyncpg.Record) -> Webhook:
    return Webhook(id=row["id"], url=row["url"], event_types=row["event_types"],
                   created_at=row["created_at"])


async def create(conn: asyncpg.Connection, conference_id: UUID, body: WebhookIn
                 ) -> WebhookCreated:
    secret = body.secret or secrets.token_urlsafe(32)
    row = await conn.fetchrow(
        "INSERT INTO webhook (conference_id, url, event_types, secret) VALUES ($1, $2, $3, $4)"
        " RETURNING *", conference_id, body.url, body.event_types, secret)
    return WebhookCreated(**_webhook(row).model_dump(), secret=secret)


async def list_of(conn: asyncpg.Connection, conference_id: UUID) -> list[Webhook]:
    rows = await conn.fetch("SELECT * FROM webhook WHERE conference_id = $1 AND deleted_at IS"
                            " NULL ORDER BY created_at, id", conference_id)
    return [_webhook(r) for r in rows]


async def delete(conn: asyncpg.Connection, conference_id: UUID, webhook_id: UUID) -> None:
    status = await conn.execute(
        "UPDATE webhook SET deleted_at = now() WHERE id = $1 AND conference_id = $2"
        " AND deleted_at IS NULL", webhook_id, conference_id)
    if status.endswith(" 0"):
        raise NotFound("No such webhook.")


async def webhook_deliveries(
    conn: asyncpg.Connection, event: EventRow, ctx: DispatchContext
) -> ConsumerResult:
    if event.conference_id is None:
        return ConsumerResult()
    hooks = await conn.fetch(
        "SELECT id, url FROM webhook WHERE conference_id = $1 AND deleted_at IS NULL"
        " AND ($2 = ANY(event_types) OR '*' = ANY(event_types))",
        event.conference_id, event.type)
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
