"""The visa invitation letter as the consulate reads it on paper: every word of the PDF lies on
the page. fpdf2 leaves the cursor at the right of a multi-line cell unless told otherwise, so a
block written after another (the letterhead's address under its title, the signatory's title
under the name) started at the right margin and ran off the sheet: on screen and on paper the
conference's address, the organisers' mailbox and the signatory's title were missing, though
a text extraction still found them."""

from __future__ import annotations

import re
from typing import Any

import pypdfium2
import pytest

from tests.conftest import Api, conference_body
from tests.http.test_credentials import BASE, PASSPORT, _attachment, applicant
from tests.support import RecordingSMTP

TEMPLATE = {"letterhead": "Royaume de Belgique — SPF Affaires étrangères",
            "body": {"fr": "Nous invitons {passport_name} ({nationality}) à {conference}.",
                     "en": "We invite {passport_name} ({nationality}) to {conference}."},
            "signatory_name": "Jean Dupuis",
            "signatory_title": {"fr": "Chef du protocole", "en": "Chief of Protocol"}}


def _on_the_page(pdf: bytes) -> tuple[str, str]:
    """The text of the first page inside its edges, and the text of the whole page."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        width, height = page.get_size()
        text = page.get_textpage()
        inside = text.get_text_bounded(left=0, bottom=0, right=width, top=height)
        return " ".join(inside.split()), " ".join(text.get_text_range().split())
    finally:
        document.close()


async def test_every_line_of_the_visa_letter_is_on_the_page(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    assert (await api.call("PUT", f"{BASE}/visa-letter-template", role="protocol",
                           json=TEMPLATE))[0] == 200
    p = await applicant(api, language="en", approved=True)
    _, letter, _ = await api.call("POST", f"/api/v1/accreditations/{p['id']}/visa-letter",
                                  role=p["access_token"], json=PASSPORT)
    status, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                         role="protocol", json={"decision": "approve"})
    assert status == 200, approved
    [mail] = await smtp.wait_for(1, where=lambda m: "Visa invitation letter" in str(m["Subject"]))
    inside, everything = _on_the_page(_attachment(mail)[1])
    assert inside == everything
    for expected in ("Royaume de Belgique", conference["venue"]["address"].split(",")[0],
                     conference["organiser_email"], "Jean Dupuis", "Chief of Protocol",
                     approved["number"]):
        assert expected in inside, expected


@pytest.mark.parametrize(("controller", "language"), [
    (None, "fr"), ("Commission européenne, DG Commerce", "en")])
async def test_the_default_letterhead_names_the_organiser_and_the_title_is_printed_once(
    api: Api, smtp: RecordingSMTP, controller: str | None, language: str
) -> None:
    # a user test: the default letterhead was the conference's title, printed again under it;
    # it names the organiser (the data controller) when the conference names one, and the
    # title is not repeated under a letterhead that is the title
    privacy = {"controller": controller} if controller else None
    status, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                           json=conference_body(privacy=privacy))
    assert status == 201, conference
    p = await applicant(api, language=language, approved=True)
    _, letter, _ = await api.call("POST", f"/api/v1/accreditations/{p['id']}/visa-letter",
                                  role=p["access_token"], json=PASSPORT)
    status, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                         role="protocol", json={"decision": "approve"})
    assert status == 200, approved
    [mail] = await smtp.wait_for(1, where=lambda m: m.get_content_type() != "text/plain"
                                 and "visa" in str(m["Subject"]).lower())
    inside, _ = _on_the_page(_attachment(mail)[1])
    # the letterhead, up to the number's line (« N° » in French, "No." in English)
    header = re.split(r"\s(?:N°|No\.)\s", inside)[0]
    title = conference["title"][language]
    assert header.count(title) == 1, header
    status, template, _ = await api.call("GET", f"{BASE}/visa-letter-template", role="protocol")
    first = conference["title"]["fr"]  # the conference's first language
    assert status == 200 and template["letterhead"] == (controller or first), template
    if controller:
        assert header.startswith(f"{controller} {title} "), header
