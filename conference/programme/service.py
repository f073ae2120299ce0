"""The programme's use-cases: rooms, sessions, participants, the protocol views, the draw and
publication. What the HTTP handlers and the protocol office's screens call.

Each use-case takes the database (the pool; or a connection already in a transaction, whose
commit it then joins), the caller proven to hold the roles it needs (``auth.protocol_officer``)
and the clock's ``now``; it validates, applies the rules of ``domain``, writes through ``repo``
and records the domain event in the same transaction.

Writes that may double-book run in a savepoint, so that when PostgreSQL refuses them (an
exclusion constraint) the transaction can still read every clash and name them all in the 409.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, Literal, TypeVar
from uuid import UUID

import asyncpg

from conference.auth import Principal
from conference.conferences.lookup import (
    conference_by_id,
    conference_by_slug,
    share_conference,
)
from conference.conferences.models import Conference
from conference.credentials.lookup import clearance_of, clearance_refused_among
from conference.db.pool import Database, connection, retried_transaction, transaction
from conference.errors import (
    Conflict,
    Duplicate,
    Invalid,
    NotFound,
    SchedulingConflict,
    StaleForm,
    StalePreview,
)
from conference.outbox.events import record
from conference.programme import domain, repo
from conference.programme.events import (
    ParticipantEvent,
    ProgrammePublished,
    ProtocolDrawn,
    RoomCreated,
    SessionEvent,
)
from conference.programme.models import (
    Changelog,
    ConflictItem,
    DelegationWithoutHead,
    Draw,
    HostView,
    Participant,
    ParticipantRole,
    Precedence,
    PrecedenceEntry,
    ProgrammeVersion,
    PublicationPreview,
    PublishedSession,
    PublishResult,
    Room,
    RoomIn,
    Seat,
    Seating,
    SecurityList,
    SecurityListEntry,
    Session,
    SessionIn,
    SessionPatch,
    SessionWritten,
    SpeakingOrder,
    SpeakingSlotView,
)
from conference.protocol.address import head_of_delegation
from conference.protocol.countries import collation_key, country_codes
from conference.protocol.precedence import draw_start
from conference.protocol.speaking import seating as seat_guests
from conference.protocol.speaking import speaking_order as order_speakers
from conference.roles import PROTOCOL_OFFICE, ProtocolOfficer

T = TypeVar("T")


# --- rooms ------------------------------------------------------------------------------------


async def create_room(
    db: Database, officer: ProtocolOfficer, slug: str, body: RoomIn, now: datetime
) -> Room:
    async with transaction(db) as conn:
        conference = await conference_by_slug(conn, slug)
        names = domain.room_names(body.name)
        room = await repo.insert_room(conn, conference, names, body.capacity, now)
        if room is None:
            raise Duplicate(domain.duplicate_room(names), field="name")
        await record(conn, "room.created", RoomCreated(room_id=room.id, capacity=room.capacity),
                     conference_id=conference.id, subject_id=room.id, actor=officer.actor)
    return room


async def rooms(db: Database, officer: ProtocolOfficer, slug: str) -> list[Room]:
    async with connection(db) as conn:
        return await repo.rooms_of(conn, await conference_by_slug(conn, slug))


async def _lock_room(conn: asyncpg.Connection, conference: Conference, room_id: UUID) -> None:
    """Lock the room of a booking until commit; 422 when it is not one of the conference's."""
    if await repo.lock_room(conn, room_id) != conference.id:
        raise domain.unknown_room()


# --- sessions: reading ------------------------------------------------------------------------


async def sessions(db: Database, officer: ProtocolOfficer, slug: str) -> list[Session]:
    """The draft programme."""
    async with connection(db) as conn:
        return await repo.sessions_of(conn, await conference_by_slug(conn, slug))


async def session(db: Database, officer: ProtocolOfficer, session_id: UUID) -> Session:
    async with connection(db) as conn:
        found, _ = await _session_with_conference(conn, session_id)
    return found


async def _session_with_conference(
    conn: asyncpg.Connection, session_id: UUID
) -> tuple[Session, Conference]:
    found = await repo.session_with_conference(conn, session_id)
    if found is None:
        raise NotFound("No such session.")
    return found


async def _written(
    conn: asyncpg.Connection, session_id: UUID, conference: Conference,
    warnings: list[str] | None = None,
) -> SessionWritten:
    """The session after a change, with a warning when more are invited than the room seats,
    and the change's own ``warnings`` (a chair or speaker whose clearance is not granted)."""
    written, o = await repo.session_occupancy(conn, session_id, conference)
    return SessionWritten(**written.model_dump(), warnings=[
        *domain.capacity_warnings(o.room, o.capacity, o.invited),
        *domain.press_audience_warnings(written.audience, written.press_access,
                                        written.royal_presence),
        *(warnings or [])])


async def _lock(conn: asyncpg.Connection, session_id: UUID) -> repo.LockedSession:
    """The session, locked until commit; 404, or 409 once it is cancelled."""
    locked = await repo.lock_session(conn, session_id)
    if locked is None:
        raise NotFound("No such session.")
    domain.check_changeable(locked.cancelled)
    return locked


# --- sessions: bookings -----------------------------------------------------------------------


async def _booking(
    conn: asyncpg.Connection,
    write: Callable[[], Awaitable[T]],
    clashes: Callable[[], Awaitable[list[ConflictItem]]],
    seated_by: datetime | None = None,
) -> T:
    """Run `write` in a savepoint; when the database refuses a double booking, 409 naming every
    clash (read after the refusal, so bookings committed concurrently are seen). ``seated_by``
    (local time) is the seating of the royal-presence session written, from which it holds its
    room and people: the problem says so, and carries it.

    Two moves that each wait for the other's participant rows deadlock; PostgreSQL aborts one
    statement, which is rolled back to its savepoint and tried again (it then usually meets the
    other's committed booking: a 409 like any other)."""
    try:
        return await retried_transaction(conn, lambda _: write())
    except asyncpg.ExclusionViolationError:
        found = await clashes()
        extra = {"seated_by": seated_by.isoformat()} if seated_by else {}
        raise SchedulingConflict(domain.conflict_detail(found, seated_by),
                                 conflicts=[c.model_dump(mode="json") for c in found],
                                 **extra) from None
    except asyncpg.DeadlockDetectedError:
        raise Conflict("The change kept colliding with concurrent changes; try again.") from None


def _seated_by(conference: Conference, f: domain.SessionFields | SessionIn) -> datetime | None:
    """The seating of a royal-presence session, in the conference's time zone; else None."""
    seated = domain.seated_by(f.starts_at, f.royal_presence,
                              conference.protocol.seated_before_minutes)
    return domain.local(seated, conference.timezone) if seated else None


def _occupied_from(conference: Conference, f: domain.SessionFields | SessionIn) -> datetime:
    return domain.occupied_from(f.starts_at, f.royal_presence,
                                conference.protocol.seated_before_minutes)


def _clashes(
    conn: asyncpg.Connection, conference: Conference, *, starts_at: datetime,
    ends_at: datetime, room_id: UUID | None, people: list[UUID], session_id: UUID | None,
) -> Callable[[], Awaitable[list[ConflictItem]]]:
    """Every booking the change would collide with: the room's, and each person's.
    ``starts_at`` is when the session starts to occupy them (``domain.occupied_from``)."""

    async def read() -> list[ConflictItem]:
        found: list[ConflictItem] = []
        if room_id is not None:
            found += await repo.room_clashes(conn, conference, room_id, starts_at, ends_at,
                                             session_id)
        if people:
            found += await repo.person_clashes(conn, conference, people, starts_at, ends_at,
                                               session_id)
        return found

    return read


async def _one_chair(write: Callable[[], Awaitable[None]], conn: asyncpg.Connection) -> None:
    """Run `write` in a savepoint; 409 when it would give the session a second chair."""
    try:
        async with conn.transaction():
            await write()
    except asyncpg.UniqueViolationError:
        raise domain.one_chair() from None


def _session_event(
    session_id: UUID, f: domain.SessionFields | SessionIn, changed: list[str]
) -> SessionEvent:
    return SessionEvent(
        session_id=session_id, room_id=f.room_id, kind=str(f.kind), starts_at=f.starts_at,
        ends_at=f.ends_at, press_access=str(f.press_access), royal_presence=f.royal_presence,
        changed=changed,
    )


# --- sessions: writing ------------------------------------------------------------------------


async def schedule_session(
    db: Database, officer: ProtocolOfficer, slug: str, body: SessionIn, now: datetime
) -> SessionWritten:
    async with transaction(db) as conn:
        # share-locked: a correction of the days or the zone being saved is waited for, its
        # days read as saved (docs/workspaces.md, "The conference's days, time zone and
        # languages")
        conference = await share_conference(conn, slug)
        errors = domain.time_errors(body.starts_at, body.ends_at, conference.timezone,
                                    conference.starts_on, conference.ends_on)
        errors += domain.royal_press_errors(body.royal_presence, body.press_access)
        if errors:
            raise Invalid("Some fields are invalid.", errors)
        await _lock_room(conn, conference, body.room_id)
        if body.royal_presence and body.audience:
            domain.check_security_list_open(conference.security_list_deadline, now,
                                            "an audience for a new session")
        session_id = await _booking(
            conn, lambda: repo.insert_session(conn, conference.id, body, now),
            _clashes(conn, conference, starts_at=_occupied_from(conference, body),
                     ends_at=body.ends_at, room_id=body.room_id, people=[], session_id=None),
            _seated_by(conference, body))
        await record(conn, "session.scheduled", _session_event(session_id, body, []),
                     conference_id=conference.id, subject_id=session_id, actor=officer.actor)
        return await _written(conn, session_id, conference)


async def change_session(
    db: Database, officer: ProtocolOfficer, session_id: UUID, patch: SessionPatch, now: datetime,
    based_on: str | None = None,
) -> SessionWritten:
    """Move, rename, re-room or otherwise change a session (fields absent keep their value).
    ``based_on``: the fingerprint of the fields the form showed (``domain.fingerprint``); a
    session changed since is refused (409 ``stale-form``), compared under the row's lock."""
    async with transaction(db) as conn:
        locked = await _lock(conn, session_id)
        if based_on is not None and domain.fingerprint(locked.fields) != based_on:
            raise StaleForm("The session was changed after this form was opened; nothing "
                            "was saved.")
        conference = await conference_by_id(conn, locked.conference_id)
        given = patch.model_fields_set
        errors = domain.null_errors(given, lambda f: getattr(patch, f))
        if errors:
            raise Invalid("Some fields are invalid.", errors)
        old = locked.fields
        new, changed = domain.patched(old, {f: getattr(patch, f) for f in given})
        if not changed:
            return await _written(conn, session_id, conference)
        moved = domain.moves(changed)
        if moved:
            errors += domain.time_errors(new.starts_at, new.ends_at, conference.timezone,
                                         conference.starts_on, conference.ends_on)
        errors += domain.royal_press_errors(new.royal_presence, new.press_access)
        if errors:
            raise Invalid("Some fields are invalid.", errors)
        # Turning royal (or back) moves the start of what the session occupies: its seating.
        reoccupies = moved or "royal_presence" in changed
        if reoccupies or "room_id" in changed:
            await _lock_room(conn, conference, new.room_id)
        people = await repo.participant_ids(conn, session_id)
        await _check_royal_change(conn, conference, session_id, old, new, bool(people), now)
        await _booking(
            conn, lambda: repo.update_session(conn, session_id, new, now),
            _clashes(conn, conference, starts_at=_occupied_from(conference, new),
                     ends_at=new.ends_at, room_id=new.room_id,
                     people=people, session_id=session_id),
            _seated_by(conference, new))
        await record(conn, "session.moved" if moved else "session.changed",
                     _session_event(session_id, new, changed),
                     conference_id=conference.id, subject_id=session_id, actor=officer.actor)
        return await _written(conn, session_id, conference)


async def _check_royal_change(
    conn: asyncpg.Connection, conference: Conference, session_id: UUID,
    old: domain.SessionFields, new: domain.SessionFields, has_people: bool, now: datetime,
) -> None:
    """A session becoming royal: everybody on it approved, and nobody added to the security
    list once it froze; a royal session: no audience category added once it froze."""
    if not new.royal_presence:
        return
    deadline = conference.security_list_deadline
    if not old.royal_presence:
        domain.check_royal_participants(await repo.participant_statuses(conn, session_id))
        if has_people or new.audience:
            domain.check_security_list_open(deadline, now, "switching a session to royal presence")
    elif set(new.audience) - set(old.audience):
        domain.check_security_list_open(deadline, now, "an audience category")


async def cancel_session(
    db: Database, officer: ProtocolOfficer, session_id: UUID, now: datetime
) -> SessionWritten:
    async with transaction(db) as conn:
        locked = await _lock(conn, session_id)
        conference = await conference_by_id(conn, locked.conference_id)
        await repo.cancel_session(conn, session_id, now)
        await record(conn, "session.cancelled",
                     _session_event(session_id, locked.fields, ["status"]),
                     conference_id=conference.id, subject_id=session_id, actor=officer.actor)
        return await _written(conn, session_id, conference)


# --- participants -----------------------------------------------------------------------------


async def put_participant(
    db: Database, officer: ProtocolOfficer, session_id: UUID, accreditation_id: UUID,
    role: ParticipantRole, now: datetime,
) -> SessionWritten:
    """Put a person on a session with a role (or change their role): idempotent."""
    async with transaction(db) as conn:
        locked = await _lock(conn, session_id)
        conference = await conference_by_id(conn, locked.conference_id)
        candidate = await repo.accreditation_for_session(conn, accreditation_id)
        if candidate is None:
            raise NotFound("No such accreditation.")
        domain.check_same_conference(conference.id, candidate.conference_id, "session")
        if candidate.erased:
            raise NotFound("No such accreditation.")
        current = await repo.participant_role(conn, session_id, accreditation_id)
        if current == role.value:
            return await _written(conn, session_id, conference)
        clearance = await clearance_of(conn, accreditation_id)
        required, recorded = (clearance["required"], clearance["recorded"]) if clearance \
            else (False, None)
        domain.check_clearance_for_role(role, current, recorded, accreditation_id,
                                        candidate.name)
        warned = domain.clearance_warnings(role, required, recorded, candidate.name)
        event = ParticipantEvent(session_id=session_id, accreditation_id=accreditation_id,
                                 role=role.value, previous_role=current)
        if current is not None:
            await _one_chair(lambda: repo.set_participant_role(
                conn, session_id, accreditation_id, role.value), conn)
            await record(conn, "participant.changed", event, conference_id=conference.id,
                         subject_id=session_id, actor=officer.actor)
            return await _written(conn, session_id, conference, warned)
        royal = locked.fields.royal_presence
        domain.check_eligible(candidate.status, royal, accreditation_id)
        deadline = conference.security_list_deadline
        # Someone the frozen list already names (the session's audience) given a role adds
        # nobody to it: refused, the chair could not give a minister in the room the floor
        # (tried as a protocol officer, 5 December 2026; docs/protocol.md, "Royal presence")
        if royal and domain.security_list_frozen(deadline, now) and not await _listed(
                conn, session_id, accreditation_id, deadline, conference.languages[0]):
            domain.check_security_list_open(deadline, now, "a participant")
        await _booking(
            conn, lambda: _one_chair(lambda: repo.insert_participant(
                conn, session_id, conference.id, accreditation_id, role.value, now), conn),
            _clashes(conn, conference, starts_at=_occupied_from(conference, locked.fields),
                     ends_at=locked.fields.ends_at, room_id=None, people=[accreditation_id],
                     session_id=session_id),
            _seated_by(conference, locked.fields))
        await record(conn, "participant.added", event, conference_id=conference.id,
                     subject_id=session_id, actor=officer.actor)
        return await _written(conn, session_id, conference, warned)


async def _listed(conn: asyncpg.Connection, session_id: UUID, accreditation_id: UUID,
                  deadline: datetime | None, language: str) -> bool:
    """Whether the session's security list names the person now (the audience approved by the
    deadline, cleared where their category needs it)."""
    listed, _ = await repo.security_list_entries(conn, session_id, deadline, language)
    return any(e.accreditation_id == accreditation_id for e in listed)


async def remove_participant(
    db: Database, officer: ProtocolOfficer, session_id: UUID, accreditation_id: UUID
) -> None:
    async with transaction(db) as conn:
        locked = await _lock(conn, session_id)
        role = await repo.delete_participant(conn, session_id, accreditation_id)
        if role is None:
            raise NotFound("This accreditation is not on this session.")
        await record(conn, "participant.removed",
                     ParticipantEvent(session_id=session_id, accreditation_id=accreditation_id,
                                      role=role),
                     conference_id=locked.conference_id, subject_id=session_id,
                     actor=officer.actor)


# --- protocol views ---------------------------------------------------------------------------


def _reader(conference: Conference, language: str | None) -> str:
    """The language names and styles of address are written in: the reader's when it is one of
    the conference's, else the conference's protocol language."""
    return language if language in conference.languages else domain.language_of(conference)


async def _refused_on_stage(conn: asyncpg.Connection, members: list[domain.Member]
                            ) -> set[UUID]:
    """The chair and speakers whose security clearance was refused. The head table and the
    speaking order keep them, marked, until protocol takes them off the session: that is
    protocol's decision, never done silently (docs/credentials.md, "Vetting")."""
    on_stage = [m.accreditation_id for m in members if m.role in ("chair", "speaker")]
    return await clearance_refused_among(conn, on_stage) if on_stage else set()


async def speaking_order(db: Database, officer: ProtocolOfficer, session_id: UUID,
                         language: str | None = None) -> SpeakingOrder:
    async with connection(db) as conn:
        found, conference = await _session_with_conference(conn, session_id)
        members = await repo.members_of_session(conn, session_id)
        refused = await _refused_on_stage(conn, members)
    language = _reader(conference, language)
    config = domain.protocol_config(conference)
    hosts = conference.hosts
    by_id = {str(m.accreditation_id): m for m in members}
    chair = next((m for m in members if m.role == "chair"), None)
    speakers = [domain.person(m, hosts) for m in members if m.role == "speaker"]
    slots = order_speakers(domain.person(chair, hosts) if chair else None, speakers, config,
                           royal_presence=found.royal_presence)
    return SpeakingOrder(
        session_id=session_id, royal_presence=found.royal_presence,
        patron=domain.patron_view(conference) if found.royal_presence else None,
        slots=[SpeakingSlotView(
            position=s.position, part=s.part,
            person=domain.person_view(by_id[s.person.id], conference, language)
            if s.person else None,
            clearance="refused" if s.person and UUID(s.person.id) in refused else None,
        ) for s in slots],
    )


async def session_file_name(db: Database, officer: ProtocolOfficer, session_id: UUID,
                            kind: str) -> str:
    """The file name of a session's CSV answer (``domain.session_file_name``)."""
    async with connection(db) as conn:
        found, conference = await _session_with_conference(conn, session_id)
    return domain.session_file_name(kind, found, conference)


async def seating(db: Database, officer: ProtocolOfficer, session_id: UUID,
                  language: str | None = None) -> Seating:
    """The head table: the chair in the middle and the speakers around by precedence."""
    async with connection(db) as conn:
        _, conference = await _session_with_conference(conn, session_id)
        members = await repo.members_of_session(conn, session_id)
        refused = await _refused_on_stage(conn, members)
    language = _reader(conference, language)
    chair = domain.chair_of(members)
    config = domain.protocol_config(conference)
    hosts = conference.hosts
    by_id = {str(m.accreditation_id): m for m in members}
    guests = [domain.person(m, hosts) for m in members if m.role == "speaker"]
    seats = seat_guests(domain.person(chair, hosts), guests, config)
    return Seating(
        session_id=session_id,
        seats=[Seat(seat=n, person=domain.person_view(by_id[p.id], conference, language),
                    clearance="refused" if UUID(p.id) in refused else None)
               for n, p in seats],
        from_audience_left_to_right=[UUID(p.id) for _, p in sorted(seats, key=lambda s: -s[0])],
    )


async def precedence(db: Database, officer: ProtocolOfficer, slug: str,
                     language: str | None = None) -> Precedence:
    """The heads of delegation in order of precedence, then the delegations without one; names
    and styles of address in ``language`` when it is one of the conference's (the order itself
    follows the conference's protocol language)."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        config = domain.protocol_config(conference)
        members = await repo.delegation_members(conn, conference.id)
        delegations = {d.id: d for d in await repo.delegations(conn, conference.id)}
        genders = await repo.host_genders(conn, conference.id)
    language = _reader(conference, language)
    heads = domain.heads_of_delegation(members, config, conference.hosts)

    def name(d: repo.Delegation) -> str:
        return domain.delegation_name(d.country, d.organisation, language) or ""

    headed = {h.delegation_id for h in heads}
    rest = sorted((d for d in delegations.values() if d.id not in headed),
                  key=lambda d: domain.delegation_order_key(d.country, d.organisation, config))
    order = []
    for position, head in enumerate(heads, start=1):
        assert head.delegation_id is not None  # a head heads their delegation
        d = delegations[head.delegation_id]
        order.append(PrecedenceEntry(
            position=position, delegation_id=d.id, delegation=name(d), kind=d.kind,
            country=d.country, head=domain.person_view(head, conference, language),
            status=head.status,
            head_title=head_of_delegation(head.gender, language),
        ))
    return Precedence(
        conference=conference.slug, tie_break=config.tie_break.value, language=language,
        presidency=config.presidency, drawn_start=config.drawn_start,
        patron=domain.patron_view(conference),
        hosts=[HostView(name=h.name, rank=h.rank,
                        function=h.function.get(language) if h.function else None,
                        styled_name=domain.host_styled_name(h, genders, language))
               for h in conference.hosts],
        order=order,
        without_head=[DelegationWithoutHead(
            delegation_id=d.id, kind=d.kind, country=d.country, delegation=name(d),
        ) for d in rest],
    )


async def draw(
    db: Database, officer: ProtocolOfficer, slug: str, among: Literal["delegations", "all"]
) -> Draw:
    """Draw by lot the country the ``drawn`` order starts from, once; the seed is recorded."""
    async with transaction(db) as conn:
        conference = await conference_by_slug(conn, slug)
        domain.check_may_draw(conference.protocol.drawn_start)
        if among == "delegations":
            candidates = await repo.country_delegations(conn, conference.id)
        else:
            candidates = list(country_codes())
        domain.check_candidates(candidates)
        seed = secrets.randbits(63)
        code = draw_start(random.Random(seed), candidates)
        if not await repo.record_drawn_start(conn, conference.id, code):
            raise domain.already_drawn()
        result = Draw(drawn_start=code, seed=seed, candidates=sorted(candidates))
        await record(conn, "protocol.drawn", ProtocolDrawn(**result.model_dump()),
                     conference_id=conference.id, subject_id=conference.id,
                     actor=officer.actor)
    return result


async def security_list(
    db: Database, officer: ProtocolOfficer, session_id: UUID, now: datetime,
    language: str | None = None,
) -> SecurityList:
    """Who may be in the room of a royal-presence session, by family name."""
    async with connection(db) as conn:
        found, conference = await _session_with_conference(conn, session_id)
        domain.check_has_security_list(found.royal_presence)
        deadline = conference.security_list_deadline
        entries, awaiting = await repo.security_list_entries(conn, session_id, deadline,
                                                             _reader(conference, language))

    def by_name(e: SecurityListEntry) -> tuple[Any, Any, str]:
        return (collation_key(e.family_name), collation_key(e.given_name),
                str(e.accreditation_id))

    items = sorted(entries, key=by_name)
    return SecurityList(
        session_id=session_id, title=found.title, starts_at=found.starts_at,
        seated_by=found.seated_by,
        deadline=domain.local(deadline, conference.timezone) if deadline else None,
        frozen=domain.security_list_frozen(deadline, now), items=items,
        awaiting_clearance=sorted(awaiting, key=by_name),
    )


# --- publication ------------------------------------------------------------------------------


def _published(s: Session) -> PublishedSession:
    return PublishedSession(
        session_id=s.id, sequence=0, title=s.title, kind=s.kind, room_id=s.room_id,
        room=s.room, room_names=s.room_names, starts_at=s.starts_at, ends_at=s.ends_at,
        status=s.status,
        press_access=s.press_access, audience=s.audience, royal_presence=s.royal_presence,
        seated_by=s.seated_by,
        participants=[Participant(accreditation_id=p.accreditation_id, role=p.role)
                      for p in s.participants],
    )


async def preview_publication(
    db: Database, officer: ProtocolOfficer, slug: str
) -> PublicationPreview:
    """What ``publish`` would freeze now, without writing anything: the next version's
    sessions, its changelog and the fingerprint that a publication from this preview carries
    (see ``domain.draft_fingerprint``). What it would send is the calendar's to say
    (``conference.calendar.preview``), from these sessions."""
    async with transaction(db) as conn:
        conference = await conference_by_slug(conn, slug)
        latest = await repo.version(conn, conference.id)
        previous = latest.snapshot if latest else None
        current = domain.next_snapshot(
            previous, map(_published, await repo.sessions_of(conn, conference)))
    number = latest.number if latest else None
    return PublicationPreview(
        conference_id=conference.id, latest=number, version=(number or 0) + 1,
        changes=domain.diff(previous, current),
        fingerprint=domain.draft_fingerprint(number, current), sessions=current.sessions)


async def publish(
    db: Database, officer: ProtocolOfficer, slug: str, now: datetime, *,
    expected_fingerprint: str | None = None,
) -> PublishResult:
    """Freeze the draft as version N with its changelog against N-1 and the
    ``programme.published`` event. With nothing changed since the latest version, no version
    is made (``published`` false). With ``expected_fingerprint`` (a preview's), a draft that
    changed since that preview is refused (409 ``stale-preview``): preview again."""
    async with transaction(db) as conn:
        conference = await conference_by_slug(conn, slug)
        await repo.lock_programme(conn, conference.id)
        latest = await repo.version(conn, conference.id)
        previous = latest.snapshot if latest else None
        current = domain.next_snapshot(
            previous, map(_published, await repo.sessions_of(conn, conference)))
        if expected_fingerprint is not None and expected_fingerprint != domain.draft_fingerprint(
                latest.number if latest else None, current):
            raise StalePreview("The draft or the published programme changed after the "
                               "preview: preview the publication again.")
        changes = domain.diff(previous, current)
        if changes.is_empty():
            if latest is None:
                raise Conflict("The draft programme has no session: nothing to publish.")
            return PublishResult(version=latest.number, published=False,
                                 published_at=domain.local(latest.published_at,
                                                           conference.timezone),
                                 changes=Changelog())
        number = latest.number + 1 if latest else 1
        version_id = await repo.insert_version(conn, conference.id, number, now, officer.actor,
                                               current, changes)
        await record(conn, "programme.published",
                     ProgrammePublished(version=number, programme_version_id=version_id,
                                        changes=changes),
                     conference_id=conference.id, subject_id=str(version_id), actor=officer.actor,
                     occurred_at=now)
    return PublishResult(version=number, published=True,
                         published_at=domain.local(now, conference.timezone), changes=changes)


def sees_participants(reader: Principal | None) -> bool:
    """Who is on which session is shown to the protocol office only."""
    return reader is not None and reader.role in PROTOCOL_OFFICE


async def programme_of(
    db: Database, reader: Principal | None, slug: str, number: int | None = None
) -> ProgrammeVersion:
    """A published version (the latest by default), as frozen; open to anyone, with the
    participants for the protocol office."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        version = await repo.programme(conn, conference, number,
                                       with_participants=sees_participants(reader))
    if version is None:
        raise NotFound("No programme has been published for this conference yet."
                       if number is None else f"No programme version {number}.")
    return version
