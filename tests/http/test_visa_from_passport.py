"""The identity data asked once (docs/credentials.md, "Visa invitation letters"): a passport
given for the security check is recalled on the visa letter form (the number masked), not
asked again; the form posted with the name and the consulate alone files the letter with the
passport read from the database. An identity card, or nothing given, leaves the full form. The
applicant's page and the focal point's member page; a real database and a real SMTP server."""

from __future__ import annotations

import re
from typing import Any

import asyncpg

from tests.browser.helpers import element, press
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_identity_document import _get, _post, _token
from tests.http.test_workspaces import _signed_in, link_in
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"


async def focal_point_and_member(api: Api, smtp: RecordingSMTP, given: str, family: str
                                 ) -> tuple[Any, dict[str, Any], str]:
    """A conference vetting officials, Belgium's delegation with its focal point signed in, and
    one official of it: the focal point's session, the member as filed, the member's page."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["official"]))
    assert status == 201, body
    deleg = await make_delegation(api, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    status, created, _ = await api.call(
        "POST", f"{BASE}/accreditations", role="protocol",
        json={"category": "official", "given_name": given, "family_name": family,
              "email": f"{family.lower()}@example.org", "language": "en",
              "delegation_id": deleg["id"], "rank": "senior_official", "function": "Director"})
    assert status == 201, created
    v = await _signed_in(api, link_in(welcome))
    return v, dict(created), f"/delegation/alliance-be/members/{created['id']}"


async def _letters(db_url: str, accreditation_id: str) -> list[tuple[Any, ...]]:
    conn = await asyncpg.connect(db_url)
    try:
        rows = await conn.fetch(
            "SELECT passport_name, passport_number, nationality, date_of_birth::text, consulate"
            " FROM visa_letter WHERE accreditation_id = $1", accreditation_id)
    finally:
        await conn.close()
    return [tuple(r) for r in rows]


def _form(page: str, form_id: str) -> str:
    form = re.search(rf'<form[^>]*id="{form_id}".*?</form>', page, re.S)
    assert form is not None
    return form.group(0)


def _visa_form(page: str) -> str:
    return _form(page, "visa-form")


async def _applicant(api: Api) -> tuple[dict[str, Any], str]:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["press"]))
    assert status == 201, body
    created = await press(api, language="en")
    return created, f"/a/{created['access_token']}"


async def test_the_applicants_visa_form_recalls_the_passport_and_asks_the_consulate(
    api: Api, smtp: RecordingSMTP
) -> None:
    created, path = await _applicant(api)
    page = await _get(api, f"{path}/credentials?lang=en")
    status, _, resp = await _post(api, f"{path}/identity-document?lang=en", {
        "csrf": _token(page, "identity-form"), "id_nationality": "PL",
        "id_document_type": "passport", "id_document_number": "ZZ1234567",
        "id_date_of_birth": "1990-04-12"})
    assert status == 303, resp
    page = await _get(api, f"{path}/credentials?lang=en")
    # the passport recalled, its number masked but for its last 4 characters
    assert element(page, "visa-passport-number") == "\u2022\u2022\u2022\u2022 4567"
    assert element(page, "visa-passport-nationality") == "Poland"
    assert element(page, "visa-passport-birth") == "12 April 1990"
    assert element(page, "visa-passport-text").startswith(
        "The letter takes the passport you gave for the security check")
    assert 'href="#identity-title"' in page
    assert element(page, "visa-passport-fix") == (
        "The number, nationality and date of birth come from the passport given above; to "
        "correct them, correct the identity document.")
    # asked: the name (as on the application) and the consulate, nothing of the passport
    form = _visa_form(page)
    for name in ("passport_number", "nationality", "date_of_birth"):
        assert f'name="{name}"' not in form, name
    assert "ZZ1234567" not in form and "1990-04-12" not in form
    assert 'name="consulate"' in form and 'name="passport_name"' in form
    assert f'value="{created["given_name"]} {created["family_name"]}"' in form
    # the identity document it sends back to starts from what was given: correcting one
    # field is changing it, not typing all four again; the number is not in the page, left
    # empty it is kept (docs/credentials.md, "Vetting")
    identity = _form(page, "identity-form")
    assert "ZZ1234567" not in page and 'value="1990-04-12"' in identity
    assert re.search(r'<option value="PL" selected', identity)

    # a consulate of her own country: the short form again, the error on the consulate
    token = _token(page, "visa-form")
    status, page, _ = await _post(api, f"{path}/visa-letter?lang=en", {
        "csrf": token, "passport_name": "Marta NOWAK", "consulate": "Embassy of Poland"})
    assert status == 422
    assert element(page, "consulate-error").endswith("a visa is asked of another country's "
                                                     "consulate. Give the consulate of the "
                                                     "country of destination, or correct the "
                                                     "nationality.")
    assert 'name="passport_number"' not in _visa_form(page)
    assert element(page, "visa-passport-number") == "\u2022\u2022\u2022\u2022 4567"

    # the name and the consulate alone: the letter carries the passport given
    status, _, resp = await _post(api, f"{path}/visa-letter?lang=en", {
        "csrf": token, "passport_name": "Marta NOWAK", "consulate": "Embassy of France"})
    assert status == 303, resp
    assert await _letters(api.db_url, created["id"]) == [
        ("Marta NOWAK", "ZZ1234567", "PL", "1990-04-12", "Embassy of France")]


async def test_an_identity_card_leaves_the_full_visa_form(
    api: Api, smtp: RecordingSMTP
) -> None:
    created, path = await _applicant(api)
    page = await _get(api, f"{path}/credentials?lang=fr")
    status, _, _ = await _post(api, f"{path}/identity-document?lang=fr", {
        "csrf": _token(page, "identity-form"), "id_nationality": "BE",
        "id_document_type": "identity_card", "id_document_number": "591-1234567-89",
        "id_date_of_birth": "1969-11-05"})
    assert status == 303
    page = await _get(api, f"{path}/credentials?lang=fr")
    assert 'id="visa-passport"' not in page
    form = _visa_form(page)
    for name in ("passport_number", "nationality", "date_of_birth"):
        assert f'name="{name}"' in form, name
    # the card's number is no passport's: the form asks it, with no card number in it
    assert "591-1234567-89" not in form
    # posted without the passport: the fields are asked, nothing is filed
    status, page, _ = await _post(api, f"{path}/visa-letter?lang=fr", {
        "csrf": _token(page, "visa-form"), "passport_name": "Jan PEETERS",
        "consulate": "Ambassade de France", "nationality": "BE",
        "date_of_birth": "1969-11-05"})
    assert status == 422
    assert 'id="passport_number-error"' in page
    assert await _letters(api.db_url, created["id"]) == []


async def test_the_focal_points_visa_form_recalls_the_members_passport(
    api: Api, smtp: RecordingSMTP
) -> None:
    v, created, path = await focal_point_and_member(api, smtp, "Sofie", "Janssens")
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=fr")
    assert status == 200, page
    # before any passport: the full form
    assert 'name="passport_number"' in _visa_form(page)
    status, _, resp = await v.go("POST", f"{path}/identity-document?lang=fr", {
        "csrf": _token(page, "identity-form"), "id_nationality": "BE",
        "id_document_type": "passport", "id_document_number": "EN7654321",
        "id_date_of_birth": "1975-06-30"})
    assert status == 303, resp
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=fr")
    assert element(page, "visa-passport-text").startswith(
        "La lettre reprend le passeport donné pour Sofie Janssens pour le contrôle de sécurité")
    assert element(page, "visa-passport-number") == "\u2022\u2022\u2022\u2022 4321"
    assert element(page, "visa-passport-nationality") == "Belgique"
    assert element(page, "visa-passport-birth") == "30 juin 1975"
    assert element(page, "visa-passport-fix").endswith("corrigez la pièce d'identité.")
    form = _visa_form(page)
    assert 'name="passport_number"' not in form and "EN7654321" not in form
    status, _, resp = await v.go("POST", f"{path}/visa-letter?lang=fr", {
        "csrf": _token(page, "visa-form"), "passport_name": "Sofie JANSSENS",
        "consulate": "Ambassade de France"})
    assert status == 303, resp
    assert await _letters(api.db_url, created["id"]) == [
        ("Sofie JANSSENS", "EN7654321", "BE", "1975-06-30", "Ambassade de France")]


async def test_the_identity_form_starts_from_the_passport_of_the_visa_letter(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The other way round: a letter requested first, the identity document form starts
    from its passport (the security service receives it meanwhile), its number masked as a
    recorded document's (the page showed it whole, review of 2 December 2026); given as it
    stands, the number left empty, it is the same passport, read from the database."""
    created, path = await _applicant(api)
    page = await _get(api, f"{path}/credentials?lang=en")
    status, _, resp = await _post(api, f"{path}/visa-letter?lang=en", {
        "csrf": _token(page, "visa-form"), "passport_name": "Marta NOWAK",
        "passport_number": "ZZ7654321", "nationality": "PL", "date_of_birth": "1990-04-12",
        "consulate": "Embassy of France"})
    assert status == 303, resp
    page = await _get(api, f"{path}/credentials?lang=en")
    assert element(page, "identity-from-visa").startswith("Until a document is given here")
    identity = _form(page, "identity-form")
    assert re.search(r'<option value="PL" selected', identity)
    assert re.search(r'<option value="passport" selected', identity)
    assert "ZZ7654321" not in page and 'value="1990-04-12"' in identity
    assert re.search(r'<input[^>]*id="id_document_number"[^>]*value=""', identity), identity
    assert element(page, "id_document_number-hint") == (
        "Leave empty to keep the number \u2022\u2022\u2022\u2022 4321 from your visa letter "
        "request.")
    form = {"csrf": _token(page, "identity-form"), "id_nationality": "PL",
            "id_document_type": "identity_card", "id_document_number": "",
            "id_date_of_birth": "1990-04-12"}
    # another type of document: its own number is asked, nothing recorded
    status, page, _ = await _post(api, f"{path}/identity-document?lang=en", form)
    assert status == 422, page
    assert element(page, "id_document_number-error") == (
        "Error: Give this document's number: the number of the visa letter request is a "
        "passport's.")
    status, _, resp = await _post(api, f"{path}/identity-document?lang=en",
                                  {**form, "id_document_type": "passport"})
    assert status == 303, resp
    status, vetting, _ = await api.call("GET", f"/api/v1/accreditations/{created['id']}"
                                        "/vetting", role="protocol")
    assert status == 200, vetting
    assert (vetting["document_type"], vetting["document_number"]) == ("passport", "ZZ7654321")


async def test_the_name_in_the_passport_given_leaves_only_the_consulate(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The name as written in the passport, given with it (optional, migration 0064), is
    recalled on the visa letter form too: only the consulate is asked; the API gives it."""
    created, path = await _applicant(api)
    page = await _get(api, f"{path}/credentials?lang=en")
    identity = _form(page, "identity-form")
    assert element(page, "id_name_in_document-hint") == (
        "In Latin letters, as in the document. For a passport, the visa letter request "
        "takes it.")
    assert 'autocomplete="name"' in identity.split('id="id_name_in_document"')[1][:300]
    form = {"csrf": _token(page, "identity-form"), "id_nationality": "PL",
            "id_document_type": "passport", "id_document_number": "ZZ1234567",
            "id_name_in_document": "Марта", "id_date_of_birth": "1990-04-12"}
    # not in Latin letters: the error on the field, nothing recorded
    status, page, _ = await _post(api, f"{path}/identity-document?lang=en", form)
    assert status == 422
    assert 'id="id_name_in_document-error"' in page
    assert 'href="#id_name_in_document"' in page
    status, _, resp = await _post(api, f"{path}/identity-document?lang=en",
                                  {**form, "id_name_in_document": "Marta NOWAK-KOWALSKA"})
    assert status == 303, resp
    status, vetting, _ = await api.call("GET", f"/api/v1/accreditations/{created['id']}"
                                        "/vetting", role="protocol")
    assert status == 200, vetting
    assert vetting["name_in_document"] == "Marta NOWAK-KOWALSKA"
    assert [h["name_in_document"] for h in vetting["history"]] == ["Marta NOWAK-KOWALSKA"]

    page = await _get(api, f"{path}/credentials?lang=en")
    assert 'value="Marta NOWAK-KOWALSKA"' in _form(page, "identity-form")
    assert element(page, "visa-passport-name") == "Marta NOWAK-KOWALSKA"
    assert element(page, "visa-passport-text") == (
        "The letter takes the passport you gave for the security check, and the name as it "
        "is written there: only the consulate is left to give.")
    assert element(page, "visa-passport-fix").startswith(
        "The name, number, nationality and date of birth come from the passport given above")
    form = _visa_form(page)
    assert 'name="passport_name"' not in form and "NOWAK" not in form
    assert 'name="consulate"' in form
    # an error on the consulate keeps the short form
    status, page, _ = await _post(api, f"{path}/visa-letter?lang=en", {
        "csrf": _token(page, "visa-form"), "consulate": "Embassy of Poland"})
    assert status == 422
    assert 'name="passport_name"' not in _visa_form(page)
    assert element(page, "visa-passport-name") == "Marta NOWAK-KOWALSKA"
    # the consulate alone: the letter carries the passport and its name
    status, _, resp = await _post(api, f"{path}/visa-letter?lang=en", {
        "csrf": _token(page, "visa-form"), "consulate": "Embassy of France"})
    assert status == 303, resp
    assert await _letters(api.db_url, created["id"]) == [
        ("Marta NOWAK-KOWALSKA", "ZZ1234567", "PL", "1990-04-12", "Embassy of France")]


async def test_the_name_in_the_document_through_the_api(api: Api, smtp: RecordingSMTP) -> None:
    """Optional in the API (extended, nothing renamed): absent, it is null; a PUT without it
    records it null, as PUT replaces; not in Latin letters, a 422 naming it."""
    created, _ = await _applicant(api)
    path = f"/api/v1/accreditations/{created['id']}/vetting"
    body = {"document_type": "diplomatic_passport", "document_number": "DP0012345",
            "date_of_birth": "1970-01-15", "nationality": "PL"}
    status, got, _ = await api.call("PUT", path, role="protocol", json=body)
    assert status == 200 and got["name_in_document"] is None, got
    status, got, _ = await api.call("PUT", path, role="protocol",
                                    json={**body, "name_in_document": "Jan KOWALSKI"})
    assert status == 200 and got["name_in_document"] == "Jan KOWALSKI", got
    status, got, _ = await api.call("PUT", path, role="protocol",
                                    json={**body, "name_in_document": "Ян"})
    assert status == 422 and "name_in_document" in str(got), got
    status, got, _ = await api.call("GET", path, role="protocol")
    assert [h["name_in_document"] for h in got["history"]] == [None, "Jan KOWALSKI"]
