"""Every mail a press applicant receives comes from the press office and names it as the
contact (docs/privacy.md, "Who writes"): the first spokesperson with an address as From (or,
for a calendar invitation, whose From is its ORGANIZER, as Reply-To), the spokespersons in the
contact block, "The Spokesperson's Office" in the closing (it said "The Press Office" below
a contact block naming "the spokesperson's office"). A user test found a journalist whose calendar
invitations and visa letter came from the protocol service: the invitation's Reply-To was the
organisers' mailbox and it closed "The Protocol Service"; the visa letter's mail came from the
organisers' address, closed the same way and named no contact at all."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

from tests.conftest import Api, conference_body, press_body
from tests.http.conftest_programme import at, make_room, make_session
from tests.http.test_credentials import PASSPORT
from tests.http.test_letters_wording import _ask_link
from tests.support import RecordingSMTP, body_text, current_token

BASE = "/api/v1/conferences/alliance"
OFFICE = "michele.cercone@example.org"
CONTACT = {"fr": "Pour toute question, le bureau du porte-parole\u00a0:",
           "en": "For any question, the spokesperson's office:"}
SPOKESPERSONS = ("Michele Cercone, +32 2 298 09 63, michele.cercone@example.org",
                 "Tove Ernst, +32 2 298 67 64, tove.ernst@example.org")
CLOSING = {"fr": "Le bureau du porte-parole\r\n", "en": "The Spokesperson's Office\r\n"}


async def _apply(api: Api, n: int, language: str) -> dict[str, Any]:
    status, created, _ = await api.call("POST", f"{BASE}/accreditations",
                                        json=press_body(n, language=language))
    assert status == 201, created
    return dict(created)


async def _decide(api: Api, accreditation_id: str, decision: str, reason: str = "") -> None:
    body = {"decision": decision, **({"reason": reason} if reason else {})}
    status, answer, _ = await api.call("POST", f"/api/v1/accreditations/{accreditation_id}/"
                                       "decision", role="press_office", json=body)
    assert status == 200, answer


def _not_from_the_press_office(mail: EmailMessage, language: str) -> list[str]:
    """What in this mail names another office than the press office (nothing, when right)."""
    subject = str(mail["Subject"])
    text = body_text(mail)
    wrong = []
    reply_to = mail["Reply-To"].addresses[0].addr_spec if mail["Reply-To"] else None
    if "text/calendar" in {p.get_content_type() for p in mail.walk()}:
        # an invitation's From is its ORGANIZER (docs/calendar.md); people write to Reply-To
        if reply_to != OFFICE:
            wrong.append(f"{subject}: Reply-To {reply_to}")
    else:
        sender = mail["From"].addresses[0].addr_spec
        if sender != OFFICE or reply_to not in (None, OFFICE):
            wrong.append(f"{subject}: From {sender}, Reply-To {reply_to}")
        if CONTACT[language] not in text or not all(s in text for s in SPOKESPERSONS):
            wrong.append(f"{subject}: no press office contact block")
    if CLOSING[language] not in text:
        wrong.append(f"{subject}: not signed by the press office")
    return wrong


async def test_every_mail_to_a_press_applicant_comes_from_the_press_office(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                           json=conference_body())
    assert status == 201, conference
    room = await make_room(api)
    await make_session(api, room, at(conference, 9), at(conference, 10),
                       audience=["minister", "official", "press"])
    status, body, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, body

    for language in ("fr", "en"):
        n = 10 if language == "fr" else 20
        approved, refused, withdrawn, waiting = [
            await _apply(api, n + k, language) for k in range(4)]
        await _ask_link(api, withdrawn["email"])
        await _decide(api, approved["id"], "approve")
        await _decide(api, refused["id"], "reject", "Carte de presse échue.")
        await _decide(api, waiting["id"], "waitlist")
        token = await current_token(api.db_url, withdrawn["id"])
        status, body, _ = await api.call(
            "POST", f"/api/v1/accreditations/{withdrawn['id']}/withdraw", role=token)
        assert status == 200, body
        token = await current_token(api.db_url, approved["id"])
        status, letter, _ = await api.call(
            "POST", f"/api/v1/accreditations/{approved['id']}/visa-letter", role=token,
            json=PASSPORT)
        assert status == 201, letter
        status, body, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/"
                                         "decision", role="protocol",
                                         json={"decision": "approve"})
        assert status == 200, body
        await _decide(api, waiting["id"], "reject", "Plus de place.")
        status, body, _ = await api.call(
            "POST", f"/api/v1/accreditations/{approved['id']}/revoke", role="press_office",
            json={"reason": "Badge prêté."})
        assert status == 200, body

        # acknowledgement ×4, the link again, approval, invitation, visa letter, refusal ×2,
        # waitlist, withdrawal, revocation (and the invitation's cancellation)
        ours = {f"marie.dupont{n + k}@example.org" for k in range(4)}
        mails = await smtp.wait_for(
            14, where=lambda m: m["To"].addresses[0].addr_spec in ours)  # noqa: B023
        kinds = {str(m["Subject"]) for m in mails}
        assert len(mails) == 14, kinds
        wrong = [w for m in mails for w in _not_from_the_press_office(m, language)]
        assert wrong == []


async def test_without_a_spokesperson_s_address_the_press_letters_come_from_the_organisers(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The press office is then reached through the organisers' mailbox; the contact block
    still names the spokesperson and their phone, the closing still the press office."""
    status, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                           json=conference_body(spokespersons=[
                                               {"name": "Michele Cercone",
                                                "phone": "+32 2 298 09 63"}]))
    assert status == 201, conference
    journalist = await _apply(api, 1, "en")
    await _decide(api, journalist["id"], "approve")
    mails = await smtp.wait_for(2, where=lambda m: "marie.dupont1@" in str(m["To"]))
    assert [m["From"].addresses[0].addr_spec for m in mails] == ["organiser@example.org"] * 2
    for mail in mails:
        text = body_text(mail)
        assert "For any question, the spokesperson's office:\r\n" \
               "  Michele Cercone, +32 2 298 09 63\r\n" in text, text
        assert CLOSING["en"] in text
