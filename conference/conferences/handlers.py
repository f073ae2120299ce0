"""HTTP handlers for conferences and delegations: each parses, calls one use-case of
``service.py``, answers."""

from __future__ import annotations

from aiohttp import web
from pydantic import ValidationError

from conference import roles
from conference.conferences import service
from conference.conferences.models import (
    Conference,
    ConferenceCorrected,
    ConferenceDetailsIn,
    ConferenceIn,
    DelegationCreated,
    DelegationIn,
    DelegationList,
)
from conference.errors import Invalid
from conference.http.context import need, now, pool_key, principal, settings_key
from conference.http.io import json_response, parse
from conference.http.problems import field_errors
from conference.http.routes import RouteTable

routes = RouteTable()


@routes.add("POST", "/api/v1/conferences", summary="Create a conference", who="admin",
            body=ConferenceIn, response=Conference, status=201, tag="conferences",
            errors=(400, 401, 403, 409, 413, 422))
async def create_conference(request: web.Request) -> web.Response:
    actor = need(request, *roles.ADMINS)
    body = await parse(request, ConferenceIn)
    conference = await service.create_conference(request.app[pool_key], body, actor)
    return json_response(conference, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}", summary="A conference", response=Conference,
            tag="conferences", errors=(404,))
async def get_conference(request: web.Request) -> web.Response:
    conference = await service.get_conference(request.app[pool_key], request.match_info["slug"])
    return json_response(conference)


@routes.add("PATCH", "/api/v1/conferences/{slug}",
            summary="Correct a conference's details: title, short name, venue, patron, hosts, "
                    "press registration, spokespersons, organisers' address, privacy notice, "
                    "Council presidency, and its days, time zone and languages (409 naming the "
                    "field when the programme or what was sent refuses it); a field left out "
                    "stays as it is",
            who="admin", body=ConferenceDetailsIn, response=ConferenceCorrected,
            tag="conferences", errors=(400, 401, 403, 404, 409, 413, 422))
async def correct_conference(request: web.Request) -> web.Response:
    actor = need(request, *roles.ADMINS)
    body = await parse(request, ConferenceDetailsIn)
    try:
        corrected = await service.correct_conference_details(
            request.app[pool_key], request.match_info["slug"], body, actor, now(request))
    except ValidationError as exc:  # the conference as corrected, as a whole
        raise Invalid("Some fields are invalid.", field_errors(exc)) from None
    return json_response(ConferenceCorrected(conference=corrected.conference,
                                             changed=corrected.changed,
                                             to_review=corrected.to_review))


@routes.add("POST", "/api/v1/conferences/{slug}/delegations", summary="Create a delegation",
            who="admin, protocol", body=DelegationIn, response=DelegationCreated, status=201,
            tag="delegations", errors=(400, 401, 403, 404, 409, 422))
async def create_delegation(request: web.Request) -> web.Response:
    actor = need(request, *roles.PROTOCOL_OFFICE)
    body = await parse(request, DelegationIn)
    created = await service.create_delegation(
        request.app[pool_key], request.match_info["slug"], body, actor, now(request),
        token_lifetime=request.app[settings_key].tokens.default_lifetime)
    return json_response(created, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/delegations", summary="The delegations",
            who="admin, protocol", response=DelegationList, tag="delegations",
            errors=(401, 403, 404))
async def list_delegations(request: web.Request) -> web.Response:
    delegations = await service.list_delegations(request.app[pool_key],
                                                 request.match_info["slug"], principal(request))
    return json_response(delegations)
