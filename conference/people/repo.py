"""People, grants, links and sessions: SQL in, values out. The caller owns the transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import asyncpg

from conference.db.sql import queries_beside
from conference.mail.wording import Named, sender_name
from conference.people.domain import (
    LINK_LIFETIME,
    SESSION_IDLE,
    Grant,
    delegation_places,
    delegation_slug,
    link_expires,
)
from conference.protocol.countries import country_name
from conference.types import Localized

Q = queries_beside(__file__)


async def upsert_person(
    conn: asyncpg.Connection, email: str, name: str, language: str
) -> asyncpg.Record:
    row = await conn.fetchrow(
        *Q.bind("upsert_person", email=email, full_name=name, language=language)
    )
    assert row is not None  # INSERT … ON CONFLICT DO UPDATE … RETURNING always returns it
    return row


async def insert_grant(
    conn: asyncpg.Connection,
    person_id: UUID,
    role: str,
    conference_id: UUID | None,
    delegation_id: UUID | None = None,
) -> bool:
    """True when the grant is new."""
    new = await conn.fetchval(
        *Q.bind(
            "insert_grant",
            person_id=person_id,
            role=role,
            conference_id=conference_id,
            delegation_id=delegation_id,
        )
    )
    return new is not None


async def person_by_id(
    conn: asyncpg.Connection | asyncpg.Pool, person_id: UUID
) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind("person_by_id", person_id=person_id))
    return row


async def person_by_email(conn: asyncpg.Connection, email: str) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind("person_by_email", email=email))
    return row


async def focal_points_of_delegation(conn: asyncpg.Connection, delegation_id: UUID
                                     ) -> list[asyncpg.Record]:
    """The delegation's focal points (name, email, language), first granted first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        *Q.bind("focal_points_of_delegation", delegation_id=delegation_id))
    return rows


async def focal_point_grants_of_conference(conn: asyncpg.Connection, conference_id: UUID
                                          ) -> list[asyncpg.Record]:
    """Every focal point grant of the conference's delegations (person_id, delegation_id)."""
    rows: list[asyncpg.Record] = await conn.fetch(
        *Q.bind("focal_point_grants_of_conference", conference_id=conference_id))
    return rows


async def focal_point_addresses_of_conference(conn: asyncpg.Connection, conference_id: UUID
                                             ) -> list[asyncpg.Record]:
    """Every focal point of the conference's delegations (delegation_id, email in lower case,
    language)."""
    rows: list[asyncpg.Record] = await conn.fetch(
        *Q.bind("focal_point_addresses_of_conference", conference_id=conference_id))
    return rows


def _grant(row: asyncpg.Record, language: str) -> Grant:
    slug = row["conference_slug"]
    delegation: dict[str, Any] = {}
    if row["delegation_id"] is not None:
        country = row["country"]
        delegation = {
            "delegation_id": row["delegation_id"],
            "delegation_country": country,
            "delegation_slug": delegation_slug(slug, country, row["delegation_id"]),
            "delegation_name": country_name(country, language)
            if country
            else row["organisation_name"],
        }
    name = row["conference_name"]
    names = tuple(sorted((k, str(v)) for k, v in name.items())) if isinstance(name, dict) else ()
    return Grant(row["role"], row["conference_id"], slug, **delegation, conference_names=names)


async def grants_of(
    conn: asyncpg.Connection | asyncpg.Pool, person_id: UUID, language: str
) -> list[Grant]:
    return [
        _grant(r, language) for r in await conn.fetch(*Q.bind("grants_of", person_id=person_id))
    ]


async def insert_link(
    conn: asyncpg.Connection, token_hash: bytes, person_id: UUID, now: datetime,
    lifetime: timedelta = LINK_LIFETIME,
) -> None:
    await conn.execute(
        *Q.bind(
            "insert_link",
            token_hash=token_hash,
            person_id=person_id,
            created_at=now,
            expires_at=link_expires(now, lifetime),
        )
    )


async def usable_link(
    conn: asyncpg.Connection | asyncpg.Pool, token_hash: bytes, now: datetime
) -> str | None:
    """The language of the link's person, if the link can still be spent."""
    language: str | None = await conn.fetchval(
        *Q.bind("usable_link", token_hash=token_hash, now=now)
    )
    return language


async def spend_link(conn: asyncpg.Connection, token_hash: bytes, now: datetime) -> UUID | None:
    person: UUID | None = await conn.fetchval(*Q.bind("spend_link", token_hash=token_hash, now=now))
    return person


async def insert_session(
    conn: asyncpg.Connection, id_hash: bytes, person_id: UUID, now: datetime
) -> None:
    await conn.execute(*Q.bind("insert_session", id_hash=id_hash, person_id=person_id, now=now))


async def touch_session(
    conn: asyncpg.Connection | asyncpg.Pool, id_hash: bytes, now: datetime
) -> UUID | None:
    person: UUID | None = await conn.fetchval(
        *Q.bind("touch_session", id_hash=id_hash, now=now, idle_since=now - SESSION_IDLE)
    )
    return person


async def end_session(
    conn: asyncpg.Connection | asyncpg.Pool, id_hash: bytes, now: datetime
) -> None:
    await conn.execute(*Q.bind("end_session", id_hash=id_hash, now=now))


async def conference_of_delegation(conn: asyncpg.Connection, delegation_id: UUID) -> UUID | None:
    cid: UUID | None = await conn.fetchval(
        *Q.bind("conference_of_delegation", delegation_id=delegation_id)
    )
    return cid


async def conference_id_by_slug(conn: asyncpg.Connection, slug: str) -> UUID | None:
    conference_id: UUID | None = await conn.fetchval(*Q.bind("conference_id_by_slug", slug=slug))
    return conference_id


@dataclass(frozen=True)
class _Named:
    title: Localized
    short_name: Localized | None


async def conference_sender(conn: asyncpg.Connection, conference_id: UUID, language: str
                            ) -> tuple[str, str, str, str, Named] | None:
    """The organisers' address, the conference's name as a sender (its short name, else its
    title, on one line), its title in ``language`` (single spaces), its time zone, and its
    names as the letters' subjects read them (``mail.wording``)."""
    row = await conn.fetchrow(*Q.bind("conference_sender", conference_id=conference_id))
    if row is None:
        return None
    named = _Named(title=Localized.model_validate(row["title"]),
                   short_name=(Localized.model_validate(row["short_name"])
                               if row["short_name"] else None))
    title = " ".join(named.title.get(language).split())
    return (row["organiser_email"], sender_name(named, language), title, row["timezone"],
            named)


@dataclass(frozen=True)
class DelegationTerms:
    """What a focal point's welcome tells of their delegation: the deadlines set (None when
    left open) and its places by capped category, in the portal's order."""

    nominations_close_at: datetime | None
    changes_close_at: datetime | None
    places: list[tuple[str, int]]


async def delegation_terms(conn: asyncpg.Connection, delegation_id: UUID
                           ) -> DelegationTerms | None:
    """Read when the welcome is written (the values of that moment), None for no delegation."""
    row = await conn.fetchrow(*Q.bind("delegation_terms", delegation_id=delegation_id))
    if row is None:
        return None
    return DelegationTerms(row["nominations_close_at"], row["changes_close_at"],
                           delegation_places(row["delegation_quotas"], row["conference_quotas"]))
