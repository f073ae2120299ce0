"""An address no page answers, opened in a browser (a mistyped address, a link cut short in a
mail, a form's address opened as a link), answers a page in the visitor's language (404), not
the API's problem+json in English; the API and clients that ask for no HTML keep the problem
(found trying the product)."""

from __future__ import annotations

from tests.browser.helpers import element
from tests.conftest import Api

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


async def test_a_browser_gets_a_page_for_an_address_nobody_answers(api: Api) -> None:
    status, page, resp = await api.call("GET", "/nothing-here?lang=fr", headers=BROWSER)
    assert status == 404
    assert resp.headers["Content-Type"].startswith("text/html")
    assert '<html lang="fr"' in page
    assert "Aucune page à cette adresse" in page and "Page introuvable" in page
    status, page, _ = await api.call("GET", "/nothing-here?lang=en", headers=BROWSER)
    assert status == 404 and "There is no page at this address" in page
    # a path only a form posts to, opened as a link
    status, page, resp = await api.call("GET", "/delegation/alliance-be/members?lang=en",
                                        headers=BROWSER)
    assert status == 404 and resp.headers["Content-Type"].startswith("text/html")
    assert element(page, "main").startswith("Page not found")


async def test_the_api_and_clients_without_html_keep_the_problem(api: Api) -> None:
    status, body, resp = await api.call("GET", "/nothing-here")
    assert status == 404 and resp.headers["Content-Type"] == "application/problem+json"
    assert body["type"].endswith("/not-found")
    status, body, resp = await api.call("GET", "/api/v1/nothing-here", headers=BROWSER)
    assert status == 404 and resp.headers["Content-Type"] == "application/problem+json"
    status, body, resp = await api.call("POST", "/nothing-here", headers=BROWSER)
    assert resp.headers["Content-Type"] == "application/problem+json"
