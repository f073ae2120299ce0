"""Domain events of credentials (counts and identifiers, never names or documents)."""

from __future__ import annotations

from uuid import UUID

from conference.outbox.events import Payload


class PhotoUploaded(Payload):
    accreditation_id: UUID
    width: int
    height: int


class DocumentUploaded(Payload):
    accreditation_id: UUID
    kind: str
    content_type: str


class VisaLetterRequested(Payload):
    visa_letter_id: UUID
    accreditation_id: UUID


class VisaLetterDecided(Payload):
    visa_letter_id: UUID
    accreditation_id: UUID
    number: str | None = None
    reissue_of: UUID | None = None
    accreditation_status: str | None = None
    """A request refused because its accreditation ended: the accreditation's status
    (``rejected``, ``withdrawn``, ``revoked``, ``substituted``); None for protocol's
    decision."""


class VisaLetterCancelled(Payload):
    visa_letter_id: UUID
    accreditation_id: UUID
    number: str
    accreditation_status: str | None = None
    """A letter cancelled because its accreditation ended: the accreditation's status
    (``rejected``, ``withdrawn``, ``revoked``, ``substituted``); None for protocol's
    cancellation."""


class VisaTemplateChanged(Payload):
    conference_id: UUID


class VettingStatusSet(Payload):
    accreditation_id: UUID
    status: str
    via: str = "api"
    """``api`` (one person) or ``csv`` (a results file from the security service)."""
    by: str | None = None
    """The role that recorded it (``security``, ``protocol``, ``admin``): the letters and the
    pages say who asked (docs/credentials.md, "Vetting"); None in events recorded before it
    was kept, told as the security service's."""


class DocumentsRequiredSet(Payload):
    conference_id: UUID
    categories: list[str]
    """The categories that now ask for at least one document."""


class PhotoRequiredSet(Payload):
    conference_id: UUID
    categories: list[str]
    """The categories whose badge now waits for the person's photo."""
    previous: list[str]
    """Those it waited for before the change."""


EVENT_TYPES: dict[str, type[Payload]] = {
    "accreditation.photo_uploaded": PhotoUploaded,
    "accreditation.document_uploaded": DocumentUploaded,
    "visa_letter.requested": VisaLetterRequested,
    "visa_letter.approved": VisaLetterDecided,
    "visa_letter.refused": VisaLetterDecided,
    "visa_letter.cancelled": VisaLetterCancelled,
    "visa_letter.template_changed": VisaTemplateChanged,
    "accreditation.vetting_status_set": VettingStatusSet,
    "conference.documents_required_set": DocumentsRequiredSet,
    "conference.photo_required_set": PhotoRequiredSet,
}

