"""The photo step of the credentials pages, over HTTP on a real PostgreSQL: the ready-made crops
never leave a photo under 600 × 800, on a photo of exactly that size or on a larger one."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element, hidden, press
from tests.conftest import Api
from tests.http.test_credentials import image
from tests.http.test_credentials_pages import _page, _post, _stored, _token
from tests.http.test_credentials_pages import _upload as _upload_applicant
from tests.http.test_credentials_portal import _member, _upload
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP


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
        assert "(600 × 800)" in element(page, "crop-text"), preset


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
            status, page, _ = await _post(api, f"{path}/photo/crop?lang=en",
                                          {"csrf": _token(page, "crop-form"), "preset": preset})
            assert status == 303, (size, preset, element(page, "crop-error"))
            assert (await _stored(api, path)).size == after, (size, preset)
