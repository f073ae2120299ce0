"""The security service's page (``/manage/{slug}/security``): where a person with a
``security`` grant lands after signing in, with what that grant allows — the people to vet as
CSV, the results file sent back — through the credentials use-cases the API's
``/api/v1/conferences/{slug}/vetting.csv`` calls (docs/workspaces.md, "Security").
Protocol and admin open it too (the same role set as the API's)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from conference.auth import Principal, Role
from conference.conferences.lookup import conference_by_slug
from conference.conferences.models import Conference
from conference.credentials import domain as credential_rules
from conference.credentials import service as credentials
from conference.errors import Forbidden, Invalid
from conference.http.context import connection, now, pool_key
from conference.http.io import FilePart, TooLarge, read_multipart
from conference.http.routes import RouteTable
from conference.people.domain import may_open_conference
from conference.people.service import SignedIn
from conference.protocol.countries import country_name
from conference.workspaces import domain, frame
from conference.workspaces.i18n import WTranslator

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
MAX_FILE = 5 * 1024 * 1024
"""The largest results file the page takes; its route reads its body within it (not within the
service's body limit), and says on the form when a file passes it."""
FORM_OVERHEAD = 64 * 1024


class Office:
    def __init__(self, person: SignedIn, conference: Conference, principal: Principal,
                 language: str) -> None:
        self.person, self.conference, self.principal = person, conference, principal
        self.language = language
        self.t = WTranslator(language)
        self.base = f"/manage/{conference.slug}/security"


async def _office(request: web.Request) -> Office:
    person = await frame.signed_in(request)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
    for grant in ("security", "protocol", "admin"):
        if may_open_conference(person.grants, conference.id, grant):
            role = Role(grant)
            break
    else:
        raise Forbidden("Not this conference's security service.")
    assert role in credentials.VETTING_OFFICE
    return Office(person, conference, Principal(0, role, person_id=person.person_id),
                  frame.language_of(request, person))


def line_errors(t: WTranslator, errors: list[dict[str, Any]]) -> list[str]:
    """The results file's wrong cells in the page's language, the line and the column named in
    words ("Line 3, column “reason”: a refusal needs its reason."), not the API's field path
    (docs/workspaces.md, "Security")."""
    said = []
    for e in errors:
        kind = str(e.get("type", ""))
        if kind == "missing":
            kind = f"missing_{e.get('status', '')}"
        key = f"security_err_{kind}"
        column = str(e.get("column", ""))
        message = t(key, column=column) if key in t.keys else str(e.get("message", ""))
        if e.get("type") == "header":
            said.append(t("security_header", message=message))
        elif e.get("line"):
            said.append(t("security_line", line=e["line"], column=column, message=message))
        else:
            said.append(message)
    return said


async def _page(request: web.Request, o: Office, *, errors: list[dict[str, Any]] | None = None,
                message: str | None = None, status: int = 200) -> web.Response:
    t = o.t
    flash = None
    if request.query.get("done") == "uploaded":
        flash = t.plural("security_result", request.query.get("count", "0")[:6])
    chosen = request.query.get("status", "")
    chosen = chosen if chosen in credential_rules.SETTABLE else ""
    search = domain.search_text(request.query.get("q", ""))
    asked = domain.page_number(request.query.get("page", ""))
    people, total = await credentials.vetting_overview(
        request.app[pool_key], o.conference.id, o.principal, chosen or None,
        search=domain.like_pattern(search) or None, page_size=domain.PAGE_SIZE,
        skip=domain.skip(asked))
    return frame.render(
        request, "security.html", o.language, person=o.person, conference=o.conference,
        status=status, title=t("security_title"),
        crumbs=[(t("home_title"), "/workspaces"), (t("security_title"), None)], flash=flash,
        base=o.base, errors=line_errors(t, errors or []), message=message,
        file_limit=t.size(MAX_FILE),
        people=people, chosen=chosen, search=search, paging=domain.Paging.of(asked, total),
        # a country's name; an organisation or an outlet as written, even of two capitals
        # ("AP" was read as a country code, and the page failed)
        delegation_words=lambda p: country_name(p.country, o.language) if p.country
        else (p.delegation or ""), statuses=credential_rules.SETTABLE,
        api_base=f"/api/v1/conferences/{o.conference.slug}")


@routes.add("GET", "/manage/{slug}/security",
            summary="The security service's page: what a security grant allows (HTML)",
            who="security, protocol, admin", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def security_page(request: web.Request) -> web.Response:
    return await _page(request, await _office(request))


@routes.add("GET", "/manage/{slug}/security/vetting.csv",
            summary="The people pending clearance, as CSV (signed in)",
            who="security, protocol, admin", tag="workspaces", media=("text/csv", "text/html"),
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def security_download(request: web.Request) -> web.Response:
    o = await _office(request)
    text = await credentials.vetting_csv(request.app[pool_key], o.conference.id,
                                         for_people=True)
    return web.Response(text=text, content_type="text/csv", headers={
        "Content-Disposition": f'attachment; filename="vetting-{o.conference.slug}.csv"',
        "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})


@routes.add("POST", "/manage/{slug}/security/vetting.csv",
            summary="The security service's results file (HTML form, multipart; at most "
                    "5 MB, refused on the form beyond: 413)",
            who="security, protocol, admin", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 413, 422), extra={"streams_body": True})
@frame.page
async def security_upload(request: web.Request) -> web.StreamResponse:
    o = await _office(request)
    t = o.t
    too_large = t("security_err_too_large", size=t.size(MAX_FILE))
    try:
        form = await read_multipart(request, MAX_FILE + FORM_OVERHEAD)
    except TooLarge:
        return await _page(request, o, message=too_large, status=413)
    if not frame.csrf_ok(request, {k: v for k, v in form.items()
                                   if k == "csrf" and isinstance(v, str)}, o.person):
        return await _page(request, o, message=t("csrf_failed"), status=403)
    upload = form.get("file")
    raw = upload.content if isinstance(upload, FilePart) else b""
    if len(raw) > MAX_FILE:
        return await _page(request, o, message=too_large, status=413)
    if not raw:
        return await _page(request, o, message=t("err_security_file"), status=422)
    try:
        text = raw.decode("utf-8-sig")
        result = await credentials.import_vetting_csv(request.app[pool_key], o.conference.id,
                                                      text, o.principal, now(request))
    except UnicodeDecodeError:
        return await _page(request, o, message=t("security_err_encoding"), status=422)
    except Invalid as exc:
        errors = exc.extra.get("errors", [])
        header = bool(errors) and errors[0].get("type") == "header"
        return await _page(request, o, errors=errors, status=422, message=t(
            "security_bad_header" if header else "security_bad_file"))
    raise web.HTTPSeeOther(frame.with_lang(o.base, o.language, done="uploaded",
                                           count=str(result.applied)))
