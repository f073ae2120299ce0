"""A delegation member's function in French and in English (docs/protocol.md, "A function in
each language"). The function was stored once, in whatever language the focal point typed it:
an English visa letter, the English list of participants, the English speaking order quoted
« Ministre de l'Eau et de l'Environnement ». ``function_fr`` and ``function_en`` now say it in
each language; a text in language L prints the function in L when given, else the one typed."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api
from tests.http.conftest_programme import accredit, make_delegation
from tests.http.test_console import staff
from tests.http.test_visa_letter_wording import _letter
from tests.support import RecordingSMTP

TYPED = "Ministre de l'Eau et de l'Environnement"
ENGLISH = "Minister for Water and the Environment"


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
