"""HTTP handlers for personal data and security-vetting records."""

from __future__ import annotations

from aiohttp import web

from conference.auth import Role
from conference.http.context import need, now, principal, transaction
from conference.http.io import json_response, parse, path_uuid
from conference.http.routes import RouteTable
from conference.privacy import repo
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
    async with transaction(request) as conn:
        exporters: dict[str, Exporter] = request.app[exporters_key]
        data = await repo.export(conn, accreditation_id, principal(request), now(request),
                                 exporters)
    return json_response(data)


@routes.add("DELETE", "/api/v1/accreditations/{accreditation_id}/personal-data",
            summary="Erase the person (pseudonymise; statistics stay)", who="admin",
            response=Erased, tag="privacy", errors=(401, 403, 404))
async def erase_personal_data(request: web.Request) -> web.Response:
    actor = need(request, Role.admin)
    accreditation_id = path_uuid(request, "accreditation_id")
    async with transaction(request) as conn:
        erased = await repo.erase(conn, accreditation_id, actor, now(request))
    return json_response(erased)


@routes.add("PUT", "/api/v1/accreditations/{accreditation_id}/vetting",
            summary="Record security-vetting data (identity document, date of birth, nationality)",
            who="the applicant, own focal point, protocol, admin", body=VettingIn, response=Vetting,
            tag="privacy", errors=(400, 401, 403, 404, 422))
async def put_vetting(request: web.Request) -> web.Response:
    actor = need(request, Role.applicant, Role.focal_point, Role.protocol, Role.admin)
    accreditation_id = path_uuid(request, "accreditation_id")
    await request.read()  # the whole body, before a connection is held
    async with transaction(request) as conn:
        await repo.check_may_record_vetting(conn, accreditation_id, actor)
        body = await parse(request, VettingIn)
        vetting = await repo.record_vetting(conn, accreditation_id, body, actor, now(request))
    return json_response(vetting)


@routes.add("GET", "/api/v1/accreditations/{accreditation_id}/vetting",
            summary="Read security-vetting data", who="protocol, admin", response=Vetting,
            tag="privacy", errors=(401, 403, 404))
async def get_vetting(request: web.Request) -> web.Response:
    need(request, Role.protocol, Role.admin)
    accreditation_id = path_uuid(request, "accreditation_id")
    async with transaction(request) as conn:
        vetting = await repo.read_vetting(conn, accreditation_id)
    return json_response(vetting)
