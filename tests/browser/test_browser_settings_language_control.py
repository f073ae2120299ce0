"""The language control on the forms the organisers type their conference's settings into, in
headless Chromium (docs/workspaces.md, "The language control"): a zone's form (new, and a
zone's page) and the press office's reason templates (new, and a template's page). Each
typed half, the header's « English version » / « Version française » pressed: the form in the
other language, filled, nothing defined, changed, added or saved; a form sent with an error
says it again after the switch. At 390 and 1280 px, axe-clean in both languages. The
header's link emptied the forms."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.helpers import spend_welcome, zone
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _link
from tests.conftest import conference_body
from tests.support import RecordingSMTP

ZONE = {"#code": "salle-presse", "#name_fr": "Salle de presse", "#name_en": "Press room"}
REASON = {"#text_fr": "Le média n'est pas reconnu par le pays hôte.",
          "#text_en": "The outlet is not recognised by the host country."}


QUERIES = {"zone": "SELECT * FROM zone ORDER BY id",
           "press_reason": "SELECT * FROM press_reason ORDER BY id"}


async def _rows(site: Site, table: str) -> tuple[str, int]:
    """A table's rows as stored, and the domain events."""
    conn = await asyncpg.connect(site.db_url)
    try:
        rows = await conn.fetch(QUERIES[table])
        return (str([dict(r) for r in rows]),
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


async def test_the_language_control_keeps_a_zone_s_form(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    existing = await zone(site, "pleniere", categories=["minister"])
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    before = await _rows(site, "zone")

    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{site.url}/manage/alliance/zones?lang=fr")
        await _axe_clean(page, f"zones fr {width}")
        for selector, value in ZONE.items():
            await page.fill(selector, value)
        await page.check("#category-press")
        await _switch(page, "en")
        for selector, value in ZONE.items():
            assert await page.input_value(selector) == value, selector
        assert await page.is_checked("#category-press")
        assert await page.locator("#error-summary, .error").count() == 0  # never sent
        await _axe_clean(page, f"zones en {width}")

        # sent with a code of the wrong form: its error, said again in French
        await page.fill("#code", "Salle Presse!")
        await page.locator("#create-zone").click()
        await page.locator("#error-summary").wait_for()
        await page.locator("#switch-language").click()
        await page.wait_for_selector("html[lang=fr]")
        assert await page.locator("#code-error").count() == 1
        assert await page.input_value("#name_en") == "Press room"
        await _axe_clean(page, f"zones error fr {width}")

        # a zone's page, en → fr: its names being changed kept
        await page.goto(f"{site.url}/manage/alliance/zones/{existing['id']}?lang=en")
        await page.fill("#name_en", "Plenary hall, level 0")
        await _switch(page, "fr")
        assert await page.input_value("#name_en") == "Plenary hall, level 0"
        assert await page.locator("#error-summary, .error").count() == 0
        await _axe_clean(page, f"zone fr {width}")

    assert await _rows(site, "zone") == before  # nothing defined, nothing changed


async def test_the_language_control_keeps_a_reason_template_s_texts(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "tove.ernst@example.org", "name": "Tove Ernst", "language": "fr",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: "tove.ernst@example.org" in m["To"])
    await spend_welcome(page, _link(site, welcome), lands="/manage/alliance/press",
                        button="Me connecter")
    reasons = f"{site.url}/manage/alliance/press/reasons"
    await page.goto(f"{reasons}?lang=fr")  # the conference's templates, seeded
    before = await _rows(site, "press_reason")

    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{reasons}?lang=fr")
        await _axe_clean(page, f"reasons fr {width}")
        for selector, value in REASON.items():
            await page.fill(selector, value)
        await _switch(page, "en")
        for selector, value in REASON.items():
            assert await page.input_value(selector) == value, selector
        assert await page.locator("#error-summary, .error").count() == 0  # never sent
        await _axe_clean(page, f"reasons en {width}")

        # sent without its English text: the error, said again in French
        await page.fill("#text_en", "")
        await page.locator("#reason-add-form button[type=submit]").click()
        await page.locator("#text_en-error").wait_for()
        await page.locator("#switch-language").click()
        await page.wait_for_selector("html[lang=fr]")
        assert "Saisissez ce texte" in await page.inner_text("#text_en-error")
        assert await page.input_value("#text_fr") == REASON["#text_fr"]
        await _axe_clean(page, f"reasons error fr {width}")

        # a template's page, en → fr: the wording being changed kept
        await page.goto(f"{reasons}?lang=en")
        await page.locator("#reasons a[href*='/reasons/']").first.click()
        await page.wait_for_selector("#reason-edit-form")
        await page.fill("#text_en", "Not a news outlet.")
        await _switch(page, "fr")
        assert await page.input_value("#text_en") == "Not a news outlet."
        await _axe_clean(page, f"reason edit fr {width}")

    assert await _rows(site, "press_reason") == before  # nothing added, nothing saved
