"""What the in-process benchmarks (``badges.py``, ``import_members.py``) share: a migrated
database with a conference of country delegations, and a pool on it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from conference.conferences.models import Conference, ConferenceIn, DelegationIn
from conference.conferences.repo import insert_conference, insert_delegation
from conference.db.migrate import migrate
from conference.db.pool import create_pool
from conference.protocol.countries import country_codes
from conference.settings import DatabaseSettings
from tests.conftest import conference_body


@asynccontextmanager
async def conference_with_delegations(
    url: str, delegations: int
) -> AsyncIterator[tuple[asyncpg.Pool, Conference, list[str]]]:
    """The database at ``url`` migrated, a conference ``bench`` with ``delegations`` country
    delegations (the first country codes in order), and a pool as the service makes it."""
    conn = await asyncpg.connect(url)
    try:
        await migrate(conn)
    finally:
        await conn.close()
    pool = await create_pool(url, DatabaseSettings())
    try:
        codes = sorted(country_codes())[:delegations]
        async with pool.acquire() as conn:
            conference = await insert_conference(
                conn, ConferenceIn.model_validate(conference_body("bench")))
            assert conference is not None
            for code in codes:
                await insert_delegation(conn, conference.id, DelegationIn.model_validate({
                    "kind": "country", "country": code,
                    "focal_point": {"name": "FP", "email": f"fp-{code.lower()}@example.org"}}))
        yield pool, conference, codes
    finally:
        await pool.close()
