"""HTTP handlers for zones, press pools, badges and check-in: thin, one repository call each.

Who: zones are defined by the protocol office (admin, protocol); press pools by the
spokesperson's office too (press_office); every organiser may scan at a door (there is no
separate door-staff role: it would need one in ``conference.auth.Role``)."""

from __future__ import annotations

import asyncio

from aiohttp import web

import conference.badges.events  # noqa: F401  (registers the event types)
from conference.auth import ORGANISERS, Role
from conference.badges import repo
from conference.badges.models import (
    CheckIn,
    CheckInIn,
    CheckInPage,
    CheckInQuery,
    Grants,
    Pool,
    PoolIn,
    PoolList,
    Zone,
    ZoneIn,
    ZoneList,
)
from conference.badges.render import render_png
from conference.conferences.repo import conference_by_slug
from conference.http.context import connection, need, now, principal, signer_key, transaction
from conference.http.io import json_response, parse, path_uuid, query_params
from conference.http.routes import RouteTable

routes = RouteTable()

PROTOCOL = (Role.admin, Role.protocol)
POOLS = (Role.admin, Role.protocol, Role.press_office)


@routes.add("POST", "/api/v1/conferences/{slug}/zones", summary="Define a zone and what grants it",
            who="admin, protocol", body=ZoneIn, response=Zone, status=201, tag="badges",
            errors=(400, 401, 403, 404, 409, 422))
async def create_zone(request: web.Request) -> web.Response:
    actor = need(request, *PROTOCOL)
    body = await parse(request, ZoneIn)
    async with transaction(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
        zone = await repo.create_zone(conn, conference, body, actor, now(request))
    return json_response(zone, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/zones", summary="The zones and their grants",
            who="admin, protocol, press_office", response=ZoneList, tag="badges",
            errors=(401, 403, 404))
async def list_zones(request: web.Request) -> web.Response:
    need(request, *ORGANISERS)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
        zones = await repo.zones_of(conn, conference)
    return json_response(ZoneList(items=zones))


@routes.add("PUT", "/api/v1/zones/{zone_id}/grants",
            summary="Replace what grants a zone (categories, sessions, press pools)",
            who="admin, protocol", body=Grants, response=Zone, tag="badges",
            errors=(400, 401, 403, 404, 422))
async def set_zone_grants(request: web.Request) -> web.Response:
    actor = need(request, *PROTOCOL)
    zone_id = path_uuid(request, "zone_id")
    body = await parse(request, Grants)
    async with transaction(request) as conn:
        zone = await repo.set_grants(conn, zone_id, body, actor)
    return json_response(zone)


@routes.add("POST", "/api/v1/conferences/{slug}/pools", summary="Create a press pool",
            who="admin, protocol, press_office", body=PoolIn, response=Pool, status=201,
            tag="badges", errors=(400, 401, 403, 404, 409, 422))
async def create_pool(request: web.Request) -> web.Response:
    actor = need(request, *POOLS)
    body = await parse(request, PoolIn)
    async with transaction(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
        pool = await repo.create_pool(conn, conference, body, actor, now(request))
    return json_response(pool, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/pools", summary="The press pools and their members",
            who="admin, protocol, press_office", response=PoolList, tag="badges",
            errors=(401, 403, 404))
async def list_pools(request: web.Request) -> web.Response:
    need(request, *POOLS)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
        pools = await repo.pools_of(conn, conference)
    return json_response(PoolList(items=pools))


@routes.add("PUT", "/api/v1/pools/{pool_id}/members/{accreditation_id}",
            summary="Put a press accreditation in a pool (one pool per person)",
            who="admin, protocol, press_office", response=Pool, tag="badges",
            errors=(401, 403, 404, 409, 422))
async def add_pool_member(request: web.Request) -> web.Response:
    actor = need(request, *POOLS)
    pool_id = path_uuid(request, "pool_id")
    accreditation_id = path_uuid(request, "accreditation_id")
    async with transaction(request) as conn:
        pool = await repo.add_member(conn, pool_id, accreditation_id, actor, now(request))
    return json_response(pool)


@routes.add("DELETE", "/api/v1/pools/{pool_id}/members/{accreditation_id}",
            summary="Take an accreditation out of a pool", who="admin, protocol, press_office",
            status=204, tag="badges", errors=(401, 403, 404))
async def remove_pool_member(request: web.Request) -> web.Response:
    actor = need(request, *POOLS)
    pool_id = path_uuid(request, "pool_id")
    accreditation_id = path_uuid(request, "accreditation_id")
    async with transaction(request) as conn:
        await repo.remove_member(conn, pool_id, accreditation_id, actor)
    return web.Response(status=204)


@routes.add("GET", "/api/v1/accreditations/{accreditation_id}/badge",
            summary="The printable badge (PNG, A6 at 300 dpi) with its QR code",
            who="organisers (press_office: press), own focal point, the applicant; once approved",
            tag="badges", media=("image/png",), errors=(401, 403, 404, 409))
async def badge(request: web.Request) -> web.Response:
    accreditation_id = path_uuid(request, "accreditation_id")
    signer = request.app[signer_key]
    async with connection(request) as conn:
        content = await repo.badge_content(conn, signer, accreditation_id, principal(request))
    return badge_response(await asyncio.to_thread(render_png, content), accreditation_id)


def badge_response(png: bytes, name: object) -> web.Response:
    return web.Response(
        body=png, content_type="image/png",
        headers={"Cache-Control": "no-store",
                 "Content-Disposition": f'inline; filename="badge-{name}.png"'},
    )


@routes.add("POST", "/api/v1/conferences/{slug}/check-ins",
            summary="Scan a badge at a zone's door: admitted or refused with the reason; recorded",
            who="admin, protocol, press_office", body=CheckInIn, response=CheckIn, tag="badges",
            errors=(400, 401, 403, 404, 422))
async def check_in(request: web.Request) -> web.Response:
    actor = need(request, *ORGANISERS)
    body = await parse(request, CheckInIn)
    signer = request.app[signer_key]
    async with transaction(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
        result = await repo.check_in(conn, conference, signer, body, actor, now(request))
    return json_response(result)


@routes.add("GET", "/api/v1/conferences/{slug}/check-ins",
            summary="The recorded scans, oldest first",
            who="admin, protocol", query=CheckInQuery, response=CheckInPage, tag="badges",
            errors=(401, 403, 404, 422))
async def list_check_ins(request: web.Request) -> web.Response:
    need(request, *PROTOCOL)
    q = query_params(request, CheckInQuery)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
        page = await repo.check_ins(conn, conference, q)
    return json_response(page)
