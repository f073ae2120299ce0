"""The visa letter's verification page (``/v/{number}``), read by consulates, in French and
English like the other public pages (``?lang=``, else Accept-Language, else the conference's
first language; a link to the other language): the nationality as the country's name and the
conference's days in words in the page's language, the conference named; still only the
holder's initials and nationality, 404 for an unknown number, and the JSON as it was (found in
user tests: the page was English only, with "PE" and "2027-01-30 – 2027-02-02")."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element, text
from tests.conftest import Api
from tests.http.test_credentials import PASSPORT, _attachment
from tests.http.test_date_ranges import _approve, _conference, _pdf_text, _press
from tests.support import RecordingSMTP


async def _approved_letter(api: Api, language: str = "en") -> dict[str, Any]:
    person = await _press(api, language, 1)
    await _approve(api, person)
    _, letter, _ = await api.call("POST", f"/api/v1/accreditations/{person['id']}/visa-letter",
                                  role=person["access_token"], json=PASSPORT)
    status, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                         role="protocol", json={"decision": "approve"})
    assert status == 200, approved
    return dict(approved)


async def test_the_verification_page_speaks_the_consulate_s_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    y = await _conference(api)
    letter = await _approved_letter(api)
    path = f"/v/{letter['number']}"

    status, page, resp = await api.call("GET", f"{path}?lang=fr")
    assert status == 200, page
    assert resp.headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in resp.headers["Content-Security-Policy"]
    assert resp.headers["Cache-Control"] == "no-store"
    assert '<html lang="fr">' in page
    assert element(page, "verify-title") == (
        f"Lettre d'invitation pour le visa n° {letter['number']}")
    assert element(page, "verify-verdict").startswith("Lettre valable.")
    assert element(page, "verify-holder") == "A. M. L. G."
    assert element(page, "verify-nationality") == "Pérou"
    assert element(page, "verify-conference") == "Alliance mondiale : réunion"
    assert element(page, "verify-dates") == f"30 janvier – 2 février {y}"
    assert f'href="{path}?lang=en"' in page  # the language switch

    # no ?lang=: the browser's language
    status, page, _ = await api.call("GET", path, headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert status == 200 and '<html lang="en">' in page
    assert element(page, "verify-verdict").startswith("Valid letter.")
    assert element(page, "verify-nationality") == "Peru"
    assert element(page, "verify-conference") == "Global Alliance: meeting"
    assert element(page, "verify-dates") == f"30 January – 2 February {y}"
    # the data shown stay minimal: no name, passport number, date of birth, ISO code or date
    for hidden in ("LÓPEZ", "López", "PA1234567", "1980", ">PE<", f"{y}-01-30"):
        assert hidden not in page, hidden
    # no language asked at all: the conference's first (French)
    _, page, _ = await api.call("GET", path)
    assert '<html lang="fr">' in page

    # the JSON, for programs, as before
    status, v, _ = await api.call("GET", path, headers={"Accept": "application/json"})
    assert status == 200
    assert (v["valid"], v["initials"], v["nationality"]) == (True, "A. M. L. G.", "PE")

    # cancelled: said in words, still 200
    status, cancelled, _ = await api.call(
        "POST", f"/api/v1/visa-letters/{letter['id']}/cancel", role="protocol",
        json={"reason": "passport lost"})
    assert status == 200, cancelled
    status, page, _ = await api.call("GET", f"{path}?lang=fr")
    assert status == 200
    assert element(page, "verify-verdict").startswith("Lettre annulée.")
    assert "n'est plus valable" in text(page)


async def test_an_unknown_number_is_a_404_in_the_reader_s_language(api: Api) -> None:
    await _conference(api)
    status, page, resp = await api.call("GET", "/v/2099-0001-AAAAAA",
                                        headers={"Accept-Language": "fr-BE,fr;q=0.9"})
    assert status == 404
    assert resp.headers["Content-Type"].startswith("text/html")
    assert "Aucune lettre d'invitation ne porte ce numéro" in text(page)
    status, page, _ = await api.call("GET", "/v/2099-0001-AAAAAA?lang=en")
    assert status == 404 and "No invitation letter has this number" in text(page)
    status, problem, resp = await api.call("GET", "/v/2099-0001-AAAAAA",
                                           headers={"Accept": "application/json"})
    assert status == 404
    assert resp.headers["Content-Type"].startswith("application/problem+json")


async def test_the_letter_and_its_page_name_the_nationality_alike(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The letter named a Congolese national's country as CLDR does ("Congo-Brazzaville"),
    the page as protocol does ("République du Congo"): a consulate comparing them saw two
    countries. Both now take the project's names (docs/protocol.md, "Country codes")."""
    await _conference(api)
    person = await _press(api, "fr", 1)
    await _approve(api, person)
    _, letter, _ = await api.call("POST", f"/api/v1/accreditations/{person['id']}/visa-letter",
                                  role=person["access_token"], json={**PASSPORT,
                                                                     "nationality": "CG"})
    status, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                         role="protocol", json={"decision": "approve"})
    assert status == 200, approved
    [mail] = await smtp.wait_for(1, where=lambda m: "visa" in str(m["Subject"]))
    pdf = _pdf_text(_attachment(mail)[1])
    assert "République du Congo" in pdf and "Congo-Brazzaville" not in pdf
    _, page, _ = await api.call("GET", f"/v/{approved['number']}?lang=fr")
    assert element(page, "verify-nationality") == "République du Congo"


async def test_a_number_typed_in_small_letters_is_the_letter(api: Api, smtp: RecordingSMTP) -> None:
    """A consulate's clerk copies the number by hand: small letters, spaces around it, a
    typographic dash still find the letter (tryout: 404 "No invitation letter has this
    number" for a valid letter typed in small letters)."""
    await _conference(api)
    letter = await _approved_letter(api)
    number = letter["number"]
    for typed in (number.lower(), f" {number} ", number.replace("-", "\u2013", 1)):
        status, page, _ = await api.call("GET", f"/v/{typed}?lang=en")
        assert status == 200, (typed, page)
        assert element(page, "verify-verdict").startswith("Valid letter."), typed
        assert element(page, "verify-title").endswith(number), typed
        status, v, _ = await api.call("GET", f"/v/{typed}",
                                      headers={"Accept": "application/json"})
        assert status == 200 and v["number"] == number and v["valid"] is True, typed
    # another number still answers 404
    status, _, _ = await api.call("GET", f"/v/{number[:-1]}?lang=en")
    assert status == 404
