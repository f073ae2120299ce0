"""The photo step of the credentials pages, over HTTP on a real PostgreSQL: the focal point sees
the member's photo it gave (a same-origin image route, private, never cached) and is told whose
photo was saved; another delegation's member's photo is out of reach; the ready-made crops
never leave a photo under 600 × 800, on a photo of exactly that size or on a larger one."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from tests.browser.helpers import element, hidden, press
from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_credentials import image
from tests.http.test_credentials_pages import _page, _post, _stored, _token
from tests.http.test_credentials_pages import _upload as _upload_applicant
from tests.http.test_credentials_portal import _member, _upload
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP


async def test_the_focal_point_sees_the_members_photo_and_whose_photo_is_saved(
    api: Api, smtp: RecordingSMTP
) -> None:
    deleg, link = await _setup(api, smtp)
    member = await _member(api, deleg, "Peeters")
    v = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{member['id']}"
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    assert status == 200 and "current-photo" not in page
    assert (await v.go("GET", f"{path}/photo"))[0] == 404  # none yet

    status, _, resp = await _upload(v, path, hidden(page, "csrf"), image(600, 800))
    assert status == 303, _
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "The photo of Jan Peeters is saved."
    assert f'id="current-photo" src="{path}/photo"' in page
    assert "The current photo of Jan Peeters (600 × 800 pixels)" in page
    assert "Your current photo" not in page

    resp = await api.client.get(f"{path}/photo", headers={
        "Cookie": "; ".join(f"{k}={val}" for k, val in v.cookies.items())})
    assert resp.status == 200 and resp.content_type == "image/jpeg"
    assert resp.headers["Cache-Control"] == "private, no-store"
    assert Image.open(io.BytesIO(await resp.read())).size == (600, 800)
    api.client.session.cookie_jar.clear()  # the visitor keeps its own cookies
    resp = await api.client.get(f"{path}/photo", allow_redirects=False)  # not signed in
    assert resp.status in (303, 401, 403) and resp.content_type != "image/jpeg"

    status, page, _ = await v.go("GET", f"{path}/credentials?lang=fr")
    assert "La photo actuelle de Jan Peeters (600 × 800 pixels)" in page
    # through the API too: the focal point who gave it may read it back
    status, _, _ = await api.call("GET", f"/api/v1/accreditations/{member['id']}/photo",
                                  role=deleg["focal_point_token"])
    assert status == 200

    other = await make_delegation(api, country="FR")
    stranger = await _member(api, other, "Martin")
    assert (await v.go("GET", f"/delegation/alliance-fr/members/{stranger['id']}/photo")
            )[0] == 403
    assert (await v.go("GET", f"/delegation/alliance-be/members/{stranger['id']}/photo")
            )[0] == 404
    status, _, _ = await api.call("GET", f"/api/v1/accreditations/{stranger['id']}/photo",
                                  role=deleg["focal_point_token"])
    assert status == 403


async def test_the_focal_point_crops_a_600_by_800_photo_with_either_preset(
    api: Api, smtp: RecordingSMTP
) -> None:
    deleg, link = await _setup(api, smtp)
    member = await _member(api, deleg, "Peeters")
    v = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{member['id']}"
    _, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    token = hidden(page, "csrf")
    assert (await _upload(v, path, token, image(600, 800)))[0] == 303
    for preset in ("face", "centre"):
        status, page, resp = await v.go("POST", f"{path}/photo/crop?lang=en",
                                        {"csrf": token, "preset": preset})
        assert status == 303, element(page, "crop-error")
        status, page, _ = await v.go("GET", resp.headers["Location"])
        assert "(600 × 800 pixels)" in element(page, "photo-current"), preset
        # the photo holds no other box: the page offers no crop step, and says so
        # (docs/credentials.md, "Photo")
        assert 'id="crop-form"' not in page and element(page, "photo-min")


async def test_both_presets_keep_at_least_600_by_800_on_any_photo(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, language="en")
    path = f"/a/{created['access_token']}"
    expected = {  # (photo) -> {preset: size after the crop}
        (600, 800): {"face": (600, 800), "centre": (600, 800)},
        (640, 800): {"face": (600, 800), "centre": (600, 800)},
        (900, 1200): {"face": (720, 960), "centre": (900, 1200)},
    }
    for size, presets in expected.items():
        for preset, after in presets.items():
            page = await _page(api, f"{path}/credentials?lang=en")
            status, _, _ = await _upload_applicant(api, path, _token(page, "photo-form"),
                                                   image(*size), "me.jpg", "image/jpeg")
            assert status == 303
            page = await _page(api, f"{path}/credentials?lang=en")
            if size == (600, 800):  # no other box: no crop step (docs/credentials.md)
                assert 'id="crop-form"' not in page and element(page, "photo-min")
                assert (await _stored(api, path)).size == after
                continue
            status, page, _ = await _post(api, f"{path}/photo/crop?lang=en",
                                          {"csrf": _token(page, "crop-form"), "preset": preset})
            assert status == 303, (size, preset, element(page, "crop-error"))
            assert (await _stored(api, path)).size == after, (size, preset)
