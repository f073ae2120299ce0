"""Routes: each handlers module declares a ``RouteTable``; the composition root joins them into
the one list that serves aiohttp, the OpenAPI document and the authorisation matrix alike."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import web
from pydantic import BaseModel

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
H = TypeVar("H", bound=Handler)


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
    error_notes: dict[int, str] = field(default_factory=dict)
    """What an error status means on this route, beside its general reason (the OpenAPI
    response's description): the problem types it may carry."""
    media: tuple[str, ...] = ("application/json",)
    error_media: tuple[str, ...] = ("application/problem+json",)
    """Pages for people answer their own errors in HTML (and the framework's in problem+json)."""
    extra: dict[str, object] = field(default_factory=dict)
    accepts: tuple[str, ...] = ()
    """Body media types taken besides JSON (a file upload); none a cross-site form can send
    without a preflight (not text/plain, form-urlencoded or multipart)."""


class RouteTable:
    """The routes one handlers module contributes: a plain value that the composition root
    (``conference/app.py``) collects explicitly. Declaring a route only adds it to this table;
    nothing is served until the root hands the table to the application."""

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def add(self, method: str, path: str, **kwargs: Any) -> Callable[[H], H]:
        def register(handler: H) -> H:
            self.routes.append(Route(method, path, handler, **kwargs))
            return handler

        return register

    def __iter__(self) -> Iterator[Route]:
        return iter(self.routes)
