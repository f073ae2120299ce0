"""Bad input: every refusal is a 4xx application/problem+json naming the field, never a 500."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import Api, conference_body, press_body

REGISTER = "/api/v1/conferences/alliance/accreditations"


def _problem(resp: Any, body: Any, status: int) -> None:
    assert resp.status == status, body
    assert resp.headers["Content-Type"] == "application/problem+json"
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status


def _fields(body: dict[str, Any]) -> list[str]:
    return [e["field"] for e in body["errors"]]


async def test_malformed_json(api: Api, conference: dict[str, Any]) -> None:
    status, body, resp = await api.call("POST", REGISTER, data=b'{"category": "press",',
                                        headers={"Content-Type": "application/json"})
    _problem(resp, body, 400)
    assert "JSON" in body["detail"]


async def test_empty_body(api: Api, conference: dict[str, Any]) -> None:
    _, body, resp = await api.call("POST", REGISTER, data=b"")
    _problem(resp, body, 400)


async def test_json_that_is_not_an_object(api: Api, conference: dict[str, Any]) -> None:
    _, body, resp = await api.call("POST", REGISTER, json=[1, 2])
    _problem(resp, body, 422)


async def test_missing_fields_are_named(api: Api, conference: dict[str, Any]) -> None:
    data = press_body()
    del data["email"]
    del data["press"]["outlet"]
    _, body, resp = await api.call("POST", REGISTER, json=data)
    _problem(resp, body, 422)
    assert sorted(_fields(body)) == ["email", "press.outlet"]


async def test_unknown_field_is_named(api: Api, conference: dict[str, Any]) -> None:
    _, body, resp = await api.call("POST", REGISTER, json=press_body(nickname="Mimi"))
    _problem(resp, body, 422)
    assert _fields(body) == ["nickname"]
    assert body["errors"][0]["type"] == "extra_forbidden"


async def test_wrong_enum_value_is_named(api: Api, conference: dict[str, Any]) -> None:
    data = press_body()
    data["press"]["role"] = "blogger"
    _, body, resp = await api.call("POST", REGISTER, json=data)
    _problem(resp, body, 422)
    assert _fields(body) == ["press.role"]


async def test_wrong_type_is_named(api: Api, conference: dict[str, Any]) -> None:
    _, body, resp = await api.call("POST", REGISTER, json=press_body(given_name=42))
    _problem(resp, body, 422)
    assert _fields(body) == ["given_name"]


@pytest.mark.parametrize("field,value", [
    ("given_name", "Marie\r\nBcc: victim@example.org"),
    ("family_name", "Dupont\nX-Injected: 1"),
    ("email", "marie@example.org\r\nBcc: victim@example.org"),
])
async def test_line_breaks_in_names_and_emails_are_refused(
    api: Api, conference: dict[str, Any], field: str, value: str
) -> None:
    _, body, resp = await api.call("POST", REGISTER, json=press_body(**{field: value}))
    _problem(resp, body, 422)
    assert _fields(body) == [field]


async def test_invalid_email(api: Api, conference: dict[str, Any]) -> None:
    _, body, resp = await api.call("POST", REGISTER, json=press_body(email="marie.at.example"))
    _problem(resp, body, 422)
    assert _fields(body) == ["email"]


async def test_two_mebibyte_body_is_refused(api: Api, conference: dict[str, Any]) -> None:
    big = press_body(given_name="x" * (2 * 1024 * 1024))
    _, body, resp = await api.call("POST", REGISTER, json=big)
    _problem(resp, body, 413)


async def test_unknown_conference(api: Api) -> None:
    _, body, resp = await api.call("POST", "/api/v1/conferences/nowhere/accreditations",
                                   json=press_body())
    _problem(resp, body, 404)


async def test_unknown_route_and_method(api: Api) -> None:
    _, body, resp = await api.call("GET", "/api/v1/nothing-here")
    _problem(resp, body, 404)
    _, body, resp = await api.call("DELETE", "/api/v1/conferences")
    _problem(resp, body, 405)


async def test_naive_datetime_is_refused(api: Api) -> None:
    data = conference_body("naive")
    data["press_registration"]["opens_at"] = "2027-01-01T09:00:00"
    _, body, resp = await api.call("POST", "/api/v1/conferences", role="admin", json=data)
    _problem(resp, body, 422)
    assert _fields(body) == ["press_registration.opens_at"]
    assert body["errors"][0]["type"] == "timezone_aware"


async def test_dates_in_the_wrong_order_are_refused(api: Api) -> None:
    data = conference_body("backwards", starts_on="2027-12-05", ends_on="2027-12-01")
    _, body, resp = await api.call("POST", "/api/v1/conferences", role="admin", json=data)
    _problem(resp, body, 422)
    assert "ends_on" in body["errors"][0]["message"]


@pytest.mark.parametrize("changes,field", [
    ({"timezone": "Europe/Bruxelles"}, "timezone"),
    ({"slug": "Has Spaces"}, "slug"),
    ({"languages": ["de"]}, "languages.0"),
    ({"organiser_email": "nobody"}, "organiser_email"),
])
async def test_bad_conference_fields_are_named(
    api: Api, changes: dict[str, Any], field: str
) -> None:
    _, body, resp = await api.call("POST", "/api/v1/conferences", role="admin",
                                   json=conference_body(**changes))
    _problem(resp, body, 422)
    assert _fields(body) == [field]


async def test_bad_spokesperson_phone_is_named(api: Api) -> None:
    data = conference_body()
    data["spokespersons"][0]["phone"] = "02 298 09 63"
    _, body, resp = await api.call("POST", "/api/v1/conferences", role="admin", json=data)
    _problem(resp, body, 422)
    assert _fields(body) == ["spokespersons.0.phone"]


async def test_duplicate_conference_slug(api: Api, conference: dict[str, Any]) -> None:
    _, body, resp = await api.call("POST", "/api/v1/conferences", role="admin",
                                   json=conference_body())
    _problem(resp, body, 409)


async def test_unknown_country_code(api: Api, conference: dict[str, Any]) -> None:
    _, body, resp = await api.call(
        "POST", "/api/v1/conferences/alliance/delegations", role="admin",
        json={"kind": "country", "country": "XX",
              "focal_point": {"name": "A", "email": "a@example.org"}})
    _problem(resp, body, 422)
    assert _fields(body) == ["country"]


async def test_bad_accreditation_id_and_cursor(api: Api, conference: dict[str, Any]) -> None:
    _, body, resp = await api.call("GET", "/api/v1/accreditations/not-a-uuid", role="admin")
    _problem(resp, body, 404)
    _, body, resp = await api.call("GET", "/api/v1/conferences/alliance/accreditations"
                                          "?cursor=@@@&limit=5000", role="admin")
    _problem(resp, body, 422)


async def test_nothing_accepted_is_lost_after_refusals(
    api: Api, conference: dict[str, Any]
) -> None:
    status, created, _ = await api.call("POST", REGISTER, json=press_body())
    assert status == 201
    await api.call("POST", REGISTER, data=b"{oops")
    await api.call("POST", REGISTER, json=press_body())  # duplicate
    status, page, _ = await api.call("GET", "/api/v1/conferences/alliance/accreditations",
                                     role="admin")
    assert [a["id"] for a in page["items"]] == [created["id"]]


async def test_non_ascii_local_part_is_refused_and_idn_domain_kept(
    api: Api, conference: dict[str, Any]
) -> None:
    _, body, resp = await api.call("POST", REGISTER, json=press_body(email="joëlle@example.org"))
    _problem(resp, body, 422)
    assert _fields(body) == ["email"]
    status, created, _ = await api.call("POST", REGISTER,
                                        json=press_body(email="joelle@bücher.example"))
    assert status == 201, created
    assert created["email"] == "joelle@xn--bcher-kva.example"


async def test_out_of_range_cursors_and_odd_feed_tokens_are_refused_cleanly(
    api: Api, conference: dict[str, Any]
) -> None:
    _, body, resp = await api.call("GET", "/api/v1/deliveries?status=failed"
                                          "&cursor=912592609071681972994048", role="admin")
    _problem(resp, body, 422)
    _, body, resp = await api.call("GET", "/api/v1/conferences/alliance/events"
                                          "?after=99999999999999999999", role="admin")
    _problem(resp, body, 422)
    import base64
    huge = base64.urlsafe_b64encode(b"s" + b"9" * 30).decode().rstrip("=")
    _, body, resp = await api.call("GET", "/api/v1/conferences/alliance/accreditations"
                                          f"?cursor={huge}", role="admin")
    _problem(resp, body, 422)
    for token in ("s%18%C3%83%C2%BA%C3%88%C3%A8.%C2%86%C2%BE%C3%A1", "%C3%A9.x", "a.b"):
        _, body, resp = await api.call("GET", f"/api/v1/calendar/{token}.ics")
        _problem(resp, body, 404)


async def test_a_staff_grant_whose_conference_is_not_a_slug_is_named_not_a_500(
    api: Api, conference: dict[str, Any]
) -> None:
    """Found by the fuzzer: a NUL in a grant's conference reached PostgreSQL (500). A grant
    names its conference by slug: anything else is a 422 naming the field."""
    for slug in ("&t\u0000k5", "Alliance", "a b"):
        status, body, resp = await api.call("POST", "/api/v1/staff", role="admin", json={
            "email": "someone@example.org", "name": "Some One", "language": "en",
            "grants": [{"role": "protocol", "conference": slug}]})
        assert status == 422, (slug, body)
        assert resp.headers["Content-Type"].startswith("application/problem+json")
        assert [e["field"] for e in body["errors"]] == ["grants.0.conference"], body


async def test_a_model_rule_names_its_field_not_the_body(
    api: Api, conference: dict[str, Any]
) -> None:
    """A rule across fields used to answer `"field": "(body)"`: a protocol officer filing a
    minister without `function` read "(body): delegation members need function", and a
    script could not put the error beside its field. Each now names the field it is about."""
    status, delegation, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/delegations", role="admin",
        json={"kind": "country", "country": "BE",
              "focal_point": {"name": "Focal", "email": "focal@example.org"}})
    assert status == 201, delegation
    minister = {"category": "minister", "given_name": "Didier", "family_name": "Reynders",
                "email": "dr@example.org", "delegation_id": delegation["delegation"]["id"]
                if "delegation" in delegation else delegation["id"], "rank": "minister"}
    _, body, resp = await api.call("POST", REGISTER, role="protocol", json=minister)
    _problem(resp, body, 422)
    assert _fields(body) == ["function"]
    assert "function" in body["errors"][0]["message"]
    _, body, resp = await api.call("POST", REGISTER, role="protocol",
                                   json={**minister, "rank": None, "function": "Ministre"})
    _problem(resp, body, 422)
    assert _fields(body) == ["rank"]
    _, body, resp = await api.call("POST", REGISTER, json=press_body(rank="minister"))
    _problem(resp, body, 422)
    assert _fields(body) == ["rank"]
    data = press_body()
    del data["press"]
    _, body, resp = await api.call("POST", REGISTER, json=data)
    _problem(resp, body, 422)
    assert _fields(body) == ["press"]
    _, body, resp = await api.call(
        "POST", "/api/v1/conferences", role="admin",
        json=conference_body("backwards", starts_on="2027-12-05", ends_on="2027-12-01"))
    _problem(resp, body, 422)
    assert _fields(body) == ["ends_on"]
    window = conference_body("window")
    window["press_registration"]["closes_at"] = window["press_registration"]["opens_at"]
    _, body, resp = await api.call("POST", "/api/v1/conferences", role="admin", json=window)
    _problem(resp, body, 422)
    assert _fields(body) == ["press_registration.closes_at"]
    _, body, resp = await api.call(
        "POST", "/api/v1/conferences/alliance/delegations", role="admin",
        json={"kind": "country", "focal_point": {"name": "F", "email": "f@example.org"}})
    _problem(resp, body, 422)
    assert _fields(body) == ["country"]
