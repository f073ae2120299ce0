"""The workspaces' later pages in headless Chromium: a focal point edits a member before the
decision and reads the deadlines and places; the press office keeps its reason templates and
rejects with one it wrote; the press queue on a phone is a stack of cards, not a table that
scrolls sideways; the security service's page. Every page passes axe-core in French and
English, at 390 and 1280 px (``_audit``)."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import press, spend_welcome
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body, press_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP, body_text


async def test_focal_point_edits_a_member_before_the_decision(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin", json=(
        conference_body(quotas={"minister": 1, "expert": 4},
                        nominations_close_at="2031-03-14T17:00:00+00:00",
                        changes_close_at="2031-04-01T10:00:00+00:00")))
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    status, member, _ = await site.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role=be["focal_point_token"],
        json={"category": "expert", "given_name": "Jan", "family_name": "Peeters",
              "email": "jan@example.org", "language": "fr", "rank": "expert",
              "function": "Conseiller"})
    assert status == 201, member
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    await page.goto(_link(site, welcome))
    await page.get_by_role("button", name="Me connecter").click()
    # the welcome's delegation
    await page.wait_for_url(re.compile(r".*/delegation/alliance-be\?lang=fr$"))
    assert await page.inner_text("#deadline-nominations") == \
        "Vous pouvez inscrire des membres jusqu'au 14 mars 2031 à 18:00 CET."
    assert "1 avril 2031" in await page.inner_text("#deadline-changes") or \
        "1er avril 2031" in await page.inner_text("#deadline-changes")
    assert (await page.inner_text("#quota-expert")).split() == ["Expert", "1", "4"]
    await _audit(browser, page, "delegation-deadlines")

    await page.get_by_role("link", name="Jan Peeters").click()
    await page.get_by_role("link", name="Modifier ce membre").click()
    await page.wait_for_url(re.compile(r".*/edit.*"))
    assert await page.get_by_label("Nom de famille").input_value() == "Peeters"
    await _audit(browser, page, "delegation-edit")
    await page.get_by_label("Nom de famille").fill("")
    await page.get_by_role("button", name="Enregistrer les modifications").click()
    assert await page.locator("#family_name-error").count() == 1  # named, nothing saved
    await _audit(browser, page, "delegation-edit-error")
    await page.get_by_label("Nom de famille").fill("Peeters-Claes")
    await page.get_by_label("Fonction, intitulé officiel").fill("Conseiller juridique")
    await page.get_by_role("button", name="Enregistrer les modifications").click()
    await page.wait_for_url(re.compile(r".*done=amended.*"))
    assert await page.inner_text("#flash") == "Les données de Jan Peeters-Claes sont modifiées."
    assert "Données modifiées" in await page.inner_text("#history")
    _, acc, _ = await site.call("GET", f"/api/v1/accreditations/{member['id']}",
                                role="protocol")
    assert (acc["family_name"], acc["function"], acc["status"]) == (
        "Peeters-Claes", "Conseiller juridique", "submitted")

    status, _, _ = await site.call("POST", f"/api/v1/accreditations/{member['id']}/decision",
                                   role="protocol", json={"decision": "approve"})
    assert status == 200
    await page.reload()
    assert await page.locator("#edit-link").count() == 0
    response = await page.goto(f"{site.url}/delegation/alliance-be/members/{member['id']}/edit")
    assert response is not None and response.status == 409


async def _press_officer(site: Site, smtp: RecordingSMTP, page: Any) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "tove.ernst@example.org", "name": "Tove Ernst", "language": "en",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: "tove.ernst@example.org" in m["To"]
                                    and m["Subject"].startswith("Your access"))
    await spend_welcome(page, _link(site, welcome), lands="/manage/alliance/press")


async def test_press_office_keeps_its_reason_templates(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    await _press_officer(site, smtp, page)
    application = await press(site)
    await page.goto(f"{site.url}/manage/alliance/press?lang=en")
    await page.get_by_role("link", name="Manage the reason templates").click()
    await page.wait_for_url(re.compile(r".*/press/reasons.*"))
    assert await page.locator("#reasons li").count() == 3
    await _audit(browser, page, "press-reasons")

    await page.get_by_label("Text in French").fill("Le média n'est pas reconnu.")
    await page.get_by_label("Text in English").fill("The outlet is not recognised.")
    await page.get_by_role("button", name="Add", exact=True).click()
    await page.wait_for_url(re.compile(r".*done=added.*"))
    assert await page.inner_text("#flash") == "Reason template added."
    assert await page.locator("#reasons li").count() == 4

    await page.get_by_role("link", name="Edit the reason: All places of the press pool are "
                                        "taken.").click()
    await _audit(browser, page, "press-reason-edit")
    await page.get_by_label("Text in English").fill("The pool is full.")
    await page.get_by_role("button", name="Save").click()
    await page.wait_for_url(re.compile(r".*done=saved.*"))
    assert "The pool is full." in await page.inner_text("#reasons")
    await page.get_by_role("button", name="Delete the reason: The application does not come "
                                          "from a news organisation.").click()
    await page.wait_for_url(re.compile(r".*done=deleted.*"))
    assert await page.locator("#reasons li").count() == 3

    await page.goto(f"{site.url}/manage/alliance/press/{application['id']}?lang=en")
    await page.get_by_role("radio", name="Reject").check()
    await page.get_by_label("Standard reason", exact=False).first.select_option(
        label="The outlet is not recognised.")
    await page.get_by_role("button", name="Record the decision").click()
    await page.wait_for_url(re.compile(r".*done=reject.*"))
    [rejected] = await smtp.wait_for(1, where=lambda m: application["email"] in m["To"]
                                     and "non accordée" in m["Subject"])
    assert "Le média n'est pas reconnu." in body_text(rejected)


async def test_press_queue_on_a_phone_is_a_stack_of_cards(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    await _press_officer(site, smtp, page)
    for n in range(3):
        await press(site, n)
    await page.set_viewport_size({"width": 390, "height": 844})
    # a card says nothing of what is not known: no "Country of the outlet:" left empty
    status, body, _ = await site.call(
        "POST", "/api/v1/conferences/alliance/accreditations",
        json=press_body(3, press={"outlet": "Agence Europe", "press_card_number": "BE-77",
                                  "role": "journalist"}))
    assert status == 201, body
    await page.goto(f"{site.url}/manage/alliance/press?lang=en")
    assert await page.evaluate("document.documentElement.scrollWidth") <= 390
    wrap = page.locator("#queue").locator("xpath=..")
    assert await wrap.evaluate("e => e.scrollWidth <= e.clientWidth")
    rows = page.locator("#queue tbody tr")
    assert await rows.count() == 4
    empty = page.locator("#queue tbody td[data-label='Country of the outlet']:empty")
    assert await empty.count() == 1
    assert await empty.evaluate("e => getComputedStyle(e).display") == "none"
    assert await rows.first.evaluate("e => getComputedStyle(e).display") == "block"
    assert await page.locator("#queue thead").evaluate(
        "e => e.getBoundingClientRect().height") <= 1
    label = await page.locator("#queue tbody tr td[data-label]").first.evaluate(
        "e => getComputedStyle(e, '::before').content")
    assert "Outlet" in label
    boxes = [await rows.nth(i).bounding_box() for i in range(4)]
    assert all(b is not None and b["x"] >= 0 and b["x"] + b["width"] <= 390 for b in boxes)
    assert boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"]  # stacked, one under the other
    # the selection still works on a phone
    await page.locator("#queue tbody tr").first.locator("input[type=checkbox]").check()
    await page.get_by_role("button", name="Approve the selected").click()
    await page.wait_for_url(re.compile(r".*done=batch.*"))
    assert await page.inner_text("#flash") == "1 application approved."
    await page.set_viewport_size({"width": 1280, "height": 900})
    assert await page.locator("#queue tbody tr").first.evaluate(
        "e => getComputedStyle(e).display") == "table-row"
    await _audit(browser, page, "press-queue-cards")


async def test_security_page(site: Site, page: Any, browser: Any, smtp: RecordingSMTP) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body(vetting_required=["expert"]))
    assert status == 201, body
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "luc@example.org", "name": "Luc Janssens", "language": "fr",
        "grants": [{"role": "security", "conference": "alliance"}]})
    assert status == 201, person
    be = await make_delegation(site, country="BE")
    status, expert, _ = await site.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Jan", "family_name": "Peeters",
              "email": "jan@example.org", "delegation_id": be["id"], "rank": "expert"})
    assert status == 201, expert
    [welcome] = await smtp.wait_for(1, where=lambda m: "luc@example.org" in m["To"])
    # the welcome lands on the security page itself, not on the list of workspaces
    await spend_welcome(page, _link(site, welcome), lands="/manage/alliance/security",
                        button="Me connecter")
    assert await page.locator("#vetting-download").count() == 1
    assert await page.locator("#vetting-upload").count() == 1
    # the people to vet and their status, on a phone as cards
    row = page.locator(f"#vetting-{expert['id']}")
    assert await row.locator(".card-title").inner_text() == "Peeters, Jan"
    assert await row.locator(".vetting-status").inner_text() == "En attente"
    await _audit(browser, page, "security")
    await page.get_by_label("État").select_option(label="Refusée")
    await page.get_by_role("button", name="Filtrer").click()
    await page.wait_for_url(re.compile(r".*status=refused.*"))
    assert await page.inner_text("#people-none") == "Personne n'est dans cet état."
    await _audit(browser, page, "security-filtered")

    # fifty more: the list is paged, the pager and the search pass axe, the links keep the
    # search (docs/workspaces.md, "The security service")
    for n in range(50):
        status, created, _ = await site.call(
            "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
            json={"category": "expert", "given_name": "Anna", "family_name": f"Maes {n:02d}",
                  "email": f"maes{n}@example.org", "delegation_id": be["id"],
                  "rank": "expert"})
        assert status == 201, created
    await page.get_by_label("État").select_option(label="Tous")
    await page.get_by_role("button", name="Filtrer").click()
    await page.wait_for_url(re.compile(r".*q=&status=$"))
    assert await page.inner_text("#people-count") == "51 personnes"
    assert await page.inner_text("#page-of") == "Page 1 sur 2"
    assert await page.locator("#vetting-people tbody tr").count() == 50
    await _audit(browser, page, "security-paged")
    await page.get_by_role("link", name="Page suivante").click()
    await page.wait_for_url(re.compile(r".*page=2.*"))
    assert await page.locator("#vetting-people tbody tr").count() == 1
    assert await row.locator(".card-title").inner_text() == "Peeters, Jan"
    await page.get_by_label("Rechercher (nom)").fill("MAES 0")
    await page.get_by_role("button", name="Filtrer").click()
    await page.wait_for_url(re.compile(r".*q=MAES.*"))
    assert await page.inner_text("#people-count") == "10 personnes"
    assert await page.locator("#page-of").count() == 0
