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
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Protocol

import asyncpg

from conference.db.errors import is_unavailable
from conference.db.pool import connect, connection, transaction
from conference.db.sql import queries_beside
from conference.mail.headers import UNBUILDABLE
from conference.mail.sender import Mailer, PermanentError, TransientError
from conference.outbox.dispatch import (
    Consumers,
    DeliveryRenderer,
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


@dataclass
class _Batch:
    """What one dispatch transaction collects over its events."""

    cache: dict[str, Any]
    now: datetime
    done: list[int] = field(default_factory=list)
    deliveries: list[tuple[int, NewDelivery]] = field(default_factory=list)
    parked: list[tuple[int, str, Parked]] = field(default_factory=list)


@dataclass
class _EventRun:
    """One event's consumers in this round: who finished, who failed, where each stopped."""

    event_id: int
    finished: list[str]
    given_up: list[str]
    cursors: dict[str, str]
    failing: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    incomplete: bool = False


def _event(row: asyncpg.Record) -> EventRow:
    return EventRow(row["id"], row["type"], row["conference_id"], row["subject_id"],
                    row["payload"], row["occurred_at"])


class DeliverySender(Protocol):
    """Sends the deliveries of one kind other than mail (webhooks)."""

    async def send(self, row: asyncpg.Record) -> None: ...

    async def close(self) -> None: ...


Housekeeping = Callable[[asyncpg.Connection, date, datetime], Awaitable[int]]
"""A periodic job (the retention purge), run by one worker at a time."""


MARK_GROUP = 32
"""Sent marks are grouped: one statement (a transaction of its own) for up to this many accepted
messages, instead of one per message or two."""
RENDERED_AHEAD = 2
"""Messages rendered ahead of the sending lanes, per lane."""
MARK_WAIT = 0.02
"""Seconds a sent mark waits for its group to fill (the lanes finishing cut it short)."""


_FIRST_STATEMENTS = ("claim_events", "lock_keys", "dispatch_progress", "mark_dispatched",
                     "insert_deliveries", "claim_deliveries", "mark_sent")
_PREPARED_CONNECTIONS = 3
"""The connections a worker's first messages use: the dispatch, the claim, a sent mark."""


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
        self.renderers: dict[str, DeliveryRenderer] = {
            sub.name: sub.renderer(settings) for sub in consumers if sub.renderer is not None}
        """Who renders the deliveries queued as references, by renderer name: one each per
        worker, with caches of their own (docs/outbox.md, "Rendered at send time")."""

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
        await self.prepare_statements()
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

    async def prepare_statements(self) -> None:
        """The statements of the first messages (the outbox's and the consumers' own) prepared
        once on the connections that will run them. A fresh connection otherwise pays for each,
        at the first publication, with PostgreSQL's catalog look-ups and asyncpg's type
        introspection: tens of milliseconds before the first invitation (docs/outbox.md,
        "Wake-up"). Skipped behind a transaction pooler (no statement cache: a prepared
        statement would not outlive its transaction) and when the database is not there yet
        (the first event then pays, as before)."""
        if self.settings.database.statement_cache_size == 0:
            return
        texts = [Q[name] for name in _FIRST_STATEMENTS]
        texts += [text for sub in self.consumers for text in sub.statements]
        held: list[asyncpg.pool.PoolConnectionProxy] = []
        try:
            for _ in range(min(_PREPARED_CONNECTIONS, self.pool.get_max_size())):
                held.append(await self.pool.acquire())
            for conn in held:
                for text in texts:
                    await conn.prepare(text)
        except Exception as exc:
            log.warning("worker: statements not prepared in advance (%s)", type(exc).__name__)
        finally:
            for conn in held:
                await self.pool.release(conn)

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
        (``consumers_done``); the batch's other events are dispatched all the same, the
        transaction commits so that the step's deliveries can be sent, and the next call
        continues the event with a step four times larger. An approval's invitations are
        stepped too (four sessions: one, then three): ending the batch there made one approval
        per transaction, and two workers, taking the conference's calendar lock in turn,
        dispatched approvals one at a time (docs/outbox.md, "Stepped dispatch").

        Before any consumer runs, the batch takes the advisory locks its consumers declare, in
        ascending order (docs/outbox.md, "Locks"): two workers never wait for each other holding
        rows.
        """
        cfg = self.settings.worker
        async with transaction(self.pool) as conn:
            rows = await conn.fetch(Q["claim_events"], cfg.batch_size)
            if not rows:
                return 0
            # The consumers' cache (rendered templates, the conference) lives as long as one
            # batch, and on through the next steps of an event dispatched in steps.
            batch = _Batch(cache=self._carry or {}, now=datetime.now(UTC))
            self._carry = None
            # One lock order (docs/outbox.md, "Locks"): the advisory locks every consumer of
            # the batch declares, sorted, before any consumer runs and so before any row lock.
            keys = self._lock_keys(rows)
            if keys:
                await conn.fetchval(Q["lock_keys"], keys)
            for row in rows:
                step = self._steps.get(row["id"], 0)
                room = cfg.dispatch_max_step - len(batch.deliveries)
                limit = max(1, min(room, cfg.dispatch_first_step * 4 ** step))
                run = await self._run_consumers(conn, row, batch, limit)
                if await self._settle(conn, row, run, batch):
                    # more to come: this step commits with the batch, the next continues it
                    if len(self._steps) > 1000:  # events finished by other workers
                        self._steps.clear()
                    self._steps[run.event_id] = step + 1
                    self._carry = batch.cache
                if len(batch.deliveries) >= cfg.dispatch_max_step:
                    break
            if batch.deliveries:
                await insert_deliveries(conn, batch.deliveries)
            if batch.parked:
                await insert_parked(conn, batch.parked)
            if batch.done:
                await conn.execute(Q["mark_dispatched"], batch.done)
            return len(rows)

    def _lock_keys(self, rows: list[asyncpg.Record]) -> list[int]:
        """The advisory lock keys the batch's unfinished consumers declare, sorted."""
        keys: set[int] = set()
        for row in rows:
            event: EventRow | None = None
            settled = {*row["consumers_done"], *row["consumers_failed"]}
            for sub in self.consumers.of(row["type"]):
                if sub.locks is None or sub.name in settled:
                    continue
                if event is None:
                    event = _event(row)
                try:
                    keys.update(sub.locks(event))
                except Exception as exc:  # a bad event: its consumer fails on its own, below
                    log.error("locks of consumer %s for event %s (%s) failed: %s", sub.name,
                              event.id, event.type, type(exc).__name__)
        return sorted(keys)

    async def _run_consumers(self, conn: asyncpg.Connection, row: asyncpg.Record,
                             batch: _Batch, limit: int) -> _EventRun:
        """Run the event's consumers that have not finished, each in its own savepoint."""
        event = _event(row)
        run = _EventRun(event.id, list(row["consumers_done"]), list(row["consumers_failed"]),
                        dict(row["consumer_cursors"]))
        for sub in self.consumers.of(event.type):
            if sub.name in run.finished or sub.name in run.given_up:
                continue
            ctx = DispatchContext(self.settings, batch.now, batch.cache, limit,
                                  run.cursors.get(sub.name))
            try:
                async with conn.transaction():
                    result = await sub.consumer(conn, event, ctx)
            except Exception as exc:
                if is_unavailable(exc):
                    raise
                log.error("consumer %s of event %s (%s) failed: %s\n%s", sub.name, event.id,
                          event.type, type(exc).__name__,
                          "".join(traceback.format_tb(exc.__traceback__)))
                run.failing.append(sub.name)
                run.errors.append(f"{sub.name}: {type(exc).__name__}")
                continue
            batch.deliveries.extend((event.id, d) for d in result.deliveries)
            batch.parked.extend((event.id, sub.name, p) for p in result.parked)
            if result.complete:
                run.finished.append(sub.name)
                run.cursors.pop(sub.name, None)
            else:
                run.incomplete = True
                if result.cursor is None:
                    run.cursors.pop(sub.name, None)
                else:
                    run.cursors[sub.name] = result.cursor
        return run

    async def _settle(self, conn: asyncpg.Connection, row: asyncpg.Record, run: _EventRun,
                      batch: _Batch) -> bool:
        """Record what the event's consumers did; True when a step is left for later."""
        cfg = self.settings.worker
        attempts = row["dispatch_attempts"] + 1
        if run.failing and attempts >= cfg.max_attempts:
            run.given_up.extend(run.failing)  # parked: listed as failed, retried by an organiser
            run.failing.clear()
        error = "; ".join(run.errors) or None
        if run.incomplete or run.failing:
            delay = backoff_seconds(attempts, cfg.backoff_base_seconds, cfg.backoff_max_seconds,
                                    self._rng) if run.failing else 0.0
            await conn.execute(Q["dispatch_progress"], run.event_id, run.finished, run.cursors,
                               run.given_up, error, bool(run.failing), delay)
            return run.incomplete
        self._steps.pop(run.event_id, None)
        if run.given_up:
            await conn.execute(Q["mark_dispatched_with_failures"], run.event_id, run.finished,
                               run.given_up, error or row["dispatch_error"])
        else:
            batch.done.append(run.event_id)
        return False

    # -- stage 2: deliveries → SMTP --------------------------------------------------------

    async def send_once(self) -> int:
        cfg = self.settings.worker
        async with connection(self.pool) as conn:
            claimed = await conn.fetch(Q["claim_deliveries"], cfg.batch_size, cfg.lease_seconds)
        if not claimed:
            return 0

        async def prepare(row: asyncpg.Record) -> bytes | Exception | None:
            """The message a lane will send: the stored one, else rendered now; what went
            wrong in rendering is handed to the lane, which deals with it as with a refusal
            of the relay (below). Nothing for a webhook."""
            if row["kind"] == "webhook" or row["message"] is not None:
                return row["message"]  # type: ignore[no-any-return]
            try:
                return await self._render(row)
            except Exception as exc:
                return exc

        async def one(row: asyncpg.Record, message: bytes | Exception | None) -> None:
            try:
                if isinstance(message, Exception):
                    raise message
                if row["kind"] == "webhook":
                    if self.webhooks is None:
                        raise TransientError("no webhook sender in this worker")
                    await self.webhooks.send(row)
                else:
                    assert message is not None
                    await self.mailer.send(row["sender"], row["recipient"], message)
            except TransientError as exc:
                await retry(row, str(exc)[:500])
                return
            except PermanentError as exc:
                async with connection(self.pool) as conn:
                    await conn.execute(Q["mark_failed"], row["id"], str(exc)[:500])
                return
            except Exception as exc:
                # Anything else is a defect in building or sending this one message (or the
                # database gone meanwhile): it is retried later like a refusal of the relay,
                # and fails after the last attempt, while the batch's other messages go on
                # (docs/outbox.md, "Stage 2"). Said in the log by its class and place only,
                # never the message's text.
                if is_unavailable(exc):
                    await retry(row, f"database unavailable: {type(exc).__name__}")
                    return
                log.error("worker (send): %s\n%s", type(exc).__name__,
                          "".join(traceback.format_tb(exc.__traceback__)))
                await retry(row, f"unexpected error: {type(exc).__name__}")
                return
            # Marked soon, in groups: a worker killed now re-sends (after its lease) only the
            # messages it had in flight or accepted but not yet marked, never one marked.
            accepted.append(row["id"])
            if len(accepted) >= MARK_GROUP:
                group_full.set()
            if not marking or marking[-1].done():
                marking.append(asyncio.create_task(mark()))

        async def retry(row: asyncpg.Record, reason: str) -> None:
            delay = backoff_seconds(row["attempts"], cfg.backoff_base_seconds,
                                    cfg.backoff_max_seconds, self._rng)
            async with connection(self.pool) as conn:
                await conn.execute(Q["mark_retry"], row["id"], delay, cfg.max_attempts, reason)

        accepted: list[object] = []
        marking: list[asyncio.Task[None]] = []
        group_full = asyncio.Event()
        lanes_done = False

        async def mark() -> None:
            """Mark what was accepted, in groups (docs/outbox.md, "Stage 2"): a mark waits up
            to ``MARK_WAIT`` seconds for ``MARK_GROUP`` messages, or for the lanes to finish,
            then marks all accepted so far in one statement. Not waiting for the WAL flush
            (``synchronous_commit = off``): a mark lost in a database crash only means a
            re-send after the lease, like a worker killed after sending."""
            while accepted:
                if not lanes_done and len(accepted) < MARK_GROUP:
                    group_full.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(group_full.wait(), MARK_WAIT)
                ids = list(accepted)
                accepted.clear()
                async with connection(self.pool) as conn:
                    await conn.execute(Q["mark_sent"], ids)

        # Rendered ahead, in claim order, a few messages in advance of the lanes: a lane
        # whose reply came takes a message ready to go instead of rendering it first, so the
        # SMTP server is not left idle while the worker renders (docs/outbox.md, "Stage 2").
        lanes = min(self.mailer.concurrency, len(claimed))
        ready: asyncio.Queue[tuple[asyncpg.Record, bytes | Exception | None] | None] = \
            asyncio.Queue(maxsize=RENDERED_AHEAD * lanes)

        async def render_ahead() -> None:
            for row in claimed:
                await ready.put((row, await prepare(row)))
                await asyncio.sleep(0)  # one message at a time: the lanes' replies go first
            for _ in range(lanes):
                await ready.put(None)

        async def lane() -> None:
            while (item := await ready.get()) is not None:
                await one(*item)

        try:
            await asyncio.gather(render_ahead(), *(lane() for _ in range(lanes)))
        finally:
            lanes_done = True  # the last group goes at once
            group_full.set()
            await asyncio.gather(*marking)
        return len(claimed)


    async def _render(self, row: asyncpg.Record) -> bytes:
        """The message of a delivery queued as a reference, rendered now (docs/outbox.md). One
        that cannot be rendered fails at once, its reason the error's class only (the value
        that caused it may be personal); the database unreachable is a transient error."""
        renderer = self.renderers.get(row["renderer"] or "")
        if renderer is None or row["render_args"] is None:
            raise PermanentError("no message and nothing to render it with")
        try:
            return await renderer.render(self.pool, row)
        except (*UNBUILDABLE, LookupError) as exc:
            raise PermanentError(f"cannot be rendered: {type(exc).__name__}") from None
        except Exception as exc:
            if is_unavailable(exc):
                raise TransientError(f"rendering: {type(exc).__name__}") from None
            raise


async def insert_deliveries(
    conn: asyncpg.Connection, deliveries: list[tuple[int, NewDelivery]]
) -> None:
    cols: list[list[object]] = [[] for _ in range(16)]
    for event_id, d in deliveries:
        ref = d.render
        for i, v in enumerate((d.delivery_id, event_id, d.conference_id, d.accreditation_id,
                               d.template, d.dedupe_key, d.recipient, d.sender, d.subject,
                               d.message_id, d.message if ref is None else None, d.kind,
                               d.webhook_id, ref and ref.renderer, ref and ref.context,
                               ref and ref.args)):
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
