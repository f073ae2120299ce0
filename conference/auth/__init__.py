"""Bearer tokens and roles.

Tokens are 256-bit random secrets; only their SHA-256 is stored, so a leaked table grants
nothing. Roles, least privilege first: ``applicant`` (one accreditation), ``door`` (check-ins),
``security`` (vetting data), ``focal_point`` (one delegation), ``press_office`` (press
accreditations), ``protocol`` (everything but the press decisions and deliveries), ``admin``
(everything).

Staff and focal-point tokens (``api_token``) expire (``expires_at``) and can be revoked; an
applicant has one current token, kept on its accreditation row (the registration writes no
other row), replaced whenever a letter carries a new link, and once its accreditation is
revoked or withdrawn that token only reads (its status, its export).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID

import asyncpg

from conference.db.sql import queries_beside
from conference.errors import Forbidden, Unauthorized

Q = queries_beside(__file__)

class Role(StrEnum):
    admin = "admin"
    protocol = "protocol"
    press_office = "press_office"
    security = "security"
    door = "door"
    focal_point = "focal_point"
    applicant = "applicant"


ORGANISERS = (Role.admin, Role.protocol, Role.press_office)


@dataclass(frozen=True)
class Principal:
    token_id: int
    role: Role
    delegation_id: UUID | None = None
    accreditation_id: UUID | None = None
    read_only: bool = False
    """An applicant whose accreditation was revoked or withdrawn: it may read, not write."""
    person_id: UUID | None = None
    """Set when a signed-in person acts (through one of their grants), not a bearer token."""

    @property
    def actor(self) -> str:
        """How the audit trail names this principal: a role and a token number, or the
        signed-in person's id; never a name."""
        if self.person_id is not None:
            return f"person:{self.person_id}"
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
    expires_at: datetime | None = None,
) -> str:
    """Store a new token (hashed) and return the secret, which is shown once. An applicant's new
    token replaces its previous one (one current link), on its accreditation row."""
    secret = new_secret()
    if role is Role.applicant:
        await conn.execute(*Q.bind("replace_applicant_token", token_hash=token_hash(secret),
                                   accreditation_id=accreditation_id))
        return secret
    await conn.execute(*Q.bind(
        "insert_token", token_hash=token_hash(secret), role=role.value,
        delegation_id=delegation_id, accreditation_id=accreditation_id, expires_at=expires_at))
    return secret


async def close_applicant_link(conn: asyncpg.Connection, accreditation_id: UUID) -> None:
    """Close the applicant's current link, none replacing it yet (the next letter's will), in
    the caller's transaction."""
    await conn.execute(*Q.bind("close_applicant_link", accreditation_id=accreditation_id))


async def resolve_token(conn: asyncpg.Connection | asyncpg.Pool, secret: str) -> Principal | None:
    """The principal of a live token: not revoked, not expired."""
    row = await conn.fetchrow(*Q.bind("live_token", token_hash=token_hash(secret)))
    if row is None:
        return None
    return Principal(row["id"], Role(row["role"]), row["delegation_id"], row["accreditation_id"],
                     read_only=row["read_only"])


async def has_admin(conn: asyncpg.Connection) -> bool:
    """Whether an admin token was ever made."""
    return bool(await conn.fetchval(Q["has_admin"]))


def require(principal: Principal | None, *roles: Role) -> Principal:
    """The principal, if it holds one of ``roles``: else 401 (no token) or 403."""
    if principal is None:
        raise Unauthorized("A bearer token is required (Authorization: Bearer <token>).")
    if principal.role not in roles:
        allowed = ", ".join(r.value for r in roles)
        raise Forbidden(f"This needs one of the roles: {allowed}.")
    return principal
