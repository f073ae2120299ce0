"""Token use-cases: issue with an expiry, list, revoke (each revocation is a domain event)."""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

import asyncpg

from conference.auth import Principal, Role, issue_token
from conference.errors import NotFound
from conference.outbox.events import record
from conference.tokens import repo
from conference.tokens.domain import TokenView
from conference.tokens.events import TokenRevoked

STAFF = (Role.admin, Role.protocol, Role.press_office, Role.security, Role.door)


async def create(conn: asyncpg.Connection, role: Role, *, delegation_id: UUID | None,
                 lifetime: timedelta | None, now: datetime) -> str:
    """A staff or focal-point token expiring after ``lifetime`` (None: never)."""
    if role not in STAFF and role is not Role.focal_point:
        raise ValueError(f"tokens of role {role.value} are issued by the service itself")
    if (role is Role.focal_point) != (delegation_id is not None):
        raise ValueError("a delegation goes with the focal_point role, and only with it")
    return await issue_token(conn, role, delegation_id=delegation_id,
                             expires_at=now + lifetime if lifetime is not None else None)


async def list_all(conn: asyncpg.Connection, *, applicants: bool = False) -> list[TokenView]:
    return await repo.list_tokens(conn, applicants=applicants)


async def revoke(conn: asyncpg.Connection, token_id: int, actor: Principal | None,
                 now: datetime) -> None:
    """Revoke one token (404 when unknown or already revoked); from the command line, actor is
    None."""
    async with conn.transaction():
        by = actor.actor if actor is not None else "command line"
        row = await repo.revoke(conn, token_id, now, by)
        if row is None:
            known = await repo.exists(conn, token_id)
            raise NotFound(f"Token {token_id} is already revoked." if known
                           else f"No token {token_id}.")
        await record(conn, "token.revoked", TokenRevoked(token_id=token_id, role=row["role"]),
                     conference_id=None, subject_id=str(token_id), actor=by)
