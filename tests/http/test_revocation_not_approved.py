"""The API's revoke keeps its wider rule (docs/lifecycle.md, "Letters"; docs/workspaces.md,
"Revoking"): protocol may revoke a delegation member who was never approved. The member and
the focal point then read, on a real SMTP server, in French and English, that a request which
had not been granted is cancelled, not "Accreditation revoked", the letter of someone whose
badge stops opening the venue; an approved member's revocation reads as before."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Api
from tests.http.conftest_programme import accredit, make_delegation
from tests.support import RecordingSMTP, body_text

MEMBER = {
    "en": ("Accreditation request cancelled",
           "Your accreditation request (minister) for the Global Alliance:"
           " meeting has been cancelled: it had not been granted, and it will not be examined"
           " further.", "has been revoked"),
    "fr": ("Demande d'accréditation annulée",
           "Votre demande d'accréditation (ministre) pour la"
           " conférence «\u00a0Alliance mondiale : réunion\u00a0» a été annulée\u00a0: elle"
           " n'avait pas été accordée et ne sera pas examinée plus avant.", "révoquée"),
}
FOCAL = {
    "en": ("Accreditation request of a member of your delegation cancelled",
           "The accreditation request of Anna Lindqvist (minister,"
           " Belgium) for the Global Alliance: meeting has been cancelled: it had not been"
           " granted, and it will not be examined further."),
    "fr": ("Demande d'accréditation d'un membre de votre délégation annulée",
           "La demande d'accréditation d'Anna Lindqvist (ministre,"
           " Belgique) pour la conférence «\u00a0Alliance mondiale : réunion\u00a0» a été"
           " annulée\u00a0: elle n'avait pas été accordée et ne sera pas examinée plus avant."),
}


async def _letter(smtp: RecordingSMTP, address: str, subject: str) -> str:
    [letter] = await smtp.wait_for(1, where=lambda m: address.lower() in str(m["To"]).lower()
                                   and subject in str(m["Subject"]))
    return body_text(letter)


@pytest.mark.parametrize(("language", "decision"), [("en", None), ("fr", "waitlist")])
async def test_a_member_never_approved_is_told_their_request_is_cancelled(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, language: str,
    decision: str | None,
) -> None:
    status, created, _ = await api.call("POST", "/api/v1/conferences/alliance/delegations",
                                        role="protocol", json={
        "kind": "country", "country": "BE",
        "focal_point": {"name": "Jan Peeters", "email": "fp-be@example.org",
                        "language": language}})
    assert status == 201, created
    minister = await accredit(api, "Anna", "Lindqvist", delegation=created, language=language,
                              decision=decision)
    assert minister["status"] == (decision and "waitlisted" or "submitted")
    status, answer, _ = await api.call(
        "POST", f"/api/v1/accreditations/{minister['id']}/revoke", role="protocol",
        json={"reason": "Not a member of the government any more."})
    assert status == 200, answer
    assert answer["status"] == "revoked"  # the API's rule stands
    subject, said, never = MEMBER[language]
    text = await _letter(smtp, minister["email"], subject)
    assert said in text, text
    assert never not in text and "badge" not in text
    assert "Not a member of the government any more." in text  # the reason, as written
    subject, said = FOCAL[language]
    focal = await _letter(smtp, "fp-be@example.org", subject)
    assert said in focal, focal
    assert "badge" not in focal and "invitations" not in focal


async def test_an_approved_member_s_revocation_reads_as_before(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    be = await make_delegation(api, "BE")
    minister = await accredit(api, "Anna", "Lindqvist", delegation=be, language="en")
    status, answer, _ = await api.call(
        "POST", f"/api/v1/accreditations/{minister['id']}/revoke", role="protocol",
        json={"reason": "Replaced by the deputy minister."})
    assert status == 200, answer
    text = await _letter(smtp, minister["email"], "Accreditation revoked")
    assert ("Your accreditation (minister) for the Global Alliance:"
            " meeting has been revoked.") in text
    focal = await _letter(smtp, "fp-be@example.org",
                          "Accréditation d'un membre de votre délégation révoquée")
    assert "Son badge n'ouvre plus le lieu de la conférence" in focal
