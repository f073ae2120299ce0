"""The door page telling that a royal guest is late (docs/credentials.md, "Late for the
patron"), in headless Chromium: a minister on the royal session's list, scanned at the
perimeter after the seating time, is ADMITTED with the late notice in sight; the verdict
passes axe-core in French and English at 390 and 1280 px."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import delegation, door_scan, member, room, session, zone
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.http.test_badges import _reference
from tests.support import RecordingSMTP


async def test_the_door_says_a_royal_guest_is_late(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    now = datetime.now(UTC)
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body(
                                          starts_on=(now - timedelta(days=1)).date().isoformat(),
                                          ends_on=(now + timedelta(days=1)).date().isoformat()))
    assert status == 201, body
    # begun ten minutes ago (guests seated from 25 minutes ago)
    royal = await session(site, await room(site), (now - timedelta(minutes=10)).isoformat(),
                          (now + timedelta(minutes=50)).isoformat(), royal_presence=True,
                          press_access="pool", audience=["minister"])
    await zone(site, "perimeter", kind="royal_perimeter", sessions=[royal["id"]])
    minister = await member(site, await delegation(site, "ES"), "Ribera")
    badge = await _reference(site, minister["id"])
    await _sign_in(site, page, smtp, "door@example.org", "door", "en")

    late = door_scan(site.url, "perimeter", badge, "#door-seated-late")
    await page.set_viewport_size({"width": 390, "height": 844})
    await late(page, "en")
    assert "ADMITTED" in await page.inner_text("#door-result")
    said = await page.inner_text("#door-seated-late")
    assert " began at " in said and "in the royal presence" in said, said
    box = await page.locator("#door-seated-late").bounding_box()
    assert box is not None and 0 <= box["y"] <= 844, box  # in sight with the verdict
    await _audit(browser, page, "door-seated-late", reach=late)
