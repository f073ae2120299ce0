"""The use-cases of zones, press pools, badges and check-in: what the HTTP handlers, the pages
and the protocol office's screens call.

Each takes the database (the pool; or a connection already in a transaction, whose commit it
then joins) and the caller proven to hold the roles it needs (``auth.protocol_officer`` for
zones and the check-in record, ``auth.organiser`` for press pools and the doors); it validates,
applies the rules of ``domain``, writes through ``repo`` and records the domain event in the
same transaction. The badge is read by whoever may read the accreditation.
"""

from __future__ import annotations

import asyncio
import hashlib
from datetime import datetime
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg

from conference.accreditation.domain import Category, check_may_read, function_in
from conference.accreditation.notices import ROLE_NAMES, conference_dates
from conference.auth import Principal
from conference.badges import domain, repo
from conference.badges.domain import DETAILS, ZoneKind
from conference.badges.events import (
    BadgeRecovered,
    BadgeReissued,
    BadgesPrinted,
    PoolCreated,
    PoolMemberEvent,
    PoolSessionEvent,
    ZoneDefined,
)
from conference.badges.events import PackCollected as PackCollectedEvent
from conference.badges.models import (
    BadgePage,
    BadgeState,
    BadgeStates,
    BatchQuery,
    CheckIn,
    CheckInIn,
    CheckInPage,
    CheckInQuery,
    ClosedSession,
    Grants,
    LateForSession,
    PackCollected,
    PackCollectedIn,
    Pool,
    PoolIn,
    PoolPerson,
    PoolSession,
    Printed,
    PrintedIn,
    Reissued,
    ReissueIn,
    StatusQuery,
    VoidBadge,
    VoidBadgeRecovered,
    Zone,
    ZoneChange,
    ZoneIn,
)
from conference.badges.render import BadgeContent, print_photo
from conference.conferences.lookup import conference_by_id, conference_by_slug
from conference.conferences.models import Conference
from conference.credentials.domain import lacks_clearance, vetting_status
from conference.credentials.lookup import clearance_of, photos_of
from conference.db.pool import Database, connection, transaction
from conference.errors import ClearanceRefused, Conflict, Duplicate, Invalid, NotFound
from conference.outbox.events import record
from conference.programme.domain import protocol_config
from conference.programme.published import PressAccess
from conference.programme.service import precedence
from conference.protocol.address import known_gender
from conference.protocol.precedence import Person
from conference.protocol.ranks import Rank
from conference.protocol.titles import category_name
from conference.roles import DoorKeeper, Organiser, ProtocolOfficer
from conference.signing import Signer
from conference.types import Localized

# --- zones ------------------------------------------------------------------------------------


async def _check_grants(
    conn: asyncpg.Connection, conference_id: UUID, kind: ZoneKind, grants: Grants
) -> None:
    """422 naming each grant that is not allowed, or not the conference's."""
    errors = domain.grant_errors(kind, grants.categories)
    if grants.sessions:
        errors += domain.missing_errors(
            "sessions", await repo.missing_sessions(conn, conference_id, grants.sessions))
    if grants.pools:
        errors += domain.missing_errors(
            "pools", await repo.missing_pools(conn, conference_id, grants.pools))
    if errors:
        raise Invalid("Some grants are invalid.", errors)


def _defined(zone: Zone) -> ZoneDefined:
    return ZoneDefined(
        zone_id=zone.id, code=zone.code, kind=zone.kind.value,
        categories=[c.value for c in zone.grants.categories], sessions=zone.grants.sessions,
        pools=zone.grants.pools,
    )


async def create_zone(
    db: Database, officer: ProtocolOfficer, slug: str, body: ZoneIn, now: datetime
) -> Zone:
    """Define a zone and what grants it; 409 when the conference has a zone of that code."""
    async with transaction(db) as conn:
        conference = await conference_by_slug(conn, slug)
        days = domain.days_errors(conference.starts_on, conference.ends_on, body.opens_on,
                                  body.closes_on)
        if days:
            raise Invalid("The zone's days are invalid.", days)
        await _check_grants(conn, conference.id, body.kind, body.grants)
        zone_id = await repo.insert_zone(conn, conference.id, body, now)
        if zone_id is None:
            raise Duplicate(f"This conference already has a zone {body.code!r}.", field="code")
        await repo.replace_grants(conn, zone_id, conference.id, body.grants)
        zone = await repo.zone(conn, conference.id, zone_id)
        await record(conn, "zone.created", _defined(zone), conference_id=conference.id,
                     subject_id=zone.id, actor=officer.actor)
    return zone


async def set_grants(
    db: Database, officer: ProtocolOfficer, zone_id: UUID, grants: Grants
) -> Zone:
    """Replace what grants the zone (the zone is locked: concurrent changes queue)."""
    async with transaction(db) as conn:
        locked = await repo.lock_zone(conn, zone_id)
        if locked is None:
            raise NotFound("No such zone.")
        conference_id, kind = locked
        await _check_grants(conn, conference_id, kind, grants)
        await repo.replace_grants(conn, zone_id, conference_id, grants)
        zone = await repo.zone(conn, conference_id, zone_id)
        await record(conn, "zone.grants_changed", _defined(zone), conference_id=conference_id,
                     subject_id=zone.id, actor=officer.actor)
    return zone


async def change_zone(
    db: Database, officer: ProtocolOfficer, zone_id: UUID, body: ZoneChange, *,
    slug: str | None = None
) -> Zone:
    """Change what ``body`` gives of a zone's names, days and categories (the console's zones
    page gives all three, ``PATCH /api/v1/zones/{zone_id}`` names and days); 404 when there is
    no such zone (or, with ``slug``, when it is not that conference's), 422 naming the field
    when its days would admit on no day or a royal perimeter is given a category."""
    given = body.model_fields_set
    async with transaction(db) as conn:
        locked = await repo.lock_zone(conn, zone_id)
        if locked is None:
            raise NotFound("No such zone.")
        conference = await conference_by_id(conn, locked[0])
        if slug is not None and conference.slug != slug:
            raise NotFound("No such zone.")
        current = await repo.zone(conn, conference.id, zone_id)
        if not given:
            return current
        opens_on = body.opens_on if "opens_on" in given else current.opens_on
        closes_on = body.closes_on if "closes_on" in given else current.closes_on
        days = domain.days_errors(conference.starts_on, conference.ends_on, opens_on, closes_on)
        if days:
            raise Invalid("The zone's days are invalid.", days)
        categories = body.categories if body.categories is not None \
            else current.grants.categories
        grants = Grants(categories=categories, sessions=current.grants.sessions,
                        pools=current.grants.pools)
        await _check_grants(conn, conference.id, locked[1], grants)
        name = body.name if body.name is not None else current.name
        await repo.update_zone(conn, zone_id, name.model_dump(), opens_on, closes_on)
        await repo.replace_grants(conn, zone_id, conference.id, grants)
        zone = await repo.zone(conn, conference.id, zone_id)
        await record(conn, "zone.changed", _defined(zone), conference_id=conference.id,
                     subject_id=zone.id, actor=officer.actor)
    return zone


async def zones(db: Database, organiser: Organiser, slug: str) -> list[Zone]:
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        return await repo.zones_of(conn, conference.id)


async def door_zones(db: Database, door: DoorKeeper, slug: str) -> list[Zone]:
    """The zones a door may check a badge at (door staff see them, not what grants them)."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        return await repo.zones_of(conn, conference.id)


# --- press pools ------------------------------------------------------------------------------


async def create_pool(
    db: Database, organiser: Organiser, slug: str, body: PoolIn, now: datetime
) -> Pool:
    """A new press pool; 409 when the conference has a pool of that name."""
    async with transaction(db) as conn:
        conference = await conference_by_slug(conn, slug)
        pool_id = await repo.insert_pool(conn, conference.id, body.name, now)
        if pool_id is None:
            raise Duplicate(f"This conference already has a pool named {body.name!r}.",
                            field="name")
        await record(conn, "pool.created", PoolCreated(pool_id=pool_id),
                     conference_id=conference.id, subject_id=pool_id, actor=organiser.actor)
        return await repo.pool(conn, conference.id, pool_id)


async def pools(db: Database, organiser: Organiser, slug: str) -> list[Pool]:
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        return await repo.pools_of(conn, conference.id)


async def conference_pool(
    db: Database, organiser: Organiser, slug: str, pool_id: UUID
) -> Pool:
    """One press pool of the conference ``slug``; 404 when the pool is another conference's or
    none (the pages name a pool in their address: docs/workspaces.md, "Press pools")."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        found = await repo.find_pool(conn, conference.id, pool_id)
    if found is None:
        raise NotFound("No such pool.")
    return found


async def pool_of(
    db: Database, organiser: Organiser, slug: str, accreditation_id: UUID
) -> Pool | None:
    """The press pool of the conference ``slug`` the person is in, if any (one at most)."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        pool_id = await repo.pool_of_member(conn, conference.id, accreditation_id)
        return None if pool_id is None else await repo.find_pool(conn, conference.id, pool_id)


async def pool_people(db: Database, organiser: Organiser, slug: str) -> list[PoolPerson]:
    """Who the press desk's pools page names (docs/workspaces.md, "Press pools"): each member
    of a pool with their name, outlet and role, and the approved journalists not in any pool,
    whom it offers to add; by family name."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        return await repo.pool_people(conn, conference.id)


async def pool_sessions(db: Database, organiser: Organiser, slug: str) -> list[PoolSession]:
    """The conference's sessions as the pools page names them (those its pools cover, and
    those they may cover: ``PoolSession.coverable``), by their start."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        return await repo.pool_sessions(conn, conference.id)


async def pool_person(db: Database, organiser: Organiser, slug: str, accreditation_id: UUID
                      ) -> PoolPerson | None:
    """One journalist as the pools page names them (its message after adding or removing
    them), without reading the whole press corps; None when not press of this conference."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        return await repo.pool_person(conn, conference.id, accreditation_id)


async def add_member(
    db: Database, organiser: Organiser, pool_id: UUID, accreditation_id: UUID, now: datetime
) -> Pool:
    """Put a press accreditation in a pool: idempotent; one pool per person."""
    async with transaction(db) as conn:
        conference_id = await repo.lock_pool(conn, pool_id)
        if conference_id is None:
            raise NotFound("No such pool.")
        person = await repo.bearer(conn, accreditation_id)
        if person is None or person.erased:
            raise NotFound("No such accreditation.")
        domain.check_may_join_pool(conference_id, person.conference_id, person.category,
                                   person.status)
        # refused clearance: never invited nor admitted, so not put in a pool either (the
        # pools page stopped offering such a journalist; the API took them still)
        if await _missing_clearance(conn, accreditation_id) == "refused":
            name = f"{person.given_name} {person.family_name}"
            raise ClearanceRefused(
                f"{name}'s security clearance was refused: not put in a press pool.",
                accreditation_id=str(accreditation_id), role="pool_member", name=name)
        current = await repo.pool_of_member(conn, conference_id, accreditation_id)
        if current == pool_id:
            return await repo.pool(conn, conference_id, pool_id)
        if current is not None:
            raise domain.in_another_pool(current)
        try:
            async with conn.transaction():
                await repo.insert_member(conn, pool_id, conference_id, accreditation_id, now,
                                         organiser.actor)
        except asyncpg.UniqueViolationError:
            raise domain.in_another_pool() from None
        await record(conn, "pool.member_added",
                     PoolMemberEvent(pool_id=pool_id, accreditation_id=accreditation_id),
                     conference_id=conference_id, subject_id=pool_id, actor=organiser.actor)
        return await repo.pool(conn, conference_id, pool_id)


async def remove_member(
    db: Database, organiser: Organiser, pool_id: UUID, accreditation_id: UUID
) -> None:
    async with transaction(db) as conn:
        conference_id = await repo.lock_pool(conn, pool_id)
        if conference_id is None:
            raise NotFound("No such pool.")
        if not await repo.delete_member(conn, pool_id, accreditation_id):
            raise NotFound("This accreditation is not in this pool.")
        await record(conn, "pool.member_removed",
                     PoolMemberEvent(pool_id=pool_id, accreditation_id=accreditation_id),
                     conference_id=conference_id, subject_id=pool_id, actor=organiser.actor)


async def link_session(
    db: Database, organiser: Organiser, pool_id: UUID, session_id: UUID, now: datetime
) -> Pool:
    """The pool covers the session from now on: its members are invited to it (docs/calendar.md,
    "Who is invited"). Idempotent; 404 for no such pool or session, 422 for another
    conference's session, 409 for a cancelled one or one the press pools do not cover
    (``domain.check_may_cover``)."""
    async with transaction(db) as conn:
        conference_id = await repo.lock_pool(conn, pool_id)
        if conference_id is None:
            raise NotFound("No such pool.")
        session = await repo.session_for_pool(conn, session_id)
        if session is None:
            raise NotFound("No such session.")
        domain.check_may_cover(conference_id, session.conference_id, session.press_access,
                               session.cancelled)
        if await repo.insert_pool_session(conn, pool_id, session_id, conference_id, now,
                                          organiser.actor):
            await record(conn, "pool.session_linked",
                         PoolSessionEvent(pool_id=pool_id, session_id=session_id),
                         conference_id=conference_id, subject_id=pool_id, actor=organiser.actor)
        return await repo.pool(conn, conference_id, pool_id)


async def unlink_session(
    db: Database, organiser: Organiser, pool_id: UUID, session_id: UUID
) -> None:
    """The pool no longer covers the session: its members' invitations to it are cancelled
    (docs/calendar.md). 404 when the pool is none or does not cover it."""
    async with transaction(db) as conn:
        conference_id = await repo.lock_pool(conn, pool_id)
        if conference_id is None:
            raise NotFound("No such pool.")
        if not await repo.delete_pool_session(conn, pool_id, session_id):
            raise NotFound("This pool does not cover this session.")
        await record(conn, "pool.session_unlinked",
                     PoolSessionEvent(pool_id=pool_id, session_id=session_id),
                     conference_id=conference_id, subject_id=pool_id, actor=organiser.actor)


# --- badges -----------------------------------------------------------------------------------


async def badge(
    db: Database, signer: Signer, accreditation_id: UUID, reader: Principal | None
) -> BadgeContent:
    """What the badge of an approved accreditation prints, photo included (scaled to print
    size); 401/403 for whoever may not read
    the accreditation, 409 when it is not approved."""
    async with connection(db) as conn:
        person = await repo.bearer(conn, accreditation_id)
        if person is None or person.erased:
            raise NotFound("No such accreditation.")
        check_may_read(reader, person)
        domain.check_printable(person.status)
        vetting = await _missing_clearance(conn, person.id)
        if vetting is not None:
            raise _not_cleared(vetting)
        conference = await conference_by_id(conn, person.conference_id)
        access = await repo.zone_access(conn, conference.id, person,
                                        conference.security_list_deadline)
        stored = await photos_of(conn, [person.id])
    photo = (await asyncio.to_thread(print_photo, stored[person.id])
             if person.id in stored else None)
    return _content(signer, conference, person, access, photo)


def _not_cleared(vetting: str) -> Conflict:
    return Conflict("No badge without security clearance; the vetting status is "
                    f"{vetting}.", reason="not_cleared", vetting_status=vetting)


ZONES_HEADING = {"fr": "Accès", "en": "Access"}
NO_ZONES = {"fr": "Aucune zone accordée", "en": "No zone granted"}


def _content(signer: Signer, conference: Conference, person: repo.Bearer,
             access: list[repo.ZoneAccess], photo: bytes | None) -> BadgeContent:
    """What the current version of the person's badge prints, in their language."""
    lang = person.language
    opened = domain.granted_zones(person.status, person.category,
                                  [(z.kind, z.facts) for z in access])
    colour, text_colour = domain.CATEGORY_COLOURS[person.category]
    role = ROLE_NAMES[lang][person.press_role] if person.press_role else None
    return BadgeContent(
        conference=conference.title.get(lang),
        dates=conference_dates(conference, lang),
        given_name=person.given_name,
        family_name=person.family_name,
        # a delegation member's function under the name, in the badge's language
        # (docs/credentials.md, "Names on the badge")
        function=function_in(lang, person.function, person.function_fr, person.function_en)
        if person.delegation_id is not None else None,
        # in the bearer's gender (docs/protocol.md, "Titles in the person's gender")
        category_label=category_name(person.category.value, lang, person.gender).upper(),
        affiliation=domain.affiliation(person.press_outlet, person.country, person.organisation,
                                       lang),
        role=role.capitalize() if role else None,
        zones_heading=ZONES_HEADING[lang],
        no_zones=NO_ZONES[lang],
        zones=[domain.printed_zone(access[i].name.get(lang) or access[i].name["en"],
                                   person.category, access[i].kind, access[i].facts, lang)
               for i in opened],
        reference=domain.badge_reference(signer, person.id, person.badge_version),
        short_reference=(domain.show_short_reference(person.short_code)
                         if person.short_code else None),
        colour=colour,
        text_colour=text_colour,
        photo=photo,
        version=person.badge_version,
        conference_short=conference.short_name.get(lang) if conference.short_name else None,
    )


# --- badge production (docs/credentials.md, "Badge production") -------------------------------

PHOTO_CHUNK = 100
"""Photos are read and scaled to print size, and zones read, this many people at a time (the
batch holds the small copies of the photos only)."""


def _printable(row: repo.BadgeRow) -> bool:
    return not lacks_clearance(row.clearance_required, row.clearance_recorded)


async def _in_batch_order(
    db: Database, officer: ProtocolOfficer, conference: Conference, rows: list[repo.BadgeRow]
) -> list[repo.BadgeRow]:
    """The badges by delegation in the order of precedence (the one GET …/precedence gives:
    the delegations with a head by their head's precedence, then the others by the
    tie-break), within a delegation by the person's precedence (rank, seniority, name); the
    people without a delegation last, by press outlet then precedence."""
    order = await precedence(db, officer, conference.slug)
    position = {e.delegation_id: i for i, e in enumerate(order.order)}
    for d in order.without_head:
        position.setdefault(d.delegation_id, len(position))
    config = protocol_config(conference)

    def key(row: repo.BadgeRow) -> tuple[object, ...]:
        b = row.bearer
        person = Person(id=str(b.id), given_name=b.given_name, family_name=b.family_name,
                        rank=Rank(row.rank or Rank.expert), country=b.country,
                        organisation=b.organisation, in_office_since=row.in_office_since)
        where = (position.get(b.delegation_id, len(position)) if b.delegation_id
                 else domain.NO_DELEGATION)
        return domain.batch_key(where, person, config, b.press_outlet)

    return sorted(rows, key=key)


def _state(r: repo.BadgeRow, lang: str) -> BadgeState:
    return BadgeState(
        accreditation_id=r.bearer.id, given_name=r.bearer.given_name,
        family_name=r.bearer.family_name, category=r.bearer.category,
        delegation_id=r.bearer.delegation_id,
        affiliation=domain.affiliation(r.bearer.press_outlet, r.bearer.country,
                                       r.bearer.organisation, lang),
        badge_version=r.bearer.badge_version, status=r.status, printed_at=r.printed_at,
        printable=_printable(r), collected=r.collected,
        vetting_status=vetting_status(r.clearance_required, r.clearance_recorded),
        short_reference=(domain.show_short_reference(r.bearer.short_code)
                         if r.bearer.short_code else None), has_photo=r.has_photo,
        gender=known_gender(r.bearer.gender))


async def badge_states(
    db: Database, officer: ProtocolOfficer, slug: str, q: StatusQuery
) -> BadgeStates:
    """Every approved accreditation's badge: version, print status, pack collected, whether a
    batch may hold it; in batch order."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        rows = await repo.badges_of(conn, conference.id, delegation_id=q.delegation_id,
                                    category=q.category, status=q.status)
    lang = _language(conference)
    return BadgeStates(items=[_state(r, lang)
                              for r in await _in_batch_order(db, officer, conference, rows)])


async def _listed(conn: asyncpg.Connection, conference: Conference, q: StatusQuery,
                  collected: bool) -> list[repo.BadgeRow]:
    rows = await repo.badges_of(conn, conference.id, delegation_id=q.delegation_id,
                                category=q.category, status=q.status)
    return [r for r in rows if r.collected is not None] if collected else rows


def _to_print(rows: list[repo.BadgeRow]) -> list[UUID]:
    """The badges of ``rows`` a batch holds that are not printed yet."""
    return [r.bearer.id for r in rows
            if _printable(r) and r.status is domain.PrintStatus.to_print]


async def badge_page(
    db: Database, officer: ProtocolOfficer, slug: str, q: StatusQuery, *,
    collected: bool = False, page_size: int, skip: int,
) -> BadgePage:
    """One page of the badges of ``q`` (only those handed over in a pack when ``collected``)
    in batch order, ``skip`` past the first ones (the last page when fewer match), how many
    match, and how many of them are to print with their ``batch_mark``, which
    ``mark_batch_printed`` takes (docs/workspaces.md, "Credentials"). The order of precedence
    sorts them, so every match is read; only the page is shown."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        rows = await _listed(conn, conference, q, collected)
    batch = _to_print(rows)
    ordered = await _in_batch_order(db, officer, conference, rows)
    skip = max(0, min(skip, (len(ordered) - 1) // page_size * page_size))
    lang = _language(conference)
    return BadgePage(items=[_state(r, lang) for r in ordered[skip:skip + page_size]],
                     total=len(ordered), to_print=len(batch),
                     batch_mark=domain.batch_mark(batch),
                     to_print_without_photo=sum(
                         1 for r in rows if not r.has_photo and _printable(r)
                         and r.status is domain.PrintStatus.to_print))


async def batch(
    db: Database, officer: ProtocolOfficer, signer: Signer, slug: str, q: BatchQuery
) -> list[BadgeContent]:
    """The badges of a print batch in print order, photos scaled to print size; never a person
    who needs clearance and lacks it; 409 when no badge matches."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        rows = [r for r in await repo.badges_of(
                    conn, conference.id, delegation_id=q.delegation_id, category=q.category,
                    status=q.status)
                if _printable(r)]
        if not rows:
            raise Conflict("No badge matches: nothing to print.", reason="empty_batch")
        rows = await _in_batch_order(db, officer, conference, rows)
        badges: list[BadgeContent] = []
        for start in range(0, len(rows), PHOTO_CHUNK):
            chunk = rows[start:start + PHOTO_CHUNK]
            stored = await photos_of(conn, [r.bearer.id for r in chunk])
            small = await asyncio.to_thread(_print_photos, stored)
            access = await repo.zone_access_many(conn, conference.id,
                                                 [r.bearer for r in chunk],
                                                 conference.security_list_deadline)
            for r in chunk:
                badges.append(_content(signer, conference, r.bearer, access[r.bearer.id],
                                       small.get(r.bearer.id)))
    return badges


def _print_photos(stored: dict[UUID, bytes]) -> dict[UUID, bytes]:
    return {k: print_photo(v) for k, v in stored.items()}


async def mark_printed(
    db: Database, officer: ProtocolOfficer, slug: str, body: PrintedIn, now: datetime
) -> Printed:
    """Mark badges printed (to_print -> printed); 422 naming those no batch holds."""
    async with transaction(db) as conn:
        conference = await conference_by_slug(conn, slug)
        rows = await repo.badges_of(conn, conference.id, ids=body.accreditation_ids)
        errors = domain.unprintable_errors(body.accreditation_ids,
                                           {r.bearer.id for r in rows if _printable(r)})
        if errors:
            raise Invalid("Some badges cannot be marked printed.", errors)
        already = {r.bearer.id for r in rows if r.status is domain.PrintStatus.printed}
        printed = await _mark(conn, officer, conference,
                              [i for i in body.accreditation_ids if i not in already], now)
    return Printed(printed=printed,
                   already_printed=[i for i in body.accreditation_ids if i not in printed])


async def _mark(conn: asyncpg.Connection, officer: ProtocolOfficer, conference: Conference,
                ids: list[UUID], now: datetime) -> list[UUID]:
    printed = await repo.mark_printed(conn, conference.id, ids, now, officer.actor)
    if printed:
        await record(conn, "badge.printed", BadgesPrinted(accreditation_ids=printed),
                     conference_id=conference.id, subject_id=conference.id,
                     actor=officer.actor)
    return printed


async def mark_batch_printed(
    db: Database, officer: ProtocolOfficer, slug: str, q: StatusQuery, *, collected: bool,
    mark: str, now: datetime,
) -> Printed:
    """Mark printed the batch to print of ``q`` that a page listed as ``mark``
    (``badge_page``), however many pages it fills; 409 when the filters no longer give that
    batch (a badge approved, cleared, reissued or printed since), so that what is marked is
    what was listed and downloaded (docs/workspaces.md, "Credentials")."""
    async with transaction(db) as conn:
        conference = await conference_by_slug(conn, slug)
        batch = _to_print(await _listed(conn, conference, q, collected))
        if not batch or domain.batch_mark(batch) != mark:
            raise Conflict("The badges to print changed since the batch was listed.",
                           reason="batch_changed")
        printed = await _mark(conn, officer, conference, batch, now)
    return Printed(printed=printed, already_printed=[i for i in batch if i not in printed])


async def reissue(
    db: Database, officer: ProtocolOfficer, accreditation_id: UUID, body: ReissueIn,
    now: datetime,
) -> Reissued:
    """A new version of the badge, to print: the earlier QR codes are refused ``superseded``
    from now on; 409 when no badge may be printed for the accreditation."""
    async with transaction(db) as conn:
        person = await repo.bearer(conn, accreditation_id)
        if person is None or person.erased:
            raise NotFound("No such accreditation.")
        domain.check_printable(person.status)
        vetting = await _missing_clearance(conn, person.id)
        if vetting is not None:
            raise _not_cleared(vetting)
        version = await repo.reissue(conn, person.id, person.conference_id, body.reason,
                                     body.note, now)
        await record(conn, "badge.reissued",
                     BadgeReissued(accreditation_id=person.id, badge_version=version,
                                   reason=body.reason.value),
                     conference_id=person.conference_id, subject_id=person.id,
                     actor=officer.actor)
    return Reissued(accreditation_id=person.id, badge_version=version,
                    status=domain.PrintStatus.to_print)


async def packs_to_collect(db: Database, officer: ProtocolOfficer, slug: str
                           ) -> dict[UUID, int]:
    """How many badges each delegation's pack holds now: printed, not handed over, of
    approved people with the clearance they need (what ``collect_pack`` would record)."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        rows = await repo.uncollected_of_conference(conn, conference.id)
    counts: dict[UUID, int] = {}
    for delegation_id, required, recorded in rows:
        if not lacks_clearance(required, recorded):
            counts[delegation_id] = counts.get(delegation_id, 0) + 1
    return counts


async def void_badges(db: Database, officer: ProtocolOfficer, slug: str, *,
                      recovered: bool | None = None) -> list[VoidBadge]:
    """The badges printed, perhaps collected, then made void by a substitution, withdrawal or
    revocation: out there, refused at the door, to recover at the desk (``recovered`` False),
    or recorded recovered (True); both when None."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        return await repo.void_badges(conn, conference.id, recovered=recovered)


async def recover_void_badge(
    db: Database, officer: ProtocolOfficer, accreditation_id: UUID, now: datetime, *,
    slug: str | None = None,
) -> VoidBadgeRecovered:
    """Record that a void badge was recovered at the desk (handed back or destroyed), when and
    by whom, with the event ``badge.recovered`` (docs/credentials.md, "Void badges"). Recorded
    once: again, it answers the first record with ``already_recovered`` and records nothing.
    404 when there is no such accreditation (or, with ``slug``, it is another conference's);
    409 when its badge is not void (the accreditation is not substituted, withdrawn or
    revoked) or was never printed."""
    async with transaction(db) as conn:
        person = await repo.bearer(conn, accreditation_id)
        if person is None or person.erased:
            raise NotFound("No such accreditation.")
        if slug is not None and (await conference_by_slug(conn, slug)).id != person.conference_id:
            raise NotFound("No such accreditation.")
        locked = await repo.lock_badge(conn, person.id)
        domain.check_recoverable(
            person.status, locked is not None and locked.status is domain.PrintStatus.printed)
        recorded = await repo.record_recovery(conn, person.id, now, officer.actor)
        if recorded:
            await record(conn, "badge.recovered",
                         BadgeRecovered(accreditation_id=person.id,
                                        badge_version=person.badge_version,
                                        why=person.status.value),
                         conference_id=person.conference_id, subject_id=person.id,
                         actor=officer.actor)
        found = await repo.void_badges(conn, person.conference_id, accreditation_id=person.id)
    return VoidBadgeRecovered(**found[0].model_dump(), already_recovered=not recorded)


async def collect_pack(
    db: Database, officer: ProtocolOfficer, delegation_id: UUID, body: PackCollectedIn,
    now: datetime,
) -> PackCollected:
    """Record that the delegation's printed badges (not handed over yet, of approved people with
    clearance where needed) were collected; 409 when there is none."""
    async with transaction(db) as conn:
        conference_id = await repo.delegation_conference(conn, delegation_id)
        if conference_id is None:
            raise NotFound("No such delegation.")
        ids = [i for i, required, recorded in await repo.uncollected(conn, delegation_id)
               if not lacks_clearance(required, recorded)]
        domain.check_collectable(len(ids))
        collection_id = await repo.record_collection(
            conn, conference_id, delegation_id, body.collected_by, now, officer.actor, ids)
        await record(conn, "pack.collected",
                     PackCollectedEvent(delegation_id=delegation_id, collection_id=collection_id,
                                        accreditation_ids=ids),
                     conference_id=conference_id, subject_id=delegation_id,
                     actor=officer.actor)
    return PackCollected(delegation_id=delegation_id, collected_by=body.collected_by,
                         collected_at=now, badges=ids)


async def _missing_clearance(conn: asyncpg.Connection, accreditation_id: UUID) -> str | None:
    """The vetting status that stops a badge (issued, printed or admitted), else None
    (docs/credentials.md, "Vetting")."""
    c = await clearance_of(conn, accreditation_id)
    if c is None or not lacks_clearance(c["required"], c["recorded"]):
        return None
    return vetting_status(c["required"], c["recorded"])


async def _listed_after(conn: asyncpg.Connection, person: repo.Bearer, deadline: datetime
                        ) -> bool:
    """On the security list since after its freeze: approved after the deadline (a late
    substitute), or cleared after it when the category needs clearance (docs/protocol.md,
    "Royal presence"), as the list marks them (``added_after_freeze``)."""
    if person.decided_at is not None and person.decided_at > deadline:
        return True
    c = await clearance_of(conn, person.id)
    return bool(c is not None and c["required"] and c["set_at"] is not None
                and c["set_at"] > deadline)


# --- check-in ---------------------------------------------------------------------------------


def _language(conference: Conference) -> str:
    return conference.languages[0] if conference.languages else "en"


async def check_in(
    db: Database, door: DoorKeeper, signer: Signer, slug: str, body: CheckInIn,
    now: datetime, language: str | None = None, form_scan: UUID | None = None,
) -> CheckIn:
    """Decide on one scan and record it, admitted or not (see ``domain`` for the order). The
    holder's country is named in ``language`` (the door page's), else the conference's.
    ``form_scan``: the door page's identifier of this scan; its form sent again is decided
    again but recorded once (docs/workspaces.md, "The door")."""
    async with transaction(db) as conn:
        conference = await conference_by_slug(conn, slug)
        zone = await repo.zone_by_code(conn, conference.id, body.zone)
        typed = domain.is_typed(body.badge)
        mistyped = False
        read: tuple[UUID, int] | None
        if typed:  # a short reference (docs/credentials.md)
            code = domain.short_reference_code(body.badge)
            mistyped = code is None
            read = await repo.badge_by_code(conn, conference.id, code) if code else None
        else:
            read = domain.read_reference(signer, body.badge)
        # a scanned text shaped as no badge reference was read in part, or is another code
        unreadable = not typed and read is None and not domain.reference_shaped(body.badge)
        accreditation_id, version = read if read is not None else (None, 0)
        person = await repo.bearer(conn, accreditation_id) if accreditation_id else None
        if person is not None and (person.conference_id != conference.id or person.erased):
            person = None
        facts = None
        superseded = lacking = False
        access: list[repo.ZoneAccess] = []
        if zone is not None and person is not None and domain.status_reason(person.status) is None:
            superseded = version != person.badge_version
            lacking = await _missing_clearance(conn, person.id) is not None
            access = await repo.zone_access(conn, conference.id, person,
                                            conference.security_list_deadline)
            facts = next(z.facts for z in access if z.id == zone.id)
        outside = zone is not None and not domain.admits_on(
            now.astimezone(ZoneInfo(conference.timezone)).date(), conference.starts_on,
            conference.ends_on, zone.opens_on, zone.closes_on)
        # the sessions held in the zone's rooms now, read only for a press badge that holds
        # the zone through its sessions alone (docs/credentials.md, "Sessions closed to the
        # press"): a closed session, a pool session or a photo opportunity may keep it out
        held: list[repo.HeldSession] = []
        role = person.press_role if person is not None else None
        if (zone is not None and person is not None and facts is not None
                and domain.press_through_sessions(person.category, zone.kind, facts)):
            held = await repo.zone_sessions_at(conn, zone.id, now, domain.keeping_out(role))
        # a royal-presence session under way in the zone's rooms: a non-press badge the zone
        # admits must be on its security list (docs/credentials.md, "Royal presence at an
        # ordinary door"); read only for such a badge at a standard zone
        unlisted = (zone is not None and person is not None and facts is not None
                    and zone.kind is domain.ZoneKind.standard
                    and person.category is not Category.press
                    and await repo.unlisted_at_royal_session(
                        conn, zone.id, now, person, conference.security_list_deadline))
        reason = domain.scan_reason(
            zone.kind if zone else None, accreditation_id, person is not None,
            person.status if person else None, person.category if person else None, facts,
            superseded=superseded, lacks_clearance=lacking, mistyped=mistyped,
            typed=typed, outside_days=outside, unreadable=unreadable,
            held=[PressAccess(h.press_access) for h in held], press_role=role,
            royal_unlisted=unlisted)
        # the session that keeps the badge out: the first held of the access refused
        keeping = next((h for h in held if domain.REFUSALS.get(PressAccess(h.press_access))
                        is reason), None)
        # the zones the badge does open, named only to a badge this zone refuses (the door
        # says where the person may go); not worked out for the other scans
        opens = [access[i].code for i in domain.granted_zones(
            person.status, person.category, [(z.kind, z.facts) for z in access])
        ] if reason is domain.Reason.zone_not_granted and person is not None else []
        # a pool's member kept out by a pool session here: the zones their pool enters by (the
        # royal pool's photographer was refused "press pool only" at the hall's own door while
        # the pool goes in through the perimeter: tryout of the meeting's day)
        if reason is domain.Reason.press_pool_only and zone is not None:
            opens = [z.code for z in access if z.facts.by_pool and z.id != zone.id]
        check_in_id = await repo.insert_check_in(
            conn, conference.id, zone.id if zone else None, body.zone,
            person.id if person else None, hashlib.sha256(body.badge.encode()).digest(), reason,
            now, door.actor, form_scan)
        # admitted before at this zone: said at the door (a badge handed back out to another
        # person passes as many times as it is shown; docs/credentials.md, "Admitted before")
        before = (await repo.admitted_before(conn, person.id, zone.id, check_in_id)
                  if reason is domain.Reason.granted and person is not None
                  and zone is not None else None)
        deadline = conference.security_list_deadline
        late = (reason is domain.Reason.granted and zone is not None and person is not None
                and zone.kind is domain.ZoneKind.royal_perimeter and deadline is not None
                and await _listed_after(conn, person, deadline))
        # admitted after the royal session's guests were to be seated (docs/credentials.md,
        # "Late for the patron"): read only for an admission
        seating = (await repo.royal_session_seating(
            conn, conference.id, zone.id, zone.kind is domain.ZoneKind.royal_perimeter, now,
            person)
            if reason is domain.Reason.granted and zone is not None and person is not None
            else None)
    tz = ZoneInfo(conference.timezone)
    return CheckIn(id=check_in_id, admitted=reason is domain.Reason.granted, reason=reason,
                   detail=DETAILS[reason], zone=body.zone, scanned_at=now,
                   holder=repo.holder(person, language or _language(conference)),
                   added_after_freeze=late,
                   admitted_before=before.astimezone(ZoneInfo(conference.timezone))
                   if before is not None else None,
                   zones_granted=opens,
                   late_for=LateForSession(
                       id=seating.id, title=Localized.model_validate(seating.title),
                       seated_by=seating.seated_by.astimezone(tz),
                       starts_at=seating.starts_at.astimezone(tz))
                   if seating is not None else None,
                   closed_session=ClosedSession(
                       id=keeping.id, title=Localized.model_validate(keeping.title),
                       ends_at=keeping.ends_at.astimezone(ZoneInfo(conference.timezone)),
                       closed_until=keeping.closed_until.astimezone(
                           ZoneInfo(conference.timezone)))
                   if keeping is not None else None)


async def check_ins(
    db: Database, officer: ProtocolOfficer, slug: str, q: CheckInQuery
) -> CheckInPage:
    """The recorded scans, oldest first, a page at a time."""
    async with connection(db) as conn:
        conference = await conference_by_slug(conn, slug)
        items = await repo.check_ins(conn, conference.id, q.after, q.zone, q.limit + 1,
                                     _language(conference))
    more = len(items) > q.limit
    items = items[: q.limit]
    return CheckInPage(items=items, next_cursor=items[-1].id if more and items else None)
