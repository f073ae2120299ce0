"""The asyncpg pool, with JSON codecs, and the transaction helper."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import cast

import asyncpg

from conference.settings import DatabaseSettings

Connection = asyncpg.Connection
Pool = asyncpg.Pool


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


@asynccontextmanager
async def connection(pool: asyncpg.Pool) -> AsyncIterator[asyncpg.Connection]:
    """A pooled connection, typed as the connection it proxies (for the repositories)."""
    async with pool.acquire() as conn:
        yield cast(asyncpg.Connection, conn)


@asynccontextmanager
async def transaction(pool: asyncpg.Pool) -> AsyncIterator[asyncpg.Connection]:
    """A pooled connection in a transaction: what a use-case runs in."""
    async with pool.acquire() as conn, conn.transaction():
        yield cast(asyncpg.Connection, conn)
