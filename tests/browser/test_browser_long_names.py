"""A name typed as one long word (a user test typed 200 letters with no space, which the API
allows) stays inside a phone's screen on the pages that show it in a heading or a table: the
journalist's status page, the press desk's application (its breadcrumbs), the console's
accreditation and visa letters pages were 3,600 px wide at 390 px."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Site
from tests.browser.helpers import press
from tests.browser.test_browser_console import _sign_in
from tests.conftest import conference_body
from tests.http.test_credentials import PASSPORT
from tests.support import RecordingSMTP

LONG = "Wolfeschlegelsteinhausenbergerdorff" * 5  # 175 letters, no space


@pytest.mark.parametrize("width", [390])
async def test_a_long_unbroken_name_stays_inside_a_phone_screen(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP, width: int
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    journalist = await press(site, 1, family_name=LONG)
    status, letter, _ = await site.call(
        "POST", f"/api/v1/accreditations/{journalist['id']}/visa-letter",
        role=journalist["access_token"], json={**PASSPORT, "passport_name": LONG})
    assert status == 201, letter
    await page.set_viewport_size({"width": width, "height": 900})
    await _sign_in(site, page, smtp, "ines.vermeulen@example.org", "admin", "en")
    for path in (f"/a/{journalist['access_token']}",
                 f"/manage/alliance/press/{journalist['id']}",
                 f"/manage/alliance/accreditations/{journalist['id']}",
                 "/manage/alliance/accreditations", "/manage/alliance/press",
                 "/manage/alliance/visa-letters"):
        for lang in ("fr", "en"):
            response = await page.goto(f"{site.url}{path}?lang={lang}")
            assert response is not None and response.status == 200, path
            assert await page.locator("main").inner_text() != ""
            wide = await page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, (path, lang, wide)
