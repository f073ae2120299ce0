"""A refused clearance in headless Chromium, no script: protocol records it on the console's
application page, whose history then says "Clearance refused" with the reason; the focal point
gets the letter, finds the member no longer in the delegation's programme and reads the line on
the member's page without the reason, and so does the person on their own page; neither page
offers a badge, each says none can be issued. An undecided member's decision form says the
clearance is pending before anyone approves. Every page passes axe-core in French and English
at 390 and 1280 px (``_audit``)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP, body_text

REASON = "Mismatch with the national record."


async def test_a_refused_clearance_is_a_line_of_the_history_on_every_page(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body(vetting_required=["minister"]))
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    minister = await member(site, be, "Peeters")
    await member(site, be, "Maes")
    undecided = await member(site, be, "Janssens", decision=None)
    _, room, _ = await site.call("POST", "/api/v1/conferences/alliance/rooms", role="protocol",
                                 json={"name": "Plenary hall", "capacity": 300})
    day = datetime.fromisoformat(body["starts_on"])
    start = datetime(day.year, day.month, day.day, 9, tzinfo=ZoneInfo("Europe/Brussels"))
    status, session, _ = await site.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol", json={
            "title": {"fr": "Ouverture", "en": "Opening"}, "kind": "plenary",
            "room_id": room["id"], "starts_at": start.isoformat(),
            "ends_at": start.replace(hour=10).isoformat(), "audience": ["minister"],
            "press_access": "closed"})
    assert status == 201, session
    assert (await site.call("POST", "/api/v1/conferences/alliance/programme/publish",
                            role="protocol"))[0] == 201

    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    await page.goto(f"{site.url}/manage/alliance/accreditations/{minister['id']}?lang=en")
    await page.get_by_label("New status").select_option("refused")
    await page.locator("#vetting_reason").fill(REASON)
    await page.get_by_role("button", name="Record the status").click()
    await page.wait_for_url(re.compile(r".*done=vetting.*"))
    history = await page.inner_text("#history")
    assert "Clearance refused" in history and REASON in history, history
    await _audit(browser, page, "console-accreditation-clearance")
    # the revocation form says in which language the reason is mailed (the member's)
    assert await page.inner_text("#revoke-language") == (
        "The mail is written in English: write the reason in English.")
    # an undecided member awaiting clearance: said above the decision
    await page.goto(f"{site.url}/manage/alliance/accreditations/{undecided['id']}?lang=fr")
    assert await page.inner_text("#clearance-warning") == (
        "Habilitation de sécurité en attente\u00a0: si l'accréditation est accordée, le badge"
        " ne sera délivré qu'une fois le contrôle de sécurité terminé.")
    await _audit(browser, page, "console-accreditation-clearance-decision")

    # the focal point is told by letter, without the reason
    [letter] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"]
                                   and "badge" in str(m["Subject"]))
    assert REASON not in body_text(letter)

    # the member's page in the portal: the line, not the reason
    context = await browser.new_context()
    portal = await context.new_page()
    await portal.goto(_link(site, welcome))
    await portal.get_by_role("button", name="Me connecter").click()
    # the welcome's delegation
    await portal.wait_for_url(re.compile(r".*/delegation/alliance-be\?lang=fr$"))
    # the delegation's programme: the refused member is invited to nothing any more
    await portal.goto(f"{site.url}/delegation/alliance-be?lang=fr")
    programme = await portal.inner_text("#programme")
    assert "Anna Maes" in programme and "Peeters" not in programme, programme
    await _audit(browser, portal, "delegation-clearance-programme")
    await portal.goto(f"{site.url}/delegation/alliance-be/members/{minister['id']}?lang=fr")
    history = await portal.inner_text("#history")
    assert "Habilitation de sécurité refusée" in history and REASON not in history, history
    assert await portal.locator("#badge-link").count() == 0
    assert await portal.inner_text("#badge-withheld") == (
        "Aucun badge ne peut être délivré\u00a0: l'habilitation de sécurité qu'il requiert n'a"
        " pas été accordée.")
    await _audit(browser, portal, "delegation-member-clearance")

    # the person's own page behind their private link: the same
    await portal.goto(f"{site.url}/a/{minister['access_token']}?lang=en")
    history = await portal.inner_text("#history")
    assert "Clearance refused" in history and REASON not in history, history
    assert await portal.locator("#badge-link").count() == 0
    assert await portal.inner_text("#badge-withheld") == (
        "No badge can be issued to you: the security clearance it requires has not been"
        " granted.")
    await _audit(browser, portal, "status-clearance")
    await context.close()
