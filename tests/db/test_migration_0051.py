"""Migration 0051: the visa letters left open by accreditations that had already ended
(rejected, withdrawn, revoked, substituted) are closed as the consumer closes them from now on:
an approved letter cancelled, a request refused, each with its reason and its event; the
letters of live accreditations, and those already closed, are left alone."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg

from conference.db.migrate import migrate, migrations_dir
from tests.db.conftest import migrate_before


async def test_the_letters_of_ended_accreditations_are_closed(
    empty_db: asyncpg.Connection, tmp_path: Path
) -> None:
    conn = empty_db
    await migrate_before(conn, tmp_path, "0051")
    now = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    conference = await conn.fetchval(
        "INSERT INTO conference (slug, title, venue, timezone, starts_on, ends_on, languages,"
        " press_opens_at, press_closes_at, press_pool_capacity, organiser_email, protocol)"
        " VALUES ('m51', '{}', '{}', 'UTC', '2026-12-01', '2026-12-02', '{en}', $1, $2, 50,"
        " 'o@example.org', '{}') RETURNING id", now, now + timedelta(days=10))
    cases = [  # accreditation status, letter status
        ("rejected", "approved"), ("withdrawn", "requested"), ("revoked", "approved"),
        ("substituted", "approved"), ("approved", "approved"), ("submitted", "requested"),
        ("rejected", "cancelled"),
    ]
    letters = []
    for n, (acc_status, letter_status) in enumerate(cases):
        acc = await conn.fetchval(
            "INSERT INTO accreditation (conference_id, category, status, given_name, family_name,"
            " email, language, press_outlet, press_card_number, press_role)"
            " VALUES ($1, 'press', $2, 'G', 'F', $3, 'en', 'O', 'C', 'journalist') RETURNING id",
            conference, acc_status, f"p{n}@example.org")
        numbered = letter_status in ("approved", "cancelled")
        letter = uuid.uuid4()
        await conn.execute(
            "INSERT INTO visa_letter (id, conference_id, accreditation_id, status, passport_name,"
            " passport_number, nationality, date_of_birth, consulate, requested_at,"
            " requested_by, number, letter) VALUES ($1, $2, $3, $4, 'G F', 'X', 'PE',"
            " '1980-01-01', 'C', $5, 'applicant:1', $6, $7::jsonb)",
            letter, conference, acc, letter_status, now,
            f"2026-{n:04d}-AAAAAA" if numbered else None, "{}" if numbered else None)
        letters.append((letter, acc))

    await migrate(conn, migrations_dir())
    rows = {r["id"]: r for r in await conn.fetch("SELECT id, status, reason FROM visa_letter")}
    assert [(rows[lt]["status"], rows[lt]["reason"]) for lt, _ in letters] == [
        ("cancelled", "accreditation rejected"), ("refused", "accreditation withdrawn"),
        ("cancelled", "accreditation revoked"), ("cancelled", "accreditation substituted"),
        ("approved", None), ("requested", None), ("cancelled", None)]
    events = [(r["type"], json.loads(r["payload"]) if isinstance(r["payload"], str)
               else dict(r["payload"]), r["dispatched_at"]) for r in await conn.fetch(
        "SELECT type, payload, dispatched_at FROM domain_event WHERE type LIKE 'visa_letter.%'"
        " ORDER BY id")]
    assert sorted((t, p["visa_letter_id"], p["accreditation_status"]) for t, p, _ in events) \
        == sorted([("visa_letter.cancelled", str(letters[0][0]), "rejected"),
                   ("visa_letter.refused", str(letters[1][0]), "withdrawn"),
                   ("visa_letter.cancelled", str(letters[2][0]), "revoked"),
                   ("visa_letter.cancelled", str(letters[3][0]), "substituted")])
    assert all(d is None for _, _, d in events)  # dispatched as any event: the webhooks
