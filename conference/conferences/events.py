"""Domain events of conferences and delegations (payloads: identifiers only)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from conference.outbox.events import Payload


class ConferenceCreated(Payload):
    slug: str


class PressWindowSet(Payload):
    """The press registration window of a conference, moved (when it opens and closes)."""

    opens_at: datetime
    closes_at: datetime


class ConferenceDetailsChanged(Payload):
    """A conference's details corrected after its creation (titles, venue, patron, hosts,
    press registration, spokespersons, organisers' address, privacy notice, Council
    presidency, and the days, time zone and languages): the fields changed, by their API
    names; a corrected time zone, the sessions whose instants it recomputed (kept at their
    local times)."""

    fields: list[str]
    sessions_moved: list[UUID] = []


class DelegationCreated(Payload):
    delegation_id: UUID
    kind: Literal["country", "organisation"]
    country: str | None


EVENT_TYPES: dict[str, type[Payload]] = {
    "conference.created": ConferenceCreated,
    "conference.press_window_set": PressWindowSet,
    "conference.details_changed": ConferenceDetailsChanged,
    "delegation.created": DelegationCreated,
}
