"""The pages the tryout of 4 December 2026 (evening) changed, in headless Chromium as their
users see them: a focal point's import check naming a woman's category « Experte » and keeping
an address whole on a wide screen, the portal's visa letter request said to have gone to the
protocol service, and protocol's visa letters (the reason's language) and a member's page whose
substitution form says the member has no function. Every page passes axe-core in French and
English at 390 and 1280 px, screenshots kept."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import focal_point_signed_in
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_lifecycle import _axe_here, _check
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import current_token

FILE = {"name": "membres.csv", "mimeType": "text/csv", "buffer": (
    "Courriel;Prénom;Nom;Catégorie;Civilité\n"
    "marie.lambert@example.org;Marie;Lambert;Experte;Mme\n"
    "jean-baptiste.vandenbroucke@ministere-des-affaires-etrangeres.example.org;Jean-Baptiste;"
    "Vandenbroucke;Expert;M.\n").encode()}
PASSPORT = {"passport_name": "Marie LAMBERT", "passport_number": "EM1234567",
            "nationality": "IN", "date_of_birth": "1984-03-07",
            "consulate": "Ambassade de Belgique à New Delhi"}


async def test_the_focal_point_s_import_check_and_visa_request(
    site: Site, page: Any, smtp: Any
) -> None:
    await focal_point_signed_in(site, smtp, page)

    await page.set_viewport_size({"width": 1280, "height": 900})
    await page.goto(f"{site.url}/delegation/alliance-be/import?lang=fr")
    await _check(page, FILE, "Vérifier le fichier")
    assert (await page.inner_text("#row-2 .row-who")).split("\n")[-1] == "Experte"
    assert (await page.inner_text("#row-3 .row-who")).split("\n")[-1] == "Expert"
    # the long address on one line at 1280 px (it was cut after « example. »)
    lines = await page.evaluate(
        "() => document.querySelector('#row-3 .row-email').getClientRects().length")
    assert lines == 1, lines
    await _axe_here(page, "dec4e-import-check")

    await page.get_by_role("button", name=re.compile("Importer")).click()
    await page.wait_for_url(re.compile(r".*done=imported.*"))
    members = await site.call("GET", "/api/v1/conferences/alliance/accreditations",
                              role="protocol")
    [marie] = [m for m in members[1]["items"] if m["family_name"] == "Lambert"]
    await page.goto(f"{site.url}/delegation/alliance-be/members/{marie['id']}/credentials"
                    "?lang=fr")
    form = page.locator("form", has=page.locator("#passport_number"))
    await page.locator("#passport_name").fill(PASSPORT["passport_name"])
    await page.locator("#passport_number").fill(PASSPORT["passport_number"])
    await page.locator("#nationality").select_option(PASSPORT["nationality"])
    await page.locator("#date_of_birth").fill(PASSPORT["date_of_birth"])
    await page.locator("#consulate").fill(PASSPORT["consulate"])
    await form.locator("button[type=submit]").first.click()
    await page.wait_for_url(re.compile(r".*done=visa.*"))
    assert (await page.locator("[role=status]").first.inner_text()) == (
        "La demande de lettre d'invitation pour Marie Lambert est transmise au service du "
        "protocole, qui l'examine.")
    await _axe_here(page, "dec4e-visa-requested")


async def test_protocol_s_visa_letters_and_a_member_with_no_function(
    site: Site, page: Any, browser: Any, smtp: Any
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    status, expert, _ = await site.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Anne", "family_name": "Claes",
              "email": "anne.claes@example.org", "language": "en", "delegation_id": be["id"]})
    assert status == 201, expert
    # the acknowledgement's link replaces the answer's token (kept only for self-registration)
    await smtp.wait_for(1, where=lambda m: "anne.claes@example.org" in m["To"])
    status, letter, _ = await site.call(
        "POST", f"/api/v1/accreditations/{expert['id']}/visa-letter",
        role=await current_token(site.db_url, expert["id"]), json=PASSPORT)
    assert status == 201, letter

    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    await page.goto(f"{site.url}/manage/alliance/visa-letters?lang=fr")
    hint = await page.inner_text(f"#l-{letter['id']}-reason-hint")
    assert hint.endswith("Rédigez-le en anglais\u00a0: il est cité tel quel dans une lettre "
                         "en anglais."), hint
    await _audit(browser, page, "dec4e-visa-letters")

    await page.goto(f"{site.url}/manage/alliance/accreditations/{expert['id']}?lang=fr")
    hint = await page.inner_text("#sub_function-hint")
    assert hint.startswith("Le membre remplacé n'a pas de fonction inscrite"), hint
    await _audit(browser, page, "dec4e-member-no-function")
