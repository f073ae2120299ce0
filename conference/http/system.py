"""Liveness, readiness, metrics and the OpenAPI document."""

from __future__ import annotations

import asyncio

import asyncpg
from aiohttp import web

from conference.auth import Role
from conference.errors import Unavailable
from conference.http.context import need, openapi_key, pool_key
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


@routes.add("GET", "/favicon.ico",
            summary="The icon every browser asks for: none (204), kept a day by the browser",
            status=204, media=(), tag="system")
async def favicon(request: web.Request) -> web.Response:
    """Every page's automatic request for ``/favicon.ico`` reached the conference's address
    route, which answered 404: a line in the log and in the browser's console per page (a
    tryout). No icon: 204, which a browser takes as none and keeps (docs/programme.md, "The
    programme page")."""
    return web.Response(status=204, headers={"Cache-Control": "public, max-age=86400"})


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


metrics_site_key = web.AppKey("metrics_site", bool)
"""Set on the separate metrics application: anyone reaching its address may read."""


@routes.add("GET", "/metrics", summary="Prometheus metrics",
            who="admin (anyone on the metrics address)", tag="system", media=("text/plain",),
            errors=(401, 403))
async def metrics(request: web.Request) -> web.Response:
    if not request.app.get(metrics_site_key, False):
        need(request, Role.admin)
    async with request.app[pool_key].acquire() as conn:
        rows = await conn.fetch(METRICS_SQL)
    lines = [f"{r['name']} {r['value']}" for r in rows]
    return web.Response(text="\n".join(lines) + "\n", content_type="text/plain")


async def serve_metrics(pool: asyncpg.Pool, host: str, port: int) -> web.AppRunner:
    """Serve ``/metrics`` alone, to anyone, on its own address (``metrics.host``)."""
    app = web.Application()
    app[pool_key] = pool
    app[metrics_site_key] = True
    app.router.add_get("/metrics", metrics)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port, reuse_port=True).start()
    return runner


@routes.add("GET", "/api/v1/openapi.json", summary="This OpenAPI document", tag="system")
async def openapi(request: web.Request) -> web.Response:
    return web.Response(body=request.app[openapi_key].json, content_type="application/json")
