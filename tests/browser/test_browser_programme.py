"""The public programme in Chromium, on a phone (390 px) and a desktop (1280 px), in French and
English: the demo conference's day in time order with the room as a column (a table on the
desktop, a compact stack on the phone, never wider than the screen, under 1,400 px tall), what
changed since the version before marked, and axe-core (the copy shipped with
axe-playwright-python) finds no violation."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from conference.db.pool import connect
from conference.demo import SLUG, load_demo
from conference.settings import Settings
from tests.browser.conftest import Site, _free_port, shot
from tests.browser.helpers import at, publish, room, session
from tests.conftest import conference_body, direct_url, start_api

PHONE_HEIGHT_LIMIT = 1400


def _axe_source() -> str:
    try:
        import axe_playwright_python
    except ImportError:
        pytest.skip("axe-playwright-python is not installed")
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


async def _violations(tab: Any) -> list[Any]:
    await tab.add_script_tag(content=_axe_source())
    result = await tab.evaluate("async () => (await axe.run(document)).violations")
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result]


@pytest.fixture
async def demo(db_url: str, settings: Settings) -> AsyncIterator[Site]:
    """The demo conference of 5 December 2012, served without the worker (its retention purge
    would erase a conference so long past)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    settings = settings.model_copy(
        update={"http": settings.http.model_copy(update={"public_url": url})})
    service = await start_api(db_url, settings, port=port, cls=Site, run_worker=False)
    service.url = url
    try:
        conn = await connect(direct_url(db_url))
        try:
            await load_demo(conn)
        finally:
            await conn.close()
        yield service
    finally:
        await service.client.close()


async def _tab(browser: Any, width: int) -> Any:
    context = await browser.new_context(viewport={"width": width, "height": 900},
                                        bypass_csp=True)
    return await context.new_page()


async def _box(tab: Any, selector: str) -> dict[str, float]:
    box = await tab.locator(selector).first.bounding_box()
    assert box is not None, selector
    return dict(box)


ROOMS = {"fr": ["Salle plénière", "Salle 1", "Salle 2", "Salle plénière", "Salle 1",
                "Salle plénière", "Salle de presse"],
         "en": ["Plenary hall", "Room 1", "Room 2", "Plenary hall", "Room 1", "Plenary hall",
                "Press room"]}


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_the_demo_programme_reads_in_time_order_on_a_phone_and_a_desktop(
    demo: Site, browser: Any, width: int, lang: str
) -> None:
    tab = await _tab(browser, width)
    try:
        await tab.goto(f"{demo.url}/{SLUG}/programme?lang={lang}")
        assert await tab.get_attribute("html", "lang") == lang
        await shot(tab, f"programme-demo-{lang}-{width}")
        day = await tab.inner_text("#day-1")
        assert day == ("mercredi 5 décembre 2012" if lang == "fr" else
                       "Wednesday 5 December 2012")
        times = await tab.locator("tr.session td.time time:first-child").all_inner_texts()
        assert times == ["09:00", "10:00", "10:00", "12:00", "14:00", "16:00", "17:15"]
        assert await tab.locator("tr.session td.room").all_inner_texts() == ROOMS[lang]
        titles = await tab.locator("tr.session .title").all_inner_texts()
        assert "victimes" in titles[1] if lang == "fr" else "victims" in titles[1]

        first_time, first_what = await _box(tab, "tr.session td.time"), await _box(
            tab, "tr.session td.what")
        first_room = await _box(tab, "tr.session td.room")
        header = tab.locator("table.programme thead th").first
        head_row = await _box(tab, "table.programme thead")
        if width < 600:
            # the stack: time on the left, the room under the session, no visible header row
            title = await _box(tab, "tr.session .title")
            assert first_room["y"] >= title["y"] + title["height"] - 1
            assert first_room["x"] >= title["x"] - 1
            assert head_row["width"] <= 1 and head_row["height"] <= 1
            height = await tab.evaluate("document.body.scrollHeight")
            print(f"programme-demo-{lang}-{width}: document.body.scrollHeight = {height} px")
            assert height < PHONE_HEIGHT_LIMIT, height
        else:
            # the table: one line per session, time | session | room | press
            assert abs(first_room["y"] - first_what["y"]) < 2
            assert first_time["x"] < first_what["x"] < first_room["x"]
            assert await header.is_visible()
        assert first_time["x"] < first_what["x"]
        assert await tab.evaluate("document.documentElement.scrollWidth") <= width
        assert await _violations(tab) == []
    finally:
        await tab.context.close()


@pytest.mark.parametrize("width", [390, 1280])
async def test_what_changed_is_marked_and_readable(site: Site, browser: Any, width: int) -> None:
    status, conference, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                            json=conference_body())
    assert status == 201
    a = await room(site, {"fr": "Salle A", "en": "Room A"}, 50)
    b = await room(site, {"fr": "Salle B", "en": "Room B"}, 50)
    moved = await session(site, a, at(conference, 9), at(conference, 10))
    rooms = await session(site, a, at(conference, 11), at(conference, 12),
                          title={"fr": "Atelier", "en": "Workshop"}, kind="expert_panel",
                          press_access="closed")
    called_off = await session(site, b, at(conference, 14), at(conference, 15),
                               title={"fr": "Réception", "en": "Reception"}, kind="reception")
    await publish(site)
    for s, body in ((moved, {"starts_at": at(conference, 9, 30),
                             "ends_at": at(conference, 10, 30)}),
                    (rooms, {"room_id": b["id"]})):
        status, answer, _ = await site.call("PATCH", f"/api/v1/sessions/{s['id']}",
                                            role="protocol", json=body)
        assert status == 200, answer
    assert (await site.call("POST", f"/api/v1/sessions/{called_off['id']}/cancel",
                            role="protocol"))[0] == 200
    added = await session(site, b, at(conference, 16), at(conference, 17),
                          title={"fr": "Point presse", "en": "Press briefing"},
                          kind="press_conference", royal_presence=True, press_access="pool")
    await publish(site)

    tab = await _tab(browser, width)
    try:
        for lang, words in (("fr", ("Déplacée (auparavant 09:00 – 10:00)",
                                    "Nouvelle salle (auparavant Salle A)", "Annulée",
                                    "Nouvelle séance")),
                            ("en", ("Moved (was 09:00 – 10:00)", "New room (was Room A)",
                                    "Cancelled", "New session"))):
            await tab.goto(f"{site.url}/alliance/programme?lang={lang}")
            assert words[0] in await tab.inner_text(f"#session-{moved['id']}")
            assert words[1] in await tab.inner_text(f"#session-{rooms['id']} td.room")
            assert words[2] in await tab.inner_text(f"#session-{called_off['id']}")
            assert words[3] in await tab.inner_text(f"#session-{added['id']}")
            assert await tab.evaluate("document.documentElement.scrollWidth") <= width
            await shot(tab, f"programme-changes-{lang}-{width}")
            assert await _violations(tab) == []
    finally:
        await tab.context.close()


@pytest.mark.parametrize("width", [390, 1280])
async def test_a_long_unbroken_title_wraps_inside_the_page(site: Site, browser: Any,
                                                          width: int) -> None:
    """Found in a user test: a title of 200 characters without a space (the longest allowed)
    made the desktop programme 3,010 px wide, its room and press columns off the screen."""
    status, conference, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                            json=conference_body())
    assert status == 201
    a = await room(site, {"fr": "Salle A", "en": "Room A"}, 50)
    long = await session(site, a, at(conference, 9), at(conference, 10),
                         title={"fr": "É" * 200, "en": "W" * 200})
    await publish(site)
    tab = await _tab(browser, width)
    try:
        for lang in ("fr", "en"):
            await tab.goto(f"{site.url}/alliance/programme?lang={lang}")
            assert await tab.evaluate("document.documentElement.scrollWidth") <= width
            assert await tab.locator(f"#session-{long['id']} td.room").is_visible()
            assert await _violations(tab) == []
    finally:
        await tab.context.close()
