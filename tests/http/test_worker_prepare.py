"""A worker prepares the statements of the first messages when it starts (docs/outbox.md,
"Wake-up"): every statement listed prepares on the real schema, and a database that is not
there yet only costs the warning."""

from __future__ import annotations

import logging

import asyncpg
import pytest

from conference.db.pool import create_pool
from conference.mail.sender import Mailer
from conference.outbox.worker import Worker
from conference.runtime import consumers
from conference.settings import Settings
from tests.conftest import POOLER, direct_url
from tests.support import RecordingSMTP

pytestmark = pytest.mark.skipif(
    POOLER is not None, reason="behind a transaction pooler a worker prepares nothing in advance")


def _worker(pool: asyncpg.Pool, settings: Settings, db_url: str, smtp: RecordingSMTP
            ) -> Worker:
    return Worker(pool, settings, Mailer(settings.smtp, "127.0.0.1", smtp.port),
                  direct_url(db_url), consumers())


async def test_every_statement_listed_prepares_and_the_calendar_lists_its_own(
    db_url: str, settings: Settings, smtp: RecordingSMTP, caplog: pytest.LogCaptureFixture,
) -> None:
    pool = await create_pool(db_url, settings.database)
    try:
        worker = _worker(pool, settings, db_url, smtp)
        listed = [text for sub in worker.consumers for text in sub.statements]
        assert any("invitation_state" in text for text in listed)  # the calendar's planning
        with caplog.at_level(logging.WARNING, logger="conference.outbox.worker"):
            await worker.prepare_statements()
        assert "not prepared" not in caplog.text
        async with pool.acquire() as conn:  # the connections went back to the pool, usable
            assert await conn.fetchval("SELECT 1") == 1
    finally:
        await pool.close()


async def test_a_database_not_there_yet_only_costs_a_warning(
    db_url: str, settings: Settings, smtp: RecordingSMTP, caplog: pytest.LogCaptureFixture,
) -> None:
    pool = await create_pool(db_url, settings.database)
    await pool.close()
    worker = _worker(pool, settings, db_url, smtp)
    with caplog.at_level(logging.WARNING, logger="conference.outbox.worker"):
        await worker.prepare_statements()  # returns: the first event will pay, that is all
    assert "statements not prepared in advance" in caplog.text
