"""Quotas and nomination deadlines on a real PostgreSQL: 20 concurrent registrations into a
delegation with 3 free places file exactly 3; protocol overrides with a reason the history
keeps; after the deadline a focal point is refused and protocol acts with a reason."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.browser.helpers import element
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_workspaces import _signed_in, link_in
from tests.support import RecordingSMTP


async def create(api: Api, **changes: Any) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(**changes))
    assert status == 201, body


def official(n: int, delegation: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {"category": "official", "given_name": "Jan", "family_name": f"Peeters{n}",
            "email": f"jan{n}@example.org", "language": "en", "delegation_id": delegation["id"],
            "rank": "official", "function": "Adviser", **changes}


async def file(api: Api, body: dict[str, Any], role: str) -> tuple[int, Any]:
    status, answer, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                       role=role, json=body)
    return status, answer


async def test_concurrent_registrations_never_exceed_the_quota(api: Api) -> None:
    await create(api, quotas={"minister": 1, "official": 5})
    be = await make_delegation(api, "BE")
    fp = be["focal_point_token"]
    for n in range(2):
        assert (await file(api, official(n, be), fp))[0] == 201
    results = await asyncio.gather(*(file(api, official(100 + n, be), fp) for n in range(20)))
    statuses = sorted(s for s, _ in results)
    assert statuses == [201] * 3 + [409] * 17
    refusal = next(body for s, body in results if s == 409)
    assert refusal["type"].endswith("/quota-exceeded")
    assert (refusal["category"], refusal["used"], refusal["allowed"]) == ("official", 5, 5)
    status, page, _ = await api.call(
        "GET", f"/api/v1/conferences/alliance/accreditations?delegation_id={be['id']}",
        role="protocol")
    assert len(page["items"]) == 5

    # A withdrawn member frees the place.
    first = page["items"][0]
    conn_status, _, _ = await api.call("POST", f"/api/v1/accreditations/{first['id']}/withdraw",
                                       role=fp, json={})
    assert conn_status == 200
    assert (await file(api, official(200, be), fp))[0] == 201
    assert (await file(api, official(201, be), fp))[0] == 409


async def test_protocol_overrides_with_a_reason_the_history_keeps(api: Api) -> None:
    await create(api, quotas={"official": 1})
    be = await make_delegation(api, "BE")
    fr = await make_delegation(api, "FR")
    assert (await file(api, official(1, be), "protocol"))[0] == 201
    status, refusal = await file(api, official(2, be), "protocol")
    assert status == 409 and refusal["allowed"] == 1
    # A focal point cannot override.
    status, _ = await file(api, official(3, be, override_reason="Please"),
                           be["focal_point_token"])
    assert status == 409
    status, created = await file(api, official(2, be, override_reason="Deputy minister's "
                                                   "interpreter, agreed by the chair."),
                                 "protocol")
    assert status == 201, created
    status, read, _ = await api.call("GET", f"/api/v1/accreditations/{created['id']}",
                                     role="protocol")
    assert [(h["action"], h["reason"]) for h in read["history"]] == [
        ("submit", None),
        ("quota_override", "Deputy minister's interpreter, agreed by the chair.")]

    # Per-delegation overrides: France gets three officials, Belgium keeps the default.
    status, quotas, _ = await api.call("PUT", f"/api/v1/delegations/{fr['id']}/quotas",
                                       role="protocol", json={"official": 3})
    assert status == 200 and quotas["quotas"] == {"official": 3}
    for n in range(3):
        assert (await file(api, official(10 + n, fr), fr["focal_point_token"]))[0] == 201
    assert (await file(api, official(13, fr), fr["focal_point_token"]))[0] == 409
    assert (await api.call("PUT", f"/api/v1/delegations/{fr['id']}/quotas",
                           role=fr["focal_point_token"], json={"official": 9}))[0] == 403
    assert (await api.call("PUT", f"/api/v1/delegations/{fr['id']}/quotas", role="protocol",
                           json={"official": -1}))[0] == 422


async def test_after_the_nominations_deadline_only_protocol_files_with_a_reason(
    api: Api,
) -> None:
    closed = datetime.now(UTC) - timedelta(minutes=1)
    await create(api, nominations_close_at=closed.isoformat())
    be = await make_delegation(api, "BE")
    status, refusal = await file(api, official(1, be), be["focal_point_token"])
    assert status == 409 and refusal["type"].endswith("/deadline-passed"), refusal
    status, refusal = await file(api, official(1, be), "protocol")
    assert status == 422
    assert refusal["errors"][0]["field"] == "override_reason"
    status, created = await file(api, official(1, be, override_reason="Late note verbale."),
                                 "protocol")
    assert status == 201, created
    status, read, _ = await api.call("GET", f"/api/v1/accreditations/{created['id']}",
                                     role="protocol")
    assert ("deadline_override", "Late note verbale.") in [
        (h["action"], h["reason"]) for h in read["history"]]


async def test_with_no_deadline_set_filing_closes_with_the_conference(api: Api) -> None:
    """A focal point filed a member for a conference that ended in 2012, and the person was told
    protocol would review it (found in a user test): a deadline left open closes at the end of
    the conference's last day, in its time zone (docs/lifecycle.md); protocol may still file,
    with a reason."""
    today = datetime.now(UTC).date()
    await create(api, starts_on=(today - timedelta(days=3)).isoformat(),
                 ends_on=(today - timedelta(days=2)).isoformat())
    be = await make_delegation(api, "BE")
    status, refusal = await file(api, official(1, be), be["focal_point_token"])
    assert status == 409 and refusal["type"].endswith("/deadline-passed"), refusal
    status, refusal = await file(api, official(1, be), "protocol")
    assert status == 422 and refusal["errors"][0]["field"] == "override_reason"
    status, created = await file(api, official(1, be, override_reason="For the record."),
                                 "protocol")
    assert status == 201, created


async def test_the_portal_says_a_place_beyond_the_quota_was_granted_by_protocol(
    api: Api, smtp: RecordingSMTP
) -> None:
    """More places taken than the quota allows (protocol filed one beyond it, with a reason):
    the portal's places say so, where « Official 2 | 1 » read as a mistake (tryout)."""
    await create(api, quotas={"official": 1})
    be = await make_delegation(api, "BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    assert (await file(api, official(1, be), be["focal_point_token"]))[0] == 201
    focal = await _signed_in(api, link_in(welcome))
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=en")
    assert status == 200 and 'id="quota-over-official"' not in page
    status, _ = await file(api, official(2, be, override_reason="The minister's interpreter."),
                           "protocol")
    assert status == 201
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=en")
    assert element(page, "quota-over-official") == (
        "“Official”: one place beyond the quota, granted by the protocol service.")
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=fr")
    assert element(page, "quota-over-official") == (
        "« Fonctionnaire » : une place au-delà du quota, accordée par le service du protocole.")
