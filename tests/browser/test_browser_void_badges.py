"""The badges page's "Void badges still out there" section (a printed and collected badge
whose holder was then replaced) at 390 and 1280 px, in French and English: no axe violation,
nothing wider than the screen (tryout D, item 2)."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_console import _axe, _sign_in
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP


async def test_the_void_badges_read_on_a_phone_and_a_desk(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    old = await member(site, be, "Janssens")
    status, body, _ = await site.call("POST", "/api/v1/conferences/alliance/badges/printed",
                                      role="protocol", json={"accreditation_ids": [old["id"]]})
    assert status == 200, body
    status, body, _ = await site.call(
        "POST", f"/api/v1/delegations/{be['id']}/pack/collected", role="protocol",
        json={"collected_by": "M. Olivier Lenoir, Représentation permanente de la Belgique"})
    assert status == 200, body
    status, body, _ = await site.call(
        "POST", f"/api/v1/accreditations/{old['id']}/substitute", role="protocol",
        json={"given_name": "Nathalie", "family_name": "Lemaire",
              "email": "lemaire@example.org", "language": "fr"})
    assert status == 201, body
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        for lang in ("fr", "en"):
            await page.goto(f"{site.url}/manage/alliance/badges?lang={lang}")
            assert await page.locator(f"#void-{old['id']}").is_visible()
            assert await page.evaluate(
                "document.documentElement.scrollWidth <= window.innerWidth")
            await _axe(page, f"void-badges-{width}-{lang}")
