"""What other domains may read of a conference, in their own connection and transaction: the
published surface of this package (its repository is its own; docs/architecture.md)."""

from __future__ import annotations

from conference.conferences.repo import (
    CALENDAR_REVISION_SQL,
    calendar_revision,
    conference_by_id,
    conference_by_slug,
    country_name,
    lock_conference,
    share_conference,
)

__all__ = ["CALENDAR_REVISION_SQL", "calendar_revision", "conference_by_id", "conference_by_slug",
           "country_name", "lock_conference", "share_conference"]
