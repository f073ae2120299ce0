"""Typed application keys and request helpers shared by the handlers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import asyncpg
from aiohttp import web

from conference.auth import Principal, Role, require
from conference.db.grouped import WriteGroups
from conference.db.pool import connection as db_connection
from conference.db.pool import transaction as db_transaction
from conference.http.openapi import OpenAPIDocument
from conference.settings import Settings
from conference.signing import Signer

pool_key = web.AppKey("pool", asyncpg.Pool)
settings_key = web.AppKey("settings", Settings)
Clock = Callable[[], datetime]
clock_key: web.AppKey[Clock] = web.AppKey("clock")
principal_key = web.RequestKey("principal", Principal)
max_body_key = web.AppKey("max_body", int)
signer_key = web.AppKey("signer", Signer)
event_types_key: web.AppKey[frozenset[str]] = web.AppKey("event_types")
"""The domain event types of the catalogue the composition root assembled."""
openapi_key = web.AppKey("openapi", OpenAPIDocument)
filings_key: web.AppKey[WriteGroups[Any, Any]] = web.AppKey("filings")
"""The applications filed at the same moment, written together (``accreditation.service``)."""
session_language_key: web.AppKey[Callable[[web.Request], Awaitable[str | None]]] = \
    web.AppKey("session_language")
"""The signed-in person's language (None: nobody signed in), for a page no handler answers
under the workspaces (``pages.handlers.unrouted_page_middleware``)."""


def now(request: web.Request) -> datetime:
    clock: Clock = request.app[clock_key]
    return clock()


def utcnow() -> datetime:
    return datetime.now(UTC)


def principal(request: web.Request) -> Principal | None:
    p: Principal | None = request.get(principal_key)
    return p


def need(request: web.Request, *roles: Role) -> Principal:
    return require(principal(request), *roles)


@asynccontextmanager
async def transaction(request: web.Request) -> AsyncIterator[asyncpg.Connection]:
    async with db_transaction(request.app[pool_key]) as conn:
        yield conn


@asynccontextmanager
async def connection(request: web.Request) -> AsyncIterator[asyncpg.Connection]:
    async with db_connection(request.app[pool_key]) as conn:
        yield conn
