"""An applicant answers the office's request for more information in words, from their own
page (`POST /a/{token}/information`) or the API (`POST
/api/v1/accreditations/{id}/information-answer`), through one use-case
(`accreditation.service.give_information`; docs/workspaces.md, "Asking for more
information"): a history line, the office told by mail, the answer next to its question on
the press desk and the console, erased with the person's other reasons."""

from __future__ import annotations

import html
import re
from email.message import EmailMessage
from typing import Any

import asyncpg

from tests.browser.helpers import element, hidden, press
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import accredit, make_delegation
from tests.http.test_console import Visitor, staff
from tests.support import RecordingSMTP, body_text, current_token

QUESTION = "Please give a scan of your press card (both sides)."
ANSWER = "My assignment is for Le Soir's Brussels desk; the letter from my editor follows Monday."


async def _conference(api: Api) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body


async def _asked(api: Api, smtp: RecordingSMTP, aid: str, email: str, role: str = "press_office",
                 question: str = QUESTION) -> str:
    """The office asks; the applicant's private link, from the letter that arrived."""
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{aid}/information-request", role=role,
        json={"message": question})
    assert status == 200, body
    [letter] = await smtp.wait_for(
        1, where=lambda m: email in str(m["To"]) and question in body_text(m))
    link = re.search(r"https?://[^/\s]+(/a/[\w.-]+)\s", body_text(letter))
    assert link is not None, body_text(letter)
    return link.group(1)


def _notices(smtp: RecordingSMTP, recipient: str) -> list[EmailMessage]:
    return [m for m in smtp.messages if recipient in str(m["To"])
            and ("Answer to a request for information" in str(m["Subject"])
                 or "Réponse à une demande d'informations" in str(m["Subject"]))]


async def _events(api: Api, aid: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(api.db_url)
    try:
        return list(await conn.fetch(
            "SELECT payload, history FROM domain_event WHERE subject_id = $1"
            " AND type = 'accreditation.information_given' ORDER BY id", aid))
    finally:
        await conn.close()


async def test_the_journalist_answers_from_their_page_and_the_press_office_reads_it(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    journalist = await press(api, language="en")
    aid = journalist["id"]
    # each letter's link replaces the one before (the registration's too): the current one
    page_path = f"/a/{await current_token(api.db_url, aid)}?lang=en"
    v = Visitor(api)
    # nothing asked: nothing to answer, no form
    status, page, _ = await v.go("GET", page_path)
    assert status == 200 and 'id="answer-form"' not in page and 'id="asked"' not in page
    path = await _asked(api, smtp, aid, journalist["email"])
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert status == 200, page
    assert QUESTION in element(page, "exchange-1")
    assert element(page, "answer-title") == "Your answer to the spokesperson's office"
    action = f"{path}/information?lang=en"
    token = hidden(page, "csrf")
    # without the form's token: refused, nothing recorded
    status, page, _ = await v.go("POST", action, {"csrf": "forged", "answer": ANSWER})
    assert status == 403, page
    # an empty answer, or one too long: the field says why, what was typed stays
    status, page, _ = await v.go("POST", action, {"csrf": token, "answer": "  \n "})
    assert status == 422, page
    assert element(page, "answer-error") == "Error: Write your answer (2,000 characters at most)."
    assert 'aria-describedby="answer-hint answer-error"' in page
    status, page, _ = await v.go("POST", action, {"csrf": token, "answer": "x" * 2001})
    assert status == 422 and "x" * 2001 in page
    status, page, _ = await v.go("POST", action, {"csrf": token, "answer": "Ring\x07 the bell"})
    assert status == 422, page
    assert element(page, "answer-error").startswith("Error: ")
    assert "2,000" not in element(page, "answer-error")
    assert await _events(api, aid) == []
    # answered: back on the page, which says it was sent and shows it under the question
    status, _, resp = await v.go("POST", action, {"csrf": token,
                                                  "answer": ANSWER.replace("; ", ";\r\n")})
    assert status == 303, resp
    assert resp.headers["Location"] == f"{path}?lang=en&done=answered#asked-title"
    status, page, _ = await v.go("GET", resp.headers["Location"].split("#")[0])
    assert status == 200, page
    assert element(page, "status-message") == ("Your answer has been sent. It is shown below, "
                                               "with the office's request.")
    assert element(page, "answer-1-1") == ANSWER
    assert "Your answer sent" in element(page, "history") and ANSWER in element(page, "history")
    assert element(page, "status") == "Received, under review"
    # one event, the answer in its history line, never in its payload
    [event] = await _events(api, aid)
    assert ANSWER not in str(event["payload"])
    assert '"information_given"' in event["history"] and ANSWER in event["history"]
    # each spokesperson is told (no account: the conference's first language, French), with
    # the question and the answer as written, and the desk's page of the application
    await smtp.wait_for(2, where=lambda m: "Réponse à une demande" in str(m["Subject"]))
    for spokesperson in ("michele.cercone@example.org", "tove.ernst@example.org"):
        [notice] = _notices(smtp, spokesperson)
        text = body_text(notice).replace("\r\n", "\n")
        assert str(notice["Subject"]).startswith(
            "Réponse à une demande d'informations\u00a0: Dupont, Marie (Le Soir)\u00a0: ")
        assert "Informations demandées le " in text and f"\n  {QUESTION}\n" in text
        assert f"telle que la personne l'a écrite\u00a0:\n  {ANSWER}\n" in text
        assert f"https://conference.test/manage/alliance/press/{aid}\n" in text
        assert "message interne" in text
    # the applicant gets no letter of it, and the link they answered from still works
    assert not [m for m in smtp.messages if journalist["email"] in str(m["To"])
                and ANSWER in body_text(m)]
    status, _, _ = await v.go("GET", f"{path}?lang=en")
    assert status == 200
    # the press office: the queue says it was answered, the application's page shows the
    # answer next to the question, and the history names it in the desk's words
    officer = await staff(api, smtp, "press@example.org", "press_office")
    status, queue, _ = await officer.go("GET", "/manage/alliance/press?lang=en")
    assert status == 200, queue
    assert element(queue, f"answered-{aid}").startswith("Answered on ")
    status, desk, _ = await officer.go("GET", f"/manage/alliance/press/{aid}?lang=en")
    assert status == 200, desk
    exchange = element(desk, "exchange-1")
    assert exchange.startswith("Request of ") and QUESTION in exchange
    assert "Answer of " in exchange and exchange.endswith(f", as written {ANSWER}")
    assert desk.index('id="asked"') < desk.index('id="decision-form"')
    assert "Answer received from the applicant" in element(desk, "history")
    status, desk, _ = await officer.go("GET", f"/manage/alliance/press/{aid}?lang=fr")
    assert "Réponse du " in element(desk, "exchange-1")
    assert "Réponse reçue du demandeur" in element(desk, "history")
    # decided: no answer any more, the form gone
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/decision",
                                     role="press_office", json={"decision": "approve"})
    assert status == 200, body
    # the form as it was, sent through the link that is current now (the approval letter's
    # replaced the request's)
    action = f"/a/{await current_token(api.db_url, aid)}/information?lang=en"
    status, page, _ = await v.go("POST", action, {"csrf": token, "answer": "One more thing"})
    assert status == 409, page
    assert element(page, "status-message") == ("Your application is no longer under review "
                                               "(approved): no answer is taken any more.")
    assert 'id="answer-form"' not in page and ANSWER in element(page, "asked")
    # in French, as an institution says it (« aucune réponse n'est plus prise » was a calque)
    status, page, _ = await v.go("POST", action.replace("lang=en", "lang=fr"),
                                 {"csrf": token, "answer": "One more thing"})
    assert status == 409, page
    assert element(page, "status-message") == ("Votre demande n'est plus à l'examen "
                                               "(accordée) : plus aucune réponse n'est "
                                               "acceptée."), page
    assert len(await _events(api, aid)) == 1


async def test_the_api_takes_the_applicant_s_answer_only(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    journalist = await press(api, language="en")
    other = await press(api, 1, language="en")
    aid = journalist["id"]
    path = f"/api/v1/accreditations/{aid}/information-answer"
    # nothing asked yet: nothing to answer
    status, body, _ = await api.call("POST", path, role=await current_token(api.db_url, aid),
                                     json={"answer": ANSWER})
    assert status == 409, body
    assert body["type"].endswith("illegal-transition")
    link = await _asked(api, smtp, aid, journalist["email"])
    mine = link.removeprefix("/a/")
    other_token = await current_token(api.db_url, other["id"])
    # no token, an office, another applicant: refused before the body is read
    status, body, _ = await api.call("POST", path, json={"answer": ANSWER})
    assert status == 401, body
    for role in ("press_office", "admin"):
        status, body, _ = await api.call("POST", path, role=role, json={"answer": ANSWER})
        assert status == 403, (role, body)
    status, body, _ = await api.call("POST", path, role=other_token, json={})
    assert status == 403, body
    # a bad body: 422 naming the field
    for bad in ({}, {"answer": "   "}, {"answer": 12}, {"answer": "x" * 2001},
                {"answer": "Follows\x00 Monday"}, {"answer": "\u202eyadnoM"}):
        status, body, resp = await api.call("POST", path, role=mine, json=bad)
        assert status == 422, (bad, body)
        assert resp.content_type == "application/problem+json"
        assert [e["field"] for e in body["errors"]] == ["answer"], body
    status, body, _ = await api.call(
        "POST", "/api/v1/accreditations/00000000-0000-4000-8000-000000000000"
                "/information-answer", role=mine, json={"answer": ANSWER})
    assert status == 404, body
    # answered: the application with its history, the status unchanged
    status, body, _ = await api.call("POST", path, role=mine, json={"answer": ANSWER})
    assert status == 200, body
    assert body["status"] == "submitted"
    [line] = [h for h in body["history"] if h["action"] == "information_given"]
    assert line["reason"] == ANSWER and line["from_status"] == line["to_status"] == "submitted"
    # and the office reads it in the API's history too
    status, body, _ = await api.call("GET", f"/api/v1/accreditations/{aid}", role="press_office")
    assert [h["reason"] for h in body["history"] if h["action"] == "information_given"] \
        == [ANSWER]
    # rejected: 409 naming the status
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/decision",
                                     role="press_office",
                                     json={"decision": "reject", "reason": "No press card."})
    assert status == 200, body
    mine = await current_token(api.db_url, aid)  # the rejection letter's link replaced it
    status, body, _ = await api.call("POST", path, role=mine, json={"answer": "Too late"})
    assert status == 409, body
    assert body["status_now"] == "rejected", body
    # withdrawn: the token only reads the status any more (403 before anything else)
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{other['id']}/withdraw",
                                     role=other_token, json={})
    assert status == 200, body
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{other['id']}/information-answer",
        role=other_token, json={"answer": "Too late"})
    assert status == 403, body


async def test_a_member_s_answer_goes_to_the_protocol_service_and_shows_in_the_console(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    be = await make_delegation(api, "BE")
    minister = await accredit(api, "Anna", "Lindqvist", delegation=be, decision=None,
                              language="en")
    aid = minister["id"]
    link = await _asked(api, smtp, aid, minister["email"], role="admin",
                        question="Please give the note verbale.")
    v = Visitor(api)
    status, page, _ = await v.go("GET", f"{link}?lang=en")
    assert status == 200, page
    assert element(page, "answer-title") == "Your answer to the protocol service"
    status, _, resp = await v.go("POST", f"{link}/information?lang=en",
                                 {"csrf": hidden(page, "csrf"),
                                  "answer": "The note verbale was sent by the embassy today."})
    assert status == 303, resp
    # the organisers' address, the console's page of the member
    [notice] = await smtp.wait_for(1, where=lambda m: "organiser@example.org" in str(m["To"])
                                   and "Lindqvist" in str(m["Subject"]))
    text = body_text(notice).replace("\r\n", "\n")
    assert "le service du protocole lui a adressée" in text, text
    assert "\n  Please give the note verbale.\n" in text
    assert "\n  The note verbale was sent by the embassy today.\n" in text
    assert f"https://conference.test/manage/alliance/accreditations/{aid}\n" in text
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, console, _ = await protocol.go(
        "GET", f"/manage/alliance/accreditations/{aid}?lang=en")
    assert status == 200, console
    exchange = element(console, "exchange-1")
    assert "Please give the note verbale." in exchange
    assert "The note verbale was sent by the embassy today." in exchange
    assert "Answer received from the applicant" in element(console, "history")


async def test_the_answer_is_erased_with_the_person_and_never_logged(
    api: Api, smtp: RecordingSMTP, caplog: Any
) -> None:
    await _conference(api)
    journalist = await press(api, language="en")
    aid = journalist["id"]
    link = await _asked(api, smtp, aid, journalist["email"])
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{aid}/information-answer",
        role=link.removeprefix("/a/"), json={"answer": ANSWER})
    assert status == 200, body
    await smtp.wait_for(2, where=lambda m: ANSWER in body_text(m))
    # the applicant's export carries it
    status, export, _ = await api.call("GET", f"/api/v1/accreditations/{aid}/personal-data",
                                       role=link.removeprefix("/a/"))
    assert status == 200, export
    assert ANSWER in str(export)
    status, body, _ = await api.call("DELETE", f"/api/v1/accreditations/{aid}/personal-data",
                                     role="admin")
    assert status == 200, body
    [event] = await _events(api, aid)
    assert ANSWER not in event["history"] and '"information_given"' in event["history"]
    status, body, _ = await api.call("GET", f"/api/v1/accreditations/{aid}", role="admin")
    assert [h["reason"] for h in body["history"] if h["action"] == "information_given"] \
        == [None]
    assert ANSWER not in caplog.text


async def test_a_request_takes_five_answers_then_the_office_asks_again(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Each answer is mailed to the office: whoever holds the link cannot flood the
    spokespersons (docs/workspaces.md, "The applicant's answer in words")."""
    await _conference(api)
    journalist = await press(api, language="en")
    aid = journalist["id"]
    link = await _asked(api, smtp, aid, journalist["email"])
    path = f"/api/v1/accreditations/{aid}/information-answer"
    for n in range(5):
        status, body, _ = await api.call("POST", path, role=link.removeprefix("/a/"),
                                         json={"answer": f"Answer number {n + 1}."})
        assert status == 200, body
    status, body, _ = await api.call("POST", path, role=link.removeprefix("/a/"),
                                     json={"answer": "A sixth answer."})
    assert status == 409, body
    assert body["type"].endswith("answers-exhausted") and body["answers_allowed"] == 5
    v = Visitor(api)
    status, page, _ = await v.go("GET", f"{link}?lang=en")
    assert status == 200, page
    assert 'id="answer-form"' not in page
    assert element(page, "answers-exhausted").startswith(
        "You have sent 5 answers to this request, as many as it takes.")
    assert [element(page, f"answer-1-{n}") for n in range(1, 6)] == [
        f"Answer number {n}." for n in range(1, 6)]
    # five notices to each spokesperson, no sixth
    await smtp.wait_for(10, where=lambda m: "Answer number" in body_text(m))
    assert not [m for m in smtp.messages if "A sixth answer." in body_text(m)]
    # the office asks again: the new request takes its own answers
    link = await _asked(api, smtp, aid, journalist["email"], question="And the editor's letter?")
    status, body, _ = await api.call("POST", path, role=link.removeprefix("/a/"),
                                     json={"answer": "Attached on the documents page."})
    assert status == 200, body
    status, page, _ = await v.go("GET", f"{link}?lang=en")
    assert element(page, "answer-2-1") == "Attached on the documents page."
    assert 'id="answer-form"' in page


async def test_a_request_the_decision_overtook_says_it_needs_no_answer(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Once the application is decided (or withdrawn), the journalist's page keeps the
    question asked 'before deciding' and says that it needs no answer any more; under an
    'Approved' status it read as a question still waiting for them (tryout as a
    journalist)."""
    await _conference(api)
    journalist = await press(api, language="fr")
    aid = journalist["id"]
    path = await _asked(api, smtp, aid, journalist["email"])
    v = Visitor(api)
    status, page, _ = await v.go("GET", f"{path}?lang=fr")
    assert status == 200 and 'id="asked-closed"' not in page  # under review: the form
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/decision",
                                     role="press_office", json={"decision": "approve"})
    assert status == 200, body
    # the approval letter's link replaces the one the request's letter gave (one current link)
    [letter] = await smtp.wait_for(
        1, where=lambda m: journalist["email"] in str(m["To"])
        and "Accréditation accordée" in str(m["Subject"]))
    link = re.search(r"https?://[^/\s]+(/a/[\w.-]+)\s", body_text(letter))
    assert link is not None, body_text(letter)
    path = link.group(1)
    for lang, said in (("fr", "Votre demande n'est plus à l'examen : ces informations ne "
                              "sont plus attendues, vous n'avez pas à y répondre."),
                       ("en", "Your application is no longer under review: this information "
                              "is no longer expected, and needs no answer.")):
        status, page, _ = await v.go("GET", f"{path}?lang={lang}")
        assert status == 200
        assert QUESTION in element(page, "exchange-1") and 'id="answer-form"' not in page
        assert element(page, "asked-closed") == said


def _history(page: str) -> tuple[list[str], list[list[str]]]:
    """The history table's column headers and its rows' cells, as read."""
    table = re.search(r'<table class="history" id="history">(.*?)</table>', page, re.S)
    assert table, page

    def cells(row: str, tag: str) -> list[str]:
        return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split())
                for c in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", row, re.S)]
    head = re.search(r"<thead>(.*?)</thead>", table.group(1), re.S)
    assert head
    body = table.group(1)[head.end():]
    return cells(head.group(1), "th"), [cells(r, "td") for r in re.findall(
        r"<tr>(.*?)</tr>", body, re.S)]


async def test_the_history_s_third_column_is_named_for_all_it_holds(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The history's third column holds a decision's reason, the office's question and the
    applicant's answer, the details changed: headed « Motif » / "Reason", it named the first
    only (tryout). « Détails » / "Details" on the press desk, the console and the applicant's
    own page."""
    await _conference(api)
    journalist = await press(api, language="en")
    aid = journalist["id"]
    path = await _asked(api, smtp, aid, journalist["email"])
    v = Visitor(api)
    _, page, _ = await v.go("GET", f"{path}?lang=en")
    status, _, _ = await v.go("POST", f"{path}/information?lang=en",
                              {"csrf": hidden(page, "csrf"), "answer": ANSWER})
    assert status == 303
    officer = await staff(api, smtp, "press@example.org", "press_office")
    be = await make_delegation(api, "BE")
    minister = await accredit(api, "Anna", "Lindqvist", delegation=be, decision=None,
                              language="en")
    await _asked(api, smtp, minister["id"], minister["email"], role="admin",
                 question="Please give the note verbale.")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    for lang, head in (("en", ["Date", "Event", "Details"]),
                       ("fr", ["Date", "Événement", "Détails"])):
        _, desk, _ = await officer.go("GET", f"/manage/alliance/press/{aid}?lang={lang}")
        columns, rows = _history(desk)
        assert columns == head, columns
        assert [r[2] for r in rows if r[2]] == [QUESTION, ANSWER]
        _, console, _ = await protocol.go(
            "GET", f"/manage/alliance/accreditations/{minister['id']}?lang={lang}")
        columns, rows = _history(console)
        assert columns == head and rows[-1][2] == "Please give the note verbale.", rows
        _, own, _ = await v.go("GET", f"{path}?lang={lang}")
        columns, rows = _history(own)
        assert columns == head and [r[2] for r in rows if r[2]] == [QUESTION, ANSWER], rows
