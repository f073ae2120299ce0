"""The press desk's queue a page at a time, with the badge's short reference of an approved
journalist and an answered request for information, found by the short reference read out
over the phone (docs/workspaces.md, "The press office desk"), audited with axe in French and
English at both widths."""

from __future__ import annotations

import re
from typing import Any

import pytest

from conference.workspaces import handlers
from tests.browser.conftest import Site
from tests.browser.helpers import press, press_officer_signed_in, spend_welcome
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body
from tests.http.test_credentials import image, put
from tests.support import RecordingSMTP, current_token


async def test_the_paged_queue_shows_references_and_answers(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(handlers, "QUEUE_PAGE_SIZE", 2)
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "tove.ernst@example.org", "name": "Tove Ernst", "language": "en",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    approved = await press(site, 1, decision="approve")
    asked = await press(site, 2, language="en")
    await press(site, 3)
    status, body, _ = await site.call(
        "POST", f"/api/v1/accreditations/{asked['id']}/information-request",
        role="press_office", json={"message": "Please give a scan of your press card."})
    assert status == 200, body
    status, _ = await put(site, f"/api/v1/accreditations/{asked['id']}/photo", image(600, 800),
                          "image/jpeg", await current_token(site.db_url, asked["id"]))
    assert status in (200, 204)
    [welcome] = await smtp.wait_for(1, where=lambda m: "tove.ernst@example.org" in m["To"]
                                    and m["Subject"].startswith("Your access"))
    await spend_welcome(page, _link(site, welcome), lands="/manage/alliance/press")

    desk = f"{site.url}/manage/alliance/press"
    await page.goto(f"{desk}?lang=en&status=all")
    assert (await page.inner_text("#queue-showing")).startswith("Applications 1 to 2 of 3")
    reference = await page.inner_text(f"#ref-{approved['id']}")
    assert re.fullmatch(r"Badge reference: \w{4}-\w{4}", reference), reference
    assert (await page.inner_text(f"#answered-{asked['id']}")).startswith("Answered on ")
    await _audit(browser, page, "press-queue-paged")

    # the next page, without JavaScript's help: a link
    await page.click("#page-next")
    assert await page.inner_text("#page-of") == "Page 2 of 2"

    # the reference read out over the phone, typed without its dash
    await page.goto(f"{desk}?lang=en&status=all")
    await page.fill("#q", reference.split(": ")[1].replace("-", "").lower())
    await page.click("#filters button[type=submit]")
    await page.wait_for_url(re.compile(r".*q=.*"))
    assert await page.locator("#queue tbody tr").count() == 1
    assert await page.locator(f"#ref-{approved['id']}").count() == 1
    await _audit(browser, page, "press-queue-found-by-reference")


async def test_the_officer_keeps_their_place_and_sees_a_letter_not_delivered(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On page 2 of the applications to decide, a journalist's acknowledgement was refused by
    the mail server: the line says so, the application's page says which letter, why and what
    to do; the decision comes back to page 2 (docs/workspaces.md, "The officer's place",
    "Letters not delivered"). Audited with axe in French and English at 390 and 1280 px."""
    import asyncio

    import asyncpg

    monkeypatch.setattr(handlers, "QUEUE_PAGE_SIZE", 2)
    smtp.refuse_message = lambda m: ("550 5.1.1 Recipient address rejected: User unknown"
                                     if "marie.dupont4@" in str(m["To"]) else None)
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    for n in (1, 2, 3):
        await press(site, n)
    lost = await press(site, 4)
    conn = await asyncpg.connect(site.db_url)
    try:
        for _ in range(400):
            if await conn.fetchval("SELECT count(*) FROM delivery WHERE status = 'failed'"):
                break
            await asyncio.sleep(0.05)
    finally:
        await conn.close()
    await press_officer_signed_in(site, smtp, page)

    desk = f"{site.url}/manage/alliance/press"
    await page.goto(f"{desk}?lang=en&page=2")
    assert await page.inner_text("#page-of") == "Page 2 of 2"
    assert await page.inner_text(f"#undelivered-{lost['id']}") == "Letter not delivered"
    await _audit(browser, page, "press-queue-undelivered")

    await page.click(f"#undelivered-{lost['id']}")
    await page.wait_for_url(re.compile(r".*page=2.*#undelivered"))
    section = await page.inner_text("#undelivered")
    assert "Acknowledgement of the application" in section
    assert "The mail server's reply: 550 5.1.1 Recipient address rejected" in section
    assert (await page.inner_text("#undelivered-todo")).startswith("What to do: call")
    await _audit(browser, page, "press-application-undelivered")

    # decided from page 2, back on page 2 with its confirmation
    await page.check("#decision-waitlist")
    await page.click("#decision-form button[type=submit].primary")
    await page.wait_for_url(re.compile(r".*done=waitlist.*"))
    assert "page=2" in page.url
    assert await page.inner_text("#flash") == "Marie Dupont4 is on the waiting list."
    assert await page.inner_text("#page-of") == "Page 2 of 2"
    # the filter within a tab: no approved journalist's letter failed; the link under the
    # filter says another tab has one and lists every one (docs/workspaces.md, "Letters not
    # delivered")
    await page.goto(f"{desk}?lang=en&status=approved&undelivered=1")
    assert await page.inner_text("#queue-empty") == "No application matches."
    assert await page.inner_text("#undelivered-elsewhere") == (
        "1 more application in the other tabs: see every letter not delivered")
    await _audit(browser, page, "press-queue-undelivered-elsewhere")
    await page.click("#undelivered-elsewhere")
    await page.wait_for_url(re.compile(r".*status=all.*"))
    assert await page.inner_text(f"#undelivered-{lost['id']}") == "Letter not delivered"
