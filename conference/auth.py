"""Bearer tokens and roles.

Tokens are 256-bit random secrets; only their SHA-256 is stored, so a leaked table grants
nothing. Roles, least privilege first: ``applicant`` (one accreditation), ``door`` (check-ins),
``security`` (vetting data), ``focal_point`` (one delegation), ``press_office`` (press
accreditations), ``protocol`` (everything but the press decisions and deliveries), ``admin``
(everything).

Staff and focal-point tokens expire (``expires_at``) and can be revoked; an applicant has one
current token, replaced whenever a letter carries a new link, and once its accreditation is
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

from conference.errors import Forbidden, Unauthorized


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
    expires_at: datetime | None = None,
) -> str:
    """Store a new token (hashed) and return the secret, which is shown once. An applicant's new
    token replaces its previous one (one current link)."""
    secret = new_secret()
    if role is Role.applicant:
        await conn.execute(
            "UPDATE api_token SET revoked_at = now(), revoked_by = 'rotation'"
            " WHERE accreditation_id = $1 AND role = 'applicant' AND revoked_at IS NULL",
            accreditation_id)
    await conn.execute(
        "INSERT INTO api_token (token_hash, role, delegation_id, accreditation_id, expires_at)"
        " VALUES ($1, $2, $3, $4, $5)",
        token_hash(secret), role.value, delegation_id, accreditation_id, expires_at,
    )
    return secret


async def resolve_token(conn: asyncpg.Connection | asyncpg.Pool, secret: str) -> Principal | None:
    """The principal of a live token: not revoked, not expired."""
    row = await conn.fetchrow(
        "SELECT t.id, t.role, t.delegation_id, t.accreditation_id,"
        " coalesce(a.status IN ('revoked', 'withdrawn'), false) AS read_only"
        " FROM api_token t LEFT JOIN accreditation a ON a.id = t.accreditation_id"
        " WHERE t.token_hash = $1 AND t.revoked_at IS NULL"
        " AND (t.expires_at IS NULL OR t.expires_at > now())",
        token_hash(secret),
    )
    if row is None:
        return None
    return Principal(row["id"], Role(row["role"]), row["delegation_id"], row["accreditation_id"],
                     read_only=row["read_only"])


def require(principal: Principal | None, *roles: Role) -> Principal:
    """The principal, if it holds one of ``roles``: else 401 (no token) or 403."""
    if principal is None:
        raise Unauthorized("A bearer token is required (Authorization: Bearer <token>).")
    if principal.role not in roles:
        allowed = ", ".join(r.value for r in roles)
        raise Forbidden(f"This needs one of the roles: {allowed}.")
    return principal
