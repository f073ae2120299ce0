"""The applicant's photo and visa letter page behind the private link, over HTTP on a real
PostgreSQL: a multipart upload (no JavaScript) checked by the photo rules and answered in the
page's language, the server-side crop (presets and a box of one's own), the visa letter request
with its field errors, and the CSRF token each form needs."""

from __future__ import annotations

import html
import io
import re
from typing import Any
from uuid import UUID

import aiohttp
from PIL import Image

from conference.db.pool import connect
from tests.browser.helpers import element, press, text
from tests.conftest import Api
from tests.http.test_credentials import image


def _token(page: str, form_id: str) -> str:
    form = re.search(rf'<form[^>]*id="{form_id}".*?</form>', page, re.S)
    assert form, f"no form #{form_id}"
    match = re.search(r'name="csrf" value="([^"]*)"', form.group(0))
    assert match
    return html.unescape(match.group(1))


async def _page(api: Api, path: str) -> str:
    resp = await api.client.get(path, allow_redirects=False)
    assert resp.status == 200, await resp.text()
    assert resp.headers["Cache-Control"] == "no-store"
    return await resp.text()


async def _upload(api: Api, path: str, token: str, data: bytes, name: str, media: str
                  ) -> tuple[int, str, Any]:
    form = aiohttp.FormData()
    form.add_field("csrf", token)
    form.add_field("photo", data, filename=name, content_type=media)
    resp = await api.client.post(f"{path}/photo?lang=en", data=form, allow_redirects=False)
    return resp.status, await resp.text(), resp


async def _post(api: Api, path: str, data: dict[str, str]) -> tuple[int, str, Any]:
    resp = await api.client.post(path, data=data, allow_redirects=False)
    return resp.status, await resp.text(), resp


async def _stored(api: Api, path: str) -> Image.Image:
    resp = await api.client.get(f"{path}/photo")
    assert resp.status == 200 and resp.content_type == "image/jpeg"
    return Image.open(io.BytesIO(await resp.read()))


async def test_a_photo_is_uploaded_from_the_page_and_cropped_on_the_server(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, language="en")
    path = f"/a/{created['access_token']}"
    status_page = await _page(api, path)
    assert f'href="{path}/credentials?lang=en"' in status_page
    page = await _page(api, f"{path}/credentials?lang=en")
    assert element(page, "no-photo") == "No photo yet."
    assert 'enctype="multipart/form-data"' in page and "crop-form" not in page

    # each rule refused with its reason, in the page's words, the field named
    token = _token(page, "photo-form")
    status, page, _ = await _upload(api, path, token, image(500, 800), "me.jpg", "image/jpeg")
    assert status == 422
    assert element(page, "photo-error").endswith("at least 600 × 800 pixels.")
    assert 'aria-invalid="true"' in page
    status, page, _ = await _upload(api, path, token, image(600, 800, "PNG"), "me.jpg",
                                    "image/jpeg")
    assert status == 422 and "does not match its type" in element(page, "photo-error")
    status, page, _ = await _upload(api, path, token, b"\xff" * (5 * 1024 * 1024 + 1),
                                    "big.jpg", "image/jpeg")
    assert status == 422 and element(page, "photo-error").endswith("larger than 5 MB.")
    status, page, _ = await _upload(api, path, "forged", image(900, 1200), "me.jpg",
                                    "image/jpeg")
    assert status == 403 and "current-photo" not in page

    status, _, resp = await _upload(api, path, token, image(900, 1200), "me.jpg", "image/jpeg")
    assert status == 303, _
    assert resp.headers["Location"] == f"{path}/credentials?lang=en&done=photo"
    page = await _page(api, resp.headers["Location"])
    assert element(page, "status-message") == "Your photo is saved."
    assert f'src="{path}/photo"' in page
    assert "(900 × 1200 pixels)" in element(page, "crop-text")
    assert (await _stored(api, path)).size == (900, 1200)

    # a box of one's own: 3:4, inside the photo
    crop = {"csrf": _token(page, "crop-form"), "preset": "custom", "crop_x": "100",
            "crop_y": "50", "crop_width": "700"}
    status, page, _ = await _post(api, f"{path}/photo/crop?lang=en",
                                  {**crop, "crop_width": "seven"})
    assert status == 422 and element(page, "crop-error").endswith(
        "whole number of pixels, 0 or more.")
    # a negative edge: the number is whole, what is wrong is its sign (a tryout: it was told
    # « Indiquez un nombre entier de pixels »)
    status, page, _ = await _post(api, f"{path}/photo/crop?lang=en", {**crop, "crop_y": "-5"})
    assert status == 422 and element(page, "crop-error").endswith(
        "whole number of pixels, 0 or more.")
    status, page, _ = await _post(api, f"{path}/photo/crop?lang=en",
                                  {**crop, "crop_y": "500"})
    assert status == 422 and element(page, "crop-error").endswith("stay inside the photo.")
    assert 'value="500"' in page  # the box as typed comes back to be corrected
    status, page, _ = await _post(api, f"{path}/photo/crop?lang=en",
                                  {**crop, "crop_width": "450"})
    # the box is too small, not the photo (a tryout: « La photo doit mesurer au moins
    # 600 × 800 pixels » of a photo of 900 × 1200)
    assert status == 422 and element(page, "crop-error").endswith(
        "The box must be at least 600 pixels wide (and so 800 high): a badge photo is no "
        "smaller.")
    status, _, resp = await _post(api, f"{path}/photo/crop?lang=en", crop)
    assert status == 303 and resp.headers["Location"].endswith("done=cropped")
    assert (await _stored(api, path)).size == (700, 933)

    # a preset: the largest 3:4 box, centred, in the photo as sent: the crop before lost
    # nothing (it gave 699 × 932, cut from the 700 × 933 crop)
    page = await _page(api, f"{path}/credentials?lang=en")
    assert "(900 × 1200 pixels)" in element(page, "crop-text")
    assert "(700 × 933 pixels)" in element(page, "photo-current")
    status, _, _ = await _post(api, f"{path}/photo/crop?lang=en",
                               {"csrf": _token(page, "crop-form"), "preset": "centre"})
    assert status == 303
    assert (await _stored(api, path)).size == (900, 1200)
    status, page, _ = await _post(api, f"{path}/photo/crop?lang=en",
                                  {"csrf": "forged", "preset": "centre"})
    assert status == 403

    # another person's link shows another person's photo, or none
    other = await press(api, 1, language="en")
    assert (await api.client.get(f"/a/{other['access_token']}/photo")).status == 404


async def test_a_visa_letter_is_requested_from_the_page(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, language="fr")
    path = f"/a/{created['access_token']}"
    page = await _page(api, f"{path}/credentials")
    assert '<html lang="fr">' in page
    form = {"csrf": _token(page, "visa-form"), "passport_name": "Marie DUPONT",
            "passport_number": "", "nationality": "XX", "date_of_birth": "1980-02-31",
            "consulate": "Consulat général de Belgique à Lima"}
    status, page, _ = await _post(api, f"{path}/visa-letter?lang=fr", form)
    assert status == 422
    assert element(page, "passport_number-error").endswith("Ce champ est obligatoire.")
    assert "date valide" in element(page, "date_of_birth-error")
    assert element(page, "nationality-error")
    assert 'value="Marie DUPONT"' in page  # what was typed stays
    status, _, _ = await _post(api, f"{path}/visa-letter?lang=fr", {**form, "csrf": "x"})
    assert status == 403

    good = {**form, "passport_number": "PA1234567", "nationality": "PE",
            "date_of_birth": "1980-04-02"}
    status, _, resp = await _post(api, f"{path}/visa-letter?lang=fr", good)
    assert status == 303 and resp.headers["Location"].endswith("done=visa")
    page = await _page(api, resp.headers["Location"])
    # it said « est envoyée », as if the letter had gone to the embassy (tryout, 4 December 2026)
    assert element(page, "status-message") == (
        "Votre demande de lettre d'invitation est transmise au service du protocole, qui "
        "l'examine.")
    assert "en cours d'examen" in element(page, "visa-state")
    assert "visa-form" not in page
    conn = await connect(api.db_url)
    try:
        letter = await conn.fetchrow("SELECT status, passport_name, nationality "
                                     "FROM visa_letter WHERE accreditation_id = $1",
                                     UUID(created["id"]))
    finally:
        await conn.close()
    assert dict(letter) == {"status": "requested", "passport_name": "Marie DUPONT",
                            "nationality": "PE"}
    # a second request (a stale form) is refused: one open letter per person
    status, page, _ = await _post(api, f"{path}/visa-letter?lang=fr", good)
    assert status == 409 and "already" in text(page)


async def test_a_broken_upload_is_answered_never_a_500(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, language="en")
    path = f"/a/{created['access_token']}/photo?lang=en"
    bodies = [
        ("text/plain", b"hello"),
        ("multipart/form-data", b"--x\r\n"),
        ("multipart/form-data; boundary=x", b"garbage without parts"),
        ("multipart/form-data; boundary=x",
         b"--x\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n"
         b"Content-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!\r\n--x--\r\n"),
        ("application/x-www-form-urlencoded", b"csrf=x&photo=y"),
    ]
    for media, body in bodies:
        resp = await api.client.post(path, data=body, headers={"Content-Type": media},
                                     allow_redirects=False)
        assert resp.status in (400, 403, 422), (media, body, resp.status, await resp.text())
        assert resp.content_type == "text/html"


async def test_a_date_of_birth_in_the_future_or_before_1900_is_refused(
    api: Api, conference: dict[str, Any]
) -> None:
    """No visa letter says « né le 1er janvier 2030 »: the date of birth is in the past, and
    after 1900 (a year typed wrong), on the page and in the API."""
    created = await press(api, language="fr")
    path = f"/a/{created['access_token']}"
    page = await _page(api, f"{path}/credentials")
    form = {"csrf": _token(page, "visa-form"), "passport_name": "Marie DUPONT",
            "passport_number": "PA1234567", "nationality": "PE",
            "consulate": "Consulat général de Belgique à Lima"}
    for when in ("2030-01-01", "1890-05-17"):
        status, page, _ = await _post(api, f"{path}/visa-letter?lang=fr",
                                      {**form, "date_of_birth": when})
        assert status == 422, when
        assert element(page, "date_of_birth-error") == (
            "Erreur : La date de naissance doit être passée et postérieure à 1900.")
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/visa-letter",
        role=created["access_token"],
        json={k: v for k, v in form.items() if k != "csrf"} | {"date_of_birth": "2030-01-01"})
    assert status == 422, body
    assert [e["field"] for e in body["errors"]] == ["date_of_birth"]


async def test_a_photo_fitted_to_the_minimum_size_offers_the_journalist_no_crop(
    api: Api, conference: dict[str, Any]
) -> None:
    """As on the focal point's page (tried as a focal point, 2 December 2026): "crop it again"
    over a crop step whose every box is the whole photo was a dead end. A photo whose upload
    holds no other box (a strip fitted to 600 × 800, kept without its upload) has no crop
    step, and the page says to send another photo; a 1200 × 800 landscape, fitted to
    600 × 800 too, keeps the crop step over its whole width (docs/credentials.md, "Photo")."""
    created = await press(api, language="en")
    path = f"/a/{created['access_token']}"
    page = await _page(api, f"{path}/credentials?lang=en")
    status, _, resp = await _upload(api, path, _token(page, "photo-form"), image(600, 2600),
                                    "me.jpg", "image/jpeg")
    assert status == 303 and "done=fitted" in resp.headers["Location"]
    page = await _page(api, resp.headers["Location"])
    assert 'id="crop-form"' not in page and "crop it again" not in page
    assert "at the minimum size (600 × 800 pixels), which cannot be cropped again" in page
    assert element(page, "photo-min") == (
        "This photo is at the minimum size (600 × 800 pixels): it cannot be cropped. For "
        "another framing, send another photo, larger or already in portrait shape.")
    page = await _page(api, f"{path}/credentials?lang=fr")
    assert element(page, "photo-min").startswith("Cette photo a la taille minimale")
    status, _, resp = await _upload(api, path, _token(page, "photo-form"), image(1200, 800),
                                    "me.jpg", "image/jpeg")
    assert status == 303
    page = await _page(api, resp.headers["Location"].replace("lang=fr", "lang=en"))
    assert "(600 × 800 pixels)" in element(page, "photo-current")
    assert 'id="crop-form"' in page and 'id="photo-min"' not in page
    assert "cannot be cropped" not in page and "crop it again" in element(page, "status-message")
    assert "(1200 × 800 pixels)" in element(page, "crop-text")
