"""Zones, press pools, badge holders and check-ins: SQL in, models out (the queries are in
``queries.sql``). No rule and no refusal here: the use-cases (``service.py``) decide, and own
the transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

import asyncpg

from conference.accreditation.domain import Category, Status
from conference.badges import domain
from conference.badges.domain import (
    DETAILS,
    PrintStatus,
    Reason,
    ReissueReason,
    ZoneFacts,
    ZoneKind,
)
from conference.badges.models import (
    CheckIn,
    Collection,
    Grants,
    Holder,
    Pool,
    PoolPerson,
    PoolSession,
    VoidBadge,
    Zone,
    ZoneIn,
)
from conference.db.sql import queries_beside
from conference.protocol.address import known_gender

Q = queries_beside(__file__)


# --- zones ------------------------------------------------------------------------------------


def _zone(row: asyncpg.Record) -> Zone:
    return Zone(
        id=row["id"], conference=row["conference_slug"], code=row["code"], name=row["name"],
        kind=row["kind"], created_at=row["created_at"], opens_on=row["opens_on"],
        closes_on=row["closes_on"],
        grants=Grants(categories=list(row["categories"]), sessions=list(row["sessions"]),
                      pools=list(row["pools"])),
    )


async def zones_of(conn: asyncpg.Connection, conference_id: UUID) -> list[Zone]:
    """The conference's zones with their grants, in the order they were defined."""
    rows = await conn.fetch(*Q.bind("zones_of", conference_id=conference_id, zone_id=None))
    return [_zone(r) for r in rows]


async def zone(conn: asyncpg.Connection, conference_id: UUID, zone_id: UUID) -> Zone:
    """A zone of the conference (it exists) with its grants."""
    row = await conn.fetchrow(*Q.bind("zones_of", conference_id=conference_id, zone_id=zone_id))
    assert row is not None
    return _zone(row)


async def insert_zone(
    conn: asyncpg.Connection, conference_id: UUID, body: ZoneIn, now: datetime
) -> UUID | None:
    """The new zone's id; None when the conference has a zone of that code."""
    zone_id: UUID | None = await conn.fetchval(*Q.bind_record("insert_zone", {
        "conference_id": conference_id, "code": body.code, "name": body.name.model_dump(),
        "kind": body.kind.value, "created_at": now, "opens_on": body.opens_on,
        "closes_on": body.closes_on}))
    return zone_id


async def update_zone(conn: asyncpg.Connection, zone_id: UUID, name: dict[str, str],
                      opens_on: date | None, closes_on: date | None) -> None:
    await conn.execute(*Q.bind("update_zone", zone_id=zone_id, name=name, opens_on=opens_on,
                               closes_on=closes_on))


async def lock_zone(conn: asyncpg.Connection, zone_id: UUID) -> tuple[UUID, ZoneKind] | None:
    """Lock the zone until commit; its conference and kind."""
    row = await conn.fetchrow(*Q.bind("lock_zone", zone_id=zone_id))
    return (row["conference_id"], ZoneKind(row["kind"])) if row is not None else None


async def missing_sessions(
    conn: asyncpg.Connection, conference_id: UUID, ids: list[UUID]
) -> list[UUID]:
    """Which of the sessions are not the conference's."""
    rows = await conn.fetch(*Q.bind("missing_sessions", ids=ids, conference_id=conference_id))
    return [r[0] for r in rows]


async def missing_pools(
    conn: asyncpg.Connection, conference_id: UUID, ids: list[UUID]
) -> list[UUID]:
    """Which of the press pools are not the conference's."""
    rows = await conn.fetch(*Q.bind("missing_pools", ids=ids, conference_id=conference_id))
    return [r[0] for r in rows]


async def replace_grants(
    conn: asyncpg.Connection, zone_id: UUID, conference_id: UUID, grants: Grants
) -> None:
    """Write what grants the zone, in place of what did."""
    await conn.execute(*Q.bind("delete_grants", zone_id=zone_id))
    await conn.execute(*Q.bind(
        "insert_grants", zone_id=zone_id, conference_id=conference_id,
        categories=[c.value for c in grants.categories], sessions=grants.sessions,
        pools=grants.pools))


# --- press pools ------------------------------------------------------------------------------


def _pool(row: asyncpg.Record) -> Pool:
    return Pool(id=row["id"], conference=row["conference_slug"], name=row["name"],
                members=list(row["members"]), sessions=list(row["sessions"]),
                created_at=row["created_at"])


async def pools_of(conn: asyncpg.Connection, conference_id: UUID) -> list[Pool]:
    """The conference's press pools with their members, in the order they were created."""
    rows = await conn.fetch(*Q.bind("pools_of", conference_id=conference_id, pool_id=None))
    return [_pool(r) for r in rows]


async def find_pool(conn: asyncpg.Connection, conference_id: UUID, pool_id: UUID
                    ) -> Pool | None:
    """A press pool of the conference with its members; None when it is not the conference's."""
    row = await conn.fetchrow(*Q.bind("pools_of", conference_id=conference_id, pool_id=pool_id))
    return None if row is None else _pool(row)


async def pool(conn: asyncpg.Connection, conference_id: UUID, pool_id: UUID) -> Pool:
    """A press pool of the conference (it exists) with its members."""
    found = await find_pool(conn, conference_id, pool_id)
    assert found is not None
    return found


async def insert_pool(
    conn: asyncpg.Connection, conference_id: UUID, name: str, now: datetime
) -> UUID | None:
    """The new pool's id; None when the conference has a pool of that name."""
    row = await conn.fetchrow(*Q.bind_record(
        "insert_pool", {"conference_id": conference_id, "name": name, "created_at": now}))
    return row["id"] if row is not None else None


async def lock_pool(conn: asyncpg.Connection, pool_id: UUID) -> UUID | None:
    """Lock the pool until commit (changes to its members queue); its conference."""
    conference_id: UUID | None = await conn.fetchval(*Q.bind("lock_pool", pool_id=pool_id))
    return conference_id


async def pool_of_member(
    conn: asyncpg.Connection, conference_id: UUID, accreditation_id: UUID
) -> UUID | None:
    """The pool the person is in (one per conference)."""
    pool_id: UUID | None = await conn.fetchval(*Q.bind(
        "pool_of_member", conference_id=conference_id, accreditation_id=accreditation_id))
    return pool_id


async def insert_member(
    conn: asyncpg.Connection, pool_id: UUID, conference_id: UUID, accreditation_id: UUID,
    now: datetime, actor: str,
) -> None:
    """Put the person in the pool (asyncpg's UniqueViolationError: they are in another)."""
    await conn.execute(*Q.bind(
        "insert_member", pool_id=pool_id, conference_id=conference_id,
        accreditation_id=accreditation_id, added_at=now, added_by=actor))


async def delete_member(conn: asyncpg.Connection, pool_id: UUID, accreditation_id: UUID) -> bool:
    """Take the person out of the pool; False when they were not in it."""
    removed = await conn.fetchval(*Q.bind("delete_member", pool_id=pool_id,
                                          accreditation_id=accreditation_id))
    return removed is not None


@dataclass(frozen=True)
class SessionForPool:
    """A session as linking it to a pool reads it."""

    conference_id: UUID
    press_access: str
    cancelled: bool


async def session_for_pool(conn: asyncpg.Connection, session_id: UUID) -> SessionForPool | None:
    """The session's conference and press access, locked until commit; None when none."""
    row = await conn.fetchrow(*Q.bind("session_for_pool", session_id=session_id))
    return None if row is None else SessionForPool(row["conference_id"], row["press_access"],
                                                   row["cancelled"])


async def pool_sessions(conn: asyncpg.Connection, conference_id: UUID) -> list[PoolSession]:
    """The conference's sessions as the pools page names them, by their start."""
    rows = await conn.fetch(*Q.bind("pool_sessions", conference_id=conference_id))
    return [PoolSession(id=r["id"], title=r["title"], starts_at=r["starts_at"],
                        ends_at=r["ends_at"], press_access=r["press_access"],
                        cancelled=r["cancelled"]) for r in rows]


async def insert_pool_session(
    conn: asyncpg.Connection, pool_id: UUID, session_id: UUID, conference_id: UUID,
    now: datetime, actor: str,
) -> bool:
    """Link the session to the pool; False when it was linked already."""
    linked = await conn.fetchval(*Q.bind(
        "insert_pool_session", pool_id=pool_id, session_id=session_id,
        conference_id=conference_id, linked_at=now, linked_by=actor))
    return linked is not None


async def delete_pool_session(conn: asyncpg.Connection, pool_id: UUID, session_id: UUID
                              ) -> bool:
    """Unlink the session from the pool; False when it was not linked."""
    removed = await conn.fetchval(*Q.bind("delete_pool_session", pool_id=pool_id,
                                          session_id=session_id))
    return removed is not None


async def pool_people(conn: asyncpg.Connection, conference_id: UUID) -> list[PoolPerson]:
    """The members of the conference's pools and the approved journalists, by name."""
    rows = await conn.fetch(*Q.bind("pool_people", conference_id=conference_id))
    return [_pool_person(r) for r in rows]


async def pool_person(conn: asyncpg.Connection, conference_id: UUID, accreditation_id: UUID
                      ) -> PoolPerson | None:
    """One press accreditation of the conference as the pools page names it, else None."""
    row = await conn.fetchrow(*Q.bind("pool_person", conference_id=conference_id,
                                      accreditation_id=accreditation_id))
    return None if row is None else _pool_person(row)


def _pool_person(r: asyncpg.Record) -> PoolPerson:
    return PoolPerson(accreditation_id=r["id"], given_name=r["given_name"],
                      family_name=r["family_name"], outlet=r["press_outlet"],
                      role=r["press_role"], status=r["status"], pool_id=r["pool_id"],
                      clearance=r["clearance"])


# --- badge holders ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Bearer:
    """The accreditation a badge names, as the badge and the door read it."""

    id: UUID
    conference_id: UUID
    category: Category
    status: Status
    given_name: str
    family_name: str
    language: str
    delegation_id: UUID | None
    press_outlet: str | None
    press_role: str | None
    decided_at: datetime | None
    erased: bool
    country: str | None
    organisation: str | None
    badge_version: int = 1
    short_code: str | None = None
    """The current version's short reference, stored form (docs/credentials.md)."""
    gender: str | None = None
    """female, male or None (unknown): the badge names the category in it (docs/protocol.md,
    "Titles in the person's gender")."""
    function: str | None = None
    function_fr: str | None = None
    function_en: str | None = None
    """The function as typed, and in French and English: a delegation member's badge prints
    the one of its language (docs/credentials.md, "Names on the badge")."""

    def __getitem__(self, key: str) -> Any:
        """As a row: what the accreditation's access rules read (``id``, ``category``,
        ``delegation_id``)."""
        return getattr(self, key)


async def bearer(conn: asyncpg.Connection, accreditation_id: UUID) -> Bearer | None:
    row = await conn.fetchrow(*Q.bind("holder", accreditation_id=accreditation_id))
    if row is None:
        return None
    return Bearer(
        id=row["id"], conference_id=row["conference_id"], category=Category(row["category"]),
        status=Status(row["status"]), given_name=row["given_name"],
        family_name=row["family_name"], language=row["language"],
        delegation_id=row["delegation_id"], press_outlet=row["press_outlet"],
        press_role=row["press_role"], decided_at=row["decided_at"],
        erased=row["erased_at"] is not None, country=row["country"],
        organisation=row["organisation"], badge_version=row["badge_version"],
        short_code=row["short_code"], gender=row["gender"], function=row["function"],
        function_fr=row["function_fr"], function_en=row["function_en"],
    )


async def badge_by_code(
    conn: asyncpg.Connection, conference_id: UUID, code: str
) -> tuple[UUID, int] | None:
    """The accreditation and badge version a short reference names in the conference."""
    row = await conn.fetchrow(*Q.bind("badge_by_code", conference_id=conference_id, code=code))
    return (row["accreditation_id"], row["version"]) if row is not None else None


@dataclass(frozen=True)
class ZoneAccess:
    """One zone of the conference and what gives it to one person."""

    id: UUID
    name: dict[str, str]
    kind: ZoneKind
    facts: ZoneFacts
    code: str = ""
    """The zone's code (``zone_access`` gives it; the door names the zones a badge opens)."""


async def zone_access(
    conn: asyncpg.Connection, conference_id: UUID, person: Bearer, deadline: datetime | None
) -> list[ZoneAccess]:
    """Every zone of the conference, in order, with what gives it to the person (``deadline``:
    the conference's security-list deadline)."""
    rows = await conn.fetch(*Q.bind(
        "zone_facts", conference_id=conference_id, accreditation_id=person.id,
        category=person.category.value, decided_at=person.decided_at, deadline=deadline))
    return [ZoneAccess(
        id=r["id"], name=r["name"], kind=ZoneKind(r["kind"]),
        facts=ZoneFacts(by_category=r["by_category"], by_session=r["by_session"],
                        by_pool=r["by_pool"], on_security_list=r["on_security_list"]),
        code=r["code"],
    ) for r in rows]


async def zone_access_many(
    conn: asyncpg.Connection, conference_id: UUID, people: list[Bearer],
    deadline: datetime | None,
) -> dict[UUID, list[ZoneAccess]]:
    """``zone_access`` of several people in one query: by accreditation id."""
    rows = await conn.fetch(*Q.bind(
        "zone_facts_many", conference_id=conference_id, ids=[p.id for p in people],
        categories=[p.category.value for p in people], decided=[p.decided_at for p in people],
        deadline=deadline))
    found: dict[UUID, list[ZoneAccess]] = {p.id: [] for p in people}
    for r in rows:
        found[r["accreditation_id"]].append(ZoneAccess(
            id=r["id"], name=r["name"], kind=ZoneKind(r["kind"]),
            facts=ZoneFacts(by_category=r["by_category"], by_session=r["by_session"],
                            by_pool=r["by_pool"], on_security_list=r["on_security_list"])))
    return found


# --- check-ins --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DoorZone:
    """The zone a door scans for: its kind and the days it names, if any."""

    id: UUID
    kind: ZoneKind
    opens_on: date | None
    closes_on: date | None


async def zone_by_code(
    conn: asyncpg.Connection, conference_id: UUID, code: str
) -> DoorZone | None:
    row = await conn.fetchrow(*Q.bind("zone_by_code", conference_id=conference_id, code=code))
    if row is None:
        return None
    return DoorZone(id=row["id"], kind=ZoneKind(row["kind"]), opens_on=row["opens_on"],
                    closes_on=row["closes_on"])


@dataclass(frozen=True)
class HeldSession:
    """A session in progress in a zone's rooms (``zone_sessions_at``)."""

    id: UUID
    title: dict[str, str]
    press_access: str
    ends_at: datetime
    closed_until: datetime
    """For a session keeping the badge out, the end of the sessions keeping it out that follow
    it in its room without a break; else its own end."""


async def zone_sessions_at(conn: asyncpg.Connection, zone_id: UUID, at: datetime,
                           kept_out: Iterable[str]) -> list[HeldSession]:
    """The sessions in progress at ``at`` in the zone's rooms, not cancelled, the earliest
    ending first; ``kept_out``: the press accesses that keep the badge out, for
    ``closed_until``."""
    rows = await conn.fetch(*Q.bind("zone_sessions_at", zone_id=zone_id, at=at,
                                    kept_out=sorted(kept_out)))
    return [HeldSession(id=r["id"], title=r["title"], press_access=r["press_access"],
                        ends_at=r["ends_at"], closed_until=r["closed_until"]) for r in rows]


async def unlisted_at_royal_session(conn: asyncpg.Connection, zone_id: UUID, at: datetime,
                                    person: Bearer, deadline: datetime | None) -> bool:
    """A royal-presence session is under way in the zone's rooms and the person is not on its
    security list (``unlisted_at_royal_session``)."""
    unlisted: bool = await conn.fetchval(*Q.bind(
        "unlisted_at_royal_session", zone_id=zone_id, at=at, accreditation_id=person.id,
        category=person.category.value, deadline=deadline, decided_at=person.decided_at))
    return unlisted


@dataclass(frozen=True)
class RoyalSeating:
    """A royal-presence session whose guests were to be seated already
    (``royal_session_seating``)."""

    id: UUID
    title: dict[str, str]
    seated_by: datetime
    starts_at: datetime


async def royal_session_seating(conn: asyncpg.Connection, conference_id: UUID, zone_id: UUID,
                                perimeter: bool, at: datetime, person: Bearer
                                ) -> RoyalSeating | None:
    """The royal-presence session this door serves whose seating time has passed at ``at``
    and whose list holds the person, else None (``royal_session_seating``)."""
    r = await conn.fetchrow(*Q.bind(
        "royal_session_seating", conference_id=conference_id, zone_id=zone_id,
        perimeter=perimeter, at=at, press=person.category is Category.press,
        category=person.category.value, accreditation_id=person.id))
    return RoyalSeating(id=r["id"], title=r["title"], seated_by=r["seated_by"],
                        starts_at=r["starts_at"]) if r is not None else None


async def admitted_before(conn: asyncpg.Connection, accreditation_id: UUID, zone_id: UUID,
                          check_in_id: int) -> datetime | None:
    """When the person was last admitted to the zone before this scan; None: never."""
    found: datetime | None = await conn.fetchval(*Q.bind(
        "admitted_before", accreditation_id=accreditation_id, zone_id=zone_id,
        check_in_id=check_in_id))
    return found


async def insert_check_in(
    conn: asyncpg.Connection, conference_id: UUID, zone_id: UUID | None, zone_code: str,
    accreditation_id: UUID | None, badge_sha256: bytes, reason: Reason, now: datetime,
    actor: str, form_scan: UUID | None = None,
) -> int:
    """Record one scan; its id. ``form_scan``: the door page's identifier of the scan its
    form offered; the same form sent again (Back, a reload) records nothing more and answers
    the first one's id (docs/workspaces.md, "The door"). An identifier already used for
    another badge or zone is not this form sent again: that scan is recorded without it."""
    fields = dict(conference_id=conference_id, zone_id=zone_id, zone_code=zone_code,
                  accreditation_id=accreditation_id, badge_sha256=badge_sha256,
                  admitted=reason is Reason.granted, reason=reason.value, scanned_at=now,
                  scanned_by=actor)
    check_in_id: int | None = await conn.fetchval(*Q.bind(
        "insert_check_in", **fields, form_scan=form_scan))
    if check_in_id is None:
        check_in_id = await conn.fetchval(*Q.bind(
            "check_in_of_form", form_scan=form_scan, conference_id=conference_id,
            zone_code=zone_code, badge_sha256=badge_sha256))
        if check_in_id is None:
            check_in_id = await conn.fetchval(*Q.bind(
                "insert_check_in", **fields, form_scan=None))
    assert check_in_id is not None
    return check_in_id


def holder(person: Bearer | None, language: str) -> Holder | None:
    """Who the badge names, for the door (None for nobody, or somebody erased)."""
    if person is None or person.erased:
        return None
    return Holder(accreditation_id=person.id, given_name=person.given_name,
                  family_name=person.family_name, category=person.category,
                  affiliation=domain.affiliation(person.press_outlet, person.country,
                                                 person.organisation, language),
                  gender=known_gender(person.gender))


def _check_in(row: asyncpg.Record, language: str) -> CheckIn:
    reason = Reason(row["reason"])
    who = None
    if row["accreditation_id"] is not None and row["erased_at"] is None:
        who = Holder(accreditation_id=row["accreditation_id"], given_name=row["given_name"],
                     family_name=row["family_name"], category=row["category"],
                     affiliation=domain.affiliation(row["press_outlet"], row["country"],
                                                    row["organisation"], language),
                     gender=known_gender(row["gender"]))
    return CheckIn(id=row["id"], admitted=row["admitted"], reason=reason,
                   detail=DETAILS[reason], zone=row["zone_code"], scanned_at=row["scanned_at"],
                   holder=who)


async def check_ins(
    conn: asyncpg.Connection, conference_id: UUID, after: int, zone: str | None, limit: int,
    language: str,
) -> list[CheckIn]:
    """The conference's scans after the cursor ``after``, oldest first (of one zone, or all)."""
    rows = await conn.fetch(*Q.bind("check_ins", conference_id=conference_id, after=after,
                                    zone=zone, limit=limit))
    return [_check_in(r, language) for r in rows]


async def personal_check_ins(conn: asyncpg.Connection, accreditation_id: UUID
                             ) -> list[dict[str, Any]]:
    """The personal-data export's section ``check_ins``: every scan of the person's badge."""
    rows = await conn.fetch(*Q.bind("personal_check_ins", accreditation_id=accreditation_id))
    return [dict(r) for r in rows]


# --- badge production -------------------------------------------------------------------------


@dataclass(frozen=True)
class BadgeRow:
    """An approved accreditation's badge: who it names, where it goes in a batch, its version,
    print status and the pack it was handed over in, and what its clearance needs."""

    bearer: Bearer
    rank: str | None
    in_office_since: date | None
    status: PrintStatus
    printed_at: datetime | None
    collected: Collection | None
    clearance_required: bool
    clearance_recorded: str | None
    has_photo: bool = True


async def badges_of(
    conn: asyncpg.Connection, conference_id: UUID, *, delegation_id: UUID | None = None,
    category: Category | None = None, status: PrintStatus | None = None,
    ids: list[UUID] | None = None,
) -> list[BadgeRow]:
    """The badges of the conference's approved accreditations, unordered, filtered as given."""
    rows = await conn.fetch(*Q.bind(
        "badges_of", conference_id=conference_id, delegation_id=delegation_id,
        category=category.value if category else None,
        print_status=status.value if status else None, ids=ids))
    return [BadgeRow(
        bearer=Bearer(
            id=r["id"], conference_id=r["conference_id"], category=Category(r["category"]),
            status=Status(r["status"]), given_name=r["given_name"],
            family_name=r["family_name"], language=r["language"],
            delegation_id=r["delegation_id"], press_outlet=r["press_outlet"],
            press_role=r["press_role"], decided_at=r["decided_at"],
            erased=r["erased_at"] is not None, country=r["country"],
            organisation=r["organisation"], badge_version=r["badge_version"],
            short_code=r["short_code"], gender=r["gender"], function=r["function"],
            function_fr=r["function_fr"], function_en=r["function_en"]),
        rank=r["rank"], in_office_since=r["in_office_since"],
        status=PrintStatus(r["print_status"]), printed_at=r["printed_at"],
        collected=(Collection(collected_by=r["collected_by"], collected_at=r["collected_at"])
                   if r["collected_at"] is not None else None),
        clearance_required=r["clearance_required"],
        clearance_recorded=r["clearance_recorded"], has_photo=r["has_photo"],
    ) for r in rows]


async def void_badges(conn: asyncpg.Connection, conference_id: UUID, *,
                      recovered: bool | None = None, accreditation_id: UUID | None = None
                      ) -> list[VoidBadge]:
    """The printed badges of the conference made void since (``void_badges``), the latest
    first: only those recorded recovered (or not) when ``recovered`` is given, one
    accreditation's when ``accreditation_id`` is."""
    return [VoidBadge(
        accreditation_id=r["id"], given_name=r["given_name"], family_name=r["family_name"],
        delegation_id=r["delegation_id"], badge_version=r["version"],
        short_reference=domain.show_short_reference(r["short_code"]) if r["short_code"]
        else None,
        printed_at=r["printed_at"],
        collected=(Collection(collected_by=r["collected_by"], collected_at=r["collected_at"])
                   if r["collected_at"] is not None else None),
        why=r["status"], void_at=r["void_at"], recovered_at=r["recovered_at"],
        recovered_by=r["recovered_by"], recovered_by_name=r["recovered_by_name"],
    ) for r in await conn.fetch(*Q.bind("void_badges", conference_id=conference_id,
                                        recovered=recovered,
                                        accreditation_id=accreditation_id))]


@dataclass(frozen=True)
class LockedBadge:
    status: PrintStatus
    version: int
    recovered_at: datetime | None


async def lock_badge(conn: asyncpg.Connection, accreditation_id: UUID) -> LockedBadge | None:
    """The accreditation's badge row, locked until commit; None without one (never printed)."""
    r = await conn.fetchrow(*Q.bind("lock_badge", accreditation_id=accreditation_id))
    return None if r is None else LockedBadge(PrintStatus(r["status"]), r["version"],
                                              r["recovered_at"])


async def record_recovery(conn: asyncpg.Connection, accreditation_id: UUID, now: datetime,
                          actor: str) -> bool:
    """Record the printed badge recovered; False when it was recorded already."""
    return await conn.fetchval(*Q.bind("record_recovery", accreditation_id=accreditation_id,
                                       now=now, actor=actor)) is not None


async def mark_printed(conn: asyncpg.Connection, conference_id: UUID, ids: list[UUID],
                       now: datetime, actor: str) -> list[UUID]:
    """Mark the badges printed; those that were to print."""
    rows = await conn.fetch(*Q.bind("mark_printed", conference_id=conference_id, ids=ids,
                                    now=now, actor=actor))
    return [r["accreditation_id"] for r in rows]


async def reissue(conn: asyncpg.Connection, accreditation_id: UUID, conference_id: UUID,
                  reason: ReissueReason, note: str | None, now: datetime) -> int:
    """A new version of the badge, to print; its version."""
    version: int = await conn.fetchval(*Q.bind(
        "reissue", accreditation_id=accreditation_id, conference_id=conference_id,
        reason=reason.value, note=note, now=now))
    return version


async def delegation_conference(conn: asyncpg.Connection, delegation_id: UUID) -> UUID | None:
    conference_id: UUID | None = await conn.fetchval(
        *Q.bind("delegation_conference", delegation_id=delegation_id))
    return conference_id


async def uncollected_of_conference(conn: asyncpg.Connection, conference_id: UUID
                                    ) -> list[tuple[UUID, bool, str | None]]:
    """The printed badges of the conference's delegations not handed over yet: the
    delegation, whether the category needs clearance and the vetting status recorded."""
    rows = await conn.fetch(*Q.bind("uncollected_of_conference", conference_id=conference_id))
    return [(r["delegation_id"], r["clearance_required"], r["clearance_recorded"])
            for r in rows]


async def uncollected(conn: asyncpg.Connection, delegation_id: UUID
                      ) -> list[tuple[UUID, bool, str | None]]:
    """The delegation's printed badges not handed over yet, locked until commit: the id, whether
    the category needs clearance and the vetting status recorded."""
    rows = await conn.fetch(*Q.bind("uncollected", delegation_id=delegation_id))
    return [(r["accreditation_id"], r["clearance_required"], r["clearance_recorded"])
            for r in rows]


async def record_collection(
    conn: asyncpg.Connection, conference_id: UUID, delegation_id: UUID, collected_by: str,
    now: datetime, actor: str, ids: list[UUID],
) -> int:
    """Record a pack collected and the badges handed over in it; the collection's id."""
    collection_id: int = await conn.fetchval(*Q.bind(
        "insert_collection", conference_id=conference_id, delegation_id=delegation_id,
        collected_by=collected_by, collected_at=now, recorded_by=actor))
    await conn.execute(*Q.bind("hand_over", collection_id=collection_id, ids=ids))
    return collection_id
