"""A conference's own address, ``/alliance``, the one a journalist types or a ministry's site
links, was a 404: the public pages all lie under it (programme, press form, privacy notice) and
none answered it (found trying the product as the press would, 1 December 2026). It leads to
the public programme, which links the press form while it is open, in the language asked; an
unknown conference is answered as any address no route answers; the service's own pages of one
segment are untouched."""

from __future__ import annotations

from tests.conftest import Api, conference_body

HTML = {"Accept": "text/html"}


async def test_the_conference_address_leads_to_its_programme(api: Api) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body

    resp = await api.client.get("/alliance", headers=HTML, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/alliance/programme"
    resp = await api.client.get("/alliance?lang=en", headers=HTML, allow_redirects=False)
    assert resp.headers["Location"] == "/alliance/programme?lang=en"
    resp = await api.client.get("/alliance?lang=xx", headers=HTML, allow_redirects=False)
    assert resp.headers["Location"] == "/alliance/programme"
    resp = await api.client.get("/alliance", headers=HTML)  # followed: the programme page
    assert resp.status == 200 and "/alliance/press" in await resp.text()

    # no such conference: the page that says so, in the reader's language
    resp = await api.client.get("/nowhere", headers={**HTML, "Accept-Language": "fr"},
                                allow_redirects=False)
    assert resp.status == 404 and resp.content_type == "text/html"
    assert "lang=\"fr\"" in await resp.text()

    # the service's own pages of one segment are still theirs
    resp = await api.client.get("/signin", headers=HTML, allow_redirects=False)
    assert resp.status == 200 and 'name="email"' in await resp.text()
    resp = await api.client.get("/healthz", allow_redirects=False)
    assert resp.status == 200
    resp = await api.client.get("/workspaces", headers=HTML, allow_redirects=False)
    assert resp.status in (200, 303) and resp.headers.get("Location", "/signin").startswith(
        "/signin")


async def test_the_browser_s_icon_request_is_answered_without_an_error(api: Api) -> None:
    """Every page's automatic request for the icon reached the conference's address and
    answered 404, logged once per page (a tryout): no icon, 204, kept a day."""
    resp = await api.client.get("/favicon.ico", headers=HTML, allow_redirects=False)
    assert resp.status == 204, await resp.text()
    assert resp.headers["Cache-Control"] == "public, max-age=86400"
    assert await resp.read() == b""
