"""What other domains may read of people, in their own connection and transaction: the
published surface of this package (its repository is its own; docs/architecture.md)."""

from __future__ import annotations

from conference.people.repo import person_by_email

__all__ = ["person_by_email"]
