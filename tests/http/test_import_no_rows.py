"""A file with its header row and no member under it is refused, on the API (422, code
``no-rows``) and on the portal's check, which answered "No errors: 0 to create" with a green
button to import nothing (tryout of the focal point's portal, 4 December 2026; docs/lifecycle.md,
"Error codes"). A real database and a real SMTP server."""

from __future__ import annotations

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.test_console import _signed_in
from tests.http.test_lifecycle_import import import_file
from tests.http.test_lifecycle_pages import PORTAL, members_of, upload
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

HEADERS_ONLY = "Courriel;Prénom;Nom;Catégorie\n\n".encode()


async def test_a_header_row_alone_is_refused_naming_why(api: Api, smtp: RecordingSMTP) -> None:
    be, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=fr",
                                   HEADERS_ONLY)
    assert status == 422, page
    assert 'id="apply-form"' not in page
    assert element(page, "file-error") == (
        "Erreur : Ce fichier ne peut pas être importé : le fichier n'a que sa ligne d'en-tête : "
        "aucun membre en dessous.")
    status, page, _ = await upload(focal, f"{PORTAL}/import", f"{PORTAL}/import?lang=en",
                                   HEADERS_ONLY)
    assert element(page, "file-error").endswith("the file has its header row only: no member "
                                                "under it.")

    status, problem = await import_file(api, HEADERS_ONLY, dry_run=True,
                                        content_type="text/csv",
                                        query=f"&delegation_id={be['id']}")
    assert status == 422, problem
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("body", "no-rows")]
    assert await members_of(api, be) == {}
