"""What a person refused clearance, or still waiting for it, is told, and what their focal point
is told (docs/credentials.md, "What the person is told"; user test of 1 December 2026, findings
2 and 8): the approval letter promises neither a badge nor invitations after a refusal, and
says the badge follows the security check while it is awaited; a letter to a focal point (a
ministry, outside the organisers) never ends with the organisers' internal reminder; a
member's revocation is told to their focal point, in the focal point's language. The letters
are the ones that arrived at the test SMTP server."""

from __future__ import annotations

import asyncio
from email.message import EmailMessage
from typing import Any

from tests.conftest import Api, conference_body
from tests.support import RecordingSMTP, body_text

BASE = "/api/v1/conferences/alliance"
INTERNAL = ("message interne", "internal message", "not to be forwarded",
            "à ne pas transférer")


async def _setup(api: Api, focal_language: str = "en") -> dict[str, Any]:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["minister"]))
    assert status == 201, body
    status, be, _ = await api.call("POST", f"{BASE}/delegations", role="protocol", json={
        "kind": "country", "country": "BE",
        "focal_point": {"name": "Jan Focal", "email": "fp-be@example.org",
                        "language": focal_language}})
    assert status == 201, be
    return dict(be)


async def _member(api: Api, be: dict[str, Any], family: str, *, language: str = "en",
                  category: str = "minister", rank: str = "minister") -> str:
    status, created, _ = await api.call("POST", f"{BASE}/accreditations", role="protocol", json={
        "category": category, "given_name": "Anna", "family_name": family,
        "email": f"{family.lower()}@example.org", "language": language,
        "delegation_id": be["id"], "rank": rank, "function": "Minister"})
    assert status == 201, created
    return str(created["id"])


async def _act(api: Api, path: str, body: dict[str, Any]) -> None:
    status, answer, _ = await api.call("POST", path, role="protocol", json=body)
    assert status == 200, answer


async def _mail_to(smtp: RecordingSMTP, address: str, subject: str) -> EmailMessage:
    def wanted(m: EmailMessage) -> bool:
        return address in str(m["To"]) and subject in str(m["Subject"])
    await smtp.wait_for(1, timeout=15, where=wanted)
    [found] = [m for m in smtp.messages if wanted(m)]
    return found


async def test_the_approval_of_someone_refused_clearance_promises_no_badge_nor_invitation(
    api: Api, smtp: RecordingSMTP
) -> None:
    be = await _setup(api)
    refused = await _member(api, be, "Chappaz", language="fr")
    await _act(api, f"/api/v1/accreditations/{refused}/vetting/status",
               {"status": "refused", "reason": "Mismatch with the national record."})
    await _act(api, f"/api/v1/accreditations/{refused}/decision", {"decision": "approve"})

    text = body_text(await _mail_to(smtp, "chappaz@example.org", "Accréditation accordée"))
    assert "Vos invitations" not in text and "Les invitations" not in text, text
    assert ("Aucun badge ne peut cependant vous être délivré\u00a0: l'habilitation de sécurité"
            " qu'il requiert n'a pas été accordée (le point focal de votre délégation en a"
            " été informé). Sans badge, l'accès au lieu de la conférence n'est pas possible, et"
            " aucune invitation aux séances du programme ne vous sera envoyée.") in text, text
    assert "Mismatch" not in text


async def test_the_approval_of_someone_awaiting_clearance_says_the_badge_follows_the_check(
    api: Api, smtp: RecordingSMTP
) -> None:
    be = await _setup(api)
    waiting = await _member(api, be, "Hartley")
    await _act(api, f"/api/v1/accreditations/{waiting}/decision", {"decision": "approve"})
    text = body_text(await _mail_to(smtp, "hartley@example.org", "Accreditation approved"))
    assert "Your badge will be issued once the security check is complete." in text, text
    # those awaiting clearance are invited (docs/calendar.md, "Who is invited"): still said
    assert ("Calendar invitations for the sessions you may attend will follow once the"
            " programme is published.") in text

    # an expert, whose category needs no clearance, is told nothing of a check
    cleared = await _member(api, be, "Peeters", category="expert", rank="expert")
    await _act(api, f"/api/v1/accreditations/{cleared}/decision", {"decision": "approve"})
    text = body_text(await _mail_to(smtp, "peeters@example.org", "Accreditation approved"))
    assert "security" not in text and "badge" not in text.lower(), text


async def test_a_clearance_letter_to_a_focal_point_carries_no_internal_footer(
    api: Api, smtp: RecordingSMTP
) -> None:
    be = await _setup(api, focal_language="fr")
    refused = await _member(api, be, "Chappaz", language="fr")
    await _act(api, f"/api/v1/accreditations/{refused}/vetting/status",
               {"status": "refused", "reason": "Mismatch with the national record."})
    letter = await _mail_to(smtp, "fp-be@example.org", "Habilitation de sécurité non accordée")
    text = body_text(letter)
    assert not any(words in text for words in INTERNAL), text
    assert ("Ce message contient les données personnelles d'un membre de votre délégation, qui"
            " servent uniquement à son accréditation à cette conférence.") in text, text
    assert "/alliance/privacy" in text


async def test_a_members_revocation_is_told_to_the_focal_point_in_their_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    be = await _setup(api, focal_language="fr")
    schneider = await _member(api, be, "Schneider", category="official", rank="ambassador")
    await _act(api, f"/api/v1/accreditations/{schneider}/decision", {"decision": "approve"})
    reason = "Replaced by the deputy ambassador at the delegation's request."
    await _act(api, f"/api/v1/accreditations/{schneider}/revoke", {"reason": reason})

    own = body_text(await _mail_to(smtp, "schneider@example.org", "Accreditation revoked"))
    assert f"Reason: {reason}" in own
    letter = await _mail_to(smtp, "fp-be@example.org",
                            "Accréditation d'un membre de votre délégation révoquée")
    assert letter["Content-Language"] == "fr"
    assert str(letter["From"]).endswith("<organiser@example.org>")
    text = body_text(letter)
    assert ("L'accréditation d'Anna Schneider (fonctionnaire, Belgique) pour") in text, text
    assert f"Motif communiqué à Anna Schneider, tel qu'il a été écrit\u00a0: {reason}" in text
    assert not any(words in text for words in INTERNAL), text
    await asyncio.sleep(0.5)
    # one letter to the focal point, none other about it
    assert len([m for m in smtp.messages if "fp-be@example.org" in str(m["To"])
                and "révoquée" in str(m["Subject"])]) == 1
