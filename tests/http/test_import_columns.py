"""The import's check names the header row's columns it ignores, with the known header each is
close to (a user test: a misspelt "fonctoin" was dropped without a word, and the check said only
"fonction : obligatoire pour la catégorie fonctionnaire"; a "téléphone" column likewise)."""

from __future__ import annotations

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.test_console import _signed_in
from tests.http.test_lifecycle_pages import PORTAL, apply, members_of, upload
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

MISSPELT = ("Courriel,Prénom,Nom,Catégorie,Rang,Fonctoin,Téléphone\n"
            "a.peeters@example.org,Anna,Peeters,fonctionnaire,official,Conseillère,+32 2 555\n")
EXPERTS = ("Courriel,Prénom,Nom,Catégorie,Rang,Téléphone\n"
           "b.claes@example.org,Bart,Claes,expert,expert,+32 2 556\n")


async def test_the_check_names_each_unrecognised_column_and_suggests_the_close_one(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr",
                                   MISSPELT.encode())
    assert status == 422, page
    assert element(page, "column-warnings") == (
        "Des colonnes du fichier ne sont pas importées : "
        "Colonne non reconnue : « Fonctoin » (ignorée). Vouliez-vous dire « fonction » ? "
        "Colonne non reconnue : « Téléphone » (ignorée).")
    # French typography: a non-breaking space before the colon and inside « »
    assert "Colonne non reconnue\u00a0: «\u00a0Fonctoin\u00a0» (ignorée). Vouliez-vous dire " \
           "«\u00a0fonction\u00a0»\u00a0?" in page
    assert "fonction : obligatoire" in element(page, "row-2")
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   MISSPELT.encode())
    assert element(page, "column-warnings") == (
        "Some of the file's columns are not imported: "
        "Unrecognised column: “Fonctoin” (ignored). Did you mean “fonction”? "
        "Unrecognised column: “Téléphone” (ignored).")

    # An unknown column warns and does not block: the import button is there, and imports.
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   EXPERTS.encode())
    assert status == 200, page
    assert element(page, "column-warnings").endswith("Unrecognised column: “Téléphone” "
                                                      "(ignored).")
    assert 'id="apply-form"' in page
    status, _, _ = await apply(focal, f"{PORTAL}/import?lang=en", page)
    assert status == 303
    assert await members_of(api, be) == {"b.claes@example.org": "submitted"}

    # A file whose columns are all known warns of nothing.
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   b"Courriel,Prenom,Nom,Categorie,Rang\n"
                                   b"b.claes@example.org,Bart,Claes,expert,expert\n")
    assert status == 200 and 'id="column-warnings"' not in page

    # A misspelt required header: the file cannot be read, and the error says which header
    # was meant.
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr",
                                   b"Courriel,Prenon,Nom,Categorie\nx@example.org,X,Y,expert\n")
    assert status == 422, page
    assert element(page, "file-error") == (
        "Erreur : Ce fichier ne peut pas être importé : aucune colonne « prénom » dans la ligne "
        "d'en-tête. Colonne non reconnue : « Prenon » (ignorée). Vouliez-vous dire « prénom » ?")


async def test_the_api_answer_lists_the_unknown_columns(api: Api, smtp: RecordingSMTP) -> None:
    be, _ = await _setup(api, smtp)
    status, body, _ = await api.call(
        "POST", f"/api/v1/conferences/alliance/imports?dry_run=true&delegation_id={be['id']}",
        role="protocol", data=MISSPELT.encode(), headers={"Content-Type": "text/csv"})
    assert status == 200, body
    assert body["counts"]["error"] == 1  # the function, required for an official, is missing
    assert body["unknown_columns"] == [
        {"header": "Fonctoin", "position": 6, "suggestion": "fonction", "column": "function",
         "message": "unrecognised column 'Fonctoin' (ignored); did you mean 'fonction'?"},
        {"header": "Téléphone", "position": 7, "suggestion": None, "column": None,
         "message": "unrecognised column 'Téléphone' (ignored)"}]
    # a file whose columns are all known: an empty list, the rest of the answer as before
    status, body, _ = await api.call(
        "POST", f"/api/v1/conferences/alliance/imports?dry_run=true&delegation_id={be['id']}",
        role="protocol", data=b"email,given_name,family_name,category,rank\n"
                              b"b.claes@example.org,Bart,Claes,expert,expert\n",
        headers={"Content-Type": "text/csv"})
    assert status == 200 and body["unknown_columns"] == [] and body["counts"]["create"] == 1
    # a header row that cannot be read: the 422 names the misspelt header beside its errors
    status, body, _ = await api.call(
        "POST", f"/api/v1/conferences/alliance/imports?dry_run=true&delegation_id={be['id']}",
        role="protocol", data=b"email,given_nmae,family_name,category\nx@example.org,X,Y,expert\n",
        headers={"Content-Type": "text/csv"})
    assert status == 422, body
    assert [e["code"] for e in body["errors"]] == ["missing-column"]
    assert body["unknown_columns"][0]["suggestion"] == "given name"
    assert body["unknown_columns"][0]["column"] == "given_name"
