"""Spreadsheets as a conference secretariat lays them out (docs/lifecycle.md, "Import"): a title
above the header row, cells merged over several rows, formulas saved without their values.
Each was the whole file refused, or a row's error that did not say why (tried by a
secretariat)."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import _signed_in
from tests.http.test_lifecycle_pages import PORTAL, members_of, upload
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TITLE = "CONFÉRENCE MINISTÉRIELLE SUR LA SÉCURITÉ ALIMENTAIRE, BRUXELLES, 2026"
HEADER = ["Courriel", "Prénom", "Nom", "Catégorie", "Rang", "Fonction"]


def titled(rows: list[list[Any]]) -> bytes:
    """A sheet as a secretariat makes it: row 1 the conference's title merged across the
    columns, row 2 the header, the members under it."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([TITLE])
    sheet.merge_cells("A1:F1")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _imports(deleg: dict[str, Any], dry_run: bool) -> str:
    return (f"/api/v1/conferences/alliance/imports?dry_run={str(dry_run).lower()}"
            f"&delegation_id={deleg['id']}")


async def test_a_title_above_the_header_row_is_ignored_and_rows_keep_their_numbers(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    data = titled([["a.peeters@example.org", "Anna", "Peeters", "expert", "expert", ""],
                   ["b.claes@example.org", "", "Claes", "expert", "expert", ""]])
    status, body, _ = await api.call("POST", _imports(be, True), role="protocol", data=data,
                                     headers={"Content-Type": XLSX})
    assert status == 200, body
    assert body["unknown_columns"] == []  # the title is no column
    # numbered as the spreadsheet shows them: the title is row 1, the header row 2
    assert [(r["row"], r["outcome"]) for r in body["rows"]] == [(3, "create"), (4, "error")]
    assert [(e["field"], e["code"]) for e in body["rows"][1]["errors"]] == [
        ("given_name", "required")]

    fixed = titled([["a.peeters@example.org", "Anna", "Peeters", "expert", "expert", ""],
                    ["b.claes@example.org", "Bart", "Claes", "expert", "expert", ""]])
    status, body, _ = await api.call("POST", _imports(be, False), role="protocol", data=fixed,
                                     headers={"Content-Type": XLSX})
    assert status == 200 and body["applied"], body
    assert set(await members_of(api, be)) == {"a.peeters@example.org", "b.claes@example.org"}

    # A CSV with a title line and an empty line above its header alike.
    csv = ("Délégation de la Belgique;;;\r\n;;;\r\nCourriel;Prénom;Nom;Catégorie\r\n"
           "c.maes@example.org;Chloé;Maes;expert\r\n").encode()
    status, body, _ = await api.call("POST", _imports(be, True), role="protocol", data=csv,
                                     headers={"Content-Type": "text/csv"})
    assert status == 200, body
    assert [(r["row"], r["outcome"]) for r in body["rows"]] == [(4, "create")]


async def test_a_file_without_a_header_row_says_which_columns_to_name(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _setup(api, smtp)
    headless = b"a.peeters@example.org,Anna,Peeters,expert\nb.claes@example.org,Bart,Claes,expert\n"
    status, body, _ = await api.call("POST", _imports(be, True), role="protocol", data=headless,
                                     headers={"Content-Type": "text/csv"})
    assert status == 422, body
    assert [(e["field"], e["code"], e["params"]) for e in body["errors"]] == [
        ("body", "no-header", {"rows": 10})]
    assert body["errors"][0]["message"] == (
        "no header row in rows 1 to 10: the columns email, given_name, family_name, category (in"
        " French: courriel, prénom, nom, catégorie) must be named in a header row, above the "
        "members")

    focal = await _signed_in(api, link)
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr",
                                   headless)
    assert status == 422, page
    assert element(page, "file-error") == (
        "Erreur : Ce fichier ne peut pas être importé : aucune ligne d'en-tête dans les lignes 1 "
        "à 10 : les colonnes courriel, prénom, nom et catégorie doivent être nommées (en "
        "français ou en anglais) dans une ligne d'en-tête, au-dessus des membres.")
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   headless)
    assert element(page, "file-error") == (
        "Error: This file cannot be imported: no header row in rows 1 to 10: the columns email, "
        "given name, family name and category (or courriel, prénom, nom, catégorie) must be "
        "named in a header row, above the members.")


async def test_a_delegation_merged_over_its_members_rows_is_each_row_s(
    api: Api, smtp: RecordingSMTP
) -> None:
    """« Allemagne » merged over A2:A3 is the delegation of both rows, as the secretariat
    means it: the second row was "delegation: required"."""
    be, _ = await _setup(api, smtp)
    de = await make_delegation(api, country="DE")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Délégation", "Courriel", "Prénom", "Nom", "Catégorie"])
    sheet.append(["Allemagne", "k.weber@example.org", "Klara", "Weber", "expert"])
    sheet.append([None, "t.braun@example.org", "Tobias", "Braun", "expert"])
    sheet.append(["Belgique", "a.peeters@example.org", "Anna", "Peeters", "expert"])
    sheet.merge_cells("A2:A3")
    out = io.BytesIO()
    book.save(out)
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/imports?dry_run=false", role="protocol",
        data=out.getvalue(), headers={"Content-Type": XLSX})
    assert status == 200, body
    assert [(r["row"], r["outcome"], r["errors"]) for r in body["rows"]] == [
        (2, "create", []), (3, "create", []), (4, "create", [])]
    assert set(await members_of(api, de)) == {"k.weber@example.org", "t.braun@example.org"}
    assert set(await members_of(api, be)) == {"a.peeters@example.org"}


async def test_a_formula_saved_without_its_value_is_said_so_not_required(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A sheet written by a program that does not compute keeps a formula without its value:
    read empty, it was "given_name: required" of a cell its author sees filled."""
    be, link = await _setup(api, smtp)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Courriel", "Prénom", "Nom", "Catégorie", "Rang", "Fonction"])
    sheet.append(["k.weber@example.org", '=PROPER("klara")', "Weber", "expert", "expert", ""])
    sheet.append(["a.peeters@example.org", "Anna", "Peeters", "fonctionnaire", "official",
                  '=CONCAT("Conseillère", "")'])
    sheet.append(["b.claes@example.org", "Bart", "Claes", "expert", "expert", ""])
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    status, body, _ = await api.call("POST", _imports(be, True), role="protocol", data=data,
                                     headers={"Content-Type": XLSX})
    assert status == 200, body
    assert [(r["row"], [(e["field"], e["code"], e["message"]) for e in r["errors"]])
            for r in body["rows"]] == [
        (2, [("given_name", "formula", "the cell holds a formula with no saved value: save the "
              "file in Excel or LibreOffice so that its values are kept, or type the value")]),
        (3, [("function", "formula", "the cell holds a formula with no saved value: save the "
              "file in Excel or LibreOffice so that its values are kept, or type the value")]),
        (4, [])]

    focal = await _signed_in(api, link)
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr", data,
                                   name="membres.xlsx")
    assert status == 422, page
    assert element(page, "row-2").endswith(
        "prénom : la cellule contient une formule dont la valeur n'a pas été enregistrée : "
        "enregistrez le fichier dans Excel ou LibreOffice pour que ses valeurs soient "
        "conservées, ou tapez la valeur")
    assert await members_of(api, be) == {}
