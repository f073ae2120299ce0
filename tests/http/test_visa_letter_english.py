"""The English visa letter in English throughout (tryout, 2 December 2026): its letterhead
named the organiser in French (« Commission européenne, DG Migration et affaires intérieures »)
above an English text and signature, and it invited the person to a meeting "to be held at
European Commission, Charlemagne building", with no article."""

from __future__ import annotations

from tests.conftest import Api, conference_body
from tests.http.test_credentials import applicant
from tests.http.test_visa_letter_wording import _letter

PRIVACY = {"controller": "Commission européenne, DG Migration et affaires intérieures",
           "controller_names": {
               "fr": "Commission européenne, DG Migration et affaires intérieures",
               "en": "European Commission, DG Migration and Home Affairs"},
           "dpo_email": "dpo@example.org"}
VENUE = {"name": "Commission européenne, bâtiment Charlemagne",
         "names": {"fr": "Commission européenne, bâtiment Charlemagne",
                   "en": "European Commission, Charlemagne building"},
         "address": "Rue de la Loi 170, 1040 Bruxelles"}


async def _conference(api: Api) -> None:
    status, created, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                        json=conference_body(privacy=PRIVACY, venue=VENUE))
    assert status == 201, created


async def test_the_english_letter_names_the_organiser_in_english(api: Api) -> None:
    """The letterhead saved (the default, in the conference's first language) is the
    organiser's name in the letter's language; fails before: the English letter's heading was
    the French name."""
    await _conference(api)
    fr = await applicant(api, language="fr", approved=True)
    text = await _letter(api, fr["id"], fr["access_token"])
    assert text.startswith("Commission européenne, DG Migration et affaires intérieures"), text
    en = await applicant(api, 1, language="en", approved=True)
    text = await _letter(api, en["id"], en["access_token"])
    assert text.startswith("European Commission, DG Migration and Home Affairs"), text
    assert "DG Migration et affaires" not in text, text


async def test_the_english_letter_names_the_venue_with_its_article(api: Api) -> None:
    """"to be held at the European Commission, …" (`mail/wording.in_sentence`); the line under
    the letterhead names the venue as it is. Fails before: "to be held at European
    Commission"."""
    await _conference(api)
    en = await applicant(api, language="en", approved=True)
    text = await _letter(api, en["id"], en["access_token"])
    assert ("to be held at the European Commission, Charlemagne building, Rue de la Loi 170"
            in text), text
    assert ("Global Alliance: meeting European Commission, Charlemagne building, Rue de la Loi "
            "170, 1040 Bruxelles organiser@example.org" in text), text
    fr = await applicant(api, 1, language="fr", approved=True)
    text = await _letter(api, fr["id"], fr["access_token"])
    assert "qui se tiendra" in text and "(Commission européenne, bâtiment Charlemagne" in text
