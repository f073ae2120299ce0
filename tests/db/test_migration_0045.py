"""Migration 0045: the press pool's taken places, counted until then, become a number on the
conference row; a database migrated with journalists already approved (some erased, some
refused, two conferences) starts from the right number, and the next approval moves it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg

from conference.db.migrate import migrate, migrations_dir
from tests.db.conftest import migrate_before


async def test_the_number_starts_from_the_journalists_already_approved(
    empty_db: asyncpg.Connection, tmp_path: Path
) -> None:
    conn = empty_db
    await migrate_before(conn, tmp_path, "0045")

    now = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    conferences = [await conn.fetchval(
        "INSERT INTO conference (slug, title, venue, timezone, starts_on, ends_on, languages,"
        " press_opens_at, press_closes_at, press_pool_capacity, organiser_email, protocol)"
        " VALUES ($1, '{}', '{}', 'UTC', '2026-12-01', '2026-12-02', '{en}', $2, $3, 50,"
        " 'o@example.org', '{}') RETURNING id", slug, now, now + timedelta(days=10))
        for slug in ("m45a", "m45b")]
    rows = [  # conference, status, erased
        *[(0, "approved", False)] * 7, *[(0, "approved", True)] * 2, (0, "rejected", False),
        (0, "revoked", False), *[(0, "submitted", False)] * 3, *[(1, "approved", False)] * 4,
    ]
    for n, (c, status, erased) in enumerate(rows):
        await conn.execute(
            "INSERT INTO accreditation (conference_id, category, status, given_name, family_name,"
            " email, language, press_outlet, press_card_number, press_role, erased_at)"
            " VALUES ($1, 'press', $2, 'G', 'F', $3, 'en', 'O', 'C', 'journalist', $4)",
            conferences[c], status, f"p{n}@example.org", now if erased else None)

    await migrate(conn, migrations_dir())
    taken = {r["id"]: r["press_approved"] for r in await conn.fetch(
        "SELECT id, press_approved FROM conference")}
    assert taken == {conferences[0]: 7, conferences[1]: 4}

    waiting = await conn.fetchval(
        "SELECT id FROM accreditation WHERE status = 'submitted' LIMIT 1")
    await conn.execute("UPDATE accreditation SET status = 'approved' WHERE id = $1", waiting)
    assert await conn.fetchval("SELECT press_approved FROM conference WHERE id = $1",
                               conferences[0]) == 8
