"""Domain events of personal data (counts, never names)."""

from __future__ import annotations

from uuid import UUID

from conference.outbox.events import Payload


class PersonalDataErased(Payload):
    accreditation_id: UUID
    tables: dict[str, int]


class VettingRecorded(Payload):
    accreditation_id: UUID


class RetentionPurged(Payload):
    vetting_records: int
    accreditations: int
    delegations: int
    scope: str
    """"vetting" (vetting data only) or "all"."""


EVENT_TYPES: dict[str, type[Payload]] = {
    "personal_data.erased": PersonalDataErased,
    "accreditation.vetting_recorded": VettingRecorded,
    "retention.purged": RetentionPurged,
}
