"""The press desk's application page on a phone answers a form's mistake where the officer
looks (docs/workspaces.md, "Errors in sight"): a refusal recorded without a reason, a request
for information without its message, a revocation without its reason or its box. The page used
to open at its top with the error two screens below the title, and the officer, on a phone at
390 px, thought nothing had happened; audited with axe in French and English at both widths."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import press, spend_welcome
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body
from tests.support import RecordingSMTP


async def _in_view(tab: Any, selector: str) -> bool:
    """Whether the element is in the tab's window as it opened, without scrolling."""
    box = await tab.locator(selector).bounding_box()
    height = await tab.evaluate("window.innerHeight")
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= height


async def test_a_refusal_without_its_reason_is_said_at_the_top_on_a_phone(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "tove.ernst@example.org", "name": "Tove Ernst", "language": "en",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    applicant = await press(site, 1, given_name="Léa", family_name="Martin")
    approved = await press(site, 2, given_name="Jean", family_name="Reporter",
                           decision="approve")
    [welcome] = await smtp.wait_for(1, where=lambda m: "tove.ernst@example.org" in m["To"]
                                    and m["Subject"].startswith("Your access"))
    await page.set_viewport_size({"width": 390, "height": 800})
    await spend_welcome(page, _link(site, welcome), lands="/manage/alliance/press")
    desk = f"{site.url}/manage/alliance/press"

    async def reject_without_reason(tab: Any, lang: str) -> None:
        await tab.goto(f"{desk}/{applicant['id']}?lang={lang}")
        await tab.check("#decision-reject")
        await tab.click("#decision-form button[type=submit]:not(.form-language)")
        await tab.wait_for_selector("#error-summary")

    await reject_without_reason(page, "en")
    summary = page.locator("#error-summary")
    assert "Written reason – Choose a standard reason or write one." in \
        await summary.inner_text()
    assert await page.get_attribute("#error-summary a", "href") == "#reason"
    assert await _in_view(page, "#error-summary")
    _, acc, _ = await site.call("GET", f"/api/v1/accreditations/{applicant['id']}",
                                role="press_office")
    assert acc["status"] == "submitted"
    await _audit(browser, page, "press-decision-errors", reach=reject_without_reason)

    # the request for more information, without its message: said at the top as well
    await page.goto(f"{desk}/{applicant['id']}?lang=fr")
    await page.click("#information-form button[type=submit]:not(.form-language)")
    await page.wait_for_selector("#error-summary")
    assert await page.get_attribute("#error-summary a", "href") == "#information_message"
    assert await _in_view(page, "#error-summary")

    # a revocation without its reason nor its box, both named at the top
    await page.goto(f"{desk}/{approved['id']}?lang=fr")
    await page.click("#revoke-form button[type=submit]:not(.form-language)")
    await page.wait_for_selector("#error-summary")
    assert [await a.get_attribute("href") for a in
            await page.locator("#error-summary a").all()] == ["#revoke_reason",
                                                              "#revoke_confirm"]
    assert await _in_view(page, "#error-summary")
    _, acc, _ = await site.call("GET", f"/api/v1/accreditations/{approved['id']}",
                                role="press_office")
    assert acc["status"] == "approved"
