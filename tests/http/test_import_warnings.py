"""Warnings where a delegation's people are entered in bulk or amended (docs/lifecycle.md,
"Import"; docs/protocol.md, "Rank and category"): the import's rows and the amendment's answer
say what a filing says, a rank that does not fit the category and names that look swapped,
and neither stops anything."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.test_console import _signed_in, staff
from tests.http.test_lifecycle_pages import PORTAL, apply, members_of, upload
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

FILE = ("Courriel,Prénom,Nom,Catégorie,Rang,Fonction\n"
        "didier.reynders@example.org,Didier,Reynders,expert,ministre,Ministre\n"
        "sammy.mahdi@example.org,SAMMY,Mahdi,fonctionnaire,fonctionnaire,Conseiller\n"
        "karel.smet@example.org,Karel,Smet,expert,expert,\n"
        "jan.peeters@example.org,JAN,Peeters,ministre,expert,Conseiller\n")
RANK_EXPERT = ("The rank minister is a ministerial rank, but the category is expert: a person of"
               " ministerial rank (head of state down to deputy minister or secretary of state)"
               " is accredited in the category minister. Please check the category; the"
               " application is filed as given.")
MINISTER_EXPERT = ("The category minister is for a person of ministerial rank, but the rank is"
                   " expert: an official or an expert is accredited in the category official or"
                   " expert. Please check the rank and the category; the application is filed"
                   " as given.")
SWAPPED = ("given_name is in capitals, as family names are on most identity documents: are"
           " given_name and family_name swapped?")


def _imports(deleg: dict[str, Any], dry_run: bool) -> str:
    return (f"/api/v1/conferences/alliance/imports?dry_run={str(dry_run).lower()}"
            f"&delegation_id={deleg['id']}")


async def test_the_api_answer_gives_each_row_its_warnings_and_imports_all_the_same(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    expected = {
        2: [{"field": "category", "code": "rank-category", "message": RANK_EXPERT,
             "params": {"given_name": "Didier", "family_name": "Reynders", "rank": "minister",
                        "category": "expert"}}],
        3: [{"field": "given_name", "code": "names-swapped", "message": SWAPPED,
             "params": {"given_name": "SAMMY", "family_name": "Mahdi"}}],
        4: [],
        5: [{"field": "given_name", "code": "names-swapped", "message": SWAPPED,
             "params": {"given_name": "JAN", "family_name": "Peeters"}},
            {"field": "rank", "code": "rank-category", "message": MINISTER_EXPERT,
             "params": {"given_name": "JAN", "family_name": "Peeters", "rank": "expert",
                        "category": "minister"}}],
    }
    for dry_run in (True, False):
        status, body, _ = await api.call("POST", _imports(be, dry_run), role="protocol",
                                         data=FILE.encode(),
                                         headers={"Content-Type": "text/csv"})
        assert status == 200, body
        assert body["applied"] is not dry_run  # a warning stops nothing
        assert body["counts"] == {"create": 4, "update": 0, "unchanged": 0, "error": 0}
        assert {r["row"]: r["warnings"] for r in body["rows"]} == expected
        assert all(r["errors"] == [] for r in body["rows"])
    assert set(await members_of(api, be)) == {
        "didier.reynders@example.org", "sammy.mahdi@example.org", "karel.smet@example.org",
        "jan.peeters@example.org"}

    # imported again, unchanged: the file still says what it says; mended, nothing to check
    status, body, _ = await api.call("POST", _imports(be, True), role="protocol",
                                     data=FILE.encode(), headers={"Content-Type": "text/csv"})
    assert body["counts"]["unchanged"] == 4 and body["rows"][0]["warnings"] == expected[2]
    # a column the file does not have keeps the person's value, and so does the warning
    status, body, _ = await api.call(
        "POST", _imports(be, True), role="protocol",
        data=b"email,given_name,family_name,category\n"
             b"didier.reynders@example.org,Didier,Reynders,expert\n",
        headers={"Content-Type": "text/csv"})
    assert status == 200, body
    assert body["rows"][0]["outcome"] == "unchanged"
    assert body["rows"][0]["warnings"] == expected[2]
    mended = FILE.replace("Didier,Reynders,expert", "Didier,Reynders,ministre")
    status, body, _ = await api.call("POST", _imports(be, True), role="protocol",
                                     data=mended.encode(), headers={"Content-Type": "text/csv"})
    assert status == 200, body
    assert body["rows"][0]["outcome"] == "update" and body["rows"][0]["warnings"] == []

    # a row in error for another reason, read all the same, says its warnings too: every
    # mistake of the row at once
    status, body, _ = await api.call(
        "POST", _imports(be, True), role="protocol",
        data=b"email,given_name,family_name,category,rank,function\n"
             b"h.lahbib@example.org,Hadja,Lahbib,minister,foreign_minister,Ministre\n"
             b"h.lahbib@example.org,Hadja,Lahbib,expert,foreign_minister,Ministre\n",
        headers={"Content-Type": "text/csv"})
    assert status == 200, body
    first, second = body["rows"]
    assert first["outcome"] == "create" and first["warnings"] == []
    assert second["outcome"] == "error" and [e["code"] for e in second["errors"]] == ["twice"]
    assert [(w["code"], w["field"]) for w in second["warnings"]] == [
        ("rank-category", "category")]


async def test_the_portal_check_names_the_row_and_the_person_in_french_and_english(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr",
                                   FILE.encode())
    assert status == 200, page
    assert element(page, "row-warnings") == (
        "Des lignes sont à vérifier (elles seront importées telles quelles) : "
        "Ligne 2, Didier Reynders : le rang « Ministre » est un rang ministériel, mais la "
        "catégorie est « Expert » ; une personnalité de rang ministériel est accréditée dans "
        "la catégorie « Ministre » : vérifiez la catégorie. "
        "Ligne 3, SAMMY Mahdi : le prénom « SAMMY » est en capitales, comme l'est d'ordinaire "
        "le nom de famille : prénom et nom sont-ils inversés ? "
        "Ligne 5, JAN Peeters : le prénom « JAN » est en capitales, comme l'est d'ordinaire le "
        "nom de famille : prénom et nom sont-ils inversés ? "
        "Ligne 5, JAN Peeters : la catégorie « Ministre » avec le rang « Expert ou experte » ; un "
        "fonctionnaire ou un expert est accrédité dans la catégorie « Fonctionnaire » ou "
        "« Expert » : vérifiez le rang et la catégorie.")
    assert "Ligne 2, Didier Reynders\u00a0: le rang «\u00a0Ministre\u00a0»" in page
    # and in the table, each row says what to check
    assert element(page, "row-2").endswith("création à vérifier : rang et catégorie (voir "
                                           "ci-dessus)")
    assert element(page, "row-5").startswith("5 JAN Peeters")
    row_5 = page[page.index('id="row-5"'):]
    assert ("<li>à vérifier\u00a0: prénom et nom inversés\u00a0? (voir ci-dessus)</li>"
            "<li>à vérifier\u00a0: rang et catégorie (voir ci-dessus)</li></ul>"
            ) in row_5[:row_5.index("</tr>")]
    assert 'id="row-4" class="outcome-create no-details"' in page
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   FILE.encode())
    assert status == 200, page
    assert element(page, "row-warnings") == (
        "Some rows need a second look (they will be imported as they are): "
        "Row 2, Didier Reynders: the rank “Minister” is a ministerial rank, but the category is "
        "“Expert”; a person of ministerial rank is accredited in the category “Minister”: "
        "check the category. "
        "Row 3, SAMMY Mahdi: the given name “SAMMY” is in capitals, as family names usually "
        "are: are the given name and the family name swapped? "
        "Row 5, JAN Peeters: the given name “JAN” is in capitals, as family names usually are: "
        "are the given name and the family name swapped? "
        "Row 5, JAN Peeters: the category “Minister” with the rank “Expert”; an official or an "
        "expert is accredited in the category “Official” or “Expert”: check the rank and the "
        "category.")
    # a warning leaves the import button there, and the import imports every row
    assert 'id="apply-form"' in page
    status, _, resp = await apply(focal, f"{PORTAL}/import?lang=en", page)
    assert status == 303
    assert len(await members_of(api, be)) == 4
    # the page after the import says it again, by the number of rows
    status, page, _ = await focal.go("GET", resp.headers["Location"])
    assert element(page, "flash") == (
        "Import done: 4 created, 0 updated, 0 unchanged. 3 imported rows were flagged for a "
        "second look (rank and category, or given and family name): see the members' pages.")
    status, page, _ = await focal.go("GET", resp.headers["Location"].replace("lang=en",
                                                                             "lang=fr"))
    assert element(page, "flash").endswith(
        "3 lignes importées étaient signalées à vérifier (rang et catégorie, ou prénom et nom) "
        ": voyez la fiche des membres.")

    # the console's check says the same, for the delegation chosen
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await upload(protocol, "/manage/alliance/import",
                                   "/manage/alliance/import?lang=fr", FILE.encode(),
                                   delegation=be["id"])
    assert status == 200, page
    assert element(page, "row-warnings").startswith(
        "Des lignes sont à vérifier (elles seront importées telles quelles) : Ligne 2, Didier "
        "Reynders : le rang « Ministre » est un rang ministériel")

    # a file with nothing to check says nothing
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   b"Courriel,Prenom,Nom,Categorie,Rang\n"
                                   b"b.claes@example.org,Bart,Claes,expert,expert\n")
    assert status == 200 and 'id="row-warnings"' not in page


async def test_an_amendment_answers_the_warnings_of_the_person_as_amended(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    status, created, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Didier", "family_name": "Reynders",
              "email": "didier.reynders@example.org", "language": "fr",
              "delegation_id": be["id"], "rank": "expert"})
    assert status == 201 and created["warnings"] == [], created
    where = f"/api/v1/accreditations/{created['id']}"

    status, amended, _ = await api.call("PATCH", where, role="protocol",
                                        json={"rank": "minister"})
    assert status == 200, amended  # a warning, not a refusal
    assert (amended["category"], amended["rank"]) == ("expert", "minister")
    assert amended["warnings"] == [RANK_EXPERT]

    status, amended, _ = await api.call("PATCH", where, role="protocol",
                                        json={"given_name": "DIDIER"})
    assert status == 200, amended
    assert amended["warnings"] == [SWAPPED, RANK_EXPERT]  # the person as amended, all of it

    status, amended, _ = await api.call(
        "PATCH", where, role="protocol",
        json={"given_name": "Didier", "category": "minister", "function": "Ministre"})
    assert status == 200, amended
    assert amended["category"] == "minister" and amended["warnings"] == []

    status, amended, _ = await api.call("PATCH", where, role="protocol",
                                        json={"rank": "expert"})
    assert status == 200, amended
    assert amended["warnings"] == [MINISTER_EXPERT]
    # the accreditation itself carries no warnings field
    status, read, _ = await api.call("GET", where, role="protocol")
    assert status == 200 and "warnings" not in read


CAPITALS = ("Courriel,Prénom,Nom,Catégorie,Rang,Fonction\n"
            "jb.dupont@example.org,JEAN-BAPTISTE,DUPONT,expert,expert,\n"
            "a.cosic@example.org,Ana,ĆOSIĆ,expert,expert,\n"
            "j.smet@example.org,Jan,Smet,expert,expert,\n")


async def test_names_typed_in_capitals_are_flagged_as_letters_print_them_as_typed(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A name typed all in capitals went into letters as "Dear Ms ĆOSIĆ" without a word
    (tried by a conference secretariat): the row says so, and is imported as given."""
    be, link = await _setup(api, smtp)
    status, body, _ = await api.call("POST", _imports(be, False), role="protocol",
                                     data=CAPITALS.encode(),
                                     headers={"Content-Type": "text/csv"})
    assert status == 200 and body["applied"], body
    assert {r["row"]: [(w["field"], w["code"], w["params"]) for w in r["warnings"]]
            for r in body["rows"]} == {
        2: [("given_name", "names-in-capitals",
             {"given_name": "JEAN-BAPTISTE", "family_name": "DUPONT"})],
        3: [("family_name", "names-in-capitals", {"given_name": "Ana", "family_name": "ĆOSIĆ"})],
        4: []}
    assert body["rows"][1]["warnings"][0]["message"] == (
        "family_name is written entirely in capitals, and letters and lists print names as "
        "typed (\"Dear Ms ĆOSIĆ\"): please write it as the name is spelt, capitals at the start"
        " only (\"Ćosić\"); the member is imported as given")
    status, listed, _ = await api.call(
        "GET", f"/api/v1/conferences/alliance/accreditations?delegation_id={be['id']}",
        role="protocol")
    assert {a["family_name"] for a in listed["items"]} == {"DUPONT", "ĆOSIĆ", "Smet"}

    focal = await _signed_in(api, link)
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr",
                                   CAPITALS.encode())
    assert status == 200, page
    assert element(page, "row-warnings") == (
        "Des lignes sont à vérifier (elles seront importées telles quelles) : "
        "Ligne 2, JEAN-BAPTISTE DUPONT : le prénom et le nom sont tout en capitales, et les "
        "lettres et les listes impriment les noms tels qu'ils sont saisis (« Monsieur DUPONT ») "
        ": écrivez-les comme ils s'écrivent, une capitale au début seulement (« Jean-Baptiste "
        "Dupont ») "
        "Ligne 3, Ana ĆOSIĆ : le nom « ĆOSIĆ » est tout en capitales, et les lettres et les "
        "listes impriment les noms tels qu'ils sont saisis (« Madame ĆOSIĆ ») : écrivez-le "
        "comme il s'écrit, une capitale au début seulement (« Ćosić »)")
    assert element(page, "row-3").endswith("à vérifier : nom en capitales (voir ci-dessus)")
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   CAPITALS.encode())
    assert "Row 3, Ana ĆOSIĆ: the family name “ĆOSIĆ” is all in capitals, and letters and " \
           "lists print names as typed (“Dear Ms ĆOSIĆ”): write it as it is spelt, capitals " \
           "at the start only (“Ćosić”)" in element(page, "row-warnings")
