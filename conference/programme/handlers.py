"""HTTP handlers for rooms, sessions, participants, the protocol views and the published
programme: each parses the request, calls one use-case of ``service`` and answers."""

from __future__ import annotations

from aiohttp import web

from conference.csvfile import FOR_PROGRAMS
from conference.http.context import now, pool_key, principal
from conference.http.io import json_response, parse, parse_optional, path_uuid, query_params
from conference.http.routes import RouteTable
from conference.programme import domain, service
from conference.programme.models import (
    DraftPreview,
    Draw,
    DrawIn,
    ParticipantIn,
    Precedence,
    ProgrammeQuery,
    ProgrammeVersion,
    PublishIn,
    PublishResult,
    Room,
    RoomIn,
    RoomList,
    Seating,
    SecurityList,
    Session,
    SessionIn,
    SessionList,
    SessionPatch,
    SessionWritten,
    SpeakingOrder,
)
from conference.roles import protocol_officer

routes = RouteTable()

WHO = "admin, protocol"


@routes.add("POST", "/api/v1/conferences/{slug}/rooms", summary="Create a room", who=WHO,
            body=RoomIn, response=Room, status=201, tag="programme",
            errors=(400, 401, 403, 404, 409, 422))
async def create_room(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    body = await parse(request, RoomIn)
    room = await service.create_room(request.app[pool_key], officer, request.match_info["slug"],
                                     body, now(request))
    return json_response(room, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/rooms", summary="The rooms", who=WHO,
            response=RoomList, tag="programme", errors=(401, 403, 404))
async def list_rooms(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    rooms = await service.rooms(request.app[pool_key], officer, request.match_info["slug"])
    return json_response(RoomList(items=rooms))


@routes.add("POST", "/api/v1/conferences/{slug}/sessions", summary="Schedule a session", who=WHO,
            body=SessionIn, response=SessionWritten, status=201, tag="programme",
            errors=(400, 401, 403, 404, 409, 422))
async def schedule_session(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    body = await parse(request, SessionIn)
    session = await service.schedule_session(request.app[pool_key], officer,
                                             request.match_info["slug"], body, now(request))
    return json_response(session, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/sessions", summary="The draft programme", who=WHO,
            response=SessionList, tag="programme", errors=(401, 403, 404))
async def list_sessions(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    sessions = await service.sessions(request.app[pool_key], officer, request.match_info["slug"])
    return json_response(SessionList(items=sessions))


@routes.add("GET", "/api/v1/sessions/{session_id}", summary="One session (draft)", who=WHO,
            response=Session, tag="programme", errors=(401, 403, 404))
async def get_session(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    session_id = path_uuid(request, "session_id")
    return json_response(await service.session(request.app[pool_key], officer, session_id))


@routes.add("PATCH", "/api/v1/sessions/{session_id}", summary="Move, rename or change a session",
            who=WHO, body=SessionPatch, response=SessionWritten, tag="programme",
            errors=(400, 401, 403, 404, 409, 422))
async def change_session(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    session_id = path_uuid(request, "session_id")
    body = await parse(request, SessionPatch)
    session = await service.change_session(request.app[pool_key], officer, session_id, body,
                                           now(request))
    return json_response(session)


@routes.add("POST", "/api/v1/sessions/{session_id}/cancel", summary="Cancel a session", who=WHO,
            response=SessionWritten, tag="programme", errors=(401, 403, 404, 409))
async def cancel_session(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    session_id = path_uuid(request, "session_id")
    session = await service.cancel_session(request.app[pool_key], officer, session_id,
                                           now(request))
    return json_response(session)


@routes.add("PUT", "/api/v1/sessions/{session_id}/participants/{accreditation_id}",
            summary="Put a person on a session (or change their role)", who=WHO,
            body=ParticipantIn, response=SessionWritten, tag="programme",
            errors=(400, 401, 403, 404, 409, 422))
async def put_participant(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    session_id = path_uuid(request, "session_id")
    accreditation_id = path_uuid(request, "accreditation_id")
    body = await parse(request, ParticipantIn)
    session = await service.put_participant(request.app[pool_key], officer, session_id,
                                            accreditation_id, body.role, now(request))
    return json_response(session)


@routes.add("DELETE", "/api/v1/sessions/{session_id}/participants/{accreditation_id}",
            summary="Take a person off a session", who=WHO, status=204, media=(), tag="programme",
            errors=(401, 403, 404, 409))
async def remove_participant(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    session_id = path_uuid(request, "session_id")
    accreditation_id = path_uuid(request, "accreditation_id")
    await service.remove_participant(request.app[pool_key], officer, session_id,
                                     accreditation_id)
    return web.Response(status=204)


def _wants_csv(request: web.Request) -> bool:
    return "text/csv" in request.headers.get("Accept", "")


def _csv(text: str, filename: str) -> web.Response:
    """A CSV download (UTF-8, a header row: ``domain.*_csv``)."""
    return web.Response(text=text, content_type="text/csv", charset="utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@routes.add("GET", "/api/v1/sessions/{session_id}/speaking-order",
            summary="Speakers in protocol order (JSON, or CSV with Accept: text/csv)", who=WHO,
            response=SpeakingOrder, media=("application/json", "text/csv"),
            tag="protocol", errors=(401, 403, 404, 409))
async def speaking_order_of(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    session_id = path_uuid(request, "session_id")
    order = await service.speaking_order(request.app[pool_key], officer, session_id)
    if _wants_csv(request):
        name = await service.session_file_name(request.app[pool_key], officer, session_id,
                                               "speaking-order")
        return _csv(domain.speaking_order_csv(order), name)
    return json_response(order)


@routes.add("GET", "/api/v1/sessions/{session_id}/seating",
            summary="Head-table seating (JSON, or CSV with Accept: text/csv)", who=WHO,
            response=Seating, media=("application/json", "text/csv"), tag="protocol",
            errors=(401, 403, 404, 409))
async def seating_of(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    session_id = path_uuid(request, "session_id")
    seating = await service.seating(request.app[pool_key], officer, session_id)
    if _wants_csv(request):
        name = await service.session_file_name(request.app[pool_key], officer, session_id,
                                               "seating")
        return _csv(domain.seating_csv(seating), name)
    return json_response(seating)


@routes.add("GET", "/api/v1/sessions/{session_id}/security-list",
            summary="Security list of a royal-presence session (JSON, or CSV "
                    "with Accept: text/csv)",
            who=WHO, response=SecurityList, media=("application/json", "text/csv"),
            tag="protocol", errors=(401, 403, 404, 409))
async def security_list_of(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    session_id = path_uuid(request, "session_id")
    listing = await service.security_list(request.app[pool_key], officer, session_id,
                                          now(request))
    if _wants_csv(request):
        name = await service.session_file_name(request.app[pool_key], officer, session_id,
                                               "security-list")
        return _csv(domain.security_list_csv(listing.items, delimiter=FOR_PROGRAMS, bom=False),
                    name)
    return json_response(listing)


@routes.add("GET", "/api/v1/conferences/{slug}/precedence",
            summary="Heads of delegation in order of precedence", who=WHO, response=Precedence,
            tag="protocol", errors=(401, 403, 404, 409))
async def precedence_of(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    return json_response(await service.precedence(request.app[pool_key], officer,
                                                  request.match_info["slug"]))


@routes.add("POST", "/api/v1/conferences/{slug}/protocol/draw",
            summary="Draw by lot the starting country of the drawn order (once)", who=WHO,
            body=DrawIn, response=Draw, status=201, tag="protocol",
            errors=(400, 401, 403, 404, 409, 422))
async def draw_starting_country(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    body = await parse_optional(request, DrawIn)
    drawn = await service.draw(request.app[pool_key], officer, request.match_info["slug"],
                               body.among)
    return json_response(drawn, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/programme/preview",
            summary="What publishing the draft now would make: the changelog and the "
            "fingerprint to publish it with", who=WHO, response=DraftPreview, tag="programme",
            errors=(401, 403, 404))
async def preview_publication(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    preview = await service.preview_publication(request.app[pool_key], officer,
                                                request.match_info["slug"])
    return json_response(DraftPreview(latest=preview.latest, version=preview.version,
                                      changes=preview.changes,
                                      fingerprint=preview.fingerprint))


@routes.add("POST", "/api/v1/conferences/{slug}/programme/publish",
            summary="Publish the draft as a new version (200 and no new version when unchanged); "
            "with a preview's expected_fingerprint, 409 stale-preview when the draft changed",
            who=WHO, body=PublishIn, response=PublishResult, status=201, tag="programme",
            errors=(400, 401, 403, 404, 409, 422))
async def publish_programme(request: web.Request) -> web.Response:
    officer = protocol_officer(principal(request))
    body = await parse_optional(request, PublishIn)
    result = await service.publish(request.app[pool_key], officer, request.match_info["slug"],
                                   now(request), expected_fingerprint=body.expected_fingerprint)
    return json_response(result, status=201 if result.published else 200)


@routes.add("GET", "/api/v1/conferences/{slug}/programme",
            summary="The latest published programme (participants shown to organisers only)",
            query=ProgrammeQuery, response=ProgrammeVersion, tag="programme",
            errors=(401, 404, 422))
async def published_programme(request: web.Request) -> web.Response:
    q = query_params(request, ProgrammeQuery)
    version = await service.programme_of(request.app[pool_key], principal(request),
                                         request.match_info["slug"], q.version)
    return json_response(version)
