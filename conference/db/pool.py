"""The asyncpg pool, with JSON codecs, and the connection and transaction helpers."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import TypeVar, cast

import asyncpg

from conference.settings import DatabaseSettings

Connection = asyncpg.Connection
Pool = asyncpg.Pool
T = TypeVar("T")


async def _init_connection(conn: asyncpg.Connection) -> None:
    for typename in ("json", "jsonb"):
        await conn.set_type_codec(
            typename, encoder=json.dumps, decoder=json.loads, schema="pg_catalog"
        )


async def _keep_session(conn: asyncpg.Connection) -> None:
    """Return a connection to the pool as it is: no reset query.

    asyncpg's default runs ``SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL``
    on every release, a round trip as long as a one-row insert (the registration profile). The
    code using the pool keeps no session state: no SET, no LISTEN (the worker listens on a
    connection of its own), cursors only within transactions, advisory locks taken and released
    in a try/finally. asyncpg still rolls back a transaction left open before this is called.
    """


async def create_pool(url: str, settings: DatabaseSettings) -> asyncpg.Pool:
    pool = await asyncpg.create_pool(
        url,
        min_size=settings.min_connections,
        max_size=settings.max_connections,
        command_timeout=settings.command_timeout,
        statement_cache_size=settings.statement_cache_size,
        init=_init_connection,
        reset=_keep_session,
    )
    assert pool is not None
    return pool


async def connect(url: str) -> asyncpg.Connection:
    conn = await asyncpg.connect(url)
    await _init_connection(conn)
    return conn


Database = asyncpg.Pool | asyncpg.Connection
"""What a use-case is handed: the pool (it takes a connection of its own), or a connection
already in use, when the caller composes the use-case into a transaction of its own (the demo
loader, the personal-data export)."""


@asynccontextmanager
async def connection(db: Database) -> AsyncIterator[asyncpg.Connection]:
    """A connection of ``db``: one of the pool's for the block (typed as the connection it
    proxies, for the repositories), or the connection itself."""
    if not isinstance(db, asyncpg.Pool):
        yield db  # a connection, or a pool's connection proxy
        return
    async with db.acquire() as conn:
        yield cast(asyncpg.Connection, conn)


@asynccontextmanager
async def transaction(db: Database) -> AsyncIterator[asyncpg.Connection]:
    """A connection of ``db`` in a transaction (a savepoint when one is already open): what a
    use-case runs in."""
    async with connection(db) as conn, conn.transaction():
        yield conn


async def retried_transaction(db: Database, work: Callable[[asyncpg.Connection], Awaitable[T]],
                              *, tries: int = 3) -> T:
    """``work`` run in a transaction of ``db`` (a savepoint when one is already open), run again
    from the start in a new one when PostgreSQL breaks a deadlock by aborting it, up to ``tries``
    runs in all; the last run's deadlock is raised. The aborted run is rolled back to where it
    started and its locks are released; ``work`` may run more than once, so it changes nothing it
    was given (docs/architecture.md, "Deadlocks")."""
    for _ in range(tries - 1):
        try:
            async with transaction(db) as conn:
                return await work(conn)
        except asyncpg.DeadlockDetectedError:
            continue
    async with transaction(db) as conn:
        return await work(conn)
