"""What a journalist's badge prints of a zone it holds only through its sessions
(docs/credentials.md, "What a badge prints"). Tried on the meeting's day (5 December 2026): a
journalist's badge printed "Plenary hall" among its zones, the hall being granted to the press by
its press-open sessions only and closed to the press for most of the day; read as a pass for the
day. It now prints "– sessions open to the press" after such a zone, in the badge's language; a
zone the press holds by its category, and every zone of a minister's badge, by its name alone."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from tests.browser.helpers import BASE, at, delegation, member, press, room, session, zone
from tests.conftest import Api


async def _pages(api: Api) -> list[str]:
    resp = await api.client.get(f"{BASE}/badges.pdf", headers=api.auth("protocol"))
    assert resp.status == 200, await resp.text()
    return [" ".join(p.extract_text().split())
            for p in PdfReader(io.BytesIO(await resp.read())).pages]


async def test_a_press_badge_prints_the_hall_it_holds_through_sessions_as_such(
    api: Api, conference: dict[str, Any]
) -> None:
    hall = await room(api)
    opening = await session(api, hall, at(conference, 9, 30), at(conference, 10, 15),
                            press_access="open", audience=["minister", "press"])
    await zone(api, "plenary-hall", categories=["minister"], sessions=[opening["id"]])
    await zone(api, "press-centre", categories=["press"])
    minister = await member(api, await delegation(api, "BE"), "Milquet")
    english = await press(api, 1, decision="approve", language="en")
    french = await press(api, 2, decision="approve", language="fr")
    pages = {next(who for who in (minister, english, french) if who["family_name"] in t)["id"]: t
             for t in await _pages(api)}
    assert len(pages) == 3
    assert "Zone plenary-hall – sessions open to the press" in pages[english["id"]]
    assert "Zone plenary-hall – séances ouvertes à la presse" in pages[french["id"]]
    for journalist in (english, french):
        assert "Zone press-centre" in pages[journalist["id"]]
        assert "Zone press-centre –" not in pages[journalist["id"]]
    assert "Zone plenary-hall" in pages[minister["id"]]
    assert "Zone plenary-hall –" not in pages[minister["id"]]
