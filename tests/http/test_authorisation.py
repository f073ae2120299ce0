"""Least privilege: each role and token sees and does only what it must."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api, press_body
from tests.http.conftest_programme import make_delegation
from tests.support import current_token

BASE = "/api/v1/conferences/alliance"


def _member(delegation_id: str | None, n: int, **changes: Any) -> dict[str, Any]:
    body = {"category": "official", "given_name": "Jan", "family_name": f"Peeters{n}",
            "email": f"jan{n}@example.org", "language": "en", "delegation_id": delegation_id,
            "rank": "senior_official", "function": "Director"}
    body.update(changes)
    return body


async def test_no_token_is_401(api: Api, conference: dict[str, Any]) -> None:
    for method, path in (("GET", f"{BASE}/accreditations"), ("GET", f"{BASE}/delegations"),
                         ("POST", "/api/v1/conferences"), ("GET", "/api/v1/deliveries")):
        status, body, _ = await api.call(method, path, json={})
        assert status == 401, (method, path, body)
    expert = _member(None, 1, category="expert", rank=None, function=None)
    status, body, _ = await api.call("POST", f"{BASE}/accreditations", json=expert)
    assert status == 401, body


async def test_bad_token_is_401(api: Api, conference: dict[str, Any]) -> None:
    status, body, _ = await api.call("GET", f"{BASE}/accreditations", role="not-a-token")
    assert status == 401
    status, _, _ = await api.call("GET", f"{BASE}/accreditations",
                                  headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert status == 401


async def test_applicant_reads_only_its_own_application(
    api: Api, conference: dict[str, Any]
) -> None:
    _, first, _ = await api.call("POST", f"{BASE}/accreditations", json=press_body(1))
    _, second, _ = await api.call("POST", f"{BASE}/accreditations", json=press_body(2))
    first["access_token"] = await current_token(api.db_url, first["id"])
    status, own, _ = await api.call("GET", f"/api/v1/accreditations/{first['id']}",
                                    role=first["access_token"])
    assert status == 200 and own["id"] == first["id"]
    status, _, _ = await api.call("GET", f"/api/v1/accreditations/{second['id']}",
                                  role=first["access_token"])
    assert status == 403
    status, _, _ = await api.call("GET", f"{BASE}/accreditations", role=first["access_token"])
    assert status == 403
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{second['id']}/withdraw",
                                  role=first["access_token"])
    assert status == 403
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{first['id']}/decision",
                                  role=first["access_token"], json={"decision": "approve"})
    assert status == 403


async def test_focal_point_sees_and_registers_only_its_delegation(
    api: Api, conference: dict[str, Any]
) -> None:
    be, fr = await make_delegation(api, "BE"), await make_delegation(api, "FR")
    be_token, fr_token = be["focal_point_token"], fr["focal_point_token"]
    status, mine, _ = await api.call("POST", f"{BASE}/accreditations", role=be_token,
                                     json=_member(be["id"], 1))
    assert status == 201, mine
    status, body, _ = await api.call("POST", f"{BASE}/accreditations", role=be_token,
                                     json=_member(fr["id"], 2))
    assert status == 403, body
    status, theirs, _ = await api.call("POST", f"{BASE}/accreditations", role=fr_token,
                                       json=_member(fr["id"], 3))
    assert status == 201
    status, page, _ = await api.call("GET", f"{BASE}/accreditations", role=be_token)
    assert status == 200
    assert [a["id"] for a in page["items"]] == [mine["id"]]
    status, _, _ = await api.call("GET", f"{BASE}/accreditations?delegation_id={fr['id']}",
                                  role=be_token)
    assert status == 403
    status, _, _ = await api.call("GET", f"/api/v1/accreditations/{theirs['id']}", role=be_token)
    assert status == 403
    status, _, _ = await api.call("GET", f"/api/v1/accreditations/{mine['id']}", role=be_token)
    assert status == 200
    # a focal point does not decide, nor see the delegations list
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{mine['id']}/decision",
                                  role=be_token, json={"decision": "approve"})
    assert status == 403
    status, _, _ = await api.call("GET", f"{BASE}/delegations", role=be_token)
    assert status == 403
    # but withdraws its own member
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{mine['id']}/withdraw",
                                     role=be_token)
    assert status == 200 and body["status"] == "withdrawn"


async def test_press_office_handles_press_only(api: Api, conference: dict[str, Any]) -> None:
    be = await make_delegation(api, "BE")
    _, official, _ = await api.call("POST", f"{BASE}/accreditations", role="protocol",
                                    json=_member(be["id"], 1))
    _, press, _ = await api.call("POST", f"{BASE}/accreditations", json=press_body())
    status, page, _ = await api.call("GET", f"{BASE}/accreditations", role="press_office")
    assert [a["id"] for a in page["items"]] == [press["id"]]
    status, _, _ = await api.call("GET", f"{BASE}/accreditations?category=official",
                                  role="press_office")
    assert status == 403
    status, _, _ = await api.call("GET", f"/api/v1/accreditations/{official['id']}",
                                  role="press_office")
    assert status == 403
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{official['id']}/decision",
                                  role="press_office", json={"decision": "approve"})
    assert status == 403
    # and protocol does not decide on press
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{press['id']}/decision",
                                  role="protocol", json={"decision": "approve"})
    assert status == 403
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{official['id']}/decision",
                                     role="protocol", json={"decision": "approve"})
    assert status == 200 and body["status"] == "approved"


async def test_only_admin_creates_conferences_and_sees_deliveries(api: Api) -> None:
    from tests.conftest import conference_body

    for role in ("protocol", "press_office"):
        status, _, _ = await api.call("POST", "/api/v1/conferences", role=role,
                                      json=conference_body(f"c-{role.replace('_', '-')}"))
        assert status == 403
        status, _, _ = await api.call("GET", "/api/v1/deliveries", role=role)
        assert status == 403


async def test_list_is_paginated_with_a_cursor(api: Api, conference: dict[str, Any]) -> None:
    ids = []
    for n in range(1, 8):
        _, created, _ = await api.call("POST", f"{BASE}/accreditations", json=press_body(n))
        ids.append(created["id"])
    seen: list[str] = []
    cursor = None
    while True:
        query = "?limit=3" + (f"&cursor={cursor}" if cursor else "")
        status, page, _ = await api.call("GET", f"{BASE}/accreditations{query}", role="admin")
        assert status == 200
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids
    status, page, _ = await api.call("GET", f"{BASE}/accreditations?status=approved",
                                     role="admin")
    assert page == {"items": [], "next_cursor": None}


async def test_a_taken_address_tells_a_focal_point_nothing_about_who_holds_it(
    api: Api, conference: dict[str, Any]
) -> None:
    """Through the API as on the pages (docs/lifecycle.md, "Import"): a focal point filing,
    amending or substituting with an address a journalist or another delegation holds learns
    that it cannot be used, not that someone has applied with it; the press applicant is
    still told of their own address."""
    be, fr = await make_delegation(api, "BE"), await make_delegation(api, "FR")
    be_token = be["focal_point_token"]
    status, journalist, _ = await api.call("POST", f"{BASE}/accreditations",
                                           json=press_body(5))
    assert status == 201, journalist
    status, theirs, _ = await api.call("POST", f"{BASE}/accreditations",
                                       role=fr["focal_point_token"], json=_member(fr["id"], 6))
    assert status == 201, theirs
    status, mine, _ = await api.call("POST", f"{BASE}/accreditations", role=be_token,
                                     json=_member(be["id"], 7))
    assert status == 201, mine
    taken = "This address cannot be used for a new application; contact the protocol service."
    for email in (journalist["email"], theirs["email"]):
        status, body, _ = await api.call("POST", f"{BASE}/accreditations", role=be_token,
                                         json=_member(be["id"], 8, email=email))
        assert (status, body["detail"]) == (409, taken), body
        status, body, _ = await api.call("PATCH", f"/api/v1/accreditations/{mine['id']}",
                                         role=be_token, json={"email": email})
        assert (status, body["detail"]) == (409, taken), body
    status, body, _ = await api.call("POST", f"{BASE}/accreditations",
                                     json=press_body(9, email=journalist["email"]))
    assert (status, body["detail"]) == (
        409, "This person already has an application for this conference."), body
