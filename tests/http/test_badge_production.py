"""Badge production over HTTP on a real PostgreSQL: a 48-delegation print batch read back from
its PDF (pages, order of precedence, names, photos) with every QR code decoded from the
rendered pages and admitted at the door; reissues refuse the old QR code ``superseded``; people
lacking clearance are never in a batch; marking printed filters the next batch; a delegation's
pack collected shows in the badge statuses."""

from __future__ import annotations

import io
import math
from typing import Any

import pypdfium2
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from conference.db.pool import connect
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
from tests.conftest import Api, conference_body
from tests.http.test_credentials import image, put

COUNTRIES = ("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
             "NO CH IS GB US CA MX BR AR CL PE JP KR CN IN AU NZ ZA NG EG MA").split()


async def _pdf(api: Api, role: str = "protocol", **query: str) -> tuple[int, Any]:
    resp = await api.client.get(f"{BASE}/badges.pdf", params=query, headers=api.auth(role))
    if resp.content_type == "application/pdf":
        return resp.status, await resp.read()
    return resp.status, await resp.json(content_type=None)


def _pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _qr_codes(pdf: bytes, page: int = 0, dpi: int = 200) -> list[str]:
    """The QR codes of a page as a scanner sees them: the page rendered to pixels by PDFium,
    then decoded by zxing-cpp."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        bitmap = document[page].render(scale=dpi / 72)
        codes = zxingcpp.read_barcodes(bitmap.to_pil())
    finally:
        document.close()
    assert all(c.format == zxingcpp.BarcodeFormat.QRCode for c in codes)
    return [str(c.text) for c in codes]


async def _states(api: Api, **query: str) -> dict[str, dict[str, Any]]:
    resp = await api.client.get(f"{BASE}/badges", params=query, headers=api.auth("protocol"))
    assert resp.status == 200, await resp.text()
    return {s["accreditation_id"]: s for s in (await resp.json())["items"]}


async def _printed(api: Api, ids: list[str], role: str = "protocol") -> tuple[int, Any]:
    status, body, _ = await api.call("POST", f"{BASE}/badges/printed", role=role,
                                     json={"accreditation_ids": ids})
    return status, body


async def _reissue(api: Api, aid: str, reason: str = "lost", role: str = "protocol"
                   ) -> tuple[int, Any]:
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/badge/reissue",
                                     role=role, json={"reason": reason})
    return status, body


async def _events(api: Api, kind: str) -> list[dict[str, Any]]:
    conn = await connect(api.db_url)
    try:
        rows = await conn.fetch("SELECT payload FROM domain_event WHERE type = $1 ORDER BY id",
                                kind)
    finally:
        await conn.close()
    return [dict(r["payload"]) for r in rows]


async def test_a_48_delegation_batch_prints_in_order_of_precedence_and_every_qr_admits(
    api: Api, conference: dict[str, Any]
) -> None:
    await zone(api, "plenary-hall", categories=["minister", "official"])
    heads: dict[str, dict[str, Any]] = {}
    aides: dict[str, dict[str, Any]] = {}
    for code in COUNTRIES:
        d = await delegation(api, code)
        if code in ("FR", "JP"):  # added before the head: the batch still puts the head first
            aides[d["id"]] = await member(api, d, f"Aide{code}", category="official",
                                          rank="official")
        heads[d["id"]] = await member(api, d, f"Head{code}")
    with_photo = heads[next(iter(heads))]
    status, _ = await put(api, f"/api/v1/accreditations/{with_photo['id']}/photo",
                          image(600, 800), "image/jpeg", "protocol")
    assert status == 204
    status, precedence, _ = await api.call("GET", f"{BASE}/precedence", role="protocol")
    assert status == 200, precedence
    expected: list[str] = []
    for entry in precedence["order"] + precedence["without_head"]:
        expected.append(heads[entry["delegation_id"]]["family_name"])
        if entry["delegation_id"] in aides:
            expected.append(aides[entry["delegation_id"]]["family_name"])
    assert len(expected) == 50 and expected[0] != "HeadAT"  # not the order they were made in

    status, pdf = await _pdf(api, layout="a6")
    assert status == 200, pdf
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 50
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in reader.pages} == {(298, 420)}  # A6 in points
    texts = _pages_text(pdf)
    printed = [next(name for name in expected if name in text) for text in texts]
    assert printed == expected
    assert "Anna" in texts[0] and "Global Alliance: meeting" in texts[0]
    assert "MINISTER" in texts[0] and "Zone plenary-hall" in texts[0]
    photo_page = printed.index(with_photo["family_name"])
    assert len(reader.pages[photo_page].images) == 2  # the photo and the QR code
    assert len(reader.pages[(photo_page + 1) % 50].images) == 1  # no photo: the QR code only

    by_name = {a["family_name"]: a["id"] for a in [*heads.values(), *aides.values()]}
    for page, name in enumerate(printed):
        [reference] = _qr_codes(pdf, page)
        result = await scan(api, reference, "plenary-hall")
        assert (result["admitted"], result["holder"]["accreditation_id"]) == (
            True, by_name[name]), (page, name, result)

    status, sheets = await _pdf(api, layout="a4x4")
    assert status == 200
    reader = PdfReader(io.BytesIO(sheets))
    assert len(reader.pages) == math.ceil(50 / 4) == 13
    assert (round(float(reader.pages[0].mediabox.width)),
            round(float(reader.pages[0].mediabox.height))) == (595, 842)  # A4 in points
    first_sheet = reader.pages[0].extract_text()
    positions = [first_sheet.index(name) for name in expected[:4]]
    assert positions == sorted(positions)  # left to right, top to bottom
    assert not any(name in first_sheet for name in expected[4:])
    codes = _qr_codes(sheets, 0)
    assert len(codes) == 4
    for reference in codes:
        assert (await scan(api, reference, "plenary-hall"))["admitted"] is True
    assert len(_qr_codes(sheets, 12)) == 2  # the last sheet holds the last two badges

    # one delegation, one category
    fr = next(d for d, a in aides.items() if a["family_name"] == "AideFR")
    status, pdf = await _pdf(api, delegation_id=fr)
    assert [n for n in expected if any(n in t for t in _pages_text(pdf))] == ["HeadFR", "AideFR"]
    status, pdf = await _pdf(api, category="official")
    texts = _pages_text(pdf)
    assert len(texts) == 2 and all("Aide" in t for t in texts)


async def test_a_reissue_refuses_the_old_qr_superseded_and_the_new_one_admits(
    api: Api, conference: dict[str, Any]
) -> None:
    await zone(api, "plenary-hall", categories=["minister"])
    be = await delegation(api, "BE")
    m = await member(api, be, "Lambert")
    _, pdf = await _pdf(api)
    [first] = _qr_codes(pdf)
    assert (await scan(api, first, "plenary-hall"))["admitted"] is True
    assert (await _printed(api, [m["id"]]))[0] == 200

    assert (await _reissue(api, m["id"], role="press_office"))[0] == 403
    status, body = await _reissue(api, m["id"], reason="stolen")
    assert (status, body["errors"][0]["field"]) == (422, "reason"), body
    status, body = await _reissue(api, m["id"], reason="lost")
    assert (status, body["badge_version"], body["status"]) == (200, 2, "to_print"), body
    assert (await _events(api, "badge.reissued"))[-1] == {
        "accreditation_id": m["id"], "badge_version": 2, "reason": "lost"}

    result = await scan(api, first, "plenary-hall")
    assert (result["admitted"], result["reason"]) == (False, "superseded")
    assert result["holder"]["family_name"] == "Lambert"  # the door sees whose old badge it is
    state = (await _states(api))[m["id"]]
    assert (state["badge_version"], state["status"]) == (2, "to_print")

    _, pdf = await _pdf(api, status="to_print")  # the reissued badge is to print again
    [second] = _qr_codes(pdf)
    assert second != first and "· v2" in _pages_text(pdf)[0]
    assert (await scan(api, second, "plenary-hall"))["admitted"] is True
    # the single badge (PNG) carries the new version too
    resp = await api.client.get(f"/api/v1/accreditations/{m['id']}/badge",
                                headers=api.auth("protocol"))
    [png_code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(await resp.read())))
    assert png_code.text == second

    status, body = await _reissue(api, m["id"], reason="photo_changed")
    assert body["badge_version"] == 3
    assert (await scan(api, second, "plenary-hall"))["reason"] == "superseded"
    assert (await scan(api, first, "plenary-hall"))["reason"] == "superseded"

    # a badge is reissued only for an approved accreditation
    pending = await member(api, be, "Pending", decision=None)
    assert (await _reissue(api, pending["id"]))[0] == 409
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{m['id']}/revoke",
                                  role="protocol", json={"reason": "Misconduct."})
    assert status == 200
    assert (await scan(api, first, "plenary-hall"))["reason"] == "revoked"


async def test_people_lacking_clearance_are_never_in_a_batch(api: Api) -> None:
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences", role="admin",
        json=conference_body(vetting_required=["minister"]))
    assert status == 201, body
    be, fr = await delegation(api, "BE"), await delegation(api, "FR")
    cleared = await member(api, be, "Cleared")
    pending = await member(api, fr, "Pending")
    official = await member(api, fr, "Official", category="official", rank="official")
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{cleared['id']}/vetting"
                                     "/status", role="protocol", json={"status": "cleared"})
    assert status == 200, body

    status, pdf = await _pdf(api)
    texts = _pages_text(pdf)
    assert len(texts) == 2
    assert any("Cleared" in t for t in texts) and any("Official" in t for t in texts)
    assert not any("Pending" in t for t in texts)
    status, problem = await _pdf(api, delegation_id=fr["id"], category="minister")
    assert (status, problem["reason"]) == (409, "empty_batch")
    states = await _states(api)
    assert states[pending["id"]]["printable"] is False
    assert states[official["id"]]["printable"] is True
    status, body = await _printed(api, [official["id"], pending["id"]])
    assert (status, body["errors"][0]["field"]) == (422, "accreditation_ids")
    assert pending["id"] in body["errors"][0]["message"]
    assert (await _states(api))[official["id"]]["status"] == "to_print"  # nothing was marked
    assert (await _reissue(api, pending["id"]))[0] == 409

    # a refusal after printing takes the person out of every batch at once
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{cleared['id']}/vetting"
                                     "/status", role="protocol",
                                     json={"status": "refused", "reason": "Record mismatch."})
    assert status == 200, body
    texts = _pages_text((await _pdf(api))[1])
    assert len(texts) == 1 and "Official" in texts[0]


async def test_marking_printed_filters_the_next_to_print_batch(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await delegation(api, "BE")
    people = [await member(api, be, name) for name in ("Alpha", "Bravo", "Charlie")]
    status, pdf = await _pdf(api, status="to_print")
    assert len(_pages_text(pdf)) == 3
    ids = [p["id"] for p in people[:2]]
    status, body = await _printed(api, ids)
    assert (status, sorted(body["printed"]), body["already_printed"]) == (200, sorted(ids), [])
    assert (await _events(api, "badge.printed"))[-1]["accreditation_ids"] == body["printed"]

    texts = _pages_text((await _pdf(api, status="to_print"))[1])
    assert len(texts) == 1 and "Charlie" in texts[0]
    texts = _pages_text((await _pdf(api, status="printed"))[1])
    assert len(texts) == 2 and not any("Charlie" in t for t in texts)

    status, body = await _printed(api, [people[0]["id"], people[2]["id"]])
    assert (body["printed"], body["already_printed"]) == ([people[2]["id"]], [people[0]["id"]])
    status, problem = await _pdf(api, status="to_print")
    assert (status, problem["reason"]) == (409, "empty_batch")
    assert (await _printed(api, ids, role="press_office"))[0] == 403
    assert (await _pdf(api, role="press_office"))[0] == 403
    assert (await _pdf(api, role=None))[0] == 401
    status, problem = await _pdf(api, layout="a3")
    assert (status, problem["errors"][0]["field"]) == (422, "layout")


async def test_a_delegation_pack_collected_shows_in_the_badge_statuses(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await delegation(api, "BE")
    head = await member(api, be, "Head")
    aide = await member(api, be, "Aide", category="official", rank="official")
    path = f"/api/v1/delegations/{be['id']}/pack/collected"
    body = {"collected_by": "Focal Point"}
    status, problem, _ = await api.call("POST", path, role="protocol", json=body)
    assert status == 409, problem  # nothing printed yet
    await _printed(api, [head["id"]])
    assert (await api.call("POST", path, role="press_office", json=body))[0] == 403
    status, collected, _ = await api.call("POST", path, role="protocol", json=body)
    assert (status, collected["badges"], collected["collected_by"]) == (
        200, [head["id"]], "Focal Point"), collected
    assert (await _events(api, "pack.collected"))[-1]["accreditation_ids"] == [head["id"]]

    states = await _states(api, delegation_id=be["id"])
    assert states[head["id"]]["collected"]["collected_by"] == "Focal Point"
    assert states[aide["id"]]["collected"] is None
    assert (await api.call("POST", path, role="protocol", json=body))[0] == 409  # all handed over

    # a reissue takes the badge back to the print queue, not collected
    await _reissue(api, head["id"], reason="damaged")
    state = (await _states(api))[head["id"]]
    assert (state["status"], state["collected"], state["badge_version"]) == ("to_print", None, 2)
    status, _, _ = await api.call(
        "POST", "/api/v1/delegations/00000000-0000-0000-0000-000000000000/pack/collected",
        role="protocol", json=body)
    assert status == 404
    status, problem, _ = await api.call("POST", path, role="protocol", json={"collected_by": ""})
    assert (status, problem["errors"][0]["field"]) == (422, "collected_by")


async def test_a_batch_prints_the_zones_each_person_opens(
    api: Api, conference: dict[str, Any]
) -> None:
    """Zones by category, session and press pool, read for a whole batch at once: each page
    lists what the door admits, nothing else."""
    be = await delegation(api, "BE")
    minister = await member(api, be, "Milquet")
    official = await member(api, be, "Peeters", category="official", rank="senior_official")
    journalist = await press(api, decision="approve")
    hall = await room(api)
    panel = await session(api, hall, at(conference, 14), at(conference, 15), audience=[])
    await participant(api, panel, official)
    tribune = await pool(api, "Pool tribune")
    status, _, _ = await api.call(
        "PUT", f"/api/v1/pools/{tribune['id']}/members/{journalist['id']}", role="press_office")
    assert status == 200
    await zone(api, "plenary-hall", categories=["minister"])
    await zone(api, "panel-room", sessions=[panel["id"]])
    await zone(api, "press-tribune", pools=[tribune["id"]])
    expected = {"Milquet": {"Zone plenary-hall"}, "Peeters": {"Zone panel-room"},
                "Dupont": {"Zone press-tribune"}}
    zones = {"Zone plenary-hall", "Zone panel-room", "Zone press-tribune"}

    status, pdf = await _pdf(api)
    assert status == 200
    texts = _pages_text(pdf)
    assert len(texts) == 3
    by_person = {next(n for n in expected if n in t): t for t in texts}
    assert {n: {z for z in zones if z in t} for n, t in by_person.items()} == expected
    codes = {"Milquet": "plenary-hall", "Peeters": "panel-room", "Dupont": "press-tribune"}
    for page, t in enumerate(texts):
        name = next(n for n in expected if n in t)
        [reference] = _qr_codes(pdf, page)
        for other, code in codes.items():
            result = await scan(api, reference, code)
            assert result["admitted"] is (other == name), (name, code, result)
    assert {minister["id"], official["id"], journalist["id"]} == set(await _states(api))
