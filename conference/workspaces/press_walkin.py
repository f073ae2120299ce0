"""The press desk's "Add a journalist" (docs/workspaces.md, "A journalist added at the desk"):
a journalist who comes to the accreditation desk after the press registration closed, or
whose application never reached the service, is filed by the press office with the public
form's fields, through the same use-case as the API's ``POST …/accreditations`` with the
office's grant (which the press window does not bind), then decided on the application's page
as any other. Only the API could do it (tryout of the meeting's day, 5 December 2026)."""

from __future__ import annotations

from aiohttp import web
from pydantic import ValidationError

from conference.accreditation import service as accreditations
from conference.accreditation.models import PressRole
from conference.errors import Duplicate, PoolFull, WindowClosed
from conference.http.context import now, pool_key
from conference.http.io import read_form
from conference.http.routes import RouteTable
from conference.pages.handlers import PRESS_FIELDS, press_application, press_errors
from conference.protocol.countries import collation_key, country_name, listed_country_codes
from conference.workspaces import frame
from conference.workspaces.handlers import Desk, open_desk

routes = RouteTable()

WHO = "press_office, admin"
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
FIELDS = PRESS_FIELDS


def _page(request: web.Request, d: Desk, values: dict[str, str], *,
          errors: dict[str, str] | None = None, message: str | None = None,
          status: int = 200) -> web.Response:
    t = d.t
    countries = sorted(((c, country_name(c, d.language)) for c in listed_country_codes()),
                       key=lambda item: collation_key(item[1]))
    return frame.render(
        request, "press_new.html", d.language, person=d.person, conference=d.conference,
        status=status, title=t("walkin_title"),
        crumbs=d.crumbs((t("walkin_title"), None)),
        base=d.base, values=values, errors=errors or {}, message=message,
        press_roles=[(r.value, t(f"role_{r.value}")) for r in PressRole],
        languages=[(lang, t(f"lang_{lang}")) for lang in d.conference.languages],
        countries=countries)


@routes.add("GET", "/manage/{slug}/press/new",
            summary="The press desk's form adding a journalist (at the desk, after the press "
                    "registration closed)", who=WHO, tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def walkin_form(request: web.Request) -> web.Response:
    d = await open_desk(request)
    return _page(request, d, {"language": d.language if d.language in d.conference.languages
                              else d.conference.languages[0], "role": "journalist"})


@routes.add("POST", "/manage/{slug}/press/new",
            summary="Add a journalist at the desk (HTML form: the public press form's fields); "
                    "the application's page follows, to decide on it", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def walkin_add(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    t = d.t
    form = await read_form(request)
    values = {name: str(form.get(name, "")).strip()[:400] for name in FIELDS}
    if not frame.csrf_ok(request, form, d.person):
        return _page(request, d, values, message=t("csrf_failed"), status=403)
    try:  # the public form's fields, read and checked as the public form reads them
        body = press_application(values)
    except ValidationError as exc:
        errors, _ = press_errors(exc, t)
        return _page(request, d, values, errors=errors or {"given_name": t("err_required")},
                     status=422)
    try:
        created = await accreditations.register(request.app[pool_key], d.conference.slug,
                                                body, d.principal, now(request))
    except Duplicate:
        return _page(request, d, values, status=409,
                     errors={"email": t("walkin_err_duplicate")})
    except PoolFull:
        return _page(request, d, values, status=409, message=t("walkin_err_pool_full"))
    except WindowClosed:  # the office's grant is not bound by the window: never expected
        return _page(request, d, values, status=409, message=t("walkin_err_pool_full"))
    raise web.HTTPSeeOther(frame.with_lang(
        f"{d.base}/{created.id}", d.language, done="added",
        **frame.flash_params(request, name=f"{created.given_name} {created.family_name}")))
