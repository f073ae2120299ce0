"""What other domains may read of credentials, in their own connection and transaction: the
published surface of this package (its repository is its own; docs/architecture.md)."""

from __future__ import annotations

from conference.credentials.repo import (
    clearance_asked_among,
    clearance_of,
    clearance_refused_among,
    photos_of,
)

__all__ = ["clearance_asked_among", "clearance_of", "clearance_refused_among", "photos_of"]
