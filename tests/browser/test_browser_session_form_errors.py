"""The new-session form sent back with every error at once (a title missing, the end before the
start, the press let into a royal-presence session): the summary naming and linking each field
and the errors beside the fields pass axe-core in French and English at 390 and 1280 px."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.http.conftest_programme import make_room
from tests.support import RecordingSMTP


async def _send_with_errors(tab: Any, url: str) -> None:
    await tab.goto(url)
    await tab.locator("#title_fr").fill("Séance d'ouverture")
    await tab.locator("#kind").select_option("plenary")
    await tab.locator("#room_id").select_option(index=1)
    await tab.locator("#starts").fill("11:00")
    await tab.locator("#ends").fill("10:00")
    await tab.locator("#press_access").select_option("open")
    await tab.locator("#royal_presence").check()
    await tab.locator("#session-form button[type=submit]").click()
    await tab.locator("#error-summary").wait_for()


async def test_the_new_session_form_with_all_its_errors_passes_axe(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await make_room(site, "Plenary hall")
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    new = f"{site.url}/manage/alliance/sessions/new"
    await _send_with_errors(page, f"{new}?lang=en")
    links = await page.locator("#error-summary a").all_inner_texts()
    assert links == ["Title in English", "Ends (hh:mm)", "Press access"]

    async def with_errors(tab: Any, lang: str) -> None:
        await _send_with_errors(tab, f"{new}?lang={lang}")

    await _audit(browser, page, "console-programme-new-errors", reach=with_errors)
