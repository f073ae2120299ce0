"""The delegation portal on a phone, as a ministry's focal point lived it (trying the product,
1 December 2026): after the nominations and changes deadlines the portal still offered
"Inscrire un membre", "Remplacer un membre", "Importer des membres" and "Modifier ce membre",
and each form was typed in full before the refusal came; the substitution form, sent with a
mistyped address, reopened at its top on a phone with the only error a screen below. Now the
pages say what closed, when, and the protocol service's address, in place of the forms
(docs/workspaces.md, "After the deadlines"), and the substitution's errors are summed up under
its title. Every page passes axe-core in French and English at 390 and 1280 px."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP


async def _focal_point_signed_in(site: Site, page: Any, smtp: RecordingSMTP) -> str:
    # the welcome, not the letter telling of a member's approval
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"]
                                    and "/signin/" in str(m.get_body(("plain",))))
    await page.goto(_link(site, welcome))
    await page.get_by_role("button", name="Me connecter").click()
    # the welcome's delegation
    await page.wait_for_url(re.compile(r".*/delegation/alliance-be\?lang=fr$"))
    return f"{site.url}/delegation/alliance-be"


async def test_after_the_deadlines_the_portal_says_so_instead_of_offering_the_forms(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    waiting = await member(site, be, "Peeters", decision=None)  # still editable, but closed
    await member(site, be, "Claes")
    status, body, _ = await site.call(
        "PATCH", "/api/v1/conferences/alliance/lifecycle", role="admin",
        json={"nominations_close_at": "2026-01-05T09:00:00Z",
              "changes_close_at": "2026-01-06T09:00:00Z"})
    assert status == 200, body
    base = await _focal_point_signed_in(site, page, smtp)
    await page.set_viewport_size({"width": 390, "height": 844})

    # the portal: no action the deadlines closed, and why, where the buttons were
    await page.goto(f"{base}?lang=fr")
    assert await page.locator("#register-member").count() == 0
    links = await page.inner_text("#lifecycle-links")
    assert "Remplacer un membre" not in links and "Importer des membres" not in links
    assert "Télécharger les membres (CSV)" in links  # reading stays open
    closed = await page.inner_text("#closed-nominations")
    assert "Les inscriptions sont closes depuis le 5\u00a0janvier 2026" in closed \
        or "Les inscriptions sont closes depuis le 5 janvier 2026" in closed, closed
    assert "organiser@example.org" in closed
    assert "organiser@example.org" in await page.inner_text("#closed-changes")
    await _audit(browser, page, "portal-closed")

    # each form's page says it before anything is typed, and has no form
    for path, form, words in (
        ("/members/new", "#member-form", "Les inscriptions sont closes"),
        (f"/members/{waiting['id']}/edit", "#member-form", "Les modifications et remplacements"),
        ("/substitute", "#substitute-form", "Les modifications et remplacements"),
        ("/import", "#import-form", "Les inscriptions sont closes"),
    ):
        await page.goto(f"{base}{path}?lang=fr")
        assert words in await page.inner_text("#closed"), path
        assert await page.locator(form).count() == 0, path
        # no form: the header's language control is the plain link again
        assert await page.locator("button#switch-language").count() == 0, path
        await _audit(browser, page, "portal-closed" + path.replace("/", "-")
                     .replace(waiting["id"], "member"))

    # the member still under review: no edit link, and why
    await page.goto(f"{base}/members/{waiting['id']}?lang=en")
    assert await page.locator("#edit-link").count() == 0
    assert "Changes and substitutions closed on" in await page.inner_text("#closed")
    await _audit(browser, page, "portal-closed-member-page")


async def test_the_substitution_errors_are_in_view_on_a_phone(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    await member(site, be, "Peeters")
    base = await _focal_point_signed_in(site, page, smtp)
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto(f"{base}/substitute?lang=fr")
    await page.locator("#member").select_option(index=1)
    await page.locator("#given_name").fill("Anne-Claire")
    await page.locator("#family_name").fill("Legendre")
    await page.locator("#email").fill("ac.legendre@example")  # the domain's end forgotten
    await page.locator("#language").select_option("fr")
    await page.locator("#reason").fill("Le ministre est retenu à Paris.")
    await page.get_by_role("button", name="Vérifier le remplacement").click()
    summary = page.locator("#error-summary")
    await summary.wait_for()
    # the answer opens at its top: the summary is in view, names the field, links to it
    box = await summary.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, box
    assert "Adresse électronique" in await summary.inner_text()
    assert await summary.locator("a").get_attribute("href") == "#email"
    # what was typed is kept
    assert await page.locator("#reason").input_value() == "Le ministre est retenu à Paris."
    assert await page.locator("#email").input_value() == "ac.legendre@example"

    async def again(tab: Any, lang: str) -> None:
        await tab.goto(f"{base}/substitute?lang={lang}")
        await tab.locator("#member").select_option(index=1)
        await tab.locator("#email").fill("ac.legendre@example")
        await tab.locator("#substitute-form button[type=submit]").click()
        await tab.locator("#error-summary").wait_for()

    await _audit(browser, page, "portal-substitute-errors", reach=again)
