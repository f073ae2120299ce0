"""The security list of a royal-presence session after its freeze, with a speaker replaced
after the deadline: the page says that the list changed after it froze and whom the substitute
replaces, at the top and on the person's line, and names apart a minister left off for a
clearance still pending; on a phone each person is a card, so that the
role and the mark are not off the screen's edge (the table's fifth column was). axe-clean in
French and English at 390 and 1280 px."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.helpers import zone
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


async def test_a_late_substitute_is_marked_on_the_frozen_security_list(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP, db_url: str
) -> None:
    status, conf, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, conf
    session = await make_session(site, await make_room(site), at(conf, 12), at(conf, 13),
                                 royal_presence=True, press_access="pool",
                                 audience=["minister"])
    be, fr = await make_delegation(site, "BE"), await make_delegation(site, "FR")
    await accredit(site, "Joëlle", "Milquet", delegation=be)
    manuel = await accredit(site, "Manuel", "Valls", delegation=fr)
    assert (await put_participant(site, session, manuel, "speaker"))[0] == 200
    # The deadline passes now: after the approvals, before the substitution.
    conn = await asyncpg.connect(db_url)
    try:
        # the ministers need clearance: Milquet's is still pending
        await conn.execute("UPDATE conference SET security_list_deadline = now(), "
                           "vetting_required = '{minister}'")
    finally:
        await conn.close()
    status, bernard, _ = await site.call(
        "POST", f"/api/v1/accreditations/{manuel['id']}/substitute", role="protocol",
        json={"given_name": "Bernard", "family_name": "Cazeneuve",
              "email": "bernard.cazeneuve@example.org", "language": "fr", "gender": "male",
              "reason": "Le ministre est retenu à Paris.", "approve": True})
    assert status == 201, bernard
    status, _, _ = await site.call(
        "POST", f"/api/v1/accreditations/{bernard['id']}/vetting/status", role="protocol",
        json={"status": "cleared"})
    assert status == 200
    # what the police check him against, on the list too
    status, body, _ = await site.call(
        "PUT", f"/api/v1/accreditations/{bernard['id']}/vetting", role="protocol",
        json={"document_type": "diplomatic_passport", "document_number": "D01234567",
              "date_of_birth": "1963-06-02", "nationality": "FR"})
    assert status == 200, body

    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    await page.goto(f"{site.url}/manage/alliance/sessions/{session['id']}/security-list?lang=fr")
    warning = await page.locator("#late-additions").inner_text()
    assert "Liste modifiée après son arrêt\u00a0:" in warning
    assert "Bernard Cazeneuve, en remplacement de Manuel Valls" in warning
    awaiting = await page.locator("#awaiting-clearance").inner_text()
    assert "Pas sur la liste\u00a0: habilitation de sécurité en attente" in awaiting
    assert "Joëlle Milquet, Belgique – Dans l'assistance" in awaiting
    mark = page.locator(f"#late-{bernard['id']}")
    assert await mark.inner_text() == "Ajout après l'arrêt de la liste"
    await page.goto(f"{site.url}/manage/alliance/sessions/{session['id']}/security-list?lang=en")
    assert "Bernard Cazeneuve, in place of Manuel Valls" in await page.locator(
        "#late-additions").inner_text()
    # On a phone, the role and the mark are on the screen, not beyond its right edge.
    await page.set_viewport_size({"width": 390, "height": 900})
    box = await page.locator(f"#late-{bernard['id']}").bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    # and so is his identity document, labelled on his card
    document = page.locator("#security-list td.identity-document").first
    assert await document.inner_text() == "Diplomatic passport D01234567"
    assert await document.get_attribute("data-label") == "Identity document"
    box = await document.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    assert await page.evaluate("document.documentElement.scrollWidth") <= 390
    await _audit(browser, page, "console-security-list-late")

    # The royal perimeter's door admits him and says he joined after the freeze.
    await zone(site, "royal", kind="royal_perimeter", sessions=[session["id"]])
    status, badges, _ = await site.call("GET", "/api/v1/conferences/alliance/badges",
                                        role="protocol")
    assert status == 200, badges
    [ref] = [b["short_reference"] for b in badges["items"]
             if b["accreditation_id"] == bernard["id"]]

    async def scanned(tab: Any, lang: str) -> None:
        await tab.goto(f"{site.url}/manage/alliance/door?lang={lang}")
        await tab.select_option("#zone", "royal")
        await tab.fill("#badge", ref)
        await tab.locator("button[type=submit]").last.click()
        await tab.locator("#door-result").wait_for()

    await page.set_viewport_size({"width": 1280, "height": 900})
    await scanned(page, "fr")
    assert await page.inner_text("#door-result .door-verdict") == "ADMIS"
    assert "après son arrêt" in await page.inner_text("#door-late")
    await _audit(browser, page, "door-admitted-late", reach=scanned)
