"""The press office corrects a mistyped approved journalist on the application's page, in
headless Chromium with the mail read from a real SMTP server: a form error first, then the
history line and the new badge to print. The page passes axe-core in French and English at 390
and 1280 px, with and without its errors (docs/workspaces.md, "Correcting a journalist")."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import BASE, press, spend_welcome
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body
from tests.http.test_press_correction import MISTYPED
from tests.support import RecordingSMTP


async def test_the_press_office_corrects_a_mistyped_approved_journalist(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "tove.ernst@example.org", "name": "Tove Ernst", "language": "en",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    j = await press(site, decision="approve", **MISTYPED)
    status, body, _ = await site.call("POST", f"{BASE}/badges/printed", role="protocol",
                                      json={"accreditation_ids": [j["id"]]})
    assert status == 200, body
    [welcome] = await smtp.wait_for(1, where=lambda m: "tove.ernst@example.org" in m["To"]
                                    and m["Subject"].startswith("Your access"))
    await spend_welcome(page, _link(site, welcome), lands="/manage/alliance/press")
    await page.goto(f"{site.url}/manage/alliance/press/{j['id']}")
    assert await page.inner_text("#correct-title") == "Correct the details"
    await _audit(browser, page, "press-correct")

    url = page.url.split("?")[0]

    async def with_an_error(tab: Any, lang: str) -> None:
        await tab.goto(f"{url}?lang={lang}")
        await tab.locator("#family_name").fill("")
        await tab.locator("#correct-form button[type=submit]:not(.form-language)").click()
        await tab.wait_for_selector("#family_name-error")

    await _audit(browser, page, "press-correct-errors", reach=with_an_error)

    await page.get_by_label("Given name(s)").fill("Jean")
    await page.get_by_label("Family name").fill("")
    await page.get_by_role("button", name="Save the correction").click()
    assert "This field is required." in await page.inner_text("#family_name-error")
    # the summary names and links the field (docs/workspaces.md, "Errors in sight")
    assert "Family name – This field is required." in await page.inner_text("#error-summary")
    assert await page.get_attribute("#error-summary a", "href") == "#family_name"
    await page.get_by_label("Family name").fill("Dupont")
    await page.get_by_label("Outlet").fill("Le Soir")
    await page.get_by_label("Reason for the correction").fill("Typed in capitals")
    await page.get_by_role("button", name="Save the correction").click()
    await page.wait_for_url(re.compile(r".*done=corrected.*"))
    flash = await page.inner_text("#flash")
    assert flash.startswith("The details of Jean Dupont are corrected. Their printed badge "), \
        flash
    assert "is to be printed (protocol's Badges page)" in flash
    last = await page.locator("#history tbody tr").last.inner_text()
    assert "Details corrected" in last
    assert "Given name(s), family name, outlet – reason: Typed in capitals" in last
    _, states, _ = await site.call("GET", f"{BASE}/badges", role="protocol")
    [state] = states["items"]
    assert (state["family_name"], state["badge_version"], state["status"]) == (
        "Dupont", 2, "to_print")
    # a journalist added at the desk: the form, axe-clean, fr and en, 390 and 1280 px
    await page.goto(f"{site.url}/manage/alliance/press?lang=en")
    await page.click("#walkin-link")
    await page.wait_for_url("**/press/new**")
    await _audit(browser, page, "press-walkin")
