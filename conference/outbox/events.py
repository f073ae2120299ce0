"""Domain events: one pydantic model per type (published as JSON Schema in ``schemas/events``),
written by ``record`` in the caller's transaction.

Payloads carry identifiers and states, never names or addresses: the log is read by
integrators and must survive the erasure of a person.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

import asyncpg
from pydantic import BaseModel, ConfigDict


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ConferenceCreated(Payload):
    slug: str


class DelegationCreated(Payload):
    delegation_id: UUID
    kind: Literal["country", "organisation"]
    country: str | None


class AccreditationChanged(Payload):
    accreditation_id: UUID
    category: str
    status: str
    from_status: str | None
    delegation_id: UUID | None


class DeliveryRetried(Payload):
    delivery_id: UUID


EVENT_TYPES: dict[str, type[Payload]] = {
    "conference.created": ConferenceCreated,
    "delegation.created": DelegationCreated,
    "accreditation.submitted": AccreditationChanged,
    "accreditation.approved": AccreditationChanged,
    "accreditation.rejected": AccreditationChanged,
    "accreditation.waitlisted": AccreditationChanged,
    "accreditation.withdrawn": AccreditationChanged,
    "accreditation.revoked": AccreditationChanged,
}


def register(event_type: str, payload: type[Payload]) -> None:
    """Other domains add their event types here at import time."""
    EVENT_TYPES[event_type] = payload


class Event(BaseModel):
    """An event as integrators read it from ``GET …/events``."""

    id: int
    type: str
    conference_id: UUID | None
    subject_id: str | None
    occurred_at: datetime
    payload: dict[str, Any]


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
    expected = EVENT_TYPES.get(event_type)
    if expected is None or not isinstance(payload, expected):
        raise TypeError(f"payload {type(payload).__name__} does not fit event {event_type}")
    event_id: int = await conn.fetchval(
        "INSERT INTO domain_event (conference_id, type, subject_id, payload, actor)"
        " VALUES ($1, $2, $3, $4, $5) RETURNING id",
        conference_id, event_type, str(subject_id) if subject_id else None,
        payload.model_dump(mode="json"), actor,
    )
    return event_id


async def events_of(
    conn: asyncpg.Connection, conference_id: UUID, after: int, limit: int
) -> list[Event]:
    rows = await conn.fetch(
        "SELECT id, type, conference_id, subject_id, occurred_at, payload FROM domain_event"
        " WHERE conference_id = $1 AND id > $2"
        "   AND txid < pg_snapshot_xmin(pg_current_snapshot())"
        " ORDER BY id LIMIT $3",
        conference_id, after, limit,
    )
    return [Event.model_validate(dict(r)) for r in rows]
