"""HTTP handlers for accreditations: each parses, calls one use-case of ``service.py``, answers.

A route with a body checks its role set before reading the body (401/403 before 400/422)."""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from aiohttp import web
from pydantic import BaseModel

from conference import roles
from conference.accreditation import service
from conference.accreditation.domain import Action
from conference.accreditation.models import (
    Accreditation,
    AccreditationCreated,
    AccreditationIn,
    AccreditationPage,
    AmendedAccreditation,
    AmendmentIn,
    DecisionIn,
    InformationAnswerIn,
    InformationRequestIn,
    ListQuery,
    ReasonIn,
    SubstitutionIn,
)
from conference.auth import Principal, Role
from conference.errors import Refusal
from conference.http.context import filings_key, need, now, pool_key, principal
from conference.http.io import json_response, parse, parse_optional, path_uuid, query_params
from conference.http.limits import limit_registration
from conference.http.routes import RouteTable

routes = RouteTable()


M = TypeVar("M", bound=BaseModel)


async def _parse_in_scope(request: web.Request, accreditation_id: UUID, model: type[M],
                          action: Action, actor: Principal) -> M:
    """The body, parsed once the caller is known to act within their scope: a caller who may
    not act on this accreditation learns nothing from field errors (403/404 come first)."""
    try:
        return await parse(request, model)
    except Refusal:
        await service.authorise(request.app[pool_key], accreditation_id, action, actor)
        raise


@routes.add("POST", "/api/v1/conferences/{slug}/accreditations",
            summary="Apply for accreditation",
            who="anyone for press (while the window is open); focal point, protocol, admin "
                "otherwise",
            body=AccreditationIn, response=AccreditationCreated, status=201, tag="accreditations",
            errors=(400, 401, 403, 404, 409, 413, 422, 429))
async def register(request: web.Request) -> web.Response:
    limit_registration(request)  # lifted for organisers and focal points only
    body = await parse(request, AccreditationIn)
    # a self-registration's client keeps the answer's token (docs/privacy.md, "Tokens and
    # secrets"): the letters' links do not replace it
    created = await service.register(request.app[pool_key], request.match_info["slug"], body,
                                     principal(request), now(request),
                                     request.app[filings_key], answer_token=True)
    return json_response(created, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/accreditations", summary="List accreditations",
            who="admin, protocol, press_office (press), focal point (own delegation)",
            query=ListQuery, response=AccreditationPage, tag="accreditations",
            errors=(401, 403, 404, 422))
async def list_accreditations(request: web.Request) -> web.Response:
    actor = need(request, *roles.ACCREDITATION_READERS)
    q = query_params(request, ListQuery)
    page = await service.list_page(request.app[pool_key], request.match_info["slug"], q, actor)
    return json_response(page)


@routes.add("GET", "/api/v1/accreditations/{accreditation_id}", summary="One accreditation",
            who="organisers, own focal point, the applicant", response=Accreditation,
            tag="accreditations", errors=(401, 403, 404))
async def get_accreditation(request: web.Request) -> web.Response:
    accreditation_id = path_uuid(request, "accreditation_id")
    acc = await service.get(request.app[pool_key], accreditation_id, principal(request))
    return json_response(acc)


@routes.add("PATCH", "/api/v1/accreditations/{accreditation_id}",
            summary="Change a delegation member's details before the decision, or correct a "
                    "journalist's (name, press details, with a reason)",
            who="own focal point (before changes_close_at), protocol, admin; press_office and "
                "admin for press applications", body=AmendmentIn,
            response=AmendedAccreditation, tag="accreditations",
            errors=(400, 401, 403, 404, 409, 422))
async def amend(request: web.Request) -> web.Response:
    actor = need(request, *roles.AMENDERS)
    accreditation_id = path_uuid(request, "accreditation_id")
    pool = request.app[pool_key]
    body = await _parse_in_scope(request, accreditation_id, AmendmentIn, Action.amend, actor)
    acc = await service.amend(pool, accreditation_id, body, actor, now(request))
    return json_response(acc)


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/decision", summary="Decide",
            who="press_office (press), protocol (others), admin", body=DecisionIn,
            response=Accreditation, tag="accreditations", errors=(400, 401, 403, 404, 409, 422),
            error_notes={409: (
                "illegal-transition (not submitted or waitlisted); press-pool-full; "
                "duplicate-approved: a press application that probably duplicates one already "
                "approved (the same press card number, or the same name at the same outlet, "
                "once folded) is not approved, and duplicate_of names the other, unless the "
                "body says not_a_duplicate: true (the officer checked it is another person)")})
async def decide(request: web.Request) -> web.Response:
    actor = need(request, *roles.DECIDERS)
    accreditation_id = path_uuid(request, "accreditation_id")
    pool = request.app[pool_key]
    body = await _parse_in_scope(request, accreditation_id, DecisionIn, Action.approve, actor)
    acc = await service.decide(pool, accreditation_id, body.decision, body.reason, actor,
                               now(request), not_a_duplicate=body.not_a_duplicate)
    return json_response(acc)


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/information-request",
            summary="Ask an applicant under review for more information; mailed with a "
                    "fresh private link (the press desk's and the console's request)",
            who="press_office (press), protocol (the rest), admin", body=InformationRequestIn,
            response=Accreditation, tag="accreditations",
            errors=(400, 401, 403, 404, 409, 422),
            error_notes={409: "illegal-transition: the application is no longer under review "
                              "(not submitted or waitlisted)"})
async def request_information(request: web.Request) -> web.Response:
    actor = need(request, *roles.DECIDERS)
    accreditation_id = path_uuid(request, "accreditation_id")
    pool = request.app[pool_key]
    body = await _parse_in_scope(request, accreditation_id, InformationRequestIn,
                                 Action.reject, actor)
    acc = await service.request_information(pool, accreditation_id, body.message, actor,
                                            now(request))
    return json_response(acc)


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/information-answer",
            summary="The applicant, or a member's own focal point on their behalf, answers the "
                    "office's request for more information in words (the status unchanged; "
                    "the office is told by mail, and by whom)",
            who="the applicant, own focal point", body=InformationAnswerIn,
            response=Accreditation,
            tag="accreditations", errors=(400, 401, 403, 404, 409, 422),
            error_notes={409: "illegal-transition: the application is no longer under review "
                              "(not submitted or waitlisted), or no information was asked of "
                              "it; answers-exhausted: the latest request has had its five "
                              "answers (answers_allowed)"})
async def give_information(request: web.Request) -> web.Response:
    # a delegation member's focal point answers on their behalf, as on the member's page of
    # the portal (docs/workspaces.md, "Asking for more information")
    actor = need(request, Role.applicant, Role.focal_point)
    accreditation_id = path_uuid(request, "accreditation_id")
    pool = request.app[pool_key]
    try:
        body = await parse(request, InformationAnswerIn)
    except Refusal:
        # another applicant learns nothing from field errors (403/404 come first)
        await service.authorise_answer(pool, accreditation_id, actor)
        raise
    acc = await service.give_information(pool, accreditation_id, body.answer, actor,
                                         now(request))
    return json_response(acc)


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/withdraw",
            summary="Withdraw (before the decision; an approved journalist also after it)",
            who="the applicant, own focal point", body=ReasonIn, response=Accreditation,
            tag="accreditations", errors=(401, 403, 404, 409, 422))
async def withdraw(request: web.Request) -> web.Response:
    actor = need(request, *roles.WITHDRAWERS)
    accreditation_id = path_uuid(request, "accreditation_id")
    body = await parse_optional(request, ReasonIn)
    acc = await service.withdraw(request.app[pool_key], accreditation_id, body.reason, actor,
                                 now(request))
    return json_response(acc)


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/revoke", summary="Revoke",
            who="protocol, press_office (press), admin", body=ReasonIn, response=Accreditation,
            tag="accreditations", errors=(401, 403, 404, 409, 422))
async def revoke(request: web.Request) -> web.Response:
    actor = need(request, *roles.REVOKERS)
    accreditation_id = path_uuid(request, "accreditation_id")
    body = await parse_optional(request, ReasonIn)
    acc = await service.revoke(request.app[pool_key], accreditation_id, body.reason, actor,
                               now(request))
    return json_response(acc)


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/substitute",
            summary="Substitute a delegation member",
            who="focal point (own delegation, before changes_close_at), protocol, admin",
            body=SubstitutionIn, response=AccreditationCreated, status=201,
            tag="accreditations", errors=(400, 401, 403, 404, 409, 422))
async def substitute(request: web.Request) -> web.Response:
    actor = need(request, *roles.SUBSTITUTERS)
    accreditation_id = path_uuid(request, "accreditation_id")
    pool = request.app[pool_key]
    body = await _parse_in_scope(request, accreditation_id, SubstitutionIn, Action.substitute,
                                 actor)
    created = await service.substitute(pool, accreditation_id, body, actor, now(request))
    return json_response(created, status=201)
