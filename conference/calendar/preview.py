"""What a publication would send, without sending or storing anything: the dry run behind the
console's publication preview (docs/workspaces.md).

The same planning as the calendar consumer (``plan.plan`` over every attendee against the
invitation states saved so far) and the same rendering (``invitations.Renderer``), applied to
the sessions the draft would freeze instead of the latest published ones. Per kind of message
(invitations, updates, cancellations): how many, and one sample rendered as it would go out.
An update that changes nothing its attendee can see is not sent by the consumer, so it is not
counted here either. The sample hides its recipient's personal calendar link (a secret of
theirs, which the protocol office has no use for); everything else is as sent.
"""

from __future__ import annotations

import email
import email.header
import email.policy
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage

import asyncpg

from conference.calendar.invitations import (
    Q,
    Renderer,
    _load_previous,
    _sent,
    attendee_view,
    details_revision,
    feed_url,
    latest_published,
    pool_members,
    session_view,
    shown,
)
from conference.calendar.plan import Action, SessionView, plan
from conference.calendar.words import detail_changes
from conference.conferences.lookup import conference_by_id
from conference.conferences.models import Conference
from conference.db.pool import Database, connection
from conference.mail.headers import UNBUILDABLE
from conference.outbox.dispatch import DispatchContext, EventRow
from conference.programme.published import PublishedSession
from conference.settings import Settings
from conference.signing import Signer

KINDS = ("invitation", "update", "cancellation")
_BATCH = 500


@dataclass(frozen=True)
class Sample:
    """One message as it would go out: its envelope, its text and its calendar object."""

    recipient: str
    subject: str
    headers: list[tuple[str, str]]
    text: str
    ics: str


@dataclass
class MessagesPreview:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    samples: dict[str, Sample] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def kind_of(action: Action) -> str:
    if action.method == "CANCEL":
        return "cancellation"
    if action.last is not None and action.last.method == "REQUEST":
        return "update"
    return "invitation"


HIDDEN_LINK = "…/api/v1/calendar/•••.ics"
"""What the sample shows instead of its recipient's personal feed link (a secret of theirs)."""


def _decoded(value: str | None) -> str:
    return str(email.header.make_header(email.header.decode_header(value or "")))


def _sample(message: bytes, secret: str) -> Sample:
    parsed = email.message_from_bytes(message, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    text = ics = ""
    for part in parsed.walk():
        if part.get_content_type() == "text/plain" and not text:
            text = str(part.get_content())
        elif part.get_content_type() == "text/calendar" and not ics:
            content = part.get_content()
            ics = content.decode() if isinstance(content, bytes) else str(content)
    shown = ("From", "To", "Reply-To", "Subject", "Date", "Content-Language")
    # the headers as a mail client shows them: the RFC 2047 decoding, which joins the encoded
    # words a long name is folded into ("la sécurit" + "é en ligne"), where the address
    # parser of policy.default put a space between them (docs/workspaces.md, "Publish with
    # a preview")
    raw = email.message_from_bytes(message)
    return Sample(recipient=_decoded(raw["To"]), subject=_decoded(raw["Subject"]),
                  headers=[(h, _decoded(raw[h])) for h in shown if raw[h] is not None],
                  text=text.replace(secret, HIDDEN_LINK),
                  ics=ics.replace("\r\n", "\n").replace(secret, HIDDEN_LINK))


async def dry_run(
    db: Database, conference_id: uuid.UUID, sessions: list[PublishedSession],
    settings: Settings, signer: Signer, now: datetime,
) -> MessagesPreview:
    """Count the messages publishing ``sessions`` would send and render one of each kind."""
    preview = MessagesPreview()
    async with connection(db) as conn:
        conference = await conference_by_id(conn, conference_id)
        ctx = DispatchContext(settings=settings, now=now)
        details = await details_revision(conn, conference_id)
        renderer = Renderer(conference, ctx, signer, details=details)
        by_id = {s.session_id: s for s in sessions}
        pools = await pool_members(conn, conference_id)
        views = [session_view(s, conference.security_list_deadline, pools) for s in sessions]
        event = EventRow(id=0, type="programme.published", conference_id=conference_id,
                         subject_id=None, payload={}, occurred_at=now)
        after = 0
        while True:
            rows = await conn.fetch(Q["attendees_after"], conference_id, after, _BATCH)
            if not rows:
                break
            after = rows[-1]["seq"]
            await _count(conn, renderer, preview, rows, views, by_id, event)
    return preview


async def _count(conn: asyncpg.Connection, renderer: Renderer, preview: MessagesPreview,
                 rows: list[asyncpg.Record], views: list[SessionView],
                 by_id: dict[uuid.UUID, PublishedSession], event: EventRow) -> None:
    states = await conn.fetch(Q["states_of_accreditations"], [r["id"] for r in rows])
    actions = [a for a in plan(views, [attendee_view(r) for r in rows], _sent(states),
                               renderer.details, event.occurred_at)
               if a.session_id in by_id]
    await _load_previous(conn, renderer, renderer.conference.id, actions, by_id)
    people = {r["id"]: r for r in rows}
    for a in actions:
        kind = kind_of(a)
        session = by_id[a.session_id]
        person = people[a.accreditation_id]
        if kind == "update" and not renderer.changes(session, a, person["language"]):
            continue  # nothing this person can see changed: the consumer sends nothing
        preview.counts[kind] += 1
        if kind not in preview.samples:
            try:
                delivery = renderer.message(session, a, person, event)
            except UNBUILDABLE:
                continue  # the consumer parks this one message; another shows the kind
            if delivery is not None:
                secret = feed_url(renderer.ctx.settings.base_url, renderer.signer,
                                  a.accreditation_id)
                preview.samples[kind] = _sample(delivery.message, secret)


async def _held(conn: asyncpg.Connection, conference_id: uuid.UUID, now: datetime
                ) -> list[tuple[PublishedSession, str, int]]:
    """The invitations held to the sessions of the latest published version that take place
    and are not over by ``now`` (a past session's entry is left as it is: docs/calendar.md,
    "Sessions already over"): (session, holder's language, how many)."""
    published = await latest_published(conn, conference_id)
    if published is None:
        return []
    sessions = {s.session_id: s for s in published.sessions
                if not s.cancelled and s.ends_at > now}
    return [(sessions[r["session_id"]], r["language"], r["held"])
            for r in await conn.fetch(Q["invitations_held"], conference_id)
            if r["session_id"] in sessions]


async def invitations_held(db: Database, conference_id: uuid.UUID, now: datetime) -> int:
    """How many invitations people hold to the published sessions that take place and are not
    over by ``now``: what a correction of the venue would update (the console's settings
    page)."""
    async with connection(db) as conn:
        return sum(n for _, _, n in await _held(conn, conference_id, now))


async def details_updates(db: Database, before: Conference, after: Conference,
                          replies_enabled: bool, now: datetime) -> int:
    """How many updated invitations a correction of the conference's details sends
    (``before`` → ``after``): each invitation held to a session that takes place, not over by
    ``now``, whose entry shows a changed detail to its holder, in their language
    (docs/calendar.md, "Corrected conference details")."""
    async with connection(db) as conn:
        held = await _held(conn, after.id, now)
    count = 0
    seen: dict[tuple[bool, str], bool] = {}
    for s, language, n in held:
        key = (s.royal_presence, language)
        if key not in seen:
            seen[key] = bool(detail_changes(shown(before, s.royal_presence, language,
                                                  replies_enabled),
                                            shown(after, s.royal_presence, language,
                                                  replies_enabled), language))
        count += n if seen[key] else 0
    return count
