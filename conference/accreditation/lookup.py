"""What other domains may read of an accreditation, in their own connection and transaction:
the published surface of this package (its repository is its own; docs/architecture.md)."""

from __future__ import annotations

from conference.accreditation.repo import (
    badge_short_reference,
    current_by_email,
    from_row,
    history_for,
    history_of,
    press_people,
    row_by_id,
)

__all__ = ["badge_short_reference", "current_by_email", "from_row", "history_for", "history_of",
           "press_people", "row_by_id"]
