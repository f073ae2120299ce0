"""Personal data as exported, and the security-vetting record."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import Field, PastDate

from conference.accreditation.models import Accreditation
from conference.types import CountryCode, DocumentNumber, Model, PersonName


class VettingIn(Model):
    document_type: Literal["passport", "identity_card", "diplomatic_passport"]
    document_number: DocumentNumber
    date_of_birth: PastDate = Field(
        gt=date(1900, 1, 1),
        description="in the past and after 1900, as on a visa letter (docs/credentials.md, "
                    "'Vetting')")
    nationality: CountryCode
    name_in_document: PersonName | None = Field(
        default=None,
        description="the name as written in the document, in Latin letters; optional: given "
                    "for a passport, the visa letter form on the pages recalls it "
                    "(docs/credentials.md, 'Vetting')")


class VettingChange(VettingIn):
    """One recorded version of the vetting data: who gave it, when."""

    at: datetime
    actor: str


class Vetting(VettingIn):
    recorded_at: datetime
    history: list[VettingChange] = []
    """Every version recorded, oldest first (for protocol, security and admin)."""


class DeliveryRecord(Model):
    id: UUID
    template: str
    recipient: str
    subject: str
    status: str
    created_at: datetime
    sent_at: datetime | None


class PersonalData(Model):
    """Everything held about one person in one conference."""

    accreditation: Accreditation
    vetting: Vetting | None = None
    """The person's security-vetting data (in the person's own export and admin's)."""
    deliveries: list[DeliveryRecord] = []
    sessions: list[dict[str, Any]] = []
    check_ins: list[dict[str, Any]] = []
    replies: list[dict[str, Any]] = []
    """The person's answers to their invitations, per session."""
    credentials: list[dict[str, Any]] = []
    """The photo, the photo as sent kept beside it, and documents held (their type and size,
    not their content), the visa letters."""
    exported_at: datetime


class Erased(Model):
    accreditation_id: UUID
    erased_at: datetime
    tables: dict[str, int] = Field(description="rows changed per table")
