"""A focal point files a minister in the category "expert", in a browser: the form files the
member and opens the member's page, which asks to check the category (docs/protocol.md, "Rank
and category"), in French and English, with no axe violation at either width."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import focal_point_signed_in
from tests.browser.test_browser_workspaces import _audit
from tests.support import RecordingSMTP

PORTAL = "/delegation/alliance-be"


async def test_a_minister_filed_as_an_expert_is_filed_and_the_page_asks_to_check(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    await focal_point_signed_in(site, smtp, page)

    await page.goto(f"{site.url}{PORTAL}/members/new?lang=fr")
    await page.select_option("#category", "expert")
    await page.fill("#given_name", "Didier")
    await page.fill("#family_name", "Reynders")
    await page.fill("#email", "didier.reynders@example.org")
    await page.select_option("#language", "fr")
    await page.select_option("#rank", "minister")
    await page.fill("#function", "Ministre des Affaires étrangères")
    await page.click("#member-form button[type=submit]")
    await page.wait_for_url(re.compile(r".*/members/[0-9a-f-]+\?.*done=registered.*"))
    assert "Inscription enregistrée pour Didier Reynders" in await page.inner_text("#flash")
    warning = await page.inner_text("#rank-warning")
    assert warning.startswith("Rang et catégorie à vérifier")
    assert "«\u00a0Expert\u00a0»" in warning and "veuillez vérifier la catégorie" in warning
    await _audit(browser, page, "delegation-member-rank-warning")
    await page.goto(page.url.split("?")[0] + "?lang=en")
    assert "please check the category" in await page.inner_text("#rank-warning")
