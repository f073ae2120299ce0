"""HEAD is answered wherever GET is (RFC 9110, 9.3.2): an uptime monitor, a link checker and a
calendar client probing a subscription got 405 with ``Allow: GET`` (tried as a protocol
officer, 5 December 2026)."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api


async def test_head_answers_what_get_answers_without_the_body(
    api: Api, conference: dict[str, Any]
) -> None:
    for path in ("/healthz", "/alliance/programme?lang=en", "/alliance/press?lang=fr",
                 "/signin", "/api/v1/conferences/alliance",
                 "/api/v1/conferences/alliance/programme.ics"):
        got = await api.client.get(path, allow_redirects=False)
        head = await api.client.head(path, allow_redirects=False)
        assert head.status == got.status, (path, head.status, got.status)
        assert head.headers["Content-Type"] == got.headers["Content-Type"], path
        assert await head.read() == b"", path
    # a page behind sign-in answers HEAD as GET: the way to sign in, not 405
    got = await api.client.get("/manage/alliance", allow_redirects=False)
    head = await api.client.head("/manage/alliance", allow_redirects=False)
    assert (head.status, head.headers.get("Location")) == (got.status, got.headers.get("Location"))
    # and a path only POST answers still says what it allows
    head = await api.client.head("/api/v1/conferences/alliance/programme/publish")
    assert head.status == 405
