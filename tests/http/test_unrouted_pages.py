"""An address no page answers, opened in a browser (a mistyped address, a link cut short in a
mail, a form's address opened as a link), answers a page in the visitor's language (404), not
the API's problem+json in English; the API and clients that ask for no HTML keep the problem
(found trying the product)."""

from __future__ import annotations

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP

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


async def test_a_signed_in_person_reads_it_in_their_own_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A focal point whose account is in French, in a browser set to English, read the
    workspaces in French and an address mistyped under them in English (a user test): the
    signed-in person's language is the page's, as on every workspace page; ?lang still wins."""
    _, link = await _setup(api, smtp)  # the focal point's account is in French
    focal = await _signed_in(api, link)
    cookies = "; ".join(f"{k}={v}" for k, v in focal.cookies.items())
    english_browser = {**BROWSER, "Accept-Language": "en-GB,en;q=0.9", "Cookie": cookies}
    status, page, _ = await api.call("GET", "/delegation/alliance-be/nothing-here",
                                     headers=english_browser)
    assert status == 404
    assert '<html lang="fr"' in page and "Aucune page à cette adresse" in page
    status, page, _ = await api.call("GET", "/delegation/alliance-be/nothing-here?lang=en",
                                     headers=english_browser)
    assert status == 404 and "There is no page at this address" in page
    # signed out, the browser's language as before
    api.client.session.cookie_jar.clear()
    status, page, _ = await api.call("GET", "/delegation/alliance-be/nothing-here",
                                     headers={**BROWSER, "Accept-Language": "en-GB"})
    assert status == 404 and "There is no page at this address" in page
