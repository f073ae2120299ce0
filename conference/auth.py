"""Bearer tokens and roles.

Tokens are 256-bit random secrets; only their SHA-256 is stored, so a leaked table grants
nothing. Roles, least privilege first: ``applicant`` (one accreditation), ``focal_point`` (one
delegation), ``press_office`` (press accreditations), ``protocol`` (everything but the press
decisions and deliveries), ``admin`` (everything).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

import asyncpg

from conference.errors import Forbidden, Unauthorized


class Role(StrEnum):
    admin = "admin"
    protocol = "protocol"
    press_office = "press_office"
    focal_point = "focal_point"
    applicant = "applicant"


ORGANISERS = (Role.admin, Role.protocol, Role.press_office)


@dataclass(frozen=True)
class Principal:
    token_id: int
    role: Role
    delegation_id: UUID | None = None
    accreditation_id: UUID | None = None

    @property
    def actor(self) -> str:
        """How the audit trail names this principal (a role and a token number, never a name)."""
        return f"{self.role}:{self.token_id}"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def token_hash(secret: str) -> bytes:
    return hashlib.sha256(secret.encode()).digest()


async def issue_token(
    conn: asyncpg.Connection,
    role: Role,
    *,
    delegation_id: UUID | None = None,
    accreditation_id: UUID | None = None,
) -> str:
    """Store a new token (hashed) and return the secret, which is shown once."""
    secret = new_secret()
    await conn.execute(
        "INSERT INTO api_token (token_hash, role, delegation_id, accreditation_id)"
        " VALUES ($1, $2, $3, $4)",
        token_hash(secret), role.value, delegation_id, accreditation_id,
    )
    return secret


async def resolve_token(conn: asyncpg.Connection | asyncpg.Pool, secret: str) -> Principal | None:
    row = await conn.fetchrow(
        "SELECT id, role, delegation_id, accreditation_id FROM api_token"
        " WHERE token_hash = $1 AND revoked_at IS NULL",
        token_hash(secret),
    )
    if row is None:
        return None
    return Principal(row["id"], Role(row["role"]), row["delegation_id"], row["accreditation_id"])


def require(principal: Principal | None, *roles: Role) -> Principal:
    """The principal, if it holds one of ``roles``: else 401 (no token) or 403."""
    if principal is None:
        raise Unauthorized("A bearer token is required (Authorization: Bearer <token>).")
    if principal.role not in roles:
        allowed = ", ".join(r.value for r in roles)
        raise Forbidden(f"This needs one of the roles: {allowed}.")
    return principal
