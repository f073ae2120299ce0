"""Programme: SQL in, models out (the queries are in ``queries.sql``).

No rule and no refusal here: the use-cases (``service.py``) decide, and own the transaction.
A write the database may refuse (a double booking, a second chair) raises asyncpg's error for
the use-case to translate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from uuid import UUID

import asyncpg

from conference.accreditation.domain import Category, Status
from conference.conferences.lookup import conference_by_id
from conference.conferences.models import Conference
from conference.db.sql import queries_beside
from conference.programme import domain
from conference.programme.models import (
    Changelog,
    ConflictItem,
    PressAccess,
    ProgrammeVersion,
    Room,
    SecurityListEntry,
    Session,
    SessionIn,
    SessionKind,
    Snapshot,
)
from conference.protocol.address import known_gender
from conference.types import Localized

Q = queries_beside(__file__)


# --- rooms ------------------------------------------------------------------------------------


def _room(row: asyncpg.Record, conference: Conference) -> Room:
    return Room(id=row["id"], conference=conference.slug, name=row["name"],
                names=Localized(fr=row["name_fr"], en=row["name_en"]),
                capacity=row["capacity"], created_at=row["created_at"])


async def insert_room(
    conn: asyncpg.Connection, conference: Conference, names: Localized, capacity: int,
    now: datetime,
) -> Room | None:
    """The new room; None when the conference has a room of that name (in either language)."""
    row = await conn.fetchrow(*Q.bind_record("insert_room", {
        "conference_id": conference.id, "name": names.get(domain.language_of(conference)),
        "name_fr": names.fr, "name_en": names.en, "capacity": capacity, "created_at": now}))
    return _room(row, conference) if row is not None else None


async def rooms_of(conn: asyncpg.Connection, conference: Conference) -> list[Room]:
    rows = await conn.fetch(*Q.bind("rooms_of", conference_id=conference.id))
    return [_room(r, conference) for r in rows]


async def lock_room(conn: asyncpg.Connection, room_id: UUID) -> UUID | None:
    """Lock the room of a booking until commit (bookings of one room queue); its conference."""
    row = await conn.fetchrow(*Q.bind("lock_room", room_id=room_id))
    return row["conference_id"] if row is not None else None


# --- sessions: reading ------------------------------------------------------------------------


def _session(row: asyncpg.Record, conference: Conference) -> Session:
    tz = conference.timezone
    starts_at = domain.local(row["starts_at"], tz)
    return Session(
        id=row["id"], conference=conference.slug, title=row["title"], kind=row["kind"],
        room_id=row["room_id"], room=row["room"], room_names=row["room_names"],
        starts_at=starts_at,
        ends_at=domain.local(row["ends_at"], tz), press_access=row["press_access"],
        audience=row["audience"], royal_presence=row["royal_presence"],
        seated_by=domain.seated_by(starts_at, row["royal_presence"],
                                   conference.protocol.seated_before_minutes),
        status="cancelled" if row["cancelled_at"] else "scheduled",
        cancelled_at=row["cancelled_at"], participants=row["participants"],
        created_at=row["created_at"], updated_at=row["updated_at"],
    )


async def _view(conn: asyncpg.Connection, session_id: UUID) -> asyncpg.Record | None:
    return await conn.fetchrow(*Q.bind("session_view", session_id=session_id))


async def session_in(
    conn: asyncpg.Connection, session_id: UUID, conference: Conference
) -> Session | None:
    row = await _view(conn, session_id)
    return _session(row, conference) if row is not None else None


async def session_with_conference(
    conn: asyncpg.Connection, session_id: UUID
) -> tuple[Session, Conference] | None:
    row = await _view(conn, session_id)
    if row is None:
        return None
    conference = await conference_by_id(conn, row["conference_id"])
    return _session(row, conference), conference


@dataclass(frozen=True)
class Occupancy:
    room: str
    capacity: int
    invited: int
    """Participants and the approved accreditations of the audience categories."""


async def session_occupancy(
    conn: asyncpg.Connection, session_id: UUID, conference: Conference
) -> tuple[Session, Occupancy]:
    """A session just written (it exists), with how many its room seats and it invites."""
    row = await _view(conn, session_id)
    assert row is not None
    invited: int = await conn.fetchval(*Q.bind("invited_count", session_id=session_id))
    return _session(row, conference), Occupancy(row["room"], row["capacity"], invited)


async def sessions_of(conn: asyncpg.Connection, conference: Conference) -> list[Session]:
    return [_session(r, conference)
            for r in await conn.fetch(*Q.bind("sessions_of", conference_id=conference.id))]


@dataclass(frozen=True)
class LockedSession:
    id: UUID
    conference_id: UUID
    cancelled: bool
    fields: domain.SessionFields


async def lock_session(conn: asyncpg.Connection, session_id: UUID) -> LockedSession | None:
    """A session locked until commit (changes to one session queue)."""
    row = await conn.fetchrow(*Q.bind("lock_session", session_id=session_id))
    if row is None:
        return None
    return LockedSession(
        id=row["id"], conference_id=row["conference_id"],
        cancelled=row["cancelled_at"] is not None,
        fields=domain.SessionFields(
            title=Localized.model_validate(row["title"]), kind=SessionKind(row["kind"]),
            room_id=row["room_id"], starts_at=row["starts_at"], ends_at=row["ends_at"],
            press_access=PressAccess(row["press_access"]),
            audience=[Category(c) for c in row["audience"]],
            royal_presence=row["royal_presence"],
        ),
    )


# --- sessions: conflicts ----------------------------------------------------------------------


def _clash(row: asyncpg.Record, conference: Conference) -> ConflictItem:
    return ConflictItem(
        kind=row["kind"], session_id=row["session_id"], title=row["title"],
        room_id=row["room_id"], room=row["room"],
        starts_at=domain.local(row["starts_at"], conference.timezone),
        ends_at=domain.local(row["ends_at"], conference.timezone),
        accreditation_id=row["accreditation_id"],
        seated_by=(domain.local(row["seated_by"], conference.timezone)
                   if row["seated_by"] is not None else None),
    )


async def room_clashes(
    conn: asyncpg.Connection, conference: Conference, room_id: UUID, starts_at: datetime,
    ends_at: datetime, session_id: UUID | None,
) -> list[ConflictItem]:
    """The room's live sessions whose occupied range (from the seating, for a royal-presence
    session) overlaps the span (but ``session_id``)."""
    rows = await conn.fetch(*Q.bind("room_clashes", room_id=room_id, starts_at=starts_at,
                                    ends_at=ends_at, session_id=session_id))
    return [_clash(r, conference) for r in rows]


async def person_clashes(
    conn: asyncpg.Connection, conference: Conference, people: list[UUID], starts_at: datetime,
    ends_at: datetime, session_id: UUID | None,
) -> list[ConflictItem]:
    """The people's live sessions whose occupied range overlaps the span (but
    ``session_id``)."""
    rows = await conn.fetch(*Q.bind("person_clashes", people=people, starts_at=starts_at,
                                    ends_at=ends_at, session_id=session_id))
    return [_clash(r, conference) for r in rows]


# --- sessions: writing ------------------------------------------------------------------------


def _fields(f: domain.SessionFields | SessionIn) -> dict[str, Any]:
    return {"title": f.title.model_dump(), "kind": f.kind.value, "room_id": f.room_id,
            "starts_at": f.starts_at, "ends_at": f.ends_at, "press_access": f.press_access.value,
            "audience": [c.value for c in f.audience], "royal_presence": f.royal_presence}


async def insert_session(
    conn: asyncpg.Connection, conference_id: UUID, body: SessionIn, now: datetime
) -> UUID:
    session_id: UUID = await conn.fetchval(
        *Q.bind_record("insert_session",
                       {**_fields(body), "conference_id": conference_id, "now": now}))
    return session_id


async def update_session(
    conn: asyncpg.Connection, session_id: UUID, fields: domain.SessionFields, now: datetime
) -> None:
    await conn.execute(*Q.bind_record(
        "update_session", {**_fields(fields), "session_id": session_id, "now": now}))


async def cancel_session(conn: asyncpg.Connection, session_id: UUID, now: datetime) -> None:
    await conn.execute(*Q.bind("cancel_session", session_id=session_id, now=now))


# --- participants -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """What putting a person on a session needs of their accreditation."""

    conference_id: UUID
    status: Status
    erased: bool
    name: str
    """Given and family name, as the refusals and warnings name the person."""


async def accreditation_for_session(
    conn: asyncpg.Connection, accreditation_id: UUID
) -> Candidate | None:
    """The accreditation, locked against a decision until commit."""
    row = await conn.fetchrow(*Q.bind("accreditation_for_session",
                                      accreditation_id=accreditation_id))
    if row is None:
        return None
    return Candidate(row["conference_id"], Status(row["status"]), row["erased_at"] is not None,
                     f"{row['given_name']} {row['family_name']}")


async def participant_role(
    conn: asyncpg.Connection, session_id: UUID, accreditation_id: UUID
) -> str | None:
    role: str | None = await conn.fetchval(
        *Q.bind("participant_role", session_id=session_id, accreditation_id=accreditation_id))
    return role


async def participant_ids(conn: asyncpg.Connection, session_id: UUID) -> list[UUID]:
    rows = await conn.fetch(*Q.bind("participant_ids", session_id=session_id))
    return [r["accreditation_id"] for r in rows]


async def participant_statuses(conn: asyncpg.Connection, session_id: UUID) -> dict[UUID, Status]:
    """Each participant's status, locked against a decision until commit."""
    return {r["id"]: Status(r["status"])
            for r in await conn.fetch(*Q.bind("participant_statuses", session_id=session_id))}


async def insert_participant(
    conn: asyncpg.Connection, session_id: UUID, conference_id: UUID, accreditation_id: UUID,
    role: str, now: datetime,
) -> None:
    await conn.execute(*Q.bind("insert_participant", session_id=session_id,
                               conference_id=conference_id, accreditation_id=accreditation_id,
                               role=role, added_at=now))


async def set_participant_role(
    conn: asyncpg.Connection, session_id: UUID, accreditation_id: UUID, role: str
) -> None:
    await conn.execute(*Q.bind("set_participant_role", session_id=session_id,
                               accreditation_id=accreditation_id, role=role))


async def delete_participant(
    conn: asyncpg.Connection, session_id: UUID, accreditation_id: UUID
) -> str | None:
    """Take the person off; their role, or None when they were not on the session."""
    role: str | None = await conn.fetchval(
        *Q.bind("delete_participant", session_id=session_id, accreditation_id=accreditation_id))
    return role


# --- protocol views ---------------------------------------------------------------------------


def _member(row: asyncpg.Record) -> domain.Member:
    return domain.Member(
        accreditation_id=row["accreditation_id"], given_name=row["given_name"],
        family_name=row["family_name"], gender=row["gender"], category=Category(row["category"]),
        status=Status(row["status"]), rank=row["rank"], function=row["function"],
        function_fr=row["function_fr"], function_en=row["function_en"],
        in_office_since=row["in_office_since"], delegation_id=row["delegation_id"],
        country=row["country"], organisation=row["organisation"], role=row["role"],
    )


async def members_of_session(conn: asyncpg.Connection, session_id: UUID) -> list[domain.Member]:
    """The people on a session, in the order they were added."""
    rows = await conn.fetch(*Q.bind("participants_as_members", session_id=session_id))
    return [_member(r) for r in rows]


async def delegation_members(
    conn: asyncpg.Connection, conference_id: UUID
) -> list[domain.Member]:
    """Who may head a delegation: its ministers and officials, approved or submitted."""
    rows = await conn.fetch(*Q.bind("delegation_members", conference_id=conference_id))
    return [_member(r) for r in rows]


async def host_genders(
    conn: asyncpg.Connection, conference_id: UUID
) -> list[tuple[str, str, str]]:
    """(given name, family name, gender) of every live accreditation outside the press with a
    gender: where a host's civility title is found (``domain.host_styled_name``)."""
    rows = await conn.fetch(*Q.bind("host_genders", conference_id=conference_id))
    return [(r["given_name"], r["family_name"], r["gender"]) for r in rows]


@dataclass(frozen=True)
class Delegation:
    """What the order of precedence needs of a delegation."""

    id: UUID
    kind: Literal["country", "organisation"]
    country: str | None
    organisation: str | None


async def delegations(conn: asyncpg.Connection, conference_id: UUID) -> list[Delegation]:
    rows = await conn.fetch(*Q.bind("delegations_in_precedence", conference_id=conference_id))
    return [Delegation(r["id"], r["kind"], r["country"], r["organisation"]) for r in rows]


async def security_list_entries(
    conn: asyncpg.Connection, session_id: UUID, deadline: datetime | None, language: str
) -> tuple[list[SecurityListEntry], list[SecurityListEntry]]:
    """The session's security list, unordered: participants, and the audience approved by the
    deadline (every approved one when None); then, apart, those left off it because the
    clearance their category needs is not granted yet."""
    listed: list[SecurityListEntry] = []
    awaiting: list[SecurityListEntry] = []
    for r in await conn.fetch(*Q.bind("security_list", session_id=session_id,
                                      deadline=deadline)):
        (awaiting if r["awaiting_clearance"] else listed).append(SecurityListEntry(
            accreditation_id=r["accreditation_id"], family_name=r["family_name"],
            given_name=r["given_name"], category=r["category"], role=r["role"],
            gender=known_gender(r["gender"]),
            delegation=domain.delegation_name(r["country"], r["organisation"], language),
            added_after_freeze=r["added_after_freeze"] and not r["awaiting_clearance"],
            in_place_of=(f"{r['replaced_given_name']} {r['replaced_family_name']}"
                         if r["replaced_family_name"] is not None else None),
            date_of_birth=r["date_of_birth"], nationality=r["nationality"],
            document_type=r["document_type"], document_number=r["document_number"],
        ))
    return listed, awaiting


async def country_delegations(conn: asyncpg.Connection, conference_id: UUID) -> list[str]:
    rows = await conn.fetch(*Q.bind("country_delegations", conference_id=conference_id))
    return [r["country"] for r in rows]


async def record_drawn_start(conn: asyncpg.Connection, conference_id: UUID, code: str) -> bool:
    """Record the drawn country; False when one was drawn already."""
    drawn = await conn.fetchval(*Q.bind("record_drawn_start", conference_id=conference_id,
                                        drawn_start=code))
    return drawn is not None


# --- published versions -----------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """A published version of a conference's programme, as stored."""

    id: int
    number: int
    published_at: datetime
    snapshot: Snapshot
    changes: Changelog


def _version(row: asyncpg.Record | None) -> Version | None:
    if row is None:
        return None
    return Version(id=row["id"], number=row["number"], published_at=row["published_at"],
                   snapshot=Snapshot.model_validate(row["snapshot"]),
                   changes=Changelog.model_validate(row["changes"]))


async def lock_programme(conn: asyncpg.Connection, conference_id: UUID) -> None:
    """Serialise the publications of one conference until commit."""
    await conn.execute(*Q.bind("lock_programme", conference_id=conference_id))


async def version(
    conn: asyncpg.Connection, conference_id: UUID, number: int | None = None
) -> Version | None:
    """A published version: the latest (None: nothing published), or the one numbered."""
    if number is None:
        return _version(await conn.fetchrow(*Q.bind("latest_version", conference_id=conference_id)))
    return _version(await conn.fetchrow(*Q.bind("version_by_number",
                                                conference_id=conference_id, number=number)))


async def insert_version(
    conn: asyncpg.Connection, conference_id: UUID, number: int, now: datetime, actor: str,
    snapshot: Snapshot, changes: Changelog,
) -> int:
    """Store a new version; its id."""
    row = await conn.fetchrow(*Q.bind(
        "insert_version",
        conference_id=conference_id, number=number, published_at=now, published_by=actor,
        snapshot=snapshot.model_dump(mode="json"), changes=changes.model_dump(mode="json")))
    assert row is not None
    version_id: int = row["id"]
    return version_id


async def programme(
    conn: asyncpg.Connection, conference: Conference, number: int | None = None, *,
    with_participants: bool,
) -> ProgrammeVersion | None:
    """A published version (the latest by default), as frozen; None when there is none. The
    calendar and the pages read the same snapshot: each session's ``sequence``, participants
    and roles, ``seated_by``."""
    found = await version(conn, conference.id, number)
    if found is None:
        return None
    sessions = found.snapshot.sessions
    if not with_participants:
        sessions = [s.model_copy(update={"participants": []}) for s in sessions]
    return ProgrammeVersion(
        conference=conference.slug, version=found.number,
        published_at=domain.local(found.published_at, conference.timezone),
        timezone=conference.timezone, sessions=sessions, changes=found.changes,
    )


# --- people -----------------------------------------------------------------------------------


async def personal_sessions(conn: asyncpg.Connection, accreditation_id: UUID
                            ) -> list[dict[str, Any]]:
    """The personal-data export's section ``sessions``: every session the person is on."""
    rows = await conn.fetch(*Q.bind("personal_sessions", accreditation_id=accreditation_id))
    return [dict(r) for r in rows]

