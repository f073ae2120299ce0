"""The language control on the press desk's application page, in headless Chromium
(docs/workspaces.md, "The language control"): the page has several forms (the decision, a
request for more information, the correction). A press officer picks a rejection with a
reason written by hand, presses the header's « English version » and finds the page in
English with the decision and its reason, the queue's filter kept; types a question for the
journalist and presses that form's own « Ce formulaire en français », then the header there
and back; a correction sent without its reason comes back with its error, said again in the
other language. Nothing is decided, asked or corrected (no event, the status unchanged). At
390 and 1280 px, axe-clean in both languages. The header's link emptied every form."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.helpers import press, spend_welcome
from tests.browser.test_browser_workspaces import _link
from tests.conftest import conference_body
from tests.support import RecordingSMTP

REASON = "Le média n'est pas couvert par l'accréditation de cette réunion."
QUESTION = "Could you send a letter from your editor?"


async def _recorded(site: Site) -> tuple[int, str]:
    """Domain events, and the statuses of the accreditations."""
    conn = await asyncpg.connect(site.db_url)
    try:
        return (int(await conn.fetchval("SELECT count(*) FROM domain_event")),
                str(await conn.fetchval(
                    "SELECT string_agg(status::text, ',' ORDER BY id) FROM accreditation")))
    finally:
        await conn.close()


async def _axe_clean(tab: Any, where: str) -> None:
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(tab)
    assert results.violations_count == 0, (where, results.generate_report())


async def test_the_language_control_keeps_what_the_press_officer_typed(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "tove.ernst@example.org", "name": "Tove Ernst", "language": "fr",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: "tove.ernst@example.org" in m["To"])
    j = await press(site)  # under review
    await spend_welcome(page, _link(site, welcome), lands="/manage/alliance/press",
                        button="Me connecter")
    here = f"{site.url}/manage/alliance/press/{j['id']}"
    before = await _recorded(site)

    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{here}?lang=fr&status=submitted")
        await _axe_clean(page, f"fr {width}")
        # fr → en by the header: the decision, the page's first form, is carried
        await page.check("#decision-reject")
        await page.fill("#reason", REASON)
        control = page.get_by_role("navigation", name="Langue").get_by_text("English version")
        assert await control.get_attribute("lang") == "en"
        await control.click()
        await page.wait_for_selector("html[lang=en]")
        assert await page.is_checked("#decision-reject")
        assert await page.input_value("#reason") == REASON
        assert await page.locator("#error-summary, .error").count() == 0  # never sent
        # the queue's place, in the form's hidden field (docs/workspaces.md, "The officer's
        # place")
        assert await page.get_attribute("#decision-form input[name=back]", "value") == \
            "status=submitted"
        await _axe_clean(page, f"en {width}")

        # en → fr by the information request's own button, then the header there and back
        await page.fill("#information_message", QUESTION)
        await page.locator("#information-form").get_by_role(
            "button", name="Ce formulaire en français").click()
        await page.wait_for_selector("html[lang=fr]")
        assert await page.input_value("#information_message") == QUESTION
        assert await page.get_attribute("#switch-language", "form") == "information-form"
        await _axe_clean(page, f"fr information {width}")
        await page.locator("#switch-language").click()
        await page.wait_for_selector("html[lang=en]")
        assert await page.input_value("#information_message") == QUESTION
        assert await page.locator("#error-summary, .error").count() == 0

        # a correction sent without its reason: the error, then said again in French
        await page.fill("#outlet", "Le Soir")
        await page.locator("#correct-form button.form-language").wait_for()
        await page.locator("#correct-form button[type=submit]:not(.form-language)").click()
        await page.locator("#error-summary").wait_for()
        await page.locator("#switch-language").click()
        await page.wait_for_selector("html[lang=fr]")
        assert await page.input_value("#outlet") == "Le Soir"
        assert await page.locator("#correction_reason-error").count() == 1
        assert await page.locator("#error-summary a[href='#correction_reason']").count() == 1
        await _axe_clean(page, f"fr correction error {width}")

    assert await _recorded(site) == before  # nothing decided, asked or corrected
