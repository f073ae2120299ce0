"""The delegation's letters, as its focal point reads them (docs/workspaces.md, "The
delegation portal"): the portal shows the latest ten and says how many there are, with a
link to every letter, newest first, fifty to a page. The portal listed them all, up to 200: a
delegation of twenty has some two hundred letters by the meeting, a phone scrolled past every
one, and the 201st was nowhere (tryout, 4 December 2026). Headless Chromium, the mail read from
a real SMTP server, axe-core in French and English at 390 and 1280 px."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP

MEMBERS = 55  # with the welcome, 56 letters: a portal of ten, two pages of fifty


async def test_the_focal_point_reads_the_latest_letters_and_pages_through_all_of_them(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    for n in range(MEMBERS):
        await member(site, be, f"Peeters{n:02d}", category="expert", rank="expert",
                     decision=None)
    await smtp.wait_for(MEMBERS, where=lambda m: "peeters" in m["To"].lower())

    await page.goto(_link(site, welcome))
    await page.get_by_role("button", name="Me connecter").click()
    await page.wait_for_url(re.compile(r".*/delegation/alliance-be\?lang=fr$"))
    rows = await page.locator("#letters tbody tr").all_inner_texts()
    assert len(rows) == 10
    assert "peeters54@example.org" in rows[0]  # the newest first
    assert await page.inner_text("#letters-latest") == (
        f"Les 10\u00a0plus récents sur {MEMBERS + 1}. Voir tous les courriers ({MEMBERS + 1})")

    await page.click("#letters-all")
    await page.wait_for_url(re.compile(r".*/delegation/alliance-be/letters\?lang=fr$"))
    assert await page.inner_text("#letters-count") == (
        f"{MEMBERS + 1}\u00a0courriers, du plus récent au plus ancien.")
    first = await page.locator("#letters tbody tr").all_inner_texts()
    assert len(first) == 50 and "peeters54@example.org" in first[0]
    await _audit(browser, page, "delegation-letters")
    await page.locator("#page-next").first.click()
    await page.wait_for_url(re.compile(r".*/letters\?.*page=2"))
    second = await page.locator("#letters tbody tr").all_inner_texts()
    assert len(second) == MEMBERS + 1 - 50
    assert "fp-be@example.org" in second[-1]  # the welcome, the oldest, last
    assert not set(first) & set(second)
    await _audit(browser, page, "delegation-letters-2")
