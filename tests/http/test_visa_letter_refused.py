"""A visa letter request protocol refuses is told (docs/credentials.md, "Visa invitation
letters"): a letter to the person and one to their delegation's focal points, each in its own
language, with the reason as written and the link to the page where a corrected request is
made; and that page (the applicant's, the portal's member page) says the request was refused,
with the reason, above the form. Found in a tryout: the refusal was mailed to no one, and the
portal showed the empty form again as if nothing had been asked. A request closed with its
accreditation writes no such letter (the accreditation's own letter says it)."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.conftest_focal import sql
from tests.http.conftest_programme import accredit
from tests.http.test_credentials import PASSPORT
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP, body_text, current_token

REASON = "The passport number does not match the copy of the passport provided."


def _words(text: str) -> str:
    """The text on one line, its non-breaking spaces kept (``str.split`` takes them for
    spaces)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


async def _refused(api: Api, person: dict[str, Any]) -> dict[str, Any]:
    token = await current_token(api.db_url, person["id"])
    status, letter, _ = await api.call(
        "POST", f"/api/v1/accreditations/{person['id']}/visa-letter", role=token,
        json=PASSPORT)
    assert status == 201, letter
    status, refused, _ = await api.call(
        "POST", f"/api/v1/visa-letters/{letter['id']}/decision", role="protocol",
        json={"decision": "refuse", "reason": REASON})
    assert status == 200 and refused["status"] == "refused", refused
    return dict(refused)


async def test_a_refused_request_is_written_to_the_person_and_the_focal_points(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _setup(api, smtp)
    member = await accredit(api, "Anna", "Lindqvist", delegation=be, language="en")
    await _refused(api, member)

    [own] = await smtp.wait_for(1, where=lambda m: "anna.lindqvist@example.org" in m["To"]
                                and "letter not granted" in str(m["Subject"]))
    text = _words(body_text(own))
    assert str(own["Subject"]) == "Visa invitation letter not granted: Global Alliance: meeting"
    assert text.startswith("Your Excellency,"), text  # a minister's opening
    assert ("We regret that your request for a visa invitation letter for the Global Alliance: "
            "meeting cannot be granted. The letter was to be addressed to: Consulate General of "
            "Belgium in Lima.") in text, text
    assert f"Reason: {REASON}" in text
    page_link = re.search(r"https://conference\.test(/a/\S+/credentials\?lang=en)",
                          body_text(own))
    assert page_link, body_text(own)

    [focal] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"]
                                  and "visa d'un membre" in str(m["Subject"]))
    text = _words(body_text(focal))
    assert str(focal["Subject"]) == ("Lettre d'invitation pour le visa d'un membre de votre "
                                     "délégation non accordée\u00a0: Alliance mondiale : "
                                     "réunion")
    assert "la demande de lettre d'invitation pour le visa d'Anna Lindqvist (ministre" in text
    assert f"Motif communiqué à Anna Lindqvist, tel qu'il a été écrit\u00a0: {REASON}" in text
    assert f"/delegation/alliance-be/members/{member['id']}/credentials?lang=fr" in text

    # the person's page: refused, the reason, and the form for a new request
    status, page, _ = await api.call("GET", page_link.group(1))
    assert status == 200, page
    said = element(page, "visa-refused")
    assert "was not granted by the protocol service" in said and REASON in said, said
    assert "make a new, corrected request below" in said
    assert 'id="visa-form"' in page

    # the focal point's portal: the same, of the member
    fp = await _signed_in(api, link)
    status, page, _ = await fp.go(
        "GET", f"/delegation/alliance-be/members/{member['id']}/credentials?lang=fr")
    assert status == 200, page
    said = element(page, "visa-refused")
    assert "La demande de lettre d'invitation pour Anna Lindqvist" in said, said
    assert "n'a pas été accordée par le service du protocole" in said and REASON in said
    assert 'id="visa-form"' in page

    # a new request: the page shows it under review, the refusal no longer
    token = await current_token(api.db_url, member["id"])
    status, again, _ = await api.call(
        "POST", f"/api/v1/accreditations/{member['id']}/visa-letter", role=token,
        json=PASSPORT)
    assert status == 201, again
    status, page, _ = await fp.go(
        "GET", f"/delegation/alliance-be/members/{member['id']}/credentials?lang=fr")
    assert 'id="visa-refused"' not in page and "en cours d'examen" in element(page, "visa-state")


async def test_a_request_closed_with_its_accreditation_writes_no_refusal(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    member = await accredit(api, "Jan", "Wouters", delegation=be, language="en",
                            decision=None)
    token = await current_token(api.db_url, member["id"])
    status, letter, _ = await api.call(
        "POST", f"/api/v1/accreditations/{member['id']}/visa-letter", role=token,
        json=PASSPORT)
    assert status == 201, letter
    status, _, _ = await api.call(
        "POST", f"/api/v1/accreditations/{member['id']}/decision", role="protocol",
        json={"decision": "reject", "reason": "Not part of the delegation."})
    assert status == 200
    # the accreditation's refusal arrives; the letter's request is closed with it, and the
    # closing's event is dispatched without a letter of its own
    await smtp.wait_for(1, where=lambda m: "jan.wouters@example.org" in m["To"]
                        and "visa" not in str(m["Subject"]).lower())
    for _ in range(100):
        dispatched = await sql(api, "SELECT count(*) FROM domain_event WHERE type = "
                                    "'visa_letter.refused' AND dispatched_at IS NOT NULL")
        if dispatched:
            break
        await asyncio.sleep(0.1)
    assert dispatched == 1
    status, got, _ = await api.call("GET", f"/api/v1/visa-letters/{letter['id']}",
                                    role="protocol")
    assert got["status"] == "refused", got
    # the consumer ran (the event is dispatched): a letter it made would be a delivery row by
    # now, whether or not the SMTP server has it yet
    assert await sql(api, "SELECT count(*) FROM delivery "
                          "WHERE template = 'visa_letter_refused'") == 0
    assert not [m for m in smtp.messages if "letter not granted" in str(m["Subject"])
                or "visa non accordée" in str(m["Subject"])
                or "visa d'un membre" in str(m["Subject"])]
