"""Free text the mail and the calendars can carry: what they cannot is refused at the door with a
422 naming the field, so no event is ever built from it (and shelved)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Api, conference_body, press_body

REGISTER = "/api/v1/conferences/alliance/accreditations"


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u202e", "\u2066", "\ufeff", "\ufdd0",
                                  "\U0010ffff", "\x85", "\u200b"])
async def test_a_name_the_mail_cannot_carry_is_refused(
    api: Api, conference: dict[str, Any], char: str
) -> None:
    status, body, resp = await api.call("POST", REGISTER,
                                        json=press_body(family_name=f"Du{char}pont"))
    assert status == 422, body
    assert resp.headers["Content-Type"] == "application/problem+json"
    assert [e["field"] for e in body["errors"]] == ["family_name"]


async def test_a_press_outlet_with_a_separator_is_refused(
    api: Api, conference: dict[str, Any]
) -> None:
    data = press_body()
    data["press"]["outlet"] = "Le\u2029Soir"
    status, body, _ = await api.call("POST", REGISTER, json=data)
    assert status == 422, body
    assert [e["field"] for e in body["errors"]] == ["press.outlet"]


async def test_a_conference_title_with_a_separator_is_refused(api: Api) -> None:
    data = conference_body(title={"fr": "Alliance\u2028mondiale", "en": "Alliance"})
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=data)
    assert status == 422, body
    assert [e["field"] for e in body["errors"]] == ["title.fr"]


async def test_names_are_stored_in_nfc_and_joiners_kept(
    api: Api, conference: dict[str, Any]
) -> None:
    status, body, _ = await api.call(
        "POST", REGISTER, json=press_body(given_name="Jose\u0301", family_name="Mi\u200cra"))
    assert status == 201, body
    assert body["given_name"] == "Jos\u00e9"
    assert body["family_name"] == "Mi\u200cra"


@pytest.fixture
async def conference(api: Api) -> dict[str, Any]:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    return dict(body)
