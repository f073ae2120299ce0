"""Long names on the badge (docs/credentials.md, "Names on the badge"): a family name too long
for one line breaks at its spaces and hyphens onto two or three, in type the door staff read beside
the passport, and no text crosses the badge's edge, on A6, four to an A4 sheet, and the PNG.
Found in a tryout: « Konstantinopoulou-Papadimitriou-Vasilakopoulou » printed at 5.1 pt, and
« de Borbón-Dos Sicilias y Orleáns-Braganza de Sajonia-Coburgo-Gotha » ran over the crop mark.

The PDF is read back by PDFium (the characters' boxes and sizes as drawn), the PNG by its
pixels: neither through the code that set the text."""

from __future__ import annotations

import io
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium_c
from PIL import Image

from tests.browser.helpers import BASE, delegation
from tests.conftest import Api
from tests.http.test_badge_production import _pdf

MM = 72 / 25.4
"""Points in a millimetre."""

PEOPLE = (
    ("Maria-Alexandrina Świętosława", "Konstantinopoulou-Papadimitriou-Vasilakopoulou"),
    ("María de las Mercedes Inmaculada",
     "de Borbón-Dos Sicilias y Orleáns-Braganza de Sajonia-Coburgo-Gotha"),
    ("Marie-Hélène", "de Saint-Exupéry d'Oultremont"),
    ("Jan", "Peeters"),
)


async def _filed(api: Api, d: dict[str, Any], given: str, family: str) -> dict[str, Any]:
    status, created, _ = await api.call(
        "POST", f"{BASE}/accreditations", role="protocol",
        json={"category": "expert", "given_name": given, "family_name": family,
              "email": f"{family.split()[-1].lower()}@example.org", "language": "fr",
              "delegation_id": d["id"], "rank": "expert", "function": "Conseil"})
    assert status == 201, created
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="protocol",
        json={"decision": "approve"})
    assert status == 200, decided
    return dict(created)


def _chars(pdf: bytes) -> list[list[tuple[str, float, float, float, float, float]]]:
    """Each page's characters as PDFium reads them: the character, its font size (pt) and
    its box (left, right, bottom, top, in pt from the page's bottom left corner)."""
    document = pypdfium2.PdfDocument(pdf)
    pages = []
    try:
        for page in document:
            text = page.get_textpage()
            chars = []
            for i in range(text.count_chars()):
                # a hyphen that ends a line reads as PDFium's soft hyphen
                c = text.get_text_range(i, 1).replace("\ufffe", "-")
                if not c.strip():
                    continue
                left, bottom, right, top = text.get_charbox(i)
                size = pdfium_c.FPDFText_GetFontSize(text, i)
                chars.append((c, size, left, right, bottom, top))
            pages.append(chars)
    finally:
        document.close()
    return pages


def _family_sizes(chars: list[tuple[str, float, float, float, float, float]], family: str
                  ) -> list[float]:
    """The font sizes of the characters that spell ``family`` on a page (in reading order,
    line breaks aside)."""
    wanted = family.replace(" ", "")
    text = "".join(c[0] for c in chars)
    start = text.find(wanted)
    assert start >= 0, (family, text)
    return [c[1] for c in chars[start:start + len(wanted)]]


async def test_a_long_family_name_breaks_onto_two_readable_lines_within_the_badge(
    api: Api, conference: dict[str, Any]
) -> None:
    d = await delegation(api, "FR")
    people = [await _filed(api, d, given, family) for given, family in PEOPLE]

    # A6, one badge a page
    status, pdf = await _pdf(api, layout="a6")
    assert status == 200, pdf
    pages = _chars(pdf)
    assert len(pages) == len(PEOPLE)
    for chars in pages:
        for c, _, _left, right, _, _ in chars:  # nothing crosses the badge's right margin
            assert right <= 101 * MM, (c, right / MM)
    found = {}
    for given, family in PEOPLE:
        [chars] = [p for p in pages if family.replace(" ", "") in "".join(c[0] for c in p)]
        sizes = _family_sizes(chars, family)
        found[family] = min(sizes)
        # the given name is there whole too, in type that reads
        assert min(_family_sizes(chars, given)) >= 8, given
    assert found["Peeters"] == 19  # a short name prints as before, on one line
    for family, size in found.items():
        assert size >= 11, (family, size)  # was 5.1 pt
    # the long ones break into lines: their characters sit on more than one baseline
    for family in (PEOPLE[0][1], PEOPLE[1][1]):
        [chars] = [p for p in pages if family.replace(" ", "") in "".join(c[0] for c in p)]
        text = "".join(c[0] for c in chars)
        start = text.find(family.replace(" ", ""))
        lines = {round(c[4]) for c in chars[start:start + len(family.replace(" ", ""))]}
        assert len(lines) >= 2, (family, lines)

    # four to an A4 sheet: each character stays inside its badge (cut on the crop marks)
    status, pdf = await _pdf(api, layout="a4x4")
    assert status == 200, pdf
    [sheet] = _chars(pdf)
    width, gutter = 105 * 0.9, 6.0
    left_badge = (210 - 2 * width - gutter) / 2
    edges = [(left_badge, left_badge + width),
             (left_badge + width + gutter, left_badge + 2 * width + gutter)]
    for c, _, left, right, _, _ in sheet:
        [(start, end)] = [e for e in edges if e[0] * MM <= left < e[1] * MM]
        assert right <= (end - 2) * MM, (c, right / MM, end)
    for _, family in PEOPLE:
        assert min(_family_sizes(sheet, family)) >= 11 * 0.9, family

    # the PNG of the same badge: no ink in the right margin beside the photo
    for person in people[:2]:
        resp = await api.client.get(f"/api/v1/accreditations/{person['id']}/badge",
                                    headers=api.auth("protocol"))
        assert resp.status == 200
        image = Image.open(io.BytesIO(await resp.read())).convert("L")
        margin = image.crop((1240 - 60, 320, 1240, 910))
        assert margin.getextrema()[0] > 200, person["family_name"]  # white: nothing ran over
