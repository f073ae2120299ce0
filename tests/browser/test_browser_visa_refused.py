"""The pages of a tryout's findings (4 December 2026) in headless Chromium: a focal point sees a
place granted beyond the quota explained, a member's visa letter request refused with its
reason above the form for a new one (the refusal's mail followed from the SMTP server), an old
withdrawal link for an approved member answered at once with the way back; protocol's refusal
field says who reads the reason. Every page passes axe-core in French and English at 390 and
1280 px (``_audit``)."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_credentials import PASSPORT
from tests.support import RecordingSMTP, body_text, current_token

REASON = "The passport copy is unreadable: please send a clearer scan."


async def test_a_refused_letter_an_override_and_an_old_link_read_as_what_happened(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body(quotas={"official": 1}))
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    people = []
    for n, extra in enumerate(({}, {"override_reason": "The minister's interpreter."})):
        status, filed, _ = await site.call(
            "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
            json={"category": "official", "given_name": ("Anna", "Bart")[n],
                  "family_name": "Peeters", "email": f"p{n}@example.org", "language": "en",
                  "delegation_id": be["id"], "rank": "official", "function": "Adviser",
                  **extra})
        assert status == 201, filed
        status, _, _ = await site.call("POST", f"/api/v1/accreditations/{filed['id']}/decision",
                                       role="protocol", json={"decision": "approve"})
        assert status == 200
        people.append(filed)
    anna = people[0]
    token = await current_token(site.db_url, anna["id"])
    status, letter, _ = await site.call(
        "POST", f"/api/v1/accreditations/{anna['id']}/visa-letter", role=token, json=PASSPORT)
    assert status == 201, letter
    status, _, _ = await site.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                   role="protocol",
                                   json={"decision": "refuse", "reason": REASON})
    assert status == 200

    # the focal point: the place beyond the quota, said
    await page.goto(_link(site, welcome))
    await page.get_by_role("button", name="Me connecter").click()
    await page.wait_for_url(re.compile(r".*/delegation/alliance-be\?lang=fr$"))
    assert await page.inner_text("#quota-over-official") == (
        "«\u00a0Fonctionnaire\u00a0»\u00a0: une place au-delà du quota, accordée par le service "
        "du protocole.")
    await _audit(browser, page, "portal-quota-over")

    # the member's refused request, with its reason, above the form for a new one; the
    # member's own mail links to their page, which says the same
    member = f"{site.url}/delegation/alliance-be/members/{anna['id']}"
    await page.goto(f"{member}/credentials?lang=en")
    said = await page.inner_text("#visa-refused")
    assert "was not granted by the protocol service" in said and REASON in said
    assert await page.locator("#visa-form").count() == 1
    await _audit(browser, page, "member-visa-refused")
    [mail] = await smtp.wait_for(1, where=lambda m: "p0@example.org" in m["To"]
                                 and "letter not granted" in str(m["Subject"]))
    link = re.search(rf"{re.escape(site.url)}/a/\S+/credentials\?lang=en", body_text(mail))
    assert link, body_text(mail)
    own = await browser.new_context()
    tab = await own.new_page()
    await tab.goto(link.group(0))
    assert REASON in await tab.inner_text("#visa-refused")
    await own.close()

    # an old withdrawal link for the approved member: said at once, and the way back
    response = await page.goto(f"{member}/withdraw?lang=en")
    assert response is not None and response.status == 409
    assert "an accredited member is not withdrawn from the portal" in await page.inner_text(
        "#error-message")
    assert await page.locator("textarea[name=reason]").count() == 0
    await _audit(browser, page, "withdraw-approved")
    await page.click("#error-back")
    await page.wait_for_url(re.compile(rf".*/members/{anna['id']}\?lang=en$"))

    # protocol: the refusal field says who reads the reason (a new request to decide, with
    # the link the refusal's mail gave: each letter's link is the person's current one)
    token = await current_token(site.db_url, anna["id"])
    status, again, _ = await site.call(
        "POST", f"/api/v1/accreditations/{anna['id']}/visa-letter", role=token, json=PASSPORT)
    assert status == 201, again
    context = await browser.new_context()
    office = await context.new_page()
    await _sign_in(site, office, smtp, "protocol@example.org", "protocol", "en")
    await office.goto(f"{site.url}/manage/alliance/visa-letters?lang=en")
    hint = office.locator("[id$='reason-hint']").first
    assert "written to the person and, for a member of a delegation, to its focal points" in (
        await hint.inner_text())
    await _audit(browser, office, "console-visa-letters-refusal-hint")
    await context.close()
