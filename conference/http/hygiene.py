"""What every answer and every request body goes through: JSON only on the API, a bounded time to
send a body, and the headers that keep API answers out of caches and content sniffing."""

from __future__ import annotations

import asyncio

from aiohttp import web

from conference.errors import Refusal
from conference.http.problems import Handler, problem_response

read_timeout_key = web.AppKey("read_timeout", float)
body_media_key = web.AppKey("body_media", dict[str, tuple[str, ...]])
"""Route name → the body media types it takes besides JSON (``Route.accepts``)."""
streamed_body_key: web.AppKey[frozenset[str]] = web.AppKey("streamed_body")
"""The routes (by name) that read a file body themselves, as a stream within their own size
limit and the read timeout (a photo over its limit is refused with the rule it breaks, not
buffered whole first)."""

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class UnsupportedMediaType(Refusal):
    status, slug, title = 415, "unsupported-media-type", "Unsupported media type"


class RequestTimeout(Refusal):
    status, slug, title = 408, "request-timeout", "Request timeout"


def is_json(content_type: str) -> bool:
    return content_type == "application/json" or (
        content_type.startswith("application/") and content_type.endswith("+json"))


@web.middleware
async def body_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A body sent to the API must be JSON (a cross-site form cannot send that without a
    preflight), and every body arrives whole within the read timeout or the request ends 408;
    a route that streams its body (``extra={"streams_body": True}``: uploads, API or page) reads
    it itself, capped by its own limit and within the same timeout."""
    if request.method in _BODY_METHODS and request.body_exists:
        if request.path.startswith("/api/") and not is_json(request.content_type):
            accepted = request.app.get(body_media_key, {}).get(
                request.match_info.route.name or "", ())
            if request.content_type not in accepted:
                expected = " or ".join(("application/json", *accepted))
                raise UnsupportedMediaType(
                    f"The body must be {expected}, not {request.content_type}.")
        # A route that streams reads the body itself, capped and timed; a body that came whole
        # with the headers has nothing left to wait for.
        if (request.content.is_eof() or request.match_info.route.name
                in request.app.get(streamed_body_key, frozenset())):
            return await handler(request)
        try:
            async with asyncio.timeout(request.app[read_timeout_key]):
                await request.read()  # kept by aiohttp for the handler
        except TimeoutError:
            err = RequestTimeout("The body did not arrive in time.")
            response = problem_response(err.status, err.slug, err.title, err.detail)
            response.force_close()  # what is left of the body is not read
            return response
    return await handler(request)


async def security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare: ``nosniff`` on everything; API answers (which carry tokens and
    personal data) are not stored by caches unless their handler says otherwise (public
    feeds with an ETag)."""
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    if request.path.startswith("/api/") or request.path == "/metrics":
        response.headers.setdefault("Cache-Control", "no-store")
