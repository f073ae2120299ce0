"""Rooms, sessions, participants, the protocol views and the published programme, as the API
shows them. Published snapshots and changelogs are frozen values."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import (
    AwareDatetime,
    Field,
    TypeAdapter,
    ValidatorFunctionWrapHandler,
    field_validator,
)

from conference.accreditation.domain import Category, Status
from conference.programme.published import Participant as Participant
from conference.programme.published import ParticipantRole as ParticipantRole
from conference.programme.published import PressAccess as PressAccess
from conference.programme.published import PublishedSession as PublishedSession
from conference.programme.published import SessionKind as SessionKind
from conference.programme.published import Snapshot as Snapshot
from conference.programme.published import Value as Value
from conference.protocol.ranks import Rank
from conference.types import Localized, Model, Text


def _distinct_audience(value: list[Category]) -> list[Category]:
    if len(set(value)) != len(value):
        raise ValueError("lists a category twice")
    order = list(Category)
    return sorted(value, key=order.index)


# --- rooms ------------------------------------------------------------------------------------


_TEXT: TypeAdapter[str] = TypeAdapter(Text)


class RoomIn(Model):
    name: Text | Localized
    """One name for both languages, or ``{"fr": …, "en": …}`` (docs/programme.md, "Rooms")."""
    capacity: int = Field(ge=1, le=100_000)
    """Seats, for the warning when more people are invited than the room holds."""

    @field_validator("name", mode="wrap")
    @classmethod
    def _one_name_or_two(cls, value: Any, handler: ValidatorFunctionWrapHandler
                         ) -> str | Localized:
        """Validate the form given only, so a refusal names ``name`` (a string) or ``name.fr``
        / ``name.en`` (an object), not each form of the union."""
        if isinstance(value, dict | Localized):
            return Localized.model_validate(value)
        return _TEXT.validate_python(value)


class Room(Model):
    id: UUID
    conference: str
    name: str
    """In the conference's first language (as before rooms had two)."""
    names: Localized
    """The name in French and in English (the same twice when one name was given)."""
    capacity: int
    created_at: datetime


class RoomList(Model):
    items: list[Room]


# --- sessions ---------------------------------------------------------------------------------


class SessionIn(Model):
    title: Localized
    kind: SessionKind
    room_id: UUID
    starts_at: AwareDatetime
    """With an offset; inside the conference dates in the conference's time zone."""
    ends_at: AwareDatetime
    press_access: PressAccess = PressAccess.closed
    """At a royal-presence session only ``pool``, ``photo_opportunity`` or ``closed``."""
    audience: list[Category] = Field(default=[], max_length=len(Category))
    """The categories invited (their approved accreditations)."""
    royal_presence: bool = False

    @field_validator("audience")
    @classmethod
    def _audience(cls, value: list[Category]) -> list[Category]:
        return _distinct_audience(value)


class SessionPatch(Model):
    """Any subset of the session's fields; the others keep their values (``null`` is refused)."""

    title: Localized | None = None
    kind: SessionKind | None = None
    room_id: UUID | None = None
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    press_access: PressAccess | None = None
    audience: list[Category] | None = Field(default=None, max_length=len(Category))
    royal_presence: bool | None = None

    @field_validator("audience")
    @classmethod
    def _audience(cls, value: list[Category] | None) -> list[Category] | None:
        return None if value is None else _distinct_audience(value)


class ParticipantIn(Model):
    role: ParticipantRole


class Session(Model):
    id: UUID
    conference: str
    title: Localized
    kind: SessionKind
    room_id: UUID
    room: str
    """The room's name in the conference's first language."""
    room_names: Localized
    """The room's name in French and in English."""
    starts_at: datetime
    """In the conference's time zone."""
    ends_at: datetime
    press_access: PressAccess
    audience: list[Category]
    royal_presence: bool
    seated_by: datetime | None
    """Royal-presence sessions: guests are seated by this time, before the patron arrives."""
    status: Literal["scheduled", "cancelled"]
    cancelled_at: datetime | None
    participants: list[Participant]
    created_at: datetime
    updated_at: datetime


class SessionWritten(Session):
    warnings: list[str] = []
    """E.g. more people invited than the room seats: a warning, not a refusal."""


class SessionList(Model):
    items: list[Session]


class ConflictItem(Value):
    """One clash that made the database refuse a change."""

    kind: Literal["room", "person"]
    session_id: UUID
    """The other session."""
    title: Localized
    room_id: UUID
    room: str
    starts_at: datetime
    ends_at: datetime
    accreditation_id: UUID | None = None
    """For a person booked twice: who."""
    seated_by: datetime | None = None
    """The other session is royal-presence: it occupies its room and people from this time,
    when its guests are seated (docs/programme.md, "Booked from the seating")."""


# --- protocol views ---------------------------------------------------------------------------


class PatronView(Model):
    name: str
    style: str
    """As the conference writes it, in the conference language."""
    address: str | None
    """The royal style: "Sa Majesté la Reine", "Her Majesty the Queen"."""


class HostView(Model):
    name: str
    rank: Rank | None
    function: str | None
    styled_name: str | None = None
    """The name with the style of the host's rank, as guests are named (docs/protocol.md)."""


class PersonView(Model):
    accreditation_id: UUID
    given_name: str
    family_name: str
    styled_name: str
    """With the form of address in the conference language ("Son Excellence Monsieur …")."""
    rank: Rank | None
    function: str | None
    delegation_id: UUID | None
    delegation: str | None
    """The country's name in the conference language, or the organisation's name."""
    is_host: bool
    role: ParticipantRole | None = None


class SpeakingSlotView(Model):
    position: int
    part: Literal["patron_arrival", "welcome", "speech"]
    person: PersonView | None
    """None for the patron's arrival."""
    clearance: Literal["refused"] | None = None
    """``refused`` when the person's security clearance was refused: they stay in the order
    until protocol takes them off the session (docs/credentials.md, "Vetting"); else null."""


class SpeakingOrder(Model):
    session_id: UUID
    royal_presence: bool
    patron: PatronView | None
    slots: list[SpeakingSlotView]


class Seat(Model):
    seat: int
    """0 the chair; +1 on the chair's right (as the chair sees it), -1 on the left, +2, -2, …"""
    person: PersonView
    clearance: Literal["refused"] | None = None
    """``refused`` when the person's security clearance was refused (they keep their seat
    until protocol takes them off the session); else null."""


class Seating(Model):
    session_id: UUID
    seats: list[Seat]
    """In order of precedence, the chair first."""
    from_audience_left_to_right: list[UUID]
    """The same people as the audience sees them, from its left to its right."""


class PrecedenceEntry(Model):
    position: int
    delegation_id: UUID
    delegation: str
    kind: Literal["country", "organisation"]
    country: str | None
    head: PersonView
    status: Status
    """The head's accreditation status (``approved`` or still ``submitted``)."""
    head_title: str = ""
    """The head's title in the list's language and their gender, as every list writes it after
    the name: « cheffe de délégation », « chef de délégation », "head of delegation"."""


class DelegationWithoutHead(Model):
    delegation_id: UUID
    delegation: str
    kind: Literal["country", "organisation"]
    country: str | None


class Precedence(Model):
    conference: str
    tie_break: str
    language: str
    presidency: str | None
    drawn_start: str | None
    patron: PatronView | None
    """Outside the ordering of guests: first of all."""
    hosts: list[HostView]
    """Outside the ordering of guests, as the conference lists them."""
    order: list[PrecedenceEntry]
    without_head: list[DelegationWithoutHead]
    """Delegations with no minister or official accredited (approved or submitted) yet."""


class DrawIn(Model):
    among: Literal["delegations", "all"] = "delegations"
    """Draw among the country delegations of the conference, or among every country."""


class Draw(Model):
    drawn_start: str
    seed: int
    candidates: list[str]


class SecurityListEntry(Model):
    accreditation_id: UUID
    family_name: str
    given_name: str
    """As on the identity document."""
    delegation: str | None
    category: Category
    role: Literal["chair", "speaker", "attendee", "audience"]
    gender: Literal["female", "male"] | None = None
    """The gender the category is said in (« Experte »), None when not known."""
    added_after_freeze: bool = False
    """Listed after the list froze: a participant's substitute approved after the deadline, or
    someone whose security clearance (which their category needs) was granted after it
    (docs/protocol.md, "Royal presence"); the list the royal household and the police were
    sent at the freeze does not name them."""
    in_place_of: str | None = None
    """For such a substitute, the person replaced (given and family name), as the frozen list
    named them."""
    date_of_birth: date | None = None
    """What the police check the person against (docs/protocol.md, "Royal presence"): the
    identity document given, else the passport of their latest visa letter request, from one
    source, never mixed; all four null when there is none or once the conference's vetting data
    are purged."""
    nationality: str | None = None
    """ISO 3166-1 alpha-2 country code."""
    document_type: Literal["passport", "identity_card", "diplomatic_passport"] | None = None
    document_number: str | None = None


class SecurityList(Model):
    session_id: UUID
    title: Localized
    starts_at: datetime
    seated_by: datetime | None
    deadline: datetime | None
    frozen: bool
    """True once the security-list deadline has passed: nobody may be added."""
    items: list[SecurityListEntry]
    awaiting_clearance: list[SecurityListEntry] = []
    """Not on the list: who would be, but whose security clearance, which their category
    needs, is not granted yet (pending, more information asked); no door admits them, and they
    join the list once cleared (after the freeze: marked ``added_after_freeze``)."""


# --- published programme ----------------------------------------------------------------------
# A published session and the snapshot of a version: conference/programme/published.py.


class SessionLine(Value):
    session_id: UUID
    title: Localized
    starts_at: datetime
    ends_at: datetime
    room_id: UUID
    room: str
    room_names: Localized | None = None
    """The room's name in both languages (None in versions published before rooms had two)."""


class Moved(Value):
    session_id: UUID
    title: Localized
    starts_at: datetime
    ends_at: datetime
    previous_starts_at: datetime
    previous_ends_at: datetime


class ReRoomed(Value):
    session_id: UUID
    title: Localized
    room_id: UUID
    room: str
    previous_room_id: UUID
    previous_room: str
    room_names: Localized | None = None
    previous_room_names: Localized | None = None
    """Both rooms' names in French and English (None in versions published before rooms had
    two)."""


class Renamed(Value):
    session_id: UUID
    title: Localized
    previous_title: Localized


class DetailChanged(Value):
    """A change to kind, press access, audience or royal presence."""

    session_id: UUID
    title: Localized
    field: Literal["kind", "press_access", "audience", "royal_presence"]
    value: Any
    previous_value: Any


class ParticipantLine(Value):
    session_id: UUID
    accreditation_id: UUID
    role: ParticipantRole


class RoleChanged(Value):
    session_id: UUID
    accreditation_id: UUID
    role: ParticipantRole
    previous_role: ParticipantRole


class Changelog(Value):
    """What changed from one published version to the next (see `domain.diff`)."""

    added: list[SessionLine] = []
    moved: list[Moved] = []
    re_roomed: list[ReRoomed] = []
    renamed: list[Renamed] = []
    cancelled: list[SessionLine] = []
    details_changed: list[DetailChanged] = []
    participants_added: list[ParticipantLine] = []
    participants_removed: list[ParticipantLine] = []
    participants_changed: list[RoleChanged] = []

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in type(self).model_fields)


class ProgrammeVersion(Model):
    conference: str
    version: int
    published_at: datetime
    timezone: str
    sessions: list[PublishedSession]
    """Participants are shown to organisers only; the public sees an empty list."""
    changes: Changelog


class ProgrammeQuery(Model):
    version: int | None = Field(default=None, ge=1)
    """A given version instead of the latest."""


class PublishIn(Model):
    """Optional body of a publication: the fingerprint of the preview it follows."""

    expected_fingerprint: str | None = Field(default=None, min_length=1, max_length=64)
    """When given, the publication is refused (409 ``stale-preview``) if the draft changed
    since the preview that showed this fingerprint."""


class DraftPreview(Model):
    """The API's preview of a publication: what publishing now would make, and the fingerprint
    to publish it with (``PublishIn.expected_fingerprint``)."""

    latest: int | None
    """The latest published version (None before the first)."""
    version: int
    changes: Changelog
    fingerprint: str


class PublicationPreview(Model):
    """What publishing the draft now would make: the next version's number, its changelog
    against the latest version, and the fingerprint a publication from this preview carries."""

    conference_id: UUID
    latest: int | None
    version: int
    changes: Changelog
    fingerprint: str
    sessions: list[PublishedSession]


class PublishResult(Model):
    version: int
    published: bool
    """False when nothing changed since the latest version: no new version was made."""
    published_at: datetime
    changes: Changelog
