"""Invitations are rendered at send time (docs/outbox.md, "Rendered at send time"): a delivery
holds what renders it, not its bytes, and every attempt sends the same bytes, including a
retry by another worker with empty caches, in another process, after the person was renamed
and the conference edited meanwhile."""

from __future__ import annotations

import asyncio
import base64
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from conference.settings import Settings
from tests.conftest import start_api
from tests.http.test_fanout_chunks import (  # noqa: F401 (fixtures)
    PEOPLE,
    SESSIONS,
    _close,
    _send_all,
    _worker,
    published,
    stepped,
)
from tests.support import RecordingSMTP

ROOT = Path(__file__).resolve().parents[2]


class CapturingSMTP(RecordingSMTP):
    """Keeps the raw bytes of every DATA it is offered, accepted or not, by Message-ID; refuses
    the addresses in ``refuse`` (with that reply) until told otherwise."""

    def __init__(self) -> None:
        super().__init__()
        self.offered: dict[str, list[bytes]] = defaultdict(list)
        self.refuse: dict[str, str] = {}

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = bytes(envelope.original_content or envelope.content)
        message_id = next(line.split(b":", 1)[1].strip().decode()
                          for line in raw.split(b"\r\n")
                          if line.lower().startswith(b"message-id:"))
        self.offered[message_id].append(raw)
        for rcpt in envelope.rcpt_tos:
            if rcpt in self.refuse:
                return self.refuse[rcpt]
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
async def capturing() -> Any:
    server = CapturingSMTP()
    await server.start()
    yield server
    await server.stop()


_RENDER_IN_A_NEW_PROCESS = """
import asyncio, base64, json, sys
from conference.calendar.invitations import InvitationDeliveries
from conference.db.pool import create_pool
from conference.settings import Settings

async def main():
    given = json.load(sys.stdin)
    settings = Settings.model_validate_json(given["settings"])
    pool = await create_pool(given["db_url"], settings.database)
    try:
        async with pool.acquire() as conn:
            row = await conn.fetchrow(
                "SELECT render_context, render_args, recipient, message_id, accreditation_id"
                " FROM delivery WHERE id = $1::uuid", given["id"])
        print(base64.b64encode(await InvitationDeliveries(settings).render(pool, row)).decode())
    finally:
        await pool.close()

asyncio.run(main())
"""


def _render_in_a_new_process(db_url: str, settings: Settings, delivery_id: str) -> bytes:
    done = subprocess.run(
        [sys.executable, "-c", _RENDER_IN_A_NEW_PROCESS], cwd=ROOT, check=True,
        input=json.dumps({"db_url": db_url, "settings": settings.model_dump_json(),
                          "id": delivery_id}),
        capture_output=True, text=True, timeout=120)
    return base64.b64decode(done.stdout.strip())


def _invitations(smtp: RecordingSMTP) -> list[Any]:
    return [m for m in smtp.messages if m.get_content_type() == "multipart/mixed"
            and any(p.get_content_type() == "text/calendar" for p in m.walk())]


def _elsewhere(settings: Settings) -> Settings:
    """The same settings but for the service's public address (which feed links carry)."""
    data = settings.model_dump()
    data["http"]["public_url"] = "https://elsewhere.example.org"
    return Settings.model_validate(data)


async def test_a_retry_by_a_new_worker_sends_the_very_bytes_of_the_first_attempt(
    db_url: str, stepped: Settings, capturing: CapturingSMTP, published: int  # noqa: F811
) -> None:
    # Three people's mail is refused for a while (451), one's for good (550).
    for n in (1, 2, 3):
        capturing.refuse[f"official{n}@example.org"] = "451 4.3.0 try again later"
    capturing.refuse["official4@example.org"] = "550 5.1.1 mailbox unavailable"
    first = await _worker(db_url, stepped, capturing)
    try:
        while await first.dispatch_once():
            pass
        conn = await asyncpg.connect(db_url)
        try:
            # What is stored per invitation: no message, the references and small inputs.
            stored = await conn.fetch(
                "SELECT message, renderer, render_context, render_args, subject FROM delivery"
                " WHERE template LIKE 'invitation_%'")
            assert len(stored) == PEOPLE * SESSIONS
            assert all(r["message"] is None and r["renderer"] and r["render_context"]
                       and r["render_args"] and r["subject"].startswith("Invitation")
                       for r in stored)
            assert max(len(json.dumps(r["render_args"])) for r in stored) < 400
            assert await conn.fetchval("SELECT count(DISTINCT render_context) FROM delivery"
                                       " WHERE template LIKE 'invitation_%'") == 1
        finally:
            await conn.close()
        await _send_all(first)
    finally:
        await _close(first)  # its caches (render contexts, skeletons) go with it

    delivered = {str(m["Message-ID"]) for m in capturing.messages}
    refused = {mid: list(attempts) for mid, attempts in capturing.offered.items()
               if mid not in delivered and b"text/calendar" in attempts[0]}
    assert len(refused) == 4 * SESSIONS
    accepted = len(_invitations(capturing))
    conn = await asyncpg.connect(db_url)
    try:
        waiting = await conn.fetch(
            "SELECT id::text, message_id, status, render_args FROM delivery"
            " WHERE status IN ('retry', 'failed') AND template LIKE 'invitation_%'")
        assert sorted(r["status"] for r in waiting) == ["failed"] * SESSIONS + \
            ["retry"] * 3 * SESSIONS
        assert all(r["render_args"] is not None for r in waiting)  # kept until sent
        # Meanwhile: the person is renamed, the conference's venue renamed, the service's
        # address changed. What was queued keeps what was decided at dispatch.
        await conn.execute("UPDATE accreditation SET given_name = 'Renamed'"
                           " WHERE email = 'official1@example.org'")
        await conn.execute("UPDATE conference SET venue = jsonb_set(venue, '{name}',"
                           " '\"Somewhere else\"')")
        retry_id = next(r["id"] for r in waiting if r["status"] == "retry")
        retry_mid = next(r["message_id"] for r in waiting if r["id"] == retry_id)
        # A new process, nothing cached, other settings: the same bytes.
        other = _elsewhere(stepped)
        rendered = await asyncio.to_thread(_render_in_a_new_process, db_url, other, retry_id)
        assert rendered == capturing.offered[retry_mid][0]
        await conn.execute("UPDATE delivery SET next_attempt_at = now() WHERE status = 'retry'")
    finally:
        await conn.close()

    capturing.refuse.clear()
    # The permanently refused ones, retried by an organiser through the API.
    api = await start_api(db_url, stepped, run_worker=False)
    try:
        for failed in (r for r in waiting if r["status"] == "failed"):
            status, body, _ = await api.call("POST", f"/api/v1/deliveries/{failed['id']}/retry",
                                             role="admin")
            assert status == 200 and body["status"] == "queued", body
        status, page, _ = await api.call("GET", "/api/v1/deliveries?status=pending",
                                         role="admin")
        assert status == 200
        pending = [d for d in page["items"] if d["template"].startswith("invitation_")]
        assert len(pending) == 4 * SESSIONS
        assert {d["recipient"] for d in pending} == {
            f"official{n}@example.org" for n in (1, 2, 3, 4)}
        assert all(d["subject"].startswith("Invitation") for d in pending)
    finally:
        await api.client.close()

    second = await _worker(db_url, _elsewhere(stepped), capturing)
    try:
        await _send_all(second)
    finally:
        await _close(second)

    assert len(_invitations(capturing)) == accepted + 4 * SESSIONS == PEOPLE * SESSIONS
    for mid, attempts in refused.items():
        attempts = capturing.offered[mid]
        assert len(attempts) >= 2, mid  # refused (once or more), then accepted
        assert all(a == attempts[0] for a in attempts[1:]), mid
        assert b"elsewhere" not in attempts[-1]
    renamed = [m for m in _invitations(capturing) if "official1@" in str(m["To"])]
    assert len(renamed) == SESSIONS
    assert all(str(m["To"]) == "Official1 Peeters <official1@example.org>" for m in renamed)
    conn = await asyncpg.connect(db_url)
    try:  # sent: neither the message nor its inputs (names) are kept
        assert await conn.fetchval(
            "SELECT count(*) FROM delivery WHERE status = 'sent'"
            " AND (message IS NOT NULL OR render_args IS NOT NULL)") == 0
    finally:
        await conn.close()


async def test_a_message_stored_before_rendering_at_send_time_is_still_sent(
    db_url: str, stepped: Settings, capturing: CapturingSMTP  # noqa: F811
) -> None:
    """A delivery queued with its bytes (written before migration 0044, or a letter) is sent
    as it is."""
    body = (b"From: organiser@example.org\r\nTo: someone@example.org\r\nSubject: old\r\n"
            b"Message-ID: <old-1@conference.local>\r\n\r\nQueued before.\r\n")
    conn = await asyncpg.connect(db_url)
    try:
        await conn.execute(
            "INSERT INTO delivery (template, dedupe_key, recipient, sender, subject, message_id,"
            " message) VALUES ('invitation_request', 'old-1', 'someone@example.org',"
            " 'organiser@example.org', 'old', '<old-1@conference.local>', $1)", body)
    finally:
        await conn.close()
    worker = await _worker(db_url, stepped, capturing)
    try:
        await _send_all(worker)
    finally:
        await _close(worker)
    assert capturing.offered["<old-1@conference.local>"] == [body]
