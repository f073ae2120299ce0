"""Visa letters follow their accreditation (docs/credentials.md, "Visa invitation letters"): a
letter is approved only for an approved accreditation (the API and the console answer 409 and
say why), and once the accreditation ends (rejected, withdrawn, revoked, substituted) the
worker cancels its approved letter and refuses its open request, each with its event: the
verification page says "cancelled" and the PDF answers 409, as after a cancellation by protocol.
The console's list shows the holder's accreditation status beside each letter."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from conference.db.pool import connect
from tests.browser.helpers import element, member
from tests.conftest import Api, press_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import staff
from tests.http.test_console_credentials import _post
from tests.http.test_credentials import BASE, PASSPORT
from tests.support import RecordingSMTP, current_token

M = "/manage/alliance"
UNDER_REVIEW = ("The accreditation is not approved yet (under review): approve it first, or "
                "refuse the letter.")


async def journalist(api: Api, n: int = 0, *, approve: bool = False) -> dict[str, Any]:
    status, body, _ = await api.call("POST", f"{BASE}/accreditations",
                                     json=press_body(n, language="en"))
    assert status == 201, body
    if approve:
        status, decided, _ = await api.call(
            "POST", f"/api/v1/accreditations/{body['id']}/decision", role="press_office",
            json={"decision": "approve"})
        assert status == 200, decided
    return {**body, "access_token": await current_token(api.db_url, body["id"])}


async def request_letter(api: Api, person: dict[str, Any]) -> dict[str, Any]:
    status, letter, _ = await api.call(
        "POST", f"/api/v1/accreditations/{person['id']}/visa-letter",
        role=person["access_token"], json=PASSPORT)
    assert status == 201, letter
    return dict(letter)


async def approve_letter(api: Api, letter: dict[str, Any]) -> dict[str, Any]:
    status, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                         role="protocol", json={"decision": "approve"})
    assert status == 200, approved
    return dict(approved)


async def verdict(api: Api, number: str) -> dict[str, Any]:
    status, body, _ = await api.call("GET", f"/v/{number}",
                                     headers={"Accept": "application/json"})
    assert status == 200, body
    return dict(body)


async def letter_becomes(api: Api, letter_id: str, status: str, timeout: float = 20.0
                         ) -> dict[str, Any]:
    """The letter once the worker has made it ``status`` (it runs after the request)."""
    deadline = time.monotonic() + timeout
    while True:
        code, letter, _ = await api.call("GET", f"/api/v1/visa-letters/{letter_id}",
                                         role="protocol")
        assert code == 200, letter
        if letter["status"] == status:
            return dict(letter)
        assert time.monotonic() < deadline, f"the letter is still {letter['status']}"
        await asyncio.sleep(0.1)


async def letter_events(api: Api) -> list[tuple[str, dict[str, Any]]]:
    conn = await connect(api.db_url)
    try:
        return [(r["type"], dict(r["payload"])) for r in await conn.fetch(
            "SELECT type, payload FROM domain_event WHERE type LIKE 'visa_letter.%' ORDER BY id")]
    finally:
        await conn.close()


async def test_a_letter_is_not_approved_while_the_accreditation_is_under_review(
    api: Api, conference: dict[str, Any]
) -> None:
    p = await journalist(api)
    letter = await request_letter(api, p)  # a request is taken while under review
    status, problem, resp = await api.call(
        "POST", f"/api/v1/visa-letters/{letter['id']}/decision", role="protocol",
        json={"decision": "approve"})
    assert status == 409, problem
    assert resp.content_type == "application/problem+json"
    assert problem["detail"] == UNDER_REVIEW
    assert problem["accreditation_status"] == "submitted"
    # nothing changed: still requested, no number, no approval recorded
    _, now, _ = await api.call("GET", f"/api/v1/visa-letters/{letter['id']}", role="protocol")
    assert (now["status"], now["number"]) == ("requested", None)
    assert [t for t, _ in await letter_events(api)] == ["visa_letter.requested"]

    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{p['id']}/decision", role="press_office",
        json={"decision": "approve"})
    assert status == 200, decided
    approved = await approve_letter(api, letter)
    assert approved["status"] == "approved" and approved["number"]


async def _end(api: Api, how: str, person: dict[str, Any]) -> None:
    """End the accreditation: a withdrawal by the journalist, a revocation by protocol, a
    substitution of the delegation member by protocol."""
    if how == "withdrawn":
        status, body, _ = await api.call(
            "POST", f"/api/v1/accreditations/{person['id']}/withdraw",
            role=person["access_token"], json={"reason": "Cannot travel"})
    elif how == "revoked":
        status, body, _ = await api.call(
            "POST", f"/api/v1/accreditations/{person['id']}/revoke", role="admin",
            json={"reason": "Misconduct"})
    else:
        status, body, _ = await api.call(
            "POST", f"/api/v1/accreditations/{person['id']}/substitute", role="protocol",
            json={"given_name": "Jan", "family_name": "Claes", "email": "claes@example.org",
                  "reason": "The minister is replaced"})
    assert status in (200, 201), body


@pytest.mark.parametrize("how", ["withdrawn", "revoked", "substituted"])
async def test_an_approved_letter_is_cancelled_when_the_accreditation_ends(
    api: Api, conference: dict[str, Any], how: str
) -> None:
    if how == "substituted":
        be = await make_delegation(api, country="BE")
        person = await member(api, be, "Peeters")
    else:
        person = await journalist(api, approve=True)
    letter = await request_letter(api, person)
    number = (await approve_letter(api, letter))["number"]
    assert (await verdict(api, number))["valid"] is True

    await _end(api, how, person)
    cancelled = await letter_becomes(api, letter["id"], "cancelled")
    assert cancelled["reason"] == f"accreditation {how}"
    v = await verdict(api, number)
    assert (v["valid"], v["status"]) == (False, "cancelled")
    status, page, _ = await api.call("GET", f"/v/{number}?lang=en")
    assert status == 200 and "Cancelled letter." in page
    pdf = f"/api/v1/visa-letters/{letter['id']}/letter.pdf"
    assert (await api.call("GET", pdf, role="protocol"))[0] == 409
    events = await letter_events(api)
    assert events[-1] == ("visa_letter.cancelled", {
        "visa_letter_id": letter["id"], "accreditation_id": person["id"], "number": number,
        "accreditation_status": how})


async def test_a_letter_approved_under_review_is_cancelled_when_the_application_is_rejected(
    api: Api, conference: dict[str, Any]
) -> None:
    """The case of the user test: a letter approved while the press application was under
    review (before the rule, or in data of then), the application then rejected."""
    p = await journalist(api, approve=True)
    letter = await request_letter(api, p)
    number = (await approve_letter(api, letter))["number"]
    conn = await connect(api.db_url)
    try:  # back under review, as it was when the letter was approved
        await conn.execute("UPDATE accreditation SET status = 'submitted' WHERE id = $1::uuid",
                           p["id"])
    finally:
        await conn.close()
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{p['id']}/decision", role="press_office",
        json={"decision": "reject", "reason": "Not a working journalist"})
    assert status == 200, body
    await letter_becomes(api, letter["id"], "cancelled")
    assert (await verdict(api, number))["status"] == "cancelled"
    status, page, _ = await api.call("GET", f"/v/{number}?lang=en")
    assert "Cancelled letter." in page
    assert (await api.call("GET", f"/api/v1/visa-letters/{letter['id']}/letter.pdf",
                           role="protocol"))[0] == 409


async def test_an_open_request_is_refused_when_the_application_is_rejected(
    api: Api, conference: dict[str, Any]
) -> None:
    p = await journalist(api)
    letter = await request_letter(api, p)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{p['id']}/decision", role="press_office",
        json={"decision": "reject", "reason": "Not a working journalist"})
    assert status == 200, body
    refused = await letter_becomes(api, letter["id"], "refused")
    assert refused["reason"] == "accreditation rejected"
    events = await letter_events(api)
    assert events[-1] == ("visa_letter.refused", {
        "visa_letter_id": letter["id"], "accreditation_id": p["id"], "number": None,
        "reissue_of": None, "accreditation_status": "rejected"})


@pytest.mark.parametrize(("language", "review", "approved", "refusal"), [
    ("en", "Received, under review", "Approved", UNDER_REVIEW),
    ("fr", "Reçue, en cours d'examen", "Accordée",
     "L'accréditation n'est pas encore accordée (en cours d'examen)\u00a0: accordez-la "
     "d'abord, ou refusez la lettre."),
])
async def test_the_console_shows_the_holder_s_status_and_why_a_letter_is_not_approved(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, language: str, review: str,
    approved: str, refusal: str,
) -> None:
    pending = await request_letter(api, await journalist(api, 1))
    ready = await request_letter(api, await journalist(api, 2, approve=True))
    v = await staff(api, smtp, "protocol@example.org", "protocol", language=language)
    status, page, _ = await v.go("GET", f"{M}/visa-letters?lang={language}")
    assert status == 200, page
    label = "Accreditation" if language == "en" else "Accréditation"
    assert f"{label}{review}" in element(page, f"letter-{pending['id']}")
    assert f"{label}{approved}" in element(page, f"letter-{ready['id']}")

    status, answer, _ = await _post(
        v, f"{M}/visa-letters/{pending['id']}/decision?lang={language}", page,
        {"decision": "approve"})
    assert status == 409, answer
    answer = answer.encode("latin-1").decode()  # _post reads the bytes as latin-1
    # said at the letter, in the reader's language
    assert " ".join(refusal.split()) in element(answer, f"l-{pending['id']}-decision-error")
    # the summary under the title says what holds: no field is wrong, « Corrigez les champs
    # signalés » sent protocol looking for one (tryout as protocol)
    summary = " ".join(element(answer, "error-summary").split())
    lead = {"en": "Nothing was saved. A letter is approved only for an approved accreditation:",
            "fr": "Rien n'a été enregistré. Une lettre n'est approuvée que pour une "
                  "accréditation accordée :"}[language]  # spaces joined
    assert summary.startswith(lead), summary
    assert "correct the fields" not in summary and "Corrigez" not in summary
    _, now, _ = await api.call("GET", f"/api/v1/visa-letters/{pending['id']}", role="protocol")
    assert now["status"] == "requested"


async def test_a_substituted_member_s_page_says_the_letter_was_cancelled_with_it(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """The member's credentials page in the portal said « Aucune lettre ne peut être demandée
    pour une demande remplacée. » and nothing of the letter approved and mailed before the
    substitution (tryout): it says the letter went with the accreditation."""
    from tests.http.test_workspaces import _signed_in, link_in

    be = await make_delegation(api, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    person = await member(api, be, "Peeters")
    letter = await request_letter(api, person)
    number = (await approve_letter(api, letter))["number"]
    await _end(api, "substituted", person)
    await letter_becomes(api, letter["id"], "cancelled")
    focal = await _signed_in(api, link_in(welcome))
    here = f"/delegation/alliance-be/members/{person['id']}/credentials"
    status, page, _ = await focal.go("GET", f"{here}?lang=fr")
    assert status == 200, page
    assert element(page, "visa-closed").startswith("Aucune lettre ne peut être demandée")
    ended = " ".join(element(page, "visa-ended").split())
    assert ended.startswith(f"La lettre d'invitation n° {number} pour "), ended
    assert "a été annulée avec l'accréditation : elle ne vaut plus auprès du consulat." \
        in ended, ended
    status, page, _ = await focal.go("GET", f"{here}?lang=en")
    assert f"Invitation letter no. {number} for " in element(page, "visa-ended")


async def test_a_withdrawn_journalist_s_page_says_the_request_was_closed_with_it(
    api: Api, conference: dict[str, Any]
) -> None:
    p = await journalist(api)
    letter = await request_letter(api, p)
    await _end(api, "withdrawn", p)
    await letter_becomes(api, letter["id"], "refused")
    status, page, _ = await api.call("GET", f"/a/{p['access_token']}/credentials?lang=en")
    assert status == 200, page
    assert "No letter can be requested" in element(page, "visa-closed")
    assert element(page, "visa-ended").startswith("Your request for an invitation letter of ")
    assert element(page, "visa-ended").endswith(" was closed with the accreditation.")


async def test_no_closed_letter_is_told_when_none_was_requested(
    api: Api, conference: dict[str, Any]
) -> None:
    p = await journalist(api)
    await _end(api, "withdrawn", p)
    status, page, _ = await api.call("GET", f"/a/{p['access_token']}/credentials?lang=en")
    assert status == 200 and 'id="visa-closed"' in page and 'id="visa-ended"' not in page
