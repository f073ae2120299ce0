"""The protocol console's credentials pages (protocol, admin; docs/workspaces.md,
"Credentials"): badge production (``/manage/{slug}/badges``: statuses, filters, the batch PDF,
marking a batch printed, a reissue with its reason, a delegation's pack collected, a void badge
recovered), visa
letters (``/manage/{slug}/visa-letters``: decide, cancel, the PDF once approved) and, on an
application's page, its vetting status, documents and photo. Every action is a plain form with
its CSRF token calling the use-case the API calls (``conference/badges/service.py``,
``conference/credentials/service.py``) through the console desk's ``Principal``."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Sequence
from typing import Any, NoReturn
from uuid import UUID

from aiohttp import web
from pydantic import ValidationError

from conference.accreditation import service as accreditations
from conference.accreditation.domain import Category
from conference.accreditation.models import Accreditation
from conference.auth import Principal
from conference.badges import service as badges
from conference.badges.domain import Layout, PrintStatus, ReissueReason
from conference.badges.models import (
    BatchQuery,
    PackCollectedIn,
    PrintedIn,
    ReissueIn,
    StatusQuery,
)
from conference.badges.sheet import render_pdf
from conference.credentials import service as credentials
from conference.credentials.domain import CLOSING_STATUSES, closing_reason
from conference.credentials.models import DocumentKind, PhotoRequired, VisaDecisionIn
from conference.errors import Conflict, IllegalTransition, Invalid, NotFound
from conference.http.context import connection, now, pool_key, settings_key, signer_key
from conference.http.io import private_file, read_form
from conference.http.routes import RouteTable
from conference.mail import formatting
from conference.pages.handlers import sent_before, switching
from conference.protocol.countries import collation_key, country_name
from conference.protocol.missions import mission_country
from conference.roles import ProtocolOfficer, protocol_officer
from conference.workspaces import domain, frame
from conference.workspaces import handlers as press_desk
from conference.workspaces import repo as ws
from conference.workspaces.console import CONSOLE_ROLES, Desk, _desk
from conference.workspaces.console_accreditations import (
    _accreditation,
    _application_page,
)
from conference.workspaces.credential_panel import VETTING_CHOICES
from conference.workspaces.i18n import WTranslator

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
WHO = "protocol, admin"
CATEGORIES = tuple(c.value for c in Category)
PRINT_STATUSES = tuple(s.value for s in PrintStatus)
BADGE_FILTERS = ("to_print", "printed", "collected")
"""The badge page's status filter: the print status, or handed over in a pack."""
LAYOUTS = tuple(layout.value for layout in Layout)
REISSUE_REASONS = tuple(r.value for r in ReissueReason)
LETTER_STATUSES = credentials.LETTER_STATUSES


def _uuid(value: str) -> UUID | None:
    try:
        return UUID(value)
    except ValueError:
        return None


async def _console(request: web.Request) -> tuple[Desk, ProtocolOfficer]:
    d = await _desk(request, CONSOLE_ROLES)
    return d, protocol_officer(d.principal)


def _crumbs(d: Desk, *more: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return d.crumbs((d.t("console_title"), d.base), *more)


def _see_other(url: str) -> NoReturn:
    raise web.HTTPSeeOther(url)


def _text(form: Any, name: str, limit: int = 2000) -> str:
    return " ".join(str(form.get(name, "")).split())[:limit]


async def _delegation_names(request: web.Request, d: Desk) -> dict[UUID, str]:
    async with connection(request) as conn:
        rows = await ws.console_delegations(conn, d.conference.id)
    return {r["id"]: (country_name(r["country"], d.language) if r["country"]
                      else str(r["organisation_name"] or "")) for r in rows}


# --- badges -----------------------------------------------------------------------------------


def _filters(source: Any, names: dict[UUID, str]) -> dict[str, str]:
    """The badge filters of a query or form, each kept only when it is one of the choices."""
    delegation = _uuid(str(source.get("delegation", "")))
    category = str(source.get("category", ""))
    status = str(source.get("status", ""))
    return {"delegation": str(delegation) if delegation in names else "",
            "category": category if category in CATEGORIES else "",
            "status": status if status in BADGE_FILTERS else ""}


def _query(filters: dict[str, str]) -> StatusQuery:
    status = filters["status"]
    return StatusQuery(
        delegation_id=UUID(filters["delegation"]) if filters["delegation"] else None,
        category=Category(filters["category"]) if filters["category"] else None,
        status=PrintStatus(status) if status in PRINT_STATUSES else None)


async def _badges_page(request: web.Request, d: Desk, officer: ProtocolOfficer, *,
                       filters: dict[str, str] | None = None,
                       errors: dict[str, str] | None = None,
                       values: dict[str, str] | None = None, message: str | None = None,
                       photo_required: list[str] | None = None,
                       status: int = 200) -> web.Response:
    t = d.t
    names = await _delegation_names(request, d)
    filters = filters or _filters(request.query, names)
    asked = domain.page_number(request.query.get("page", ""))
    # "collected": handed over in a pack, printed, reprinted only by a reissue
    listed = await badges.badge_page(request.app[pool_key], officer, d.conference.slug,
                                     _query(filters), collected=filters["status"] == "collected",
                                     page_size=domain.PAGE_SIZE, skip=domain.skip(asked))
    # badges printed before any zone exists say "no zone granted" (docs/workspaces.md, "Zones")
    no_zones = not await badges.zones(request.app[pool_key], officer, d.conference.slug)
    flash = None
    done, count = request.query.get("done", ""), request.query.get("count", "0")[:6]
    if done == "printed":  # a count, no name
        flash = t.plural("cred_flash_printed", count)
    elif done == "photo_required":
        flash = t("cred_flash_photo_required")
    elif done == "reissued" and (name := frame.flash_text(request, "name", 200)):
        flash = _reissued(t, name, frame.flash_text(request, "ref", 20) or "",
                          frame.flash_text(request, "version", 6) or "")
    elif done == "pack" and (name := frame.flash_text(request, "name", 200)):
        flash = t.plural("cred_flash_pack", count, name=name)
    elif done in ("recovered", "already_recovered") and (
            name := frame.flash_text(request, "name", 200)):
        flash = t(f"cred_flash_{done}", name=name)
    # printed badges made void since: out there, refused at the door (tryout), until the desk
    # records them recovered (docs/credentials.md, "Void badges")
    void = await badges.void_badges(request.app[pool_key], officer, d.conference.slug)
    return frame.render(
        request, "cred_badges.html", d.language, person=d.person, conference=d.conference,
        status=status, title=t("cred_badges_title"),
        crumbs=_crumbs(d, (t("cred_badges_title"), None)), base=d.base, items=listed.items,
        paging=domain.Paging.of(asked, listed.total), to_print=listed.to_print,
        batch_mark=listed.batch_mark, filters=filters, categories=CATEGORIES,
        statuses=BADGE_FILTERS,
        layouts=LAYOUTS,
        delegations=sorted(names.items(), key=lambda item: collation_key(item[1])),
        # the packs of the delegation filtered on, when one is (all twenty were listed)
        pack_delegations=sorted(
            ((i, n) for i, n in names.items()
             if not filters["delegation"] or str(i) == filters["delegation"]),
            key=lambda item: collation_key(item[1])),
        delegation_names=names, flash=flash, message=message, errors=errors or {},
        values=values or {}, no_zones=no_zones, without_photo=listed.to_print_without_photo,
        packs=await badges.packs_to_collect(request.app[pool_key], officer, d.conference.slug),
        void=[v for v in void if v.recovered_at is None],
        recovered=[v for v in void if v.recovered_at is not None],
        photo_required=d.conference.photo_required if photo_required is None
        else photo_required)


@routes.add("GET", "/manage/{slug}/badges",
            summary="Badge production: statuses (to print, printed, collected), version, "
                    "filters (HTML)", who=WHO, tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def console_badges(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    return await _badges_page(request, d, officer)


@routes.add("POST", "/manage/{slug}/badges/batch.pdf",
            summary="Download the print batch of the current filters (PDF, A6 or four per A4; "
                    "HTML form)", who=WHO, tag="workspaces",
            media=("application/pdf", "text/html"), error_media=PAGE_ERRORS,
            errors=(403, 404, 409))
@frame.page
async def console_badge_batch(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    form = await read_form(request)
    names = await _delegation_names(request, d)
    filters = _filters(form, names)
    show = functools.partial(_badges_page, request, d, officer, filters=filters)
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    layout = str(form.get("layout", "a6"))
    if filters["status"] == "collected":
        return await show(message=d.t("cred_err_collected_batch"), status=422)
    if layout not in LAYOUTS:
        return await show(errors={"layout": d.t("cred_err_layout")}, status=422)
    q = _query(filters)
    try:
        content = await badges.batch(
            request.app[pool_key], officer, request.app[signer_key], d.conference.slug,
            BatchQuery(delegation_id=q.delegation_id, category=q.category, status=q.status,
                       layout=Layout(layout)))
    except Conflict:
        return await show(message=d.t("cred_err_empty_batch"), status=409)
    pdf = await asyncio.to_thread(render_pdf, content, Layout(layout))
    return web.Response(body=pdf, content_type="application/pdf", headers={
        "Cache-Control": "no-store",
        "Content-Disposition":
            f'attachment; filename="badges-{d.conference.slug}-{layout}.pdf"'})


@routes.add("POST", "/manage/{slug}/badges/printed",
            summary="Mark the listed batch printed (HTML form with the filters and the "
                    "batch's mark, or the ids)", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def console_badges_printed(request: web.Request) -> web.StreamResponse:
    d, officer = await _console(request)
    form = await read_form(request)
    names = await _delegation_names(request, d)
    back = _filters(form, names)
    show = functools.partial(_badges_page, request, d, officer, filters=back)
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    mark = str(form.get("batch", ""))[:100]
    raw = [str(v) for v in form.getall("ids", [])][:5000]
    ids = [i for i in (_uuid(v) for v in raw) if i is not None]
    if mark:  # the page's form: the whole batch of its filters, on every page
        try:
            done = await badges.mark_batch_printed(
                request.app[pool_key], officer, d.conference.slug, _query(back),
                collected=back["status"] == "collected", mark=mark, now=now(request))
        except Conflict:
            return await show(message=d.t("cred_err_batch_changed"), status=409)
    elif not ids or len(ids) != len(raw):
        return await show(errors={"ids": d.t("cred_err_no_ids")}, status=422)
    else:  # the ids, as the API takes them
        try:
            done = await badges.mark_printed(request.app[pool_key], officer,
                                             d.conference.slug,
                                             PrintedIn(accreditation_ids=ids), now(request))
        except (Invalid, ValidationError):
            return await show(errors={"ids": d.t("cred_err_unprintable")}, status=422)
    _see_other(frame.with_lang(f"{d.base}/badges", d.language, done="printed",
                               count=str(len(done.printed)), **back))


async def _reissue_page(request: web.Request, d: Desk, acc: Accreditation, *,
                        values: dict[str, str] | None = None,
                        errors: dict[str, str] | None = None, message: str | None = None,
                        status: int = 200) -> web.Response:
    t = d.t
    name = f"{acc.given_name} {acc.family_name}"
    return frame.render(
        request, "cred_reissue.html", d.language, person=d.person, conference=d.conference,
        status=status, title=t("cred_reissue_title", name=name),
        crumbs=_crumbs(d, (t("cred_badges_title"), f"{d.base}/badges"), (name, None)),
        base=d.base, acc=acc, name=name, reasons=REISSUE_REASONS, values=values or {},
        errors=errors or {}, message=message, may_reissue=acc.status.value == "approved")


@routes.add("GET", "/manage/{slug}/badges/{accreditation_id}/reissue",
            summary="Reissue a badge: the confirmation with its reason (HTML)", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def console_reissue_form(request: web.Request) -> web.Response:
    d, _ = await _console(request)
    return await _reissue_page(request, d, await _accreditation(request, d))


@routes.add("POST", "/manage/{slug}/badges/{accreditation_id}/reissue",
            summary="Reissue a badge with a reason: a new version to print, the old QR code "
                    "refused `superseded` (HTML form)", who=WHO, tag="workspaces",
            media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def console_reissue(request: web.Request) -> web.StreamResponse:
    d, officer = await _console(request)
    acc = await _accreditation(request, d)
    form = await read_form(request)
    values = {"reason": str(form.get("reason", "")), "note": _text(form, "note")}
    show = functools.partial(_reissue_page, request, d, acc, values=values)
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    errors = {}
    if values["reason"] not in REISSUE_REASONS:
        errors["reason"] = d.t("cred_err_reissue_reason")
    if form.get("confirm") != "yes":
        errors["confirm"] = d.t("cred_err_confirm")
    if errors:
        return await show(errors=errors, status=422)
    try:
        done = await badges.reissue(
            request.app[pool_key], officer, acc.id,
            ReissueIn(reason=ReissueReason(values["reason"]), note=values["note"] or None),
            now(request))
    except (Conflict, IllegalTransition):
        return await show(message=d.t("cred_err_not_reissuable"), status=409)
    # the new badge's short reference, as printed under its QR code: the one the door and a
    # phone call will read (docs/credentials.md, "Short reference")
    reference = await accreditations.badge_short_reference(request.app[pool_key], acc.id,
                                                            d.principal)
    _see_other(frame.with_lang(f"{d.base}/badges", d.language, done="reissued",
                               **frame.flash_params(request,
                                                    name=f"{acc.given_name} {acc.family_name}",
                                                    ref=reference or "",
                                                    version=str(done.badge_version))))


def _reissued(t: WTranslator, name: str, reference: str, version: str) -> str:
    """The reissue's confirmation: whose badge, its new short reference and its version (« Badge
    réémis : Claire Dumont, nouvelle référence 8ASQ-35CJ, version 3. »); « Claire Dumont v3 »
    gave no reference to read out (tryout as protocol)."""
    if reference:
        return t("cred_flash_reissued", name=name, reference=reference, version=version)
    return t("cred_flash_reissued_no_reference", name=name, version=version)


@routes.add("POST", "/manage/{slug}/badges/packs/{delegation_id}",
            summary="Record that a delegation's printed badges were collected, and by whom "
                    "(HTML form)", who=WHO, tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def console_pack_collected(request: web.Request) -> web.StreamResponse:
    d, officer = await _console(request)
    names = await _delegation_names(request, d)
    delegation_id = _uuid(request.match_info["delegation_id"])
    if delegation_id is None or delegation_id not in names:
        raise NotFound("No such delegation.")
    form = await read_form(request)
    collected_by = _text(form, "collected_by", 200)
    # the list's filters, carried by the form: the page comes back as it was (it forgot the
    # delegation filtered on: tryout of the meeting's day, 5 December 2026)
    filters = _filters(form, names)
    show = functools.partial(_badges_page, request, d, officer, filters=filters,
                             values={"collected_by": collected_by,
                                     "pack_delegation": str(delegation_id)})
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    if not collected_by:
        return await show(errors={"collected_by": d.t("cred_err_collected_by")}, status=422)
    try:
        done = await badges.collect_pack(request.app[pool_key], officer, delegation_id,
                                         PackCollectedIn(collected_by=collected_by),
                                         now(request))
    except Conflict:
        return await show(errors={"collected_by": d.t("cred_err_no_pack")}, status=409)
    _see_other(frame.with_lang(f"{d.base}/badges", d.language, done="pack",
                               count=str(len(done.badges)),
                               **{k: v for k, v in filters.items() if v},
                               **frame.flash_params(request, name=names[delegation_id])))


@routes.add("POST", "/manage/{slug}/badges/{accreditation_id}/recovered",
            summary="Record a void badge recovered at the desk (handed back or destroyed; "
                    "HTML form)", who=WHO, tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409))
@frame.page
async def console_badge_recovered(request: web.Request) -> web.StreamResponse:
    """The badges page's "Mark as recovered" on a void badge, through the use-case of
    ``POST /api/v1/accreditations/{id}/badge/recovered``: the card leaves "Void badges still
    out there" (docs/credentials.md, "Void badges")."""
    d, officer = await _console(request)
    accreditation_id = _uuid(request.match_info["accreditation_id"])
    if accreditation_id is None:
        raise NotFound("No such accreditation.")
    form = await read_form(request)
    show = functools.partial(_badges_page, request, d, officer)
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    try:
        done = await badges.recover_void_badge(request.app[pool_key], officer, accreditation_id,
                                               now(request), slug=d.conference.slug)
    except Conflict:
        return await show(message=d.t("cred_err_not_void"), status=409)
    _see_other(frame.with_lang(
        f"{d.base}/badges", d.language,
        done="already_recovered" if done.already_recovered else "recovered",
        **frame.flash_params(request, name=f"{done.given_name} {done.family_name}")))


@routes.add("POST", "/manage/{slug}/badges/photo-required",
            summary="Set the categories whose badge waits for the person's photo (HTML form)",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 422))
@frame.page
async def console_photo_required(request: web.Request) -> web.StreamResponse:
    """The conference's ``photo_required`` changed on the badges page, through the use-case
    of ``PUT /api/v1/conferences/{slug}/photo-required`` (docs/credentials.md, "Photo
    required")."""
    d, officer = await _console(request)
    form = await read_form(request)
    asked = [str(v) for v in form.getall("photo_required", [])]
    show = functools.partial(_badges_page, request, d, officer,
                             photo_required=[c for c in asked if c in CATEGORIES])
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    try:
        body = PhotoRequired.model_validate({"photo_required": asked})
    except ValidationError:
        return await show(errors={"photo_required": d.t("cred_err_photo_required")},
                          status=422)
    await credentials.set_photo_required(request.app[pool_key], d.conference.id, body,
                                         d.principal)
    _see_other(frame.with_lang(f"{d.base}/badges", d.language, done="photo_required"))


# --- visa letters -----------------------------------------------------------------------------


async def _letters_page(request: web.Request, d: Desk, *, opened: str = "",
                        group: str | None = None,
                        values: dict[str, str] | None = None,
                        errors: dict[str, str] | None = None, message: str | None = None,
                        lead: str | None = None, status: int = 200) -> web.Response:
    """``lead``: what opens the error summary when no field is wrong (a 409's state)."""
    t = d.t
    group = group or request.query.get("status", "requested")
    if group not in (*LETTER_STATUSES, "all"):
        group = "requested"
    search = domain.search_text(request.query.get("q", ""))
    asked = domain.page_number(request.query.get("page", ""))
    items, total = await credentials.letters(
        request.app[pool_key], d.conference.id, None if group == "all" else group, d.principal,
        search=domain.like_pattern(search) or None, page_size=domain.PAGE_SIZE,
        skip=domain.skip(asked))
    paging = domain.Paging.of(asked, total)
    labels, targets = _letter_error_names(t, items, errors or {})
    flash = None
    done = request.query.get("done", "")
    if done in ("approve", "refuse", "cancel") and (name := frame.flash_text(request, "name",
                                                                              200)):
        flash = t(f"cred_flash_letter_{done}", name=name)
    return frame.render(
        request, "cred_visa_letters.html", d.language, person=d.person,
        conference=d.conference, status=status, title=t("cred_letters_title"),
        crumbs=_crumbs(d, (t("cred_letters_title"), None)), base=d.base, items=items,
        group=group, groups=(*LETTER_STATUSES, "all"), search=search, paging=paging,
        here={"page": str(paging.page) if paging.page > 1 else "", "q": search},
        opened=opened, values=values or {},
        errors=errors or {}, message=message, flash=flash,
        error_labels=labels, error_targets=targets, error_lead=lead,
        # a letter its accreditation's end closed carries the recorded reason "accreditation
        # substituted", which a French page showed as such: said in words (tryout as protocol)
        closing_words={closing_reason(s): t(f"cred_letter_closed_{s}") for s in CLOSING_STATUSES},
        delegation_names=await _delegation_names(request, d),
        country_names={i.nationality: country_name(i.nationality, d.language) for i in items},
        # a request filed before a letter to one's own country's consulate was refused
        # (docs/credentials.md, "Visa invitation letters"): said at the decision
        own_country={i.id for i in items
                     if i.status == "requested" and mission_country(i.consulate) == i.nationality},
        birth_day=lambda born: formatting.day(born, d.language),
        # what keeps the letters from being signed as meant (docs/credentials.md)
        unsigned=await credentials.letter_signature_gaps(request.app[pool_key], d.conference))


_LETTER_FIELDS = {"decision": "decision", "reason": "reason_written",
                  "cancel_reason": "reason_written"}


def _letter_error_names(t: WTranslator, items: Sequence[Any], errors: dict[str, str]
                        ) -> tuple[dict[str, str], dict[str, str]]:
    """How the page's error summary names each error of a letter's form, and the control it
    links to: the field and the person ("Décision – Pieter Claes"), since every letter of the
    list has the same fields. On a phone the form answered sits a screen or more below the
    title, and the page reopened at its top with the only error out of sight (tried as
    protocol, 2 December 2026; docs/workspaces.md, "Errors in sight")."""
    labels, targets = {}, {}
    for item in items:
        prefix = f"l-{item.id}-"
        for field, label in _LETTER_FIELDS.items():
            if prefix + field in errors:
                labels[prefix + field] = f"{t(label)} – {item.given_name} {item.family_name}"
                targets[prefix + field] = (f"{prefix}approve" if field == "decision"
                                           else prefix + field)
    return labels, targets


@routes.add("GET", "/manage/{slug}/visa-letters",
            summary="Visa letter requests by status: approve, refuse, cancel (HTML)", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def console_visa_letters(request: web.Request) -> web.Response:
    d, _ = await _console(request)
    return await _letters_page(request, d)


async def _letter_here(request: web.Request, d: Desk) -> UUID:
    letter_id = _uuid(request.match_info["visa_letter_id"])
    if letter_id is None:
        raise NotFound("No such visa letter.")
    await credentials.letter_of_conference(request.app[pool_key], d.conference.id, letter_id,
                                           d.principal)
    return letter_id


def _letters_url(d: Desk, group: str, **params: str) -> str:
    return frame.with_lang(f"{d.base}/visa-letters", d.language, status=group, **params)


def _holder_not_approved(d: Desk, status: str) -> str:
    """Why a letter is not approved yet, in the reader's language: its accreditation is not
    (docs/credentials.md, "Visa invitation letters")."""
    if status in ("submitted", "waitlisted"):
        return d.t("cred_err_letter_holder_pending", status=d.t(f"cred_holder_pending_{status}"))
    return d.t("cred_err_letter_holder_closed", status=d.t(f"status_{status}").lower())


@routes.add("POST", "/manage/{slug}/visa-letters/{visa_letter_id}/decision",
            summary="Approve (numbered, mailed) or refuse a visa letter with a reason "
                    "(HTML form)", who=WHO, tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def console_decide_letter(request: web.Request) -> web.StreamResponse:
    d, _ = await _console(request)
    letter_id = await _letter_here(request, d)
    form = await read_form(request)
    prefix = f"l-{letter_id}-"
    values = {f"{prefix}decision": str(form.get("decision", ""))[:20],
              f"{prefix}reason": _text(form, "reason")}
    show = functools.partial(_letters_page, request, d, opened=str(letter_id), values=values,
                             group="requested")
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    decision = values[f"{prefix}decision"]
    reason = values[f"{prefix}reason"] or None
    if decision not in ("approve", "refuse"):
        return await show(errors={f"{prefix}decision": d.t("err_pick_decision")}, status=422)
    if decision == "refuse" and not reason:
        return await show(errors={f"{prefix}reason": d.t("err_write_reason")}, status=422)
    try:
        letter = await credentials.decide_letter(
            request.app[pool_key], letter_id,
            VisaDecisionIn.model_validate({"decision": decision, "reason": reason}),
            d.principal, now(request), request.app[settings_key].base_url)
    except Conflict as exc:
        if exc.extra.get("reason") == "holder_not_approved":  # said at the letter
            # nothing typed is wrong: the summary says what holds, not "correct the fields"
            # (tryout as protocol)
            return await show(errors={f"{prefix}decision": _holder_not_approved(
                d, str(exc.extra.get("accreditation_status")))},
                lead=d.t("cred_err_letter_holder_summary"), status=409)
        return await show(message=d.t("cred_err_letter_decided"), status=409)
    _see_other(_letters_url(d, "approved" if decision == "approve" else "refused",
                            done=decision,
                            **frame.flash_params(request, name=letter.passport_name)))


@routes.add("POST", "/manage/{slug}/visa-letters/{visa_letter_id}/cancel",
            summary="Cancel an approved visa letter with a reason: its number is shown as "
                    "cancelled (HTML form)", who=WHO, tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def console_cancel_letter(request: web.Request) -> web.StreamResponse:
    d, _ = await _console(request)
    letter_id = await _letter_here(request, d)
    form = await read_form(request)
    prefix = f"l-{letter_id}-"
    values = {f"{prefix}cancel_reason": _text(form, "reason")}
    show = functools.partial(_letters_page, request, d, opened=str(letter_id), values=values,
                             group="approved")
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    if not values[f"{prefix}cancel_reason"]:
        return await show(errors={f"{prefix}cancel_reason": d.t("err_write_reason")},
                          status=422)
    try:
        letter = await credentials.cancel_letter(request.app[pool_key], letter_id,
                                                 values[f"{prefix}cancel_reason"],
                                                 d.principal, now(request))
    except Conflict:
        return await show(message=d.t("cred_err_letter_not_approved"), status=409)
    _see_other(_letters_url(d, "cancelled", done="cancel",
                            **frame.flash_params(request, name=letter.passport_name)))


@routes.add("GET", "/manage/{slug}/visa-letters/{visa_letter_id}/letter.pdf",
            summary="An approved visa letter (PDF)", who=WHO, tag="workspaces",
            media=("application/pdf", "text/html"), error_media=PAGE_ERRORS,
            errors=(403, 404, 409))
@frame.page
async def console_letter_pdf(request: web.Request) -> web.Response:
    d, _ = await _console(request)
    letter_id = await _letter_here(request, d)
    number, pdf = await credentials.get_letter_pdf(request.app[pool_key], letter_id,
                                                   d.principal)
    return web.Response(body=pdf, content_type="application/pdf", headers={
        "Cache-Control": "no-store",
        "Content-Disposition": f'attachment; filename="visa-letter-{number}.pdf"'})


# --- on an application's page -----------------------------------------------------------------


@routes.add("POST", "/manage/{slug}/accreditations/{accreditation_id}/vetting",
            summary="Set the person's vetting status with a reason (HTML form); switch=1 (a "
                    "language button) only shows the page again in ?lang, filled, nothing set",
            who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 422))
@frame.page
async def console_set_vetting(request: web.Request) -> web.StreamResponse:
    d, _ = await _console(request)
    acc = await _accreditation(request, d)
    form = await read_form(request)
    values = {"vetting_status": str(form.get("status", ""))[:30],
              "vetting_reason": _text(form, "reason")}
    sent = sent_before(form)
    show = functools.partial(_application_page, request, d, acc, values=values,
                             editing="vetting", sent=sent)
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    errors = {}
    if values["vetting_status"] not in VETTING_CHOICES:
        errors["vetting_status"] = d.t("cred_err_vetting_status")
    elif values["vetting_status"] in ("refused", "more_information") \
            and not values["vetting_reason"]:
        errors["vetting_reason"] = d.t("err_write_reason")
    if switching(form):  # the language control: shown again, nothing set
        return await show(errors=errors if sent else {})
    if errors:
        return await show(errors=errors, status=422)
    await credentials.set_vetting_status(request.app[pool_key], acc.id,
                                         values["vetting_status"],
                                         values["vetting_reason"] or None, d.principal,
                                         now(request))
    _see_other(frame.with_lang(f"{d.base}/accreditations/{acc.id}", d.language, done="vetting"))


@routes.add("GET", "/manage/{slug}/accreditations/{accreditation_id}/documents/{kind}",
            summary="A document of the person (PDF, JPEG or PNG)", who=WHO, tag="workspaces",
            media=("application/pdf", "image/jpeg", "image/png", "text/html"),
            error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def console_document(request: web.Request) -> web.Response:
    d, _ = await _console(request)
    return await _document(request, await _accreditation(request, d), d.principal)


@routes.add("GET", "/manage/{slug}/press/{accreditation_id}/documents/{kind}",
            summary="A document of a press applicant, for the press desk (PDF, JPEG or PNG)",
            who="press_office, admin", tag="workspaces",
            media=("application/pdf", "image/jpeg", "image/png", "text/html"),
            error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def press_document(request: web.Request) -> web.Response:
    d = await press_desk.open_desk(request)
    acc = await press_desk._application(request, d)
    return await _document(request, acc, d.principal)


async def _document(request: web.Request, acc: Accreditation, principal: Principal
                    ) -> web.Response:
    try:
        kind = DocumentKind(request.match_info["kind"])
    except ValueError:
        raise NotFound("No such document kind.") from None
    data, media = await credentials.get_document(request.app[pool_key], acc.id, kind, principal)
    ext = {"application/pdf": "pdf", "image/png": "png"}.get(media, "jpg")
    return web.Response(body=data, content_type=media, headers={
        "Cache-Control": "private, no-store",
        "Content-Disposition": f'attachment; filename="{kind.value}.{ext}"'})


@routes.add("GET", "/manage/{slug}/accreditations/{accreditation_id}/photo",
            summary="The person's photo (JPEG)", who=WHO, tag="workspaces",
            media=("image/jpeg", "text/html"), error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def console_photo(request: web.Request) -> web.Response:
    d, _ = await _console(request)
    acc = await _accreditation(request, d)
    data, media = await credentials.get_photo(request.app[pool_key], acc.id, d.principal)
    return private_file(data, media)
