"""HTTP handlers for zones, press pools, badges and check-in: each parses the request, calls
one use-case of ``service`` and answers.

Who: zones are defined by the protocol office (admin, protocol); press pools by the
spokesperson's office too (press_office); every organiser may scan at a door (there is no
separate door-staff role: it would need one in ``conference.auth.Role``)."""

from __future__ import annotations

import asyncio

from aiohttp import web

from conference.badges import service
from conference.badges.models import (
    BadgeStates,
    BatchQuery,
    CheckIn,
    CheckInIn,
    CheckInPage,
    CheckInQuery,
    Grants,
    PackCollected,
    PackCollectedIn,
    Pool,
    PoolIn,
    PoolList,
    Printed,
    PrintedIn,
    Reissued,
    ReissueIn,
    StatusQuery,
    VoidBadgeList,
    VoidBadgeQuery,
    VoidBadgeRecovered,
    Zone,
    ZoneChange,
    ZoneIn,
    ZoneList,
    ZonePatch,
)
from conference.badges.render import render_png
from conference.badges.sheet import render_pdf
from conference.http.context import now, pool_key, principal, signer_key
from conference.http.io import json_response, parse, path_uuid, query_params
from conference.http.routes import RouteTable
from conference.roles import door_keeper, organiser, protocol_officer

routes = RouteTable()


@routes.add("POST", "/api/v1/conferences/{slug}/zones", summary="Define a zone and what grants it",
            who="admin, protocol", body=ZoneIn, response=Zone, status=201, tag="badges",
            errors=(400, 401, 403, 404, 409, 422))
async def create_zone(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    body = await parse(request, ZoneIn)
    zone = await service.create_zone(request.app[pool_key], officer, request.match_info["slug"],
                                     body, now(request))
    return json_response(zone, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/zones", summary="The zones and their grants",
            who="admin, protocol, press_office", response=ZoneList, tag="badges",
            errors=(401, 403, 404))
async def list_zones(request: web.Request) -> web.Response:
    who = organiser(principal(request))
    zones = await service.zones(request.app[pool_key], who, request.match_info["slug"])
    return json_response(ZoneList(items=zones))


@routes.add("PUT", "/api/v1/zones/{zone_id}/grants",
            summary="Replace what grants a zone (categories, sessions, press pools)",
            who="admin, protocol", body=Grants, response=Zone, tag="badges",
            errors=(400, 401, 403, 404, 422))
async def set_zone_grants(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    zone_id = path_uuid(request, "zone_id")
    body = await parse(request, Grants)
    return json_response(await service.set_grants(request.app[pool_key], officer, zone_id, body))


@routes.add("PATCH", "/api/v1/zones/{zone_id}",
            summary="Change a zone's names or days (the fields given; null days: the "
                    "conference's first or last day)",
            who="admin, protocol", body=ZonePatch, response=Zone, tag="badges",
            errors=(400, 401, 403, 404, 422))
async def change_zone(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    zone_id = path_uuid(request, "zone_id")
    body = await parse(request, ZonePatch)
    # the same use-case as the console's zone page (docs/credentials.md, "Days of admission")
    change = ZoneChange(**body.model_dump(exclude_unset=True))
    return json_response(await service.change_zone(request.app[pool_key], officer, zone_id,
                                                   change))


@routes.add("POST", "/api/v1/conferences/{slug}/pools", summary="Create a press pool",
            who="admin, protocol, press_office", body=PoolIn, response=Pool, status=201,
            tag="badges", errors=(400, 401, 403, 404, 409, 422))
async def create_pool(request: web.Request) -> web.Response:
    who = organiser(principal(request))
    body = await parse(request, PoolIn)
    pool = await service.create_pool(request.app[pool_key], who, request.match_info["slug"],
                                     body, now(request))
    return json_response(pool, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/pools", summary="The press pools and their members",
            who="admin, protocol, press_office", response=PoolList, tag="badges",
            errors=(401, 403, 404))
async def list_pools(request: web.Request) -> web.Response:
    who = organiser(principal(request))
    pools = await service.pools(request.app[pool_key], who, request.match_info["slug"])
    return json_response(PoolList(items=pools))


@routes.add("PUT", "/api/v1/pools/{pool_id}/members/{accreditation_id}",
            summary="Put a press accreditation in a pool (one pool per person)",
            who="admin, protocol, press_office", response=Pool, tag="badges",
            errors=(401, 403, 404, 409, 422))
async def add_pool_member(request: web.Request) -> web.Response:
    who = organiser(principal(request))
    pool_id = path_uuid(request, "pool_id")
    accreditation_id = path_uuid(request, "accreditation_id")
    pool = await service.add_member(request.app[pool_key], who, pool_id, accreditation_id,
                                    now(request))
    return json_response(pool)


@routes.add("DELETE", "/api/v1/pools/{pool_id}/members/{accreditation_id}",
            summary="Take an accreditation out of a pool", who="admin, protocol, press_office",
            status=204, tag="badges", errors=(401, 403, 404))
async def remove_pool_member(request: web.Request) -> web.Response:
    who = organiser(principal(request))
    pool_id = path_uuid(request, "pool_id")
    accreditation_id = path_uuid(request, "accreditation_id")
    await service.remove_member(request.app[pool_key], who, pool_id, accreditation_id)
    return web.Response(status=204)


@routes.add("PUT", "/api/v1/pools/{pool_id}/sessions/{session_id}",
            summary="The pool covers a session (press_access pool or photo_opportunity): its "
                    "members are invited to it",
            who="admin, protocol, press_office", response=Pool, tag="badges",
            errors=(401, 403, 404, 409, 422))
async def link_pool_session(request: web.Request) -> web.Response:
    who = organiser(principal(request))
    pool_id = path_uuid(request, "pool_id")
    session_id = path_uuid(request, "session_id")
    pool = await service.link_session(request.app[pool_key], who, pool_id, session_id,
                                      now(request))
    return json_response(pool)


@routes.add("DELETE", "/api/v1/pools/{pool_id}/sessions/{session_id}",
            summary="The pool no longer covers a session: its members' invitations to it are "
                    "cancelled", who="admin, protocol, press_office",
            status=204, tag="badges", errors=(401, 403, 404))
async def unlink_pool_session(request: web.Request) -> web.Response:
    who = organiser(principal(request))
    pool_id = path_uuid(request, "pool_id")
    session_id = path_uuid(request, "session_id")
    await service.unlink_session(request.app[pool_key], who, pool_id, session_id)
    return web.Response(status=204)


@routes.add("GET", "/api/v1/accreditations/{accreditation_id}/badge",
            summary="The printable badge (PNG, A6 at 300 dpi) with its QR code",
            who="organisers (press_office: press), own focal point, the applicant; once approved",
            tag="badges", media=("image/png",), errors=(401, 403, 404, 409))
async def badge(request: web.Request) -> web.Response:
    accreditation_id = path_uuid(request, "accreditation_id")
    content = await service.badge(request.app[pool_key], request.app[signer_key],
                                  accreditation_id, principal(request))
    return badge_response(await asyncio.to_thread(render_png, content), accreditation_id)


def badge_response(png: bytes, name: object) -> web.Response:
    return web.Response(
        body=png, content_type="image/png",
        headers={"Cache-Control": "no-store",
                 "Content-Disposition": f'inline; filename="badge-{name}.png"'},
    )


@routes.add("GET", "/api/v1/conferences/{slug}/badges.pdf",
            summary="A print batch: the badges in order of precedence, one per A6 page or four "
                    "per A4 sheet with crop marks (never a person lacking clearance)",
            who="admin, protocol", query=BatchQuery, tag="badges", media=("application/pdf",),
            errors=(401, 403, 404, 409, 422))
async def badge_batch(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    q = query_params(request, BatchQuery)
    slug = request.match_info["slug"]
    badges = await service.batch(request.app[pool_key], officer, request.app[signer_key], slug,
                                 q)
    pdf = await asyncio.to_thread(render_pdf, badges, q.layout)
    return web.Response(body=pdf, content_type="application/pdf", headers={
        "Cache-Control": "no-store",
        "Content-Disposition": f'attachment; filename="badges-{slug}-{q.layout.value}.pdf"'})


@routes.add("GET", "/api/v1/conferences/{slug}/badges",
            summary="Every approved accreditation's badge: version, print status, pack collected",
            who="admin, protocol", query=StatusQuery, response=BadgeStates, tag="badges",
            errors=(401, 403, 404, 409, 422))
async def badge_states(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    q = query_params(request, StatusQuery)
    return json_response(await service.badge_states(request.app[pool_key], officer,
                                                    request.match_info["slug"], q))


@routes.add("GET", "/api/v1/conferences/{slug}/badges/void",
            summary="The void badges: printed, then their accreditation substituted, withdrawn "
                    "or revoked; why, since when, and whether the desk recovered them",
            who="admin, protocol", query=VoidBadgeQuery, response=VoidBadgeList, tag="badges",
            errors=(401, 403, 404, 422))
async def void_badges(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    q = query_params(request, VoidBadgeQuery)
    items = await service.void_badges(request.app[pool_key], officer,
                                      request.match_info["slug"], recovered=q.recovered)
    return json_response(VoidBadgeList(items=items))


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/badge/recovered",
            summary="Record a void badge recovered at the desk (handed back or destroyed); "
                    "again: the first record, `already_recovered`",
            who="admin, protocol", response=VoidBadgeRecovered, tag="badges",
            errors=(401, 403, 404, 409))
async def badge_recovered(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    accreditation_id = path_uuid(request, "accreditation_id")
    return json_response(await service.recover_void_badge(request.app[pool_key], officer,
                                                          accreditation_id, now(request)))


@routes.add("POST", "/api/v1/conferences/{slug}/badges/printed",
            summary="Mark badges printed (to_print -> printed)", who="admin, protocol",
            body=PrintedIn, response=Printed, tag="badges", errors=(400, 401, 403, 404, 422))
async def badges_printed(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    body = await parse(request, PrintedIn)
    return json_response(await service.mark_printed(
        request.app[pool_key], officer, request.match_info["slug"], body, now(request)))


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/badge/reissue",
            summary="Reissue a badge (lost, damaged, photo or zones changed): a new version to "
                    "print; the earlier QR codes are refused `superseded`",
            who="admin, protocol", body=ReissueIn, response=Reissued, tag="badges",
            errors=(400, 401, 403, 404, 409, 422))
async def reissue_badge(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    accreditation_id = path_uuid(request, "accreditation_id")
    body = await parse(request, ReissueIn)
    return json_response(await service.reissue(request.app[pool_key], officer,
                                               accreditation_id, body, now(request)))


@routes.add("POST", "/api/v1/delegations/{delegation_id}/pack/collected",
            summary="Record the collection of a delegation's printed badges",
            who="admin, protocol", body=PackCollectedIn, response=PackCollected, tag="badges",
            errors=(400, 401, 403, 404, 409, 422))
async def pack_collected(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    delegation_id = path_uuid(request, "delegation_id")
    body = await parse(request, PackCollectedIn)
    return json_response(await service.collect_pack(request.app[pool_key], officer,
                                                    delegation_id, body, now(request)))


@routes.add("POST", "/api/v1/conferences/{slug}/check-ins",
            summary="Scan a badge at a zone's door: admitted or refused with the reason; recorded",
            who="admin, protocol, press_office, door", body=CheckInIn, response=CheckIn,
            tag="badges", errors=(400, 401, 403, 404, 422))
async def check_in(request: web.Request) -> web.Response:
    who = door_keeper(principal(request))
    body = await parse(request, CheckInIn)
    result = await service.check_in(request.app[pool_key], who, request.app[signer_key],
                                    request.match_info["slug"], body, now(request))
    return json_response(result)


@routes.add("GET", "/api/v1/conferences/{slug}/check-ins",
            summary="The recorded scans, oldest first",
            who="admin, protocol", query=CheckInQuery, response=CheckInPage, tag="badges",
            errors=(401, 403, 404, 422))
async def list_check_ins(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    q = query_params(request, CheckInQuery)
    page = await service.check_ins(request.app[pool_key], officer, request.match_info["slug"], q)
    return json_response(page)
