"""The protocol console (``/manage/{slug}``, for protocol and administrators) and the door page
(``/manage/{slug}/door``, for door staff too), server-rendered, fr/en, every action a plain
form with its CSRF token. The pages call the same use-cases as the API, acting through a
``Principal`` built from the grant that opens the page (see docs/workspaces.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NoReturn
from urllib.parse import urlencode
from uuid import UUID, uuid4
from zoneinfo import ZoneInfo

from aiohttp import web
from pydantic import ValidationError

from conference.auth import Principal, Role
from conference.badges import service as badges
from conference.badges.domain import (
    SHORT_LENGTH,
    Reason,
    admission_days,
    admits_on,
    is_press_centre,
    short_reference_length,
)
from conference.badges.models import CheckIn, CheckInIn
from conference.conferences.lookup import conference_by_slug
from conference.conferences.models import Conference
from conference.credentials import service as credentials
from conference.csvfile import Words, download_name
from conference.errors import Forbidden, NotFound
from conference.http.context import connection, now, pool_key, signer_key
from conference.http.io import read_form
from conference.http.routes import RouteTable
from conference.lifecycle import lookup as lifecycle_lookup
from conference.lifecycle import service as lifecycle
from conference.operations import service as operations
from conference.pages.i18n import field_message
from conference.people.domain import may_open_conference, safe_next
from conference.people.service import SignedIn
from conference.programme import domain as programme_domain
from conference.programme import service as programme
from conference.protocol.countries import country_name
from conference.roles import door_keeper, protocol_officer
from conference.workspaces import domain, frame
from conference.workspaces import repo as ws
from conference.workspaces.csv_titles import column_titles
from conference.workspaces.i18n import WTranslator

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
CONSOLE_ROLES = ("admin", "protocol")
DOOR_ROLES = ("admin", "protocol", "door")


@dataclass
class Desk:
    """Who opens a console page, for which conference, acting how, in which language."""

    person: SignedIn
    conference: Conference
    principal: Principal
    language: str

    @property
    def t(self) -> WTranslator:
        return WTranslator(self.language)

    @property
    def base(self) -> str:
        return f"/manage/{self.conference.slug}"

    def crumbs(self, *more: tuple[str, str | None]) -> list[tuple[str, str | None]]:
        return [(self.t("home_title"), "/workspaces"), *more]


async def _desk(request: web.Request, roles: tuple[str, ...]) -> Desk:
    """The page opens for a grant of one of ``roles`` on this conference (an admin's on every
    one); the principal carries the strongest of them."""
    person = await frame.signed_in(request)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
    for role in roles:
        if may_open_conference(person.grants, conference.id, role):
            principal = Principal(0, Role(role), person_id=person.person_id)
            return Desk(person, conference, principal, frame.language_of(request, person))
    raise Forbidden("Not open to this person's grants.")


def form_errors(t: WTranslator, exc: ValidationError, field_of: Mapping[str, str],
                fallback: str) -> dict[str, str]:
    """A validation's errors as a console form shows them: by form field (``field_of`` maps the
    model's dotted location to the form field, else ``fallback``), in the page's words (the
    public forms' ``field_message``), never pydantic's English text."""
    errors: dict[str, str] = {}
    for err in exc.errors(include_url=False):
        loc = [str(p) for p in err["loc"]]
        name = field_of.get(".".join(loc)) or field_of.get(loc[0] if loc else "", fallback)
        errors.setdefault(name, field_message(t, loc[-1] if loc else "", dict(err)))
    return errors


# --- the conferences a person manages --------------------------------------------------------

_PAGES_OF_ROLE: dict[str, tuple[tuple[str, str], ...]] = {
    "admin": (("console_title", ""), ("console_press_desk", "/press"), ("door_title", "/door")),
    "protocol": (("console_title", ""), ("door_title", "/door")),
    "press_office": (("console_press_desk", "/press"),),
    "door": (("door_title", "/door"),),
    "security": (("security_title", "/security"),),
}


async def managed_conferences(request: web.Request, person: SignedIn,
                              language: str) -> list[dict[str, object]]:
    """The conferences the person's staff grants open (every one for an administrator of every
    conference), each with the pages those grants open: console, press desk, door, security
    (docs/workspaces.md)."""
    t = WTranslator(language)
    roles: dict[UUID | None, set[str]] = {}
    for g in person.grants:
        if g.role in _PAGES_OF_ROLE:
            roles.setdefault(g.conference_id, set()).add(g.role)
    if not roles:
        return []
    every = roles.pop(None, set())
    async with connection(request) as conn:
        rows = await ws.conferences_to_manage(conn, bool(every), [i for i in roles if i])
    items: list[dict[str, object]] = []
    for row in rows:
        held = every | roles.get(row["id"], set())
        links: dict[str, str] = {}
        for role in _PAGES_OF_ROLE:
            if role in held:
                for key, tail in _PAGES_OF_ROLE[role]:
                    links.setdefault(f"/manage/{row['slug']}{tail}", t(key))
        title = row["title"] or {}
        items.append({"slug": row["slug"], "links": list(links.items()),
                      "title": title.get(language) or next(iter(title.values()), row["slug"])})
    return items


@routes.add("GET", "/manage", summary="The conferences the person manages, with their pages (HTML)",
            who="admin, protocol, press_office, door, security", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS)
@frame.page
async def manage_home(request: web.Request) -> web.Response:
    person = await frame.signed_in(request)
    language = frame.language_of(request, person)
    t = WTranslator(language)
    return frame.render(request, "manage.html", language, person=person,
                        title=t("manage_title"),
                        crumbs=[(t("home_title"), "/workspaces"), (t("manage_title"), None)],
                        conferences=await managed_conferences(request, person, language),
                        # an administrator of every conference creates one here
                        # (docs/workspaces.md, "A new conference")
                        may_create=any(g.role == "admin" and g.conference_id is None
                                       for g in person.grants),
                        # a focal point who lands here manages no conference: their
                        # delegation's portal is linked, not "no conference" alone (tryout)
                        portals=[w for w in frame.workspaces(person, language)
                                 if w["url"].startswith("/delegation/")])


# --- the door ---------------------------------------------------------------------------------

RECHECK = frozenset({Reason.mistyped_reference, Reason.unknown_badge,
                     Reason.unreadable_reference})
"""Scans whose reference was not read as a badge: answered "check again", not REFUSED."""

HELD_UNTIL = {Reason.press_session_closed: "door_closed_until",
              Reason.press_pool_only: "door_pool_until",
              Reason.press_photo_only: "door_photo_until"}
"""A press badge kept out by a session held in the zone: what the door says, with the session
and until when (docs/credentials.md, "Sessions closed to the press")."""


async def _door_page(request: web.Request, d: Desk, *, zone: str = "",
                     result: CheckIn | None = None,
                     errors: dict[str, str] | None = None, message: str | None = None,
                     status: int = 200, typed: str | None = None,
                     badge: str = "") -> web.Response:
    t = d.t
    zones = await badges.door_zones(request.app[pool_key], door_keeper(d.principal),
                                    d.conference.slug)
    # each zone by its name; its code only where two zones share a name: "Salon des
    # délégations (salon-delegations)" said the name twice and was cut on a phone
    names = [z.name.get(d.language) or z.code for z in zones]
    choices = [(z.code, name if names.count(name) == 1 else f"{name} ({z.code})")
               for z, name in zip(zones, names, strict=True)]
    crumbs = d.crumbs((t("door_title"), None))
    # a badge no longer valid (replaced, revoked, withdrawn) says what the door staff do next
    action_key = f"door_action_{result.reason}" if result is not None else ""
    # (a session keeping the press out names its time below, with the session)
    action = (t(action_key) if action_key in t.keys and not (
        result is not None and result.reason in HELD_UNTIL) else None)
    reason = t(f"reason_{result.reason}") if result is not None else ""
    # a reference that was not read (mistyped, or no such badge) is not a refusal of the person:
    # the answer is "check again", not REFUSED, which the staff would act on (docs/workspaces.md,
    # "The door")
    verdict = ("admitted" if result is not None and result.admitted
               else "recheck" if result is not None and result.reason in RECHECK
               else "refused")
    # a zone closed today says which days it admits, so that the person is told when to come
    # back (docs/workspaces.md, "The door"): the reason alone said "no one today"
    days = None
    if result is not None and result.reason is Reason.outside_hours:
        here = next((z for z in zones if z.code == result.zone), None)
        if here is not None:
            first, last = admission_days(d.conference.starts_on, d.conference.ends_on,
                                         here.opens_on, here.closes_on)
            days = (t("door_days_one", day=t.date(first)) if first == last
                    else t("door_days", first=t.date(first), last=t.date(last)))
    # a zone the badge does not open names those it does, so that the staff can say where the
    # person may go (a badge printed before a zone was defined does not show it)
    opens = None
    if result is not None and result.reason is Reason.zone_not_granted:
        named = dict(choices)
        granted = [named.get(code, code) for code in result.zones_granted]
        opens = (t("door_opens", zones=", ".join(granted)) if granted
                 else t("door_opens_none"))
    # a session closed to the press, or to all but its pool or its photographers, says until
    # when, and which (docs/credentials.md, "Sessions closed to the press"): the journalist is
    # told when to come back
    if (result is not None and result.reason in HELD_UNTIL
            and result.closed_session is not None):
        held = result.closed_session
        until = t.time(held.closed_until, d.conference.timezone)
        reason = t(HELD_UNTIL[result.reason], title=held.title.get(d.language), until=until)
        # what to do names the same time, the end of the last session keeping the badge out, not
        # of this one; and where the journalist may go meanwhile only when the conference has
        # such a place (a press centre): "go to the press centre" sent them to none
        # (docs/workspaces.md)
        scanned_on = result.scanned_at.astimezone(ZoneInfo(d.conference.timezone)).date()
        centres = [name for z, (_, name) in zip(zones, choices, strict=True)
                   if z.code != result.zone
                   and is_press_centre(z.kind, z.grants.categories, z.grants.sessions)
                   and admits_on(scanned_on, d.conference.starts_on, d.conference.ends_on,
                                 z.opens_on, z.closes_on)]
        action = (t("door_action_press_session_closed_centre", until=until,
                    zones=t.either([t("door_zone_name", name=c) for c in centres]))
                  if centres else t("door_action_press_session_closed", until=until))
        if result.reason is Reason.press_pool_only and result.zones_granted:
            # a member of a press pool that enters elsewhere: sent there, not told to wait
            named = dict(choices)
            action = t("door_action_pool_elsewhere", zones=t.either(
                [t("door_zone_name", name=named.get(c, c)) for c in result.zones_granted]))
    # admitted after the guests of a royal-presence session were to be seated: handed to an
    # usher, not let in after the patron (docs/credentials.md, "Late for the patron")
    seated_late = None
    if result is not None and result.late_for is not None:
        late = result.late_for
        key = ("door_seated_late" if result.scanned_at < late.starts_at
               else "door_seated_started")
        seated_late = t(key, title=late.title.get(d.language),
                        seated=t.time(late.seated_by, d.conference.timezone),
                        starts=t.time(late.starts_at, d.conference.timezone))
    if result is not None and result.reason is Reason.mistyped_reference and typed:
        # a wrong length said as such, not as a character that does not match
        # (docs/workspaces.md, "Errors in sight")
        length = short_reference_length(typed)
        if length != SHORT_LENGTH:
            reason = t("reason_short_length", length=SHORT_LENGTH, given=length)
    # the header's language link keeps the zone chosen: after a check the page answers a
    # POST, whose zone the link would lose, and the next scan went without one (trying the
    # door on a phone, 1 December 2026)
    switch_to = (f"{d.base}/door?{urlencode({'zone': zone})}"
                 if zone and request.method == "POST" else None)
    # a badge used before here is compared with its photo; one printed without a photo (an
    # empty frame) with the identity document (tryout of the meeting's day, 5 December 2026)
    no_photo = (result is not None and result.admitted_before is not None
                and result.holder is not None
                and await credentials.photo_size(request.app[pool_key],
                                                 result.holder.accreditation_id) is None)
    return frame.render(request, "door.html", d.language, person=d.person, switch_to=switch_to,
                        no_photo=no_photo, seated_late=seated_late,
                        conference=d.conference, status=status, title=t("door_title"),
                        crumbs=crumbs, base=d.base, zones=choices, typed=typed,
                        may_define_zones=d.principal.role in (Role.admin, Role.protocol),
                        zone=zone or (choices[0][0] if len(choices) == 1 else ""),
                        result=result, verdict=verdict, reason=reason, action=action,
                        days=days, opens=opens, errors=errors or {}, scan=uuid4(),
                        message=message, badge=badge)


@routes.add("GET", "/manage/{slug}/door", summary="The door: check a badge at a zone (HTML)",
            who="door, protocol, admin", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def door_page(request: web.Request) -> web.Response:
    d = await _desk(request, DOOR_ROLES)
    return await _door_page(request, d, zone=request.query.get("zone", "")[:63])


@routes.add("POST", "/manage/{slug}/door", summary="Check a badge at a zone (HTML form)",
            who="door, protocol, admin", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 422))
@frame.page
async def door_check(request: web.Request) -> web.Response:
    if await frame.current(request) is None:
        # a scan sent after the session ended (8 hours without use: a door shift) leads, once
        # signed in again, back to the door with its zone, not to the list of workspaces; the
        # scan itself is not kept: the badge is scanned again (docs/workspaces.md, "The door")
        form = await read_form(request)
        zone = str(form.get("zone", "")).strip()[:63]
        back = f"/manage/{request.match_info['slug']}/door"
        back += f"?{urlencode({'zone': zone})}" if zone else ""
        raise web.HTTPSeeOther(frame.with_lang("/signin", frame.language_of(request, None),
                                               next=safe_next(back) or ""))
    d = await _desk(request, DOOR_ROLES)
    t = d.t
    form = await read_form(request)
    badge = str(form.get("badge", "")).strip()
    zone = str(form.get("zone", "")).strip()[:63]
    if not frame.csrf_ok(request, form, d.person):
        return await _door_page(request, d, zone=zone, message=t("csrf_failed"), status=403)
    # « 8ASQ-35CJ · v3 », as a reissued badge prints it, is its short reference
    badge = domain.without_printed_version(badge)
    errors = {}
    if not badge or len(badge) > 512:
        errors["badge"] = t("door_err_badge")
    if not zone:
        errors["zone"] = t("door_err_zone")
    if errors:
        # the reference given stays in its field, to send again once the zone is chosen: it
        # was emptied, and a reference typed by hand had to be typed again (tryout at the door)
        return await _door_page(request, d, zone=zone, errors=errors, status=422,
                                badge=badge if len(badge) <= 512 else "")
    # each form the page offers names its scan: the same form sent again (the phone's Back
    # button, a reload) is answered again but recorded once (docs/workspaces.md, "The door")
    try:
        scan: UUID | None = UUID(str(form.get("scan", "")))
    except ValueError:
        scan = None
    result = await badges.check_in(request.app[pool_key], door_keeper(d.principal),
                                   request.app[signer_key], d.conference.slug,
                                   CheckInIn(badge=badge, zone=zone), now(request), d.language,
                                   form_scan=scan)
    # a mistyped short reference is shown back, to compare with the badge (docs/workspaces.md)
    typed = badge if result.reason is Reason.mistyped_reference else None
    return await _door_page(request, d, zone=zone, result=result, typed=typed)


# --- the overview -----------------------------------------------------------------------------


@routes.add("GET", "/manage/{slug}", summary="The protocol console: the overview (HTML)",
            who="protocol, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def console_overview(request: web.Request) -> web.Response:
    d = await _desk(request, CONSOLE_ROLES)
    pool = request.app[pool_key]
    stats = await lifecycle.statistics(pool, d.conference.slug, d.principal)
    async with connection(request) as conn:
        counts = dict(await ws.console_counts(conn, d.conference.id))
        # headed by the one rule the delegations page and the order of precedence follow (an
        # expert heads nothing; a host heads no guest delegation): docs/protocol.md
        counts["with_head"] = len(await lifecycle_lookup.delegation_heads(conn, d.conference))
    ops = await operations.conference_counts(pool, d.conference.id)
    # the draft changed since the latest version (a substitute's chair, a session moved): the
    # calendars learn it only once published (docs/workspaces.md, "The protocol console")
    preview = await programme.preview_publication(pool, protocol_officer(d.principal),
                                                  d.conference.slug)
    unpublished = preview.latest is not None and not preview.changes.is_empty()
    flash = d.t("setup_created") if request.query.get("done") == "conference_created" else None
    return frame.render(request, "console.html", d.language, person=d.person, flash=flash,
                        conference=d.conference, title=d.t("console_title"),
                        crumbs=d.crumbs((d.t("console_title"), None)), base=d.base,
                        stats=stats, counts=counts, ops=ops, unpublished=unpublished,
                        is_admin=d.principal.role is Role.admin)


# --- operations -------------------------------------------------------------------------------

DELIVERY_GROUPS = ("failed", "pending", "sent")


@routes.add("GET", "/manage/{slug}/operations",
            summary="Operations: deliveries by status, failed events (HTML)",
            who="protocol, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def console_operations(request: web.Request) -> web.Response:
    d = await _desk(request, CONSOLE_ROLES)
    return await _operations_page(request, d)


async def _operations_page(request: web.Request, d: Desk, *, message: str | None = None,
                           status: int = 200) -> web.Response:
    t = d.t
    pool = request.app[pool_key]
    group = request.query.get("status", "failed")
    if group not in DELIVERY_GROUPS:
        group = "failed"
    deliveries = await operations.conference_deliveries(pool, d.conference.id, group, 200)
    events = await operations.failed_events(pool, d.conference.id, 0, 200)
    counts = await operations.conference_counts(pool, d.conference.id)
    flash = None
    if request.query.get("done") == "retried":
        flash = t.plural("flash_retried", request.query.get("count", "0")[:6])
    return frame.render(request, "operations.html", d.language, person=d.person,
                        conference=d.conference, status=status, title=t("ops_title"),
                        crumbs=d.crumbs((t("console_title"), d.base), (t("ops_title"), None)),
                        base=d.base, group=group, groups=DELIVERY_GROUPS,
                        deliveries=deliveries, events=events, counts=counts, flash=flash,
                        message=message, is_admin=d.principal.role is Role.admin)


async def _retry_desk(request: web.Request) -> tuple[Desk, bool]:
    """Retries are the administrators' (as in the API); the form's token is checked."""
    d = await _desk(request, CONSOLE_ROLES)
    if d.principal.role is not Role.admin:
        raise Forbidden("Only an administrator may retry.")
    form = await read_form(request)
    return d, frame.csrf_ok(request, form, d.person)


def _retried(request: web.Request, d: Desk, count: int, group: str = "failed") -> NoReturn:
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/operations", d.language, status=group,
                                           done="retried", count=str(count)))


@routes.add("POST", "/manage/{slug}/operations/deliveries/{delivery_id}/retry",
            summary="Retry a failed delivery (HTML form)", who="admin", tag="workspaces",
            media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 409))
@frame.page
async def console_retry_delivery(request: web.Request) -> web.Response:
    d, ok = await _retry_desk(request)
    if not ok:
        return await _operations_page(request, d, message=d.t("csrf_failed"), status=403)
    try:
        delivery_id = UUID(request.match_info["delivery_id"])
    except ValueError:
        raise NotFound("No such delivery.") from None
    await operations.retry_conference_delivery(request.app[pool_key], d.conference.id,
                                               delivery_id, d.principal)
    return _retried(request, d, 1)


@routes.add("POST", "/manage/{slug}/operations/deliveries/retry",
            summary="Retry every failed delivery of the conference (HTML form)", who="admin",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def console_retry_failed(request: web.Request) -> web.Response:
    d, ok = await _retry_desk(request)
    if not ok:
        return await _operations_page(request, d, message=d.t("csrf_failed"), status=403)
    count = await operations.retry_conference_failed(request.app[pool_key], d.conference.id,
                                                     d.principal)
    return _retried(request, d, count)


@routes.add("POST", "/manage/{slug}/operations/events/{event_id}/retry",
            summary="Retry a failed event (HTML form)", who="admin", tag="workspaces",
            media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 409))
@frame.page
async def console_retry_event(request: web.Request) -> web.Response:
    d, ok = await _retry_desk(request)
    if not ok:
        return await _operations_page(request, d, message=d.t("csrf_failed"), status=403)
    event_id = request.match_info["event_id"]
    if not event_id.isdigit() or len(event_id) > 18:
        raise NotFound("No such event.")
    await operations.retry_conference_event(request.app[pool_key], d.conference.id,
                                            int(event_id), d.principal)
    return _retried(request, d, 1)


# --- protocol views ---------------------------------------------------------------------------


@routes.add("GET", "/manage/{slug}/precedence",
            summary="The order of precedence (HTML, printable)", who="protocol, admin",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def console_precedence(request: web.Request) -> web.Response:
    d = await _desk(request, CONSOLE_ROLES)
    t = d.t
    listing = await programme.precedence(request.app[pool_key], protocol_officer(d.principal),
                                         d.conference.slug, d.language)
    return frame.render(request, "precedence.html", d.language, person=d.person,
                        conference=d.conference, title=t("precedence_title"),
                        crumbs=d.crumbs((t("console_title"), d.base),
                                        (t("precedence_title"), None)),
                        base=d.base, listing=listing,
                        drawn_start=country_name(listing.drawn_start, d.language)
                        if listing.drawn_start else None)


@routes.add("GET", "/manage/{slug}/precedence.csv",
            summary="The order of precedence (CSV download)", who="protocol, admin",
            tag="workspaces", media=("text/csv", "text/html"), error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def console_precedence_csv(request: web.Request) -> web.Response:
    d = await _desk(request, CONSOLE_ROLES)
    # in the page's language, as the page it is linked from: delegations and styles of address
    listing = await programme.precedence(request.app[pool_key], protocol_officer(d.principal),
                                         d.conference.slug, d.language)
    # each head's role in their gender's form, as the list of participants gives it (« Cheffe
    # de délégation » for a woman: docs/protocol.md, "Forms of address"): the words are asked
    # for row by row, in the file's order, once for each head
    heads = iter([domain.capitalised(e.head_title) for e in listing.order if e.head_title])
    return web.Response(
        # a download for people: the status also in words, in the page's language
        # (docs/lifecycle.md, "CSV files")
        # the patron and the hosts first, as on the page (docs/protocol.md)
        text=programme_domain.precedence_csv(
            listing.order,
            patron=d.conference.patron.style.get(d.language) if d.conference.patron else None,
            hosts=listing.hosts, words=Words(
                {"status": d.t("ops_status"), "role": d.t("precedence_role")},
                lambda column, code: d.t(f"status_{code}") if column == "status"
                else next(heads, d.t("precedence_head")) if code == "head"
                else d.t(f"precedence_{code}")),
            # headed wholly in the page's language (docs/lifecycle.md, "CSV files")
            titles=column_titles(d.language)),
        content_type="text/csv",
        charset="utf-8", headers={
            "Cache-Control": "no-store",
            "Content-Disposition":
                f'attachment; filename="{download_name("precedence", d.conference.slug, None)}"'})
