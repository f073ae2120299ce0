"""The delegation's focal point, signed in from the welcome mail, reads protocol's request for
more information on a member's page of the portal and answers it on the member's behalf with
the keyboard and mouse, no script (docs/workspaces.md, "Asking for more information"); the
page with its form, its error and the answer sent passes axe-core in French and English at 390
and 1280 px (``_audit``)."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body
from tests.http.conftest_programme import accredit, make_delegation
from tests.support import RecordingSMTP

QUESTION = "Merci d'envoyer la note verbale de votre ambassade désignant le ministre."
ANSWER = "L'ambassade envoie la note verbale lundi ; la copie du passeport suit."


async def test_the_focal_point_answers_for_the_minister_on_the_member_s_page(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    minister = await accredit(site, "Anna", "Lindqvist", delegation=be, decision=None)
    status, body, _ = await site.call(
        "POST", f"/api/v1/accreditations/{minister['id']}/information-request",
        role="protocol", json={"message": QUESTION})
    assert status == 200, body
    await page.goto(_link(site, welcome))
    await page.get_by_role("button", name="Me connecter").click()
    await page.wait_for_url(re.compile(r".*/delegation/alliance-be\?lang=fr$"))

    await page.goto(f"{site.url}/delegation/alliance-be/members/{minister['id']}?lang=fr")
    assert (await page.inner_text("#information-todo")).startswith(
        "À faire\u00a0: le service du protocole demande des informations complémentaires")
    assert QUESTION in await page.inner_text("#exchange-1")
    await _audit(browser, page, "delegation-member-information")
    # the link of the notice leads down to the request
    await page.get_by_role("link", name="Voir la demande et y répondre").click()
    await page.wait_for_url(re.compile(r".*#asked-title$"))
    # an empty answer: the field says why
    await page.get_by_role("button", name="Envoyer la réponse").click()
    error = " ".join((await page.text_content("#answer-error") or "").split())
    assert error.endswith(" Écrivez la réponse (2000 caractères au plus)."), error
    assert await page.get_attribute("#answer", "aria-invalid") == "true"

    async def refused(tab: Any, lang: str) -> None:  # the POST's answer, in each language
        await tab.goto(f"{site.url}/delegation/alliance-be/members/{minister['id']}"
                       f"?lang={lang}")
        await tab.get_by_role("button", name={"fr": "Envoyer la réponse",
                                              "en": "Send the answer"}[lang]).click()
        await tab.wait_for_selector("#answer-error")

    await _audit(browser, page, "delegation-member-information-error", reach=refused)
    await page.get_by_label("Réponse", exact=True).fill(ANSWER)
    await page.get_by_role("button", name="Envoyer la réponse").click()
    await page.wait_for_url(re.compile(r".*done=answered.*"))
    assert (await page.inner_text("#flash")).startswith("La réponse pour Anna Lindqvist a "
                                                        "été transmise au service du protocole.")
    assert await page.inner_text("#answer-1-1") == ANSWER
    assert "par le point focal de la délégation" in await page.inner_text("#exchange-1")
    assert await page.locator("#information-todo").count() == 0
    await _audit(browser, page, "delegation-member-information-answered")
