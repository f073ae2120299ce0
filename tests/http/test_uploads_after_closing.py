"""A withdrawn (or rejected, revoked) application takes no photo and no document any more
(docs/credentials.md, "Photo"): a user test saved a new photo and "Document reçu." from the
pages after the journalist had withdrawn, personal data collected for an accreditation that
will not be used. An organiser's API call gets 409 ``closed``; the page says so in its language
and offers no photo form."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.helpers import element, press
from tests.conftest import Api
from tests.http.test_credentials import _pdf, image, put
from tests.http.test_credentials_pages import _page, _token, _upload


async def test_a_withdrawn_application_takes_no_photo_and_no_document(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, language="fr")
    aid, token = created["id"], created["access_token"]
    path = f"/a/{token}"
    page = await _page(api, f"{path}/credentials?lang=fr")
    form_token = _token(page, "photo-form")  # the page opened before the withdrawal

    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/withdraw",
                                     role=token, json={"reason": "Je ne viendrai pas"})
    assert status == 200, body

    # the applicant's token only reads now; an organiser is told the application is closed
    status, body = await put(api, f"/api/v1/accreditations/{aid}/photo", image(600, 800),
                             "image/jpeg", token)
    assert status == 403, body
    status, body = await put(api, f"/api/v1/accreditations/{aid}/photo", image(600, 800),
                             "image/jpeg", "press_office")
    assert status == 409 and body["reason"] == "closed", body
    status, body = await put(api, f"/api/v1/accreditations/{aid}/documents/press_card", _pdf(),
                             "application/pdf", "press_office")
    assert status == 409 and body["reason"] == "closed", body

    # the page opened before: its form is refused, and the page says why, without the form
    status, page, _ = await _upload(api, path, form_token, image(600, 800), "moi.jpg",
                                    "image/jpeg")
    assert status == 409 and 'id="photo-form"' not in page
    assert element(page, "status-message") == (
        "This application is closed (withdrawn, rejected or revoked): no photo or document is "
        "accepted any more.")
    assert element(page, "photo-closed") == (
        "No photo can be sent any more for a withdrawn application.")
    page = await _page(api, f"{path}/credentials?lang=fr")
    assert 'id="photo-form"' not in page
    assert element(page, "photo-closed") == (
        "Aucune photo ne peut plus être envoyée pour une demande retirée.")

    conn = await asyncpg.connect(api.db_url)
    try:
        assert await conn.fetchval(
            "SELECT count(*) FROM accreditation_photo WHERE accreditation_id = $1", aid) == 0
        assert await conn.fetchval(
            "SELECT count(*) FROM accreditation_document WHERE accreditation_id = $1", aid) == 0
    finally:
        await conn.close()
