"""Members imported with the labels the pages show, in French or English, in any case and with
or without accents (rank, category, salutation, language); a value that is none of them is
refused naming the labels accepted, never the internal codes: in English on the API, in the
page's language on the portal."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import _signed_in
from tests.http.test_lifecycle_import import import_file, xlsx
from tests.http.test_lifecycle_pages import PORTAL, upload
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

HEADERS_FR = ["Courriel", "Prénom", "Nom", "Catégorie", "Rang", "Fonction", "Langue",
              "Civilité", "Délégation"]


async def test_french_and_english_labels_import_and_a_wrong_one_names_the_labels(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await make_delegation(api, "BE")
    good = [
        ["a@example.org", "Anne", "Peeters", "Fonctionnaire", "HAUT FONCTIONNAIRE",
         "Directrice", "Français", "Madame", "BE"],
        ["b@example.org", "Bruno", "Maes", "ministre", "Chef d'État", "Roi", "anglais",
         "Monsieur", "BE"],
        ["c@example.org", "Carla", "Claes", "Fonctionnaire", "secretaire d'etat / vice-ministre",
         "Secrétaire d'État", "francais", "Mme", "BE"],
        ["d@example.org", "Dirk", "Wouters", "Official", "Senior official", "Director",
         "English", "Mr", "BE"],
        ["e@example.org", "Eva", "Janssens", "Organisation", "", "", "French", "Ms", "BE"],
    ]
    bad = [
        ["f@example.org", "Fanny", "Dupont", "Fonctionnaire", "Sous-directrice", "Cheffe",
         "Français", "Madame", "BE"],
        ["g@example.org", "Gert", "Smets", "Délégué", "Expert", "", "Néerlandais", "Sir",
         "BE"],
    ]
    status, body = await import_file(api, xlsx(good + bad, HEADERS_FR), dry_run=True,
                                     slug="alliance")
    assert status == 200, body
    outcomes = [(r["row"], r["outcome"]) for r in body["rows"]]
    assert outcomes == [(2, "create"), (3, "create"), (4, "create"), (5, "create"),
                        (6, "create"), (7, "error"), (8, "error")], body["rows"]
    errors = {(r["row"], e["field"]): e for r in body["rows"] for e in r["errors"]}
    assert set(errors) == {(7, "rank"), (8, "category"), (8, "language"), (8, "salutation")}
    rank = errors[(7, "rank")]
    assert rank["type"] == "not-a-label"
    assert "Senior official" in rank["message"] and "Haut fonctionnaire" in rank["message"]
    assert "senior_official" not in rank["message"] and "head_of_state" not in rank["message"]
    assert "Minister" in errors[(8, "category")]["message"]
    assert "English" in errors[(8, "language")]["message"]
    assert "Ms" in errors[(8, "salutation")]["message"]

    status, body = await import_file(api, xlsx(good, HEADERS_FR), dry_run=False,
                                     slug="alliance")
    assert status == 200 and body["applied"], body
    status, page, _ = await api.call(
        "GET", f"/api/v1/conferences/alliance/accreditations?delegation_id={be['id']}",
        role="protocol")
    assert status == 200, page
    seen = {a["email"]: (a["category"], a.get("rank"), a["language"], a.get("gender"))
            for a in page["items"]}
    assert seen == {
        "a@example.org": ("official", "senior_official", "fr", "female"),
        "b@example.org": ("minister", "head_of_state", "en", "male"),
        "c@example.org": ("official", "deputy_minister", "fr", "female"),
        "d@example.org": ("official", "senior_official", "en", "male"),
        "e@example.org": ("staff", None, "fr", "female"),
    }


async def test_the_portal_names_the_accepted_labels_in_the_pages_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    _, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    data = ("Courriel;Prénom;Nom;Catégorie;Rang;Fonction\n"
            "a@example.org;Anne;Peeters;Fonctionnaire;Haut fonctionnaire;Directrice\n"
            "b@example.org;Bart;Claes;Fonctionnaire;Sous-directeur;Attaché\n").encode()
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr", data)
    assert status == 422, page
    # the row names whom it names, then its outcome
    assert element(page, "row-2") == "2 Anne Peeters a@example.org Fonctionnaire création"
    row = element(page, "row-3")
    assert "rang : valeur inconnue ; indiquez l'un de : Chef ou cheffe d'État," in row, row
    assert "Haut fonctionnaire" in row and "head_of_state" not in row and "not a" not in row
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en", data)
    row = element(page, "row-3")
    assert "rank: unknown value; give one of: Head of state," in row, row
    assert "Senior official" in row and "senior_official" not in row


async def test_the_portal_offers_only_the_categories_a_focal_point_may_import(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A tryout: « Journaliste » was refused naming « Ministre, Fonctionnaire, Expert,
    Organisation », and « Organisation » was then read as staff and refused (staff are
    accredited by the organisers). The staff category is « Personnel », as every page names it,
    and a focal point is not offered it."""
    _, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    data = ("Courriel;Prénom;Nom;Catégorie\n"
            "a@example.org;Anne;Peeters;Journaliste\n").encode()
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr", data)
    assert status == 422, page
    assert element(page, "row-2").endswith(
        "catégorie : valeur inconnue ; indiquez l'un de : Ministre, Fonctionnaire, Expert"), \
        element(page, "row-2")
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en", data)
    assert element(page, "row-2").endswith(
        "category: unknown value; give one of: Minister, Official, Expert"), \
        element(page, "row-2")


async def test_the_check_names_each_row_s_category_in_the_person_s_gender(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A tryout: the check's table said « Expert » of Mme Marie Lambert, whom the members'
    list calls « Experte » once imported; the row's salutation now says the gender there too
    (no salutation, or one not understood: the category's own word)."""
    _, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    data = ("Courriel;Prénom;Nom;Catégorie;Civilité\n"
            "a@example.org;Marie;Lambert;Experte;Mme\n"
            "b@example.org;Bart;Claes;Expert;M.\n"
            "c@example.org;Chris;Maes;expert;\n"
            "d@example.org;Dana;Smets;Expert;Dr\n").encode()
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr", data)
    assert status == 422, page  # Dr is not a salutation the file may give
    assert element(page, "row-2") == "2 Marie Lambert a@example.org Experte création"
    assert element(page, "row-3") == "3 Bart Claes b@example.org Expert création"
    assert element(page, "row-4") == "4 Chris Maes c@example.org Expert création"
    assert element(page, "row-5").startswith("5 Dana Smets d@example.org Expert erreur")
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en", data)
    assert element(page, "row-2") == "2 Marie Lambert a@example.org Expert create"
