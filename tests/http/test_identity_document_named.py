"""The recorded identity document names the person as in the document, when given
(`name_in_document`, docs/credentials.md, "Vetting"): the "Recorded: …" line left it out, so
the person could not check the name the security service receives (tryout, 2 December 2026)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import element, press
from tests.conftest import Api, conference_body
from tests.http.test_identity_document import _get, _post, _token

STATE = {
    "en": ("Recorded: Passport no. \u2022\u2022\u2022\u2022 4567, name in the document ANA "
           "MARIA LOPEZ GARCIA, nationality Peru, date of birth 2 April 1980.",
           "Recorded: Passport no. \u2022\u2022\u2022\u2022 4567, nationality Peru, date of "
           "birth 2 April 1980."),
    "fr": ("Pièce enregistrée : Passeport n° \u2022\u2022\u2022\u2022 4567, nom sur la pièce "
           "ANA MARIA LOPEZ GARCIA, nationalité Pérou, date de naissance 2 avril 1980.",
           "Pièce enregistrée : Passeport n° \u2022\u2022\u2022\u2022 4567, nationalité Pérou, "
           "date de naissance 2 avril 1980."),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_the_recorded_line_names_the_person_as_in_the_document(
    api: Api, lang: str
) -> None:
    """Fails before: the line had no name."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["press"]))
    assert status == 201, body
    created = await press(api, language=lang, decision="approve")
    path = f"/a/{created['access_token']}"
    named, unnamed = STATE[lang]
    form = {"id_nationality": "PE", "id_document_type": "passport",
            "id_document_number": "PA1234567", "id_date_of_birth": "1980-04-02",
            "id_name_in_document": "ANA MARIA LOPEZ GARCIA"}
    page = await _get(api, f"{path}/credentials?lang={lang}")
    status, _, resp = await _post(api, f"{path}/identity-document?lang={lang}",
                                  {**form, "csrf": _token(page, "identity-form")})
    assert status == 303, resp
    page = await _get(api, resp.headers["Location"])
    assert element(page, "identity-state") == named
    # without the name, the line as it was
    status, _, resp = await _post(api, f"{path}/identity-document?lang={lang}",
                                  {**form, "id_name_in_document": "",
                                   "csrf": _token(page, "identity-form")})
    assert status == 303, resp
    page = await _get(api, resp.headers["Location"])
    assert element(page, "identity-state") == unnamed
