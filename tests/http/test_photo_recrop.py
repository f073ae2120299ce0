"""The crop step works in the photo as sent (docs/credentials.md, "Photo"): the upload's pixels
are kept beside the stored photo, so a crop never loses them for the next one. After "face",
"centre" gives the wider picture back; a landscape fitted to its middle can be framed again
to its left edge; a box outside the photo as sent is a form error; a photo stored before
migration 0061 (no upload kept) crops as it always did; erasure takes the upload with the
photo."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from PIL import Image

from conference.db.pool import connect
from tests.browser.helpers import element, form_fields, hidden, press
from tests.conftest import Api
from tests.http.test_credentials import image, put
from tests.http.test_credentials_pages import _page, _post, _stored, _token, _upload
from tests.http.test_credentials_portal import _member
from tests.http.test_credentials_portal import _upload as _upload_member
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP

RED, GREY = (220, 20, 20), (128, 128, 128)


def _marked(width: int, height: int, band: int = 100) -> bytes:
    """A grey landscape whose leftmost ``band`` columns are red (a face at the left edge)."""
    img = Image.new("RGB", (width, height), GREY)
    img.paste(RED, (0, 0, band, height))
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=95)
    return out.getvalue()


def _red(pixel: Any) -> bool:
    return bool(pixel[0] > 180 and pixel[1] < 70 and pixel[2] < 70)


def _decoded(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def _box(page: str) -> tuple[str, str, str]:
    """The crop form's own box as the page fills it in: left, top, width."""
    form = re.search(r'<form[^>]*id="crop-form".*?</form>', page, re.S)
    assert form, "no crop form"
    fields = form_fields(form.group(0))
    return fields["crop_x"], fields["crop_y"], fields["crop_width"]


async def test_face_then_centre_gives_the_whole_picture_back_on_the_applicants_page(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, language="en")
    path = f"/a/{created['access_token']}"
    page = await _page(api, f"{path}/credentials?lang=en")
    status, _, _ = await _upload(api, path, _token(page, "photo-form"), _marked(1600, 1200),
                                 "me.jpg", "image/jpeg")
    assert status == 303
    fitted = (await _stored(api, path)).convert("RGB")
    assert fitted.size == (900, 1200) and not _red(fitted.getpixel((0, 600)))

    # the page shows the photo as sent, with its size, above the crop form
    page = await _page(api, f"{path}/credentials?lang=en")
    assert "photo as you sent it, shown below (1600 × 1200 pixels)" in element(page, "crop-text")
    assert f'id="sent-photo" src="{path}/photo?source=1"' in page
    assert element(page, "sent-photo-caption").startswith("The photo as sent (1600 × 1200")
    resp = await api.client.get(f"{path}/photo?source=1")
    assert resp.status == 200 and resp.content_type == "image/jpeg"
    assert resp.headers["Cache-Control"] == "private, no-store"
    assert _decoded(await resp.read()).size == (1600, 1200)
    # the box of one's own starts from the box the photo was cut from: the fitted middle
    assert _box(page) == ("350", "0", "900")
    page = await _page(api, f"{path}/credentials?lang=fr")
    assert "photo telle que vous l'avez envoyée" in element(page, "crop-text")

    sizes, boxes = {}, []
    for preset in ("centre", "face", "centre"):
        page = await _page(api, f"{path}/credentials?lang=en")
        status, page, _ = await _post(api, f"{path}/photo/crop?lang=en",
                                      {"csrf": _token(page, "crop-form"), "preset": preset})
        assert status == 303, element(page, "crop-error")
        sizes.setdefault(preset, []).append((await _stored(api, path)).size)
        boxes.append(_box(await _page(api, f"{path}/credentials?lang=en")))
    # cut from the crop before, the second "centre" was the face's 720 × 960
    assert sizes == {"centre": [(900, 1200), (900, 1200)], "face": [(720, 960)]}
    # the face's box, in the photo as sent: 80 % of the fitted 900, from 5 % of its height
    assert boxes == [("350", "0", "900"), ("440", "60", "720"), ("350", "0", "900")]

    # the left edge, cut off on upload, is one box away
    page = await _page(api, f"{path}/credentials?lang=en")
    status, page, _ = await _post(api, f"{path}/photo/crop?lang=en", {
        "csrf": _token(page, "crop-form"), "preset": "custom", "crop_x": "0", "crop_y": "0",
        "crop_width": "900"})
    assert status == 303, element(page, "crop-error")
    left = (await _stored(api, path)).convert("RGB")
    assert left.size == (900, 1200) and _red(left.getpixel((10, 600)))
    assert _box(await _page(api, f"{path}/credentials?lang=en")) == ("0", "0", "900")
    # the badge's photo is the crop; the photo as sent is untouched
    resp = await api.client.get(f"{path}/photo?source=1")
    assert _decoded(await resp.read()).size == (1600, 1200)

    # a box outside the photo as sent is the form's error, nothing cut
    page = await _page(api, f"{path}/credentials?lang=en")
    status, page, _ = await _post(api, f"{path}/photo/crop?lang=en", {
        "csrf": _token(page, "crop-form"), "preset": "custom", "crop_x": "701", "crop_y": "0",
        "crop_width": "900"})
    assert status == 422 and element(page, "crop-error").endswith("stay inside the photo.")
    assert _red((await _stored(api, path)).convert("RGB").getpixel((10, 600)))


async def test_the_focal_point_frames_a_fitted_landscape_again_to_its_left_edge(
    api: Api, smtp: RecordingSMTP
) -> None:
    deleg, link = await _setup(api, smtp)
    member = await _member(api, deleg, "Peeters")
    v = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{member['id']}"
    _, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    token = hidden(page, "csrf")
    status, _, resp = await _upload_member(v, path, token, _marked(1200, 800))
    assert status == 303 and resp.headers["Location"].endswith("done=fitted")
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert "(600 × 800 pixels)" in element(page, "photo-current")
    assert "as it was sent, shown below (1200 × 800 pixels)" in element(page, "crop-text")
    assert f'id="sent-photo" src="{path}/photo?source=1"' in page
    assert _box(page) == ("300", "0", "600")  # the fitted middle, to move from

    status, page, resp = await v.go("POST", f"{path}/photo/crop?lang=en", {
        "csrf": token, "preset": "custom", "crop_x": "0", "crop_y": "0", "crop_width": "600"})
    assert status == 303, element(page, "crop-error")
    assert _box((await v.go("GET", resp.headers["Location"]))[1]) == ("0", "0", "600")
    resp = await api.client.get(f"/api/v1/accreditations/{member['id']}/photo",
                                headers=api.auth("protocol"))
    left = _decoded(await resp.read())
    assert left.size == (600, 800) and _red(left.getpixel((10, 400)))
    # the right edge too: the box is in the 1200 pixels sent, not in the 600 stored
    status, page, _ = await v.go("POST", f"{path}/photo/crop?lang=en", {
        "csrf": token, "preset": "custom", "crop_x": "600", "crop_y": "0", "crop_width": "600"})
    assert status == 303, element(page, "crop-error")
    status, page, _ = await v.go("POST", f"{path}/photo/crop?lang=en", {
        "csrf": token, "preset": "custom", "crop_x": "601", "crop_y": "0", "crop_width": "600"})
    assert status == 422 and element(page, "crop-error").endswith("stay inside the photo.")

    # the photo as sent is the focal point's to see, as the photo is: not another delegation's
    resp = await api.client.get(f"{path}/photo?source=1", headers={
        "Cookie": "; ".join(f"{k}={val}" for k, val in v.cookies.items())})
    assert resp.status == 200 and resp.headers["Cache-Control"] == "private, no-store"
    assert _decoded(await resp.read()).size == (1200, 800)
    api.client.session.cookie_jar.clear()  # the visitor keeps its own cookies
    resp = await api.client.get(f"{path}/photo?source=1", allow_redirects=False)
    assert resp.status in (303, 401, 403) and resp.content_type != "image/jpeg"
    other = await _member(api, deleg, "Janssens")
    assert (await v.go("GET", f"/delegation/alliance-be/members/{other['id']}/photo?source=1")
            )[0] == 404
    assert (await v.go("GET", f"/delegation/alliance-fr/members/{member['id']}/photo?source=1")
            )[0] in (403, 404)


async def test_the_photo_as_sent_is_kept_without_metadata_bounded_and_replaced_by_an_upload(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, language="en")
    path = f"/a/{created['access_token']}"
    page = await _page(api, f"{path}/credentials?lang=en")
    sent = image(3000, 4000, gps=True)
    assert b"Canon" in sent
    status, _, _ = await _upload(api, path, _token(page, "photo-form"), sent, "me.jpg",
                                 "image/jpeg")
    assert status == 303
    resp = await api.client.get(f"{path}/photo?source=1")
    kept = await resp.read()
    assert b"Canon" not in kept and b"Exif" not in kept
    assert _decoded(kept).size == (1800, 2400)  # 2400 on its longest side
    assert (await _stored(api, path)).size == (1200, 1600)
    # a new upload (here by the API) replaces both
    assert (await put(api, f"/api/v1/accreditations/{created['id']}/photo", image(900, 1200),
                      "image/jpeg", created["access_token"]))[0] == 204
    resp = await api.client.get(f"{path}/photo?source=1")
    assert _decoded(await resp.read()).size == (900, 1200)
    page = await _page(api, f"{path}/credentials?lang=en")
    assert "(900 × 1200 pixels)" in element(page, "crop-text")
    # another person's link: no photo, as sent or not
    other = await press(api, 1, language="en")
    assert (await api.client.get(f"/a/{other['access_token']}/photo?source=1")).status == 404


async def test_a_photo_stored_before_the_upload_was_kept_crops_as_before(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, language="en")
    path = f"/a/{created['access_token']}"
    stored = _decoded(image(900, 1200))
    out = io.BytesIO()
    stored.save(out, format="JPEG", quality=90)
    conn = await connect(api.db_url)
    try:  # the row as the code before migration 0061 wrote it
        await conn.execute(
            "INSERT INTO accreditation_photo (accreditation_id, content_type, data, width, "
            "height, uploaded_at, uploaded_by) VALUES ($1, 'image/jpeg', $2, 900, 1200, $3, "
            "'applicant')", UUID(created["id"]), out.getvalue(), datetime.now(UTC))
    finally:
        await conn.close()
    page = await _page(api, f"{path}/credentials?lang=en")
    assert element(page, "crop-text").endswith(
        "in pixels of the photo above (900 × 1200).")
    assert 'id="sent-photo"' not in page
    resp = await api.client.get(f"{path}/photo?source=1")  # the box is in the photo itself
    assert resp.status == 200 and _decoded(await resp.read()).size == (900, 1200)
    for preset, after in (("face", (720, 960)), ("centre", (720, 960))):
        page = await _page(api, f"{path}/credentials?lang=en")
        status, page, _ = await _post(api, f"{path}/photo/crop?lang=en",
                                      {"csrf": _token(page, "crop-form"), "preset": preset})
        assert status == 303, element(page, "crop-error")
        assert (await _stored(api, path)).size == after, preset
    page = await _page(api, f"{path}/credentials?lang=en")
    assert "(720 × 960)" in element(page, "crop-text")
    assert _box(page) == ("0", "0", "720")  # the centre of the photo itself, as before
    conn = await connect(api.db_url)
    try:  # no copy of the upload appears, nor a box of it
        assert await conn.fetchval("SELECT num_nulls(source, crop_x) FROM accreditation_photo"
                                   ) == 2
    finally:
        await conn.close()


async def test_erasure_takes_the_photo_as_sent_and_the_export_lists_it(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, language="en")
    aid, path = created["id"], f"/a/{created['access_token']}"
    page = await _page(api, f"{path}/credentials?lang=en")
    status, _, _ = await _upload(api, path, _token(page, "photo-form"), _marked(1600, 1200),
                                 "me.jpg", "image/jpeg")
    assert status == 303
    status, export, _ = await api.call("GET", f"/api/v1/accreditations/{aid}/personal-data",
                                       role=created["access_token"])
    assert status == 200, export
    held = {c["what"]: c for c in export["credentials"]}
    assert held["photo_as_sent"]["content_type"] == "image/jpeg"
    assert held["photo_as_sent"]["bytes"] > held["photo"]["bytes"]
    conn = await connect(api.db_url)
    try:
        sent = await conn.fetchval("SELECT source FROM accreditation_photo")
        assert sent is not None
        assert (await api.call("DELETE", f"/api/v1/accreditations/{aid}/personal-data",
                               role="admin"))[0] == 200
        assert await conn.fetchval(
            "SELECT count(*) FROM accreditation_photo WHERE accreditation_id = $1",
            UUID(aid)) == 0
        # the bytes are nowhere in the table any more
        assert await conn.fetchval(
            "SELECT count(*) FROM accreditation_photo WHERE source = $1 OR data = $1",
            sent) == 0
    finally:
        await conn.close()
