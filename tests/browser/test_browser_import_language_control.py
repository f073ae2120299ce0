"""The language control on the import's check, in headless Chromium (docs/workspaces.md, "The
language control"): a focal point checks a file in French, presses the header's « English
version » and finds the same file checked again in English (its rows' warnings and a row in
error said in English), nothing imported; back to « Version française » the same. The
protocol console's import carries its delegation too. At 390 and 1280 px, axe-clean in both
languages. The header's link led to the empty form: the file was to be chosen and checked
again."""

from __future__ import annotations

import re
from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_import_warnings import FILE
from tests.browser.test_browser_workspaces import _link
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP

WITH_AN_ERROR = {**FILE, "name": "erreurs.csv", "buffer": FILE["buffer"] + (
    b"pas-une-adresse,Jan,Peeters,expert,expert,\n")}


async def _recorded(site: Site) -> tuple[int, int]:
    """Accreditations and domain events."""
    conn = await asyncpg.connect(site.db_url)
    try:
        return (int(await conn.fetchval("SELECT count(*) FROM accreditation")),
                int(await conn.fetchval("SELECT count(*) FROM domain_event")))
    finally:
        await conn.close()


async def _axe_clean(tab: Any, where: str) -> None:
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(tab)
    assert results.violations_count == 0, (where, results.generate_report())


async def _switch(tab: Any, to: str) -> None:
    nav, name = ("Langue", "English version") if to == "en" else ("Language",
                                                                   "Version française")
    control = tab.get_by_role("navigation", name=nav).get_by_text(name)
    assert await control.get_attribute("lang") == to
    await control.click()
    await tab.wait_for_selector(f"html[lang={to}]")


async def _checked(tab: Any, file: dict[str, Any], button: str) -> None:
    await tab.set_input_files("#file", files=[file])
    await tab.get_by_role("button", name=button).click()
    await tab.locator("#preview-summary").wait_for()


async def test_the_language_control_checks_the_same_file_again(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    await page.goto(_link(site, welcome))
    await page.get_by_role("button", name="Me connecter").click()
    # the welcome's delegation
    await page.wait_for_url(re.compile(r".*/delegation/alliance-be\?lang=fr$"))
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    tab = await context.new_page()
    await _sign_in(site, tab, smtp, "protocol@example.org", "protocol", "en")
    before = await _recorded(site)

    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{site.url}/delegation/alliance-be/import?lang=fr")
        await _checked(page, FILE, "Vérifier le fichier")
        assert "Ligne 2, Didier Reynders" in await page.inner_text("#row-warnings")
        await _switch(page, "en")
        assert await page.locator("#preview-title").count() == 1, "the check is lost"
        assert "membres.csv" in await page.inner_text("#preview-title")
        assert "Row 2, Didier Reynders: the rank “Minister”" in await page.inner_text(
            "#row-warnings")
        assert await page.get_by_role("button", name="Import these 3 rows").count() == 1
        await _axe_clean(page, f"portal en {width}")
        await _switch(page, "fr")
        assert "Ligne 4, SAMMY Mahdi" in await page.inner_text("#row-warnings")
        await _axe_clean(page, f"portal fr {width}")

        # a file with a row in error (no import button): checked again, in English
        await page.goto(f"{site.url}/delegation/alliance-be/import?lang=fr")
        await _checked(page, WITH_AN_ERROR, "Vérifier le fichier")
        assert await page.locator("#apply").count() == 0
        await _switch(page, "en")
        assert "erreurs.csv" in await page.inner_text("#preview-title")
        assert "email: not a valid email address" in await page.inner_text("#row-5")
        await _axe_clean(page, f"portal error en {width}")

    # the protocol console's import, for Belgium: the delegation carried with the file
    await tab.goto(f"{site.url}/manage/alliance/import?lang=en")
    await tab.select_option("#delegation", be["id"])
    await _checked(tab, FILE, "Check the file")
    await _switch(tab, "fr")
    assert "membres.csv" in await tab.inner_text("#preview-title")
    assert await tab.input_value("#apply-form input[name=delegation]") == be["id"]
    await _axe_clean(tab, "console fr")
    await context.close()

    assert await _recorded(site) == before  # nothing imported
