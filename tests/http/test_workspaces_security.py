"""People of the security service: granted by ``POST /api/v1/staff`` and ``conference staff
add``, welcomed by mail to their page, which lists what the grant allows (the people to vet
as CSV, the results file back) and works signed in; nothing else opens to them. A real database
and a real SMTP server."""

from __future__ import annotations

import asyncio
import csv
import html
import io
import re

import aiohttp
import asyncpg
import pytest

from tests.browser.helpers import hidden
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_workspaces import Visitor, _signed_in, link_in
from tests.support import RecordingSMTP, body_text

PAGE = "/manage/alliance/security"


async def _conference_with_a_member(api: Api) -> str:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["expert"]))
    assert status == 201, body
    be = await make_delegation(api, country="BE")
    status, created, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Jan", "family_name": "Peeters",
              "email": "jan@example.org", "delegation_id": be["id"], "rank": "expert"})
    assert status == 201, created
    return str(created["id"])


async def test_a_security_person_lands_on_what_the_grant_allows_and_uses_it(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    member_id = await _conference_with_a_member(api)
    status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
        "email": "vetting@example.org", "name": "Luc Janssens", "language": "en",
        "grants": [{"role": "security", "conference": "alliance"}]})
    assert status == 201, person
    assert person["grants"][0]["role"] == "security"
    [welcome] = await smtp.wait_for(1, where=lambda m: "vetting@example.org" in m["To"])
    assert f"https://conference.test{PAGE}" in body_text(welcome)
    assert "security service" in body_text(welcome)
    v = await _signed_in(api, link_in(welcome))
    _, home, _ = await v.go("GET", "/workspaces?lang=en")
    assert f'href="{PAGE}?lang=en"' in home and "Security – Global Alliance: meeting" in home

    status, page, _ = await v.go("GET", f"{PAGE}?lang=en")
    assert status == 200, page
    assert 'id="vetting-download"' in page and 'id="vetting-upload"' in page
    assert "GET /api/v1/conferences/alliance/vetting.csv" in page
    status, text, resp = await v.go("GET", f"{PAGE}/vetting.csv")
    assert status == 200 and resp.headers["Content-Type"].startswith("text/csv")
    [row] = _rows(text)  # a file for people: Excel's BOM and ";" (csvfile)
    assert (row["accreditation_id"], row["status"]) == (member_id, "pending")

    def upload(content: bytes, csrf: str | None) -> aiohttp.FormData:
        form = aiohttp.FormData()
        if csrf is not None:
            form.add_field("csrf", csrf)
        form.add_field("file", content, filename="results.csv", content_type="text/csv")
        return form

    status, body, _ = await v.go("POST", f"{PAGE}/vetting.csv?lang=en",
                                 upload(b"accreditation_id,status,reason\n", None))  # no CSRF
    assert status == 403, body
    status, body, _ = await v.go("POST", f"{PAGE}/vetting.csv?lang=en", upload(
        f"accreditation_id,status,reason\n{member_id},refused,\n".encode(), hidden(page, "csrf")))
    assert status == 422, body  # a refusal needs its reason, said in words
    assert "Line 2, column “reason”: a refusal needs its reason." in body
    status, _, resp = await v.go("POST", f"{PAGE}/vetting.csv?lang=en", upload(
        f"accreditation_id,status,reason\n{member_id},cleared,\n".encode(),
        hidden(page, "csrf")))
    assert status == 303, await resp.text()
    _, page, _ = await v.go("GET", resp.headers["Location"])
    assert "1 result recorded." in page
    _, text, _ = await v.go("GET", f"{PAGE}/vetting.csv")
    assert _rows(text) == []
    assert await db.fetchval("SELECT actor FROM domain_event WHERE type = "
                             "'accreditation.vetting_status_set'") == f"person:{person['id']}"

    # least privilege: nothing else opens
    for path in ("/manage/alliance", "/manage/alliance/press", "/manage/alliance/press/reasons",
                 "/delegation/alliance-be"):
        status, _, _ = await v.go("GET", path)
        assert status == 403, path


async def test_other_roles_do_not_open_the_security_page(api: Api, smtp: RecordingSMTP) -> None:
    await _conference_with_a_member(api)
    status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
        "email": "press@example.org", "name": "Tove Ernst", "language": "en",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: "press@example.org" in m["To"])
    v = await _signed_in(api, link_in(welcome))
    assert (await v.go("GET", PAGE))[0] == 403
    assert (await v.go("GET", f"{PAGE}/vetting.csv"))[0] == 403
    anonymous = Visitor(api)
    api.client.session.cookie_jar.clear()
    status, _, resp = await anonymous.go("GET", f"{PAGE}/vetting.csv")
    assert status == 303 and resp.headers["Location"].startswith("/signin")


async def test_the_command_line_grants_security(
    api: Api, smtp: RecordingSMTP, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    from conference.cli import main

    await _conference_with_a_member(api)
    monkeypatch.setenv("CONFERENCE_DATABASE__URL", api.db_url)
    code = await asyncio.to_thread(main, [
        "staff", "add", "--email", "guard@example.org", "--name", "Luc Guard",
        "--role", "security", "--conference", "alliance", "--language", "fr"])
    assert code == 0, capsys.readouterr().err
    assert "guard@example.org" in capsys.readouterr().out
    [welcome] = await smtp.wait_for(1, where=lambda m: "guard@example.org" in m["To"])
    assert f"https://conference.test{PAGE}" in body_text(welcome)
    assert "service de sécurité" in body_text(welcome)
    with pytest.raises(SystemExit):
        main(["staff", "add", "--email", "x@example.org", "--name", "X", "--role", "applicant"])


def _upload(content: bytes, csrf: str) -> aiohttp.FormData:
    form = aiohttp.FormData()
    form.add_field("csrf", csrf)
    form.add_field("file", content, filename="results.csv", content_type="text/csv")
    return form


def _rows(text: str) -> list[dict[str, str]]:
    """The security page's download, a file for people: a byte-order mark, ";" (csvfile)."""
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def _as_excel_saves(rows: list[dict[str, str]]) -> bytes:
    """The rows as a European Excel saves them: semicolons and a byte-order mark."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    return b"\xef\xbb\xbf" + out.getvalue().encode()


def _people(page: str) -> dict[str, str]:
    """The security page's list: each person's name and the status the page shows."""
    rows = re.findall(r'<td class="card-title">([^<]*)</td>.*?class="vetting-status">([^<]*)<',
                      page, re.S)
    return {html.unescape(name): status for name, status in rows}


async def _security_officer(api: Api, smtp: RecordingSMTP, language: str) -> Visitor:
    status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
        "email": f"vetting-{language}@example.org", "name": "John Smith", "language": language,
        "grants": [{"role": "security", "conference": "alliance"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(
        1, where=lambda m: f"vetting-{language}@example.org" in m["To"])
    return await _signed_in(api, link_in(welcome))


async def test_the_downloaded_file_goes_back_as_excel_saves_it_and_the_page_shows_who_is_cleared(
    api: Api, smtp: RecordingSMTP
) -> None:
    first = await _conference_with_a_member(api)
    be = (await api.call("GET", "/api/v1/conferences/alliance/delegations",
                         role="protocol"))[1]["items"]
    status, second, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Ana", "family_name": "Lefèvre",
              "email": "ana@example.org", "delegation_id": be[0]["id"], "rank": "expert"})
    assert status == 201, second
    v = await _security_officer(api, smtp, "en")
    _, page, _ = await v.go("GET", f"{PAGE}?lang=en")
    assert _people(page) == {"Lefèvre, Ana": "Pending", "Peeters, Jan": "Pending"}
    _, text, _ = await v.go("GET", f"{PAGE}/vetting.csv")
    rows = _rows(text)
    assert [r["reason"] for r in rows] == ["", ""]  # a column to fill in beside the status

    # the officer fills in the file in a European Excel: semicolons, a byte-order mark
    for r in rows:
        r["status"], r["reason"] = (("refused", "Listed") if r["accreditation_id"] == first
                                    else ("cleared", ""))
    status, _, resp = await v.go("POST", f"{PAGE}/vetting.csv?lang=en", _upload(
        _as_excel_saves(rows), hidden(page, "csrf")))
    assert status == 303, await resp.text()
    _, page, _ = await v.go("GET", resp.headers["Location"])
    assert "2 results recorded." in page
    assert _people(page) == {"Lefèvre, Ana": "Cleared", "Peeters, Jan": "Refused"}
    _, page, _ = await v.go("GET", f"{PAGE}?lang=en&status=refused")
    assert _people(page) == {"Peeters, Jan": "Refused"} and "Listed" in page
    _, page, _ = await v.go("GET", f"{PAGE}?lang=en&status=more_information")
    assert _people(page) == {} and "Nobody has this status." in page


async def test_a_wrong_results_file_is_explained_line_by_line_in_the_page_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    member_id = await _conference_with_a_member(api)
    v = await _security_officer(api, smtp, "fr")
    _, page, _ = await v.go("GET", f"{PAGE}?lang=fr")
    bad = (f"accreditation_id;status;reason\r\n{member_id};refused;\r\n"
           f"not-an-id;cleared;\r\n").encode()
    status, body, _ = await v.go("POST", f"{PAGE}/vetting.csv?lang=fr",
                                 _upload(bad, hidden(page, "csrf")))
    assert status == 422, body
    said = [html.unescape(li) for li in re.findall(r"<li>([^<]*)</li>", body.split(
        'id="upload-errors"')[1].split("</ul>")[0])]
    assert said == ["Ligne 2, colonne «\u00a0reason\u00a0»\u00a0: un refus doit donner son motif.",
                    "Ligne 3, colonne «\u00a0accreditation_id\u00a0»\u00a0: ce n'est pas un "
                    "identifiant d'accréditation."]
    status, body, _ = await v.go("POST", f"{PAGE}/vetting.csv?lang=fr",
                                 _upload(b"id;statut\r\n", hidden(page, "csrf")))
    assert status == 422 and "La première ligne du fichier doit nommer les colonnes" in body


async def test_a_line_sent_back_as_it_was_downloaded_is_left_alone(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    """The next download lists a person asked for more information with their status and an
    empty reason; the officer fills in only the new person and sends the file back as it is.
    A user test saw the whole file refused ("say what information is missing") for the line
    it had not touched. That line now says again what is recorded and is left alone: no new
    history line, no new letter (docs/credentials.md, "Vetting")."""
    first = await _conference_with_a_member(api)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{first}/vetting/status", role="protocol",
        json={"status": "more_information", "reason": "Copie du passeport illisible"})
    assert status == 200, body
    be = (await api.call("GET", "/api/v1/conferences/alliance/delegations",
                         role="protocol"))[1]["items"]
    status, second, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Ana", "family_name": "Lefèvre",
              "email": "ana@example.org", "delegation_id": be[0]["id"], "rank": "expert"})
    assert status == 201, second
    events_before = await db.fetchval(
        "SELECT count(*) FROM domain_event WHERE subject_id = $1", first)
    v = await _security_officer(api, smtp, "en")
    _, page, _ = await v.go("GET", f"{PAGE}?lang=en")
    _, text, _ = await v.go("GET", f"{PAGE}/vetting.csv")
    rows = _rows(text)
    assert {r["accreditation_id"]: (r["status"], r["reason"]) for r in rows} == {
        first: ("more_information", ""), second["id"]: ("pending", "")}
    for r in rows:
        if r["accreditation_id"] == second["id"]:
            r["status"] = "cleared"
    status, _, resp = await v.go("POST", f"{PAGE}/vetting.csv?lang=en", _upload(
        _as_excel_saves(rows), hidden(page, "csrf")))
    assert status == 303, await resp.text()
    _, page, _ = await v.go("GET", resp.headers["Location"])
    assert _people(page) == {"Lefèvre, Ana": "Cleared", "Peeters, Jan": "More information asked"}
    assert await db.fetchval("SELECT reason FROM vetting_status WHERE accreditation_id = $1",
                             first) == "Copie du passeport illisible"
    assert await db.fetchval("SELECT count(*) FROM domain_event WHERE subject_id = $1",
                             first) == events_before
    # the page says what the file did, the line left alone too
    assert ("1 result recorded. 1 line unchanged: it says what is already recorded."
            in page)

    # the same file sent again: nothing new, said as such, not "0 results recorded."
    status, _, resp = await v.go("POST", f"{PAGE}/vetting.csv?lang=fr", _upload(
        _as_excel_saves(rows), hidden(page, "csrf")))
    assert status == 303, await resp.text()
    _, page, _ = await v.go("GET", resp.headers["Location"])
    assert ("Rien de nouveau\u00a0: les 2\u00a0lignes du fichier disent ce qui est déjà "
            "enregistré." in page)
    assert "0 résultat" not in page


async def test_an_outlet_of_two_capitals_is_named_as_written_not_read_as_a_country(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A press outlet "AP" was read as a country code on the security page's list, which then
    failed (500) for everyone: found at the peak of press approvals, trying the product on the
    day of a meeting. An outlet and an organisation are written as they are, a country is
    named in the page's language."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["press", "expert"]))
    assert status == 201, body
    be = await make_delegation(api, country="BE")
    status, created, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Jan", "family_name": "Peeters",
              "email": "jan@example.org", "delegation_id": be["id"], "rank": "expert"})
    assert status == 201, created
    for n, outlet in ((1, "AP"), (2, "FR")):  # "FR": an outlet, not France
        status, created, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/accreditations",
            json={"category": "press", "given_name": "Tom", "family_name": f"Brady{n}",
                  "email": f"tom{n}@example.org", "language": "en",
                  "press": {"outlet": outlet, "press_card_number": f"US-{n}",
                            "role": "camera", "country": "US"}})
        assert status == 201, created
    v = await _security_officer(api, smtp, "fr")
    status, page, _ = await v.go("GET", f"{PAGE}?lang=fr")
    assert status == 200, page
    cells = [html.unescape(c) for c in re.findall(
        r'<td data-label="Délégation[^"]*">([^<]*)</td>', page)]
    assert cells == ["AP", "FR", "Belgique"], cells
    # the column names both (on a phone: "Délégation / Média : AP", not "Délégation : AP")
    assert '<td data-label="Délégation / Média">AP</td>' in page


async def test_one_person_is_cleared_on_their_row_without_a_file(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    """On the morning of the meeting a journalist is refused at the door, clearance awaited;
    the security officer clears that one person on their row of the page, on a phone, with
    no spreadsheet (tried as a security officer: the page took only a results file). A
    refusal without its reason is said on the field and in the summary, nothing recorded;
    another conference's person, or someone not on the list, is no row of this page."""
    member_id = await _conference_with_a_member(api)
    v = await _security_officer(api, smtp, "en")
    row = f"{PAGE}/people/{member_id}/status"
    status, page, _ = await v.go("GET", f"{PAGE}?lang=en&q=peeters")
    assert status == 200, page
    assert f'action="{row}?lang=en#main"' in page
    assert _people(page) == {"Peeters, Jan": "Pending"}
    # on a phone the row's cells are labelled by their column (workspaces.css): the form's
    # cell is not, its fields name themselves ("Record a clearance: Clearance" read twice)
    assert 'data-label="Record a clearance"' not in page
    csrf = hidden(page, "csrf")

    status, page, _ = await v.go("POST", f"{row}?lang=en", {
        "csrf": csrf, "status": "refused", "reason": " ", "list_q": "peeters"})
    assert status == 422, page
    assert ('<a href="#reason-' + member_id + '">Reason (Jan Peeters)</a> – A refusal needs '
            "its reason.") in page
    assert f'id="reason-{member_id}-error">A refusal needs its reason.<' in page
    assert await db.fetchval("SELECT count(*) FROM vetting_status") == 0
    assert (await v.go("POST", f"{row}?lang=en", {"status": "cleared"}))[0] == 403  # no CSRF

    status, _, resp = await v.go("POST", f"{row}?lang=fr", {
        "csrf": csrf, "status": "cleared", "reason": "", "list_q": "peeters"})
    assert status == 303
    assert resp.headers["Location"].endswith(f"#vetting-{member_id}")
    status, page, _ = await v.go("GET", resp.headers["Location"].split("#")[0])
    assert "Habilitation enregistrée pour Jan Peeters\u00a0: accordée." in page
    assert 'id="q" name="q" type="search" value="peeters"' in page  # back to the same search
    assert _people(page) == {"Peeters, Jan": "Accordée"}
    assert (await db.fetchval("SELECT status FROM vetting_status")) == "cleared"
    assert await db.fetchval(
        "SELECT payload->>'status' FROM domain_event "
        "WHERE type = 'accreditation.vetting_status_set'") == "cleared"

    # not a row of this page: an unknown id, or someone whose category needs no clearance
    status, created, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "staff", "given_name": "Eva", "family_name": "Laan",
              "email": "eva@example.org"})
    assert status == 201, created
    for other in (created["id"], "00000000-0000-0000-0000-000000000000", "nope"):
        status, _, _ = await v.go("POST", f"{PAGE}/people/{other}/status?lang=en",
                                  {"csrf": csrf, "status": "cleared"})
        assert status == 404, other


async def test_a_wrong_line_of_the_downloaded_file_names_its_person(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The downloaded file sent back with a mistake: the page names the person of each wrong
    line from the file's own name columns ("Line 2 (Jan Peeters), …"), since the officer looks
    for a person in the spreadsheet, not a line number (tried as a security officer: "Line 3"
    alone sent them counting rows). A file without the names says the line alone."""
    member_id = await _conference_with_a_member(api)
    v = await _security_officer(api, smtp, "en")
    _, page, _ = await v.go("GET", f"{PAGE}?lang=en")
    _, text, _ = await v.go("GET", f"{PAGE}/vetting.csv")
    rows = _rows(text)
    rows[0]["status"] = "refused"
    status, body, _ = await v.go("POST", f"{PAGE}/vetting.csv?lang=en",
                                 _upload(_as_excel_saves(rows), hidden(page, "csrf")))
    assert status == 422, body
    said = [html.unescape(li) for li in re.findall(r"<li>([^<]*)</li>", body.split(
        'id="upload-errors"')[1].split("</ul>")[0])]
    assert said == ["Line 2 (Jan Peeters), column “reason”: a refusal needs its reason."]
    status, body, _ = await v.go("POST", f"{PAGE}/vetting.csv?lang=fr", _upload(
        f"accreditation_id,status,reason\n{member_id},refused,\n".encode(),
        hidden(page, "csrf")))
    assert status == 422, body
    assert "Ligne 2, colonne" in html.unescape(body)


async def test_a_wrong_line_names_its_person_in_the_api_s_errors_too(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The person a wrong line names (its own ``given_name`` and ``family_name`` columns) comes
    with the line's error from the import itself, ``name`` beside ``line`` and ``column``: the
    page says it from there (it read the file a second time to find it), a script can too. A
    line naming nobody has no ``name``; the API's ``field`` is unchanged."""
    member_id = await _conference_with_a_member(api)
    text = ("accreditation_id,given_name,family_name,status,reason\n"
            f"{member_id},Jan,Peeters,refused,\n"
            "not-an-id,Ana,Lefèvre,cleared,\n"
            "00000000-0000-0000-0000-000000000000,Eva,,cleared,\n"
            f"{member_id},,,cleared,\n")
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/vetting.csv", role="protocol",
        data=text.encode(), headers={"Content-Type": "text/csv"})
    assert status == 422, body
    assert [(e["field"], e.get("name")) for e in body["errors"]] == [
        ("line 2.reason", "Jan Peeters"), ("line 3.accreditation_id", "Ana Lefèvre"),
        ("line 4.accreditation_id", "Eva"), ("line 5.accreditation_id", None)]

    v = await _security_officer(api, smtp, "en")
    _, page, _ = await v.go("GET", f"{PAGE}?lang=en")
    status, body, _ = await v.go("POST", f"{PAGE}/vetting.csv?lang=en",
                                 _upload(text.encode(), hidden(page, "csrf")))
    assert status == 422, body
    assert _said(body) == [
        "Line 2 (Jan Peeters), column “reason”: a refusal needs its reason.",
        "Line 3 (Ana Lefèvre), column “accreditation_id”: this is not an accreditation id.",
        "Line 4 (Eva), column “accreditation_id”: no accreditation of this conference has "
        "this id.",
        "Line 5, column “accreditation_id”: this person is already on an earlier line."]


def _said(body: str) -> list[str]:
    """The results file's errors as the page lists them."""
    return [html.unescape(li) for li in re.findall(r"<li>([^<]*)</li>", body.split(
        'id="upload-errors"')[1].split("</ul>")[0])]


async def test_an_unknown_status_in_the_file_is_answered_with_the_page_s_words(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A status the file cannot hold was answered "write pending, cleared, more_information or
    refused.": the codes, in a French page too, where the row's select says « Accordée ». The
    page now names the statuses as its select does, in its language (capitalised as the
    select, as the console's tables give a state), and the file takes those words
    (docs/credentials.md, "Vetting")."""
    member_id = await _conference_with_a_member(api)
    v = await _security_officer(api, smtp, "fr")
    _, page, _ = await v.go("GET", f"{PAGE}?lang=fr")
    bad = f"accreditation_id;status;reason\r\n{member_id};OK;\r\n".encode()
    status, body, _ = await v.go("POST", f"{PAGE}/vetting.csv?lang=fr",
                                 _upload(bad, hidden(page, "csrf")))
    assert status == 422, body
    assert _said(body) == [
        "Ligne 2, colonne «\u00a0status\u00a0»\u00a0: écrivez «\u00a0En attente\u00a0», "
        "«\u00a0Accordée\u00a0», «\u00a0Informations complémentaires demandées\u00a0» ou "
        "«\u00a0Refusée\u00a0»."]
    status, body, _ = await v.go("POST", f"{PAGE}/vetting.csv?lang=en",
                                 _upload(bad, hidden(page, "csrf")))
    assert status == 422, body
    assert _said(body) == [
        "Line 2, column “status”: write “Pending”, “Cleared”, “More information asked” or "
        "“Refused”."]
    assert "more_information" not in _said(body)[0]

    # the words the page names are taken from the file
    status, _, resp = await v.go("POST", f"{PAGE}/vetting.csv?lang=fr", _upload(
        f"accreditation_id;status;reason\r\n{member_id};Accordée;\r\n".encode(),
        hidden(page, "csrf")))
    assert status == 303, await resp.text()
    _, page, _ = await v.go("GET", resp.headers["Location"])
    assert _people(page) == {"Peeters, Jan": "Accordée"}


async def test_each_person_to_vet_is_listed_with_their_identity_document(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The officer checks a person against their passport or identity card: each row gives the
    document (type and number), the nationality and the date of birth, as the vetting file does
    (the document given, else the passport of the visa letter request), in the page's language;
    a person with none says so (docs/workspaces.md, "The security service")."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["expert", "press"]))
    assert status == 201, body
    be = await make_delegation(api, country="BE")
    ids = {}
    for given, family in (("Jan", "Peeters"), ("Eva", "Laan")):
        status, created, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
            json={"category": "expert", "given_name": given, "family_name": family,
                  "email": f"{given.lower()}@example.org", "delegation_id": be["id"],
                  "rank": "expert"})
        assert status == 201, created
        ids[family] = created["id"]
    status, body, _ = await api.call(
        "PUT", f"/api/v1/accreditations/{ids['Peeters']}/vetting", role="protocol",
        json={"document_type": "diplomatic_passport", "document_number": "EH123456",
              "date_of_birth": "1980-02-29", "nationality": "NL"})
    assert status == 200, body
    status, journalist, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations",
        json={"category": "press", "given_name": "Ana", "family_name": "López",
              "email": "ana@example.org", "language": "en",
              "press": {"outlet": "El País", "press_card_number": "ES-1",
                        "role": "journalist", "country": "ES"}})
    assert status == 201, journalist.get("errors")
    status, letter, _ = await api.call(
        "POST", f"/api/v1/accreditations/{journalist['id']}/visa-letter",
        role=journalist["access_token"],
        json={"passport_name": "Ana LÓPEZ", "passport_number": "PA1234567",
              "nationality": "PE", "date_of_birth": "1975-04-01",
              "consulate": "Consulate General of Belgium in Lima"})
    assert status == 201, letter.get("errors")

    v = await _security_officer(api, smtp, "fr")
    status, page, _ = await v.go("GET", f"{PAGE}?lang=fr")
    assert status == 200, page
    assert _identities(page) == {
        "Laan, Eva": ("Aucune pièce donnée", "", ""),
        "López, Ana": ("Passeport PA1234567", "Pérou", "1er avril 1975"),
        "Peeters, Jan": ("Passeport diplomatique EH123456", "Pays-Bas", "29 février 1980")}
    status, page, _ = await v.go("GET", f"{PAGE}?lang=en&q=peeters")
    assert _identities(page) == {
        "Peeters, Jan": ("Diplomatic passport EH123456", "Netherlands", "29 February 1980")}
    assert '<th scope="col">Identity document</th>' in page


def _identities(page: str) -> dict[str, tuple[str, str, str]]:
    """Each row's name, and its identity document, nationality and date of birth as shown."""
    found = {}
    for row in re.findall(r'<tr id="vetting-[^"]*">(.*?)</tr>', page, re.S):
        name = re.search(r'<td class="card-title">([^<]*)</td>', row)
        cells = [" ".join(html.unescape(re.sub(r"<[^>]*>", " ", c)).split()) for c in
                 re.findall(r'<td[^>]*class="identity[^"]*"[^>]*>(.*?)</td>', row, re.S)]
        # the name as written in the document, beside it, is test_security_name_in_document's
        assert name and len(cells) == 4, row
        found[html.unescape(name.group(1))] = (cells[0], cells[2], cells[3])
    return found


async def test_a_row_sent_back_goes_to_the_other_language_with_what_was_typed(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    """The header's « Français » on a row sent back with its error was a link: the page came
    back in French with the row empty, the reason typed since lost. It now sends the row's form
    to the language control: the same row, filled, its error in French, nothing recorded."""
    member_id = await _conference_with_a_member(api)
    v = await _security_officer(api, smtp, "en")
    row = f"{PAGE}/people/{member_id}/status"
    status, page, _ = await v.go("GET", f"{PAGE}?lang=en")
    assert status == 200, page
    assert 'formaction="' not in page  # nothing sent back: the header keeps its link
    csrf = hidden(page, "csrf")

    status, page, _ = await v.go("POST", f"{row}?lang=en", {
        "csrf": csrf, "status": "refused", "reason": ""})
    assert status == 422, page
    assert (f'form="record-{member_id}" formaction="{row}?lang=fr" formmethod="post" '
            'formnovalidate name="switch" value="1"') in page
    # the officer types the reason, then turns the page to French before recording
    status, page, _ = await v.go("POST", f"{row}?lang=fr", {
        "csrf": csrf, "status": "more_information", "reason": "", "sent": "1", "switch": "1"})
    assert status == 200, page
    assert f'id="reason-{member_id}-error">' in page
    assert "<html lang=\"fr\">" in page
    status, page, _ = await v.go("POST", f"{row}?lang=fr", {
        "csrf": csrf, "status": "refused", "reason": "Casier judiciaire", "sent": "1",
        "switch": "1"})
    assert status == 200, page
    assert (f'id="reason-{member_id}" name="reason" maxlength="500" '
            'value="Casier judiciaire"') in page
    assert f'id="reason-{member_id}-error"' not in page
    assert re.search(r'<option value="refused" selected>Refusée</option>', page), page
    # and back: the header carries the row again, to the English page
    assert f'form="record-{member_id}" formaction="{row}?lang=en"' in page
    assert await db.fetchval("SELECT count(*) FROM vetting_status") == 0  # nothing recorded
