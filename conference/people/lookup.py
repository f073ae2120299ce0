"""What other domains may read of people, in their own connection and transaction: the
published surface of this package (its repository is its own; docs/architecture.md)."""

from __future__ import annotations

from conference.people.domain import delegation_slug
from conference.people.repo import focal_points_of_delegation, person_by_email, person_by_id

__all__ = ["delegation_slug", "focal_points_of_delegation", "person_by_email", "person_by_id"]
