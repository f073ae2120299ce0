"""The press office's reason templates page (``/manage/{slug}/press/reasons``, press_office and
admin): the list, add, edit, delete; every action a plain form with its CSRF token. The
decision form of the desk offers the list (docs/workspaces.md, "Reason templates").

Its routes come before the desk's ``/manage/{slug}/press/{accreditation_id}`` in the route
table (conference/app.py), so that ``reasons`` is not read as an application's id."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from aiohttp import web

from conference.errors import Invalid, NotFound
from conference.http.context import now, pool_key
from conference.http.io import read_form
from conference.http.routes import RouteTable
from conference.pages.handlers import SWITCH, sent_before, switching
from conference.workspaces import frame
from conference.workspaces import service as ws_service
from conference.workspaces.domain import ReasonTemplate, clean_reason_text
from conference.workspaces.handlers import Desk, open_desk

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
FIELDS = ("text_fr", "text_en")


def _reason_id(request: web.Request) -> UUID:
    try:
        return UUID(request.match_info["reason_id"])
    except ValueError:
        raise NotFound("No such reason template.") from None


def _crumbs(d: Desk, *more: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    here = (d.t("reasons_title"), f"{d.base}/reasons" if more else None)
    return d.crumbs(here, *more)


def _errors(d: Desk, exc: Invalid) -> dict[str, str]:
    return {str(e["field"]): d.t("err_reason_text") for e in exc.extra.get("errors", [])
            if e.get("field") in FIELDS}


def _text_errors(d: Desk, values: dict[str, str]) -> dict[str, str]:
    """The texts' errors as the use-case finds them (``clean_reason_text``), for the language
    switch of a form sent before: nothing written."""
    return {n: d.t("err_reason_text") for n in FIELDS if clean_reason_text(values[n]) is None}


def _switch(d: Desk, form_id: str, action: str) -> dict[str, str]:
    """The header's language control on a template's form (docs/workspaces.md, "The language
    control"): the form sent with what is typed in it now, shown again in the other
    language, filled; nothing added or saved."""
    return {"form": form_id, "name": SWITCH,
            "action": frame.with_lang(action, frame.other_language(d.language))}


async def _list_page(request: web.Request, d: Desk, *, values: dict[str, str] | None = None,
                     errors: dict[str, str] | None = None, message: str | None = None,
                     status: int = 200, sent: bool = False) -> web.Response:
    reasons = await ws_service.press_reasons(request.app[pool_key], d.conference.id,
                                             d.principal, now(request))
    done = request.query.get("done")
    flash = d.t(f"flash_reason_{done}") if done in ("added", "saved", "deleted") else None
    return frame.render(
        request, "press_reasons.html", d.language, person=d.person, conference=d.conference,
        status=status, title=d.t("reasons_title"), crumbs=_crumbs(d), flash=flash,
        base=d.base, reasons=reasons, values=values or {}, errors=errors or {},
        message=message, sent=sent,
        switch_submit=_switch(d, "reason-add-form", f"{d.base}/reasons"))


def _edit_page(request: web.Request, d: Desk, reason: ReasonTemplate,
               values: dict[str, str], *, errors: dict[str, str] | None = None,
               message: str | None = None, status: int = 200, sent: bool = False
               ) -> web.Response:
    title = d.t("reason_edit_title")
    return frame.render(
        request, "press_reason_edit.html", d.language, person=d.person,
        conference=d.conference, status=status, title=title,
        crumbs=_crumbs(d, (title, None)), base=d.base, reason=reason, values=values,
        errors=errors or {}, message=message, sent=sent,
        switch_submit=_switch(d, "reason-edit-form", f"{d.base}/reasons/{reason.id}"))


def _values(form: Any) -> dict[str, str]:
    return {n: str(form.get(n, ""))[:4000] for n in FIELDS}


@routes.add("GET", "/manage/{slug}/press/reasons",
            summary="The press office's reason templates: list, add, edit, delete (HTML)",
            who="press_office, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def reasons_page(request: web.Request) -> web.Response:
    d = await open_desk(request)
    return await _list_page(request, d)


@routes.add("POST", "/manage/{slug}/press/reasons",
            summary="Add a reason template (HTML form); switch=1 (the header's language "
                    "control) only shows it again in ?lang, filled, nothing added",
            who="press_office, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 422))
@frame.page
async def reason_add(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    form = await read_form(request)
    values = _values(form)
    sent = sent_before(form)
    if not frame.csrf_ok(request, form, d.person):
        return await _list_page(request, d, values=values, message=d.t("csrf_failed"),
                                status=403, sent=sent)
    if switching(form):  # the language control: shown again, nothing added
        return await _list_page(request, d, values=values, sent=sent,
                                errors=_text_errors(d, values) if sent else None)
    try:
        await ws_service.add_press_reason(request.app[pool_key], d.conference.id,
                                          values["text_fr"], values["text_en"], d.principal,
                                          now(request))
    except Invalid as exc:
        return await _list_page(request, d, values=values, errors=_errors(d, exc), status=422,
                                sent=True)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/reasons", d.language, done="added"))


@routes.add("GET", "/manage/{slug}/press/reasons/{reason_id}",
            summary="Edit a reason template: the form", who="press_office, admin",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def reason_edit_form(request: web.Request) -> web.Response:
    d = await open_desk(request)
    reason = await ws_service.press_reason(request.app[pool_key], d.conference.id,
                                           _reason_id(request), d.principal)
    return _edit_page(request, d, reason, {"text_fr": reason.text_fr,
                                           "text_en": reason.text_en})


@routes.add("POST", "/manage/{slug}/press/reasons/{reason_id}",
            summary="Edit a reason template (HTML form); switch=1 (the header's language "
                    "control) only shows it again in ?lang, filled, nothing saved",
            who="press_office, admin",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 422))
@frame.page
async def reason_edit(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    pool = request.app[pool_key]
    reason = await ws_service.press_reason(pool, d.conference.id, _reason_id(request),
                                           d.principal)
    form = await read_form(request)
    values = _values(form)
    sent = sent_before(form)
    if not frame.csrf_ok(request, form, d.person):
        return _edit_page(request, d, reason, values, message=d.t("csrf_failed"), status=403,
                          sent=sent)
    if switching(form):  # the language control: shown again, nothing saved
        return _edit_page(request, d, reason, values, sent=sent,
                          errors=_text_errors(d, values) if sent else None)
    try:
        await ws_service.edit_press_reason(pool, d.conference.id, reason.id,
                                           values["text_fr"], values["text_en"], d.principal,
                                           now(request))
    except Invalid as exc:
        return _edit_page(request, d, reason, values, errors=_errors(d, exc), status=422,
                          sent=True)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/reasons", d.language, done="saved"))


@routes.add("POST", "/manage/{slug}/press/reasons/{reason_id}/delete",
            summary="Delete a reason template (HTML form)", who="press_office, admin",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def reason_delete(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, d.person):
        return await frame.error_page(request, 403, d.t("csrf_failed"))
    await ws_service.remove_press_reason(request.app[pool_key], d.conference.id,
                                         _reason_id(request), d.principal, now(request))
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/reasons", d.language, done="deleted"))
