"""Writes that arrive at the same moment, sent to PostgreSQL as one statement (docs/architecture.md,
"Filings written together").

A write that arrives while fewer than ``in_flight`` statements (one, by default) are being
written goes at once, alone: at a quiet moment nothing waits. Writes that arrive while the
statement in flight runs wait for the next one, and go together, up to ``most`` in one
statement, which is one transaction: a registration burst pays PostgreSQL's cost of a statement
and a commit once per group instead of once per application. Nobody waits for a timer; a group
is whatever queued while the database was busy.

A group that PostgreSQL refuses (one duplicate among them) is written again one by one, each
write in a statement and a transaction of its own: each caller gets its own answer or its own
error, and one bad value never costs the others their write. The group's statement is atomic,
so nothing of it was written before its rows are written one by one. A group whose outcome is
unknown (the connection lost, the statement timed out: it may have committed) is not written
again, which could write it twice: each of its callers gets the error, as a write alone would.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar, cast

import asyncpg

I = TypeVar("I")  # noqa: E741 - an item to write
R = TypeVar("R")  # what writing it answers

WriteOne = Callable[[asyncpg.Connection, I], Awaitable[R]]
WriteMany = Callable[[asyncpg.Connection, Sequence[I]], Awaitable[Sequence[R]]]


class WriteGroups(Generic[I, R]):
    """Writes of one kind through ``pool``: ``write_one`` for a write alone, ``write_many`` for a
    group (one statement; its answers in the items' order)."""

    def __init__(self, pool: asyncpg.Pool, write_one: WriteOne[I, R],
                 write_many: WriteMany[I, R], *, most: int = 64, in_flight: int = 1) -> None:
        self._pool = pool
        self._one = write_one
        self._many = write_many
        self._most = most
        self._in_flight = in_flight
        self._running = 0
        self._queued: list[tuple[I, asyncio.Future[R]]] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self.groups = 0
        """How many statements wrote more than one item (for the tests and the bench)."""

    async def write(self, item: I) -> R:
        """``item`` written, in a group when others wait with it; its answer, or its error."""
        future: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._queued.append((item, future))
        self._start()
        return await future

    def _start(self) -> None:
        while self._queued and self._running < self._in_flight:
            group, self._queued = self._queued[:self._most], self._queued[self._most:]
            self._running += 1
            task = asyncio.get_running_loop().create_task(self._write(group))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _write(self, group: list[tuple[I, asyncio.Future[R]]]) -> None:
        try:
            if len(group) > 1:
                try:
                    async with self._pool.acquire() as conn:
                        answers = await self._many(cast(asyncpg.Connection, conn),
                                                   [item for item, _ in group])
                except asyncpg.PostgresError:
                    pass  # refused by the server, so rolled back: each is written alone below
                except Exception as exc:  # noqa: BLE001 - the group's fate is unknown
                    # a lost connection or a timeout: the group may have committed, and a
                    # write again could file twice; each caller gets the error, as alone
                    for _, future in group:
                        if not future.done():
                            future.set_exception(exc)
                    return
                else:
                    self.groups += 1
                    for (_, future), answer in zip(group, answers, strict=True):
                        if not future.done():
                            future.set_result(answer)
                    return
            await asyncio.gather(*(self._write_alone(item, future) for item, future in group))
        except BaseException as exc:  # cancelled (the server stops): nobody is left waiting
            for _, future in group:
                if not future.done():
                    future.set_exception(exc if isinstance(exc, Exception)
                                         else asyncpg.InterfaceError("the write was cancelled"))
            raise
        finally:
            self._running -= 1
            self._start()

    async def _write_alone(self, item: I, future: asyncio.Future[R]) -> None:
        try:
            async with self._pool.acquire() as conn:
                answer = await self._one(cast(asyncpg.Connection, conn), item)
        except Exception as exc:  # noqa: BLE001 - the caller's own error, raised in its request
            if not future.done():
                future.set_exception(exc)
        else:
            if not future.done():
                future.set_result(answer)

    async def close(self) -> None:
        """Wait for the writes under way (the server stops after its requests are answered)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
