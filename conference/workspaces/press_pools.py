"""The press office's pools page (``/manage/{slug}/press/pools``, press_office and admin): the
conference's press pools with their members and the sessions each covers, a form to create a
pool, on each pool a form to add an approved journalist who is in no pool (not one whose
clearance was refused), a button to take a member out, a form to cover a session for the pool
or a photo opportunity and a button to stop covering one; every action
a plain form with its CSRF token (docs/workspaces.md, "Press pools").

The pages call the API's use-cases (``badges.service``: ``create_pool``, ``pools``,
``add_member``, ``remove_member``, ``link_session``, ``unlink_session``, and ``pool_people``
and ``pool_sessions`` for the names) through the
``Principal`` of the grant that opens the desk. A pool named in an address or a form must be
this conference's (the use-cases take a pool's id from any conference, as the API does).

Its routes come before the desk's ``/manage/{slug}/press/{accreditation_id}`` in the route
table (conference/app.py), so that ``pools`` is not read as an application's id."""

from __future__ import annotations

from uuid import UUID

from aiohttp import web
from pydantic import ValidationError

from conference.accreditation.domain import Status
from conference.badges import service as badges
from conference.badges.models import Pool, PoolIn, PoolPerson, PoolSession
from conference.csvfile import Words, download_name, write
from conference.errors import (
    ClearanceRefused,
    Conflict,
    Duplicate,
    Invalid,
    NotEligible,
    NotFound,
)
from conference.http.context import now, pool_key
from conference.http.io import read_form
from conference.http.routes import RouteTable
from conference.pages.handlers import SWITCH, sent_before, switching
from conference.roles import organiser
from conference.workspaces import frame
from conference.workspaces.csv_titles import column_titles
from conference.workspaces.handlers import QUEUE_ROLES, Desk, open_desk

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
WHO = "press_office, admin"
CREATE_FORM = "pool-create-form"


def _member_field(pool_id: UUID | str) -> str:
    """The id of a pool's "add a journalist" select (its errors are named by it)."""
    return f"member-{pool_id}"


def _session_field(pool_id: UUID | str) -> str:
    """The id of a pool's "cover a session" select (its errors are named by it)."""
    return f"session-{pool_id}"


def _crumbs(d: Desk) -> list[tuple[str, str | None]]:
    return d.crumbs((d.t("pools_title"), None))


def _switch(d: Desk) -> dict[str, str]:
    """The header's language control on the pool's name form (docs/workspaces.md, "The
    language control"): the form sent with what is typed in it now, shown again in the other
    language, filled; nothing created. The add forms are a choice each, nothing typed."""
    return {"form": CREATE_FORM, "name": SWITCH,
            "action": frame.with_lang(f"{d.base}/pools", frame.other_language(d.language))}


def _name_errors(d: Desk, name: str) -> dict[str, str]:
    try:
        PoolIn(name=name)
    except ValidationError:
        return {"name": d.t("pools_err_name")}
    return {}


async def _page(request: web.Request, d: Desk, *, values: dict[str, str] | None = None,
                errors: dict[str, str] | None = None, message: str | None = None,
                status: int = 200, sent: bool = False) -> web.Response:
    """The pools page; ``errors`` by control id (``name`` for the pool's name,
    ``member-{pool_id}`` for a pool's add form), each named in the summary at the top."""
    db, who = request.app[pool_key], organiser(d.principal)
    pools = await badges.pools(db, who, d.conference.slug)
    people = await badges.pool_people(db, who, d.conference.slug)
    sessions = await badges.pool_sessions(db, who, d.conference.slug)
    by_id = {p.accreditation_id: p for p in people}
    by_session = {s.id: s for s in sessions}
    shown = [{"id": p.id, "name": p.name, "field": _member_field(p.id),
              "members": [by_id[m] for m in p.members if m in by_id],
              "session_field": _session_field(p.id),
              "sessions": [by_session[i] for i in p.sessions if i in by_session],
              "offered": [s for s in sessions if s.coverable and s.id not in p.sessions]}
             for p in pools]
    # a journalist whose clearance was refused would hold no badge: not offered
    # (docs/workspaces.md, "Press pools")
    candidates = [p for p in people if p.pool_id is None and p.status is Status.approved
                  and p.clearance != "refused"]
    done = request.query.get("done", "")
    flash = None
    if done == "created":
        flash = d.t("pools_flash_created")
    elif done in ("added", "removed", "linked", "unlinked"):
        name = frame.flash_text(request, "name", 200)
        flash = None if name is None else d.t(f"pools_flash_{done}", name=name)
    labels = {"name": d.t("pools_f_name"),
              **{s["field"]: d.t("pools_f_member", pool=s["name"]) for s in shown},
              **{s["session_field"]: d.t("pools_f_session", pool=s["name"]) for s in shown}}
    return frame.render(
        request, "press_pools.html", d.language, person=d.person, conference=d.conference,
        status=status, title=d.t("pools_title"), crumbs=_crumbs(d), flash=flash, base=d.base,
        pools=shown, candidates=candidates, values=values or {}, errors=errors or {},
        labels=labels, message=message, sent=sent, switch_submit=_switch(d),
        # the add form's journalists by role, in the queue's order (docs/workspaces.md)
        roles=QUEUE_ROLES)


async def _pool(request: web.Request, d: Desk) -> Pool:
    """The pool the address names, of this conference; else 404."""
    try:
        wanted = UUID(request.match_info["pool_id"])
    except ValueError:
        raise NotFound("No such pool.") from None
    return await badges.conference_pool(request.app[pool_key], organiser(d.principal),
                                        d.conference.slug, wanted)


def _person_name(p: PoolPerson) -> str:
    return f"{p.given_name} {p.family_name}"


@routes.add("GET", "/manage/{slug}/press/pools",
            summary="The press pools: their members, create a pool, add or remove a member "
                    "(HTML)", who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def pools_page(request: web.Request) -> web.Response:
    return await _page(request, await open_desk(request))


CSV_COLUMNS = ("pool", "family_name", "given_name", "outlet", "role", "status")


@routes.add("GET", "/manage/{slug}/press/pools.csv",
            summary="The press pools and their members (CSV download)", who=WHO,
            tag="workspaces", media=("text/csv", "text/html"), error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def pools_csv(request: web.Request) -> web.Response:
    """Each pool's members, one row each, in the pools' order and the page's (the list the
    press office hands on for a pool session: docs/workspaces.md, "Press pools"); a download
    for people, the role and status also in words, in the page's language (docs/lifecycle.md,
    "CSV files")."""
    d = await open_desk(request)
    db, who = request.app[pool_key], organiser(d.principal)
    pools = await badges.pools(db, who, d.conference.slug)
    by_id = {p.accreditation_id: p for p in await badges.pool_people(db, who, d.conference.slug)}
    rows = [[p.name, m.family_name, m.given_name, m.outlet or "", m.role or "", m.status.value]
            for p in pools for m in (by_id[i] for i in p.members if i in by_id)]
    words = Words({"role": d.t("f_press_role"), "status": d.t("status")},
                  lambda column, code: d.t(f"{column}_{code}"))
    name = download_name("press-pools", d.conference.slug, None)
    return web.Response(text=write(CSV_COLUMNS, rows, words=words,
                                   titles=column_titles(d.language)),
                        content_type="text/csv", charset="utf-8", headers={
                            "Cache-Control": "no-store",
                            "Content-Disposition": f'attachment; filename="{name}"'})


@routes.add("POST", "/manage/{slug}/press/pools",
            summary="Create a press pool (HTML form); switch=1 (the header's language "
                    "control) only shows it again in ?lang, filled, nothing created",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def pool_create(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    form = await read_form(request)
    values = {"name": str(form.get("name", ""))[:300]}
    sent = sent_before(form)
    if not frame.csrf_ok(request, form, d.person):
        return await _page(request, d, values=values, message=d.t("csrf_failed"), status=403,
                           sent=sent)
    errors = _name_errors(d, values["name"])
    if switching(form):  # the language control: shown again, nothing created
        return await _page(request, d, values=values, sent=sent,
                           errors=errors if sent else None)
    if errors:
        return await _page(request, d, values=values, errors=errors, status=422, sent=True)
    try:
        await badges.create_pool(request.app[pool_key], organiser(d.principal),
                                 d.conference.slug, PoolIn(name=values["name"]), now(request))
    except Duplicate as exc:
        return await _page(request, d, values=values, errors={"name": d.t("pools_err_taken")},
                           status=exc.status, sent=True)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/pools", d.language, done="created"))


def _refusal(d: Desk, exc: Invalid | Conflict, pools: list[Pool]) -> str:
    """The add form's error, in the page's words, for what ``add_member`` refuses."""
    if isinstance(exc, ClearanceRefused):
        return d.t("pools_err_clearance_refused")
    if isinstance(exc, NotEligible):
        return d.t("pools_err_not_approved")
    if isinstance(exc, Invalid):
        return d.t("pools_err_not_press")
    current = str(exc.extra.get("pool_id", ""))
    named = next((p.name for p in pools if str(p.id) == current), None)
    return (d.t("pools_err_other_pool", pool=named) if named
            else d.t("pools_err_other_pool_unnamed"))


@routes.add("POST", "/manage/{slug}/press/pools/{pool_id}/members",
            summary="Put an approved journalist in a press pool (HTML form)", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def pool_add_member(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    pool = await _pool(request, d)
    form = await read_form(request)
    field = _member_field(pool.id)
    if not frame.csrf_ok(request, form, d.person):
        return await _page(request, d, message=d.t("csrf_failed"), status=403)
    try:
        accreditation_id = UUID(str(form.get("accreditation_id", "")))
    except ValueError:
        return await _page(request, d, errors={field: d.t("pools_err_choose")}, status=422)
    db, who = request.app[pool_key], organiser(d.principal)
    try:
        await badges.add_member(db, who, pool.id, accreditation_id, now(request))
    except NotFound:  # no such accreditation (or erased)
        return await _page(request, d, errors={field: d.t("pools_err_not_press")},
                           status=422)
    except (Invalid, Conflict) as exc:
        pools = await badges.pools(db, who, d.conference.slug)
        return await _page(request, d, errors={field: _refusal(d, exc, pools)},
                           status=exc.status)
    person = await badges.pool_person(db, who, d.conference.slug, accreditation_id)
    name = _person_name(person) if person is not None else ""
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/pools", d.language, done="added",
                                           **frame.flash_params(request, name=name)))


@routes.add("POST", "/manage/{slug}/press/pools/{pool_id}/members/{accreditation_id}/remove",
            summary="Take a journalist out of a press pool (HTML form)", who=WHO,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def pool_remove_member(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    pool = await _pool(request, d)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, d.person):
        return await frame.error_page(request, 403, d.t("csrf_failed"))
    try:
        accreditation_id = UUID(request.match_info["accreditation_id"])
    except ValueError:
        raise NotFound("This accreditation is not in this pool.") from None
    db, who = request.app[pool_key], organiser(d.principal)
    person = await badges.pool_person(db, who, d.conference.slug, accreditation_id)
    name = _person_name(person) if person is not None else ""
    await badges.remove_member(db, who, pool.id, accreditation_id)  # 404 when not in it
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/pools", d.language, done="removed",
                                           **frame.flash_params(request, name=name)))


def _session_refusal(d: Desk, exc: Invalid | Conflict) -> str:
    """The cover form's error, in the page's words, for what ``link_session`` refuses."""
    if isinstance(exc, Invalid):
        return d.t("pools_err_session_other")
    if exc.extra.get("reason") == "cancelled":
        return d.t("pools_err_session_cancelled")
    return d.t("pools_err_session_access")


def _session_name(d: Desk, found: list[PoolSession], session_id: UUID) -> str:
    """A session as the page's message names it: its title, in the page's language."""
    s = next((s for s in found if s.id == session_id), None)
    return "" if s is None else s.title.get(d.language)


@routes.add("POST", "/manage/{slug}/press/pools/{pool_id}/sessions",
            summary="A press pool covers a session: its members are invited to it (HTML form)",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def pool_link_session(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    pool = await _pool(request, d)
    form = await read_form(request)
    field = _session_field(pool.id)
    if not frame.csrf_ok(request, form, d.person):
        return await _page(request, d, message=d.t("csrf_failed"), status=403)
    try:
        session_id = UUID(str(form.get("session_id", "")))
    except ValueError:
        return await _page(request, d, errors={field: d.t("pools_err_choose_session")},
                           status=422)
    db, who = request.app[pool_key], organiser(d.principal)
    try:
        await badges.link_session(db, who, pool.id, session_id, now(request))
    except NotFound:  # no such session
        return await _page(request, d, errors={field: d.t("pools_err_session_other")},
                           status=422)
    except (Invalid, Conflict) as exc:
        return await _page(request, d, errors={field: _session_refusal(d, exc)},
                           status=exc.status)
    name = _session_name(d, await badges.pool_sessions(db, who, d.conference.slug), session_id)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/pools", d.language, done="linked",
                                           **frame.flash_params(request, name=name)))


@routes.add("POST", "/manage/{slug}/press/pools/{pool_id}/sessions/{session_id}/remove",
            summary="A press pool no longer covers a session: its members' invitations to it "
                    "are cancelled (HTML form)", who=WHO, tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def pool_unlink_session(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request)
    pool = await _pool(request, d)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, d.person):
        return await frame.error_page(request, 403, d.t("csrf_failed"))
    try:
        session_id = UUID(request.match_info["session_id"])
    except ValueError:
        raise NotFound("This pool does not cover this session.") from None
    db, who = request.app[pool_key], organiser(d.principal)
    await badges.unlink_session(db, who, pool.id, session_id)  # 404 when not covered
    name = _session_name(d, await badges.pool_sessions(db, who, d.conference.slug), session_id)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/pools", d.language, done="unlinked",
                                           **frame.flash_params(request, name=name)))
