"""The protocol console's programme builder (``/manage/{slug}/programme``: the draft as a day ×
room grid, rooms, sessions and their participants) and the protocol views of a session (speaking
order, seating plan, security list; each printable and as CSV). For protocol and
administrators; every action a plain form with its CSRF token, calling the programme's
use-cases (``conference/programme/service.py``) as the API does, through the console desk's
``Principal``. A change the database refuses (a room or a person booked twice) comes back on
the form naming the other session (see docs/workspaces.md, "Programme builder")."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Awaitable, Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, NoReturn, TypeVar
from uuid import UUID
from zoneinfo import ZoneInfo

from aiohttp import web
from pydantic import TypeAdapter, ValidationError

from conference.accreditation.domain import Category
from conference.csvfile import Words, download_name
from conference.errors import (
    ClearanceRefused,
    Conflict,
    Duplicate,
    Invalid,
    NotEligible,
    NotFound,
    RoyalPresenceRule,
    SchedulingConflict,
    SecurityListFrozen,
    StaleForm,
)
from conference.http.context import connection, now, pool_key
from conference.http.io import Form, read_form
from conference.http.routes import RouteTable
from conference.mail import formatting
from conference.pages.handlers import SWITCH, sent_before, switching
from conference.pages.i18n import field_message
from conference.programme import domain as programme_domain
from conference.programme import service as programme
from conference.programme.models import (
    ParticipantRole,
    PressAccess,
    Room,
    RoomIn,
    Session,
    SessionIn,
    SessionKind,
    SessionPatch,
)
from conference.protocol.countries import country_name
from conference.roles import ProtocolOfficer, protocol_officer
from conference.types import Text
from conference.workspaces import domain, frame
from conference.workspaces import repo as ws
from conference.workspaces.console import CONSOLE_ROLES, Desk, _desk
from conference.workspaces.csv_titles import column_titles
from conference.workspaces.domain import NoSuchTime, wall_clock
from conference.workspaces.programme_grid import days_of, lay_out, seating_csv, speaking_order_csv

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
WHO = "protocol, admin"
CSS = (Path(__file__).parent / "static" / "programme.css").read_bytes()
_CLOCK = re.compile(r"^([01]?\d|2[0-3])[:h.]?([0-5]\d)$")
_TITLE: TypeAdapter[str] = TypeAdapter(Text)
"""A session's title in one language, as the API takes it (``Localized``)."""


@routes.add("GET", "/static/programme.css", summary="The programme builder's style sheet",
            tag="pages", media=("text/css",))
async def programme_css(request: web.Request) -> web.Response:
    return web.Response(body=CSS, content_type="text/css", charset="utf-8",
                        headers={"Cache-Control": "public, max-age=3600"})


async def _console(request: web.Request) -> tuple[Desk, ProtocolOfficer]:
    d = await _desk(request, CONSOLE_ROLES)
    return d, protocol_officer(d.principal)


def _crumbs(d: Desk, *more: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return d.crumbs((d.t("console_title"), d.base), *more)


def _grid_url(d: Desk, day: date | None = None, **params: str) -> str:
    return frame.with_lang(f"{d.base}/programme", d.language,
                           day=day.isoformat() if day else "", **params)


def _session_url(d: Desk, session_id: UUID, tail: str = "", **params: str) -> str:
    return frame.with_lang(f"{d.base}/sessions/{session_id}{tail}", d.language,
                           **params)


def _see_other(url: str) -> NoReturn:
    raise web.HTTPSeeOther(url)


def _day_of(d: Desk, raw: str | None) -> date:
    days = days_of(d.conference.starts_on, d.conference.ends_on)
    try:
        day = date.fromisoformat(raw or "")
    except ValueError:
        return days[0]
    return day if day in days else days[0]


async def _session_here(request: web.Request, d: Desk, officer: ProtocolOfficer) -> Session:
    """The session of the path, if it is one of this conference's (404 otherwise)."""
    try:
        session_id = UUID(request.match_info["session_id"])
    except ValueError:
        raise NotFound("No such session.") from None
    found = await programme.session(request.app[pool_key], officer, session_id)
    if found.conference != d.conference.slug:
        raise NotFound("No such session.")
    return found


async def _unpublished(request: web.Request, d: Desk, officer: ProtocolOfficer
                       ) -> tuple[int, int] | None:
    """(latest published version, next version) when the draft changed since a published
    version: a session moved or cancelled, a speaker replaced reach nobody's calendar until
    the programme is published again, which a page answering "Session saved." did not say
    (docs/workspaces.md, "Programme builder")."""
    preview = await programme.preview_publication(request.app[pool_key], officer,
                                                  d.conference.slug)
    if preview.latest is None or preview.changes.is_empty():
        return None
    return preview.latest, preview.version


# --- the grid ---------------------------------------------------------------------------------


async def _grid_page(request: web.Request, d: Desk, officer: ProtocolOfficer, *,
                     room_values: dict[str, str] | None = None,
                     room_errors: dict[str, str] | None = None, message: str | None = None,
                     status: int = 200) -> web.Response:
    t = d.t
    pool = request.app[pool_key]
    day = _day_of(d, request.query.get("day"))
    rooms = in_order_added(await programme.rooms(pool, officer, d.conference.slug))
    sessions = await programme.sessions(pool, officer, d.conference.slug)
    grid = lay_out(day, rooms, sessions, d.conference.timezone)
    flash = None
    if request.query.get("done") == "room":
        added = next((r for r in rooms if str(r.id) == request.query.get("room")), None)
        flash = t("prog_room_added", name=added.names.get(d.language)) if added else None
    elif request.query.get("done") == "cancelled":
        flash = t("prog_session_cancelled")
    return frame.render(
        request, "programme_grid.html", d.language, person=d.person, conference=d.conference,
        status=status, title=t("prog_title"), crumbs=_crumbs(d, (t("prog_title"), None)),
        base=d.base, day=day, days=days_of(d.conference.starts_on, d.conference.ends_on),
        grid=grid, cancelled=cancelled_on(day, sessions, d.conference.timezone), flash=flash,
        room_values=room_values or {}, room_errors=room_errors or {}, message=message,
        day_name=lambda x: _day_name(x, d.language),
        unpublished=await _unpublished(request, d, officer))


def cancelled_on(day: date, sessions: list[Session], timezone: str) -> list[Session]:
    """The sessions called off that were to start on the grid's day (in the conference's
    zone): each day's grid lists its own, not every day's (docs/workspaces.md, "Programme
    builder")."""
    zone = ZoneInfo(timezone)
    return [s for s in sessions
            if s.status == "cancelled" and s.starts_at.astimezone(zone).date() == day]


def in_order_added(rooms: list[Room]) -> list[Room]:
    """The rooms in the order the office added them (the plenary hall first, as a rule): the
    grid's columns and the form's choices, not the alphabetical order of their names."""
    return sorted(rooms, key=lambda r: (r.created_at, r.name.casefold(), str(r.id)))


def _day_name(day: date, language: str) -> str:
    return formatting.day(day, language, weekday=True)


@routes.add("GET", "/manage/{slug}/programme",
            summary="The programme builder: the draft as a day × room grid (HTML)", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def grid_page(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    return await _grid_page(request, d, officer)


@routes.add("POST", "/manage/{slug}/programme/rooms", summary="Add a room (HTML form)", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def grid_add_room(request: web.Request) -> web.Response:
    """A room's name in French and in English: the one in the conference's first language is
    required, the other, left empty, is the same name (as one name given to the API is;
    docs/programme.md, "Rooms"). Every error at once, each naming its field."""
    d, officer = await _console(request)
    t = d.t
    form = await read_form(request)
    values = {k: str(form.get(k, "")).strip()[:300] for k in ROOM_FIELDS}
    if not frame.csrf_ok(request, form, d.person):
        return await _grid_page(request, d, officer, room_values=values,
                                message=t("csrf_failed"), status=403)
    first = d.conference.languages[0]
    errors: dict[str, str] = {}
    if not values[f"name_{first}"]:
        errors[f"name_{first}"] = t("err_required")
    names = {"fr": values["name_fr"] or values["name_en"],
             "en": values["name_en"] or values["name_fr"]}
    capacity = int(values["capacity"]) if values["capacity"].isdigit() \
        and len(values["capacity"]) < 7 else 0
    try:
        body = RoomIn(name=names, capacity=capacity)
    except ValidationError as exc:
        for e in exc.errors():
            loc = [str(x) for x in e["loc"]]
            if loc[:1] == ["capacity"]:
                errors.setdefault("capacity", t("prog_err_capacity"))
            elif len(loc) > 1 and loc[1] in ("fr", "en") and values[f"name_{loc[1]}"]:
                errors.setdefault(f"name_{loc[1]}", field_message(t, f"name_{loc[1]}", dict(e)))
    if errors:
        return await _grid_page(request, d, officer, room_values=values, room_errors=errors,
                                status=422)
    pool = request.app[pool_key]
    try:
        room = await programme.create_room(pool, officer, d.conference.slug, body, now(request))
    except Duplicate:
        taken = await programme.rooms(pool, officer, d.conference.slug)
        return await _grid_page(request, d, officer, room_values=values,
                                room_errors=_taken(d, values, names, taken), status=409)
    _see_other(_grid_url(d, _day_of(d, str(form.get("day", ""))), done="room",
                         room=str(room.id)))


ROOM_FIELDS = ("name_fr", "name_en", "capacity")


def _taken(d: Desk, values: dict[str, str], names: dict[str, str], rooms: list[Room]
           ) -> dict[str, str]:
    """The room form's fields whose name another room has in that language (case aside); a
    name left empty takes the other's, so its clash is said on the field that gave it."""
    errors: dict[str, str] = {}
    for lang in ("fr", "en"):
        if any(r.names.get(lang).casefold() == names[lang].casefold() for r in rooms):
            other = "en" if lang == "fr" else "fr"
            field = f"name_{lang}" if values[f"name_{lang}"] else f"name_{other}"
            errors.setdefault(field, d.t(f"prog_err_room_taken_{lang}"))
    return errors or {f"name_{d.conference.languages[0]}": d.t("prog_err_room_taken")}


# --- a session's form -------------------------------------------------------------------------

FIELDS = ("title_fr", "title_en", "kind", "room_id", "day", "starts", "ends", "press_access")


def _values_of(s: Session, timezone: str) -> dict[str, Any]:
    zone = ZoneInfo(timezone)
    start, end = s.starts_at.astimezone(zone), s.ends_at.astimezone(zone)
    return {"title_fr": s.title.fr, "title_en": s.title.en, "kind": str(s.kind),
            "room_id": str(s.room_id), "day": start.date().isoformat(),
            "starts": f"{start:%H:%M}", "ends": f"{end:%H:%M}",
            "press_access": str(s.press_access), "audience": [str(c) for c in s.audience],
            "royal_presence": s.royal_presence, "based_on": _fingerprint(s)}


def _fingerprint(s: Session) -> str:
    """The fields the session's form shows, fingerprinted: sent back with the form, so that a
    save made from a page opened before someone else's change is refused instead of undoing it
    (docs/workspaces.md, "Two officers on one session")."""
    return programme_domain.fingerprint(programme_domain.SessionFields(
        title=s.title, kind=s.kind, room_id=s.room_id, starts_at=s.starts_at,
        ends_at=s.ends_at, press_access=s.press_access, audience=s.audience,
        royal_presence=s.royal_presence))


def _read_session_form(form: Any) -> dict[str, Any]:
    values: dict[str, Any] = {k: str(form.get(k, "")).strip()[:300] for k in FIELDS}
    values["audience"] = [str(v) for v in form.getall("audience", [])][:10]
    values["royal_presence"] = str(form.get("royal_presence", "")) == "1"
    values["based_on"] = str(form.get("based_on", "")).strip()[:16]
    return values


def _clock(raw: str) -> time | None:
    match = _CLOCK.match(raw)
    return time(int(match.group(1)), int(match.group(2))) if match else None


PAST_MIDNIGHT = timedelta(hours=12)
"""The longest a session read as ending the next day may last: an end typed before the start
is the next day's (21:00 to 01:00, a dinner; 18:00 to 05:00, a night of negotiation) when the
session lasts this long at most, else the end before the start it is (14:00 to 13:00)."""


def _session_fields(d: Desk, values: dict[str, Any], rooms: list[Room]
                    ) -> tuple[dict[str, Any], dict[str, str]]:
    """The use-case's fields from the form, or every error of the form at once, each naming
    its field: what is missing or not a choice, a title the API would refuse, and the rules
    the use-case applies (the end after the start, inside the conference's days; the press at
    a royal-presence session), so that one submission shows them all (docs/workspaces.md,
    "Programme builder")."""
    t = d.t
    errors: dict[str, str] = {}
    for name in ("title_fr", "title_en"):
        if not values[name]:
            errors[name] = t("err_required")
        else:
            try:
                _TITLE.validate_python(values[name])
            except ValidationError as exc:  # the rule in words: a line break, too long, …
                errors[name] = field_message(t, name, dict(exc.errors()[0]))
    if values["kind"] not in {k.value for k in SessionKind}:
        errors["kind"] = t("err_choice")
    if values["press_access"] not in {p.value for p in PressAccess}:
        errors["press_access"] = t("err_choice")
    if values["room_id"] not in {str(r.id) for r in rooms}:
        errors["room_id"] = t("err_choice")
    if set(values["audience"]) - {c.value for c in Category}:
        errors["audience"] = t("err_choice")
    days = days_of(d.conference.starts_on, d.conference.ends_on)
    if values["day"] not in {x.isoformat() for x in days}:
        errors["day"] = t("err_choice")
    starts, ends = _clock(values["starts"]), _clock(values["ends"])
    if starts is None:
        errors["starts"] = t("prog_err_time")
    if ends is None:
        errors["ends"] = t("prog_err_time")
    rules: list[Any] = []
    moments: dict[str, datetime] = {}
    if "day" not in errors:
        # a time the clocks skip that day is refused on its field, as the deadlines' are; a
        # repeated autumn hour is its first occurrence (workspaces.domain.wall_clock)
        day = date.fromisoformat(values["day"])
        for name, clock in (("starts", starts), ("ends", ends)):
            if clock is None:
                continue
            try:
                moments[name] = wall_clock(datetime.combine(day, clock),
                                           d.conference.timezone)
            except NoSuchTime:
                errors[name] = t("prog_err_no_such_time")
        if {"starts", "ends"} <= moments.keys() and moments["ends"] <= moments["starts"] \
                and ends is not None:
            # an end before the start is the next day, for a dinner or a night session (the
            # form has one day; docs/workspaces.md, "Past midnight"), within PAST_MIDNIGHT
            try:
                next_day = wall_clock(datetime.combine(day + timedelta(days=1), ends),
                                      d.conference.timezone)
            except NoSuchTime:
                errors["ends"] = t("prog_err_no_such_time")
            else:
                if next_day - moments["starts"] <= PAST_MIDNIGHT:
                    moments["ends"] = next_day
    if not {"day", "starts", "ends"} & errors.keys():
        rules += programme_domain.time_errors(
            moments["starts"], moments["ends"],
            d.conference.timezone, d.conference.starts_on, d.conference.ends_on)
    if "press_access" not in errors:
        rules += programme_domain.royal_press_errors(values["royal_presence"],
                                                     PressAccess(values["press_access"]))
    for e in rules:
        errors.setdefault(_FIELD_OF.get(e["field"], "title_fr"),
                          t(_MESSAGE_OF.get(e["type"], "prog_err_invalid")))
    if errors:
        return {}, errors
    fields = {
        "title": {"fr": values["title_fr"], "en": values["title_en"]},
        "kind": values["kind"], "room_id": values["room_id"],
        "starts_at": moments["starts"], "ends_at": moments["ends"],
        "press_access": values["press_access"], "audience": values["audience"],
        "royal_presence": values["royal_presence"],
    }
    return fields, {}


_FIELD_OF = {"starts_at": "starts", "ends_at": "ends", "title": "title_fr", "room_id": "room_id",
             "kind": "kind", "press_access": "press_access", "audience": "audience",
             "royal_presence": "royal_presence"}
_MESSAGE_OF = {"end_before_start": "prog_err_end_before_start",
               "outside_conference": "prog_err_outside",
               "royal_press_access": "prog_err_royal_press", "unknown_room": "err_choice"}


def _validation_errors(d: Desk, exc: ValidationError) -> dict[str, str]:
    errors: dict[str, str] = {}
    for e in exc.errors():
        loc = [str(x) for x in e["loc"]]
        field = _FIELD_OF.get(loc[0], "title_fr") if loc else "title_fr"
        if loc[:1] == ["title"] and len(loc) > 1:
            field = f"title_{loc[1]}"
        errors.setdefault(field, d.t("prog_err_invalid"))
    return errors


def _when(d: Desk, starts_at: datetime, ends_at: datetime) -> str:
    zone = ZoneInfo(d.conference.timezone)
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    # an end past midnight says so (tried as a protocol officer, 5 December 2026)
    later = f" {d.t('next_day')}" if end.date() != start.date() else ""
    return f"{_day_name(start.date(), d.language)} {start:%H:%M}–{end:%H:%M}{later}"


async def _room_names(request: web.Request, d: Desk, officer: ProtocolOfficer
                      ) -> dict[str, str]:
    """Each room's name in the reader's language, by its id."""
    rooms = await programme.rooms(request.app[pool_key], officer, d.conference.slug)
    return {str(r.id): r.names.get(d.language) for r in rooms}


def _conflicts(d: Desk, exc: SchedulingConflict, names: dict[str, str] | None = None,
               rooms: dict[str, str] | None = None) -> list[str]:
    """Each clash the database refused, naming the other session (its title and time), and why
    when a royal-presence session holds its room from its guests' seating (its start minus the
    seating lead time): the session written (said after each line) or the other one. The room
    in the reader's language (``rooms``, by id): the clash carries the conference's first
    language's name, and an English page said "Salle 1"."""
    zone = ZoneInfo(d.conference.timezone)
    mine = exc.extra.get("seated_by")
    why = (" " + d.t("prog_conflict_seated",
                     time=f"{datetime.fromisoformat(mine).astimezone(zone):%H:%M}")
           if mine else "")
    lines = []
    for c in exc.extra.get("conflicts", []):
        title = c["title"].get(d.language) or c["title"].get("en", "")
        when = _when(d, datetime.fromisoformat(c["starts_at"]),
                     datetime.fromisoformat(c["ends_at"]))
        if c.get("seated_by"):
            when += d.t("prog_conflict_theirs_seated", time=(
                f"{datetime.fromisoformat(c['seated_by']).astimezone(zone):%H:%M}"))
        room = (rooms or {}).get(str(c.get("room_id"))) or c["room"]
        if c["kind"] == "room":
            lines.append(d.t("prog_conflict_room", room=room, title=title, when=when))
        else:
            who = (names or {}).get(str(c.get("accreditation_id")), "")
            lines.append(d.t("prog_conflict_person", who=who, title=title, room=room,
                             when=when))
    return [line + why for line in lines or [d.t("prog_err_conflict")]]


def _refusal_message(d: Desk, exc: Conflict) -> str:
    """A refusal of the programme's rules, in the person's language."""
    if isinstance(exc, SecurityListFrozen):
        deadline = d.conference.security_list_deadline
        return d.t("prog_err_frozen", deadline=_moment(d, deadline) if deadline else "")
    if isinstance(exc, RoyalPresenceRule):
        return d.t("prog_err_royal_rule")
    if isinstance(exc, ClearanceRefused):
        return d.t(f"prog_err_clearance_refused_{exc.extra.get('role', 'speaker')}",
                   name=exc.name)
    if isinstance(exc, NotEligible):
        return d.t("prog_err_not_eligible")
    if exc.extra.get("field") == "role":
        return d.t("prog_err_one_chair")
    if exc.extra.get("status_now") == "cancelled":
        return d.t("prog_is_cancelled")
    return exc.detail


def _moment(d: Desk, at: datetime) -> str:
    return formatting.moment(at, d.conference.timezone, d.language, weekday=True)


def _choices(d: Desk, rooms: list[Room]) -> dict[str, Any]:
    t = d.t
    return {
        "kinds": [(k.value, t(f"kind_{k.value}")) for k in SessionKind],
        "press_accesses": [(p.value, t(f"press_{p.value}")) for p in PressAccess],
        "categories": [(c.value, t(f"category_{c.value}")) for c in Category],
        # each name isolated (U+2068 … U+2069, as <bdi> where an option takes no markup): a
        # room named in Arabic took its seat count to its other side (tryout, 5 December 2026)
        "room_choices": [(str(r.id), f"\u2068{r.names.get(d.language)}\u2069 ({r.capacity})")
                         for r in in_order_added(rooms)],
        "day_choices": [(x.isoformat(), _day_name(x, d.language))
                        for x in days_of(d.conference.starts_on, d.conference.ends_on)],
    }


def _session_switch(d: Desk, action: str, **params: str) -> dict[str, str]:
    """The header's language control on a session's form (docs/workspaces.md, "The language
    control"): it sends the form, with what is typed in it now, to its switch, which shows it
    again in the other language, filled, and schedules or changes nothing."""
    return {"form": "session-form", "name": SWITCH,
            "action": frame.with_lang(action, frame.other_language(d.language), **params)}


def _switch_errors(d: Desk, values: dict[str, Any], rooms: list[Room], model: Any
                   ) -> dict[str, str]:
    """A session's form sent before, on its language switch: the errors its values have now,
    those the form and the model find (no database, nothing written)."""
    fields, errors = _session_fields(d, values, rooms)
    if errors:
        return errors
    try:
        model.model_validate(fields)
    except ValidationError as exc:
        return _validation_errors(d, exc)
    return {}


async def _new_page(request: web.Request, d: Desk, officer: ProtocolOfficer,
                    values: dict[str, Any], *, errors: dict[str, str] | None = None,
                    message: str | None = None, conflicts: list[str] | None = None,
                    status: int = 200, sent: bool = False) -> web.Response:
    t = d.t
    rooms = await programme.rooms(request.app[pool_key], officer, d.conference.slug)
    day = _day_of(d, values.get("day"))
    return frame.render(
        request, "programme_session_new.html", d.language, person=d.person,
        conference=d.conference, status=status, title=t("prog_session_new"),
        switch_to=f"{d.base}/sessions/new", sent=sent,
        switch_submit=_session_switch(d, f"{d.base}/sessions"),
        crumbs=_crumbs(d, (t("prog_title"), _grid_url(d, day)), (t("prog_session_new"), None)),
        base=d.base, values=values, errors=errors or {}, message=message,
        conflicts=conflicts or [], **_choices(d, rooms))


@routes.add("GET", "/manage/{slug}/sessions/new",
            summary="A new session's form, its day, room and time prefilled from the grid (HTML)",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def grid_session_new(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    q = request.query
    starts = _clock(q.get("starts", "")[:5])
    ends = _clock(q.get("ends", "")[:5])
    values: dict[str, Any] = {
        "title_fr": "", "title_en": "", "kind": "", "press_access": "closed",
        "room_id": q.get("room", "")[:40], "day": _day_of(d, q.get("day")).isoformat(),
        "starts": f"{starts:%H:%M}" if starts else "", "ends": f"{ends:%H:%M}" if ends else "",
        "audience": [], "royal_presence": False,
    }
    return await _new_page(request, d, officer, values)


@routes.add("POST", "/manage/{slug}/sessions",
            summary="Schedule a session (HTML form); switch=1 (the header's language control) "
                    "only shows it again in ?lang, filled, never scheduled",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def grid_session_create(request: web.Request) -> web.Response:
    d, officer = await _console(request)

    async def show(values: dict[str, Any], **page: Any) -> web.Response:
        return await _new_page(request, d, officer, values, **page)

    read = await _session_form(request, d, officer, SessionIn, show)
    if isinstance(read, web.Response):
        return read
    values, fields = read
    written = await _write_session(
        request, d, officer, lambda: programme.schedule_session(
            request.app[pool_key], officer, d.conference.slug, SessionIn.model_validate(fields),
            now(request)),
        conflict_on="room_id")
    if isinstance(written, _Refused):
        return await show(values, sent=True, errors=written.errors,
                          conflicts=written.conflicts, message=written.message,
                          status=written.status)
    _see_other(_session_url(d, written.id, done="saved"))


async def _session_form(request: web.Request, d: Desk, officer: ProtocolOfficer,
                        model: type[SessionIn] | type[SessionPatch],
                        show: Callable[..., Awaitable[web.Response]]
                        ) -> tuple[dict[str, Any], dict[str, Any]] | web.Response:
    """A session's form sent (a new one, ``SessionIn``, or a change, ``SessionPatch``): the
    values as typed and the fields as the API takes them, or the form shown again by ``show``
    (its values, then the page's words): refused without its CSRF token (403), filled again
    in the other language by the header's language control, never written (its errors shown
    again once it was sent), or with each error on its field (422)."""
    t = d.t
    form = await read_form(request)
    values = _read_session_form(form)
    sent = sent_before(form)
    if not frame.csrf_ok(request, form, d.person):
        return await show(values, message=t("csrf_failed"), status=403, sent=sent)
    rooms = await programme.rooms(request.app[pool_key], officer, d.conference.slug)
    if switching(form):  # the language control: shown again, never written
        return await show(values, sent=sent, errors=_switch_errors(
            d, values, rooms, model) if sent else None)
    fields, errors = _session_fields(d, values, rooms)
    if errors:
        return await show(values, errors=errors, status=422, sent=True)
    return values, fields


_Written = TypeVar("_Written")


@dataclasses.dataclass(frozen=True)
class _Refused:
    """A session's form refused, as the form says it: the status, the message on each field,
    the scheduling conflicts in lines, or the refusal in words."""

    status: int
    errors: dict[str, str] = dataclasses.field(default_factory=dict)
    conflicts: list[str] = dataclasses.field(default_factory=list)
    message: str | None = None


async def _write_session(request: web.Request, d: Desk, officer: ProtocolOfficer,
                         write: Callable[[], Awaitable[_Written]], *,
                         session_id: UUID | None = None,
                         conflict_on: str | None = None) -> _Written | _Refused:
    """Run a use-case that writes a session's form (schedule, change: the API's), or say its
    refusal on the form: a model's or a rule's on its field (422), a scheduling conflict in
    lines naming the other session, the first on ``conflict_on`` or else on the room or the
    time it is about (409), another conflict in words (409). ``session_id``: the session
    written, whose participants a person's clash names."""
    try:
        return await write()
    except StaleForm:
        raise  # the page is shown again as the session is now (``grid_session_change``)
    except ValidationError as exc:
        return _Refused(422, _validation_errors(d, exc))
    except Invalid as exc:
        return _Refused(422, _invalid_errors(d, exc))
    except SchedulingConflict as exc:
        names = await _names(request, session_id) if session_id is not None else None
        lines = _conflicts(d, exc, names, await _room_names(request, d, officer))
        on = conflict_on or ("room_id" if any(
            c["kind"] == "room" for c in exc.extra.get("conflicts", [])) else "starts")
        return _Refused(409, {on: lines[0]}, lines)
    except Conflict as exc:
        return _Refused(409, message=_refusal_message(d, exc))


def _invalid_errors(d: Desk, exc: Invalid) -> dict[str, str]:
    errors: dict[str, str] = {}
    for e in exc.extra.get("errors", []):
        field = _FIELD_OF.get(e.get("field", ""), "title_fr")
        errors.setdefault(field, d.t(_MESSAGE_OF.get(e.get("type", ""), "prog_err_invalid")))
    return errors


# --- a session's page: edit, participants -----------------------------------------------------


def refused_on_stage(people: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The chair and speakers whose security clearance was refused, for the warning at the top
    of the session's page and its protocol views: they keep their place at the head table and
    in the speaking order until protocol takes them off (docs/credentials.md, "Vetting")."""
    return [{"name": f"{p['given_name']} {p['family_name']}", "role": p["role"]}
            for p in people if p["clearance_refused"] and p["role"] in ("chair", "speaker")]


async def _refused_people(request: web.Request, s: Session) -> list[dict[str, str]]:
    async with connection(request) as conn:
        return refused_on_stage(await ws.session_participant_names(conn, s.id))



async def _session_page(request: web.Request, d: Desk, officer: ProtocolOfficer, s: Session,
                        *, values: dict[str, Any] | None = None,
                        errors: dict[str, str] | None = None, message: str | None = None,
                        conflicts: list[str] | None = None,
                        participant_message: str | None = None,
                        participant_conflicts: list[str] | None = None,
                        status: int = 200, sent: bool = False) -> web.Response:
    """``sent``: the session's form was sent (its errors shown), so its language switch shows
    them again (``pages.handlers.sent_before``)."""
    t = d.t
    pool = request.app[pool_key]
    rooms = await programme.rooms(pool, officer, d.conference.slug)
    search = domain.search_text(request.query.get("q", ""))
    async with connection(request) as conn:
        people = await ws.session_participant_names(conn, s.id)
        found = await ws.participant_candidates(conn, d.conference.id, s.id, search) \
            if search else []
        overlaps = await ws.audience_overlaps(conn, s.id)
    for a in (*found, *people):  # with whom each comes, in the reader's language
        a["from"] = country_name(a["country"], d.language) if a["country"] \
            else a["organisation"] or a["press_outlet"] or ""
    flash = None
    done = request.query.get("done")
    if done == "saved":
        flash = t("prog_session_saved")
    elif done == "moved":
        flash = t("prog_session_moved", when=_when(d, s.starts_at, s.ends_at))
    elif done == "added":
        who = next((p for p in people if str(p["accreditation_id"]) == request.query.get("who")),
                   None)
        if who is not None:
            flash = t("prog_participant_added", name=f"{who['given_name']} {who['family_name']}")
    elif done == "role":
        who = next((p for p in people if str(p["accreditation_id"]) == request.query.get("who")),
                   None)
        if who is not None:
            flash = t("prog_role_changed", name=f"{who['given_name']} {who['family_name']}",
                      role=t(f"prog_role_{who['role']}").lower())
    elif done == "removed":
        removed = frame.flash_text(request, "name", 320)
        flash = t("prog_participant_removed_named", name=removed) if removed \
            else t("prog_participant_removed")
    day = s.starts_at.astimezone(ZoneInfo(d.conference.timezone)).date()
    title = s.title.get(d.language)
    # a royal-presence session says so under its times, as the public programme does, with
    # the time guests are seated by: the form's box alone, far below, did not
    royal = None
    if s.royal_presence and s.status != "cancelled":
        royal = t("royal_presence", patron=_patron(d)) if d.conference.patron else \
            t("prog_f_royal_presence")
        if s.seated_by is not None:
            seated = s.seated_by.astimezone(ZoneInfo(d.conference.timezone))
            royal += " · " + t("prog_seated_by", time=f"{seated:%H:%M}")
    return frame.render(
        request, "programme_session.html", d.language, person=d.person, royal=royal,
        conference=d.conference, status=status, title=title,
        crumbs=_crumbs(d, (t("prog_title"), _grid_url(d, day)), (title, None)),
        base=d.base, session=s, values=values or _values_of(s, d.conference.timezone),
        errors=errors or {}, message=message, conflicts=conflicts or [],
        participant_message=participant_message,
        participant_conflicts=participant_conflicts or [], people=people, search=search,
        refused_people=refused_on_stage(people),
        # the same audience expected at another session at that time (said, not refused)
        overlaps=[t("prog_overlap", title=o["title"].get(d.language) or o["title"]["en"],
                    when=_when(d, o["starts_at"], o["ends_at"]),
                    audience=", ".join(t(f"category_{c}") for c in sorted(o["shared"])))
                  for o in overlaps],
        # the press in the audience of a session that keeps it out: no journalist is invited
        # (docs/workspaces.md, "Programme builder")
        press_kept_out=programme_domain.press_kept_out(s.audience, s.press_access)
        if s.status != "cancelled" else None,
        found=found, roles=[(r.value, t(f"prog_role_{r.value}")) for r in ParticipantRole],
        flash=flash, when=_when(d, s.starts_at, s.ends_at), sent=sent,
        moves=[(m, t("prog_move_later" if m > 0 else "prog_move_earlier", minutes=abs(m)))
               for m in MOVES],
        unpublished=await _unpublished(request, d, officer),
        # the header's language control carries the session's form, the page's one typed
        # form (the participants' are a choice each), and the search it was opened with
        switch_submit=None if s.status == "cancelled" else _session_switch(
            d, f"{d.base}/sessions/{s.id}", **({"q": search} if search else {})),
        **_choices(d, rooms))


@routes.add("GET", "/manage/{slug}/sessions/{session_id}",
            summary="A session of the draft: its form, participants and protocol views (HTML; "
                    "?q= searches approved accreditations to add)",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def grid_session_page(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    return await _session_page(request, d, officer, await _session_here(request, d, officer))


@routes.add("POST", "/manage/{slug}/sessions/{session_id}",
            summary="Change a session: times, room, titles, kind, press, audience, royal "
                    "presence (HTML form); switch=1 (the header's language control) only "
                    "shows it again in ?lang, filled, never changed",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def grid_session_change(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    s = await _session_here(request, d, officer)

    async def show(values: dict[str, Any], **page: Any) -> web.Response:
        return await _session_page(request, d, officer, s, values=values, **page)

    read = await _session_form(request, d, officer, SessionPatch, show)
    if isinstance(read, web.Response):
        return read
    values, fields = read
    try:
        refused = await _change(request, d, officer, s, fields, values,
                                based_on=values["based_on"] or None)
    except StaleForm:
        # someone else saved it since this page was opened: their change stands, the form
        # shows the session as it is now (docs/workspaces.md, "Two officers on one session")
        now_is = await _session_here(request, d, officer)
        return await _session_page(request, d, officer, now_is, status=409,
                                   message=d.t("prog_err_stale"))
    if refused is not None:
        return refused
    _see_other(_session_url(d, s.id, done="saved"))


async def _change(request: web.Request, d: Desk, officer: ProtocolOfficer, s: Session,
                  patch: SessionPatch | dict[str, Any], values: dict[str, Any] | None = None,
                  moved: bool = False, based_on: str | None = None) -> web.Response | None:
    """Change the session through the use-case the API calls (``patch``, or the form's fields
    to make it of); the page again with the refusal on its field (a conflict, a rule), or None
    once changed. ``moved``: the "Move" form's change, whose refusal is said on that form, the
    session's form left as saved."""
    def write() -> Awaitable[Session]:
        return programme.change_session(
            request.app[pool_key], officer, s.id, patch if isinstance(patch, SessionPatch)
            else SessionPatch.model_validate(patch), now(request), based_on)

    refused = await _write_session(request, d, officer, write, session_id=s.id,
                                   conflict_on="move_minutes" if moved else None)
    if not isinstance(refused, _Refused):
        return None
    return await _session_page(request, d, officer, s, values=values, sent=not moved,
                               errors=refused.errors, conflicts=refused.conflicts,
                               message=refused.message, status=refused.status)


async def _session_post(request: web.Request, *, participants: bool = False
                        ) -> tuple[Desk, ProtocolOfficer, Session, Form] | web.Response:
    """A form posted from a session's page (move, participants): the desk, the officer, the
    session and the form's fields; or the page again, refusing a form without its CSRF token
    (403) above the form it came from (``participants``: the participants' forms)."""
    d, officer = await _console(request)
    s = await _session_here(request, d, officer)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, d.person):
        refused = d.t("csrf_failed")
        if participants:
            return await _session_page(request, d, officer, s, participant_message=refused,
                                       status=403)
        return await _session_page(request, d, officer, s, message=refused, status=403)
    return d, officer, s, form


MOVES = (-60, -30, -15, 15, 30, 60)
"""The minutes the session page's "Move" form offers: on the day, a session runs late or
starts early by a quarter or half an hour, and its end moves with its start."""


@routes.add("POST", "/manage/{slug}/sessions/{session_id}/move",
            summary="Move a session earlier or later by some minutes, its length kept (HTML "
                    "form: minutes, one of -60, -30, -15, 15, 30, 60)",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def grid_session_move(request: web.Request) -> web.Response:
    posted = await _session_post(request)
    if isinstance(posted, web.Response):
        return posted
    d, officer, s, form = posted
    t = d.t
    try:
        minutes = int(str(form.get("minutes", "")))
    except ValueError:
        minutes = 0
    if minutes not in MOVES or s.status == "cancelled":
        return await _session_page(request, d, officer, s, status=422,
                                   errors={"move_minutes": t("prog_err_move")})
    # a session moved on the day keeps its length: its end moves with its start (tried as a
    # protocol officer, 2 December 2026: moving meant typing both times again)
    shift = timedelta(minutes=minutes)
    refused = await _change(request, d, officer, s, SessionPatch(
        starts_at=s.starts_at + shift, ends_at=s.ends_at + shift), moved=True)
    if refused is not None:
        return refused
    _see_other(_session_url(d, s.id, done="moved"))


async def _names(request: web.Request, session_id: UUID) -> dict[str, str]:
    async with connection(request) as conn:
        people = await ws.session_participant_names(conn, session_id)
    return {str(p["accreditation_id"]): f"{p['given_name']} {p['family_name']}" for p in people}


@routes.add("GET", "/manage/{slug}/sessions/{session_id}/cancel",
            summary="Confirm the cancellation of a session (HTML)", who=WHO, tag="workspaces",
            media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def grid_session_cancel_confirm(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    return await _cancel_page(request, d, await _session_here(request, d, officer))


async def _cancel_page(request: web.Request, d: Desk, s: Session, *,
                       message: str | None = None, status: int = 200) -> web.Response:
    t = d.t
    title = s.title.get(d.language)
    return frame.render(
        request, "programme_cancel.html", d.language, person=d.person,
        conference=d.conference, status=status,
        title=t("prog_cancel_title", title=title),
        crumbs=_crumbs(d, (t("prog_title"), f"{d.base}/programme"),
                       (title, f"{d.base}/sessions/{s.id}"),
                       (t("prog_cancel_session"), None)),
        base=d.base, session=s, when=_when(d, s.starts_at, s.ends_at), message=message)


@routes.add("POST", "/manage/{slug}/sessions/{session_id}/cancel",
            summary="Cancel a session (HTML form, after the confirmation page)", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 409))
@frame.page
async def grid_session_cancel(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    s = await _session_here(request, d, officer)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, d.person):
        return await _cancel_page(request, d, s, message=d.t("csrf_failed"), status=403)
    try:
        await programme.cancel_session(request.app[pool_key], officer, s.id, now(request))
    except Conflict as exc:
        return await _cancel_page(request, d, s, message=_refusal_message(d, exc), status=409)
    day = s.starts_at.astimezone(ZoneInfo(d.conference.timezone)).date()
    _see_other(_grid_url(d, day, done="cancelled"))


@routes.add("POST", "/manage/{slug}/sessions/{session_id}/participants",
            summary="Put a person found by the search on a session with a role (HTML form)",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def grid_participant_add(request: web.Request) -> web.Response:
    return await _put_participant(request, existing_only=False, done="added")


@routes.add("POST", "/manage/{slug}/sessions/{session_id}/participants/role",
            summary="Change the role of a person on a session: chair, speaker or attendee "
                    "(HTML form)",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def grid_participant_role(request: web.Request) -> web.Response:
    """The role select beside each participant: the use-case of
    ``PUT /api/v1/sessions/{id}/participants/{accreditation_id}`` (``put_participant``), so
    that a second chair is made by first making the chair a speaker, on the page that says so
    (docs/workspaces.md, "Programme builder"). Only a person already on the session: this
    form changes a role, it never adds anyone."""
    return await _put_participant(request, existing_only=True, done="role")


async def _put_participant(request: web.Request, *, existing_only: bool, done: str
                           ) -> web.Response:
    """The participant forms' common road to ``programme.put_participant``: the search's "add"
    (anyone of the conference) and the role select (``existing_only``: a person already on the
    session); a refusal is said on the session page, a success goes back to it."""
    posted = await _session_post(request, participants=True)
    if isinstance(posted, web.Response):
        return posted
    d, officer, s, form = posted
    t = d.t
    try:
        accreditation_id = UUID(str(form.get("accreditation_id", "")))
        role = ParticipantRole(str(form.get("role", "")))
    except ValueError:
        return await _session_page(request, d, officer, s,
                                   participant_message=t("err_choice"), status=422)
    if existing_only and str(accreditation_id) not in await _names(request, s.id):
        return await _session_page(request, d, officer, s,
                                   participant_message=t("prog_err_not_on_session"), status=409)
    try:
        await programme.put_participant(request.app[pool_key], officer, s.id,
                                        accreditation_id, role, now(request))
    except SchedulingConflict as exc:
        return await _session_page(request, d, officer, s,
                                   participant_conflicts=_conflicts(d, exc, {
                                       str(accreditation_id): str(form.get("name", ""))[:200]},
                                       await _room_names(request, d, officer)),
                                   status=409)
    except Conflict as exc:
        return await _session_page(request, d, officer, s,
                                   participant_message=_refusal_message(d, exc), status=409)
    except Invalid:
        return await _session_page(request, d, officer, s,
                                   participant_message=t("err_choice"), status=422)
    _see_other(_session_url(d, s.id, done=done, who=str(accreditation_id)))


@routes.add("GET", "/manage/{slug}/sessions/{session_id}/participants/{accreditation_id}/remove",
            summary="Take a person off a session: the confirmation (who, which session, in what "
                    "part, and whether the next publication updates their calendar), whose "
                    "form posts to …/participants/remove",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def grid_participant_remove_confirm(request: web.Request) -> web.Response:
    """One click in the participants' table took a minister off a session, with no way back
    but adding them again (tryout, 4 December 2026): the table's link leads here first
    (docs/workspaces.md, "Programme builder")."""
    d, officer = await _console(request)
    s = await _session_here(request, d, officer)
    try:
        accreditation_id = UUID(request.match_info["accreditation_id"])
    except ValueError:
        raise NotFound("This accreditation is not on this session.") from None
    async with connection(request) as conn:
        people = await ws.session_participant_names(conn, s.id)
        held = await ws.holds_session_invitation(conn, s.id, accreditation_id)
    who = next((p for p in people if p["accreditation_id"] == accreditation_id), None)
    if who is None or s.status == "cancelled":
        raise NotFound("This accreditation is not on this session.")
    t, title = d.t, s.title.get(d.language)
    name = f"{who['given_name']} {who['family_name']}"
    return frame.render(
        request, "programme_remove_confirm.html", d.language, person=d.person,
        conference=d.conference, title=t("prog_remove_title", name=name), name=name,
        session=s, session_title=title, when=_when(d, s.starts_at, s.ends_at),
        role=t(f"prog_role_{who['role']}"), held=held, base=d.base,
        accreditation_id=str(accreditation_id), back=_session_url(d, s.id),
        crumbs=_crumbs(d, (t("prog_title"), f"{d.base}/programme"),
                       (title, _session_url(d, s.id)), (t("prog_remove"), None)))


@routes.add("POST", "/manage/{slug}/sessions/{session_id}/participants/remove",
            summary="Take a person off a session (HTML form)", who=WHO, tag="workspaces",
            media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 409))
@frame.page
async def grid_participant_remove(request: web.Request) -> web.Response:
    posted = await _session_post(request, participants=True)
    if isinstance(posted, web.Response):
        return posted
    d, officer, s, form = posted
    try:
        accreditation_id = UUID(str(form.get("accreditation_id", "")))
    except ValueError:
        raise NotFound("No such accreditation.") from None
    async with connection(request) as conn:
        who = next((p for p in await ws.session_participant_names(conn, s.id)
                    if p["accreditation_id"] == accreditation_id), None)
    try:
        await programme.remove_participant(request.app[pool_key], officer, s.id,
                                           accreditation_id)
    except Conflict as exc:
        return await _session_page(request, d, officer, s,
                                   participant_message=_refusal_message(d, exc), status=409)
    # the flash names whom (a name never in the address: docs/workspaces.md, "Flashes")
    _see_other(_session_url(d, s.id, done="removed", **frame.flash_params(
        request, name=f"{who['given_name']} {who['family_name']}" if who else "")))


# --- protocol views ---------------------------------------------------------------------------


def _view_crumbs(d: Desk, s: Session, name: str) -> list[tuple[str, str | None]]:
    return _crumbs(d, (d.t("prog_title"), f"{d.base}/programme"),
                   (s.title.get(d.language), f"{d.base}/sessions/{s.id}"), (name, None))


def _file_name(d: Desk, s: Session, kind: str) -> str:
    """A session's download, named by the conference, the session's day (the conference's
    time) and its title in the page's language, not by its id (docs/lifecycle.md, "CSV
    files")."""
    day = s.starts_at.astimezone(ZoneInfo(d.conference.timezone)).date()
    return download_name(kind, d.conference.slug, day, s.title.get(d.language))


def _csv(text: str, filename: str) -> web.Response:
    return web.Response(text=text, content_type="text/csv", charset="utf-8", headers={
        "Cache-Control": "no-store",
        "Content-Disposition": f'attachment; filename="{filename}"'})


def _patron(d: Desk) -> str:
    patron = d.conference.patron
    return patron.style.get(d.language) if patron else ""


@routes.add("GET", "/manage/{slug}/sessions/{session_id}/speaking-order",
            summary="A session's speaking order (HTML, printable)", who=WHO, tag="workspaces",
            media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def grid_speaking_order(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    s = await _session_here(request, d, officer)
    order = await programme.speaking_order(request.app[pool_key], officer, s.id, d.language)
    name = d.t("prog_speaking_order")
    return frame.render(
        request, "programme_speaking_order.html", d.language, person=d.person,
        conference=d.conference, title=f"{name} – {s.title.get(d.language)}",
        crumbs=_view_crumbs(d, s, name), base=d.base, session=s, order=order,
        patron=_patron(d), as_of=_moment(d, now(request)), when=_when(d, s.starts_at, s.ends_at),
        refused_people=await _refused_people(request, s))


@routes.add("GET", "/manage/{slug}/sessions/{session_id}/speaking-order.csv",
            summary="A session's speaking order (CSV download)", who=WHO, tag="workspaces",
            media=("text/csv", "text/html"), error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def grid_speaking_order_csv(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    s = await _session_here(request, d, officer)
    # in the page's language, as the page it is linked from (delegations, styles of address)
    order = await programme.speaking_order(request.app[pool_key], officer, s.id, d.language)
    patron = _patron(d)

    def part(_: str, code: str) -> str:
        return d.t("prog_part_patron_arrival", patron=patron) if code == "patron_arrival" \
            else d.t(f"prog_part_{code}")

    # a download for people: the part also in words (docs/lifecycle.md, "CSV files")
    return _csv(speaking_order_csv(order.slots, patron, Words({"part": d.t("prog_part")}, part),
                                   column_titles(d.language)),
                _file_name(d, s, "speaking-order"))


async def _seating_or_none(request: web.Request, officer: ProtocolOfficer, s: Session,
                           language: str | None = None) -> Any:
    """The seating plan, or None while the session has no chair (the plan needs one)."""
    try:
        return await programme.seating(request.app[pool_key], officer, s.id, language)
    except Conflict:
        return None


@routes.add("GET", "/manage/{slug}/sessions/{session_id}/seating",
            summary="A session's seating plan at the head table (HTML, printable)", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def grid_seating(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    s = await _session_here(request, d, officer)
    plan = await _seating_or_none(request, officer, s, d.language)
    people = {str(seat.person.accreditation_id): seat.person for seat in plan.seats} \
        if plan else {}
    name = d.t("prog_seating")
    return frame.render(
        request, "programme_seating.html", d.language, person=d.person,
        conference=d.conference, title=f"{name} – {s.title.get(d.language)}",
        crumbs=_view_crumbs(d, s, name), base=d.base, session=s, plan=plan,
        audience_view=[people[str(i)] for i in plan.from_audience_left_to_right] if plan
        else [], as_of=_moment(d, now(request)), when=_when(d, s.starts_at, s.ends_at),
        seat_of={str(seat.person.accreditation_id): seat.seat for seat in plan.seats}
        if plan else {},
        refused={seat.person.accreditation_id for seat in plan.seats
                 if seat.clearance == "refused"} if plan else set(),
        refused_people=await _refused_people(request, s))


@routes.add("GET", "/manage/{slug}/sessions/{session_id}/seating.csv",
            summary="A session's seating plan (CSV download)", who=WHO, tag="workspaces",
            media=("text/csv", "text/html"), error_media=PAGE_ERRORS, errors=(403, 404, 409))
@frame.page
async def grid_seating_csv(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    s = await _session_here(request, d, officer)
    plan = await programme.seating(request.app[pool_key], officer, s.id, d.language)
    return _csv(seating_csv(plan.seats, column_titles(d.language)), _file_name(d, s, "seating"))


@routes.add("GET", "/manage/{slug}/sessions/{session_id}/security-list",
            summary="The security list of a royal-presence session with its deadline (HTML, "
                    "printable)",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409))
@frame.page
async def grid_security_list(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    s = await _session_here(request, d, officer)
    listing = await programme.security_list(request.app[pool_key], officer, s.id, now(request),
                                            d.language) if s.royal_presence else None
    name = d.t("prog_security_list")
    return frame.render(
        request, "programme_security_list.html", d.language, person=d.person,
        conference=d.conference, title=f"{name} – {s.title.get(d.language)}",
        crumbs=_view_crumbs(d, s, name), base=d.base, session=s, listing=listing,
        country_words=lambda code: country_name(code, d.language),
        day_words=lambda day: formatting.day(day, d.language),
        deadline=_moment(d, listing.deadline) if listing and listing.deadline else None,
        seated_by=f"{listing.seated_by:%H:%M}" if listing and listing.seated_by else None,
        as_of=_moment(d, now(request)), when=_when(d, s.starts_at, s.ends_at),
        status=200 if listing else 409)


@routes.add("GET", "/manage/{slug}/sessions/{session_id}/security-list.csv",
            summary="The security list of a royal-presence session (CSV download)", who=WHO,
            tag="workspaces", media=("text/csv", "text/html"), error_media=PAGE_ERRORS,
            errors=(403, 404, 409))
@frame.page
async def grid_security_list_csv(request: web.Request) -> web.Response:
    d, officer = await _console(request)
    s = await _session_here(request, d, officer)
    listing = await programme.security_list(request.app[pool_key], officer, s.id, now(request),
                                            d.language)
    # what the police check a person against (docs/protocol.md, "Royal presence"): the
    # nationality's and the document type's words in the page's language beside their codes
    words = Words({"category": d.t("category"), "role": d.t("prog_role"),
                   "added_after_freeze": d.t("prog_late_column"),
                   "nationality": d.t("id_nationality"),
                   "document_type": d.t("id_document_type")},
                  lambda column, code: (
                      country_name(code, d.language) if column == "nationality"
                      else d.t(f"id_type_{code}") if column == "document_type"
                      else d.t(f"category_{code}" if column == "category"
                               else f"prog_late_{code}" if column == "added_after_freeze"
                               else f"prog_role_{code}")))
    return _csv(programme_domain.security_list_csv(listing.items, words=words,
                                                   titles=column_titles(d.language)),
                _file_name(d, s, "security-list"))
