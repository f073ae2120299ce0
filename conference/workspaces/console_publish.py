"""The protocol console's publication with a preview (``/manage/{slug}/publish``; protocol,
admin) and the webhooks (``/manage/{slug}/webhooks``; admin).

The preview shows the changelog of the draft against the latest published version and what
the publication would send, per kind (invitations, updates, cancellations), with counts and
one sample message per kind rendered as it would go out: the calendar's own planning and
rendering run dry (``conference.calendar.preview``); nothing is written. The form carries the
preview's fingerprint; publishing refuses it once the draft changed, and shows the new preview
to check instead (docs/workspaces.md)."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from aiohttp import web

from conference.auth import Role
from conference.calendar import preview as calendar_preview
from conference.errors import Forbidden, NotFound, StalePreview
from conference.http.context import connection, now, pool_key, settings_key, signer_key
from conference.http.io import read_form
from conference.http.routes import RouteTable
from conference.programme import service as programme
from conference.programme.models import PublicationPreview, RoleChanged
from conference.roles import protocol_officer
from conference.types import Localized
from conference.webhooks import service as webhooks
from conference.workspaces import frame
from conference.workspaces import repo as ws
from conference.workspaces.console import CONSOLE_ROLES, Desk
from conference.workspaces.console import _desk as console_desk

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
SESSION_CHANGES = ("added", "moved", "re_roomed", "renamed", "cancelled", "details_changed")
PARTICIPANT_CHANGES = ("participants_added", "participants_removed", "participants_changed")


def _participant_changes(preview: PublicationPreview, language: str,
                         names: dict[UUID, tuple[str, str | None]],
                         role_name: Callable[[str], str], in_place_of: Callable[[str], str]
                         ) -> list[tuple[str, str, int, list[str]]]:
    """(kind, session title, how many people, who) for each session whose people changed: each
    person named with their role ("Sophie Lemaire (speaker)"; "(speaker → chair)" for a role
    changed), and a substitute added with whom they replace ("…, in place of Julien
    Marchand"), so that the officer sees that the deputy took the right minister's place before
    the calendars are sent; a count alone did not say who."""
    titles = {s.session_id: s.title.get(language) for s in preview.sessions}
    rows: list[tuple[str, str, int, list[str]]] = []
    for kind in PARTICIPANT_CHANGES:
        people: dict[UUID, list[str]] = {}
        for line in getattr(preview.changes, kind):
            role = role_name(line.role.value)
            if isinstance(line, RoleChanged):
                role = f"{role_name(line.previous_role.value)} → {role}"
            name, replaced = names.get(line.accreditation_id, ("", None))
            said = f"{name} ({role})" if name else ""
            if said and replaced and kind == "participants_added":
                said += f", {in_place_of(replaced)}"
            people.setdefault(line.session_id, []).append(said)
        rows.extend((kind, titles.get(sid, ""), len(who), [w for w in who if w])
                    for sid, who in people.items())
    return rows


async def _preview_page(request: web.Request, d: Desk, *, message: str | None = None,
                        status: int = 200) -> web.Response:
    t = d.t
    pool = request.app[pool_key]
    preview = await programme.preview_publication(pool, protocol_officer(d.principal),
                                                  d.conference.slug)
    empty = preview.changes.is_empty()
    messages = None
    if not empty:
        messages = await calendar_preview.dry_run(
            pool, preview.conference_id, preview.sessions, request.app[settings_key],
            request.app[signer_key], now(request))
    refused: list[dict[str, str]] = []
    if not empty:  # chairs and speakers refused clearance (docs/credentials.md, "Vetting")
        async with connection(request) as conn:
            rows = await ws.clearance_refused_on_stage(conn, preview.conference_id)
        refused = [{"session": Localized.model_validate(r["title"]).get(d.language),
                    "name": f"{r['given_name']} {r['family_name']}",
                    "role": t(f"prog_role_{r['role']}")} for r in rows]
    names: dict[UUID, tuple[str, str | None]] = {}
    if not empty:
        async with connection(request) as conn:
            names = await ws.accreditation_names(
                conn, preview.conference_id,
                {line.accreditation_id for kind in PARTICIPANT_CHANGES
                 for line in getattr(preview.changes, kind)})
    flash = None
    if request.query.get("done") == "published":
        flash = t("flash_published", version=request.query.get("version", "")[:6])
    return frame.render(
        request, "publish_preview.html", d.language, person=d.person, status=status,
        conference=d.conference, title=t("publish_title"), flash=flash, message=message,
        crumbs=d.crumbs((t("console_title"), d.base), (t("publish_title"), None)),
        base=d.base, preview=preview, empty=empty, messages=messages,
        kinds=calendar_preview.KINDS, session_changes=SESSION_CHANGES,
        participant_changes=_participant_changes(
            preview, d.language, names, lambda role: t(f"prog_role_{role}").lower(),
            lambda name: t("prog_late_in_place_of", name=name)),
        refused=refused)


@routes.add("GET", "/manage/{slug}/publish",
            summary="Preview the publication: changelog, messages per kind, samples (HTML)",
            who="protocol, admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def console_publish_preview(request: web.Request) -> web.Response:
    d = await console_desk(request, CONSOLE_ROLES)
    return await _preview_page(request, d)


@routes.add("POST", "/manage/{slug}/publish",
            summary="Publish the draft from its preview; refused once the draft changed (HTML "
            "form)", who="protocol, admin", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def console_publish(request: web.Request) -> web.StreamResponse:
    d = await console_desk(request, CONSOLE_ROLES)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, d.person):
        return await _preview_page(request, d, message=d.t("csrf_failed"), status=403)
    fingerprint = str(form.get("fingerprint", "")).strip()
    if not fingerprint or len(fingerprint) > 64:
        return await _preview_page(request, d, message=d.t("publish_err_no_preview"),
                                   status=422)
    try:
        result = await programme.publish(request.app[pool_key], protocol_officer(d.principal),
                                         d.conference.slug, now(request),
                                         expected_fingerprint=fingerprint)
    except StalePreview:
        return await _preview_page(request, d, message=d.t("publish_err_stale"), status=409)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/publish", d.language, done="published",
                                           version=str(result.version)))


# --- webhooks -----------------------------------------------------------------------------


async def _admin_desk(request: web.Request) -> Desk:
    d = await console_desk(request, CONSOLE_ROLES)
    if d.principal.role is not Role.admin:
        raise Forbidden("Only an administrator manages the webhooks.")
    return d


async def _webhooks_page(request: web.Request, d: Desk, *, message: str | None = None,
                         status: int = 200) -> web.Response:
    t = d.t
    async with connection(request) as conn:
        items = await webhooks.list_of(conn, d.conference.id)
    flash = t("flash_webhook_deleted") if request.query.get("done") == "deleted" else None
    return frame.render(
        request, "publish_webhooks.html", d.language, person=d.person, status=status,
        conference=d.conference, title=t("webhooks_title"), flash=flash, message=message,
        crumbs=d.crumbs((t("console_title"), d.base), (t("ops_title"), f"{d.base}/operations"),
                        (t("webhooks_title"), None)),
        base=d.base, items=items)


@routes.add("GET", "/manage/{slug}/webhooks", summary="The conference's webhooks (HTML)",
            who="admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def console_webhooks(request: web.Request) -> web.Response:
    return await _webhooks_page(request, await _admin_desk(request))


@routes.add("POST", "/manage/{slug}/webhooks/{webhook_id}/delete",
            summary="Delete a webhook; its queued deliveries are cancelled (HTML form)",
            who="admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def console_delete_webhook(request: web.Request) -> web.StreamResponse:
    d = await _admin_desk(request)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, d.person):
        return await _webhooks_page(request, d, message=d.t("csrf_failed"), status=403)
    try:
        webhook_id = UUID(request.match_info["webhook_id"])
    except ValueError:
        raise NotFound("No such webhook.") from None
    async with connection(request) as conn:
        await webhooks.delete(conn, d.conference.id, webhook_id, now(request))
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/webhooks", d.language, done="deleted"))
