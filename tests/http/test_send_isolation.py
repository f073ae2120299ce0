"""One message that cannot be built for a reason nobody foresaw (a defect, not a refusal of
the relay) never stops the others of its batch: it is retried later and fails after its last
attempt, while the rest are sent (docs/outbox.md, "Stage 2")."""

from __future__ import annotations

import asyncpg

from conference.calendar.invitations import RENDERER
from conference.settings import Settings
from tests.http.test_fanout_chunks import _close, _worker, stepped  # noqa: F401 (fixture)
from tests.support import RecordingSMTP


async def test_a_message_that_raises_an_unforeseen_error_does_not_stop_its_batch(
    db_url: str, stepped: Settings, smtp: RecordingSMTP  # noqa: F811
) -> None:
    conn = await asyncpg.connect(db_url)
    try:
        # queued as a reference whose inputs the renderer cannot read (a list, not an
        # object): a TypeError in the renderer, which no refusal of the relay explains
        await conn.execute(
            "INSERT INTO delivery (template, dedupe_key, recipient, sender, subject, message_id,"
            " renderer, render_context, render_args) VALUES ('invitation_request', 'bad-1',"
            " 'broken@example.org', 'organiser@example.org', 'Invitation',"
            " '<bad-1@conference.local>', $1, gen_random_uuid(), '[1]'::jsonb)", RENDERER)
        for n in range(3):
            body = (f"From: organiser@example.org\r\nTo: p{n}@example.org\r\nSubject: letter\r\n"
                    f"Message-ID: <good-{n}@conference.local>\r\n\r\nHello.\r\n").encode()
            await conn.execute(
                "INSERT INTO delivery (template, dedupe_key, recipient, sender, subject,"
                " message_id, message) VALUES ('ack', $1, $2, 'organiser@example.org',"
                " 'letter', $3, $4)",
                f"good-{n}", f"p{n}@example.org", f"<good-{n}@conference.local>", body)
    finally:
        await conn.close()
    worker = await _worker(db_url, stepped, smtp)
    try:
        sent = await worker.send_once()  # raised TypeError before, out of the whole batch
    finally:
        await _close(worker)
    assert sent == 4
    assert sorted(m["Message-ID"] for m in smtp.messages) == [
        f"<good-{n}@conference.local>" for n in range(3)]
    conn = await asyncpg.connect(db_url)
    try:
        rows = {r["dedupe_key"]: r for r in await conn.fetch(
            "SELECT dedupe_key, status, last_error, attempts FROM delivery")}
    finally:
        await conn.close()
    assert {k: r["status"] for k, r in rows.items()} == {
        "bad-1": "retry", "good-0": "sent", "good-1": "sent", "good-2": "sent"}
    # the reason names the error's class only, never a value that may be personal
    assert rows["bad-1"]["last_error"] == "unexpected error: TypeError"
