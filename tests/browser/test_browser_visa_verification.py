"""The visa letter's verification page (``/v/{number}``), as a consulate opens it from the
letter's QR code: valid, cancelled, and an unknown number, each in French and English at 390 and
1280 px with no axe-core violation."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_workspaces import _audit
from tests.http.test_date_ranges import _conference
from tests.http.test_visa_verification_page import _approved_letter


async def test_the_verification_page_passes_axe_valid_cancelled_and_unknown(
    site: Site, page: Any, browser: Any
) -> None:
    await _conference(site)
    letter = await _approved_letter(site)
    response = await page.goto(f"{site.url}/v/{letter['number']}")
    assert response is not None and response.status == 200
    assert "Lettre valable." in await page.inner_text("#verify-verdict")  # the browser's fr-FR
    assert "Pérou" in await page.inner_text("#verify-nationality")
    await _audit(browser, page, "visa-verification-valid")

    status, _, _ = await site.call("POST", f"/api/v1/visa-letters/{letter['id']}/cancel",
                                   role="protocol", json={"reason": "passport lost"})
    assert status == 200
    await page.goto(f"{site.url}/v/{letter['number']}?lang=en")
    assert "Cancelled letter." in await page.inner_text("#verify-verdict")
    await _audit(browser, page, "visa-verification-cancelled")

    response = await page.goto(f"{site.url}/v/2099-0001-AAAAAA")
    assert response is not None and response.status == 404
    assert "Aucune lettre d'invitation" in await page.inner_text("body")
    await _audit(browser, page, "visa-verification-unknown")
