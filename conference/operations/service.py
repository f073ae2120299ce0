"""Use-cases of the outbox as organisers see it: the event log, failed events and deliveries,
and their retries (docs/outbox.md). Each owns its transaction and records its event."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from conference.auth import Principal
from conference.db.pool import connection, transaction
from conference.errors import Conflict, NotFound
from conference.operations import repo
from conference.operations.events import DeliveryRetried, EventRetried
from conference.operations.models import Delivery, DeliveryPage, Event, FailedEvent
from conference.outbox.events import record

STATUSES = {"pending": ["queued", "in_flight", "retry"], "sent": ["sent"], "failed": ["failed"]}


async def event_log(pool: asyncpg.Pool, conference_id: UUID, after: int, limit: int
                    ) -> list[Event]:
    async with connection(pool) as conn:
        return await repo.events_of(conn, conference_id, after, limit)


async def failed_events(pool: asyncpg.Pool, conference_id: UUID, after: int, limit: int
                        ) -> list[FailedEvent]:
    async with connection(pool) as conn:
        rows = await repo.failed_events(conn, conference_id, after, limit)
    return [FailedEvent(id=r["id"], type=r["type"], conference_id=r["conference_id"],
                        subject_id=r["subject_id"], occurred_at=r["occurred_at"],
                        payload=r["payload"], consumers_failed=list(r["consumers_failed"]),
                        error=r["dispatch_error"], attempts=r["dispatch_attempts"])
            for r in rows]


async def retry_event(pool: asyncpg.Pool, event_id: int, actor: Principal) -> FailedEvent:
    """Run again the consumers of an event that kept failing (after the cause is fixed); the
    answer names the consumers that will run again."""
    async with transaction(pool) as conn:
        before = await repo.lock_event(conn, event_id)
        if before is None:
            raise NotFound("No such event.")
        if await repo.retry_event(conn, event_id) is None:
            raise Conflict("Only a failed event can be retried.")
        consumers = list(before["consumers_failed"])
        await record(conn, "event.retried", EventRetried(event_id=event_id, consumers=consumers),
                     conference_id=before["conference_id"], subject_id=str(event_id),
                     actor=actor.actor)
        await repo.wake_workers(conn)
    return FailedEvent(id=before["id"], type=before["type"],
                       conference_id=before["conference_id"], subject_id=before["subject_id"],
                       occurred_at=before["occurred_at"], payload=before["payload"],
                       consumers_failed=consumers, error=None, attempts=0)


async def deliveries(pool: asyncpg.Pool, status: str | None, after: int, limit: int
                     ) -> DeliveryPage:
    statuses = STATUSES[status] if status else None
    async with connection(pool) as conn:
        rows = await repo.list_deliveries(conn, statuses, after, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return DeliveryPage(
        items=[Delivery.model_validate({k: v for k, v in r.items() if k != "seq"})
               for r in rows],
        next_cursor=rows[-1]["seq"] if more else None,
    )


async def retry_delivery(pool: asyncpg.Pool, delivery_id: UUID, actor: Principal) -> Delivery:
    """Send a failed delivery again; a parked one (its message could not be built) is built
    again by its consumer, which builds only what is missing."""
    async with transaction(pool) as conn:
        row = await repo.requeue_delivery(conn, delivery_id)
        if row is None:
            parked = await repo.lock_parked(conn, delivery_id)
            if parked is None:
                if await repo.delivery(conn, delivery_id) is None:
                    raise NotFound("No such delivery.")
                raise Conflict("Only a failed or retrying delivery can be retried.")
            await repo.reopen_consumer(conn, parked["event_id"], parked["consumer"])
            row = await repo.delivery(conn, delivery_id)
            assert row is not None
        await record(conn, "delivery.retried", DeliveryRetried(delivery_id=delivery_id),
                     conference_id=row["conference_id"], subject_id=delivery_id,
                     actor=actor.actor)
        await repo.wake_workers(conn)
    return Delivery.model_validate(row)


# --- one conference's operations (the console) -------------------------------------------------


async def conference_deliveries(pool: asyncpg.Pool, conference_id: UUID, status: str | None,
                                limit: int) -> list[Delivery]:
    """One conference's deliveries, newest first, of one status group (pending, sent, failed)
    or all."""
    statuses = STATUSES[status] if status else None
    async with connection(pool) as conn:
        rows = await repo.conference_deliveries(conn, conference_id, statuses, limit)
    return [Delivery.model_validate(r) for r in rows]


async def conference_counts(pool: asyncpg.Pool, conference_id: UUID) -> dict[str, int]:
    """Deliveries by status group (pending, sent, failed) and the failed events."""
    async with connection(pool) as conn:
        by_status = await repo.conference_delivery_counts(conn, conference_id)
        failed_events = await repo.failed_event_count(conn, conference_id)
    counts = {group: sum(by_status.get(s, 0) for s in statuses)
              for group, statuses in STATUSES.items()}
    counts["failed_events"] = failed_events
    return counts


async def retry_conference_delivery(pool: asyncpg.Pool, conference_id: UUID, delivery_id: UUID,
                                    actor: Principal) -> Delivery:
    """``retry_delivery`` for a delivery of this conference (another's is not found)."""
    async with connection(pool) as conn:
        row = await repo.delivery(conn, delivery_id)
    if row is None or row["conference_id"] != conference_id:
        raise NotFound("No such delivery.")
    return await retry_delivery(pool, delivery_id, actor)


async def retry_conference_failed(pool: asyncpg.Pool, conference_id: UUID, actor: Principal
                                  ) -> int:
    """Retry every failed delivery of this conference (each its own transaction and event);
    how many went back in the queue."""
    async with connection(pool) as conn:
        ids = await repo.conference_failed_deliveries(conn, conference_id)
    done = 0
    for delivery_id in ids:
        try:
            await retry_delivery(pool, delivery_id, actor)
        except (Conflict, NotFound):
            continue  # retried or sent meanwhile
        done += 1
    return done


async def retry_conference_event(pool: asyncpg.Pool, conference_id: UUID, event_id: int,
                                 actor: Principal) -> FailedEvent:
    """``retry_event`` for an event of this conference (another's is not found)."""
    async with connection(pool) as conn:
        row = await repo.lock_event(conn, event_id)
    if row is None or row["conference_id"] != conference_id:
        raise NotFound("No such event.")
    return await retry_event(pool, event_id, actor)
