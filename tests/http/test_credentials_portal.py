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
from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_credentials import image
from tests.http.test_workspaces import Visitor, _setup, _signed_in
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
    assert "(1000 × 1333)" in element(page, "crop-text")

    status, _, resp = await v.go("POST", f"{path}/photo/crop?lang=en",
                                 {"csrf": token, "preset": "face"})
    assert status == 303 and resp.headers["Location"].endswith("done=cropped")
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    assert "(800 × 1066)" in element(page, "crop-text")
    assert f'id="current-photo" src="{path}/photo"' in page  # the focal point gave it
    resp = await api.client.get(f"/api/v1/accreditations/{member['id']}/photo",
                                headers=api.auth("protocol"))
    assert Image.open(io.BytesIO(await resp.read())).size == (800, 1066)
    status, page, _ = await v.go("POST", f"{path}/photo/crop?lang=en",
                                 {"csrf": token, "preset": "custom", "crop_x": "-1",
                                  "crop_y": "0", "crop_width": "700"})
    assert status == 422 and element(page, "crop-error").endswith("whole number of pixels.")

    # the letter goes to the member, not to the focal point reading the page
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    assert element(page, "visa-text") == (
        "If Jan Peeters needs a visa, request an invitation letter here. The protocol service"
        " reviews it; the approved letter is sent by e-mail to Jan Peeters.")
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
    assert element(page, "flash") == "The request for an invitation letter for Jan Peeters is sent."


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
