"""The language control on the console's deadlines and default quotas (the conference's
settings the protocol office types), in headless Chromium (docs/workspaces.md, "The language
control"): an officer types two deadlines and the quotas, presses the header's « English
version » and finds the form in English, filled, nothing set; a time the clocks skip (the
spring change) sent comes back with its error, said again in French after the switch. At
390 and 1280 px, axe-clean in both languages. The header's link emptied the form."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.conftest import conference_body
from tests.support import RecordingSMTP

TYPED = {"#nominations_close_at": "2027-01-10T18:00", "#changes_close_at": "2027-01-12T12:00",
         "#minister": "2", "#official": "5"}


async def _recorded(site: Site) -> tuple[str, int]:
    """The conference's row as stored, and the domain events."""
    conn = await asyncpg.connect(site.db_url)
    try:
        return (str(await conn.fetchrow("SELECT * FROM conference")),
                int(await conn.fetchval("SELECT count(*) FROM domain_event")))
    finally:
        await conn.close()


async def _axe_clean(tab: Any, where: str) -> None:
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(tab)
    assert results.violations_count == 0, (where, results.generate_report())


async def test_the_language_control_keeps_the_deadlines_typed(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    here = f"{site.url}/manage/alliance/deadlines"
    before = await _recorded(site)

    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{here}?lang=fr")
        await _axe_clean(page, f"fr {width}")
        for selector, value in TYPED.items():
            await page.fill(selector, value)
        control = page.get_by_role("navigation", name="Langue").get_by_text("English version")
        assert await control.get_attribute("lang") == "en"
        await control.click()
        await page.wait_for_selector("html[lang=en]")
        for selector, value in TYPED.items():
            assert await page.input_value(selector) == value, selector
        assert await page.locator("#error-summary, .error").count() == 0  # never sent
        await _axe_clean(page, f"en {width}")

        # a time the spring change skips, sent: its error, said again in French
        await page.fill("#changes_close_at", "2027-03-28T02:30")
        await page.locator("#save-deadlines").click()
        await page.locator("#error-summary").wait_for()
        await page.locator("#switch-language").click()
        await page.wait_for_selector("html[lang=fr]")
        assert await page.locator("#changes_close_at-error").count() == 1
        assert await page.input_value("#nominations_close_at") == "2027-01-10T18:00"
        assert await page.input_value("#official") == "5"
        await _axe_clean(page, f"fr error {width}")

    assert await _recorded(site) == before  # nothing set
