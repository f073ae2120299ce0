"""The language control on the console's application page, in headless Chromium
(docs/workspaces.md, "The language control"): the page has several forms (the decision, the
substitution, the revocation, the clearance). An officer types a rejection's reason, presses
the header's « English version » and finds the page in English with the decision and its
reason still there; types the substitute's details, presses that form's own « Ce formulaire
en français » and finds them again, the header's control then carrying that form; a decision
sent without its reason comes back with its error, which the switch says in the other
language. Nothing is decided, substituted or recorded (no row, no event). At 390 and 1280 px,
axe-clean in both languages. The header's link emptied every form."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_console import _sign_in
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP

SUBSTITUTE = {"#sub_given_name": "Sophie", "#sub_family_name": "Wilmès",
              "#sub_email": "sophie.wilmes@example.org",
              "#sub_reason": "Le ministre est retenu à Paris."}


async def _recorded(site: Site) -> tuple[int, int, str]:
    """Accreditations, domain events (the history is read from them), and the statuses."""
    conn = await asyncpg.connect(site.db_url)
    try:
        return (int(await conn.fetchval("SELECT count(*) FROM accreditation")),
                int(await conn.fetchval("SELECT count(*) FROM domain_event")),
                str(await conn.fetchval(
                    "SELECT string_agg(status::text, ',' ORDER BY id) FROM accreditation")))
    finally:
        await conn.close()


async def _axe_clean(tab: Any, where: str) -> None:
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(tab)
    assert results.violations_count == 0, (where, results.generate_report())


async def test_the_language_control_keeps_what_the_officer_typed_on_the_application_page(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    waiting = await member(site, be, "Reynders", decision=None)  # under review
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    here = f"{site.url}/manage/alliance/accreditations/{waiting['id']}"
    before = await _recorded(site)

    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{here}?lang=fr")
        await _axe_clean(page, f"fr {width}")
        # fr → en by the header: the decision, the page's first form, is carried
        await page.check("#decision-reject")
        await page.fill("#reason", "Le quota du Belgique est dépassé.")
        control = page.get_by_role("navigation", name="Langue").get_by_text("English version")
        assert await control.get_attribute("lang") == "en"
        await control.click()
        await page.wait_for_selector("html[lang=en]")
        assert await page.inner_text("h1") == "Anna Reynders"
        assert await page.is_checked("#decision-reject")
        assert await page.input_value("#reason") == "Le quota du Belgique est dépassé."
        assert await page.get_attribute("#switch-language", "form") == "decision-form"
        assert await page.locator("#error-summary, .error").count() == 0  # never sent
        assert await page.inner_text("#status") == "Received, under review"
        await _axe_clean(page, f"en {width}")

        # en → fr by the substitution's own button: the substitute's details kept, and the
        # header's control now carries the substitution
        for selector, value in SUBSTITUTE.items():
            await page.fill(selector, value)
        await page.select_option("#sub_language", "en")
        own = page.locator("#substitute-form").get_by_role(
            "button", name="Ce formulaire en français")
        # several on the page share their words: each is described by its form's heading
        assert await own.get_attribute("aria-describedby") == "substitute-title"
        assert await own.get_attribute("lang") == "fr"
        await own.click()
        await page.wait_for_selector("html[lang=fr]")
        for selector, value in SUBSTITUTE.items():
            assert await page.input_value(selector) == value, selector
        assert await page.input_value("#sub_language") == "en"
        assert await page.locator("#confirm-form").count() == 0  # not even checked
        assert await page.locator("#error-summary, .error").count() == 0
        assert await page.get_attribute("#switch-language", "form") == "substitute-form"
        await _axe_clean(page, f"fr substitute {width}")

        # fr → en → fr by the header, with a field typed on the English page
        await page.locator("#switch-language").click()
        await page.wait_for_selector("html[lang=en]")
        assert await page.input_value("#sub_family_name") == "Wilmès"
        await page.fill("#sub_function", "Minister for Foreign Affairs")
        await page.locator("#switch-language").click()
        await page.wait_for_selector("html[lang=fr]")
        assert await page.input_value("#sub_function") == "Minister for Foreign Affairs"
        assert await page.input_value("#sub_email") == "sophie.wilmes@example.org"

        # a rejection sent without its reason: the error, then the switch says it in English
        await page.goto(f"{here}?lang=fr")
        await page.check("#decision-reject")
        await page.locator("#decision-form button.primary").click()
        await page.locator("#error-summary").wait_for()
        await page.locator("#switch-language").click()
        await page.wait_for_selector("html[lang=en]")
        assert "Write the reason." in await page.inner_text("#error-summary")
        assert await page.is_checked("#decision-reject")
        await _axe_clean(page, f"en error {width}")

        # the clearance's own button, en → fr: its reason kept
        await page.select_option("#vetting_status", "more_information")
        await page.fill("#vetting_reason", "Passport copy unreadable.")
        await page.locator("#vetting-form").get_by_role(
            "button", name="Ce formulaire en français").click()
        await page.wait_for_selector("html[lang=fr]")
        assert await page.input_value("#vetting_status") == "more_information"
        assert await page.input_value("#vetting_reason") == "Passport copy unreadable."
        await _axe_clean(page, f"fr vetting {width}")

    assert await _recorded(site) == before  # nothing decided, substituted or set
