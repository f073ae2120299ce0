"""Domain events of the delegation lifecycle (identifiers and counts only)."""

from __future__ import annotations

from uuid import UUID

from conference.outbox.events import Payload


class AccreditationAmended(Payload):
    """A member's details changed (by an import): which fields, not their values."""

    accreditation_id: UUID
    category: str
    status: str
    delegation_id: UUID | None
    fields: list[str]


class MembersImported(Payload):
    delegation_ids: list[UUID]
    created: int
    updated: int
    unchanged: int


class ParticipantsReleased(Payload):
    version: int
    delegations: int
    participants: int


class DelegationQuotasChanged(Payload):
    delegation_id: UUID
    quotas: dict[str, int]


class LifecycleChanged(Payload):
    """A conference's deadlines or default quotas changed: which fields, and the new values."""

    fields: list[str]
    nominations_close_at: str | None
    changes_close_at: str | None
    quotas: dict[str, int]


EVENT_TYPES: dict[str, type[Payload]] = {
    "delegation.quotas_changed": DelegationQuotasChanged,
    "accreditation.amended": AccreditationAmended,
    "delegation.members_imported": MembersImported,
    "participants.released": ParticipantsReleased,
    "conference.lifecycle_changed": LifecycleChanged,
}
