"""Credentials on a real PostgreSQL and SMTP server: photos (each rule refused with its reason,
metadata gone), documents typed by their content, and visa invitation letters (request,
approval, the PDF mailed, verification by number, cancellation, reissue, retention)."""

from __future__ import annotations

import io
import os
import re
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from typing import Any
from uuid import UUID

import pytest
from PIL import ExifTags, Image
from pypdf import PdfReader

from conference.auth import Role, issue_token
from conference.db.pool import connect
from conference.privacy.service import purge_due
from conference.settings import Settings
from tests.conftest import Api, conference_body, press_body, start_api
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP, body_text, current_token

BASE = "/api/v1/conferences/alliance"
PASSPORT = {"passport_name": "Ana María LÓPEZ GARCÍA", "passport_number": "PA1234567",
            "nationality": "PE", "date_of_birth": "1980-04-02",
            "consulate": "Consulate General of Belgium in Lima"}


def image(width: int, height: int, fmt: str = "JPEG", gps: bool = False) -> bytes:
    img = Image.new("RGB", (width, height), (180, 120, 90))
    out = io.BytesIO()
    if gps:
        exif = Image.Exif()
        exif[ExifTags.Base.Make] = "Canon"
        gps_ifd = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps_ifd[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps_ifd[ExifTags.GPS.GPSLatitude] = (50.0, 50.0, 12.5)
        gps_ifd[ExifTags.GPS.GPSLongitudeRef] = "E"
        gps_ifd[ExifTags.GPS.GPSLongitude] = (4.0, 21.0, 3.0)
        img.save(out, format=fmt, exif=exif)
    else:
        img.save(out, format=fmt)
    return out.getvalue()


async def put(api: Api, path: str, data: bytes, media: str, role: str | None
              ) -> tuple[int, Any]:
    status, body, _ = await api.call("PUT", path, role=role, data=data,
                                     headers={"Content-Type": media})
    return status, body


async def applicant(api: Api, n: int = 0, *, approved: bool = False, **changes: Any
                    ) -> dict[str, Any]:
    """A journalist's application; ``approved`` by the press office (a visa letter is approved
    only for an approved accreditation)."""
    status, body, _ = await api.call("POST", f"{BASE}/accreditations",
                                     json=press_body(n, **changes))
    assert status == 201, body
    if approved:
        status, decided, _ = await api.call(
            "POST", f"/api/v1/accreditations/{body['id']}/decision", role="press_office",
            json={"decision": "approve"})
        assert status == 200, decided
        body = {**body, **decided}
    # each letter replaces the private link: a token of the person once their letters are out
    return {**body, "access_token": await current_token(api.db_url, body["id"])}


def rule(body: Any) -> str:
    return str(body["errors"][0]["type"])


async def test_a_photo_is_refused_for_each_rule_with_its_reason(
    api: Api, conference: dict[str, Any]
) -> None:
    p = await applicant(api)
    path = f"/api/v1/accreditations/{p['id']}/photo"
    token = p["access_token"]

    status, body = await put(api, path, image(300, 400), "image/jpeg", token)
    assert (status, rule(body)) == (422, "min_dimensions"), body
    assert "600 × 800" in body["detail"]
    status, body = await put(api, path, image(1200, 900), "image/jpeg", token)
    assert (status, rule(body)) == (422, "portrait_ratio"), body
    status, body = await put(api, path, image(600, 900), "image/jpeg", token)  # 2:3, too thin
    assert (status, rule(body)) == (422, "portrait_ratio"), body
    # a PNG renamed .jpg: declared as JPEG, the content says otherwise
    status, body = await put(api, path, image(600, 800, "PNG"), "image/jpeg", token)
    assert (status, rule(body)) == (422, "content_mismatch"), body
    status, body = await put(api, path, b"\xff\xd8\xff" + os.urandom(6 * 1024 * 1024),
                             "image/jpeg", token)
    assert (status, rule(body)) == (422, "max_size"), body
    status, body = await put(api, path, b"GIF89a" + bytes(100), "image/gif", token)
    assert status == 415, body
    status, body = await put(api, path, b"GIF89a" + bytes(100), "image/jpeg", token)
    assert (status, rule(body)) == (422, "media_type"), body
    status, body = await put(api, path, b"\xff\xd8\xff" + bytes(5000), "image/jpeg", token)
    assert (status, rule(body)) == (422, "undecodable"), body
    assert (await api.call("GET", path, role="protocol"))[0] == 404  # nothing kept


async def test_a_photo_is_stored_without_its_gps_exif(api: Api, conference: dict[str, Any]
                                                       ) -> None:
    p = await applicant(api)
    path = f"/api/v1/accreditations/{p['id']}/photo"
    sent = image(900, 1150, gps=True)
    assert Image.open(io.BytesIO(sent)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # it has GPS
    assert b"Canon" in sent
    status, body = await put(api, path, sent, "image/jpeg", p["access_token"])
    assert status == 204, body

    status, stored, resp = await api.call("GET", path, role="protocol")
    assert status == 200 and resp.headers["Content-Type"] == "image/jpeg"
    img = Image.open(io.BytesIO(stored))
    assert img.size == (900, 1150)
    assert dict(img.getexif()) == {}
    assert b"Exif" not in stored and b"Canon" not in stored
    # the person sees it too; another applicant does not
    assert (await api.call("GET", path, role=p["access_token"]))[0] == 200
    other = await applicant(api, 1)
    assert (await api.call("GET", path, role=other["access_token"]))[0] == 403
    # a PNG is taken too, stored as a JPEG
    status, body = await put(api, path, image(600, 800, "PNG"), "image/png", "admin")
    assert status == 204, body


async def test_a_focal_point_uploads_for_the_delegation_only(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await make_delegation(api, "BE")
    fr = await make_delegation(api, "FR")
    status, m, _ = await api.call(
        "POST", f"{BASE}/accreditations", role=be["focal_point_token"],
        json={"category": "official", "given_name": "Jan", "family_name": "Peeters",
              "email": "jan@example.org", "language": "en", "delegation_id": be["id"],
              "rank": "senior_official", "function": "Director"})
    assert status == 201, m
    path = f"/api/v1/accreditations/{m['id']}/photo"
    assert (await put(api, path, image(640, 800), "image/jpeg",
                      fr["focal_point_token"]))[0] == 403
    assert (await put(api, path, image(640, 800), "image/jpeg",
                      be["focal_point_token"]))[0] == 204


def _pdf(text: str = "Note verbale", user_password: str | None = None) -> bytes:
    """A one-page PDF; with ``user_password``, encrypted (RC4) with it ("" opens freely, the
    owner's restrictions only)."""
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, text)
    if user_password is not None:
        pdf.set_encryption(owner_password="ministry", user_password=user_password,
                           encryption_method=EncryptionMethod.RC4)
    return bytes(pdf.output())


async def test_documents_are_typed_by_content_and_read_by_protocol_only(
    api: Api, conference: dict[str, Any]
) -> None:
    press = await applicant(api)
    be = await make_delegation(api, "BE")
    status, m, _ = await api.call(
        "POST", f"{BASE}/accreditations", role=be["focal_point_token"],
        json={"category": "official", "given_name": "Jan", "family_name": "Peeters",
              "email": "jan@example.org", "language": "en", "delegation_id": be["id"],
              "rank": "senior_official", "function": "Director"})
    note = f"/api/v1/accreditations/{m['id']}/documents/note_verbale"
    card = f"/api/v1/accreditations/{press['id']}/documents/press_card"

    # content that lies about itself
    status, body = await put(api, note, b"<html><body>not a pdf</body></html>",
                             "application/pdf", be["focal_point_token"])
    assert (status, rule(body)) == (422, "media_type"), body
    status, body = await put(api, note, image(100, 100, "PNG"), "application/pdf",
                             be["focal_point_token"])
    assert (status, rule(body)) == (422, "content_mismatch"), body
    status, body = await put(api, note, _pdf()[:-200], "application/pdf",
                             be["focal_point_token"])
    assert (status, rule(body)) == (422, "undecodable"), body
    # the first and last bytes of a PDF with anything between (tryout, 5 December 2026)
    status, body = await put(api, note, b"%PDF-1.7\nA scan of my press card\n%%EOF\n",
                             "application/pdf", be["focal_point_token"])
    assert (status, rule(body)) == (422, "undecodable"), body
    status, body = await put(api, note, _pdf(user_password="1234"), "application/pdf",
                             be["focal_point_token"])
    assert (status, rule(body)) == (422, "encrypted"), body
    status, body = await put(api, note, b"%PDF-" + os.urandom(11 * 1024 * 1024),
                             "application/pdf", be["focal_point_token"])
    assert (status, rule(body)) == (422, "max_size"), body
    assert (await api.call("PUT", f"/api/v1/accreditations/{m['id']}/documents/cv",
                           role="protocol", data=_pdf(),
                           headers={"Content-Type": "application/pdf"}))[0] == 404

    # restrictions only (no password to open it): taken like any other
    assert (await put(api, note, _pdf(user_password=""), "application/pdf",
                      be["focal_point_token"]))[0] == 204
    sent = _pdf()
    assert (await put(api, note, sent, "application/pdf", be["focal_point_token"]))[0] == 204
    status, got, resp = await api.call("GET", note, role="protocol")
    assert (status, got, resp.headers["Content-Type"]) == (200, sent, "application/pdf")
    for role in ("press_office", be["focal_point_token"]):
        assert (await api.call("GET", note, role=role))[0] == 403

    assert (await put(api, card, image(800, 500, gps=True), "image/jpeg",
                      press["access_token"]))[0] == 204
    status, got, _ = await api.call("GET", card, role="press_office")
    assert status == 200 and b"Canon" not in got
    assert (await api.call("GET", card, role=press["access_token"]))[0] == 403


async def test_photo_and_documents_go_with_the_person(api: Api, conference: dict[str, Any]
                                                      ) -> None:
    p = await applicant(api)
    aid = p["id"]
    await put(api, f"/api/v1/accreditations/{aid}/photo", image(600, 800), "image/jpeg",
              p["access_token"])
    await put(api, f"/api/v1/accreditations/{aid}/documents/press_card", _pdf(),
              "application/pdf", p["access_token"])
    status, export, _ = await api.call("GET", f"/api/v1/accreditations/{aid}/personal-data",
                                       role="admin")
    assert status == 200, export
    assert sorted(c["what"] for c in export["credentials"]) == ["document", "photo",
                                                                "photo_as_sent"]
    assert (await api.call("DELETE", f"/api/v1/accreditations/{aid}/personal-data",
                           role="admin"))[0] == 200
    conn = await connect(api.db_url)
    try:
        assert await conn.fetchval("SELECT count(*) FROM accreditation_photo") == 0
        assert await conn.fetchval("SELECT count(*) FROM accreditation_document") == 0
    finally:
        await conn.close()
    assert (await api.call("GET", f"/api/v1/accreditations/{aid}/photo", role="admin"))[0] == 404


# -- visa letters ------------------------------------------------------------------------------

def _attachment(msg: EmailMessage) -> tuple[str, bytes]:
    for part in msg.iter_attachments():
        if part.get_content_type() == "application/pdf":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return str(part.get_filename()), payload
    raise AssertionError("no PDF attached")


def _text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


async def test_visa_letter_request_approval_mail_verification_cancel_reissue(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    p = await applicant(api, language="en", approved=True)
    token = p["access_token"]
    other = await applicant(api, 1)
    await smtp.wait_for(2)
    status, letter, _ = await api.call("POST", f"/api/v1/accreditations/{p['id']}/visa-letter",
                                       role=token, json=PASSPORT)
    assert status == 201, letter
    assert (letter["status"], letter["number"]) == ("requested", None)
    lid = letter["id"]
    pdf_path = f"/api/v1/visa-letters/{lid}/letter.pdf"
    # never available before approval, to anyone
    for role in (token, "protocol"):
        assert (await api.call("GET", pdf_path, role=role))[0] == 409
    assert (await api.call("GET", pdf_path, role=other["access_token"]))[0] == 403
    assert (await api.call("POST", f"/api/v1/accreditations/{p['id']}/visa-letter",
                           role=token, json=PASSPORT))[0] == 409  # one open at a time
    assert (await api.call("POST", f"/api/v1/visa-letters/{lid}/decision", role=token,
                           json={"decision": "approve"}))[0] == 403
    status, body, _ = await api.call("POST", f"/api/v1/visa-letters/{lid}/decision",
                                     role="protocol", json={"decision": "refuse"})
    assert (status, body["errors"][0]["field"]) == (422, "reason")

    status, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{lid}/decision",
                                         role="protocol", json={"decision": "approve"})
    assert status == 200, approved
    number = approved["number"]
    year = conference["starts_on"][:4]  # the conference's year, not today's
    assert approved["status"] == "approved" and number.startswith(f"{year}-0001-")

    mails = await smtp.wait_for(1, where=lambda m: "Visa invitation letter" in str(m["Subject"]))
    assert mails[0]["To"].addresses[0].addr_spec == p["email"]
    filename, pdf = _attachment(mails[0])
    assert filename == f"visa-letter-{number}.pdf"
    text = _text(pdf)
    for expected in (number, "Ana María LÓPEZ GARCÍA", "PA1234567", "Peru",
                     "Consulate General of Belgium in Lima", f"/v/{number}",
                     "2 April 1980"):  # British dates, as every letter writes them
        assert expected in text, expected
    assert "April 2, 1980" not in text
    status, fetched, _ = await api.call("GET", pdf_path, role=token)
    assert status == 200 and _text(fetched) == text

    status, v, _ = await api.call("GET", f"/v/{number}",
                                  headers={"Accept": "application/json"})
    assert status == 200, v
    assert (v["valid"], v["initials"], v["nationality"]) == (True, "A. M. L. G.", "PE")
    assert v["conference"] == conference["title"]["fr"]
    status, page, _ = await api.call("GET", f"/v/{number}")
    assert status == 200 and "Lettre valable." in page  # the conference's first language
    assert "López" not in page and "PA1234567" not in page
    assert (await api.call("GET", "/v/2099-0001-AAAAAA"))[0] == 404

    status, cancelled, _ = await api.call("POST", f"/api/v1/visa-letters/{lid}/cancel",
                                          role="protocol", json={"reason": "passport lost"})
    assert (status, cancelled["status"]) == (200, "cancelled")
    _, v, _ = await api.call("GET", f"/v/{number}", headers={"Accept": "application/json"})
    assert (v["valid"], v["status"]) == (False, "cancelled")
    assert (await api.call("GET", pdf_path, role=token))[0] == 409

    status, again, _ = await api.call("POST", f"/api/v1/visa-letters/{lid}/reissue",
                                      role="protocol", json={"reason": "new passport"})
    assert status == 201, again
    assert again["replaces"] == lid and again["number"] != number
    assert again["status"] == "approved"
    mails = await smtp.wait_for(2, where=lambda m: "Visa invitation letter" in str(m["Subject"]))
    assert again["number"] in _text(_attachment(mails[-1])[1])
    _, v, _ = await api.call("GET", f"/v/{again['number']}",
                             headers={"Accept": "application/json"})
    assert v["valid"] is True

    conn = await connect(api.db_url)
    try:
        types = [r["type"] for r in await conn.fetch(
            "SELECT type FROM domain_event WHERE type LIKE 'visa_letter.%' ORDER BY id")]
    finally:
        await conn.close()
    assert types == ["visa_letter.requested", "visa_letter.approved", "visa_letter.cancelled",
                     "visa_letter.approved"]


async def test_the_letter_text_is_the_conference_s(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    path = f"{BASE}/visa-letter-template"
    template = {"letterhead": "Royaume de Belgique — SPF Affaires étrangères",
                "body": {"fr": "Nous invitons {passport_name} ({nationality}) à {conference}.",
                         "en": "We invite {passport_name} ({nationality}) to {conference}."},
                "signatory_name": "Jean Dupuis",
                "signatory_title": {"fr": "Chef du protocole", "en": "Chief of Protocol"}}
    bad = {**template, "body": {"fr": "{salary}", "en": "x"}}
    status, body, _ = await api.call("PUT", path, role="protocol", json=bad)
    assert (status, body["errors"][0]["field"]) == (422, "body.fr")
    assert (await api.call("PUT", path, role="protocol", json=template))[0] == 200
    p = await applicant(api, approved=True)  # French
    _, letter, _ = await api.call("POST", f"/api/v1/accreditations/{p['id']}/visa-letter",
                                  role=p["access_token"], json=PASSPORT)
    await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision", role="protocol",
                   json={"decision": "approve"})
    mails = await smtp.wait_for(1, where=lambda m: "visa" in str(m["Subject"]))
    text = _text(_attachment(mails[0])[1])
    assert "Nous invitons Ana María LÓPEZ GARCÍA (péruvienne)" in text
    assert "Chef du protocole" in text and "Royaume de Belgique" in text


async def test_letters_are_purged_by_retention(db_url: str, settings: Settings) -> None:
    # no worker: its housekeeping would run the purge at a moment of its own
    api = await start_api(db_url, settings, run_worker=False)
    try:
        await _purged_by_retention(api)
    finally:
        await api.client.close()


async def _purged_by_retention(api: Api) -> None:
    today = datetime.now(UTC).date()
    assert (await api.call("POST", "/api/v1/conferences", role="admin",
                           json=conference_body()))[0] == 201
    ended = conference_body(
        "ended", starts_on=(today - timedelta(days=12)).isoformat(),
        ends_on=(today - timedelta(days=10)).isoformat(),
        retention_days=30, vetting_retention_days=5)
    assert (await api.call("POST", "/api/v1/conferences", role="admin", json=ended))[0] == 201
    people = []
    for slug, n in (("ended", 7), ("alliance", 8)):
        status, p, _ = await api.call("POST", f"/api/v1/conferences/{slug}/accreditations",
                                      json=press_body(n))
        assert status == 201, p
        conn = await connect(api.db_url)
        try:
            p["access_token"] = await issue_token(conn, Role.applicant,
                                                  accreditation_id=UUID(p["id"]))
        finally:
            await conn.close()
        people.append(p)
    a, live = people
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{a['id']}/decision",
                                     role="press_office", json={"decision": "approve"})
    assert status == 200, body
    status, letter, _ = await api.call("POST", f"/api/v1/accreditations/{a['id']}/visa-letter",
                                       role=a["access_token"], json=PASSPORT)
    assert status == 201, letter
    _, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                    role="protocol", json={"decision": "approve"})
    for p in (a, live):
        assert (await put(api, f"/api/v1/accreditations/{p['id']}/documents/press_card",
                          _pdf(), "application/pdf", p["access_token"]))[0] == 204
        assert (await put(api, f"/api/v1/accreditations/{p['id']}/photo", image(600, 800),
                          "image/jpeg", p["access_token"]))[0] == 204
    conn = await connect(api.db_url)
    try:
        now = datetime.now(UTC)
        await purge_due(conn, today, now)  # the vetting period of "ended": its documents go
        assert await conn.fetchval("SELECT count(*) FROM accreditation_document") == 1  # live's
        assert await conn.fetchval("SELECT count(*) FROM visa_letter") == 1
        assert (await put(api, f"/api/v1/accreditations/{a['id']}/documents/press_card",
                          _pdf(), "application/pdf", a["access_token"]))[0] == 409
        await purge_due(conn, today + timedelta(days=21), now)  # everything of "ended"
        assert await conn.fetchval("SELECT count(*) FROM visa_letter") == 0
        assert await conn.fetchval("SELECT count(*) FROM accreditation_photo") == 1  # live's
    finally:
        await conn.close()
    assert (await api.call("GET", f"/v/{approved['number']}"))[0] == 404


async def test_the_visa_letter_mail_writes_dates_as_the_other_letters_do(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    p = await applicant(api, language="en", approved=True)
    _, letter, _ = await api.call("POST", f"/api/v1/accreditations/{p['id']}/visa-letter",
                                  role=p["access_token"], json=PASSPORT)
    await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision", role="protocol",
                   json={"decision": "approve"})
    [mail] = await smtp.wait_for(1, where=lambda m: "Visa invitation" in str(m["Subject"]))
    text = " ".join(body_text(mail).split())
    start, end = (date.fromisoformat(conference[k]) for k in ("starts_on", "ends_on"))
    if (start.year, start.month) == (end.year, end.month):  # the month once: "13–14 May 2027"
        assert f"{start.day}\u2013{end.day} {end:%B %Y}" in text
    elif start.year == end.year:
        assert f"{start.day} {start:%B} \u2013 {end.day} {end:%B %Y}" in text
    else:
        assert f"{start.day} {start:%B %Y} \u2013 {end.day} {end:%B %Y}" in text  # British
    assert not re.search(rf"{start:%B} \d+,", text)  # never "December 1, 2027"
    assert mail["From"].addresses[0].display_name == conference["title"]["en"]


@pytest.mark.parametrize(("language", "subject", "addressed"), [
    ("en", "Visa invitation letter {number}: {title}", "It is addressed to: {consulate}."),
    ("fr", "Lettre d'invitation pour le visa {number}\u00a0: {title}",
     "Elle est adressée à\u00a0: {consulate}."),
])
async def test_the_visa_letter_mail_is_worded_and_labelled_as_the_other_letters(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, language: str, subject: str,
    addressed: str,
) -> None:
    """Its subject is built as every letter's (the title after the colon, a non-breaking space
    before it in French), it says to whom the letter is addressed without an article that
    would not agree ("adressée au Ambassade…"), and it says its language at the top, where
    the attachment's multipart/mixed had taken Content-Language away."""
    p = await applicant(api, language=language, approved=True)
    _, letter, _ = await api.call("POST", f"/api/v1/accreditations/{p['id']}/visa-letter",
                                  role=p["access_token"], json=PASSPORT)
    _, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                    role="protocol", json={"decision": "approve"})
    number = approved["number"]
    [mail] = await smtp.wait_for(1, where=lambda m: number in str(m["Subject"]))
    title = conference["title"][language]
    assert str(mail["Subject"]) == subject.format(number=number, title=title)
    assert addressed.format(consulate=PASSPORT["consulate"]) in body_text(mail)
    assert mail["Content-Language"] == language
