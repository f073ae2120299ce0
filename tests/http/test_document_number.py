"""A passport's or identity card's number is taken as the document prints it: letters A-Z and
digits, with spaces or hyphens between groups (docs/credentials.md, "Vetting"). A tryout typed
« 12AB3456! » as a member's passport number and the page saved it: the security service and
the police check the person against that number, and a typing mistake turns a minister away
at the door. Now the form names the field, in the page's language, and keeps what was typed;
the API answers 422 problem+json naming the field; the visa letter's passport number is held
to the same rule. A real database and a real SMTP server."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from conference.types import DocumentNumber
from tests.browser.helpers import element, press
from tests.conftest import Api, conference_body
from tests.http.test_identity_document import _get, _post, _token, _vetting_file
from tests.support import RecordingSMTP

GOOD = ["PA1234567", "591-1234567-89", "12 AB 34567", "c01x00t47", "EH7"]
BAD = ["12AB3456!", "PA°1234567", "ÉH123456", "-PA1234", "PA1234-", "PA_1234", "PA/1234",
       "P" * 41]


@pytest.mark.parametrize("number", GOOD)
def test_numbers_as_documents_print_them_are_taken_as_typed(number: str) -> None:
    assert TypeAdapter(DocumentNumber).validate_python(f" {number} ") == number


@pytest.mark.parametrize("number", BAD)
def test_a_number_no_document_prints_is_refused(number: str) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(DocumentNumber).validate_python(number)


async def test_the_form_names_the_field_and_keeps_what_was_typed(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["press"]))
    assert status == 201, body
    created = await press(api, language="fr", decision="approve")
    path = f"/a/{created['access_token']}"
    page = await _get(api, f"{path}/credentials?lang=fr")
    form = {"csrf": _token(page, "identity-form"), "id_nationality": "FR",
            "id_document_type": "passport", "id_document_number": "12AB3456!",
            "id_date_of_birth": "1980-04-02"}
    status, page, _ = await _post(api, f"{path}/identity-document?lang=fr", form)
    assert status == 422
    assert element(page, "id_document_number-error").endswith(
        "Recopiez le numéro tel qu'il est imprimé sur la pièce : des lettres de A à Z et "
        "des chiffres, avec au besoin des espaces ou des traits d'union entre eux.")
    assert 'value="12AB3456!"' in page  # what was typed comes back, to be corrected
    assert (await _vetting_file(api))[created["family_name"]]["document_number"] == ""

    status, page, _ = await _post(api, f"{path}/identity-document?lang=en", form)
    assert element(page, "id_document_number-error").endswith(
        "Copy the number as the document prints it: letters A to Z and digits, with spaces or "
        "hyphens between them if need be.")

    status, _, _ = await _post(api, f"{path}/identity-document?lang=fr",
                               {**form, "id_document_number": "12AB34567"})
    assert status == 303
    assert (await _vetting_file(api))[created["family_name"]]["document_number"] == "12AB34567"


def _bearer(created: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {created['access_token']}"}


async def test_the_visa_letter_api_refuses_it_naming_the_field(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    created = await press(api, language="en", decision="approve")
    letter = {"passport_name": "Anna Kowalska", "passport_number": "EH 12345!",
              "nationality": "PL", "date_of_birth": "1980-04-02",
              "consulate": "Embassy of Belgium in Lima"}
    status, problem, resp = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/visa-letter",
        headers=_bearer(created), json=letter)
    assert status == 422, problem
    assert resp.headers["Content-Type"].startswith("application/problem+json")
    assert [e["field"] for e in problem["errors"]] == ["passport_number"], problem
    status, problem, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/visa-letter",
        headers=_bearer(created), json={**letter, "passport_number": "EH 1234567"})
    assert status == 201, problem
