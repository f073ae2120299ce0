"""The press desk after a user test (1 December 2026): the press officer decided without
seeing the photo and the press card the journalist had given, and could not ask for more
information (only approve, waitlist, reject) (docs/workspaces.md, "The press office desk",
"Asking for more information")."""

from __future__ import annotations

import re

from tests.browser.helpers import element, press
from tests.conftest import Api
from tests.http.test_console import Visitor, staff
from tests.http.test_console_credentials import M, _conference, _post
from tests.http.test_credentials import _pdf, image, put
from tests.support import RecordingSMTP, body_text


def _cookie(v: Visitor) -> dict[str, str]:
    v.api.client.session.cookie_jar.clear()
    return {"Cookie": "; ".join(f"{k}={c}" for k, c in v.cookies.items())}


async def test_the_press_desk_shows_the_journalist_s_photo_and_documents(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, smtp)  # no document asked of the press
    journalist = await press(api)
    aid = journalist["id"]
    desk = await staff(api, smtp, "press@example.org", "press_office")
    path = f"{M}/press/{aid}"
    status, page, _ = await desk.go("GET", f"{path}?lang=en")
    assert status == 200, page
    # nothing given yet: said, not left out
    assert element(page, "press-no-photo") == "No photo yet."
    assert element(page, "documents-none") == "No document asked for or received."
    # the journalist gives a photo and a scan of the press card from their page (the API here)
    status, _ = await put(api, f"/api/v1/accreditations/{aid}/photo", image(600, 800),
                          "image/jpeg", "admin")
    assert status in (200, 204)
    status, _ = await put(api, f"/api/v1/accreditations/{aid}/documents/press_card", _pdf(),
                          "application/pdf", "admin")
    assert status == 204
    status, page, _ = await desk.go("GET", f"{path}?lang=en")
    assert status == 200, page
    img = re.search(r'<img id="press-photo" src="([^"]+)" alt="([^"]+)"', page)
    assert img is not None, page
    assert img.group(1) == f"{path}/photo" and img.group(2) == "Photo of Marie Dupont"
    assert "Press card" in element(page, "doc-press_card")
    assert f'href="{path}/documents/press_card?lang=en"' in page
    # the clearance stays the security service's: no vetting form, no reason on the desk
    assert "vetting-form" not in page
    resp = await api.client.get(f"{path}/photo", headers=_cookie(desk), allow_redirects=False)
    assert resp.status == 200 and resp.content_type == "image/jpeg"
    assert resp.headers["Cache-Control"] == "private, no-store"
    resp = await api.client.get(f"{path}/documents/press_card", headers=_cookie(desk),
                                allow_redirects=False)
    assert resp.status == 200 and resp.content_type == "application/pdf"
    # protocol does not open the press desk's copy (the console has its own)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    resp = await api.client.get(f"{path}/photo", headers=_cookie(protocol),
                                allow_redirects=False)
    assert resp.status == 403


async def test_the_press_office_asks_for_more_information_and_the_journalist_is_mailed(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, smtp)
    journalist = await press(api, language="en")
    aid = journalist["id"]
    desk = await staff(api, smtp, "press@example.org", "press_office")
    path = f"{M}/press/{aid}"
    status, page, _ = await desk.go("GET", f"{path}?lang=en")
    assert status == 200 and 'id="information-form"' in page, page
    # the form names the letter's language, as the decision's does
    assert element(page, "information_message-hint").startswith("Write it in English:")
    status, page_fr, _ = await desk.go("GET", f"{path}?lang=fr")
    assert element(page_fr, "information_message-hint").startswith(
        "Rédigez-le en anglais"), element(page_fr, "information_message-hint")
    # an empty message is refused on its field
    status, answer, _ = await _post(desk, f"{path}/information", page,
                                    {"information_message": "  "})
    assert status == 422 and 'id="information_message-error"' in answer
    # its number written as English writes it, as the applicant's own field says it
    assert element(answer, "information_message-error") == (
        "Error: Say what the journalist needs to give (2,000 characters at most).")
    before = len(smtp.messages)
    message = "Please give a scan of your press card (both sides)."
    status, _, resp = await _post(desk, f"{path}/information", page,
                                  {"information_message": message})
    assert status == 303, resp
    # back to the queue where the officer was (docs/workspaces.md, "The officer's place")
    status, queue, _ = await desk.go("GET", resp.headers["Location"])
    assert status == 200 and resp.headers["Location"].startswith(f"{M}/press?")
    assert element(queue, "flash") == "Request for information sent to Marie Dupont."
    status, page, _ = await desk.go("GET", f"{path}?lang=en")
    assert element(page, "status") == "Received, under review"  # unchanged
    assert "More information requested" in element(page, "history")
    assert message in element(page, "history")
    # the letter: the message, and a fresh private link to the page where documents are given
    [letter] = await smtp.wait_for(
        1, where=lambda m: "marie.dupont@example.org" in m["To"]
        and "More information" in str(m["Subject"]))
    assert len(smtp.messages) > before
    body = body_text(letter)
    assert message in body
    link = re.search(r"(https?://\S+/a/[\w.-]+)/credentials", body)
    assert link is not None, body
    # the link works, and the journalist's page shows the request in its history
    secret = link.group(1).rsplit("/a/", 1)[1]
    status, mine, _ = await Visitor(api).go("GET", f"/a/{secret}?lang=en")
    assert status == 200, mine
    assert "More information requested" in element(mine, "history")
    assert message in element(mine, "history")
    # the queue says information was asked, and when
    status, queue, _ = await desk.go("GET", f"{M}/press?lang=en")
    assert element(queue, f"asked-{aid}").startswith("Information asked on ")
    # once decided, no more request
    status, decided, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/decision",
                                        role="press_office", json={"decision": "approve"})
    assert status == 200, decided
    status, page, _ = await desk.go("GET", f"{path}?lang=en")
    assert 'id="information-form"' not in page
    status, answer, _ = await _post(desk, f"{path}/information", page,
                                    {"information_message": "Another question"})
    assert status == 409, answer


async def test_the_press_desk_in_french_agrees_with_the_document_s_gender(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A user test (1 December 2026) read « Carte de presse (demandé) – reçu » on the desk:
    every kind of document is feminine in French (note verbale, carte de presse, copie du
    passeport)."""
    await _conference(api, smtp, documents_required={"press": ["press_card"]})
    journalist = await press(api)
    aid = journalist["id"]
    desk = await staff(api, smtp, "press@example.org", "press_office")
    path = f"{M}/press/{aid}"
    status, page, _ = await desk.go("GET", f"{path}?lang=fr")
    assert status == 200, page
    assert element(page, "doc-press_card") == "Carte de presse (demandée) – manquante"
    status, _ = await put(api, f"/api/v1/accreditations/{aid}/documents/press_card", _pdf(),
                          "application/pdf", "admin")
    assert status == 204
    status, page, _ = await desk.go("GET", f"{path}?lang=fr")
    assert element(page, "doc-press_card").startswith("Carte de presse (demandée) – reçue, ")


async def test_the_press_desk_in_french_elides_de_before_a_vowel(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A user test (1 December 2026) read « La photo actuelle de Élodie Fournier » on the
    desk: the text comes from the public pages' catalogue, which the workspaces' elision
    ("d'Annelies Verlinden") did not reach."""
    await _conference(api, smtp)
    journalist = await press(api, given_name="Élodie", family_name="Fournier")
    aid = journalist["id"]
    status, _ = await put(api, f"/api/v1/accreditations/{aid}/photo", image(600, 800),
                          "image/jpeg", "admin")
    assert status in (200, 204)
    desk = await staff(api, smtp, "press@example.org", "press_office")
    status, page, _ = await desk.go("GET", f"{M}/press/{aid}?lang=fr")
    assert status == 200, page
    assert element(page, "press-photo-caption") == (
        "La photo actuelle d'Élodie Fournier (600 × 800 pixels)")
