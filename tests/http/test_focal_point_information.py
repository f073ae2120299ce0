"""Protocol asks a delegation member for more information, and the delegation's focal point,
who answers protocol's mails for a minister, is told and answers on the member's behalf from
the member's page of the portal (docs/workspaces.md, "Asking for more information";
docs/lifecycle.md, "Letters"). Before, the focal point knew nothing of the request: only the
minister received it, and only the minister's private link could answer."""

from __future__ import annotations

import re
from typing import Any

from conference.settings import Settings
from tests.browser.helpers import element, hidden
from tests.conftest import Api, start_api
from tests.http.conftest_focal import (
    FOCAL_POINT,
    create_conference,
    create_delegation,
    second_focal_point,
    sql,
)
from tests.http.conftest_programme import accredit, make_delegation
from tests.http.test_console import Visitor, _signed_in, staff
from tests.http.test_workspaces import link_in
from tests.support import RecordingSMTP, body_text

QUESTION = "Please send the note verbale of your embassy naming the minister in the delegation."
ANSWER = "The embassy sends the note verbale on Monday; the minister's passport copy follows."
SUBJECT = {"en": "More information asked about a member of your delegation",
           "fr": "Informations complémentaires demandées au sujet d'un membre de votre "
                 "délégation"}


async def _setup(api: Api, smtp: RecordingSMTP) -> tuple[dict[str, Any], dict[str, Any], str]:
    """The conference, Belgium's delegation (its focal point Jan Peeters in English, a second,
    Marie Dupont, in French), its minister under review; the first focal point's sign-in
    link."""
    await create_conference(api)
    be = await create_delegation(api, "en")
    [welcome] = await smtp.wait_for(1, where=lambda m: FOCAL_POINT in str(m["To"]))
    await second_focal_point(api, be, "fp2-be@example.org", "Marie Dupont", "fr")
    minister = await accredit(api, "Anna", "Lindqvist", delegation=be, decision=None)
    return be, minister, link_in(welcome)


async def _ask(api: Api, minister: dict[str, Any], question: str = QUESTION) -> None:
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{minister['id']}/information-request",
        role="protocol", json={"message": question})
    assert status == 200, body


def _focal_letters(smtp: RecordingSMTP, language: str) -> list[Any]:
    return [m for m in smtp.messages if SUBJECT[language] in str(m["Subject"])]


async def test_the_focal_points_are_told_and_one_answers_for_the_minister(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, minister, link = await _setup(api, smtp)
    aid = minister["id"]
    await _ask(api, minister)
    page_path = f"/delegation/alliance-be/members/{aid}"
    # each focal point's letter, in their own language, with the question as written, that the
    # minister received it too, and the member's page where they answer and give documents
    [letter] = await smtp.wait_for(1, where=lambda m: FOCAL_POINT in str(m["To"])
                                   and SUBJECT["en"] in str(m["Subject"]))
    text = body_text(letter).replace("\r\n", "\n")
    assert text.startswith("Dear Jan Peeters,\n"), text
    assert "The accreditation request of Anna Lindqvist (minister, " \
        "Belgium)" in text, text
    assert f"\n{QUESTION}\n" in text
    assert "Anna Lindqvist received this request too." in text
    assert f"https://conference.test{page_path}?lang=en\n" in text
    assert f"https://conference.test{page_path}/credentials?lang=en\n" in text
    assert "For any question, the protocol service: organiser@example.org" in text
    assert "/a/" not in text  # never the member's private link
    assert text.endswith("https://conference.test/alliance/privacy?lang=en\n") \
        and "personal data of a member of your delegation" in text
    [lettre] = await smtp.wait_for(1, where=lambda m: "fp2-be@example.org" in str(m["To"])
                                   and SUBJECT["fr"] in str(m["Subject"]))
    texte = body_text(lettre).replace("\r\n", "\n")
    assert "La demande d'accréditation d'Anna Lindqvist (ministre, " \
        "Belgique)" in texte, texte
    assert f"\n{QUESTION}\n" in texte
    assert "Anna Lindqvist a reçu cette demande également." in texte
    assert f"https://conference.test{page_path}?lang=fr\n" in texte
    # the minister's own letter still goes to the minister alone
    [own] = await smtp.wait_for(1, where=lambda m: minister["email"] in str(m["To"])
                                and QUESTION in body_text(m))
    # which says the focal point has it too (it did not: both could answer, unaware)
    assert ("Le point focal de votre délégation en est informé également et peut répondre pour"
            " vous, depuis le portail de la délégation.") in body_text(own), body_text(own)
    assert len(_focal_letters(smtp, "en")) == 1 and len(_focal_letters(smtp, "fr")) == 1

    # the focal point signs in and sees the question on the member's page, to do
    focal = await _signed_in(api, link)
    status, page, _ = await focal.go("GET", f"{page_path}?lang=en")
    assert status == 200, page
    assert element(page, "information-todo").startswith(
        "To do: the protocol service asks for more information about Anna Lindqvist")
    assert QUESTION in element(page, "exchange-1")
    assert "No written answer yet." in element(page, "exchange-1")
    assert element(page, "answer-title") == \
        "Your answer to the protocol service, on the member's behalf"
    action = f"{page_path}/information?lang=en"
    # without the form's token, empty, or too long: refused, nothing recorded
    status, answer, _ = await focal.go("POST", action, {"csrf": "forged", "answer": ANSWER})
    assert status == 403, answer
    for typed in ("  \n ", "x" * 2001):
        status, answer, _ = await focal.go("POST", action,
                                           {"csrf": hidden(page, "csrf"), "answer": typed})
        assert status == 422, answer
        assert element(answer, "answer-error") == \
            "Error: Write the answer (2,000 characters at most)."
        assert 'id="answer-form"' in answer
    assert "x" * 2001 in answer  # what was typed, kept
    assert await _answers(api, aid) == 0
    # answered: back on the member's page, which says so and shows it next to the question
    typed = ANSWER.replace(" on ", "\r\n  on ", 1)  # a textarea's lines: joined
    status, _, resp = await focal.go("POST", action, {"csrf": hidden(page, "csrf"),
                                                      "answer": typed})
    assert status == 303, resp
    location = resp.headers["Location"]
    assert location.startswith(f"{page_path}?") and "done=answered" in location
    status, page, _ = await focal.go("GET", location.split("#")[0])
    assert status == 200, page
    assert element(page, "flash") == ("The answer for Anna Lindqvist has been sent to the "
                                      "protocol service. It is shown below, with its request.")
    assert 'id="information-todo"' not in page
    exchange = element(page, "exchange-1")
    assert "by the delegation's focal point, as written" in exchange
    assert exchange.endswith(ANSWER), exchange
    assert "Answer received from the delegation's focal point" in element(page, "history")
    assert await _answers(api, aid) == 1

    # the organisers' notice says that the focal point answered, and who
    [notice] = await smtp.wait_for(1, where=lambda m: ANSWER in body_text(m))
    assert "organiser@example.org" in str(notice["To"])
    said = body_text(notice).replace("\r\n", "\n")
    # (no account at that address: the conference's first language, French)
    assert said.startswith("Le point focal de la délégation, Jan Peeters, a répondu pour le "
                           "compte d'Anna Lindqvist, depuis la page du membre"), said
    assert "telle que le point focal de la délégation, Jan Peeters, l'a écrite" in said
    # the request was the member's, not the focal point's (« lui a adressée » after the focal
    # point's name said it was sent to them)
    assert ("d'informations complémentaires que le service du protocole a adressée à ce membre "
            "au sujet de sa demande d'accréditation") in said, said
    assert f"\n  {QUESTION}\n" in said and f"\n  {ANSWER}\n" in said
    # the console shows the answer, and who gave it
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, console, _ = await protocol.go("GET", f"/manage/alliance/accreditations/{aid}"
                                                  "?lang=en")
    assert status == 200, console
    exchange = element(console, "exchange-1")
    assert QUESTION in exchange and exchange.endswith(ANSWER)
    assert "by the delegation's focal point" in exchange
    # and its list that it was answered, as when the member answers (it said "Information
    # asked on …" still: only an answer from the member's own link counted)
    status, listing, _ = await protocol.go("GET", "/manage/alliance/accreditations?lang=en")
    assert status == 200, listing
    assert element(listing, f"answered-{aid}").startswith("Answered on "), listing
    # the minister's own page (their letter's link, in French) says who answered for them
    private = re.search(r"https://conference\.test(/a/[\w.-]+)\s", body_text(own))
    assert private is not None, body_text(own)
    status, mine, _ = await Visitor(api).go("GET", private.group(1))
    assert status == 200, mine
    assert element(mine, "exchange-1").endswith(ANSWER)
    assert "par le point focal de votre délégation" in element(mine, "exchange-1")
    assert "Réponse envoyée par le point focal de votre délégation" in mine

    # decided meanwhile: the form sent says so, nothing recorded, the form gone
    token = hidden(page, "csrf")
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/decision",
                                     role="protocol", json={"decision": "approve"})
    assert status == 200, body
    status, answer, _ = await focal.go("POST", action, {"csrf": token, "answer": "More"})
    assert status == 409, answer
    assert element(answer, "form-error") == ("The application is no longer under review "
                                             "(approved): no answer is taken any more.")
    assert 'id="answer-form"' not in answer and ANSWER in element(answer, "asked")
    status, answer, _ = await focal.go("POST", action.replace("lang=en", "lang=fr"),
                                       {"csrf": token, "answer": "More"})
    assert status == 409, answer
    assert element(answer, "form-error") == ("La demande n'est plus à l'examen (accordée) : "
                                             "plus aucune réponse n'est acceptée."), answer
    assert await _answers(api, aid) == 1


async def _answers(api: Api, aid: str) -> int:
    return int(await sql(api, "SELECT count(*) FROM domain_event WHERE subject_id = $1"
                              " AND type = 'accreditation.information_given'", aid))


async def test_no_focal_letter_once_the_member_was_decided_meanwhile(
    db_url: str, settings: Settings, smtp: RecordingSMTP
) -> None:
    # no worker while protocol asks and then decides: the letters are written after both
    api = await start_api(db_url, settings, run_worker=False)
    try:
        await create_conference(api)
        be = await create_delegation(api, "en")
        minister = await accredit(api, "Anna", "Lindqvist", delegation=be, decision=None)
        await _ask(api, minister)
        status, body, _ = await api.call(
            "POST", f"/api/v1/accreditations/{minister['id']}/decision", role="protocol",
            json={"decision": "approve"})
        assert status == 200, body
    finally:
        await api.client.close()
    api = await start_api(db_url, settings)
    try:
        # the decision's letter to the focal point comes; the request's, written after the
        # decision, would contradict it: neither the member's nor the focal point's
        await smtp.wait_for(1, where=lambda m: FOCAL_POINT in str(m["To"])
                            and "granted" in str(m["Subject"]))
        assert await sql(api, "SELECT count(*) FROM delivery WHERE template IN"
                              " ('information_requested', 'information_requested_focal')") == 0
        assert await sql(api, "SELECT count(*) FROM delivery WHERE template ="
                              " 'decision_approved_focal'") == 1
    finally:
        await api.client.close()


async def test_another_delegation_s_focal_point_neither_reads_nor_answers(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, minister, link = await _setup(api, smtp)
    aid = minister["id"]
    await _ask(api, minister)
    fr = await make_delegation(api, "FR")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-fr@example.org" in str(m["To"]))
    other = await _signed_in(api, link_in(welcome))
    focal = await _signed_in(api, link)
    status, page, _ = await focal.go("GET", f"/delegation/alliance-be/members/{aid}?lang=en")
    assert status == 200, page
    status, own, _ = await other.go("GET", "/delegation/alliance-fr?lang=en")
    assert status == 200, own
    # not their delegation's page (403), nor their member (404), whatever the form's token
    for path, expected in ((f"/delegation/alliance-be/members/{aid}", 403),
                           (f"/delegation/alliance-fr/members/{aid}", 404)):
        status, _, _ = await other.go("GET", f"{path}?lang=en")
        assert status == expected, path
        status, _, _ = await other.go("POST", f"{path}/information?lang=en",
                                      {"csrf": hidden(own, "csrf"), "answer": ANSWER})
        assert status == expected, path
    # nor through the API with their delegation's token; BE's focal point's token does
    url = f"/api/v1/accreditations/{aid}/information-answer"
    status, body, _ = await api.call("POST", url, role=fr["focal_point_token"],
                                     json={"answer": ANSWER})
    assert status == 403, body
    status, body, _ = await api.call("POST", url, role=fr["focal_point_token"],
                                     json={"answer": ""})
    assert status == 403, body  # learns nothing from the field's error
    assert await _answers(api, aid) == 0
    status, body, _ = await api.call("POST", url, role=be["focal_point_token"],
                                     json={"answer": ""})
    assert status == 422, body
    status, body, _ = await api.call("POST", url, role=be["focal_point_token"],
                                     json={"answer": ANSWER})
    assert status == 200, body
    assert body["history"][-1]["action"] == "information_given"
    [notice] = await smtp.wait_for(1, where=lambda m: ANSWER in body_text(m))
    # through the API, the focal point is named as the delegation names them
    assert "Le point focal de la délégation, Jan Peeters, a répondu" in body_text(notice)
    assert await _answers(api, aid) == 1
    # an admin reads the portal's member page but answers for nobody
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    status, page, _ = await admin.go("GET", f"/delegation/alliance-be/members/{aid}?lang=en")
    assert status == 200 and 'id="answer-form"' not in page, page
    assert ANSWER in element(page, "exchange-1")
