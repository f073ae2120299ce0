"""Migration 0039: the audit trail moves from ``accreditation_history`` into the domain events and
the applicant's current token onto its accreditation, with nothing lost: the history read after
the migration is the one before, line for line, and the current link still opens the page."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg

from conference.accreditation import repo
from conference.auth import resolve_token
from conference.db.migrate import migrate
from tests.db.conftest import migrate_before


async def test_history_and_current_token_survive_the_migration(
    empty_db: asyncpg.Connection, tmp_path: Path
) -> None:
    conn = empty_db
    await migrate_before(conn, tmp_path, "0039")

    now = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    conference_id = await conn.fetchval(
        "INSERT INTO conference (slug, title, venue, timezone, starts_on, ends_on, languages,"
        " press_opens_at, press_closes_at, press_pool_capacity, organiser_email, protocol)"
        " VALUES ('m39', '{}', '{}', 'UTC', '2026-12-01', '2026-12-02', '{en}', $1, $2, 5,"
        " 'o@example.org', '{}') RETURNING id", now, now + timedelta(days=10))
    old, new = uuid.uuid4(), uuid.uuid4()
    for a, email, status in ((old, "old@example.org", "substituted"),
                             (new, "new@example.org", "submitted")):
        await conn.execute(
            "INSERT INTO accreditation (id, conference_id, category, status, given_name,"
            " family_name, email, language, press_outlet, press_card_number, press_role,"
            " submitted_at, updated_at) VALUES ($1, $2, 'press', $3, 'A', 'B', $4, 'en', 'O',"
            " 'C', 'journalist', $5, $5)", a, conference_id, status, email, now)
    lines = [
        (old, now, "applicant", "submit", None, "submitted", None, None),
        (old, now + timedelta(hours=1), "press_office:7", "reject", "submitted", "rejected",
         "Not a journalist", None),
        (old, now + timedelta(hours=2), "protocol:3", "substitute", "rejected", "substituted",
         "Minister ill.", new),
        (new, now + timedelta(hours=2), "protocol:3", "substitute", None, "submitted",
         "Minister ill.", old),
    ]
    await conn.executemany(
        "INSERT INTO accreditation_history (accreditation_id, at, actor, action, from_status,"
        " to_status, reason, linked_accreditation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        lines)
    for a, kind in ((old, "accreditation.submitted"), (old, "accreditation.rejected"),
                    (old, "accreditation.substituted"), (new, "accreditation.submitted")):
        await conn.execute(
            "INSERT INTO domain_event (conference_id, type, subject_id, payload, actor,"
            " dispatched_at) VALUES ($1, $2, $3, '{}', 'x', now())", conference_id, kind,
            str(a))
    # Two letters gave the newcomer two links: the second is its current one.
    for secret in ("first-link", "second-link"):
        await conn.execute(
            "UPDATE api_token SET revoked_at = now(), revoked_by = 'rotation'"
            " WHERE accreditation_id = $1 AND revoked_at IS NULL", new)
        await conn.execute(
            "INSERT INTO api_token (token_hash, role, accreditation_id)"
            " VALUES ($1, 'applicant', $2)", hashlib.sha256(secret.encode()).digest(), new)
    current_id = await conn.fetchval("SELECT max(id) FROM api_token")

    await migrate(conn)

    for a in (old, new):
        history = await repo.history_of(conn, a)
        assert [(h.at, h.actor, h.action, h.from_status and h.from_status.value,
                 h.to_status.value, h.reason, h.linked_accreditation_id) for h in history] == [
            line[1:] for line in lines if line[0] == a]
    assert await repo.latest_reason(conn, old) == "Minister ill."
    principal = await resolve_token(conn, "second-link")
    assert principal is not None
    assert (principal.role, principal.accreditation_id, principal.token_id) == (
        "applicant", new, current_id)
    assert await resolve_token(conn, "first-link") is None
    assert await conn.fetchval("SELECT to_regclass('accreditation_history')") is None
    # The carried-over lines stay out of the conference's event log.
    assert await conn.fetchval("SELECT count(*) FROM domain_event WHERE conference_id = $1"
                               " AND type = 'accreditation.history'", conference_id) == 0
