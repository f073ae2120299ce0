"""What the letters say, read on a real SMTP server as the applicant or the office receiving
them would read it: the approval letter tells the truth about the programme, each letter comes
from and names the right office, the data-protection footer reads as a sentence, one form of
opening and closing per language."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api, press_body
from tests.http.conftest_programme import at, make_room, make_session
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
