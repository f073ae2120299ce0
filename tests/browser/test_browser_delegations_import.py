"""The console's delegation import in headless Chromium (docs/lifecycle.md, "Importing
delegations"): a protocol officer opens it from the delegations page, sends a file with a bad
row "check only" and reads the report naming the row and the column, then sends a good one
"import" and reads what was created. At 390 and 1280 px, axe-clean in French and English, the
report shown."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_lifecycle import _axe_here
from tests.conftest import conference_body
from tests.support import RecordingSMTP

HEADER = "Pays;Organisation;Type d'organisation;Nom du point focal;Courriel du point focal\n"
GOOD = ["BE;;;Anne Peeters;anne.peeters@example.org",
        ";Organisation internationale de la Francophonie;ong;Awa Diop;awa.diop@example.org"]
BAD = "XX;;;Nobody;nobody@example.org"


def as_file(*rows: str) -> dict[str, Any]:
    return {"name": "delegations.csv", "mimeType": "text/csv",
            "buffer": (HEADER + "".join(r + "\n" for r in rows)).encode()}


async def _send(page: Any, file: dict[str, Any], step: str, button: str) -> None:
    await page.set_input_files("#file", files=[file])
    await page.check(f"#step-{step}")
    await page.get_by_role("button", name=button).click()
    await page.locator("#report-summary").wait_for()


async def test_an_officer_checks_and_imports_delegations_from_the_console(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    await page.goto(f"{site.url}/manage/alliance/delegations?lang=fr")
    await page.get_by_role("link", name="Importer des délégations depuis un tableur").click()
    await page.locator("#import-form").wait_for()
    await _axe_here(page, "delegations-import-form-fr")

    await _send(page, as_file(*GOOD, BAD), "check", "Envoyer le fichier")
    assert (await page.inner_text("#report-summary")).startswith("1 ligne en erreur")
    assert " ".join((await page.inner_text("#row-4")).split()) == (
        "4 XX erreur Pays : code de pays ISO inconnu (par exemple BE, FR)")
    await _axe_here(page, "delegations-import-report-fr")

    await page.goto(f"{site.url}/manage/alliance/delegations/import?lang=en")
    await _send(page, as_file(*GOOD, BAD), "check", "Send the file")
    assert " ".join((await page.inner_text("#row-4")).split()) == (
        "4 XX error Country: unknown ISO country code (e.g. BE, FR)")
    await _axe_here(page, "delegations-import-report-en")

    await _send(page, as_file(*GOOD), "apply", "Send the file")
    assert (await page.inner_text("#report-summary")).startswith("File imported: 2 created")
    await _axe_here(page, "delegations-import-applied-en")
    status, listed, _ = await site.call("GET", "/api/v1/conferences/alliance/delegations",
                                        role="protocol")
    assert {d["name"] for d in listed["items"]} == {
        "Belgium", "Organisation internationale de la Francophonie"}
