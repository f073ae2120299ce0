"""Use-cases of people and sign-in: add staff, add a delegation's focal point, ask for a link,
spend it for a session, resolve and end a session. Each owns its transaction, except
``add_focal_point``, which runs inside the delegation's creation (one transaction: a delegation
never exists without its focal point's grant). Mail follows from the events (``mail.py``)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from uuid import UUID

import asyncpg

from conference.auth import Principal, Role, token_hash
from conference.db.pool import connection, transaction
from conference.errors import Invalid, NotFound
from conference.outbox.events import record
from conference.people import repo
from conference.people.domain import Grant, safe_next
from conference.people.events import PersonGranted, SigninRequested, WelcomeResent
from conference.people.models import GrantView, Person, StaffIn


@dataclass(frozen=True)
class SignedIn:
    """The person behind a live session."""

    person_id: UUID
    name: str
    email: str
    language: str
    grants: list[Grant]

    def principal(self, grant: Grant) -> Principal:
        """How the person acts through one of its grants (the audit trail names the person)."""
        return Principal(0, Role(grant.role), grant.delegation_id, person_id=self.person_id)


async def _person(conn: asyncpg.Connection, row: asyncpg.Record) -> Person:
    grants = await repo.grants_of(conn, row["id"], row["language"])
    return Person(id=row["id"], email=row["email"], name=row["name"], language=row["language"],
                  grants=[GrantView(role=g.role, conference=g.conference_slug,
                                    delegation_id=g.delegation_id) for g in grants])


async def add_staff(pool: asyncpg.Pool, body: StaffIn, actor: Principal) -> Person:
    """Add a person (or find them by email) with these grants; a welcome mail follows when a
    grant is new. A conference that does not exist is refused naming the field (422)."""
    async with transaction(pool) as conn:
        resolved: list[tuple[str, UUID | None]] = []
        for index, g in enumerate(body.grants):
            if g.conference is None:
                if g.role != "admin":
                    raise Invalid("A grant names its conference.", [
                        {"field": f"grants.{index}.conference", "message": "required for "
                         f"role {g.role}", "type": "missing"}])
                resolved.append((g.role, None))
                continue
            conference_id = await repo.conference_id_by_slug(conn, g.conference)
            if conference_id is None:
                raise Invalid("Unknown conference.", [
                    {"field": f"grants.{index}.conference", "message": "no such conference",
                     "type": "unknown_conference"}])
            resolved.append((g.role, conference_id))
        row = await repo.upsert_person(conn, body.email, body.name, body.language)
        new = [(role, cid) for role, cid in resolved
               if await repo.insert_grant(conn, row["id"], role, cid)]
        if new:
            role, cid = new[0]
            await record(conn, "person.granted", PersonGranted(person_id=row["id"], role=role),
                         conference_id=cid, subject_id=row["id"], actor=actor.actor)
        return await _person(conn, row)


async def add_focal_point(conn: asyncpg.Connection, *, conference_id: UUID,
                          delegation_id: UUID, name: str, email: str, language: str,
                          actor: str) -> bool:
    """In the caller's transaction (the delegation's creation, or another focal point added
    by the protocol office): the focal point becomes a person with a grant on the delegation;
    the welcome mail follows from the event. False when the person already held it."""
    if await repo.conference_of_delegation(conn, delegation_id) != conference_id:
        raise NotFound("No such delegation.")
    row = await repo.upsert_person(conn, email, name, language)
    if not await repo.insert_grant(conn, row["id"], "focal_point", conference_id, delegation_id):
        return False
    await record(conn, "person.granted",
                 PersonGranted(person_id=row["id"], role="focal_point",
                               delegation_id=delegation_id),
                 conference_id=conference_id, subject_id=row["id"], actor=actor)
    return True


async def focal_point_addresses(conn: asyncpg.Connection, conference_id: UUID
                                ) -> dict[UUID, dict[str, str]]:
    """In the caller's transaction: each delegation's focal points, address (in lower case) →
    language (the delegation import: docs/lifecycle.md, "Importing delegations")."""
    found: dict[UUID, dict[str, str]] = {}
    for r in await repo.focal_point_addresses_of_conference(conn, conference_id):
        found.setdefault(r["delegation_id"], {})[r["email"]] = r["language"]
    return found


async def welcome_every_focal_point_again(conn: asyncpg.Connection, *, conference_id: UUID,
                                         actor: str) -> tuple[int, int]:
    """In the caller's transaction: the welcome mail again, with a fresh sign-in link and the
    delegation's deadlines and places as they stand, for every focal point of every delegation
    of the conference (one event each). How many focal points, of how many delegations."""
    grants = await repo.focal_point_grants_of_conference(conn, conference_id)
    for g in grants:
        await record(conn, "person.welcome_resent",
                     WelcomeResent(person_id=g["person_id"], role="focal_point",
                                   delegation_id=g["delegation_id"]),
                     conference_id=conference_id, subject_id=g["person_id"], actor=actor)
    return len(grants), len({g["delegation_id"] for g in grants})


async def welcome_focal_point_again(conn: asyncpg.Connection, *, conference_id: UUID,
                                    delegation_id: UUID, email: str, actor: str) -> None:
    """In the caller's transaction: the welcome mail again, with a fresh sign-in link, for a
    focal point of the delegation (404 when the address is not one of its focal points)."""
    if await repo.conference_of_delegation(conn, delegation_id) != conference_id:
        raise NotFound("No such delegation.")
    row = await repo.person_by_email(conn, email)
    grants = await repo.grants_of(conn, row["id"], row["language"]) if row else []
    if row is None or not any(g.role == "focal_point" and g.delegation_id == delegation_id
                              for g in grants):
        raise NotFound("This address is not a focal point of the delegation.")
    await record(conn, "person.welcome_resent",
                 WelcomeResent(person_id=row["id"], role="focal_point",
                               delegation_id=delegation_id),
                 conference_id=conference_id, subject_id=row["id"], actor=actor)


async def request_signin(pool: asyncpg.Pool, email: str, *,
                         via: Literal["signin_form", "cli"] = "signin_form",
                         next_path: str | None = None,
                         language: Literal["fr", "en"] | None = None) -> bool:
    """Ask for a sign-in link: mailed (by the consumer of the event) when the address is a
    person's; nothing otherwise. The caller answers the same either way. ``language``: the
    page's it was asked from, which the link carries (the person's own is not changed)."""
    async with transaction(pool) as conn:
        row = await repo.person_by_email(conn, email)
        if row is None:
            return False
        await record(conn, "person.signin_requested",
                     SigninRequested(person_id=row["id"], via=via,
                                     next=safe_next(next_path), language=language),
                     conference_id=None, subject_id=row["id"], actor="person:" + str(row["id"]))
        return True


async def link_holder(pool: asyncpg.Pool, secret: str, now: datetime) -> str | None:
    """The language of the link's person, if it can still be spent (looking spends nothing)."""
    return await repo.usable_link(pool, token_hash(secret), now)


async def sign_in(pool: asyncpg.Pool, secret: str, now: datetime) -> str | None:
    """Spend the link and open a session: the session's secret, or None when the link is
    unknown, spent or expired."""
    async with transaction(pool) as conn:
        person_id = await repo.spend_link(conn, token_hash(secret), now)
        if person_id is None:
            return None
        session = secrets.token_urlsafe(32)
        await repo.insert_session(conn, token_hash(session), person_id, now)
        return session


async def signed_in(pool: asyncpg.Pool, session: str, now: datetime) -> SignedIn | None:
    """The person of a live session (its idle time restarts), or None."""
    person_id = await repo.touch_session(pool, token_hash(session), now)
    if person_id is None:
        return None
    async with connection(pool) as conn:
        row = await repo.person_by_id(conn, person_id)
        if row is None:
            return None
        grants = await repo.grants_of(conn, person_id, row["language"])
    return SignedIn(person_id, row["name"], row["email"], row["language"], grants)


async def sign_out(pool: asyncpg.Pool, session: str, now: datetime) -> None:
    await repo.end_session(pool, token_hash(session), now)


async def first_admin(conn: asyncpg.Connection, email: str, now: datetime) -> str:
    """On a new installation: the first admin as a person, and a sign-in link's secret (shown
    once by ``conference serve``, like the first admin token; no mail)."""
    person = await repo.upsert_person(conn, email, "Admin", "en")
    await repo.insert_grant(conn, person["id"], "admin", None)
    secret = secrets.token_urlsafe(32)
    await repo.insert_link(conn, token_hash(secret), person["id"], now)
    return secret
