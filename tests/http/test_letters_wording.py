"""What the letters say, read on a real SMTP server as the applicant or the office receiving
them would read it: the approval letter tells the truth about the programme, each letter comes
from and names the right office, the data-protection footer reads as a sentence, one form of
opening and closing per language."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from conference import demo
from tests.conftest import Api, conference_body, press_body
from tests.http.conftest_programme import accredit, at, make_delegation, make_room, make_session
from tests.support import RecordingSMTP, body_text

PUBLISH = "/api/v1/conferences/alliance/programme/publish"


async def _apply(api: Api, **changes: Any) -> dict[str, Any]:
    status, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                        json=press_body(**changes))
    assert status == 201, created
    return dict(created)


async def _approve(api: Api, accreditation_id: str) -> None:
    status, answer, _ = await api.call(
        "POST", f"/api/v1/accreditations/{accreditation_id}/decision", role="press_office",
        json={"decision": "approve"})
    assert status == 200, answer


def _subject(part: str) -> Any:
    return lambda m: part in str(m["Subject"])


async def test_approval_before_publication_says_invitations_will_follow(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    en = await _apply(api, language="en", email="en@example.org")
    fr = await _apply(api, language="fr", email="fr@example.org", family_name="Martin")
    await _approve(api, en["id"])
    await _approve(api, fr["id"])
    [en_letter] = await smtp.wait_for(1, where=_subject("approved"))
    [fr_letter] = await smtp.wait_for(1, where=_subject("accordée"))
    assert "will follow once the programme is published" in body_text(en_letter)
    assert "suivront dès la publication du programme" in body_text(fr_letter)


async def test_approval_after_publication_says_invitations_follow_separately(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    room = await make_room(api)
    await make_session(api, room, at(conference, 9), at(conference, 10),
                       audience=["press", "minister"])
    status, body, _ = await api.call("POST", PUBLISH, role="protocol")
    assert status == 201, body
    en = await _apply(api, language="en", email="en@example.org")
    fr = await _apply(api, language="fr", email="fr@example.org", family_name="Martin")
    await _approve(api, en["id"])
    await _approve(api, fr["id"])
    [en_letter] = await smtp.wait_for(1, where=_subject("approved"))
    [fr_letter] = await smtp.wait_for(1, where=_subject("accordée"))
    assert ("Your invitations to the sessions you attend follow in separate messages."
            in body_text(en_letter))
    assert "once the programme is published" not in body_text(en_letter)
    assert ("Vos invitations aux séances auxquelles vous assistez suivent dans des messages "
            "séparés." in body_text(fr_letter))
    assert "dès la publication" not in body_text(fr_letter)


def _to(address: str) -> Any:
    return lambda m: address in str(m["To"])


async def test_press_letters_come_from_the_press_office_and_delegates_from_protocol(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    journalist = await _apply(api, language="en", email="journalist@example.org")
    delegation = await make_delegation(api, country="FR")
    await accredit(api, "Klaus", "Schmidt", delegation=delegation, decision=None,
                   language="en", email="klaus.schmidt@example.org")
    await _approve(api, journalist["id"])
    [press_letter] = await smtp.wait_for(1, where=lambda m: _to("journalist@")(m)
                                         and "approved" in str(m["Subject"]))
    [minister_ack] = await smtp.wait_for(1, where=_to("klaus.schmidt@"))
    assert press_letter["From"].addresses[0].addr_spec == "michele.cercone@example.org"
    assert "Michele Cercone, +32 2 298 09 63, michele.cercone@example.org" in body_text(
        press_letter)
    assert minister_ack["From"].addresses[0].addr_spec == "organiser@example.org"
    assert "the protocol office: organiser@example.org" in body_text(minister_ack)
    # the press office's own notice goes to the spokespersons, from the protocol service
    [notice, _] = await smtp.wait_for(2, where=_subject("Nouvelle demande presse"))
    assert notice["From"].addresses[0].addr_spec == "organiser@example.org"


async def test_privacy_page_names_a_dpo_only_when_one_is_configured(api: Api) -> None:
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                  json=conference_body())
    assert status == 201
    resp = await api.client.get("/alliance/privacy?lang=en")
    page = await resp.text()
    assert "Data protection officer" not in page
    assert re.search(r"Contact of the controller</dt>\s*<dd><a id=\"privacy-controller-contact\""
                     r" href=\"mailto:organiser@example.org\">", page)
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=conference_body(
        slug="with-dpo", privacy={"controller": "Commission européenne, DG Commerce",
                                  "dpo_email": "dpo@example.org"}))
    assert status == 201
    resp = await api.client.get("/with-dpo/privacy?lang=en")
    page = await resp.text()
    assert re.search(r'Data protection officer</dt>\s*<dd><a id="privacy-dpo" '
                     r'href="mailto:dpo@example.org"', page)


def test_the_demo_protocol_mailbox_is_not_the_press_mailbox() -> None:
    for conference in (demo.demo_conference(), demo.open_conference(datetime.now(UTC))):
        assert "press" not in conference.organiser_email
