"""Personal data: export and erasure per person, security-vetting records, and the retention
purge of ended conferences. Each change writes its event (with counts, never names)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import date, datetime
from typing import Any
from uuid import UUID

import asyncpg

from conference.accreditation import repo as accreditations
from conference.auth import Principal, Role
from conference.db.sql import queries_beside
from conference.errors import Forbidden, NotFound
from conference.outbox.events import record
from conference.privacy.events import PersonalDataErased, RetentionPurged, VettingRecorded
from conference.privacy.models import DeliveryRecord, Erased, PersonalData, Vetting, VettingIn

Q = queries_beside(__file__)


Exporter = Callable[[asyncpg.Connection, UUID], Awaitable[list[dict[str, Any]]]]
"""One section of a person's export, contributed by the domain that holds the data (the
composition root, ``conference/runtime.py``, lists them)."""


def _vetting(row: asyncpg.Record) -> Vetting:
    return Vetting.model_validate({k: v for k, v in row.items() if k != "accreditation_id"})


def _count(status: str) -> int:
    """Rows affected, from asyncpg's status string ("UPDATE 3", "DELETE 1")."""
    return int(status.rsplit(" ", 1)[-1])


async def export(
    conn: asyncpg.Connection, accreditation_id: UUID, principal: Principal | None, now: datetime,
    exporters: Mapping[str, Exporter],
) -> PersonalData:
    row = await accreditations.row_by_id(conn, accreditation_id)
    if row is None:
        raise NotFound("No such accreditation.")
    allowed = principal is not None and (
        principal.role is Role.admin
        or (principal.role is Role.applicant and principal.accreditation_id == row["id"])
    )
    if not allowed:
        if principal is None:
            from conference.errors import Unauthorized

            raise Unauthorized("A bearer token is required.")
        raise Forbidden("Only the person (with its token) and admin may export personal data.")
    acc = accreditations.from_row(row, await accreditations.history_of(conn, accreditation_id))
    vetting = None
    # The person's own vetting data is theirs to see (and admin's); nobody else's export has it.
    if principal.role in (Role.admin, Role.applicant):
        v = await conn.fetchrow(Q["vetting_of"], accreditation_id)
        vetting = _vetting(v) if v else None
    deliveries = [DeliveryRecord.model_validate(dict(r))
                  for r in await conn.fetch(Q["deliveries_of"], accreditation_id)]
    extra = {name: await fn(conn, accreditation_id) for name, fn in sorted(exporters.items())}
    return PersonalData(accreditation=acc, vetting=vetting, deliveries=deliveries,
                        exported_at=now, **extra)


async def _erase_one(conn: asyncpg.Connection, accreditation_id: UUID, now: datetime
                     ) -> dict[str, int]:
    return {
        "accreditation": _count(await conn.execute(Q["erase_accreditation"], accreditation_id,
                                                   now)),
        "accreditation_history": _count(await conn.execute(Q["erase_history_reasons"],
                                                           accreditation_id)),
        "accreditation_vetting": _count(await conn.execute(Q["erase_vetting"],
                                                           accreditation_id)),
        "delivery": _count(await conn.execute(Q["erase_deliveries"], accreditation_id)),
        "api_token": _count(await conn.execute(Q["erase_tokens"], accreditation_id)),
    }


async def erase(
    conn: asyncpg.Connection, accreditation_id: UUID, principal: Principal, now: datetime
) -> Erased:
    """Pseudonymise the person: names, email, press card, free texts and vetting data go; the
    category, status, rank, delegation and the shape of the audit trail stay for statistics."""
    row = await conn.fetchrow(
        "SELECT id, conference_id FROM accreditation WHERE id = $1 FOR UPDATE", accreditation_id)
    if row is None:
        raise NotFound("No such accreditation.")
    tables = await _erase_one(conn, accreditation_id, now)
    await record(conn, "personal_data.erased",
                 PersonalDataErased(accreditation_id=accreditation_id, tables=tables),
                 conference_id=row["conference_id"], subject_id=accreditation_id,
                 actor=principal.actor)
    return Erased(accreditation_id=accreditation_id, erased_at=now, tables=tables)


async def check_may_record_vetting(
    conn: asyncpg.Connection, accreditation_id: UUID, principal: Principal
) -> asyncpg.Record:
    row = await accreditations.row_by_id(conn, accreditation_id)
    if row is None:
        raise NotFound("No such accreditation.")
    own = (principal.role is Role.applicant and principal.accreditation_id == row["id"]) or (
        principal.role is Role.focal_point and principal.delegation_id == row["delegation_id"])
    if not own and principal.role not in (Role.admin, Role.protocol):
        raise Forbidden("Vetting data is given by the person, its focal point, or protocol.")
    return row


async def record_vetting(
    conn: asyncpg.Connection, accreditation_id: UUID, body: VettingIn, principal: Principal,
    now: datetime,
) -> Vetting:
    row = await check_may_record_vetting(conn, accreditation_id, principal)
    saved = await conn.fetchrow(Q["upsert_vetting"], accreditation_id, body.document_type,
                                body.document_number, body.date_of_birth, body.nationality, now)
    await record(conn, "accreditation.vetting_recorded",
                 VettingRecorded(accreditation_id=accreditation_id),
                 conference_id=row["conference_id"], subject_id=accreditation_id,
                 actor=principal.actor)
    return _vetting(saved)


async def read_vetting(conn: asyncpg.Connection, accreditation_id: UUID) -> Vetting:
    v = await conn.fetchrow(Q["vetting_of"], accreditation_id)
    if v is None:
        raise NotFound("No vetting data for this accreditation.")
    return _vetting(v)


async def purge_due(conn: asyncpg.Connection, today: date, now: datetime) -> int:
    """Apply the retention periods: vetting data first (its own, shorter period), then every
    person of conferences past ``retention_days``. One transaction per conference; returns how
    many conferences were purged (in part or whole)."""
    done = 0
    for cid in [r["id"] for r in await conn.fetch(Q["conferences_due_for_vetting_purge"], today)]:
        async with conn.transaction():
            n = _count(await conn.execute(Q["purge_vetting_of_conference"], cid))
            await conn.execute(Q["mark_vetting_purged"], cid, now)
            await record(conn, "retention.purged",
                         RetentionPurged(vetting_records=n, accreditations=0, delegations=0,
                                         scope="vetting"),
                         conference_id=cid, subject_id=cid, actor="retention")
        done += 1
    for cid in [r["id"] for r in await conn.fetch(Q["conferences_due_for_purge"], today)]:
        async with conn.transaction():
            vetting = _count(await conn.execute(Q["purge_vetting_of_conference"], cid))
            ids = [r["id"] for r in await conn.fetch(Q["accreditations_to_erase"], cid)]
            for accreditation_id in ids:
                await _erase_one(conn, accreditation_id, now)
            delegations = _count(await conn.execute(
                "UPDATE delegation SET focal_point_name = '(erased)',"
                " focal_point_email = 'erased-' || id::text || '@erased.invalid'"
                " WHERE conference_id = $1 AND focal_point_name <> '(erased)'", cid))
            await conn.execute(Q["mark_purged"], cid, now)
            await record(conn, "retention.purged",
                         RetentionPurged(vetting_records=vetting, accreditations=len(ids),
                                         delegations=delegations, scope="all"),
                         conference_id=cid, subject_id=cid, actor="retention")
        done += 1
    return done
