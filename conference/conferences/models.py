"""Conferences and delegations as the API shows them."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal, Self
from uuid import UUID

from pydantic import AwareDatetime, Field, model_validator

from conference.protocol.precedence import TieBreak
from conference.protocol.ranks import Rank
from conference.types import (
    CountryCode,
    Email,
    FieldsInvalid,
    Language,
    Localized,
    Model,
    Phone,
    Slug,
    Text,
    TimeZoneName,
)


class Venue(Model):
    name: Text
    """The venue's name as the venue gives it ("Palais d'Egmont")."""
    address: Text
    names: Localized | None = None
    """The name in each language ({fr: "Palais d'Egmont", en: "Egmont Palace"}), for a venue
    known by another name in the other language; unset, ``name`` in both (docs/programme.md,
    "The venue in each language")."""
    city: Localized | None = None
    """The city in each language ({fr: "Bruxelles", en: "Brussels"}), where a letter says it
    is written; unset, the city of the address, in the letter's language when it is a city
    whose name differs (docs/credentials.md, "Visa invitation letters")."""

    def name_in(self, language: str) -> str:
        """The venue's name in the reader's language (``names``, else ``name``)."""
        return self.names.get(language) if self.names is not None else self.name


class Patron(Model):
    name: Text
    style: Localized
    """How notices name the patron, e.g. {fr: "S.M. la Reine Paola de Belgique", en: ...}."""
    title: Literal["queen", "king"] | None = None


class Host(Model):
    name: Text
    function: Localized | None = None
    rank: Rank | None = None
    email: Email | None = None


class PressRegistration(Model):
    opens_at: AwareDatetime
    closes_at: AwareDatetime
    pool_capacity: int = Field(ge=0, le=100_000)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.closes_at <= self.opens_at:
            raise FieldsInvalid("closes_at must be after opens_at", "closes_at")
        return self


class Spokesperson(Model):
    name: Text
    phone: Phone
    email: Email | None = None


class ProtocolSettings(Model):
    tie_break: TieBreak = TieBreak.eu_protocol
    presidency: CountryCode | None = None
    seated_before_minutes: int = Field(default=15, ge=0, le=240)
    drawn_start: CountryCode | None = None
    """For ``drawn``: the starting country drawn by lot (recorded here so the order reproduces)."""
    organisation_order: list[Text] = []


class Quotas(Model):
    """Places per delegation by category; a category left out is not capped."""

    minister: int | None = Field(default=None, ge=0, le=10_000)
    official: int | None = Field(default=None, ge=0, le=10_000)
    expert: int | None = Field(default=None, ge=0, le=10_000)
    staff: int | None = Field(default=None, ge=0, le=10_000)


class PrivacyNotice(Model):
    """Who answers for the personal data of a conference's applicants (docs/privacy.md)."""

    controller: Text
    """The data controller, e.g. "European Commission, DG Trade"."""
    controller_names: Localized | None = None
    """The controller in each language ({fr: "Commission européenne, DG Commerce", en:
    "European Commission, DG Trade"}), for a controller named otherwise in the other
    language; unset, ``controller`` in both (docs/privacy.md, "The notice")."""
    dpo_email: Email | None = None
    """The data-protection officer's address; without one, the notice gives the controller's
    contact (the organisers' address) as such."""
    purposes: Localized | None = None
    """Why the data is processed; a default wording when absent."""
    legal_basis: Localized | None = None
    """The legal basis of the processing; by default, for an EU institution, Regulation (EU)
    2018/1725, Art. 5(1)(a) (a task carried out in the public interest)."""
    recipients: Localized | None = None
    """Who receives the data; by default the protocol service, the host country's security
    services (vetting) and the press office (press applications)."""
    transfers: Localized | None = None
    """Transfers outside the EU/EEA; by default, none."""
    authority: Localized | None = None
    """The supervisory authority a person may complain to; by default the European Data
    Protection Supervisor (EDPS, edps.europa.eu)."""


class ConferenceIn(Model):
    slug: Slug
    title: Localized
    short_name: Localized | None = None
    """A short name ("GA 2027"): the sender name and subject prefix of the letters."""
    privacy: PrivacyNotice | None = None
    venue: Venue
    timezone: TimeZoneName
    starts_on: date
    ends_on: date
    patron: Patron | None = None
    hosts: list[Host] = Field(default=[], max_length=20)
    languages: list[Language] = Field(default=["fr", "en"], min_length=1)
    press_registration: PressRegistration
    security_list_deadline: AwareDatetime | None = None
    spokespersons: list[Spokesperson] = Field(default=[], max_length=20)
    organiser_email: Email
    protocol: ProtocolSettings = ProtocolSettings()
    retention_days: int = Field(default=180, ge=0, le=36500)
    """Personal data is erased this many days after the conference ends."""
    vetting_retention_days: int = Field(default=7, ge=0, le=36500)
    """Security-vetting data goes first: this many days after the end (≤ retention_days)."""
    quotas: Quotas = Quotas()
    """Each delegation's places by category, unless the delegation's own quotas say otherwise."""
    nominations_close_at: AwareDatetime | None = None
    """Focal points add and edit members until then; afterwards only protocol, with a reason."""
    changes_close_at: AwareDatetime | None = None
    """Focal points substitute members until then; afterwards only protocol, with a reason."""
    vetting_required: list[Literal["press", "minister", "official", "expert", "staff"]] = Field(
        default=[], max_length=5,
        description="categories whose badge needs security clearance (docs/credentials.md)")
    photo_required: list[Literal["press", "minister", "official", "expert", "staff"]] = Field(
        default=[], max_length=5,
        description="categories whose badge is downloaded only once the person's photo is "
                    "given (docs/credentials.md, \"Photo required\")")
    documents_required: dict[
        Literal["press", "minister", "official", "expert", "staff"],
        list[Literal["note_verbale", "press_card", "passport_copy"]]] = Field(
        default={}, description="the documents each category gives (docs/credentials.md, "
                                "\"Documents\"); informative, nothing waits for them")

    @model_validator(mode="after")
    def _dates(self) -> Self:
        if self.ends_on < self.starts_on:
            raise FieldsInvalid("ends_on must not be before starts_on", "ends_on")
        if self.vetting_retention_days > self.retention_days:
            raise FieldsInvalid("vetting_retention_days must not exceed retention_days",
                                "vetting_retention_days")
        return self


class Conference(ConferenceIn):
    id: UUID
    created_at: datetime


class PresidencyIn(Model):
    """Of the protocol settings, what a correction may change: the Council presidency (the
    tie-break and its draw stay, as the order of the meeting hangs on them)."""

    presidency: CountryCode | None = None


class ConferenceDetailsIn(Model):
    """A correction of a conference's details (``PATCH /api/v1/conferences/{slug}``): each
    field given replaces the conference's, a field left out stays as it is. The days, the time
    zone and the languages are corrected under the rules of docs/workspaces.md ("The
    conference's days, time zone and languages": 409 naming the field when the meeting's state
    refuses); the identifier, deadlines and retention are not corrected here; ``short_name``,
    ``patron`` and ``privacy`` may be set to ``null`` (none), the others not
    (docs/workspaces.md, "The conference's details")."""

    title: Localized | None = None
    short_name: Localized | None = None
    privacy: PrivacyNotice | None = None
    venue: Venue | None = None
    patron: Patron | None = None
    hosts: list[Host] | None = Field(default=None, max_length=20)
    press_registration: PressRegistration | None = None
    spokespersons: list[Spokesperson] | None = Field(default=None, max_length=20)
    organiser_email: Email | None = None
    protocol: PresidencyIn | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    timezone: TimeZoneName | None = None
    """The zone the meeting's local times are in; the sessions keep the local times typed."""
    languages: list[Language] | None = Field(default=None, min_length=1, max_length=2)
    """The conference's languages, its first (the reference) first."""

    @model_validator(mode="after")
    def _kept(self) -> Self:
        for name in ("title", "venue", "hosts", "press_registration", "spokespersons",
                     "organiser_email", "protocol", "starts_on", "ends_on", "timezone",
                     "languages"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise FieldsInvalid(f"{name} cannot be removed; leave it out to keep it", name)
        if self.languages is not None and len(set(self.languages)) != len(self.languages):
            raise FieldsInvalid("a language is given twice", "languages")
        return self


class ConferenceCorrected(Model):
    """The conference as corrected, and the fields the correction changed (none: nothing was
    written)."""

    conference: Conference
    changed: list[str]
    to_review: list[str] = []
    """What the correction leaves the organisers to check, in words (a language added: its
    texts were never shown; docs/workspaces.md, "The conference's days, time zone and
    languages")."""


class OrganisationType(StrEnum):
    international_organisation = "international_organisation"
    eu_agency = "eu_agency"
    ngo = "ngo"
    academia = "academia"
    private_sector = "private_sector"


class Organisation(Model):
    name: Text
    type: OrganisationType


class FocalPoint(Model):
    name: Text
    email: Email
    language: Language | None = None
    """The language of their welcome mail and portal: one of the conference's languages;
    absent, the conference's first language. (A person who already has an account keeps
    theirs.)"""


class DelegationIn(Model):
    kind: Literal["country", "organisation"]
    country: CountryCode | None = None
    organisation: Organisation | None = None
    focal_point: FocalPoint

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.kind == "country" and (self.country is None or self.organisation is not None):
            raise FieldsInvalid("a country delegation gives country and no organisation",
                                "country" if self.country is None else "organisation")
        if self.kind == "organisation" and (self.organisation is None or self.country is not None):
            raise FieldsInvalid("an organisation delegation gives organisation and no country",
                                "organisation" if self.organisation is None else "country")
        return self


class FocalPointView(Model):
    name: str
    email: str
    """As given (or pseudonymised once the conference's retention period has passed)."""


class Delegation(Model):
    id: UUID
    kind: Literal["country", "organisation"]
    country: str | None
    organisation: Organisation | None
    name: str
    """The country's name in English, or the organisation's name."""
    focal_point: FocalPointView
    created_at: datetime


class DelegationCreated(Delegation):
    focal_point_token: str
    """The focal point's bearer token; shown once, stored only hashed."""


class DelegationList(Model):
    items: list[Delegation]
