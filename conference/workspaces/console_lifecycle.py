"""The delegation lifecycle in the protocol console (docs/lifecycle.md, "In the workspaces"):
every delegation's places (taken / allowed) and its own quotas, the deadlines and the default
quotas, an import for any delegation, the list of participants (with its PDF and CSV) and the
statistics.

The pages call the same use-cases as the API (``lifecycle.service``) through the ``Principal``
of the grant that opens the console (protocol or admin)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from aiohttp import web

from conference.accreditation.domain import QUOTA_CATEGORIES, Category
from conference.conferences import service as conferences
from conference.conferences.models import Quotas
from conference.csvfile import FOR_PEOPLE, Words, download_name
from conference.errors import Invalid, NotFound
from conference.http.context import now, pool_key, settings_key
from conference.http.io import TooLarge, read_form
from conference.http.routes import RouteTable
from conference.lifecycle import domain as lifecycle_domain
from conference.lifecycle import render
from conference.lifecycle import service as lifecycle
from conference.lifecycle.models import (
    DelegationImportQuery,
    DelegationImportResult,
    DelegationPlaces,
    LifecycleIn,
    RowError,
)
from conference.lifecycle.pdf import participants_pdf
from conference.pages.handlers import SWITCH, sent_before, switching
from conference.programme import service as programme
from conference.protocol.countries import collation_key, country_name
from conference.roles import protocol_officer
from conference.workspaces import frame
from conference.workspaces.console import CONSOLE_ROLES, Desk
from conference.workspaces.console import _desk as open_desk
from conference.workspaces.csv_titles import column_titles
from conference.workspaces.domain import NoSuchTime, capitalised, wall_clock
from conference.workspaces.portal_lifecycle import (
    Upload,
    check_again,
    column_warnings,
    file_errors,
    import_limit,
    imported_flash,
    imported_params,
    preview_rows,
    read_import_form,
    read_upload,
    row_warnings,
    run_import,
    too_large,
)

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
WHO = "protocol, admin"
CATEGORIES = tuple(c.value for c in sorted(QUOTA_CATEGORIES, key=list(Category).index))
DEADLINES = ("nominations_close_at", "changes_close_at", "security_list_deadline")


def _crumbs(d: Desk, title: str, *between: tuple[str, str | None]
            ) -> list[tuple[str, str | None]]:
    return d.crumbs((d.t("console_title"), d.base), *between, (title, None))


def _quota_values(form: Any, d: Desk, prefix: str = ""
                  ) -> tuple[dict[str, str], dict[str, int], dict[str, str]]:
    """The form's places by category: (as typed, as numbers, errors by field)."""
    typed, numbers, errors = {}, {}, {}
    for c in CATEGORIES:
        name = prefix + c
        text = str(form.get(name, "")).strip()[:12]
        typed[name] = text
        if not text:
            continue
        if text.isascii() and text.isdigit() and int(text) <= 10_000:
            numbers[c] = int(text)
        else:
            errors[name] = d.t("lc_err_quota_value")
    return typed, numbers, errors


# --- quotas -----------------------------------------------------------------------------------


@routes.add("GET", "/manage/{slug}/quotas",
            summary="Every delegation's places by category, taken and allowed (HTML)", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def lc_quotas(request: web.Request) -> web.Response:
    d = await open_desk(request, CONSOLE_ROLES)
    t = d.t
    places = await lifecycle.delegation_places(request.app[pool_key], d.conference.slug,
                                               d.principal)
    flash = None
    if request.query.get("done") == "quotas":
        name = frame.flash_text(request, "name", 100)
        flash = None if name is None else t("lc_flash_quotas", name=name)
    # A quota lowered below the places already taken: said in words above the table and in
    # each such cell, not by the cell's weight alone (found trying the product)
    over = {p.delegation_id for p in places for c in CATEGORIES
            if (allowed := p.allowed.get(c)) is not None and p.used.get(c, 0) > allowed}
    return frame.render(request, "lc_quotas.html", d.language, person=d.person,
                        conference=d.conference, title=t("lc_quotas_title"), flash=flash,
                        over=t.plural("lc_over_quota", len(over)) if over else None,
                        crumbs=_crumbs(d, t("lc_quotas_title")), base=d.base,
                        places=sorted(places, key=lambda p: collation_key(_name(d, p))),
                        names={p.delegation_id: _name(d, p) for p in places},
                        categories=CATEGORIES, defaults=d.conference.quotas.model_dump())


async def _delegation(request: web.Request, d: Desk) -> DelegationPlaces:
    try:
        delegation_id = UUID(request.match_info["delegation_id"])
    except ValueError:
        raise NotFound("No such delegation.") from None
    places = await lifecycle.delegation_places(request.app[pool_key], d.conference.slug,
                                               d.principal)
    found = next((p for p in places if p.delegation_id == delegation_id), None)
    if found is None:
        raise NotFound("No such delegation.")
    return found


def _name(d: Desk, place: DelegationPlaces) -> str:
    return country_name(place.country, d.language) if place.country else place.delegation


def _quota_form(request: web.Request, d: Desk, place: DelegationPlaces,
                values: dict[str, str], *, errors: dict[str, str] | None = None,
                message: str | None = None, status: int = 200) -> web.Response:
    t = d.t
    title = t("lc_edit_quotas", name=_name(d, place))
    return frame.render(request, "lc_quota_edit.html", d.language, person=d.person,
                        conference=d.conference, status=status, title=title,
                        crumbs=_crumbs(d, title, (t("lc_quotas_title"), f"{d.base}/quotas")),
                        base=d.base, place=place, categories=CATEGORIES, values=values,
                        errors=errors or {}, message=message,
                        defaults=d.conference.quotas.model_dump())


@routes.add("GET", "/manage/{slug}/quotas/{delegation_id}",
            summary="A delegation's own quotas: the form", who=WHO, tag="workspaces",
            media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def lc_quota_edit(request: web.Request) -> web.Response:
    d = await open_desk(request, CONSOLE_ROLES)
    place = await _delegation(request, d)
    return _quota_form(request, d, place, {c: str(v) for c, v in place.own.items()})


@routes.add("POST", "/manage/{slug}/quotas/{delegation_id}",
            summary="Set a delegation's own quotas (HTML form; empty: the default)", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 422))
@frame.page
async def lc_quota_save(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request, CONSOLE_ROLES)
    place = await _delegation(request, d)
    form = await read_form(request)
    typed, numbers, errors = _quota_values(form, d)
    if not frame.csrf_ok(request, form, d.person):
        return _quota_form(request, d, place, typed, message=d.t("csrf_failed"), status=403)
    if errors:
        return _quota_form(request, d, place, typed, errors=errors, status=422)
    await lifecycle.set_quotas(request.app[pool_key], place.delegation_id, Quotas(**numbers),
                               d.principal)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/quotas", d.language, done="quotas",
                                           **frame.flash_params(request, name=_name(d, place))))


# --- deadlines and default quotas -------------------------------------------------------------


def _local(moment: datetime | None, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M") if moment else ""


def _saved_values(d: Desk) -> dict[str, str]:
    """The deadlines form's fields as the conference holds them (its wall-clock times)."""
    c = d.conference
    values = {name: _local(getattr(c, name), c.timezone) for name in DEADLINES}
    values.update({k: str(v) for k, v in c.quotas.model_dump(exclude_none=True).items()})
    return values


def _warnings(d: Desk, at: datetime) -> list[dict[str, str]]:
    """The saved deadlines' warnings (``lifecycle.domain.deadline_warnings``), in the page's
    words: each names its field and says why, with both moments."""
    c, t = d.conference, d.t
    found = lifecycle_domain.deadline_warnings(
        nominations_close_at=c.nominations_close_at, changes_close_at=c.changes_close_at,
        security_list_deadline=c.security_list_deadline,
        press_closes_at=c.press_registration.closes_at, ends_on=c.ends_on,
        timezone=c.timezone, now=at)
    result = []
    for w in found:
        closes_with = w.code == "after_conference" or w.other_open
        other = t.with_conference(w.other, c.timezone) if closes_with \
            else t.datetime(w.other, c.timezone)
        key = f"lc_warn_{w.code}" + ("_open" if w.other_open else "")
        result.append({"id": f"warning-{w.field.replace('.', '-')}-{w.code}",
                       "text": t(key, field=t("lc_f_" + w.field.replace(".", "_")),
                                 when=t.datetime(w.at, c.timezone), other=other)})
    return result


async def _deadlines_asked(request: web.Request, d: Desk) -> tuple[str, ...]:
    """The deadlines the form asks for: the security list's only where there is one to close
    (docs/lifecycle.md, "Quotas and deadlines"): a patron, a royal-presence session, or the
    deadline already set. A meeting with none of them never reads "royal presence" there."""
    c = d.conference
    if c.patron is not None or c.security_list_deadline is not None or any(
            s.royal_presence and s.status != "cancelled"
            for s in await programme.sessions(request.app[pool_key],
                                              protocol_officer(d.principal), c.slug)):
        return DEADLINES
    return tuple(name for name in DEADLINES if name != "security_list_deadline")


async def _deadlines_form(request: web.Request, d: Desk, values: dict[str, str], *,
                    errors: dict[str, str] | None = None, message: str | None = None,
                    flash: str | None = None, status: int = 200,
                    warnings: list[dict[str, str]] | None = None,
                    sent: bool = False) -> web.Response:
    """``sent``: the form was sent (its errors shown), so its language switch shows them
    again (``pages.handlers.sent_before``)."""
    t = d.t
    return frame.render(request, "lc_deadlines.html", d.language, person=d.person,
                        conference=d.conference, status=status, flash=flash, sent=sent,
                        # the header's language control sends the form with what is typed
                        # in it now (docs/workspaces.md, "The language control")
                        switch_submit={"form": "deadlines-form", "name": SWITCH,
                                       "action": frame.with_lang(
                                           f"{d.base}/deadlines",
                                           frame.other_language(d.language))},
                        title=t("lc_deadlines_title"),
                        crumbs=_crumbs(d, t("lc_deadlines_title")), base=d.base,
                        values=values, errors=errors or {}, message=message,
                        categories=CATEGORIES, deadlines=await _deadlines_asked(request, d),
                        warnings=warnings or [])


@routes.add("GET", "/manage/{slug}/deadlines",
            summary="The nomination and change deadlines and the default quotas: the form",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def lc_deadlines(request: web.Request) -> web.Response:
    d = await open_desk(request, CONSOLE_ROLES)
    values = _saved_values(d)
    flash = d.t("lc_flash_deadlines") if request.query.get("done") == "deadlines" else None
    if request.query.get("done") == "announced":  # counts, no name: in the address
        people, delegations = (request.query.get(k, "") for k in ("people", "delegations"))
        if people.isdigit() and delegations.isdigit():
            flash = d.t.plural("lc_flash_announced", int(people),
                               delegations=d.t.plural("lc_n_delegations", int(delegations)))
    # the saved deadlines are accepted as protocol set them, with a word about those that
    # look wrong (docs/lifecycle.md, "Quotas and deadlines")
    return await _deadlines_form(request, d, values, flash=flash,
                                 warnings=_warnings(d, now(request)))


def _moment(text: str, zone: str) -> datetime | None:
    """A datetime-local field (the conference's time) as an aware moment; ValueError if none,
    NoSuchTime if the clocks skip it that day (``workspaces.domain.wall_clock``, which the
    session form uses too). A time the autumn change repeats is taken at its first
    occurrence."""
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return wall_clock(moment, zone) if moment.tzinfo is None else moment


@routes.add("POST", "/manage/{slug}/deadlines",
            summary="Set the deadlines and the default quotas (HTML form); switch=1 (the "
                    "header's language control) only shows it again in ?lang, filled, nothing "
                    "set", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 422))
@frame.page
async def lc_deadlines_save(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request, CONSOLE_ROLES)
    t = d.t
    form = await read_form(request)
    values, numbers, errors = _quota_values(form, d)
    moments: dict[str, datetime | None] = {}
    for name in DEADLINES:
        if name == "security_list_deadline" and name not in form:
            continue  # a form of before the field: the deadline stays as it is
        values[name] = str(form.get(name, "")).strip()[:32]
        try:
            moments[name] = _moment(values[name], d.conference.timezone)
        except NoSuchTime:
            errors[name] = t("lc_err_no_such_time")
        except ValueError:
            errors[name] = t("lc_err_datetime")
    sent = sent_before(form)
    if not frame.csrf_ok(request, form, d.person):
        return await _deadlines_form(request, d, values, message=t("csrf_failed"), status=403,
                               sent=sent)
    if switching(form):  # the language control: shown again, nothing set
        return await _deadlines_form(request, d, values, errors=errors if sent else None,
                               warnings=_warnings(d, now(request)), sent=sent)
    if errors:
        return await _deadlines_form(request, d, values, errors=errors, status=422, sent=True)
    try:
        await lifecycle.set_lifecycle(request.app[pool_key], d.conference.slug, LifecycleIn(
            **moments, quotas=Quotas(**numbers)), d.principal)
    except Invalid as exc:
        fields = {e["field"] for e in exc.extra.get("errors", [])}
        if "changes_close_at" in fields:
            return await _deadlines_form(request, d, values, status=422, sent=True,
                                   errors={"changes_close_at": t("lc_err_changes_before")})
        return await _deadlines_form(request, d, values, message=exc.detail, status=422, sent=True)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/deadlines", d.language,
                                           done="deadlines"))


@routes.add("POST", "/manage/{slug}/deadlines/announce",
            summary="Mail every focal point their welcome again, with a new sign-in link and "
                    "their delegation's deadlines and places as they now stand (HTML form)",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def lc_deadlines_announce(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request, CONSOLE_ROLES)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, d.person):
        return await _deadlines_form(request, d, _saved_values(d), message=d.t("csrf_failed"),
                               status=403)
    people, delegations = await conferences.announce_terms(request.app[pool_key],
                                                           d.conference.slug, d.principal)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/deadlines", d.language, done="announced",
                                           people=str(people),
                                           delegations=str(delegations)))


# --- import -----------------------------------------------------------------------------------


async def _import_page(request: web.Request, d: Desk, *, delegation: str = "",
                       upload: Any = None, result: Any = None,
                       errors: dict[str, str] | None = None, message: str | None = None,
                       flash: str | None = None, status: int = 200) -> web.Response:
    t = d.t
    places = await lifecycle.delegation_places(request.app[pool_key], d.conference.slug,
                                               d.principal)
    return frame.render(
        request, "lc_import.html", d.language, person=d.person, conference=d.conference,
        status=status, title=t("lc_import_title"), flash=flash,
        crumbs=_crumbs(d, t("lc_import_title")), base=d.base, action=f"{d.base}/import",
        delegations=sorted(((str(p.delegation_id), _name(d, p)) for p in places),
                           key=lambda x: collation_key(x[1])),
        delegation=delegation, upload=upload, result=result,
        rows=preview_rows(t, result, upload) if result else [], errors=errors or {},
        message=message, exports=[], file_limit=t.size(import_limit(request)),
        warnings=column_warnings(t, result.unknown_columns) if result else [],
        row_warnings=row_warnings(t, result) if result else [],
        switch_form=check_again(upload if result else None, delegation))


@routes.add("GET", "/manage/{slug}/import",
            summary="Import members into any delegation: the form", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def lc_console_import_form(request: web.Request) -> web.Response:
    d = await open_desk(request, CONSOLE_ROLES)
    return await _import_page(request, d, flash=imported_flash(d.t, request.query))


@routes.add("POST", "/manage/{slug}/import",
            summary="Import members (HTML form, multipart): check the file (nothing written) "
                    "or import it (all rows or none); a file beyond the service's body limit "
                    "is refused on the form (413)",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 413, 422), extra={"streams_body": True})
@frame.page
async def lc_console_import(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request, CONSOLE_ROLES)
    t = d.t
    try:
        form = await read_import_form(request)
    except TooLarge:
        return await _import_page(request, d, errors=too_large(t, import_limit(request)),
                                  status=413)
    delegation = str(form.get("delegation", "")).strip()[:36]
    page = _import_page
    if not frame.csrf_ok(request, form, d.person):
        return await page(request, d, delegation=delegation, message=t("csrf_failed"),
                          status=403)
    delegation_id = None
    if delegation:
        try:
            delegation_id = UUID(delegation)
        except ValueError:
            return await page(request, d, status=422,
                              errors={"delegation": t("err_choice")})
    upload, errors = await read_upload(form, t)
    if upload is None:
        return await page(request, d, delegation=delegation, errors=errors, status=422)
    try:
        result = await run_import(request, d.conference.slug, upload, d.principal,
                                  delegation_id, dry_run=form.get("step") != "apply")
    except Invalid as exc:
        field = "delegation" if any(e["field"] == "delegation_id"
                                    for e in exc.extra.get("errors", [])) else "file"
        return await page(request, d, delegation=delegation, status=422,
                          errors={field: file_errors(t, exc)})
    if result.applied:
        raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/import", d.language, done="imported",
                                               **imported_params(result)))
    return await page(request, d, delegation=delegation, upload=upload, result=result,
                      status=422 if result.counts.error else 200)


# --- delegations from a spreadsheet (docs/lifecycle.md, "Importing delegations") -------------

_DI_CODES = frozenset({"required", "both", "invalid", "email", "too-long", "places", "twice",
                       "exists", "conference-language", "fixed"})
"""The row errors the page words from their code (the others: the API's English)."""
_DI_FILE_CODES = frozenset({"no-header", "no-rows", "empty", "too-many-rows", "not-xlsx",
                            "not-csv"})


def _di_column(t: Any, field: str) -> str:
    return str(t(f"di_col_{field}")) if field in lifecycle_domain.DELEGATION_COLUMNS else field


def _di_error(t: Any, e: RowError) -> str:
    """A row's error in the page's language, naming its column: « Pays : code de pays ISO
    inconnu (par exemple BE, FR) »."""
    if e.code == "not-a-label" and e.field in ("organisation_type", "focal_point_language"):
        words = t(f"di_err_not_a_label_{e.field}")
    elif e.code == "invalid" and e.field == "country":
        words = t("di_err_country")
    elif e.code == "required" and e.field == "country":
        words = t("di_err_country_required")
    elif e.code in _DI_CODES:
        words = t("di_err_" + e.code.replace("-", "_"), **e.params)
    else:
        words = e.message
    separator = "\u00a0: " if t.language == "fr" else ": "
    return f"{_di_column(t, e.field)}{separator}{words}"


def _di_file_error(t: Any, exc: Invalid) -> str:
    """Why the file as a whole cannot be imported, in the page's language."""
    said = []
    for e in exc.extra.get("errors", []):
        code = str(e.get("code", ""))
        said.append(t("di_file_" + code.replace("-", "_"), **e.get("params", {}))
                    if code in _DI_FILE_CODES else str(e.get("message", exc.detail)))
    detail = ("\u00a0; " if t.language == "fr" else "; ").join(said) or exc.detail
    return str(t("lc_err_unreadable", detail=detail.rstrip(". ")))


def _di_rows(t: Any, result: DelegationImportResult, names: dict[int, str]
             ) -> list[dict[str, Any]]:
    return [{"row": r.row, "outcome": r.outcome, "name": names.get(r.row, ""),
             "details": [_di_error(t, e) for e in r.errors]
             + [t(f"di_changed_{c}") for c in r.changed]}
            for r in result.rows]


def _di_page(request: web.Request, d: Desk, *, upload: Upload | None = None,
             result: DelegationImportResult | None = None, step: str = "check",
             errors: dict[str, str] | None = None, message: str | None = None,
             status: int = 200) -> web.Response:
    t = d.t
    names = lifecycle.delegation_row_names(upload.content, upload.content_type, d.language) \
        if upload is not None and result is not None else {}
    return frame.render(
        request, "lc_delegations_import.html", d.language, person=d.person,
        conference=d.conference, status=status, title=t("di_title"),
        crumbs=_crumbs(d, t("di_title"), (t("deleg_title"), f"{d.base}/delegations")),
        base=d.base, action=f"{d.base}/delegations/import", upload=upload, result=result,
        rows=_di_rows(t, result, names) if result else [], errors=errors or {},
        message=message, step=step, file_limit=t.size(import_limit(request)))


@routes.add("GET", "/manage/{slug}/delegations/import",
            summary="Import delegations from a spreadsheet: the form", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def console_delegations_import_form(request: web.Request) -> web.Response:
    d = await open_desk(request, CONSOLE_ROLES)
    return _di_page(request, d)


@routes.add("POST", "/manage/{slug}/delegations/import",
            summary="Import delegations (HTML form, multipart): check the file (nothing "
                    "written) or import it (all rows or none); the report names each row's "
                    "errors by column",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 413, 422), extra={"streams_body": True})
@frame.page
async def console_delegations_import(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request, CONSOLE_ROLES)
    t = d.t
    try:
        form = await read_import_form(request)
    except TooLarge:
        return _di_page(request, d, errors=too_large(t, import_limit(request)), status=413)
    step = str(form.get("step", "")).strip()[:10]
    if not frame.csrf_ok(request, form, d.person):
        return _di_page(request, d, step=step or "check", message=t("csrf_failed"),
                        status=403)
    if step not in ("check", "apply"):
        return _di_page(request, d, errors={"step": t("err_choice")}, status=422)
    upload, errors = await read_upload(form, t)
    if upload is None:
        return _di_page(request, d, step=step, errors=errors, status=422)
    try:
        result = await lifecycle.import_delegations(
            request.app[pool_key], d.conference.slug, upload.content, upload.content_type,
            DelegationImportQuery(dry_run=step != "apply"), d.principal, now(request),
            token_lifetime=request.app[settings_key].tokens.default_lifetime)
    except Invalid as exc:
        return _di_page(request, d, step=step, errors={"file": _di_file_error(t, exc)},
                        status=422)
    return _di_page(request, d, upload=upload, result=result, step=step,
                    status=422 if result.counts.error else 200)


async def _di_export(request: web.Request, kind: str) -> web.Response:
    d = await open_desk(request, CONSOLE_ROLES)
    titles = {c: str(d.t(f"di_col_{c}")) for c in lifecycle_domain.DELEGATION_COLUMNS}
    f = await lifecycle.export_delegations(request.app[pool_key], d.conference.slug,
                                           "xlsx" if kind == "xlsx" else "csv", d.principal,
                                           titles=titles)
    return web.Response(body=f.content, headers={
        "Content-Type": f.content_type,
        "Content-Disposition": f'attachment; filename="{f.filename}"'})


@routes.add("GET", "/manage/{slug}/delegations.csv",
            summary="The delegations in the columns their import reads, headed in the page's "
                    "language (CSV, ';')", who=WHO, tag="workspaces",
            media=("text/csv", "text/html"),
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def console_delegations_csv(request: web.Request) -> web.Response:
    return await _di_export(request, "csv")


@routes.add("GET", "/manage/{slug}/delegations.xlsx",
            summary="The delegations in the columns their import reads, headed in the page's "
                    "language (XLSX)", who=WHO, tag="workspaces",
            media=("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   "text/html"),
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def console_delegations_xlsx(request: web.Request) -> web.Response:
    return await _di_export(request, "xlsx")


# --- the list of participants and the statistics ----------------------------------------------


@routes.add("GET", "/manage/{slug}/participants",
            summary="The list of participants as it stands (HTML), with its PDF and CSV",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def lc_participants(request: web.Request) -> web.Response:
    d = await open_desk(request, CONSOLE_ROLES)
    t = d.t
    listing, _ = await lifecycle.participants(request.app[pool_key], d.conference.slug,
                                              d.principal, language=d.language)
    return frame.render(request, "lc_participants.html", d.language, person=d.person,
                        conference=d.conference, title=t("lc_participants_title"),
                        crumbs=_crumbs(d, t("lc_participants_title")), base=d.base,
                        listing=listing)


async def _listing_file(request: web.Request, kind: str) -> web.Response:
    d = await open_desk(request, CONSOLE_ROLES)
    listing, conference = await lifecycle.participants(
        request.app[pool_key], d.conference.slug, d.principal, language=d.language)
    name = download_name("participants", conference.slug, None, extension=kind)
    if kind == "pdf":
        body, ctype, how = participants_pdf(listing, conference), "application/pdf", "inline"
    else:
        # a download for people: ";" and the codes also in words, in the list's language
        # (docs/lifecycle.md, "CSV files")
        t = d.t
        # the head's words in their gender's form, as the PDF gives them (« Cheffe de
        # délégation » for a woman: docs/protocol.md, "Forms of address"): the words are
        # asked for row by row, in the list's order, once for each head's "yes"
        heads = iter([capitalised(m.head_title) if m.head_title else t("head_of_delegation")
                      for entry in listing.delegations for m in entry.members if m.head])
        # and each rank in the member's gender's form, as the pages give it (a woman's read
        # « Chef ou cheffe d'État »), likewise once for each rank given
        ranks = iter([m.rank_title or t(f"rank_{m.rank}") for entry in listing.delegations
                      for m in entry.members if m.rank])
        words = Words({"head": t("head_of_delegation"), "rank": t("f_rank"),
                       "category": t("category")},
                      lambda column, code: next(heads, t("head_of_delegation"))
                      if column == "head"
                      else next(ranks, t(f"rank_{code}")) if column == "rank"
                      else t(f"{column}_{code}"))
        body = render.participants_csv(listing, delimiter=FOR_PEOPLE, words=words,
                                       titles=column_titles(d.language))
        ctype, how = "text/csv; charset=utf-8", "attachment"
    return web.Response(body=body, headers={
        "Content-Type": ctype, "Cache-Control": "no-store",
        "Content-Disposition": f'{how}; filename="{name}"'})


@routes.add("GET", "/manage/{slug}/participants.pdf",
            summary="The list of participants as it stands (PDF)", who=WHO,
            tag="workspaces", media=("application/pdf", "text/html"),
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def lc_participants_pdf(request: web.Request) -> web.Response:
    return await _listing_file(request, "pdf")


@routes.add("GET", "/manage/{slug}/participants.csv",
            summary="The list of participants as it stands (CSV download)", who=WHO,
            tag="workspaces", media=("text/csv", "text/html"), error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def lc_participants_csv(request: web.Request) -> web.Response:
    return await _listing_file(request, "csv")


@routes.add("GET", "/manage/{slug}/statistics",
            summary="Counts by category, status, country and delegation; heads of delegation "
                    "by salutation; approved, badged, checked in (HTML)",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def lc_statistics(request: web.Request) -> web.Response:
    d = await open_desk(request, CONSOLE_ROLES)
    t = d.t
    stats = await lifecycle.statistics(request.app[pool_key], d.conference.slug, d.principal,
                                       d.language)
    # by name in the page's language, accents as their base letters (docs/protocol.md,
    # "Collation"); the people with no country last
    countries = sorted(((code, country_name(code, d.language) if code != "none"
                         else t("lc_no_country"), n) for code, n in stats.by_country.items()),
                       key=lambda c: (c[0] == "none", collation_key(c[1])))
    return frame.render(request, "lc_statistics.html", d.language, person=d.person,
                        conference=d.conference, title=t("lc_statistics_title"),
                        crumbs=_crumbs(d, t("lc_statistics_title")), base=d.base,
                        stats=stats, countries=countries)
