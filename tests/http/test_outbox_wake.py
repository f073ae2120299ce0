"""Workers in other processes are woken by the request that committed the work (a NOTIFY after
it answered), not by the event's own transaction, and not only by their polling."""

from __future__ import annotations

import asyncio
import time

import asyncpg

from conference.db.pool import create_pool
from conference.mail.sender import Mailer
from conference.outbox.worker import CHANNEL, Worker
from conference.runtime import consumers
from conference.settings import Settings
from tests.conftest import Api, conference_body, press_body, start_api
from tests.support import RecordingSMTP


async def test_a_worker_elsewhere_is_woken_by_the_request_not_by_its_polling(
    db_url: str, settings: Settings, smtp: RecordingSMTP
) -> None:
    api = await start_api(db_url, settings, run_worker=False)
    slow = settings.model_copy(update={
        "worker": settings.worker.model_copy(update={"poll_seconds": 60.0})})
    pool = await create_pool(db_url, slow.database)
    worker = Worker(pool, slow, Mailer(slow.smtp, "127.0.0.1", smtp.port), db_url, consumers())
    task = asyncio.create_task(worker.run())
    try:
        status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
        assert status == 201
        await asyncio.sleep(0.5)  # the worker has done its first round and waits 60 s
        started = time.monotonic()
        status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                         json=press_body(1))
        assert status == 201, body
        await smtp.wait_for(1, timeout=10,
                            where=lambda m: "marie.dupont1@example.org" in str(m["To"]))
        assert time.monotonic() - started < 5  # far sooner than the 60 s poll
    finally:
        worker.stop()
        await task
        await worker.mailer.close()
        await pool.close()
        await api.client.close()


async def test_the_registration_transaction_does_not_notify_but_the_request_does(
    db_url: str, api: Api
) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                  json=conference_body())
    assert status == 201
    heard: list[str] = []
    listener = await asyncpg.connect(db_url)
    # (the workers' own inserts of deliveries notify 'delivery': not what this is about)
    await listener.add_listener(
        CHANNEL, lambda *args: heard.append(args[3]) if args[3] == "domain_event" else None)
    try:
        await asyncio.sleep(0.3)  # the wake-up of the conference's creation, sent after its 201
        heard.clear()
        # A write through SQL alone (what a request's transaction does) wakes nobody...
        await listener.execute(
            "INSERT INTO domain_event (conference_id, type, subject_id, payload)"
            " SELECT id, 'conference.updated', id::text, '{}' FROM conference")
        await asyncio.sleep(0.3)
        assert heard == []
        # ...the request that committed it does, once it has answered.
        status, _, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                      json=press_body(2))
        assert status == 201
        for _ in range(50):
            if heard:
                break
            await asyncio.sleep(0.05)
        assert heard and heard[0] == "domain_event"
        # A refused request changed nothing and wakes nobody.
        heard.clear()
        status, _, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                      json=press_body(2))
        assert status == 409
        await asyncio.sleep(0.3)
        assert heard == []
    finally:
        await listener.close()
