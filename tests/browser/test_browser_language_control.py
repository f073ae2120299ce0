"""The header's language control on a form half filled, in headless Chromium (docs/workspaces.md,
"The language control"): a journalist types part of the press form, presses « English » in
the page's header, and finds the form in English with everything typed, nothing filed (no
row, no event, no mail); back to « Français » the same. At 390 and 1280 px, axe-clean in both
languages; the control is a button named by its language, marked with it, its focus visible.
The header's link emptied the form."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.conftest import Site, shot
from tests.browser.helpers import press
from tests.conftest import conference_body
from tests.support import RecordingSMTP

TYPED = {"#given_name": "Jeanne", "#family_name": "Lefèvre",
         "#email": "jeanne.lefevre@example.org", "#outlet": "La Libre Belgique"}


async def _filed(site: Site) -> tuple[int, int]:
    """How many accreditations and domain events the database holds."""
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


async def test_the_header_s_language_control_keeps_a_half_filled_press_form(
    site: Site, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    before = await _filed(site)
    for width in (390, 1280):
        context = await browser.new_context(locale="fr-FR",
                                            viewport={"width": width, "height": 900})
        tab = await context.new_page()
        tab.set_default_timeout(10_000)
        await tab.goto(f"{site.url}/alliance/press?lang=fr")
        await _axe_clean(tab, f"fr {width}")
        for selector, value in TYPED.items():
            await tab.fill(selector, value)
        await tab.select_option("#role", "photographer")
        await tab.select_option("#country", "BE")
        # the press card number left empty: half filled

        control = tab.get_by_role("button", name="English")
        assert await control.get_attribute("lang") == "en"
        assert await control.is_visible()
        await control.focus()
        outline = await control.evaluate("e => getComputedStyle(e).outlineStyle + ' '"
                                         " + getComputedStyle(e).outlineWidth")
        assert outline == "solid 3px", outline
        await control.click()
        await tab.wait_for_selector("html[lang=en]")
        assert await tab.title() == "Press accreditation request – Global Alliance: meeting"
        for selector, value in TYPED.items():
            assert await tab.input_value(selector) == value, selector
        assert await tab.input_value("#role") == "photographer"
        assert await tab.input_value("#country") == "BE"
        assert await tab.input_value("#press_card_number") == ""
        # nothing was sent: no error asked of the empty field, nothing received
        assert await tab.locator("#error-summary, .error").count() == 0
        assert await tab.get_by_role("heading", name="Request received").count() == 0
        await _axe_clean(tab, f"en {width}")
        await shot(tab, f"press-language-control-en-{width}")

        # and back to French the same way, with a field typed on the English page
        await tab.fill("#press_card_number", "BE-4242")
        await tab.get_by_role("button", name="Français").click()
        await tab.wait_for_selector("html[lang=fr]")
        assert await tab.input_value("#given_name") == "Jeanne"
        assert await tab.input_value("#press_card_number") == "BE-4242"
        assert await tab.locator("#error-summary").count() == 0
        await _axe_clean(tab, f"fr again {width}")
        await context.close()

    assert await _filed(site) == before  # no row, no event
    # no mail: another application, filed after, has its mail on the server first
    await press(site, 7)
    await smtp.wait_for(1, where=lambda m: "marie.dupont7@example.org" in m["To"])
    assert [m for m in smtp.messages if "jeanne.lefevre" in str(m["To"])] == []
