"""The security service records one person's clearance on their row of its page, in headless
Chromium, at 390 and 1280 px, in French and English, axe-clean (docs/workspaces.md, "The
security service"): on the morning of the meeting a journalist is refused at the door, their
clearance awaited, and the officer, on a phone, had only the results file to send (tried as a
security officer, 1 December 2026). A refusal without its reason is said in the summary under
the title, naming the person, and on the field; then the clearance is recorded and the door
admits the journalist."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import press, scan, zone
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.http.test_badges import _reference
from tests.support import RecordingSMTP


async def test_the_security_officer_clears_one_person_on_their_row(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body(vetting_required=["press"]))
    assert status == 201, body
    await zone(site, "press-centre", categories=["press"])
    journalist = await press(site, decision="approve")
    badge = await _reference(site, journalist["id"])
    assert (await scan(site, badge, "press-centre"))["reason"] == "not_cleared"
    status, body, _ = await site.call(  # the document the officer checks the journalist against
        "PUT", f"/api/v1/accreditations/{journalist['id']}/vetting", role="protocol",
        json={"document_type": "passport", "document_number": "EH1234567",
              "date_of_birth": "1980-02-29", "nationality": "BE",
              "name_in_document": "DUPONT Marie Claire"})
    assert status == 200, body
    name = f"{journalist['family_name']}, {journalist['given_name']}"
    full = f"{journalist['given_name']} {journalist['family_name']}"

    await _sign_in(site, page, smtp, "security@example.org", "security", "fr")
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto(f"{site.url}/manage/alliance/security?lang=fr")
    row = page.locator(f"#vetting-{journalist['id']}")
    assert await row.locator(".vetting-status").inner_text() == "En attente"
    # the row is a card on a phone: each identity cell labelled, nothing wider than the screen
    assert [(" ".join((await c.evaluate("e => getComputedStyle(e, '::before').content")
                      ).split()), await c.inner_text())
            for c in await row.locator(".identity").all()] == [
        ('"Pièce d\'identité : "', "Passeport EH1234567"),
        ('"Nom sur la pièce : "', "DUPONT Marie Claire"), ('"Nationalité : "', "Belgique"),
        ('"Date de naissance : "', "29 février 1980")]
    assert await page.evaluate("document.documentElement.scrollWidth") <= 390
    await _audit(browser, page, "security-row")

    # a refusal without its reason: said at the top, naming the person, and on the field
    await row.get_by_label(f"Habilitation – {name}").select_option(label="Refusée")
    await row.get_by_role("button", name="Enregistrer").click()
    summary = page.locator("#error-summary")
    await summary.wait_for()
    assert await summary.is_visible()
    assert (await summary.inner_text()).endswith(f"Motif ({full}) – Un refus doit donner son "
                                                 "motif.")
    assert (await page.evaluate("window.scrollY")) < 400  # the summary in view on a phone
    error = page.locator(f"#reason-{journalist['id']}-error")
    assert await error.inner_text() == "Un refus doit donner son motif."
    await summary.get_by_role("link").click()
    assert await page.evaluate("document.activeElement.id") == f"reason-{journalist['id']}"

    async def again(tab: Any, lang: str) -> None:  # the refused form, in each language
        await tab.goto(f"{site.url}/manage/alliance/security?lang={lang}")
        other = tab.locator(f"#vetting-{journalist['id']}")
        await other.locator("select").select_option("refused")
        await other.locator("button").click()
        await tab.locator("#error-summary").wait_for()

    await _audit(browser, page, "security-row-error", reach=again)
    assert (await scan(site, badge, "press-centre"))["reason"] == "not_cleared"  # nothing set

    # the reason typed, the header's « English » carries the row: the page in English, the
    # reason kept, its error gone, nothing recorded (it was a link, and the reason was lost)
    await page.fill(f"#reason-{journalist['id']}", "Casier judiciaire")
    await page.click("#switch-language")
    await page.wait_for_url(re.compile(r".*lang=en.*"))
    assert await page.get_attribute("html", "lang") == "en"
    assert await page.input_value(f"#reason-{journalist['id']}") == "Casier judiciaire"
    assert await page.locator(f"#reason-{journalist['id']}-error").count() == 0
    assert (await scan(site, badge, "press-centre"))["reason"] == "not_cleared"
    await page.click("#switch-language")  # and back to French, the row still carried
    await page.wait_for_url(re.compile(r".*lang=fr.*"))
    assert await page.input_value(f"#reason-{journalist['id']}") == "Casier judiciaire"

    # cleared: the page comes back at the row, saying so; the door admits
    await row.get_by_label(f"Habilitation – {name}").select_option(label="Accordée")
    await row.get_by_role("button", name="Enregistrer").click()
    await page.wait_for_url(re.compile(r".*done=status.*"))
    assert await page.inner_text("#flash") == (
        f"Habilitation enregistrée pour {full}\u00a0: accordée.")
    assert await row.locator(".vetting-status").inner_text() == "Accordée"
    assert (await scan(site, badge, "press-centre"))["reason"] == "granted"
