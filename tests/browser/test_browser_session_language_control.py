"""The language control on the programme's session forms, in headless Chromium
(docs/workspaces.md, "The language control"): an officer types a new session's titles, kind,
room and times, presses the header's « English version » and finds the form in English,
filled, nothing scheduled; sent with the end before the start, the form's errors are said
again in French after the switch back; on a session's page, the titles being changed are
kept across the switch, en → fr, nothing changed. At 390 and 1280 px, axe-clean in both
languages. The header's link emptied the form."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.conftest import conference_body
from tests.http.conftest_programme import at, make_room, make_session
from tests.support import RecordingSMTP

TITLES = {"#title_fr": "Séance d'ouverture des ministres",
          "#title_en": "Ministers' opening session"}


async def _sessions(site: Site) -> list[tuple[str, str, str]]:
    """Each session's titles, times and last change, as the database holds them."""
    conn = await asyncpg.connect(site.db_url)
    try:
        rows = await conn.fetch("SELECT title::text AS t, during::text AS s, "
                                "updated_at::text AS e FROM session ORDER BY seq")
    finally:
        await conn.close()
    return [(r["t"], r["s"], r["e"]) for r in rows]


async def _axe_clean(tab: Any, where: str) -> None:
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(tab)
    assert results.violations_count == 0, (where, results.generate_report())


async def test_the_language_control_keeps_a_session_s_form(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, conference, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                            json=conference_body())
    assert status == 201, conference
    room = await make_room(site, "Plenary hall")
    existing = await make_session(site, room, at(conference, 14), at(conference, 15))
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    before = await _sessions(site)

    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{site.url}/manage/alliance/sessions/new?lang=fr")
        await _axe_clean(page, f"new fr {width}")
        for selector, value in TITLES.items():
            await page.fill(selector, value)
        await page.select_option("#kind", "plenary")
        await page.select_option("#room_id", index=1)
        await page.fill("#starts", "09:00")
        await page.fill("#ends", "10:30")
        control = page.get_by_role("navigation", name="Langue").get_by_text("English version")
        assert await control.get_attribute("lang") == "en"
        await control.click()
        await page.wait_for_selector("html[lang=en]")
        for selector, value in TITLES.items():
            assert await page.input_value(selector) == value, selector
        assert await page.input_value("#kind") == "plenary"
        assert await page.input_value("#room_id") == room["id"]
        assert await page.input_value("#starts") == "09:00"
        assert await page.input_value("#ends") == "10:30"
        assert await page.locator("#error-summary, .error").count() == 0  # never sent
        await _axe_clean(page, f"new en {width}")

        # sent with the end before the start: the error, said again in French
        await page.fill("#ends", "08:00")
        await page.locator("#session-form button[type=submit]").click()
        await page.locator("#error-summary").wait_for()
        await page.locator("#switch-language").click()
        await page.wait_for_selector("html[lang=fr]")
        assert await page.locator("#ends-error").count() == 1
        assert await page.input_value("#title_en") == TITLES["#title_en"]
        await _axe_clean(page, f"new error fr {width}")

        # a session's page, en → fr: the titles being changed kept, nothing changed
        await page.goto(f"{site.url}/manage/alliance/sessions/{existing['id']}?lang=en")
        await page.fill("#title_en", "Closing of the ministers' segment")
        await page.fill("#starts", "14:15")
        control = page.get_by_role("navigation", name="Language").get_by_text(
            "Version française")
        assert await control.get_attribute("lang") == "fr"
        await control.click()
        await page.wait_for_selector("html[lang=fr]")
        assert await page.input_value("#title_en") == "Closing of the ministers' segment"
        assert await page.input_value("#starts") == "14:15"
        assert await page.locator("#error-summary, .error").count() == 0
        await _axe_clean(page, f"session fr {width}")

    assert await _sessions(site) == before  # nothing scheduled, nothing changed
