"""The composition root of the worker side, and the long-lived resources.

What each domain contributes to the outbox is listed here, explicitly: its event types (the
catalogue published in ``schemas/events``), its consumers (what the worker runs for each
event) and its sections of a person's personal-data export. Nothing is registered by importing
a module: a domain added to the product is added to these lists.

The resources are async context managers shared by ``serve``, ``worker`` and the tests: the
database pool (embedded PostgreSQL when no URL is set), the mailer (local sink when no relay is
set) and the outbox worker."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import asyncpg

from conference.accreditation import events as accreditation_events
from conference.accreditation import notices
from conference.badges import events as badges_events
from conference.badges import repo as badges
from conference.calendar import invitations
from conference.conferences import events as conferences_events
from conference.credentials import closing as credentials_closing
from conference.credentials import events as credentials_events
from conference.credentials import mail as credentials_mail
from conference.credentials import repo as credentials
from conference.db.embedded import database_url
from conference.db.migrate import migrate
from conference.db.pool import create_pool
from conference.lifecycle import events as lifecycle_events
from conference.mail.sender import Mailer
from conference.mail.sink import sink_port, start_sink
from conference.operations import events as operations_events
from conference.outbox.dispatch import Consumers
from conference.outbox.events import Payload
from conference.outbox.worker import Worker
from conference.people import events as people_events
from conference.people import mail as people_mail
from conference.privacy import events as privacy_events
from conference.privacy.repo import Exporter
from conference.privacy.service import purge_due
from conference.programme import events as programme_events
from conference.programme import repo as programme
from conference.replies import events as replies_events
from conference.replies import repo as replies
from conference.settings import Settings
from conference.tokens import events as tokens_events
from conference.webhooks import repo as webhooks
from conference.webhooks.sender import WebhookSender
from conference.workspaces import events as workspaces_events

log = logging.getLogger(__name__)


def event_types() -> dict[str, type[Payload]]:
    """The catalogue of domain event types: type name → payload model."""
    catalogue: dict[str, type[Payload]] = {}
    for part in (conferences_events.EVENT_TYPES, accreditation_events.EVENT_TYPES,
                 programme_events.EVENT_TYPES, badges_events.EVENT_TYPES,
                 privacy_events.EVENT_TYPES, replies_events.EVENT_TYPES,
                 operations_events.EVENT_TYPES, tokens_events.EVENT_TYPES,
                 lifecycle_events.EVENT_TYPES, people_events.EVENT_TYPES,
                 credentials_events.EVENT_TYPES, workspaces_events.EVENT_TYPES):
        clash = catalogue.keys() & part.keys()
        if clash:
            raise ValueError(f"event types declared twice: {sorted(clash)}")
        catalogue.update(part)
    return catalogue


def consumers() -> Consumers:
    """What the worker runs for each event, in this order: the letters before the calendar's
    messages, so that a person's letter is written first and its invitations or
    cancellations wait for it (docs/calendar.md, "A person's letter before their
    invitations")."""
    return Consumers([*notices.SUBSCRIPTIONS, *credentials_mail.SUBSCRIPTIONS,
                      *credentials_closing.SUBSCRIPTIONS, *invitations.SUBSCRIPTIONS,
                      *webhooks.SUBSCRIPTIONS,
                      *people_mail.SUBSCRIPTIONS])


def personal_data_exporters() -> dict[str, Exporter]:
    """The sections of a person's export that domains other than accreditation hold."""
    return {"sessions": programme.personal_sessions, "check_ins": badges.personal_check_ins,
            "replies": replies.personal_replies,
            "credentials": credentials.personal_credentials}


@dataclass
class Database:
    url: str
    pool: asyncpg.Pool
    listen_url: str
    """A direct connection (not through a transaction pooler): LISTEN, migrations."""


@asynccontextmanager
async def open_database(
    settings: Settings, *, url: str | None = None, run_migrations: bool = False
) -> AsyncIterator[Database]:
    resolved = url or await database_url(settings.database.url, settings.data_dir)
    direct = settings.database.listen_url or resolved
    if run_migrations:
        conn = await asyncpg.connect(direct)
        try:
            applied = await migrate(conn)
            if applied:
                log.info("migrations applied: %s", ", ".join(applied))
        finally:
            await conn.close()
    pool = await create_pool(resolved, settings.database)
    try:
        yield Database(resolved, pool, direct)
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
    worker = Worker(db.pool, settings, mailer, db.listen_url, consumers(),
                    webhooks=WebhookSender(db.pool), housekeeping=purge_due)
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
