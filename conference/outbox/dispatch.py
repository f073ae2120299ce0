"""Consumers of domain events: each turns an event into deliveries (rendered messages).

A consumer runs inside the transaction that marks its event dispatched, so the deliveries it
produces are written exactly once; sending them is the worker's second stage.

A consumer that may produce many deliveries (the programme's invitations) honours
``ctx.limit``: it produces at most that many, records in the same transaction what it has done
(so that running it again produces only the rest), and sets ``ctx.incomplete``; it may also
leave ``ctx.cursor`` (a string of its own, saved with the step) so that the next step starts
where this one stopped instead of looking again at what is done. The worker
then commits that step and calls it again, for the same event, until it is complete: the first
deliveries go out while the rest are still being rendered, and a worker killed between steps
loses nothing and repeats nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from conference.settings import Settings


@dataclass(frozen=True)
class EventRow:
    id: int
    type: str
    conference_id: UUID | None
    subject_id: str | None
    payload: dict[str, Any]
    occurred_at: datetime


@dataclass(frozen=True)
class NewDelivery:
    template: str
    dedupe_key: str
    recipient: str
    sender: str
    subject: str
    message_id: str
    message: bytes
    conference_id: UUID | None = None
    accreditation_id: UUID | None = None
    delivery_id: UUID | None = None
    kind: str = "mail"
    webhook_id: UUID | None = None


@dataclass
class DispatchContext:
    settings: Settings
    now: datetime
    cache: dict[str, Any] = field(default_factory=dict)
    limit: int | None = None
    """At most this many deliveries from the consumer called now (None: all)."""
    incomplete: bool = False
    """Set by a consumer that stopped at ``limit``: call it again for the rest."""
    cursor: str | None = None
    """Where the consumer's previous step stopped (None: from the start); a consumer that stops
    at ``limit`` may set it, and it is saved in the same transaction as the step."""


Consumer = Callable[[asyncpg.Connection, EventRow, DispatchContext], Awaitable[list[NewDelivery]]]

CONSUMERS: dict[str, list[Consumer]] = {}
ALL_EVENTS: list[Consumer] = []
"""Consumers of every event type (webhooks)."""


def consumes(*event_types: str) -> Callable[[Consumer], Consumer]:
    def register(fn: Consumer) -> Consumer:
        for t in event_types:
            CONSUMERS.setdefault(t, []).append(fn)
        return fn

    return register


def consumes_all(fn: Consumer) -> Consumer:
    ALL_EVENTS.append(fn)
    return fn


def consumers_of(event_type: str) -> list[Consumer]:
    return CONSUMERS.get(event_type, []) + ALL_EVENTS


def consumer_name(consumer: Consumer) -> str:
    return f"{consumer.__module__}:{consumer.__qualname__}"


def load_consumers() -> None:
    """Import the modules that register consumers, and load what their first event needs (so
    that a worker's first invitations do not wait for it)."""
    import conference.accreditation.notices  # noqa: F401
    import conference.calendar.invitations
    import conference.webhooks.repo  # noqa: F401

    conference.calendar.invitations.warm_up()
