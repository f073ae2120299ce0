"""A photo that is not a portrait, sent from a page (docs/credentials.md, "On the pages"): a
phone's 9:16 or a landscape is cut to the largest 3:4 portrait it holds and stored, the page
says so and shows it in the crop step; the API keeps refusing it with ``portrait_ratio``."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from tests.browser.helpers import element, hidden, press
from tests.conftest import Api
from tests.http.test_credentials_pages import _page, _stored, _token, _upload
from tests.http.test_credentials_portal import _member
from tests.http.test_credentials_portal import _upload as _upload_member
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP


def _gradient(width: int, height: int) -> bytes:
    """Grey rising with the row (red) and with the column (green): the stored photo's corners
    tell which part of the photo was kept."""
    img = Image.new("RGB", (width, height))
    img.putdata([(y * 255 // (height - 1), x * 255 // (width - 1), 128)
                 for y in range(height) for x in range(width)])
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=95)
    return out.getvalue()


def _near(value: int, expected: float) -> bool:
    return abs(value - expected) <= 6  # JPEG's rounding, twice


async def test_a_phone_photo_is_cut_to_a_portrait_and_shown_in_the_crop_step(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, language="en")
    path = f"/a/{created['access_token']}"
    page = await _page(api, f"{path}/credentials?lang=en")
    assert "is cropped to one; you can then adjust the box" in page

    status, body, resp = await _upload(api, path, _token(page, "photo-form"),
                                       _gradient(720, 1280), "selfie.jpg", "image/jpeg")
    assert status == 303, body
    assert resp.headers["Location"] == f"{path}/credentials?lang=en&done=fitted"
    page = await _page(api, resp.headers["Location"])
    assert element(page, "status-message").startswith(
        "The photo sent was not in the badge's portrait shape (3:4): it has been cropped")
    assert "(720 × 960 pixels)" in element(page, "photo-current")
    # the crop step, to adjust it over the whole photo as sent (docs/credentials.md, "Photo")
    assert "photo as you sent it, shown below (720 × 1280 pixels)" in element(page, "crop-text")
    stored = (await _stored(api, path)).convert("RGB")
    assert stored.size == (720, 960)
    # the whole width kept; of the 320 rows cut, a quarter (80) from the top
    top, bottom = stored.getpixel((360, 0)), stored.getpixel((360, 959))
    assert _near(top[0], 80 * 255 / 1279) and _near(bottom[0], 1039 * 255 / 1279), (top, bottom)
    assert _near(stored.getpixel((0, 480))[1], 0) and _near(stored.getpixel((719, 480))[1], 255)

    # the API is a program's: it sends the photo it means, and a wrong shape is refused
    resp = await api.client.put(f"/api/v1/accreditations/{created['id']}/photo",
                                data=_gradient(720, 1280),
                                headers={**api.auth(created["access_token"]),
                                         "Content-Type": "image/jpeg"})
    assert resp.status == 422
    assert (await resp.json())["errors"][0]["type"] == "portrait_ratio"


async def test_a_landscape_photo_given_by_the_focal_point_is_cut_in_the_middle(
    api: Api, smtp: RecordingSMTP
) -> None:
    deleg, link = await _setup(api, smtp)
    member = await _member(api, deleg, "Peeters")
    v = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{member['id']}"
    _, page, _ = await v.go("GET", f"{path}/credentials?lang=fr")
    status, body, resp = await _upload_member(v, path, hidden(page, "csrf"),
                                              _gradient(1600, 1200))
    assert status == 303, body
    assert resp.headers["Location"].endswith("done=fitted")
    status, page, _ = await v.go("GET", resp.headers["Location"].replace("lang=en", "lang=fr"))
    assert element(page, "flash").startswith(
        "La photo envoyée n'était pas au format portrait du badge (3:4) : elle a été "
        "recadrée et enregistrée.")
    resp = await api.client.get(f"/api/v1/accreditations/{member['id']}/photo",
                                headers=api.auth("protocol"))
    stored = Image.open(io.BytesIO(await resp.read())).convert("RGB")
    assert stored.size == (900, 1200)
    # the whole height, the middle 900 of the 1600 columns (350 … 1249)
    left, right = stored.getpixel((0, 600)), stored.getpixel((899, 600))
    assert _near(left[1], 350 * 255 / 1599) and _near(right[1], 1249 * 255 / 1599), (left, right)
    assert _near(stored.getpixel((450, 0))[0], 0) and _near(stored.getpixel((450, 1199))[0], 255)
