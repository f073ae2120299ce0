"""Domain events of conferences and delegations (payloads: identifiers only)."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from conference.outbox.events import Payload


class ConferenceCreated(Payload):
    slug: str


class DelegationCreated(Payload):
    delegation_id: UUID
    kind: Literal["country", "organisation"]
    country: str | None


EVENT_TYPES: dict[str, type[Payload]] = {
    "conference.created": ConferenceCreated,
    "delegation.created": DelegationCreated,
}
