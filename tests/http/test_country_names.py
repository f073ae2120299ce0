"""Countries as UN and EU meetings name them, and as people type them (docs/protocol.md,
"Country names", "Country codes"): a conference secretariat found Palestine only as
"Palestinian Territories", filed under T, « Palestine » and « République tchèque » refused by
the import, and the press form offering Bouvet Island among the countries."""

from __future__ import annotations

import re
from typing import Any

from tests.conftest import Api
from tests.http.conftest_programme import make_delegation


def _options(page: str, select: str) -> list[tuple[str, str]]:
    chosen = page.split(f'id="{select}"')[1].split("</select>")[0]
    return re.findall(r'<option value="([A-Z]{2})"[^>]*>([^<]*)</option>', chosen)


async def test_the_press_form_names_the_state_of_palestine_and_no_uninhabited_island(
    api: Api, conference: dict[str, Any]
) -> None:
    for language, palestine, bouvet in (("fr", "État de Palestine", "Île Bouvet"),
                                        ("en", "State of Palestine", "Bouvet Island")):
        resp = await api.client.get(f"/alliance/press?lang={language}")
        page = await resp.text()
        assert resp.status == 200, page
        options = _options(page, "country")
        names = [name.replace("&#39;", "'") for _, name in options]
        assert ("PS", palestine) in options
        assert not any("palestinien" in n.lower() or "Palestinian" in n for n in names)
        assert bouvet not in names
        assert not {"AQ", "BV", "GS", "HM", "IO", "TF", "UM"} & {code for code, _ in options}
        assert ("BE", "Belgique" if language == "fr" else "Belgium") in options
    # « État de Palestine » sorted among the E-names, after « Estonie », before « États-Unis »
    resp = await api.client.get("/alliance/press?lang=fr")
    codes = [code for code, _ in _options(await resp.text(), "country")]
    assert codes.index("EE") < codes.index("PS") < codes.index("US")


async def test_an_import_reads_the_names_people_type_for_a_country(
    api: Api, conference: dict[str, Any]
) -> None:
    ps = await make_delegation(api, "PS")
    cz = await make_delegation(api, "CZ")
    tr = await make_delegation(api, "TR")
    ci = await make_delegation(api, "CI")
    rows = [("a", "Palestine"), ("b", "État de Palestine"), ("c", "State of Palestine"),
            ("d", "Territoires palestiniens"), ("e", "République tchèque"),
            ("f", "Czech Republic"), ("g", "Tchéquie"), ("h", "Turkey"), ("i", "Türkiye"),
            ("j", "Ivory Coast"), ("k", "Côte d'Ivoire"), ("l", "cote d ivoire")]
    data = ("email,given_name,family_name,category,rank,function,delegation\r\n" + "".join(
        f"{who}@example.org,Ana,Test,expert,expert,,{name}\r\n" for who, name in rows)).encode()
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/imports?dry_run=false", role="protocol",
        data=data, headers={"Content-Type": "text/csv"})
    assert status == 200, body
    assert [(r["row"], r["errors"]) for r in body["rows"]] == [(n, []) for n in range(2, 14)]
    assert body["applied"] is True
    status, listed, _ = await api.call(
        "GET", "/api/v1/conferences/alliance/accreditations?limit=100", role="protocol")
    assert status == 200, listed
    delegation_of = {a["email"][0]: a["delegation_id"] for a in listed["items"]}
    assert delegation_of == {
        **dict.fromkeys("abcd", ps["id"]), **dict.fromkeys("efg", cz["id"]),
        **dict.fromkeys("hi", tr["id"]), **dict.fromkeys("jkl", ci["id"])}
