"""One middleware turns every refusal into ``application/problem+json`` (RFC 9457)."""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from pydantic import ValidationError

from conference.db.errors import is_unavailable
from conference.errors import Refusal, Unavailable
from conference.types import FieldsInvalid

log = logging.getLogger(__name__)

PROBLEM_BASE = "https://conference-logistics.example/problems/"
CONTENT_TYPE = "application/problem+json"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def problem_response(
    status: int, slug: str, title: str, detail: str, **extra: Any
) -> web.Response:
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
    }
    body.update(extra)
    headers = {}
    if "retry_after" in extra:
        headers["Retry-After"] = str(extra.pop("retry_after"))
        body.pop("retry_after", None)
    return web.Response(
        status=status,
        body=json.dumps(body, default=str, ensure_ascii=False).encode(),
        content_type=CONTENT_TYPE,
        headers=headers,
    )


def field_errors(exc: ValidationError) -> list[dict[str, str]]:
    """Each error with the field it names; a model validator's ``FieldsInvalid`` names its
    fields (one error each), under the model's own place in the body."""
    errors = []
    for err in exc.errors(include_url=False, include_input=False):
        loc = [str(p) for p in err["loc"]]
        cause = (err.get("ctx") or {}).get("error")
        fields = cause.fields if isinstance(cause, FieldsInvalid) and cause.fields else ("",)
        for name in fields:
            field = ".".join([*loc, name] if name else loc) or "(body)"
            errors.append({"field": field, "message": err["msg"], "type": err["type"]})
    return errors


_HTTP_SLUGS = {
    400: ("bad-request", "Malformed request"),
    401: ("unauthorized", "Authentication required"),
    403: ("forbidden", "Not allowed"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    413: ("too-large", "Request body too large"),
    415: ("unsupported-media-type", "Unsupported media type"),
}


@web.middleware
async def problem_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except Refusal as exc:
        return problem_response(exc.status, exc.slug, exc.title, exc.detail, **exc.extra)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        slug, title = _HTTP_SLUGS.get(exc.status, ("http-error", exc.reason))
        detail = exc.text if exc.text and not exc.text.startswith(str(exc.status)) else title
        if exc.status == 413:
            from conference.http.context import max_body_key

            detail = f"The body is larger than {request.app[max_body_key]} bytes."
        resp = problem_response(exc.status, slug, title, detail)
        if exc.status == 405 and "Allow" in exc.headers:
            resp.headers["Allow"] = exc.headers["Allow"]
        return resp
    except Exception as exc:
        if is_unavailable(exc):
            log.warning("database unavailable: %s", type(exc).__name__)
            err = Unavailable("The database is unreachable; try again shortly.")
            return problem_response(err.status, err.slug, err.title, err.detail, retry_after=5)
        log_unhandled(request, exc)
        return problem_response(500, "internal", "Internal error", "An unexpected error occurred.")


def log_unhandled(request: web.Request, exc: BaseException) -> None:
    """An unexpected failure, logged for whoever runs the service. The message of an exception
    may carry personal data (a key in a constraint error): its type and where it happened are
    logged, never its text."""
    log.error(
        "unhandled %s on %s %s\n%s", type(exc).__name__, request.method,
        request.match_info.route.name, "".join(traceback.format_tb(exc.__traceback__)),
    )
