"""The delegation lifecycle as the API shows it."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import AwareDatetime, Field

from conference.accreditation.domain import Category
from conference.conferences.models import Quotas
from conference.protocol.ranks import Rank
from conference.types import Model


class ImportQuery(Model):
    dry_run: bool = True
    """Report what the file would change without writing anything."""
    delegation_id: UUID | None = None
    """Protocol and admin: the delegation of every row (else each row's ``delegation``)."""
    mapping: str | None = Field(default=None, max_length=600)
    """A JSON object, header as written → importable column, for headers not recognised. At
    most 600 characters: a query string must fit the server's 8,190-byte request line even
    percent-encoded (a longer line is refused before the service can answer problem+json)."""


class RowError(Model):
    field: str
    message: str
    """In English; a client words the error in its own language from ``code`` and ``params``."""
    code: str
    """What is wrong, stable whatever the message says: ``required``, ``required-for``
    (``params.category``), ``not-a-label``, ``date``, ``no-such-date`` (``params.day``,
    ``month``), ``email``, ``too-long``
    (``params.max``), ``invalid`` (``params.type``), ``twice`` (``params.row``: the earlier
    row), ``staff``, ``own-delegation``, ``delegation-required``, ``no-delegation``
    (``params.delegation``), ``other-delegation``, ``press``, ``status`` and ``decided``
    (``params.status``), ``quota-exceeded`` (``params.category``, ``used``, ``allowed``)."""
    params: dict[str, str | int] = {}
    type: Literal["quota-exceeded", "not-a-label"] | None = None
    """``quota-exceeded`` when the row would take a place beyond its delegation's quota (then
    ``category``, ``used``: the places taken by the delegation and the file's earlier rows,
    ``allowed``); ``not-a-label`` when a rank, category, salutation or language is none of the
    labels accepted (the message lists them, English then French)."""
    category: str | None = None
    used: int | None = None
    allowed: int | None = None


class RowWarning(Model):
    """What a row may have got wrong without it being an error: the row is imported all the
    same (docs/lifecycle.md, "Import")."""

    field: str
    """The field to check: ``category`` or ``rank`` (``rank-category``), ``given_name``
    (``names-swapped``), ``given_name`` or ``family_name`` (``names-in-capitals``)."""
    message: str
    """In English, as the API's ``warnings`` of a filing words it; a client words the warning
    in its own language from ``code`` and ``params``."""
    code: Literal["rank-category", "names-swapped", "names-in-capitals"]
    """``rank-category``: a rank that does not fit the category (docs/protocol.md, "Rank and
    category"); ``names-swapped``: the given name in capitals, the family name not;
    ``names-in-capitals``: the family name, or both, written entirely in capitals (letters
    print names as typed)."""
    params: dict[str, str | int] = {}
    """The person as the row names them (``given_name``, ``family_name``); for
    ``rank-category``, also the ``rank`` and the ``category`` (their codes)."""


class ImportRow(Model):
    row: int
    """The line in the file (the header is line 1)."""
    outcome: Literal["create", "update", "unchanged", "error"]
    accreditation_id: UUID | None
    changed: list[str] = []
    errors: list[RowError] = []
    warnings: list[RowWarning] = []
    """What the row may have got wrong without it being an error (a rank that does not fit
    the category, names that look swapped): never stops the import."""


class ImportCounts(Model):
    create: int = 0
    update: int = 0
    unchanged: int = 0
    error: int = 0


class UnknownColumn(Model):
    """A header the import does not recognise: its column is ignored (not an error)."""

    header: str
    """As written (spaces collapsed, at most 100 characters)."""
    position: int
    """The column's place in the header row, from 1."""
    suggestion: str | None = None
    """A header the import reads that is close to this one (``fonction`` for ``fonctoin``)."""
    column: str | None = None
    """The importable column ``suggestion`` names (``function``)."""
    message: str
    """In English; a client words it from ``header`` and ``suggestion``."""


class ImportResult(Model):
    applied: bool
    """Whether the rows were written: never on a dry run, nor when any row has an error."""
    counts: ImportCounts
    rows: list[ImportRow]
    unknown_columns: list[UnknownColumn] = []
    """The header row's columns the import ignored (a warning: they do not stop the import),
    each with the known header it is close to, if any."""


class DelegationImportQuery(Model):
    dry_run: bool = True
    """Report what the file would change without writing anything."""


class DelegationImportRow(Model):
    row: int
    """The line in the file (the header is line 1)."""
    outcome: Literal["create", "update", "unchanged", "error"]
    delegation_id: UUID | None
    """The delegation the row created or matched; none for a row in error, and for a row a dry
    run would create."""
    changed: list[str] = []
    """What an update changes: ``places`` (the delegation's own places), ``focal_point`` (an
    address not yet one of its focal points, added as another)."""
    errors: list[RowError] = []
    """Each naming the column (``country``, ``organisation``, ``organisation_type``,
    ``focal_point_name``, ``focal_point_email``, ``focal_point_language``, ``places_…``);
    codes: ``required``, ``both``, ``invalid``, ``email``, ``too-long``, ``not-a-label``,
    ``places``, ``twice`` (``params.row``), ``exists``, ``conference-language``, ``fixed``
    (docs/lifecycle.md, "Importing delegations")."""


class DelegationImportResult(Model):
    applied: bool
    """Whether the rows were written: never on a dry run, nor when any row has an error (all
    rows or none, as the members' import)."""
    counts: ImportCounts
    rows: list[DelegationImportRow]


class ExportQuery(Model):
    delegation_id: UUID | None = None


class ParticipantEntry(Model):
    accreditation_id: UUID
    given_name: str
    family_name: str
    styled_name: str
    category: Category
    rank: Rank | None
    function: str | None
    head: bool
    head_title: str | None = None
    """The head's title in the list's language and in their gender's form ("cheffe de
    délégation"; docs/protocol.md, "Forms of address"); none for the other members and in a
    list released before it was added."""
    rank_title: str | None = None
    """The rank in the list's language and in the member's gender's form (« Cheffe d'État »
    for a woman, the double form when the gender is unknown); none without a rank and in a
    list released before it was added."""


class ParticipantDelegation(Model):
    position: int
    delegation_id: UUID
    delegation: str
    kind: str
    country: str | None
    members: list[ParticipantEntry]


class ListedHost(Model):
    name: str
    function: str | None
    """In the list's language, when the conference gives it."""
    styled_name: str | None = None
    """The name with the style of the host's rank, as a guest minister's ("Son Excellence
    Hadja Lahbib"); absent from a list released before it was added."""


class ParticipantsList(Model):
    conference: str
    language: str
    version: int | None
    """The released version, or none for the organisers' live list."""
    released_at: datetime | None
    patron: str | None = None
    """The patron as the list's language styles them; the list opens with the patron, then the
    hosts, before every delegation (docs/protocol.md, "Patron and hosts"). A version released
    before the list had them has neither."""
    hosts: list[ListedHost] = []
    delegations: list[ParticipantDelegation]


class ParticipantsQuery(Model):
    format: Literal["json", "csv", "pdf", "html"] | None = None
    """Instead of the Accept header."""
    released: bool = False
    """Organisers: the last released version instead of the live list."""


class Released(Model):
    version: int
    released_at: datetime
    delegations: int
    participants: int


class Funnel(Model):
    approved: int
    badged: int
    """Approved accreditations whose badge has been presented at a door."""
    checked_in: int
    """Approved accreditations admitted at a door at least once."""


class DelegationCount(Model):
    delegation_id: UUID
    delegation: str
    count: int


class Statistics(Model):
    conference: str
    by_category: dict[str, int]
    """Live accreditations (submitted, waitlisted, approved) by category."""
    by_status: dict[str, int]
    """Every accreditation by status."""
    by_country: dict[str, int]
    """Live accreditations by the country of their delegation (press: of their outlet)."""
    by_delegation: list[DelegationCount]
    heads_by_salutation: dict[str, int]
    """Heads of delegation: women, men, not_stated."""
    funnel: Funnel


class DelegationQuotas(Model):
    delegation_id: UUID
    quotas: dict[str, int]
    """The delegation's own places by category; the others follow the conference's defaults."""


class LifecycleIn(Model):
    """A change to a conference's deadlines and default quotas: the fields given change (a
    deadline given as null is lifted; ``quotas`` replaces the defaults), the others stay."""

    nominations_close_at: AwareDatetime | None = None
    """Focal points add and edit members until then (a date-time with its offset)."""
    changes_close_at: AwareDatetime | None = None
    """Focal points substitute members until then; not before ``nominations_close_at``."""
    quotas: Quotas | None = None
    """Places per delegation by category; a category left out is not capped."""
    security_list_deadline: AwareDatetime | None = None
    """The security lists of royal-presence sessions freeze then (docs/protocol.md, "Royal
    presence"); null lifts it. Set at the conference's creation, it used to be final."""


class LifecycleSettings(Model):
    conference: str
    nominations_close_at: datetime | None
    changes_close_at: datetime | None
    quotas: dict[str, int]
    security_list_deadline: datetime | None = None


class DelegationPlaces(Model):
    """A delegation's places by category: taken (live accreditations), its own quotas and the
    places allowed (its own, else the conference's default; None: not capped)."""

    delegation_id: UUID
    delegation: str
    country: str | None
    own: dict[str, int]
    used: dict[str, int]
    allowed: dict[str, int | None]
