"""The press desk's possible duplicates in a browser (docs/workspaces.md, "Possible
duplicates"): the queue's mark, the application's notice and the tick asked before approving,
audited with axe in French and English at both widths."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import press, spend_welcome
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body
from tests.support import RecordingSMTP


async def test_the_desk_shows_possible_duplicates_and_asks_before_approving(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "tove.ernst@example.org", "name": "Tove Ernst", "language": "en",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    card = {"outlet": "Le Monde", "press_card_number": "FR 2026/0042", "role": "journalist",
            "country": "FR"}
    first = await press(site, 1, given_name="Marie", family_name="Curie", press=card)
    again = await press(site, 2, given_name="Marie", family_name="Curie",
                        press={**card, "press_card_number": "fr-2026-0042"})
    [welcome] = await smtp.wait_for(1, where=lambda m: "tove.ernst@example.org" in m["To"]
                                    and m["Subject"].startswith("Your access"))
    await spend_welcome(page, _link(site, welcome), lands="/manage/alliance/press")

    desk = f"{site.url}/manage/alliance/press"
    await page.goto(f"{desk}?lang=en")
    assert await page.inner_text(f"#dup-{again['id']}") == \
        "Possible duplicate of Marie Curie (Received, under review)"
    await _audit(browser, page, "press-queue-duplicates")

    await page.goto(f"{desk}/{again['id']}?lang=en")
    assert "Marie Curie – Le Monde, FR 2026/0042" in await page.inner_text("#duplicates")
    await _audit(browser, page, "press-application-duplicate")

    async def approve_unticked(tab: Any, lang: str) -> None:
        await tab.goto(f"{desk}/{again['id']}?lang={lang}")
        await tab.check("#decision-approve")
        await tab.click("#decision-form button[type=submit]:not(.form-language)")
        await tab.wait_for_selector("#confirm_duplicate-error")

    await approve_unticked(page, "en")
    await _audit(browser, page, "press-application-duplicate-unticked", reach=approve_unticked)
    await page.check("#decision-approve")
    await page.check("#confirm_duplicate")
    await page.click("#decision-form button[type=submit]:not(.form-language)")
    await page.wait_for_url(re.compile(r".*done=approve.*"))
    _, acc, _ = await site.call("GET", f"/api/v1/accreditations/{again['id']}",
                                role="press_office")
    assert acc["status"] == "approved"
    # the first is now a possible duplicate of an approved application: refused without the
    # box, named
    await page.goto(f"{desk}/{first['id']}?lang=fr")
    await page.check("#decision-approve")
    await page.click("#decision-form button[type=submit]:not(.form-language)")
    assert (await page.inner_text("#form-error")).startswith(
        "Demande non accordée\u00a0: elle est peut-être un doublon de celle de Marie Curie")
