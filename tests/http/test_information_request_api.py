"""The press desk's "ask for more information" through the API: `POST
/api/v1/accreditations/{id}/information-request` calls the page's use-case
(`accreditation.service.request_information`; docs/workspaces.md, "Asking for more
information")."""

from __future__ import annotations

import re

from tests.browser.helpers import element, press
from tests.conftest import Api
from tests.http.test_console import Visitor
from tests.http.test_console_credentials import _conference
from tests.support import RecordingSMTP, body_text


async def test_the_press_office_asks_for_information_through_the_api(
    api: Api, smtp: RecordingSMTP
) -> None:
    deleg, _ = await _conference(api, smtp)
    journalist = await press(api, language="en")
    aid = journalist["id"]
    path = f"/api/v1/accreditations/{aid}/information-request"
    message = "Please give a scan of your press card (both sides)."
    # a focal point decides nothing on the press: 403, before the body is read
    status, body, _ = await api.call("POST", path, role=deleg["focal_point_token"],
                                     json={"message": message})
    assert status == 403, body
    status, body, _ = await api.call("POST", path, json={"message": message})
    assert status == 401, body
    # a bad body: 422 naming the field, and nothing mailed
    for bad in ({}, {"message": "   "}, {"message": 12}, {"message": "x" * 2001}):
        status, body, resp = await api.call("POST", path, role="press_office", json=bad)
        assert status == 422, (bad, body)
        assert resp.content_type == "application/problem+json"
        assert [e["field"] for e in body["errors"]] == ["message"], body
    status, body, _ = await api.call(
        "POST", "/api/v1/accreditations/00000000-0000-4000-8000-000000000000"
                "/information-request", role="press_office", json={"message": message})
    assert status == 404, body
    # asked: the application as the page's use-case returns it, its history saying so
    status, body, _ = await api.call("POST", path, role="press_office",
                                     json={"message": message})
    assert status == 200, body
    assert body["id"] == aid and body["status"] == "submitted"
    [line] = [h for h in body["history"] if h["action"] == "information_requested"]
    assert line["reason"] == message
    # the letter: to the applicant, the message, and a working fresh private link
    [letter] = await smtp.wait_for(
        1, where=lambda m: "marie.dupont@example.org" in m["To"]
        and "More information" in str(m["Subject"]))
    text = body_text(letter)
    assert message in text
    link = re.search(r"https?://\S+/a/([\w.-]+)/credentials", text)
    assert link is not None, text
    status, mine, _ = await Visitor(api).go("GET", f"/a/{link.group(1)}?lang=en")
    assert status == 200, mine
    assert message in element(mine, "history")
    # once decided, no more request: 409
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/decision",
                                     role="press_office", json={"decision": "approve"})
    assert status == 200, body
    status, body, _ = await api.call("POST", path, role="admin",
                                     json={"message": "Another question"})
    assert status == 409, body


async def test_protocol_asks_a_delegation_member_through_the_api_and_nobody_else_s_applicant(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Protocol decides on delegation members, so it asks them through the API as the console
    does (it was refused 403: the route let in the press desk only); the press stays the press
    office's, and a member is not the press office's."""
    from tests.http.conftest_programme import accredit

    deleg, _ = await _conference(api, smtp)
    minister = await accredit(api, "Anna", "Lindqvist", delegation=deleg, decision=None)
    journalist = await press(api, language="en")
    message = "Please give the note verbale of your ministry."

    def path(aid: str) -> str:
        return f"/api/v1/accreditations/{aid}/information-request"

    status, body, _ = await api.call("POST", path(minister["id"]), role="press_office",
                                     json={"message": message})
    assert status == 403, body
    status, body, _ = await api.call("POST", path(journalist["id"]), role="protocol",
                                     json={"message": message})
    assert status == 403, body
    status, body, _ = await api.call("POST", path(minister["id"]), role="protocol",
                                     json={"message": message})
    assert status == 200, body
    [line] = [h for h in body["history"] if h["action"] == "information_requested"]
    assert line["reason"] == message
    [letter] = await smtp.wait_for(1, where=lambda m: minister["email"] in m["To"]
                                   and message in body_text(m))
    assert "le service du protocole" in body_text(letter).lower()
