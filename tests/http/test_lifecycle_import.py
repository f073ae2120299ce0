"""Members imported from a spreadsheet and exported back; the list of participants.

A 48-delegation, 300-row XLSX (the 48 delegations of the EU protocol order of December 2012,
with the Cyprus presidency) with French and English headers and five broken rows: the dry run
names the rows and fields and writes nothing; fixed and applied it creates 300 people; applied
again it changes nothing; exported, one function edited and imported again it updates one. The
list of participants, as a PDF parsed back, lists the delegations in order of precedence.
"""

from __future__ import annotations

import asyncio
import csv
import io
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import quote

import asyncpg
import pytest
from openpyxl import Workbook, load_workbook
from pypdf import PdfReader

from conference.auth import Role, issue_token
from conference.protocol.countries import country_name
from conference.protocol.ranks import rank_index
from conference.settings import Settings
from tests.conftest import Api, conference_body, direct_url, start_api
from tests.http.conftest_programme import make_delegation

EU_2012 = ["BE", "BG", "CZ", "DK", "DE", "EE", "IE", "GR", "ES", "FR", "IT", "CY", "LV", "LT",
           "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE", "GB"]
OTHERS_2012_FR = ["AL", "AU", "KH", "KR", "HR", "US", "GE", "GH", "JP", "MD", "ME", "NG", "NO",
                  "NZ", "PH", "RS", "CH", "TH", "TR", "UA", "VN"]
PRECEDENCE = ["CY"] + [c for c in EU_2012 if c != "CY"] + OTHERS_2012_FR
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SLUG = "launch-2012"
HEADERS = ["Courriel", "Prénom", "Family name", "Catégorie", "Rank", "Fonction", "Langue",
           "Salutation", "Délégation", "In office since"]
RANKS = ["senior_official", "ambassador", "official", "expert"]


@pytest.fixture
async def without_worker(db_url: str, settings: Settings) -> AsyncIterator[Api]:
    """A conference of 2012 is past its retention period: no worker to purge it."""
    service = await start_api(db_url, settings, run_worker=False)
    yield service
    await service.client.close()


def members() -> list[list[Any]]:
    """300 rows: a minister heading each of the 48 delegations, then officials and experts."""
    rows: list[list[Any]] = []
    for i, code in enumerate(sorted(PRECEDENCE)):
        size = 7 if i < 12 else 6
        rows.append([f"minister.{code.lower()}@example.org", "Minister", f"Of {code}",
                     "ministre", "minister", "Ministre des affaires étrangères", "fr",
                     "Mme" if i % 2 else "M.", code, None])
        for n in range(1, size):
            rank = RANKS[n % len(RANKS)]
            category = "expert" if rank == "expert" else "official"
            rows.append([f"member{n}.{code.lower()}@example.org", f"Member{n}", f"Of {code}",
                         category, rank, f"Conseiller {n}", "en" if n % 2 else "fr",
                         "Ms" if n % 3 else "", code, None])
    assert len(rows) == 300
    return rows


def xlsx(rows: list[list[Any]], headers: list[str] = HEADERS) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def import_file(api: Api, data: bytes, *, dry_run: bool, role: str = "protocol",
                      content_type: str = XLSX, query: str = "", slug: str = SLUG,
                      ) -> tuple[int, Any]:
    status, body, _ = await api.call(
        "POST", f"/api/v1/conferences/{slug}/imports?dry_run={str(dry_run).lower()}{query}",
        role=role, data=data, headers={"Content-Type": content_type})
    return status, body


async def count(api: Api) -> int:
    conn = await asyncpg.connect(direct_url(api.db_url))
    try:
        n: int = await conn.fetchval("SELECT count(*) FROM accreditation")
        return n
    finally:
        await conn.close()


async def test_a_300_row_xlsx_imports_once_round_trips_and_lists_in_precedence(
    without_worker: Api,
) -> None:
    api = without_worker
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(SLUG, starts_on="2012-12-05",
                                                          ends_on="2012-12-05", protocol={
                                                              "tie_break": "eu_protocol",
                                                              "presidency": "CY"}))
    assert status == 201, body
    for code in PRECEDENCE:
        await make_delegation(api, code, slug=SLUG)

    rows = members()
    broken = [list(r) for r in rows]
    broken[10][0] = "not-an-address"           # line 12
    broken[40][2] = ""                         # line 42
    broken[100][3] = "ambassadeur"             # line 102
    broken[150][4] = "grand duke"              # line 152
    broken[299][8] = "XX"                      # line 301
    status, dry = await import_file(api, xlsx(broken), dry_run=True)
    assert status == 200, dry
    errors = {(r["row"], e["field"]) for r in dry["rows"] for e in r["errors"]}
    assert errors == {(12, "email"), (42, "family_name"), (102, "category"), (152, "rank"),
                      (301, "delegation")}
    assert dry["applied"] is False
    assert dry["counts"] == {"create": 295, "update": 0, "unchanged": 0, "error": 5}
    assert await count(api) == 0

    # A real run with errors applies nothing either.
    status, failed = await import_file(api, xlsx(broken), dry_run=False)
    assert (status, failed["applied"]) == (200, False)
    assert await count(api) == 0

    status, applied = await import_file(api, xlsx(rows), dry_run=False)
    assert status == 200, applied
    assert applied["applied"] is True
    assert applied["counts"] == {"create": 300, "update": 0, "unchanged": 0, "error": 0}
    assert all(r["accreditation_id"] for r in applied["rows"])
    assert await count(api) == 300

    status, again = await import_file(api, xlsx(rows), dry_run=False)
    assert status == 200, again
    assert again["counts"] == {"create": 0, "update": 0, "unchanged": 300, "error": 0}
    assert await count(api) == 300

    # Export, edit one function, import again: one update, recorded in the history.
    status, exported, resp = await api.call(
        "GET", f"/api/v1/conferences/{SLUG}/accreditations.xlsx", role="protocol")
    assert status == 200 and resp.headers["Content-Type"] == XLSX
    book = load_workbook(io.BytesIO(exported))
    sheet = book.active
    assert sheet is not None
    table = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert table[0] == ["email", "given_name", "family_name", "category", "rank", "function",
                        "function_fr", "function_en", "language", "salutation", "delegation",
                        "in_office_since"]
    assert len(table) == 301
    edited = next(i for i, r in enumerate(table) if r[0] == "member2.fr@example.org")
    table[edited][5] = "Directeur général"
    status, reimported = await import_file(api, xlsx(table[1:], table[0]), dry_run=False)
    assert status == 200, reimported
    assert reimported["counts"] == {"create": 0, "update": 1, "unchanged": 299, "error": 0}
    changed = next(r for r in reimported["rows"] if r["outcome"] == "update")
    assert changed["changed"] == ["function"]
    status, person, _ = await api.call(
        "GET", f"/api/v1/accreditations/{changed['accreditation_id']}", role="protocol")
    assert person["function"] == "Directeur général"
    assert person["history"][-1]["action"] == "amend"

    # The CSV export round-trips too.
    status, text, _ = await api.call("GET", f"/api/v1/conferences/{SLUG}/accreditations.csv",
                                     role="protocol")
    assert status == 200
    status, from_csv = await import_file(api, text.encode(), dry_run=True,
                                         content_type="text/csv")
    assert from_csv["counts"] == {"create": 0, "update": 0, "unchanged": 300, "error": 0}

    # The list of participants: approved people, delegations in order of precedence.
    ids = [r["accreditation_id"] for r in applied["rows"]]
    await asyncio.gather(*(api.call("POST", f"/api/v1/accreditations/{i}/decision",
                                    role="protocol", json={"decision": "approve"})
                           for i in ids))
    status, listing, _ = await api.call("GET", f"/api/v1/conferences/{SLUG}/participants",
                                        role="protocol")
    assert status == 200, listing
    assert [d["country"] for d in listing["delegations"]] == PRECEDENCE
    fr = next(d for d in listing["delegations"] if d["country"] == "FR")
    assert fr["members"][0]["head"] and fr["members"][0]["family_name"] == "Of FR"
    ranks = [rank_index(m["rank"]) for m in fr["members"]]
    assert ranks == sorted(ranks) and len(ranks) >= 6

    status, pdf, resp = await api.call("GET", f"/api/v1/conferences/{SLUG}/participants",
                                       role="protocol", headers={"Accept": "application/pdf"})
    assert status == 200 and resp.headers["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    lines = [line.strip() for line in text.splitlines()]
    names = [country_name(code, "fr") for code in PRECEDENCE]
    positions = [lines.index(name) for name in names]
    assert positions == sorted(positions), [lines[p] for p in sorted(positions)][:5]
    assert "Conseiller 2" in text and "Directeur général" in text

    status, listed_csv, _ = await api.call("GET", f"/api/v1/conferences/{SLUG}/participants",
                                           role="protocol", headers={"Accept": "text/csv"})
    parsed = list(csv.DictReader(io.StringIO(listed_csv.lstrip("\ufeff"))))
    assert len(parsed) == 300 and parsed[0]["delegation"] == country_name("CY", "fr")
    status, page, _ = await api.call("GET", f"/api/v1/conferences/{SLUG}/participants",
                                     role="protocol", headers={"Accept": "text/html"})
    assert status == 200 and "<h2>1. Chypre</h2>" in page

    # Participants see the list once protocol releases it, frozen as released.
    cy = next(d for d in listing["delegations"] if d["country"] == "CY")
    conn = await asyncpg.connect(direct_url(api.db_url))
    try:
        applicant = await issue_token(conn, Role.applicant,
                                      accreditation_id=cy["members"][1]["accreditation_id"])
    finally:
        await conn.close()
    status, _, _ = await api.call("GET", f"/api/v1/conferences/{SLUG}/participants",
                                  role=applicant)
    assert status == 404
    status, released, _ = await api.call("POST",
                                         f"/api/v1/conferences/{SLUG}/participants/release",
                                         role="protocol")
    assert status == 201, released
    assert (released["version"], released["participants"]) == (1, 300)
    status, seen, _ = await api.call("GET", f"/api/v1/conferences/{SLUG}/participants",
                                     role=applicant)
    assert status == 200, seen
    assert seen["version"] == 1
    assert [d["country"] for d in seen["delegations"]] == PRECEDENCE


async def test_a_focal_point_imports_csv_into_their_own_delegation_only(
    api: Api, conference: dict[str, Any],
) -> None:
    be = await make_delegation(api, "BE")
    await make_delegation(api, "FR")
    data = ("courriel;prénom;nom;catégorie;rang;fonction;délégation\r\n"
            "a@example.org;Anne;Peeters;fonctionnaire;official;Attachée;BE\r\n"
            "b@example.org;Bruno;Martin;expert;expert;Conseiller;FR\r\n"
            "c@example.org;Carla;Janssens;staff;;;\r\n").encode()
    fp = be["focal_point_token"]
    status, body = await import_file(api, data, dry_run=True, role=fp, slug="alliance",
                                     content_type="text/csv")
    assert status == 200, body
    assert [(r["row"], r["outcome"], [e["field"] for e in r["errors"]])
            for r in body["rows"]] == [(2, "create", []), (3, "error", ["delegation"]),
                                       (4, "error", ["category"])]
    # Another delegation's id: refused outright.
    status, body = await import_file(api, data, dry_run=True, role=fp, slug="alliance",
                                     content_type="text/csv",
                                     query=f"&delegation_id={conference['id']}")
    assert status == 403, body
    # A header row without the required columns, or a file that is not one: 422 naming it.
    status, body = await import_file(api, b"name,function\r\nx,y\r\n", dry_run=True,
                                     slug="alliance", content_type="text/csv")
    assert status == 422
    assert {e["field"] for e in body["errors"]} == {"email", "given_name", "family_name",
                                                    "category"}
    status, body = await import_file(api, b"PK\x03\x04garbage", dry_run=True, slug="alliance")
    assert status == 422 and body["errors"][0]["field"] == "body"
    # An explicit mapping names headers nobody could guess.
    mapped = ("Mél,Vorname,Nachname,Kat,Rang,Amt\r\n"
              "d@example.org,Dirk,Maes,official,official,Attaché\r\n").encode()
    mapping = ('{"Mél":"email","Vorname":"given_name","Nachname":"family_name",'
               '"Kat":"category","Amt":"function"}')
    status, body = await import_file(api, mapped, dry_run=False, role=fp, slug="alliance",
                                     content_type="text/csv", query="&mapping=" + quote(mapping))
    assert status == 200, body
    assert body["applied"] and body["counts"]["create"] == 1
    # The focal point's export holds their own delegation only.
    status, text, _ = await api.call("GET", "/api/v1/conferences/alliance/accreditations.csv",
                                     role=fp)
    assert status == 200
    assert [r["email"] for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))] == [
        "d@example.org"]


async def test_each_import_error_carries_a_stable_code_beside_its_english_message(
    api: Api, conference: dict[str, Any],
) -> None:
    """A client words the import's errors in its own language from ``code`` and ``params``
    (docs/lifecycle.md, "Error codes"), not by reading the English ``message``, which stays
    as it was."""
    be = await make_delegation(api, "BE")
    await make_delegation(api, "FR")
    data = ("courriel;prénom;nom;catégorie;rang;fonction;délégation;en fonction depuis\r\n"
            "a@example.org;Anne;Peeters;fonctionnaire;official;Attachée;BE;\r\n"
            "a@example.org;Anne;Peeters;fonctionnaire;official;Attachée;BE;\r\n"
            "b@example.org;Bruno;Martin;expert;expert;Conseiller;FR;\r\n"
            "c@example.org;Carla;Janssens;staff;;;;\r\n"
            "d@example.org;;Maes;ministre;;;BE;hier\r\n"
            "e@example.org;Eva;Wouters;grand duc;;;BE;\r\n").encode()
    status, body = await import_file(api, data, dry_run=True, role=be["focal_point_token"],
                                     slug="alliance", content_type="text/csv")
    assert status == 200, body
    errors = {r["row"]: [(e["field"], e["code"], e["params"], e["message"]) for e in r["errors"]]
              for r in body["rows"]}
    assert errors[2] == []
    assert errors[3] == [("email", "twice", {"row": 2}, "also on row 2")]
    assert errors[4] == [("delegation", "own-delegation", {},
                          "a focal point imports into their own delegation only")]
    assert errors[5] == [("category", "staff", {}, "staff are accredited by the organisers")]
    assert errors[6] == [
        ("given_name", "required", {}, "required"),
        ("rank", "required-for", {"category": "minister"}, "required for category minister"),
        ("function", "required-for", {"category": "minister"},
         "required for category minister"),
        ("in_office_since", "date", {}, "a date: YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY")]
    assert [(f, c) for f, c, _, _ in errors[7]] == [("category", "not-a-label")]
    assert body["rows"][5]["errors"][0]["type"] == "not-a-label"  # as before

    # The header row's errors and the file's carry theirs too (problem+json).
    status, body = await import_file(api, b"email,mail,name\r\nx,y,z\r\n", dry_run=True,
                                     slug="alliance", content_type="text/csv")
    assert status == 422, body
    assert [(e["field"], e["code"], e["params"], e["message"]) for e in body["errors"]] == [
        ("email", "named-twice", {"first": "email", "second": "mail"},
         "named twice: 'email' and 'mail'"),
        ("given_name", "missing-column", {}, "no column for it in the header row"),
        ("family_name", "missing-column", {}, "no column for it in the header row"),
        ("category", "missing-column", {}, "no column for it in the header row")]
    status, body = await import_file(api, b"PK\x03\x04garbage", dry_run=True, slug="alliance")
    assert status == 422 and body["errors"][0]["code"] == "not-xlsx", body
    status, body = await import_file(api, b"", dry_run=True, slug="alliance",
                                     content_type="text/csv")
    assert status == 422 and body["errors"][0]["code"] == "empty", body


async def test_a_row_names_its_delegation_as_the_pages_name_it(
    api: Api, conference: dict[str, Any],
) -> None:
    """The console's import reads a country's delegation by its name in French or English
    (case and accents aside) as well as its ISO code, and an organisation by its name (found
    in a tryout: « Belgique », the name the console's own delegation list showed, was refused
    as « aucune délégation « Belgique » dans cette conférence »)."""
    be = await make_delegation(api, "BE")
    gb = await make_delegation(api, "GB")
    fr = await make_delegation(api, "FR")
    data = ("email,given_name,family_name,category,rank,function,delegation\r\n"
            "a@example.org,Anne,Peeters,expert,expert,,Belgique\r\n"
            "b@example.org,Bram,Claes,expert,expert,,belgium\r\n"
            "c@example.org,Clare,Hughes,expert,expert,,Royaume-Uni\r\n"
            "d@example.org,Dan,Evans,expert,expert,,united kingdom\r\n"
            "e@example.org,Élise,Martin,expert,expert,,fr\r\n"
            "f@example.org,Fanny,Roux,expert,expert,,France\r\n"
            "g@example.org,Gus,Lind,expert,expert,,Suède\r\n").encode()
    status, body = await import_file(api, data, dry_run=False, slug="alliance",
                                     content_type="text/csv")
    assert status == 200, body
    by_row = {r["row"]: r for r in body["rows"]}
    assert [by_row[n]["outcome"] for n in range(2, 8)] == ["create"] * 6
    assert by_row[8]["outcome"] == "error"
    assert [(e["field"], e["code"]) for e in by_row[8]["errors"]] == [
        ("delegation", "no-delegation")]
    assert body["applied"] is False  # one row refused: nothing written
    status, body = await import_file(api, data.rsplit(b"g@example", 1)[0], dry_run=False,
                                     slug="alliance", content_type="text/csv")
    assert status == 200 and body["applied"] is True, body
    status, listed, _ = await api.call("GET", "/api/v1/conferences/alliance/accreditations",
                                       role="protocol")
    assert status == 200, listed
    items = listed["items"] if isinstance(listed, dict) else listed
    delegation_of = {a["email"]: a["delegation_id"] for a in items}
    assert delegation_of == {
        "a@example.org": be["id"], "b@example.org": be["id"], "c@example.org": gb["id"],
        "d@example.org": gb["id"], "e@example.org": fr["id"], "f@example.org": fr["id"]}
