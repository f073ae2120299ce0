"""A focal point checks a file whose rows carry warnings, in a browser: the check lists them
above the table, naming the row and the person, in French and English, with no axe violation
at either width, and the import button imports every row (docs/lifecycle.md, "Import")."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import focal_point_signed_in
from tests.browser.test_browser_lifecycle import _axe_here, _check
from tests.support import RecordingSMTP

FILE = {"name": "membres.csv", "mimeType": "text/csv", "buffer": (
    "Courriel,Prénom,Nom,Catégorie,Rang,Fonction\n"
    "didier.reynders@example.org,Didier,Reynders,expert,ministre,Ministre\n"
    "karel.smet@example.org,Karel,Smet,expert,expert,\n"
    "sammy.mahdi@example.org,SAMMY,Mahdi,fonctionnaire,fonctionnaire,Conseiller\n").encode()}


async def test_the_check_lists_the_rows_warnings_and_imports_them_all(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    await focal_point_signed_in(site, smtp, page)

    await page.goto(f"{site.url}/delegation/alliance-be/import?lang=fr")
    await _check(page, FILE, "Vérifier le fichier")
    said = await page.inner_text("#row-warnings")
    assert said.startswith("Des lignes sont à vérifier")
    assert "Ligne 2, Didier Reynders\u00a0: le rang «\u00a0Ministre\u00a0»" in said
    assert "Ligne 4, SAMMY Mahdi\u00a0: le prénom «\u00a0SAMMY\u00a0» est en capitales" in said
    assert "Ligne 3" not in said
    await _axe_here(page, "lc-import-warnings")

    await page.goto(f"{site.url}/delegation/alliance-be/import?lang=en")
    await _check(page, FILE, "Check the file")
    said = await page.inner_text("#row-warnings")
    assert "Row 2, Didier Reynders: the rank “Minister” is a ministerial rank" in said
    assert "Row 4, SAMMY Mahdi: the given name “SAMMY” is in capitals" in said
    assert (await page.inner_text("#row-2 .row-details")).strip() == (
        "to check: rank and category (see above)")
    await _axe_here(page, "lc-import-warnings-en")
    await page.get_by_role("button", name="Import these 3 rows").click()
    await page.wait_for_url(re.compile(r".*done=imported.*"))
    assert "3 created" in await page.inner_text("#flash")
