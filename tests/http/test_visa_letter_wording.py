"""What the visa letter asks of the consulate and who it says the person is (tryout, 2 December
2026). It asked the consulate « de bien vouloir lui délivrer le visa nécessaire »: an EU
institution asks it to consider the application favourably and says the letter guarantees no
visa, which the consulate alone decides. And it named neither the person's function nor their
delegation (a minister's adviser in the Belgian delegation), nor a journalist's outlet."""

from __future__ import annotations

from typing import Any

import pytest

from conference.credentials.domain import THIRD_DEFAULT_BODY
from tests.conftest import Api
from tests.http.conftest_programme import accredit, make_delegation
from tests.http.test_credentials import PASSPORT, _text, applicant


async def _letter(api: Api, accreditation_id: str, token: str) -> str:
    """The approved letter's text, as the PDF reads."""
    status, letter, _ = await api.call("POST", f"/api/v1/accreditations/{accreditation_id}/"
                                       "visa-letter", role=token, json=PASSPORT)
    assert status == 201, letter
    status, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                         role="protocol", json={"decision": "approve"})
    assert status == 200, approved
    status, pdf, _ = await api.call("GET", f"/api/v1/visa-letters/{letter['id']}/letter.pdf",
                                    role="protocol")
    assert status == 200, pdf
    return _text(pdf).replace("\u00a0", " ")


async def _member(api: Api, language: str) -> tuple[dict[str, Any], str]:
    be = await make_delegation(api, "BE")
    member = await accredit(api, "Jan", f"Peeters{language}", delegation=be,
                            category="official", rank="senior_official",
                            function="Conseiller du ministre", language=language)
    return member, be["focal_point_token"]


WORDING = {
    "fr": ("délivrer le visa nécessaire", (
        "de bien vouloir examiner favorablement la demande de visa",
        "ne vaut pas garantie de délivrance du visa, qui relève de la seule décision des "
        "autorités consulaires",
        "n'engage les organisateurs à aucune prise en charge financière",
        "passeport numéro : PA1234567 ; fonction : Conseiller du ministre ; délégation : "
        "Belgique.")),
    "en": ("could issue the necessary visa", (
        "would give favourable consideration to the visa application",
        "does not guarantee that a visa will be issued: that decision rests with the consular "
        "authorities alone",
        "implies no financial commitment",
        "passport number PA1234567, Conseiller du ministre, member of the delegation of "
        "Belgium, to attend the conference")),
}


@pytest.mark.parametrize("language", ["fr", "en"])
async def test_the_letter_asks_for_consideration_and_names_the_delegation(
    api: Api, conference: dict[str, Any], language: str
) -> None:
    member, token = await _member(api, language)
    text = await _letter(api, member["id"], token)
    wrong, rights = WORDING[language]
    assert wrong not in text, text
    for right in rights:
        assert right in text, (right, text)


async def test_a_journalists_letter_names_the_outlet(
    api: Api, conference: dict[str, Any]
) -> None:
    fr = await applicant(api, language="fr", approved=True)
    text = await _letter(api, fr["id"], fr["access_token"])
    assert "passeport numéro : PA1234567 ; média : Le Soir." in text, text
    en = await applicant(api, 1, language="en", approved=True)
    text = await _letter(api, en["id"], en["access_token"])
    assert "passport number PA1234567, a journalist with Le Soir, to attend" in text, text


async def test_a_conference_that_kept_the_earlier_default_writes_todays(
    api: Api, conference: dict[str, Any]
) -> None:
    """The default is saved with a conference's first letter: one that kept the text of 2
    December 2026 is written (and shown) with today's."""
    status, template, _ = await api.call("GET", "/api/v1/conferences/alliance/"
                                         "visa-letter-template", role="protocol")
    assert status == 200, template
    status, saved, _ = await api.call(
        "PUT", "/api/v1/conferences/alliance/visa-letter-template", role="protocol",
        json={**template, "body": dict(THIRD_DEFAULT_BODY)})
    assert status == 200, saved
    member, token = await _member(api, "fr")
    text = await _letter(api, member["id"], token)
    assert "délivrer le visa nécessaire" not in text, text
    assert "examiner favorablement" in text and "délégation : Belgique" in text, text
    status, template, _ = await api.call("GET", "/api/v1/conferences/alliance/"
                                         "visa-letter-template", role="protocol")
    assert "{capacity}" in template["body"]["fr"], template
