"""HTTP handlers for the event log, failed events and the deliveries."""

from __future__ import annotations

from aiohttp import web

from conference.auth import Role
from conference.conferences.lookup import conference_by_slug
from conference.errors import Forbidden
from conference.http.context import connection, need, pool_key
from conference.http.io import json_response, path_int, path_uuid, query_params
from conference.http.routes import RouteTable
from conference.operations import service
from conference.operations.models import (
    Delivery,
    DeliveryPage,
    DeliveryQuery,
    Event,
    EventPage,
    EventQuery,
    FailedEvent,
)

routes = RouteTable()


@routes.add("GET", "/api/v1/conferences/{slug}/events",
            summary="The domain event log, oldest first; ?status=failed: the events whose "
                    "consumers kept failing",
            who="admin, protocol (status=failed: admin)", query=EventQuery, response=EventPage,
            tag="events", errors=(401, 403, 404, 422))
async def list_events(request: web.Request) -> web.Response:
    actor = need(request, Role.admin, Role.protocol)
    q = query_params(request, EventQuery)
    if q.status == "failed" and actor.role is not Role.admin:
        raise Forbidden("Failed events are listed for admin only.")
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
    pool = request.app[pool_key]
    items: list[Event]
    if q.status == "failed":
        items = list(await service.failed_events(pool, conference.id, q.after, q.limit))
    else:
        items = await service.event_log(pool, conference.id, q.after, q.limit)
    cursor = items[-1].id if len(items) == q.limit else None
    return json_response(EventPage(items=items, next_cursor=cursor))


@routes.add("POST", "/api/v1/events/{event_id}/retry",
            summary="Run again the consumers of an event that kept failing",
            who="admin", response=FailedEvent, tag="events", errors=(401, 403, 404, 409))
async def retry_event(request: web.Request) -> web.Response:
    actor = need(request, Role.admin)
    event_id = path_int(request, "event_id")
    event = await service.retry_event(request.app[pool_key], event_id, actor)
    return json_response(event)


@routes.add("GET", "/api/v1/deliveries", summary="Outgoing mail and its state", who="admin",
            query=DeliveryQuery, response=DeliveryPage, tag="deliveries", errors=(401, 403, 422))
async def list_deliveries(request: web.Request) -> web.Response:
    need(request, Role.admin)
    q = query_params(request, DeliveryQuery)
    page = await service.deliveries(request.app[pool_key], q.status, q.cursor, q.limit)
    return json_response(page)


@routes.add("POST", "/api/v1/deliveries/{delivery_id}/retry",
            summary="Send a failed delivery again",
            who="admin", response=Delivery, tag="deliveries", errors=(401, 403, 404, 409))
async def retry_delivery(request: web.Request) -> web.Response:
    actor = need(request, Role.admin)
    delivery_id = path_uuid(request, "delivery_id")
    delivery = await service.retry_delivery(request.app[pool_key], delivery_id, actor)
    return json_response(delivery)
