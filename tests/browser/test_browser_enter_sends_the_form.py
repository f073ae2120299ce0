"""Enter in a field sends the form it is in, as the form's own button does, in headless
Chromium (docs/workspaces.md, "The language control"). Found in a user test: the header's
language control, a button of the page's form placed before it, was the form's default button;
an officer who typed a session's new English title and pressed Enter found the page in French
with nothing saved, and a journalist pressing Enter in the press form got the form in the other
language instead of its errors. axe-clean, 390 and 1280 px."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.conftest import conference_body
from tests.http.conftest_programme import at, make_room, make_session
from tests.support import RecordingSMTP


async def _axe_clean(tab: Any, where: str) -> None:
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(tab)
    assert results.violations_count == 0, (where, results.generate_report())


async def _title_en(site: Site, session_id: str) -> str:
    conn = await asyncpg.connect(site.db_url)
    try:
        return str(await conn.fetchval("SELECT title ->> 'en' FROM session WHERE id = $1",
                                       session_id))
    finally:
        await conn.close()


async def test_enter_saves_a_session_in_the_page_s_language(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, conference, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                            json=conference_body())
    assert status == 201, conference
    room = await make_room(site, "Plenary hall")
    existing = await make_session(site, room, at(conference, 14), at(conference, 15))
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    for width, title in ((390, "Closing of the ministers' segment"),
                         (1280, "Closing session of the ministers")):
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{site.url}/manage/alliance/sessions/{existing['id']}?lang=en")
        await page.fill("#title_en", title)
        await page.press("#title_en", "Enter")
        await page.wait_for_load_state()
        assert await page.get_attribute("html", "lang") == "en"
        assert await _title_en(site, existing["id"]) == title
        assert await page.input_value("#title_en") == title
        await _axe_clean(page, f"session saved {width}")


async def test_enter_in_the_press_form_sends_it_and_keeps_its_language(
    site: Site, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    for width in (390, 1280):
        context = await browser.new_context(locale="fr-FR",
                                            viewport={"width": width, "height": 900})
        tab = await context.new_page()
        tab.set_default_timeout(10_000)
        await tab.goto(f"{site.url}/alliance/press?lang=fr")
        await tab.fill("#given_name", "Jeanne")
        await tab.fill("#family_name", "Lefèvre")
        await tab.fill("#email", "jeanne.lefevre@example.org")
        await tab.fill("#outlet", "La Libre Belgique")
        await tab.select_option("#role", "photographer")
        await tab.select_option("#country", "BE")
        # the press card number left empty; the browser's own check is what Enter meets first
        await tab.evaluate("document.querySelectorAll('[required]').forEach("
                           "e => e.removeAttribute('required'))")
        await tab.press("#outlet", "Enter")
        await tab.locator("#error-summary").wait_for()
        assert await tab.get_attribute("html", "lang") == "fr"
        assert await tab.input_value("#outlet") == "La Libre Belgique"
        await _axe_clean(tab, f"press form sent {width}")
        await context.close()
