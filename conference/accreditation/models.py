"""Accreditations as the API shows them."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal, Self
from uuid import UUID

from pydantic import Field, model_validator

from conference.accreditation.domain import Category, Status
from conference.protocol.ranks import Rank
from conference.types import (
    CountryCode,
    Email,
    FieldsInvalid,
    Language,
    LongText,
    Model,
    PersonName,
    PrintedText,
    Text,
)

Salutation = Literal["mrs", "mr", "neutral"]


class PressRole(StrEnum):
    journalist = "journalist"
    photographer = "photographer"
    camera = "camera"
    technician = "technician"


class PressDetails(Model):
    outlet: Text
    press_card_number: Text
    """The press card number, or the reference of a letter of assignment."""
    role: PressRole
    country: CountryCode | None = None
    """Country of the outlet, used to share the pool fairly."""


MEMBER_REQUIRED = ("delegation_id", "rank", "function")
"""What a minister's or an official's registration needs beyond a person's details."""


def missing_member_fields(category: Category | str | None,
                          values: dict[str, object]) -> list[str]:
    """The fields of ``MEMBER_REQUIRED`` a delegation member of ``category`` lacks (empty or
    absent count as missing); none for other categories. The portal's form names them."""
    if category not in (Category.minister, Category.official):
        return []
    return [n for n in MEMBER_REQUIRED if values.get(n) in (None, "")]


class AccreditationIn(Model):
    category: Category
    given_name: PersonName
    family_name: PersonName
    email: Email
    language: Language = "en"
    gender: Literal["female", "male"] | None = None
    """Optional; used only for forms of address (Her/His Excellency, Ms/Mr)."""
    salutation: Salutation = "neutral"
    """How letters address the person: Madame / Ms (``mrs``), Monsieur / Mr (``mr``), or a
    wording that needs neither (``neutral``); French agreement follows it."""
    press: PressDetails | None = None
    delegation_id: UUID | None = None
    rank: Rank | None = None
    function: PrintedText | None = None
    function_fr: PrintedText | None = None
    """The function in French, when ``function`` is typed in another language (or to say it
    otherwise): French letters, lists and pages print it (docs/protocol.md, "A function in each
    language")."""
    function_en: PrintedText | None = None
    """The function in English: English letters, lists and pages print it, else ``function``."""
    in_office_since: date | None = None
    override_reason: LongText | None = None
    """Protocol: why a registration beyond the delegation's quota or after the nominations
    deadline is accepted (kept in the history)."""

    @model_validator(mode="after")
    def _category_fields(self) -> Self:
        if self.category is Category.press:
            if self.press is None:
                raise FieldsInvalid(
                    "press applications need press {outlet, press_card_number, role}", "press")
            given = [n for n in ("delegation_id", "rank", "function", "function_fr",
                                    "function_en") if getattr(self, n)]
            if given:
                raise FieldsInvalid(
                    "press applications take no delegation_id, rank or function", *given)
        else:
            if self.press is not None:
                raise FieldsInvalid(
                    f"press details do not apply to category {self.category.value}", "press")
            if self.category in (Category.minister, Category.official):
                missing = missing_member_fields(
                    self.category, {n: getattr(self, n) for n in MEMBER_REQUIRED})
                if missing:
                    raise FieldsInvalid(
                        f"delegation members need {', '.join(missing)}", *missing)
            if self.category is Category.expert and self.rank is None:
                self.rank = Rank.expert
        return self


class HistoryEntry(Model):
    at: datetime
    actor: str
    action: str
    from_status: Status | None
    to_status: Status
    reason: str | None
    linked_accreditation_id: UUID | None = None
    """A substitution: the accreditation that took this one's place, or whose place this one
    took."""
    vetting_status: Literal["pending", "cleared", "more_information", "refused"] | None = None
    """A security-clearance line (action ``vetting_<status>``): the status set; the
    accreditation's own status is unchanged. Its reason is shown to the protocol office alone
    (docs/credentials.md, "Vetting")."""


class Accreditation(Model):
    id: UUID
    conference: str
    category: Category
    status: Status
    given_name: str
    family_name: str
    email: str
    language: Language
    gender: Literal["female", "male"] | None
    salutation: Salutation = "neutral"
    press: PressDetails | None
    delegation_id: UUID | None
    rank: Rank | None
    function: str | None
    function_fr: str | None = None
    """The function in French when given (docs/protocol.md, "A function in each language")."""
    function_en: str | None = None
    """The function in English when given."""
    in_office_since: date | None
    submitted_at: datetime
    decided_at: datetime | None
    history: list[HistoryEntry] | None = None


class AccreditationCreated(Accreditation):
    access_token: str
    """The applicant's private token (shown once): read or withdraw the application with it."""
    warnings: list[str] = []


class AmendedAccreditation(Accreditation):
    """An accreditation as an amendment or a correction leaves it."""

    warnings: list[str] = []
    """What the details as amended may have got wrong without being invalid, in English, as
    the created answer's ``warnings`` say it: the given name in capitals (swapped names?), a
    rank that does not fit the category (docs/protocol.md, "Rank and category")."""


class AccreditationPage(Model):
    items: list[Accreditation]
    next_cursor: str | None


class DecisionIn(Model):
    decision: Literal["approve", "reject", "waitlist"]
    reason: LongText | None = None
    not_a_duplicate: bool = False
    """An approval: the officer checked that this press application is another person than an
    approved one it probably duplicates (the same name at the same outlet, or the same press
    card number once folded), so it is approved all the same, and the trail says so
    (docs/workspaces.md, "Possible duplicates"). Without it: 409 ``duplicate-approved``."""

    @model_validator(mode="after")
    def _reason(self) -> Self:
        if self.decision == "reject" and not self.reason:
            raise FieldsInvalid("a rejection needs a reason", "reason")
        return self


class SubstitutionIn(Model):
    """The person taking a delegation member's place (category and delegation are the
    member's)."""

    given_name: PersonName
    family_name: PersonName
    email: Email
    language: Language = "en"
    gender: Literal["female", "male"] | None = None
    rank: Rank | None = None
    """Default: the member's rank."""
    function: PrintedText | None = None
    """Default: the member's function."""
    function_fr: PrintedText | None = None
    """The function in French; default: the member's, when the function is the member's."""
    function_en: PrintedText | None = None
    """The function in English; default: the member's, when the function is the member's."""
    in_office_since: date | None = None
    reason: LongText | None = None
    """Why (kept in both histories); needed from protocol after ``changes_close_at``."""
    approve: bool = False
    """Protocol, replacing an approved member: the new accreditation starts approved."""


class PressCorrection(Model):
    """A journalist's press details corrected: the fields given replace the application's."""

    outlet: Text | None = None
    press_card_number: Text | None = None
    role: PressRole | None = None


class AmendmentIn(Model):
    """A delegation member's details changed before the decision: the fields given replace the
    member's (the others stay); the result must still be a valid member (422 naming the field).
    The delegation and the status do not change.

    For a press application (the press office's correction, docs/workspaces.md, "Correcting a
    journalist"): ``given_name``, ``family_name`` and ``press`` only, with a ``reason``, while
    submitted, waitlisted or approved.

    For an approved delegation member (protocol's correction, docs/workspaces.md, "Correcting
    an approved member"): the names, ``rank``, the functions and ``in_office_since`` only, with
    a ``reason``, by protocol or an administrator."""

    category: Literal["minister", "official", "expert"] | None = None
    given_name: PersonName | None = None
    family_name: PersonName | None = None
    email: Email | None = None
    language: Language | None = None
    gender: Literal["female", "male"] | None = None
    rank: Rank | None = None
    function: PrintedText | None = None
    function_fr: PrintedText | None = None
    """The function in French (``null`` removes it)."""
    function_en: PrintedText | None = None
    """The function in English (``null`` removes it)."""
    in_office_since: date | None = None
    press: PressCorrection | None = None
    """A journalist's outlet, press card number or role (press applications only)."""
    reason: LongText | None = None
    """Why a journalist's, or an approved member's, details are corrected (required for them;
    kept in the history). A delegation member's amendment before the decision takes none."""


class ReasonIn(Model):
    reason: LongText | None = None


class InformationRequestIn(Model):
    """What the office asks an applicant under review (docs/workspaces.md, "Asking for more
    information"): mailed with a fresh private link, kept in the history."""

    message: LongText


class InformationAnswerIn(Model):
    """The applicant's answer in words to the office's request for more information
    (docs/workspaces.md, "Asking for more information"): kept in the history, the office told
    by mail."""

    answer: LongText


class ListQuery(Model):
    category: Category | None = None
    status: Status | None = None
    delegation_id: UUID | None = None
    limit: int = Field(default=50, ge=1, le=500)
    cursor: str | None = Field(default=None, max_length=100)
