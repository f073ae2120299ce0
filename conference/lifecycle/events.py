"""Domain events of the delegation lifecycle (identifiers and counts only)."""

from __future__ import annotations

from uuid import UUID

from conference.accreditation.events import AccreditationAmended
from conference.outbox.events import Payload


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
    security_list_deadline: str | None = None


__all__ = ["AccreditationAmended", "DelegationQuotasChanged", "LifecycleChanged",
           "MembersImported",
           "ParticipantsReleased", "EVENT_TYPES"]
"""``AccreditationAmended`` (``accreditation.amended``, recorded by imports too) is the
accreditation's event, registered there."""

EVENT_TYPES: dict[str, type[Payload]] = {
    "delegation.quotas_changed": DelegationQuotasChanged,
    "delegation.members_imported": MembersImported,
    "participants.released": ParticipantsReleased,
    "conference.lifecycle_changed": LifecycleChanged,
}
