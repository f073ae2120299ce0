"""A journalist asked for more information follows the letter's link from their mailbox,
answers in words on their page, and the press officer reads the answer next to the question
on the desk (docs/workspaces.md, "Asking for more information"); each page audited with axe
in French and English at both widths."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import press, press_officer_signed_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.support import RecordingSMTP, body_text

QUESTION = "Please give a scan of your press card."
ANSWER = "My assignment is for the Brussels desk; the letter from my editor follows on Monday."


async def test_the_journalist_answers_from_the_letter_s_link_and_the_desk_reads_it(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    # the press officer, signed in from the welcome mail, lands on the desk
    await press_officer_signed_in(site, smtp, page)
    journalist = await press(site, language="en")
    aid = journalist["id"]

    # the press officer asks, on the application's page
    desk = f"{site.url}/manage/alliance/press/{aid}?lang=en"
    await page.goto(desk)
    await page.fill("#information_message", QUESTION)
    await page.get_by_role("button", name="Send the request").click()
    await page.wait_for_url(re.compile(r".*done=information.*"))

    # the journalist, in a browser of their own, follows the letter's link
    [letter] = await smtp.wait_for(1, where=lambda m: journalist["email"] in m["To"]
                                   and QUESTION in body_text(m))
    text = body_text(letter)
    assert "write your answer on your application's page" in text, text
    link = re.search(rf"{re.escape(site.url)}/a/[\w.-]+(?=\s)", text)
    assert link is not None, text
    context = await browser.new_context()
    mine = await context.new_page()
    await mine.goto(link.group(0))
    assert QUESTION in await mine.inner_text("#exchange-1")
    assert await mine.inner_text("#answer-title") == "Your answer to the spokesperson's office"
    await _audit(browser, mine, "information-answer-form")
    # an empty answer is refused, the field saying why
    await mine.get_by_role("button", name="Send my answer").click()
    error = " ".join((await mine.text_content("#answer-error") or "").split())
    assert error == "Error: Write your answer (2,000 characters at most)."
    assert await mine.get_attribute("#answer", "aria-invalid") == "true"
    await mine.fill("#answer", ANSWER)
    await mine.get_by_role("button", name="Send my answer").click()
    await mine.wait_for_url(re.compile(r".*done=answered.*"))
    assert (await mine.inner_text("#status-message")).startswith("Your answer has been sent.")
    assert await mine.inner_text("#answer-1-1") == ANSWER
    assert "Your answer sent" in await mine.inner_text("#history")
    await _audit(browser, mine, "information-answer-sent")
    await context.close()

    # the press officer: the answer under the question, before the decision
    await page.goto(desk)
    exchange = await page.inner_text("#exchange-1")
    assert QUESTION in exchange and ANSWER in exchange
    assert "Answer received from the applicant" in await page.inner_text("#history")
    await _audit(browser, page, "information-answer-desk")
    # and the spokesperson's office was told by mail
    await smtp.wait_for(1, where=lambda m: "tove.ernst@example.org" in m["To"]
                        and ANSWER in body_text(m))
