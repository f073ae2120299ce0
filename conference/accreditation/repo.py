"""Accreditations: SQL in, models out, each state change with its event and its history row.

The caller owns the transaction (``async with conn.transaction()``) so that the change, its
history and its domain event commit together or not at all.
"""

from __future__ import annotations

import base64
from datetime import datetime
from typing import TypeVar
from uuid import UUID, uuid4

import asyncpg

from conference.accreditation.domain import (
    Action,
    Category,
    Status,
    check_may_decide,
    transition,
)
from conference.accreditation.events import EVENT_TYPES, AccreditationChanged
from conference.accreditation.models import (
    Accreditation,
    AccreditationCreated,
    AccreditationIn,
    AccreditationPage,
    HistoryEntry,
    ListQuery,
    PressDetails,
)
from conference.auth import Principal, Role, new_secret, token_hash
from conference.conferences.models import Conference
from conference.conferences.repo import lock_conference
from conference.db.sql import queries_beside
from conference.errors import (
    Duplicate,
    Forbidden,
    Invalid,
    NotFound,
    PoolFull,
    Unauthorized,
    WindowClosed,
)
from conference.outbox.events import record

Q = queries_beside(__file__)
A = TypeVar("A", bound=Accreditation)


def from_row(row: asyncpg.Record, history: list[HistoryEntry] | None = None, *,
             cls: type[A] = Accreditation, **extra: object) -> A:  # type: ignore[assignment]
    press = None
    if row["category"] == "press" and row["press_outlet"] is not None:
        press = PressDetails(
            outlet=row["press_outlet"], press_card_number=row["press_card_number"],
            role=row["press_role"], country=row["press_country"],
        )
    return cls(
        id=row["id"],
        conference=row["conference_slug"],
        category=row["category"],
        status=row["status"],
        given_name=row["given_name"],
        family_name=row["family_name"],
        email=row["email"],
        language=row["language"],
        gender=row["gender"],
        press=press,
        delegation_id=row["delegation_id"],
        rank=row["rank"],
        function=row["function"],
        in_office_since=row["in_office_since"],
        submitted_at=row["submitted_at"],
        decided_at=row["decided_at"],
        history=history,
        **extra,
    )


def _warnings(a: AccreditationIn) -> list[str]:
    warnings = []
    if a.given_name.isupper() and not a.family_name.isupper() and len(a.given_name) > 1:
        warnings.append(
            "given_name is in capitals, as family names are on most identity documents:"
            " are given_name and family_name swapped?"
        )
    return warnings


def _check_may_file(a: AccreditationIn, principal: Principal | None) -> AccreditationIn:
    """Who may file what (401/403), before the database is asked; a focal point's application
    defaults to its own delegation."""
    category = a.category
    if category is Category.press:
        return a
    if principal is None:
        raise Unauthorized("Only press applications may be filed without a token.")
    allowed = {Category.staff: (Role.admin, Role.protocol)}.get(
        category, (Role.admin, Role.protocol, Role.focal_point)
    )
    if principal.role not in allowed:
        raise Forbidden(f"{principal.role.value} may not register {category.value} applications.")
    if principal.role is Role.focal_point:
        if a.delegation_id is None:
            a = a.model_copy(update={"delegation_id": principal.delegation_id})
        if a.delegation_id != principal.delegation_id:
            raise Forbidden("A focal point registers members of its own delegation only.")
    return a


async def register(
    conn: asyncpg.Connection,
    slug: str,
    a: AccreditationIn,
    principal: Principal | None,
    now: datetime,
) -> AccreditationCreated:
    """File an application in the conference ``slug``: refused when there is no such conference
    (404), out of scope (401, 403), out of the press window or with the pool full, duplicate
    (409), or naming a delegation of another conference (422).

    One statement (``register`` in queries.sql) does the checks that need the database and
    writes the row, its history row, its domain event and the applicant's token: atomic on its
    own, and in the caller's transaction when there is one.
    """
    try:
        a = _check_may_file(a, principal)
    except (Unauthorized, Forbidden):
        if await conn.fetchval(Q["conference_exists"], slug) is None:
            raise NotFound(f"No conference {slug!r}.") from None
        raise
    role = principal.role if principal else None
    organiser = role in (Role.admin, Role.press_office)
    actor = principal.actor if principal else "applicant"
    accreditation_id = uuid4()
    event_type = f"accreditation.{Status.submitted.value}"
    payload = AccreditationChanged(
        accreditation_id=accreditation_id, category=a.category.value,
        status=Status.submitted.value, from_status=None, delegation_id=a.delegation_id,
    )
    if not isinstance(payload, EVENT_TYPES[event_type]):
        raise TypeError(f"payload {type(payload).__name__} does not fit event {event_type}")
    secret = new_secret()
    press = a.press
    row = await conn.fetchrow(
        Q["register"], slug, a.category.value, a.given_name, a.family_name, a.email, a.language,
        a.gender, press.outlet if press else None, press.press_card_number if press else None,
        press.role.value if press else None, press.country if press else None, a.delegation_id,
        a.rank.value if a.rank else None, a.function, a.in_office_since, now, accreditation_id,
        organiser, actor, payload.model_dump(mode="json"), token_hash(secret), event_type,
    )
    if row is None:
        raise NotFound(f"No conference {slug!r}.")
    if not row["window_open"]:
        opens_at, closes_at = row["press_opens_at"], row["press_closes_at"]
        raise WindowClosed(
            f"Press registration is open from {opens_at.isoformat()}"
            f" to {closes_at.isoformat()}.",
            opens_at=opens_at.isoformat(), closes_at=closes_at.isoformat(),
        )
    if not row["pool_open"]:
        capacity = row["press_pool_capacity"]
        raise PoolFull(
            f"All {capacity} places of the press pool are taken.", pool_capacity=capacity,
        )
    if not row["delegation_known"]:
        raise Invalid(
            "Unknown delegation.",
            [{"field": "delegation_id", "message": "no such delegation in this conference",
              "type": "unknown_delegation"}],
        )
    if not row["inserted"]:
        raise Duplicate(
            "This person already has an application for this conference.", field="email"
        )
    return from_row(row, cls=AccreditationCreated, access_token=secret, warnings=_warnings(a))


async def _event(
    conn: asyncpg.Connection, row: asyncpg.Record, from_status: str | None, actor: str
) -> None:
    await record(
        conn,
        f"accreditation.{row['status']}",
        AccreditationChanged(
            accreditation_id=row["id"], category=row["category"], status=row["status"],
            from_status=from_status, delegation_id=row["delegation_id"],
        ),
        conference_id=row["conference_id"],
        subject_id=row["id"],
        actor=actor,
    )


async def get_row(conn: asyncpg.Connection, accreditation_id: UUID) -> asyncpg.Record:
    row = await conn.fetchrow(Q["accreditation_by_id"], accreditation_id)
    if row is None:
        raise NotFound("No such accreditation.")
    return row


def check_may_read(principal: Principal | None, row: asyncpg.Record) -> None:
    if principal is None:
        raise Unauthorized("A bearer token is required (Authorization: Bearer <token>).")
    role = principal.role
    if role in (Role.admin, Role.protocol):
        return
    if role is Role.press_office and row["category"] == "press":
        return
    if role is Role.focal_point and row["delegation_id"] == principal.delegation_id:
        return
    if role is Role.applicant and row["id"] == principal.accreditation_id:
        return
    raise Forbidden("This token does not give access to this accreditation.")


async def get_with_history(
    conn: asyncpg.Connection, accreditation_id: UUID, principal: Principal | None
) -> Accreditation:
    row = await get_row(conn, accreditation_id)
    check_may_read(principal, row)
    history = [HistoryEntry.model_validate(dict(r))
               for r in await conn.fetch(Q["history_of"], accreditation_id)]
    return from_row(row, history)


def check_actor(row: asyncpg.Record, action: Action, principal: Principal) -> None:
    """Whether ``principal`` may take ``action`` on this accreditation (403 if not)."""
    category = Category(row["category"])
    role = principal.role
    if action in (Action.approve, Action.reject, Action.waitlist):
        check_may_decide(role, category)
    elif action is Action.withdraw:
        own = (role is Role.applicant and principal.accreditation_id == row["id"]) or (
            role is Role.focal_point and principal.delegation_id == row["delegation_id"]
        )
        if not own:
            raise Forbidden("Only the applicant or the delegation's focal point may withdraw.")
    elif action is Action.revoke:
        if role not in (Role.admin, Role.protocol, Role.press_office):
            raise Forbidden("Only organisers may revoke an accreditation.")
        if role is not Role.admin:
            check_may_decide(role, category)


async def authorise(
    conn: asyncpg.Connection, accreditation_id: UUID, action: Action, principal: Principal
) -> None:
    """The scope check of ``change``, before a request body is even validated."""
    check_actor(await get_row(conn, accreditation_id), action, principal)


async def change(
    conn: asyncpg.Connection,
    accreditation_id: UUID,
    action: Action,
    principal: Principal,
    reason: str | None,
    now: datetime,
) -> Accreditation:
    """Apply one action of the state machine, with its history row and its event."""
    row = await conn.fetchrow(Q["lock_accreditation"], accreditation_id)
    if row is None:
        raise NotFound("No such accreditation.")
    category = Category(row["category"])
    check_actor(row, action, principal)
    current = Status(row["status"])
    new = transition(current, action)
    if new is Status.approved and category is Category.press:
        conference = await lock_conference(conn, row["conference_id"])
        capacity = conference.press_registration.pool_capacity
        approved = await conn.fetchval(Q["count_approved_press"], row["conference_id"])
        if approved >= capacity:
            raise PoolFull(
                f"All {capacity} places of the press pool are taken; waitlist the application"
                " or revoke another first.",
                pool_capacity=capacity,
            )
    decided = action in (Action.approve, Action.reject, Action.waitlist)
    updated = await conn.fetchrow(Q["set_status"], row["id"], new.value, now, decided)
    await conn.execute(
        Q["insert_history"], row["id"], now, principal.actor, action.value, current.value,
        new.value, reason,
    )
    await _event(conn, updated, current.value, principal.actor)
    history = [HistoryEntry.model_validate(dict(r))
               for r in await conn.fetch(Q["history_of"], accreditation_id)]
    return from_row(updated, history)


def _cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"s{seq}".encode()).decode().rstrip("=")


def _seq(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        seq = int(raw[1:]) if raw.startswith("s") else -1
        if not 0 <= seq < 2**63:
            raise ValueError
        return seq
    except ValueError:
        raise Invalid("Bad cursor.", [{"field": "cursor", "message": "not a cursor this"
                                       " service gave", "type": "bad_cursor"}]) from None


async def list_page(
    conn: asyncpg.Connection, conference: Conference, q: ListQuery, principal: Principal
) -> AccreditationPage:
    category, delegation_id = q.category, q.delegation_id
    if principal.role is Role.press_office:
        if category not in (None, Category.press):
            raise Forbidden("The spokesperson's office sees press accreditations only.")
        category = Category.press
    elif principal.role is Role.focal_point:
        if delegation_id not in (None, principal.delegation_id):
            raise Forbidden("A focal point sees its own delegation only.")
        delegation_id = principal.delegation_id
    elif principal.role not in (Role.admin, Role.protocol):
        raise Forbidden("This token cannot list accreditations.")
    rows = await conn.fetch(
        Q["list_accreditations"], conference.id, category.value if category else None,
        q.status.value if q.status else None, delegation_id, _seq(q.cursor), q.limit + 1,
    )
    more = len(rows) > q.limit
    rows = rows[: q.limit]
    return AccreditationPage(
        items=[from_row(r) for r in rows],
        next_cursor=_cursor(rows[-1]["seq"]) if more and rows else None,
    )
