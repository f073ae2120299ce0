"""The console's "Ask for more information", in headless Chromium (docs/workspaces.md, "Asking
for more information"): a protocol officer on the list of the applications under review opens
a delegation member's, sends the form empty (the error named at the top and on the field),
then the question, and is back on the list where they were, which says it was asked; once the
member answered, the console's page shows the answer next to the question and the list that
it was answered. Plain forms, axe-clean at 390 and 1280 px in French and English."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_console_language_control import _axe_clean
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP, current_token

QUESTION = "Merci d'envoyer la note verbale de votre ambassade."
ANSWER = "L'ambassade l'a envoyée ce matin."


async def test_protocol_asks_a_member_and_reads_the_answer(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    waiting = [await member(site, be, name, category="official", rank="senior_official",
                            decision=None) for name in ("Reynders", "Peeters")]
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    listing = f"{site.url}/manage/alliance/accreditations?status=submitted"
    for n, (width, lang) in enumerate(((390, "fr"), (1280, "en"))):
        aid = waiting[n]["id"]
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{listing}&lang={lang}")
        await page.locator(f"#acc-{aid} a").click()
        await page.locator("#information-form").wait_for()
        # sent empty: the error at the top and on the field, the page axe-clean
        await page.locator("#information-form button[type=submit]").first.click()
        await page.locator("#error-summary").wait_for()
        said = {"fr": "Indiquez ce que la personne doit fournir",
                "en": "Say what the applicant needs to give"}[lang]
        assert said in await page.inner_text("#error-summary")
        assert said in await page.inner_text("#information_message-error")
        await _axe_clean(page, f"error {lang} {width}")
        # asked: back on the list of those under review, which says so
        await page.fill("#information_message", QUESTION)
        await page.locator("#information-form button[type=submit]").first.click()
        await page.locator("#flash").wait_for()
        assert "status=submitted" in page.url
        await page.locator(f"#asked-{aid}").wait_for()
        await _axe_clean(page, f"asked {lang} {width}")
        # answered from the member's own link: the console shows it next to the question
        status, body, _ = await site.call(
            "POST", f"/api/v1/accreditations/{aid}/information-answer",
            role=await current_token(site.db_url, aid), json={"answer": ANSWER})
        assert status == 200, body
        await page.goto(f"{listing}&lang={lang}")
        await page.locator(f"#answered-{aid}").wait_for()
        await _axe_clean(page, f"answered list {lang} {width}")
        await page.locator(f"#acc-{aid} a").click()
        exchange = await page.inner_text("#exchange-1")
        assert QUESTION in exchange and ANSWER in exchange
        await _axe_clean(page, f"answered {lang} {width}")
