"""The language control on the console's delegations page, in headless Chromium
(docs/workspaces.md, "The language control"): the new delegation's form and, in each
delegation's row, a form to add a focal point. An officer types a new organisation with its
focal point, presses the header's « English version » and finds it in English, filled;
opens Belgium's "add a focal point", types a name and an address, presses that form's own
« Ce formulaire en français » and finds it open and filled, the header then carrying it
there and back; the new delegation sent without its focal point's address comes back with
its error, said again in French. Nothing is created (no delegation, no person, no event). At
390 and 1280 px, axe-clean in both languages. The header's link emptied the forms."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP

NEW = {"#organisation_name": "Organisation internationale de la Francophonie",
       "#focal_point_name": "Awa Diop", "#focal_point_email": "awa.diop@example.org"}


async def _recorded(site: Site) -> tuple[int, int, int]:
    """Delegations, people and domain events."""
    conn = await asyncpg.connect(site.db_url)
    try:
        return (int(await conn.fetchval("SELECT count(*) FROM delegation")),
                int(await conn.fetchval("SELECT count(*) FROM person")),
                int(await conn.fetchval("SELECT count(*) FROM domain_event")))
    finally:
        await conn.close()


async def _axe_clean(tab: Any, where: str) -> None:
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(tab)
    assert results.violations_count == 0, (where, results.generate_report())


async def test_the_language_control_keeps_what_the_officer_typed_on_the_delegations_page(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    here = f"{site.url}/manage/alliance/delegations"
    before = await _recorded(site)
    fp = f"fp-{be['id']}"

    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{here}?lang=fr")
        await _axe_clean(page, f"fr {width}")
        # fr → en by the header: the new delegation's form
        await page.check("#kind-organisation")
        for selector, value in NEW.items():
            await page.fill(selector, value)
        await page.select_option("#organisation_type", index=1)
        await page.select_option("#focal_point_language", "en")
        control = page.get_by_role("navigation", name="Langue").get_by_text("English version")
        assert await control.get_attribute("lang") == "en"
        await control.click()
        await page.wait_for_selector("html[lang=en]")
        assert await page.is_checked("#kind-organisation")
        for selector, value in NEW.items():
            assert await page.input_value(selector) == value, selector
        assert await page.input_value("#organisation_type") != ""
        assert await page.input_value("#focal_point_language") == "en"
        assert await page.locator("#error-summary, .error").count() == 0  # never sent
        await _axe_clean(page, f"en {width}")

        # en → fr by Belgium's focal point form's own button: open again, filled
        await page.locator(f"#delegation-{be['id']} summary").click()
        await page.fill(f"#{fp}-name", "Jan Peeters")
        await page.fill(f"#{fp}-email", "jan.peeters@example.org")
        await page.locator(f"#fp-form-{be['id']}").get_by_role(
            "button", name="Ce formulaire en français").click()
        await page.wait_for_selector("html[lang=fr]")
        assert await page.is_visible(f"#{fp}-name")  # its row's form open
        assert await page.input_value(f"#{fp}-name") == "Jan Peeters"
        assert await page.input_value(f"#{fp}-email") == "jan.peeters@example.org"
        assert await page.get_attribute("#switch-language", "form") == f"fp-form-{be['id']}"
        await _axe_clean(page, f"fr focal point {width}")
        await page.locator("#switch-language").click()
        await page.wait_for_selector("html[lang=en]")
        assert await page.input_value(f"#{fp}-email") == "jan.peeters@example.org"

        # the new delegation sent without its focal point's address: said again in French
        await page.check("#kind-country")
        await page.select_option("#country", "FR")
        await page.fill("#focal_point_name", "Claire Martin")
        await page.fill("#focal_point_email", "")
        await page.locator("#delegation-form button[type=submit]:not(.form-language)").click()
        await page.locator("#error-summary").wait_for()
        await page.locator("#switch-language").click()
        await page.wait_for_selector("html[lang=fr]")
        assert await page.locator("#focal_point_email-error").count() == 1
        assert await page.input_value("#focal_point_name") == "Claire Martin"
        assert await page.input_value("#country") == "FR"
        await _axe_clean(page, f"fr error {width}")

    assert await _recorded(site) == before  # nothing created, nobody added
