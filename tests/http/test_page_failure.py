"""A failure no page foresaw answers a browser with a page in its language, not the API's
problem+json shown raw (docs/workspaces.md, "When something fails"). Seen in a user test: the
delegation portal answered {"type": "…/problems/internal", "title": "Internal error", …} to a
focal point. The failure here is a real one: a column the pages read is renamed under the
running service. The API keeps its problem+json; nothing of the failure's text is shown."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


async def _break(api: Api, table: str, column: str) -> None:
    conn = await asyncpg.connect(api.db_url)
    try:
        await conn.execute(f'ALTER TABLE {table} RENAME COLUMN {column} TO "{column}_gone"')
    finally:
        await conn.close()


async def test_a_public_page_that_fails_is_a_page_in_the_visitor_s_language(
    api: Api, conference: dict[str, Any]
) -> None:
    await _break(api, "conference", "venue")
    resp = await api.client.get("/alliance/press?lang=fr", headers=HTML)
    assert resp.status == 500 and resp.content_type == "text/html"
    page = await resp.text()
    assert element(page, "error-message").startswith(
        "Cette page n'a pas pu s'afficher à la suite d'une erreur de notre part")
    assert "venue" not in page and "Internal error" not in page
    resp = await api.client.get("/alliance/press?lang=en", headers=HTML)
    assert "This page could not be shown" in element(await resp.text(), "error-message")

    # the API, and a client that asks for no page, keep the problem
    resp = await api.client.get("/api/v1/conferences/alliance")
    assert resp.status == 500 and resp.content_type == "application/problem+json"
    resp = await api.client.get("/alliance/press")
    assert resp.status == 500 and resp.content_type == "application/problem+json"


async def test_a_workspace_page_that_fails_is_a_page_too(
    api: Api, smtp: RecordingSMTP
) -> None:
    _, link = await _setup(api, smtp)
    v = await _signed_in(api, link)
    status, page, _ = await v.go("GET", "/delegation/alliance-be?lang=en")
    assert status == 200
    await _break(api, "conference", "title")
    resp = await api.client.get("/delegation/alliance-be?lang=fr", allow_redirects=False,
                                headers={**HTML, "Cookie": "; ".join(
                                    f"{k}={val}" for k, val in v.cookies.items())})
    assert resp.status == 500 and resp.content_type == "text/html"
    assert element(await resp.text(), "error-message").startswith(
        "Cette page n'a pas pu s'afficher")
