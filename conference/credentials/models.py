"""Credentials as the API shows them: documents, visa letters and their template."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal
from uuid import UUID

from pydantic import Field, PastDate, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from conference.protocol.missions import mission_country
from conference.types import (
    CountryCode,
    DocumentNumber,
    Language,
    LongText,
    Model,
    PersonName,
    PrintedText,
    Text,
)


class DocumentKind(StrEnum):
    note_verbale = "note_verbale"
    press_card = "press_card"
    passport_copy = "passport_copy"


class VisaLetterIn(Model):
    passport_name: PersonName = Field(
        description="the name exactly as in the passport, in Latin letters")
    passport_number: DocumentNumber
    nationality: CountryCode
    date_of_birth: PastDate = Field(
        gt=date(1900, 1, 1),
        description="in the past and after 1900 (docs/credentials.md, 'Visa letters')")
    consulate: PrintedText = Field(
        description="the consulate or embassy the letter is addressed to, in Latin, Greek or "
                    "Cyrillic letters; not one representing the country of ``nationality`` (422 "
                    "``own_country``) when its name says whose it is")

    @field_validator("consulate")
    @classmethod
    def _not_own_country(cls, consulate: str, info: ValidationInfo) -> str:
        """Nobody asks their own country for a visa: a Belgian national's letter to the
        « Ambassade de Belgique » is a mistake in one of the two fields (tryout, 2 December
        2026). Checked when the consulate's name says whose it is (`protocol.missions`)."""
        own = info.data.get("nationality")
        if own is not None and mission_country(consulate) == own:
            raise PydanticCustomError(
                "own_country", "the consulate represents the country of the passport's "
                "nationality ({country}): a visa is asked of another country's consulate; "
                "name the consulate of the country of the conference, or correct the "
                "nationality",
                {"country": own})
        return consulate


class VisaDecisionIn(Model):
    decision: Literal["approve", "refuse"]
    reason: LongText | None = Field(default=None, description="required to refuse")


class ReasonIn(Model):
    reason: LongText


class VisaLetter(Model):
    id: UUID
    accreditation_id: UUID
    status: Literal["requested", "approved", "refused", "cancelled"]
    passport_name: str
    passport_number: str
    nationality: str
    date_of_birth: date
    consulate: str
    number: str | None = Field(default=None, description="set when approved")
    reason: str | None = None
    replaces: UUID | None = Field(default=None, description="the letter this one reissues")
    requested_at: datetime
    decided_at: datetime | None = None
    cancelled_at: datetime | None = None


class VisaTemplate(Model):
    """The text of a conference's letters. ``body`` may name, in braces: passport_name,
    passport_number, nationality, date_of_birth, consulate, conference, dates, venue, and,
    inside a sentence, of_the_conference ("of the Ministerial Conference…", "de la
    Conférence…"), the_nationality ("the United States") and of_nationality ("de nationalité
    belge", "a Belgian national"); nationality is the adjective after a label ("belge",
    "Belgian"), else the country's name; capacity, right after the passport number, what the
    person comes as when known (", Director, member of the delegation of Belgium", « ;
    fonction : Directeur ; délégation : Belgique », ", a journalist with Le Soir"), else
    nothing."""

    letterhead: Text = Field(description="the first line of the letterhead (the host)")
    body: dict[Language, LongText]
    signatory_name: Text
    signatory_title: dict[Language, Text]


class Verification(Model):
    """What ``/v/{number}`` tells anyone holding the letter."""

    number: str
    valid: bool
    status: Literal["approved", "cancelled"]
    initials: str
    nationality: str
    conference: str
    conference_dates: str


class VettingStatusIn(Model):
    status: Literal["pending", "cleared", "more_information", "refused"]
    reason: LongText | None = Field(default=None,
                                    description="required for refused and more_information")


class VettingState(Model):
    accreditation_id: UUID
    status: Literal["not_required", "pending", "cleared", "more_information", "refused"]
    reason: str | None = None
    required: bool = Field(description="the person's category needs clearance")


class VettingRow(Model):
    """One person on the security page's list, with their current status."""

    accreditation_id: UUID
    family_name: str
    given_name: str
    category: str
    delegation: str | None
    status: Literal["pending", "cleared", "more_information", "refused"]
    gender: Literal["female", "male"] | None = None
    """The gender the category is said in (« Experte »: docs/protocol.md, "Titles in the
    person's gender"), None when not known."""
    reason: str | None
    set_at: datetime | None
    country: str | None = None
    """The delegation's country code, when it is a country's: ``delegation`` is then that code,
    else an organisation's name or a press outlet (which may be two capitals, "AP")."""
    nationality: str | None = None
    document_type: str | None = None
    document_number: str | None = None
    date_of_birth: date | None = None
    name_in_document: str | None = None
    """The identity document the security service checks the person against, as the vetting
    file gives it (the one given, else the visa letter's passport; docs/credentials.md,
    "Vetting"), with the name as written in it (None when not given): shown to the vetting
    office alone."""
    letter_languages: tuple[str, ...] = ()
    """The languages of the letters that quote the reason as written (a request for more
    information): the person's, or for a delegation member each of the delegation's focal
    points' (``focal_point_recipients``), so that the officer writes it in theirs."""


class VettingImported(Model):
    applied: int
    unchanged: int = 0
    """Lines that said again what is recorded (the status, no reason or the same): left alone."""


DocumentCategory = Literal["press", "minister", "official", "expert", "staff"]


class DocumentsRequired(Model):
    """The documents each category gives (docs/credentials.md, "Documents")."""

    documents_required: dict[DocumentCategory, list[DocumentKind]] = Field(
        description="for each category, the kinds it gives; a category left out gives none")


class PhotoRequired(Model):
    """The categories whose badge the applicant downloads only once their photo is given
    (docs/credentials.md, "Photo required")."""

    photo_required: list[DocumentCategory] = Field(
        max_length=5, description="the categories whose badge waits for the person's photo; "
                                  "empty: none")


class DocumentHeld(Model):
    kind: DocumentKind
    required: bool = Field(description="the person's category is asked for it")
    received: bool
    content_type: str | None = None
    size: int | None = None
    uploaded_at: datetime | None = None


class DocumentsState(Model):
    """What the person was asked for and what they gave: ``missing`` never blocks a
    decision (informative)."""

    accreditation_id: UUID
    items: list[DocumentHeld]
    missing: list[DocumentKind]
    security_question: str | None = Field(
        default=None,
        description="while the security service asks for more information (vetting status "
                    "more_information): what it asks, as written; the passport copy is then "
                    "asked too (docs/credentials.md, 'Documents')")
    security_question_by: Literal["security", "protocol"] | None = Field(
        default=None,
        description="who asks it: the security service, or protocol (or an administrator) "
                    "setting the vetting status itself; None when nothing is asked")


class LetterListed(VisaLetter):
    """A visa letter in protocol's list, with whose it is."""

    given_name: str
    family_name: str
    category: str
    gender: Literal["female", "male"] | None = None
    """The gender the category is said in (« Experte »), None when not known."""
    delegation_id: UUID | None = None
    language: Language = "en"
    """The holder's language, the one a refusal's reason is quoted in."""
    accreditation_status: str = Field(
        default="submitted", description="the holder's accreditation status: a letter is "
        "approved only for an approved accreditation")
