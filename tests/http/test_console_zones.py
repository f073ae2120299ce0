"""The console's zones page (docs/workspaces.md, "Zones"): protocol lists, creates and edits the
zones (names fr/en, categories, days) with form errors naming the field, in French and English;
the door's empty state links to it instead of naming the API, and the door offers the zones
made there (found in a user test: the door was a dead end until someone used the API)."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element, hidden, press, scan
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_workspaces import Visitor, _setup
from tests.support import RecordingSMTP

ZONES = "/manage/alliance/zones"


async def _post(v: Visitor, page_path: str, action: str, fields: list[tuple[str, str]]
                ) -> tuple[int, str, Any]:
    _, page, _ = await v.go("GET", page_path)
    return await v.go("POST", action, [("csrf", hidden(page, "csrf")), *fields])  # type: ignore


async def test_protocol_defines_a_zone_from_the_door_empty_state_and_the_door_offers_it(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    door = await staff(api, smtp, "door@example.org", "door", language="fr")

    status, page, _ = await protocol.go("GET", "/manage/alliance/door?lang=en")
    assert status == 200
    assert "/api/v1" not in element(page, "no-zones")
    assert 'href="/manage/alliance/zones?lang=en"' in page and "Define the zones" in page
    status, page, _ = await door.go("GET", "/manage/alliance/door")
    assert "/api/v1" not in page and 'id="define-zones"' not in page  # not their page
    status, _, _ = await door.go("GET", ZONES)
    assert status == 403
    status, page, _ = await protocol.go("GET", "/manage/alliance?lang=en")
    assert 'href="/manage/alliance/zones?lang=en"' in page  # the console's navigation

    status, page, _ = await protocol.go("GET", ZONES)
    assert status == 200 and "Aucune zone pour l'instant" in element(page, "no-zones")
    status, page, resp = await _post(protocol, ZONES, ZONES, [
        ("code", "centre-presse"), ("kind", "standard"), ("name_fr", "Centre de presse"),
        ("name_en", "Press centre"), ("categories", "press"), ("categories", "staff"),
        ("opens_on", ""), ("closes_on", "")])
    assert status == 303, page
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert "Zone créée" in page
    row = element(page, "zone-centre-presse")
    assert "Centre de presse" in row and "Presse, Personnel" in row
    status, zones, _ = await api.call("GET", "/api/v1/conferences/alliance/zones",
                                      role="protocol")
    [made] = zones["items"]
    assert (made["code"], made["name"], made["grants"]["categories"]) == (
        "centre-presse", {"fr": "Centre de presse", "en": "Press centre"}, ["press", "staff"])

    status, page, _ = await door.go("GET", "/manage/alliance/door")
    assert 'value="centre-presse"' in page and 'id="no-zones"' not in page

    # edit: names, categories, days (opening the day before lets today's scan in... or not)
    edit = f"{ZONES}/{made['id']}"
    status, page, _ = await protocol.go("GET", f"{edit}?lang=en")
    assert status == 200 and 'value="Press centre"' in page
    status, page, resp = await _post(protocol, edit, edit, [
        ("name_fr", "Salle de presse"), ("name_en", "Press room"), ("categories", "press"),
        ("opens_on", "2020-01-01"), ("closes_on", "")])
    assert status == 303, page
    status, zones, _ = await api.call("GET", "/api/v1/conferences/alliance/zones",
                                      role="protocol")
    [made] = zones["items"]
    assert (made["name"]["en"], made["grants"]["categories"], made["opens_on"]) == (
        "Press room", ["press"], "2020-01-01")
    acc = await press(api, decision="approve")
    status, states, _ = await api.call("GET", "/api/v1/conferences/alliance/badges",
                                       role="protocol")
    [short] = [s["short_reference"] for s in states["items"] if s["accreditation_id"] == acc["id"]]
    assert (await scan(api, short, "centre-presse"))["admitted"] is True


async def test_zone_forms_name_the_field_in_both_languages(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    cases = [
        ([("code", "Salle Plénière"), ("name_fr", "Plénière"), ("name_en", "Plenary")],
         "code", "lower-case letters", "lettres minuscules"),
        ([("code", "hall"), ("name_fr", ""), ("name_en", "Hall")],
         "name_fr", "", ""),
        ([("code", "hall"), ("name_fr", "Salle"), ("name_en", "Hall"), ("opens_on", "32/13")],
         "opens_on", "Enter a date", "Saisissez une date"),
        ([("code", "hall"), ("name_fr", "Salle"), ("name_en", "Hall"),
          ("opens_on", "2099-01-02"), ("closes_on", "2099-01-01")],
         "closes_on", "would admit no one", "n'admettrait personne"),
        ([("code", "royal"), ("kind", "royal_perimeter"), ("name_fr", "Périmètre"),
          ("name_en", "Perimeter"), ("categories", "minister")],
         "categories", "tick no category", "ne cochez aucune catégorie"),
    ]
    for fields, field, en, fr in cases:
        for lang, words in (("en", en), ("fr", fr)):
            status, page, _ = await _post(protocol, f"{ZONES}?lang={lang}",
                                          f"{ZONES}?lang={lang}", fields)
            assert status == 422, (fields, page)
            assert f'id="{field}-error"' in page, (field, lang)
            assert words in element(page, f"{field}-error"), (field, lang)
            assert 'aria-invalid="true"' in page or field == "categories"

    status, _, _ = await _post(protocol, ZONES, ZONES, [
        ("code", "hall"), ("name_fr", "Salle"), ("name_en", "Hall")])
    assert status == 303
    status, page, _ = await _post(protocol, f"{ZONES}?lang=en", f"{ZONES}?lang=en", [
        ("code", "hall"), ("name_fr", "Autre"), ("name_en", "Other")])
    assert status == 422 and "already has a zone with this code" in element(page, "code-error")


async def test_the_badges_page_warns_before_zones_exist_and_shows_each_short_reference(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Badges printed before any zone say "No zone granted": the badges page says so and links
    to the zones page; once a zone exists the warning is gone. Each badge's short reference is
    listed, as printed under its QR code (docs/credentials.md, "Short reference")."""
    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    acc = await press(api, decision="approve")
    status, states, _ = await api.call("GET", "/api/v1/conferences/alliance/badges",
                                       role="protocol")
    [short] = [s["short_reference"] for s in states["items"] if s["accreditation_id"] == acc["id"]]

    status, page, _ = await protocol.go("GET", "/manage/alliance/badges?lang=en")
    assert status == 200, page
    assert "no zone yet" in element(page, "badges-no-zones")
    assert 'href="/manage/alliance/zones?lang=en"' in page
    assert element(page, f"short-{acc['id']}") == short
    status, page, _ = await protocol.go("GET", "/manage/alliance/badges")
    assert "aucune zone" in element(page, "badges-no-zones")

    status, _, _ = await _post(protocol, ZONES, ZONES, [
        ("code", "hall"), ("name_fr", "Salle"), ("name_en", "Hall"), ("categories", "press")])
    assert status == 303
    status, page, _ = await protocol.go("GET", "/manage/alliance/badges?lang=en")
    assert 'id="badges-no-zones"' not in page


async def test_a_zone_s_names_and_days_change_through_the_api_as_on_the_page(
    api: Api, smtp: RecordingSMTP
) -> None:
    """``PATCH /api/v1/zones/{zone_id}`` changes what it is given of a zone's names and days
    (the rest stays, categories included), refuses days that admit on no day with a 422 naming
    the field, and answers 404 for a zone that does not exist (docs/credentials.md)."""
    await _setup(api, smtp)
    _, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    status, zone, _ = await api.call("POST", "/api/v1/conferences/alliance/zones",
                                     role="protocol", json={
                                         "code": "hall", "name": {"fr": "Salle", "en": "Hall"},
                                         "grants": {"categories": ["press"]}})
    assert status == 201, zone
    path = f"/api/v1/zones/{zone['id']}"

    status, changed, _ = await api.call("PATCH", path, role="protocol",
                                        json={"opens_on": conference["starts_on"]})
    assert status == 200, changed
    assert (changed["name"], changed["opens_on"], changed["closes_on"],
            changed["grants"]["categories"]) == (
        {"fr": "Salle", "en": "Hall"}, conference["starts_on"], None, ["press"])
    status, changed, _ = await api.call("PATCH", path, role="admin", json={
        "name": {"fr": "Salle plénière", "en": "Plenary hall"}, "opens_on": None})
    assert status == 200, changed
    assert (changed["name"], changed["opens_on"], changed["grants"]["categories"]) == (
        {"fr": "Salle plénière", "en": "Plenary hall"}, None, ["press"])
    status, zones, _ = await api.call("GET", "/api/v1/conferences/alliance/zones",
                                      role="protocol")
    assert [z["name"]["en"] for z in zones["items"]] == ["Plenary hall"]

    status, problem, resp = await api.call("PATCH", path, role="protocol", json={
        "opens_on": "2099-01-02", "closes_on": "2099-01-01"})
    assert status == 422 and resp.content_type == "application/problem+json"
    assert [e["field"] for e in problem["errors"]] == ["closes_on"]
    status, problem, _ = await api.call("PATCH", path, role="protocol", json={"name": None})
    assert status == 422 and [e["field"] for e in problem["errors"]] == ["name"], problem
    status, problem, _ = await api.call("PATCH", path, role="protocol",
                                        json={"name": {"fr": "Salle"}})
    assert status == 422 and problem["errors"][0]["field"].startswith("name"), problem
    status, problem, _ = await api.call("PATCH", path, role="protocol", json={"code": "x"})
    assert status == 422, problem
    status, _, _ = await api.call("PATCH", path, role="press_office", json={})
    assert status == 403
    status, _, _ = await api.call(
        "PATCH", "/api/v1/zones/00000000-0000-4000-8000-000000000000", role="protocol",
        json={"opens_on": None})
    assert status == 404
    status, zones, _ = await api.call("GET", "/api/v1/conferences/alliance/zones",
                                      role="protocol")
    assert [(z["name"]["en"], z["opens_on"], z["closes_on"]) for z in zones["items"]] == [
        ("Plenary hall", None, None)]


async def test_the_badges_page_says_which_badges_to_print_have_no_photo(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A badge printed without a photo has an empty box the door cannot compare with a face: the
    page counts those to print and marks each (user test: a batch of empty photo boxes)."""
    from tests.http.test_credentials import image, put

    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    first = await press(api, 1, decision="approve")
    second = await press(api, 2, decision="approve")
    status, page, _ = await protocol.go("GET", "/manage/alliance/badges?lang=en")
    assert element(page, "badges-no-photo").startswith("2 badges to print have no photo")
    status, _ = await put(api, f"/api/v1/accreditations/{first['id']}/photo",
                          image(600, 800), "image/jpeg", first["access_token"])
    assert status in (200, 201, 204)
    status, page, _ = await protocol.go("GET", "/manage/alliance/badges")
    assert element(page, "badges-no-photo").startswith(
        "1 badge à imprimer n'a pas de photo")
    assert "sans photo" in element(page, f"badge-{second['id']}")
    assert "sans photo" not in element(page, f"badge-{first['id']}")
    status, _ = await put(api, f"/api/v1/accreditations/{second['id']}/photo",
                          image(600, 800), "image/jpeg", second["access_token"])
    status, page, _ = await protocol.go("GET", "/manage/alliance/badges")
    assert 'id="badges-no-photo"' not in page and "sans photo" not in page


async def test_who_a_zone_admits_reads_as_each_language_writes_it(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The zones page said « Presse, Personnel; 2 pool(s) de presse »: no space before the
    French semicolon, and the count with "(s)" (tried as an administrator, 1 December 2026).
    It now joins the parts as each language writes them, the counts in words."""
    from tests.browser.helpers import pool, zone

    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    centre = await zone(api, "press-centre", categories=["press", "staff"])
    royal = await zone(api, "royal", kind="royal_perimeter")
    one, two = await pool(api, "Pool 1"), await pool(api, "Pool 2")
    for z, body in ((centre, {"categories": ["press", "staff"], "pools": [one["id"], two["id"]]}),
                    (royal, {"pools": [one["id"]]})):
        status, changed, _ = await api.call("PUT", f"/api/v1/zones/{z['id']}/grants",
                                            role="protocol", json=body)
        assert status == 200, changed
    expected = {
        "fr": {"press-centre": "Presse, Personnel\u00a0; 2\u00a0pools de presse",
               "royal": "un pool de presse"},
        "en": {"press-centre": "Press, Staff; 2 press pools", "royal": "one press pool"},
    }
    for lang, cells in expected.items():
        status, page, _ = await protocol.go("GET", f"{ZONES}?lang={lang}")
        assert status == 200, page
        for code, said in cells.items():
            row = page[page.index(f'id="zone-{code}"'):]
            cell = row[row.index('class="zone-admits">') + 20:row.index("</td>")]
            assert cell == said, (lang, code, cell)
