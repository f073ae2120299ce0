"""The delegation lifecycle's SQL and row mapping (queries in ``queries.sql``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from conference.accreditation.domain import Category, Status
from conference.db.sql import queries_beside
from conference.lifecycle.domain import DelegationRef, Existing
from conference.programme.domain import Member
from conference.protocol.ranks import Rank

Q = queries_beside(__file__)


async def delegations(conn: asyncpg.Connection, conference_id: UUID) -> list[DelegationRef]:
    rows = await conn.fetch(*Q.bind("delegations_of", conference_id=conference_id))
    return [DelegationRef(r["id"], r["country"], r["organisation"]) for r in rows]


async def delegation_kinds(conn: asyncpg.Connection, conference_id: UUID) -> dict[UUID, str]:
    rows = await conn.fetch(*Q.bind("delegations_of", conference_id=conference_id))
    return {r["id"]: r["kind"] for r in rows}


async def lock_delegations(conn: asyncpg.Connection, ids: Sequence[UUID]) -> None:
    await conn.fetch(*Q.bind("lock_delegations", ids=sorted(set(ids))))


def _existing(r: asyncpg.Record) -> Existing:
    return Existing(
        id=r["id"], email=r["email"], given_name=r["given_name"], family_name=r["family_name"],
        category=Category(r["category"]), status=Status(r["status"]),
        rank=Rank(r["rank"]) if r["rank"] else None, function=r["function"],
        function_fr=r["function_fr"], function_en=r["function_en"], language=r["language"],
        gender=r["gender"], delegation_id=r["delegation_id"],
        in_office_since=r["in_office_since"],
    )


async def existing_by_email(conn: asyncpg.Connection, conference_id: UUID,
                            emails: Sequence[str]) -> dict[str, Existing]:
    """The current accreditations of these people, by lower-cased e-mail."""
    rows = await conn.fetch(*Q.bind("existing_by_email", conference_id=conference_id,
                                    emails=[e.lower() for e in emails]))
    return {r["email"].lower(): _existing(r) for r in rows}


async def insert_members(conn: asyncpg.Connection, records: Sequence[Mapping[str, Any]]) -> None:
    if records:
        await conn.executemany(Q["insert_member"],
                               [Q.bind_record("insert_member", r)[1:] for r in records])


async def update_members(conn: asyncpg.Connection, records: Sequence[Mapping[str, Any]]) -> None:
    if records:
        await conn.executemany(Q["update_member"],
                               [Q.bind_record("update_member", r)[1:] for r in records])


async def export_members(conn: asyncpg.Connection, conference_id: UUID,
                         delegation_id: UUID | None) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch(*Q.bind(
        "export_members", conference_id=conference_id, delegation_id=delegation_id))
    return rows


def _member(r: asyncpg.Record) -> Member:
    return Member(
        accreditation_id=r["accreditation_id"], given_name=r["given_name"],
        family_name=r["family_name"], gender=r["gender"], category=Category(r["category"]),
        status=Status(r["status"]), rank=Rank(r["rank"]) if r["rank"] else None,
        function=r["function"], function_fr=r["function_fr"], function_en=r["function_en"],
        in_office_since=r["in_office_since"],
        delegation_id=r["delegation_id"], country=r["country"], organisation=r["organisation"],
        role=r["role"], salutation=r.get("salutation"),
    )


async def approved_members(conn: asyncpg.Connection, conference_id: UUID) -> list[Member]:
    rows = await conn.fetch(*Q.bind("approved_members", conference_id=conference_id))
    return [_member(r) for r in rows]


async def head_candidates(conn: asyncpg.Connection, conference_id: UUID,
                          delegation_id: UUID | None = None) -> list[Member]:
    rows = await conn.fetch(*Q.bind("head_candidates", conference_id=conference_id,
                                    delegation_id=delegation_id))
    return [_member(r) for r in rows]


def _counts(rows: list[asyncpg.Record]) -> dict[str, int]:
    return {r["key"]: r["n"] for r in rows}


async def count_by_status(conn: asyncpg.Connection, conference_id: UUID) -> dict[str, int]:
    return _counts(await conn.fetch(*Q.bind("count_by_status", conference_id=conference_id)))


async def count_by_category(conn: asyncpg.Connection, conference_id: UUID) -> dict[str, int]:
    return _counts(await conn.fetch(*Q.bind("count_by_category", conference_id=conference_id)))


async def count_by_country(conn: asyncpg.Connection, conference_id: UUID) -> dict[str, int]:
    return _counts(await conn.fetch(*Q.bind("count_by_country", conference_id=conference_id)))


async def count_by_delegation(conn: asyncpg.Connection, conference_id: UUID
                              ) -> list[tuple[DelegationRef, int]]:
    rows = await conn.fetch(*Q.bind("count_by_delegation", conference_id=conference_id))
    return [(DelegationRef(r["id"], r["country"], r["organisation"]), r["n"]) for r in rows]


async def funnel(conn: asyncpg.Connection, conference_id: UUID) -> dict[str, int]:
    row = await conn.fetchrow(*Q.bind("funnel", conference_id=conference_id))
    assert row is not None
    return dict(row)


async def insert_release(conn: asyncpg.Connection, conference_id: UUID, now: datetime,
                         actor: str, listing: dict[str, Any]) -> asyncpg.Record:
    await conn.fetch(*Q.bind("lock_releases", conference_id=conference_id))
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind(
        "insert_release", conference_id=conference_id, now=now, actor=actor, listing=listing))
    assert row is not None
    return row


async def latest_release(conn: asyncpg.Connection, conference_id: UUID
                         ) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind("latest_release",
                                                             conference_id=conference_id))
    return row


async def set_delegation_quotas(conn: asyncpg.Connection, delegation_id: UUID,
                                quotas: dict[str, int]) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind(
        "set_delegation_quotas", delegation_id=delegation_id, quotas=quotas))
    return row


async def places_of(conn: asyncpg.Connection, ids: Sequence[UUID]
                    ) -> tuple[dict[tuple[UUID, str], int], dict[UUID, dict[str, int]]]:
    """The places the delegations' live accreditations hold, by (delegation, category), and
    each delegation's own quotas."""
    rows = await conn.fetch(*Q.bind("places_of", ids=sorted(set(ids))))
    used = {(r["delegation_id"], r["category"]): r["n"] for r in rows if r["category"]}
    quotas = {r["delegation_id"]: dict(r["delegation_quotas"] or {}) for r in rows}
    return used, quotas


async def lock_lifecycle(conn: asyncpg.Connection, slug: str) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind("lock_lifecycle", slug=slug))
    return row


async def set_lifecycle(conn: asyncpg.Connection, conference_id: UUID, values: Mapping[str, Any]
                        ) -> asyncpg.Record:
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind(
        "set_lifecycle", id=conference_id, **values))
    assert row is not None
    return row
