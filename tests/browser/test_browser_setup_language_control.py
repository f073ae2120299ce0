"""The language control on the console's new conference form, a conference's details and its
staff form, in headless Chromium (docs/workspaces.md, "The language control"): an
administrator types in each, presses the header's « English version », finds the form in
English, filled, then « Version française » and finds it in French, filled; nothing created,
changed or added. At 390 and 1280 px, axe-clean in both languages. The header's link emptied
the forms."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _link
from tests.conftest import conference_body
from tests.support import RecordingSMTP

PAGES = {
    "/manage/conferences/new": {
        "#title_fr": "Réunion sur le plan d'action", "#title_en": "Action-plan meeting",
        "#slug": "alliance-avril", "#organiser_email": "protocole@example.org",
        "#starts_on": "2027-04-15", "#pool_capacity": "40"},
    "/manage/alliance/settings": {
        "#title_en": "Alliance summit, corrected", "#venue_fr": "Palais d'Egmont",
        "#organiser_email": "protocole.corrige@example.org"},
    "/manage/alliance/staff": {
        "#name": "Sophie Laurent", "#email": "sophie.laurent@example.org"},
}
CHOSEN = {"/manage/alliance/staff": {"#role": "security", "#language": "en"}}


async def _recorded(site: Site) -> tuple[str, str, int]:
    """The conferences and staff grants as stored, and the domain events."""
    conn = await asyncpg.connect(site.db_url)
    try:
        return (str(await conn.fetch("SELECT * FROM conference ORDER BY id")),
                str(await conn.fetch("SELECT * FROM person_grant ORDER BY 1")),
                int(await conn.fetchval("SELECT count(*) FROM domain_event")))
    finally:
        await conn.close()


async def _axe_clean(tab: Any, where: str) -> None:
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(tab)
    assert results.violations_count == 0, (where, results.generate_report())


async def _kept(tab: Any, path: str) -> None:
    for selector, value in PAGES[path].items():
        assert await tab.input_value(selector) == value, (path, selector)
    for selector, value in CHOSEN.get(path, {}).items():
        assert await tab.input_value(selector) == value, (path, selector)
    assert await tab.locator("#error-summary, .error, #flash").count() == 0, path


async def test_the_language_control_keeps_what_is_typed_on_the_setup_forms(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "admin@example.org", "name": "Ines Vermeulen", "language": "fr",
        "grants": [{"role": "admin"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: "admin@example.org" in m["To"])
    await page.goto(_link(site, welcome))
    await page.get_by_role("button", name="Me connecter").click()
    await page.wait_for_url("**/workspaces**")
    before = await _recorded(site)

    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        for path in PAGES:
            await page.goto(f"{site.url}{path}?lang=fr")
            for selector, value in PAGES[path].items():
                await page.fill(selector, value)
            for selector, value in CHOSEN.get(path, {}).items():
                await page.select_option(selector, value)

            control = page.get_by_role("navigation", name="Langue").get_by_text(
                "English version")
            assert await control.get_attribute("lang") == "en"
            await control.click()
            await page.wait_for_selector("html[lang=en]")
            await _kept(page, path)
            await _axe_clean(page, f"{path} en {width}")

            control = page.get_by_role("navigation", name="Language").get_by_text(
                "Version française")
            assert await control.get_attribute("lang") == "fr"
            await control.click()
            await page.wait_for_selector("html[lang=fr]")
            await _kept(page, path)
            await _axe_clean(page, f"{path} fr {width}")

    assert await _recorded(site) == before  # nothing created, changed or added
