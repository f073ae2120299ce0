"""The programme builder's room form with a name in French and in English (the second
optional, with its hint): the grid with the form, and the form sent back with its errors each
beside its field, pass axe-core in French and English at 390 and 1280 px."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.support import RecordingSMTP


async def test_the_room_form_in_two_languages_passes_axe(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    grid = f"{site.url}/manage/alliance/programme"
    await page.goto(f"{grid}?lang=en")
    await page.get_by_label("Name in French").fill("Salle Europa")
    await page.get_by_label("Name in English").fill("Europa room")
    await page.get_by_label("Seats").fill("40")
    await page.get_by_role("button", name="Add a room").click()
    await page.locator("#flash").wait_for()
    assert await page.locator(".grid-room").all_inner_texts() == ["Europa room"]
    await _audit(browser, page, "console-programme-rooms")

    async def with_errors(tab: Any, lang: str) -> None:
        await tab.goto(f"{grid}?lang={lang}")
        await tab.locator("#name_en").fill("Agora")
        await tab.locator("#capacity").fill("0")
        await tab.locator("#room-form button[type=submit]").click()
        await tab.locator("#name_fr-error").wait_for()
        await tab.locator("#capacity-error").wait_for()

    await with_errors(page, "fr")
    await _audit(browser, page, "console-programme-room-errors", reach=with_errors)
