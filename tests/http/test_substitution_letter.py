"""The letter to a member replaced says who replaced them, truthfully, in French and English,
received by a real SMTP server (docs/lifecycle.md, "Letters"): the delegation's focal point
(the API with a focal point's token; the portal: test_lifecycle_substitution_confirm) or the
protocol service (the API with a protocol or admin token; the console:
test_console_substitution). It said "Your delegation has named another person in your place"
when the protocol service had made the substitution itself."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.helpers import publish
from tests.conftest import Api
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_lifecycle_substitution import file, official, person, substitute
from tests.support import RecordingSMTP, body_text

DELEGATION = {
    "en": "Your delegation, through its focal point, has named another person in your place",
    "fr": "Votre délégation, par l'intermédiaire de son point focal, a désigné une autre "
          "personne à votre place",
}
PROTOCOL = {
    "en": "The protocol service has transferred your accreditation",
    "fr": "Le service du protocole a transféré votre accréditation",
}
SUBJECT = {"en": "Accreditation transferred", "fr": "Accréditation transférée"}
CLOSED = {"en": "Accreditation request closed", "fr": "Demande d'accréditation close"}


async def _letter(api: Api, smtp: RecordingSMTP, n: int, language: str, by: str,
                  approved: bool = True) -> str:
    be = await make_delegation(api, "BE")
    acting = be["focal_point_token"] if by == "focal_point" else by
    old = await file(api, {**official(n, be), "language": language}, "protocol")
    if approved:
        status, decided, _ = await api.call(
            "POST", f"/api/v1/accreditations/{old['id']}/decision", role="protocol",
            json={"decision": "approve"})
        assert status == 200, decided
    status, new = await substitute(api, old["id"], person(n), acting)
    assert status == 201, new
    subject = (SUBJECT if approved else CLOSED)[language]
    [letter] = await smtp.wait_for(1, where=lambda m: old["email"] in str(m["To"])
                                   and subject in str(m["Subject"]))
    # the subject is one line, and the letter opens with its salutation, then a blank line
    assert str(letter["Subject"]).startswith(subject + "\u00a0:" if language == "fr"
                                             else subject + ":"), letter["Subject"]
    lines = body_text(letter).splitlines()
    assert lines[0].endswith(",") and lines[1] == "", lines[:3]
    return body_text(letter)


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_a_focal_point_s_substitution_is_told_as_the_delegation_s(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, language: str,
) -> None:
    text = await _letter(api, smtp, 1, language, "focal_point")
    assert DELEGATION[language] in text, text
    assert PROTOCOL[language] not in text


@pytest.mark.parametrize(("language", "by"), [("en", "protocol"), ("fr", "protocol"),
                                              ("en", "admin")])
async def test_an_organiser_s_substitution_is_told_as_the_protocol_service_s(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, language: str, by: str,
) -> None:
    text = await _letter(api, smtp, 2, language, by)
    assert PROTOCOL[language] in text, text
    # never that the delegation named someone: it did not, through this service
    assert DELEGATION[language] not in text
    assert ("Your delegation has named" not in text
            and "Votre délégation a désigné" not in text)
    if language == "fr":
        assert "à une autre personne, qui prend votre place au sein de votre délégation." \
            in text



@pytest.mark.parametrize(("language", "by", "said"), [
    ("en", "protocol", "The protocol service has closed your accreditation request (official)"),
    ("fr", "protocol", "Le service du protocole a clos votre demande d'accréditation"
                       " (fonctionnaire)"),
    ("en", "focal_point", "has named another person in your place for the Global Alliance:"
                          " meeting. Your accreditation request (official) is closed."),
    ("fr", "focal_point", "votre demande d'accréditation (fonctionnaire) est close."),
])
async def test_a_member_not_yet_approved_is_told_their_request_is_closed(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, language: str, by: str,
    said: str,
) -> None:
    """Only an approved member had a badge and invitations; the letter to one replaced while
    under review promised "each by a calendar message of its own", messages that never come."""
    text = await _letter(api, smtp, 3, language, by, approved=False)
    assert said in text, text
    assert "calendar" not in text and "agenda" not in text and "badge" not in text


COURTEOUS = {
    "en": ["Your badge, if you had received it, therefore no longer gives access to the"
           " venue.\n",
           "Should this not reflect your situation, or for any question, please contact your"
           " delegation's focal point or the protocol service: ",
           "We regret that you will not be taking part, and thank you for your interest in the"
           " conference."],
    "fr": ["Votre badge, s'il vous a été remis, ne donne donc plus accès au lieu de la"
           " conférence.\n",
           "Si ces informations ne correspondent pas à votre situation, ou pour toute question,"
           " nous vous invitons à vous adresser au point focal de votre délégation ou au"
           " service du protocole\u00a0: ",
           "Nous regrettons que vous ne puissiez prendre part à la conférence et vous remercions"
           " de l'intérêt que vous lui avez porté."],
}
LETTER = {
    "en": ("Your visa invitation letter number {number} is cancelled as well. A consulate that"
           " checks it is told so at:\n  https://conference.test/v/{number}\nIf you have already"
           " applied for a visa with this letter, please let the consulate know."),
    "fr": ("Votre lettre d'invitation pour le visa numéro {number} est également annulée. Un"
           " consulat qui la vérifie en est informé à l'adresse\u00a0:\n"
           "  https://conference.test/v/{number}\nSi vous avez déjà demandé un visa avec cette"
           " lettre, nous vous prions d'en informer le consulat."),
}
REQUEST = {"en": "Your request for a visa invitation letter is closed as well.",
           "fr": "Votre demande de lettre d'invitation pour le visa est également close."}


@pytest.mark.parametrize(("language", "letter"), [("en", "approved"), ("fr", "approved"),
                                                  ("en", "requested"), ("fr", None)])
async def test_a_member_replaced_is_written_to_courteously_and_told_of_their_visa_letter(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, language: str,
    letter: str | None,
) -> None:
    """Replacing Pieter cancelled his approved visa letter, and his letter said nothing of it,
    only « Accreditation transferred … Nothing else will be sent to you about it. » (tryout):
    it says what happened, that the badge and the invitations are cancelled, the letter's
    number and where a consulate checks it (a request not approved yet: closed), whom to
    contact, and regrets the person will not take part."""
    from tests.http.test_visa_letters_follow_accreditation import approve_letter, request_letter
    from tests.support import current_token

    be = await make_delegation(api, "BE")
    old = await file(api, {**official(5, be), "language": language}, "protocol")
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{old['id']}/decision", role="protocol",
        json={"decision": "approve"})
    assert status == 200, decided
    number = None
    if letter is not None:
        asked = await request_letter(api, {**old, "access_token": await current_token(
            api.db_url, old["id"])})
        if letter == "approved":
            number = (await approve_letter(api, asked))["number"]
    status, new = await substitute(api, old["id"], person(5), "protocol")
    assert status == 201, new
    [mail] = await smtp.wait_for(1, where=lambda m: old["email"] in str(m["To"])
                                 and SUBJECT[language] in str(m["Subject"]))
    text = body_text(mail).replace("\r\n", "\n")
    assert PROTOCOL[language] in text, text
    for words in COURTEOUS[language]:
        assert words in text, (words, text)
    assert "Nothing else will be sent" not in text and "Rien d'autre" not in text
    assert f"{conference['organiser_email']}\n" in text
    if number is not None:
        assert LETTER[language].format(number=number) in text, text
    elif letter == "requested":
        assert REQUEST[language] in text and "/v/" not in text, text
    else:
        assert "visa" not in text, text
    # no programme was published: no invitation to cancel, no calendar message promised
    assert "calendar" not in text and "agenda" not in text, text


INVITED = {
    "en": "Your badge, if you had received it, therefore no longer gives access to the venue,"
          " and your invitations to the sessions are cancelled: the sessions you were invited to"
          " are removed from your calendar, each by a calendar message of its own.",
    "fr": "Votre badge, s'il vous a été remis, ne donne donc plus accès au lieu de la"
          " conférence, et vos invitations aux séances sont annulées : ces séances sont retirées"
          " de votre agenda, chacune par un message d'agenda distinct.",
}


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_only_a_member_who_was_invited_is_told_of_calendar_messages(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, language: str,
) -> None:
    """Tried as a secretariat (5 December 2026): a member approved and replaced before the
    programme was published was told that "the sessions you were invited to are removed from
    your calendar, each by a calendar message of its own": she had no invitation and no
    message came (the test above: no programme, no such sentence). Someone who held an
    invitation is told, and its cancellation arrives."""
    be = await make_delegation(api, "BE")
    room = await make_room(api)
    await make_session(api, room, at(conference, 9), at(conference, 10))
    await publish(api)
    old = await file(api, {**official(6, be), "language": language}, "protocol")
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{old['id']}/decision", role="protocol",
        json={"decision": "approve"})
    assert status == 200, decided
    await smtp.wait_for(1, where=lambda m: old["email"] in str(m["To"])
                        and _method(m) == "REQUEST")
    status, new = await substitute(api, old["id"], person(6), "protocol")
    assert status == 201, new
    [mail] = await smtp.wait_for(1, where=lambda m: old["email"] in str(m["To"])
                                 and SUBJECT[language] in str(m["Subject"]))
    text = " ".join(body_text(mail).split())  # lines and no-break spaces as spaces
    assert INVITED[language] in text, text
    await smtp.wait_for(1, where=lambda m: old["email"] in str(m["To"])
                        and _method(m) == "CANCEL")


def _method(message: Any) -> str | None:
    """The iTIP method of a calendar message (its text/calendar part's ``method``)."""
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            return str(part.get_param("method")).upper()
    return None
