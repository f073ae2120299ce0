"""Conferences and delegations: SQL in, models out. The caller owns the transaction."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import asyncpg
import pycountry

from conference.conferences.models import (
    Conference,
    ConferenceIn,
    Delegation,
    DelegationIn,
    FocalPointView,
    Organisation,
)
from conference.db.sql import queries_beside
from conference.errors import Duplicate, NotFound

Q = queries_beside(__file__)


def conference_from_row(row: asyncpg.Record) -> Conference:
    return Conference.model_validate(
        {
            "id": row["id"],
            "slug": row["slug"],
            "title": row["title"],
            "venue": row["venue"],
            "timezone": row["timezone"],
            "starts_on": row["starts_on"],
            "ends_on": row["ends_on"],
            "patron": row["patron"],
            "hosts": row["hosts"],
            "languages": row["languages"],
            "press_registration": {
                "opens_at": row["press_opens_at"],
                "closes_at": row["press_closes_at"],
                "pool_capacity": row["press_pool_capacity"],
            },
            "security_list_deadline": row["security_list_deadline"],
            "spokespersons": row["spokespersons"],
            "organiser_email": row["organiser_email"],
            "protocol": row["protocol"],
            "retention_days": row["retention_days"],
            "vetting_retention_days": row["vetting_retention_days"],
            "created_at": row["created_at"],
        }
    )


async def insert_conference(conn: asyncpg.Connection, c: ConferenceIn) -> Conference:
    d = c.model_dump(mode="json")
    row = await conn.fetchrow(
        Q["insert_conference"], c.slug, d["title"], d["venue"], c.timezone, c.starts_on,
        c.ends_on, d["patron"], d["hosts"], list(c.languages),
        c.press_registration.opens_at, c.press_registration.closes_at,
        c.press_registration.pool_capacity, c.security_list_deadline, d["spokespersons"],
        c.organiser_email, d["protocol"], c.retention_days, c.vetting_retention_days,
    )
    if row is None:
        raise Duplicate(f"A conference with slug {c.slug!r} already exists.", field="slug")
    return conference_from_row(row)


async def conference_by_slug(conn: asyncpg.Connection | asyncpg.Pool, slug: str) -> Conference:
    row = await conn.fetchrow(Q["conference_by_slug"], slug)
    if row is None:
        raise NotFound(f"No conference {slug!r}.")
    return conference_from_row(row)


async def conference_by_id(conn: asyncpg.Connection, conference_id: UUID) -> Conference:
    row = await conn.fetchrow(Q["conference_by_id"], conference_id)
    if row is None:
        raise NotFound("No such conference.")
    return conference_from_row(row)


async def lock_conference(conn: asyncpg.Connection, conference_id: UUID) -> Conference:
    """The conference row, locked until the transaction ends (serialises capacity checks)."""
    row = await conn.fetchrow(Q["lock_conference"], conference_id)
    if row is None:
        raise NotFound("No such conference.")
    return conference_from_row(row)


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or country.name) if country else code


def delegation_from_row(row: asyncpg.Record) -> Delegation:
    organisation = Organisation.model_validate(row["organisation"]) if row["organisation"] else None
    name = organisation.name if organisation else country_name(row["country"])
    return Delegation(
        id=row["id"],
        kind=row["kind"],
        country=row["country"],
        organisation=organisation,
        name=name,
        focal_point=FocalPointView(name=row["focal_point_name"], email=row["focal_point_email"]),
        created_at=row["created_at"],
    )


async def insert_delegation(
    conn: asyncpg.Connection, conference_id: UUID, d: DelegationIn
) -> Delegation:
    organisation: dict[str, Any] | None = (
        d.organisation.model_dump(mode="json") if d.organisation else None
    )
    row = await conn.fetchrow(
        Q["insert_delegation"], conference_id, d.kind, d.country, organisation,
        d.focal_point.name, d.focal_point.email,
    )
    if row is None:
        what = d.country or (d.organisation.name if d.organisation else "")
        raise Duplicate(f"This conference already has a delegation for {what}.",
                        field="country" if d.country else "organisation.name")
    return delegation_from_row(row)


async def delegations_of(conn: asyncpg.Connection, conference_id: UUID) -> list[Delegation]:
    return [delegation_from_row(r) for r in await conn.fetch(Q["delegations_of"], conference_id)]


async def delegation_by_id(conn: asyncpg.Connection, delegation_id: UUID) -> Delegation | None:
    row = await conn.fetchrow(Q["delegation_by_id"], delegation_id)
    return delegation_from_row(row) if row else None
