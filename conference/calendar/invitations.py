"""The calendar consumer: turns ``programme.published`` and accreditation decisions into iTIP
REQUEST and CANCEL messages, per attendee and per session, exactly as ``plan`` decides.

It runs inside the dispatch transaction of its event (see ``conference.outbox.worker``): the
messages (deliveries) and the new ``invitation_state`` commit together, so a worker killed at any
point neither loses nor repeats a decision. A transaction-scoped advisory lock per conference
serialises two workers reconciling the same conference; the subscription declares it, so the
worker takes it before any consumer of its batch locks a row (docs/outbox.md, "Locks"). A big
reconciliation (a publication to thousands) is done in steps of ``ctx.limit`` messages, each its
own transaction: each step plans again from the states saved by the previous ones, so it
produces exactly the rest.

The consumer does not render: each delivery holds a reference (``RenderRef``: the render
context of the conference, programme version and settings, and the person's small inputs), and
the worker renders it at send time through ``InvitationDeliveries``, into the same bytes on every
attempt and in any process (docs/outbox.md, "Rendered at send time"). Rendering is per session
version, not per message: one ``InvitationTemplate`` and one MIME skeleton per (session, method,
sequence, language), filled in per attendee.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import asdict, astuple, dataclass, replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg

from conference.calendar.itip import Attendee, InvitationTemplate, Organizer, SessionVersion
from conference.calendar.mime import InvitationSkeleton, check_recipient
from conference.calendar.plan import Action, AttendeeView, Sent, SessionView, plan
from conference.calendar.words import Shown, changes, detail_changes, part_name
from conference.conferences.domain import CALENDAR_FIELDS, sender_address
from conference.conferences.lookup import CALENDAR_REVISION_SQL, calendar_revision, conference_by_id
from conference.conferences.models import Conference
from conference.db.pool import connection
from conference.db.sql import queries_beside
from conference.mail.formatting import short, span, time_of_day
from conference.mail.headers import UNBUILDABLE
from conference.mail.render import load_template, render_template
from conference.mail.wording import agreement, form_of_address, sender_name, with_short_name
from conference.outbox.dispatch import (
    ConsumerResult,
    DispatchContext,
    EventRow,
    NewDelivery,
    Parked,
    RenderRef,
    Subscription,
    advisory_key,
)
from conference.programme.published import PublishedSession, PublishedVersion
from conference.protocol.address import closing, royal_style, salutation
from conference.replies.domain import reply_address
from conference.settings import Settings
from conference.signing import Signer, load_signer

Q = queries_beside(__file__)
PRODID = "-//Conference logistics//Programme//EN"
_SALUTATION = "\x00salutation\x00"  # NUL: in no text from PostgreSQL, nor in a template
_FEED_URL = "\x00feed_url\x00"


def session_uid(session_id: uuid.UUID | str, domain: str) -> str:
    return f"session-{session_id}@{domain}"


def feed_token(signer: Signer, accreditation_id: uuid.UUID) -> str:
    return signer.sign_bytes("feed", accreditation_id.bytes)


def feed_url(base_url: str, signer: Signer, accreditation_id: uuid.UUID) -> str:
    return f"{base_url}/api/v1/calendar/{feed_token(signer, accreditation_id)}.ics"


async def latest_published(conn: asyncpg.Connection, conference_id: uuid.UUID
                           ) -> PublishedVersion | None:
    row = await conn.fetchrow(Q["latest_snapshot"], conference_id)
    return None if row is None else PublishedVersion.from_row(row)


def session_view(s: PublishedSession, security_list_deadline: datetime | None,
                 pools: Mapping[uuid.UUID, frozenset[uuid.UUID]] | None = None) -> SessionView:
    """The session as the plan reads it; a royal-presence session invites the audience
    approved by the conference's security-list deadline, as its security list lists them;
    ``pools``: the members of the press pools covering each session (:func:`pool_members`)."""
    return SessionView(
        session_id=s.session_id,
        sequence=s.sequence,
        cancelled=s.cancelled,
        audience=frozenset(s.audience),
        press_access=s.press_access,
        participants=s.roles,
        audience_approved_by=security_list_deadline if s.royal_presence else None,
        ends_at=s.ends_at,
        pool_members=(pools or {}).get(s.session_id, frozenset()),
    )


async def pool_members(conn: asyncpg.Connection, conference_id: uuid.UUID
                       ) -> dict[uuid.UUID, frozenset[uuid.UUID]]:
    """The members of the press pools covering each session of the conference, as they are now
    (docs/calendar.md, "Who is invited"): session id → accreditation ids."""
    rows = await conn.fetch(Q["pool_members"], conference_id)
    return {r["session_id"]: frozenset(r["members"]) for r in rows}


def patron_address(conference: Conference, language: str) -> str | None:
    """The patron as a calendar entry names them: "Sa Majesté la Reine", "Her Majesty the
    Queen" (their royal style), else their style in ``language``; None without a patron."""
    patron = conference.patron
    if patron is None:
        return None
    return royal_style(patron.title, language) if patron.title else patron.style.get(language)


def session_description(s: PublishedSession, conference: Conference, language: str) -> str:
    """A calendar entry's DESCRIPTION, the same for every reader (invitations and both feeds):
    for a royal-presence session "In the presence of … Please be seated by HH:MM." (the
    wording that needs no agreement in French), then the conference's title. The feeds gave
    the title alone, and a guest who took the personal feed instead of the invitations, as the
    invitation offers, never read the time to be seated by."""
    lines = []
    royal = patron_address(conference, language) if s.royal_presence else None
    if royal and s.seated_by is not None:
        seated = time_of_day(s.seated_by, ZoneInfo(conference.timezone), language)
        lines.append(f"En présence de {royal}. Prière de prendre place avant {seated}."
                     if language == "fr" else
                     f"In the presence of {royal}. Please be seated by {seated}.")
    lines.append(conference.title.get(language))
    return "\n".join(lines)


SUBJECT_PREFIXES = {
    "fr": ("Invitation", "Mise à jour", "Annulation", "Retrait de votre agenda"),
    "en": ("Invitation", "Updated", "Cancelled", "Removed from your calendar"),
}
"""The subject's first words: an invitation, an update, a session called off, a session that
leaves the person's calendar. In French, nouns: « Annulé » or « Retirée » would have to agree
with a title they do not know (« Retirée de votre agenda : Point de presse »)."""


def shown(conference: Conference, royal_presence: bool, language: str,
          replies_enabled: bool) -> Shown:
    """The conference's details as the calendar entry of a session shows them in
    ``language``: LOCATION's venue, DESCRIPTION's title and (at a royal-presence session)
    patron, the ORGANIZER's name, and its address when it is the organisers' (no replies
    taken; docs/calendar.md, "Corrected conference details")."""
    return Shown(
        venue=f"{conference.venue.name_in(language)}, {conference.venue.address}",
        title=conference.title.get(language),
        organizer=sender_name(conference, language),
        patron=patron_address(conference, language) if royal_presence else None,
        organizer_email=None if replies_enabled else conference.organiser_email,
    )


def session_version(s: PublishedSession, *, sequence: int, language: str,
                    conference: Conference, domain: str, description: str, cancelled: bool
                    ) -> SessionVersion:
    """The session as an iCalendar event in one language (invitations and feeds)."""
    return SessionVersion(
        uid=session_uid(s.session_id, domain),
        sequence=sequence,
        summary=s.title.get(language),
        starts_at=s.starts_at,
        ends_at=s.ends_at,
        location=(f"{s.room_in(language)}, {conference.venue.name_in(language)}, "
                  f"{conference.venue.address}"),
        description=description,
        cancelled=cancelled,
    )


def attendee_view(row: asyncpg.Record) -> AttendeeView:
    """The person as the plan reads them: a refused clearance uninvites them from everything,
    as a withdrawal does (docs/calendar.md, "Who is invited")."""
    return AttendeeView(row["id"], row["category"],
                        row["status"] == "approved" and not row["clearance_refused"],
                        row["press_role"], row["decided_at"])


def _lock_key(conference_id: uuid.UUID) -> int:
    return advisory_key("calendar", conference_id)


def _locks(event: EventRow) -> list[int]:
    """The conference's calendar lock, which the worker takes before any consumer of its
    batch runs (docs/outbox.md, "Locks")."""
    return [] if event.conference_id is None else [_lock_key(event.conference_id)]


_PREVIOUS_PART = {"CHAIR": "chair", "OPT-PARTICIPANT": "audience"}
"""The part a state without one was sent for, where its ATTENDEE ROLE tells."""


def _previous_part(last: Sent | None) -> str | None:
    if last is None:
        return None
    return last.part or _PREVIOUS_PART.get(last.role)


RENDERER = "conference.calendar.invitations:calendar_invitations"
SUBSCRIPTION_NAME = RENDERER
"""The consumer's stable name (``outbox.dispatch.Subscription``), also its renderer's."""
"""The name deliveries rendered at send time carry (``delivery.renderer``): the consumer's."""


@dataclass(frozen=True)
class Pinned:
    """The settings that reach an invitation's bytes, saved with its render context: a worker
    restarted with other settings still renders what was queued as it was decided."""

    base_url: str
    message_id_domain: str
    replies_enabled: bool
    reply_domain: str
    alarm_minutes: int | None

    @classmethod
    def of(cls, settings: Settings) -> Pinned:
        return cls(settings.base_url, settings.mail.message_id_domain, settings.replies_enabled,
                   settings.reply_domain, settings.calendar.alarm_minutes)


def render_context(conference: Conference, version: int, pinned: Pinned
                   ) -> tuple[uuid.UUID, dict[str, Any]]:
    """The context shared by the deliveries of one conference, programme version and settings
    (``render_context`` row), and its id, derived from its content: the conference as it is
    now (a later edit does not change messages already queued), the version (its sessions and
    the earlier versions up to it are immutable) and the pinned settings."""
    context = {"conference": conference.model_dump(mode="json"), "version": version,
               "settings": asdict(pinned)}
    digest = hashlib.sha256(json.dumps(context, sort_keys=True, separators=(",", ":"),
                                       ensure_ascii=False).encode()).digest()
    return uuid.UUID(bytes=digest[:16]), context


class Renderer:
    """Messages for one conference and one published version of its programme, in one
    dispatch batch and on through the steps of a publication: templates, texts and MIME
    skeletons cached per session version. A later version gets a new renderer (a session's
    texts, times and seating follow the version; its ICS templates its sequence)."""

    def __init__(self, conference: Conference, ctx: DispatchContext, signer: Signer,
                 version: int = 0, pinned: Pinned | None = None, details: int = 0) -> None:
        self.conference = conference
        self.details = details
        """The revision of the conference's details ``conference`` is at (dispatch: a new
        revision gets a new renderer; docs/calendar.md, "Corrected conference details")."""
        self.ctx = ctx
        self.signer = signer
        self.version = version
        self.pinned = pinned or Pinned.of(ctx.settings)
        """The settings that reach the message (from ``ctx.settings``, or as saved with the
        render context of deliveries rendered at send time)."""
        self.zone = ZoneInfo(conference.timezone)
        self.domain = self.pinned.message_id_domain
        self.reply_domain = self.pinned.reply_domain
        self.organiser = Organizer(email=conference.organiser_email,
                                   name=sender_name(conference, "en"))
        self._templates: dict[tuple[uuid.UUID, str, int, str], InvitationTemplate] = {}
        self._skeletons: dict[tuple[uuid.UUID, str, int, str, str, bool],
                              InvitationSkeleton] = {}
        self._changes: dict[tuple[object, ...], tuple[str, ...]] = {}
        self._times: dict[tuple[uuid.UUID, int, str], tuple[str, str, str]] = {}
        self._texts: dict[tuple[object, ...], str] = {}
        self._feeds: dict[uuid.UUID, str] = {}
        self._organizers: dict[tuple[uuid.UUID, str], Organizer] = {}
        self.previous: dict[tuple[uuid.UUID, int], PublishedSession] = {}
        """Sessions as earlier versions published them, by (session, sequence): what an
        attendee's calendar holds before an update (filled by :func:`_load_previous`)."""
        self.details_before: dict[int, Conference] = {}
        """The conference with its details as earlier revisions had them, by revision: what
        an attendee's calendar holds before an update (filled by :func:`_load_previous`)."""
        self._details: dict[tuple[object, ...], tuple[str, ...]] = {}

    def organizer(self, accreditation_id: uuid.UUID, language: str) -> Organizer:
        """The ORGANIZER and From of this person's invitations: the conference's short name (or
        title) in their language, and,
        when replies are taken (``smtp_in.port``), their own signed reply address, where
        calendar clients send their replies; otherwise the organisers' address."""
        key = (accreditation_id, language)
        found = self._organizers.get(key)
        if found is None:
            email = self.conference.organiser_email
            if self.pinned.replies_enabled:
                email = reply_address(self.signer, accreditation_id, self.reply_domain)
            found = Organizer(email=email, name=sender_name(self.conference, language))
            self._organizers[key] = found
        return found

    def reply_to(self, language: str, press: bool = False) -> Organizer:
        """Where people's own written replies go: the organisers' mailbox, or for the press the
        press office's (docs/privacy.md, "Who writes")."""
        return Organizer(email=sender_address(self.conference, press=press),
                         name=sender_name(self.conference, language))

    def _version(self, s: PublishedSession, sequence: int, language: str, method: str
                 ) -> SessionVersion:
        return session_version(s, sequence=sequence, language=language,
                               conference=self.conference, domain=self.domain,
                               description=session_description(s, self.conference, language),
                               cancelled=method == "CANCEL" and s.cancelled)

    def template(self, s: PublishedSession, action: Action, language: str
                 ) -> InvitationTemplate:
        key = (s.session_id, action.method, action.sequence, language)
        t = self._templates.get(key)
        if t is None:
            t = InvitationTemplate.build(
                self._version(s, action.sequence, language, action.method), self.organiser,
                action.method, self.pinned.alarm_minutes, PRODID)
            self._templates[key] = t
        return t

    def _session_times(self, s: PublishedSession, lang: str) -> tuple[str, str, str]:
        """``when``, ``when_short`` and ``seated_by`` of a session version in a language
        (cached per session and sequence)."""
        key = (s.session_id, s.sequence, lang)
        found = self._times.get(key)
        if found is None:
            seated_by = (time_of_day(s.seated_by, self.zone, lang)
                         if s.seated_by is not None else "")
            found = (span(s.starts_at, s.ends_at, self.zone, lang),
                     short(s.starts_at, self.zone, lang), seated_by)
            self._times[key] = found
        return found

    def detail_changes(self, s: PublishedSession, action: Action, lang: str
                       ) -> tuple[str, ...]:
        """What a correction of the conference's details changes in this entry, in words
        (empty: nothing the reader can see, such as a patron at a session without royal
        presence, or a title in another language)."""
        last = action.last
        if last is None or last.details >= action.details:
            return ()
        key = (last.details, action.details, lang, s.royal_presence)
        found = self._details.get(key)
        if found is None:
            before = self.details_before.get(last.details)
            replies = self.pinned.replies_enabled
            found = ("",) if before is None else detail_changes(
                shown(before, s.royal_presence, lang, replies),
                shown(self.conference, s.royal_presence, lang, replies), lang)
            self._details[key] = found
        return found

    def changes(self, s: PublishedSession, action: Action, lang: str) -> tuple[str, ...]:
        """What an update changes for this person, in words (empty: nothing they can see)."""
        last = action.last
        if last is None or last.method != "REQUEST":
            return ()
        return self._session_changes(s, action, lang) + self.detail_changes(s, action, lang)

    def _session_changes(self, s: PublishedSession, action: Action, lang: str
                         ) -> tuple[str, ...]:
        last = action.last
        assert last is not None
        before = s if last.basis == s.sequence else self.previous.get((s.session_id,
                                                                        last.basis))
        if before is None and last.basis != s.sequence:
            return ("",)  # the old version is unknown: say that the session changed
        previous_part = _previous_part(last)
        key = (s.session_id, s.sequence, last.basis, lang, action.part, previous_part)
        found = self._changes.get(key)
        if found is None:
            found = tuple(changes(before, s, self.zone, lang, part=action.part,
                                  previous_part=previous_part))
            self._changes[key] = found
        return found

    def _text(self, s: PublishedSession, action: Action, lang: str, prefix: str, update: bool,
              lines: tuple[str, ...], form: str, feed: bool, press: bool = False,
              ending: str = "") -> str:
        """The mail's text for a session version, with the per-person parts (salutation, feed
        URL) as placeholders: jinja runs once per version and wording (``form``: the reader's
        form of address, for French agreement; ``feed``: whether the person has a calendar
        feed to offer, docs/calendar.md; ``press``: signed by the press office for the press,
        docs/privacy.md; ``ending``: the closing formula, which follows the reader's rank as
        the opening does, docs/protocol.md), not once per message."""
        ending = ending or closing(None, lang)
        # a cancellation removes the session and offers no feed (docs/calendar.md, "Feeds")
        feed = feed and action.method == "REQUEST"
        key = (s.session_id, s.sequence, action.method, lang, prefix, lines, action.part, form,
               feed, press, ending)
        text = self._texts.get(key)
        if text is None:
            when, when_short, seated_by = self._session_times(s, lang)
            royal = patron_address(self.conference, lang) if s.royal_presence else None
            part = action.part if action.part in ("chair", "speaker", "attendee") else None
            text = render_template(
                f"{lang}/invitation.txt",
                prefix=prefix, title=s.title.get(lang), method=action.method, update=update,
                when=when, when_short=when_short, changes=[line for line in lines if line],
                part=part_name(part, lang) if part else None,
                room=s.room_in(lang), conference=self.conference, royal=royal, seated_by=seated_by,
                session_cancelled=s.cancelled, agree=agreement(form),
                salutation=_SALUTATION, closing=ending,
                feed_url=_FEED_URL if feed else None, is_press=press,
                press_access=s.press_access.value,
            )
            if text.count(_SALUTATION) != 1 or text.count(_FEED_URL) != int(feed):
                raise ValueError(f"{lang}/invitation.txt must use salutation and feed_url once")
            self._texts[key] = text
        return text

    def _feed_url(self, accreditation_id: uuid.UUID) -> str:
        url = self._feeds.get(accreditation_id)
        if url is None:
            url = feed_url(self.pinned.base_url, self.signer, accreditation_id)
            self._feeds[accreditation_id] = url
        return url

    def _update(self, s: PublishedSession, action: Action, lang: str
                ) -> tuple[bool, tuple[str, ...]]:
        """Whether the message is an update ("Updated": only where this person holds an
        invitation to update, docs/calendar.md) and what it says changed."""
        update = action.method == "REQUEST" and action.last is not None \
            and action.last.method == "REQUEST"
        return update, self.changes(s, action, lang) if update else ()

    def _prefix(self, action: Action, lang: str, update: bool, cancelled: bool) -> str:
        """The subject's first words: a CANCEL says "Cancelled" only of a session called off;
        for one that takes place without this person (withdrawn, replaced, out of its
        audience) it says the session leaves their calendar (docs/calendar.md)."""
        prefixes = SUBJECT_PREFIXES[lang]
        if action.method == "CANCEL":
            return prefixes[2] if cancelled else prefixes[3]
        return prefixes[1 if update else 0]

    def reference(self, s: PublishedSession, action: Action, person: asyncpg.Record,
                  event: EventRow, context: uuid.UUID) -> NewDelivery | None:
        """The delivery for one action, to be rendered at send time (:meth:`render`) from the
        render context ``context`` (this renderer's, saved by the caller) and the small
        per-person inputs it stores: None as for :meth:`message`. What the message carries is
        checked here (``ValueError``), so that a person whose message cannot be built is
        parked at once, as when messages were rendered here."""
        p = Person.of(person)
        update, lines = self._update(s, action, p.language)
        if update and not lines:
            return None
        organizer = self.organizer(p.accreditation_id, p.language)
        check_recipient(Attendee(email=p.email, name=p.name, role=action.role), organizer)
        prefix = self._prefix(action, p.language, update, s.cancelled)
        text = self._text(s, action, p.language, prefix,
                          update, lines, p.form, p.feed, p.press, closing(p.rank, p.language))
        subject = text.partition("\n\n")[0]
        if _SALUTATION in subject or _FEED_URL in subject:
            subject = self._personal(text, p).partition("\n\n")[0]
        subject = with_short_name(self.conference, p.language, subject)
        delivery_id = uuid.uuid4()
        args = {"s": str(action.session_id), "m": action.method, "q": action.sequence,
                "b": action.basis, "r": action.role, "p": action.part,
                "l": None if action.last is None else list(astuple(action.last)),
                **({"d": action.details} if action.details else {}),
                "t": self.ctx.now.isoformat(), **p.args()}
        return NewDelivery(
            template=f"invitation_{action.method.lower()}",
            dedupe_key=dedupe_key(event, action),
            recipient=p.email, sender=self.organiser.email, subject=subject,
            message_id=f"<{delivery_id}@{self.domain}>", message=b"",
            conference_id=self.conference.id, accreditation_id=action.accreditation_id,
            delivery_id=delivery_id, render=RenderRef(RENDERER, context, args),
        )

    def _personal(self, text: str, p: Person) -> str:
        # the opening as the letters write it: the gender, else the one the salutation says
        gender = p.gender or {"mrs": "female", "mr": "male"}.get(p.salutation or "")
        text = text.replace(_SALUTATION, salutation(
            p.given_name, p.family_name, p.rank, gender, p.language),  # type: ignore[arg-type]
            1)
        return text.replace(_FEED_URL, self._feed_url(p.accreditation_id), 1) if p.feed else text

    def render(self, s: PublishedSession, action: Action, p: Person, message_id: str,
               stamp: datetime) -> bytes:
        """The message for one action, a pure function of its arguments and of what this
        renderer pins (conference, programme version, settings): the same bytes in any
        process. ``stamp`` is its ``DTSTAMP`` and ``Date``."""
        lang = p.language
        update, lines = self._update(s, action, lang)
        attendee = Attendee(email=p.email, name=p.name, role=action.role)
        organizer = self.organizer(p.accreditation_id, lang)
        ics = self.template(s, action, lang).render(attendee, stamp, organizer)
        prefix = self._prefix(action, lang, update, s.cancelled)
        text = self._personal(self._text(s, action, lang, prefix,
                                         update, lines, p.form, p.feed, p.press,
                                         closing(p.rank, lang)), p)
        subject, _, body = text.partition("\n\n")
        subject = with_short_name(self.conference, lang, subject)
        text_body = body.strip() + "\n"
        # The MIME message is built once per session version (and subject), then filled in;
        # its boundaries follow from what it is built for, so a new process builds the same.
        key = (s.session_id, action.method, action.sequence, lang, subject, p.press)
        skeleton = self._skeletons.get(key)
        if skeleton is None:
            seed = hashlib.sha256(repr((self.version, key)).encode()).hexdigest()[:24]
            skeleton = InvitationSkeleton.build(
                ics=ics, method=action.method, from_addr=organizer, to=attendee,
                subject=subject, text_body=text_body, message_id=message_id, date=stamp,
                language=lang, reply_to=self.reply_to(lang, p.press), boundary=seed)
            self._skeletons[key] = skeleton
        return skeleton.render(ics=ics, to=attendee, text_body=text_body, message_id=message_id,
                               from_addr=organizer, date=stamp)

    def message(self, s: PublishedSession, action: Action, person: asyncpg.Record,
                event: EventRow) -> NewDelivery | None:
        """The message for one action, rendered now (the publication preview; the consumer
        queues :meth:`reference` instead, rendered at send time into the same bytes); None for
        an update with nothing the person can see (a title changed in another language only):
        their calendar already holds it."""
        ref = self.reference(s, action, person, event, uuid.UUID(int=0))
        if ref is None:
            return None
        msg = self.render(s, action, Person.of(person), ref.message_id, self.ctx.now)
        return replace(ref, message=msg, render=None)


@dataclass(frozen=True)
class Person:
    """What a message says of its recipient, as stored with a delivery rendered at send time
    (a person renamed meanwhile is sent what was decided at dispatch)."""

    accreditation_id: uuid.UUID
    email: str
    language: str
    given_name: str
    family_name: str
    rank: str | None
    gender: str | None
    salutation: str | None
    feed: bool = True
    """Whether the text offers the person's calendar feed: not to someone no longer approved
    (withdrawn, revoked, replaced), whose feed answers 404 (docs/calendar.md)."""
    press: bool = False
    """A press accreditation: Reply-To and the closing name the press office."""

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def form(self) -> str:
        """The reader's form of address (French agreement of the text)."""
        return form_of_address(self.salutation, self.gender)

    @classmethod
    def of(cls, row: asyncpg.Record | Mapping[str, Any]) -> Person:
        return cls(row["id"], row["email"], row["language"], row["given_name"],
                   row["family_name"], row["rank"], row["gender"], row["salutation"],
                   row.get("status", "approved") == "approved"
                   and not row.get("clearance_refused", False), row.get("category") == "press")

    def args(self) -> dict[str, Any]:
        # "e" only when false, "y" only when true: the deliveries queued before them render
        # as they were
        return {"lang": self.language, "g": self.given_name, "f": self.family_name,
                "k": self.rank, "x": self.gender, "a": self.salutation,
                **({} if self.feed else {"e": False}), **({"y": True} if self.press else {})}

    @classmethod
    def from_args(cls, args: Mapping[str, Any], accreditation_id: uuid.UUID, email: str
                  ) -> Person:
        return cls(accreditation_id, email, args["lang"], args["g"], args["f"], args["k"],
                   args["x"], args.get("a"), bool(args.get("e", True)), bool(args.get("y")))


def dedupe_key(event: EventRow, action: Action) -> str:
    return (f"{event.id}:cal:{action.accreditation_id}:{action.session_id}:"
            f"{action.method}:{action.sequence}")


def warm_up() -> None:
    """Load now what the first invitation would otherwise load while its attendees wait (tens
    of milliseconds): the text templates, compiled, the languages' locale data and the email
    package's header and content machinery."""
    now = datetime.now(ZoneInfo("Europe/Brussels"))
    zone = ZoneInfo("Europe/Brussels")
    for lang in ("fr", "en"):
        load_template(f"{lang}/invitation.txt")
        span(now, now + timedelta(hours=1), zone, lang)
        short(now, zone, lang)
    organizer = Organizer(email="warm@example.org", name="Warm-up é")
    attendee = Attendee(email="up@example.org", name="Warm Up é", role="REQ-PARTICIPANT")
    version = SessionVersion(uid="warm-up@example.org", sequence=0, summary="é",
                             starts_at=now - timedelta(hours=1), ends_at=now, location="é",
                             description="é", cancelled=False)
    ics = InvitationTemplate.build(version, organizer, "REQUEST", 30, PRODID).render(attendee,
                                                                                      now)
    InvitationSkeleton.build(ics=ics, method="REQUEST", from_addr=organizer, to=attendee,
                             subject="é", text_body="é\n", message_id="<warm@up.example.org>",
                             date=now, language="fr", reply_to=organizer)


async def calendar_invitations(
    conn: asyncpg.Connection, event: EventRow, ctx: DispatchContext
) -> ConsumerResult:
    if event.conference_id is None:
        return ConsumerResult()
    # Held already when the worker runs this (declared in ``locks``): taken again, it is a no-op.
    await conn.execute(Q["lock_conference_calendar"], _lock_key(event.conference_id))
    if event.type == "conference.details_changed" and not (
            set(event.payload["fields"]) & set(CALENDAR_FIELDS)):
        return ConsumerResult()  # nothing an invitation renders (docs/calendar.md)
    published = await latest_published(conn, event.conference_id)
    if published is None:
        return ConsumerResult()
    sessions = {s.session_id: s for s in published.sessions}
    deadline = await conn.fetchval(Q["security_list_deadline"], event.conference_id)
    pools = await pool_members(conn, event.conference_id)
    views = [session_view(s, deadline, pools) for s in published.sessions]
    # Read before the conference itself (below): the details rendered are then at least
    # this revision's, never older than what the states will say they hold.
    details = await details_revision(conn, event.conference_id)
    complete, cursor = True, None
    if event.type in ("programme.published", "conference.details_changed"):
        # A correction of the venue (or another detail rendered) updates everyone invited,
        # as a publication does, in steps (docs/calendar.md, "Corrected conference details").
        actions, people, complete, cursor = await _publication_step(
            conn, event.conference_id, views, ctx, details, event.occurred_at)
    else:
        # One person's change; a substitution names two: the member replaced (no longer
        # expected: cancelled at once) and the new person (invited at once when approved),
        # not at the next publication (docs/calendar.md).
        ids = await _people_of(conn, event)
        people, sent = [], {}
        for accreditation_id in ids:
            row = await conn.fetchrow(Q["attendee"], accreditation_id)
            if row is None or row["erased_at"] is not None:
                continue
            people.append(row)
            sent.update(_sent(await conn.fetch(Q["states_of_accreditation"], row["id"])))
        if not people:
            return ConsumerResult()
        actions = plan(views, [attendee_view(row) for row in people], sent, details,
                       event.occurred_at)
        actions = [a for a in actions if a.session_id in sessions]
        if ctx.limit is not None and len(actions) > ctx.limit:
            # A step: the states saved below make the next call plan only the rest.
            actions = actions[:ctx.limit]
            complete = False
    if not actions:
        return ConsumerResult(complete=complete, cursor=cursor)
    key = f"calendar-renderer:{event.conference_id}"
    renderer: Renderer | None = ctx.cache.get(key)
    if renderer is None or renderer.version != published.number or renderer.details != details:
        # One renderer per published version and revision of the conference's details: a
        # version published while an earlier one is still being sent gets its own texts, a
        # corrected venue its own LOCATION (docs/calendar.md).
        conference = await conference_by_id(conn, event.conference_id)
        renderer = Renderer(conference, ctx, await load_signer(conn), published.number,
                            details=details)
        ctx.cache[key] = renderer
    renderer.ctx = ctx  # kept from an earlier step of this publication: this step's time
    # The context the deliveries refer to, saved in this transaction (once per content: a step
    # rolled back takes its copy with it, so each step writes it again if missing).
    context, content = render_context(renderer.conference, published.number, renderer.pinned)
    await conn.execute(Q["save_render_context"], context, event.conference_id, RENDERER,
                       content)
    await _load_previous(conn, renderer, event.conference_id, actions, sessions)
    by_id = {p["id"]: p for p in people}
    deliveries: list[NewDelivery] = []
    parked: list[Parked] = []
    built: list[Action] = []
    for i, a in enumerate(actions):
        if i and i % 32 == 0:
            await asyncio.sleep(0)  # a step renders thousands: let the sending lanes run between
        person = by_id[a.accreditation_id]
        try:
            delivery = renderer.reference(sessions[a.session_id], a, person, event, context)
            if delivery is None and a.last is not None:
                # Nothing this person can see changed: their calendar holds it already. The
                # state moves on to this version, with the SEQUENCE they hold.
                a = replace(a, sequence=a.last.sequence)
            elif delivery is not None:
                deliveries.append(delivery)
        except UNBUILDABLE as exc:
            # One person's message cannot be built: park it alone (no state saved, so a retry
            # builds it again) and let everyone else's go (docs/outbox.md).
            parked.append(Parked(
                template=f"invitation_{a.method.lower()}", dedupe_key=dedupe_key(event, a),
                recipient=person["email"], error=f"{type(exc).__name__}: {exc}"[:300],
                conference_id=event.conference_id, accreditation_id=a.accreditation_id))
            continue
        built.append(a)
    await conn.execute(
        Q["save_states"], event.conference_id, ctx.now,
        [a.accreditation_id for a in built], [a.session_id for a in built],
        [a.method for a in built], [a.sequence for a in built],
        [a.basis for a in built], [a.role for a in built], [a.part for a in built],
        [a.details for a in built],
    )
    return ConsumerResult(deliveries, parked, complete, cursor)


async def _people_of(conn: asyncpg.Connection, event: EventRow) -> list[uuid.UUID]:
    """Whom one change concerns: the person it names (a pool's member added or taken out among
    them); both people of a substitution; for a session a press pool covers or no longer
    covers, the pool's members now and whoever holds an invitation to that session as a pool
    member (taken out of the pool since), each reconciled against every session."""
    if event.type in ("pool.session_linked", "pool.session_unlinked"):
        rows = await conn.fetch(Q["pool_session_people"], uuid.UUID(event.payload["pool_id"]),
                                uuid.UUID(event.payload["session_id"]))
        return [r["accreditation_id"] for r in rows]
    ids = [uuid.UUID(event.payload["accreditation_id"])]
    if event.type == "accreditation.substituted":
        ids.append(uuid.UUID(event.payload["substitute_id"]))
    return ids


def _sent(states: list[asyncpg.Record]) -> dict[tuple[uuid.UUID, uuid.UUID], Sent]:
    return {(r["accreditation_id"], r["session_id"]):
            Sent(r["method"], r["sequence"], r["basis"], r["role"], r["part"], r["details"])
            for r in states}


async def details_revision(conn: asyncpg.Connection, conference_id: uuid.UUID) -> int:
    """The latest revision of the conference's details the invitations render (0: never
    corrected; docs/calendar.md, "Corrected conference details")."""
    revision, _ = await calendar_revision(conn, conference_id)
    return revision


async def details_changed_at(conn: asyncpg.Connection, conference_id: uuid.UUID
                             ) -> datetime | None:
    """When the details the invitations render were last corrected (None: never)."""
    _, changed_at = await calendar_revision(conn, conference_id)
    return changed_at


async def _load_previous(conn: asyncpg.Connection, renderer: Renderer,
                         conference_id: uuid.UUID, actions: list[Action],
                         sessions: dict[uuid.UUID, PublishedSession]) -> None:
    """Read the earlier versions of the sessions the updates among ``actions`` change (once
    per session and sequence per renderer), and the earlier revisions of the conference's
    details they correct: the update's words compare them with now."""
    revisions = sorted({a.last.details for a in actions
                        if a.last is not None and _corrects_details(a)}
                       - renderer.details_before.keys())
    if revisions:
        for row in await conn.fetch(Q["calendar_details"], conference_id, revisions):
            data = row["details"]
            data = json.loads(data) if isinstance(data, str) else data
            renderer.details_before[row["revision"]] = Conference.model_validate(
                {**renderer.conference.model_dump(mode="json"), **data})
    wanted = {(a.session_id, a.last.basis) for a in actions
              if a.method == "REQUEST" and a.last is not None and a.last.method == "REQUEST"
              and a.session_id in sessions and a.last.basis != sessions[a.session_id].sequence}
    missing = sorted(wanted - renderer.previous.keys(), key=lambda k: (str(k[0]), k[1]))
    if not missing:
        return
    # Up to the renderer's version (a later one may hold the same sequence): the words of an
    # update rendered again at send time are those decided at dispatch.
    rows = await conn.fetch(Q["session_versions"], conference_id,
                            [str(sid) for sid, _ in missing], [seq for _, seq in missing],
                            renderer.version or None)
    for row in rows:
        data = row["session"]
        found = PublishedSession.model_validate_json(data) if isinstance(data, str) else \
            PublishedSession.model_validate(data)
        renderer.previous[(found.session_id, found.sequence)] = found


async def _publication_step(
    conn: asyncpg.Connection, conference_id: uuid.UUID, views: list[SessionView],
    ctx: DispatchContext, details: int = 0, at: datetime | None = None,
) -> tuple[list[Action], list[asyncpg.Record], bool, str | None]:
    """The actions of one step of a publication: attendees in accreditation order from where
    the previous step stopped (``ctx.cursor``, the ``seq`` of the last attendee it finished),
    planned a slice at a time against their own states, until ``ctx.limit`` actions.

    A step therefore reads about as many attendees as it sends messages, however big the
    conference. An attendee cut at the limit is planned again by the next step, whose states
    (saved with this step) leave exactly the rest; the cursor is saved with them, so a worker
    taking over after a crash starts there too. Whoever changes after the cursor has passed
    them is reconciled by the event of that change, planned alone against the latest programme.
    """
    limit = ctx.limit
    published = {v.session_id for v in views}
    # Left to their own change's run, which comes after its letter (docs/calendar.md).
    awaiting = {r["id"] for r in await conn.fetch(Q["awaiting_their_event"], conference_id,
                                                  SUBSCRIPTION_NAME)}
    done = int(ctx.cursor) if ctx.cursor else 0
    scanned = done
    sessions = max(1, len(views))
    actions: list[Action] = []
    people: list[asyncpg.Record] = []
    incomplete = False
    while True:
        room = None if limit is None else limit - len(actions)
        size = 500 if room is None else min(500, room // sessions + 1)
        rows = await conn.fetch(Q["attendees_after"], conference_id, scanned, size)
        if not rows:
            break  # every attendee is done
        states = await conn.fetch(Q["states_of_accreditations"], [r["id"] for r in rows])
        mine: dict[uuid.UUID, list[Action]] = {}
        for a in plan(views, [attendee_view(r) for r in rows], _sent(states), details, at):
            if a.session_id in published:  # a session no longer published: nothing to render
                mine.setdefault(a.accreditation_id, []).append(a)
        for r in rows:
            todo = [] if r["id"] in awaiting else mine.get(r["id"], [])
            if limit is not None and len(actions) + len(todo) > limit:
                actions.extend(todo[: limit - len(actions)])  # the rest next step
                people.append(r)
                incomplete = True
                break
            actions.extend(todo)
            people.append(r)
            done = r["seq"]
            if limit is not None and len(actions) == limit:
                incomplete = True  # the next step finds the rest, or that there is none
                break
        if incomplete:
            break
        scanned = rows[-1]["seq"]
    return actions, people, not incomplete, str(done) if incomplete else None


def _corrects_details(a: Action) -> bool:
    """An update to a calendar that holds an older revision of the conference's details."""
    return (a.method == "REQUEST" and a.last is not None and a.last.method == "REQUEST"
            and a.last.details < a.details)


def _action_of(args: Mapping[str, Any], accreditation_id: uuid.UUID) -> Action:
    """The action a delivery rendered at send time was queued for (its ``render_args``)."""
    last = None if args["l"] is None else Sent(*args["l"])
    return Action(accreditation_id, uuid.UUID(args["s"]), args["m"], args["q"], args["b"],
                  args["r"], args["p"], last, args.get("d", 0))


class InvitationDeliveries:
    """Renders, at send time, the invitations the consumer queued as references
    (``outbox.dispatch.DeliveryRenderer``; docs/outbox.md, "Rendered at send time"). One per
    worker: a :class:`Renderer` per render context (its texts, ICS templates and MIME skeletons
    built once), loaded from the context row, the pinned programme version and the signing key
    on first use. A new process renders the same bytes: everything comes from stored data."""

    _KEEP = 64  # render contexts kept (a few per publication)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._renderers: dict[uuid.UUID, tuple[Renderer, dict[uuid.UUID, PublishedSession]]] = {}
        self._signer: Signer | None = None
        self._loading = asyncio.Lock()

    async def render(self, pool: asyncpg.Pool, row: asyncpg.Record | Mapping[str, Any]
                     ) -> bytes:
        args = row["render_args"]
        action = _action_of(args, row["accreditation_id"])
        found = self._renderers.get(row["render_context"])
        if found is None or self._needs_previous(found, action):
            # One loader at a time: the sending lanes would otherwise each build their own.
            async with self._loading:
                found = self._renderers.get(row["render_context"])
                async with connection(pool) as conn:
                    if found is None:
                        found = await self._load(conn, row["render_context"])
                    renderer, sessions = found
                    await _load_previous(conn, renderer, renderer.conference.id, [action],
                                         sessions)
        renderer, sessions = found
        person = Person.from_args(args, row["accreditation_id"], row["recipient"])
        return renderer.render(sessions[action.session_id], action, person, row["message_id"],
                               datetime.fromisoformat(args["t"]))

    @staticmethod
    def _needs_previous(found: tuple[Renderer, dict[uuid.UUID, PublishedSession]],
                        action: Action) -> bool:
        renderer, sessions = found
        last = action.last
        if _corrects_details(action) and last is not None \
                and last.details not in renderer.details_before:
            return True
        return (action.method == "REQUEST" and last is not None and last.method == "REQUEST"
                and action.session_id in sessions
                and last.basis != sessions[action.session_id].sequence
                and (action.session_id, last.basis) not in renderer.previous)

    async def _load(self, conn: asyncpg.Connection, context_id: uuid.UUID
                    ) -> tuple[Renderer, dict[uuid.UUID, PublishedSession]]:
        row = await conn.fetchrow(Q["render_context"], context_id)
        if row is None:
            raise LookupError("no such render context")
        content = row["context"]
        conference = Conference.model_validate(content["conference"])
        version = await conn.fetchrow(Q["snapshot_by_number"], conference.id,
                                      content["version"])
        if version is None:
            raise LookupError("the programme version of a render context is gone")
        published = PublishedVersion.from_row(version)
        if self._signer is None:
            self._signer = await load_signer(conn)
        renderer = Renderer(conference, DispatchContext(self.settings, published.published_at),
                            self._signer, published.number, Pinned(**content["settings"]))
        if len(self._renderers) >= self._KEEP:
            self._renderers.clear()
        found = (renderer, {s.session_id: s for s in published.sessions})
        self._renderers[context_id] = found
        return found


SUBSCRIPTIONS = (
    Subscription(SUBSCRIPTION_NAME, calendar_invitations,
                 frozenset({"programme.published", "accreditation.approved",
                            "accreditation.withdrawn", "accreditation.revoked",
                            "accreditation.substituted",
                            "accreditation.vetting_status_set",
                            "conference.details_changed",
                            "pool.member_added", "pool.member_removed",
                            "pool.session_linked", "pool.session_unlinked"}),
                 warm_up=warm_up, renderer=InvitationDeliveries, locks=_locks,
                 statements=(*(Q[name] for name in (
                     "lock_conference_calendar", "latest_snapshot", "awaiting_their_event",
                     "attendees_after", "calendar_details", "states_of_accreditations",
                     "save_render_context", "save_states", "render_context",
                     "snapshot_by_number", "pool_members", "pool_session_people")),
                            CALENDAR_REVISION_SQL)),
)
"""What the calendar consumes, for the composition root (``conference/runtime.py``)."""
