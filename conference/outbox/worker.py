"""The outbox worker: two stages, both claimed with ``FOR UPDATE SKIP LOCKED`` so any number of
workers on any number of machines share the load.

1. dispatch: undispatched events → their consumers → deliveries, in one transaction per batch
   (or per step, for an event with thousands of deliveries);
2. send: due deliveries, leased (``locked_until``) so that a dead worker's rows come back, sent
   over a few reused SMTP connections; 4xx and connection errors retry with exponential backoff
   and jitter, 5xx fails at once, and what exhausts its attempts is parked as ``failed``.

The two stages run side by side, each in a loop of its own, so that rendering goes on while the
sending lanes wait on the SMTP server. NOTIFY on ``conference_outbox`` only wakes the worker;
it polls all the same (procrastinate's pattern), and re-creates its listening connection when
the database comes back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
import traceback
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any, Protocol

import asyncpg

from conference.db.errors import is_unavailable
from conference.db.pool import connect, connection, transaction
from conference.db.sql import queries_beside
from conference.mail.sender import Mailer, PermanentError, TransientError
from conference.outbox.dispatch import (
    Consumers,
    DispatchContext,
    EventRow,
    NewDelivery,
    Parked,
)
from conference.settings import Settings

log = logging.getLogger(__name__)
Q = queries_beside(__file__)
CHANNEL = "conference_outbox"
_PURGE_LOCK = 0x70757267  # "purg"


def backoff_seconds(attempts: int, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with full jitter in its upper half: base·2^(n−1), capped."""
    delay = min(cap, base * 2.0 ** max(attempts - 1, 0))
    return delay / 2 + rng.random() * delay / 2


class DeliverySender(Protocol):
    """Sends the deliveries of one kind other than mail (webhooks)."""

    async def send(self, row: asyncpg.Record) -> None: ...

    async def close(self) -> None: ...


Housekeeping = Callable[[asyncpg.Connection, date, datetime], Awaitable[int]]
"""A periodic job (the retention purge), run by one worker at a time."""


class Worker:
    def __init__(self, pool: asyncpg.Pool, settings: Settings, mailer: Mailer,
                 database_url: str, consumers: Consumers, *,
                 webhooks: DeliverySender | None = None,
                 housekeeping: Housekeeping | None = None) -> None:
        self.pool = pool
        self.settings = settings
        self.mailer = mailer
        self.database_url = database_url
        self._wake_dispatch = asyncio.Event()
        self._wake_send = asyncio.Event()
        self._stop = asyncio.Event()
        self._listener: asyncpg.Connection | None = None
        self._rng = random.Random()
        self._next_purge = 0.0
        self._steps: dict[int, int] = {}
        """Steps taken so far per event dispatched in steps (each takes four times more)."""
        self._carry: dict[str, Any] | None = None
        self.webhooks = webhooks
        self.housekeeping = housekeeping
        self.consumers = consumers
        for sub in consumers:  # so that the first event's mail does not wait for it
            if sub.warm_up is not None:
                sub.warm_up()

    # -- lifecycle -------------------------------------------------------------------------

    def wake(self) -> None:
        self._wake_dispatch.set()
        self._wake_send.set()

    def stop(self) -> None:
        self._stop.set()
        self.wake()

    async def run(self) -> None:
        """The two stages side by side, each in its own loop: while the sending lanes wait on
        the SMTP server's replies, the dispatch renders the next messages."""
        try:
            await asyncio.gather(self._loop("dispatch", self._dispatch_round, self._wake_dispatch),
                                 self._loop("send", self.send_once, self._wake_send))
        finally:
            await self._drop_listener()
            if self.webhooks is not None:
                await self.webhooks.close()

    async def _dispatch_round(self) -> int:
        await self._ensure_listener()
        dispatched = await self.dispatch_once()
        if dispatched:
            self._wake_send.set()  # its deliveries are committed: send them now
        if time.monotonic() >= self._next_purge:
            await self.purge_once()
            self._next_purge = time.monotonic() + self.settings.worker.purge_interval_seconds
        return dispatched

    async def _loop(self, stage: str, round_: Callable[[], Awaitable[int]],
                    wake: asyncio.Event) -> None:
        cfg = self.settings.worker
        failures = 0
        while not self._stop.is_set():
            try:
                wake.clear()
                if await round_():
                    failures = 0
                    continue
                failures = 0
                await self._idle(wake, cfg.poll_seconds)
            except Exception as exc:
                failures += 1
                if is_unavailable(exc):
                    log.warning("worker (%s): database unavailable (%s); retrying", stage,
                                type(exc).__name__)
                else:  # a bug: keep the worker alive, say where, never the message's text
                    log.error("worker (%s): %s\n%s", stage, type(exc).__name__,
                              "".join(traceback.format_tb(exc.__traceback__)))
                if stage == "dispatch":
                    await self._drop_listener()
                await self._idle(wake, min(30.0, 0.5 * 2 ** min(failures, 6)))

    async def _idle(self, wake: asyncio.Event, seconds: float) -> None:
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(wake.wait(), timeout=seconds)

    async def _ensure_listener(self) -> None:
        if self._listener is not None and not self._listener.is_closed():
            return
        self._listener = await connect(self.database_url)
        await self._listener.add_listener(CHANNEL, lambda *_: self.wake())

    async def _drop_listener(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(Exception):
                await self._listener.close(timeout=2)
            self._listener = None

    # -- retention -------------------------------------------------------------------------

    async def purge_once(self) -> int:
        """Apply the retention periods, if no other worker is doing it right now."""
        if self.housekeeping is None:
            return 0
        # A transaction-level lock: it holds behind a transaction pooler too.
        async with transaction(self.pool) as conn:
            if not await conn.fetchval(Q["try_purge_lock"], _PURGE_LOCK):
                return 0
            now = datetime.now(UTC)
            return await self.housekeeping(conn, now.date(), now)

    # -- stage 1: events → deliveries ------------------------------------------------------

    async def dispatch_once(self) -> int:
        """One transaction: events → deliveries, at most ``dispatch_max_step`` of them.

        Each consumer of an event runs in a savepoint of its own: one that fails is retried
        later on its own (with backoff) while the others' deliveries go out now, and one that
        keeps failing is parked on the event (``consumers_failed``), listed as failed and
        retried by an organiser (docs/outbox.md). An event whose consumers produce more than
        their step allows stays undispatched, with the consumers that have finished recorded
        (``consumers_done``); the transaction commits at once so its deliveries can be sent,
        and the next call continues it with a step four times larger.
        """
        cfg = self.settings.worker
        async with transaction(self.pool) as conn:
            rows = await conn.fetch(Q["claim_events"], cfg.batch_size)
            if not rows:
                return 0
            # The consumers' cache (rendered templates, the conference) lives as long as one
            # batch, and on through the next steps of an event dispatched in steps.
            cache: dict[str, Any] = self._carry or {}
            self._carry = None
            now = datetime.now(UTC)
            done: list[int] = []
            deliveries: list[tuple[int, NewDelivery]] = []
            parked: list[tuple[int, str, Parked]] = []
            for row in rows:
                event = EventRow(row["id"], row["type"], row["conference_id"], row["subject_id"],
                                 row["payload"], row["occurred_at"])
                finished = list(row["consumers_done"])
                given_up = list(row["consumers_failed"])
                cursors: dict[str, str] = dict(row["consumer_cursors"])
                step = self._steps.get(event.id, 0)
                room = cfg.dispatch_max_step - len(deliveries)
                limit = max(1, min(room, cfg.dispatch_first_step * 4 ** step))
                failing: list[str] = []
                errors: list[str] = []
                incomplete = False
                for sub in self.consumers.of(event.type):
                    if sub.name in finished or sub.name in given_up:
                        continue
                    ctx = DispatchContext(self.settings, now, cache, limit,
                                          cursors.get(sub.name))
                    try:
                        async with conn.transaction():
                            result = await sub.consumer(conn, event, ctx)
                    except Exception as exc:
                        if is_unavailable(exc):
                            raise
                        log.error("consumer %s of event %s (%s) failed: %s\n%s", sub.name,
                                  event.id, event.type, type(exc).__name__,
                                  "".join(traceback.format_tb(exc.__traceback__)))
                        failing.append(sub.name)
                        errors.append(f"{sub.name}: {type(exc).__name__}")
                        continue
                    deliveries.extend((event.id, d) for d in result.deliveries)
                    parked.extend((event.id, sub.name, p) for p in result.parked)
                    if result.complete:
                        finished.append(sub.name)
                        cursors.pop(sub.name, None)
                    else:
                        incomplete = True
                        if result.cursor is None:
                            cursors.pop(sub.name, None)
                        else:
                            cursors[sub.name] = result.cursor
                error = "; ".join(errors) or None
                if failing:
                    attempts = row["dispatch_attempts"] + 1
                    if attempts >= cfg.max_attempts:
                        given_up.extend(failing)
                        failing = []
                if incomplete or failing:
                    delay = 0.0
                    if failing:
                        delay = backoff_seconds(row["dispatch_attempts"] + 1,
                                                cfg.backoff_base_seconds,
                                                cfg.backoff_max_seconds, self._rng)
                    await conn.execute(Q["dispatch_progress"], event.id, finished, cursors,
                                       given_up, error, bool(failing), delay)
                    if incomplete:
                        # more to come: commit this step now, continue with this event next
                        if len(self._steps) > 1000:  # events finished by other workers
                            self._steps.clear()
                        self._steps[event.id] = step + 1
                        self._carry = cache
                        break
                    continue
                self._steps.pop(event.id, None)
                if given_up:
                    await conn.execute(Q["mark_dispatched_with_failures"], event.id, finished,
                                       given_up, error or row["dispatch_error"])
                else:
                    done.append(event.id)
                if len(deliveries) >= cfg.dispatch_max_step:
                    break
            if deliveries:
                await insert_deliveries(conn, deliveries)
            if parked:
                await insert_parked(conn, parked)
            if done:
                await conn.execute(Q["mark_dispatched"], done)
            return len(rows)

    # -- stage 2: deliveries → SMTP --------------------------------------------------------

    async def send_once(self) -> int:
        cfg = self.settings.worker
        async with connection(self.pool) as conn:
            claimed = await conn.fetch(Q["claim_deliveries"], cfg.batch_size, cfg.lease_seconds)
        if not claimed:
            return 0

        async def one(row: asyncpg.Record) -> None:
            try:
                if row["kind"] == "webhook":
                    if self.webhooks is None:
                        raise TransientError("no webhook sender in this worker")
                    await self.webhooks.send(row)
                else:
                    await self.mailer.send(row["sender"], row["recipient"], row["message"])
            except TransientError as exc:
                delay = backoff_seconds(row["attempts"], cfg.backoff_base_seconds,
                                        cfg.backoff_max_seconds, self._rng)
                async with connection(self.pool) as conn:
                    await conn.execute(Q["mark_retry"], row["id"], delay, cfg.max_attempts,
                                       str(exc)[:500])
                return
            except PermanentError as exc:
                async with connection(self.pool) as conn:
                    await conn.execute(Q["mark_failed"], row["id"], str(exc)[:500])
                return
            # Marked at once: a worker killed now re-sends (after its lease) only the messages it
            # had in flight or accepted but not yet marked, never one already marked.
            accepted.append(row["id"])
            if not marking or marking[-1].done():
                marking.append(asyncio.create_task(mark()))

        accepted: list[object] = []
        marking: list[asyncio.Task[None]] = []

        async def mark() -> None:
            """Mark what was accepted, grouped: the messages accepted during one mark's round
            trip go in the next. Not waiting for the WAL flush (``synchronous_commit = off``):
            a mark lost in a database crash only means a re-send after the lease, like a
            worker killed after sending."""
            while accepted:
                ids = list(accepted)
                accepted.clear()
                async with connection(self.pool) as conn:
                    await conn.execute(Q["mark_sent"], ids)

        queue: asyncio.Queue[asyncpg.Record] = asyncio.Queue()
        for row in claimed:
            queue.put_nowait(row)

        async def lane() -> None:
            while not queue.empty():
                await one(queue.get_nowait())

        lanes = min(self.mailer.concurrency, len(claimed))
        try:
            await asyncio.gather(*(lane() for _ in range(lanes)))
        finally:
            await asyncio.gather(*marking)
        return len(claimed)


async def insert_deliveries(
    conn: asyncpg.Connection, deliveries: list[tuple[int, NewDelivery]]
) -> None:
    cols: list[list[object]] = [[] for _ in range(13)]
    for event_id, d in deliveries:
        for i, v in enumerate((d.delivery_id, event_id, d.conference_id, d.accreditation_id,
                               d.template, d.dedupe_key, d.recipient, d.sender, d.subject,
                               d.message_id, d.message, d.kind, d.webhook_id)):
            cols[i].append(v)
    await conn.execute(Q["insert_deliveries"], *cols)


async def insert_parked(conn: asyncpg.Connection, parked: list[tuple[int, str, Parked]]) -> None:
    """Queue each recipient whose message could not be built as a failed delivery (no message,
    the reason in ``last_error``), to be built again by its consumer when retried."""
    cols: list[list[object]] = [[] for _ in range(9)]
    for event_id, consumer, p in parked:
        for i, v in enumerate((event_id, consumer, p.conference_id, p.accreditation_id,
                               p.template, p.dedupe_key, p.recipient, p.error[:500], p.kind)):
            cols[i].append(v)
    await conn.execute(Q["insert_parked"], *cols)
