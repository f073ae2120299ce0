"""A delegation member's function in French and in English (docs/protocol.md, "A function in
each language"). The function was stored once, in whatever language the focal point typed it:
an English visa letter, the English list of participants, the English speaking order quoted
« Ministre de l'Eau et de l'Environnement ». ``function_fr`` and ``function_en`` now say it in
each language; a text in language L prints the function in L when given, else the one typed."""

from __future__ import annotations

import re
from typing import Any
from uuid import UUID

import asyncpg

from tests.browser.helpers import element, hidden
from tests.conftest import Api
from tests.http.conftest_programme import (
    accredit,
    at,
    make_delegation,
    make_room,
    make_session,
    put_participant,
)
from tests.http.test_console import _signed_in, staff
from tests.http.test_lifecycle_substitution_confirm import carried
from tests.http.test_visa_letter_wording import _letter
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

TYPED = "Ministre de l'Eau et de l'Environnement"
ENGLISH = "Minister for Water and the Environment"
TYPED_HTML = TYPED.replace("'", "&#39;")


COUNTRIES = {"Khattabi": "BE", "Henry": "FR", "Lambert": "LU", "Dubois": "NL"}


async def _minister(api: Api, family: str, language: str = "en", **functions: str
                    ) -> tuple[dict[str, Any], str]:
    be = await make_delegation(api, COUNTRIES[family])
    member = await accredit(api, "Zakia", family, delegation=be, category="minister",
                            rank="minister", function=TYPED, language=language, **functions)
    return member, be["focal_point_token"]


async def test_the_api_takes_answers_and_amends_the_function_in_each_language(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await make_delegation(api, "BE")
    body = {"category": "official", "given_name": "Jan", "family_name": "Peeters",
            "email": "jan.peeters@example.org", "language": "en", "delegation_id": be["id"],
            "rank": "senior_official", "function": "Conseiller du ministre",
            "function_en": "  Adviser to the Minister  "}
    status, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                        role="protocol", json=body)
    assert status == 201, created
    assert (created["function"], created["function_fr"], created["function_en"]) == (
        "Conseiller du ministre", None, "Adviser to the Minister")
    status, read, _ = await api.call("GET", f"/api/v1/accreditations/{created['id']}",
                                     role="protocol")
    assert status == 200 and read["function_en"] == "Adviser to the Minister", read

    status, amended, _ = await api.call(
        "PATCH", f"/api/v1/accreditations/{created['id']}", role="protocol",
        json={"function_fr": "Conseiller du ministre des Finances", "function_en": None})
    assert status == 200, amended
    assert (amended["function"], amended["function_fr"], amended["function_en"]) == (
        "Conseiller du ministre", "Conseiller du ministre des Finances", None)
    [line] = [h for h in amended["history"] if h["action"] == "amend"]
    assert line["reason"] == "function_fr, function_en"

    # too long: 422 naming the field, as the function's own rule says
    status, problem, resp = await api.call(
        "PATCH", f"/api/v1/accreditations/{created['id']}", role="protocol",
        json={"function_en": "A" * 201})
    assert status == 422, problem
    assert resp.headers["Content-Type"].startswith("application/problem+json")
    assert [e["field"] for e in problem["errors"]] == ["function_en"], problem

    status, problem, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={**body, "email": "other@example.org", "function_fr": "x" * 201})
    assert status == 422 and [e["field"] for e in problem["errors"]] == ["function_fr"], problem

    # a journalist has no function, in any language
    status, problem, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="admin", json={
            "category": "press", "given_name": "Lena", "family_name": "Berg",
            "email": "lena@example.org", "function_en": "Editor",
            "press": {"outlet": "Le Soir", "press_card_number": "BE-1", "role": "journalist"}})
    assert status == 422 and [e["field"] for e in problem["errors"]] == ["function_en"], problem


async def test_a_substitute_keeps_the_members_translations_only_with_the_members_function(
    api: Api, conference: dict[str, Any]
) -> None:
    member, token = await _minister(api, "Khattabi", function_en=ENGLISH)
    status, kept, _ = await api.call(
        "POST", f"/api/v1/accreditations/{member['id']}/substitute", role=token,
        json={"given_name": "Marc", "family_name": "Dubois", "email": "marc@example.org"})
    assert status == 201, kept
    assert (kept["function"], kept["function_en"]) == (TYPED, ENGLISH), kept

    other, token = await _minister(api, "Henry", function_en=ENGLISH)
    status, changed, _ = await api.call(
        "POST", f"/api/v1/accreditations/{other['id']}/substitute", role=token,
        json={"given_name": "Anne", "family_name": "Lambert", "email": "anne@example.org",
              "function": "Secrétaire d'État au Climat"})
    assert status == 201, changed
    assert (changed["function"], changed["function_en"]) == (
        "Secrétaire d'État au Climat", None), changed

    # the substitution form's translation, given, is taken
    third, token = await _minister(api, "Dubois", function_en=ENGLISH)
    status, given, _ = await api.call(
        "POST", f"/api/v1/accreditations/{third['id']}/substitute", role=token,
        json={"given_name": "Paul", "family_name": "Martin", "email": "paul@example.org",
              "function_en": "Minister for Water"})
    assert status == 201, given
    assert (given["function"], given["function_en"]) == (TYPED, "Minister for Water"), given


async def test_the_visa_letter_quotes_the_function_in_its_language(
    api: Api, conference: dict[str, Any]
) -> None:
    english, token = await _minister(api, "Khattabi", "en", function_en=ENGLISH)
    text = await _letter(api, english["id"], token)
    assert f"passport number PA1234567, {ENGLISH}, member of the delegation of" in text, text
    assert TYPED not in text

    french, token = await _minister(api, "Henry", "fr", function_en=ENGLISH)
    text = await _letter(api, french["id"], token)
    assert f"fonction : {TYPED} ; délégation" in text, text

    # only the typed one: quoted as typed, whatever the letter's language
    only, token = await _minister(api, "Lambert", "en")
    text = await _letter(api, only["id"], token)
    assert f"passport number PA1234567, {TYPED}, member of the delegation of" in text, text


async def test_the_list_of_participants_and_the_speaking_order_pick_the_language(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    await _minister(api, "Khattabi", function_en=ENGLISH, function_fr=TYPED.upper())
    status, listing, _ = await api.call("GET", "/api/v1/conferences/alliance/participants",
                                        role="protocol")
    assert status == 200, listing
    [entry] = [m for d in listing["delegations"] for m in d["members"]]
    assert entry["function"] == TYPED.upper()  # the conference's first language: French

    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", "/manage/alliance/participants?lang=en")
    assert status == 200, page
    assert f"(head of delegation), {ENGLISH}</li>" in page, page
    assert TYPED.upper().replace("'", "&#39;") not in page


async def _import(api: Api, text: str, delegation_id: str) -> dict[str, Any]:
    status, body, _ = await api.call(
        "POST", f"/api/v1/conferences/alliance/imports?dry_run=false&delegation_id={delegation_id}",
        role="protocol", data=text.encode(), headers={"Content-Type": "text/csv"})
    assert status == 200, body
    return dict(body)


async def _by_email(api: Api, email: str) -> dict[str, Any]:
    status, page, _ = await api.call(
        "GET", "/api/v1/conferences/alliance/accreditations?limit=100", role="protocol")
    assert status == 200, page
    [found] = [a for a in page["items"] if a["email"] == email]
    return dict(found)


async def test_the_import_reads_the_function_in_each_language_under_french_or_english_headers(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await make_delegation(api, "BE")
    result = await _import(api, (
        "Courriel;Prénom;Nom;Catégorie;Rang;Fonction;Fonction en anglais;Fonction en français\n"
        f"z.k@example.org;Zakia;Khattabi;ministre;minister;{TYPED};{ENGLISH};\n"), be["id"])
    assert result["unknown_columns"] == [] and result["counts"]["create"] == 1, result
    member = await _by_email(api, "z.k@example.org")
    assert (member["function"], member["function_fr"], member["function_en"]) == (
        TYPED, None, ENGLISH)

    result = await _import(api, (
        "Email,Given name,Family name,Category,Rank,Function,Function in French,"
        "Function in English\n"
        f"z.k@example.org,Zakia,Khattabi,minister,minister,{TYPED},{TYPED.upper()},{ENGLISH}\n"),
        be["id"])
    [row] = result["rows"]
    assert (row["outcome"], row["changed"]) == ("update", ["function_fr"]), result
    assert (await _by_email(api, "z.k@example.org"))["function_fr"] == TYPED.upper()

    # a file without the columns keeps them; a value too long is the row's error on its column
    result = await _import(api, (
        "Email,Given name,Family name,Category,Rank,Function\n"
        f"z.k@example.org,Zakia,Khattabi,minister,minister,{TYPED}\n"), be["id"])
    assert result["counts"]["unchanged"] == 1, result
    status, body, _ = await api.call(
        "POST", f"/api/v1/conferences/alliance/imports?dry_run=true&delegation_id={be['id']}",
        role="protocol", headers={"Content-Type": "text/csv"}, data=(
            "Email,Given name,Family name,Category,Rank,Function,Function in English\n"
            f"z.k@example.org,Zakia,Khattabi,minister,minister,{TYPED},{'A' * 201}\n").encode())
    assert status == 200, body
    [row] = body["rows"]
    assert [(e["field"], e["code"]) for e in row["errors"]] == [("function_en", "too-long")]

    # the export writes both columns, which the import reads back
    status, text, _ = await api.call("GET", "/api/v1/conferences/alliance/accreditations.csv",
                                     role="protocol")
    assert status == 200
    assert text.splitlines()[0].lstrip("\ufeff").startswith(
        "email,given_name,family_name,category,rank,function,function_fr,function_en,")


# --- the screens ------------------------------------------------------------------------------

PORTAL = "/delegation/alliance-be"


async def test_the_portal_s_member_forms_save_and_show_the_function_in_each_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    _, form, _ = await focal.go("GET", f"{PORTAL}/members/new?lang=en")
    # labelled, optional, described by their hint; no ``required``
    assert element(form, "function_en-hint") == (
        "If the function above is written in another language: English letters and lists "
        "print this one.")
    assert re.search(r'<label for="function_fr">Function in French <span class="optional">'
                     r'\(optional\)</span></label>', form), form
    assert re.search(r'<input id="function_en" name="function_en" type="text" value="" '
                     r'maxlength="200" autocomplete="off" aria-describedby="function_en-hint">',
                     form), form
    typed = {"category": "minister", "given_name": "Zakia", "family_name": "Khattabi",
             "email": "z.k@example.org", "language": "en", "gender": "female",
             "rank": "minister", "function": TYPED, "function_fr": "", "function_en": ENGLISH}
    status, _, _ = await focal.go("POST", f"{PORTAL}/members?lang=en", {
        "csrf": hidden(form, "csrf"), **typed})
    assert status == 303
    member_id = (await _by_email(api, "z.k@example.org"))["id"]
    status, page, _ = await focal.go("GET", f"{PORTAL}/members/{member_id}?lang=en")
    assert status == 200
    assert element(page, "function-en") == ENGLISH and 'id="function-fr"' not in page
    # the delegation's list: in the page's language
    _, home, _ = await focal.go("GET", f"{PORTAL}?lang=en")
    assert f'data-label="Function">{ENGLISH}</td>' in home
    _, home, _ = await focal.go("GET", f"{PORTAL}?lang=fr")
    assert f'data-label="Fonction">{TYPED_HTML}</td>' in home

    # the edit form, filled with them; too long: the field named, nothing saved
    edit = f"{PORTAL}/members/{member_id}/edit"
    _, form, _ = await focal.go("GET", f"{edit}?lang=fr")
    assert f'value="{ENGLISH}"' in form
    status, page, _ = await focal.go("POST", f"{edit}?lang=fr", {
        "csrf": hidden(form, "csrf"), **typed, "function_fr": "É" * 201})
    assert status == 422, page
    assert element(page, "function_fr-error") == \
        "Erreur : Trop long : 200 caractères au plus.", element(page, "function_fr-error")
    assert "Fonction en français" in element(page, "error-summary")
    status, _, _ = await focal.go("POST", f"{edit}?lang=fr", {
        "csrf": hidden(form, "csrf"), **typed, "function_fr": "Ministre de l'Eau",
        "function_en": ""})
    assert status == 303
    read = await api.call("GET", f"/api/v1/accreditations/{member_id}", role="protocol")
    assert (read[1]["function_fr"], read[1]["function_en"]) == ("Ministre de l'Eau", None)


async def test_the_substitution_forms_take_the_function_in_each_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _setup(api, smtp)
    old = await accredit(api, "Zakia", "Khattabi", delegation=be, function=TYPED,
                         function_en=ENGLISH, language="en")
    focal = await _signed_in(api, link)
    form = f"{PORTAL}/substitute?lang=en"
    status, page, _ = await focal.post_form(form, form, member=old["id"], given_name="Marc",
                                            family_name="Dubois", email="marc@example.org",
                                            language="en", function_fr="x" * 201)
    assert status == 422, page
    assert element(page, "function_fr-error").startswith("Error: "), page
    status, page, _ = await focal.post_form(form, form, member=old["id"], given_name="Marc",
                                            family_name="Dubois", email="marc@example.org",
                                            language="en")
    assert status == 200, page
    # the confirmation says the member's English function is kept with their function
    assert f"Function in English{ENGLISH} (as the member replaced" in element(page, "details")
    fields = carried(page)
    status, _, _ = await focal.go("POST", form, {**fields, "confirm": "1"})
    assert status == 303
    [new] = [m for m in (await api.call(
        "GET", "/api/v1/conferences/alliance/accreditations", role="protocol"))[1]["items"]
        if m["email"] == "marc@example.org"]
    assert (new["function"], new["function_en"]) == (TYPED, ENGLISH)

    # the console's application page: both fields in its substitution form, the function in
    # each language among the member's details
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go(
        "GET", f"/manage/alliance/accreditations/{new['id']}?lang=en")
    assert status == 200, page
    assert element(page, "function-en") == ENGLISH
    assert 'id="sub_function_en" name="function_en"' in page
    assert 'id="sub_function_fr" name="function_fr"' in page


async def test_the_console_s_speaking_order_names_the_function_in_the_page_s_language(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    room = await make_room(api)
    session = await make_session(api, room, at(conference, 12), at(conference, 13))
    member, _ = await _minister(api, "Khattabi", function_en=ENGLISH)
    await put_participant(api, session, member, "chair")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"/manage/alliance/sessions/{session['id']}"
    _, page, _ = await protocol.go("GET", f"{path}/speaking-order?lang=en")
    assert f"Zakia Khattabi, {ENGLISH}" in page, page
    _, page, _ = await protocol.go("GET", f"{path}/speaking-order?lang=fr")
    assert f"Zakia Khattabi, {TYPED_HTML}" in page, page
    _, page, _ = await protocol.go("GET", f"{path}?lang=en")
    assert f"Zakia Khattabi, {ENGLISH}" in page, page
    status, body, _ = await api.call("GET", f"/api/v1/sessions/{session['id']}/seating",
                                     role="protocol")
    assert status == 200 and body["seats"][0]["person"]["function"] == TYPED  # French


async def test_the_personal_data_export_gives_and_the_erasure_removes_them(
    api: Api, conference: dict[str, Any]
) -> None:
    member, _ = await _minister(api, "Khattabi", function_en=ENGLISH,
                                function_fr="Ministre wallonne de l'Eau")
    status, export, _ = await api.call(
        "GET", f"/api/v1/accreditations/{member['id']}/personal-data", role="admin")
    assert status == 200 and ENGLISH in str(export), export
    status, body, _ = await api.call(
        "DELETE", f"/api/v1/accreditations/{member['id']}/personal-data", role="admin")
    assert status == 200, body
    conn = await asyncpg.connect(api.db_url)
    try:
        row = await conn.fetchrow("SELECT function_fr, function_en FROM accreditation "
                                  "WHERE id = $1", UUID(member["id"]))
    finally:
        await conn.close()
    assert row is not None and tuple(row) == (None, None)
