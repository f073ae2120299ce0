"""An approved journalist withdraws from their own page, in headless Chromium with the mail read
from a real SMTP server, through the confirming step; the letter arrives. The page and the
confirming step pass axe-core in French and English at 390 and 1280 px (docs/lifecycle.md,
"Withdrawing after approval")."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import press
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.support import RecordingSMTP, body_text


async def test_an_approved_journalist_withdraws_from_their_page(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    j = await press(site, decision="approve", language="en")
    await page.goto(f"{site.url}/a/{j['access_token']}")
    assert await page.inner_text("#withdraw-title") == "Withdraw my accreditation"
    await _audit(browser, page, "status-approved-withdraw")
    url = page.url.split("?")[0]

    async def confirming(tab: Any, lang: str) -> None:
        await tab.goto(f"{url}?lang={lang}")
        await tab.locator("#withdraw-form button[type=submit]").click()
        await tab.wait_for_selector("#confirm-title")

    await _audit(browser, page, "withdraw-approved-confirm", reach=confirming)

    await page.get_by_label("Reason for withdrawing").fill("My editor sends nobody.")
    await page.get_by_role("button", name="Withdraw my accreditation").click()
    assert await page.inner_text("#confirm-title") == "Confirm the withdrawal"
    assert "your badge will no longer be valid" in await page.inner_text("#confirm-text")
    await page.get_by_role("button", name="Yes, withdraw my accreditation").click()
    await page.wait_for_url(re.compile(r".*done=withdrawn$"))
    assert await page.inner_text("#status") == "Withdrawn"
    assert await page.inner_text("#status-message") == (
        "Your accreditation is withdrawn; an email confirms it.")
    assert await page.locator("#withdraw-form").count() == 0
    assert await page.locator("#badge-link").count() == 0
    [letter] = await smtp.wait_for(
        1, where=lambda m: j["email"] in str(m["To"]) and "withdrawn" in str(m["Subject"]))
    assert "Your badge is no longer valid" in body_text(letter)
