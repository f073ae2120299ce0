"""Consumers of domain events: each turns an event into deliveries (rendered messages).

The rules are in docs/outbox.md. In short: a consumer runs inside the transaction that records
its progress on the event, so the deliveries it produces are written exactly once; sending them
is the worker's second stage.

A consumer is a plain async function; a domain declares which events it consumes with a
``Subscription`` (a plain value), and the composition root (``conference/runtime.py``) hands the
whole ``Consumers`` table to the worker. Nothing registers itself by being imported.

A consumer reports back through its return value, a ``ConsumerResult``, never by changing its
context:

- ``deliveries``: the messages to queue, each either rendered (its bytes) or, for a consumer that
  also declares a ``renderer``, as a reference (``RenderRef``) that the sending stage renders,
  byte for byte the same on every attempt (docs/outbox.md, "Rendered at send time");
- ``parked``: recipients whose message could not be built (one bad value never stops anyone
  else's mail): each becomes a failed delivery with the reason, visible and retryable;
- ``complete`` and ``cursor``: a consumer that may produce many deliveries (the programme's
  invitations) produces at most ``ctx.limit``, records in the same transaction what it has done
  (so that running it again produces only the rest), and answers ``complete=False``, with a
  ``cursor`` of its own (saved with the step) so that the next step starts where this one
  stopped. The worker commits that step and calls it again until it is complete: the first
  deliveries go out while the rest are still being rendered, and a worker killed between steps
  loses nothing and repeats nothing.

Consumers of one event succeed or fail independently: each runs in a savepoint of its own.

A consumer that needs a transaction-level advisory lock (the calendar's, per conference), or
that writes rows another worker's consumers may write too (an applicant's private link, on the
accreditation row), declares the lock keys of an event (``Subscription.locks``): the worker
takes every key of a batch, in one order, before it runs any consumer (docs/outbox.md, "Locks").
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol
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
class RenderRef:
    """What renders a delivery at send time instead of its stored bytes: the renderer (the
    name of the subscription that declares it), a context shared by many deliveries (written
    once, ``render_context``) and this delivery's own small inputs (JSON). Rendering is a pure
    function of these, the delivery's recipient, Message-ID and accreditation, and what they
    pin (a programme version): every attempt sends the same bytes."""

    renderer: str
    context: UUID
    args: dict[str, Any]


@dataclass(frozen=True)
class NewDelivery:
    template: str
    dedupe_key: str
    recipient: str
    sender: str
    subject: str
    message_id: str
    message: bytes
    """The bytes to send; not stored (and may be empty) when ``render`` is given."""
    conference_id: UUID | None = None
    accreditation_id: UUID | None = None
    delivery_id: UUID | None = None
    kind: str = "mail"
    webhook_id: UUID | None = None
    render: RenderRef | None = None


@dataclass(frozen=True)
class Parked:
    """A recipient whose message could not be built: queued as a failed delivery with
    ``error`` (the reason, without the offending value), retried by re-running the consumer."""

    template: str
    dedupe_key: str
    recipient: str
    error: str
    conference_id: UUID | None = None
    accreditation_id: UUID | None = None
    kind: str = "mail"


@dataclass(frozen=True)
class DispatchContext:
    """What a consumer is given for one call. Read-only but for ``cache``, which lives as long
    as one batch of events (and on through the steps of an event dispatched in steps)."""

    settings: Settings
    now: datetime
    cache: dict[str, Any] = field(default_factory=dict)
    limit: int | None = None
    """At most this many deliveries from this call (None: all)."""
    cursor: str | None = None
    """Where this consumer's previous step stopped (None: from the start)."""


@dataclass(frozen=True)
class ConsumerResult:
    deliveries: list[NewDelivery] = field(default_factory=list)
    parked: list[Parked] = field(default_factory=list)
    complete: bool = True
    """False: stopped at ``limit``; call again (with ``cursor``) for the rest."""
    cursor: str | None = None


def advisory_key(scope: str, ident: UUID) -> int:
    """The key of a transaction-level advisory lock on ``ident`` for ``scope`` (a signed
    64-bit integer, as ``pg_advisory_xact_lock`` takes it)."""
    return int.from_bytes(hashlib.sha256(scope.encode() + ident.bytes).digest()[:8], "big",
                          signed=True)


Consumer = Callable[[asyncpg.Connection, EventRow, DispatchContext], Awaitable[ConsumerResult]]


class DeliveryRenderer(Protocol):
    """Renders, at send time, the deliveries a consumer queued as references (``RenderRef``).
    One per worker, with caches of its own (a new process starts empty and renders the same
    bytes). ``row`` is the claimed delivery: ``render_context``, ``render_args``, ``recipient``,
    ``message_id``, ``accreditation_id``. A ``ValueError`` (or ``UnicodeError``, ``KeyError``)
    means the message cannot be rendered: the delivery fails."""

    async def render(self, pool: asyncpg.Pool,
                     row: asyncpg.Record | Mapping[str, Any]) -> bytes: ...


@dataclass(frozen=True)
class Subscription:
    name: str
    """Stable name, saved with an event's progress (``consumers_done``): never rename one."""
    consumer: Consumer
    event_types: frozenset[str] | None
    """The event types consumed; None: every event (webhooks)."""
    warm_up: Callable[[], None] | None = None
    """Loads what the first call needs (templates, locale data), when the worker starts."""
    renderer: Callable[[Settings], DeliveryRenderer] | None = None
    """Makes the renderer of the deliveries this consumer queues as references (one per
    worker); None: it queues rendered messages only."""
    statements: tuple[str, ...] = ()
    """The SQL of this consumer's first call (and of its renderer's), prepared on the worker's
    connections when it starts, so that the first event does not pay for it (docs/outbox.md,
    "Wake-up")."""
    locks: Callable[[EventRow], Iterable[int]] | None = None
    """The advisory lock keys (``advisory_key``) this consumer needs for an event: the worker
    takes all the keys of a batch, sorted, before it runs any consumer, so that no two workers
    wait for each other (docs/outbox.md, "Locks"). A consumer that locks a row another
    worker's consumer may lock too covers that row with a key."""


class Consumers:
    """The consumer table the worker runs, assembled by the composition root."""

    def __init__(self, subscriptions: Iterable[Subscription]) -> None:
        self.subscriptions = list(subscriptions)
        names = [s.name for s in self.subscriptions]
        if len(names) != len(set(names)):
            raise ValueError("two consumers share a name")

    def of(self, event_type: str) -> list[Subscription]:
        return [s for s in self.subscriptions
                if s.event_types is None or event_type in s.event_types]

    def __iter__(self) -> Iterator[Subscription]:
        return iter(self.subscriptions)
