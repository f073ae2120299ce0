"""Waking the outbox workers after a request has committed new work.

A ``NOTIFY`` inside the transaction that writes an event would be simplest, but PostgreSQL
serialises the commits of notifying transactions on one global lock held through the WAL flush:
under a registration burst every commit waits for the one before it (the registration benchmark
measured about a third of the throughput lost to it). So the event's transaction does not
notify; after a request that changed something answered, the in-process worker is woken at once
and the other workers (``conference worker`` processes, other machines) get a ``NOTIFY`` of its
own: a transaction that writes nothing, holding that lock for no flush, and coalesced (at most
one in flight, the requests answered meanwhile share the next one). Work written elsewhere (the
command line, a crashed request) is still found by the workers' polling.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import asyncpg

from conference.db.errors import is_unavailable
from conference.outbox.worker import CHANNEL, Q, Worker

log = logging.getLogger(__name__)


class Waker:
    interval = 0.01  # seconds

    def __init__(self, pool: asyncpg.Pool, local: Worker | None = None) -> None:
        self._pool = pool
        self._local = local
        self._pending = False
        self._task: asyncio.Task[None] | None = None

    def poke(self) -> None:
        """Something was committed: wake the workers (returns at once)."""
        if self._local is not None:
            self._local.wake()
        self._pending = True
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._notify(), name="outbox-waker")

    async def _notify(self) -> None:
        while self._pending:
            self._pending = False
            try:
                async with self._pool.acquire() as conn:
                    await conn.execute(Q["notify_workers"], CHANNEL)
            except Exception as exc:  # the polling finds the work all the same
                if not is_unavailable(exc):
                    log.warning("outbox waker: %s", type(exc).__name__)
                return
            # At most one NOTIFY per interval under a burst: the first is at once, the requests
            # answered meanwhile share the next.
            await asyncio.sleep(self.interval)

    async def close(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
