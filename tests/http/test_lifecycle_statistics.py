"""The conference's statistics: counts by category, status, country and delegation, heads of
delegation by salutation, and approved → badged → checked in, as doors saw them."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg

from conference.signing import load_signer
from tests.browser.helpers import BASE, member, press, scan, zone
from tests.conftest import Api
from tests.http.conftest_programme import make_delegation


async def _reference(api: Api, accreditation_id: str) -> str:
    conn = await asyncpg.connect(api.db_url)
    try:
        signer = await load_signer(conn)
    finally:
        await conn.close()
    return signer.sign_bytes("badge", uuid.UUID(accreditation_id).bytes)


async def test_statistics_count_what_organisers_report(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await make_delegation(api, "BE")
    fr = await make_delegation(api, "FR")
    await make_delegation(api, organisation="UNODC")
    status, head_be, _ = await api.call("POST", f"{BASE}/accreditations", role="protocol", json={
        "category": "minister", "given_name": "Anna", "family_name": "Peeters",
        "email": "anna.peeters@example.org", "gender": "female", "delegation_id": be["id"],
        "rank": "minister", "function": "Ministre"})
    assert status == 201, head_be
    await api.call("POST", f"/api/v1/accreditations/{head_be['id']}/decision", role="protocol",
                   json={"decision": "approve"})
    await member(api, be, "Janssens", category="official", rank="official")
    await member(api, fr, "Martin", decision=None)
    bernard = await member(api, fr, "Bernard", category="official", rank="official",
                           decision=None)
    await api.call("POST", f"/api/v1/accreditations/{bernard['id']}/decision", role="protocol",
                   json={"decision": "reject", "reason": "Not a member."})
    journalist = await press(api, decision="approve")
    await press(api, 2)

    await zone(api, "hall", categories=["press", "minister"])
    assert (await scan(api, await _reference(api, journalist["id"]), "hall"))["admitted"]
    refused = await scan(api, await _reference(api, head_be["id"]), "nowhere")
    assert refused["admitted"] is False

    status, stats, _ = await api.call("GET", f"{BASE}/statistics", role="protocol")
    assert status == 200, stats
    assert stats["by_category"] == {"press": 2, "minister": 2, "official": 1, "expert": 0,
                                    "staff": 0}
    assert stats["by_status"] == {"submitted": 2, "approved": 3, "rejected": 1,
                                  "waitlisted": 0, "withdrawn": 0, "revoked": 0,
                                  "substituted": 0}
    assert stats["by_country"] == {"BE": 4, "FR": 1}
    assert [(d["delegation"], d["count"]) for d in stats["by_delegation"]] == [
        ("Belgique", 2), ("France", 1), ("UNODC", 0)]
    assert stats["heads_by_salutation"] == {"women": 1, "men": 0, "not_stated": 1}
    assert stats["funnel"] == {"approved": 3, "badged": 2, "checked_in": 1}

    for role, expected in ((None, 401), ("press_office", 403), ("admin", 200)):
        assert (await api.call("GET", f"{BASE}/statistics", role=role))[0] == expected
