"""The pages a tryout of the press, the door and the public pages changed (4 December 2026,
night), each in headless Chromium as its user reaches it, axe-clean in French and English at
390 and 1280 px (``_audit``): the press desk's application of a journalist approved and then
refused clearance, that journalist's own page, the press form's answer where the press is
vetted, and the programme of two parallel sessions."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import at, press, press_officer_signed_in, publish, room, session
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.support import RecordingSMTP, current_token


async def test_a_journalist_refused_clearance_after_approval_on_the_desk_and_their_page(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body(vetting_required=["press"]))
    assert status == 201, body
    journalist = await press(site, decision="approve", language="en")
    status, body, _ = await site.call(
        "POST", f"/api/v1/accreditations/{journalist['id']}/vetting/status", role="protocol",
        json={"status": "refused", "reason": "Record mismatch."})
    assert status == 200, body
    await smtp.wait_for(1, where=lambda m: str(m["Subject"]).startswith(
        "Security clearance not granted"))

    # the journalist's own page: no badge, no calendar, the withdrawal without promises
    token = await current_token(site.db_url, journalist["id"])
    await page.goto(f"{site.url}/a/{token}?lang=en")
    assert await page.locator("#badge-withheld").is_visible()
    assert await page.locator("#feed-webcal").count() == 0
    assert (await page.inner_text("#withdraw-text")).endswith("Withdrawal is final.")
    await _audit(browser, page, "status-clearance-refused-approved")

    # the press desk: the clearance beside the status
    await press_officer_signed_in(site, smtp, page)
    await page.goto(f"{site.url}/manage/alliance/press/{journalist['id']}?lang=en")
    assert await page.inner_text("#clearance") == "Refused: no badge can be issued."
    await _audit(browser, page, "press-desk-clearance-refused")


async def test_the_press_form_s_answer_and_the_programme_of_parallel_sessions(
    site: Site, page: Any, browser: Any
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body(vetting_required=["press"]))
    assert status == 201, body
    await page.goto(f"{site.url}/alliance/press/received?lang=en")
    assert "Once the security check is complete" in await page.inner_text("#next-3")
    await _audit(browser, page, "press-received-vetted")

    _, conf, _ = await site.call("GET", "/api/v1/conferences/alliance")
    hall = await room(site, {"fr": "Salle plénière", "en": "Plenary hall"})
    one = await room(site, {"fr": "Salle 1", "en": "Room 1"}, 50)
    await session(site, hall, at(conf, 10), at(conf, 11),
                  title={"fr": "Enquêtes et poursuites", "en": "Investigations and prosecution"})
    await session(site, one, at(conf, 10), at(conf, 11),
                  title={"fr": "Identification des victimes", "en": "Victim identification"})
    await publish(site)
    await page.goto(f"{site.url}/alliance/programme?lang=en")
    assert await page.locator("#day-1").count() == 1
    await _audit(browser, page, "programme-parallel")
