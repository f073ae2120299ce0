"""Delegations imported from a spreadsheet (docs/lifecycle.md, "Importing delegations"): a
conference secretariat with dozens of participating countries and organisations created each
one by one. The dry run writes nothing; the import creates each delegation with its events and
its focal point's welcome; the same file again changes nothing; a bad row names its row and
column and, all rows or none, nothing of the file is written; the export is the template and
reads back unchanged; a focal point may not import. A real database and a real SMTP server."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import aiohttp
import asyncpg
from openpyxl import Workbook, load_workbook

from conference.auth import Role, issue_token
from tests.browser.helpers import element, hidden
from tests.conftest import Api, direct_url
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import Visitor, staff
from tests.support import RecordingSMTP

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BASE = "/api/v1/conferences/alliance/delegations"

HEADER = ["country", "organisation", "organisation_type", "focal_point_name",
          "focal_point_email", "focal_point_language", "places_minister", "places_official",
          "places_expert", "places_staff"]
FRENCH = ["Pays", "Organisation", "Type d'organisation", "Point focal", "Courriel",
          "Langue", "Places ministre", "Places fonctionnaire", "Places expert",
          "Places personnel"]
ROWS = [
    ["BE", "", "", "Anne Peeters", "anne.peeters@example.org", "fr", "1", "4", "", ""],
    ["DE", "", "", "Jonas Weber", "jonas.weber@example.org", "en", "", "", "", ""],
    ["", "OECD", "international_organisation", "Claire Martin",
     "claire.martin@example.org", "", "", "", "2", ""],
]


def as_csv(rows: list[list[str]], header: list[str] = HEADER, delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def as_xlsx(rows: list[list[str]], header: list[str] = HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append([int(c) if c.isdigit() else c for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def send(api: Api, data: bytes, *, dry_run: bool, role: str = "protocol",
               content_type: str = "text/csv") -> tuple[int, Any]:
    status, body, _ = await api.call(
        "POST", f"{BASE}/import?dry_run={str(dry_run).lower()}", role=role, data=data,
        headers={"Content-Type": content_type})
    return status, body


async def fetch(api: Api, query: str, *args: Any) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(direct_url(api.db_url))
    try:
        return list(await conn.fetch(query, *args))
    finally:
        await conn.close()


async def delegations(api: Api) -> dict[str, dict[str, Any]]:
    rows = await fetch(api, "SELECT d.id, coalesce(d.country, d.organisation->>'name') AS key,"
                            " d.focal_point_email, d.quotas FROM delegation d"
                            " JOIN conference c ON c.id = d.conference_id"
                            " WHERE c.slug = 'alliance'")
    return {r["key"]: dict(r) for r in rows}


async def events(api: Api, kind: str) -> list[asyncpg.Record]:
    return await fetch(api, "SELECT subject_id, payload FROM domain_event WHERE type = $1",
                       kind)


def outcomes(body: dict[str, Any]) -> list[tuple[int, str]]:
    return [(r["row"], r["outcome"]) for r in body["rows"]]


async def test_a_dry_run_writes_nothing_and_the_import_creates_each_delegation(
        api: Api, conference: dict[str, Any], smtp: RecordingSMTP) -> None:
    data = as_csv(ROWS)
    status, body = await send(api, data, dry_run=True)
    assert status == 200, body
    assert body["applied"] is False
    assert outcomes(body) == [(2, "create"), (3, "create"), (4, "create")]
    assert all(r["delegation_id"] is None and r["errors"] == [] for r in body["rows"])
    assert await delegations(api) == {}
    assert await events(api, "delegation.created") == []
    assert await events(api, "person.granted") == []

    status, body = await send(api, data, dry_run=False)
    assert status == 200, body
    assert body["applied"] is True
    assert outcomes(body) == [(2, "create"), (3, "create"), (4, "create")]
    made = await delegations(api)
    assert sorted(made) == ["BE", "DE", "OECD"]
    assert [str(made[k]["id"]) for k in ("BE", "DE", "OECD")] == \
        [r["delegation_id"] for r in body["rows"]]
    # each delegation with the events its creation in the console or the API writes
    created = {r["subject_id"] for r in await events(api, "delegation.created")}
    assert created == {str(d["id"]) for d in made.values()}
    assert len(await events(api, "person.granted")) == 3
    quotas = {r["subject_id"]: json.loads(r["payload"])["quotas"]
              for r in await events(api, "delegation.quotas_changed")}
    assert quotas == {str(made["BE"]["id"]): {"minister": 1, "official": 4},
                      str(made["OECD"]["id"]): {"expert": 2}}
    # the focal points are welcomed as a delegation created by hand welcomes them
    welcomes = await smtp.wait_for(3, where=lambda m: "example.org" in m["To"]
                                   and "organiser" not in m["To"])
    assert {m["To"].split("<")[-1].rstrip(">") for m in welcomes} >= {
        "anne.peeters@example.org", "jonas.weber@example.org", "claire.martin@example.org"}

    status, listed, _ = await api.call("GET", BASE, role="protocol")
    assert {d["name"] for d in listed["items"]} == {"Belgium", "Germany", "OECD"}

    # the same file again: nothing changes, nothing is written
    before = len(await fetch(api, "SELECT id FROM domain_event"))
    status, body = await send(api, data, dry_run=False)
    assert status == 200, body
    assert outcomes(body) == [(2, "unchanged"), (3, "unchanged"), (4, "unchanged")]
    assert [r["delegation_id"] for r in body["rows"]] == \
        [str(made[k]["id"]) for k in ("BE", "DE", "OECD")]
    assert len(await fetch(api, "SELECT id FROM domain_event")) == before


async def test_a_bad_row_names_row_and_column_and_nothing_is_written(
        api: Api, conference: dict[str, Any]) -> None:
    await make_delegation(api, "FR")
    rows = [*ROWS,
            ["XX", "", "", "Nobody", "nobody@example.org", "", "", "", "", ""],
            ["NL", "", "", "Piet Jansen", "piet.jansen@", "", "", "", "", ""],
            ["BE", "", "", "Anne Again", "anne.again@example.org", "", "", "", "", ""],
            ["IT", "", "", "Marco Rossi", "marco.rossi@example.org", "", "", "", "lots", ""]]
    for dry_run in (True, False):
        status, body = await send(api, as_csv(rows), dry_run=dry_run)
        assert status == 200, body
        assert body["applied"] is False
        assert outcomes(body) == [(2, "create"), (3, "create"), (4, "create"), (5, "error"),
                                  (6, "error"), (7, "error"), (8, "error")]
        errors = {r["row"]: [(e["field"], e["code"]) for e in r["errors"]]
                  for r in body["rows"] if r["errors"]}
        assert errors == {5: [("country", "invalid")], 6: [("focal_point_email", "email")],
                          7: [("country", "twice")], 8: [("places_expert", "places")]}
        twice = next(r for r in body["rows"] if r["row"] == 7)["errors"][0]
        assert twice["params"] == {"row": 2} and twice["message"] == "also on row 2"
        # all rows or none: the good rows are not written either
        assert sorted(await delegations(api)) == ["FR"]
        assert len(await events(api, "delegation.created")) == 1  # France's, by hand


async def test_an_existing_delegation_is_updated_through_its_use_cases(
        api: Api, conference: dict[str, Any], smtp: RecordingSMTP) -> None:
    fr = await make_delegation(api, "FR")
    rows = [["FR", "", "", "Focal Point", "fp-fr@example.org", "", "2", "", "", ""]]
    status, body = await send(api, as_csv(rows), dry_run=False)
    assert status == 200, body
    assert [(r["outcome"], r["changed"], r["delegation_id"]) for r in body["rows"]] == \
        [("update", ["places"], fr["id"])]
    assert json.loads((await delegations(api))["FR"]["quotas"]) == {"minister": 2}
    # another focal point's address: added as another focal point, the first stays
    rows = [["FR", "", "", "Louise Bernard", "louise.bernard@example.org", "", "2", "", "",
             ""]]
    status, body = await send(api, as_csv(rows), dry_run=False)
    assert [(r["outcome"], r["changed"]) for r in body["rows"]] == \
        [("update", ["focal_point"])]
    granted = await fetch(api, "SELECT p.email FROM person_grant g JOIN person p"
                               " ON p.id = g.person_id WHERE g.delegation_id = $1"
                               " ORDER BY g.id", fr["id"])
    assert [r["email"] for r in granted] == ["fp-fr@example.org", "louise.bernard@example.org"]
    await smtp.wait_for(1, where=lambda m: "louise.bernard@example.org" in m["To"])
    # an organisation's type is its creation's: a file saying another is refused on the column
    oecd = await make_delegation(api, organisation="OECD")
    status, body = await send(api, as_csv([["", "oecd", "ngo", "Focal Point",
                                            "fp-oecd@example.org", "", "", "", "", ""]]),
                              dry_run=False)
    assert body["applied"] is False
    assert [(e["field"], e["code"]) for e in body["rows"][0]["errors"]] == \
        [("organisation_type", "fixed")]
    assert oecd["organisation"]["type"] == "international_organisation"


async def test_french_headers_in_an_xlsx_file(
        api: Api, conference: dict[str, Any]) -> None:
    status, body = await send(api, as_xlsx(ROWS, FRENCH), dry_run=False, content_type=XLSX)
    assert status == 200, body
    assert body["applied"] is True
    assert outcomes(body) == [(2, "create"), (3, "create"), (4, "create")]
    assert sorted(await delegations(api)) == ["BE", "DE", "OECD"]


async def test_the_export_is_the_template_and_reads_back_unchanged(
        api: Api, conference: dict[str, Any]) -> None:
    status, body = await send(api, as_csv(ROWS), dry_run=False)
    assert body["applied"] is True, body
    status, exported, resp = await api.call("GET", f"{BASE}.csv", role="protocol")
    assert status == 200, exported
    assert 'filename="delegations-alliance.csv"' in resp.headers["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(exported.lstrip("\ufeff"))))
    assert lines[0] == HEADER
    # every column as imported; the focal point's language as they have it (the conference's
    # first, French, when the file gave none)
    assert sorted(lines[1:]) == sorted([ROWS[0], ROWS[1][:6] + ["", "", "", ""],
                                        ROWS[2][:5] + ["fr", "", "", "2", ""]])
    status, body = await send(api, exported.encode(), dry_run=False)
    assert outcomes(body) == [(2, "unchanged"), (3, "unchanged"), (4, "unchanged")]

    status, book, resp = await api.call("GET", f"{BASE}.xlsx", role="admin")
    assert status == 200 and resp.headers["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(book)).worksheets[0]
    cells = [[c or "" for c in row] for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == HEADER
    # edited in the spreadsheet: Germany gets two officials' places, a new country is added
    germany = next(row for row in cells if row[0] == "DE")
    germany[7] = "2"
    cells.append(["LU", "", "", "Marie Schmit", "marie.schmit@example.org", "fr", "", "", "",
                  ""])
    status, body = await send(api, as_xlsx(cells[1:]), dry_run=False, content_type=XLSX)
    assert body["applied"] is True, body
    assert sorted(r["outcome"] for r in body["rows"]) == \
        ["create", "unchanged", "unchanged", "update"]
    assert sorted(await delegations(api)) == ["BE", "DE", "LU", "OECD"]


async def test_a_focal_point_may_not_import_nor_export(
        api: Api, conference: dict[str, Any]) -> None:
    be = await make_delegation(api, "BE")
    conn = await asyncpg.connect(direct_url(api.db_url))
    try:
        token = await issue_token(conn, Role.focal_point, delegation_id=be["id"])
    finally:
        await conn.close()
    status, problem = await send(api, as_csv(ROWS), dry_run=True, role=token)
    assert status == 403, problem
    for path in (f"{BASE}.csv", f"{BASE}.xlsx"):
        status, _, _ = await api.call("GET", path, role=token)
        assert status == 403
    status, problem = await send(api, as_csv(ROWS), dry_run=False, role=token)
    assert status == 403
    assert sorted(await delegations(api)) == ["BE"]


async def test_a_file_that_cannot_be_read_is_a_problem(
        api: Api, conference: dict[str, Any]) -> None:
    status, problem = await send(api, b"nothing,here\n1,2\n", dry_run=True)
    assert status == 422, problem
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("body", "no-header")]
    status, problem = await send(api, as_csv([]), dry_run=True)
    assert status == 422
    assert [e["code"] for e in problem["errors"]] == ["no-rows"]
    status, problem = await send(api, b"PK\x03\x04broken", dry_run=True, content_type=XLSX)
    assert status == 422


# --- the console's page ------------------------------------------------------------------------

PAGE = "/manage/alliance/delegations/import"


async def send_page(v: Visitor, data: bytes, step: str, lang: str, name: str = "d.csv",
                    content_type: str = "text/csv") -> tuple[int, str]:
    _, page, _ = await v.go("GET", f"{PAGE}?lang={lang}")
    form = aiohttp.FormData()
    form.add_field("csrf", hidden(page, "csrf"))
    form.add_field("step", step)
    form.add_field("file", data, filename=name, content_type=content_type)
    status, page, _ = await v.go("POST", f"{PAGE}?lang={lang}", form)  # type: ignore[arg-type]
    return status, page


async def test_the_console_page_checks_imports_and_names_row_and_column(
        api: Api, conference: dict[str, Any], smtp: RecordingSMTP) -> None:
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", "/manage/alliance/delegations?lang=fr")
    assert status == 200 and f'href="{PAGE}?lang=fr"' in page
    assert element(page, "import-delegations") == "Importer des délégations depuis un tableur"
    status, page, _ = await protocol.go("GET", f"{PAGE}?lang=fr")
    assert status == 200, page
    assert 'type="file"' in page and 'value="check"' in page and 'value="apply"' in page

    bad = [*ROWS, ["XX", "", "", "Nobody", "nobody@example.org", "", "", "", "", ""],
           ["NL", "", "", "Piet Jansen", "piet.jansen@", "", "", "", "", ""],
           ["BE", "", "", "Anne Again", "anne.again@example.org", "", "", "", "", ""]]
    status, page = await send_page(protocol, as_csv(bad, FRENCH, ";"), "apply", "fr")
    assert status == 422, page
    assert element(page, "report-summary").startswith("3 lignes en erreur")
    # a country named in the page's language, with its code (the file gives the code)
    assert element(page, "row-2") == "2 Belgique (BE) création"
    assert element(page, "row-5") == "5 XX erreur Pays : code de pays ISO inconnu " \
                                     "(par exemple BE, FR)"
    assert element(page, "row-6") == "6 Pays-Bas (NL) erreur Courriel du point focal : adresse " \
                                     "électronique non valide"
    assert element(page, "row-7") == "7 Belgique (BE) erreur Pays : déjà à la ligne 2"
    assert 'id="apply-form"' not in page
    assert await delegations(api) == {}

    # checked first, then imported with the button that carries the file on
    status, page = await send_page(protocol, as_xlsx(ROWS), "check", "en", "d.xlsx", XLSX)
    assert status == 200, page
    assert element(page, "report-summary") == \
        "No errors: 3 to create, 0 to update, 0 unchanged. Nothing is saved yet."
    assert await delegations(api) == {}
    form = re.search(r'<form [^>]*id="apply-form"[^>]*>(.*?)</form>', page, re.S)
    assert form
    fields = {n: hidden(form.group(1), n)
              for n in ("csrf", "step", "filename", "content_type", "content")}
    status, page, _ = await protocol.go("POST", f"{PAGE}?lang=en", fields)
    assert status == 200, page
    assert element(page, "report-summary").startswith("File imported: 3 created")
    assert sorted(await delegations(api)) == ["BE", "DE", "OECD"]

    # the page's template, headed in French, reads back unchanged
    resp = await api.client.get("/manage/alliance/delegations.csv?lang=fr", headers={
        "Cookie": "; ".join(f"{k}={v}" for k, v in protocol.cookies.items())})
    assert resp.status == 200
    exported = await resp.read()
    assert exported.decode("utf-8-sig").splitlines()[0].startswith(
        "Pays;Organisation;Type d'organisation;Nom du point focal")
    status, page = await send_page(protocol, exported, "apply", "fr")
    assert status == 200, page
    assert element(page, "report-summary").startswith("Rien à importer")

    # no CSRF token: refused, nothing read
    form_data = aiohttp.FormData()
    form_data.add_field("step", "apply")
    form_data.add_field("file", as_csv([["LU", "", "", "M S", "m.s@example.org", "", "", "",
                                         "", ""]]), filename="d.csv", content_type="text/csv")
    status, page, _ = await protocol.go("POST", PAGE, form_data)  # type: ignore[arg-type]
    assert status == 403
    assert "LU" not in await delegations(api)
