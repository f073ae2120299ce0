"""The default visa letter is always signable (docs/credentials.md, "Visa invitation letters").
A conference with no letter text of its own and no hosts sent letters with an empty signatory
(the first host's name, and there was none) and a bare date where a letter gives its place and
date: the consulate received a letter nobody signed, written nowhere. The signatory is now the
first host (with their function), else the organiser for the protocol service; the date follows
the conference's city, in the letter's language ("Brussels" in English)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from conference.mail import formatting
from tests.conftest import Api, conference_body
from tests.http.test_credentials import BASE, PASSPORT, _attachment, _text, applicant
from tests.support import RecordingSMTP


async def _letter(api: Api, smtp: RecordingSMTP, n: int, language: str) -> str:
    p = await applicant(api, n, language=language, approved=True)
    status, letter, _ = await api.call("POST", f"/api/v1/accreditations/{p['id']}/visa-letter",
                                       role=p["access_token"], json=PASSPORT)
    assert status == 201, letter
    status, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                         role="protocol", json={"decision": "approve"})
    assert status == 200, approved
    [mail] = await smtp.wait_for(1, where=lambda m: approved["number"] in str(m["Subject"]))
    return _text(_attachment(mail)[1])


async def test_a_letter_without_hosts_is_signed_by_the_protocol_service_and_placed(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(hosts=[]))
    assert status == 201, body
    status, template, _ = await api.call("GET", f"{BASE}/visa-letter-template", role="protocol")
    assert status == 200, template
    assert (template["signatory_name"], template["signatory_title"]) == (
        "Alliance mondiale : réunion", {"fr": "Service du protocole", "en": "Protocol Service"})

    today = datetime.now(UTC).date()
    french = await _letter(api, smtp, 1, "fr")
    assert f"Bruxelles, le {formatting.day(today, 'fr')}" in french
    assert "Alliance mondiale : réunion Service du protocole" in french
    english = await _letter(api, smtp, 2, "en")
    assert f"Brussels, {formatting.day(today, 'en')}" in english  # the city in English
    assert "Global Alliance: meeting Protocol Service" in english  # the organiser in English


async def test_a_letter_is_signed_by_the_first_host_with_their_function(
    api: Api, smtp: RecordingSMTP
) -> None:
    host: dict[str, Any] = {"name": "Didier Reynders", "rank": "foreign_minister",
                            "function": {"fr": "Ministre des Affaires étrangères",
                                         "en": "Minister for Foreign Affairs"}}
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(hosts=[host]))
    assert status == 201, body
    french = await _letter(api, smtp, 1, "fr")
    assert "Didier Reynders Ministre des Affaires étrangères" in french
    english = await _letter(api, smtp, 2, "en")
    assert "Didier Reynders Minister for Foreign Affairs" in english
