"""A rank that does not fit the category (docs/protocol.md, "Rank and category") is filed as
given, with a warning: in the API's ``warnings``, on the focal point's member page after the
form is saved, and on the console's application page, in French and in English."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP

FILE = "/api/v1/conferences/alliance/accreditations"
PORTAL = "/delegation/alliance-be"


def _member(given: str, family: str, category: str, rank: str, delegation: dict[str, Any]
            ) -> dict[str, Any]:
    return {"category": category, "given_name": given, "family_name": family,
            "email": f"{family.lower().replace(' ', '-')}@example.org", "language": "fr",
            "delegation_id": delegation["id"], "rank": rank, "function": "Ministre"}


async def test_the_api_warns_of_a_rank_that_does_not_fit_the_category_and_files_it(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    cases = [
        ("Didier", "Reynders", "expert", "minister",
         "The rank minister is a ministerial rank, but the category is expert: a person of"
         " ministerial rank (head of state down to deputy minister or secretary of state) is"
         " accredited in the category minister. Please check the category; the application is"
         " filed as given."),
        ("Sammy", "Mahdi", "official", "deputy_minister",
         "The rank deputy_minister is a ministerial rank, but the category is official"),
        ("Jan", "Peeters", "minister", "expert",
         "The category minister is for a person of ministerial rank, but the rank is expert"),
        ("Anna", "Claes", "minister", "official",
         "The category minister is for a person of ministerial rank, but the rank is official"),
    ]
    for given, family, category, rank, warning in cases:
        status, created, _ = await api.call("POST", FILE, role="protocol",
                                            json=_member(given, family, category, rank, be))
        assert status == 201, created  # a warning, not a refusal
        assert (created["category"], created["rank"]) == (category, rank)
        assert len(created["warnings"]) == 1 and created["warnings"][0].startswith(warning), \
            created["warnings"]
    minister: dict[str, Any] = {}
    # what fits says nothing: a minister as minister, an ambassador leading at ministerial
    # level, an expert as expert, an ambassador as official
    for given, family, category, rank in (("Hadja", "Lahbib", "minister", "foreign_minister"),
                                          ("Willem", "Van de Voorde", "minister", "ambassador"),
                                          ("Karel", "Smet", "expert", "expert"),
                                          ("Ine", "Goris", "official", "ambassador")):
        status, created, _ = await api.call("POST", FILE, role="protocol",
                                            json=_member(given, family, category, rank, be))
        assert status == 201, created
        assert created["warnings"] == [], (category, rank, created["warnings"])
        if family == "Lahbib":
            minister = created

    # a substitution is a filing too: the minister's place taken by an expert
    status, created, _ = await api.call(
        "POST", f"/api/v1/accreditations/{minister['id']}/substitute", role="protocol",
        json={"given_name": "Piet", "family_name": "Janssens", "email": "piet@example.org",
              "rank": "expert"})
    assert status == 201, created
    assert (created["category"], created["rank"]) == ("minister", "expert")
    assert created["warnings"] == [
        "The category minister is for a person of ministerial rank, but the rank is expert: an"
        " official or an expert is accredited in the category official or expert. Please check"
        " the rank and the category; the application is filed as given."]


async def test_the_portal_and_the_console_say_it_in_french_and_english(
    api: Api, smtp: RecordingSMTP
) -> None:
    _, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    fields = {"category": "expert", "given_name": "Didier", "family_name": "Reynders",
              "email": "didier.reynders@example.org", "language": "fr", "gender": "male",
              "rank": "minister", "function": "Ministre"}
    status, _, resp = await focal.post_form(f"{PORTAL}/members/new?lang=fr",
                                            f"{PORTAL}/members?lang=fr", **fields)
    assert status == 303, resp
    # filed, and the member's page says what to check, with the edit link at hand
    where = resp.headers["Location"]
    assert where.startswith(f"{PORTAL}/members/"), where
    member_id = where.split("?")[0].rsplit("/", 1)[1]
    status, page, _ = await focal.go("GET", where)
    assert status == 200, page
    assert "Inscription enregistrée pour Didier Reynders" in element(page, "flash")
    fr = ("Rang et catégorie à vérifier : la fiche de Didier Reynders porte le rang « Ministre »,"
          " un rang ministériel, avec la catégorie « Expert ». Une personnalité de rang"
          " ministériel (du chef d'État au secrétaire d'État ou vice-ministre) est accréditée"
          " dans la catégorie « Ministre » : veuillez vérifier la catégorie.")
    en = ("Rank and category to check: Didier Reynders is filed with the rank “Minister”, a"
          " ministerial rank, in the category “Expert”. A person of ministerial rank (head of"
          " state down to deputy minister or secretary of state) is accredited in the category"
          " “Minister”: please check the category.")
    assert element(page, "rank-warning") == fr
    assert 'id="edit-link"' in page
    status, page, _ = await focal.go("GET", f"{PORTAL}/members/{member_id}?lang=en")
    assert element(page, "rank-warning") == en

    # the console's application page, before the decision
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    for lang, wording in (("fr", fr), ("en", en)):
        status, page, _ = await protocol.go(
            "GET", f"/manage/alliance/accreditations/{member_id}?lang={lang}")
        assert status == 200, page
        assert element(page, "rank-warning") == wording
        assert page.index('id="rank-warning"') < page.index('id="decision-form"')

    # corrected: the warning is gone
    status, _, resp = await focal.post_form(
        f"{PORTAL}/members/{member_id}/edit?lang=en", f"{PORTAL}/members/{member_id}/edit",
        **{**fields, "category": "minister"})
    assert status == 303, resp
    status, page, _ = await focal.go("GET", resp.headers["Location"])
    assert status == 200 and 'id="rank-warning"' not in page
    status, page, _ = await protocol.go("GET", f"/manage/alliance/accreditations/{member_id}")
    assert 'id="rank-warning"' not in page

    # a member whose rank fits: back to the delegation, as always, and nothing to check
    status, _, resp = await focal.post_form(
        f"{PORTAL}/members/new?lang=en", f"{PORTAL}/members?lang=en",
        **{**fields, "given_name": "Karel", "family_name": "Smet", "rank": "expert",
           "email": "karel.smet@example.org"})
    assert status == 303, resp
    assert resp.headers["Location"].startswith(f"{PORTAL}?"), resp.headers["Location"]
    status, page, _ = await focal.go("GET", resp.headers["Location"])
    assert "Karel Smet is registered" in element(page, "flash")
    assert 'id="rank-warning"' not in page
