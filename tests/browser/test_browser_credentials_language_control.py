"""The language control on the applicant's credentials page, in headless Chromium
(docs/workspaces.md, "The language control"): several forms on one page (photo, visa letter,
identity document, documents). A journalist half fills the visa letter request, presses the
header's « English version » and finds it in English, filled; fills the identity document,
presses that form's own « Ce formulaire en français » and finds it filled, the header's
control then carrying it, there and back; a request sent with a wrong date of birth comes
back with its error, which the switch says in the other language. Nothing is requested or
given (no letter, no event). At 390 and 1280 px, axe-clean in both languages. The header's
link emptied the forms."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.helpers import press
from tests.conftest import conference_body

VISA = {"#passport_name": "Jeanne LEFÈVRE", "#passport_number": "PA1234567",
        "#consulate": "Consulat général de Belgique à Lima"}
IDENTITY = {"#id_document_number": "40123456", "#id_date_of_birth": "1980-04-02"}


async def _recorded(site: Site) -> tuple[int, int]:
    """Visa letters and domain events."""
    conn = await asyncpg.connect(site.db_url)
    try:
        return (int(await conn.fetchval("SELECT count(*) FROM visa_letter")),
                int(await conn.fetchval("SELECT count(*) FROM domain_event")))
    finally:
        await conn.close()


async def _axe_clean(tab: Any, where: str) -> None:
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(tab)
    assert results.violations_count == 0, (where, results.generate_report())


async def test_the_language_control_keeps_what_the_applicant_typed_on_the_credentials_page(
    site: Site, browser: Any
) -> None:
    status, _, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                   json=conference_body(vetting_required=["press"]))
    assert status == 201
    created = await press(site, language="fr")
    here = f"{site.url}/a/{created['access_token']}/credentials"
    before = await _recorded(site)
    for width in (390, 1280):
        context = await browser.new_context(locale="fr-FR",
                                            viewport={"width": width, "height": 900})
        tab = await context.new_page()
        tab.set_default_timeout(10_000)
        await tab.goto(f"{here}?lang=fr")
        await _axe_clean(tab, f"fr {width}")

        # fr → en by the header: the visa letter request, the page's first typed form
        for selector, value in VISA.items():
            await tab.fill(selector, value)
        await tab.select_option("#nationality", "PE")
        control = tab.get_by_role("navigation", name="Langue").get_by_text("English version")
        assert await control.get_attribute("lang") == "en"
        await control.click()
        await tab.wait_for_selector("html[lang=en]")
        for selector, value in VISA.items():
            assert await tab.input_value(selector) == value, selector
        assert await tab.input_value("#nationality") == "PE"
        assert await tab.input_value("#date_of_birth") == ""
        assert await tab.locator("#error-summary, .error").count() == 0  # never sent
        assert await tab.locator("#visa-state").count() == 0  # nothing requested
        await _axe_clean(tab, f"en {width}")

        # en → fr by the identity document's own button: its values kept, and the header's
        # control now carries it
        await tab.select_option("#id_nationality", "PE")
        await tab.select_option("#id_document_type", "identity_card")
        for selector, value in IDENTITY.items():
            await tab.fill(selector, value)
        await tab.locator("#identity-form").get_by_role(
            "button", name="Ce formulaire en français").click()
        await tab.wait_for_selector("html[lang=fr]")
        for selector, value in IDENTITY.items():
            assert await tab.input_value(selector) == value, selector
        assert await tab.input_value("#id_document_type") == "identity_card"
        assert await tab.locator("#identity-state").count() == 0  # nothing given
        assert await tab.get_attribute("#switch-language", "form") == "identity-form"
        await _axe_clean(tab, f"fr identity {width}")
        await tab.locator("#switch-language").click()
        await tab.wait_for_selector("html[lang=en]")
        assert await tab.input_value("#id_document_number") == "40123456"
        assert await tab.input_value("#id_nationality") == "PE"

        # a request sent with a date of birth to come: its error, said again in French
        for selector, value in VISA.items():
            await tab.fill(selector, value)
        await tab.select_option("#nationality", "PE")
        await tab.fill("#date_of_birth", "2099-04-02")
        await tab.get_by_role("button", name="Request the letter").click()
        await tab.locator("#error-summary").wait_for()
        await tab.locator("#switch-language").click()
        await tab.wait_for_selector("html[lang=fr]")
        assert "postérieure à 1900" in await tab.inner_text("#date_of_birth-error")
        assert await tab.input_value("#passport_number") == "PA1234567"
        await _axe_clean(tab, f"fr error {width}")
        await context.close()

    assert await _recorded(site) == before  # no letter, no event
