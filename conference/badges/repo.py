"""Zones, press pools, badges and check-ins: SQL in, models out. The caller owns the
transaction; each change to a zone or a pool is written with its domain event."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from conference.accreditation.domain import Category, Status
from conference.accreditation.notices import CATEGORY_NAMES, ROLE_NAMES, conference_dates
from conference.accreditation.repo import check_may_read
from conference.auth import Principal
from conference.badges import domain
from conference.badges.domain import DETAILS, Reason, ZoneFacts, ZoneKind
from conference.badges.events import PoolCreated, PoolMemberEvent, ZoneDefined
from conference.badges.models import (
    CheckIn,
    CheckInIn,
    CheckInPage,
    CheckInQuery,
    Grants,
    Holder,
    Pool,
    PoolIn,
    Zone,
    ZoneIn,
)
from conference.badges.render import BadgeContent
from conference.conferences.models import Conference
from conference.conferences.repo import conference_by_id
from conference.db.sql import queries_beside
from conference.errors import Conflict, Duplicate, Invalid, NotEligible, NotFound
from conference.outbox.events import record
from conference.protocol.countries import country_name
from conference.signing import Signer

Q = queries_beside(__file__)

# --- zones ------------------------------------------------------------------------------------


def _zone(row: asyncpg.Record) -> Zone:
    return Zone(
        id=row["id"], conference=row["conference_slug"], code=row["code"], name=row["name"],
        kind=row["kind"], created_at=row["created_at"],
        grants=Grants(categories=list(row["categories"]), sessions=list(row["sessions"]),
                      pools=list(row["pools"])),
    )


async def _check_grants(
    conn: asyncpg.Connection, conference_id: UUID, kind: ZoneKind, grants: Grants
) -> None:
    errors = domain.grant_errors(kind, grants.categories)
    for name, query, ids in (("sessions", "missing_sessions", grants.sessions),
                             ("pools", "missing_pools", grants.pools)):
        missing = [r[0] for r in await conn.fetch(Q[query], ids, conference_id)] if ids else []
        if missing:
            errors.append({"field": f"grants.{name}", "type": f"unknown_{name[:-1]}",
                           "message": f"not a {name[:-1]} of this conference: "
                                      + ", ".join(str(m) for m in missing)})
    if errors:
        raise Invalid("Some grants are invalid.", errors)


async def _write_grants(
    conn: asyncpg.Connection, zone_id: UUID, conference_id: UUID, grants: Grants
) -> None:
    await conn.execute(
        Q["insert_grants"], zone_id, [c.value for c in grants.categories], grants.sessions,
        grants.pools, conference_id,
    )


async def _one_zone(conn: asyncpg.Connection, conference_id: UUID, zone_id: UUID) -> Zone:
    return _zone(await conn.fetchrow(Q["zones_of"], conference_id, zone_id))


def _defined(zone: Zone) -> ZoneDefined:
    return ZoneDefined(
        zone_id=zone.id, code=zone.code, kind=zone.kind.value,
        categories=[c.value for c in zone.grants.categories], sessions=zone.grants.sessions,
        pools=zone.grants.pools,
    )


async def create_zone(
    conn: asyncpg.Connection, conference: Conference, body: ZoneIn, principal: Principal,
    now: datetime,
) -> Zone:
    await _check_grants(conn, conference.id, body.kind, body.grants)
    row = await conn.fetchrow(Q["insert_zone"], conference.id, body.code,
                              body.name.model_dump(), body.kind.value, now)
    if row is None:
        raise Duplicate(f"This conference already has a zone {body.code!r}.", field="code")
    await _write_grants(conn, row["id"], conference.id, body.grants)
    zone = await _one_zone(conn, conference.id, row["id"])
    await record(conn, "zone.created", _defined(zone), conference_id=conference.id,
                 subject_id=zone.id, actor=principal.actor)
    return zone


async def set_grants(
    conn: asyncpg.Connection, zone_id: UUID, grants: Grants, principal: Principal
) -> Zone:
    """Replace what grants the zone (the zone row is locked: concurrent changes queue)."""
    row = await conn.fetchrow(Q["lock_zone"], zone_id)
    if row is None:
        raise NotFound("No such zone.")
    await _check_grants(conn, row["conference_id"], ZoneKind(row["kind"]), grants)
    await conn.execute(Q["delete_grants"], zone_id)
    await _write_grants(conn, zone_id, row["conference_id"], grants)
    zone = await _one_zone(conn, row["conference_id"], zone_id)
    await record(conn, "zone.grants_changed", _defined(zone), conference_id=row["conference_id"],
                 subject_id=zone.id, actor=principal.actor)
    return zone


async def zones_of(conn: asyncpg.Connection, conference: Conference) -> list[Zone]:
    return [_zone(r) for r in await conn.fetch(Q["zones_of"], conference.id, None)]


# --- press pools ------------------------------------------------------------------------------


def _pool(row: asyncpg.Record) -> Pool:
    return Pool(id=row["id"], conference=row["conference_slug"], name=row["name"],
                members=list(row["members"]), created_at=row["created_at"])


async def _one_pool(conn: asyncpg.Connection, conference_id: UUID, pool_id: UUID) -> Pool:
    return _pool(await conn.fetchrow(Q["pools_of"], conference_id, pool_id))


async def create_pool(
    conn: asyncpg.Connection, conference: Conference, body: PoolIn, principal: Principal,
    now: datetime,
) -> Pool:
    row = await conn.fetchrow(Q["insert_pool"], conference.id, body.name, now)
    if row is None:
        raise Duplicate(f"This conference already has a pool named {body.name!r}.", field="name")
    await record(conn, "pool.created", PoolCreated(pool_id=row["id"]),
                 conference_id=conference.id, subject_id=row["id"], actor=principal.actor)
    return await _one_pool(conn, conference.id, row["id"])


async def pools_of(conn: asyncpg.Connection, conference: Conference) -> list[Pool]:
    return [_pool(r) for r in await conn.fetch(Q["pools_of"], conference.id, None)]


_NEVER_IN_A_POOL = (Status.rejected, Status.withdrawn, Status.revoked)


async def add_member(
    conn: asyncpg.Connection, pool_id: UUID, accreditation_id: UUID, principal: Principal,
    now: datetime,
) -> Pool:
    """Put a press accreditation in a pool: idempotent; one pool per person."""
    pool = await conn.fetchrow(Q["lock_pool"], pool_id)
    if pool is None:
        raise NotFound("No such pool.")
    acc = await conn.fetchrow(Q["holder"], accreditation_id)
    if acc is None or acc["erased_at"] is not None:
        raise NotFound("No such accreditation.")
    if acc["conference_id"] != pool["conference_id"]:
        raise Invalid("The accreditation belongs to another conference.", [{
            "field": "accreditation_id", "type": "other_conference",
            "message": "not an accreditation of this pool's conference"}])
    if acc["category"] != Category.press.value:
        raise Invalid("Only press accreditations go in a press pool.", [{
            "field": "accreditation_id", "type": "not_press",
            "message": f"a {acc['category']} accreditation, not press"}])
    if Status(acc["status"]) in _NEVER_IN_A_POOL:
        raise NotEligible(f"A {acc['status']} accreditation cannot join a pool.",
                          status_now=acc["status"])
    current = await conn.fetchval(Q["pool_of_member"], pool["conference_id"], accreditation_id)
    if current == pool_id:
        return await _one_pool(conn, pool["conference_id"], pool_id)
    if current is not None:
        raise Conflict("This person is in another press pool already (one pool per person); "
                       "take them out of it first.", pool_id=str(current))
    try:
        async with conn.transaction():
            await conn.execute(Q["insert_member"], pool_id, pool["conference_id"],
                               accreditation_id, now, principal.actor)
    except asyncpg.UniqueViolationError:  # a concurrent request put them in another pool
        raise Conflict("This person is in another press pool already (one pool per person).")\
            from None
    await record(conn, "pool.member_added",
                 PoolMemberEvent(pool_id=pool_id, accreditation_id=accreditation_id),
                 conference_id=pool["conference_id"], subject_id=pool_id, actor=principal.actor)
    return await _one_pool(conn, pool["conference_id"], pool_id)


async def remove_member(
    conn: asyncpg.Connection, pool_id: UUID, accreditation_id: UUID, principal: Principal
) -> None:
    pool = await conn.fetchrow(Q["lock_pool"], pool_id)
    if pool is None:
        raise NotFound("No such pool.")
    if await conn.fetchval(Q["delete_member"], pool_id, accreditation_id) is None:
        raise NotFound("This accreditation is not in this pool.")
    await record(conn, "pool.member_removed",
                 PoolMemberEvent(pool_id=pool_id, accreditation_id=accreditation_id),
                 conference_id=pool["conference_id"], subject_id=pool_id, actor=principal.actor)


# --- who holds a badge, and where it opens ----------------------------------------------------


def affiliation(row: asyncpg.Record | dict[str, Any], language: str) -> str | None:
    if row["press_outlet"]:
        return str(row["press_outlet"])
    if row["country"]:
        return country_name(row["country"], language)
    return row["organisation"]


def _language(conference: Conference) -> str:
    return conference.languages[0] if conference.languages else "en"


async def _zone_facts(
    conn: asyncpg.Connection, conference: Conference, acc: asyncpg.Record
) -> list[asyncpg.Record]:
    return list(await conn.fetch(
        Q["zone_facts"], conference.id, acc["id"], acc["category"], acc["decided_at"],
        conference.security_list_deadline,
    ))


def _facts(row: asyncpg.Record) -> ZoneFacts:
    return ZoneFacts(by_category=row["by_category"], by_session=row["by_session"],
                     by_pool=row["by_pool"], on_security_list=row["on_security_list"])


async def granted_zone_names(
    conn: asyncpg.Connection, conference: Conference, acc: asyncpg.Record, language: str
) -> list[str]:
    rows = await _zone_facts(conn, conference, acc)
    opened = domain.granted_zones(
        Status(acc["status"]), Category(acc["category"]),
        [(ZoneKind(r["kind"]), _facts(r)) for r in rows],
    )
    return [rows[i]["name"].get(language) or rows[i]["name"]["en"] for i in opened]


# --- badges -----------------------------------------------------------------------------------


async def badge_content(
    conn: asyncpg.Connection, signer: Signer, accreditation_id: UUID,
    principal: Principal | None,
) -> BadgeContent:
    """What the badge of an approved accreditation prints; 401/403 for whoever may not read
    the accreditation, 409 when it is not approved."""
    acc = await conn.fetchrow(Q["holder"], accreditation_id)
    if acc is None or acc["erased_at"] is not None:
        raise NotFound("No such accreditation.")
    check_may_read(principal, acc)
    if acc["status"] != Status.approved.value:
        raise Conflict(f"Badges are printed for approved accreditations; this one is "
                       f"{acc['status']}.", status_now=acc["status"])
    conference = await conference_by_id(conn, acc["conference_id"])
    lang = acc["language"]
    category = Category(acc["category"])
    colour, text_colour = domain.CATEGORY_COLOURS[category]
    role = ROLE_NAMES[lang][acc["press_role"]] if acc["press_role"] else None
    return BadgeContent(
        conference=conference.title.get(lang),
        dates=conference_dates(conference, lang),
        given_name=acc["given_name"],
        family_name=acc["family_name"],
        category_label=CATEGORY_NAMES[lang][category.value].upper(),
        affiliation=affiliation(acc, lang),
        role=role.capitalize() if role else None,
        zones_heading="Accès" if lang == "fr" else "Access",
        zones=await granted_zone_names(conn, conference, acc, lang),
        reference=domain.badge_reference(signer, acc["id"]),
        colour=colour,
        text_colour=text_colour,
    )


# --- check-in ---------------------------------------------------------------------------------


def _holder(acc: asyncpg.Record | None, accreditation_id: UUID | None, language: str
            ) -> Holder | None:
    if acc is None or accreditation_id is None or acc["erased_at"] is not None:
        return None
    return Holder(accreditation_id=accreditation_id, given_name=acc["given_name"],
                  family_name=acc["family_name"], category=acc["category"],
                  affiliation=affiliation(acc, language))


async def check_in(
    conn: asyncpg.Connection, conference: Conference, signer: Signer, body: CheckInIn,
    principal: Principal, now: datetime,
) -> CheckIn:
    """Decide on one scan and record it, admitted or not (see ``domain`` for the order)."""
    zone = await conn.fetchrow(Q["zone_by_code"], conference.id, body.zone)
    accreditation_id = domain.read_reference(signer, body.badge)
    acc = await conn.fetchrow(Q["holder"], accreditation_id) if accreditation_id else None
    if acc is not None and (acc["conference_id"] != conference.id
                            or acc["erased_at"] is not None):
        acc = None
    reason: Reason
    if zone is None:
        reason = Reason.unknown_zone
    elif accreditation_id is None:
        reason = Reason.forged_badge
    elif acc is None:
        reason = Reason.unknown_badge
    else:
        status, category = Status(acc["status"]), Category(acc["category"])
        reason = domain.status_reason(status) or Reason.granted
        if reason is Reason.granted:
            facts = next(r for r in await _zone_facts(conn, conference, acc)
                         if r["id"] == zone["id"])
            reason = domain.zone_reason(category, ZoneKind(zone["kind"]), _facts(facts))
    admitted = reason is Reason.granted
    check_in_id = await conn.fetchval(
        Q["insert_check_in"], conference.id, zone["id"] if zone else None, body.zone,
        acc["id"] if acc else None, hashlib.sha256(body.badge.encode()).digest(), admitted,
        reason.value, now, principal.actor,
    )
    return CheckIn(id=check_in_id, admitted=admitted, reason=reason, detail=DETAILS[reason],
                   zone=body.zone, scanned_at=now,
                   holder=_holder(acc, acc["id"] if acc else None, _language(conference)))


async def check_ins(
    conn: asyncpg.Connection, conference: Conference, q: CheckInQuery
) -> CheckInPage:
    rows = await conn.fetch(Q["check_ins"], conference.id, q.after, q.zone, q.limit + 1)
    more = len(rows) > q.limit
    rows = rows[: q.limit]
    language = _language(conference)
    items = [
        CheckIn(id=r["id"], admitted=r["admitted"], reason=r["reason"],
                detail=DETAILS[Reason(r["reason"])], zone=r["zone_code"],
                scanned_at=r["scanned_at"],
                holder=_holder(r, r["accreditation_id"], language))
        for r in rows
    ]
    return CheckInPage(items=items, next_cursor=rows[-1]["id"] if more and rows else None)


async def personal_check_ins(conn: asyncpg.Connection, accreditation_id: UUID
                             ) -> list[dict[str, Any]]:
    """The personal-data export's section ``check_ins``: every scan of the person's badge."""
    return [dict(r) for r in await conn.fetch(Q["personal_check_ins"], accreditation_id)]
