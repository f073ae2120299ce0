"""The pages the findings of 4 December 2026 changed, in headless Chromium as their users see
them: the press officer's application page (the request's hint naming the letter's language,
the correction said with its reason), the journalist's own page (the fields corrected, not the
office's note; « En liste d'attente »), a press form sent after the window closed (one
sentence), the sign-in form sent empty ("required"), and protocol's security page, visa
letters, session and security list naming a woman expert « Experte ». Every page passes
axe-core in French and English at 390 and 1280 px (``_audit``), screenshots kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body, press_body
from tests.http.conftest_focal import sql
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_credentials import PASSPORT
from tests.support import RecordingSMTP, current_token


async def test_the_press_pages_say_what_happened(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    filed = []
    for n in (1, 2):
        status, created, _ = await site.call(
            "POST", "/api/v1/conferences/alliance/accreditations",
            json=press_body(n, language="en"))
        assert status == 201, created
        filed.append(created)
    corrected, waiting = filed
    status, body, _ = await site.call(
        "PATCH", f"/api/v1/accreditations/{corrected['id']}", role="press_office",
        json={"family_name": "Dupont-Lambert", "reason": "Typed without the second name"})
    assert status == 200, body
    status, body, _ = await site.call(
        "POST", f"/api/v1/accreditations/{waiting['id']}/decision", role="press_office",
        json={"decision": "waitlist"})
    assert status == 200, body

    # the press officer: the request's hint says the letter's language; the correction's line
    # says its reason as one
    await _sign_in(site, page, smtp, "press@example.org", "press_office", "en")
    await page.goto(f"{site.url}/manage/alliance/press/{corrected['id']}?lang=en")
    hint = await page.inner_text("#information_message-hint")
    assert hint.startswith("Write it in English"), hint
    last = await page.locator("#history tbody tr").last.inner_text()
    assert "Family name – reason: Typed without the second name" in last, last
    await _audit(browser, page, "dec4-press-application")

    # the journalist: the fields corrected, not the office's note; the other one waitlisted
    own = await browser.new_context()
    tab = await own.new_page()
    await tab.goto(f"{site.url}/a/{corrected['access_token']}?lang=en")
    history = await tab.inner_text("#history")
    assert "Details corrected" in history and "second name" not in history, history
    await _audit(browser, tab, "dec4-journalist-corrected")
    await tab.goto(f"{site.url}/a/{await current_token(site.db_url, waiting['id'])}?lang=fr")
    assert await tab.inner_text("#status") == "En liste d'attente"
    await _audit(browser, tab, "dec4-journalist-waitlisted")
    await own.close()

    # a form filled while the window was open, sent once it closed
    async def sent_late(tab: Any, lang: str) -> None:
        now = datetime.now(UTC)
        await sql(site, "UPDATE conference SET press_opens_at = $1, press_closes_at = $2",
                   now - timedelta(days=1), now + timedelta(days=1))
        await tab.goto(f"{site.url}/alliance/press?lang={lang}")
        await tab.locator("#given_name").fill("Jean")
        await tab.locator("#family_name").fill("Martin")
        await tab.locator("#email").fill(f"jean.martin.{lang}@example.org")
        await tab.locator("#outlet").fill("RTBF")
        await tab.locator("#press_card_number").fill("BE-2000")
        await tab.locator("#role").select_option("photographer")
        await sql(site, "UPDATE conference SET press_closes_at = $1", now - timedelta(minutes=1))
        await tab.locator("#press-form button[type=submit]").click()
        await tab.locator("#form-message").wait_for()

    await sent_late(page, "en")
    said = await page.inner_text("#form-message")
    assert said.startswith("Your application was not filed: press registration closed on"), said
    await _audit(browser, page, "dec4-press-form-closed", reach=sent_late)

    # the sign-in form sent with nothing in it
    async def empty(tab: Any, lang: str) -> None:
        await tab.context.clear_cookies()
        await tab.goto(f"{site.url}/signin?lang={lang}")
        await tab.locator("form button[type=submit]").first.click()
        await tab.locator("#email-error").wait_for()

    await empty(page, "en")
    assert (await page.inner_text("#email-error")).endswith("This field is required.")
    await _audit(browser, page, "dec4-signin-empty", reach=empty)


async def test_protocol_pages_name_a_woman_expert_experte(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, conference, _ = await site.call(
        "POST", "/api/v1/conferences", role="admin",
        json=conference_body(vetting_required=["expert"]))
    assert status == 201, conference
    be = await make_delegation(site, country="BE")
    hall = await make_room(site, "Plenary hall")
    royal = await make_session(site, hall, at(conference, 9), at(conference, 10),
                               royal_presence=True, press_access="pool", audience=[])
    for n, (given, gender) in enumerate((("Ine", "female"), ("Tom", "male"))):
        status, person, _ = await site.call(
            "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
            json={"category": "expert", "given_name": given, "family_name": "Goris",
                  "email": f"{given.lower()}@example.org", "language": "fr",
                  "delegation_id": be["id"], "rank": "expert", "function": "Conseil",
                  "gender": gender})
        assert status == 201, person
        # the acknowledgement's link replaces the answer's token (kept only for
        # self-registration): the request waits for it rather than race it
        await smtp.wait_for(1, where=lambda m, a=f"{given.lower()}@example.org": a in m["To"])
        status, letter, _ = await site.call(
            "POST", f"/api/v1/accreditations/{person['id']}/visa-letter",
            role=await current_token(site.db_url, person["id"]),
            json={**PASSPORT, "passport_name": f"{given} GORIS",
                  "passport_number": f"PA765432{n}"})
        assert status == 201, letter
        for path, payload in (("decision", {"decision": "approve"}),
                              ("vetting/status", {"status": "cleared"})):
            status, body, _ = await site.call(
                "POST", f"/api/v1/accreditations/{person['id']}/{path}", role="protocol",
                json=payload)
            assert status == 200, body
        status, body, _ = await site.call(
            "PUT", f"/api/v1/sessions/{royal['id']}/participants/{person['id']}",
            role="protocol", json={"role": "attendee"})
        assert status == 200, body

    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    for path, name in (("security", "dec4-security-experte"),
                       ("visa-letters?status=all", "dec4-visa-letters-experte"),
                       (f"sessions/{royal['id']}?q=Goris", "dec4-session-experte"),
                       (f"sessions/{royal['id']}/security-list", "dec4-security-list-experte")):
        sep = "&" if "?" in path else "?"
        await page.goto(f"{site.url}/manage/alliance/{path}{sep}lang=fr")
        text = await page.inner_text("main")
        assert "Experte" in text, (path, text[:2000])
        await _audit(browser, page, name)
