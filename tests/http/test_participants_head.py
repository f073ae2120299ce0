"""The list of participants as protocol prints and sends it (docs/lifecycle.md, "List of
participants"). A user test found it began with the first delegation: the royal patron and the
hosts, who open every protocol list (docs/protocol.md, "Patron and hosts"), were missing, and
the PDF said neither when nor where the conference takes place, nor which page a sheet was.
The list now opens with the patron and the hosts, in the list's language; the PDF's first page
gives the conference's title, dates (in words) and place, and every page "page N of M"
("page N sur M")."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import date
from typing import Any

from pypdf import PdfReader

from conference.mail import formatting
from tests.browser.helpers import BASE, element, member
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import staff
from tests.support import RecordingSMTP

HOSTS = [{"name": "Cecilia Malmström", "rank": "minister",
          "function": {"fr": "Commissaire européenne au commerce",
                       "en": "European Commissioner for Trade"}},
         {"name": "Eric Holder", "rank": "minister"}]


def pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


async def _conference(api: Api) -> dict[str, Any]:
    status, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                           json=conference_body(hosts=HOSTS))
    assert status == 201, conference
    be = await make_delegation(api, country="BE")
    await member(api, be, "Reynders", rank="foreign_minister")
    return dict(conference)


def _dates(conference: dict[str, Any], language: str) -> str:
    return formatting.day_range(date.fromisoformat(conference["starts_on"]),
                                date.fromisoformat(conference["ends_on"]), language)


async def test_the_list_opens_with_the_patron_and_the_hosts(api: Api) -> None:
    conference = await _conference(api)
    status, listing, _ = await api.call("GET", f"{BASE}/participants", role="protocol")
    assert status == 200, listing
    assert (listing["patron"], listing["hosts"]) == (
        "S.M. la Reine Paola de Belgique",
        [{"name": "Cecilia Malmström", "function": "Commissaire européenne au commerce",
          "styled_name": "Son Excellence Cecilia Malmström"},
         {"name": "Eric Holder", "function": None,
          "styled_name": "Son Excellence Eric Holder"}])

    status, pdf, resp = await api.call("GET", f"{BASE}/participants", role="protocol",
                                       headers={"Accept": "application/pdf"})
    assert status == 200 and resp.headers["Content-Type"] == "application/pdf"
    [first] = pages(pdf)
    head = ("Alliance mondiale : réunion " + _dates(conference, "fr")
            + " Charlemagne, Rue de la Loi 170, 1040 Bruxelles Liste des participants "
            "Sous le haut patronage de S.M. la Reine Paola de Belgique "
            "Hôtes Son Excellence Cecilia Malmström, Commissaire européenne au commerce "
            "Son Excellence Eric Holder Belgique")
    assert first.startswith(head), first
    assert first.endswith("page 1 sur 1"), first

    status, page, _ = await api.call("GET", f"{BASE}/participants?format=html", role="protocol")
    assert status == 200
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert "Sous le haut patronage de S.M. la Reine Paola de Belgique Hôtes Son Excellence " \
           "Cecilia Malmström, Commissaire européenne au commerce Son Excellence Eric Holder " \
           "1. Belgique" in text, text


async def test_the_console_s_list_and_its_pdf_open_with_the_patron_and_the_hosts(
    api: Api, smtp: RecordingSMTP
) -> None:
    conference = await _conference(api)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", "/manage/alliance/participants?lang=en")
    assert status == 200, page
    assert element(page, "patron") == "Under the high patronage of H.M. Queen Paola of Belgium"
    assert element(page, "hosts") == ("H.E. Cecilia Malmström, European Commissioner for "
                                      "Trade H.E. Eric Holder")
    assert page.index('id="patron-and-hosts"') < page.index("Reynders")

    resp = await protocol.api.client.get("/manage/alliance/participants.pdf?lang=en", headers={
        "Cookie": "; ".join(f"{k}={v}" for k, v in protocol.cookies.items())})
    assert resp.status == 200
    [first] = pages(await resp.read())
    assert first.startswith("Global Alliance: meeting " + _dates(conference, "en")
                            + " Charlemagne, Rue de la Loi 170, 1040 Bruxelles "
                            "List of participants Under the high patronage of H.M. Queen Paola "
                            "of Belgium Hosts H.E. Cecilia Malmström, European Commissioner "
                            "for Trade H.E. Eric Holder Belgium"), first
    assert first.endswith("page 1 of 1"), first


async def _head(api: Api, deleg: dict[str, Any], given: str, family: str, gender: str) -> None:
    status, created, _ = await api.call("POST", f"{BASE}/accreditations", role="protocol", json={
        "category": "official", "given_name": given, "family_name": family, "gender": gender,
        "email": f"{family.lower()}@example.org", "language": "en", "rank": "senior_official",
        "delegation_id": deleg["id"], "function": "Head of the European Cybercrime Centre"})
    assert status == 201, created
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{created['id']}/decision",
                                     role="protocol", json={"decision": "approve"})
    assert status == 200, body


async def test_a_woman_heading_a_delegation_is_cheffe_de_delegation(api: Api) -> None:
    """Tryout: the French PDF read « Madame Katrin Vogel, Head of the European Cybercrime
    Centre (Chef de délégation) »: the feminine form the French administration uses, and
    lowercase inside the parenthesis."""
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                  json=conference_body())
    assert status == 201
    await _head(api, await make_delegation(api, country="DE"), "Katrin", "Vogel", "female")
    await _head(api, await make_delegation(api, country="BE"), "Jan", "Wouters", "male")
    status, pdf, _ = await api.call("GET", f"{BASE}/participants", role="protocol",
                                    headers={"Accept": "application/pdf"})
    assert status == 200
    [first] = pages(pdf)
    assert "Madame Katrin Vogel, Head of the European Cybercrime Centre (cheffe de " \
           "délégation)" in first, first
    assert "Monsieur Jan Wouters, Head of the European Cybercrime Centre (chef de " \
           "délégation)" in first, first
    status, listing, _ = await api.call("GET", f"{BASE}/participants", role="protocol")
    assert {m["head_title"] for d in listing["delegations"] for m in d["members"]} == {
        "cheffe de délégation", "chef de délégation"}


async def test_the_participants_csv_names_a_woman_heading_a_delegation_cheffe(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The console's CSV put « Chef de délégation » beside every head's "yes", a woman's too,
    where the PDF says « cheffe de délégation » (review, 2 December 2026)."""
    status, _, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                  json=conference_body())
    assert status == 201
    await _head(api, await make_delegation(api, country="DE"), "Katrin", "Vogel", "female")
    await _head(api, await make_delegation(api, country="BE"), "Jan", "Wouters", "male")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    for language, woman, man in (("fr", "Cheffe de délégation", "Chef de délégation"),
                                 ("en", "Head of delegation", "Head of delegation")):
        resp = await api.client.get(f"/manage/alliance/participants.csv?lang={language}",
                                    headers={"Cookie": "; ".join(
                                        f"{k}={v}" for k, v in protocol.cookies.items())})
        assert resp.status == 200
        rows = list(csv.reader(io.StringIO((await resp.read()).decode("utf-8-sig")),
                               delimiter=";"))
        heads = {row[5]: row[2:4] for row in rows[1:]}
        assert heads == {"Vogel": ["yes", woman], "Wouters": ["yes", man]}, rows
