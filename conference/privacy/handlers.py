"""HTTP handlers for personal data and security-vetting records: parse, call one use-case of
``service``, answer."""

from __future__ import annotations

from aiohttp import web

from conference.auth import Role
from conference.http.context import connection, need, now, principal
from conference.http.io import json_response, parse, path_uuid
from conference.http.routes import RouteTable
from conference.privacy import service
from conference.privacy.models import Erased, PersonalData, Vetting, VettingIn
from conference.privacy.repo import Exporter

routes = RouteTable()
exporters_key: web.AppKey[dict[str, Exporter]] = web.AppKey("personal_data_exporters")
"""The sections of the export other domains hold (set by the composition root)."""


@routes.add("GET", "/api/v1/accreditations/{accreditation_id}/personal-data",
            summary="Export everything held about the person", who="the applicant, admin",
            response=PersonalData, tag="privacy", errors=(401, 403, 404))
async def export_personal_data(request: web.Request) -> web.Response:
    accreditation_id = path_uuid(request, "accreditation_id")
    exporters: dict[str, Exporter] = request.app[exporters_key]
    async with connection(request) as conn:
        data = await service.export(conn, accreditation_id, principal(request), now(request),
                                    exporters)
    return json_response(data)


@routes.add("DELETE", "/api/v1/accreditations/{accreditation_id}/personal-data",
            summary="Erase the person (pseudonymise; statistics stay)", who="admin",
            response=Erased, tag="privacy", errors=(401, 403, 404))
async def erase_personal_data(request: web.Request) -> web.Response:
    actor = need(request, Role.admin)
    accreditation_id = path_uuid(request, "accreditation_id")
    async with connection(request) as conn:
        erased = await service.erase(conn, accreditation_id, actor, now(request))
    return json_response(erased)


@routes.add("PUT", "/api/v1/accreditations/{accreditation_id}/vetting",
            summary="Record security-vetting data (identity document, date of birth, nationality):"
            " the person or its focal point while the application is submitted and protocol has not"
            " recorded it; protocol, security and admin at any time",
            who="the applicant, own focal point, protocol, security, admin", body=VettingIn,
            response=Vetting, tag="privacy", errors=(400, 401, 403, 404, 422))
async def put_vetting(request: web.Request) -> web.Response:
    actor = need(request, Role.applicant, Role.focal_point, Role.protocol, Role.security,
                 Role.admin)
    accreditation_id = path_uuid(request, "accreditation_id")
    async with connection(request) as conn:
        vetting = await service.record_vetting(
            conn, accreditation_id, lambda: parse(request, VettingIn), actor, now(request))
    return json_response(vetting)


@routes.add("GET", "/api/v1/accreditations/{accreditation_id}/vetting",
            summary="Read security-vetting data, with every version recorded",
            who="protocol, security, admin", response=Vetting, tag="privacy",
            errors=(401, 403, 404))
async def get_vetting(request: web.Request) -> web.Response:
    actor = need(request, Role.protocol, Role.security, Role.admin)
    accreditation_id = path_uuid(request, "accreditation_id")
    async with connection(request) as conn:
        vetting = await service.read_vetting(conn, accreditation_id, actor)
    return json_response(vetting)
