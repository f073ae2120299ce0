"""Vetting status on a real PostgreSQL: a category the conference clears gets no badge and no
door without clearance; the security service's CSV round trip; a refusal acts at once."""

from __future__ import annotations

import csv
import io
from typing import Any

from conference.auth import Role, issue_token
from conference.db.pool import connect
from tests.browser.helpers import BASE, delegation, member, scan, zone
from tests.conftest import Api, conference_body
from tests.http.test_badges import _badge, _decode

VETTING = {"document_type": "diplomatic_passport", "document_number": "D123",
           "date_of_birth": "1970-01-01", "nationality": "BE"}


async def _summit(api: Api) -> dict[str, Any]:
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences", role="admin",
        json=conference_body(vetting_required=["minister", "official"]))
    assert status == 201, body
    assert body["vetting_required"] == ["minister", "official"]
    return dict(body)


async def _status(api: Api, aid: str, status: str, reason: str | None = None,
                  role: str = "protocol") -> tuple[int, Any]:
    code, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/vetting/status",
                                   role=role, json={"status": status, "reason": reason})
    return code, body


async def test_a_minister_without_clearance_has_no_badge_and_no_door(api: Api) -> None:
    await _summit(api)
    be = await delegation(api, "BE")
    minister = await member(api, be, "Milquet")
    await zone(api, "plenary-hall", categories=["minister"])
    status, problem, _ = await api.call("GET", f"/api/v1/accreditations/{minister['id']}/badge",
                                        role="protocol")
    assert (status, problem["vetting_status"]) == (409, "pending"), problem

    code, body = await _status(api, minister["id"], "refused")
    assert (code, body["errors"][0]["field"]) == (422, "reason")
    assert (await _status(api, minister["id"], "cleared", role="press_office"))[0] == 403
    conn = await connect(api.db_url)
    try:
        security = await issue_token(conn, Role.security)
        door = await issue_token(conn, Role.door)
    finally:
        await conn.close()
    assert (await _status(api, minister["id"], "cleared", role=door))[0] == 403
    code, body = await _status(api, minister["id"], "cleared", role=security)
    assert (code, body["status"], body["required"]) == (200, "cleared", True), body
    status, png, _ = await _badge(api, minister["id"], role="protocol")
    assert status == 200
    reference = _decode(png)
    assert (await scan(api, reference, "plenary-hall"))["admitted"] is True

    # a refusal after printing refuses the door at once, with the badge already in hand
    code, _ = await _status(api, minister["id"], "refused", "Mismatch with the national record.")
    assert code == 200
    result = await scan(api, reference, "plenary-hall")
    assert (result["admitted"], result["reason"]) == (False, "not_cleared")
    assert (await _badge(api, minister["id"], role="protocol"))[0] == 409
    # more information needed: still no door
    await _status(api, minister["id"], "more_information", "Second passport page.")
    assert (await scan(api, reference, "plenary-hall"))["reason"] == "not_cleared"


async def test_the_csv_round_trip_clears_forty_people_in_one_request(api: Api) -> None:
    await _summit(api)
    be = await delegation(api, "BE")
    people = [await member(api, be, f"Delegate{n:02d}", category="official",
                           rank="senior_official") for n in range(40)]
    for p in people[:5]:
        await api.call("PUT", f"/api/v1/accreditations/{p['id']}/vetting", role="protocol",
                       json=VETTING)
    status, text, resp = await api.call("GET", f"{BASE}/vetting.csv", role="protocol")
    assert status == 200 and resp.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 40 and {r["status"] for r in rows} == {"pending"}
    assert sum(r["document_number"] == "D123" for r in rows) == 5
    assert (await api.call("GET", f"{BASE}/vetting.csv", role="press_office"))[0] == 403

    def results(lines: list[tuple[str, str, str]]) -> bytes:
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(["accreditation_id", "status", "reason"])
        w.writerows(lines)
        return out.getvalue().encode()

    # one wrong line: nothing is applied, every wrong line named
    bad = [(r["accreditation_id"], "cleared", "") for r in rows]
    bad[3] = (bad[3][0], "refused", "")
    bad[7] = ("not-an-id", "cleared", "")
    status, problem, _ = await api.call("POST", f"{BASE}/vetting.csv", role="protocol",
                                        data=results(bad), headers={"Content-Type": "text/csv"})
    assert status == 422, problem
    assert {e["field"] for e in problem["errors"]} == {"line 5.reason",
                                                       "line 9.accreditation_id"}
    status, text, _ = await api.call("GET", f"{BASE}/vetting.csv", role="protocol")
    assert len(list(csv.DictReader(io.StringIO(text)))) == 40

    good = [(r["accreditation_id"], "cleared", "") for r in rows]
    status, body, _ = await api.call("POST", f"{BASE}/vetting.csv", role="protocol",
                                     data=results(good), headers={"Content-Type": "text/csv"})
    assert (status, body) == (200, {"applied": 40, "unchanged": 0})
    status, text, _ = await api.call("GET", f"{BASE}/vetting.csv", role="protocol")
    assert list(csv.DictReader(io.StringIO(text))) == []
    assert (await _badge(api, people[0]["id"], role="protocol"))[0] == 200


async def test_categories_the_conference_does_not_clear_need_nothing(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await delegation(api, "BE")
    minister = await member(api, be, "Milquet")
    assert (await _badge(api, minister["id"], role="protocol"))[0] == 200
    status, text, _ = await api.call("GET", f"{BASE}/vetting.csv", role="protocol")
    assert text.strip() == ",".join(("accreditation_id", "family_name", "given_name",
                                     "category", "delegation", "nationality", "document_type",
                                     "document_number", "date_of_birth", "name_in_document",
                                     "status", "reason"))
