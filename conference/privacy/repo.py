"""Personal data and vetting records: SQL (queries.sql) and row mapping only."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Any
from uuid import UUID

import asyncpg

from conference.db.sql import queries_beside
from conference.privacy.models import DeliveryRecord, Vetting, VettingChange, VettingIn

Q = queries_beside(__file__)

Exporter = Callable[[asyncpg.Connection, UUID], Awaitable[list[dict[str, Any]]]]
"""One section of a person's export, contributed by the domain that holds the data (the
composition root, ``conference/runtime.py``, lists them)."""


def _count(status: str) -> int:
    """Rows affected, from asyncpg's status string ("UPDATE 3", "DELETE 1")."""
    return int(status.rsplit(" ", 1)[-1])


def _vetting(row: asyncpg.Record, history: list[VettingChange] | None = None) -> Vetting:
    data = {k: v for k, v in row.items() if k != "accreditation_id"}
    return Vetting.model_validate({**data, "history": history or []})


async def vetting_of(conn: asyncpg.Connection, accreditation_id: UUID,
                     *, with_history: bool = False) -> Vetting | None:
    row = await conn.fetchrow(Q["vetting_of"], accreditation_id)
    if row is None:
        return None
    history = None
    if with_history:
        history = [VettingChange.model_validate(dict(r))
                   for r in await conn.fetch(Q["vetting_history_of"], accreditation_id)]
    return _vetting(row, history)


async def vetting_recorded_by_organiser(conn: asyncpg.Connection, accreditation_id: UUID
                                        ) -> bool:
    return bool(await conn.fetchval(Q["vetting_recorded_by_organiser"], accreditation_id))


async def clearance_recorded(conn: asyncpg.Connection, accreditation_id: UUID) -> str | None:
    status: str | None = await conn.fetchval(Q["clearance_recorded"], accreditation_id)
    return status


async def save_vetting(conn: asyncpg.Connection, accreditation_id: UUID, body: VettingIn,
                       actor: str, actor_role: str, now: datetime) -> Vetting:
    saved = await conn.fetchrow(Q["upsert_vetting"], accreditation_id, body.document_type,
                                body.document_number, body.date_of_birth, body.nationality, now,
                                body.name_in_document)
    assert saved is not None  # an upsert returns its row
    await conn.execute(Q["insert_vetting_history"], accreditation_id, now, actor, actor_role,
                       body.document_type, body.document_number, body.date_of_birth,
                       body.nationality, body.name_in_document)
    return _vetting(saved)


async def deliveries_of(conn: asyncpg.Connection, accreditation_id: UUID
                        ) -> list[DeliveryRecord]:
    return [DeliveryRecord.model_validate(dict(r))
            for r in await conn.fetch(Q["deliveries_of"], accreditation_id)]


async def lock_accreditation(conn: asyncpg.Connection, accreditation_id: UUID
                           ) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(Q["lock_accreditation"],
                                                     accreditation_id)
    return row


async def lock_reason_events(conn: asyncpg.Connection, accreditation_id: UUID) -> None:
    """Lock the person's events that carry history lines, before the accreditation's row."""
    await conn.execute(Q["lock_reason_events"], accreditation_id)


async def erase_one(conn: asyncpg.Connection, accreditation_id: UUID, now: datetime
                    ) -> dict[str, int]:
    """Pseudonymise one person; rows changed per table."""
    return {
        "accreditation": _count(await conn.execute(Q["erase_accreditation"], accreditation_id,
                                                   now)),
        "accreditation_history": _count(await conn.execute(Q["erase_history_reasons"],
                                                           accreditation_id)),
        "accreditation_vetting": _count(await conn.execute(Q["erase_vetting"],
                                                           accreditation_id)),
        "accreditation_vetting_history": _count(await conn.execute(Q["erase_vetting_history"],
                                                                   accreditation_id)),
        "delivery": _count(await conn.execute(Q["erase_deliveries"], accreditation_id)),
        "api_token": _count(await conn.execute(Q["erase_tokens"], accreditation_id)),
    }


async def conferences_due_for_vetting_purge(conn: asyncpg.Connection, today: date
                                            ) -> list[UUID]:
    return [r["id"] for r in await conn.fetch(Q["conferences_due_for_vetting_purge"], today)]


async def conferences_due_for_purge(conn: asyncpg.Connection, today: date) -> list[UUID]:
    return [r["id"] for r in await conn.fetch(Q["conferences_due_for_purge"], today)]


async def purge_vetting_of_conference(conn: asyncpg.Connection, conference_id: UUID) -> int:
    await conn.execute(Q["purge_vetting_history_of_conference"], conference_id)
    await conn.execute(Q["purge_clearance_reasons_of_conference"], conference_id)
    return _count(await conn.execute(Q["purge_vetting_of_conference"], conference_id))


async def accreditations_to_erase(conn: asyncpg.Connection, conference_id: UUID) -> list[UUID]:
    return [r["id"] for r in await conn.fetch(Q["accreditations_to_erase"], conference_id)]


async def erase_focal_points(conn: asyncpg.Connection, conference_id: UUID) -> int:
    """The delegations' focal points erased, and the names of who collected their badge packs;
    returns how many delegations were erased."""
    await conn.execute(Q["erase_pack_collectors_of_conference"], conference_id)
    return _count(await conn.execute(Q["erase_focal_points_of_conference"], conference_id))


async def mark_vetting_purged(conn: asyncpg.Connection, conference_id: UUID, now: datetime
                              ) -> None:
    await conn.execute(Q["mark_vetting_purged"], conference_id, now)


async def mark_purged(conn: asyncpg.Connection, conference_id: UUID, now: datetime) -> None:
    await conn.execute(Q["mark_purged"], conference_id, now)

