"""The file the security service screens: each person's delegation. A member of an
international organisation's delegation (Europol) had an empty delegation cell (the column
read the delegation's country code only), so the service screened a name with nothing to say
whom the person came with. The cell now names the organisation; a country's stays its ISO
code, and a press person's is their media outlet."""

from __future__ import annotations

import csv
import io
from typing import Any

from tests.browser.helpers import BASE, member
from tests.conftest import Api, conference_body, press_body
from tests.http.conftest_programme import make_delegation


async def test_the_vetting_file_names_an_organisation_s_delegation(api: Api) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["minister",
                                                                            "official"]))
    assert status == 201, body
    europol = await make_delegation(api, organisation="Europol")
    be = await make_delegation(api, country="BE")
    people: dict[str, Any] = {
        "DeBolle": await member(api, europol, "DeBolle", category="official",
                                 rank="head_of_organisation"),
        "Verlinden": await member(api, be, "Verlinden")}
    status, text, _ = await api.call("GET", f"{BASE}/vetting.csv", role="protocol")
    assert status == 200, text
    rows = {r["family_name"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["DeBolle"]["delegation"] == "Europol", rows
    assert rows["Verlinden"]["delegation"] == "BE"
    assert rows["DeBolle"]["accreditation_id"] == people["DeBolle"]["id"]


async def test_the_vetting_file_names_a_press_person_s_outlet(api: Api) -> None:
    """A journalist had an empty delegation cell: the security service screened a name with
    nothing to say whom they came for. The cell now names their media outlet
    (docs/credentials.md, "Vetting")."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["press"]))
    assert status == 201, body
    status, journalist, _ = await api.call("POST", f"{BASE}/accreditations",
                                           json=press_body())
    assert status == 201, journalist
    status, text, _ = await api.call("GET", f"{BASE}/vetting.csv", role="protocol")
    assert status == 200, text
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert (row["accreditation_id"], row["family_name"], row["category"], row["delegation"]) \
        == (journalist["id"], "Dupont", "press", "Le Soir")
