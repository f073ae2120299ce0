"""Text the badges, letters and lists print is written in a script their font draws as typed
(Latin, Greek, Cyrillic; types.PrintedText): a member's function « Σύμβουλος / مستشار / 顾问 »
and a consulate in Cyrillic went through, and the visa letter to the consulate read
"Σύμβουλος / راشتسم / ," (the Arabic reversed, the Chinese gone); tried as a focal point,
5 December 2026. Refused with a 422 naming the field, and on the portal's form beside it."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element, hidden
from tests.conftest import Api
from tests.http.test_visa_from_passport import BASE, focal_point_and_member
from tests.support import RecordingSMTP, current_token


def _fields(body: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["field"], e["message"]) for e in body.get("errors", [])]


async def test_a_function_or_a_consulate_in_another_script_is_refused_on_its_field(
    api: Api, smtp: RecordingSMTP
) -> None:
    fp, member, path = await focal_point_and_member(api, smtp, "Nikos", "Papadopoulos")
    deleg = member["delegation_id"]
    base = {"category": "official", "given_name": "Chen", "family_name": "Yu",
            "email": "chen.yu@example.org", "language": "en", "delegation_id": deleg,
            "rank": "senior_official"}
    for function in ("Σύμβουλος / مستشار", "顾问"):
        status, body, _ = await api.call("POST", f"{BASE}/accreditations", role="protocol",
                                         json={**base, "function": function})
        assert status == 422, body
        [(field, message)] = _fields(body)
        assert field == "function"
        assert "must be written in Latin, Greek or Cyrillic letters" in message, message
    # Greek and Cyrillic print as typed: taken
    status, body, _ = await api.call("POST", f"{BASE}/accreditations", role="protocol",
                                     json={**base, "function": "Σύμβουλος / Советник"})
    assert status == 201, body
    status, body, _ = await api.call(
        "PATCH", f"/api/v1/accreditations/{body['id']}", role="protocol",
        json={"function": "مستشار"})
    assert status == 422 and _fields(body)[0][0] == "function", body

    await smtp.wait_for(1, where=lambda m: "papadopoulos@example.org" in m["To"])
    own = await current_token(api.db_url, member["id"])  # the member's private link
    visa = {"passport_name": "Nikos Papadopoulos", "passport_number": "AB1234567",
            "nationality": "GR", "date_of_birth": "1970-03-01"}
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{member['id']}/visa-letter",
                                     role=own, json={**visa, "consulate": "比利时驻北京大使馆"})
    assert status == 422 and _fields(body)[0][0] == "consulate", body
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{member['id']}/visa-letter",
                                     role=own,
                                     json={**visa, "consulate": "Консульство Бельгии в Москве"})
    assert status in (200, 201), body

    # the portal's member form says it beside the field, in the page's language
    status, page, _ = await fp.go("GET", f"{path}/edit?lang=fr")
    assert status == 200, page
    status, page, _ = await fp.go("POST", f"{path}/edit?lang=fr", {
        "csrf": hidden(page, "csrf"), "given_name": "Nikos", "family_name": "Papadopoulos",
        "email": "papadopoulos@example.org", "language": "en", "category": "official",
        "rank": "senior_official", "function": "顾问", "salutation": "mr"})
    assert status == 422, page
    assert "caractères latins, grecs ou cyrilliques" in element(page, "function-error")
