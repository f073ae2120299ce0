"""What the workspaces read: SQL in, values out. The workspaces write only their own table (the
press office's reason templates, through ``service.py``); every other write goes through the
domains' use-cases."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Any
from uuid import UUID

import asyncpg

from conference.accreditation.lookup import from_row
from conference.accreditation.models import Accreditation
from conference.db.sql import queries_beside
from conference.workspaces import domain
from conference.workspaces.domain import ReasonTemplate

Q = queries_beside(__file__)


async def delegation_by_portal_slug(conn: asyncpg.Connection, slug: str) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("delegation_by_portal_slug", slug=slug)
    )
    return row


async def members_of(conn: asyncpg.Connection, delegation_id: UUID) -> list[Accreditation]:
    return [
        from_row(r)
        for r in await conn.fetch(*Q.bind("members_of_delegation", delegation_id=delegation_id))
    ]


async def member_badges(conn: asyncpg.Connection, delegation_id: UUID
                        ) -> dict[UUID, domain.MemberBadge]:
    """Each approved member's badge as the portal's list says it (``domain.member_badge``),
    left out where the security service's refusal or request says it instead."""
    said = {}
    for r in await conn.fetch(*Q.bind("member_badges_of_delegation",
                                      delegation_id=delegation_id)):
        badge = domain.member_badge(r["required"], r["recorded"], r["has_photo"], r["code"],
                                    r["printed_at"], r["collected_by"], r["collected_at"])
        if badge is not None:
            said[r["id"]] = badge
    return said


async def letters_of(
    conn: asyncpg.Connection, delegation_id: UUID, conference_id: UUID, focal_point_email: str,
    *, page_size: int, skip: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """A page of the delegation's letters, newest first, and how many there are."""
    rows = await conn.fetch(
        *Q.bind(
            "letters_of_delegation",
            delegation_id=delegation_id,
            conference_id=conference_id,
            focal_point_email=focal_point_email,
            page_size=page_size,
            skip=skip,
        )
    )
    return [dict(r) for r in rows], (rows[0]["total"] if rows else 0)


async def press_applications(conn: asyncpg.Connection, conference_id: UUID,
                             ids: Collection[UUID]) -> list[Accreditation]:
    """The conference's press applications among ``ids``: what a batch reads of the
    applications ticked (at most a page of them), not every application of the conference."""
    if not ids:
        return []
    rows = await conn.fetch(*Q.bind("press_applications", conference_id=conference_id,
                                    ids=list(ids)))
    return [from_row(r) for r in rows]


async def press_queue_page(
    conn: asyncpg.Connection,
    conference_id: UUID,
    *,
    statuses: Collection[str] | None,
    role: str | None,
    country: str | None,
    day: date | None,
    search: str | None,
    code: str | None,
    page_size: int | None,
    skip: int,
    undelivered: bool = False,
) -> tuple[list[Accreditation], int]:
    """One page of the press queue (``page_size`` None: every row), and how many match in all;
    ``code``: a badge's short reference in its stored form, searched beside ``search``;
    ``undelivered``: only the applications a letter to the journalist of failed."""
    rows = await conn.fetch(
        *Q.bind(
            "press_queue",
            conference_id=conference_id,
            statuses=None if statuses is None else list(statuses),
            role=role,
            country=country,
            day=day,
            undelivered=undelivered,
            search=search,
            code=code,
            page_size=page_size,
            skip=skip,
        )
    )
    return [from_row(r) for r in rows], (rows[0]["total"] if rows else 0)


async def press_undelivered(conn: asyncpg.Connection, conference_id: UUID,
                            ids: Collection[UUID] | None) -> dict[UUID, list[dict[str, Any]]]:
    """The letters to the journalist that did not arrive, by application, of the conference's
    press applications among ``ids`` (None: every one), oldest first: ``template``,
    ``created_at``, ``last_error``, ``attempts``, ``parked``, and the application's ``status``
    (``queries.sql``, press_undelivered)."""
    rows = await conn.fetch(*Q.bind("press_undelivered", conference_id=conference_id,
                                    ids=None if ids is None else list(ids)))
    found: dict[UUID, list[dict[str, Any]]] = {}
    for r in rows:
        found.setdefault(r["accreditation_id"], []).append(dict(r))
    return found


async def press_short_references(conn: asyncpg.Connection, ids: Collection[UUID]
                                 ) -> dict[UUID, str]:
    """The stored short reference of the current badge of each approved application of
    ``ids``."""
    rows = await conn.fetch(*Q.bind("press_short_references", ids=list(ids)))
    return {r["id"]: r["code"] for r in rows}


async def information_requests(conn: asyncpg.Connection, conference_id: UUID,
                               ids: Collection[UUID]
                               ) -> dict[UUID, tuple[datetime, datetime | None]]:
    """When more information was last asked of each of the applications ``ids`` under review,
    and when the applicant answered it since (None: not yet)."""
    rows = await conn.fetch(*Q.bind("information_requests", conference_id=conference_id,
                                    ids=list(ids)))
    return {r["id"]: (r["asked_at"], r["answered_at"]) for r in rows}


async def press_counts(conn: asyncpg.Connection, conference_id: UUID) -> dict[str, int]:
    return {
        r["status"]: r["n"]
        for r in await conn.fetch(*Q.bind("press_counts", conference_id=conference_id))
    }


async def press_countries(conn: asyncpg.Connection, conference_id: UUID) -> set[str]:
    return {r["press_country"] for r in await conn.fetch(
        *Q.bind("press_countries", conference_id=conference_id))}


async def console_counts(conn: asyncpg.Connection, conference_id: UUID) -> dict[str, Any]:
    row = await conn.fetchrow(*Q.bind("console_counts", conference_id=conference_id))
    assert row is not None
    return dict(row)


async def participant_candidates(
    conn: asyncpg.Connection, conference_id: UUID, session_id: UUID, search: str
) -> list[dict[str, Any]]:
    rows = await conn.fetch(*Q.bind("participant_candidates", conference_id=conference_id,
                                    session_id=session_id, search=search))
    return [dict(r) for r in rows]


async def session_participant_names(
    conn: asyncpg.Connection, session_id: UUID
) -> list[dict[str, Any]]:
    rows = await conn.fetch(*Q.bind("session_participant_names", session_id=session_id))
    return [dict(r) for r in rows]


async def audience_overlaps(conn: asyncpg.Connection, session_id: UUID
                            ) -> list[dict[str, Any]]:
    rows = await conn.fetch(*Q.bind("audience_overlaps", session_id=session_id))
    return [dict(r) for r in rows]


async def holds_session_invitation(
    conn: asyncpg.Connection, session_id: UUID, accreditation_id: UUID
) -> bool:
    held: bool = await conn.fetchval(*Q.bind("holds_session_invitation", session_id=session_id,
                                             accreditation_id=accreditation_id))
    return held


async def clearance_refused_on_stage(
    conn: asyncpg.Connection, conference_id: UUID
) -> list[dict[str, Any]]:
    """Chairs and speakers of sessions still on the programme whose clearance was refused."""
    rows = await conn.fetch(*Q.bind("clearance_refused_on_stage", conference_id=conference_id))
    return [dict(r) for r in rows]


async def accreditation_names(
    conn: asyncpg.Connection, conference_id: UUID, ids: Collection[UUID]
) -> dict[UUID, tuple[str, str | None]]:
    """"Given Family" of each of these accreditations of the conference (not erased), and of
    the member a substitute replaced (None for anyone else)."""
    if not ids:
        return {}
    rows = await conn.fetch(*Q.bind("accreditation_names", conference_id=conference_id,
                                    ids=list(ids)))
    return {r["id"]: (f"{r['given_name']} {r['family_name']}",
                      f"{r['replaced_given_name']} {r['replaced_family_name']}"
                      if r["replaced_family_name"] is not None else None) for r in rows}


# --- the press office's reason templates -------------------------------------------------------


def _reason(row: asyncpg.Record) -> ReasonTemplate:
    return ReasonTemplate(id=row["id"], text_fr=row["text_fr"], text_en=row["text_en"],
                          default_key=row["default_key"])


async def seed_press_reasons(conn: asyncpg.Connection, conference_id: UUID,
                             defaults: dict[str, dict[str, str]], now: datetime) -> None:
    rows = [{"key": k, "fr": v["fr"], "en": v["en"], "n": n}
            for n, (k, v) in enumerate(defaults.items())]
    await conn.execute(*Q.bind("seed_press_reasons", conference_id=conference_id,
                               defaults=rows, now=now))


async def press_reasons(conn: asyncpg.Connection, conference_id: UUID) -> list[ReasonTemplate]:
    return [_reason(r) for r in await conn.fetch(*Q.bind("press_reasons",
                                                         conference_id=conference_id))]


async def press_reason(conn: asyncpg.Connection, conference_id: UUID, reason_id: UUID
                       ) -> ReasonTemplate | None:
    row = await conn.fetchrow(*Q.bind("press_reason", conference_id=conference_id,
                                      reason_id=reason_id))
    return _reason(row) if row else None


async def insert_press_reason(conn: asyncpg.Connection, conference_id: UUID, reason_id: UUID,
                              text_fr: str, text_en: str, now: datetime) -> ReasonTemplate:
    row = await conn.fetchrow(*Q.bind("insert_press_reason", conference_id=conference_id,
                                      reason_id=reason_id, text_fr=text_fr, text_en=text_en,
                                      now=now))
    assert row is not None
    return _reason(row)


async def update_press_reason(conn: asyncpg.Connection, conference_id: UUID, reason_id: UUID,
                              text_fr: str, text_en: str, now: datetime
                              ) -> ReasonTemplate | None:
    row = await conn.fetchrow(*Q.bind("update_press_reason", conference_id=conference_id,
                                      reason_id=reason_id, text_fr=text_fr, text_en=text_en,
                                      now=now))
    return _reason(row) if row else None


async def remove_press_reason(conn: asyncpg.Connection, conference_id: UUID, reason_id: UUID,
                              now: datetime) -> bool:
    return await conn.fetchval(*Q.bind("remove_press_reason", conference_id=conference_id,
                                       reason_id=reason_id, now=now)) is not None


async def console_accreditations(
    conn: asyncpg.Connection,
    conference_id: UUID,
    *,
    category: str | None,
    status: str | None,
    delegation_id: UUID | None,
    search: str | None,
    page_size: int,
    skip: int,
    code: str | None = None,
) -> tuple[list[Accreditation], int]:
    """One page of the console's list of accreditations, and how many match in all; ``code``:
    a badge's short reference the search may be (stored form)."""
    rows = await conn.fetch(
        *Q.bind(
            "console_accreditations",
            conference_id=conference_id,
            category=category,
            status=status,
            delegation_id=delegation_id,
            search=search,
            code=code,
            page_size=page_size,
            skip=skip,
        )
    )
    return [from_row(r) for r in rows], (rows[0]["total"] if rows else 0)


async def console_delegations(conn: asyncpg.Connection, conference_id: UUID
                              ) -> list[dict[str, Any]]:
    rows = await conn.fetch(*Q.bind("console_delegations", conference_id=conference_id))
    return [dict(r) for r in rows]


async def console_delegation_members(conn: asyncpg.Connection, conference_id: UUID
                                     ) -> list[Accreditation]:
    return [
        from_row(r)
        for r in await conn.fetch(*Q.bind("console_delegation_members",
                                          conference_id=conference_id))
    ]


async def conferences_to_manage(conn: asyncpg.Connection, every: bool,
                                ids: list[UUID]) -> list[dict[str, Any]]:
    rows = await conn.fetch(*Q.bind("conferences_to_manage", every=every, ids=ids))
    return [dict(r) for r in rows]


async def conference_staff(conn: asyncpg.Connection, conference_id: UUID
                           ) -> list[dict[str, Any]]:
    rows = await conn.fetch(*Q.bind("conference_staff", conference_id=conference_id))
    return [dict(r) for r in rows]


async def open_visa_letter(conn: asyncpg.Connection, accreditation_id: UUID
                           ) -> asyncpg.Record | None:
    """The person's open visa letter (status, number), if any (``queries.sql``)."""
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("open_visa_letter", accreditation_id=accreditation_id))
    return row


async def participant_places(conn: asyncpg.Connection, accreditation_id: UUID
                             ) -> list[tuple[dict[str, str], str]]:
    """(title, role) of each session the member is on as a participant (``queries.sql``,
    participant_places)."""
    rows = await conn.fetch(*Q.bind("participant_places", accreditation_id=accreditation_id))
    return [(dict(r["title"]), r["role"]) for r in rows]


async def royal_places(conn: asyncpg.Connection, conference_id: UUID, accreditation_id: UUID,
                       category: str) -> list[tuple[dict[str, str], str | None]]:
    """(title, role or None for the audience) of each royal-presence session whose security
    list the member's place is on (``queries.sql``, royal_places)."""
    rows = await conn.fetch(*Q.bind("royal_places", conference_id=conference_id,
                                    accreditation_id=accreditation_id, category=category))
    return [(dict(r["title"]), r["role"]) for r in rows]


async def vetting_person(conn: asyncpg.Connection, conference_id: UUID,
                         accreditation_id: UUID) -> asyncpg.Record | None:
    """The person the security page lists with this id, or None (``queries.sql``,
    vetting_person)."""
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind(
        "vetting_person", conference_id=conference_id, accreditation_id=accreditation_id))
    return row
