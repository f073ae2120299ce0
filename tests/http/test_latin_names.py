"""A person's name is written in Latin letters, as in the passport (docs/credentials.md,
"Names"): a name in another script only reached the badge, the door and the letters as typed,
where door staff compare it with a passport's Latin line. Accents of every Latin alphabet
pass; another script is refused naming the field, in the page's language, on the press form,
the portal's member form, the import and the visa letter; a Cyrillic letter hidden in a Latin
name (a copy-paste homoglyph) is refused too."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.helpers import element, hidden, press
from tests.conftest import Api, press_body
from tests.http.test_pages import _count, _submit
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP

PORTAL = "/delegation/alliance-be"
ARABIC, CHINESE, GREEK = "ليلى الحسيني", "王伟", "Γιώργος"
HOMOGLYPH = "Ivan\u043eva"  # the "o" is CYRILLIC SMALL LETTER O


async def test_the_api_refuses_a_name_in_another_script_and_takes_every_latin_accent(
    api: Api, conference: dict[str, Any]
) -> None:
    for field, value in (("given_name", ARABIC), ("family_name", CHINESE),
                         ("family_name", HOMOGLYPH)):
        status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                         json=press_body(**{field: value}))
        assert status == 422, body
        [error] = body["errors"]
        assert error["field"] == field and "Latin letters" in error["message"], error
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations",
        json=press_body(given_name="Łukasz Zoë", family_name="Ørsted-Nguyễn N'Diaye"))
    assert status == 201, body
    assert (body["given_name"], body["family_name"]) == ("Łukasz Zoë", "Ørsted-Nguyễn N'Diaye")


async def test_the_press_form_says_so_beside_the_field_in_french_and_english(
    api: Api, conference: dict[str, Any]
) -> None:
    status, page, _ = await _submit(api, "fr", family_name=ARABIC)
    assert status == 422
    assert element(page, "family_name-error") == (
        "Erreur : Écrivez le nom en caractères latins, comme dans le passeport (par exemple "
        "Layla Al-Husseini).")
    assert "U+0644" not in page and "Value error" not in page
    status, page, _ = await _submit(api, "en", given_name=GREEK)
    assert status == 422
    assert element(page, "given_name-error") == (
        "Error: Write the name in Latin letters, as in the passport (for example Layla "
        "Al-Husseini).")
    assert await _count(api) == 0


async def test_the_member_form_and_the_import_refuse_it_naming_the_field(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    deleg, link = await _setup(api, smtp)
    v = await _signed_in(api, link)
    _, form, _ = await v.go("GET", f"{PORTAL}/members/new?lang=en")
    status, page, _ = await v.go("POST", f"{PORTAL}/members?lang=en", {
        "csrf": hidden(form, "csrf"), "category": "expert", "given_name": CHINESE,
        "family_name": "Wang", "email": "wang@example.org", "language": "en"})
    assert status == 422
    assert "Write the name in Latin letters" in element(page, "given_name-error")

    csv = ("email,given_name,family_name,category,rank,function,language\n"
           f"s.janssens@example.org,Sofie,Janssens,official,official,Adviser,en\n"
           f"g.p@example.org,{GREEK},Papadopoulos,expert,,,en\n")
    resp = await api.client.post(
        f"/api/v1/conferences/alliance/imports?dry_run=true&delegation_id={deleg['id']}",
        data=csv.encode(), headers={**api.auth(deleg["focal_point_token"]),
                                    "Content-Type": "text/csv"})
    assert resp.status == 200, await resp.text()
    rows = (await resp.json())["rows"]
    assert [r["outcome"] for r in rows] == ["create", "error"]
    [error] = rows[1]["errors"]
    assert error["field"] == "given_name" and "Latin letters" in error["message"]
    assert await db.fetchval("SELECT count(*) FROM accreditation") == 0


async def test_the_visa_letter_wants_the_passport_name_in_latin_letters(
    api: Api, conference: dict[str, Any]
) -> None:
    created = await press(api, language="fr")
    body = {"passport_name": "Марія Іваненко", "passport_number": "FE123456",
            "nationality": "UA", "date_of_birth": "1984-02-03",
            "consulate": "Ambassade de Belgique à Kyiv"}
    status, problem, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/visa-letter",
        role=created["access_token"], json=body)
    assert status == 422
    assert [e["field"] for e in problem["errors"]] == ["passport_name"]
    status, _, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/visa-letter",
        role=created["access_token"], json={**body, "passport_name": "Mariia Ivanenko"})
    assert status == 201
