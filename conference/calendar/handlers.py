"""ICS feeds: each attendee's own sessions behind a secret URL, and the public programme.

Both are ``METHOD:PUBLISH`` with the invitations' UIDs and SEQUENCEs, an ``ETag`` over the
bytes (stable while nothing changes: DTSTAMP is the version's publication time, or the last
correction of the conference's details they show when later) and ``304`` on
``If-None-Match``. They render the conference as it is now: a corrected venue shows at once.
An unknown, forged or revoked feed token is 404.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime

from aiohttp import web

from conference.calendar import repo
from conference.calendar.invitations import (
    PRODID,
    attendee_view,
    details_changed_at,
    latest_published,
    pool_members,
    session_description,
    session_version,
    session_view,
)
from conference.calendar.itip import Organizer, SessionVersion, build_feed
from conference.calendar.plan import invited_role
from conference.conferences.lookup import conference_by_id, conference_by_slug
from conference.conferences.models import Conference
from conference.errors import NotFound
from conference.http.context import connection, settings_key, signer_key
from conference.http.limits import limit_token_failure
from conference.http.routes import RouteTable
from conference.programme.published import PublishedSession, PublishedVersion
from conference.replies.domain import reply_address
from conference.types import Model

routes = RouteTable()

ICS = "text/calendar"


class FeedQuery(Model):
    lang: str | None = None


def _version(s: PublishedSession, sequence: int, language: str, conference: Conference,
             domain: str) -> SessionVersion:
    return session_version(s, sequence=sequence, language=language, conference=conference,
                           domain=domain,
                           description=session_description(s, conference, language),
                           cancelled=s.cancelled)


def _respond(request: web.Request, body: bytes) -> web.Response:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "private, max-age=300"}
    given = request.headers.get("If-None-Match", "")
    if etag in [t.strip() for t in given.split(",")] or given.strip() == "*":
        return web.Response(status=304, headers=headers)
    return web.Response(body=body, content_type=ICS, charset="utf-8", headers=headers)


def _feed(conference: Conference, published: PublishedVersion | None,
          versions: list[SessionVersion], name: str, organizer: Organizer,
          corrected_at: datetime | None) -> bytes:
    stamp = published.published_at if published else conference.created_at
    if corrected_at is not None and corrected_at > stamp:
        # the details they show (venue, titles) corrected since: a client comparing DTSTAMPs
        # takes the new LOCATION (docs/calendar.md, "Corrected conference details")
        stamp = corrected_at
    return build_feed(versions, name=name, prodid=PRODID, dtstamp=stamp,
                      timezone_name=conference.timezone, organizer=organizer)


@routes.add("GET", "/api/v1/calendar/{feed_token}.ics", summary="A person's own sessions (ICS)",
            who="holder of the secret feed URL", media=(ICS,), tag="calendar",
            errors=(404, 429))
async def personal_feed(request: web.Request) -> web.Response:
    token = request.match_info["feed_token"]
    raw = request.app[signer_key].verify_bytes("feed", token)
    if raw is None or len(raw) != 16:
        limit_token_failure(request)
        raise NotFound("No such calendar.")
    accreditation_id = uuid.UUID(bytes=raw)
    async with connection(request) as conn:
        person = await repo.attendee(conn, accreditation_id)
        if person is None or person["erased_at"] is not None or person["status"] != "approved":
            raise NotFound("No such calendar.")
        conference = await conference_by_id(conn, person["conference_id"])
        published = await latest_published(conn, conference.id)
        states = await repo.invitation_states(conn, accreditation_id)
        corrected_at = await details_changed_at(conn, conference.id)
        pools = await pool_members(conn, conference.id)
    versions = []
    domain = _domain(request)
    lang = person["language"]
    attendee = attendee_view(person)
    for s in published.sessions if published else []:
        view = session_view(s, conference.security_list_deadline, pools)
        if invited_role(view, attendee) is None:
            continue
        state = states.get(view.session_id)
        sequence = state["sequence"] if state and state["method"] == "REQUEST" else view.sequence
        versions.append(_version(s, sequence, lang, conference, domain))
    name = conference.title.get(lang)
    # the same ORGANIZER as the person's invitations, whose UIDs the feed shares
    settings = request.app[settings_key]
    email = conference.organiser_email
    if settings.replies_enabled:
        email = reply_address(request.app[signer_key], accreditation_id, settings.reply_domain)
    organizer = Organizer(email, name[:120])
    return _respond(request, _feed(conference, published, versions, name, organizer,
                                   corrected_at))


@routes.add("GET", "/api/v1/conferences/{slug}/programme.ics",
            summary="The published programme (ICS)", query=FeedQuery, media=(ICS,), tag="calendar",
            errors=(404,))
async def programme_feed(request: web.Request) -> web.Response:
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
        published = await latest_published(conn, conference.id)
        corrected_at = await details_changed_at(conn, conference.id)
    lang = request.query.get("lang") or conference.languages[0]
    if lang not in ("fr", "en"):
        lang = conference.languages[0]
    domain = _domain(request)
    versions = [_version(s, s.sequence, lang, conference, domain)
                for s in (published.sessions if published else [])]
    name = conference.title.get(lang)
    return _respond(request, _feed(conference, published, versions, name,
                                   Organizer(conference.organiser_email, name[:120]),
                                   corrected_at))


def _domain(request: web.Request) -> str:
    return request.app[settings_key].mail.message_id_domain
