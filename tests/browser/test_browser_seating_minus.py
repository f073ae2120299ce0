"""The seating plan with a seat on the chair's left, written "−1" with the minus sign: the page
passes axe-core in French and English at 390 and 1280 px."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.http.conftest_programme import (
    accredit,
    at,
    make_delegation,
    make_room,
    make_session,
    put_participant,
)
from tests.support import RecordingSMTP


async def test_the_seating_plan_with_seats_on_both_sides_passes_axe(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, conf, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, conf
    session = await make_session(site, await make_room(site), at(conf, 9), at(conf, 10))
    for n, (country, family) in enumerate((("DE", "Baerbock"), ("NL", "Rutte"),
                                           ("FR", "Le Drian"))):
        person = await accredit(site, "Anna", family, delegation=await make_delegation(
            site, country))
        assert (await put_participant(site, session, person,
                                      "chair" if n == 0 else "speaker"))[0] == 200
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    await page.goto(f"{site.url}/manage/alliance/sessions/{session['id']}/seating?lang=en")
    seats = await page.locator("#seating td.num").all_inner_texts()
    assert sorted(seats) == sorted(["\u22121", "0", "+1"])
    await _audit(browser, page, "console-seating-both-sides")
