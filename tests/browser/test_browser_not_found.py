"""An address no page answers, opened in a browser (mistyped, cut short), reads as a page of the
service in the visitor's language, with no accessibility violation at either width."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_workspaces import _audit


async def test_an_address_no_page_answers_is_a_page_in_the_visitor_s_language(
    site: Site, page: Any, browser: Any
) -> None:
    response = await page.goto(f"{site.url}/alliance/programm?lang=fr")
    assert response is not None and response.status == 404
    assert "Aucune page à cette adresse" in await page.inner_text("body")
    response = await page.goto(f"{site.url}/alliance/programm?lang=en")
    assert response is not None and response.status == 404
    assert "fr" != await page.get_attribute("html", "lang")
    await _audit(browser, page, "not-found")
