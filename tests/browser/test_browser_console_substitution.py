"""Protocol substitutes a minister at the accreditation desk, in headless Chromium with the mail
read from a real SMTP server (docs/workspaces.md, "Substituting a member"): the application
page's form, an address mistyped (the error named at the top and beside the field), the
confirmation saying what will follow, "change" back to the filled form, then confirmed: the new
person's page, approved, and the letters. The form, the form with its error and the
confirmation pass axe-core in French and English at 390 and 1280 px; with CONFERENCE_SCREENS=1
the screenshots go to docs/screens/."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP


async def _fill(tab: Any, email: str) -> None:
    await tab.locator("#sub_given_name").fill("Sophie")
    await tab.locator("#sub_family_name").fill("Wilmès")
    await tab.locator("#sub_email").fill(email)
    await tab.locator("#sub_language").select_option("fr")
    await tab.locator("#sub_reason").fill("Le ministre est retenu à Paris.")
    await tab.locator("#sub_approve").check()
    await tab.locator("#substitute-form button[type=submit]:not(.form-language)").click()


async def test_protocol_substitutes_a_minister_from_the_application_page(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    old = await member(site, be, "Reynders", rank="foreign_minister")  # approved
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    here = f"{site.url}/manage/alliance/accreditations/{old['id']}"

    await page.goto(f"{here}?lang=fr")
    assert await page.inner_text("#substitute-title") == "Remplacer ce membre"
    assert "remplacez-le plus haut" in await page.inner_text("#substitute-instead")
    await _audit(browser, page, "console-substitute")

    # A mistyped address: named at the top, and beside the field, with what was typed.
    await _fill(page, "sophie@")
    await page.locator("#error-summary").wait_for()
    assert "Adresse électronique" in await page.inner_text("#error-summary")
    assert await page.input_value("#sub_email") == "sophie@"
    assert await page.input_value("#sub_given_name") == "Sophie"

    async def with_error(tab: Any, lang: str) -> None:
        await tab.goto(f"{here}?lang={lang}")
        await _fill(tab, "sophie@")
        await tab.locator("#error-summary").wait_for()

    await _audit(browser, page, "console-substitute-error", reach=with_error)

    # The confirmation: who replaces whom, what follows; nothing saved yet.
    await page.locator("#sub_email").fill("sophie@example.org")
    await page.get_by_role("button", name="Vérifier le remplacement").click()
    await page.locator("#confirm-form").wait_for()
    assert await page.inner_text("#confirm-who") == "Sophie Wilmès remplacera Anna Reynders."
    assert "est accordée dès la confirmation" in await page.inner_text("#effect-examined")
    assert "son badge est refusé" in await page.inner_text("#effect-old")

    async def to_confirmation(tab: Any, lang: str) -> None:
        await tab.goto(f"{here}?lang={lang}")
        await _fill(tab, "sophie@example.org")
        await tab.locator("#confirm-form").wait_for()

    await _audit(browser, page, "console-substitute-confirm", reach=to_confirmation)

    # "Modifier" gives the form back filled; checked again, then confirmed.
    await page.get_by_role("button", name="Modifier").click()
    await page.locator("#substitute-form").wait_for()
    assert await page.input_value("#sub_family_name") == "Wilmès"
    assert await page.is_checked("#sub_approve")
    await page.get_by_role("button", name="Vérifier le remplacement").click()
    await page.get_by_role("button", name="Confirmer le remplacement").click()
    await page.wait_for_url(re.compile(r".*done=substituted.*"))
    assert await page.inner_text("h1") == "Sophie Wilmès"
    assert await page.inner_text("#status") == "Accordée"
    assert "Sophie Wilmès remplace Anna Reynders" in await page.inner_text("#flash")
    await smtp.wait_for(1, where=lambda m: "sophie@example.org" in str(m["To"])
                        and "Accréditation accordée" in str(m["Subject"]))
    await smtp.wait_for(1, where=lambda m: old["email"] in str(m["To"])
                        and "Accreditation transferred" in str(m["Subject"]))
