"""A delegation member's function printed under the name on the badge, in the badge's language
(docs/credentials.md, "Names on the badge"): the batch's PDF read back by PDFium (the
characters as drawn, their sizes and boxes), the PNG by its pixels, a long function (120
characters) broken onto lines inside the column, never over the badge's edge."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from tests.browser.helpers import BASE, delegation, press
from tests.conftest import Api
from tests.http.test_badge_long_names import MM, _chars
from tests.http.test_badge_production import _pdf

LONG = ("Deputy Minister attached to the Minister for Europe and Foreign Affairs, in charge of "
        "Foreign Trade and Export Promotion")
assert len(LONG) == 120

Chars = list[tuple[str, float, float, float, float, float]]


async def _approved(api: Api, d: dict[str, Any], family: str, language: str,
                    **functions: str) -> dict[str, Any]:
    status, created, _ = await api.call(
        "POST", f"{BASE}/accreditations", role="protocol",
        json={"category": "minister", "given_name": "Anna", "family_name": family,
              "email": f"{family.lower()}@example.org", "language": language,
              "delegation_id": d["id"], "rank": "minister", **functions})
    assert status == 201, created
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="protocol",
        json={"decision": "approve"})
    assert status == 200, decided
    return dict(created)


def _page_of(pages: list[Chars], family: str) -> Chars:
    [chars] = [p for p in pages if family in "".join(c[0] for c in p)]
    return chars


def _spelt(chars: Chars, text: str) -> Chars:
    """The characters that spell ``text`` (spaces and line breaks aside), in reading order."""
    wanted = text.replace(" ", "")
    joined = "".join(c[0] for c in chars)
    start = joined.find(wanted)
    assert start >= 0, (text, joined)
    return chars[start:start + len(wanted)]


async def test_a_member_s_badge_prints_the_function_in_its_language_under_the_name(
    api: Api, conference: dict[str, Any]
) -> None:
    d = await delegation(api, "FR")
    await _approved(api, d, "Lefebvre", "fr", function="Minister",
                    function_fr="Ministre des Affaires étrangères",
                    function_en="Minister for Foreign Affairs")
    await _approved(api, d, "Martin", "en", function="Ministre", function_en=LONG)
    await _approved(api, d, "Bernard", "en", function="Ministre d'État")
    journalist = await press(api, 1, decision="approve")

    status, pdf = await _pdf(api, layout="a6")
    assert status == 200, pdf
    pages = _chars(pdf)

    # in the badge's language: the French one, not the English nor the one typed
    lefebvre = _page_of(pages, "Lefebvre")
    text = "".join(c[0] for c in lefebvre)
    assert "MinistredesAffairesétrangères" in text, text
    assert "MinisterforForeignAffairs" not in text
    # under the family name, smaller, and above the zones and the QR code (71 mm down)
    family, function = _spelt(lefebvre, "Lefebvre"), _spelt(lefebvre, "Ministre des Affaires")
    assert max(c[5] for c in function) < min(c[4] for c in family)  # below it
    assert min(c[4] for c in function) > (148 - 71) * MM
    assert 6 <= min(c[1] for c in function) < min(c[1] for c in family)

    # no translation in the language: the function as typed
    assert "Ministred'État" in "".join(c[0] for c in _page_of(pages, "Bernard"))

    # 120 characters: whole, on lines inside the column, readable, nothing over the edge
    martin = _page_of(pages, "Martin")
    long = _spelt(martin, LONG)
    assert len({round(c[4]) for c in long}) >= 2  # broken onto lines
    assert min(c[1] for c in long) >= 6
    for c in martin:
        assert c[3] <= 101 * MM, (c[0], c[3] / MM)
    assert min(c[4] for c in long) > (148 - 71) * MM  # above the zones and the QR code
    # the delegation still printed under it
    assert "France" in "".join(c[0] for c in martin)

    # a journalist's badge: no function
    press_page = _page_of(pages, journalist["family_name"])
    assert "Minist" not in "".join(c[0] for c in press_page)

    # four to an A4 sheet: the function too
    status, pdf = await _pdf(api, layout="a4x4")
    assert status == 200
    assert "MinistredesAffairesétrangères" in "".join(c[0] for c in _chars(pdf)[0])


async def test_the_png_badge_prints_a_long_function_inside_the_badge(
    api: Api, conference: dict[str, Any]
) -> None:
    d = await delegation(api, "FR")
    short = await _approved(api, d, "Peeters", "en", function="Adviser")
    long = await _approved(api, d, "Martin", "en", function="Ministre", function_en=LONG)
    ink = {}
    for person in (short, long):
        resp = await api.client.get(f"/api/v1/accreditations/{person['id']}/badge",
                                    headers=api.auth("protocol"))
        assert resp.status == 200
        image = Image.open(io.BytesIO(await resp.read())).convert("L")
        margin = image.crop((1240 - 60, 320, 1240, 910))
        assert margin.getextrema()[0] > 200  # white: nothing ran over the edge
        column = image.crop((70 + 354 + 40, 320, 1240 - 70, 910))
        ink[person["family_name"]] = sum(column.histogram()[:128])
    assert ink["Martin"] > ink["Peeters"] * 1.2  # the long function printed, not dropped
