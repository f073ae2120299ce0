"""Programme: SQL in, models out; each change with its domain event.

The caller owns the transaction (``async with conn.transaction()``): the change and its event
commit together or not at all. Writes that may double-book run in a savepoint, so that when
PostgreSQL refuses them (an exclusion constraint) the transaction can still read every clash and
name them all in the 409.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, TypeVar
from uuid import UUID

import asyncpg

from conference.accreditation.domain import Category, Status
from conference.auth import Principal
from conference.conferences.models import Conference
from conference.conferences.repo import conference_by_id
from conference.db.sql import queries_beside
from conference.errors import (
    Conflict,
    Duplicate,
    IllegalTransition,
    Invalid,
    NotFound,
    SchedulingConflict,
)
from conference.outbox.events import record
from conference.programme import domain
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
    PressAccess,
    ProgrammeVersion,
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
    SessionKind,
    SessionPatch,
    SessionWritten,
    Snapshot,
    SpeakingOrder,
    SpeakingSlotView,
)
from conference.protocol.countries import collation_key, country_codes
from conference.protocol.precedence import draw_start
from conference.protocol.speaking import seating as seat_guests
from conference.protocol.speaking import speaking_order as order_speakers
from conference.types import Localized

Q = queries_beside(__file__)
T = TypeVar("T")


# --- rooms ------------------------------------------------------------------------------------


def room_from_row(row: asyncpg.Record, conference: Conference) -> Room:
    return Room(id=row["id"], conference=conference.slug, name=row["name"],
                capacity=row["capacity"], created_at=row["created_at"])


async def create_room(
    conn: asyncpg.Connection, conference: Conference, body: RoomIn, principal: Principal,
    now: datetime,
) -> Room:
    row = await conn.fetchrow(Q["insert_room"], conference.id, body.name, body.capacity, now)
    if row is None:
        raise Duplicate(f"This conference already has a room named {body.name!r}.", field="name")
    await record(conn, "room.created", RoomCreated(room_id=row["id"], capacity=row["capacity"]),
                 conference_id=conference.id, subject_id=row["id"], actor=principal.actor)
    return room_from_row(row, conference)


async def rooms_of(conn: asyncpg.Connection, conference: Conference) -> list[Room]:
    return [room_from_row(r, conference) for r in await conn.fetch(Q["rooms_of"], conference.id)]


async def _lock_room(conn: asyncpg.Connection, conference: Conference, room_id: UUID) -> None:
    """The room of a booking, locked until commit (bookings of one room queue); 422 when it is
    not one of the conference's."""
    row = await conn.fetchrow(Q["lock_room"], room_id)
    if row is None or row["conference_id"] != conference.id:
        raise Invalid("Unknown room.", [{"field": "room_id", "type": "unknown_room",
                                         "message": "no such room in this conference"}])


# --- sessions: reading ------------------------------------------------------------------------


def _session(row: asyncpg.Record, conference: Conference) -> Session:
    tz = conference.timezone
    starts_at = domain.local(row["starts_at"], tz)
    return Session(
        id=row["id"], conference=conference.slug, title=row["title"], kind=row["kind"],
        room_id=row["room_id"], room=row["room"], starts_at=starts_at,
        ends_at=domain.local(row["ends_at"], tz), press_access=row["press_access"],
        audience=row["audience"], royal_presence=row["royal_presence"],
        seated_by=domain.seated_by(starts_at, row["royal_presence"],
                                   conference.protocol.seated_before_minutes),
        status="cancelled" if row["cancelled_at"] else "scheduled",
        cancelled_at=row["cancelled_at"], participants=row["participants"],
        created_at=row["created_at"], updated_at=row["updated_at"],
    )


async def _view(conn: asyncpg.Connection, session_id: UUID, conference: Conference) -> Session:
    row = await conn.fetchrow(Q["session_view"], session_id)
    if row is None:
        raise NotFound("No such session.")
    return _session(row, conference)


async def _written(
    conn: asyncpg.Connection, session_id: UUID, conference: Conference
) -> SessionWritten:
    """The session after a change, with a warning when more are invited than the room seats."""
    row = await conn.fetchrow(Q["session_view"], session_id)
    invited = await conn.fetchval(Q["invited_count"], session_id)
    return SessionWritten(
        **_session(row, conference).model_dump(),
        warnings=domain.capacity_warnings(row["room"], row["capacity"], invited),
    )


async def session_of(conn: asyncpg.Connection, session_id: UUID) -> tuple[Session, Conference]:
    row = await conn.fetchrow(Q["session_view"], session_id)
    if row is None:
        raise NotFound("No such session.")
    conference = await conference_by_id(conn, row["conference_id"])
    return _session(row, conference), conference


async def sessions_of(conn: asyncpg.Connection, conference: Conference) -> list[Session]:
    return [_session(r, conference) for r in await conn.fetch(Q["sessions_of"], conference.id)]


async def _lock(conn: asyncpg.Connection, session_id: UUID) -> asyncpg.Record:
    row = await conn.fetchrow(Q["lock_session"], session_id)
    if row is None:
        raise NotFound("No such session.")
    if row["cancelled_at"] is not None:
        raise IllegalTransition("This session is cancelled; it can no longer be changed.",
                                status_now="cancelled")
    return row


# --- sessions: conflicts ----------------------------------------------------------------------


def _clash(row: asyncpg.Record, conference: Conference) -> ConflictItem:
    return ConflictItem(
        kind=row["kind"], session_id=row["session_id"], title=row["title"],
        room_id=row["room_id"], room=row["room"],
        starts_at=domain.local(row["starts_at"], conference.timezone),
        ends_at=domain.local(row["ends_at"], conference.timezone),
        accreditation_id=row["accreditation_id"],
    )


async def _clashes(
    conn: asyncpg.Connection, conference: Conference, *, starts_at: datetime,
    ends_at: datetime, room_id: UUID | None, people: list[UUID], session_id: UUID | None,
) -> list[ConflictItem]:
    """Every booking the change would collide with: the room's, and each person's."""
    rows: list[asyncpg.Record] = []
    if room_id is not None:
        rows += await conn.fetch(Q["room_clashes"], room_id, starts_at, ends_at, session_id)
    if people:
        rows += await conn.fetch(Q["person_clashes"], people, starts_at, ends_at, session_id)
    return [_clash(r, conference) for r in rows]


async def _booking(
    conn: asyncpg.Connection,
    write: Callable[[], Awaitable[T]],
    clashes: Callable[[], Awaitable[list[ConflictItem]]],
) -> T:
    """Run `write` in a savepoint; when the database refuses a double booking, 409 naming every
    clash (read after the refusal, so bookings committed concurrently are seen).

    Two moves that each wait for the other's participant rows deadlock; PostgreSQL aborts one
    statement, which is rolled back to its savepoint and tried again (it then usually meets the
    other's committed booking: a 409 like any other)."""
    for _ in range(_DEADLOCK_RETRIES):
        try:
            async with conn.transaction():
                return await write()
        except asyncpg.ExclusionViolationError:
            found = await clashes()
            raise SchedulingConflict(domain.conflict_detail(found),
                                     conflicts=[c.model_dump(mode="json") for c in found]
                                     ) from None
        except asyncpg.DeadlockDetectedError:
            continue
    raise Conflict("The change kept colliding with concurrent changes; try again.")


_DEADLOCK_RETRIES = 3


def _session_event(row: dict[str, Any], changed: list[str]) -> SessionEvent:
    return SessionEvent(
        session_id=row["id"], room_id=row["room_id"], kind=str(row["kind"]),
        starts_at=row["starts_at"], ends_at=row["ends_at"],
        press_access=str(row["press_access"]), royal_presence=row["royal_presence"],
        changed=changed,
    )


# --- sessions: writing ------------------------------------------------------------------------


async def schedule(
    conn: asyncpg.Connection, conference: Conference, body: SessionIn, principal: Principal,
    now: datetime,
) -> SessionWritten:
    errors = domain.time_errors(body.starts_at, body.ends_at, conference.timezone,
                                conference.starts_on, conference.ends_on)
    errors += domain.royal_press_errors(body.royal_presence, body.press_access)
    if errors:
        raise Invalid("Some fields are invalid.", errors)
    await _lock_room(conn, conference, body.room_id)
    if body.royal_presence and body.audience:
        domain.check_security_list_open(conference.security_list_deadline, now,
                                        "an audience for a new session")

    async def insert() -> UUID:
        session_id: UUID = await conn.fetchval(
            Q["insert_session"], conference.id, body.room_id,
            body.title.model_dump(), body.kind.value, body.starts_at, body.ends_at,
            body.press_access.value, [c.value for c in body.audience], body.royal_presence, now,
        )
        return session_id

    session_id = await _booking(conn, insert, lambda: _clashes(
        conn, conference, starts_at=body.starts_at, ends_at=body.ends_at,
        room_id=body.room_id, people=[], session_id=None))
    await record(conn, "session.scheduled",
                 _session_event({"id": session_id, **body.model_dump()}, []),
                 conference_id=conference.id, subject_id=session_id, actor=principal.actor)
    return await _written(conn, session_id, conference)


_PATCHABLE = ("title", "kind", "room_id", "starts_at", "ends_at", "press_access", "audience",
              "royal_presence")


async def change(
    conn: asyncpg.Connection, session_id: UUID, patch: SessionPatch, principal: Principal,
    now: datetime,
) -> SessionWritten:
    """Move, rename, re-room or otherwise change a session (fields absent keep their value)."""
    row = await _lock(conn, session_id)
    conference = await conference_by_id(conn, row["conference_id"])
    given = patch.model_fields_set
    errors = [{"field": f, "message": "may not be null", "type": "null"}
              for f in sorted(given) if getattr(patch, f) is None]
    if errors:
        raise Invalid("Some fields are invalid.", errors)
    old: dict[str, Any] = {
        "title": Localized.model_validate(row["title"]), "kind": SessionKind(row["kind"]),
        "room_id": row["room_id"], "starts_at": row["starts_at"], "ends_at": row["ends_at"],
        "press_access": PressAccess(row["press_access"]),
        "audience": [Category(c) for c in row["audience"]],
        "royal_presence": row["royal_presence"],
    }
    new = {**old, **{f: getattr(patch, f) for f in given}}
    changed = [f for f in _PATCHABLE if new[f] != old[f]]
    if not changed:
        return await _written(conn, session_id, conference)
    if "starts_at" in changed or "ends_at" in changed:
        errors += domain.time_errors(new["starts_at"], new["ends_at"], conference.timezone,
                                     conference.starts_on, conference.ends_on)
    errors += domain.royal_press_errors(new["royal_presence"], new["press_access"])
    if errors:
        raise Invalid("Some fields are invalid.", errors)
    if "room_id" in changed or "starts_at" in changed or "ends_at" in changed:
        await _lock_room(conn, conference, new["room_id"])
    people: list[UUID] = [r["accreditation_id"]
                          for r in await conn.fetch(Q["participant_ids"], session_id)]
    if new["royal_presence"]:
        deadline = conference.security_list_deadline
        if not old["royal_presence"]:
            statuses = {r["id"]: Status(r["status"])
                        for r in await conn.fetch(Q["participant_statuses"], session_id)}
            domain.check_royal_participants(statuses)
            if people or new["audience"]:
                domain.check_security_list_open(deadline, now,
                                                "switching a session to royal presence")
        elif set(new["audience"]) - set(old["audience"]):
            domain.check_security_list_open(deadline, now, "an audience category")

    async def update() -> None:
        await conn.execute(
            Q["update_session"], session_id, new["title"].model_dump(), new["kind"].value,
            new["room_id"], new["starts_at"], new["ends_at"], new["press_access"].value,
            [c.value for c in new["audience"]], new["royal_presence"], now,
        )

    moved = "starts_at" in changed or "ends_at" in changed
    await _booking(conn, update, lambda: _clashes(
        conn, conference, starts_at=new["starts_at"], ends_at=new["ends_at"],
        room_id=new["room_id"], people=people if moved else [], session_id=session_id))
    await record(conn, "session.moved" if moved else "session.changed",
                 _session_event({"id": session_id, **new}, changed),
                 conference_id=conference.id, subject_id=session_id, actor=principal.actor)
    return await _written(conn, session_id, conference)


async def cancel(
    conn: asyncpg.Connection, session_id: UUID, principal: Principal, now: datetime
) -> SessionWritten:
    row = await _lock(conn, session_id)
    conference = await conference_by_id(conn, row["conference_id"])
    await conn.execute(Q["cancel_session"], session_id, now)
    await record(conn, "session.cancelled", _session_event(dict(row), ["status"]),
                 conference_id=conference.id, subject_id=session_id, actor=principal.actor)
    return await _written(conn, session_id, conference)


# --- participants -----------------------------------------------------------------------------


async def put_participant(
    conn: asyncpg.Connection, session_id: UUID, accreditation_id: UUID, role: ParticipantRole,
    principal: Principal, now: datetime,
) -> SessionWritten:
    """Put a person on a session with a role (or change their role): idempotent."""
    row = await _lock(conn, session_id)
    conference = await conference_by_id(conn, row["conference_id"])
    acc = await conn.fetchrow(Q["accreditation_for_session"], accreditation_id)
    if acc is None:
        raise NotFound("No such accreditation.")
    if acc["conference_id"] != conference.id:
        raise Invalid("The accreditation belongs to another conference.", [{
            "field": "accreditation_id", "type": "other_conference",
            "message": "not an accreditation of this session's conference"}])
    if acc["erased_at"] is not None:
        raise NotFound("No such accreditation.")
    current = await conn.fetchval(Q["participant_of"], session_id, accreditation_id)
    if current == role.value:
        return await _written(conn, session_id, conference)
    event = ParticipantEvent(session_id=session_id, accreditation_id=accreditation_id,
                             role=role.value, previous_role=current)
    if current is not None:
        await _one_chair(conn, lambda: conn.execute(
            Q["set_participant_role"], session_id, accreditation_id, role.value))
        await record(conn, "participant.changed", event, conference_id=conference.id,
                     subject_id=session_id, actor=principal.actor)
        return await _written(conn, session_id, conference)
    domain.check_eligible(Status(acc["status"]), row["royal_presence"], accreditation_id)
    if row["royal_presence"]:
        domain.check_security_list_open(conference.security_list_deadline, now, "a participant")

    async def insert() -> None:
        await _one_chair(conn, lambda: conn.execute(
            Q["insert_participant"], session_id, conference.id, accreditation_id, role.value,
            now))

    await _booking(conn, insert, lambda: _clashes(
        conn, conference, starts_at=row["starts_at"], ends_at=row["ends_at"], room_id=None,
        people=[accreditation_id], session_id=session_id))
    await record(conn, "participant.added", event, conference_id=conference.id,
                 subject_id=session_id, actor=principal.actor)
    return await _written(conn, session_id, conference)


async def _one_chair(conn: asyncpg.Connection, write: Callable[[], Awaitable[Any]]) -> None:
    try:
        async with conn.transaction():
            await write()
    except asyncpg.UniqueViolationError:
        raise Conflict("This session already has a chair; make the chair a speaker first.",
                       field="role") from None


async def remove_participant(
    conn: asyncpg.Connection, session_id: UUID, accreditation_id: UUID, principal: Principal
) -> None:
    row = await _lock(conn, session_id)
    role = await conn.fetchval(Q["delete_participant"], session_id, accreditation_id)
    if role is None:
        raise NotFound("This accreditation is not on this session.")
    await record(conn, "participant.removed",
                 ParticipantEvent(session_id=session_id, accreditation_id=accreditation_id,
                                  role=role),
                 conference_id=row["conference_id"], subject_id=session_id,
                 actor=principal.actor)


# --- protocol views ---------------------------------------------------------------------------


def _member(row: asyncpg.Record) -> domain.Member:
    return domain.Member(
        accreditation_id=row["accreditation_id"], given_name=row["given_name"],
        family_name=row["family_name"], gender=row["gender"], category=Category(row["category"]),
        status=Status(row["status"]), rank=row["rank"], function=row["function"],
        in_office_since=row["in_office_since"], delegation_id=row["delegation_id"],
        country=row["country"], organisation=row["organisation"], role=row["role"],
    )


async def speaking_order(conn: asyncpg.Connection, session_id: UUID) -> SpeakingOrder:
    session, conference = await session_of(conn, session_id)
    members = [_member(r) for r in await conn.fetch(Q["participants_as_members"], session_id)]
    config = domain.protocol_config(conference)
    hosts = conference.hosts
    by_id = {str(m.accreditation_id): m for m in members}
    chair = next((m for m in members if m.role == "chair"), None)
    speakers = [domain.person(m, hosts) for m in members if m.role == "speaker"]
    slots = order_speakers(domain.person(chair, hosts) if chair else None, speakers, config,
                           royal_presence=session.royal_presence)
    return SpeakingOrder(
        session_id=session_id, royal_presence=session.royal_presence,
        patron=domain.patron_view(conference) if session.royal_presence else None,
        slots=[SpeakingSlotView(
            position=s.position, part=s.part,
            person=domain.person_view(by_id[s.person.id], conference) if s.person else None,
        ) for s in slots],
    )


async def seating(conn: asyncpg.Connection, session_id: UUID) -> Seating:
    """The head table: the chair in the middle and the speakers around by precedence."""
    _, conference = await session_of(conn, session_id)
    members = [_member(r) for r in await conn.fetch(Q["participants_as_members"], session_id)]
    chair = next((m for m in members if m.role == "chair"), None)
    if chair is None:
        raise Conflict("This session has no chair; the head table is seated around the chair.")
    config = domain.protocol_config(conference)
    hosts = conference.hosts
    by_id = {str(m.accreditation_id): m for m in members}
    guests = [domain.person(m, hosts) for m in members if m.role == "speaker"]
    seats = seat_guests(domain.person(chair, hosts), guests, config)
    return Seating(
        session_id=session_id,
        seats=[Seat(seat=n, person=domain.person_view(by_id[p.id], conference))
               for n, p in seats],
        from_audience_left_to_right=[UUID(p.id) for _, p in sorted(seats, key=lambda s: -s[0])],
    )


async def precedence(conn: asyncpg.Connection, conference: Conference) -> Precedence:
    config = domain.protocol_config(conference)
    language = domain.language_of(conference)
    members = [_member(r) for r in await conn.fetch(Q["delegation_members"], conference.id)]
    heads = domain.heads_of_delegation(members, config, conference.hosts)
    delegations = {d["id"]: d
                   for d in await conn.fetch(Q["delegations_in_precedence"], conference.id)}

    def name(d: asyncpg.Record) -> str:
        return domain.delegation_name(d["country"], d["organisation"], language) or ""

    order = []
    for position, head in enumerate(heads, start=1):
        d = delegations[head.delegation_id]
        order.append(PrecedenceEntry(
            position=position, delegation_id=d["id"], delegation=name(d), kind=d["kind"],
            country=d["country"], head=domain.person_view(head, conference),
            status=head.status,
        ))
    headed = {h.delegation_id for h in heads}
    rest = sorted(
        (d for d in delegations.values() if d["id"] not in headed),
        key=lambda d: domain.delegation_order_key(d["country"], d["organisation"], config),
    )
    return Precedence(
        conference=conference.slug, tie_break=config.tie_break.value, language=language,
        presidency=config.presidency, drawn_start=config.drawn_start,
        patron=domain.patron_view(conference),
        hosts=[HostView(name=h.name, rank=h.rank,
                        function=h.function.get(language) if h.function else None)
               for h in conference.hosts],
        order=order,
        without_head=[DelegationWithoutHead(
            delegation_id=d["id"], kind=d["kind"], country=d["country"], delegation=name(d),
        ) for d in rest],
    )


async def draw(
    conn: asyncpg.Connection, conference: Conference, among: str, principal: Principal
) -> Draw:
    """Draw by lot the country the ``drawn`` order starts from, once; the seed is recorded."""
    if conference.protocol.drawn_start is not None:
        raise Conflict(f"The starting country was drawn already: "
                       f"{conference.protocol.drawn_start}. A draw is made once.",
                       drawn_start=conference.protocol.drawn_start)
    if among == "delegations":
        candidates = [r["country"] for r in await conn.fetch(Q["country_delegations"],
                                                              conference.id)]
    else:
        candidates = list(country_codes())
    if not candidates:
        raise Conflict("This conference has no country delegation to draw from.")
    seed = secrets.randbits(63)
    code = draw_start(random.Random(seed), candidates)
    if await conn.fetchval(Q["record_drawn_start"], conference.id, code) is None:
        raise Conflict("The starting country was drawn already.")
    result = Draw(drawn_start=code, seed=seed, candidates=sorted(candidates))
    await record(conn, "protocol.drawn", ProtocolDrawn(**result.model_dump()),
                 conference_id=conference.id, subject_id=conference.id, actor=principal.actor)
    return result


async def security_list(
    conn: asyncpg.Connection, session_id: UUID, now: datetime
) -> SecurityList:
    session, conference = await session_of(conn, session_id)
    if not session.royal_presence:
        raise Conflict("Only royal-presence sessions have a security list.")
    deadline = conference.security_list_deadline
    language = domain.language_of(conference)
    rows = await conn.fetch(Q["security_list"], session_id, deadline)
    items = sorted(
        (SecurityListEntry(
            accreditation_id=r["accreditation_id"], family_name=r["family_name"],
            given_name=r["given_name"], category=r["category"], role=r["role"],
            delegation=domain.delegation_name(r["country"], r["organisation"], language),
        ) for r in rows),
        key=lambda e: (collation_key(e.family_name), collation_key(e.given_name),
                       str(e.accreditation_id)),
    )
    return SecurityList(
        session_id=session_id, title=session.title, starts_at=session.starts_at,
        seated_by=session.seated_by,
        deadline=domain.local(deadline, conference.timezone) if deadline else None,
        frozen=domain.security_list_frozen(deadline, now), items=items,
    )


# --- publication ------------------------------------------------------------------------------


def _published(s: Session) -> PublishedSession:
    return PublishedSession(
        session_id=s.id, sequence=0, title=s.title, kind=s.kind, room_id=s.room_id,
        room=s.room, starts_at=s.starts_at, ends_at=s.ends_at, status=s.status,
        press_access=s.press_access, audience=s.audience, royal_presence=s.royal_presence,
        seated_by=s.seated_by,
        participants=[Participant(accreditation_id=p.accreditation_id, role=p.role)
                      for p in s.participants],
    )


def _snapshot(row: asyncpg.Record | None) -> Snapshot | None:
    return Snapshot.model_validate(row["snapshot"]) if row is not None else None


async def publish(
    conn: asyncpg.Connection, conference: Conference, principal: Principal, now: datetime
) -> PublishResult:
    """Freeze the draft as version N with its changelog against N-1 and the
    ``programme.published`` event, in the caller's transaction. With nothing changed since the
    latest version, no version is made (``published`` false)."""
    await conn.execute(Q["lock_programme"], conference.id)
    latest = await conn.fetchrow(Q["latest_version"], conference.id)
    previous = _snapshot(latest)
    current = domain.next_snapshot(previous, map(_published, await sessions_of(conn, conference)))
    changes = domain.diff(previous, current)
    if changes.is_empty():
        if latest is None:
            raise Conflict("The draft programme has no session: nothing to publish.")
        return PublishResult(version=latest["number"], published=False,
                             published_at=domain.local(latest["published_at"],
                                                       conference.timezone),
                             changes=Changelog())
    number = latest["number"] + 1 if latest else 1
    row = await conn.fetchrow(
        Q["insert_version"], conference.id, number, now, principal.actor,
        current.model_dump(mode="json"), changes.model_dump(mode="json"),
    )
    await record(conn, "programme.published",
                 ProgrammePublished(version=number, programme_version_id=row["id"],
                                    changes=changes),
                 conference_id=conference.id, subject_id=row["id"], actor=principal.actor)
    return PublishResult(version=number, published=True,
                         published_at=domain.local(now, conference.timezone), changes=changes)


async def version_row(
    conn: asyncpg.Connection, conference: Conference, number: int | None = None
) -> asyncpg.Record:
    if number is None:
        row = await conn.fetchrow(Q["latest_version"], conference.id)
        if row is None:
            raise NotFound("No programme has been published for this conference yet.")
    else:
        row = await conn.fetchrow(Q["version_by_number"], conference.id, number)
        if row is None:
            raise NotFound(f"No programme version {number}.")
    return row


async def programme(
    conn: asyncpg.Connection, conference: Conference, number: int | None = None, *,
    with_participants: bool,
) -> ProgrammeVersion:
    """A published version (the latest by default), as frozen. Calendar code reads the same
    snapshot: each session's ``sequence``, participants and roles, ``seated_by``."""
    row = await version_row(conn, conference, number)
    snapshot = Snapshot.model_validate(row["snapshot"])
    sessions = snapshot.sessions
    if not with_participants:
        sessions = [s.model_copy(update={"participants": []}) for s in sessions]
    return ProgrammeVersion(
        conference=conference.slug, version=row["number"],
        published_at=domain.local(row["published_at"], conference.timezone),
        timezone=conference.timezone, sessions=sessions,
        changes=Changelog.model_validate(row["changes"]),
    )


async def personal_sessions(conn: asyncpg.Connection, accreditation_id: UUID
                            ) -> list[dict[str, Any]]:
    """The personal-data export's section ``sessions``: every session the person is on."""
    return [dict(r) for r in await conn.fetch(Q["personal_sessions"], accreditation_id)]
