"""Press accreditation end to end: registration, the spokesperson contact notice on a real SMTP
server, decisions and their letters, withdrawal."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api, press_body
from tests.support import RecordingSMTP, body_text, current_token


async def test_press_registration_sends_the_spokesperson_contact_notice(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                     json=press_body())
    assert status == 201, body
    assert body["status"] == "submitted"
    assert len(body["access_token"]) >= 40

    [notice] = await smtp.wait_for(1, where=lambda m: "marie.dupont@example.org" in m["To"])
    text = body_text(notice)
    assert notice["Subject"].startswith("Demande d'accréditation presse reçue")
    assert notice["Content-Language"] == "fr"
    for name, phone in (("Michele Cercone", "+32 2 298 09 63"), ("Tove Ernst", "+32 2 298 67 64")):
        assert f"{name}, {phone}" in text
    assert "https://conference.test/a/" in text
    assert "S.M. la Reine Paola de Belgique" in text

    office = await smtp.wait_for(2, where=lambda m: m["Subject"].startswith("Nouvelle demande"))
    assert sorted(str(m["To"]) for m in office) == [
        "Michele Cercone <michele.cercone@example.org>", "Tove Ernst <tove.ernst@example.org>",
    ]
    assert "Le Soir" in body_text(office[0])


async def test_notice_is_in_the_applicants_language(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                  json=press_body(language="en"))
    assert status == 201
    [notice] = await smtp.wait_for(1, where=lambda m: "marie.dupont@example.org" in m["To"])
    assert notice["Subject"].startswith("Press accreditation request received")
    assert "Michele Cercone, +32 2 298 09 63" in body_text(notice)
    assert "H.M. Queen Paola of Belgium" in body_text(notice)


async def test_approval_then_second_decision_is_refused(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    _, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                   json=press_body())
    path = f"/api/v1/accreditations/{created['id']}/decision"
    status, body, _ = await api.call("POST", path, role="press_office",
                                     json={"decision": "approve"})
    assert status == 200, body
    assert body["status"] == "approved"
    assert [(h["action"], h["from_status"], h["to_status"]) for h in body["history"]] == [
        ("submit", None, "submitted"), ("approve", "submitted", "approved"),
    ]
    assert body["history"][1]["actor"].startswith("press_office:")
    letters = await smtp.wait_for(1, where=lambda m: m["Subject"].startswith("Accréditation"))
    assert letters[0]["Subject"].startswith("Accréditation accordée")

    status, body, resp = await api.call("POST", path, role="press_office",
                                        json={"decision": "reject", "reason": "late"})
    assert status == 409
    assert resp.headers["Content-Type"] == "application/problem+json"
    assert body["type"].endswith("/illegal-transition")


async def test_rejection_letter_carries_the_reason(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    _, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                   json=press_body(language="en"))
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="press_office",
        json={"decision": "reject", "reason": "The outlet is not a news organisation."},
    )
    assert status == 200 and body["status"] == "rejected"
    [letter] = await smtp.wait_for(1, where=lambda m: m["Subject"].startswith("Accreditation not"))
    assert "Reason: The outlet is not a news organisation." in body_text(letter)


async def test_rejection_without_reason_is_invalid(api: Api, conference: dict[str, Any]) -> None:
    _, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                   json=press_body())
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="press_office",
        json={"decision": "reject"},
    )
    assert status == 422
    assert "reason" in body["errors"][0]["message"]


async def test_waitlist_letter(api: Api, conference: dict[str, Any], smtp: RecordingSMTP) -> None:
    _, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                   json=press_body(language="en"))
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="press_office",
        json={"decision": "waitlist"},
    )
    assert status == 200 and body["status"] == "waitlisted"
    [letter] = await smtp.wait_for(1, where=lambda m: "waiting list" in m["Subject"])
    assert "Le Soir" in body_text(letter)


async def test_applicant_withdraws_with_its_token(api: Api, conference: dict[str, Any]) -> None:
    _, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                   json=press_body())
    token = await current_token(api.db_url, created["id"])
    status, body, _ = await api.call("GET", f"/api/v1/accreditations/{created['id']}", role=token)
    assert status == 200 and body["status"] == "submitted"
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{created['id']}/withdraw",
                                     role=token)
    assert status == 200, body
    assert body["status"] == "withdrawn"
    # Withdrawn, its token only reads now.
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{created['id']}/withdraw",
                                     role=token)
    assert status == 403
    status, body, _ = await api.call("GET", f"/api/v1/accreditations/{created['id']}", role=token)
    assert status == 200 and body["status"] == "withdrawn"


async def test_withdrawal_after_a_refusal_is_refused(api: Api, conference: dict[str, Any]
                                                     ) -> None:
    """A rejected application is not withdrawn (an approved journalist is, to free the place:
    tests/http/test_press_withdrawal_after_approval.py)."""
    _, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                   json=press_body())
    await api.call("POST", f"/api/v1/accreditations/{created['id']}/decision",
                   role="press_office", json={"decision": "reject", "reason": "No card."})
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{created['id']}/withdraw",
                                     role=await current_token(api.db_url, created["id"]))
    assert status == 409
    assert body["status_now"] == "rejected"


async def test_revoke_by_press_office(api: Api, conference: dict[str, Any],
                                      smtp: RecordingSMTP) -> None:
    _, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                   json=press_body(language="en"))
    await api.call("POST", f"/api/v1/accreditations/{created['id']}/decision",
                   role="press_office", json={"decision": "approve"})
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{created['id']}/revoke",
                                     role="press_office", json={"reason": "Badge lent to another"})
    assert status == 200 and body["status"] == "revoked"
    [letter] = await smtp.wait_for(1, where=lambda m: m["Subject"].startswith("Accreditation rev"))
    assert "Badge lent to another" in body_text(letter)


async def test_press_window_closed_is_refused(api: Api) -> None:
    from datetime import UTC, datetime, timedelta

    from tests.conftest import conference_body

    now = datetime.now(UTC)
    closed = conference_body("closed", press_registration={
        "opens_at": (now - timedelta(days=5)).isoformat(),
        "closes_at": (now - timedelta(days=1)).isoformat(), "pool_capacity": 5})
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=closed)
    assert status == 201
    status, body, _ = await api.call("POST", "/api/v1/conferences/closed/accreditations",
                                     json=press_body())
    assert status == 409
    assert body["type"].endswith("/press-window-closed")
    # the spokesperson's office may still register press outside the window
    status, body, _ = await api.call("POST", "/api/v1/conferences/closed/accreditations",
                                     json=press_body(), role="press_office")
    assert status == 201
