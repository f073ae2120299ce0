"""The import's words for a date and a language (tryout D, items 13 and 25): an impossible date
("31/02/2023") is said not to exist, naming the day, while a date in another form the import
reads ("15/09/2022") is read; a cell that is no date names every form read; a language the
conference does not write in ("Néerlandais") is told that correspondence is in French or English
only. In French and English on the portal, in English on the API."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import _signed_in, staff
from tests.http.test_lifecycle_import import import_file
from tests.http.test_lifecycle_pages import PORTAL, upload
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

DATA = ("Courriel;Prénom;Nom;Catégorie;Rang;Fonction;Langue;En fonction depuis\n"
        "a@example.org;Anne;Peeters;Fonctionnaire;Haut fonctionnaire;Directrice;Français;"
        "15/09/2022\n"
        "b@example.org;Bart;Claes;Fonctionnaire;Haut fonctionnaire;Directeur;Français;"
        "31/02/2023\n"
        "c@example.org;Carla;Maes;Expert;Expert;;Néerlandais;\n"
        "d@example.org;Dirk;Smets;Expert;Expert;;Anglais;hier\n").encode()


async def test_the_portal_says_a_date_does_not_exist_and_which_languages_correspond(
    api: Api, smtp: RecordingSMTP
) -> None:
    _, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr", DATA)
    assert status == 422, page
    assert "création" in element(page, "row-2")  # 15/09/2022 read
    assert element(page, "row-3").endswith(
        "en fonction depuis : cette date n'existe pas (31 février)"), element(page, "row-3")
    assert element(page, "row-4").endswith(
        "langue : la correspondance se fait en français ou en anglais seulement ; indiquez "
        "l'un de : Français, Anglais"), \
        element(page, "row-4")
    assert element(page, "row-5").endswith(
        "en fonction depuis : une date : AAAA-MM-JJ, JJ/MM/AAAA ou JJ.MM.AAAA"), \
        element(page, "row-5")

    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en", DATA)
    assert status == 422, page
    assert element(page, "row-3").endswith("in office since: not a real date (31 February)")
    assert element(page, "row-4").endswith(
        "language: correspondence is in French or English only; give one of: French, "
        "English"), element(page, "row-4")
    assert element(page, "row-5").endswith(
        "in office since: a date: YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY")


async def test_the_api_codes_an_impossible_date_apart_from_a_cell_that_is_no_date(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await make_delegation(api, "BE")
    status, body = await import_file(api, DATA, dry_run=True, role=be["focal_point_token"],
                                     slug="alliance", content_type="text/csv")
    assert status == 200, body
    errors = {r["row"]: [(e["field"], e["code"], e["params"], e["message"]) for e in r["errors"]]
              for r in body["rows"]}
    assert errors[2] == []
    assert errors[3] == [("in_office_since", "no-such-date", {"day": 31, "month": 2},
                          "not a real date (31 February)")]
    assert errors[4][0][:2] == ("language", "not-a-label")
    assert errors[4][0][3].startswith("correspondence is in French or English only; give one "
                                      "of: French, English")
    assert errors[5] == [("in_office_since", "date", {},
                          "a date: YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY")]


SINGLE = ("Courriel,Prénom,Nom,Catégorie,Rang,Fonction\n"
          "a@example.org,Anna,Peeters,fonctionnaire,official,Conseillère\n"
          "b@example.org,Bart,Claes,fonctionnaire,official,Attaché\n").encode()


async def test_the_console_asks_for_the_delegation_of_a_file_without_a_delegation_column(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A single ministry's file checked in the console with the default « each row's own »
    gave every row « délégation : obligatoire », the quota check hidden behind it (tryout):
    the form asks for the delegation, on its field, and once it is chosen the rows are
    checked against that delegation's quota. The API says it on ``delegation_id``."""
    be, _ = await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, page, _ = await protocol.go("GET", "/manage/alliance/import?lang=fr")
    assert element(page, "delegation-hint") == (
        "Celle de toutes les lignes du fichier. « Celle de chaque ligne » demande une colonne "
        "« délégation ».")
    status, page, _ = await upload(protocol, "/manage/alliance/import",
                                   "/manage/alliance/import?lang=fr", SINGLE)
    assert status == 422, page
    assert 'id="preview"' not in page
    assert element(page, "delegation-error").endswith(
        "Ce fichier ne peut pas être importé : il n'a pas de colonne « délégation » ; "
        "choisissez la délégation de toutes ses lignes (ou ajoutez la colonne)."), \
        element(page, "delegation-error")
    status, page, _ = await upload(protocol, "/manage/alliance/import",
                                   "/manage/alliance/import?lang=en", SINGLE)
    assert status == 422 and element(page, "delegation-error").endswith(
        "This file cannot be imported: it has no “delegation” column; choose the delegation "
        "of all its rows (or add the column)."), element(page, "delegation-error")

    # chosen: the rows meet the delegation's quota (one official place)
    be_id = be["id"]
    status, body, _ = await api.call("PUT", f"/api/v1/delegations/{be_id}/quotas",
                                     role="protocol", json={"official": 1})
    assert status in (200, 204), body
    status, page, _ = await upload(protocol, "/manage/alliance/import",
                                   "/manage/alliance/import?lang=en", SINGLE, delegation=be_id)
    assert status == 422, page
    assert "create" in element(page, "row-2")
    assert "quota reached" in element(page, "row-3"), element(page, "row-3")

    status, problem = await import_file(api, SINGLE, dry_run=True, slug="alliance",
                                        content_type="text/csv")
    assert status == 422, problem
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [
        ("delegation_id", "no-delegation-column")]
