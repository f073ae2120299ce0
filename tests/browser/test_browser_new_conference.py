"""The console's new conference form (docs/workspaces.md, "A new conference"), empty and sent
back with its errors, passes axe-core in French and English at 390 and 1280 px, with nothing
to scroll sideways on a phone; filled in, it leads to the new conference's console."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _link
from tests.browser.test_browser_workspaces import _audit
from tests.support import RecordingSMTP


async def test_the_new_conference_form_passes_axe(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "admin@example.org", "name": "Ines Vermeulen", "language": "en",
        "grants": [{"role": "admin"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: "admin@example.org" in m["To"])
    await page.goto(_link(site, welcome))
    await page.get_by_role("button", name="Sign me in").click()
    await page.wait_for_url("**/workspaces**")
    await page.goto(f"{site.url}/manage?lang=en")
    await page.get_by_role("link", name="Create a conference").click()
    await page.locator("#conference-form").wait_for()
    await _audit(browser, page, "console-new-conference")

    async def with_errors(tab: Any, lang: str) -> None:
        await tab.goto(f"{site.url}/manage/conferences/new?lang={lang}")
        await tab.locator("#slug").fill("Alliance Avril")
        await tab.locator("#spokesperson1_phone").fill("call me")
        await tab.locator("#create-conference").click()
        await tab.locator("#error-summary").wait_for()
        await tab.locator("#spokesperson1_phone-error").wait_for()
        assert not await tab.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth")

    await with_errors(page, "en")
    await _audit(browser, page, "console-new-conference-errors", reach=with_errors)

    await page.goto(f"{site.url}/manage/conferences/new?lang=en")
    for field, value in {
        "title_fr": "Réunion sur le plan d'action", "title_en": "Action-plan meeting",
        "slug": "alliance-avril", "organiser_email": "protocole@example.org",
        "venue_fr": "Palais d'Egmont", "venue_address": "Place du Petit Sablon 8, Bruxelles",
        "starts_on": "2027-04-15", "ends_on": "2027-04-16",
        "press_opens_at": "2027-01-10T09:00", "press_closes_at": "2027-04-10T18:00",
        "pool_capacity": "40",
    }.items():
        await page.locator(f"#{field}").fill(value)
    await page.locator("#create-conference").click()
    await page.locator("#flash").wait_for()
    assert "/manage/alliance-avril" in page.url

    # then its staff: the page, and the form sent back with its errors
    await page.get_by_role("link", name="Conference staff").click()
    await page.locator("#staff-form").wait_for()
    await page.locator("#name").fill("Sophie Laurent")
    await page.locator("#email").fill("sophie.laurent@example.org")
    await page.locator("#add-staff").click()
    await page.locator("#flash").wait_for()
    await _audit(browser, page, "console-staff")

    async def staff_errors(tab: Any, lang: str) -> None:
        await tab.goto(f"{site.url}/manage/alliance-avril/staff?lang={lang}")
        await tab.locator("#email").fill("sophie")
        await tab.locator("#add-staff").click()
        await tab.locator("#email-error").wait_for()
        assert not await tab.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth")

    await staff_errors(page, "en")
    await _audit(browser, page, "console-staff-errors", reach=staff_errors)

    # its details, to correct: the form with its fixed fields as text, and with an error
    await page.goto(f"{site.url}/manage/alliance-avril?lang=en")
    await page.get_by_role("link", name="Conference details").click()
    await page.locator("#save-settings").wait_for()
    await _audit(browser, page, "console-settings")

    async def settings_errors(tab: Any, lang: str) -> None:
        await tab.goto(f"{site.url}/manage/alliance-avril/settings?lang={lang}")
        await tab.locator("#title_fr").fill("")
        await tab.locator("#save-settings").click()
        await tab.locator("#title_fr-error").wait_for()
        assert not await tab.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth")

    await settings_errors(page, "en")
    await _audit(browser, page, "console-settings-errors", reach=settings_errors)
