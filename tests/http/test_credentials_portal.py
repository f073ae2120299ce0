"""A member's photo and visa letter in the delegation portal, over HTTP with a real database and
SMTP server: the focal point signed in uploads (multipart, no JavaScript), crops on the server
and requests the letter; another delegation's member is out of reach; forms need their CSRF
token."""

from __future__ import annotations

import io
from typing import Any

import aiohttp
from PIL import Image

from tests.browser.helpers import element, hidden
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_console_application_page import security_token
from tests.http.test_credentials import image
from tests.http.test_workspaces import Visitor, _setup, _signed_in, link_in
from tests.support import RecordingSMTP


async def _member(api: Api, deleg: dict[str, Any], family: str) -> dict[str, Any]:
    status, created, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "official", "given_name": "Jan", "family_name": family,
              "email": f"{family.lower()}@example.org", "language": "en",
              "delegation_id": deleg["id"], "rank": "senior_official",
              "function": "Director"})
    assert status == 201, created
    return dict(created)


async def _upload(v: Visitor, path: str, token: str, data: bytes) -> tuple[int, str, Any]:
    form = aiohttp.FormData()
    form.add_field("csrf", token)
    form.add_field("photo", data, filename="me.jpg", content_type="image/jpeg")
    headers = {"Cookie": "; ".join(f"{k}={val}" for k, val in v.cookies.items())}
    resp = await v.api.client.post(f"{path}/photo?lang=en", data=form, headers=headers,
                                   allow_redirects=False)
    return resp.status, await resp.text(), resp


async def test_the_focal_point_gives_a_members_photo_and_requests_the_letter(
    api: Api, smtp: RecordingSMTP
) -> None:
    deleg, link = await _setup(api, smtp)
    member = await _member(api, deleg, "Peeters")
    v = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{member['id']}"
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert status == 200 and f'href="{path}/credentials?lang=en"' in page
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    assert status == 200, page
    assert element(page, "no-photo") == "No photo yet."
    token = hidden(page, "csrf")

    status, page, _ = await _upload(v, path, token, image(1000, 700))
    assert status == 422 and "at least 600 × 800 pixels" in element(page, "photo-error")
    status, _, _ = await _upload(v, path, "forged", image(1000, 1333))
    assert status == 403
    status, _, resp = await _upload(v, path, token, image(1000, 1333))
    assert status == 303, _
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "The photo of Jan Peeters is saved."
    assert "(1000 × 1333 pixels)" in element(page, "crop-text")

    status, _, resp = await v.go("POST", f"{path}/photo/crop?lang=en",
                                 {"csrf": token, "preset": "face"})
    assert status == 303 and resp.headers["Location"].endswith("done=cropped")
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    assert "(800 × 1066 pixels)" in element(page, "photo-current")
    assert "(1000 × 1333 pixels)" in element(page, "crop-text")  # the box: in the photo as sent
    assert f'id="current-photo" src="{path}/photo"' in page  # the focal point gave it
    resp = await api.client.get(f"/api/v1/accreditations/{member['id']}/photo",
                                headers=api.auth("protocol"))
    assert Image.open(io.BytesIO(await resp.read())).size == (800, 1066)
    status, page, _ = await v.go("POST", f"{path}/photo/crop?lang=en",
                                 {"csrf": token, "preset": "custom", "crop_x": "-1",
                                  "crop_y": "0", "crop_width": "700"})
    assert status == 422 and element(page, "crop-error").endswith(
        "whole number of pixels, 0 or more.")

    # the letter goes to the member, not to the focal point reading the page
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    assert element(page, "visa-text") == (
        "If Jan Peeters needs a visa, request an invitation letter here. The protocol service"
        " reviews it; the approved letter is sent by email to Jan Peeters.")
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=fr")
    assert element(page, "visa-text").endswith(
        "la lettre approuvée est envoyée par courriel à Jan Peeters.")
    status, page, _ = await v.go("POST", f"{path}/visa-letter?lang=en", {
        "csrf": token, "passport_name": "Jan PEETERS", "passport_number": "",
        "nationality": "BE", "date_of_birth": "1975-06-01", "consulate": "Embassy"})
    assert status == 422 and element(page, "passport_number-error").endswith("required.")
    status, _, resp = await v.go("POST", f"{path}/visa-letter?lang=en", {
        "csrf": token, "passport_name": "Jan PEETERS", "passport_number": "EH123456",
        "nationality": "BE", "date_of_birth": "1975-06-01", "consulate": "Embassy"})
    assert status == 303
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert "under review" in element(page, "visa-state")
    # whose request: the member's, not the focal point's own ("Your request…")
    assert element(page, "flash") == (
        "The request for an invitation letter for Jan Peeters has gone to the protocol "
        "service, which reviews it.")


async def test_another_delegations_member_is_out_of_reach(
    api: Api, smtp: RecordingSMTP
) -> None:
    _, link = await _setup(api, smtp)
    other = await make_delegation(api, country="FR")
    stranger = await _member(api, other, "Martin")
    v = await _signed_in(api, link)
    path = f"/delegation/alliance-fr/members/{stranger['id']}/credentials"
    assert (await v.go("GET", path))[0] == 403
    assert (await v.go("GET", f"/delegation/alliance-be/members/{stranger['id']}/credentials")
            )[0] == 404
    _, page, _ = await v.go("GET", "/delegation/alliance-be")
    status, _, _ = await _upload(v, f"/delegation/alliance-fr/members/{stranger['id']}",
                                 hidden(page, "csrf"), image(600, 800))
    assert status == 403


async def test_a_closed_member_s_page_no_longer_links_to_the_credentials_page(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A rejected (withdrawn, revoked, substituted) application takes no photo and no document
    (docs/credentials.md, "Photo"): its page no longer offers the page that gives them."""
    deleg, link = await _setup(api, smtp)
    member = await _member(api, deleg, "Peeters")
    v = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{member['id']}"
    _, page, _ = await v.go("GET", f"{path}?lang=en")
    assert element(page, "credentials-link") == \
        "Photo, documents to give and visa invitation letter"
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{member['id']}/decision", role="protocol",
        json={"decision": "reject", "reason": "Not a member of the delegation"})
    assert status == 200, body
    _, page, _ = await v.go("GET", f"{path}?lang=en")
    assert 'id="credentials-link"' not in page and f"{path}/credentials" not in page


async def test_the_portal_s_letter_forms_are_not_filled_with_the_focal_point_s_own_details(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Trying the product as a ministry's focal point (1 December 2026): the browser offered
    the focal point's own name and birthday for the minister's passport (the fields asked
    "name" and "bday", which a browser fills with its user's), and once the letter was
    requested the page said "Votre demande du …", as if the letter were the focal point's."""
    deleg, link = await _setup(api, smtp)
    member = await _member(api, deleg, "Peeters")
    v = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{member['id']}"
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=fr")
    assert status == 200, page
    for field in ("passport_name", "date_of_birth"):
        tag = page[page.index(f'id="{field}"'):]
        tag = tag[:tag.index(">")]
        assert 'autocomplete="off"' in tag, (field, tag)
    assert 'autocomplete="name"' not in page and 'autocomplete="bday"' not in page
    status, _, resp = await v.go("POST", f"{path}/visa-letter?lang=fr", {
        "csrf": hidden(page, "csrf"), "passport_name": "Jan PEETERS",
        "passport_number": "EH123456", "nationality": "BE", "date_of_birth": "1975-06-01",
        "consulate": "Ambassade"})
    assert status == 303, _
    status, page, _ = await v.go("GET", resp.headers["Location"])
    said = element(page, "visa-state")
    assert said.startswith("La lettre d'invitation demandée pour Jan Peeters le "), said
    assert said.replace("\u00a0", " ").endswith(" : en cours d'examen."), said
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    said = element(page, "visa-state")
    assert said.startswith("The invitation letter requested for Jan Peeters on "), said
    assert said.endswith(": under review."), said


async def test_a_visa_letter_s_passport_ends_the_identity_document_to_do(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The vetting file carries the passport of the visa letter request while no identity
    document is given, and the credentials page says so; the member's page still said "À
    faire : donnez la pièce d'identité … sans elle, aucun badge ne peut être délivré" to a
    focal point who had just typed the minister's passport for the letter (trying the
    product, 1 December 2026)."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["official"]))
    assert status == 201, body
    deleg = await make_delegation(api, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    member = await _member(api, deleg, "Peeters")
    v = await _signed_in(api, link_in(welcome))
    path = f"/delegation/alliance-be/members/{member['id']}"
    status, page, _ = await v.go("GET", f"{path}?lang=fr")
    assert status == 200 and "donnez la pièce d'identité" in element(page, "identity-todo")
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=fr")
    status, _, _ = await v.go("POST", f"{path}/visa-letter?lang=fr", {
        "csrf": hidden(page, "csrf"), "passport_name": "Jan PEETERS",
        "passport_number": "EH123456", "nationality": "BE", "date_of_birth": "1975-06-01",
        "consulate": "Ambassade"})
    assert status == 303
    status, page, _ = await v.go("GET", f"{path}?lang=fr")
    assert status == 200 and 'id="identity-todo"' not in page
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=fr")
    assert "le service de sécurité reçoit le passeport" in element(page, "identity-from-visa")


async def test_a_photo_fitted_to_the_minimum_size_offers_no_crop_it_cannot_make(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried as a focal point (2 December 2026): a 1200 × 800 landscape was fitted to 600 × 800,
    and the notice said "crop it again or send another one" over a crop step whose every box
    was the whole photo: a dead end. The crop step now works in the photo as sent, where that
    landscape holds boxes to the left and right; a photo whose upload holds no other box (a
    strip fitted to 600 × 800, kept without its upload) has no crop step, and the page says to
    send another photo."""
    deleg, link = await _setup(api, smtp)
    member = await _member(api, deleg, "Peeters")
    v = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{member['id']}"
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    token = hidden(page, "csrf")
    status, _, resp = await _upload(v, path, token, image(600, 2600))
    assert status == 303 and resp.headers["Location"].endswith("done=fitted"), _
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert status == 200
    assert "(600 × 800 pixels)" in element(page, "photo-current")
    assert 'id="crop-form"' not in page and "crop it again" not in page
    assert element(page, "flash") == (
        "The photo sent was not in the badge's portrait shape (3:4): it has been cropped in the "
        "middle and saved, at the minimum size (600 × 800 pixels), which cannot be cropped "
        "again. Check it below; if the face is not well framed, send another photo, larger or "
        "already in portrait shape.")
    assert element(page, "photo-min") == (
        "This photo is at the minimum size (600 × 800 pixels): it cannot be cropped. For "
        "another framing, send another photo, larger or already in portrait shape.")
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=fr")
    assert element(page, "photo-min").startswith(
        "Cette photo a la taille minimale (600 × 800 pixels) : elle ne peut pas être recadrée.")
    assert 'id="crop-form"' not in page

    # the 1200 × 800 landscape is fitted to 600 × 800 as well, and its crop step can frame it
    # again anywhere in its width
    status, _, resp = await _upload(v, path, token, image(1200, 800))
    assert status == 303 and resp.headers["Location"].endswith("done=fitted")
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert "(600 × 800 pixels)" in element(page, "photo-current")
    assert 'id="crop-form"' in page and 'id="photo-min"' not in page
    assert "cannot be cropped" not in element(page, "flash")
    assert "(1200 × 800 pixels)" in element(page, "crop-text")


async def test_the_member_s_pages_say_the_security_service_asks_for_more_information(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried as a focal point (2 December 2026): the letter "more information needed" sent the
    focal point to the member's documents page, which said nothing of the request (the member's
    page only listed it in the history); with the identity document given, nothing there was
    left to do. Both pages now say it, and where the letter says what; never the reason, which
    only the letter and the documents part of the credentials page carry (docs/credentials.md,
    "Vetting")."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["official"]))
    assert status == 201, body
    deleg = await make_delegation(api, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    member = await _member(api, deleg, "Peeters")
    v = await _signed_in(api, link_in(welcome))
    path = f"/delegation/alliance-be/members/{member['id']}"
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert status == 200 and 'id="more-information-todo"' not in page  # pending: nothing asked
    reason = "The passport number does not match the visa file."
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{member['id']}/vetting/status",
        role=await security_token(api), json={"status": "more_information", "reason": reason})
    assert status == 200, body

    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert element(page, "more-information-todo") == (
        "To do: the security service asks for more information for the clearance of Jan "
        "Peeters. The email “Security clearance: more information needed” says what: give it "
        "on the documents page or, for what that page does not take, by replying to that "
        "email. Until then, no badge can be issued.")
    assert reason not in page
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=fr")
    assert element(page, "more-information-todo").startswith(
        "À faire : le service de sécurité demande des informations complémentaires pour "
        "l'habilitation de Jan Peeters. Le courriel « Habilitation de sécurité : informations "
        "complémentaires nécessaires » dit lesquelles : donnez-les ci-dessous")
    # where it is given, what is asked is quoted, above the passport copy's upload
    # (docs/credentials.md, "Asked by the security service")
    assert element(page, "security-question").endswith(f":{reason}")
    # the list of members says it beside the status, for following the vetting of many
    status, page, _ = await v.go("GET", "/delegation/alliance-be?lang=fr")
    assert element(page, f"member-asked-{member['id']}") == (
        "Habilitation : informations complémentaires demandées")
    assert reason not in page

    # approved, the badge still waits: the request is still said
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{member['id']}/decision",
                                     role="protocol", json={"decision": "approve"})
    assert status == 200, body
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert 'id="more-information-todo"' in page and 'id="badge-link"' not in page
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{member['id']}/vetting/status", role="protocol",
        json={"status": "cleared"})
    assert status == 200, body
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert 'id="more-information-todo"' not in page and 'id="badge-link"' in page
    status, page, _ = await v.go("GET", "/delegation/alliance-be?lang=en")
    assert f'id="member-asked-{member["id"]}"' not in page


async def test_a_badge_without_a_photo_says_so_by_its_link(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried as a focal point (2 December 2026): a minister's badge, downloaded from the portal,
    printed an empty photo frame and the member's page said nothing of it; the console's badge
    page warns of it. The member's page now says it by the link, until the photo is given."""
    deleg, link = await _setup(api, smtp)
    member = await _member(api, deleg, "Peeters")
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{member['id']}/decision",
                                     role="protocol", json={"decision": "approve"})
    assert status == 200, body
    v = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{member['id']}"
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert status == 200 and 'id="badge-link"' in page
    assert element(page, "badge-no-photo") == (
        "Jan Peeters's badge has no photo: printed now, it would have an empty frame, which the "
        "door could not compare with the face. Give the photo first (page “Photo, documents to "
        "give and visa invitation letter”, below).")
    status, page, _ = await v.go("GET", f"{path}?lang=fr")
    assert element(page, "badge-no-photo").startswith(
        "Le badge de Jan Peeters n'a pas de photo : imprimé maintenant, il aurait un cadre vide")
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    status, _, _ = await _upload(v, path, hidden(page, "csrf"), image(600, 800))
    assert status == 303
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert 'id="badge-link"' in page and 'id="badge-no-photo"' not in page


async def test_a_focal_point_on_the_manage_page_is_shown_their_delegation_s_portal(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried as a focal point (tryout, 2 December 2026): /manage said only « Aucune conférence
    ne vous est confiée » while the header listed their delegation; it now links the portal."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    await make_delegation(api, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    v = await _signed_in(api, link_in(welcome))
    status, page, _ = await v.go("GET", "/manage?lang=fr")
    assert status == 200, page
    assert element(page, "manage-portals") == (
        "Les délégations dont vous êtes le point de contact ont leur portail :")
    assert 'href="/delegation/alliance-be?lang=fr"' in page.split('id="manage-portals"')[1]
