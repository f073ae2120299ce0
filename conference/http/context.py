"""Typed application keys and request helpers shared by the handlers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import asyncpg
from aiohttp import web

from conference.auth import Principal, Role, require
from conference.http.openapi import OpenAPIDocument
from conference.settings import Settings
from conference.signing import Signer

pool_key = web.AppKey("pool", asyncpg.Pool)
settings_key = web.AppKey("settings", Settings)
clock_key = web.AppKey("clock", Callable[[], datetime])
principal_key = web.RequestKey("principal", Principal)
max_body_key = web.AppKey("max_body", int)
signer_key = web.AppKey("signer", Signer)
event_types_key = web.AppKey("event_types", frozenset[str])
"""The domain event types of the catalogue the composition root assembled."""
openapi_key = web.AppKey("openapi", OpenAPIDocument)


def now(request: web.Request) -> datetime:
    return request.app[clock_key]()


def utcnow() -> datetime:
    return datetime.now(UTC)


def principal(request: web.Request) -> Principal | None:
    p: Principal | None = request.get(principal_key)
    return p


def need(request: web.Request, *roles: Role) -> Principal:
    return require(principal(request), *roles)


@asynccontextmanager
async def transaction(request: web.Request) -> AsyncIterator[asyncpg.Connection]:
    async with request.app[pool_key].acquire() as conn, conn.transaction():
        yield conn


@asynccontextmanager
async def connection(request: web.Request) -> AsyncIterator[asyncpg.Connection]:
    async with request.app[pool_key].acquire() as conn:
        yield conn
