"""HTTP handlers for bearer tokens."""

from __future__ import annotations

from aiohttp import web

from conference.auth import Role
from conference.errors import NotFound
from conference.http.context import connection, need, now
from conference.http.routes import RouteTable
from conference.tokens import service

routes = RouteTable()

@routes.add("DELETE", "/api/v1/tokens/{token_id}", summary="Revoke a bearer token", who="admin",
            status=204, tag="tokens", errors=(401, 403, 404), media=())
async def revoke_token(request: web.Request) -> web.Response:
    actor = need(request, Role.admin)
    raw = request.match_info["token_id"]
    if not raw.isdigit() or len(raw) > 18:
        raise NotFound(f"No token {raw!r}.")
    async with connection(request) as conn:
        await service.revoke(conn, int(raw), actor, now(request))
    return web.Response(status=204)
