"""Faults: a stopped SMTP server, SMTP refusals, a worker killed while holding a lease.
Nothing accepted is lost."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path
from typing import Any
from uuid import UUID

import asyncpg

from conference.db.pool import create_pool
from conference.mail.sender import Mailer
from conference.outbox.worker import Worker
from conference.runtime import consumers
from conference.settings import Settings
from tests.conftest import Api, conference_body, press_body, start_api
from tests.support import RecordingSMTP


async def _wait_rows(db_url: str, sql: str, expected: int, *args: object,
                     timeout: float = 15.0) -> None:
    conn = await asyncpg.connect(db_url)
    try:
        for _ in range(int(timeout / 0.1)):
            if await conn.fetchval(sql, *args) == expected:
                return
            await asyncio.sleep(0.1)
        raise AssertionError(f"{sql} never reached {expected}: {await conn.fetchval(sql, *args)}")
    finally:
        await conn.close()


async def test_smtp_down_then_back_loses_nothing(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    await smtp.stop()
    for n in range(1, 4):
        status, _, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                      json=press_body(n))
        assert status == 201
    # 3 notices to applicants + 2 spokespersons x 3 = 9 deliveries, all waiting to retry
    await _wait_rows(api.db_url, "SELECT count(*) FROM delivery WHERE status = 'retry'", 9)
    status, page, _ = await api.call("GET", "/api/v1/deliveries?status=pending", role="admin")
    assert status == 200
    assert len(page["items"]) == 9
    assert all(d["last_error"] for d in page["items"])
    await smtp.start()
    messages = await smtp.wait_for(9, timeout=20)
    assert len(messages) == 9
    assert sorted(str(m["To"]).split("<")[1].rstrip(">") for m in messages
                  if m["Subject"].startswith("Demande")) == [
        "marie.dupont1@example.org", "marie.dupont2@example.org", "marie.dupont3@example.org"]
    await _wait_rows(api.db_url, "SELECT count(*) FROM delivery WHERE status = 'sent'", 9)
    assert len({m["Message-ID"] for m in messages}) == 9


async def test_permanent_refusal_fails_at_once_and_can_be_retried(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    smtp.reply = "550 5.1.1 mailbox unavailable"
    status, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                        json=press_body())
    assert status == 201
    await _wait_rows(api.db_url, "SELECT count(*) FROM delivery WHERE status = 'failed'", 3)
    _, page, _ = await api.call("GET", "/api/v1/deliveries?status=failed", role="admin")
    assert [d["attempts"] for d in page["items"]] == [1, 1, 1]
    assert all(d["last_error"].startswith("SMTP 550") for d in page["items"])
    smtp.reply = None
    notice = next(d for d in page["items"] if d["recipient"] == "marie.dupont@example.org")
    status, body, _ = await api.call("POST", f"/api/v1/deliveries/{notice['id']}/retry",
                                     role="admin")
    assert status == 200 and body["status"] == "queued"
    [msg] = await smtp.wait_for(1)
    assert "marie.dupont@example.org" in str(msg["To"])
    await _wait_rows(api.db_url, "SELECT count(*) FROM delivery WHERE id = $1"
                                 " AND status = 'sent'", 1, UUID(notice["id"]))
    status, body, _ = await api.call("POST", f"/api/v1/deliveries/{notice['id']}/retry",
                                     role="admin")
    assert status == 409, body


async def test_transient_refusal_is_retried_until_accepted(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    smtp.reply = "451 4.3.0 try again later"
    await api.call("POST", "/api/v1/conferences/alliance/accreditations", json=press_body())
    await _wait_rows(api.db_url, "SELECT count(*) FROM delivery WHERE attempts >= 2"
                                 " AND status = 'retry'", 3)
    smtp.reply = None
    messages = await smtp.wait_for(3, timeout=15)
    assert len(messages) == 3


async def test_worker_killed_holding_a_lease_is_relieved_after_expiry(
    db_url: str, settings: Settings, smtp: RecordingSMTP, tmp_path: Path
) -> None:
    api = await start_api(db_url, settings, run_worker=False)
    try:
        assert (await api.call("POST", "/api/v1/conferences", role="admin",
                               json=conference_body()))[0] == 201
        status, _, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                      json=press_body())
        assert status == 201
    finally:
        await api.client.close()

    stalled = RecordingSMTP()
    stalled.hang = True
    await stalled.start()
    env = {**os.environ, "CONFERENCE_DATABASE__URL": db_url, "CONFERENCE_DATA_DIR": str(tmp_path),
           "CONFERENCE_SMTP__HOST": "127.0.0.1", "CONFERENCE_SMTP__PORT": str(stalled.port),
           "CONFERENCE_WORKER__LEASE_SECONDS": "2", "CONFERENCE_WORKER__POLL_SECONDS": "0.2"}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "conference", "worker", env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        await _wait_rows(db_url, "SELECT count(*) FROM delivery WHERE status = 'in_flight'", 3,
                         timeout=30.0)
    finally:
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
        await stalled.stop()
    assert smtp.messages == []

    pool = await create_pool(db_url, settings.database)
    mailer = Mailer(settings.smtp, "127.0.0.1", smtp.port)
    worker = Worker(pool, settings, mailer, db_url, consumers())
    task = asyncio.create_task(worker.run())
    try:
        messages = await smtp.wait_for(3, timeout=15)
        assert len(messages) == 3
        await _wait_rows(db_url, "SELECT count(*) FROM delivery WHERE status = 'sent'"
                                 " AND lease_expiries = 1", 3)
    finally:
        worker.stop()
        await task
        await worker.mailer.close()
        await pool.close()
