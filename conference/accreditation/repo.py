"""Accreditations: the SQL of ``queries.sql`` and the mapping of its rows to models.

No rule lives here: who may do what and which change is legal are in ``domain.py``, and the
use-cases that combine them (and own the transaction) in ``service.py``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from conference.accreditation import domain
from conference.accreditation.domain import (
    PressPerson,
    Status,
    closing,
    may_read_clearance_reason,
    show_short_reference,
)
from conference.accreditation.domain import check_may_read as check_may_read  # badges reads it
from conference.accreditation.models import (
    Accreditation,
    AccreditationCreated,
    AccreditationIn,
    HistoryEntry,
    PressDetails,
)
from conference.auth import Principal
from conference.db.sql import queries_beside
from conference.outbox.events import Payload

Q = queries_beside(__file__)


def _fields(row: asyncpg.Record) -> dict[str, Any]:
    press = None
    if row["category"] == "press" and row["press_outlet"] is not None:
        press = PressDetails(
            outlet=row["press_outlet"], press_card_number=row["press_card_number"],
            role=row["press_role"], country=row["press_country"],
        )
    return {
        "id": row["id"], "conference": row["conference_slug"], "category": row["category"],
        "status": row["status"], "given_name": row["given_name"],
        "family_name": row["family_name"], "email": row["email"], "language": row["language"],
        "gender": row["gender"], "salutation": row["salutation"], "press": press,
        "delegation_id": row["delegation_id"],
        "rank": row["rank"], "function": row["function"],
        "function_fr": row["function_fr"], "function_en": row["function_en"],
        "in_office_since": row["in_office_since"], "submitted_at": row["submitted_at"],
        "decided_at": row["decided_at"],
    }


def from_row(row: asyncpg.Record, history: list[HistoryEntry] | None = None) -> Accreditation:
    return Accreditation(**_fields(row), history=history)


def created_from_row(
    row: asyncpg.Record, *, access_token: str, warnings: list[str]
) -> AccreditationCreated:
    return AccreditationCreated(**_fields(row), access_token=access_token, warnings=warnings)


async def conference_exists(conn: asyncpg.Connection, slug: str) -> bool:
    return await conn.fetchval(*Q.bind("conference_exists", slug=slug)) is not None


def register_values(
    slug: str, a: AccreditationIn, *, accreditation_id: UUID, now: datetime,
    window_exempt: bool, actor: str, event_type: str, payload: dict[str, Any],
    token_hash: bytes, history: list[dict[str, Any]] | None = None,
    answer_token_hash: bytes | None = None,
) -> dict[str, Any]:
    """The values of one application for ``register`` (or ``register_many``), by name;
    ``answer_token_hash`` when the token the answer carries is to stay valid beside the letters'
    (an API self-registration: docs/privacy.md, "Tokens and secrets")."""
    press = a.press
    return {
        "slug": slug, "category": a.category.value, "given_name": a.given_name,
        "family_name": a.family_name, "email": a.email, "language": a.language,
        "gender": a.gender, "salutation": a.salutation,
        "press_outlet": press.outlet if press else None,
        "press_card_number": press.press_card_number if press else None,
        "press_role": press.role.value if press else None,
        "press_country": press.country if press else None,
        "delegation_id": a.delegation_id, "rank": a.rank.value if a.rank else None,
        "function": a.function, "function_fr": a.function_fr, "function_en": a.function_en,
        "in_office_since": a.in_office_since, "now": now,
        "accreditation_id": accreditation_id, "window_exempt": window_exempt, "actor": actor,
        "payload": payload, "token_hash": token_hash, "event_type": event_type,
        "history": history, "answer_token_hash": answer_token_hash,
    }


async def register(conn: asyncpg.Connection, values: dict[str, Any]) -> asyncpg.Record | None:
    """The ``register`` statement: the row (with ``inserted``, ``press_approved``,
    ``delegation_known`` and the conference's press window), or None without such conference."""
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind("register", **values))
    return row


_JSON_FIELDS = frozenset({"payload", "history"})


async def register_many(conn: asyncpg.Connection, values: Sequence[dict[str, Any]]
                        ) -> list[asyncpg.Record | None]:
    """``register`` for several applications in one statement (``register_many``): their rows
    in the same order, None for one without such conference. Raises as ``register`` does (a
    duplicate person among them): then nothing was written."""
    columns = {name: [v[name] for v in values] for name in Q.params["register_many"]}
    for name in _JSON_FIELDS:  # jsonb elements of an array go as text, cast by the statement
        columns[name] = [None if x is None else json.dumps(x) for x in columns[name]]
    rows = await conn.fetch(*Q.bind("register_many", **columns))
    return [row if row["conference_slug"] is not None else None for row in rows]


DUPLICATE_PERSON = "accreditation_one_per_person"
"""The unique index a second current application of the same person fails ``register`` on."""


async def register_gate(conn: asyncpg.Connection, slug: str,
                        delegation_id: UUID | None) -> asyncpg.Record | None:
    """``register``'s checks alone (``inserted`` false), for a filing that failed on
    ``DUPLICATE_PERSON``; None without such conference."""
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("register_gate", slug=slug, delegation_id=delegation_id))
    return row


async def row_by_id(conn: asyncpg.Connection, accreditation_id: UUID) -> asyncpg.Record | None:
    """The accreditation's row (with ``conference_id`` and ``conference_slug``), or None."""
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("accreditation_by_id", accreditation_id=accreditation_id))
    return row


async def lock(conn: asyncpg.Connection, accreditation_id: UUID) -> asyncpg.Record | None:
    """Like ``row_by_id``, the row locked until the transaction ends."""
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("lock_accreditation", accreditation_id=accreditation_id))
    return row


async def history_of(conn: asyncpg.Connection, accreditation_id: UUID) -> list[HistoryEntry]:
    return [HistoryEntry.model_validate(dict(r))
            for r in await conn.fetch(*Q.bind("history_of", accreditation_id=accreditation_id))]


async def history_for(conn: asyncpg.Connection, accreditation_id: UUID,
                      principal: Principal | None) -> list[HistoryEntry]:
    """The history as ``principal`` may read it: a security-clearance line's reason only for
    whom ``domain.may_read_clearance_reason`` allows, a ``not_a_duplicate`` line only for
    whom ``domain.may_read_duplicate_check`` allows, a substitution's reason only for whom
    ``domain.may_read_substitution_reason`` allows, a correction's why only for whom
    ``domain.may_read_correction_reason`` allows (the others read the fields corrected)."""
    history = await history_of(conn, accreditation_id)
    if not domain.may_read_duplicate_check(principal):
        history = [h for h in history if h.action != "not_a_duplicate"]
    if not domain.may_read_substitution_reason(principal):
        history = [h.model_copy(update={"reason": None})
                   if h.action == domain.Action.substitute.value and h.reason else h
                   for h in history]
    if not domain.may_read_correction_reason(principal):
        history = [h.model_copy(update={"reason": domain.correction_fields(h.reason)})
                   if h.action == "correct" and h.reason else h
                   for h in history]
    if may_read_clearance_reason(principal):
        return history
    return [h.model_copy(update={"reason": None}) if h.vetting_status and h.reason else h
            for h in history]


async def latest_reason(conn: asyncpg.Connection, accreditation_id: UUID) -> str | None:
    """The reason given with the latest change of an accreditation's status (None when none
    was); a security-clearance line is not such a change, and its reason stays internal, nor is
    a request for more information (its message is its own letter's), nor the applicant's
    answer to it (which a decision letter must never quote back as the office's reason)."""
    history = [h for h in await history_of(conn, accreditation_id)
               if h.vetting_status is None
               and h.action not in ("information_requested", "information_given")]
    return history[-1].reason if history else None


async def lock_many(conn: asyncpg.Connection, accreditation_ids: list[UUID]
                    ) -> list[asyncpg.Record]:
    """The rows (id, conference_id, category) of those that exist, locked in the order of their
    ids until the transaction ends."""
    rows: list[asyncpg.Record] = await conn.fetch(
        *Q.bind("lock_accreditations", accreditation_ids=accreditation_ids))
    return rows


async def count_approved_press(conn: asyncpg.Connection, conference_id: UUID) -> int:
    count: int = await conn.fetchval(*Q.bind("count_approved_press", conference_id=conference_id))
    return count


async def count_waitlisted_press(conn: asyncpg.Connection, conference_id: UUID) -> int:
    count: int = await conn.fetchval(*Q.bind("count_waitlisted_press",
                                             conference_id=conference_id))
    return count


async def press_pools_of(conn: asyncpg.Connection, accreditation_id: UUID) -> list[str]:
    """The names of the press pools the accreditation is in (``press_pools_of``)."""
    rows = await conn.fetch(*Q.bind("press_pools_of", accreditation_id=accreditation_id))
    return [r["name"] for r in rows]


async def press_people(conn: asyncpg.Connection, conference_id: UUID, *,
                       approved_only: bool = False) -> list[PressPerson]:
    """The conference's press applications as the duplicate check reads them (``press_people``
    in queries.sql), oldest first."""
    rows = await conn.fetch(*Q.bind("press_people", conference_id=conference_id,
                                    approved_only=approved_only))
    return [press_person(r) for r in rows]


def press_person(row: asyncpg.Record) -> PressPerson:
    return PressPerson(id=row["id"], given_name=row["given_name"],
                       family_name=row["family_name"], outlet=row["press_outlet"] or "",
                       press_card_number=row["press_card_number"] or "",
                       status=Status(row["status"]), seq=row["seq"])


async def programme_published(conn: asyncpg.Connection, conference_id: UUID) -> bool:
    published: bool = await conn.fetchval(*Q.bind("programme_published",
                                                  conference_id=conference_id))
    return published


async def badge_short_reference(conn: asyncpg.Connection, accreditation_id: UUID
                                ) -> str | None:
    """The current badge's short reference as printed (``4F7K-92QX``), None without one."""
    code: str | None = await conn.fetchval(*Q.bind("badge_short_reference",
                                                   accreditation_id=accreditation_id))
    return show_short_reference(code) if code else None


async def missing_clearance(conn: asyncpg.Connection, accreditation_id: UUID
                            ) -> domain.MissingClearance:
    """The vetting status that stops the person's badge, None when nothing does
    (``domain.missing_clearance``)."""
    row = await conn.fetchrow(*Q.bind("clearance_of", accreditation_id=accreditation_id))
    if row is None:
        return None
    return domain.missing_clearance(row["required"], row["recorded"])


async def photo_awaited(conn: asyncpg.Connection, accreditation_id: UUID) -> bool:
    """Whether the person's category needs a photo for the badge and none was given
    (docs/credentials.md, "Photo required")."""
    awaited: bool | None = await conn.fetchval(*Q.bind("photo_awaited",
                                                       accreditation_id=accreditation_id))
    return bool(awaited)


async def had_invitations(conn: asyncpg.Connection, accreditation_id: UUID, since: datetime
                          ) -> bool:
    """Whether the person held an invitation to a session when ``since`` came (see the query)."""
    return bool(await conn.fetchval(
        *Q.bind("had_invitations", accreditation_id=accreditation_id, since=since)))


async def visa_letter_ended(conn: asyncpg.Connection, accreditation_id: UUID
                            ) -> asyncpg.Record | None:
    """The visa letter the accreditation's end closes, if it had one open: ``approved`` (with
    its ``number``) or only requested."""
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("visa_letter_ended", accreditation_id=accreditation_id))
    return row


async def delegation_focal_point(conn: asyncpg.Connection, delegation_id: UUID
                                 ) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(
        *Q.bind("delegation_focal_point", delegation_id=delegation_id))
    return row


async def set_status(
    conn: asyncpg.Connection, accreditation_id: UUID, status: Status, now: datetime,
    *, decided: bool,
) -> asyncpg.Record:
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind(
        "set_status", accreditation_id=accreditation_id, status=status.value, now=now,
        decided=decided))
    assert row is not None  # the caller holds the row's lock
    return row


def history_line(
    accreditation_id: UUID, *, action: str, from_status: Status | None, to_status: Status,
    reason: str | None, linked_accreditation_id: UUID | None = None,
) -> dict[str, Any]:
    """One line of the audit trail that an event adds (its time and actor are the event's)."""
    return {"accreditation_id": str(accreditation_id), "action": action,
            "from_status": from_status.value if from_status else None,
            "to_status": to_status.value, "reason": reason,
            "linked_accreditation_id": str(linked_accreditation_id)
            if linked_accreditation_id else None}


async def record_change(
    conn: asyncpg.Connection, payload: Payload, *, event_type: str, conference_id: UUID,
    subject_id: UUID, actor: str, now: datetime, history: list[dict[str, Any]] | None,
) -> None:
    """The domain event of a change, with the audit-trail lines it adds (None: its default
    line), in the caller's transaction."""
    await conn.execute(*Q.bind(
        "record_change", conference_id=conference_id, event_type=event_type,
        subject_id=str(subject_id), payload=payload.model_dump(mode="json"), actor=actor,
        now=now, history=history))


async def page(
    conn: asyncpg.Connection, conference_id: UUID, *, category: str | None, status: str | None,
    delegation_id: UUID | None, after_seq: int, limit: int,
) -> list[asyncpg.Record]:
    """Up to ``limit`` rows in filing order after ``after_seq`` (each row has its ``seq``)."""
    rows: list[asyncpg.Record] = await conn.fetch(*Q.bind("list_accreditations",
        conference_id=conference_id, category=category, status=status,
        delegation_id=delegation_id, after_seq=after_seq, limit=limit))
    return rows


async def current_by_email(
    conn: asyncpg.Connection, conference_id: UUID, email: str
) -> tuple[UUID, Status] | None:
    """A person's current application (id and status) to a conference, if any."""
    row = await conn.fetchrow(*Q.bind("current_by_email", conference_id=conference_id, email=email))
    return (row["id"], Status(row["status"])) if row else None


async def lock_delegation_places(conn: asyncpg.Connection, slug: str, delegation_id: UUID
                                 ) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind(
        "lock_delegation_places", slug=slug, delegation_id=delegation_id))
    return row


async def places_used(conn: asyncpg.Connection, delegation_id: UUID, category: str) -> int:
    n: int = await conn.fetchval(*Q.bind("places_used", delegation_id=delegation_id,
                                         category=category))
    return n


async def insert_substitute(
    conn: asyncpg.Connection, old_id: UUID, person: dict[str, Any], *, accreditation_id: UUID,
    status: Status, now: datetime, token_hash: bytes,
) -> asyncpg.Record | None:
    """The new accreditation in the old one's conference, category and delegation; None when
    the person already has a current accreditation there."""
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind(
        "insert_substitute", accreditation_id=accreditation_id, old_id=old_id,
        status=status.value, now=now, given_name=person["given_name"],
        family_name=person["family_name"], email=person["email"], language=person["language"],
        gender=person["gender"], rank=person["rank"], function=person["function"],
        function_fr=person["function_fr"], function_en=person["function_en"],
        in_office_since=person["in_office_since"], token_hash=token_hash))
    return row


async def move_participations(conn: asyncpg.Connection, old_id: UUID, new_id: UUID) -> int:
    """The old accreditation's session places handed to the new one; how many."""
    status: str = await conn.execute(*Q.bind("move_participations", old_id=old_id,
                                             new_id=new_id))
    return int(status.split()[-1])


async def changes_close_at(conn: asyncpg.Connection, conference_id: UUID) -> datetime:
    """When changes and substitutions close: the deadline, else the conference's end."""
    row = await conn.fetchrow(*Q.bind("changes_close_at", conference_id=conference_id))
    assert row is not None
    return closing(row["changes_close_at"], row["ends_on"], row["timezone"])


async def count_link_requests(
    conn: asyncpg.Connection, conference_id: UUID, email_hash: bytes, since: datetime
) -> int:
    count: int = await conn.fetchval(*Q.bind("count_link_requests", conference_id=conference_id,
                                             email_hash=email_hash, since=since))
    return count


async def insert_link_request(
    conn: asyncpg.Connection, conference_id: UUID, email_hash: bytes, at: datetime
) -> None:
    await conn.execute(*Q.bind("insert_link_request", conference_id=conference_id,
                               email_hash=email_hash, at=at))


async def amend(conn: asyncpg.Connection, accreditation_id: UUID, values: dict[str, Any],
                now: datetime) -> asyncpg.Record | None:
    """The member's new details; None when another current accreditation has the e-mail."""
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind(
        "amend_accreditation", accreditation_id=accreditation_id, now=now,
        category=values["category"], given_name=values["given_name"],
        family_name=values["family_name"], email=values["email"], language=values["language"],
        gender=values.get("gender"), rank=values.get("rank"), function=values.get("function"),
        function_fr=values.get("function_fr"), function_en=values.get("function_en"),
        in_office_since=values.get("in_office_since")))
    return row


async def correct_press(conn: asyncpg.Connection, accreditation_id: UUID,
                        values: dict[str, Any], now: datetime) -> asyncpg.Record:
    """The journalist's corrected details (the caller holds the row's lock)."""
    row: asyncpg.Record | None = await conn.fetchrow(*Q.bind(
        "correct_press", accreditation_id=accreditation_id, now=now,
        given_name=values["given_name"], family_name=values["family_name"],
        press_outlet=values["press_outlet"], press_card_number=values["press_card_number"],
        press_role=values["press_role"]))
    assert row is not None
    return row


async def supersede_printed_badge(conn: asyncpg.Connection, accreditation_id: UUID,
                                  conference_id: UUID, note: str, now: datetime) -> int | None:
    """A new badge version, to print, when the printed one carries corrected details; the
    version, or None when no badge was printed."""
    version: int | None = await conn.fetchval(*Q.bind(
        "supersede_printed_badge", accreditation_id=accreditation_id,
        conference_id=conference_id, note=note, now=now))
    return version


async def event_actor(conn: asyncpg.Connection, event_id: int) -> str | None:
    """How the audit trail names who recorded an event (``Principal.actor``)."""
    actor: str | None = await conn.fetchval(*Q.bind("event_actor", event_id=event_id))
    return actor


async def event_reason(conn: asyncpg.Connection, event_id: int) -> str | None:
    """The reason of an event's first history line (a request for more information: its
    message), None once erased."""
    reason: str | None = await conn.fetchval(*Q.bind("event_reason", event_id=event_id))
    return reason
