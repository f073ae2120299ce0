"""Where a delegation stands on the protocol's lists, and who is named at its head.

A user test found France 7th on the list of participants, after "6. UNICEF": France's deputy
minister was refused security clearance, left out of the list, and France, headless, was sorted
last, against the rule that international organisations come after states (PROTOCOL.md §4).
Meanwhile the order of precedence and the delegation portal still named her head of delegation.
A delegation's place on the list now follows its state's (or organisation's) place, whoever is
listed for it; a person refused clearance heads no delegation: the next ranking member does
(docs/lifecycle.md, "List of participants"; docs/protocol.md, "Heads of delegation").

The same test found the host written "Hôte : Hadja Lahbib" where every guest minister is
"Son Excellence …", and the statistics counting heads by a gender nobody filled in rather than
by the salutation they were registered with.
"""

from __future__ import annotations

import csv
import html
import io
import re
from typing import Any

from pypdf import PdfReader

from tests.browser.helpers import BASE, element, member, text
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import accredit, at, make_delegation, make_room, make_session
from tests.http.test_console import _signed_in, staff
from tests.http.test_workspaces import link_in
from tests.support import RecordingSMTP


async def _refuse(api: Api, aid: str) -> None:
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/vetting/status",
                                     role="protocol",
                                     json={"status": "refused", "reason": "Record mismatch."})
    assert status == 200, body


def _page_text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


async def _france_without_its_minister(api: Api) -> dict[str, Any]:
    """BE led by a minister; FR whose deputy minister is refused clearance, with an official
    and an expert; UNICEF led by its head. Returns France's delegation."""
    be = await make_delegation(api, "BE")
    fr = await make_delegation(api, "FR")
    unicef = await make_delegation(api, organisation="UNICEF")
    await member(api, be, "Reynders", rank="foreign_minister")
    chappaz = await member(api, fr, "Chappaz", rank="deputy_minister")
    await member(api, fr, "Dupont", category="official", rank="official")
    await member(api, fr, "Expertise", category="expert", rank="expert")
    await member(api, unicef, "Russell", category="official", rank="head_of_organisation")
    await _refuse(api, chappaz["id"])
    return fr


async def test_a_state_whose_head_is_left_out_keeps_its_place_before_the_organisations(
    api: Api, conference: dict[str, Any]
) -> None:
    await _france_without_its_minister(api)

    status, listing, _ = await api.call("GET", f"{BASE}/participants", role="protocol")
    assert status == 200, listing
    assert [(d["position"], d["delegation"], [m["family_name"] for m in d["members"]])
            for d in listing["delegations"]] == [
        (1, "Belgique", ["Reynders"]), (2, "France", ["Dupont", "Expertise"]),
        (3, "UNICEF", ["Russell"])]
    assert [m["head"] for m in listing["delegations"][1]["members"]] == [True, False]

    status, listed_csv, _ = await api.call("GET", f"{BASE}/participants", role="protocol",
                                           headers={"Accept": "text/csv"})
    assert status == 200
    rows = list(csv.DictReader(io.StringIO(listed_csv.lstrip("\ufeff"))))
    assert [r["delegation"] for r in rows] == ["Belgique", "France", "France", "UNICEF"]

    status, pdf, _ = await api.call("GET", f"{BASE}/participants", role="protocol",
                                    headers={"Accept": "application/pdf"})
    assert status == 200
    lines = [line.strip() for p in PdfReader(io.BytesIO(pdf)).pages
             for line in p.extract_text().splitlines()]
    assert [x for x in lines if x in ("Belgique", "France", "UNICEF")] == [
        "Belgique", "France", "UNICEF"]

    status, page, _ = await api.call("GET", f"{BASE}/participants?format=html", role="protocol")
    assert status == 200
    assert "1. Belgique" in page and "2. France" in page and "3. UNICEF" in page, page


async def test_a_person_refused_clearance_heads_no_delegation(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    fr = await _france_without_its_minister(api)

    status, order, _ = await api.call("GET", f"{BASE}/precedence", role="protocol")
    assert status == 200, order
    assert [(e["delegation"], e["head"]["family_name"]) for e in order["order"]] == [
        ("Belgique", "Reynders"), ("UNICEF", "Russell"), ("France", "Dupont")]

    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    status, page, _ = await protocol.go("GET", "/manage/alliance/precedence")
    assert status == 200
    assert "Chappaz" not in text(element(page, "precedence")), page

    welcome = (await smtp.wait_for(1, where=lambda m: "fp-fr@example.org" in m["To"]))[0]
    portal = await _signed_in(api, link_in(welcome))
    status, page, _ = await portal.go("GET", "/delegation/alliance-fr?lang=fr")
    assert status == 200, page
    assert text(element(page, "head")) == "Anna Dupont (Fonctionnaire)"
    assert fr


async def test_hosts_are_styled_as_guests_of_their_rank_are(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    be = await make_delegation(api, "BE")
    await member(api, be, "Reynders", rank="foreign_minister")

    status, listing, _ = await api.call("GET", f"{BASE}/participants", role="protocol")
    assert status == 200, listing
    assert [(h["name"], h["styled_name"]) for h in listing["hosts"]] == [
        ("Cecilia Malmström", "Son Excellence Cecilia Malmström"),
        ("Eric Holder", "Son Excellence Eric Holder")]
    status, pdf, _ = await api.call("GET", f"{BASE}/participants", role="protocol",
                                    headers={"Accept": "application/pdf"})
    pdf_text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Hôtes Son Excellence Cecilia Malmström Son Excellence Eric Holder" in pdf_text

    status, order, _ = await api.call("GET", f"{BASE}/precedence", role="protocol")
    assert [h["styled_name"] for h in order["hosts"]] == [
        "Son Excellence Cecilia Malmström", "Son Excellence Eric Holder"]

    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    status, page, _ = await protocol.go("GET", "/manage/alliance/precedence?lang=fr")
    assert status == 200
    hosts = text(element(page, "patron-and-hosts")).replace("\u00a0", " ")
    assert hosts.endswith(
        "Hôte : Son Excellence Cecilia MalmströmHôte : Son Excellence Eric Holder"), hosts
    status, page, _ = await protocol.go("GET", "/manage/alliance/participants?lang=en")
    assert status == 200
    assert "H.E. Cecilia Malmström H.E. Eric Holder" in _page_text(page)


async def test_heads_are_counted_by_the_salutation_they_were_registered_with(
    api: Api, conference: dict[str, Any]
) -> None:
    for code, family, salutation in (("BE", "Lahbib", "mrs"), ("FR", "Barrot", "mr"),
                                     ("DE", "Neutral", "neutral")):
        d = await make_delegation(api, code)
        status, body, _ = await api.call("POST", f"{BASE}/accreditations", role="protocol", json={
            "category": "minister", "given_name": "Anna", "family_name": family,
            "email": f"{family.lower()}@example.org", "salutation": salutation,
            "delegation_id": d["id"], "rank": "minister", "function": "Ministre"})
        assert status == 201, body

    status, stats, _ = await api.call("GET", f"{BASE}/statistics", role="protocol")
    assert status == 200, stats
    assert stats["heads_by_salutation"] == {"women": 1, "men": 1, "not_stated": 1}


def _options(page: str, name: str) -> list[str]:
    """The texts of a select's options, the empty choice left out."""
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select, page
    return [html.unescape(o).strip() for o in
            re.findall(r"<option[^>]*value=\"[^\"]+\"[^>]*>([^<]*)</option>", select.group(1))]


async def test_console_lists_sort_names_as_the_page_s_language_does(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """"États-Unis" among the E-names, before "UNICEF"; "Sans pays" after every country
    (docs/protocol.md, "Collation")."""
    us = await make_delegation(api, "US")
    unicef = await make_delegation(api, organisation="UNICEF")
    be = await make_delegation(api, "BE")
    for d, family in ((us, "Blinken"), (unicef, "Russell"), (be, "Reynders")):
        await member(api, d, family)
    await api.call("POST", f"{BASE}/accreditations", json={
        "category": "press", "given_name": "Jean", "family_name": "Sanspays",
        "email": "sanspays@example.org", "language": "fr",
        "press": {"outlet": "Le Soir", "press_card_number": "B-1", "role": "journalist"}})
    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    expected = ["Belgique", "États-Unis", "UNICEF"]
    for path in ("/manage/alliance/accreditations", "/manage/alliance/badges"):
        status, page, _ = await protocol.go("GET", f"{path}?lang=fr")
        assert status == 200, page
        assert _options(page, "delegation") == expected, path
    status, page, _ = await protocol.go("GET", "/manage/alliance/import?lang=fr")
    assert status == 200
    assert _options(page, "delegation") == expected
    status, page, _ = await protocol.go("GET", "/manage/alliance/quotas?lang=fr")
    assert status == 200
    text_ = _page_text(page)
    assert text_.index("États-Unis") < text_.index("UNICEF"), text_
    status, page, _ = await protocol.go("GET", "/manage/alliance/statistics?lang=fr")
    assert status == 200
    by_country = _page_text(element(page, "by-country"))
    assert [n for n in ("Belgique", "États-Unis", "Sans pays") if n in by_country] == [
        "Belgique", "États-Unis", "Sans pays"], by_country
    assert by_country.index("États-Unis") < by_country.index("Sans pays"), by_country
    by_delegation = _page_text(element(page, "by-delegation"))
    assert by_delegation.index("États-Unis") < by_delegation.index("UNICEF"), by_delegation


async def test_console_downloads_open_in_a_european_excel_and_say_codes_in_words(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """A download for people is UTF-8 with a BOM and ";"-separated (what Excel in fr-BE splits
    on), and names its codes in words in the file's language; the API's CSV is unchanged
    (docs/lifecycle.md, "CSV files")."""
    gr = await make_delegation(api, "GR")
    await member(api, gr, "Dendias", rank="foreign_minister")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")

    resp = await protocol.api.client.get("/manage/alliance/precedence.csv?lang=fr", headers={
        "Cookie": "; ".join(f"{k}={v}" for k, v in protocol.cookies.items())})
    assert resp.status == 200
    body = await resp.read()
    # headed wholly in the file's language, a code column "(code)" before its words (the
    # tryout read « position;delegation;country;head;function;status;État;role;Rôle »)
    assert body.startswith("\ufeffN° d'ordre;Délégation;Pays (code ISO);Chef de délégation;"
                           "Fonction;État (code);État;Rôle (code);Rôle\r\n".encode())
    assert resp.headers["Content-Disposition"] == 'attachment; filename="precedence-alliance.csv"'

    # after the patron and the two hosts (docs/protocol.md, "Heads of delegation")
    assert body.decode("utf-8-sig").split("\r\n")[4] == (
        "1;Grèce;GR;Son Excellence Anna Dendias;Minister;approved;Accordée;head;"
        "Chef de délégation")

    resp = await protocol.api.client.get("/manage/alliance/participants.csv?lang=fr", headers={
        "Cookie": "; ".join(f"{k}={v}" for k, v in protocol.cookies.items())})
    assert resp.status == 200
    rows = list(csv.reader(io.StringIO((await resp.read()).decode("utf-8-sig")),
                           delimiter=";"))
    assert resp.headers["Content-Disposition"] == \
        'attachment; filename="participants-alliance.csv"'
    assert rows == [
        ["N° d'ordre", "Délégation", "Chef de délégation (code)", "Chef de délégation",
         "Nom et titre", "Nom", "Prénom", "Rang protocolaire (code)", "Rang protocolaire",
         "Fonction", "Catégorie (code)", "Catégorie"],
        ["1", "Grèce", "yes", "Chef de délégation", "Son Excellence Anna Dendias", "Dendias",
         "Anna", "foreign_minister", "Ministre des Affaires étrangères", "Minister", "minister",
         "Ministre"]]

    resp = await protocol.api.client.get("/manage/alliance/participants.csv?lang=en", headers={
        "Cookie": "; ".join(f"{k}={v}" for k, v in protocol.cookies.items())})
    assert (await resp.read()).decode("utf-8-sig").startswith(
        "Order;Delegation;Head of delegation (code);Head of delegation;Name as styled;"
        "Family name;Given name;Protocol rank (code);Protocol rank;Function;Category (code);"
        "Category\r\n")

    # the API's CSV, for programs: as the contract documents it, machine names
    status, text_, resp = await api.call("GET", f"{BASE}/participants", role="protocol",
                                         headers={"Accept": "text/csv"})
    assert status == 200
    assert text_.startswith("\ufeffposition,delegation,head,styled_name,family_name,"), text_
    assert resp.headers["Content-Disposition"] == \
        'attachment; filename="participants-alliance.csv"'


async def test_the_royal_security_list_holds_only_people_who_may_get_a_badge(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Someone still waiting for a clearance their category needs is not on it (no badge, no
    door); before the deadline the list "will be" frozen; the audience's role is a role
    (docs/protocol.md, "Royal presence and high patronage")."""
    status, conf, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["official"]))
    assert status == 201, conf
    us = await make_delegation(api, "US")
    hartley = await accredit(api, "Jane", "Hartley", delegation=us, category="official",
                             rank="ambassador")
    cleared = await accredit(api, "John", "Cleared", delegation=us, category="official",
                             rank="official")
    await api.call("POST", f"/api/v1/accreditations/{cleared['id']}/vetting/status",
                   role="protocol", json={"status": "cleared", "reason": None})
    await accredit(api, "Anna", "Rubio", delegation=us, category="minister", rank="minister")
    hall = await make_room(api, "Plenary hall")
    royal = await make_session(api, hall, at(conf, 9), at(conf, 10), royal_presence=True,
                               press_access="pool", audience=["minister", "official"])

    status, listing, _ = await api.call("GET", f"/api/v1/sessions/{royal['id']}/security-list",
                                        role="protocol")
    assert status == 200, listing
    assert [e["family_name"] for e in listing["items"]] == ["Cleared", "Rubio"]
    await api.call("POST", f"/api/v1/accreditations/{hartley['id']}/vetting/status",
                   role="protocol", json={"status": "more_information",
                                          "reason": "The passport's second page."})
    status, listing, _ = await api.call("GET", f"/api/v1/sessions/{royal['id']}/security-list",
                                        role="protocol")
    assert [e["family_name"] for e in listing["items"]] == ["Cleared", "Rubio"]

    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    status, page, _ = await protocol.go(
        "GET", f"/manage/alliance/sessions/{royal['id']}/security-list?lang=fr")
    assert status == 200, page
    deadline = text(element(page, "deadline")).replace("\u00a0", " ")
    assert deadline.startswith("La liste sera arrêtée le "), deadline
    assert deadline.endswith(" – Elle reste ouverte jusque-là."), deadline
    table = page[page.index('id="security-list"'):]
    rows = _page_text(table[:table.index("</table>")])
    assert "Hartley" not in rows
    assert "Cleared John États-Unis Fonctionnaire Dans l'assistance" in rows, rows
    assert "Catégories invitées" not in _page_text(table)
    # named apart, off the list until cleared
    assert "Jane Hartley, États-Unis – Dans l'assistance" in _page_text(
        element(page, "awaiting-clearance"))


async def test_a_host_accredited_as_staff_is_named_with_her_civility_title(
    api: Api, conference: dict[str, Any]
) -> None:
    """The Commissioner hosting the conference is accredited as staff, with no delegation (as
    the demo does): the order of precedence and the list of participants named her "H.E.
    Cecilia Malmström" / "Son Excellence Cecilia Malmström", her gender unseen, while the host
    accredited as a minister of a delegation was "Son Excellence Monsieur Eric Holder"
    (docs/protocol.md, "Patron and hosts"; found in a tryout of the royal-presence session)."""
    status, body, _ = await api.call("POST", f"{BASE}/accreditations", role="protocol", json={
        "category": "staff", "given_name": "Cecilia", "family_name": "Malmström",
        "email": "cecilia.malmstrom@example.org", "language": "en", "gender": "female",
        "rank": "minister"})
    assert status == 201, body
    us = await make_delegation(api, "US")
    await accredit(api, "Eric", "Holder", delegation=us, gender="male")
    status, order, _ = await api.call("GET", f"{BASE}/precedence", role="protocol")
    assert status == 200, order
    assert [h["styled_name"] for h in order["hosts"]] == [
        "Son Excellence Madame Cecilia Malmström", "Son Excellence Monsieur Eric Holder"]
    status, listing, _ = await api.call("GET", f"{BASE}/participants", role="protocol")
    assert status == 200, listing
    assert [h["styled_name"] for h in listing["hosts"]] == [
        "Son Excellence Madame Cecilia Malmström", "Son Excellence Monsieur Eric Holder"]


async def test_a_host_accredited_in_her_delegation_is_listed_once_among_the_hosts(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """Tried as a secretariat (5 December 2026): the host country's minister, one of the
    conference's hosts, filed by her focal point, was listed under "Hôtes" and again in her
    delegation, after the permanent secretary who heads it (a host heads no guest delegation).
    She is listed once, among the hosts (docs/lifecycle.md, "List of participants")."""
    us = await make_delegation(api, "US")
    await accredit(api, "Eric", "Holder", delegation=us, rank="minister")
    await member(api, us, "Smith", category="official", rank="senior_official")
    status, listing, _ = await api.call("GET", f"{BASE}/participants", role="protocol")
    assert status == 200, listing
    [delegation] = listing["delegations"]
    assert [m["family_name"] for m in delegation["members"]] == ["Smith"], delegation
    assert [h["name"] for h in listing["hosts"]] == ["Cecilia Malmström", "Eric Holder"]
    status, pdf, _ = await api.call("GET", f"{BASE}/participants", role="protocol",
                                    headers={"Accept": "application/pdf"})
    pdf_text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
                        .split())
    assert pdf_text.count("Holder") == 1, pdf_text
