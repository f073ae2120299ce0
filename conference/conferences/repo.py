"""Conferences and delegations: the SQL of ``queries.sql`` and the mapping of its rows to
models. The caller (``service.py``) owns the transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg
import pycountry

from conference.conferences.domain import SessionTimes
from conference.conferences.models import (
    Conference,
    ConferenceIn,
    Delegation,
    DelegationIn,
    FocalPointView,
    Organisation,
)
from conference.db.sql import queries_beside
from conference.errors import NotFound
from conference.types import Localized

Q = queries_beside(__file__)


def conference_from_row(row: asyncpg.Record) -> Conference:
    return Conference.model_validate(
        {
            "id": row["id"],
            "slug": row["slug"],
            "title": row["title"],
            "short_name": row["short_name"],
            "privacy": row["privacy"],
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
            "quotas": row["quotas"],
            "nominations_close_at": row["nominations_close_at"],
            "changes_close_at": row["changes_close_at"],
            "vetting_required": row["vetting_required"],
            "photo_required": row["photo_required"],
            "documents_required": row["documents_required"],
            "created_at": row["created_at"],
        }
    )


async def calendar_revision(conn: asyncpg.Connection, conference_id: UUID
                            ) -> tuple[int, datetime | None]:
    """The latest revision of the details the invitations render, and when it was made
    ((0, None): never corrected; docs/calendar.md, "Corrected conference details")."""
    row = await conn.fetchrow(*Q.bind("calendar_revision", conference_id=conference_id))
    return (0, None) if row is None else (int(row["revision"]), row["changed_at"])


CALENDAR_REVISION_SQL = Q["calendar_revision"]
"""Its SQL, which the calendar consumer runs at every event: a worker prepares it when it starts
(docs/outbox.md, "Wake-up")."""


async def insert_calendar_details(conn: asyncpg.Connection, conference_id: UUID,
                                  revision: int, details: dict[str, Any]) -> None:
    """Revision ``revision`` of the details the invitations render (kept if already there)."""
    await conn.execute(*Q.bind("insert_calendar_details", conference_id=conference_id,
                               revision=revision, details=details))


async def update_conference_details(conn: asyncpg.Connection, conference_id: UUID,
                                   c: ConferenceIn) -> Conference:
    """The conference with the details ``c`` gives (conferences.service, which keeps the rest)."""
    d = c.model_dump(mode="json")
    row = await conn.fetchrow(*Q.bind("update_conference_details",
        id=conference_id, title=d["title"], short_name=d["short_name"], venue=d["venue"],
        patron=d["patron"], hosts=d["hosts"], press_opens_at=c.press_registration.opens_at,
        press_closes_at=c.press_registration.closes_at,
        press_pool_capacity=c.press_registration.pool_capacity,
        spokespersons=d["spokespersons"], organiser_email=c.organiser_email,
        privacy=d["privacy"], protocol=d["protocol"],
    ))
    assert row is not None
    return conference_from_row(row)


async def set_press_window(conn: asyncpg.Connection, slug: str, opens_at: Any, closes_at: Any
                           ) -> Conference:
    """The conference with its press registration window moved; 404 when there is none."""
    row = await conn.fetchrow(*Q.bind("set_press_window", slug=slug, opens_at=opens_at,
                                      closes_at=closes_at))
    if row is None:
        raise NotFound(f"No conference {slug!r}.")
    return conference_from_row(row)


async def insert_conference(conn: asyncpg.Connection, c: ConferenceIn) -> Conference | None:
    """The new conference, or None when the slug is taken."""
    d = c.model_dump(mode="json")
    row = await conn.fetchrow(*Q.bind("insert_conference",
        slug=c.slug, title=d["title"], venue=d["venue"], timezone=c.timezone,
        starts_on=c.starts_on, ends_on=c.ends_on, patron=d["patron"], hosts=d["hosts"],
        languages=list(c.languages), press_opens_at=c.press_registration.opens_at,
        press_closes_at=c.press_registration.closes_at,
        press_pool_capacity=c.press_registration.pool_capacity,
        security_list_deadline=c.security_list_deadline, spokespersons=d["spokespersons"],
        organiser_email=c.organiser_email, protocol=d["protocol"],
        retention_days=c.retention_days, vetting_retention_days=c.vetting_retention_days,
        quotas=c.quotas.model_dump(exclude_none=True),
        nominations_close_at=c.nominations_close_at, changes_close_at=c.changes_close_at,
        vetting_required=sorted(set(c.vetting_required)),
        photo_required=sorted(set(c.photo_required)),
        documents_required={k: sorted(set(v)) for k, v in d["documents_required"].items()},
        short_name=d["short_name"], privacy=d["privacy"],
    ))
    return conference_from_row(row) if row else None


async def find_by_slug(conn: asyncpg.Connection | asyncpg.Pool, slug: str) -> Conference | None:
    row = await conn.fetchrow(*Q.bind("conference_by_slug", slug=slug))
    return conference_from_row(row) if row else None


async def press_link_conferences(conn: asyncpg.Connection | asyncpg.Pool, now: datetime,
                                 limit: int) -> list[Conference]:
    rows = await conn.fetch(*Q.bind("press_link_conferences", now=now, limit=limit))
    return [conference_from_row(r) for r in rows]


# The three below answer 404 for a missing conference: other domains' handlers and consumers
# read conferences through them.


async def conference_by_slug(conn: asyncpg.Connection | asyncpg.Pool, slug: str) -> Conference:
    conference = await find_by_slug(conn, slug)
    if conference is None:
        raise NotFound(f"No conference {slug!r}.")
    return conference


async def share_conference(conn: asyncpg.Connection, slug: str) -> Conference:
    """The conference of ``slug``, share-locked until the transaction ends (404 when none)."""
    row = await conn.fetchrow(*Q.bind("share_conference", slug=slug))
    if row is None:
        raise NotFound(f"No conference {slug!r}.")
    return conference_from_row(row)


async def conference_by_id(conn: asyncpg.Connection, conference_id: UUID) -> Conference:
    row = await conn.fetchrow(*Q.bind("conference_by_id", conference_id=conference_id))
    if row is None:
        raise NotFound("No such conference.")
    return conference_from_row(row)


async def lock_conference(conn: asyncpg.Connection, conference_id: UUID) -> Conference:
    """The conference row, locked until the transaction ends (serialises capacity checks)."""
    row = await conn.fetchrow(*Q.bind("lock_conference", conference_id=conference_id))
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
) -> Delegation | None:
    """The new delegation, or None when the conference already has one for this country or
    organisation."""
    organisation: dict[str, Any] | None = (
        d.organisation.model_dump(mode="json") if d.organisation else None
    )
    row = await conn.fetchrow(*Q.bind("insert_delegation",
        conference_id=conference_id, kind=d.kind, country=d.country, organisation=organisation,
        focal_point_name=d.focal_point.name, focal_point_email=d.focal_point.email,
    ))
    return delegation_from_row(row) if row else None


async def delegations_of(conn: asyncpg.Connection, conference_id: UUID) -> list[Delegation]:
    return [delegation_from_row(r)
            for r in await conn.fetch(*Q.bind("delegations_of", conference_id=conference_id))]


async def update_conference_settings(conn: asyncpg.Connection, conference_id: UUID,
                                     c: ConferenceIn) -> Conference:
    """The conference with the days, zone, languages and deadlines ``c`` gives."""
    row = await conn.fetchrow(*Q.bind(
        "update_conference_settings", id=conference_id, starts_on=c.starts_on,
        ends_on=c.ends_on, timezone=c.timezone, languages=list(c.languages),
        security_list_deadline=c.security_list_deadline,
        nominations_close_at=c.nominations_close_at, changes_close_at=c.changes_close_at))
    assert row is not None
    return conference_from_row(row)


async def programme_sessions(conn: asyncpg.Connection, conference_id: UUID, *,
                             lock: bool = False) -> list[SessionTimes]:
    """The conference's sessions, cancelled ones too, in programme order; ``lock``: each locked
    until commit (their times are about to be checked or moved)."""
    bound = (Q.bind("lock_programme_sessions", conference_id=conference_id) if lock
             else Q.bind("programme_sessions", conference_id=conference_id))
    rows = await conn.fetch(*bound)
    return [SessionTimes(id=r["id"], title=Localized.model_validate(r["title"]),
                         starts_at=r["starts_at"], ends_at=r["ends_at"],
                         cancelled=r["cancelled"]) for r in rows]


async def move_session_instants(conn: asyncpg.Connection, conference_id: UUID,
                                session_id: UUID, starts_at: datetime, ends_at: datetime,
                                now: datetime) -> None:
    await conn.execute(*Q.bind("move_session_instants", conference_id=conference_id,
                               session_id=session_id, starts_at=starts_at, ends_at=ends_at,
                               now=now))


async def programme_published(conn: asyncpg.Connection, conference_id: UUID) -> bool:
    return bool(await conn.fetchval(*Q.bind("programme_published",
                                            conference_id=conference_id)))


async def press_approved(conn: asyncpg.Connection, conference_id: UUID) -> int:
    """How many journalists hold a place of the conference's press pool now."""
    return int(await conn.fetchval(*Q.bind("press_approved", conference_id=conference_id)))


async def language_in_use(conn: asyncpg.Connection, conference_id: UUID, language: str
                          ) -> dict[str, int]:
    """Accreditations, focal points and letters of the conference in ``language``."""
    row = await conn.fetchrow(*Q.bind("language_in_use", conference_id=conference_id,
                                      language=language))
    assert row is not None
    return {k: int(row[k]) for k in ("accreditations", "focal_points", "letters")}
