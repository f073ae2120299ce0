"""The journalist's badge after a user test (1 December 2026): approved without a photo, they
downloaded a badge with an empty photo frame, and a PNG where the letter said to print it in
A6 (docs/credentials.md, "Photo required", "Badge production")."""

from __future__ import annotations

import html
import io
import re
from typing import Any

from pypdf import PdfReader

from tests.browser.helpers import element, press, text
from tests.conftest import Api
from tests.http.test_console import Visitor
from tests.http.test_console_credentials import _conference
from tests.http.test_credentials import image, put
from tests.support import RecordingSMTP

A6_POINTS = (105 / 25.4 * 72, 148 / 25.4 * 72)


async def test_no_badge_before_the_photo_the_conference_requires_then_an_a6_pdf(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, smtp, photo_required=["press"])
    journalist = await press(api, decision="approve", language="en")
    aid, secret = journalist["id"], journalist["access_token"]
    visitor = Visitor(api)
    status, page, _ = await visitor.go("GET", f"/a/{secret}?lang=en")
    assert status == 200, page
    assert 'id="badge-link"' not in page
    assert element(page, "badge-photo-first").startswith("Upload your photo to get your badge")
    assert f'href="/a/{secret}/credentials?lang=en"' in page
    for route in ("badge", "badge.pdf"):
        status, refused, _ = await visitor.go("GET", f"/a/{secret}/{route}?lang=en")
        assert status == 409, (route, refused)
        assert "Upload your photo to get your badge" in text(refused)
    status, _ = await put(api, f"/api/v1/accreditations/{aid}/photo", image(600, 800),
                          "image/jpeg", "admin")
    assert status in (200, 204)
    status, page, _ = await visitor.go("GET", f"/a/{secret}?lang=en")
    assert "badge-photo-first" not in page
    assert element(page, "badge-link") == "Download my badge (PDF, A6)"
    href = re.search(r'id="badge-link" href="([^"]+)"', page)
    assert href is not None and href.group(1) == f"/a/{secret}/badge.pdf?lang=en"
    resp = await api.client.get(href.group(1))
    assert resp.status == 200 and resp.content_type == "application/pdf"
    pdf = PdfReader(io.BytesIO(await resp.read()))
    assert len(pdf.pages) == 1
    box: Any = pdf.pages[0].mediabox
    assert abs(float(box.width) - A6_POINTS[0]) < 1 and abs(float(box.height) - A6_POINTS[1]) < 1
    # the PNG stays for the clients that use it
    resp = await api.client.get(f"/a/{secret}/badge?lang=en")
    assert resp.status == 200 and resp.content_type == "image/png"


async def test_without_a_photo_requirement_the_badge_is_offered_as_an_a6_pdf(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, smtp)
    journalist = await press(api, decision="approve", language="fr")
    secret = journalist["access_token"]
    status, page, _ = await Visitor(api).go("GET", f"/a/{secret}?lang=fr")
    assert status == 200, page
    assert element(page, "badge-link") == "Télécharger mon badge (PDF, format A6)"
    resp = await api.client.get(f"/a/{secret}/badge.pdf?lang=fr")
    assert resp.status == 200
    assert len(PdfReader(io.BytesIO(await resp.read())).pages) == 1


async def test_the_approval_letter_asks_for_the_photo_the_badge_waits_for(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A photographer approved at the peak without a photo read "your badge is on your
    application page" in the letter, and found there "Upload your photo" (found trying the
    product on the day of a meeting). The letter says it; once the photo is given, it does
    not."""
    from tests.support import body_text

    await _conference(api, smtp, photo_required=["press"])
    await press(api, 1, decision="approve", language="en", email="en@example.org")
    await press(api, 2, decision="approve", language="fr", email="fr@example.org")
    given = await press(api, 3, language="en", email="given@example.org")
    status, _ = await put(api, f"/api/v1/accreditations/{given['id']}/photo", image(600, 800),
                          "image/jpeg", "admin")
    assert status in (200, 204)
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{given['id']}/decision",
                                  role="press_office", json={"decision": "approve"})
    assert status == 200

    def letter_to(address: str) -> Any:
        return lambda m: address in m["To"] and ("approved" in m["Subject"]
                                                 or "accordée" in m["Subject"])

    def said(message: Any) -> str:
        return " ".join(body_text(message).split())

    [en_letter] = await smtp.wait_for(1, where=letter_to("en@example.org"))
    [fr_letter] = await smtp.wait_for(1, where=letter_to("fr@example.org"))
    [given_letter] = await smtp.wait_for(1, where=letter_to("given@example.org"))
    assert ("Your badge carries your photo, which we do not have yet: give it on your "
            "application page (link below). The badge cannot be downloaded before."
            in said(en_letter))
    assert ("Votre badge porte votre photo, que nous n'avons pas encore : donnez-la sur la page "
            "de votre demande (lien ci-dessous). Le badge ne peut pas être téléchargé avant."
            in said(fr_letter))
    assert "photo" not in said(given_letter)


async def test_the_photo_is_asked_for_while_the_clearance_is_awaited_too(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A photographer approved at the peak, whose clearance was still pending, read only "your
    badge will be available once the security check is complete", and learnt of the photo
    when the clearance came, on the morning of the meeting (found trying the product). The
    photo is asked for at once; a refused clearance asks nothing."""
    await _conference(api, smtp, photo_required=["press"], vetting_required=["press"])
    journalist = await press(api, decision="approve", language="fr")
    secret = journalist["access_token"]
    visitor = Visitor(api)
    status, page, _ = await visitor.go("GET", f"/a/{secret}?lang=fr")
    assert status == 200, page
    assert element(page, "badge-withheld") == (
        "Votre badge sera disponible sur cette page une fois le contrôle de sécurité terminé.")
    assert element(page, "badge-photo-first").startswith(
        "Envoyez votre photo pour obtenir votre badge")
    assert f'id="badge-photo-link" href="/a/{secret}/credentials?lang=fr"' in page
    assert 'id="badge-link"' not in page
    status, _, _ = await api.call(
        "POST", f"/api/v1/accreditations/{journalist['id']}/vetting/status", role="protocol",
        json={"status": "refused", "reason": "internal"})
    assert status in (200, 201), status
    _, page, _ = await visitor.go("GET", f"/a/{secret}?lang=fr")
    assert element(page, "badge-withheld").startswith("Aucun badge ne peut vous être délivré")
    assert "badge-photo-first" not in page


async def test_the_credentials_page_is_titled_as_its_link(api: Api, smtp: RecordingSMTP) -> None:
    """The link says "Photo, documents to give and visa invitation letter"; the page it opens,
    which also takes the identity document and the documents, was titled "Photo and invitation
    letter" (found trying the product on the day of a meeting)."""
    await _conference(api, smtp, photo_required=["press"])
    journalist = await press(api, decision="approve", language="en")
    secret = journalist["access_token"]
    visitor = Visitor(api)
    for lang, title in (("en", "Photo, documents to give and visa invitation letter"),
                        ("fr", "Photo, pièces à fournir et lettre d'invitation pour le visa")):
        _, page, _ = await visitor.go("GET", f"/a/{secret}?lang={lang}")
        assert element(page, "credentials-link") == title
        _, page, _ = await visitor.go("GET", f"/a/{secret}/credentials?lang={lang}")
        found = re.search(r"<h1[^>]*>([^<]*)</h1>", page)
        assert found is not None and html.unescape(found.group(1)) == title


async def test_the_press_desk_says_the_badge_waits_for_the_photo_before_the_decision(
    api: Api, smtp: RecordingSMTP
) -> None:
    """At the peak, a photographer without a photo was approved from the desk, which said
    nothing of it above the decision (found trying the product on the day of a meeting)."""
    from tests.http.test_console import staff

    await _conference(api, smtp, photo_required=["press"])
    without = await press(api, 1, language="en")
    given = await press(api, 2, language="en")
    status, _ = await put(api, f"/api/v1/accreditations/{given['id']}/photo", image(600, 800),
                          "image/jpeg", "admin")
    assert status in (200, 204)
    desk = await staff(api, smtp, "press@example.org", "press_office", language="fr")
    _, page, _ = await desk.go("GET", f"/manage/alliance/press/{without['id']}?lang=fr")
    assert element(page, "photo-warning") == (
        "Pas encore de photo : le badge de cette personne la porte et ne peut pas être "
        "téléchargé avant (la décision reste possible ; le courriel d'accord la demande).")
    _, page, _ = await desk.go("GET", f"/manage/alliance/press/{without['id']}?lang=en")
    assert element(page, "photo-warning").startswith("No photo yet: this person's badge")
    _, page, _ = await desk.go("GET", f"/manage/alliance/press/{given['id']}?lang=en")
    assert 'id="decision-form"' in page and "photo-warning" not in page
