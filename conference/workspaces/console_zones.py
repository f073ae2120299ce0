"""The zones in the protocol console (docs/workspaces.md, "Zones"): the conference's zones
with what admits to each and on which days, a form to define one, and a form to change a
zone's names, days and categories. The door page offers the zones defined here.

The pages call the same use-cases as the API (``badges.service``) through the ``Principal`` of
the grant that opens the console (protocol or admin)."""

from __future__ import annotations

from datetime import date
from typing import Any

from aiohttp import web
from pydantic import ValidationError

from conference.accreditation.domain import Category
from conference.badges import domain as badges_domain
from conference.badges import service as badges
from conference.badges.domain import ZoneKind
from conference.badges.models import Grants, Zone, ZoneChange, ZoneIn
from conference.errors import Duplicate, Invalid, NotFound
from conference.http.context import now, pool_key
from conference.http.io import read_form
from conference.http.routes import RouteTable
from conference.pages.handlers import SWITCH, sent_before, switching
from conference.roles import protocol_officer
from conference.workspaces import frame
from conference.workspaces.console import CONSOLE_ROLES, Desk, form_errors
from conference.workspaces.console import _desk as open_desk

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
WHO = "protocol, admin"
CATEGORIES = tuple(c.value for c in Category)
KINDS = tuple(k.value for k in ZoneKind)
FIELDS = {"code": "code", "name.fr": "name_fr", "name.en": "name_en", "kind": "kind",
          "grants.categories": "categories", "categories": "categories",
          "opens_on": "opens_on", "closes_on": "closes_on", "name": "name_fr"}


def _crumbs(d: Desk, *more: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return d.crumbs((d.t("console_title"), d.base), *more)


def _values(zone: Zone) -> dict[str, Any]:
    return {"code": zone.code, "name_fr": zone.name.fr, "name_en": zone.name.en,
            "kind": zone.kind.value, "categories": [c.value for c in zone.grants.categories],
            "opens_on": zone.opens_on.isoformat() if zone.opens_on else "",
            "closes_on": zone.closes_on.isoformat() if zone.closes_on else ""}


def _read(form: Any) -> dict[str, Any]:
    """The form as typed (kept to show it again with its errors)."""
    return {"code": str(form.get("code", "")).strip()[:80],
            "name_fr": str(form.get("name_fr", "")).strip()[:300],
            "name_en": str(form.get("name_en", "")).strip()[:300],
            "kind": str(form.get("kind", "standard"))[:40],
            "categories": [str(c)[:40] for c in form.getall("categories", [])][:10],
            "opens_on": str(form.get("opens_on", "")).strip()[:20],
            "closes_on": str(form.get("closes_on", "")).strip()[:20]}


def _days(d: Desk, values: dict[str, Any], errors: dict[str, str]) -> dict[str, date | None]:
    """The optional first and last days, as dates; an error by field for what is not one."""
    days: dict[str, date | None] = {}
    for name in ("opens_on", "closes_on"):
        text = values[name]
        try:
            days[name] = date.fromisoformat(text) if text else None
        except ValueError:
            errors[name] = d.t("zones_err_date")
    return days


def _rule_errors(d: Desk, values: dict[str, Any], days: dict[str, date | None],
                 errors: dict[str, str]) -> None:
    """The use-case's own rules checked with the fields, so that one submission shows every
    error (docs/workspaces.md, "Zones"): days that would admit no one, a category for a royal
    perimeter. Before this, a form with a bad code or an empty name said nothing of its days
    until the next try (user test, 1 December 2026)."""
    if not {"opens_on", "closes_on"} & errors.keys():
        c = d.conference
        for e in badges_domain.days_errors(c.starts_on, c.ends_on, days["opens_on"],
                                           days["closes_on"]):
            errors.setdefault(FIELDS[e["field"]], d.t("zones_err_days"))
    kinds = {k.value: k for k in ZoneKind}
    if values["kind"] in kinds and set(values["categories"]) <= set(CATEGORIES):
        for e in badges_domain.grant_errors(kinds[values["kind"]],
                                            [Category(c) for c in values["categories"]]):
            errors.setdefault(FIELDS[e["field"]], d.t("zones_err_royal_category"))


def _service_errors(d: Desk, exc: Invalid | Duplicate) -> dict[str, str]:
    """The use-case's refusals by form field, in the page's words."""
    if isinstance(exc, Duplicate):
        return {"code": d.t("zones_err_code_taken")}
    errors: dict[str, str] = {}
    for e in exc.extra.get("errors", []):
        field = FIELDS.get(str(e.get("field", "")), "name_fr")
        kind = str(e.get("type", ""))
        message = {"days_out_of_order": "zones_err_days",
                   "royal_perimeter_category": "zones_err_royal_category"}.get(kind)
        errors.setdefault(field, d.t(message) if message else str(e.get("message", "")))
    return errors


def _switch(d: Desk, action: str) -> dict[str, str]:
    """The header's language control on a zone's form (docs/workspaces.md, "The language
    control"): it sends the form, with what is typed in it now, to its switch, which shows it
    again in the other language, filled, and defines or changes nothing."""
    return {"form": "zone-form", "name": SWITCH,
            "action": frame.with_lang(action, frame.other_language(d.language))}


async def _list_page(request: web.Request, d: Desk, *, values: dict[str, Any] | None = None,
                     errors: dict[str, str] | None = None, message: str | None = None,
                     status: int = 200, sent: bool = False) -> web.Response:
    t = d.t
    zones = await badges.zones(request.app[pool_key], protocol_officer(d.principal),
                               d.conference.slug)
    done = request.query.get("done", "")
    flash = t("zones_flash_" + done) if done in ("created", "changed") else None
    return frame.render(
        request, "zones.html", d.language, person=d.person, conference=d.conference,
        status=status, title=t("zones_title"), crumbs=_crumbs(d, (t("zones_title"), None)),
        base=d.base, zones=zones, categories=CATEGORIES, kinds=KINDS, flash=flash,
        values=values or {"kind": "standard", "categories": []}, errors=errors or {},
        message=message, sent=sent, switch_submit=_switch(d, f"{d.base}/zones"))


@routes.add("GET", "/manage/{slug}/zones",
            summary="The zones: what admits to each, on which days, and a form to define one",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def zones_page(request: web.Request) -> web.Response:
    d = await open_desk(request, CONSOLE_ROLES)
    return await _list_page(request, d)


@routes.add("POST", "/manage/{slug}/zones",
            summary="Define a zone (HTML form); switch=1 (the header's language control) only "
                    "shows it again in ?lang, filled, nothing defined", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 422))
@frame.page
async def zones_create(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request, CONSOLE_ROLES)
    form = await read_form(request)
    values = _read(form)
    sent = sent_before(form)
    if not frame.csrf_ok(request, form, d.person):
        return await _list_page(request, d, values=values, message=d.t("csrf_failed"),
                                status=403, sent=sent)
    errors: dict[str, str] = {}
    days = _days(d, values, errors)
    _rule_errors(d, values, days, errors)
    body: ZoneIn | None = None
    try:
        body = ZoneIn(code=values["code"], name={"fr": values["name_fr"],
                                                 "en": values["name_en"]},
                      kind=values["kind"], grants=Grants(categories=values["categories"]),
                      **days)
    except ValidationError as exc:
        for name, text in form_errors(d.t, exc, FIELDS, "name_fr").items():
            errors.setdefault(name, d.t("zones_err_code") if name == "code" else text)
    # a code already taken is said with the other errors, not only once they are corrected
    # (docs/workspaces.md, "Zones"); the use-case's unique index still decides a race
    taken = {z.code for z in await badges.zones(request.app[pool_key],
                                                protocol_officer(d.principal),
                                                d.conference.slug)}
    if values["code"] in taken:
        errors.setdefault("code", d.t("zones_err_code_taken"))
    if switching(form):  # the language control: shown again, nothing defined
        return await _list_page(request, d, values=values, errors=errors if sent else None,
                                sent=sent)
    if errors or body is None:
        return await _list_page(request, d, values=values, errors=errors, status=422,
                                sent=True)
    try:
        await badges.create_zone(request.app[pool_key], protocol_officer(d.principal),
                                 d.conference.slug, body, now(request))
    except (Invalid, Duplicate) as exc:
        return await _list_page(request, d, values=values, errors=_service_errors(d, exc),
                                status=422, sent=True)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/zones", d.language, done="created"))


async def _zone(request: web.Request, d: Desk) -> Zone:
    zones = await badges.zones(request.app[pool_key], protocol_officer(d.principal),
                               d.conference.slug)
    wanted = request.match_info["zone_id"]
    for z in zones:
        if str(z.id) == wanted:
            return z
    raise NotFound("No such zone.")


def _edit_page(request: web.Request, d: Desk, zone: Zone, values: dict[str, Any], *,
               errors: dict[str, str] | None = None, message: str | None = None,
               status: int = 200, sent: bool = False) -> web.Response:
    t = d.t
    title = t("zones_edit_title", name=zone.name.get(d.language))
    return frame.render(
        request, "zone_edit.html", d.language, person=d.person, conference=d.conference,
        status=status, title=title,
        crumbs=_crumbs(d, (t("zones_title"), f"{d.base}/zones"), (title, None)),
        base=d.base, zone=zone, categories=CATEGORIES, values=values, errors=errors or {},
        message=message, sent=sent, switch_submit=_switch(d, f"{d.base}/zones/{zone.id}"))


@routes.add("GET", "/manage/{slug}/zones/{zone_id}",
            summary="A zone's names, days and categories: the form", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def zone_edit(request: web.Request) -> web.Response:
    d = await open_desk(request, CONSOLE_ROLES)
    zone = await _zone(request, d)
    return _edit_page(request, d, zone, _values(zone))


@routes.add("POST", "/manage/{slug}/zones/{zone_id}",
            summary="Change a zone's names, days and categories (HTML form); switch=1 (the "
                    "header's language control) only shows it again in ?lang, filled, nothing "
                    "changed", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 422))
@frame.page
async def zone_save(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request, CONSOLE_ROLES)
    zone = await _zone(request, d)
    form = await read_form(request)
    values = {**_read(form), "code": zone.code, "kind": zone.kind.value}
    sent = sent_before(form)
    if not frame.csrf_ok(request, form, d.person):
        return _edit_page(request, d, zone, values, message=d.t("csrf_failed"), status=403,
                          sent=sent)
    errors: dict[str, str] = {}
    days = _days(d, values, errors)
    _rule_errors(d, values, days, errors)
    body: ZoneChange | None = None
    try:
        body = ZoneChange(name={"fr": values["name_fr"], "en": values["name_en"]},
                          categories=values["categories"], **days)
    except ValidationError as exc:
        for name, text in form_errors(d.t, exc, FIELDS, "name_fr").items():
            errors.setdefault(name, text)
    if switching(form):  # the language control: shown again, nothing changed
        return _edit_page(request, d, zone, values, errors=errors if sent else None, sent=sent)
    if errors or body is None:
        return _edit_page(request, d, zone, values, errors=errors, status=422, sent=True)
    try:
        await badges.change_zone(request.app[pool_key], protocol_officer(d.principal),
                                 zone.id, body, slug=d.conference.slug)
    except (Invalid, Duplicate) as exc:
        return _edit_page(request, d, zone, values, errors=_service_errors(d, exc),
                          status=422, sent=True)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/zones", d.language, done="changed"))
