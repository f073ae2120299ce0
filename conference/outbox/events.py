"""Domain events: the mechanism. Each domain declares its event types as a plain mapping
(``EVENT_TYPES``: type name → pydantic payload model, published as JSON Schema in
``schemas/events``); ``record`` writes one in the caller's transaction.

Payloads carry identifiers and states, never names or addresses: the log is read by
integrators and must survive the erasure of a person.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg
from pydantic import BaseModel, ConfigDict

from conference.db.sql import queries_beside

Q = queries_beside(__file__)


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DeliveryRetried(Payload):
    delivery_id: UUID


class EventRetried(Payload):
    event_id: int
    consumers: list[str]


EVENT_TYPES: dict[str, type[Payload]] = {
    "delivery.retried": DeliveryRetried,
    "event.retried": EventRetried,
}
"""The outbox's own event types; each domain declares its own the same way, and the composition
root (``conference/runtime.py``) joins them into the catalogue."""


class Event(BaseModel):
    """An event as integrators read it from ``GET …/events``."""

    id: int
    type: str
    conference_id: UUID | None
    subject_id: str | None
    occurred_at: datetime
    payload: dict[str, Any]


class FailedEvent(Event):
    """An event with consumers that kept failing (``GET …/events?status=failed``)."""

    consumers_failed: list[str]
    """The consumers that kept failing (those not named here have run)."""
    error: str | None
    """The error class of the last failure per consumer (never a message's text)."""
    attempts: int


async def record(
    conn: asyncpg.Connection,
    event_type: str,
    payload: Payload,
    *,
    conference_id: UUID | None,
    subject_id: str | UUID | None = None,
    actor: str | None = None,
) -> int:
    """Append one event in the caller's transaction; the request that made it wakes the workers
    once it has answered (outbox/wake.py), their polling finds it otherwise."""
    if not isinstance(payload, Payload):
        raise TypeError(f"payload {type(payload).__name__} is not a domain event payload")
    event_id: int = await conn.fetchval(
        Q["record_event"], conference_id, event_type, str(subject_id) if subject_id else None,
        payload.model_dump(mode="json"), actor,
    )
    return event_id


async def events_of(
    conn: asyncpg.Connection, conference_id: UUID, after: int, limit: int
) -> list[Event]:
    rows = await conn.fetch(Q["events_of"], conference_id, after, limit)
    return [Event.model_validate(dict(r)) for r in rows]
