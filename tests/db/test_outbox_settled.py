"""The tests' wait for the outbox (tests.support.outbox_settled) says, when it times out, what
is pending and why: a stall seen once through PgBouncer said only "5 events or deliveries
pending", and could not be told from a slow machine."""

from __future__ import annotations

import asyncpg
import pytest

from tests.support import outbox_settled


async def test_a_timeout_names_what_is_pending(db: asyncpg.Connection) -> None:
    event = await db.fetchval(
        "INSERT INTO domain_event (type, payload, dispatch_attempts, dispatch_error)"
        " VALUES ('accreditation.approved', '{}', 3, 'notices: KeyError') RETURNING id")
    await db.execute(
        "INSERT INTO delivery (event_id, template, dedupe_key, recipient, sender, subject,"
        " message_id, message, status, attempts, last_error)"
        " VALUES ($1, 'decision_approved', 'k1', 'a@example.org', 's@example.org', 's', '<1@x>',"
        " 'm', 'retry', 2, '451 try later')", event)
    await db.execute(
        "INSERT INTO delivery (event_id, template, dedupe_key, recipient, sender, subject,"
        " message_id, message, status, locked_until)"
        " VALUES ($1, 'decision_approved_focal', 'k2', 'fp@example.org', 's@example.org', 's',"
        " '<2@x>', 'm', 'in_flight', now() - interval '1 minute')", event)
    with pytest.raises(AssertionError) as failed:
        await outbox_settled(db, 0.3)
    said = str(failed.value)
    assert "3 events and deliveries pending after 0.3 s" in said
    assert f"event {event} accreditation.approved: attempts 3, error 'notices: KeyError'" in said
    assert f"(event {event}, decision_approved, letter): retry, attempts 2" in said
    assert "error '451 try later'" in said
    assert "decision_approved_focal, letter): in_flight, attempts 0, lease expiries 0" in said
    assert "lease left -60." in said  # its lease ran out a minute ago
