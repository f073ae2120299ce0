"""The pages a tryout changed (5 December 2026), each in headless Chromium as its user reaches
it, axe-clean in French and English at 390 and 1280 px (``_audit``)."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import press
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.support import RecordingSMTP, current_token


async def test_a_replaced_link_leads_to_the_lost_link_form(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """A journalist opens the link of her first mail after a later letter replaced it: the page
    says why it no longer works and links the conference's lost-link form, which she follows."""
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    created = await press(site, language="en")
    await smtp.wait_for(1, where=lambda m: "marie.dupont@example.org" in m["To"])
    first = await current_token(site.db_url, created["id"])  # her acknowledgement's link
    status, _, _ = await site.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="press_office",
        json={"decision": "approve"})
    assert status == 200
    await smtp.wait_for(2, where=lambda m: "marie.dupont@example.org" in m["To"])
    assert await current_token(site.db_url, created["id"]) != first

    await page.goto(f"{site.url}/a/{first}?lang=en")
    assert await page.inner_text("h1") == "Link not valid"
    await _audit(browser, page, "link-replaced")
    await page.click("#link-again a")
    assert page.url.endswith("/alliance/press/link?lang=en")
    await page.fill("#email", "marie.dupont@example.org")
    await page.click("#link-form button[type=submit]")
    assert "its link has just been sent" in await page.inner_text("#link-message")
