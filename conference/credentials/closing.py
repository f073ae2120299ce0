"""The consumer that closes the visa letters of an accreditation that has ended (rejected,
withdrawn, revoked, or substituted: the person replaced): its open request is refused and its
approved letter cancelled, each with its own event, so that the verification page
(``/v/{number}``) says "cancelled" and the PDF is no longer given (docs/credentials.md, "Visa
invitation letters"). It runs in the worker, in the savepoint of its own that the worker gives
every consumer (docs/outbox.md), never in the request that ended the accreditation. It sends
nothing: a cancellation by protocol mails nobody either, and the person has the accreditation's
own letter.

It share-locks the accreditation's row before the letters' (the order an approval takes them),
so it declares the accreditation's lock key, as the notices consumer does for the same row
(docs/outbox.md, "Locks").

An erasure needs nothing here: the database deletes the person's letters with the erasure
(migration 0027), and their numbers answer 404."""

from __future__ import annotations

import uuid

import asyncpg

from conference.credentials import repo
from conference.credentials.domain import CLOSING_STATUSES
from conference.credentials.service import close_letters_of
from conference.outbox.dispatch import (
    ConsumerResult,
    DispatchContext,
    EventRow,
    Subscription,
    advisory_key,
)

CLOSING_EVENTS = frozenset(f"accreditation.{status}" for status in CLOSING_STATUSES)
"""The events that end an accreditation (``accreditation.substituted`` names the member
replaced, whose letters close; the newcomer asks for a letter of their own)."""


def _accreditation(event: EventRow) -> uuid.UUID:
    return uuid.UUID(event.payload["accreditation_id"])


async def close_visa_letters(conn: asyncpg.Connection, event: EventRow, ctx: DispatchContext
                             ) -> ConsumerResult:
    await close_letters_of(conn, _accreditation(event), await repo.event_actor(conn, event.id),
                           ctx.now)
    return ConsumerResult()


def _locks(event: EventRow) -> list[int]:
    return [advisory_key("accreditation", _accreditation(event))]


SUBSCRIPTIONS = (
    Subscription("conference.credentials.closing:close_visa_letters", close_visa_letters,
                 CLOSING_EVENTS, locks=_locks),
)
"""For the composition root (``conference/runtime.py``)."""
