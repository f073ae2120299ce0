"""HTTP handlers for webhooks: parse, call one use-case of ``service``, answer."""

from __future__ import annotations

from aiohttp import web

from conference.auth import Role
from conference.conferences.lookup import conference_by_slug
from conference.errors import Invalid
from conference.http.context import (
    connection,
    event_types_key,
    need,
    now,
    settings_key,
    transaction,
)
from conference.http.io import json_response, parse, path_uuid
from conference.http.routes import RouteTable
from conference.webhooks import service
from conference.webhooks.models import WebhookCreated, WebhookIn, WebhookList

routes = RouteTable()


@routes.add("POST", "/api/v1/conferences/{slug}/webhooks", summary="Register a webhook endpoint",
            who="admin", body=WebhookIn, response=WebhookCreated, status=201, tag="webhooks",
            errors=(400, 401, 403, 404, 422))
async def create_webhook(request: web.Request) -> web.Response:
    need(request, Role.admin)
    body = await parse(request, WebhookIn)
    known: frozenset[str] = request.app[event_types_key]
    unknown = body.unknown_types(known)
    if unknown:
        raise Invalid("Some fields are invalid.", [{
            "field": "event_types", "type": "value_error",
            "message": f"unknown event types: {', '.join(unknown)}"}])
    allow_private = request.app[settings_key].webhooks.allow_private
    async with transaction(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
        created = await service.create(conn, conference.id, body, allow_private=allow_private)
    return json_response(created, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/webhooks", summary="The webhook endpoints",
            who="admin", response=WebhookList, tag="webhooks", errors=(401, 403, 404))
async def list_webhooks(request: web.Request) -> web.Response:
    need(request, Role.admin)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
        items = await service.list_of(conn, conference.id)
    return json_response(WebhookList(items=items))


@routes.add("DELETE", "/api/v1/conferences/{slug}/webhooks/{webhook_id}",
            summary="Remove a webhook endpoint; its queued deliveries are cancelled",
            who="admin", status=204, tag="webhooks", errors=(401, 403, 404), media=())
async def delete_webhook(request: web.Request) -> web.Response:
    need(request, Role.admin)
    webhook_id = path_uuid(request, "webhook_id")
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
        await service.delete(conn, conference.id, webhook_id, now(request))
    return web.Response(status=204)
