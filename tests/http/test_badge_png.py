"""The badge downloaded as a PNG, read back with Pillow: the photo the person gave prints in its
frame (an empty labelled frame when there is none) and the QR code still decodes; a badge that
opens no zone says so under its heading, in the badge's language, on the PNG and in the batch
PDF."""

from __future__ import annotations

import io
from typing import Any

import zxingcpp
from PIL import Image, ImageStat
from pypdf import PdfReader

from conference.badges.render import PHOTO_BOX
from tests.browser.helpers import BASE, press, zone
from tests.conftest import Api
from tests.http.test_credentials import put

BLUE = (20, 90, 200)


def _photo(width: int = 600, height: int = 800) -> bytes:
    img = Image.new("RGB", (width, height), BLUE)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=95)
    return out.getvalue()


async def _png(api: Api, accreditation_id: str) -> Image.Image:
    resp = await api.client.get(f"/api/v1/accreditations/{accreditation_id}/badge",
                                headers=api.auth("press_office"))
    assert resp.status == 200, await resp.text()
    return Image.open(io.BytesIO(await resp.read())).convert("RGB")


def _qr(img: Image.Image) -> str:
    [code] = zxingcpp.read_barcodes(img)
    assert code.format == zxingcpp.BarcodeFormat.QRCode
    return str(code.text)


def _inside(box: tuple[int, int, int, int], margin: int = 20) -> tuple[int, int, int, int]:
    left, top, right, bottom = box
    return left + margin, top + margin, right - margin, bottom - margin


async def test_the_png_badge_prints_the_photo_and_the_qr_code_still_decodes(
    api: Api, conference: dict[str, Any]
) -> None:
    await zone(api, "press-centre", categories=["press"])
    with_photo = await press(api, 1, decision="approve")
    without = await press(api, 2, decision="approve")
    status, _ = await put(api, f"/api/v1/accreditations/{with_photo['id']}/photo", _photo(),
                          "image/jpeg", with_photo["access_token"])
    assert status == 204

    img = await _png(api, with_photo["id"])
    region = ImageStat.Stat(img.crop(_inside(PHOTO_BOX)))
    assert all(abs(m - c) < 12 for m, c in zip(region.mean, BLUE, strict=True)), region.mean
    assert max(region.stddev) < 8  # the photo fills its frame
    assert _qr(img)

    empty = await _png(api, without["id"])
    frame = empty.crop(PHOTO_BOX).convert("L")
    assert frame.getpixel((1, frame.height // 2)) < 200  # the frame's edge is drawn
    inside = ImageStat.Stat(empty.crop(_inside(PHOTO_BOX)).convert("L"))
    assert inside.extrema[0][0] < 200 < inside.mean[0]  # white, with its label
    assert _qr(empty)


async def test_a_badge_without_zones_says_so_in_its_language(
    api: Api, conference: dict[str, Any]
) -> None:
    french = await press(api, 1, decision="approve")  # press_body is in French
    english = await press(api, 2, decision="approve", language="en")
    img = await _png(api, english["id"])
    # under the heading (at 930 + 20), where the zones would be listed, and left of the QR code
    below_heading = ImageStat.Stat(img.crop((70, 1010, 560, 1060)).convert("L"))
    assert below_heading.extrema[0][0] < 100, "nothing under the Access heading"

    resp = await api.client.get(f"{BASE}/badges.pdf", headers=api.auth("protocol"))
    assert resp.status == 200, await resp.text()
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(await resp.read())).pages]
    by_name = {("Dupont1" in t and "fr") or ("Dupont2" in t and "en"): t for t in texts}
    assert "Aucune zone accordée" in by_name["fr"] and "Accès" in by_name["fr"]
    assert "No zone granted" in by_name["en"] and "Access" in by_name["en"]
    assert french["id"] != english["id"]
