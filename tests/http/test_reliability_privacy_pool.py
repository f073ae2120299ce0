"""The erased press person frees their pool place; the CSRF cookie is Secure whenever people
reach the service over https (public_url), even when the proxy talks plain http to it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.conftest import Api, conference_body, press_body


async def test_an_erased_approved_press_person_frees_the_pool_place(api: Api) -> None:
    now = datetime.now(UTC)
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(press_registration={
                                         "opens_at": (now - timedelta(days=1)).isoformat(),
                                         "closes_at": (now + timedelta(days=20)).isoformat(),
                                         "pool_capacity": 1}))
    assert status == 201, body
    register = "/api/v1/conferences/alliance/accreditations"
    _, a, _ = await api.call("POST", register, json=press_body(1))
    _, b, _ = await api.call("POST", register, json=press_body(2))
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{a['id']}/decision",
                                  role="press_office", json={"decision": "approve"})
    assert status == 200
    status, full, _ = await api.call("POST", f"/api/v1/accreditations/{b['id']}/decision",
                                     role="press_office", json={"decision": "approve"})
    assert status == 409, full
    status, _, _ = await api.call("DELETE", f"/api/v1/accreditations/{a['id']}/personal-data",
                                  role="admin")
    assert status == 200
    status, approved, _ = await api.call("POST", f"/api/v1/accreditations/{b['id']}/decision",
                                         role="press_office", json={"decision": "approve"})
    assert status == 200, approved
    assert approved["status"] == "approved"


async def test_the_csrf_cookie_is_secure_behind_a_tls_proxy(api: Api) -> None:
    await api.call("POST", "/api/v1/conferences", role="admin", json=conference_body())
    # The test server speaks plain http; public_url (the fixture's settings) is https.
    status, _, resp = await api.call("GET", "/alliance/press")
    assert status == 200
    cookies = resp.headers.getall("Set-Cookie")
    assert cookies and all("Secure" in c for c in cookies), cookies
