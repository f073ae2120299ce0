"""The credentials pages' errors in sight (docs/workspaces.md and docs/credentials.md, "Errors
in sight"): the applicant's page and the portal's member page answer a form in error with a
summary under the title naming and linking each field, and the forms post to their address with
#main, so that on a phone the answer opens where the error is said. A real database."""

from __future__ import annotations

import re

from tests.browser.helpers import element, press
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_identity_document import _get, _post, _token
from tests.http.test_workspaces import _signed_in, link_in
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"


async def test_the_applicants_empty_identity_form_is_summarised_at_the_top(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["press"]))
    assert status == 201, body
    created = await press(api, language="fr", decision="approve")
    path = f"/a/{created['access_token']}"
    page = await _get(api, f"{path}/credentials?lang=fr")
    assert 'id="error-summary"' not in page
    for form in ("photo-form", "visa-form", "identity-form"):
        tag = re.search(rf'<form[^>]*id="{form}"[^>]*>', page)
        assert tag and '#main"' in tag.group(0), form
    status, page, _ = await _post(api, f"{path}/identity-document?lang=fr", {
        "csrf": _token(page, "identity-form"), "id_nationality": "", "id_document_type": "",
        "id_document_number": "", "id_date_of_birth": ""})
    assert status == 422
    summary = element(page, "error-summary")
    assert summary.startswith("Rien n'a été enregistré. Corrigez les champs signalés :")
    for field, label in (("id_nationality", "Nationalité"),
                         ("id_document_type", "Type de pièce"),
                         ("id_document_number", "Numéro de la pièce"),
                         ("id_date_of_birth", "Date de naissance")):
        assert f'<a href="#{field}">' in page, field
        assert label in summary, label
    # the summary comes before the forms, under the title
    assert page.index('id="error-summary"') < page.index('id="photo-form"')


async def test_the_portals_visa_form_in_error_is_summarised_at_the_top(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    deleg = await make_delegation(api, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    status, created, _ = await api.call(
        "POST", f"{BASE}/accreditations", role="protocol",
        json={"category": "official", "given_name": "Jan", "family_name": "Peeters",
              "email": "peeters@example.org", "language": "en",
              "delegation_id": deleg["id"], "rank": "senior_official", "function": "Director"})
    assert status == 201, created
    v = await _signed_in(api, link_in(welcome))
    path = f"/delegation/alliance-be/members/{created['id']}"
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    assert status == 200, page
    tag = re.search(r'<form[^>]*id="visa-form"[^>]*>', page)
    assert tag and '#main"' in tag.group(0)
    status, page, _ = await v.go("POST", f"{path}/visa-letter?lang=en", {
        "csrf": _token(page, "visa-form"), "passport_name": "", "passport_number": "",
        "nationality": "", "date_of_birth": "", "consulate": ""})
    assert status == 422, page
    summary = element(page, "error-summary")
    assert summary.startswith("Nothing was saved. Please correct the fields marked:")
    for field in ("passport_name", "passport_number", "nationality", "date_of_birth",
                  "consulate"):
        assert f'<a href="#{field}">' in page, field
    assert "Full name, as in the passport –" in summary
