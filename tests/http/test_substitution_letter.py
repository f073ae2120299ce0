"""The letter to a member replaced says who replaced them, truthfully, in French and English,
received by a real SMTP server (docs/lifecycle.md, "Letters"): the delegation's focal point
(the API with a focal point's token; the portal: test_lifecycle_substitution_confirm) or the
protocol service (the API with a protocol or admin token; the console:
test_console_substitution). It said "Your delegation has named another person in your place"
when the protocol service had made the substitution itself."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
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
                          " meeting: your accreditation request (official) is closed."),
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
