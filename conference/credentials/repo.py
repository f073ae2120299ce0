"""Photos, documents and visa letters: SQL and row mapping only (queries in ``queries.sql``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from conference.credentials.domain import Photo
from conference.credentials.models import VisaLetter
from conference.db.sql import queries_beside

Q = queries_beside(__file__)

_LETTER_FIELDS = frozenset(VisaLetter.model_fields)


def letter_from_row(row: asyncpg.Record | None) -> VisaLetter:
    assert row is not None, "the row was locked and written by this transaction"
    return VisaLetter.model_validate({k: v for k, v in row.items() if k in _LETTER_FIELDS})


async def save_photo(conn: asyncpg.Connection, accreditation_id: UUID, photo: Photo,
                     now: datetime, actor: str) -> None:
    """An upload: the photo and the photo as sent kept beside it (or none), both replaced."""
    source = photo.source
    await conn.execute(*Q.bind(
        "save_photo", accreditation_id=accreditation_id, data=photo.data, width=photo.width,
        height=photo.height, now=now, actor=actor,
        source=source.data if source else None, source_width=source.width if source else None,
        source_height=source.height if source else None, **_box(photo)))


def _box(photo: Photo) -> dict[str, int | None]:
    box = photo.box
    return {"crop_x": box.x if box else None, "crop_y": box.y if box else None,
            "crop_width": box.width if box else None}


async def save_cropped_photo(conn: asyncpg.Connection, accreditation_id: UUID, photo: Photo,
                             now: datetime, actor: str) -> None:
    """A crop: the photo and its box replaced, the photo as sent kept."""
    await conn.execute(*Q.bind("save_cropped_photo", accreditation_id=accreditation_id,
                               data=photo.data, width=photo.width, height=photo.height,
                               now=now, actor=actor, **_box(photo)))


async def photo_of(conn: asyncpg.Connection, accreditation_id: UUID) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("photo_of", accreditation_id=accreditation_id))
    return row


async def photo_size_of(conn: asyncpg.Connection, accreditation_id: UUID
                        ) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("photo_size_of", accreditation_id=accreditation_id))
    return row


async def photo_source_of(conn: asyncpg.Connection, accreditation_id: UUID) -> bytes | None:
    """The image the crop step cuts from (the photo as sent, else the photo), locked."""
    data: bytes | None = await conn.fetchval(
        *Q.bind("photo_source_of", accreditation_id=accreditation_id))
    return data


async def save_document(conn: asyncpg.Connection, accreditation_id: UUID, kind: str,
                        content_type: str, data: bytes, now: datetime, actor: str) -> None:
    await conn.execute(*Q.bind("save_document", accreditation_id=accreditation_id, kind=kind,
                               content_type=content_type, data=data, now=now, actor=actor))


async def vetting_purged(conn: asyncpg.Connection, conference_id: UUID) -> bool:
    return bool(await conn.fetchval(*Q.bind("vetting_purged", conference_id=conference_id)))


async def document_of(conn: asyncpg.Connection, accreditation_id: UUID, kind: str
                      ) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("document_of", accreditation_id=accreditation_id, kind=kind))
    return row


async def template_of(conn: asyncpg.Connection, conference_id: UUID) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("template_of", conference_id=conference_id))
    return row


async def save_template(conn: asyncpg.Connection, conference_id: UUID, values: dict[str, Any]
                        ) -> None:
    await conn.execute(*Q.bind_record("save_template",
                                      {**values, "conference_id": conference_id}))


async def take_number(conn: asyncpg.Connection, conference_id: UUID, defaults: dict[str, Any]
                      ) -> asyncpg.Record:
    row = await conn.fetchrow(
        *Q.bind_record("take_number", {**defaults, "conference_id": conference_id}))
    assert row is not None  # an upsert returns its row
    return row


async def insert_letter(conn: asyncpg.Connection, values: dict[str, Any]) -> VisaLetter:
    row = await conn.fetchrow(*Q.bind_record("insert_letter", values))
    return letter_from_row(row)


async def open_letter_of(conn: asyncpg.Connection, accreditation_id: UUID
                         ) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("open_letter_of", accreditation_id=accreditation_id))
    return row


async def last_letter_of(conn: asyncpg.Connection, accreditation_id: UUID
                         ) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("last_letter_of", accreditation_id=accreditation_id))
    return row


async def closed_letter_of(conn: asyncpg.Connection, accreditation_id: UUID, reason: str
                           ) -> UUID | None:
    found: UUID | None = await conn.fetchval(
        *Q.bind("closed_letter_of", accreditation_id=accreditation_id, reason=reason))
    return found


async def letter_row(conn: asyncpg.Connection, letter_id: UUID, *, lock: bool = False
                     ) -> asyncpg.Record | None:
    query = Q.bind("lock_letter", id=letter_id) if lock else Q.bind("letter_by_id", id=letter_id)
    row: asyncpg.Record | None = await conn.fetchrow(*query)
    return row


async def lock_holder(conn: asyncpg.Connection, letter_id: UUID) -> str | None:
    """Share-lock the accreditation of a letter (before the letter: the one lock order) and
    answer its status; None for an unknown letter."""
    status: str | None = await conn.fetchval(*Q.bind("lock_holder", id=letter_id))
    return status


async def lock_accreditation(conn: asyncpg.Connection, accreditation_id: UUID) -> str | None:
    """Share-lock an accreditation (before its letters) and answer its status."""
    status: str | None = await conn.fetchval(*Q.bind("lock_accreditation", id=accreditation_id))
    return status


async def lock_open_letters(conn: asyncpg.Connection, accreditation_id: UUID
                            ) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch(
        *Q.bind("lock_open_letters", accreditation_id=accreditation_id))
    return rows


async def event_actor(conn: asyncpg.Connection, event_id: int) -> str | None:
    actor: str | None = await conn.fetchval(*Q.bind("event_actor", event_id=event_id))
    return actor


async def approve_letter(conn: asyncpg.Connection, letter_id: UUID, number: str,
                         letter: dict[str, Any], reason: str | None, now: datetime, actor: str
                         ) -> VisaLetter:
    row = await conn.fetchrow(*Q.bind("approve_letter", id=letter_id, number=number,
                                      letter=letter, reason=reason, now=now, actor=actor))
    return letter_from_row(row)


async def refuse_letter(conn: asyncpg.Connection, letter_id: UUID, reason: str | None,
                        now: datetime, actor: str) -> VisaLetter:
    row = await conn.fetchrow(*Q.bind("refuse_letter", id=letter_id, reason=reason, now=now,
                                      actor=actor))
    return letter_from_row(row)


async def cancel_letter(conn: asyncpg.Connection, letter_id: UUID, reason: str, now: datetime
                        ) -> VisaLetter:
    row = await conn.fetchrow(*Q.bind("cancel_letter", id=letter_id, reason=reason, now=now))
    return letter_from_row(row)


async def letter_by_number(conn: asyncpg.Connection, number: str) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind("letter_by_number", number=number))
    return row


async def personal_credentials(conn: asyncpg.Connection, accreditation_id: UUID
                               ) -> list[dict[str, Any]]:
    """The person's export section: the photo and documents held (not their bytes) and the
    visa letters."""
    rows = await conn.fetch(*Q.bind("credentials_of", accreditation_id=accreditation_id))
    return [{k: v for k, v in r.items() if v is not None} for r in rows]


async def photos_of(conn: asyncpg.Connection, ids: list[UUID]) -> dict[UUID, bytes]:
    """The stored photos (JPEG) of the people given who have one; read by badges to print."""
    rows = await conn.fetch(*Q.bind("photos_of", ids=ids))
    return {r["accreditation_id"]: bytes(r["data"]) for r in rows}


async def clearance_of(conn: asyncpg.Connection, accreditation_id: UUID
                       ) -> asyncpg.Record | None:
    """``required`` (the category needs clearance) and ``recorded`` (the status set, or None)
    of one person; read by badges before a badge is issued, printed or admitted."""
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("clearance_of", accreditation_id=accreditation_id))
    return row


async def identity_of(conn: asyncpg.Connection, accreditation_id: UUID
                      ) -> asyncpg.Record | None:
    """The identity document checked and the latest visa letter request (``queries.sql``,
    identity_of)."""
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("identity_of", accreditation_id=accreditation_id))
    return row


async def clearance_set_by(conn: asyncpg.Connection, accreditation_id: UUID) -> str | None:
    """The role that recorded the current clearance status, or None (``queries.sql``,
    clearance_set_by)."""
    by: str | None = await conn.fetchval(*Q.bind("clearance_set_by",
                                                 accreditation_id=str(accreditation_id)))
    return by


async def set_vetting_status(conn: asyncpg.Connection, accreditation_id: UUID, status: str,
                             reason: str | None, now: datetime, actor: str) -> None:
    await conn.execute(*Q.bind("set_vetting_status", accreditation_id=accreditation_id,
                               status=status, reason=reason, now=now, actor=actor))


async def vetting_pending(conn: asyncpg.Connection, conference_id: UUID) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch(
        *Q.bind("vetting_pending", conference_id=conference_id))
    return rows


async def vetting_overview(conn: asyncpg.Connection, conference_id: UUID, status: str | None,
                           *, search: str | None, page_size: int, skip: int
                           ) -> tuple[list[asyncpg.Record], int]:
    """One page of the security page's list, and how many match in all."""
    rows: list[asyncpg.Record] = await conn.fetch(
        *Q.bind("vetting_overview", conference_id=conference_id, status=status, search=search,
                page_size=page_size, skip=skip))
    return rows, (rows[0]["total"] if rows else 0)


async def clearance_letter_to(conn: asyncpg.Connection, accreditation_id: UUID
                              ) -> asyncpg.Record | None:
    return await conn.fetchrow(*Q.bind("clearance_letter_to", accreditation_id=accreditation_id))


async def accreditations_of_conference(conn: asyncpg.Connection, conference_id: UUID,
                                       ids: list[UUID]) -> dict[UUID, asyncpg.Record]:
    """Those of ``ids`` that are the conference's (not erased), each with its ``status``, its
    ``vetting_status`` and ``vetting_reason``."""
    rows = await conn.fetch(*Q.bind("accreditations_of_conference", conference_id=conference_id,
                                    ids=ids))
    return {r["id"]: r for r in rows}


async def documents_held(conn: asyncpg.Connection, accreditation_id: UUID
                         ) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch(
        *Q.bind("documents_held", accreditation_id=accreditation_id))
    return rows


async def set_documents_required(conn: asyncpg.Connection, conference_id: UUID,
                                 required: dict[str, list[str]]) -> bool:
    return await conn.fetchval(*Q.bind("set_documents_required", conference_id=conference_id,
                                       documents_required=required)) is not None


async def set_photo_required(conn: asyncpg.Connection, conference_id: UUID,
                             categories: list[str]) -> list[str] | None:
    """Set the categories whose badge waits for the photo; those before, or None when there
    is no such conference."""
    row = await conn.fetchrow(*Q.bind("set_photo_required", conference_id=conference_id,
                                      photo_required=categories))
    return None if row is None else list(row["previous"])


async def letters_of_conference(conn: asyncpg.Connection, conference_id: UUID,
                                status: str | None, *, search: str | None, page_size: int,
                                skip: int) -> tuple[list[asyncpg.Record], int]:
    """One page of protocol's list of visa letters, and how many match in all."""
    rows: list[asyncpg.Record] = await conn.fetch(
        *Q.bind("letters_of_conference", conference_id=conference_id, status=status,
                search=search, page_size=page_size, skip=skip))
    return rows, (rows[0]["total"] if rows else 0)


async def clearance_notice(conn: asyncpg.Connection, accreditation_id: UUID, event_id: int
                           ) -> asyncpg.Record | None:
    """The person a clearance letter is about, their delegation's focal point, the status
    recorded now and the reason of the event ``event_id``; None without such accreditation."""
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind(
        "clearance_notice", accreditation_id=accreditation_id, event_id=event_id))
    return row


async def clearance_refused_among(conn: asyncpg.Connection, ids: list[UUID]) -> set[UUID]:
    """Those of ``ids`` whose security clearance was refused."""
    rows = await conn.fetch(*Q.bind("clearance_refused_among", ids=ids))
    return {r["accreditation_id"] for r in rows}


async def clearance_asked_among(conn: asyncpg.Connection, ids: list[UUID]) -> set[UUID]:
    """Those of ``ids`` for whom the security service asked more information (the status
    alone: the portal's list of members says it, never the reason)."""
    rows = await conn.fetch(*Q.bind("clearance_asked_among", ids=ids))
    return {r["accreditation_id"] for r in rows}
