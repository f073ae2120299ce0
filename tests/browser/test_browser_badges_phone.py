"""The badges page on a phone (390 px): the batch's two buttons, download and mark printed, are
two buttons apart from each other and from the list below, not one grey block touching the
first card (found trying the product)."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_console import _sign_in
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP


async def test_the_batch_buttons_stand_apart_on_a_phone(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    await member(site, be, "Peeters")  # an approved minister: one badge to print
    await page.set_viewport_size({"width": 390, "height": 900})
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    await page.goto(f"{site.url}/manage/alliance/badges?lang=fr")
    download = await page.locator("#batch-download").bounding_box()
    printed = await page.locator("#mark-printed").bounding_box()
    table = await page.locator("#badges").bounding_box()
    assert printed["y"] - (download["y"] + download["height"]) >= 8
    assert table["y"] - (printed["y"] + printed["height"]) >= 8
