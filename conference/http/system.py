"""Liveness, readiness, metrics and the OpenAPI document."""

from __future__ import annotations

import asyncio

from aiohttp import web

from conference.errors import Unavailable
from conference.http.context import openapi_key, pool_key
from conference.http.routes import RouteTable

routes = RouteTable()

METRICS_SQL = """
SELECT 'conference_deliveries{status="' || status || '"}' AS name, count(*) AS value
FROM delivery GROUP BY status
UNION ALL
SELECT 'conference_delivery_lease_expiries_total', coalesce(sum(lease_expiries), 0) FROM delivery
UNION ALL
SELECT 'conference_events_undispatched', count(*) FROM domain_event WHERE dispatched_at IS NULL
UNION ALL
SELECT 'conference_accreditations{status="' || status || '"}', count(*)
FROM accreditation GROUP BY status
"""


@routes.add("GET", "/healthz", summary="Liveness", tag="system", media=("text/plain",))
async def healthz(request: web.Request) -> web.Response:
    return web.Response(text="ok\n")


@routes.add("GET", "/readyz", summary="Readiness: 503 while the database is unreachable",
            tag="system", media=("text/plain",), errors=(503,))
async def readyz(request: web.Request) -> web.Response:
    try:
        async with asyncio.timeout(2):
            async with request.app[pool_key].acquire() as conn:
                await conn.fetchval("SELECT 1")
    except Exception:
        raise Unavailable("The database is unreachable.", retry_after=5) from None
    return web.Response(text="ready\n")


@routes.add("GET", "/metrics", summary="Prometheus metrics", tag="system", media=("text/plain",))
async def metrics(request: web.Request) -> web.Response:
    async with request.app[pool_key].acquire() as conn:
        rows = await conn.fetch(METRICS_SQL)
    lines = [f"{r['name']} {r['value']}" for r in rows]
    return web.Response(text="\n".join(lines) + "\n", content_type="text/plain")


@routes.add("GET", "/api/v1/openapi.json", summary="This OpenAPI document", tag="system")
async def openapi(request: web.Request) -> web.Response:
    return web.Response(body=request.app[openapi_key].json, content_type="application/json")
