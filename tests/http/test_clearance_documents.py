"""The security service asking for more information asks for the passport copy, which the
person or their focal point gives on the page the mail names (docs/credentials.md,
"Documents", "Asked by the security service"). Tried as a focal point (2 December 2026): the
mail said to give the copy on the member's page and not by mail; the page, whose category was
asked no document, had no upload, and said only that a mail says what."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.helpers import element, member, text
from tests.conftest import Api
from tests.http.test_console import Visitor, _signed_in
from tests.http.test_console_credentials import _conference, _form_token, _upload
from tests.http.test_credentials import _pdf
from tests.support import RecordingSMTP, current_token

QUESTION = "Merci de fournir une copie du passeport (page d'identité)."


def _document_form(page: str) -> str:
    """The passport copy's upload form."""
    match = re.search(r'<form[^>]*id="document-form-passport_copy".*?</form>', page, re.S)
    assert match is not None
    return match.group(0)


async def _status(api: Api, person: dict[str, Any], status: str, reason: str | None) -> None:
    answer = await api.call("POST", f"/api/v1/accreditations/{person['id']}/vetting/status",
                            role="protocol", json={"status": status, "reason": reason})
    assert answer[0] == 200, answer


async def test_the_passport_copy_the_security_service_asks_for_is_given_on_the_page(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _conference(api, smtp, vetting_required=["minister"])
    asked = await member(api, be, "Dendias")
    cleared = await member(api, be, "Wouters")
    await _status(api, asked, "more_information", QUESTION)
    await _status(api, cleared, "cleared", None)

    # the API says what is asked: the passport copy, missing, and the question
    status, state, _ = await api.call(
        "GET", f"/api/v1/accreditations/{asked['id']}/documents", role="protocol")
    assert status == 200, state
    assert state["missing"] == ["passport_copy"] and state["security_question"] == QUESTION
    status, state, _ = await api.call(
        "GET", f"/api/v1/accreditations/{cleared['id']}/documents", role="protocol")
    assert state["items"] == [] and state["security_question"] is None, state

    # the focal point's member page: the question, and a form for the copy
    fp = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{asked['id']}"
    status, page, _ = await fp.go("GET", f"{path}/credentials?lang=en")
    assert status == 200, page
    said = element(page, "security-question")
    # protocol set the status itself: told as protocol's, never as the security service's
    assert text(said).startswith(
        "The protocol service asks for more information for the clearance, and a copy of the "
        "passport, to be given below:")
    assert element(page, "more-information-todo").startswith(
        "To do: the protocol service asks for more information for the clearance of Anna "
        "Dendias.")
    assert said.endswith(f":{QUESTION}")  # the question, in its own paragraph
    assert text(element(page, "doc-state-passport_copy")) == "Passport copy: missing"
    # the file's label and the button read as words, not as a form generator's « File: … »
    form = _document_form(page)
    assert '<label for="document_passport_copy">Passport copy (PDF, JPEG or PNG)</label>' in form
    assert '<button type="submit">Send the passport copy</button>' in form
    status, _, resp = await _upload(fp, f"{path}/documents/passport_copy?lang=en",
                                    _form_token(page, "document-form-passport_copy"), _pdf(),
                                    "application/pdf")
    assert status == 303, resp
    status, page, _ = await fp.go("GET", resp.headers["Location"])
    assert text(element(page, "doc-state-passport_copy")) == "Passport copy: received"
    # given, the copy is no longer asked for beside « received » (review, 2 December 2026)
    said = element(page, "security-question")
    assert said == f"The protocol service asks for more information for the clearance:{QUESTION}"
    resp = await api.client.get(f"/api/v1/accreditations/{asked['id']}/documents/passport_copy",
                                headers=api.auth("protocol"))
    assert resp.status == 200 and (await resp.read()).startswith(b"%PDF")
    # a member cleared is asked nothing
    _, page, _ = await fp.go("GET", f"/delegation/alliance-be/members/{cleared['id']}"
                                    "/credentials?lang=en")
    assert "security-question" not in page and "document-form-passport_copy" not in page

    # the person's own page says the same, in French: the copy given, not asked again
    # (it said « et une copie du passeport, à déposer ci-dessous » beside « reçue »)
    secret = await current_token(api.db_url, asked["id"])
    _, page, _ = await Visitor(api).go("GET", f"/a/{secret}/credentials?lang=fr")
    said = element(page, "security-question")
    assert said == ("Le service du protocole demande des informations complémentaires pour "
                    f"l'habilitation :{QUESTION}")
    form = _document_form(page)
    assert '<label for="document_passport_copy">Copie du passeport (PDF, JPEG ou PNG)</label>' \
        in form
    assert '<button type="submit">Envoyer la copie du passeport</button>' in form
    assert said.endswith(f":{QUESTION}")
    assert text(element(page, "doc-state-passport_copy")).startswith("Copie du passeport")
