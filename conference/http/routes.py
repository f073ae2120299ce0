"""The route table: one list that serves aiohttp, the OpenAPI document and the
authorisation matrix test alike."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web
from pydantic import BaseModel

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    handler: Handler
    summary: str
    who: str = "anyone"
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    status: int = 200
    tag: str = "misc"
    errors: tuple[int, ...] = ()
    media: tuple[str, ...] = ("application/json",)
    error_media: tuple[str, ...] = ("application/problem+json",)
    """Pages for people answer their own errors in HTML (and the framework's in problem+json)."""
    extra: dict[str, object] = field(default_factory=dict)


ROUTES: list[Route] = []


def route(method: str, path: str, **kwargs: object) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        ROUTES.append(Route(method, path, handler, **kwargs))  # type: ignore[arg-type]
        return handler

    return register


def load_routes() -> list[Route]:
    """Import every handler module (each registers its routes) and return the table."""
    import conference.accreditation.handlers  # noqa: F401
    import conference.badges.handlers  # noqa: F401
    import conference.calendar.handlers  # noqa: F401
    import conference.conferences.handlers  # noqa: F401
    import conference.http.system  # noqa: F401
    import conference.outbox.handlers  # noqa: F401
    import conference.pages.handlers  # noqa: F401
    import conference.privacy.handlers  # noqa: F401
    import conference.programme.handlers  # noqa: F401
    import conference.webhooks.handlers  # noqa: F401

    return ROUTES
