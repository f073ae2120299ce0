"""Personal data use-cases: export and erasure per person, security-vetting records, and the
retention purge of ended conferences. Each authorises, applies the policy of ``domain``, writes
through ``repo`` and records its event (with counts, never names) in its own transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

import asyncpg

from conference.accreditation import lookup as accreditations
from conference.auth import Principal, Role
from conference.db.pool import connection
from conference.errors import Forbidden, NotFound, Unauthorized
from conference.outbox.events import record
from conference.privacy import domain, repo
from conference.privacy.events import PersonalDataErased, RetentionPurged, VettingRecorded
from conference.privacy.models import Erased, PersonalData, Vetting, VettingIn


async def _accreditation_row(conn: asyncpg.Connection, accreditation_id: UUID
                             ) -> asyncpg.Record:
    row = await accreditations.row_by_id(conn, accreditation_id)
    if row is None:
        raise NotFound("No such accreditation.")
    return row


async def export(conn: asyncpg.Connection, accreditation_id: UUID, principal: Principal | None,
                 now: datetime, exporters: Mapping[str, repo.Exporter]) -> PersonalData:
    """Everything held about the person, for the person (its token) and admin. The person's
    own vetting data is theirs to see; admin sees every version of it too."""
    async with conn.transaction(isolation="repeatable_read", readonly=True):
        row = await _accreditation_row(conn, accreditation_id)
        if principal is None:
            raise Unauthorized("A bearer token is required.")
        if not (principal.role is Role.admin or (principal.role is Role.applicant
                                                 and principal.accreditation_id == row["id"])):
            raise Forbidden("Only the person (with its token) and admin may export personal "
                            "data.")
        acc = accreditations.from_row(row, await accreditations.history_for(
            conn, accreditation_id, principal))
        vetting = await repo.vetting_of(conn, accreditation_id,
                                        with_history=principal.role is Role.admin)
        deliveries = await repo.deliveries_of(conn, accreditation_id)
        extra = {name: await fn(conn, accreditation_id) for name, fn in sorted(exporters.items())}
    return PersonalData(accreditation=acc, vetting=vetting, deliveries=deliveries,
                        exported_at=now, **extra)


async def erase(conn: asyncpg.Connection, accreditation_id: UUID, principal: Principal,
                now: datetime) -> Erased:
    """Pseudonymise the person: names, email, press card, free texts and vetting data (with its
    history) go; the category, status, rank, delegation and the shape of the audit trail stay
    for statistics."""
    if principal.role is not Role.admin:
        raise Forbidden("Only admin erases a person.")
    async with conn.transaction():
        # the events first, as the worker takes them, then the row (docs/privacy.md, "Erasure")
        await repo.lock_reason_events(conn, accreditation_id)
        row = await repo.lock_accreditation(conn, accreditation_id)
        if row is None:
            raise NotFound("No such accreditation.")
        tables = await repo.erase_one(conn, accreditation_id, now)
        await record(conn, "personal_data.erased",
                     PersonalDataErased(accreditation_id=accreditation_id, tables=tables),
                     conference_id=row["conference_id"], subject_id=accreditation_id,
                     actor=principal.actor)
    return Erased(accreditation_id=accreditation_id, erased_at=now, tables=tables)


async def record_vetting(conn: asyncpg.Connection, accreditation_id: UUID,
                         body_of: Callable[[], Awaitable[VettingIn]], principal: Principal,
                         now: datetime) -> Vetting:
    """Record (or change) the vetting data; every version is kept with who and when. The body
    is read (``body_of``) once the caller is known to be allowed: 403 comes before 422."""
    async with conn.transaction():
        # The row lock orders concurrent writers (and a decision) of one person.
        await repo.lock_accreditation(conn, accreditation_id)
        row = await _accreditation_row(conn, accreditation_id)
        if not _own(row, principal) and principal.role not in domain.ORGANISERS:
            raise Forbidden("Vetting data is given by the person, its focal point, or protocol.")
        refused = await _refusal(conn, row, principal)
        if refused is not None:
            raise Forbidden(refused)
        body = await body_of()
        vetting = await repo.save_vetting(conn, accreditation_id, body, principal.actor,
                                          principal.role.value, now)
        await record(conn, "accreditation.vetting_recorded",
                     VettingRecorded(accreditation_id=accreditation_id),
                     conference_id=row["conference_id"], subject_id=accreditation_id,
                     actor=principal.actor)
    return vetting


def _own(row: asyncpg.Record, principal: Principal) -> bool:
    return ((principal.role is Role.applicant and principal.accreditation_id == row["id"])
            or (principal.role is Role.focal_point
                and principal.delegation_id == row["delegation_id"]))


async def _refusal(conn: asyncpg.Connection, row: asyncpg.Record, principal: Principal,
                   *, as_code: bool = False) -> str | None:
    rule = domain.vetting_closed if as_code else domain.may_write_vetting
    return rule(principal.role, own=_own(row, principal), status=row["status"],
                recorded_by_organiser=await repo.vetting_recorded_by_organiser(conn, row["id"]),
                clearance=await repo.clearance_recorded(conn, row["id"]))


@dataclass(frozen=True)
class IdentityDocument:
    """What the person and their focal point see of the identity document for the security
    check: what was given (theirs to see, like the person's export), and whether they may
    still give or change it (and why not)."""

    given: Vetting | None
    closed: str | None
    """None while they may give it, else why not (``privacy.domain.vetting_closed``)."""


async def identity_document(pool: asyncpg.Pool, accreditation_id: UUID, principal: Principal
                            ) -> IdentityDocument:
    """The identity document as the applicant's and the portal member's pages show it: to the
    person and their focal point only (docs/privacy.md: kept apart, read by organisers)."""
    async with connection(pool) as conn:
        row = await _accreditation_row(conn, accreditation_id)
        if not _own(row, principal):
            raise Forbidden("The identity document is shown to the person and its focal point.")
        return IdentityDocument(given=await repo.vetting_of(conn, accreditation_id),
                                closed=await _refusal(conn, row, principal, as_code=True))


async def give_identity_document(pool: asyncpg.Pool, accreditation_id: UUID, body: VettingIn,
                                 principal: Principal, now: datetime) -> Vetting:
    """The pages' form: the same use-case as ``PUT …/vetting``, its body already checked."""
    async def checked() -> VettingIn:
        return body

    async with connection(pool) as conn:
        return await record_vetting(conn, accreditation_id, checked, principal, now)


async def read_vetting(conn: asyncpg.Connection, accreditation_id: UUID, principal: Principal
                       ) -> Vetting:
    if principal.role not in domain.ORGANISERS:
        raise Forbidden("Vetting data is read by protocol, security and admin only.")
    vetting = await repo.vetting_of(conn, accreditation_id, with_history=True)
    if vetting is None:
        raise NotFound("No vetting data for this accreditation.")
    return vetting


async def purge_due(conn: asyncpg.Connection, today: date, now: datetime) -> int:
    """Apply the retention periods: vetting data first (its own, shorter period), then every
    person of conferences past ``retention_days``. One transaction per conference; returns how
    many conferences were purged (in part or whole)."""
    done = 0
    for cid in await repo.conferences_due_for_vetting_purge(conn, today):
        async with conn.transaction():
            n = await repo.purge_vetting_of_conference(conn, cid)
            await repo.mark_vetting_purged(conn, cid, now)
            await record(conn, "retention.purged",
                         RetentionPurged(vetting_records=n, accreditations=0, delegations=0,
                                         scope="vetting"),
                         conference_id=cid, subject_id=cid, actor="retention")
        done += 1
    for cid in await repo.conferences_due_for_purge(conn, today):
        async with conn.transaction():
            vetting = await repo.purge_vetting_of_conference(conn, cid)
            ids = await repo.accreditations_to_erase(conn, cid)
            for accreditation_id in ids:
                await repo.erase_one(conn, accreditation_id, now)
            delegations = await repo.erase_focal_points(conn, cid)
            await repo.mark_purged(conn, cid, now)
            await record(conn, "retention.purged",
                         RetentionPurged(vetting_records=vetting, accreditations=len(ids),
                                         delegations=delegations, scope="all"),
                         conference_id=cid, subject_id=cid, actor="retention")
        done += 1
    return done
