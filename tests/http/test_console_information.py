"""The protocol console asks a delegation member or an expert for more information before
deciding, as the press desk asks a journalist (`POST
/manage/{slug}/accreditations/{id}/information`; docs/workspaces.md, "Asking for more
information"): the console had no form for it, only the API did. The member's letter, their
answer from its link, the office's notice at the organisers' address, the question and the
answer on the console's page, and the list's marks."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import asyncpg

from tests.browser.helpers import element, hidden, press
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import accredit, make_delegation
from tests.http.test_console import Visitor, staff
from tests.support import RecordingSMTP, body_text

M = "/manage/alliance"
QUESTION = "Please send the note verbale of your embassy naming you in the delegation."
ANSWER = "The embassy sent the note verbale this morning; a copy follows on the documents page."


async def _requests(api: Api, aid: str) -> int:
    conn = await asyncpg.connect(api.db_url)
    try:
        return int(await conn.fetchval(
            "SELECT count(*) FROM domain_event WHERE subject_id = $1"
            " AND type = 'accreditation.information_requested'", aid))
    finally:
        await conn.close()


async def _notices(api: Api) -> list[str]:
    """The recipients of the office's notices of an answer, as the worker wrote them."""
    conn = await asyncpg.connect(api.db_url)
    try:
        return [r["recipient"] for r in await conn.fetch(
            "SELECT recipient FROM delivery WHERE template = 'office_information_given'"
            " ORDER BY id")]
    finally:
        await conn.close()


async def _member(api: Api) -> tuple[dict[str, Any], dict[str, Any]]:
    """The conference, delegation BE and its minister's adviser under review (in English)."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    be = await make_delegation(api, "BE")
    return be, await accredit(api, "Anna", "Lindqvist", delegation=be, decision=None,
                              category="official", rank="senior_official", language="en",
                              function="Adviser to the Minister")


async def test_protocol_asks_a_member_who_answers_and_the_organisers_are_told(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, adviser = await _member(api)
    conseiller = await accredit(api, "Luc", "Janssens", delegation=be, decision=None,
                                category="official", rank="senior_official", language="fr",
                                function="Conseiller du ministre")
    aid = adviser["id"]
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    # the list, filtered, links to the application with its place
    place = f"status=submitted&delegation={be['id']}"
    status, listing, _ = await protocol.go("GET", f"{M}/accreditations?lang=en&{place}")
    assert status == 200, listing
    link = re.search(rf'href="([^"]*/accreditations/{aid}\?[^"]*)"', listing)
    assert link is not None and "status=submitted" in link.group(1), listing
    path = f"{M}/accreditations/{aid}"
    status, page, _ = await protocol.go("GET", link.group(1).replace("&amp;", "&"))
    assert status == 200, page
    assert element(page, "information-title") == "Ask for more information"
    assert "journalist" not in element(page, "main")
    back = dict(parse_qsl(hidden(page, "back")))
    assert back == {"status": "submitted", "delegation": be["id"]}
    token = hidden(page, "csrf")
    action = f"{path}/information?lang=en"
    # without the form's token: refused, nothing asked
    status, answer, _ = await protocol.go("POST", action,
                                          {"csrf": "forged", "information_message": QUESTION})
    assert status == 403, answer
    # empty, or too long: the field says why, the page stays, the text typed kept
    for message in ("  \n ", "x" * 2001):
        status, answer, _ = await protocol.go(
            "POST", action, {"csrf": token, "information_message": message,
                             "back": hidden(page, "back")})
        assert status == 422, answer
        assert element(answer, "information_message-error") == (
            "Error: Say what the applicant needs to give (2,000 characters at most).")
        assert hidden(answer, "back") == hidden(page, "back")
    assert "x" * 2001 in answer
    # the language button shows the form again in French, filled, never asked
    status, answer, _ = await protocol.go(
        "POST", f"{path}/information?lang=fr",
        {"csrf": token, "information_message": QUESTION, "switch": "1"})
    assert status == 200, answer
    assert element(answer, "information-title") == "Demander des informations complémentaires"
    assert QUESTION in answer
    # the field says what the person is to give (« Ce qu'il faut à la personne » said what
    # the person needs), and so does its error
    assert "Ce que la personne doit fournir (message envoyé tel quel)" in answer, answer
    status, answer, _ = await protocol.go("POST", f"{path}/information?lang=fr",
                                          {"csrf": token, "information_message": ""})
    assert status == 422, answer
    assert element(answer, "information_message-error") == (
        "Erreur : Indiquez ce que la personne doit fournir (2000 caractères au plus).")
    assert await _requests(api, aid) == 0
    # asked: back to the list where the officer was, which says so
    status, _, resp = await protocol.go("POST", action, {
        "csrf": token, "information_message": QUESTION, "back": hidden(page, "back")})
    assert status == 303, resp
    location = resp.headers["Location"]
    assert urlsplit(location).path == f"{M}/accreditations"
    assert {"status": "submitted", "delegation": be["id"], "done": "information"}.items() \
        <= dict(parse_qsl(urlsplit(location).query)).items()
    status, listing, _ = await protocol.go("GET", location)
    assert status == 200, listing
    assert element(listing, "flash") == "Request for information sent to Anna Lindqvist."
    assert element(listing, f"asked-{aid}").startswith("Information asked on ")
    assert f'id="asked-{conseiller["id"]}"' not in listing
    assert await _requests(api, aid) == 1
    # the adviser's letter: the protocol service asks, never the press office
    [letter] = await smtp.wait_for(1, where=lambda m: adviser["email"] in str(m["To"])
                                   and QUESTION in body_text(m))
    text = body_text(letter).replace("\r\n", "\n")
    assert "More information needed for your accreditation" in str(letter["Subject"])
    assert "Before deciding, the protocol service needs more information:" in text, text
    assert f"\n{QUESTION}\n" in text
    assert "press" not in text.lower(), text
    assert "the protocol service: organiser@example.org" in text
    assert "The Protocol Service" in text
    # the French member's, asked through the same form
    status, page_fr, _ = await protocol.go("GET", f"{M}/accreditations/{conseiller['id']}"
                                                  "?lang=fr")
    status, _, resp = await protocol.go(
        "POST", f"{M}/accreditations/{conseiller['id']}/information?lang=fr",
        {"csrf": hidden(page_fr, "csrf"), "information_message": QUESTION})
    assert status == 303, resp
    [lettre] = await smtp.wait_for(1, where=lambda m: conseiller["email"] in str(m["To"])
                                   and QUESTION in body_text(m))
    texte = body_text(lettre).replace("\r\n", "\n")
    assert "Avant de décider, le service du protocole a besoin d'informations " \
        "complémentaires\u00a0:" in texte, texte
    assert "presse" not in texte.lower(), texte
    assert "le service du protocole\u00a0: organiser@example.org" in texte
    assert "\nLe service du protocole\n" in texte, texte
    # the adviser answers on their page, through the letter's link
    found = re.search(r"https?://[^/\s]+(/a/[\w.-]+)\s", text)
    assert found is not None, text
    mine = found.group(1)
    applicant = Visitor(api)
    status, own, _ = await applicant.go("GET", f"{mine}?lang=en")
    assert status == 200, own
    assert element(own, "answer-title") == "Your answer to the protocol service"
    status, _, resp = await applicant.go("POST", f"{mine}/information?lang=en",
                                         {"csrf": hidden(own, "csrf"), "answer": ANSWER})
    assert status == 303, resp
    # the office's notice: the organisers' address, nobody else (no spokesperson: the press
    # office did not ask), with the console's page of the application
    [notice] = await smtp.wait_for(1, where=lambda m: ANSWER in body_text(m))
    await smtp.wait_for(1, where=lambda m: conseiller["email"] in str(m["To"]))
    assert [str(m["To"]) for m in smtp.messages if ANSWER in body_text(m)] == [
        str(notice["To"])]
    assert await _notices(api) == ["organiser@example.org"]  # every one written, not just sent
    assert "organiser@example.org" in str(notice["To"])
    said = body_text(notice).replace("\r\n", "\n")
    assert f"\n  {QUESTION}\n" in said and f"\n  {ANSWER}\n" in said
    # (no account at that address: the conference's first language)
    assert "que le service du protocole lui a adressée" in said, said
    assert "La décision est à prendre dans la console du protocole\u00a0:" in said, said
    assert f"https://conference.test{path}\n" in said
    # the console shows the question with the answer next to it, the list that it was
    # answered
    status, page, _ = await protocol.go("GET", f"{path}?lang=en")
    assert status == 200, page
    exchange = element(page, "exchange-1")
    assert exchange.startswith("Request of ") and QUESTION in exchange
    assert "Answer of " in exchange and exchange.endswith(f", as written {ANSWER}")
    assert page.index('id="asked"') < page.index('id="information-form"')
    status, listing, _ = await protocol.go("GET", f"{M}/accreditations?lang=en")
    assert element(listing, f"answered-{aid}").startswith("Answered on ")
    # decided meanwhile (another tab): the form sent says so, nothing asked, the form gone
    token = hidden(page, "csrf")
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/decision",
                                     role="protocol", json={"decision": "approve"})
    assert status == 200, body
    status, answer, _ = await protocol.go("POST", action, {
        "csrf": token, "information_message": "One more thing"})
    assert status == 409, answer
    assert element(answer, "form-error") == (
        "The application is no longer under review (approved): no information is asked.")
    assert 'id="information-form"' not in answer and ANSWER in element(answer, "asked")
    assert await _requests(api, aid) == 1
    status, listing, _ = await protocol.go("GET", f"{M}/accreditations?lang=en")
    assert f'id="answered-{aid}"' not in listing  # decided: nothing waits any more


async def test_the_console_s_form_is_protocol_s_and_never_the_press(
    api: Api, smtp: RecordingSMTP
) -> None:
    _, member = await _member(api)
    journalist = await press(api, language="en")
    press_office = await staff(api, smtp, "press@example.org", "press_office")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", f"{M}/accreditations/{member['id']}?lang=en")
    assert status == 200, page
    # the press office has no console: refused, nothing asked
    status, answer, _ = await press_office.go(
        "POST", f"{M}/accreditations/{member['id']}/information?lang=en",
        {"csrf": hidden(page, "csrf"), "information_message": QUESTION})
    assert status == 403, answer
    # a journalist is asked on the press desk: no form here, and protocol is refused
    status, page, _ = await protocol.go("GET", f"{M}/accreditations/{journalist['id']}"
                                               "?lang=en")
    assert status == 200 and 'id="information-form"' not in page, page
    status, answer, _ = await protocol.go(
        "POST", f"{M}/accreditations/{journalist['id']}/information?lang=en",
        {"csrf": hidden(page, "csrf"), "information_message": QUESTION})
    assert status == 403, answer
    assert await _requests(api, member["id"]) == 0
    assert await _requests(api, journalist["id"]) == 0
