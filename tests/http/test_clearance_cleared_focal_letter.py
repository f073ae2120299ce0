"""A delegation member's security clearance recorded as complete after protocol's approval is
told to the delegation's focal points, each in their own language, received by a real SMTP
server (docs/credentials.md, "Vetting"): their approval letter said "the badge will be issued
once the security check is complete", and nobody told them when it was. The letter gives the
badge's short reference, or says it waits for the photo; a clearance recorded before the
approval writes nothing (the approval letter says where the badge is), and a refusal writes
the refusal's letter as before."""

from __future__ import annotations

import asyncio
from email.message import EmailMessage
from typing import Any

from tests.http.conftest_focal import (
    GRANTED,
    decide,
    delegation_member,
    letter,
    sql,
)
from tests.http.conftest_programme import accredit
from tests.support import RecordingSMTP, body_text

CLEARED = {"en": "Security check complete: badge of a member of your delegation",
           "fr": "Contrôle de sécurité terminé\u00a0: badge d'un membre de votre délégation"}


async def _vetting(api: Any, aid: str, status: str, reason: str | None = None) -> None:
    code, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/vetting/status",
                                   role="protocol", json={"status": status, "reason": reason})
    assert code == 200, body


def _cleared(m: EmailMessage) -> bool:
    return any(s in str(m["Subject"]) for s in CLEARED.values())


async def test_a_clearance_after_the_approval_gives_the_focal_point_the_badge_reference(
    api: Any, smtp: RecordingSMTP,
) -> None:
    _, minister = await delegation_member(api, "en", vetting_required=["minister"])
    approval = body_text(await letter(smtp, "fp-be@example.org", GRANTED["en"]))
    assert "once the security check is complete" in approval

    await _vetting(api, minister["id"], "cleared")
    received = await letter(smtp, "fp-be@example.org", CLEARED["en"])
    code = await sql(api, "SELECT code FROM badge_code WHERE accreditation_id = $1",
                     minister["id"])
    text = body_text(received)
    assert received["Content-Language"] == "en"
    assert text.splitlines()[0] == "Dear Jan Peeters,"
    assert ("The security check of Anna Lindqvist (minister, Belgium) for"
            " the Global Alliance: meeting is complete.") in text, text
    assert ("The badge can now be issued: it is on the member's page in your delegation's"
            " portal (link below).") in text
    assert f"Badge reference (printed under the QR code): {code[:4]}-{code[4:]}" in text
    assert f"/delegation/alliance-be/members/{minister['id']}?lang=en" in text
    assert "carries the personal data of a member of your delegation" in text  # the footer
    await asyncio.sleep(0.8)  # one letter, and none to the member about the clearance
    assert [str(m["To"]) for m in smtp.messages if _cleared(m)
            or "Security check complete" in str(m["Subject"])
            or "Contrôle de sécurité" in str(m["Subject"])] == [str(received["To"])]


async def test_a_clearance_awaiting_the_photo_says_so_in_french(
    api: Any, smtp: RecordingSMTP,
) -> None:
    _, minister = await delegation_member(api, "fr", vetting_required=["minister"],
                                          photo_required=["minister"])
    await _vetting(api, minister["id"], "cleared")
    text = body_text(await letter(smtp, "fp-be@example.org", CLEARED["fr"]))
    assert text.splitlines()[0] == "Madame, Monsieur,"
    assert ("Le contrôle de sécurité d'Anna Lindqvist (ministre,"
            " Belgique) pour la conférence «\u00a0Alliance mondiale : réunion\u00a0» est"
            " terminé.") in text, text
    assert ("Le badge porte la photo du membre, que nous n'avons pas encore\u00a0: vous pouvez"
            " l'ajouter sur la page du membre dans le portail de votre délégation (lien"
            " ci-dessous). Le badge ne peut pas être délivré avant.") in text, text
    assert "Référence du badge" not in text and "désormais" not in text
    assert f"/delegation/alliance-be/members/{minister['id']}?lang=fr" in text


async def test_a_clearance_before_the_approval_writes_no_clearance_letter(
    api: Any, smtp: RecordingSMTP,
) -> None:
    _, minister = await delegation_member(api, "en", decision=None,
                                          vetting_required=["minister"])
    await _vetting(api, minister["id"], "cleared")
    await decide(api, minister, "approve")
    # the approval letter says where the badge is, with its reference
    approval = body_text(await letter(smtp, "fp-be@example.org", GRANTED["en"]))
    assert "Badge reference (printed under the QR code): " in approval, approval
    await asyncio.sleep(0.8)
    assert [m["Subject"] for m in smtp.messages if _cleared(m)] == []


async def test_a_refusal_after_the_approval_writes_the_refusal_as_before(
    api: Any, smtp: RecordingSMTP,
) -> None:
    _, minister = await delegation_member(api, "en", vetting_required=["minister"])
    await _vetting(api, minister["id"], "refused", "Mismatch with the national record.")
    text = body_text(await letter(smtp, "fp-be@example.org", "no badge"))
    assert "no badge can be issued to Anna Lindqvist" in text, text
    assert ("for the Global Alliance: meeting. The security clearance it requires has not been "
            "granted.") in text, text
    await asyncio.sleep(0.8)
    assert [m["Subject"] for m in smtp.messages if _cleared(m)] == []


async def test_an_import_of_results_writes_one_letter_per_approved_member_cleared(
    api: Any, smtp: RecordingSMTP,
) -> None:
    be, first = await delegation_member(api, "en", vetting_required=["minister"])
    approved = [first, await accredit(api, "Anna", "Peeters", delegation=be, decision=None)]
    await decide(api, approved[1], "approve")
    waiting = await accredit(api, "Jan", "Janssens", delegation=be, decision=None)
    rows = "".join(f"{p['id']},cleared,\r\n" for p in [*approved, waiting])
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/vetting.csv", role="protocol",
        data=f"accreditation_id,status,reason\r\n{rows}".encode(),
        headers={"Content-Type": "text/csv"})
    assert (status, body) == (200, {"applied": 3, "unchanged": 0})
    letters = await smtp.wait_for(2, where=_cleared)
    await asyncio.sleep(0.8)
    assert len([m for m in smtp.messages if _cleared(m)]) == 2
    named = sorted(body_text(m).split("The security check of ")[1].split(" (")[0]
                   for m in letters)
    assert named == ["Anna Lindqvist", "Anna Peeters"]
