"""The visa letter as an EU institution's protocol service reviews it before signing (user test
of 1 December 2026, finding 9): the English letter was dated "Bruxelles, 1 December 2026",
invited to "Ministerial Conference on…" a "national of United States", greeted nobody, and was
signed "Hadja Lahbib / For the organisers", a name with no function. Read in the PDF mailed to
the person (pypdf), and on the console's visa-letter page."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime
from typing import Any

from conference.mail import formatting
from tests.browser.helpers import element
from tests.conftest import Api, conference_body
from tests.http.test_console import staff
from tests.http.test_credentials import BASE, PASSPORT, _attachment, _text, applicant
from tests.support import RecordingSMTP

TITLE = {"fr": "Conférence ministérielle sur la sécurité",
         "en": "Ministerial Conference on Security"}
VENUE = {"name": "Palais d'Egmont", "address": "Place du Petit Sablon 8, 1000 Bruxelles"}
LAHBIB = {"name": "Hadja Lahbib", "rank": "foreign_minister"}  # no function given
US = {**PASSPORT, "nationality": "US", "consulate": "Embassy of Belgium in Washington"}


async def _conference(api: Api, **changes: Any) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(**{"title": TITLE, "venue": VENUE,
                                                             "hosts": [LAHBIB], **changes}))
    assert status == 201, body


async def _letter(api: Api, smtp: RecordingSMTP, n: int, language: str,
                  passport: dict[str, Any]) -> str:
    p = await applicant(api, n, language=language, approved=True)
    status, letter, _ = await api.call("POST", f"/api/v1/accreditations/{p['id']}/visa-letter",
                                       role=p["access_token"], json=passport)
    assert status == 201, letter
    status, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                         role="protocol", json={"decision": "approve"})
    assert status == 200, approved
    [mail] = await smtp.wait_for(1, where=lambda m: approved["number"] in str(m["Subject"]))
    return _text(_attachment(mail)[1])


async def test_the_english_letter_reads_as_english_greets_the_embassy_and_is_signed_with_a_title(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    today = datetime.now(UTC).date()
    english = await _letter(api, smtp, 1, "en", US)
    assert f"Brussels, {formatting.day(today, 'en')}" in english
    assert "Bruxelles," not in english
    assert "Madam, Sir, The organisers of the Ministerial Conference on Security, " in english
    assert "LÓPEZ GARCÍA, an American national, born on" in english
    assert "For the organisers" not in english
    # the host has no function: the protocol service signs, under the organiser's name
    assert "Ministerial Conference on Security Protocol Service" in english, english
    assert "Hadja Lahbib" not in english
    # its number in English (a tryout: the English letter read « N° 2027-0003-6JNA3P »)
    assert re.search(r"No\. \d{4}-\d{4}-", english) and "N°" not in english, english

    french = await _letter(api, smtp, 2, "fr", US)
    assert f"Bruxelles, le {formatting.day(today, 'fr')}" in french
    assert "Madame, Monsieur, Les organisateurs de la Conférence ministérielle sur la " \
           "sécurité, qui se tiendra" in french
    assert "conférence « Conférence" not in french and "conférence «\u00a0Conférence" not in french
    assert "LÓPEZ GARCÍA, de nationalité américaine ; date" in " ".join(
        french.replace("\u00a0", " ").split())
    assert "Pour les organisateurs" not in french
    assert "Service du protocole" in french
    assert re.search(r"N°\s\d{4}-\d{4}-", french), french


async def test_the_console_says_what_the_signature_lacks(api: Api, smtp: RecordingSMTP) -> None:
    await _conference(api)
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", "/manage/alliance/visa-letters?lang=en")
    assert status == 200, page
    assert 'id="letters-unsigned"' in page
    assert ("the host Hadja Lahbib, who would sign them, has no function to print under the "
            "name") in " ".join(html.unescape(page).split())

    # a text whose signatory has no English title but what the earlier default printed
    template = {"letterhead": "Royaume de Belgique", "body": {},
                "signatory_name": "Jean Dupuis",
                "signatory_title": {"fr": "Chef du protocole", "en": "For the organisers"}}
    status, answer, _ = await api.call("PUT", f"{BASE}/visa-letter-template", role="protocol",
                                       json=template)
    assert status == 200, answer
    status, page, _ = await v.go("GET", "/manage/alliance/visa-letters?lang=en")
    assert ("The letters' text names a signatory with no title in English"
            in html.unescape(page))
    english = await _letter(api, smtp, 1, "en", US)
    assert "Jean Dupuis" not in english and "Protocol Service" in english
    french = await _letter(api, smtp, 2, "fr", US)
    assert "Jean Dupuis Chef du protocole" in french


async def test_the_city_the_conference_names_is_the_letter_s_place(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, venue={"name": "Egmont", "address": "Rue aux Laines 1",
                                  "city": {"fr": "Bruxelles", "en": "Brussels"}})
    today = datetime.now(UTC).date()
    assert f"Brussels, {formatting.day(today, 'en')}" in await _letter(api, smtp, 1, "en", US)
    assert f"Bruxelles, le {formatting.day(today, 'fr')}" in await _letter(api, smtp, 2, "fr",
                                                                            US)


async def test_each_request_names_the_language_its_refusal_is_written_in(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A tryout: the refusal's reason is quoted as written in the person's letter, and the
    visa letters' page did not say in which language (the application page, the press desk
    and the security page do)."""
    await _conference(api)
    ids = {}
    for n, language in ((1, "fr"), (2, "en")):
        p = await applicant(api, n, language=language, approved=True)
        status, letter, _ = await api.call(
            "POST", f"/api/v1/accreditations/{p['id']}/visa-letter", role=p["access_token"],
            json=US)
        assert status == 201, letter
        ids[language] = letter["id"]
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", "/manage/alliance/visa-letters?lang=fr")
    assert status == 200, page
    told = ("Un refus est écrit à la personne et, pour un membre d'une délégation, à ses points "
            "focaux, avec ce motif tel qu'il est rédigé. ")
    assert element(page, f"l-{ids['fr']}-reason-hint") == told + (
        "Rédigez-le en français : il est cité tel quel dans une lettre en français.")
    assert element(page, f"l-{ids['en']}-reason-hint") == told + (
        "Rédigez-le en anglais : il est cité tel quel dans une lettre en anglais.")
    status, page, _ = await v.go("GET", "/manage/alliance/visa-letters?lang=en")
    assert element(page, f"l-{ids['fr']}-reason-hint").endswith(
        "Write it in French: it is quoted as written in a letter in French.")
