"""The person's own page (``/a/{token}``) says, at the top, that the clearance waits on more
information, who asks and what, and that the passport copy is to be given on the page below
(docs/credentials.md, "Asked by the security service"). Tried as a journalist and as a
delegation member (2 December 2026): the page said only that the badge would come after the
security check; the question was one unnamed link further, and a member gets no mail of it."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element, member, press
from tests.conftest import Api
from tests.http.test_console import Visitor
from tests.http.test_console_credentials import _conference
from tests.http.test_credentials import _pdf
from tests.support import RecordingSMTP, current_token

QUESTION = "Merci de préciser vos fonctions antérieures (2015-2020)."


async def _status(api: Api, person: dict[str, Any], status: str, reason: str | None) -> None:
    answer = await api.call("POST", f"/api/v1/accreditations/{person['id']}/vetting/status",
                            role="protocol", json={"status": status, "reason": reason})
    assert answer[0] == 200, answer


async def _page(api: Api, person: dict[str, Any], lang: str) -> str:
    secret = await current_token(api.db_url, person["id"])
    status, page, _ = await Visitor(api).go("GET", f"/a/{secret}?lang={lang}")
    assert status == 200, page
    return str(page)


async def test_the_person_s_page_says_what_the_clearance_waits_for(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _conference(api, smtp, vetting_required=["minister", "press"])
    asked = await member(api, be, "Lemaire")
    cleared = await member(api, be, "Wouters")
    journalist = await press(api, decision="approve")
    await _status(api, asked, "more_information", QUESTION)
    await _status(api, cleared, "cleared", None)
    await _status(api, journalist, "more_information", "Your assignments since 2024, please.")

    # a delegation member, in French: who asks, the passport, the question, and that the
    # focal point (who has the mail, the member none) may answer what the page does not take
    page = await _page(api, asked, "fr")
    assert element(page, "security-question-todo") == (
        "À faire : le service du protocole demande des informations complémentaires pour "
        "votre habilitation de sécurité, et une copie de votre passeport. Donnez-les sur la "
        "page ci-dessous ; pour ce qu'elle ne permet pas de donner, le point focal de votre "
        "délégation, qui a reçu la demande par courriel, peut répondre pour vous. D'ici là, "
        f"aucun badge ne peut être délivré. La demande : {QUESTION}")
    assert "<blockquote>Merci de préciser vos fonctions antérieures" in page  # quoted

    # a journalist, in English, who has the mail: reply to it
    assert element(await _page(api, journalist, "en"), "security-question-todo") == (
        "To do: the protocol service asks for more information for your security clearance, "
        "and a copy of your passport. Give it on the page below or, for what that page does "
        "not take, by replying to the email “Security clearance: more information needed”. "
        "Until then, no badge can be issued. The request: Your assignments since 2024, please.")

    # the passport copy given, the page no longer asks for it, the question stays
    assert (await api.call("PUT", f"/api/v1/accreditations/{asked['id']}/documents/"
                           "passport_copy", role="protocol", data=_pdf("Passeport"),
                           headers={"Content-Type": "application/pdf"}))[0] == 204
    said = element(await _page(api, asked, "en"), "security-question-todo")
    assert said.startswith("To do: the protocol service asks for more information for your "
                           "security clearance. Give it on the page below;"), said
    assert said.endswith(f"The request: {QUESTION}")

    # cleared, nothing is said
    assert "security-question-todo" not in await _page(api, cleared, "fr")
