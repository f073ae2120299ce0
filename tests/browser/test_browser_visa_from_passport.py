"""The identity data asked once, in headless Chromium (docs/credentials.md, "Visa invitation
letters"): a journalist gives her passport for the security check on her credentials page;
the visa letter form below recalls it (the number masked, the nationality, the date of birth)
and asks only the name and the consulate; its link leads back to the identity document; the
letter is requested with the keyboard and mouse, no script, and carries the passport given.
At 390 and 1280 px, axe-clean in both languages. The form asked them all again. The identity
document it leads back to shows the number masked and leaves its field empty (the number
recorded kept): the page showed it whole. At 1280 px the name as in the passport is given with
it, and the visa form asks only the consulate."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.helpers import press
from tests.browser.test_browser_credentials_language_control import _axe_clean
from tests.conftest import conference_body


async def _letter(site: Site, accreditation_id: str) -> tuple[Any, ...] | None:
    conn = await asyncpg.connect(site.db_url)
    try:
        row = await conn.fetchrow(
            "SELECT passport_name, passport_number, nationality, date_of_birth::text, consulate"
            " FROM visa_letter WHERE accreditation_id = $1", accreditation_id)
    finally:
        await conn.close()
    return None if row is None else tuple(row)


async def test_the_visa_letter_takes_the_passport_given_for_the_security_check(
    site: Site, browser: Any
) -> None:
    status, _, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                   json=conference_body(vetting_required=["press"]))
    assert status == 201
    for n, width in enumerate((390, 1280)):
        created = await press(site, n, language="en")
        here = f"{site.url}/a/{created['access_token']}/credentials"
        context = await browser.new_context(locale="en-GB",
                                            viewport={"width": width, "height": 900})
        tab = await context.new_page()
        tab.set_default_timeout(10_000)
        await tab.goto(f"{here}?lang=en")
        # no passport yet: the visa form asks everything
        assert await tab.locator("#visa-form #passport_number").count() == 1
        assert await tab.locator("#visa-passport").count() == 0

        await tab.select_option("#id_nationality", "PL")
        await tab.select_option("#id_document_type", "passport")
        await tab.fill("#id_document_number", f"ZZ123456{n}")
        if n == 1:  # the name as in the passport, given with it: only the consulate asked
            await tab.fill("#id_name_in_document", "Marta NOWAK KOWALSKA")
        await tab.fill("#id_date_of_birth", "1990-04-12")
        await tab.get_by_role("button", name="Save the identity document").click()
        await tab.wait_for_url("**done=identity**")

        # the passport recalled, not asked again
        assert await tab.inner_text("#visa-passport-number") == "\u2022" * 4 + f"\u00a0456{n}"
        assert await tab.inner_text("#visa-passport-nationality") == "Poland"
        assert await tab.inner_text("#visa-passport-birth") == "12 April 1990"
        for field in ("passport_number", "nationality", "date_of_birth"):
            assert await tab.locator(f"#visa-form [name={field}]").count() == 0, field
        assert await tab.locator("#visa-passport-number").is_visible()
        await _axe_clean(tab, f"en passport {width}")
        await tab.goto(f"{here}?lang=fr")
        assert await tab.inner_text("#visa-passport-nationality") == "Pologne"
        await _axe_clean(tab, f"fr passport {width}")

        # the link to correct them leads to the identity document
        await tab.get_by_role("link", name="corrigez la pièce d'identité").click()
        await tab.wait_for_url("**#identity-title")
        assert await tab.locator("#identity-title").is_visible()
        # the identity document recalled masked, its number not in the page: left empty, the
        # number recorded is kept (docs/credentials.md, "Vetting")
        masked = "\u2022" * 4 + f"\u00a0456{n}"
        assert masked in await tab.inner_text("#identity-state")
        assert await tab.input_value("#id_document_number") == ""
        assert await tab.inner_text("#id_document_number-hint") == (
            f"Laissez vide pour garder le numéro enregistré, {masked}.")
        assert f"ZZ123456{n}" not in await tab.content()

        # the name (the application's, as in the passport) and the consulate: requested
        if n == 0:
            await tab.fill("#passport_name", "Marta NOWAK")
        else:
            assert await tab.locator("#visa-form [name=passport_name]").count() == 0
            assert await tab.inner_text("#visa-passport-name") == "Marta NOWAK KOWALSKA"
        await tab.fill("#consulate", "Ambassade de France à Varsovie")
        await tab.get_by_role("button", name="Demander la lettre").click()
        await tab.wait_for_url("**done=visa**")
        assert await tab.locator("#visa-state").count() == 1
        assert await _letter(site, created["id"]) == (
            f"Marta NOWAK{'' if n == 0 else ' KOWALSKA'}", f"ZZ123456{n}", "PL", "1990-04-12",
            "Ambassade de France à Varsovie")
        await _axe_clean(tab, f"fr requested {width}")
        await context.close()
