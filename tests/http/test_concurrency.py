"""Invariants under concurrent requests: PostgreSQL keeps them, not Python."""

from __future__ import annotations

import asyncio
from typing import Any

from tests.conftest import Api, conference_body, press_body


async def test_twenty_identical_registrations_make_exactly_one(
    api: Api, conference: dict[str, Any]
) -> None:
    results = await asyncio.gather(*(
        api.call("POST", "/api/v1/conferences/alliance/accreditations", json=press_body())
        for _ in range(20)
    ))
    statuses = sorted(status for status, _, _ in results)
    assert statuses == [201] + [409] * 19
    duplicates = [body for status, body, _ in results if status == 409]
    assert all(b["type"].endswith("/duplicate") for b in duplicates)


async def test_same_person_cannot_hold_two_categories(api: Api, conference: dict[str, Any]) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                  json=press_body())
    assert status == 201
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Marie", "family_name": "Dupont",
              "email": "MARIE.DUPONT@example.org", "language": "fr"},
    )
    assert status == 409
    assert body["field"] == "email"


async def test_forty_concurrent_approvals_fill_a_pool_of_ten(api: Api) -> None:
    body = conference_body("pool")
    body["press_registration"]["pool_capacity"] = 10
    assert (await api.call("POST", "/api/v1/conferences", role="admin", json=body))[0] == 201
    ids = []
    for n in range(1, 41):
        status, created, _ = await api.call(
            "POST", "/api/v1/conferences/pool/accreditations", json=press_body(n))
        assert status == 201, created
        ids.append(created["id"])
    results = await asyncio.gather(*(
        api.call("POST", f"/api/v1/accreditations/{i}/decision", role="press_office",
                 json={"decision": "approve"})
        for i in ids
    ))
    statuses = [status for status, _, _ in results]
    assert statuses.count(200) == 10
    assert statuses.count(409) == 30
    refused = [b for s, b, _ in results if s == 409]
    assert all(b["type"].endswith("/press-pool-full") for b in refused)
    _, page, _ = await api.call("GET", "/api/v1/conferences/pool/accreditations?status=approved"
                                       "&limit=100", role="press_office")
    assert len(page["items"]) == 10
    # a full pool refuses new press applications outright
    status, body, _ = await api.call("POST", "/api/v1/conferences/pool/accreditations",
                                     json=press_body(99))
    assert status == 409 and body["type"].endswith("/press-pool-full")
