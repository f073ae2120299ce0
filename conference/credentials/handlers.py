"""HTTP handlers for photos, documents and visa letters: parse, call one use-case, answer.

An upload is read from the stream up to its limit (not the service's JSON body limit): a photo
over 5 MB or a document over 10 MB is refused with the rule it breaks, never read whole."""

from __future__ import annotations

import asyncio

from aiohttp import web

from conference.auth import Role
from conference.conferences.lookup import conference_by_slug
from conference.credentials import domain, service
from conference.credentials.models import (
    DocumentKind,
    DocumentsRequired,
    DocumentsState,
    PhotoRequired,
    ReasonIn,
    VettingImported,
    VettingState,
    VettingStatusIn,
    VisaDecisionIn,
    VisaLetter,
    VisaLetterIn,
    VisaTemplate,
)
from conference.errors import NotFound
from conference.http.context import connection, need, now, pool_key, principal, settings_key
from conference.http.hygiene import RequestTimeout, read_timeout_key
from conference.http.io import json_response, parse, path_uuid
from conference.http.routes import RouteTable
from conference.roles import PROTOCOL_OFFICE

routes = RouteTable()

PROTOCOL = PROTOCOL_OFFICE
IMAGES = ("image/jpeg", "image/png")
DOCUMENTS = ("application/pdf", "image/jpeg", "image/png")


async def _read_capped(request: web.Request, limit: int, field: str) -> bytes:
    """The body, or a 422 (rule ``max_size``) as soon as it passes ``limit`` bytes."""
    if request.content_length is not None and request.content_length > limit:
        raise domain.refuse(field, "max_size", f"A {field} is at most {limit} bytes.")
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(request.app[read_timeout_key]):
            async for chunk in request.content.iter_chunked(64 * 1024):
                size += len(chunk)
                if size > limit:
                    raise domain.refuse(field, "max_size",
                                        f"A {field} is at most {limit} bytes.")
                chunks.append(chunk)
    except TimeoutError:
        raise RequestTimeout("The body did not arrive in time.") from None
    return b"".join(chunks)


def _kind(request: web.Request) -> DocumentKind:
    raw = request.match_info["kind"]
    try:
        return DocumentKind(raw)
    except ValueError:
        kinds = ", ".join(k.value for k in DocumentKind)
        raise NotFound(f"No document kind {raw!r} (one of {kinds}).") from None


@routes.add("PUT", "/api/v1/accreditations/{accreditation_id}/photo",
            summary="Upload the person's photo (JPEG or PNG, at most 5 MB, at least 600 × 800, "
                    "a portrait between 3:4 and 4:5); stored re-encoded, without metadata",
            who="the applicant, own focal point, organisers", status=204, tag="credentials",
            media=(), errors=(401, 403, 404, 415, 422), accepts=IMAGES,
            extra={"streams_body": True})
async def put_photo(request: web.Request) -> web.Response:
    aid = path_uuid(request, "accreditation_id")
    pool = request.app[pool_key]
    actor = await service.may_upload(pool, aid, principal(request))
    data = await _read_capped(request, domain.PHOTO_MAX_BYTES, "photo")
    await service.put_photo(pool, aid, data, request.headers.get("Content-Type"), actor,
                            now(request))
    return web.Response(status=204)


@routes.add("GET", "/api/v1/accreditations/{accreditation_id}/photo",
            summary="The person's photo (JPEG)", who="organisers, the applicant",
            tag="credentials", media=("image/jpeg",), errors=(401, 403, 404))
async def get_photo(request: web.Request) -> web.Response:
    aid = path_uuid(request, "accreditation_id")
    data, media = await service.get_photo(request.app[pool_key], aid, principal(request))
    return web.Response(body=data, content_type=media,
                        headers={"Cache-Control": "private, no-store"})


@routes.add("PUT", "/api/v1/accreditations/{accreditation_id}/documents/{kind}",
            summary="Upload a document (kind note_verbale|press_card|passport_copy; PDF, JPEG "
                    "or PNG, at most 10 MB, its type checked from the content)",
            who="the applicant, own focal point, organisers", status=204, tag="credentials",
            media=(), errors=(401, 403, 404, 415, 422), accepts=DOCUMENTS,
            extra={"streams_body": True})
async def put_document(request: web.Request) -> web.Response:
    aid = path_uuid(request, "accreditation_id")
    kind = _kind(request)
    pool = request.app[pool_key]
    actor = await service.may_upload(pool, aid, principal(request))
    data = await _read_capped(request, domain.DOCUMENT_MAX_BYTES, "document")
    await service.put_document(pool, aid, kind, data, request.headers.get("Content-Type"),
                               actor, now(request))
    return web.Response(status=204)


@routes.add("GET", "/api/v1/accreditations/{accreditation_id}/documents/{kind}",
            summary="A document of the person", who="admin, protocol (press_office: press)",
            tag="credentials", media=DOCUMENTS, errors=(401, 403, 404))
async def get_document(request: web.Request) -> web.Response:
    aid = path_uuid(request, "accreditation_id")
    kind = _kind(request)
    data, media = await service.get_document(request.app[pool_key], aid, kind,
                                             principal(request))
    return web.Response(body=data, content_type=media,
                        headers={"Cache-Control": "private, no-store"})


@routes.add("GET", "/api/v1/accreditations/{accreditation_id}/documents",
            summary="The documents the person's category is asked for: received (kind, type, "
                    "size, when) and missing", who="the applicant, own focal point, organisers",
            response=DocumentsState, tag="credentials", errors=(401, 403, 404))
async def documents_state(request: web.Request) -> web.Response:
    aid = path_uuid(request, "accreditation_id")
    p = need(request, *Role)
    return json_response(await service.documents_state(request.app[pool_key], aid, p))


@routes.add("PUT", "/api/v1/conferences/{slug}/documents-required",
            summary="Set the documents each category gives (note_verbale, press_card, "
                    "passport_copy); informative, nothing waits for them", who="admin",
            body=DocumentsRequired, response=DocumentsRequired, tag="credentials",
            errors=(400, 401, 403, 404, 422))
async def put_documents_required(request: web.Request) -> web.Response:
    actor = need(request, Role.admin)
    body = await parse(request, DocumentsRequired)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
    return json_response(await service.set_documents_required(request.app[pool_key],
                                                              conference.id, body, actor))


@routes.add("PUT", "/api/v1/conferences/{slug}/photo-required",
            summary="Set the categories whose badge the applicant downloads only once their "
                    "photo is given (as at the conference's creation)", who="admin, protocol",
            body=PhotoRequired, response=PhotoRequired, tag="credentials",
            errors=(400, 401, 403, 404, 422))
async def put_photo_required(request: web.Request) -> web.Response:
    actor = need(request, Role.admin, Role.protocol)
    body = await parse(request, PhotoRequired)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
    return json_response(await service.set_photo_required(request.app[pool_key],
                                                          conference.id, body, actor))


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/visa-letter",
            summary="Request a visa invitation letter", who="the applicant, own focal point",
            body=VisaLetterIn, response=VisaLetter, status=201, tag="credentials",
            errors=(401, 403, 404, 409))
async def request_visa_letter(request: web.Request) -> web.Response:
    aid = path_uuid(request, "accreditation_id")
    p = await service.may_request_letter(request.app[pool_key], aid, principal(request))
    body = await parse(request, VisaLetterIn)
    letter = await service.request_letter(request.app[pool_key], aid, body, p, now(request))
    return json_response(letter, status=201)


@routes.add("GET", "/api/v1/visa-letters/{visa_letter_id}", summary="A visa letter's state",
            who="the applicant, own focal point, admin, protocol", response=VisaLetter,
            tag="credentials", errors=(401, 403, 404))
async def get_visa_letter(request: web.Request) -> web.Response:
    lid = path_uuid(request, "visa_letter_id")
    return json_response(await service.get_letter(request.app[pool_key], lid,
                                                  principal(request)))


@routes.add("GET", "/api/v1/visa-letters/{visa_letter_id}/letter.pdf",
            summary="The approved letter (PDF); 409 before approval or once cancelled",
            who="the applicant, own focal point, admin, protocol", tag="credentials",
            media=("application/pdf",), errors=(401, 403, 404, 409))
async def visa_letter_pdf(request: web.Request) -> web.Response:
    lid = path_uuid(request, "visa_letter_id")
    number, pdf = await service.get_letter_pdf(request.app[pool_key], lid, principal(request))
    return web.Response(body=pdf, content_type="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="visa-letter-{number}.pdf"',
        "Cache-Control": "private, no-store"})


@routes.add("POST", "/api/v1/visa-letters/{visa_letter_id}/decision",
            summary="Approve (numbered, mailed) or refuse a visa letter", who="admin, protocol",
            body=VisaDecisionIn, response=VisaLetter, tag="credentials",
            errors=(401, 403, 404, 409))
async def decide_visa_letter(request: web.Request) -> web.Response:
    actor = need(request, *PROTOCOL)
    lid = path_uuid(request, "visa_letter_id")
    body = await parse(request, VisaDecisionIn)
    letter = await service.decide_letter(request.app[pool_key], lid, body, actor, now(request),
                                         request.app[settings_key].base_url)
    return json_response(letter)


@routes.add("POST", "/api/v1/visa-letters/{visa_letter_id}/cancel",
            summary="Cancel an approved letter: its number is shown as cancelled",
            who="admin, protocol", body=ReasonIn, response=VisaLetter, tag="credentials",
            errors=(401, 403, 404, 409))
async def cancel_visa_letter(request: web.Request) -> web.Response:
    actor = need(request, *PROTOCOL)
    lid = path_uuid(request, "visa_letter_id")
    body = await parse(request, ReasonIn)
    letter = await service.cancel_letter(request.app[pool_key], lid, body.reason, actor,
                                         now(request))
    return json_response(letter)


@routes.add("POST", "/api/v1/visa-letters/{visa_letter_id}/reissue",
            summary="Reissue a letter under a new number (the previous one is cancelled); "
                    "answers the new letter, mailed", who="admin, protocol", body=ReasonIn,
            response=VisaLetter, status=201, tag="credentials", errors=(401, 403, 404, 409))
async def reissue_visa_letter(request: web.Request) -> web.Response:
    actor = need(request, *PROTOCOL)
    lid = path_uuid(request, "visa_letter_id")
    body = await parse(request, ReasonIn)
    letter = await service.reissue_letter(request.app[pool_key], lid, body.reason, actor,
                                          now(request), request.app[settings_key].base_url)
    return json_response(letter, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/visa-letter-template",
            summary="The text of the conference's visa letters", who="admin, protocol",
            response=VisaTemplate, tag="credentials", errors=(401, 403, 404))
async def get_visa_template(request: web.Request) -> web.Response:
    need(request, *PROTOCOL)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
    return json_response(await service.get_template(request.app[pool_key], conference.id))


@routes.add("PUT", "/api/v1/conferences/{slug}/visa-letter-template",
            summary="Set the letterhead, the text (fr, en) and the signatory of visa letters",
            who="admin, protocol", body=VisaTemplate, response=VisaTemplate,
            tag="credentials", errors=(401, 403, 404))
async def put_visa_template(request: web.Request) -> web.Response:
    actor = need(request, *PROTOCOL)
    body = await parse(request, VisaTemplate)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
    saved = await service.put_template(request.app[pool_key], conference.id, body, actor)
    return json_response(saved)


@routes.add("POST", "/api/v1/accreditations/{accreditation_id}/vetting/status",
            summary="Set the person's vetting status (a reason for refused and "
                    "more_information); a refusal stops the badge at every door at once",
            who="admin, protocol, security", body=VettingStatusIn, response=VettingState,
            tag="credentials", errors=(401, 403, 404))
async def set_vetting_status(request: web.Request) -> web.Response:
    actor = need(request, *service.VETTING_OFFICE)
    aid = path_uuid(request, "accreditation_id")
    body = await parse(request, VettingStatusIn)
    state = await service.set_vetting_status(request.app[pool_key], aid, body.status,
                                             body.reason, actor, now(request))
    return json_response(state)


@routes.add("GET", "/api/v1/conferences/{slug}/vetting.csv",
            summary="The people pending clearance, with their vetting data, for the security "
                    "service", who="admin, protocol, security", tag="credentials",
            media=("text/csv",),
            errors=(401, 403, 404))
async def vetting_csv(request: web.Request) -> web.Response:
    need(request, *service.VETTING_OFFICE)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
    text = await service.vetting_csv(request.app[pool_key], conference.id)
    return web.Response(text=text, content_type="text/csv", headers={
        "Content-Disposition": f'attachment; filename="vetting-{conference.slug}.csv"',
        "Cache-Control": "private, no-store"})


@routes.add("POST", "/api/v1/conferences/{slug}/vetting.csv",
            summary="The security service's results (accreditation_id,status,reason): every "
                    "line checked, then all applied in one transaction",
            who="admin, protocol, security",
            response=VettingImported, tag="credentials", errors=(401, 403, 404, 422),
            accepts=("text/csv",),
            extra={"streams_body": True})
async def import_vetting_csv(request: web.Request) -> web.Response:
    actor = need(request, *service.VETTING_OFFICE)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
    raw = await _read_capped(request, 5 * 1024 * 1024, "file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise domain.refuse("file", "encoding", "The CSV is not UTF-8.") from None
    result = await service.import_vetting_csv(request.app[pool_key], conference.id, text,
                                              actor, now(request))
    return json_response(result)
