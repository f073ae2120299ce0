"""Nobody asks their own country for a visa (tryout, 2 December 2026: a Belgian national's
letter to the « Ambassade de Belgique » was requested and approved without a word). The request
is refused, naming the consulate, when its name says whose mission it is and that is the
nationality given: in the API, on the applicant's page and on the portal's member page, in the
page's language. A name that does not say it is not checked."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from conference.db.pool import connect
from conference.protocol.missions import mission_country
from tests.browser.helpers import element, press
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_console_credentials import _conference
from tests.http.test_credentials import PASSPORT
from tests.http.test_credentials_pages import _page, _post, _token
from tests.http.test_credentials_portal import _member
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP

BELGIAN = {**PASSPORT, "nationality": "BE", "consulate": "Ambassade de Belgique"}


def test_the_country_of_a_mission_is_read_from_its_name() -> None:
    for name, code in (("Ambassade de Belgique à Lima", "BE"),
                       ("Consulate General of Belgium in Lima", "BE"),
                       ("Embassy of the Kingdom of Belgium", "BE"), ("Belgian Embassy", "BE"),
                       ("Consulat belge", "BE"), ("Consulat général de France à Lagos", "FR"),
                       ("Section consulaire de l'Ambassade des États-Unis", "US"),
                       ("Ambassade de la République démocratique du Congo", "CD"),
                       ("Embassy of Nigeria", "NG"), ("Ambassade du Niger", "NE"),
                       ("Embassy in Lima", None), ("Embajada de Bélgica", None)):
        assert mission_country(name) == code, name


def test_a_mission_is_read_by_every_name_an_import_reads_for_its_country() -> None:
    """Tried as a secretariat (5 December 2026): the imports read "Turkey", "Palestine",
    "Ivory Coast" (docs/protocol.md, "Country names"), the own-country check did not: a
    Turkish applicant asking the "Consulate General of Turkey" went unchecked."""
    for name, code in (("Consulate General of Turkey in Valletta", "TR"),
                       ("Consulat de Turquie", "TR"), ("Embassy of Palestine", "PS"),
                       ("Embassy of Ivory Coast", "CI"), ("Embassy of Burma", "MM"),
                       ("Ambassade de la République tchèque à La Valette", "CZ"),
                       ("Embassy of the Republic of the Congo", "CG"),
                       ("Embassy of Macedonia", "MK"), ("Embassy of Korea", None)):
        assert mission_country(name) == code, name


async def _letters(api: Api, accreditation_id: str) -> int:
    conn = await connect(api.db_url)
    try:
        count: int = await conn.fetchval("SELECT count(*) FROM visa_letter "
                                         "WHERE accreditation_id = $1", UUID(accreditation_id))
    finally:
        await conn.close()
    return count


async def test_the_api_refuses_a_letter_to_ones_own_countrys_consulate(
    api: Api, conference: dict[str, Any]
) -> None:
    p = await press(api, language="fr")
    path = f"/api/v1/accreditations/{p['id']}/visa-letter"
    status, body, resp = await api.call("POST", path, role=p["access_token"], json=BELGIAN)
    assert status == 422, body
    assert resp.content_type == "application/problem+json"
    assert [(e["field"], e["type"]) for e in body["errors"]] == [("consulate", "own_country")]
    # as an institution writes it (it said "the consulate is one of the country of ...")
    assert body["errors"][0]["message"].startswith(
        "the consulate represents the country of the passport's nationality (BE): a visa is "
        "asked of another country's consulate"), body
    assert await _letters(api, p["id"]) == 0
    # a name that does not say whose mission it is: not checked
    status, body, _ = await api.call("POST", path, role=p["access_token"],
                                     json={**BELGIAN, "consulate": "Embajada en Lima"})
    assert status == 201, body


async def test_the_applicants_page_says_it_at_the_consulate(
    api: Api, conference: dict[str, Any]
) -> None:
    p = await press(api, language="fr")
    path = f"/a/{p['access_token']}"
    page = await _page(api, f"{path}/credentials")
    form = {"csrf": _token(page, "visa-form"), **BELGIAN}
    status, page, _ = await _post(api, f"{path}/visa-letter?lang=fr", form)
    assert status == 422, page
    assert element(page, "consulate-error") == (
        "Erreur : Ce consulat représente le pays de la nationalité indiquée (Belgique) : un "
        "visa se demande au consulat d'un autre pays. Indiquez le consulat du pays de "
        "destination, ou corrigez la nationalité.")
    assert 'value="Ambassade de Belgique"' in page  # what was typed stays
    status, page, _ = await _post(api, f"{path}/visa-letter?lang=en", form)
    assert status == 422, page
    assert element(page, "consulate-error") == (
        "Error: This consulate represents Belgium, the country of the nationality given: a "
        "visa is asked of another country's consulate. Give the consulate of the country of "
        "destination, or correct the nationality.")
    assert await _letters(api, p["id"]) == 0


async def test_the_portals_member_page_says_it_at_the_consulate(
    api: Api, smtp: RecordingSMTP
) -> None:
    deleg, link = await _setup(api, smtp)
    member = await _member(api, deleg, "Peeters")
    v = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{member['id']}"
    status, page, _ = await v.go("GET", f"{path}/credentials?lang=en")
    assert status == 200, page
    status, page, _ = await v.go("POST", f"{path}/visa-letter?lang=en", {
        "csrf": _token(page, "visa-form"), **BELGIAN,
        "consulate": "Embassy of the Kingdom of Belgium in Lima"})
    assert status == 422, page
    assert "This consulate represents Belgium, the country of the nationality given" in element(
        page, "consulate-error")
    assert '<a href="#consulate">' in page  # named in the summary too
    assert await _letters(api, member["id"]) == 0


async def test_the_console_says_it_at_a_request_filed_before(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A request filed before the rule (the tryout's) waits for protocol's decision: the
    console says, at the letter, what is wrong with it."""
    await _conference(api, smtp)
    p = await press(api, language="fr")
    status, letter, _ = await api.call("POST", f"/api/v1/accreditations/{p['id']}/visa-letter",
                                       role=p["access_token"], json=PASSPORT)
    assert status == 201, letter
    conn = await connect(api.db_url)
    try:  # as it was filed before: a Belgian national, the Belgian consulate
        await conn.execute("UPDATE visa_letter SET nationality = 'BE' WHERE id = $1",
                           UUID(letter["id"]))
    finally:
        await conn.close()
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", "/manage/alliance/visa-letters?lang=fr")
    assert status == 200, page
    assert element(page, f"own-country-{letter['id']}") == (
        "Ce consulat représente le pays de la nationalité de la personne (Belgique) : un visa "
        "se demande au consulat d'un autre pays. Refusez la lettre en disant pourquoi, pour "
        "qu'une demande corrigée soit faite.")
    status, page, _ = await v.go("GET", "/manage/alliance/visa-letters?lang=en")
    assert element(page, f"own-country-{letter['id']}") == (
        "This consulate represents the country of the person's nationality (Belgium): a visa "
        "is asked of another country's consulate. Refuse the letter, saying why, so that a "
        "corrected request can be made.")
