"""The domain event log: every state change writes its event in the same transaction."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

from tests.conftest import Api, direct_url, press_body


async def test_each_change_writes_one_event_readable_in_order(
    api: Api, conference: dict[str, Any]
) -> None:
    _, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                   json=press_body())
    await api.call("POST", f"/api/v1/accreditations/{created['id']}/decision",
                   role="press_office", json={"decision": "approve"})
    await api.call("POST", f"/api/v1/accreditations/{created['id']}/revoke", role="admin",
                   json={"reason": "Left office"})
    # An event becomes readable once no older transaction is still running (so that a cursor
    # never skips one): poll, as integrators do.
    for _ in range(50):
        status, page, _ = await api.call("GET", "/api/v1/conferences/alliance/events",
                                         role="protocol")
        assert status == 200
        if len(page["items"]) == 4:
            break
        await asyncio.sleep(0.1)
    assert [(e["type"], e["payload"].get("from_status")) for e in page["items"]] == [
        ("conference.created", None),
        ("accreditation.submitted", None),
        ("accreditation.approved", "submitted"),
        ("accreditation.revoked", "approved"),
    ]
    # payloads carry no personal data
    assert "Dupont" not in str(page["items"]) and "example.org" not in str(page["items"])
    first_two = page["items"][1]["id"]
    status, rest, _ = await api.call(
        "GET", f"/api/v1/conferences/alliance/events?after={first_two}&limit=1", role="admin")
    assert [e["type"] for e in rest["items"]] == ["accreditation.approved"]
    assert rest["next_cursor"] == rest["items"][0]["id"]
    status, _, _ = await api.call("GET", "/api/v1/conferences/alliance/events",
                                  role="press_office")
    assert status == 403


async def test_refused_change_writes_no_event(api: Api, conference: dict[str, Any]) -> None:
    _, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                   json=press_body())
    await api.call("POST", f"/api/v1/accreditations/{created['id']}/decision",
                   role="press_office", json={"decision": "approve"})
    conn = await asyncpg.connect(direct_url(api.db_url))
    try:
        before = await conn.fetchval("SELECT count(*) FROM domain_event")
        status, _, _ = await api.call("POST", f"/api/v1/accreditations/{created['id']}/decision",
                                      role="press_office", json={"decision": "approve"})
        assert status == 409
        status, _, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                      json=press_body())
        assert status == 409
        assert await conn.fetchval("SELECT count(*) FROM domain_event") == before
        # the audit trail has no line of the refused changes
        _, read, _ = await api.call("GET", f"/api/v1/accreditations/{created['id']}",
                                    role="admin")
        assert [h["action"] for h in read["history"]] == ["submit", "approve"]
    finally:
        await conn.close()


async def test_readyz_answers_503_while_the_database_is_unreachable(
    server_url: str, template_db: str, settings: Any
) -> None:
    import uuid

    from tests.conftest import _with_db, start_api

    name = f"conference_gone_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(server_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"')
        api = await start_api(_with_db(server_url, name), settings, run_worker=False)
        try:
            assert (await api.call("GET", "/readyz"))[0] == 200
            await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            status, body, resp = await api.call("GET", "/readyz")
            assert status == 503
            assert resp.headers["Content-Type"] == "application/problem+json"
            status, body, resp = await api.call("GET", "/api/v1/conferences/alliance")
            assert status == 503, body
            assert resp.headers["Retry-After"] == "5"
            assert (await api.call("GET", "/healthz"))[0] == 200
        finally:
            await api.client.close()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
