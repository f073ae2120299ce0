"""A person's title in their gender (docs/protocol.md, "Titles in the person's gender"): a
letter says what a member of the minister category is accredited as by their rank, in their
gender: « ambassadrice / représentante permanente » of a woman, « ambassadeur / représentant
permanent » of a man, the double form when the gender is unknown (it said « ministre / chef de
délégation » of everyone in the category, heads of delegation or not); the console's
application page, the portal's member page and the delegation's head say a woman's rank in the
feminine (« Ambassadrice / représentante permanente »). Before, every letter said « chef de
délégation » and every page the masculine rank, to a woman too."""

from __future__ import annotations

import html
import re

from tests.browser.helpers import element, zone
from tests.conftest import Api
from tests.http.conftest_focal import GRANTED, create_conference, create_delegation, letter, sql
from tests.http.conftest_programme import accredit, at, make_room, make_session
from tests.http.test_console import staff
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP, body_text, current_token

PEOPLE = (("Anna", "Lindqvist", "female", "ambassadrice / représentante permanente"),
          ("Jan", "Wouters", "male", "ambassadeur / représentant permanent"),
          ("Tove", "Ernst", None, "ambassadeur ou ambassadrice / représentant permanent ou "
                                  "représentante permanente"))


def _said(page: str, term: str) -> str:
    """What a page's list of details says after ``term``."""
    found = re.search(rf"<dt>{re.escape(term)}</dt>\s*<dd[^>]*>(.*?)</dd>", page, re.S)
    assert found, term
    return html.unescape(found.group(1))


async def test_a_letter_names_the_category_in_the_persons_gender(
    api: Api, smtp: RecordingSMTP,
) -> None:
    await create_conference(api)
    delegation = await create_delegation(api, "fr")
    members = [await accredit(api, given, family, delegation=delegation, rank="ambassador",
                              **({"gender": gender} if gender else {}))
               for given, family, gender, _ in PEOPLE]
    # the focal point's letter about each member, and each member's own
    about = [body_text(m) for m in await smtp.wait_for(3, where=lambda m: "fp-be@example.org"
                                                       in str(m["To"]).lower()
                                                       and GRANTED["fr"] in str(m["Subject"]))]
    for (given, family, _, head), member in zip(PEOPLE, members, strict=True):
        [text] = [t for t in about if f"{given} {family}" in t]
        assert f"{given} {family} ({head}, Belgique) pour" in text, text
        own = body_text(await letter(smtp, member["email"], "Accréditation accordée"))
        assert f"({head}) pour" in own, own


async def test_the_pages_say_a_persons_rank_in_their_gender(
    api: Api, smtp: RecordingSMTP,
) -> None:
    be, link = await _setup(api, smtp)
    filed = {}
    for given, family, gender, category, rank in (
            ("Anna", "Lindqvist", "female", "minister", "ambassador"),
            ("Jan", "Wouters", "male", "official", "senior_official"),
            ("Tove", "Ernst", None, "expert", "expert"),
            ("Ine", "Goris", "female", "expert", "expert")):
        body = {"category": category, "given_name": given, "family_name": family,
                "email": f"{given.lower()}@example.org", "language": "fr",
                "delegation_id": be["id"], "rank": rank, "function": "Conseil",
                **({"gender": gender} if gender else {})}
        status, created, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/accreditations", role="protocol", json=body)
        assert status == 201, created
        filed[given] = created["id"]
    said = {"Anna": ("Ministre", "Ambassadrice / représentante permanente"),
            "Jan": ("Fonctionnaire", "Haut fonctionnaire"),
            "Tove": ("Expert", "Expert ou experte"),
            "Ine": ("Experte", "Experte")}
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    focal = await _signed_in(api, link)
    for given, (category, rank) in said.items():
        for visitor, where in ((protocol, "/manage/alliance/accreditations"),
                               (focal, "/delegation/alliance-be/members")):
            status, page, _ = await visitor.go("GET", f"{where}/{filed[given]}?lang=fr")
            assert status == 200, page
            assert _said(page, "Rang protocolaire") == rank, (given, where)
            assert f"<dd>{category}</dd>" in page or f'id="category">{category}<' in page, \
                (given, where)
        status, page, _ = await protocol.go(
            "GET", f"/manage/alliance/accreditations/{filed[given]}?lang=en")
        english = {"Anna": "Ambassador / permanent representative",
                   "Jan": "Senior official"}.get(given, "Expert")
        assert _said(page, "Protocol rank") == english, given
    # the console's list of accreditations: each one's category in their gender
    status, page, _ = await protocol.go("GET", "/manage/alliance/accreditations?lang=fr")
    assert status == 200, page
    assert page.count(">Experte</td>") == 1 and page.count(">Expert</td>") == 1, page
    # the delegation's head, a woman: « Cheffe de délégation », her rank in the feminine
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=fr")
    assert status == 200, page
    assert "Cheffe de délégation Anna Lindqvist (Ambassadrice / représentante permanente)" \
        in element(page, "delegation-summary"), element(page, "delegation-summary")
    # the list of members: each one's category in their gender
    assert page.count(">Experte</td>") == 1 and page.count(">Expert</td>") == 1, page
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=en")
    assert "Head of delegation Anna Lindqvist (Ambassador / permanent representative)" in element(
        page, "delegation-summary")


async def test_the_badges_page_and_the_door_name_the_category_in_the_holders_gender(
    api: Api, smtp: RecordingSMTP,
) -> None:
    """The console's badges and the door's answer say « Experte » of a woman, as her badge and
    the other pages do (tryout: the badges page and « Titulaire : … – Expert – Belgique » at
    the door said « Expert » of a woman whose badge read « EXPERTE »)."""
    be, _ = await _setup(api, smtp)
    ids = {}
    for given, gender in (("Ine", "female"), ("Tom", "male")):
        status, created, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
            json={"category": "expert", "given_name": given, "family_name": "Goris",
                  "email": f"{given.lower()}@example.org", "language": "fr",
                  "delegation_id": be["id"], "rank": "expert", "function": "Conseil",
                  "gender": gender})
        assert status == 201, created
        status, decided, _ = await api.call(
            "POST", f"/api/v1/accreditations/{created['id']}/decision", role="protocol",
            json={"decision": "approve"})
        assert status == 200, decided
        ids[given] = created["id"]
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", "/manage/alliance/badges?lang=fr")
    assert status == 200, page
    rows = {given: html.unescape(re.search(
        rf'<tr id="badge-{ident}">(.*?)</tr>', page, re.S).group(1))  # type: ignore[union-attr]
        for given, ident in ids.items()}
    assert ">Experte</td>" in rows["Ine"] and ">Expert</td>" in rows["Tom"], rows
    status, states, _ = await api.call("GET", "/api/v1/conferences/alliance/badges",
                                       role="protocol")
    assert status == 200, states
    short = {s["accreditation_id"]: s["short_reference"] for s in states["items"]}
    assert {s["accreditation_id"]: s["gender"] for s in states["items"]} == {
        ids["Ine"]: "female", ids["Tom"]: "male"}
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    await zone(api, "plenary", categories=["expert"])
    for given, word in (("Ine", "Experte"), ("Tom", "Expert")):
        status, page, _ = await door.post_form("/manage/alliance/door", "/manage/alliance/door",
                                               zone="plenary", badge=short[ids[given]])
        assert status == 200, page
        result = element(page, "door-result")
        assert "ADMIS" in result, result
        assert f"{given} Goris – {word} – Belgique" in " ".join(result.split()), result


async def test_every_page_naming_a_persons_category_says_it_in_their_gender(
    api: Api, smtp: RecordingSMTP,
) -> None:
    """The security page, the visa letters, a session's participants, the programme builder's
    search and a royal session's security list say « Experte » of a woman, as her badge, the
    badges page and the door do (they said « Expert »); the API's security list and letters give
    the gender they are said in."""
    be, _ = await _setup(api, smtp)
    ids: dict[str, str] = {}
    for given, gender in (("Ine", "female"), ("Tom", "male")):
        person = await accredit(api, given, "Goris", delegation=be, category="expert",
                                rank="expert", delegation_id=be["id"], function="Conseil",
                                gender=gender, decision=None)
        status, body, _ = await api.call(
            "POST", f"/api/v1/accreditations/{person['id']}/visa-letter",
            # the token once its letters are written (each replaces the one before: the answer's
            # token lost that race under load, a 401 in CI)
            role=await current_token(api.db_url, person["id"]),
            json={"passport_name": f"{given} GORIS", "passport_number": f"PA76543{len(ids)}",
                  "nationality": "PE", "date_of_birth": "1975-01-15",
                  "consulate": "Consulate General of Belgium in Lima"})
        assert status == 201, body
        status, body, _ = await api.call(
            "POST", f"/api/v1/accreditations/{person['id']}/decision", role="protocol",
            json={"decision": "approve"})
        assert status == 200, body
        ids[given] = person["id"]
    await sql(api, "UPDATE conference SET vetting_required = '{expert}'")
    for ident in ids.values():  # cleared: on the security list itself, not awaiting
        status, body, _ = await api.call("POST", f"/api/v1/accreditations/{ident}/vetting/status",
                                         role="protocol", json={"status": "cleared"})
        assert status == 200, body
    hall = await make_room(api, "Plenary hall")
    _, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    royal = await make_session(api, hall, at(conference, 9), at(conference, 10),
                               royal_presence=True, press_access="pool", audience=[])
    for given in ids:
        status, body, _ = await api.call(
            "PUT", f"/api/v1/sessions/{royal['id']}/participants/{ids[given]}",
            role="protocol", json={"role": "attendee"})
        assert status == 200, body

    def said(page: str, given: str) -> str:
        """The text of the table row (or the list item) naming this person."""
        rows = [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split())
                for row in re.findall(r"<(?:tr|li|div)\b.*?</(?:tr|li|div)>", page, re.S)]
        [row] = [r for r in rows if re.search(rf"\b{given}\b", r) and "Goris" in r
                 and "Expert" in r] or [""]
        return row

    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    for path in ("/manage/alliance/security?lang=fr",
                 "/manage/alliance/visa-letters?status=all&lang=fr",
                 f"/manage/alliance/sessions/{royal['id']}?lang=fr",
                 f"/manage/alliance/sessions/{royal['id']}/security-list?lang=fr"):
        status, page, _ = await protocol.go("GET", path)
        assert status == 200, (path, page)
        assert "Experte" in said(page, "Ine") and "Experte" not in said(page, "Tom"), (
            path, said(page, "Ine"), said(page, "Tom"))
        assert "Expert" in said(page, "Tom"), (path, said(page, "Tom"))
    # the programme builder's search, a person already on the session found with her category
    status, page, _ = await protocol.go(
        "GET", f"/manage/alliance/sessions/{royal['id']}?lang=fr&q=Goris")
    assert status == 200
    found = page[page.index('id="candidates"'):] if 'id="candidates"' in page else page
    assert "Ine Goris (Experte" in html.unescape(found) and "Tom Goris (Expert," in html.unescape(
        found), found[:3000]

    status, listing, _ = await api.call("GET", f"/api/v1/sessions/{royal['id']}/security-list",
                                        role="protocol")
    assert status == 200, listing
    assert {e["given_name"]: e["gender"] for e in listing["items"]} == {
        "Ine": "female", "Tom": "male"}
