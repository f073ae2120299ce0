"""The security service's results imported while another transaction locks the same people in
the other order (the worker rotating private links as it sends their letters: found as a 500 in
tests/http/test_long_lists.py, three runs in twelve, a deadlock inside the import). PostgreSQL
aborts one of the two; when it is the import, the import is tried again and applies, 200, never
a 500, and nothing is applied twice (docs/credentials.md, "Vetting"). A real PostgreSQL: the
deadlock is made, not simulated."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

from conference.settings import Settings
from tests.conftest import conference_body, start_api
from tests.http.conftest_programme import make_delegation
from tests.support import another_waits_for_a_lock

API = "/api/v1/conferences/alliance"


async def test_an_import_aborted_by_a_deadlock_is_tried_again(
    db_url: str, settings: Settings
) -> None:
    api = await start_api(db_url, settings, run_worker=False)
    try:
        status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                         json=conference_body(vetting_required=["expert"]))
        assert status == 201, body
        be = await make_delegation(api, country="BE")
        people: list[dict[str, Any]] = []
        for n in range(2):
            status, created, _ = await api.call("POST", f"{API}/accreditations", role="protocol",
                                                json={"category": "expert", "given_name": "Anna",
                                                      "family_name": f"Vermeulen {n}",
                                                      "email": f"expert{n}@example.org",
                                                      "delegation_id": be["id"],
                                                      "rank": "expert"})
            assert status == 201, created
            people.append(created)
        first, second = (p["id"] for p in people)
        results = f"accreditation_id,status,reason\n{first},cleared,\n{second},cleared,\n"

        other = await asyncpg.connect(db_url)
        try:
            # the other transaction holds the second person, and will wait for the first, which
            # the import holds by then; it waits longer before looking for a deadlock, so
            # PostgreSQL finds it from the import's side and aborts the import's statement
            tx = other.transaction()
            await tx.start()
            await other.execute("SET LOCAL deadlock_timeout = '10s'")
            await other.execute("SELECT 1 FROM accreditation WHERE id = $1 FOR UPDATE",
                                second)
            imported = asyncio.create_task(api.call(
                "POST", f"{API}/vetting.csv", role="protocol", data=results.encode(),
                headers={"Content-Type": "text/csv"}))
            await another_waits_for_a_lock(other)
            await other.execute("SELECT 1 FROM accreditation WHERE id = $1 FOR UPDATE", first)
            await tx.commit()
        finally:
            await other.close()
        status, answer, _ = await imported
        assert status == 200, answer
        assert answer["applied"] == 2, answer

        conn = await asyncpg.connect(db_url)
        try:
            assert await conn.fetchval(
                "SELECT count(*) FROM vetting_status WHERE status = 'cleared'") == 2
            assert await conn.fetchval(
                "SELECT count(*) FROM domain_event"
                " WHERE type = 'accreditation.vetting_status_set'") == 2
        finally:
            await conn.close()
    finally:
        await api.client.close()
