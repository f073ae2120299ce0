"""Tokens as listed (never their secret), and the lifetimes of ``--expires``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from conference.settings import parse_lifetime

__all__ = ["TokenView", "parse_lifetime"]


@dataclass(frozen=True)
class TokenView:
    id: int
    role: str
    delegation_id: UUID | None
    accreditation_id: UUID | None
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    revoked_by: str | None

    @property
    def scope(self) -> str:
        if self.delegation_id is not None:
            return f"delegation {self.delegation_id}"
        if self.accreditation_id is not None:
            return f"accreditation {self.accreditation_id}"
        return "all conferences"

    def state(self, now: datetime) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        return "active"
