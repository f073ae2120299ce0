"""The delegation portal (``/delegation/{slug}``, for the delegation's focal point) and the press
office desk (``/manage/{slug}/press``, for the press office), server-rendered, fr/en, every
action a plain form. The pages call the same accreditation use-cases as the API, acting through
a ``Principal`` built from the grant that opens the page (the audit trail names the person).

A page is opened by a grant AND its scope: a focal point's grant opens its own delegation only;
a press office grant opens the desk of its own conference only (an admin's every one)."""

from __future__ import annotations

import asyncio
import functools
from collections import Counter
from collections.abc import Collection, Mapping
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from aiohttp import web
from pydantic import ValidationError

from conference.accreditation import service as accreditations
from conference.accreditation.domain import (
    ANSWERS_PER_REQUEST,
    CORRECTABLE_STATUSES,
    Action,
    DeadlinePassed,
    MissingClearance,
    PressPerson,
    QuotaExceeded,
    Status,
    answers_left,
    blocking_duplicate,
    information_exchanges,
    name_in_capitals,
    names_look_swapped,
    rank_mismatch,
    withdrawable,
)
from conference.accreditation.models import (
    Accreditation,
    AccreditationIn,
    AmendmentIn,
    PressRole,
    missing_member_fields,
)
from conference.auth import Principal, Role
from conference.badges import service as badges
from conference.badges.domain import short_reference_code, show_short_reference
from conference.badges.handlers import badge_response
from conference.badges.render import render_png
from conference.calendar.invitations import feed_url, latest_published
from conference.conferences.lookup import conference_by_id, conference_by_slug
from conference.conferences.models import Conference
from conference.credentials import service as credentials
from conference.credentials.lookup import clearance_asked_among, clearance_refused_among
from conference.errors import (
    AnswersExhausted,
    Duplicate,
    DuplicateApproved,
    Forbidden,
    IllegalTransition,
    Invalid,
    NotFound,
    PoolFull,
)
from conference.http.context import connection, now, pool_key, settings_key, signer_key
from conference.http.io import private_file, read_form
from conference.http.routes import RouteTable
from conference.lifecycle import lookup as lifecycle_lookup
from conference.pages.handlers import (
    SWITCH,
    _countries,
    documents_to_give,
    identity_to_give,
    sent_before,
    switching,
)
from conference.pages.i18n import field_message
from conference.people.domain import (
    focal_point_of,
    may_open_conference,
    plausible_delegation_slug,
)
from conference.people.service import SignedIn
from conference.protocol.countries import country_name
from conference.protocol.ranks import RANK_ORDER
from conference.roles import organiser
from conference.workspaces import domain, frame, information
from conference.workspaces import repo as ws
from conference.workspaces import service as ws_service
from conference.workspaces.i18n import WTranslator

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
MEMBER_FIELDS = ("category", "given_name", "family_name", "email", "language", "gender", "rank",
                 "function", "function_fr", "function_en")
FUNCTIONS = {
    # the feminine forms too, as a woman's function is written (docs/protocol.md, "Titles in
    # the person's gender"): « Ambassadrice », « Directrice générale »
    "fr": ("Premier ministre", "Première ministre", "Ministre des Affaires étrangères",
           "Ministre", "Secrétaire d'État", "Ambassadeur", "Ambassadrice",
           "Représentant permanent", "Représentante permanente", "Directeur général",
           "Directrice générale", "Conseiller", "Conseillère", "Expert", "Experte"),
    "en": ("Prime Minister", "Minister for Foreign Affairs", "Minister", "Secretary of State",
           "Ambassador", "Permanent Representative", "Director-General", "Adviser", "Expert"),
}


def _uuid(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError:
        raise NotFound("No such page.") from None


# --- the delegation portal --------------------------------------------------------------------


class Portal:
    """What every portal page needs: who, which delegation, acting how."""

    def __init__(self, person: SignedIn, delegation: Any, conference: Conference,
                 principal: Principal, language: str) -> None:
        self.person, self.delegation, self.conference = person, delegation, conference
        self.principal, self.language = principal, language
        self.t = WTranslator(language)
        self.base = f"/delegation/{request_slug(delegation)}"
        country = delegation["country"]
        self.name = country_name(country, language) if country \
            else str((delegation["organisation"] or {}).get("name", ""))

    def closed(self, at: datetime) -> dict[str, str]:
        """What the deadlines have closed to this reader (``domain.closed_to``), each said in
        the page's language with the date and the protocol service's address: the page says
        it instead of a form the use-case would refuse once typed (docs/workspaces.md, "After
        the deadlines")."""
        c, t = self.conference, self.t
        return {kind: t(f"closed_{kind}", email=c.organiser_email,
                        when=t.with_conference(dl.at, c.timezone) if dl.with_conference
                        else t.datetime(dl.at, c.timezone))
                for kind, dl in domain.closed_to(self.principal.role, c.nominations_close_at,
                                                 c.changes_close_at, at, c.ends_on,
                                                 c.timezone).items()}

    def crumbs(self, *more: tuple[str, str | None]) -> list[tuple[str, str | None]]:
        home = (self.t("home_title"), "/workspaces")
        here = (self.t("delegation_title", name=self.name), self.base if more else None)
        return [home, here, *more]


def request_slug(delegation: Any) -> str:
    from conference.people.domain import delegation_slug

    return delegation_slug(delegation["conference_slug"], delegation["country"],
                           delegation["id"])


async def _portal(request: web.Request) -> Portal:
    person = await frame.signed_in(request)
    slug = request.match_info["slug"]
    if not plausible_delegation_slug(slug):
        raise NotFound("No such delegation.")
    async with connection(request) as conn:
        delegation = await ws.delegation_by_portal_slug(conn, slug)
        if delegation is None:
            raise NotFound("No such delegation.")
        conference = await conference_by_id(conn, delegation["conference_id"])
    if focal_point_of(person.grants, delegation["id"]):
        principal = Principal(0, Role.focal_point, delegation["id"], person_id=person.person_id)
    elif may_open_conference(person.grants, conference.id, "admin"):
        principal = Principal(0, Role.admin, person_id=person.person_id)
    else:
        raise Forbidden("Not this delegation's focal point.")
    return Portal(person, delegation, conference, principal, frame.language_of(request, person))


def _flash(p: Portal, request: web.Request) -> str | None:
    # the whole name (a given and a family name, 200 characters each)
    done, name = request.query.get("done"), frame.flash_text(request, "name", 401)
    if done in ("registered", "withdrawn") and name is not None:
        return p.t(f"flash_{done}", name=name)
    return None


@routes.add("GET", "/delegation/{slug}", summary="The delegation portal (HTML)",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def delegation_page(request: web.Request) -> web.Response:
    p = await _portal(request)
    d = p.delegation
    async with connection(request) as conn:
        members = await ws.members_of(conn, d["id"])
        published = await latest_published(conn, p.conference.id)
        letters, letters_total = await ws.letters_of(
            conn, d["id"], p.conference.id, d["focal_point_email"], page_size=LATEST_LETTERS)
        refused = await clearance_refused_among(conn, [m.id for m in members])
        # the security service's request, on the open members (docs/credentials.md)
        asked = await clearance_asked_among(conn, [m.id for m in members if m.status in (
            Status.submitted, Status.waitlisted, Status.approved)])
        # whose badge is ready, and whose waits for the security check (docs/workspaces.md)
        member_badges = await ws.member_badges(conn, d["id"])
        heads = await lifecycle_lookup.delegation_heads(conn, p.conference, d["id"])
    sessions = domain.delegation_programme(published.sessions if published else [], members,
                                           p.language, refused,
                                           p.conference.security_list_deadline)
    return frame.render(
        request, "delegation.html", p.language, person=p.person, conference=p.conference,
        title=p.t("delegation_title", name=p.name), crumbs=p.crumbs(), flash=_flash(p, request),
        delegation=d, members=members, head=domain.head_among(members, heads.get(d["id"])),
        sessions=sessions,
        namesakes=domain.namesakes(members),
        letters=letters, letters_total=letters_total, base=p.base, refused=refused, asked=asked,
        member_badges=member_badges, closed=p.closed(now(request)),
        deadlines=domain.deadlines(p.conference.nominations_close_at,
                                   p.conference.changes_close_at,
                                   p.conference.security_list_deadline, now(request),
                                   p.conference.ends_on, p.conference.timezone,
                                   royal=any(s.royal_presence and not s.cancelled
                                             for s in (published.sessions if published else []))),
        places=domain.places(members, d["quotas"] or {},
                             p.conference.quotas.model_dump(exclude_none=True)),
    )


LATEST_LETTERS = 10
"""The letters the portal's page shows, newest first; the others on the letters' own pages (a
delegation of twenty has some two hundred letters by the meeting: the page listed them all, up to
200, a phone's screen scrolling past every one, and the 201st was nowhere; tryout, 4 December
2026)."""


@routes.add("GET", "/delegation/{slug}/letters",
            summary="The delegation's letters, newest first, a page at a time (HTML)",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def delegation_letters(request: web.Request) -> web.Response:
    p = await _portal(request)
    d = p.delegation
    asked = domain.page_number(request.query.get("page", ""))
    async with connection(request) as conn:
        letters, total = await ws.letters_of(
            conn, d["id"], p.conference.id, d["focal_point_email"],
            page_size=domain.PAGE_SIZE, skip=domain.skip(asked))
    title = p.t("letters_title")
    return frame.render(
        request, "delegation_letters.html", p.language, person=p.person,
        conference=p.conference, title=title, crumbs=p.crumbs((title, None)), base=p.base,
        letters=letters, total=total, paging=domain.Paging.of(asked, total))


def _member_form(request: web.Request, p: Portal, values: dict[str, str], *,
                 errors: dict[str, str] | None = None, message: str | None = None,
                 status: int = 200, acc: Accreditation | None = None,
                 sent: bool = False, closed: str | None = None,
                 places: list[domain.Places] | None = None) -> web.Response:
    """The member form: registering a new member, or editing ``acc`` before the decision.
    ``sent``: the form was sent once (its errors were shown), so that the language control
    shows them again. ``closed``: the deadline that closed it, said in place of the form.
    ``places``: the delegation's places by category, said under the category of a new member
    (a full one too: the focal point learns it before typing the rest)."""
    t = p.t
    if acc is None:
        title, action, button = t("member_new_title"), f"{p.base}/members", t("register_button")
        crumbs = p.crumbs((title, None))
    else:
        name = f"{acc.given_name} {acc.family_name}"
        title, action = t("member_edit_title", name=name), f"{p.base}/members/{acc.id}/edit"
        button = t("member_edit_button")
        crumbs = p.crumbs((name, f"{p.base}/members/{acc.id}"), (t("member_edit_crumb"), None))
    return member_form_page(
        request, p.language, person=p.person, conference=p.conference, status=status,
        title=title, crumbs=crumbs, action=action, button=button, sent=sent, base=p.base,
        values=values, errors=errors, message=message, closed=closed,
        places_hint=_places_hint(t, places) if places and acc is None else None)


def member_form_page(request: web.Request, language: str, *, person: SignedIn,
                     conference: Conference, title: str, crumbs: list[tuple[str, str | None]],
                     action: str, button: str, base: str, values: dict[str, str],
                     errors: dict[str, str] | None = None, message: str | None = None,
                     status: int = 200, sent: bool = False, closed: str | None = None,
                     places_hint: str | None = None,
                     fields: Collection[str] = MEMBER_FIELDS,
                     note: str | None = None) -> web.Response:
    """The member form's page (``member_new.html``), for the portal and the console alike
    (docs/workspaces.md, "The member form"): ``fields``, the fields it shows (the portal's
    ``MEMBER_FIELDS``; the console's edit adds the date in office and leaves the category and
    the form of address to the member's); ``note``, a line said above the form."""
    t = WTranslator(language)
    return frame.render(
        request, "member_new.html", language, person=person, conference=conference,
        status=status, title=title, crumbs=crumbs, action=action, button=button,
        # The header's language control submits this form, marked ``switch``, with what is
        # typed in it now: it comes back filled in the other language, never filed
        # (docs/workspaces.md, "The language control"); a link would lose it.
        switch_to=action if request.method == "POST" else None, sent=sent,
        switch_submit=None if closed else {
            "form": "member-form", "name": SWITCH,
            "action": frame.with_lang(action, frame.other_language(language))},
        base=base, values=values, errors=errors or {}, message=message, closed=closed,
        fields=fields, note=note,
        categories=[(c, t(f"category_{c}")) for c in domain.MEMBER_CATEGORIES],
        places_hint=places_hint,
        languages=[("fr", t("lang_fr")), ("en", t("lang_en"))],
        genders=[("female", t("gender_female")), ("male", t("gender_male"))],
        ranks=[(r.value, t(f"rank_{r.value}")) for r in RANK_ORDER],
        functions=FUNCTIONS[language],
    )


def _places_hint(t: WTranslator, places: list[domain.Places]) -> str:
    """"Places de la délégation : Ministre 1 sur 1 (complet) ; Fonctionnaire 0 (sans limite) ;
    Expert 1 sur 2." (docs/workspaces.md, "The member form")."""
    said = []
    for q in places:
        category = t(f"category_{q.category}")
        if q.allowed is None:
            said.append(t("member_place_open", category=category, used=q.used))
        else:
            key = "member_place_full" if q.used >= q.allowed else "member_place"
            said.append(t(key, category=category, used=q.used, allowed=q.allowed))
    separator = "\u00a0; " if t.language == "fr" else "; "
    return t("member_places_hint", places=separator.join(said))


async def _places(request: web.Request, p: Portal) -> list[domain.Places]:
    async with connection(request) as conn:
        members = await ws.members_of(conn, p.delegation["id"])
    return domain.places(members, p.delegation["quotas"] or {},
                         p.conference.quotas.model_dump(exclude_none=True))


async def taken_words(request: web.Request, p: Portal, email: str,
                      other_than: UUID | None = None) -> str:
    """A taken address on a member form: when it is a member of this very delegation (whom
    the portal lists, address and all), who and in which status, and where to look; anyone
    else's, the words that say nothing of whose it is (docs/lifecycle.md, "Import").
    Tried as a focal point (2 December 2026): a minister registered twice was told to write to
    the protocol service."""
    async with connection(request) as conn:
        members = await ws.members_of(conn, p.delegation["id"])
    key = email.strip().casefold()
    for m in members:
        if m.email.casefold() == key and m.id != other_than and m.status not in (
                Status.withdrawn, Status.substituted):
            return p.t("err_duplicate_own", name=f"{m.given_name} {m.family_name}",
                       status=p.t(f"status_{m.status.value}").lower())
    return p.t("err_duplicate")


@routes.add("GET", "/delegation/{slug}/members/new", summary="Register a member: the form",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def member_new(request: web.Request) -> web.Response:
    p = await _portal(request)
    return _member_form(request, p, {"language": p.language},
                        closed=p.closed(now(request)).get("nominations"),
                        places=await _places(request, p))


@routes.add("POST", "/delegation/{slug}/members",
            summary="Register a member (HTML form); switch=1 (the header's language control) "
                    "only shows it again in ?lang, filled, never filed",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def member_register(request: web.Request) -> web.StreamResponse:
    p = await _portal(request)
    t = p.t
    form = await read_form(request)
    values = {n: str(form.get(n, "")).strip() for n in MEMBER_FIELDS}
    sent = sent_before(form)

    async def show(**answer: Any) -> web.Response:
        # the delegation's places read only for a form shown again, not for a member filed
        return _member_form(request, p, values, sent=sent, places=await _places(request, p),
                            **answer)

    if not frame.csrf_ok(request, form, p.person):
        return await show(message=t("csrf_failed"), status=403)
    body, errors, general = check_member(t, values, p.delegation["id"])
    if switching(form):  # the language control: shown again, not filed
        if not sent:  # a form never sent: nothing asked of it yet, no error
            return await show()
        if body is not None:
            try:
                await accreditations.check_register(request.app[pool_key], p.conference.slug,
                                                    body, p.principal, now(request))
            except Duplicate:
                errors = {"email": await taken_words(request, p, values["email"])}
        return await show(errors=errors, message=general)
    if body is None:
        return await show(errors=errors, message=general, status=422)
    try:
        created = await accreditations.register(request.app[pool_key], p.conference.slug, body,
                                                p.principal, now(request))
    except Duplicate:
        return await show(errors={"email": await taken_words(request, p, values["email"])},
                    status=409)
    except QuotaExceeded as exc:
        return await show(status=409, errors={"category": _quota_error(p, exc)})
    except DeadlinePassed:
        # the page as it is once closed (the notice, no form to send again; tried as a focal
        # point, 5 December 2026), else the refusal above the form
        if (closed := p.closed(now(request)).get("nominations")) is not None:
            return await show(closed=closed, status=409)
        return await show(message=t("err_nominations_closed"), status=409)
    # A rank that does not fit the category is filed, and said on the member's page, where the
    # edit link is (docs/protocol.md, "Rank and category"); otherwise back to the delegation.
    fits = rank_mismatch(created.category, created.rank) is None and not names_look_swapped(
        created.given_name, created.family_name) and name_in_capitals(
        created.given_name, created.family_name) is None
    raise web.HTTPSeeOther(frame.with_lang(
        p.base if fits else f"{p.base}/members/{created.id}", p.language, done="registered",
        **frame.flash_params(request, name=f"{created.given_name} {created.family_name}")))


def _quota_error(p: Portal, exc: QuotaExceeded) -> str:
    """A full quota on the member form: which category, how many places, and what the focal
    point can do next (ask the protocol service for a place, or substitute a member). Trying
    the product on a phone, "Quota atteint pour cette catégorie" under "Corrigez les champs
    signalés" left the focal point at a form no correction could pass."""
    used = exc.extra.get("used", 0)
    category = str(exc.extra.get("category", ""))
    return p.t.plural("err_quota", used, used=used, allowed=exc.extra.get("allowed", ""),
                      category=p.t(f"category_{category}") if category else "",
                      email=p.conference.organiser_email)


def check_member(t: WTranslator, values: dict[str, str], delegation_id: UUID,
                 fields: Collection[str] = MEMBER_FIELDS
                 ) -> tuple[AccreditationIn | None, dict[str, str], str | None]:
    """The member form's values checked in one pass (docs/workspaces.md, "The member form"):
    the member, or every error at once by field, in the page's language: the fields every
    member needs (category, names, e-mail, language), a value that is not one, and a
    minister's or an official's rank and function, named whatever else is wrong (the model
    checks those only once its fields are valid). Anything else is one general message.
    ``fields``: the fields the form shows, which errors are named on (the console's edit
    adds the date in office, a date the model reads as YYYY-MM-DD)."""
    data: dict[str, Any] = {n: v for n, v in values.items() if v}
    data["delegation_id"] = str(delegation_id)
    if data.get("category") not in domain.MEMBER_CATEGORIES:
        data["category"] = data.get("category") or None
    errors: dict[str, str] = {}
    general = None
    body = None
    try:
        body = AccreditationIn.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            field = str(err["loc"][-1]) if err["loc"] else ""
            if field == "in_office_since" and field in fields:
                errors.setdefault(field, t("err_in_office_since"))
            elif field in fields:
                errors.setdefault(field, field_message(t, field, dict(err)))
            elif not missing_member_fields(data.get("category"), data):
                general = t("err_member_invalid")
    if not values.get("language"):  # the form asks it of everyone (the API defaults it)
        errors.setdefault("language", t("err_required"))
    for field in missing_member_fields(data.get("category"), data):
        if field in fields:
            errors.setdefault(field, t("err_required_for"))
    if errors or general:
        return None, {n: errors[n] for n in fields if n in errors}, general
    return body, {}, None


async def _member(request: web.Request, p: Portal) -> Accreditation:
    accreditation_id = _uuid(request.match_info["accreditation_id"])
    try:
        acc = await accreditations.get(request.app[pool_key], accreditation_id, p.principal)
    except Forbidden:
        raise NotFound("No such member.") from None
    if acc.delegation_id != p.delegation["id"]:
        raise NotFound("No such member.")
    return acc


@routes.add("GET", "/delegation/{slug}/members/{accreditation_id}",
            summary="A member: status, history, badge and calendar once approved",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def member_page(request: web.Request) -> web.Response:
    p = await _portal(request)
    return await _member_view(request, p, await _member(request, p))


async def _member_view(request: web.Request, p: Portal, acc: Accreditation, *,
                       status: int = 200, errors: dict[str, str] | None = None,
                       message: str | None = None, answer: str = "") -> web.Response:
    """A member's page; ``errors``, ``message``, ``answer``: the focal point's answer to the
    office's request for more information, shown again with what refused it."""
    name = f"{acc.given_name} {acc.family_name}"
    approved = acc.status is Status.approved
    still_open = acc.status in (Status.submitted, Status.waitlisted, Status.approved)
    base_url = request.app[settings_key].base_url
    done = request.query.get("done")
    flash = None
    if done == "amended":
        flash = p.t("flash_amended", name=name)
    elif done == "registered":  # a rank that does not fit the category: filed, said below
        flash = None if frame.flash_text(request, "name", 100) is None else p.t(
            "flash_registered", name=name)
    elif done == "substituted":  # the new member's page, after the substitution
        old = frame.flash_text(request, "old", 100)
        flash = None if old is None else p.t("lc_flash_substituted", new=name, old=old)
    elif done == "answered":  # the focal point's answer for the member, sent
        flash = p.t("flash_answered", name=name)
    # no link to a badge that clearance withholds: the page says why instead
    # (docs/credentials.md, "What the person is told")
    clearance = await open_clearance(request, p, acc)
    missing = clearance if approved else None
    # the documents' state, read once for both the "to do" and who asks the clearance question
    documents = await credentials.documents_state(request.app[pool_key], acc.id, p.principal) \
        if clearance == "more_information" else None
    # a member still editable, but not by this reader any more: said where the link was
    edit_closed = p.closed(now(request)).get("changes") if domain.editable(acc) else None
    # the office's requests for more information and the answers, and while one waits the
    # form to answer on the member's behalf (docs/workspaces.md, "Asking for more information")
    exchanges = information_exchanges(acc.history or [])
    under_review = acc.status in accreditations.UNDER_REVIEW
    return frame.render(
        request, "member.html", p.language, person=p.person, conference=p.conference,
        title=name, crumbs=p.crumbs((name, None)), base=p.base, acc=acc, flash=flash,
        status=status, errors=errors or {}, message=message, exchanges=exchanges,
        information_todo=under_review and bool(exchanges) and not exchanges[-1].answers,
        answers_exhausted=ANSWERS_PER_REQUEST if under_review and exchanges
        and not answers_left(exchanges) else 0,
        # the focal point answers on the member's behalf; an admin opening the portal reads
        can_answer=under_review and answers_left(exchanges) > 0
        and p.principal.role is Role.focal_point,
        answer=answer,
        can_withdraw=withdrawable(acc.status, acc.category),
        can_edit=domain.editable(acc) and edit_closed is None, edit_closed=edit_closed,
        # what to check on the filing, while it is open: a member substituted or withdrawn
        # kept « veuillez vérifier la catégorie », which no one could act on (tryout of a
        # substitution, 2 December 2026)
        fit=rank_mismatch(acc.category, acc.rank) if still_open else None,
        # a given name in capitals (the badge prints it as filed): said as the import says it
        names_swapped=still_open and names_look_swapped(acc.given_name, acc.family_name),
        # a name all in capitals ("Dear Ms ĆOSIĆ"): said as the import's check says it
        names_capitals=name_in_capitals(acc.given_name, acc.family_name) if still_open
        else None,
        badge=f"{p.base}/members/{acc.id}/badge" if approved and missing is None else None,
        # a badge downloaded without a photo prints an empty frame: said by its link, as the
        # console's badge page says it (docs/credentials.md, "Photo")
        badge_no_photo=approved and missing is None
        and await credentials.photo_size(request.app[pool_key], acc.id) is None,
        # printed when, collected by whom: the empty-frame warning only before (tryout)
        badge_made=await _badge_made(request, acc) if approved and missing is None else None,
        # the badge's short reference, to read out over the phone, never the UUID
        # (docs/credentials.md, "Short reference"); none before the approval
        short_reference=await accreditations.badge_short_reference(
            request.app[pool_key], acc.id, p.principal) if approved and missing is None
        else None,
        badge_withheld=None if missing is None else (
            "refused" if missing == "refused" else "awaited"),
        feed=feed_url(base_url, request.app[signer_key], acc.id) if approved else None,
        linked_names=await frame.linked_names(request, acc, p.principal),
        identity_todo=await identity_to_give(request.app[pool_key], p.conference, acc,
                                             p.principal),
        documents_todo=await documents_to_give(request.app[pool_key], acc, p.principal, p.t,
                                               documents),
        # who asks: protocol setting the status itself is not told as the security service
        # (docs/credentials.md, "Vetting")
        more_information_todo=(documents.security_question_by or "security")
        if documents is not None else None,
    )


async def open_clearance(request: web.Request, p: Portal, acc: Accreditation
                         ) -> MissingClearance:
    """The vetting status that stops an open member's badge (``missing_clearance``: the status
    alone, never the reason), None for a closed application: the member's pages say what is
    to do when the security service asked for more information, whatever the decision
    (docs/credentials.md, "What the person is told"). Tried as a focal point (2 December
    2026): the letter led to the member's documents page, which said nothing of the request."""
    if acc.status.value not in ("submitted", "waitlisted", "approved"):
        return None
    return await accreditations.missing_clearance(request.app[pool_key], acc.id, p.principal)


@routes.add("POST", "/delegation/{slug}/members/{accreditation_id}/information",
            summary="Answer, on the member's behalf, the office's request for more information "
                    "in words (HTML form)",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def member_answer(request: web.Request) -> web.StreamResponse:
    """The focal point's answer for the member, through the use-case the member's own page
    and the API call (``conference.accreditation.service.give_information``): 403 without the
    form's token (or for an admin, who reads the portal but answers for nobody), 422 naming
    the field, 409 once decided or withdrawn; the member's page again, saying it was sent
    (docs/workspaces.md, "Asking for more information")."""
    p = await _portal(request)
    t = p.t
    acc = await _member(request, p)
    form = await read_form(request)
    answer = str(form.get("answer", ""))[:4000]
    show = functools.partial(_member_view, request, p, acc, answer=answer)
    if not frame.csrf_ok(request, form, p.person):
        return await show(message=t("csrf_failed"), status=403)
    try:
        # the use-case joins a textarea's lines and says what it does not take (empty, too
        # long, a control character) as the API does
        await accreditations.give_information(request.app[pool_key], acc.id, answer,
                                               p.principal, now(request))
    except Invalid:
        return await show(errors={"answer": t("err_member_answer")}, status=422)
    except IllegalTransition as exc:
        status = str(exc.extra.get("status_now", ""))
        return await show(status=409, message=t(
            "member_answer_not_now", status=t(f"status_{status}").lower())
            if status not in ("submitted", "waitlisted") else t("member_answer_not_asked"))
    except AnswersExhausted:
        return await show(status=409, message=t("member_answers_exhausted",
                                                count=ANSWERS_PER_REQUEST))
    raise web.HTTPSeeOther(frame.with_lang(f"{p.base}/members/{acc.id}", p.language,
                                           done="answered") + "#asked-title")


def member_values(acc: Accreditation) -> dict[str, str]:
    """A member's current values as the member form shows them."""
    return {"category": acc.category.value, "given_name": acc.given_name,
            "family_name": acc.family_name, "email": acc.email, "language": acc.language,
            "gender": acc.gender or "", "rank": acc.rank.value if acc.rank else "",
            "function": acc.function or "", "function_fr": acc.function_fr or "",
            "function_en": acc.function_en or "",
            "in_office_since": acc.in_office_since.isoformat() if acc.in_office_since else ""}


async def _decided_page(request: web.Request, p: Portal, acc: Accreditation | None = None,
                        status: str | None = None) -> web.Response:
    """A decided member's edit page (409): ask for a substitution, or, once substitutions are
    closed too, the protocol service (it sent the focal point to a closed route; tryout)."""
    said = p.t(f"status_{acc.status.value if acc else status}")
    closed = p.closed(now(request)).get("changes")
    if closed:
        return await frame.error_page(request, 409, p.t("err_edit_decided_closed", status=said,
                                                         closed=closed))
    return await frame.error_page(request, 409, p.t("err_edit_decided", status=said))


@routes.add("GET", "/delegation/{slug}/members/{accreditation_id}/edit",
            summary="Edit a member before the decision: the form",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409))
@frame.page
async def member_edit_form(request: web.Request) -> web.Response:
    p = await _portal(request)
    acc = await _member(request, p)
    if not domain.editable(acc):
        return await _decided_page(request, p, acc)
    return _member_form(request, p, member_values(acc), acc=acc,
                        closed=p.closed(now(request)).get("changes"))


@routes.add("POST", "/delegation/{slug}/members/{accreditation_id}/edit",
            summary="Edit a member before the decision (HTML form); switch=1 (the header's "
                    "language control) only shows it again in ?lang, never saved",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def member_edit(request: web.Request) -> web.StreamResponse:
    p = await _portal(request)
    t = p.t
    acc = await _member(request, p)
    form = await read_form(request)
    values = {n: str(form.get(n, "")).strip() for n in MEMBER_FIELDS}
    sent = sent_before(form)
    show = functools.partial(_member_form, request, p, values, acc=acc, sent=sent)
    if not frame.csrf_ok(request, form, p.person):
        return show(message=t("csrf_failed"), status=403)
    if not domain.editable(acc):
        return await _decided_page(request, p, acc)
    member, errors, general = check_member(t, values, p.delegation["id"])
    if switching(form):  # the language control: shown again, not saved
        # a form never sent: nothing asked of it yet, no error
        return show(errors=errors, message=general) if sent else show()
    if member is None:
        return show(errors=errors, message=general, status=422)
    body = AmendmentIn.model_validate(member.model_dump(
        include={"category", "given_name", "family_name", "email", "language", "gender", "rank",
                 "function", "function_fr", "function_en"}))
    try:
        await accreditations.amend(request.app[pool_key], acc.id, body, p.principal,
                                   now(request))
    except Duplicate:
        return show(errors={"email": await taken_words(request, p, values["email"], acc.id)},
                    status=409)
    except QuotaExceeded as exc:
        return show(errors={"category": _quota_error(p, exc)}, status=409)
    except DeadlinePassed:
        return show(message=t("err_changes_closed"), status=409)
    except IllegalTransition as exc:
        return await _decided_page(request, p,
                                   status=str(exc.extra.get("status_now", "submitted")))
    raise web.HTTPSeeOther(frame.with_lang(f"{p.base}/members/{acc.id}", p.language,
                                           done="amended"))


async def _badge_made(request: web.Request, acc: Accreditation) -> domain.MemberBadge | None:
    """A member's badge as the list of members says it: when it was printed, and who collected
    it in the delegation's pack and when (docs/workspaces.md, "The delegation portal")."""
    if acc.delegation_id is None:
        return None
    async with connection(request) as conn:
        return (await ws.member_badges(conn, acc.delegation_id)).get(acc.id)


@routes.add("GET", "/delegation/{slug}/members/{accreditation_id}/badge",
            summary="A member's badge (PNG), once approved", who="the delegation's focal point",
            tag="workspaces", media=("image/png", "text/html"), error_media=PAGE_ERRORS,
            errors=(403, 404, 409))
@frame.page
async def member_badge(request: web.Request) -> web.Response:
    p = await _portal(request)
    acc = await _member(request, p)
    content = await badges.badge(request.app[pool_key], request.app[signer_key], acc.id,
                                 p.principal)
    png = await asyncio.to_thread(render_png, content)
    return badge_response(png, acc.id)


async def _not_withdrawn(request: web.Request, p: Portal, acc: Accreditation, status: str
                         ) -> web.Response:
    """A member the portal no longer withdraws (409), reached from an old link or a bookmark:
    said at once, before any confirmation, with what to do instead (an approved member: a
    substitution on their page, or the protocol service) and the way back to the member
    (docs/workspaces.md, "The delegation portal"). It showed the confirmation, then « Cette
    action n'est plus possible » with a link to the workspaces only (tryout)."""
    name = f"{acc.given_name} {acc.family_name}"
    said = p.t(f"status_{status}")
    key = "err_withdraw_approved" if status == "approved" else "err_withdraw_ended"
    return await frame.error_page(
        request, 409, p.t(key, name=name, status=said, email=p.conference.organiser_email),
        title=p.t("withdraw_title"),
        back=(f"{p.base}/members/{acc.id}", p.t("back_to_member", name=name)))


@routes.add("GET", "/delegation/{slug}/members/{accreditation_id}/withdraw",
            summary="Withdraw a member: the confirmation step",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409))
@frame.page
async def member_withdraw_confirm(request: web.Request) -> web.Response:
    p = await _portal(request)
    acc = await _member(request, p)
    name = f"{acc.given_name} {acc.family_name}"
    if not withdrawable(acc.status, acc.category):
        return await _not_withdrawn(request, p, acc, acc.status.value)
    return frame.render(
        request, "member_withdraw.html", p.language, person=p.person, conference=p.conference,
        title=p.t("withdraw_title"),
        crumbs=p.crumbs((name, f"{p.base}/members/{acc.id}"), (p.t("withdraw_title"), None)),
        base=p.base, acc=acc,
    )


@routes.add("POST", "/delegation/{slug}/members/{accreditation_id}/withdraw",
            summary="Withdraw a member (HTML form)", who="the delegation's focal point",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 409))
@frame.page
async def member_withdraw(request: web.Request) -> web.StreamResponse:
    p = await _portal(request)
    acc = await _member(request, p)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, p.person):
        return await frame.error_page(request, 403, p.t("csrf_failed"))
    reason = " ".join(str(form.get("reason", "")).split())[:2000] or None
    try:
        await accreditations.withdraw(request.app[pool_key], acc.id, reason, p.principal,
                                      now(request))
    except IllegalTransition as exc:
        return await _not_withdrawn(request, p, acc,
                                    str(exc.extra.get("status_now", acc.status.value)))
    raise web.HTTPSeeOther(frame.with_lang(
        p.base, p.language, done="withdrawn",
        **frame.flash_params(request, name=f"{acc.given_name} {acc.family_name}")))


# --- the press office desk --------------------------------------------------------------------


class Desk:
    def __init__(self, person: SignedIn, conference: Conference, principal: Principal,
                 language: str) -> None:
        self.person, self.conference, self.principal = person, conference, principal
        self.language = language
        self.t = WTranslator(language)
        self.base = f"/manage/{conference.slug}/press"

    def crumbs(self, *more: tuple[str, str | None], place: Mapping[str, str] | None = None
               ) -> list[tuple[str, str | None]]:
        """The breadcrumbs; ``place``: the queue's place the desk's crumb leads back to."""
        queue = f"{self.base}?{urlencode(place)}" if place else self.base
        return [(self.t("home_title"), "/workspaces"),
                (self.t("press_desk_title"), queue if more else None), *more]


async def open_desk(request: web.Request) -> Desk:
    person = await frame.signed_in(request)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
    if may_open_conference(person.grants, conference.id, "press_office"):
        role = Role.press_office
    elif may_open_conference(person.grants, conference.id, "admin"):
        role = Role.admin
    else:
        raise Forbidden("Not this conference's press office.")
    return Desk(person, conference, Principal(0, role, person_id=person.person_id),
                frame.language_of(request, person))


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@routes.add("GET", "/manage/{slug}/press", summary="The press office desk: the queue (HTML)",
            who="press_office, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def press_queue(request: web.Request) -> web.Response:
    return await _queue_page(request, await open_desk(request), request.query)


QUEUE_ROLES = ("journalist", "photographer", "camera", "technician")
QUEUE_PAGE_SIZE = 200
"""The applications of one page of the press queue: as many as one batch takes, so that a page
can be ticked whole (docs/workspaces.md, "The press office desk")."""


def queue_filters(q: Mapping[str, str]) -> dict[str, str]:
    """The queue's filters as ``q`` gives them, each checked (an unknown value is no filter):
    the queue's, and the application's page opened from it, whose decision leads back to the
    queue as it was filtered. No status is the applications still to decide (the desk opens on
    them), ``all`` every one (docs/workspaces.md, "The press office desk"); "Letters not
    delivered" is a filter like the others, within the tab chosen: "To decide" and it are the
    applications still to decide whose letter did not arrive (docs/workspaces.md, "Letters not
    delivered")."""
    undelivered = "1" if q.get("undelivered", "") == "1" else ""
    status = q.get("status", "") if q.get("status", "") in {s.value for s in Status} | {
        "all"} else ""
    return {
        "status": status,
        "role": q.get("role", "") if q.get("role", "") in QUEUE_ROLES else "",
        "country": q.get("country", "")[:2].upper() if q.get("country", "").isalpha() else "",
        "day": q.get("day", "") if _day(q.get("day", "")) else "",
        "q": domain.search_text(q.get("q", "")),
        # "Letters not delivered" (docs/workspaces.md, "Letters not delivered")
        "undelivered": undelivered,
    }


def queue_place(q: Mapping[str, str]) -> dict[str, str]:
    """Where the officer is in the queue: its filters (:func:`queue_filters`) and its page,
    each checked, only those set. An application opened from the queue, and each form of its
    page, carry it; the action leads back there (docs/workspaces.md, "The officer's place")."""
    place = {k: v for k, v in queue_filters(q).items() if v}
    page = domain.page_number(q.get("page", ""))
    if page > 1:
        place["page"] = str(page)
    return place


def place_sent(form: Mapping[str, Any], request: web.Request) -> dict[str, str]:
    """The queue's place a form sent back (``frame.place_sent``, read as :func:`queue_place`
    reads the queue's address)."""
    return frame.place_sent(form, request.query, queue_place)


async def _queue_page(request: web.Request, d: Desk, q: Mapping[str, str], *,
                      error: str | None = None, status: int = 200,
                      selected: Collection[UUID] = ()) -> web.Response:
    """The queue with the filters of ``q``; ``error`` is the batch form's message (nothing
    ticked, no decision, a refused batch), shown above the list and linked to it;
    ``selected`` stay ticked, so that a refused batch is not ticked again one by one."""
    statuses = [s.value for s in Status]
    roles = QUEUE_ROLES
    filters = queue_filters(q)
    to_decide = [s.value for s in accreditations.UNDER_REVIEW]
    page, size = domain.page_number(q.get("page", "")), QUEUE_PAGE_SIZE
    async with connection(request) as conn:
        # one search box: name, outlet, press card number, email address, or the badge's short
        # reference read out over the phone, typed with or without its dash as at the door
        # (docs/workspaces.md, "The press office desk")
        items, total = await ws.press_queue_page(
            conn, d.conference.id, statuses=None if filters["status"] == "all"
            else [filters["status"]] if filters["status"] else to_decide,
            role=filters["role"] or None, country=filters["country"] or None,
            day=_day(filters["day"]), search=domain.like_pattern(filters["q"]) or None,
            code=short_reference_code(filters["q"]) if filters["q"] else None,
            page_size=size, skip=domain.skip(page, size),
            undelivered=filters["undelivered"] == "1")
        # the letters that did not reach a journalist, marked on their line; how many
        # applications have one, on the filter (docs/workspaces.md, "Letters not delivered")
        undelivered = await ws.press_undelivered(conn, d.conference.id, None)
        counts = await ws.press_counts(conn, d.conference.id)
        present = await ws.press_countries(conn, d.conference.id)
        asked = await ws.information_requests(conn, d.conference.id, [a.id for a in items])
        references = {i: show_short_reference(c) for i, c in (
            await ws.press_short_references(conn, [a.id for a in items])).items()}
    paging = domain.Paging.of(page, total, size)
    # "Letters not delivered" within the tab: how many of its applications have one (the
    # filter's count); the tabs count those when it is ticked, as each would list them
    # (docs/workspaces.md, "Letters not delivered")
    undelivered_counts = Counter(letters[0]["status"] for letters in undelivered.values())
    tab = None if filters["status"] == "all" else [filters["status"]] if filters[
        "status"] else to_decide
    undelivered_here = sum(n for s, n in undelivered_counts.items() if tab is None or s in tab)
    tab_counts = dict(undelivered_counts) if filters["undelivered"] else counts
    duplicates = await ws_service.press_duplicates(request.app[pool_key], d.conference.id,
                                                   d.principal)
    # The filter offers the countries the applications come from (and the one chosen), in the
    # reader's language and order; every country is still named in the list below.
    named = _countries(d.language)
    countries = [(c, n) for c, n in named if c in present or c == filters["country"]]
    flash = None
    if q.get("done") == "batch":
        decision = q.get("decision", "")
        key = f"flash_batch_{decision}" if decision in ("approve", "waitlist") else "flash_batch"
        count, already = q.get("count", "0")[:4], q.get("already", "")[:4]
        flash = d.t.plural(key, count) if count != "0" or not already else None
        if already.isdigit() and already != "0":
            said = d.t.plural("flash_batch_already_waitlisted", already)
            flash = said if flash is None else f"{flash} {said}"
    elif q.get("done") in ("approve", "waitlist", "reject", "revoke", "information"):
        name = frame.flash_text(request, "name", 100)
        flash = None if name is None else d.t(f"flash_{q['done']}", name=name)
    return frame.render(
        request, "press_queue.html", d.language, person=d.person, conference=d.conference,
        title=d.t("press_desk_title"), crumbs=d.crumbs(), flash=flash, base=d.base,
        switch_to=d.base, items=items, counts=counts, filters=filters, statuses=statuses,
        roles=roles, duplicates=duplicates, asked=asked, references=references,
        tab_counts=tab_counts, to_decide=sum(tab_counts.get(s, 0) for s in to_decide),
        countries=countries, country_names=dict(named), error=error, status=status,
        selected=set(selected), paging=paging, first=domain.skip(paging.page, size) + 1,
        page_params={k: v for k, v in filters.items() if v},
        # where the officer is, which an application opened from here carries
        place={**{k: v for k, v in filters.items() if v},
               **({"page": str(paging.page)} if paging.page > 1 else {})},
        undelivered={i: letters for i, letters in undelivered.items()
                     if i in {a.id for a in items}},
        undelivered_count=undelivered_here,
        undelivered_elsewhere=len(undelivered) - undelivered_here,
    )


async def _application(request: web.Request, d: Desk) -> Accreditation:
    accreditation_id = _uuid(request.match_info["accreditation_id"])
    try:
        acc = await accreditations.get(request.app[pool_key], accreditation_id, d.principal)
    except Forbidden:
        raise NotFound("No such application.") from None
    if acc.conference != d.conference.slug or acc.press is None:
        raise NotFound("No such application.")
    return acc


async def _application_page(request: web.Request, d: Desk, acc: Accreditation, *,
                            values: dict[str, str] | None = None,
                            errors: dict[str, str] | None = None, message: str | None = None,
                            status: int = 200, duplicates: list[PressPerson] | None = None,
                            correction: dict[str, str] | None = None,
                            information: dict[str, str] | None = None,
                            editing: str = "", sent: bool = False,
                            place: Mapping[str, str] | None = None,
                            ) -> web.Response:
    """``editing``: the form posted (``decision``, ``information``, ``correct``,
    ``revoke``), which the header's language control then carries; ``sent``: it was sent (its
    errors shown), so its language switch shows them again (``pages.handlers.sent_before``);
    ``place``: the queue's place the forms carry (a posted form's), else the address's."""
    name = f"{acc.given_name} {acc.family_name}"
    flash = None
    if request.query.get("done") == "corrected":
        flash = d.t("flash_corrected", name=name)
    elif request.query.get("done") == "corrected_reprint" and (
            old := frame.flash_text(request, "old", 20)):
        flash = d.t("flash_corrected_reprint", name=name, old=old,
                    new=frame.flash_text(request, "ref", 20) or "")
    elif request.query.get("done") == "unchanged":
        flash = d.t("flash_unchanged")
    elif request.query.get("done") == "added" and frame.flash_text(request, "name", 400):
        flash = d.t("walkin_flash", name=name)
    elif request.query.get("done") == "information":
        asked = frame.flash_text(request, "name", 100)
        flash = None if asked is None else d.t("flash_information", name=asked)
    if acc.status in CORRECTABLE_STATUSES and correction is None:
        correction = _correction_values(acc)
    async with connection(request) as conn:
        counts = await ws.press_counts(conn, d.conference.id)
    if duplicates is None:
        duplicates = await _duplicates_of(request, d, acc)
    in_pool = await _pool_of(request, d, acc)
    documents = await _documents(request, d, acc)
    photo = await credentials.photo_size(request.app[pool_key], acc.id) \
        if documents is not None else None
    country = acc.press.country if acc.press else None
    queue = dict(place) if place is not None else queue_place(request.query)
    async with connection(request) as conn:
        letters = (await ws.press_undelivered(conn, d.conference.id, [acc.id])).get(acc.id, [])
    # each form's own language button, and the header's, which carries the form being edited
    # (docs/workspaces.md, "The language control"); a link would lose what was typed
    shown = {"decision": domain.allows(acc.status, Action.reject),
             "information": acc.status in accreditations.UNDER_REVIEW,
             "correct": correction is not None and acc.status in CORRECTABLE_STATUSES,
             "revoke": domain.offers_revocation(acc.status)}
    form_switch, switch_submit = frame.form_switches(
        d.language, {form: f"{d.base}/{acc.id}/{form}" for form in PRESS_FORMS if shown[form]},
        editing)
    return frame.render(
        request, "press_application.html", d.language, person=d.person, status=status,
        form_switch=form_switch, switch_submit=switch_submit, sent_form=editing if sent else "",
        conference=d.conference, title=name, crumbs=d.crumbs((name, None), place=queue),
        base=d.base,
        acc=acc, values=values or {}, errors=errors or {}, message=message,
        country=country_name(country, d.language) if country else None,
        approved=counts.get("approved", 0),
        can_decide=domain.allows(acc.status, Action.reject),
        can_revoke=domain.offers_revocation(acc.status),
        decisions=("approve", "waitlist", "reject") if acc.status is Status.submitted
        else ("approve", "reject"),
        reason_templates=[(str(r.id), r.text(d.language)) for r in await ws_service.press_reasons(
            request.app[pool_key], d.conference.id, d.principal, now(request))],
        documents=documents,
        # the photo the journalist gave, seen before deciding (docs/workspaces.md, "The press
        # office desk"); nothing once the person is erased
        photo=photo,
        # the badge waits for the photo the conference prints on press badges, said before
        # anyone approves (docs/credentials.md, "Photo required")
        photo_awaited=documents is not None and photo is None
        and acc.category.value in d.conference.photo_required,
        can_ask=acc.status in accreditations.UNDER_REVIEW,
        # the request is quoted as written in the journalist's letter, in their language, which
        # the form names as the decision's does (docs/workspaces.md, "Asking for more
        # information")
        written_in=d.t("acc_write_in", language=d.t(f"in_language_{acc.language}")),
        # each request for more information with the journalist's answers in words
        # (docs/workspaces.md, "Asking for more information")
        exchanges=information_exchanges(acc.history or []),
        information=information or {},
        # the clearance that would withhold the badge, said before anyone approves
        # (docs/credentials.md, "What the person is told")
        clearance=await accreditations.missing_clearance(request.app[pool_key], acc.id,
                                                         d.principal),
        duplicates=duplicates, flash=flash,
        correction=correction if acc.status in CORRECTABLE_STATUSES else None,
        press_roles=[(r.value, d.t(f"role_{r.value}")) for r in PressRole],
        # every form's errors named and linked at the top, each field by its label
        # (docs/workspaces.md, "Errors in sight"): on a phone the decision form sits a
        # screen or two below, and a refusal without a reason answered with the page's top
        # and nothing in view
        summary_labels={**{f: d.t(f) for f in CORRECTION_FIELDS},
                        **{f: d.t(label) for f, label in _SUMMARY_LABELS.items()}},
        summary_targets=_SUMMARY_TARGETS,
        # the queue's place it was opened from, which each form carries and its action leads
        # back to (docs/workspaces.md, "The officer's place")
        queue=queue, back=urlencode(queue),
        # the letters that did not reach the journalist, in words (docs/workspaces.md,
        # "Letters not delivered")
        undelivered=[{"letter": d.t(f"letter_{x['template']}" if x["template"]
                                    in domain.LETTER_NAMES else "letter_other"),
                      "when": d.t.datetime(x["created_at"], d.conference.timezone),
                      "failure": domain.letter_failure(x["last_error"], x["parked"])}
                     for x in letters],
        # the press pool they cover for (docs/workspaces.md, "Press pools"): an approved
        # journalist's, or "in no pool"; a member not approved (any longer) is named too
        show_pool=in_pool is not None or acc.status is Status.approved, in_pool=in_pool,
        # the badge's short reference, which the journalist reads out over the phone
        # (docs/credentials.md, "Short reference"); none before the approval
        short_reference=await accreditations.badge_short_reference(
            request.app[pool_key], acc.id, d.principal)
        if acc.status is Status.approved else None,
    )


async def _pool_of(request: web.Request, d: Desk, acc: Accreditation) -> str | None:
    """The name of the press pool the journalist is in, if any."""
    found = await badges.pool_of(request.app[pool_key], organiser(d.principal),
                                 d.conference.slug, acc.id)
    return None if found is None else found.name


PRESS_FORMS = ("decision", "information", "correct", "revoke")
"""The press desk's application page's forms, in the page's order."""


CORRECTION_FIELDS = ("given_name", "family_name", "outlet", "press_card_number", "role",
                     "correction_reason")
"""The press desk's correction form (docs/workspaces.md, "Correcting a journalist")."""
_CORRECTION_FIELD = {"given_name": "given_name", "family_name": "family_name",
                     "press.outlet": "outlet", "press.press_card_number": "press_card_number",
                     "press.role": "role", "reason": "correction_reason"}
"""The field an error of the use-case names, as the form names it."""


_SUMMARY_LABELS = {"decision": "decision", "reason_template": "reason_template",
                   "reason": "reason_written", "confirm_duplicate": "dup_confirm",
                   "information_message": "information_message",
                   "revoke_reason": "revoke_reason", "revoke_confirm": "revoke_confirm"}
"""The label (its translation key) by which the summary names a field of the decision,
information and revocation forms."""
_SUMMARY_TARGETS = {"decision": "decision-approve"}
"""The element a summary's line links to where it is not the field's own id: the radio
buttons' first choice (the heading, an h2, took no focus: a keyboard tryout)."""


def _correction_values(acc: Accreditation) -> dict[str, str]:
    assert acc.press is not None
    return {"given_name": acc.given_name, "family_name": acc.family_name,
            "outlet": acc.press.outlet, "press_card_number": acc.press.press_card_number,
            "role": acc.press.role.value, "correction_reason": ""}


async def _duplicates_of(request: web.Request, d: Desk, acc: Accreditation
                         ) -> list[PressPerson]:
    """The applications ``acc`` probably duplicates (docs/workspaces.md, "Possible
    duplicates")."""
    found = await ws_service.press_duplicates(request.app[pool_key], d.conference.id,
                                              d.principal)
    return found.get(acc.id, [])


async def _documents(request: web.Request, d: Desk, acc: Accreditation) -> Any:
    """The documents asked of the applicant and given (none shown once the person is erased)."""
    try:
        return await credentials.documents_state(request.app[pool_key], acc.id, d.principal)
    except NotFound:
        return None


@routes.add("GET", "/manage/{slug}/press/{accreditation_id}",
            summary="A press application: details, history, decision, revocation (HTML)",
            who="press_office, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def press_application(request: web.Request) -> web.Response:
    d = await open_desk(request)
    return await _application_page(request, d, await _application(request, d))


@routes.add("GET", "/manage/{slug}/press/{accreditation_id}/photo",
            summary="A press applicant's photo, for the press desk (JPEG)",
            who="press_office, admin", tag="workspaces", media=("image/jpeg", "text/html"),
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def press_photo(request: web.Request) -> web.Response:
    d = await open_desk(request)
    acc = await _application(request, d)
    data, media = await credentials.get_photo(request.app[pool_key], acc.id, d.principal)
    return private_file(data, media)


@routes.add("POST", "/manage/{slug}/press/{accreditation_id}/information",
            summary="Ask a journalist for more information before deciding; mailed with their "
                    "private link (HTML form); switch=1 (a language button) only shows the "
                    "page again in ?lang, filled, never asked",
            who="press_office, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def press_ask_information(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    acc = await _application(request, d)
    form = await read_form(request)
    place = place_sent(form, request)
    show = functools.partial(_application_page, request, d, acc,
                             information=information.values(form), editing="information",
                             sent=sent_before(form), place=place)
    # back to the queue where the officer was (docs/workspaces.md, "The officer's place")
    return await information.ask(request, form, acc, d, show=show, back=d.base, place=place,
                                 missing=d.t("err_information_message"))


@routes.add("POST", "/manage/{slug}/press/{accreditation_id}/decision",
            summary="Decide on a press application (HTML form); switch=1 (a language button) "
                    "only shows the page again in ?lang, filled, never decided",
            who="press_office, admin",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def press_decide(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    acc = await _application(request, d)
    form = await read_form(request)
    values = {n: str(form.get(n, "")).strip() for n in ("decision", "reason_template",
                                                         "reason")}
    values["confirm_duplicate"] = "1" if form.get("confirm_duplicate") == "1" else ""
    sent = sent_before(form)
    switched = switching(form)
    place = place_sent(form, request)
    show = functools.partial(_application_page, request, d, acc, values=values,
                             editing="decision", sent=sent, place=place)

    async def refuse(status: int, **said: Any) -> web.Response:
        """A refusal; on the language switch the form again, with it once sent only."""
        if switched:
            return await show(**{k: v for k, v in said.items()
                                 if sent or k not in ("errors", "message")})
        return await show(status=status, **said)

    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    decision = values["decision"]
    if decision not in ("approve", "waitlist", "reject"):
        return await refuse(422, errors={"decision": d.t("err_pick_decision")})
    template = None
    if values["reason_template"]:
        try:
            template = await ws_service.press_reason(
                request.app[pool_key], d.conference.id, UUID(values["reason_template"]),
                d.principal)
        except (ValueError, NotFound):
            return await refuse(422, errors={"reason_template": d.t("err_reason_gone")})
    reason = " ".join(values["reason"].split())[:2000] or (
        template.text(acc.language) if template else None)
    if decision == "reject" and not reason:
        return await refuse(422, errors={"reason": d.t("err_reason_required")})
    confirmed = decision == "approve" and values["confirm_duplicate"] == "1"
    if decision == "approve" and not confirmed:
        # A possible duplicate (docs/workspaces.md, "Possible duplicates") is approved only
        # once the press officer ticks that they checked it is another person; beside an
        # approved one, the refusal names it (one person, one place in the pool).
        duplicates = await _duplicates_of(request, d, acc)
        errors = {"confirm_duplicate": d.t("err_dup_confirm")}
        approved = blocking_duplicate(duplicates)
        if approved is not None:
            return await refuse(409, duplicates=duplicates, errors=errors,
                                message=d.t("err_dup_approved_tick", name=approved.name))
        if duplicates:
            return await refuse(422, duplicates=duplicates, errors=errors)
    if switched:  # the language control: shown again, never decided
        return await show()
    try:
        # the ticked box is the officer's confirmation: the approval records it (its trail's
        # line "not the same person") when it overrides the rule
        await accreditations.decide(request.app[pool_key], acc.id, decision, reason, d.principal,
                                    now(request), not_a_duplicate=confirmed)
    except (IllegalTransition, PoolFull, DuplicateApproved) as exc:
        # the service's own check (a duplicate approved since the page's): the same words
        return await show(message=frame.decision_refused(d.t, exc, acc.status.value), status=409)
    # back to the queue where the officer was: its tab, filters, search and page (the day's
    # applications under review, at the peak; docs/workspaces.md, "The officer's place")
    raise web.HTTPSeeOther(frame.with_lang(
        d.base, d.language, done=decision, **place,
        **frame.flash_params(request, name=f"{acc.given_name} {acc.family_name}")))


@routes.add("POST", "/manage/{slug}/press/{accreditation_id}/revoke",
            summary="Revoke a press accreditation (HTML form); switch=1 (a language button) "
                    "only shows the page again in ?lang, filled, never revoked",
            who="press_office, admin",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def press_revoke(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    acc = await _application(request, d)
    form = await read_form(request)
    sent = sent_before(form)
    place = place_sent(form, request)
    show = functools.partial(_application_page, request, d, acc, editing="revoke", sent=sent,
                             values=frame.revoke_values(form), place=place)
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    if not domain.offers_revocation(acc.status):
        return await show(status=409, message=d.t("revoke_only_granted"))
    reason = " ".join(str(form.get("reason", "")).split())[:2000]
    errors = frame.revoke_errors(d.t, reason, form, d.t("err_write_reason"))
    if switching(form):  # the language control: shown again, never revoked
        return await show(errors=errors if sent else {})
    if errors:
        return await show(status=422, errors=errors)
    try:
        await accreditations.revoke(request.app[pool_key], acc.id, reason, d.principal,
                                    now(request))
    except (IllegalTransition, PoolFull) as exc:
        return await show(status=409, message=frame.decision_refused(d.t, exc, acc.status.value))
    raise web.HTTPSeeOther(frame.with_lang(
        d.base, d.language, done="revoke", **place,
        **frame.flash_params(request, name=f"{acc.given_name} {acc.family_name}")))


@routes.add("POST", "/manage/{slug}/press/{accreditation_id}/correct",
            summary="Correct a journalist's name, outlet, press card number or role, with a "
                    "reason (HTML form); switch=1 (a language button) only shows the page "
                    "again in ?lang, filled, never corrected",
            who="press_office, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def press_correct(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    acc = await _application(request, d)
    form = await read_form(request)
    values = {n: str(form.get(n, "")).strip() for n in CORRECTION_FIELDS}
    sent = sent_before(form)
    place = place_sent(form, request)
    show = functools.partial(_application_page, request, d, acc, correction=values,
                             editing="correct", sent=sent, place=place)
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=d.t("csrf_failed"), status=403)
    if acc.status not in CORRECTABLE_STATUSES:
        return await show(status=409, message=d.t(
            "correct_not_now", status=d.t(f"status_{acc.status.value}").lower()))
    reason = " ".join(values["correction_reason"].split())
    data = {"given_name": values["given_name"], "family_name": values["family_name"],
            "press": {"outlet": values["outlet"],
                      "press_card_number": values["press_card_number"],
                      "role": values["role"] or None},
            "reason": reason or None}
    errors: dict[str, str] = {}
    body = None
    try:
        body = AmendmentIn.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            field = _CORRECTION_FIELD.get(".".join(str(p) for p in err["loc"]), "")
            if field:
                errors.setdefault(field, field_message(d.t, field, dict(err)))
    if not reason:
        errors["correction_reason"] = d.t("err_correction_reason")
    if switching(form):  # the language control: shown again, never corrected
        return await show(errors=errors) if sent else await show()
    if errors or body is None:
        return await show(status=422, errors=errors)
    pool = request.app[pool_key]
    before = await accreditations.badge_short_reference(pool, acc.id, d.principal)
    try:
        done = await accreditations.amend(pool, acc.id, body, d.principal, now(request))
    except IllegalTransition as exc:
        status = d.t(f"status_{exc.extra.get('status_now', acc.status.value)}").lower()
        return await show(status=409, message=d.t("correct_not_now", status=status))
    except Invalid as exc:  # what a press application refuses (the use-case's own check)
        errors = {_CORRECTION_FIELD.get(str(e.get("field")), "correction_reason"):
                  field_message(d.t, "", e) for e in exc.extra.get("errors", [])}
        return await show(status=422, errors=errors)
    changed = len(done.history or []) != len(acc.history or [])
    # a printed badge superseded by the correction (a new version, to print): said with both
    # references, the old card to take back (it was said nowhere: tryout of the day)
    after = await accreditations.badge_short_reference(pool, acc.id, d.principal)
    reprint = changed and before is not None and after is not None and before != after
    # the page again, still knowing the queue's place (its crumb and forms lead back there)
    raise web.HTTPSeeOther(frame.with_lang(
        f"{d.base}/{acc.id}", d.language,
        done=("corrected_reprint" if reprint else "corrected") if changed else "unchanged",
        **(frame.flash_params(request, old=before or "", ref=after or "") if reprint else {}),
        **place))


def _told_apart(t: WTranslator, conference: Conference, press: Mapping[UUID, Accreditation],
                one: UUID, among: Collection[UUID]) -> str:
    """An application's name as a batch's refusal names it, with what tells it apart from the
    applications of the same name it is named or listed with: its outlet, else the day it was
    received, else its address (the queue shows the first two). Two applications of one person
    were named « Léa Salamé, Léa Salamé » (docs/workspaces.md, "Possible duplicates")."""
    a = press[one]
    name = f"{a.given_name} {a.family_name}"
    rivals = [press[i] for i in dict.fromkeys(among) if i != one and i in press
              and f"{press[i].given_name} {press[i].family_name}" == name]
    if not rivals:
        return name
    when = t.datetime(a.submitted_at, conference.timezone)
    details = [
        (a.press.outlet if a.press else "",
         [r.press.outlet if r.press else "" for r in rivals]),
        (t("dup_received", when=when),
         [t("dup_received", when=t.datetime(r.submitted_at, conference.timezone))
          for r in rivals]),
    ]
    told = next((mine for mine, theirs in details if mine and mine not in theirs), a.email)
    return f"{name} – {told}"


@routes.add("POST", "/manage/{slug}/press/batch",
            summary="Approve or waitlist several press applications at once (HTML form)",
            who="press_office, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def press_batch(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, d.person):
        return await frame.error_page(request, 403, d.t("csrf_failed"))
    decision = str(form.get("decision", ""))
    ids = [_uuid(str(v)) for v in form.getall("id", [])][:QUEUE_PAGE_SIZE]
    kept = {n: str(form.get(n, "")) for n in ("status", "role", "country", "day", "q",
                                              "undelivered", "page")}
    # the queue where the officer was, which a done batch leads back to (docs/workspaces.md,
    # "The officer's place"): only the queue's parameters, each checked
    place = queue_place(kept)
    if decision not in ("approve", "waitlist"):
        return await _queue_page(request, d, kept, error=d.t("err_pick_decision"), status=422)
    if not ids:
        return await _queue_page(request, d, kept, error=d.t("err_pick_some"), status=422)
    if decision == "approve":  # possible duplicates: one by one, on their page
        duplicates = await ws_service.press_duplicates(request.app[pool_key], d.conference.id,
                                                       d.principal)
        picked = [i for i in dict.fromkeys(ids) if i in duplicates]
        if picked:
            # a duplicate is among its own duplicates' others (the relation is symmetric):
            # their names come with what was read, without reading the press again; the
            # others stay ticked, to approve with one press (docs/workspaces.md, "Possible
            # duplicates")
            async with connection(request) as conn:
                press = {a.id: a for a in await ws.press_applications(
                    conn, d.conference.id,
                    {*picked, *(o.id for i in picked for o in duplicates[i])})}
            rest = [i for i in ids if i not in picked]
            # French sets a no-break space before the semicolon, as the queue's marks do
            sep = "\u00a0; " if d.language == "fr" else "; "
            error = d.t("err_dup_batch", names=sep.join(
                _told_apart(d.t, d.conference, press, i, [*picked, *(
                    o.id for o in duplicates[i])]) for i in picked))
            if rest:
                error = f"{error} {d.t('err_dup_batch_rest')}"
            return await _queue_page(request, d, kept, status=409, error=error, selected=rest)
    already: list[UUID] = []
    if decision == "waitlist":
        # the "To decide" tab lists the waiting list too: one ticked there is already on it,
        # left out and counted, not refused as decided meanwhile (docs/workspaces.md, "The
        # press office desk")
        async with connection(request) as conn:
            waiting = {a.id for a in await ws.press_applications(conn, d.conference.id, ids)
                       if a.status is Status.waitlisted}
        already = [i for i in dict.fromkeys(ids) if i in waiting]
        ids = [i for i in ids if i not in waiting]
    done = {"done": "batch", "count": str(len(ids)), "decision": decision,
            **({"already": str(len(already))} if already else {}), **place}
    if not ids:
        raise web.HTTPSeeOther(frame.with_lang(d.base, d.language, **done))
    try:
        await accreditations.decide_press_batch(request.app[pool_key], d.conference.id, ids,
                                                decision, d.principal, now(request))
    except IllegalTransition:
        # decided meanwhile (another officer, at the peak): named, the others still ticked
        async with connection(request) as conn:
            items = await ws.press_applications(conn, d.conference.id, ids)
        gone = {a.id: a for a in items if not domain.allows(a.status, Action(decision))}
        decided = ", ".join(f"{a.given_name} {a.family_name} "
                            f"({d.t(f'status_{a.status.value}')})" for a in gone.values())
        return await _queue_page(
            request, d, kept, status=409, selected=[i for i in ids if i not in gone],
            error=f"{d.t('err_batch_decided', names=decided)} {d.t('err_dup_batch_rest')}")
    except PoolFull:
        # the places left and the applications ticked, on the queue, still ticked
        async with connection(request) as conn:
            counts = await ws.press_counts(conn, d.conference.id)
        left = max(0, d.conference.press_registration.pool_capacity - counts.get("approved", 0))
        return await _queue_page(request, d, kept, status=409, selected=ids, error=d.t(
            "err_pool_full_batch", left=left, count=len(set(ids))))
    except DuplicateApproved as exc:
        return await _queue_page(request, d, kept, status=409, selected=ids,
                                 error=frame.decision_refused(d.t, exc, ""))
    raise web.HTTPSeeOther(frame.with_lang(d.base, d.language, **done))
