"""The long-lived resources, as async context managers shared by ``serve``, ``worker`` and the
tests: the database pool (embedded PostgreSQL when no URL is set), the mailer (local sink when no
relay is set) and the outbox worker."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import asyncpg

from conference.db.embedded import database_url
from conference.db.migrate import migrate
from conference.db.pool import create_pool
from conference.mail.sender import Mailer
from conference.mail.sink import sink_port, start_sink
from conference.outbox.worker import Worker
from conference.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Database:
    url: str
    pool: asyncpg.Pool


@asynccontextmanager
async def open_database(
    settings: Settings, *, url: str | None = None, run_migrations: bool = False
) -> AsyncIterator[Database]:
    resolved = url or await database_url(settings.database.url, settings.data_dir)
    if run_migrations:
        conn = await asyncpg.connect(resolved)
        try:
            applied = await migrate(conn)
            if applied:
                log.info("migrations applied: %s", ", ".join(applied))
        finally:
            await conn.close()
    pool = await create_pool(resolved, settings.database)
    try:
        yield Database(resolved, pool)
    finally:
        await pool.close()


@asynccontextmanager
async def open_mailer(settings: Settings) -> AsyncIterator[Mailer]:
    sink: asyncio.Server | None = None
    if settings.smtp.host:
        mailer = Mailer(settings.smtp, settings.smtp.host, settings.smtp.port)
    else:
        maildir = settings.data_dir / "mail"
        sink = await start_sink(maildir, port=settings.smtp.sink_port)
        mailer = Mailer(settings.smtp, "127.0.0.1", sink_port(sink))
        log.info("no SMTP relay set: mail goes to the maildir %s", maildir)
    try:
        yield mailer
    finally:
        await mailer.close()
        if sink is not None:
            sink.close()
            await sink.wait_closed()


@asynccontextmanager
async def running_worker(
    db: Database, settings: Settings, mailer: Mailer
) -> AsyncIterator[Worker]:
    worker = Worker(db.pool, settings, mailer, db.url)
    task = asyncio.create_task(worker.run(), name="outbox-worker")
    try:
        yield worker
    finally:
        worker.stop()
        try:
            await asyncio.wait_for(task, timeout=10)
        except TimeoutError:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
