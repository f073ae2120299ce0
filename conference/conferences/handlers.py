"""HTTP handlers for conferences and delegations."""

from __future__ import annotations

from aiohttp import web

from conference.auth import Role, issue_token
from conference.conferences import repo
from conference.conferences.events import ConferenceCreated
from conference.conferences.events import DelegationCreated as DelegationEvent
from conference.conferences.models import (
    Conference,
    ConferenceIn,
    DelegationCreated,
    DelegationIn,
    DelegationList,
)
from conference.http.context import connection, need, now, settings_key, transaction
from conference.http.io import json_response, parse
from conference.http.routes import RouteTable
from conference.outbox.events import record

routes = RouteTable()


@routes.add("POST", "/api/v1/conferences", summary="Create a conference", who="admin",
            body=ConferenceIn, response=Conference, status=201, tag="conferences",
            errors=(400, 401, 403, 409, 413, 422))
async def create_conference(request: web.Request) -> web.Response:
    actor = need(request, Role.admin)
    body = await parse(request, ConferenceIn)
    async with transaction(request) as conn:
        conference = await repo.insert_conference(conn, body)
        await record(conn, "conference.created", ConferenceCreated(slug=conference.slug),
                     conference_id=conference.id, subject_id=conference.id, actor=actor.actor)
    return json_response(conference, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}", summary="A conference", response=Conference,
            tag="conferences", errors=(404,))
async def get_conference(request: web.Request) -> web.Response:
    async with connection(request) as conn:
        conference = await repo.conference_by_slug(conn, request.match_info["slug"])
    return json_response(conference)


@routes.add("POST", "/api/v1/conferences/{slug}/delegations", summary="Create a delegation",
            who="admin, protocol", body=DelegationIn, response=DelegationCreated, status=201,
            tag="delegations", errors=(400, 401, 403, 404, 409, 422))
async def create_delegation(request: web.Request) -> web.Response:
    actor = need(request, Role.admin, Role.protocol)
    body = await parse(request, DelegationIn)
    async with transaction(request) as conn:
        conference = await repo.conference_by_slug(conn, request.match_info["slug"])
        delegation = await repo.insert_delegation(conn, conference.id, body)
        lifetime = request.app[settings_key].tokens.default_lifetime
        token = await issue_token(conn, Role.focal_point, delegation_id=delegation.id,
                                  expires_at=now(request) + lifetime if lifetime else None)
        await record(
            conn, "delegation.created",
            DelegationEvent(delegation_id=delegation.id, kind=delegation.kind,
                            country=delegation.country),
            conference_id=conference.id, subject_id=delegation.id, actor=actor.actor,
        )
    return json_response(
        DelegationCreated(**delegation.model_dump(), focal_point_token=token), status=201
    )


@routes.add("GET", "/api/v1/conferences/{slug}/delegations", summary="The delegations",
            who="admin, protocol", response=DelegationList, tag="delegations",
            errors=(401, 403, 404))
async def list_delegations(request: web.Request) -> web.Response:
    need(request, Role.admin, Role.protocol)
    async with connection(request) as conn:
        conference = await repo.conference_by_slug(conn, request.match_info["slug"])
        items = await repo.delegations_of(conn, conference.id)
    return json_response(DelegationList(items=items))
