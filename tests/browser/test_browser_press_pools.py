"""The press office's pools page (docs/workspaces.md, "Press pools") in headless Chromium: a
press officer signs in with the welcome link, opens the pools page from the desk's queue,
creates a pool (a duplicate name first refused on the name field), adds an approved journalist
with the pool's select and button (no script), and finds the pool named on the journalist's
application page. The page passes axe-core in French and English at 390 and 1280 px, with and
without its error, and nothing scrolls sideways on a phone."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import press, spend_welcome
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body
from tests.http.conftest_programme import at, make_room, make_session
from tests.support import RecordingSMTP


async def _fits_a_phone(browser: Any, page: Any) -> None:
    """At 390 px, in both languages, the pools page is no wider than the screen."""
    context = await browser.new_context(viewport={"width": 390, "height": 900})
    await context.add_cookies(await page.context.cookies())
    tab = await context.new_page()
    for lang in ("fr", "en"):
        await tab.goto(page.url.split("?")[0] + f"?lang={lang}")
        width = await tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (lang, width)
    await context.close()


async def test_a_press_officer_makes_a_pool_and_puts_a_journalist_in_it(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "tove.ernst@example.org", "name": "Tove Ernst", "language": "en",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    journalist = await press(site, 1, decision="approve",
                             press={"outlet": "De Standaard", "press_card_number": "BE-77",
                                    "role": "photographer", "country": "BE"})
    await press(site, 2)  # submitted: not offered
    [welcome] = await smtp.wait_for(1, where=lambda m: "tove.ernst@example.org" in m["To"]
                                    and m["Subject"].startswith("Your access"))
    await spend_welcome(page, _link(site, welcome), lands="/manage/alliance/press")

    await page.goto(f"{site.url}/manage/alliance/press")
    await page.get_by_role("link", name="Manage the press pools").click()
    await page.wait_for_url(re.compile(r".*/manage/alliance/press/pools.*"))
    assert await page.inner_text("h1") == "Press pools"
    assert await page.inner_text("#no-pools") == "No pool yet."
    await _audit(browser, page, "press-pools-empty")

    await page.get_by_label("Pool name").fill("Royal visit")
    await page.get_by_role("button", name="Create the pool").click()
    await page.wait_for_url(re.compile(r".*done=created.*"))
    assert await page.inner_text("#flash") == "Pool created."

    # the same name again: the name field's error, in the summary at the top
    await page.get_by_label("Pool name").fill("Royal visit")
    await page.get_by_role("button", name="Create the pool").click()
    await page.wait_for_selector("#name-error")
    assert "A pool already has this name" in await page.inner_text("#name-error")
    assert "Pool name – A pool already has this name" in await page.inner_text(
        "#error-summary")
    assert await page.get_attribute("#error-summary a", "href") == "#name"

    async def with_an_error(tab: Any, lang: str) -> None:
        await tab.goto(f"{site.url}/manage/alliance/press/pools?lang={lang}")
        await tab.locator("#name").fill("Royal visit")
        await tab.locator("#pool-create").click()
        await tab.wait_for_selector("#name-error")

    await _audit(browser, page, "press-pools-errors", reach=with_an_error)

    # the pool's select offers the approved journalist (name – outlet) only
    await page.goto(f"{site.url}/manage/alliance/press/pools?lang=en")
    select = page.get_by_label("Approved journalist to add to the pool Royal visit")
    options = await select.locator("option").all_inner_texts()
    assert options == ["— Choose —", "Marie Dupont1 – De Standaard"]
    await select.select_option(journalist["id"])
    await page.get_by_role("button", name="Add").click()
    await page.wait_for_url(re.compile(r".*done=added.*"))
    assert await page.inner_text("#flash") == "Marie Dupont1 is now in the pool."
    member = await page.inner_text(f"#pool-member-{journalist['id']}")
    assert "Marie Dupont1 – De Standaard, Photographer" in member
    assert "1 member" in await page.inner_text("section.pool-card")
    assert await page.get_by_role(
        "button", name="Remove Marie Dupont1 from the pool Royal visit").count() == 1
    await _audit(browser, page, "press-pools")
    await _fits_a_phone(browser, page)

    # the journalist's application page names the pool and leads back to the pools page
    await page.get_by_role("link", name="Marie Dupont1").click()
    await page.wait_for_url(re.compile(rf".*/press/{journalist['id']}.*"))
    assert await page.inner_text("#press-pool") == "Royal visit – Manage the press pools"
    await page.goto(f"{site.url}/manage/alliance/press/{journalist['id']}?lang=fr")
    assert (await page.inner_text("#press-pool")).startswith("Royal visit – ")
    await page.locator("#press-pool a").click()
    await page.wait_for_url(re.compile(r".*/manage/alliance/press/pools.*"))
    assert await page.inner_text("h1") == "Pools de presse"


async def test_a_press_officer_has_a_pool_cover_the_royal_opening(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """The pool's card lists the sessions it covers and offers the sessions for the pool or a
    photo opportunity; the add form says each journalist's clearance and leaves out the one
    refused. axe in French and English at 390 and 1280 px, with and without the cover form's
    error; nothing scrolls sideways on a phone."""
    status, conference, _ = await site.call(
        "POST", "/api/v1/conferences", role="admin",
        json=conference_body(vetting_required=["press"]))
    assert status == 201, conference
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "tove.ernst@example.org", "name": "Tove Ernst", "language": "en",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    cleared = await press(site, 1, decision="approve")
    refused = await press(site, 2, decision="approve")
    await press(site, 3, decision="approve")  # clearance pending
    for who, verdict in ((cleared, "cleared"), (refused, "refused")):
        status, body, _ = await site.call(
            "POST", f"/api/v1/accreditations/{who['id']}/vetting/status", role="protocol",
            json={"status": verdict, **({"reason": "National record."}
                                        if verdict == "refused" else {})})
        assert status == 200, body
    room = await make_room(site)
    opening = await make_session(site, room, at(conference, 9), at(conference, 10),
                                 press_access="pool",
                                 title={"fr": "Ouverture royale", "en": "Royal opening"})
    await make_session(site, room, at(conference, 13), at(conference, 14),
                       press_access="closed", title={"fr": "Huis clos", "en": "Closed door"})
    status, pool, _ = await site.call("POST", "/api/v1/conferences/alliance/pools",
                                      role="press_office", json={"name": "Royal pool"})
    assert status == 201, pool
    [welcome] = await smtp.wait_for(1, where=lambda m: "tove.ernst@example.org" in m["To"]
                                    and m["Subject"].startswith("Your access"))
    await spend_welcome(page, _link(site, welcome), lands="/manage/alliance/press")

    await page.goto(f"{site.url}/manage/alliance/press/pools?lang=en")
    members = page.get_by_label("Approved journalist to add to the pool Royal pool")
    assert await members.locator("option").all_inner_texts() == [
        "— Choose —", "Marie Dupont1 – Le Soir (clearance granted)",
        "Marie Dupont3 – Le Soir (clearance pending)"]
    assert await page.inner_text(f"#pool-{pool['id']}-no-sessions") == (
        "This pool covers no session: the pool invites its members to none.")

    # nothing chosen: the cover form's error, named in the summary at the top
    await page.get_by_role("button", name="Cover").click()
    await page.wait_for_selector(f"#session-{pool['id']}-error")
    assert "Session the pool Royal pool covers – Choose a session." in await page.inner_text(
        "#error-summary")

    async def with_an_error(tab: Any, lang: str) -> None:
        await tab.goto(f"{site.url}/manage/alliance/press/pools?lang={lang}")
        await tab.locator(f"#pool-{pool['id']} form.pool-add button").last.click()
        await tab.wait_for_selector(f"#session-{pool['id']}-error")

    await _audit(browser, page, "press-pools-cover-errors", reach=with_an_error)

    await page.goto(f"{site.url}/manage/alliance/press/pools?lang=en")
    sessions = page.get_by_label("Session the pool Royal pool covers")
    options = await sessions.locator("option").all_inner_texts()
    assert len(options) == 2 and options[1].startswith("Royal opening – ")
    assert options[1].endswith("(Press: pool only)")
    await sessions.select_option(opening["id"])
    await page.get_by_role("button", name="Cover").click()
    await page.wait_for_url(re.compile(r".*done=linked.*"))
    assert await page.inner_text("#flash") == "The pool now covers Royal opening."
    covered = await page.inner_text(f"#pool-{pool['id']}-session-{opening['id']}")
    assert covered.startswith("Royal opening – ")
    assert await page.get_by_role(
        "button", name="Stop covering Royal opening with the pool Royal pool").count() == 1
    await _audit(browser, page, "press-pools-sessions")
    await _fits_a_phone(browser, page)

    await page.get_by_role("button", name="Stop covering").click()
    await page.wait_for_url(re.compile(r".*done=unlinked.*"))
    assert await page.inner_text("#flash") == "The pool no longer covers Royal opening."
