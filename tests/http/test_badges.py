"""Badges and zone-aware check-in over HTTP: the QR decodes to a reference the door accepts;
forged, altered, revoked, withdrawn and unapproved badges are refused with their reason; zones
by category, session and pool; the royal-presence perimeter admits the security list and, of the
press, the pool only; every scan is recorded."""

from __future__ import annotations

import io
import uuid
from typing import Any

import asyncpg
import zxingcpp
from PIL import Image

from conference.auth import Principal, Role
from conference.badges import service
from conference.badges.domain import badge_reference
from conference.db.pool import connect
from conference.signing import load_signer
from tests.browser.helpers import (
    BASE,
    at,
    delegation,
    member,
    participant,
    pool,
    press,
    room,
    scan,
    session,
    zone,
)
from tests.conftest import Api
from tests.support import current_token

ADMIN = Principal(token_id=0, role=Role.admin)

async def _badge(api: Api, accreditation_id: str, role: str = "press_office"
                 ) -> tuple[int, bytes, Any]:
    resp = await api.client.get(f"/api/v1/accreditations/{accreditation_id}/badge",
                                headers=api.auth(role))
    return resp.status, await resp.read(), resp


def _decode(png: bytes) -> str:
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert code.format == zxingcpp.BarcodeFormat.QRCode
    return str(code.text)


async def _reference(api: Api, accreditation_id: str, purpose: str = "badge") -> str:
    conn = await asyncpg.connect(api.db_url)
    try:
        signer = await load_signer(conn)
    finally:
        await conn.close()
    return signer.sign_bytes(purpose, uuid.UUID(accreditation_id).bytes)


async def _revoke(api: Api, accreditation_id: str) -> None:
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{accreditation_id}/revoke",
                                     role="press_office", json={"reason": "Misconduct."})
    assert status == 200, body


async def test_the_qr_code_decodes_to_a_reference_the_door_admits(
    api: Api, conference: dict[str, Any]
) -> None:
    await zone(api, "press-centre", categories=["press"])
    acc = await press(api, decision="approve")
    status, png, resp = await _badge(api, acc["id"])
    assert status == 200, png
    assert resp.content_type == "image/png"
    assert resp.headers["Cache-Control"] == "no-store"
    image = Image.open(io.BytesIO(png))
    assert image.size == (1240, 1748)  # A6 at 300 dpi
    assert tuple(round(d) for d in image.info["dpi"]) == (300, 300)
    reference = _decode(png)
    assert reference == await _reference(api, acc["id"])
    assert acc["id"] not in reference  # the id travels encoded and signed, not in clear

    result = await scan(api, reference, "press-centre")
    assert result["admitted"] is True and result["reason"] == "granted"
    assert result["holder"] == {"accreditation_id": acc["id"], "given_name": "Marie",
                                "family_name": "Dupont", "category": "press",
                                "affiliation": "Le Soir", "gender": None}


async def test_forged_or_altered_references_are_refused(
    api: Api, conference: dict[str, Any]
) -> None:
    await zone(api, "press-centre", categories=["press"])
    acc = await press(api, decision="approve")
    genuine = await _reference(api, acc["id"])
    payload, tag = genuine.split(".")
    flipped = tag[:-1] + ("A" if tag[-1] != "A" else "B")
    other_id = await _reference(api, str(uuid.uuid4()))
    forged = [
        f"{payload}.{flipped}",                                 # altered tag
        f"{payload[:-1]}{'A' if payload[-1] != 'A' else 'B'}.{tag}",  # altered id
        await _reference(api, acc["id"], purpose="feed"),       # a feed token, not a badge
    ]
    for badge in forged:
        result = await scan(api, badge, "press-centre")
        assert (result["admitted"], result["reason"], result["holder"]) == (
            False, "forged_badge", None), badge
    # a text shaped as no badge reference was not read whole, or is another code: scan again
    for badge in (payload, genuine[:40], "https://example.org/not-a-badge", "x" * 512):
        result = await scan(api, badge, "press-centre")
        assert (result["admitted"], result["reason"], result["holder"]) == (
            False, "unreadable_reference", None), badge
        assert "scan the badge's QR code again" in result["detail"]
    result = await scan(api, other_id, "press-centre")  # genuine, but no such accreditation
    assert (result["admitted"], result["reason"]) == (False, "unknown_badge")


async def test_a_revoked_badge_is_refused_at_once(api: Api, conference: dict[str, Any]) -> None:
    await zone(api, "press-centre", categories=["press"])
    acc = await press(api, decision="approve")
    _, png, _ = await _badge(api, acc["id"])
    reference = _decode(png)
    assert (await scan(api, reference, "press-centre"))["admitted"] is True
    await _revoke(api, acc["id"])
    result = await scan(api, reference, "press-centre")
    assert (result["admitted"], result["reason"]) == (False, "revoked")
    assert result["detail"] == "The accreditation was revoked."
    status, _, _ = await _badge(api, acc["id"])
    assert status == 409  # and no new badge is printed


async def test_withdrawn_and_unapproved_badges_are_refused_with_their_reason(
    api: Api, conference: dict[str, Any]
) -> None:
    await zone(api, "press-centre", categories=["press"])
    pending = await press(api, 1)
    withdrawn = await press(api, 2)
    await api.call("POST", f"/api/v1/accreditations/{withdrawn['id']}/withdraw",
                   role=withdrawn["access_token"])
    rejected = await press(api, 3)
    await api.call("POST", f"/api/v1/accreditations/{rejected['id']}/decision",
                   role="press_office", json={"decision": "reject", "reason": "No card."})
    for acc, reason in ((pending, "not_approved"), (withdrawn, "withdrawn"),
                        (rejected, "not_approved")):
        result = await scan(api, await _reference(api, acc["id"]), "press-centre")
        assert (result["admitted"], result["reason"]) == (False, reason)


async def test_zones_follow_categories_sessions_and_pools(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await delegation(api, "BE")
    minister = await member(api, be, "Milquet")
    official = await member(api, be, "Peeters", category="official", rank="senior_official")
    journalist = await press(api, decision="approve")
    hall = await room(api)
    panel = await session(api, hall, at(conference, 14), at(conference, 15), audience=[])
    await participant(api, panel, official)
    pressroom = await pool(api, "Pool tribune")
    await zone(api, "plenary-hall", categories=["minister"])
    await zone(api, "panel-room", sessions=[panel["id"]])
    tribune = await zone(api, "press-tribune", pools=[pressroom["id"]])

    expected = {
        (minister["id"], "plenary-hall"): "granted",
        (official["id"], "plenary-hall"): "zone_not_granted",
        (journalist["id"], "plenary-hall"): "zone_not_granted",
        (minister["id"], "panel-room"): "zone_not_granted",
        (official["id"], "panel-room"): "granted",
        (journalist["id"], "press-tribune"): "zone_not_granted",
    }
    for (acc_id, code), reason in expected.items():
        result = await scan(api, await _reference(api, acc_id), code)
        assert result["reason"] == reason, (acc_id, code)

    status, body, _ = await api.call(
        "PUT", f"/api/v1/pools/{pressroom['id']}/members/{journalist['id']}", role="press_office")
    assert status == 200 and body["members"] == [journalist["id"]]
    result = await scan(api, await _reference(api, journalist["id"]), "press-tribune")
    assert result["reason"] == "granted"

    status, _, _ = await api.call("POST", f"/api/v1/sessions/{panel['id']}/cancel",
                                  role="protocol")
    assert status == 200
    result = await scan(api, await _reference(api, official["id"]), "panel-room")
    assert result["reason"] == "zone_not_granted"  # a cancelled session grants nothing

    status, changed, _ = await api.call("PUT", f"/api/v1/zones/{tribune['id']}/grants",
                                        role="protocol", json={"categories": ["press"]})
    assert status == 200 and changed["grants"] == {
        "categories": ["press"], "sessions": [], "pools": []}


async def test_press_enter_the_royal_perimeter_only_through_the_pool(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await delegation(api, "BE")
    minister = await member(api, be, "Milquet")
    guest = await member(api, be, "Peeters", category="official", rank="senior_official")
    outsider = await member(api, be, "Janssens", category="expert", rank="expert")
    hall = await room(api)
    royal = await session(api, hall, at(conference, 9), at(conference, 10),
                          royal_presence=True, press_access="pool",
                          audience=["official", "press"])
    await participant(api, royal, minister, role="chair")
    royal_pool = await pool(api)
    await zone(api, "royal-perimeter", kind="royal_perimeter", sessions=[royal["id"]],
               pools=[royal_pool["id"]])
    in_pool = await press(api, 1, decision="approve")
    not_in_pool = await press(api, 2, decision="approve")
    status, _, _ = await api.call(
        "PUT", f"/api/v1/pools/{royal_pool['id']}/members/{in_pool['id']}", role="press_office")
    assert status == 200

    expected = [
        (minister, "granted"),                    # a participant
        (guest, "granted"),                       # invited audience, approved
        (outsider, "not_on_security_list"),       # approved, but not on the list
        (in_pool, "granted"),                     # press, in the pool
        (not_in_pool, "press_not_in_pool"),       # press invited, but not in the pool
    ]
    for acc, reason in expected:
        _, png, _ = await _badge(api, acc["id"], role="admin")
        result = await scan(api, _decode(png), "royal-perimeter")
        assert (result["admitted"], result["reason"]) == (reason == "granted", reason), acc

    await _revoke(api, in_pool["id"])
    result = await scan(api, await _reference(api, in_pool["id"]), "royal-perimeter")
    assert result["reason"] == "revoked"


async def test_the_security_list_deadline_applies_at_the_perimeter(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await delegation(api, "BE")
    late = await member(api, be, "Peeters", category="official", rank="senior_official")
    hall = await room(api)
    await session(api, hall, at(conference, 9), at(conference, 10), royal_presence=True,
                  press_access="pool", audience=["official"])
    await zone(api, "royal-perimeter", kind="royal_perimeter")  # every royal session
    assert (await scan(api, await _reference(api, late["id"]), "royal-perimeter"))[
        "reason"] == "granted"
    conn = await asyncpg.connect(api.db_url)
    try:  # approved after the deadline: not on the frozen list
        await conn.execute("UPDATE conference SET security_list_deadline = now() - interval '1h'")
    finally:
        await conn.close()
    assert (await scan(api, await _reference(api, late["id"]), "royal-perimeter"))[
        "reason"] == "not_on_security_list"


async def test_every_scan_is_recorded(api: Api, conference: dict[str, Any]) -> None:
    await zone(api, "press-centre", categories=["press"])
    acc = await press(api, decision="approve")
    reference = await _reference(api, acc["id"])
    await scan(api, reference, "press-centre")
    await scan(api, reference, "no-such-zone")
    await scan(api, reference[:-1] + ("A" if reference[-1] != "A" else "B"), "press-centre")
    status, page, _ = await api.call("GET", f"{BASE}/check-ins", role="admin")
    assert status == 200
    assert [(c["zone"], c["admitted"], c["reason"]) for c in page["items"]] == [
        ("press-centre", True, "granted"), ("no-such-zone", False, "unknown_zone"),
        ("press-centre", False, "forged_badge")]
    assert page["items"][1]["holder"]["accreditation_id"] == acc["id"]
    status, page, _ = await api.call("GET", f"{BASE}/check-ins?zone=press-centre&limit=1",
                                     role="protocol")
    assert len(page["items"]) == 1 and page["next_cursor"] == page["items"][0]["id"]
    status, page, _ = await api.call(
        "GET", f"{BASE}/check-ins?zone=press-centre&after={page['next_cursor']}",
        role="protocol")
    assert [c["reason"] for c in page["items"]] == ["forged_badge"]
    conn = await asyncpg.connect(api.db_url)
    try:
        assert await conn.fetchval("SELECT count(*) FROM check_in") == 3
    finally:
        await conn.close()


async def test_who_may_print_a_badge(api: Api, conference: dict[str, Any]) -> None:
    acc = await press(api)
    other = await press(api, 1)
    status, body, _ = await _badge(api, acc["id"], role=acc["access_token"])
    assert status == 409  # not approved yet
    await api.call("POST", f"/api/v1/accreditations/{acc['id']}/decision", role="press_office",
                   json={"decision": "approve"})
    # the approval's letter replaces the applicant's link: the badge is asked with the new one
    token = await current_token(api.db_url, acc["id"])
    assert (await _badge(api, acc["id"], role=token))[0] == 200
    assert (await _badge(api, acc["id"], role=other["access_token"]))[0] == 403
    assert (await _badge(api, acc["id"], role=None))[0] == 401
    assert (await _badge(api, acc["id"], role="protocol"))[0] == 200
    assert (await _badge(api, str(uuid.uuid4()), role="admin"))[0] == 404
    assert (await _badge(api, "not-a-uuid", role="admin"))[0] == 404


async def test_only_organisers_scan_and_define_zones(
    api: Api, conference: dict[str, Any]
) -> None:
    acc = await press(api)
    body = {"badge": "x", "zone": "press-centre"}
    assert (await api.call("POST", f"{BASE}/check-ins", json=body))[0] == 401
    assert (await api.call("POST", f"{BASE}/check-ins", role=acc["access_token"],
                           json=body))[0] == 403
    assert (await api.call("POST", f"{BASE}/check-ins", role="press_office",
                           json=body))[0] == 200
    zone_body = {"code": "hall", "name": {"fr": "Hall", "en": "Hall"}}
    assert (await api.call("POST", f"{BASE}/zones", role="press_office",
                           json=zone_body))[0] == 403
    assert (await api.call("POST", f"{BASE}/pools", role=acc["access_token"],
                           json={"name": "P"}))[0] == 403
    assert (await api.call("GET", f"{BASE}/check-ins", role="press_office"))[0] == 403


async def test_zone_definitions_are_checked(api: Api, conference: dict[str, Any]) -> None:
    def body(**changes: Any) -> dict[str, Any]:
        return {"code": "royal", "name": {"fr": "Périmètre", "en": "Perimeter"},
                "kind": "royal_perimeter", **changes}

    status, problem, _ = await api.call("POST", f"{BASE}/zones", role="protocol",
                                        json=body(grants={"categories": ["minister"]}))
    assert status == 422
    assert problem["errors"][0]["field"] == "grants.categories"
    missing = str(uuid.uuid4())
    status, problem, _ = await api.call("POST", f"{BASE}/zones", role="protocol",
                                        json=body(grants={"sessions": [missing]}))
    assert status == 422 and problem["errors"][0]["field"] == "grants.sessions"
    assert missing in problem["errors"][0]["message"]
    status, problem, _ = await api.call("POST", f"{BASE}/zones", role="protocol",
                                        json=body(code="Not A Code"))
    assert status == 422 and problem["errors"][0]["field"] == "code"
    assert (await api.call("POST", f"{BASE}/zones", role="protocol", json=body()))[0] == 201
    status, problem, _ = await api.call("POST", f"{BASE}/zones", role="protocol", json=body())
    assert status == 409 and problem["type"].endswith("/duplicate")
    status, zones, _ = await api.call("GET", f"{BASE}/zones", role="press_office")
    assert [z["code"] for z in zones["items"]] == ["royal"]
    status, _, _ = await api.call("PUT", f"/api/v1/zones/{zones['items'][0]['id']}/grants",
                                  role="protocol", json={"categories": ["press"]})
    assert status == 422


async def test_one_pool_per_person_and_press_only(api: Api, conference: dict[str, Any]) -> None:
    first, second = await pool(api, "Pool A"), await pool(api, "Pool B")
    journalist = await press(api)
    be = await delegation(api, "BE")
    minister = await member(api, be, "Milquet")
    path = "/api/v1/pools/{}/members/{}"
    assert (await api.call("PUT", path.format(first["id"], journalist["id"]),
                           role="press_office"))[0] == 200
    assert (await api.call("PUT", path.format(first["id"], journalist["id"]),
                           role="press_office"))[0] == 200  # idempotent
    status, problem, _ = await api.call("PUT", path.format(second["id"], journalist["id"]),
                                        role="press_office")
    assert status == 409 and problem["pool_id"] == first["id"]
    status, problem, _ = await api.call("PUT", path.format(first["id"], minister["id"]),
                                        role="press_office")
    assert status == 422 and problem["errors"][0]["type"] == "not_press"
    assert (await api.call("DELETE", path.format(first["id"], journalist["id"]),
                           role="press_office"))[0] == 204
    assert (await api.call("DELETE", path.format(first["id"], journalist["id"]),
                           role="press_office"))[0] == 404
    assert (await api.call("PUT", path.format(second["id"], journalist["id"]),
                           role="press_office"))[0] == 200
    status, pools, _ = await api.call("GET", f"{BASE}/pools", role="protocol")
    assert [(p["name"], p["members"]) for p in pools["items"]] == [
        ("Pool A", []), ("Pool B", [journalist["id"]])]
    conn = await asyncpg.connect(api.db_url)
    try:
        types = [r[0] for r in await conn.fetch(
            "SELECT type FROM domain_event WHERE type LIKE 'pool.%' ORDER BY id")]
    finally:
        await conn.close()
    assert types == [
        "pool.created", "pool.created", "pool.member_added", "pool.member_removed",
        "pool.member_added"]


async def test_the_badge_lists_the_zones_it_opens(api: Api, conference: dict[str, Any]) -> None:
    await zone(api, "press-centre", categories=["press"])
    await zone(api, "plenary-hall", categories=["minister", "official"])
    royal_pool = await pool(api)
    await zone(api, "royal", kind="royal_perimeter", pools=[royal_pool["id"]])
    acc = await press(api, decision="approve")
    await api.call("PUT", f"/api/v1/pools/{royal_pool['id']}/members/{acc['id']}",
                   role="press_office")
    conn = await connect(api.db_url)
    try:
        signer = await load_signer(conn)
        content = await service.badge(conn, signer, uuid.UUID(acc["id"]), ADMIN)
    finally:
        await conn.close()
    assert content.zones == ["Zone press-centre", "Zone royal"]
    assert (content.given_name, content.family_name, content.affiliation, content.role) == (
        "Marie", "Dupont", "Le Soir", "Journaliste")
    assert content.category_label == "PRESSE"
    assert content.reference == badge_reference(signer, uuid.UUID(acc["id"]))
    assert content.colour == "#f9a825"


async def test_door_staff_scan_badges_and_nothing_else(
    api: Api, conference: dict[str, Any]
) -> None:
    """A door token (least privilege) admits and refuses at the door; it reads nothing."""
    from conference.auth import issue_token

    await zone(api, "press-centre", categories=["press"])
    acc = await press(api, decision="approve")
    conn = await asyncpg.connect(api.db_url)
    try:
        door = await issue_token(conn, Role.door)
    finally:
        await conn.close()
    assert (await scan(api, await _reference(api, acc["id"]), "press-centre", role=door))[
        "admitted"]
    for method, path in [("GET", f"{BASE}/check-ins"), ("GET", f"{BASE}/accreditations"),
                         ("GET", f"/api/v1/accreditations/{acc['id']}"),
                         ("GET", f"{BASE}/zones")]:
        status, _, _ = await api.call(method, path, role=door)
        assert status == 403, (method, path, status)
