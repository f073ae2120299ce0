"""What a person is given as a reference, on their pages and in their letters: never the
accreditation's UUID (36 characters nobody reads out over the phone), but the badge's short
reference (docs/credentials.md, "Short reference") once there is a badge, and nothing before
it. The UUID stays in the API and in addresses. A real database and SMTP server."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.helpers import element, member, text
from tests.conftest import Api
from tests.http.test_pages import _get, _submit
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP, body_text, current_token

PORTAL = "/delegation/alliance-be"


async def _short_reference(api: Api, accreditation_id: str) -> str:
    conn = await asyncpg.connect(api.db_url)
    try:
        code = await conn.fetchval("SELECT code FROM badge_code WHERE accreditation_id = $1",
                                   accreditation_id)
    finally:
        await conn.close()
    assert code is not None
    return f"{code[:4]}-{code[4:]}"


async def _id_of(api: Api, email: str) -> str:
    conn = await asyncpg.connect(api.db_url)
    try:
        return str(await conn.fetchval("SELECT id FROM accreditation WHERE email = $1", email))
    finally:
        await conn.close()


async def test_a_journalist_is_given_the_badge_s_short_reference_never_the_uuid(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    status, received, _ = await _submit(api, lang="fr")  # the form, to its "received" page
    assert status == 200 and "Demande reçue" in received
    acc_id = await _id_of(api, "marie.dupont@example.org")
    assert acc_id not in received and "Référence" not in text(received)

    [ack] = await smtp.wait_for(1, where=lambda m: "marie.dupont@example.org" in m["To"])
    assert acc_id not in body_text(ack) and "Référence" not in body_text(ack)
    _, page, _ = await _get(api, f"/a/{await current_token(api.db_url, acc_id)}")
    assert acc_id not in text(page) and 'id="short-reference"' not in page

    status, answer, _ = await api.call("POST", f"/api/v1/accreditations/{acc_id}/decision",
                                       role="press_office", json={"decision": "approve"})
    assert status == 200 and answer["id"] == acc_id  # the API keeps the UUID
    short = await _short_reference(api, acc_id)
    [letter] = await smtp.wait_for(1, where=lambda m: "marie.dupont@example.org" in m["To"]
                                   and "accordée" in str(m["Subject"]))
    said = body_text(letter)
    assert f"Référence du badge (imprimée sous le code QR)\u00a0: {short}" in said
    assert acc_id not in said
    _, page, _ = await _get(api, f"/a/{await current_token(api.db_url, acc_id)}")
    assert element(page, "short-reference") == short
    assert "Référence du badge" in text(page) and acc_id not in text(page)


async def test_a_focal_point_reads_a_member_s_short_reference_and_no_uuid(
    api: Api, smtp: RecordingSMTP
) -> None:
    deleg, link = await _setup(api, smtp)
    v = await _signed_in(api, link)
    approved = await member(api, deleg, "Reynders")
    waiting = await member(api, deleg, "Wilmes", decision=None)
    short = await _short_reference(api, approved["id"])

    status, page, _ = await v.go("GET", f"{PORTAL}/members/{approved['id']}?lang=en")
    assert status == 200
    assert element(page, "short-reference") == short
    assert "Badge reference" in text(page) and approved["id"] not in text(page)
    status, page, _ = await v.go("GET", f"{PORTAL}/members/{waiting['id']}?lang=en")
    assert status == 200
    assert 'id="short-reference"' not in page and waiting["id"] not in text(page)

    # the letters of a member, to the member and to the focal point, carry no UUID either
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{approved['id']}/revoke",
                                     role="protocol", json={"reason": "Withdrawn by the host."})
    assert status == 200, body
    letters = await smtp.wait_for(2, where=lambda m: "Accreditation revoked" in m["Subject"]
                                  or "votre délégation révoquée" in m["Subject"])
    for letter in letters:
        assert approved["id"] not in body_text(letter), letter["To"]
        assert "Reference:" not in body_text(letter) and "Référence" not in body_text(letter)
