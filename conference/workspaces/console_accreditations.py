"""The protocol console's accreditations and delegations (``/manage/{slug}/accreditations``,
``/manage/{slug}/delegations``; protocol, admin): every category in one list with filters,
search and pages; an application's page with its history, the decisions the protocol office
may take and a delegation member's substitution (a check, then a confirmation); the
delegations with their head and focal points, a new delegation, another focal point, the
welcome mail again. Every action is a plain form with its CSRF token and calls the
use-case the API calls (docs/workspaces.md)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from aiohttp import web
from pydantic import ValidationError

from conference.accreditation import service as accreditations
from conference.accreditation.domain import (
    Action,
    Category,
    DeadlinePassed,
    QuotaExceeded,
    Status,
    information_exchanges,
    name_in_capitals,
    names_look_swapped,
    rank_mismatch,
)
from conference.accreditation.models import Accreditation, AmendmentIn, SubstitutionIn
from conference.auth import Role
from conference.badges.domain import short_reference_code
from conference.conferences import service as conferences
from conference.conferences.models import DelegationIn, FocalPoint, OrganisationType
from conference.errors import (
    Conflict,
    Duplicate,
    DuplicateApproved,
    Forbidden,
    IllegalTransition,
    Invalid,
    NotFound,
    PoolFull,
)
from conference.http.context import connection, now, pool_key
from conference.http.io import read_form
from conference.http.routes import RouteTable
from conference.lifecycle import lookup as lifecycle_lookup
from conference.mail import formatting
from conference.pages.handlers import _countries, sent_before, switching
from conference.programme import service as programme
from conference.protocol.countries import collation_key, country_name
from conference.roles import PROTOCOL_OFFICE, protocol_officer
from conference.workspaces import credential_panel, domain, frame, information
from conference.workspaces import repo as ws
from conference.workspaces.console import CONSOLE_ROLES, Desk, form_errors
from conference.workspaces.console import _desk as console_desk
from conference.workspaces.handlers import check_member, member_form_page, member_values
from conference.workspaces.portal_lifecycle import (
    PERSON_FIELDS,
    confirmation,
    person_errors,
    substitution_choices,
    substitution_notes,
)

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
CATEGORIES = tuple(c.value for c in Category)
STATUSES = tuple(s.value for s in Status)
DECISIONS = ("approve", "reject")
"""What the console decides (the press office waitlists press applications on its desk)."""
SUBSTITUTABLE = (Status.submitted, Status.waitlisted, Status.approved)
SUBSTITUTE_FIELDS = (*PERSON_FIELDS, "reason", "approve")
SUB = "sub_"
"""The substitution form's ids and errors on the application page (which has a "reason"
already, the decision's)."""
"""The application page's forms' language button: the values posted again, shown, never
filed (the substitution's is its ``edit``)."""
APPLICATION_FORMS = ("decision", "information", "substitute", "revoke", "vetting")
"""The application page's forms, in the page's order: each has its own language button, and
the header's carries the one being edited (docs/workspaces.md, "The language control")."""


def _uuid(value: str) -> UUID | None:
    try:
        return UUID(value)
    except ValueError:
        return None


async def _desk(request: web.Request) -> Desk:
    return await console_desk(request, CONSOLE_ROLES)


def _delegation_name(row: dict[str, Any], language: str) -> str:
    if row["country"]:
        return country_name(row["country"], language)
    return str(row["organisation_name"] or "")


# --- the list -----------------------------------------------------------------------------


def list_filters(q: Mapping[str, str]) -> dict[str, str]:
    """The list's filters as ``q`` gives them, each checked (an unknown value is no filter)."""
    delegation = _uuid(q.get("delegation", ""))
    return {
        "category": q.get("category", "") if q.get("category", "") in CATEGORIES else "",
        "status": q.get("status", "") if q.get("status", "") in STATUSES else "",
        "delegation": str(delegation) if delegation else "",
        "q": domain.search_text(q.get("q", "")),
    }


def list_place(q: Mapping[str, str]) -> dict[str, str]:
    """Where the officer is in the list: its filters and its page, each checked, only those
    set. An application opened from the list carries it, its form "Ask for more information"
    too, and the request leads back there (docs/workspaces.md, "The officer's place")."""
    place = {k: v for k, v in list_filters(q).items() if v}
    page = domain.page_number(q.get("page", ""))
    if page > 1:
        place["page"] = str(page)
    return place


@routes.add("GET", "/manage/{slug}/accreditations",
            summary="Every accreditation: filters, search, pages (HTML)", who="protocol, admin",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def console_accreditations(request: web.Request) -> web.Response:
    d = await _desk(request)
    q = request.query
    filters = list_filters(q)
    delegation = _uuid(filters["delegation"])
    page, size = domain.page_number(q.get("page", "")), domain.PAGE_SIZE
    async with connection(request) as conn:
        items, total = await ws.console_accreditations(
            conn, d.conference.id, category=filters["category"] or None,
            status=filters["status"] or None, delegation_id=delegation,
            search=domain.like_pattern(filters["q"]) or None, page_size=size,
            skip=domain.skip(page, size),
            # the badge's short reference, as the press desk and the door read it: the card a
            # person holds out at the accreditation desk (tryout of the day, 5 December 2026)
            code=short_reference_code(filters["q"]) if filters["q"] else None)
        delegations = await ws.console_delegations(conn, d.conference.id)
        # an application waiting for the applicant's answer, or answered, says so, as on the
        # press desk's queue (docs/workspaces.md, "Asking for more information")
        asked = await ws.information_requests(conn, d.conference.id, [a.id for a in items])
    names = {r["id"]: _delegation_name(r, d.language) for r in delegations}
    t = d.t
    paging = domain.Paging.of(page, total, size)
    flash = None
    if q.get("done") == "information" and (name := frame.flash_text(request, "name", 100)):
        flash = t("flash_information", name=name)
    return frame.render(
        request, "acc_list.html", d.language, person=d.person, conference=d.conference,
        title=t("acc_title"), crumbs=d.crumbs((t("console_title"), d.base),
                                              (t("acc_title"), None)),
        base=d.base, items=items, paging=paging, filters=filters,
        categories=CATEGORIES, statuses=STATUSES, flash=flash, asked=asked,
        # where the officer is, which an application opened from here carries
        place={**{k: v for k, v in filters.items() if v},
               **({"page": str(paging.page)} if paging.page > 1 else {})},
        delegations=sorted(names.items(), key=lambda item: collation_key(item[1])),
        delegation_names=names)


# --- an application -----------------------------------------------------------------------


async def _accreditation(request: web.Request, d: Desk) -> Accreditation:
    accreditation_id = _uuid(request.match_info["accreditation_id"])
    if accreditation_id is None:
        raise NotFound("No such accreditation.")
    try:
        acc = await accreditations.get(request.app[pool_key], accreditation_id, d.principal)
    except Forbidden:
        raise NotFound("No such accreditation.") from None
    if acc.conference != d.conference.slug:
        raise NotFound("No such accreditation.")
    return acc


def _may_act(d: Desk, acc: Accreditation) -> bool:
    """The press office decides on the press (on its desk); an administrator on everything."""
    return acc.category is not Category.press or d.principal.role is Role.admin


def _may_ask(acc: Accreditation) -> bool:
    """Protocol asks a delegation member or an expert under review for more information; the
    press office asks the press, on its desk (whose page an administrator reaches from
    here)."""
    return acc.category is not Category.press and acc.status in accreditations.UNDER_REVIEW


def _substitutable(acc: Accreditation) -> bool:
    """A delegation member still in play (docs/lifecycle.md, "Substitutions")."""
    return acc.delegation_id is not None and acc.category is not Category.press \
        and acc.status in SUBSTITUTABLE


def _changes_closed(d: Desk, at: datetime) -> str | None:
    """The date substitutions closed on, in the page's words, once passed; else None."""
    closes = d.conference.changes_close_at
    if closes is None or at < closes:
        return None
    return d.t.datetime(closes, d.conference.timezone)


OPEN = (Status.submitted, Status.waitlisted, Status.approved)
"""An application whose names may still be corrected before the badge and the letters: the
portal's member page says the same of these (docs/lifecycle.md, "Import")."""


async def _application_page(request: web.Request, d: Desk, acc: Accreditation, *,
                            values: dict[str, str] | None = None,
                            sub_values: dict[str, str] | None = None,
                            errors: dict[str, str] | None = None, message: str | None = None,
                            status: int = 200, editing: str = "", sent: bool = False,
                            asking: dict[str, str] | None = None,
                            place: Mapping[str, str] | None = None,
                            email_taken: Mapping[str, str] | None = None) -> web.Response:
    """``editing``: the form posted (``decision``, ``information``, ``substitute``,
    ``revoke``, ``vetting``), which the header's language control then carries; ``sent``: it
    was sent (its errors shown), so its language switch shows them again
    (``pages.handlers.sent_before``); ``asking``: the request for more information as typed;
    ``place``: the list's place the page was opened from (a posted form's), else the
    address's; ``email_taken``: the substitution's address is another application's, linked
    (``text``, ``href``)."""
    t = d.t
    where = dict(place) if place is not None else list_place(request.query)
    name = f"{acc.given_name} {acc.family_name}"
    delegation = None
    if acc.delegation_id is not None:
        async with connection(request) as conn:
            rows = await ws.console_delegations(conn, d.conference.id)
        delegation = next((_delegation_name(r, d.language) for r in rows
                           if r["id"] == acc.delegation_id), None)
    flash = None
    done = request.query.get("done", "")
    if done in ("approve", "reject", "revoke"):
        flash = t(f"flash_{done}", name=name)
    elif done == "amended":  # the member's details, edited on the console's form
        flash = t("flash_amended", name=name)
    elif done == "substituted" and (old := frame.flash_text(request, "old", 200)):
        flash = t("lc_flash_substituted", new=name, old=old)
    elif done == "vetting":
        flash = t("cred_flash_vetting", name=name)
    # a substitute's new session places wait for a publication (docs/workspaces.md)
    unpublished = (await _places_unpublished(request, d, acc) if done == "substituted"
                   else None)
    cred = await credential_panel.panel(request.app[pool_key], d.principal, acc)
    closed = _changes_closed(d, now(request))
    can_decide = _may_act(d, acc) and domain.allows(acc.status, Action.reject)
    can_revoke = _may_act(d, acc) and domain.offers_revocation(acc.status)
    can_ask = _may_ask(acc)
    shown = {"decision": can_decide, "information": can_ask,
             "substitute": _substitutable(acc), "revoke": can_revoke,
             "vetting": cred is not None}
    form_switch, switch_submit = frame.form_switches(
        d.language, {form: f"{d.base}/accreditations/{acc.id}/{form}"
                     for form in APPLICATION_FORMS if shown[form]},
        editing, names={"substitute": "edit"})
    return frame.render(
        request, "acc_application.html", d.language, person=d.person, status=status,
        conference=d.conference, title=name, flash=flash,
        crumbs=d.crumbs((t("console_title"), d.base),
                        (t("acc_title"), f"{d.base}/accreditations"
                         + (f"?{urlencode(where)}" if where else "")), (name, None)),
        base=d.base, acc=acc, delegation=delegation, values=values or {},
        unpublished=unpublished,
        errors=errors or {}, message=message,
        can_decide=can_decide, can_revoke=can_revoke,
        # the header's language control sends the form being edited, each form has its own
        # (docs/workspaces.md, "The language control"); a link would lose what was typed
        form_switch=form_switch, switch_submit=switch_submit, sent_form=editing if sent else "",
        press_desk=acc.category is Category.press and d.principal.role is Role.admin,
        decisions=DECISIONS, cred=cred,
        # the substitution's form (docs/workspaces.md, "Substituting a member")
        can_substitute=_substitutable(acc),
        # the member's details, editable before the decision (docs/workspaces.md, "Editing a
        # member at the console")
        can_edit=_editable(acc),
        # an approved member's names and office, corrected with a reason (docs/workspaces.md,
        # "Correcting an approved member")
        can_correct=_correctable(acc),
        # the member's function filled in, kept unless changed, which its hint says (a
        # substitute kept "Conseillère" unseen: docs/workspaces.md, "Substituting a member")
        sub_values=sub_values or {"language": acc.language, "function": acc.function or ""},
        function_hint=t("lc_f_function_hint_console" if acc.function
                        else "lc_f_function_hint_console_none"),
        email_taken=email_taken,
        # the box to approve at once: for an approved member's substitute (and beside its
        # error when posted for another)
        offer_approve=acc.status is Status.approved or f"{SUB}approve" in (errors or {}),
        field_prefix=SUB,
        reason_hint=closed and t("lc_f_reason_hint_closed", date=closed),
        # the reason is shown to the delegation in the member's history: said where it is
        # written (docs/workspaces.md, "Substituting a member")
        reason_seen=t("lc_f_reason_seen"),
        **substitution_choices(t),
        # a rank that does not fit the category, a warning (docs/protocol.md, "Rank and
        # category")
        fit=rank_mismatch(acc.category, acc.rank),
        # names in capitals or swapped, while the application is open: the badge and the
        # letters print them as filed (docs/lifecycle.md, "Import")
        names_swapped=acc.status in OPEN and names_look_swapped(acc.given_name, acc.family_name),
        names_capitals=name_in_capitals(acc.given_name, acc.family_name)
        if acc.status in OPEN else None,
        # each request for more information with the applicant's answers in words
        # (docs/workspaces.md, "Asking for more information")
        exchanges=information_exchanges(acc.history or []),
        # and the form to ask, the press desk's (docs/workspaces.md, "Asking for more
        # information"), which carries the list's place back (docs/workspaces.md, "The
        # officer's place")
        can_ask=can_ask, information=asking or {}, back=urlencode(where),
        # a reason and a request are quoted as written in the person's letters, in their
        # language, which the page names (docs/workspaces.md, "The application page")
        written_in=t("acc_write_in", language=t(f"in_language_{acc.language}")),
        # the clearance that would withhold the badge, said before anyone approves
        # (docs/credentials.md, "What the person is told")
        clearance=await accreditations.missing_clearance(request.app[pool_key], acc.id,
                                                         d.principal),
        linked_names=await frame.linked_names(request, acc, d.principal),
        # the identity document beside the clearance, in the page's words, as the security
        # page says them (docs/workspaces.md, "Credentials")
        country_words=lambda code: country_name(code, d.language),
        day_words=lambda day: formatting.day(day, d.language))


async def _places_unpublished(request: web.Request, d: Desk, acc: Accreditation
                              ) -> tuple[int, int] | None:
    """(latest published version, next version) when a substitute just took session places
    (a chair, a speaker's or any place of the person replaced) that the published programme
    does not show yet: their calendars and the others' are updated only once the programme is
    published again, which the page answering "replaced" did not say (docs/workspaces.md,
    "Substituting a member")."""
    if d.principal.role not in PROTOCOL_OFFICE:
        return None
    preview = await programme.preview_publication(request.app[pool_key],
                                                  protocol_officer(d.principal),
                                                  d.conference.slug)
    if preview.latest is None or not any(
            p.accreditation_id == acc.id for p in preview.changes.participants_added):
        return None
    return preview.latest, preview.version


@routes.add("GET", "/manage/{slug}/accreditations/{accreditation_id}",
            summary="An application: details, history, decisions (HTML)", who="protocol, admin",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def console_accreditation(request: web.Request) -> web.Response:
    d = await _desk(request)
    return await _application_page(request, d, await _accreditation(request, d))


# --- a member's details ----------------------------------------------------------------------

EDIT_FIELDS = ("given_name", "family_name", "email", "language", "rank", "function",
               "function_fr", "function_en", "in_office_since")
"""What the console's edit form shows, in its order; the category and the form of address
stay the member's (docs/workspaces.md, "Editing a member at the console")."""


CORRECT_FIELDS = ("given_name", "family_name", "rank", "function", "function_fr",
                  "function_en", "in_office_since", "reason")
"""What the form shows for an approved member, protocol's correction: the names and the
office, and why (docs/workspaces.md, "Correcting an approved member"); the address and the
language stay the member's."""


def _edit_form(request: web.Request, d: Desk, acc: Accreditation, values: dict[str, str], *,
               errors: dict[str, str] | None = None, message: str | None = None,
               status: int = 200, sent: bool = False) -> web.Response:
    """The portal's member form (``handlers.member_form_page``), with the console's fields:
    an edit before the decision, a correction with its reason after the approval."""
    t = d.t
    name = f"{acc.given_name} {acc.family_name}"
    correcting = _correctable(acc)
    category = t.gendered(f"category_{acc.category.value}", acc.gender)
    return member_form_page(
        request, d.language, person=d.person, conference=d.conference, status=status,
        title=t("acc_correct_title" if correcting else "acc_edit_title", name=name),
        crumbs=d.crumbs((t("console_title"), d.base), (t("acc_title"), f"{d.base}/accreditations"),
                        (name, f"{d.base}/accreditations/{acc.id}"),
                        (t("acc_correct_crumb" if correcting else "member_edit_crumb"), None)),
        action=f"{d.base}/accreditations/{acc.id}/edit",
        button=t("acc_correct_button" if correcting else "member_edit_button"),
        base=f"{d.base}/accreditations/{acc.id}", values=values, errors=errors,
        message=message, sent=sent, fields=CORRECT_FIELDS if correcting else EDIT_FIELDS,
        note=t("acc_correct_note", category=category) if correcting
        else t("acc_edit_note", category=category))


def _a_member(acc: Accreditation) -> bool:
    """A delegation's minister, official or expert: whose details the form edits."""
    return acc.delegation_id is not None and acc.category.value in domain.MEMBER_CATEGORIES


def _editable(acc: Accreditation) -> bool:
    """A delegation member still waiting for the decision (the use-case ``amend``'s rule)."""
    return _a_member(acc) and domain.editable(acc)


def _correctable(acc: Accreditation) -> bool:
    """An approved delegation member: corrected by protocol with a reason (the use-case
    ``amend``'s correction, ``accreditation.domain.is_member_correction``)."""
    return _a_member(acc) and acc.status is Status.approved


async def _not_editable(request: web.Request, d: Desk, acc: Accreditation,
                        status: str | None = None) -> web.Response:
    """A press or staff accreditation, or a member decided (409): what to do instead, with
    the way back to the application's page."""
    back = (f"{d.base}/accreditations/{acc.id}", f"{acc.given_name} {acc.family_name}")
    if not _a_member(acc):
        return await frame.error_page(request, 409, d.t("acc_edit_not_member"), back=back)
    said = d.t(f"status_{status or acc.status.value}")
    return await frame.error_page(request, 409, d.t("acc_edit_decided", status=said),
                                  back=back)


@routes.add("GET", "/manage/{slug}/accreditations/{accreditation_id}/edit",
            summary="Edit a delegation member's details before the decision, or correct an "
                    "approved member's with a reason: the form (HTML)",
            who="protocol, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409))
@frame.page
async def console_member_edit_form(request: web.Request) -> web.Response:
    d = await _desk(request)
    acc = await _accreditation(request, d)
    if not (_editable(acc) or _correctable(acc)):
        return await _not_editable(request, d, acc)
    return _edit_form(request, d, acc, member_values(acc))


@routes.add("POST", "/manage/{slug}/accreditations/{accreditation_id}/edit",
            summary="Edit a delegation member's details before the decision, or correct an "
                    "approved member's with a reason (HTML form); "
                    "switch=1 (the header's language control) only shows it again in ?lang, "
                    "never saved",
            who="protocol, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def console_member_edit(request: web.Request) -> web.StreamResponse:
    """The portal's edit at the protocol desk (docs/workspaces.md, "Editing a member at the
    console"): the portal's form and checks (``handlers.check_member``), then the use-case
    the API's ``PATCH /api/v1/accreditations/{id}`` calls (``accreditation.service.amend``),
    which records ``accreditation.amended`` in the same transaction."""
    d = await _desk(request)
    t = d.t
    acc = await _accreditation(request, d)
    form = await read_form(request)
    correcting = _correctable(acc)
    fields = CORRECT_FIELDS if correcting else EDIT_FIELDS
    # the category and the form of address are the member's: not on the form (nor, for a
    # correction, the address and the language)
    values = {**member_values(acc),
              **{n: str(form.get(n, "")).strip()[:500] for n in fields}}
    sent = sent_before(form)
    show = functools.partial(_edit_form, request, d, acc, values, sent=sent)
    if not frame.csrf_ok(request, form, d.person):
        return show(message=t("csrf_failed"), status=403)
    if not (_editable(acc) or correcting):
        return await _not_editable(request, d, acc)
    assert acc.delegation_id is not None  # a member's (_editable, _correctable)
    member, errors, general = check_member(
        t, {n: v for n, v in values.items() if n != "reason"}, acc.delegation_id, fields)
    if correcting and not values["reason"]:  # the form's last field: said after the others
        errors = {**errors, "reason": t("err_correction_reason")}
    if switching(form):  # the language control: shown again, not saved
        return show(errors=errors, message=general) if sent else show()
    if member is None or errors:
        return show(errors=errors, message=general, status=422)
    kept = set(fields) - {"reason"}
    body = AmendmentIn.model_validate(
        {**member.model_dump(include=kept), "reason": values["reason"]} if correcting
        else member.model_dump(include=kept))
    try:
        await accreditations.amend(request.app[pool_key], acc.id, body, d.principal,
                                   now(request))
    except Duplicate:
        error, _ = await _address_taken(request, d, values["email"])
        return show(errors={"email": error}, status=409)
    except IllegalTransition as exc:  # decided meanwhile
        return await _not_editable(request, d, acc,
                                   status=str(exc.extra.get("status_now", acc.status.value)))
    raise _done(d, acc, "amended")


def _done(d: Desk, acc: Accreditation, action: str) -> web.HTTPSeeOther:
    return web.HTTPSeeOther(frame.with_lang(f"{d.base}/accreditations/{acc.id}", d.language,
                                            done=action))


@routes.add("POST", "/manage/{slug}/accreditations/{accreditation_id}/decision",
            summary="Approve or reject an application (HTML form); switch=1 (a language "
                    "button) only shows the page again in ?lang, filled, never decided",
            who="protocol, admin",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def console_decide(request: web.Request) -> web.StreamResponse:
    d = await _desk(request)
    acc = await _accreditation(request, d)
    form = await read_form(request)
    values = {n: str(form.get(n, "")).strip() for n in ("decision", "reason")}
    sent = sent_before(form)
    show = functools.partial(_application_page, request, d, acc, values=values,
                             editing="decision", sent=sent)
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    if not _may_act(d, acc):
        raise Forbidden("The press office decides on the press.")
    decision = values["decision"]
    reason = " ".join(values["reason"].split())[:2000] or None
    errors = {}
    if decision not in DECISIONS:
        errors["decision"] = d.t("err_pick_decision")
    elif decision == "reject" and not reason:
        errors["reason"] = d.t("err_write_reason")
    if switching(form):  # the language control: shown again, never decided
        return await show(errors=errors if sent else {})
    if errors:
        return await show(errors=errors, status=422)
    try:
        await accreditations.decide(request.app[pool_key], acc.id, decision, reason,
                                    d.principal, now(request))
    except (IllegalTransition, PoolFull, DuplicateApproved) as exc:
        return await show(message=frame.decision_refused(d.t, exc, acc.status.value), status=409)
    raise _done(d, acc, decision)


@routes.add("POST", "/manage/{slug}/accreditations/{accreditation_id}/information",
            summary="Ask a delegation member or an expert for more information before "
                    "deciding; mailed with their private link (HTML form); switch=1 (a "
                    "language button) only shows the page again in ?lang, filled, never asked",
            who="protocol, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def console_ask_information(request: web.Request) -> web.StreamResponse:
    """The press desk's request for more information, at the protocol desk
    (docs/workspaces.md, "Asking for more information"): ``workspaces.information.ask``."""
    d = await _desk(request)
    acc = await _accreditation(request, d)
    form = await read_form(request)
    place = frame.place_sent(form, request.query, list_place)
    show = functools.partial(_application_page, request, d, acc,
                             asking=information.values(form), editing="information",
                             sent=sent_before(form), place=place)
    if acc.category is Category.press:
        raise Forbidden("The press office asks the press, on its desk.")
    # back to the list where the officer was (docs/workspaces.md, "The officer's place")
    return await information.ask(request, form, acc, d, show=show, place=place,
                                 back=f"{d.base}/accreditations",
                                 missing=d.t("err_information_message_protocol"))


@routes.add("POST", "/manage/{slug}/accreditations/{accreditation_id}/revoke",
            summary="Revoke an accreditation with a reason (HTML form); switch=1 (a language "
                    "button) only shows the page again in ?lang, filled, never revoked",
            who="protocol, admin",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def console_revoke(request: web.Request) -> web.StreamResponse:
    d = await _desk(request)
    acc = await _accreditation(request, d)
    form = await read_form(request)
    reason = " ".join(str(form.get("reason", "")).split())[:2000]
    sent = sent_before(form)
    show = functools.partial(_application_page, request, d, acc, editing="revoke", sent=sent,
                             values=frame.revoke_values(form))
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    if not _may_act(d, acc):
        raise Forbidden("The press office revokes the press.")
    if not domain.offers_revocation(acc.status):
        return await show(message=d.t("revoke_only_granted"), status=409)
    errors = frame.revoke_errors(d.t, reason, form, d.t("err_write_reason"))
    if switching(form):  # the language control: shown again, never revoked
        return await show(errors=errors if sent else {})
    if errors:
        return await show(errors=errors, status=422)
    try:
        await accreditations.revoke(request.app[pool_key], acc.id, reason, d.principal,
                                    now(request))
    except IllegalTransition as exc:
        return await show(message=frame.decision_refused(d.t, exc, acc.status.value), status=409)
    raise _done(d, acc, "revoke")


@routes.add("POST", "/manage/{slug}/accreditations/{accreditation_id}/substitute",
            summary="Substitute a delegation member (HTML form): checked first (nothing "
                    "written, a confirmation page), done with confirm=1; edit=1 shows the form "
                    "again", who="protocol, admin", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def console_substitute(request: web.Request) -> web.StreamResponse:
    """The portal's substitution, at the protocol desk (docs/workspaces.md, "Substituting a
    member"): ``accreditation.service.check_substitute`` first, then ``substitute``."""
    d = await _desk(request)
    acc = await _accreditation(request, d)
    t = d.t
    form = await read_form(request)
    values = {n: str(form.get(n, "")).strip() for n in SUBSTITUTE_FIELDS}
    values["approve"] = "1" if values["approve"] else ""
    show = functools.partial(_application_page, request, d, acc, sub_values=values,
                             editing="substitute")
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=t("csrf_failed"), status=403)
    if form.get("edit") == "1":  # "change" on the confirmation: the form, filled
        return await show()
    if not _substitutable(acc):
        return await show(status=409, message=t(
            "lc_err_not_substitutable", status=t(f"status_{acc.status.value}")))
    try:
        body = SubstitutionIn.model_validate(
            {**{n: v for n, v in values.items() if v and n != "approve"},
             "approve": values["approve"] == "1"})
    except ValidationError as exc:
        errors, general = person_errors(t, exc, SUB)
        return await show(errors=errors, message=general, status=422)
    confirmed = form.get("confirm") == "1"
    pool = request.app[pool_key]
    try:
        if confirmed:
            created = await accreditations.substitute(pool, acc.id, body, d.principal,
                                                      now(request))
        else:  # every refusal the substitution would give, nothing written
            await accreditations.check_substitute(pool, acc.id, body, d.principal,
                                                  now(request))
    except Duplicate:
        error, link = await _address_taken(request, d, values["email"])
        return await show(errors={f"{SUB}email": error}, email_taken=link, status=409)
    except QuotaExceeded as exc:
        return await show(status=409, message=t.plural(
            "lc_err_substitute_quota", exc.extra.get("used", ""),
            allowed=exc.extra.get("allowed", "")))
    except Invalid as exc:  # the deadline's reason, or an approval refused
        fields = {e["field"] for e in exc.extra.get("errors", [])}
        errors = {}
        if "reason" in fields:
            errors[f"{SUB}reason"] = t("lc_err_substitute_reason",
                                       date=_changes_closed(d, now(request)) or "")
        if "approve" in fields:
            errors[f"{SUB}approve"] = t("lc_err_substitute_approve",
                                        status=t(f"status_{acc.status.value}"))
        return await show(errors=errors, message=None if errors else exc.detail, status=422)
    except DeadlinePassed:  # (protocol overrides it with a reason: said on the reason)
        return await show(status=409, errors={f"{SUB}reason": t(
            "lc_err_substitute_reason", date=_changes_closed(d, now(request)) or "")})
    except Conflict as exc:  # no longer in play (withdrawn, replaced meanwhile...)
        status_now = str(exc.extra.get("status_now", acc.status.value))
        return await show(status=409, message=t(
            "lc_err_not_substitutable", status=t(f"status_{status_now}")))
    if not confirmed:
        action = f"{d.base}/accreditations/{acc.id}/substitute"
        name = f"{acc.given_name} {acc.family_name}"
        async with connection(request) as conn:
            notes = await substitution_notes(conn, t, d.conference, acc, body, now(request))
        return frame.render(
            request, "lc_substitute_confirm.html", d.language, person=d.person,
            conference=d.conference, title=t("lc_confirm_title"),
            crumbs=d.crumbs((t("console_title"), d.base),
                            (t("acc_title"), f"{d.base}/accreditations"),
                            (name, f"{d.base}/accreditations/{acc.id}"),
                            (t("lc_confirm_title"), None)),
            base=d.base, action=action, values=values,
            # the language button checks the same values again, in the other language
            switch_form=values, switch_to=action, notes=notes,
            **confirmation(t, acc, body, by_protocol=True))
    raise web.HTTPSeeOther(frame.with_lang(
        f"{d.base}/accreditations/{created.id}", d.language, done="substituted",
        **frame.flash_params(request, old=f"{acc.given_name} {acc.family_name}")))


async def _address_taken(request: web.Request, d: Desk, email: str
                         ) -> tuple[str, dict[str, str] | None]:
    """The substitution's address already filed in this conference: whose application it is,
    in which status, and a link to it (protocol and admin read every application of the
    conference here), and what to do. The portal's words sent protocol to itself ("contact
    the protocol service"), found trying the console."""
    key = email.strip().casefold()
    async with connection(request) as conn:
        found, _ = await ws.console_accreditations(
            conn, d.conference.id, category=None, status=None, delegation_id=None,
            search=domain.like_pattern(domain.search_text(email)) or None,
            page_size=domain.PAGE_SIZE, skip=0)
    holder = next((a for a in found if a.email.casefold() == key
                   and a.status not in (Status.withdrawn, Status.substituted)), None)
    if holder is None:  # gone meanwhile, or beyond the page: the words without the name
        return d.t("err_duplicate_console_unnamed"), None
    name = f"{holder.given_name} {holder.family_name}"
    return (d.t("err_duplicate_console", name=name, status=d.t(f"status_{holder.status.value}")),
            {"text": d.t("acc_open_taken", name=name),
             "href": f"{d.base}/accreditations/{holder.id}"})


# --- delegations --------------------------------------------------------------------------

DELEGATION_FIELDS = ("kind", "country", "organisation_name", "organisation_type",
                     "focal_point_name", "focal_point_email", "focal_point_language")
_FIELD_OF = {"kind": "kind", "country": "country", "organisation.name": "organisation_name",
             "organisation.type": "organisation_type", "organisation": "organisation_name",
             "focal_point.name": "focal_point_name", "focal_point.email": "focal_point_email",
             "focal_point.language": "focal_point_language"}


def _language_errors(d: Desk, errors: dict[str, str], field: str) -> dict[str, str]:
    """A focal point's language refused (not one of the conference's): the page's words."""
    if field in errors:
        errors[field] = d.t("err_fp_language")
    return errors


async def _delegations_page(request: web.Request, d: Desk, *,
                            values: dict[str, str] | None = None,
                            errors: dict[str, str] | None = None, opened: str = "",
                            message: str | None = None, status: int = 200,
                            editing: str = "", sent: bool = False) -> web.Response:
    """``opened``: the delegation whose focal point form is open; ``editing``: the form posted
    (``delegation``, or ``fp`` for the one ``opened``), which the header's language control
    then carries, else the new delegation's; ``sent``: it was sent (its errors shown), so its
    language switch shows them again (docs/workspaces.md, "The language control")."""
    t = d.t
    async with connection(request) as conn:
        rows = await ws.console_delegations(conn, d.conference.id)
        members = await ws.console_delegation_members(conn, d.conference.id)
        heads = await lifecycle_lookup.delegation_heads(conn, d.conference)
    by_delegation: dict[UUID, list[Accreditation]] = {}
    for m in members:
        if m.delegation_id is not None:
            by_delegation.setdefault(m.delegation_id, []).append(m)
    # In the order of their names in the reader's language (accents as their base letters), as
    # every list of countries here; creation order told the office nothing (found trying the
    # product)
    items = sorted(({**r, "name": _delegation_name(r, d.language),
                     "head": domain.head_among(by_delegation.get(r["id"], []),
                                               heads.get(r["id"]))} for r in rows),
                   key=lambda item: collation_key(item["name"]))
    flash = None
    done = request.query.get("done", "")
    if done == "welcome" and (name := frame.flash_text(request, "name", 320)) is not None:
        # the welcome again says to whom, among the page's focal points (tryout as protocol)
        flash = t("flash_delegation_welcome_to", name=name)
    elif done in ("focal_point", "welcome"):  # no name in these
        flash = t(f"flash_delegation_{done}")
    elif done == "created" and (name := frame.flash_text(request, "name", 200)) is not None:
        flash = t("flash_delegation_created", name=name)
    # the new delegation's form first: the header carries it unless a focal point's is edited
    forms = {"delegation": f"{d.base}/delegations",
             **{f"fp-{r['id']}": f"{d.base}/delegations/{r['id']}/focal-points" for r in rows}}
    form_switch, switch_submit = frame.form_switches(
        d.language, forms, f"fp-{opened}" if editing == "fp" else editing,
        ids={name: f"fp-form-{name[3:]}" for name in forms if name.startswith("fp-")})
    return frame.render(
        request, "acc_delegations.html", d.language, person=d.person, status=status,
        form_switch=form_switch, switch_submit=switch_submit,
        sent_form=("fp-" + opened if editing == "fp" else editing) if sent else "",
        conference=d.conference, title=t("deleg_title"), flash=flash,
        crumbs=d.crumbs((t("console_title"), d.base), (t("deleg_title"), None)),
        base=d.base, items=items, values=values or {"kind": "country"}, errors=errors or {},
        opened=opened, message=message, countries=_countries(d.language),
        languages=[(code, t(f"lang_{code}")) for code in d.conference.languages],
        organisation_types=[(o.value, t(f"org_type_{o.value}")) for o in OrganisationType])


@routes.add("GET", "/manage/{slug}/delegations",
            summary="The delegations with their head and focal points (HTML)",
            who="protocol, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def console_delegations(request: web.Request) -> web.Response:
    d = await _desk(request)
    return await _delegations_page(request, d)


def _delegation_body(values: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {"kind": values["kind"],
                            "focal_point": {"name": values["focal_point_name"],
                                            "email": values["focal_point_email"],
                                            "language": values["focal_point_language"] or None}}
    if values["kind"] == "country":
        body["country"] = values["country"] or None
    elif values["kind"] == "organisation":
        body["organisation"] = {"name": values["organisation_name"],
                                "type": values["organisation_type"]}
    return body


def _form_errors(d: Desk, exc: ValidationError, fields: dict[str, str],
                 fallback: str) -> dict[str, str]:
    return form_errors(d.t, exc, fields, fallback)


@routes.add("POST", "/manage/{slug}/delegations",
            summary="Create a delegation; its focal point is welcomed by mail (HTML form); "
                    "switch=1 (a language button) only shows the page again in ?lang, "
                    "filled, never created",
            who="protocol, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def console_create_delegation(request: web.Request) -> web.StreamResponse:
    d = await _desk(request)
    form = await read_form(request)
    values = {n: " ".join(str(form.get(n, "")).split())[:200] for n in DELEGATION_FIELDS}
    values["country"] = values["country"].upper()
    sent = sent_before(form)
    switched = switching(form)
    show = functools.partial(_delegations_page, request, d, values=values, editing="delegation",
                             sent=sent)
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    errors: dict[str, str] = {}
    body = None
    if values["kind"] not in ("country", "organisation"):
        errors = {"kind": d.t("err_deleg_kind")}
    else:
        # a country not chosen is said on its field with the others, in the page's words: the
        # model's rule on the whole ("a country delegation gives country…", pydantic's English)
        # came alone, once the other fields were right (setup test, December 2026)
        missing = {"country": d.t("err_required")} \
            if values["kind"] == "country" and not values["country"] else {}
        try:
            body = DelegationIn.model_validate(_delegation_body(values))
        except ValidationError as exc:
            fallback = "country" if values["kind"] == "country" else "organisation_name"
            found = {**_form_errors(d, exc, _FIELD_OF, fallback), **missing}
            found = {n: found[n] for n in (*DELEGATION_FIELDS, *found) if n in found}
            errors = _language_errors(d, found, "focal_point_language")
    if switched:  # the language control: shown again, never created
        return await show(errors=errors if sent else {})
    if body is None:
        return await show(errors=errors, status=422)
    try:
        created = await conferences.create_delegation(request.app[pool_key], d.conference.slug,
                                                      body, d.principal, now(request))
    except Invalid:  # the focal point's language: not one of the conference's
        return await show(errors={"focal_point_language": d.t("err_fp_language")}, status=422)
    except Duplicate:
        field = "country" if body.country else "organisation_name"
        return await show(errors={field: d.t("err_deleg_exists")}, status=409)
    name = country_name(created.country, d.language) if created.country else created.name
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/delegations", d.language,
                                           done="created",
                                           **frame.flash_params(request, name=name)))


def _delegation_id(request: web.Request) -> UUID:
    found = _uuid(request.match_info["delegation_id"])
    if found is None:
        raise NotFound("No such delegation.")
    return found


@routes.add("POST", "/manage/{slug}/delegations/{delegation_id}/focal-points",
            summary="Add a focal point to a delegation; welcomed by mail (HTML form); "
                    "switch=1 (a language button) only shows the page again in ?lang, "
                    "filled, nobody added",
            who="protocol, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def console_add_focal_point(request: web.Request) -> web.StreamResponse:
    d = await _desk(request)
    delegation_id = _delegation_id(request)
    form = await read_form(request)
    prefix = f"fp-{delegation_id}-"
    values = {f"{prefix}{n}": " ".join(str(form.get(n, "")).split())[:200]
              for n in ("name", "email", "language")}
    sent = sent_before(form)
    show = functools.partial(_delegations_page, request, d, values=values,
                             opened=str(delegation_id), editing="fp", sent=sent)
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    errors: dict[str, str] = {}
    try:
        body = FocalPoint.model_validate({"name": values[f"{prefix}name"],
                                          "email": values[f"{prefix}email"],
                                          "language": values[f"{prefix}language"] or None})
    except ValidationError as exc:
        fields = {n: f"{prefix}{n}" for n in ("name", "email", "language")}
        errors = _language_errors(d, _form_errors(d, exc, fields, f"{prefix}name"),
                                  f"{prefix}language")
    if switching(form):  # the language control: shown again, nobody added
        return await show(errors=errors if sent else {})
    if errors:
        return await show(errors=errors, status=422)
    try:
        await conferences.add_delegation_focal_point(request.app[pool_key], d.conference.slug,
                                                     delegation_id, body, d.principal)
    except Invalid:  # the focal point's language: not one of the conference's
        return await show(errors={f"{prefix}language": d.t("err_fp_language")}, status=422)
    except Duplicate:
        return await show(errors={f"{prefix}email": d.t("err_fp_exists")}, status=409)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/delegations", d.language,
                                           done="focal_point"))


@routes.add("POST", "/manage/{slug}/delegations/{delegation_id}/welcome",
            summary="Mail a focal point the welcome again, with a new sign-in link (HTML form)",
            who="protocol, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def console_resend_welcome(request: web.Request) -> web.StreamResponse:
    d = await _desk(request)
    delegation_id = _delegation_id(request)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, d.person):
        return await _delegations_page(request, d, message=d.t("csrf_failed"), status=403)
    email = str(form.get("email", "")).strip()[:320]
    await conferences.resend_welcome(request.app[pool_key], d.conference.slug, delegation_id,
                                     email, d.principal)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/delegations", d.language,
                                           done="welcome",
                                           **frame.flash_params(request, name=email)))
