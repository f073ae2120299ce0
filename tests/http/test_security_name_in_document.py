"""What the security service reads of a person carries the name as written in their identity
document (``name_in_document``, migration 0064), and the clearance's state is one word in one
case on the security page as on the console (docs/credentials.md, "Vetting";
docs/workspaces.md, "The security service"). A real database and a real SMTP server."""

from __future__ import annotations

import csv
import html
import io
import re

from tests.browser.helpers import element, hidden
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_workspaces_security import (
    PAGE,
    _people,
    _rows,
    _security_officer,
    _upload,
)
from tests.support import RecordingSMTP

API = "/api/v1/conferences/alliance"
IDENTITY = ["nationality", "document_type", "document_number", "date_of_birth",
            "name_in_document", "status", "reason"]
"""The vetting file's last columns: the name comes last of the identity columns, the two the
officer fills in still end the file."""


async def _four_people(api: Api) -> dict[str, str]:
    """Peeters gave a passport with the name in it, Laan an identity card without it, López
    only requested a visa letter (her passport's name stands in), Maes gave nothing."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["expert", "press"]))
    assert status == 201, body
    be = await make_delegation(api, country="BE")
    ids = {}
    for given, family in (("Jan", "Peeters"), ("Eva", "Laan"), ("Dirk", "Maes")):
        status, created, _ = await api.call(
            "POST", f"{API}/accreditations", role="protocol",
            json={"category": "expert", "given_name": given, "family_name": family,
                  "email": f"{given.lower()}@example.org", "delegation_id": be["id"],
                  "rank": "expert"})
        assert status == 201, created
        ids[family] = created["id"]
    for family, document in (
            ("Peeters", {"document_type": "passport", "document_number": "EH123456",
                         "date_of_birth": "1980-02-29", "nationality": "BE",
                         "name_in_document": "PEETERS Jan Maria Josef"}),
            ("Laan", {"document_type": "identity_card", "document_number": "NL998877",
                      "date_of_birth": "1990-06-01", "nationality": "NL"})):
        status, body, _ = await api.call("PUT", f"/api/v1/accreditations/{ids[family]}/vetting",
                                         role="protocol", json=document)
        assert status == 200, body
    status, journalist, _ = await api.call(
        "POST", f"{API}/accreditations",
        json={"category": "press", "given_name": "Ana", "family_name": "López",
              "email": "ana@example.org", "language": "en",
              "press": {"outlet": "El País", "press_card_number": "ES-1",
                        "role": "journalist", "country": "ES"}})
    assert status == 201, journalist.get("errors")
    status, letter, _ = await api.call(
        "POST", f"/api/v1/accreditations/{journalist['id']}/visa-letter",
        role=journalist["access_token"],
        json={"passport_name": "Ana LÓPEZ GARCÍA", "passport_number": "PA1234567",
              "nationality": "PE", "date_of_birth": "1975-04-01",
              "consulate": "Consulate General of Belgium in Lima"})
    assert status == 201, letter.get("errors")
    ids["López"] = journalist["id"]
    return ids


EXPECTED = {"Peeters": "PEETERS Jan Maria Josef", "Laan": "", "López": "Ana LÓPEZ GARCÍA",
            "Maes": ""}


async def test_the_vetting_file_gives_the_name_as_written_in_the_document(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Fails before: the file had no ``name_in_document`` column. The API's file (commas) and
    the page's download (Excel's ";" and BOM) both carry it, after the date of birth and
    before ``status`` and ``reason``; empty when not given (never another source's name: Laan's
    identity card without one stays empty); a visa letter's passport stands in with its name."""
    await _four_people(api)
    status, text, _ = await api.call("GET", f"{API}/vetting.csv", role="protocol")
    assert status == 200, text
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames is not None and list(reader.fieldnames[-7:]) == IDENTITY
    assert {r["family_name"]: r["name_in_document"] for r in reader} == EXPECTED

    v = await _security_officer(api, smtp, "fr")
    status, text, _ = await v.go("GET", f"{PAGE}/vetting.csv")
    assert status == 200, text
    rows = _rows(text)
    assert list(rows[0])[-7:] == IDENTITY
    assert {r["family_name"]: r["name_in_document"] for r in rows} == EXPECTED
    # the file still goes back as it was downloaded, the new column ignored
    for r in rows:
        r["status"] = "cleared"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=";")
    writer.writeheader()
    writer.writerows(rows)
    _, page, _ = await v.go("GET", f"{PAGE}?lang=fr")
    status, _, resp = await v.go("POST", f"{PAGE}/vetting.csv?lang=fr", _upload(
        b"\xef\xbb\xbf" + out.getvalue().encode(), hidden(page, "csrf")))
    assert status == 303, await resp.text()


def _names(page: str) -> dict[str, str]:
    """Each row's family name and the cell of the name as written in the document."""
    found = {}
    for row in re.findall(r'<tr id="vetting-[^"]*">(.*?)</tr>', page, re.S):
        name = re.search(r'<td class="card-title">([^<,]*),', row)
        cell = re.search(r'<td[^>]*class="identity identity-name"[^>]*>(.*?)</td>', row, re.S)
        assert name and cell, row
        found[html.unescape(name.group(1))] = html.unescape(cell.group(1))
    return found


async def test_the_security_page_shows_the_name_as_written_in_the_document(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Fails before: no such column. Beside the document, its column headed in the page's
    language; a name not given leaves the cell empty (on a phone, no label with nothing)."""
    await _four_people(api)
    v = await _security_officer(api, smtp, "fr")
    status, page, _ = await v.go("GET", f"{PAGE}?lang=fr")
    assert status == 200, page
    assert ('<th scope="col">Pièce d\'identité</th><th scope="col">Nom sur la pièce</th>'
            in html.unescape(page))
    assert _names(page) == EXPECTED
    assert 'data-label="Nom sur la pièce" class="identity identity-name"></td>' in page
    status, page, _ = await v.go("GET", f"{PAGE}?lang=en&q=peeters")
    assert '<th scope="col">Name in the document</th>' in page
    assert _names(page) == {"Peeters": "PEETERS Jan Maria Josef"}


async def test_the_clearance_s_state_is_said_as_the_console_says_it(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Fails before: the page said « Statut » and « accordée » where the console says « État »
    (and "Status") and capitalises a state in its tables and labels. The column, the filter's
    label and its options, the row's select: « État », « Accordée »; running text keeps the
    console's lower case (« Habilitation enregistrée pour Jan Peeters : accordée. »)."""
    ids = await _four_people(api)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{ids['Peeters']}/vetting/status", role="protocol",
        json={"status": "cleared"})
    assert status == 200, body
    v = await _security_officer(api, smtp, "fr")
    status, page, _ = await v.go("GET", f"{PAGE}?lang=fr")
    assert status == 200, page
    assert "Statut" not in page and "statut" not in page
    assert '<th scope="col">État</th>' in html.unescape(page)
    assert html.unescape(re.search(r'<label for="status">([^<]*)</label>', page)
                         .group(1)) == "État"  # type: ignore[union-attr]
    assert _people(page) == {"Laan, Eva": "En attente", "López, Ana": "En attente",
                             "Maes, Dirk": "En attente", "Peeters, Jan": "Accordée"}
    options = [html.unescape(o) for o in re.findall(
        r"<option[^>]*>([^<]*)</option>", element_html(page, "status-filter"))]
    assert options == ["Tous", "En attente", "Accordée",
                       "Informations complémentaires demandées", "Refusée"]
    row = element_html(page, f"record-{ids['Peeters']}")
    assert re.search(r'<option value="cleared" selected>Accordée</option>', row)
    status, page, _ = await v.go("GET", f"{PAGE}?lang=fr&status=refused")
    assert element(page, "people-none") == "Personne n'est dans cet état."

    status, page, _ = await v.go("GET", f"{PAGE}?lang=en")
    assert '<th scope="col">Status</th>' in page
    assert _people(page)["Peeters, Jan"] == "Cleared"
    options = [html.unescape(o) for o in re.findall(
        r"<option[^>]*>([^<]*)</option>", element_html(page, "status-filter"))]
    assert options == ["All", "Pending", "Cleared", "More information asked", "Refused"]

    # the sentence after recording keeps the console's lower case
    row_path = f"{PAGE}/people/{ids['Laan']}/status"
    status, _, resp = await v.go("POST", f"{row_path}?lang=fr", {
        "csrf": hidden(page, "csrf"), "status": "cleared", "reason": ""})
    assert status == 303
    _, page, _ = await v.go("GET", resp.headers["Location"].split("#")[0])
    assert "Habilitation enregistrée pour Eva Laan\u00a0: accordée." in page
    assert _people(page)["Laan, Eva"] == "Accordée"


def element_html(page: str, element_id: str) -> str:
    """The inner HTML of the element with this id."""
    match = re.search(rf'<(\w+)[^>]*\bid="{re.escape(element_id)}"[^>]*>(.*?)</\1>', page, re.S)
    assert match, f"no element #{element_id}"
    return match.group(2)
