"""The speaking order and the seating plan on a phone, as a protocol officer read them on the
morning of a meeting (2 December 2026): four columns squeezed into 390 px left each name a
word a line. Each speech and each seat is now a card, every column labelled; the printout
keeps the table. axe-clean in French and English at 390 and 1280 px."""

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


async def test_the_speaking_order_and_the_seating_are_cards_on_a_phone(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, conf, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, conf
    session = await make_session(site, await make_room(site), at(conf, 9), at(conf, 10))
    be, fr = await make_delegation(site, "BE"), await make_delegation(site, "FR")
    chair = await accredit(site, "Joëlle", "Milquet", delegation=be)
    speaker = await accredit(site, "Bernard", "Cazeneuve", delegation=fr,
                             function="Ministre de l'Intérieur")
    assert (await put_participant(site, session, chair, "chair"))[0] == 200
    assert (await put_participant(site, session, speaker, "speaker"))[0] == 200
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    await page.set_viewport_size({"width": 390, "height": 900})
    base = f"{site.url}/manage/alliance/sessions/{session['id']}"
    for view, table in (("speaking-order", "#speaking-order"), ("seating", "#seating")):
        await page.goto(f"{base}/{view}?lang=fr")
        assert await page.evaluate("document.documentElement.scrollWidth") <= 390
        names = page.locator(f"{table} td.card-title")
        assert await names.count() == 2
        for i in range(2):
            box = await names.nth(i).bounding_box()
            # the name runs the card's width, not a fourth of the screen
            assert box is not None and box["width"] >= 300, (view, box)
        await _audit(browser, page, f"console-{view}-phone")
