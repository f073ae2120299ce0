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


async def record(
    conn: asyncpg.Connection,
    event_type: str,
    payload: Payload,
    *,
    conference_id: UUID | None,
    subject_id: str | UUID | None = None,
    actor: str | None = None,
    history: list[dict[str, Any]] | None = None,
    occurred_at: datetime | None = None,
) -> int:
    """Append one event in the caller's transaction; the request that made it wakes the workers
    once it has answered (outbox/wake.py), their polling finds it otherwise. ``history``: the
    lines the event adds to an accreditation's audit trail, with what only the trail may carry
    (a free-text reason: docs/outbox.md, "The audit trail"). ``occurred_at``: the use-case's
    time (its clock's ``now``), which consumers may decide on (docs/calendar.md, "Sessions
    already over"); the transaction's time when not given."""
    if not isinstance(payload, Payload):
        raise TypeError(f"payload {type(payload).__name__} is not a domain event payload")
    event_id: int = await conn.fetchval(
        Q["record_event"], conference_id, event_type, str(subject_id) if subject_id else None,
        payload.model_dump(mode="json"), actor, history, occurred_at,
    )
    return event_id
