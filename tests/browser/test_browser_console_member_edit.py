"""Protocol edits a delegation member's details at the console, in headless Chromium
(docs/workspaces.md, "Editing a member at the console"): the "Edit" link on the application
page, the form filled, an address mistyped (named at the top and beside the field, the rest
kept), then saved: the application page with its flash and the new rank, function and date in
office. The form and the form with its error pass axe-core in French and English at 390 and
1280 px; with CONFERENCE_SCREENS=1 the screenshots go to docs/screens/."""

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


async def _type(tab: Any, email: str) -> None:
    await tab.locator("#email").fill(email)
    await tab.locator("#rank").select_option("deputy_minister")
    await tab.locator("#function_en").fill("Deputy Minister for Foreign Trade")
    await tab.locator("#in_office_since").fill("2024-03-01")
    await tab.locator("#member-form button[type=submit].primary").click()


async def test_protocol_edits_a_member_from_the_application_page(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    pending = await member(site, be, "Wouters", decision=None)
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    here = f"{site.url}/manage/alliance/accreditations/{pending['id']}"

    await page.goto(f"{here}?lang=fr")
    await page.get_by_role("link", name="Modifier les données du membre").click()
    await page.wait_for_url(re.compile(r".*/edit\?lang=fr$"))
    assert await page.get_by_label("Nom de famille").input_value() == "Wouters"
    assert await page.input_value("#rank") == "minister"
    await _audit(browser, page, "console-member-edit")

    # a mistyped address: named at the top and beside the field, the rest as typed
    await _type(page, "anna@")
    await page.locator("#error-summary").wait_for()
    assert "Adresse électronique" in await page.inner_text("#error-summary")
    assert await page.input_value("#email") == "anna@"
    assert await page.input_value("#function_en") == "Deputy Minister for Foreign Trade"
    assert await page.input_value("#in_office_since") == "2024-03-01"

    async def with_error(tab: Any, lang: str) -> None:
        await tab.goto(f"{here}/edit?lang={lang}")
        await _type(tab, "anna@")
        await tab.locator("#error-summary").wait_for()

    await _audit(browser, page, "console-member-edit-error", reach=with_error)

    await page.locator("#email").fill("anna.wouters@example.org")
    await page.get_by_role("button", name="Enregistrer les modifications").click()
    await page.wait_for_url(re.compile(r".*done=amended.*"))
    assert await page.inner_text("#flash") == "Les données d'Anna Wouters sont modifiées."
    assert await page.inner_text("#function-en") == "Deputy Minister for Foreign Trade"
    assert "2024" in await page.inner_text("#in-office-since")
    _, acc, _ = await site.call("GET", f"/api/v1/accreditations/{pending['id']}",
                                role="protocol")
    assert (acc["email"], acc["rank"], acc["in_office_since"], acc["status"]) == (
        "anna.wouters@example.org", "deputy_minister", "2024-03-01", "submitted")


async def test_protocol_corrects_an_approved_member_with_a_reason(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """An approved member: "Correct the member's details", the form with the names, the office
    and the reason, not the address; the reason missing is named; saved, the new function on
    the page (docs/workspaces.md, "Correcting an approved member"). The form and the form
    with its error pass axe-core in French and English at 390 and 1280 px."""
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    approved = await member(site, be, "Wouters")
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    here = f"{site.url}/manage/alliance/accreditations/{approved['id']}"

    await page.goto(f"{here}?lang=en")
    await page.get_by_role("link", name="Correct the member's details").click()
    await page.wait_for_url(re.compile(r".*/edit\?lang=en$"))
    assert await page.locator("#email").count() == 0
    await _audit(browser, page, "console-member-correct")

    async def without_reason(tab: Any, lang: str) -> None:
        await tab.goto(f"{here}/edit?lang={lang}")
        await tab.locator("#function_en").fill("Minister for Water and Energy")
        await tab.locator("#member-form button[type=submit].primary").click()
        await tab.locator("#error-summary").wait_for()

    await without_reason(page, "en")
    assert "Reason for the correction" in await page.inner_text("#error-summary")
    await _audit(browser, page, "console-member-correct-error", reach=without_reason)

    await page.locator("#reason").fill("Government reshuffle")
    await page.get_by_role("button", name="Save the correction").click()
    await page.wait_for_url(re.compile(r".*done=amended.*"))
    assert await page.inner_text("#function-en") == "Minister for Water and Energy"
    _, acc, _ = await site.call("GET", f"/api/v1/accreditations/{approved['id']}",
                                role="protocol")
    assert (acc["status"], acc["function_en"], acc["history"][-1]["action"]) == (
        "approved", "Minister for Water and Energy", "correct")
