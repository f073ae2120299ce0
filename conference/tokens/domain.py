"""Tokens as listed (never their secret), and the lifetimes of ``--expires``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_lifetime(text: str) -> timedelta | None:
    """``30d``, ``12h``, ``2w``, ``90m``; ``never`` for no expiry. ValueError otherwise."""
    text = text.strip().lower()
    if text == "never":
        return None
    m = re.fullmatch(r"(\d{1,6})([mhdw])", text)
    if m is None or int(m.group(1)) == 0:
        raise ValueError(f"not a lifetime: {text!r} (use e.g. 30d, 12h, 2w or never)")
    return timedelta(**{_UNITS[m.group(2)]: int(m.group(1))})


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
