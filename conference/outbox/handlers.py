"""HTTP handlers for the event log and the deliveries."""

from __future__ import annotations

from aiohttp import web

from conference.auth import Role
from conference.conferences.repo import conference_by_slug
from conference.errors import Conflict, NotFound
from conference.http.context import connection, need
from conference.http.io import json_response, path_uuid, query_params
from conference.http.routes import route
from conference.outbox.events import events_of
from conference.outbox.models import Delivery, DeliveryPage, DeliveryQuery, EventPage, EventQuery
from conference.outbox.worker import Q

_STATUSES = {"pending": ["queued", "in_flight", "retry"], "sent": ["sent"], "failed": ["failed"]}


@route("GET", "/api/v1/conferences/{slug}/events", summary="The domain event log, oldest first",
       who="admin, protocol", query=EventQuery, response=EventPage, tag="events",
       errors=(401, 403, 404, 422))
async def list_events(request: web.Request) -> web.Response:
    need(request, Role.admin, Role.protocol)
    q = query_params(request, EventQuery)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
        items = await events_of(conn, conference.id, q.after, q.limit)
    cursor = items[-1].id if len(items) == q.limit else None
    return json_response(EventPage(items=items, next_cursor=cursor))


@route("GET", "/api/v1/deliveries", summary="Outgoing mail and its state", who="admin",
       query=DeliveryQuery, response=DeliveryPage, tag="deliveries", errors=(401, 403, 422))
async def list_deliveries(request: web.Request) -> web.Response:
    need(request, Role.admin)
    q = query_params(request, DeliveryQuery)
    statuses = _STATUSES[q.status] if q.status else None
    async with connection(request) as conn:
        rows = await conn.fetch(Q["list_deliveries"], statuses, q.cursor, q.limit + 1)
    more = len(rows) > q.limit
    rows = rows[: q.limit]
    return json_response(DeliveryPage(
        items=[Delivery.model_validate({k: v for k, v in r.items() if k != "seq"}) for r in rows],
        next_cursor=rows[-1]["seq"] if more else None,
    ))


@route("POST", "/api/v1/deliveries/{delivery_id}/retry", summary="Send a failed delivery again",
       who="admin", response=Delivery, tag="deliveries", errors=(401, 403, 404, 409))
async def retry_delivery(request: web.Request) -> web.Response:
    need(request, Role.admin)
    delivery_id = path_uuid(request, "delivery_id")
    async with connection(request) as conn, conn.transaction():
        row = await conn.fetchrow(Q["retry_delivery"], delivery_id)
        if row is None:
            if await conn.fetchval("SELECT 1 FROM delivery WHERE id = $1", delivery_id) is None:
                raise NotFound("No such delivery.")
            raise Conflict("Only a failed or retrying delivery can be retried.")
        await conn.execute("SELECT pg_notify('conference_outbox', 'delivery')")
    return json_response(Delivery.model_validate({k: v for k, v in row.items() if k != "seq"}))
