"""Letters read as their readers would, on a real SMTP server (review of 1 December 2026):
a delegation member put on the waiting list was written "Your request () is on the waiting
list" and, once the press pool was full, told that "all 10 places of the press pool are
taken"; a minister asked for more information was offered "a scan of your press card" as an
example of a document; a journalist asked for more information in French read that "le service
de presse" (a service the letters never sign: « Le bureau du porte-parole ») needed it."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import pytest

from tests.conftest import Api, conference_body, press_body
from tests.http.conftest_programme import accredit, make_delegation
from tests.support import RecordingSMTP, body_text

BASE = "/api/v1/conferences/alliance"


async def _letter(smtp: RecordingSMTP, address: str, subject: str) -> str:
    def wanted(m: EmailMessage) -> bool:
        return address.lower() in str(m["To"]).lower() and subject in str(m["Subject"])
    [letter] = await smtp.wait_for(1, where=wanted)
    return body_text(letter)


async def _file_press(api: Api, n: int) -> dict[str, Any]:
    status, created, _ = await api.call("POST", f"{BASE}/accreditations",
                                        json=press_body(n, language="en"))
    assert status == 201, created
    return dict(created)


async def _decide(api: Api, accreditation: dict[str, Any], decision: str) -> None:
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{accreditation['id']}/decision", role="press_office",
        json={"decision": decision})
    assert status == 200, decided


@pytest.mark.parametrize(("language", "subject", "said", "pool"), [
    ("en", "Accreditation on the waiting list",
     "Your request (minister) is on the waiting list: it has not been"
     " decided yet", "press pool"),
    ("fr", "Accréditation en liste d'attente",
     "Votre demande (ministre) est en liste d'attente\u00a0:"
     " elle n'est pas encore tranchée", "pool de presse"),
])
async def test_a_delegation_member_on_the_waiting_list_is_told_their_category_not_the_pool(
    api: Api, smtp: RecordingSMTP, language: str, subject: str, said: str, pool: str,
) -> None:
    body = conference_body()
    body["press_registration"] = {**body["press_registration"], "pool_capacity": 1}
    status, created, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=body)
    assert status == 201, created
    await _decide(api, await _file_press(api, 1), "approve")  # the pool's one place: full
    be = await make_delegation(api, "BE")
    minister = await accredit(api, "Anna", "Lindqvist", delegation=be, decision="waitlist",
                              language=language)
    text = await _letter(smtp, minister["email"], subject)
    assert said in text, text
    assert "()" not in text and pool not in text, text


async def test_a_journalist_on_the_waiting_list_of_a_full_pool_is_still_told_so(
    api: Api, smtp: RecordingSMTP,
) -> None:
    body = conference_body()
    body["press_registration"] = {**body["press_registration"], "pool_capacity": 1}
    status, created, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=body)
    assert status == 201, created
    first, second = await _file_press(api, 1), await _file_press(api, 2)
    await _decide(api, first, "approve")  # the pool's one place: full
    await _decide(api, second, "waitlist")
    text = await _letter(smtp, second["email"], "Accreditation on the waiting list")
    assert "All 1 places of the press pool are taken. Your request (" in text, text


@pytest.mark.parametrize(("language", "subject", "example"), [
    ("en", "More information needed", "press card"),
    ("fr", "Informations complémentaires demandées", "carte de presse"),
])
async def test_a_minister_asked_for_information_is_not_offered_a_press_card_as_example(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, language: str, subject: str,
    example: str,
) -> None:
    be = await make_delegation(api, "BE")
    minister = await accredit(api, "Anna", "Lindqvist", delegation=be, decision=None,
                              language=language)
    status, answer, _ = await api.call(
        "POST", f"/api/v1/accreditations/{minister['id']}/information-request",
        role="admin", json={"message": "Please give the note verbale."})
    assert status == 200, answer
    text = await _letter(smtp, minister["email"], subject)
    assert "Please give the note verbale." in text
    assert example not in text, text
    assert ("the protocol service needs more information" in text
            or "le service du protocole a besoin d'informations" in text), text


async def test_a_journalist_asked_for_information_in_french_reads_the_press_office_s_name(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    status, created, _ = await api.call("POST", f"{BASE}/accreditations",
                                        json=press_body(3, language="fr"))
    assert status == 201, created
    status, answer, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/information-request",
        role="press_office", json={"message": "Merci de donner votre carte de presse."})
    assert status == 200, answer
    text = await _letter(smtp, created["email"], "Informations complémentaires demandées")
    # the office that signs it, « Le bureau du porte-parole », not a "service de presse"
    assert "le bureau du porte-parole a besoin d'informations complémentaires" in text, text
    assert "service de presse" not in text and "bureau de presse" not in text
    assert "(par exemple une copie de votre carte de presse)" in text


async def test_a_revocation_in_french_is_not_worded_as_a_withdrawal(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    """The French revocation letter said "Accréditation retirée", the very subject of the
    letter to a journalist who withdrew their own accreditation, where the English says
    "revoked" and the console and the door say « révoquée »."""
    be = await make_delegation(api, "BE")
    minister = await accredit(api, "Anna", "Lindqvist", delegation=be, language="fr")
    status, answer, _ = await api.call(
        "POST", f"/api/v1/accreditations/{minister['id']}/revoke", role="protocol",
        json={"reason": "Remplacée par la vice-ministre."})
    assert status == 200, answer
    text = await _letter(smtp, minister["email"], "Accréditation révoquée")
    assert "a été révoquée." in text and "retirée" not in text, text
    focal = await _letter(smtp, "fp-BE@example.org",
                          "Accréditation d'un membre de votre délégation révoquée")
    assert "a été révoquée." in focal and "retirée" not in focal, focal


@pytest.mark.parametrize(("language", "by_focal_point", "said", "then"), [
    ("en", True, "Your delegation, through its focal point, has withdrawn your accreditation"
                 " request (minister)",
     "To attend after all, please contact your delegation's focal point"),
    ("fr", True, "Votre délégation, par l'intermédiaire de son point focal, a retiré votre"
                 " demande d'accréditation (ministre)",
     "Pour venir malgré tout, adressez-vous au point focal de votre délégation"),
    ("en", False, "is withdrawn, as asked.",
     "To attend after all, please contact your delegation's focal point"),
    ("fr", False, "est retirée, comme demandé.",
     "Pour venir malgré tout, adressez-vous au point focal de votre délégation"),
])
async def test_a_delegation_member_s_withdrawal_says_who_withdrew_and_whom_to_ask(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, language: str,
    by_focal_point: bool, said: str, then: str,
) -> None:
    """A focal point's withdrawal of a member's application was told to the member as their
    own ("withdrawn, as asked"), and every member was told to "file a new request", which
    only the focal point (or protocol) can do for a delegation."""
    from tests.support import current_token

    be = await make_delegation(api, "BE")
    minister = await accredit(api, "Anna", "Lindqvist", delegation=be, decision=None,
                              language=language)
    acting = (be["focal_point_token"] if by_focal_point
              else await current_token(api.db_url, minister["id"]))
    status, answer, _ = await api.call(
        "POST", f"/api/v1/accreditations/{minister['id']}/withdraw", role=acting, json={})
    assert status == 200, answer
    text = await _letter(smtp, minister["email"],
                         "Application withdrawn" if language == "en" else "Demande retirée")
    assert said in text and then in text, text
    if by_focal_point:  # the member did not ask
        assert "as asked" not in text and "comme demandé" not in text, text
    assert "file a new request" not in text and "déposez une nouvelle demande" not in text
    # the contact is a paragraph of its own, as in every letter (it was glued to this one)
    contact = "For any question" if language == "en" else "Pour toute question"
    assert f"\n\n{contact}" in text.replace("\r\n", "\n"), repr(text)


async def test_an_attendee_s_invitation_reads_as_a_participant(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    """"You are invited to the following session…, as participant:" lacked its article; a
    chair and a speaker keep theirs as a function ("as chair")."""
    from tests.http.conftest_programme import at, make_room, make_session, put_participant
    from tests.http.test_calendar_flow import is_invitation

    be = await make_delegation(api, "BE")
    guest = await accredit(api, "Anna", "Lindqvist", delegation=be, language="en")
    chair = await accredit(api, "Jan", "Peeters", delegation=be, language="en")
    session = await make_session(api, await make_room(api), at(conference, 9),
                                 at(conference, 10), audience=[])
    assert (await put_participant(api, session, guest, "attendee"))[0] == 200
    assert (await put_participant(api, session, chair, "chair"))[0] == 200
    status, body, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, body
    [invitation] = await smtp.wait_for(1, where=lambda m: guest["email"] in str(m["To"])
                                       and is_invitation(m))
    [chaired] = await smtp.wait_for(1, where=lambda m: chair["email"] in str(m["To"])
                                    and is_invitation(m))
    assert "meeting, as a participant:" in body_text(invitation), body_text(invitation)
    assert "meeting, as chair:" in body_text(chaired), body_text(chaired)
