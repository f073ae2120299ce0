"""The lost-link form says when an address cannot be one (docs/privacy.md): a photographer who
typed « lea.martin@agence » on a phone was told "if an application exists for this address,
its link was just sent" and waited for a mail that could not come. None or a malformed address
is refused on the field, kept as typed; a well-formed one still gets the one answer, found or
not. Audited with axe in French and English at both widths."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body


async def test_a_malformed_address_is_refused_on_its_field_and_kept(
    site: Site, page: Any, browser: Any
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    form = f"{site.url}/alliance/press/link"
    await page.set_viewport_size({"width": 390, "height": 800})

    async def mistyped(tab: Any, lang: str) -> None:
        await tab.goto(f"{form}?lang={lang}")
        await tab.fill("#email", "lea.martin@agence")
        await tab.click("#link-form button[type=submit]")
        await tab.wait_for_selector("#email-error")

    await mistyped(page, "fr")
    assert "Adresse électronique non valide" in await page.inner_text("#email-error")
    assert await page.input_value("#email") == "lea.martin@agence"
    assert await page.locator("#link-message").count() == 0
    await _audit(browser, page, "press-link-mistyped", reach=mistyped)

    await page.goto(f"{form}?lang=en")
    await page.click("#link-form button[type=submit]")
    await page.wait_for_selector("#email-error")
    assert "This field is required." in await page.inner_text("#email-error")

    await page.goto(f"{form}?lang=en")
    await page.fill("#email", "nobody@example.org")
    await page.click("#link-form button[type=submit]")
    assert (await page.inner_text("#link-message")).startswith("If there is")
    assert await page.locator("#email-error").count() == 0
