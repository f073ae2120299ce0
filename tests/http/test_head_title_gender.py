"""The head of delegation's title in her or his gender, the same in every list protocol reads
(docs/protocol.md, "Forms of address"): found in a user test, the on-screen list of
participants and the order of precedence's CSV said « chef de délégation » of a woman, where
the PDF and the participants' CSV said « cheffe ». A real database and a real SMTP server."""

from __future__ import annotations

import csv
import io

from tests.browser.helpers import BASE, element
from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import staff
from tests.support import RecordingSMTP


async def _head(api: Api, country: str, given: str, family: str, gender: str,
                deleg: dict[str, object] | None = None, rank: str = "foreign_minister",
                category: str = "minister") -> dict[str, object]:
    deleg = deleg or await make_delegation(api, country)
    status, created, _ = await api.call("POST", f"{BASE}/accreditations", role="protocol", json={
        "category": category, "given_name": given, "family_name": family, "gender": gender,
        "email": f"{family.lower()}@example.org", "language": "fr",
        "delegation_id": deleg["id"], "rank": rank, "function": "Ministre"})
    assert status == 201, created
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="protocol",
        json={"decision": "approve"})
    assert status == 200, decided
    return deleg


async def test_a_woman_heads_her_delegation_as_cheffe_in_every_list(
    api: Api, smtp: RecordingSMTP, conference: object
) -> None:
    be = await _head(api, "BE", "Hadja", "Lahbib", "female")
    await _head(api, "BE", "Sophie", "Wilmes", "female", be, rank="ambassador",
                category="official")
    await _head(api, "GR", "Nikos", "Dendias", "male")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    cookies = {"Cookie": "; ".join(f"{k}={v}" for k, v in protocol.cookies.items())}

    _, page, _ = await protocol.go("GET", "/manage/alliance/participants?lang=fr")
    listed = element(page, "main")
    assert "Son Excellence Madame Hadja Lahbib (cheffe de délégation)" in listed, listed
    assert "Son Excellence Monsieur Nikos Dendias (chef de délégation)" in listed, listed
    _, page, _ = await protocol.go("GET", "/manage/alliance/participants?lang=en")
    assert "(head of delegation)" in element(page, "main")

    resp = await protocol.api.client.get("/manage/alliance/precedence.csv?lang=fr",
                                         headers=cookies)
    assert resp.status == 200
    rows = list(csv.reader(io.StringIO((await resp.read()).decode("utf-8-sig")),
                           delimiter=";"))
    roles = {row[3]: row[-1] for row in rows if row[-2] == "head"}
    assert roles == {"Son Excellence Madame Hadja Lahbib": "Cheffe de délégation",
                     "Son Excellence Monsieur Nikos Dendias": "Chef de délégation"}, rows
    resp = await protocol.api.client.get("/manage/alliance/precedence.csv?lang=en",
                                         headers=cookies)
    rows = list(csv.reader(io.StringIO((await resp.read()).decode("utf-8-sig")),
                           delimiter=";"))
    assert {row[-1] for row in rows if row[-2] == "head"} == {"Head of delegation"}

    # the participants' CSV: each rank in the member's gender's form, as the pages write it
    resp = await protocol.api.client.get("/manage/alliance/participants.csv?lang=fr",
                                         headers=cookies)
    rows = list(csv.reader(io.StringIO((await resp.read()).decode("utf-8-sig")),
                           delimiter=";"))
    assert {row[5]: (row[3], row[8]) for row in rows[1:]} == {
        "Lahbib": ("Cheffe de délégation", "Ministre des Affaires étrangères"),
        "Wilmes": ("", "Ambassadrice / représentante permanente"),
        "Dendias": ("Chef de délégation", "Ministre des Affaires étrangères")}, rows

    # the API's order of precedence gives the title as the lists write it
    status, order, _ = await api.call("GET", f"{BASE}/precedence", role="protocol")
    assert status == 200, order
    assert {e["head"]["family_name"]: e["head_title"] for e in order["order"]} == {
        "Lahbib": "cheffe de délégation", "Dendias": "chef de délégation"}
