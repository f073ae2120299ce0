"""What the security service reads of a person carries the name as written in their identity
document (``name_in_document``, migration 0064), and the clearance's state is one word in one
case on the security page as on the console (docs/credentials.md, "Vetting";
docs/workspaces.md, "The security service"). A real database and a real SMTP server."""

from __future__ import annotations

import csv
import io

from tests.browser.helpers import hidden
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_workspaces_security import PAGE, _rows, _security_officer, _upload
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

