"""A photographer's own page while the application is under review, on a phone in French
(docs/credentials.md, "Photo required"): it named the identity document and the press card as
to do, never the photo the conference prints on press badges, which it asked for only once
approved; and it read « Le Soir (Photographe) », a capital in the middle of the line. Audited
with axe in French and English at both widths."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import press
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.http.test_credentials import image, put
from tests.support import RecordingSMTP, current_token


async def _conference(site: Site, **changes: Any) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body(**changes))
    assert status == 201, body


async def test_the_photo_is_to_do_while_under_review_and_the_role_has_its_own_line(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    await _conference(site, photo_required=["press"])
    card = {"outlet": "Le Soir", "press_card_number": "BE-77", "role": "photographer",
            "country": "BE"}
    applicant = await press(site, 1, given_name="Léa", family_name="Martin", press=card)
    await page.set_viewport_size({"width": 390, "height": 800})
    await page.goto(f"{site.url}/a/{applicant['access_token']}?lang=fr")
    assert await page.inner_text("#photo-todo") == (
        "À faire\u00a0: donnez votre photo sur la page ci-dessous\u00a0; votre badge la porte "
        "et ne peut pas être téléchargé avant.")
    assert await page.inner_text("#press-role") == "Photographe"
    assert "(Photographe)" not in await page.inner_text("dl.summary")
    await _audit(browser, page, "status-photo-todo")
    await page.goto(f"{site.url}/a/{applicant['access_token']}?lang=en")
    assert await page.inner_text("#photo-todo") == (
        "To do: give your photo on the page below; your badge carries it and cannot be "
        "downloaded before.")

    # waitlisted: still under review, still to do
    status, body, _ = await site.call(
        "POST", f"/api/v1/accreditations/{applicant['id']}/decision", role="press_office",
        json={"decision": "waitlist"})
    assert status == 200, body
    # its letter brings a new link, which replaces the one before
    token = await current_token(site.db_url, applicant["id"])
    await page.goto(f"{site.url}/a/{token}?lang=fr")
    assert await page.locator("#photo-todo").count() == 1

    # given: nothing more to do
    status, _ = await put(site, f"/api/v1/accreditations/{applicant['id']}/photo",
                          image(600, 800), "image/jpeg", "admin")
    assert status in (200, 204)
    await page.goto(f"{site.url}/a/{token}?lang=fr")
    assert await page.locator("#photo-todo").count() == 0


async def test_no_photo_to_do_where_the_conference_does_not_print_it(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    await _conference(site)
    applicant = await press(site, 1)
    await page.goto(f"{site.url}/a/{applicant['access_token']}?lang=fr")
    assert await page.locator("#photo-todo").count() == 0
    assert await page.inner_text("#press-role") == "Journaliste"


async def test_the_waiting_list_is_explained_where_the_status_is(
    site: Site, page: Any, browser: Any
) -> None:
    """« En liste d'attente », then « Vous pouvez retirer votre demande tant qu'aucune décision
    n'est prise »: a journalist on the waiting list read that a decision was still to come and
    that none had been taken, though the waiting list is one; what it means is said under the
    status, and the withdrawal holds "at any time, even once accredited" (tried as a journalist,
    2 December 2026: "until it is approved or rejected" shut out an accredited one)."""
    await _conference(site)
    applicant = await press(site, 1)
    status, body, _ = await site.call(
        "POST", f"/api/v1/accreditations/{applicant['id']}/decision", role="press_office",
        json={"decision": "waitlist"})
    assert status == 200, body
    # the waiting list's letter brings a new link, which replaces the one before
    token = await current_token(site.db_url, applicant["id"])
    await page.set_viewport_size({"width": 390, "height": 800})
    await page.goto(f"{site.url}/a/{token}?lang=fr")
    assert await page.inner_text("#status") == "En liste d'attente"
    assert await page.inner_text("#waitlisted-note") == (
        "Votre demande est en liste d'attente\u00a0: elle n'est pas encore tranchée. Le bureau "
        "du porte-parole peut encore l'accorder, par exemple si une place du pool de presse se "
        "libère\u00a0; il vous écrira.")
    assert "à tout moment, même une fois l'accréditation" in await page.inner_text("main")
    await _audit(browser, page, "status-waitlisted")
    await page.goto(f"{site.url}/a/{token}?lang=en")
    assert (await page.inner_text("#waitlisted-note")).startswith(
        "Your application is on the waiting list: it has not been decided yet.")
