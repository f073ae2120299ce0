"""The identity document on the pages (docs/credentials.md, "Vetting"): the number recorded is
shown masked, as on the visa letter's summary, and never sent whole in the page (a private link
gets forwarded, printed, shown at a desk); a correction leaves the number empty, which keeps
the recorded one; every type the API takes is offered, so a correction keeps a diplomatic
passport. The API is unchanged. A real database and a real SMTP server."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.test_identity_document import _get, _post, _token, _vetting_file
from tests.http.test_visa_from_passport import _applicant, _form, focal_point_and_member
from tests.support import RecordingSMTP, current_token

BASE = "/api/v1/conferences/alliance"
MASKED = "\u2022" * 4 + " "  # then a no-break space, which element() reads as a space


async def _vetting(api: Api, accreditation_id: str) -> dict[str, Any]:
    status, body, _ = await api.call("GET", f"/api/v1/accreditations/{accreditation_id}"
                                     "/vetting", role="protocol")
    assert status == 200, body
    return dict(body)


async def test_the_number_is_masked_and_an_empty_number_keeps_it(
    api: Api, smtp: RecordingSMTP
) -> None:
    created, path = await _applicant(api)
    page = await _get(api, f"{path}/credentials?lang=en")
    identity = _form(page, "identity-form")
    # a first filing: no hint, the number required
    assert 'id="id_document_number-hint"' not in identity
    first = {"csrf": _token(page, "identity-form"), "id_nationality": "PL",
             "id_document_type": "passport", "id_document_number": "",
             "id_date_of_birth": "1990-04-12"}
    status, page, _ = await _post(api, f"{path}/identity-document?lang=en", first)
    assert status == 422
    assert element(page, "id_document_number-error").endswith("This field is required.")
    status, _, resp = await _post(api, f"{path}/identity-document?lang=en",
                                  {**first, "id_document_number": "ZZ1234567"})
    assert status == 303, resp

    page = await _get(api, f"{path}/credentials?lang=en")
    # the recorded line and the form: the number masked as on the visa letter's summary
    assert element(page, "identity-state") == (
        f"Recorded: Passport no. {MASKED}4567, nationality Poland, date of birth "
        "12 April 1990.")
    assert "ZZ1234567" not in page
    identity = _form(page, "identity-form")
    assert re.search(r'<input id="id_document_number" name="id_document_number" type="text" '
                     r'value=""', identity)
    assert element(page, "id_document_number-hint") == (
        f"Leave empty to keep the recorded number, {MASKED}4567.")
    assert 'aria-describedby="id_document_number-hint"' in identity

    # a correction of the date of birth, the number left empty: the number recorded is kept
    fix = {**first, "csrf": _token(page, "identity-form"), "id_date_of_birth": "1990-04-21"}
    status, _, resp = await _post(api, f"{path}/identity-document?lang=en", fix)
    assert status == 303, resp
    vetting = await _vetting(api, created["id"])
    assert (vetting["document_type"], vetting["document_number"], vetting["date_of_birth"]) \
        == ("passport", "ZZ1234567", "1990-04-21")

    # another type, the number left empty: the number of the other document is not taken
    status, page, _ = await _post(api, f"{path}/identity-document?lang=en",
                                  {**fix, "id_document_type": "identity_card"})
    assert status == 422
    assert element(page, "id_document_number-error").endswith(
        "Give the new document's number: the number recorded is that of a document of "
        "another type.")
    assert "ZZ1234567" not in page
    assert (await _vetting(api, created["id"]))["document_type"] == "passport"

    # a number typed replaces it
    status, _, resp = await _post(api, f"{path}/identity-document?lang=en",
                                  {**fix, "id_document_number": "ZZ7777777"})
    assert status == 303, resp
    assert (await _vetting(api, created["id"]))["document_number"] == "ZZ7777777"


async def test_a_diplomatic_passport_given_through_the_api_keeps_its_type(
    api: Api, smtp: RecordingSMTP
) -> None:
    created, path = await _applicant(api)
    token = await current_token(api.db_url, created["id"])
    status, body, _ = await api.call(
        "PUT", f"/api/v1/accreditations/{created['id']}/vetting", role=token,
        json={"document_type": "diplomatic_passport", "document_number": "DP0012345",
              "date_of_birth": "1970-01-15", "nationality": "PL"})
    assert status == 200, body
    path = f"/a/{token}"  # the fresh token replaces the link before it
    page = await _get(api, f"{path}/credentials?lang=fr")
    assert element(page, "identity-state").startswith(
        f"Pièce enregistrée : Passeport diplomatique n° {MASKED}2345")
    identity = _form(page, "identity-form")
    # every type the API takes, the one given chosen
    assert re.search(r'<option value="diplomatic_passport" selected>Passeport diplomatique'
                     r'</option>', identity)
    assert '<option value="passport">Passeport</option>' in identity
    assert '<option value="identity_card">Carte d&#39;identité</option>' in identity
    # corrected from the page as it stands (the date of birth): still a diplomatic passport
    status, _, resp = await _post(api, f"{path}/identity-document?lang=fr", {
        "csrf": _token(page, "identity-form"), "id_nationality": "PL",
        "id_document_type": "diplomatic_passport", "id_document_number": "",
        "id_date_of_birth": "1970-01-16"})
    assert status == 303, resp
    vetting = await _vetting(api, created["id"])
    assert (vetting["document_type"], vetting["document_number"], vetting["date_of_birth"]) \
        == ("diplomatic_passport", "DP0012345", "1970-01-16")
    # the visa letter form recalls it as a diplomatic passport, masked
    page = await _get(api, f"{path}/credentials?lang=fr")
    assert "passeport diplomatique" in element(page, "visa-passport-text")
    assert element(page, "visa-passport-number") == f"{MASKED}2345"


async def test_the_focal_point_sees_the_members_number_masked(
    api: Api, smtp: RecordingSMTP
) -> None:
    v, created, path = await focal_point_and_member(api, smtp, "Jan", "Peeters")
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=fr")
    assert status == 200, page
    form = {"csrf": _token(page, "identity-form"), "id_nationality": "BE",
            "id_document_type": "identity_card", "id_document_number": "591-1234567-89",
            "id_date_of_birth": "1969-11-05"}
    status, _, resp = await v.go("POST", f"{path}/identity-document?lang=fr", form)
    assert status == 303, resp
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=fr")
    assert element(page, "identity-state") == (
        f"Pièce enregistrée : Carte d'identité n° {MASKED}7-89, nationalité "
        "Belgique, date de naissance 5 novembre 1969.")
    assert "591-1234567-89" not in page
    assert element(page, "id_document_number-hint") == (
        f"Laissez vide pour garder le numéro enregistré, {MASKED}7-89.")
    # corrected with the number left empty: kept
    status, _, resp = await v.go("POST", f"{path}/identity-document?lang=fr", {
        **form, "csrf": _token(page, "identity-form"), "id_document_number": "",
        "id_nationality": "NL"})
    assert status == 303, resp
    row = (await _vetting_file(api))["Peeters"]
    assert (row["nationality"], row["document_number"]) == ("NL", "591-1234567-89")
