"""HTTP handlers of the delegation lifecycle: parse, call one use-case, answer."""

from __future__ import annotations

from aiohttp import web

from conference.conferences.models import Quotas
from conference.http.context import now, pool_key, principal, settings_key
from conference.http.io import json_response, parse, path_uuid, query_params
from conference.http.routes import RouteTable
from conference.lifecycle import render, service
from conference.lifecycle.models import (
    DelegationImportQuery,
    DelegationImportResult,
    DelegationQuotas,
    ExportQuery,
    ImportQuery,
    ImportResult,
    LifecycleIn,
    LifecycleSettings,
    ParticipantsList,
    ParticipantsQuery,
    Released,
    Statistics,
)
from conference.lifecycle.pdf import participants_pdf
from conference.lifecycle.tabular import CSV_TYPE, XLSX_TYPE

routes = RouteTable()
IMPORTERS = "focal point (own delegation), protocol, admin"


@routes.add("POST", "/api/v1/conferences/{slug}/imports",
            summary="Import members from a CSV or XLSX file (dry run by default): every row's "
                    "outcome; applied all or nothing",
            who=IMPORTERS, query=ImportQuery, response=ImportResult, tag="delegations",
            errors=(401, 403, 404, 413, 415, 422), accepts=(CSV_TYPE, XLSX_TYPE))
async def import_members(request: web.Request) -> web.Response:
    q = query_params(request, ImportQuery)
    result = await service.import_members(
        request.app[pool_key], request.match_info["slug"], await request.read(),
        request.headers.get("Content-Type", ""), q, principal(request), now(request))
    return json_response(result)


async def _export(request: web.Request, kind: str) -> web.Response:
    q = query_params(request, ExportQuery)
    f = await service.export_members(request.app[pool_key], request.match_info["slug"],
                                     "xlsx" if kind == "xlsx" else "csv", q.delegation_id,
                                     principal(request))
    return web.Response(body=f.content, headers={
        "Content-Type": f.content_type,
        "Content-Disposition": f'attachment; filename="{f.filename}"'})


@routes.add("GET", "/api/v1/conferences/{slug}/accreditations.csv",
            summary="Members in the importable columns, as CSV", who=IMPORTERS,
            query=ExportQuery, tag="delegations", media=("text/csv",),
            errors=(401, 403, 404, 422))
async def export_csv(request: web.Request) -> web.Response:
    return await _export(request, "csv")


@routes.add("GET", "/api/v1/conferences/{slug}/accreditations.xlsx",
            summary="Members in the importable columns, as XLSX", who=IMPORTERS,
            query=ExportQuery, tag="delegations",
            media=("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",),
            errors=(401, 403, 404, 422))
async def export_xlsx(request: web.Request) -> web.Response:
    return await _export(request, "xlsx")


@routes.add("POST", "/api/v1/conferences/{slug}/delegations/import",
            summary="Import delegations from a CSV or XLSX file (dry run by default): every "
                    "row's outcome; applied all or nothing",
            who="protocol, admin", query=DelegationImportQuery,
            response=DelegationImportResult, tag="delegations",
            errors=(401, 403, 404, 413, 415, 422), accepts=(CSV_TYPE, XLSX_TYPE))
async def import_delegations(request: web.Request) -> web.Response:
    q = query_params(request, DelegationImportQuery)
    result = await service.import_delegations(
        request.app[pool_key], request.match_info["slug"], await request.read(),
        request.headers.get("Content-Type", ""), q, principal(request), now(request),
        token_lifetime=request.app[settings_key].tokens.default_lifetime)
    return json_response(result)


async def _delegations(request: web.Request, kind: str) -> web.Response:
    f = await service.export_delegations(request.app[pool_key], request.match_info["slug"],
                                         "xlsx" if kind == "xlsx" else "csv",
                                         principal(request))
    return web.Response(body=f.content, headers={
        "Content-Type": f.content_type,
        "Content-Disposition": f'attachment; filename="{f.filename}"'})


@routes.add("GET", "/api/v1/conferences/{slug}/delegations.csv",
            summary="The delegations in the columns their import reads, as CSV (the import's "
                    "template)", who="protocol, admin", tag="delegations",
            media=("text/csv",), errors=(401, 403, 404))
async def export_delegations_csv(request: web.Request) -> web.Response:
    return await _delegations(request, "csv")


@routes.add("GET", "/api/v1/conferences/{slug}/delegations.xlsx",
            summary="The delegations in the columns their import reads, as XLSX (the import's "
                    "template)", who="protocol, admin", tag="delegations",
            media=(XLSX_TYPE,), errors=(401, 403, 404))
async def export_delegations_xlsx(request: web.Request) -> web.Response:
    return await _delegations(request, "xlsx")


def _format(request: web.Request, asked: str | None) -> str:
    if asked:
        return asked
    accept = request.headers.get("Accept", "")
    for media, name in (("application/pdf", "pdf"), ("text/csv", "csv"),
                        ("text/html", "html")):
        if media in accept:
            return name
    return "json"


@routes.add("GET", "/api/v1/conferences/{slug}/participants",
            summary="The list of participants, delegations in order of precedence (JSON, PDF, "
                    "CSV or HTML by Accept or ?format=)",
            who="protocol, admin (live); anyone with a token once released",
            query=ParticipantsQuery, response=ParticipantsList, tag="delegations",
            media=("application/json", "application/pdf", "text/csv", "text/html"),
            errors=(401, 403, 404, 409, 422))
async def participants_list(request: web.Request) -> web.Response:
    q = query_params(request, ParticipantsQuery)
    listing, conference = await service.participants(
        request.app[pool_key], request.match_info["slug"], principal(request), q.released)
    title = conference.title.get(listing.language) or conference.slug
    fmt = _format(request, q.format)
    # named as the console's downloads are (docs/lifecycle.md, "CSV files")
    name = f"participants-{conference.slug}"
    if fmt == "pdf":
        return web.Response(body=participants_pdf(listing, conference),
                            content_type="application/pdf",
                            headers={"Content-Disposition": f'inline; filename="{name}.pdf"'})
    if fmt == "csv":
        return web.Response(body=render.participants_csv(listing), headers={
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": f'attachment; filename="{name}.csv"'})
    if fmt == "html":
        return web.Response(text=render.participants_html(listing, title),
                            content_type="text/html")
    return json_response(listing)


@routes.add("POST", "/api/v1/conferences/{slug}/participants/release",
            summary="Release the list of participants as it stands to the participants",
            who="protocol, admin", response=Released, status=201, tag="delegations",
            errors=(401, 403, 404, 409))
async def release_participants(request: web.Request) -> web.Response:
    released = await service.release_participants(
        request.app[pool_key], request.match_info["slug"], principal(request), now(request))
    return json_response(released, status=201)


@routes.add("GET", "/api/v1/conferences/{slug}/statistics",
            summary="Counts by category, status, country and delegation; heads of delegation "
                    "by salutation; approved, badged, checked in",
            who="protocol, admin", response=Statistics, tag="delegations",
            errors=(401, 403, 404))
async def statistics(request: web.Request) -> web.Response:
    stats = await service.statistics(request.app[pool_key], request.match_info["slug"],
                                     principal(request))
    return json_response(stats)


@routes.add("PUT", "/api/v1/delegations/{delegation_id}/quotas",
            summary="A delegation's own places by category (the others: the conference's)",
            who="protocol, admin", body=Quotas, response=DelegationQuotas, tag="delegations",
            errors=(401, 403, 404, 422))
async def put_quotas(request: web.Request) -> web.Response:
    delegation_id = path_uuid(request, "delegation_id")
    service.require_organiser(principal(request))
    quotas = await parse(request, Quotas)
    result = await service.set_quotas(request.app[pool_key], delegation_id, quotas,
                                      principal(request))
    return json_response(result)


@routes.add("PATCH", "/api/v1/conferences/{slug}/lifecycle",
            summary="Move the nomination and change deadlines and the security list's, change "
                    "the default quotas (the fields given; the others stay)",
            who="protocol, admin", body=LifecycleIn, response=LifecycleSettings,
            tag="delegations", errors=(401, 403, 404, 422))
async def patch_lifecycle(request: web.Request) -> web.Response:
    service.require_organiser(principal(request))
    body = await parse(request, LifecycleIn)
    result = await service.set_lifecycle(request.app[pool_key], request.match_info["slug"],
                                         body, principal(request))
    return json_response(result)
