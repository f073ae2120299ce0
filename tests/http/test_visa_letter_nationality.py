"""The nationality in the visa letter as French and English administrative letters write it:
« de nationalité belge », "a Belgian national", "nationality: Belgian", never the country
code nor « nationalité : Belgique »; a country whose adjective the table does not give, or
would not tell apart (« congolaise »), is named: « ressortissante de la République du Congo »,
agreeing with the person (docs/credentials.md, "Visa invitation letters"). Read in the PDF."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api
from tests.http.test_credentials import BASE, PASSPORT, _attachment, _text, applicant
from tests.support import RecordingSMTP, body_text

CONSULATE = "Consulate General of Japan in Lima"
"""Not one of a nationality written here: nobody asks their own country for a visa."""


async def _letter(api: Api, smtp: RecordingSMTP, n: int, nationality: str, **person: Any
                  ) -> str:
    p = await applicant(api, n, approved=True, **person)
    status, letter, _ = await api.call("POST", f"/api/v1/accreditations/{p['id']}/visa-letter",
                                       role=p["access_token"],
                                       json={**PASSPORT, "nationality": nationality,
                                             "consulate": CONSULATE})
    assert status == 201, letter
    status, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                         role="protocol", json={"decision": "approve"})
    assert status == 200, approved
    [mail] = await smtp.wait_for(1, where=lambda m: approved["number"] in str(m["Subject"]))
    return " ".join(_text(_attachment(mail)[1]).replace("\u00a0", " ").split())


async def test_the_default_letters_give_the_adjective_of_nationality(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    french = await _letter(api, smtp, 1, "BE", language="fr", gender="female")
    assert "LÓPEZ GARCÍA, de nationalité belge ; date de naissance" in french, french
    for wrong in ("nationalité : Belgique", "nationalité : BE", "Belgique ;"):
        assert wrong not in french, wrong
    # « de nationalité » takes the feminine, whoever the person is
    french = await _letter(api, smtp, 2, "FR", language="fr", gender="male")
    assert "LÓPEZ GARCÍA, de nationalité française ;" in french, french
    english = await _letter(api, smtp, 3, "BE", language="en")
    assert "LÓPEZ GARCÍA, a Belgian national, born on" in english, english
    assert "Belgium, born" not in english and "national of Belgium" not in english


async def test_a_nationality_without_adjective_names_the_country_and_agrees(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    french = await _letter(api, smtp, 1, "CG", language="fr", gender="female")
    assert "LÓPEZ GARCÍA, ressortissante de la République du Congo ;" in french, french
    french = await _letter(api, smtp, 2, "CG", language="fr")  # gender not given
    # words that need no agreement, never an "(e)" form (docs/protocol.md, "No (e) forms")
    assert "LÓPEZ GARCÍA, ayant la nationalité de la République du Congo ;" in french, french
    assert "(e)" not in french
    # the civility registered is the form of address: it agrees, as every letter does
    french = await _letter(api, smtp, 4, "CG", language="fr", salutation="mrs")
    assert "LÓPEZ GARCÍA, ressortissante de la République du Congo ;" in french, french
    english = await _letter(api, smtp, 3, "CG", language="en")
    assert "a national of the Republic of the Congo, born on" in english, english


async def test_a_text_with_a_label_gets_the_adjective(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    template = {"letterhead": "Royaume de Belgique",
                "body": {"fr": "Nous invitons {passport_name}, nationalité : {nationality}.",
                         "en": "We invite {passport_name}, nationality: {nationality}; "
                               "{of_nationality}."},
                "signatory_name": "Jean Dupuis",
                "signatory_title": {"fr": "Chef du protocole", "en": "Chief of Protocol"}}
    status, body, _ = await api.call("PUT", f"{BASE}/visa-letter-template", role="protocol",
                                     json=template)
    assert status == 200, body
    english = await _letter(api, smtp, 1, "UA", language="en")
    assert "nationality: Ukrainian; a Ukrainian national." in english, english
    french = await _letter(api, smtp, 2, "US", language="fr")
    assert "nationalité : américaine." in french, french


async def test_the_visa_letter_s_mail_opens_as_every_letter_to_the_person(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """A journalist registered as "Madame" (no gender given) read "Madame," in every letter
    but the visa letter's mail, which opened "Madame, Monsieur," (it read the gender only)."""
    for n, language, registered, opening in ((1, "fr", "mrs", "Madame,"),
                                             (2, "en", "mr", "Dear Mr Dupont2,")):
        p = await applicant(api, n, approved=True, language=language, salutation=registered)
        status, letter, _ = await api.call(
            "POST", f"/api/v1/accreditations/{p['id']}/visa-letter", role=p["access_token"],
            json={**PASSPORT, "nationality": "BE", "consulate": CONSULATE})
        assert status == 201, letter
        status, approved, _ = await api.call(
            "POST", f"/api/v1/visa-letters/{letter['id']}/decision", role="protocol",
            json={"decision": "approve"})
        assert status == 200, approved
        number = str(approved["number"])
        [mail] = await smtp.wait_for(1, where=lambda m, number=number: number in str(
            m["Subject"]))
        assert body_text(mail).splitlines()[0] == opening, body_text(mail)[:80]
