"""HTTP handlers for accreditations: thin, one repository call each."""

from __future__ import annotations

from aiohttp import web

from conference.accreditation import repo
from conference.accreditation.domain import Action
from conference.accreditation.models import (
    Accreditation,
    AccreditationCreated,
    AccreditationIn,
    AccreditationPage,
    DecisionIn,
    ListQuery,
    ReasonIn,
)
from conference.auth import ORGANISERS, Role
from conference.conferences.repo import conference_by_slug
from conference.http.context import connection, need, now, principal, transaction
from conference.http.io import json_response, parse, parse_optional, path_uuid, query_params
from conference.http.limits import limit_registration
from conference.http.routes import RouteTable

routes = RouteTable()


@routes.add("POST", "/api/v1/conferences/{slug}/accreditations",
            summary="Apply for accreditation",
            who="anyone for press (while the window is open); focal point, protocol, admin "
                "otherwise",
            body=AccreditationIn, response=AccreditationCreated, status=201, tag="accreditations",
            errors=(400, 401, 403, 404, 409, 413, 422, 429))
async def register(request: web.Request) -> web.Response:
    limit_registration(request)  # lifted for organisers and focal points only
    body = await parse(request, AccreditationIn)
    async with connection(request) as conn:  # one statement: a transaction of its own
        created = await repo.register(conn, request.match_info["slug"], body,
                                      principal(request), now(request))
    return json_response(created, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/accreditations", summary="List accreditations",
            who="admin, protocol, press_office (press), focal point (own delegation)",
            query=ListQuery, response=AccreditationPage, tag="accreditations",
            errors=(401, 403, 404, 422))
async def list_accreditations(request: web.Request) -> web.Response:
    actor = need(request, *ORGANISERS, Role.focal_point)
    q = query_params(request, ListQuery)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
        page = await repo.list_page(conn, conference, q, actor)
    return json_response(page)


@routes.add("GET", "/api/v1/accreditations/{accreditation_id}", summary="One accreditation",
            who="organisers, own focal point, the applicant", response=Accreditation,
            tag="accreditations", errors=(401, 403, 404))
async def get_accreditation(request: web.Request) -> web.Response:
    accreditation_id = path_uuid(request, "accreditation_id")
    async with connection(request) as conn:
        acc = await repo.get_with_history(conn, accreditation_id, principal(request))
    return json_response(acc)


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/decision", summary="Decide",
            who="press_office (press), protocol (others), admin", body=DecisionIn,
            response=Accreditation, tag="accreditations", errors=(400, 401, 403, 404, 409, 422))
async def decide(request: web.Request) -> web.Response:
    actor = need(request, Role.press_office, Role.protocol, Role.admin)
    accreditation_id = path_uuid(request, "accreditation_id")
    await request.read()  # the whole body, before a connection is held
    async with transaction(request) as conn:
        await repo.authorise(conn, accreditation_id, Action.approve, actor)
        body = await parse(request, DecisionIn)
        acc = await repo.change(conn, accreditation_id, Action(body.decision), actor,
                                body.reason, now(request))
    return json_response(acc)


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/withdraw", summary="Withdraw",
            who="the applicant, own focal point", body=ReasonIn, response=Accreditation,
            tag="accreditations", errors=(401, 403, 404, 409, 422))
async def withdraw(request: web.Request) -> web.Response:
    actor = need(request, Role.applicant, Role.focal_point)
    accreditation_id = path_uuid(request, "accreditation_id")
    body = await parse_optional(request, ReasonIn)
    async with transaction(request) as conn:
        acc = await repo.change(conn, accreditation_id, Action.withdraw, actor, body.reason,
                                now(request))
    return json_response(acc)


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/revoke", summary="Revoke",
            who="protocol, press_office (press), admin", body=ReasonIn, response=Accreditation,
            tag="accreditations", errors=(401, 403, 404, 409, 422))
async def revoke(request: web.Request) -> web.Response:
    actor = need(request, Role.protocol, Role.press_office, Role.admin)
    accreditation_id = path_uuid(request, "accreditation_id")
    body = await parse_optional(request, ReasonIn)
    async with transaction(request) as conn:
        acc = await repo.change(conn, accreditation_id, Action.revoke, actor, body.reason,
                                now(request))
    return json_response(acc)
