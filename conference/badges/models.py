"""Zones, press pools and check-ins as the API shows them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field, StringConstraints, field_validator

from conference.accreditation.domain import Category, Status
from conference.badges.domain import (
    POOL_COVERED,
    Layout,
    PrintStatus,
    Reason,
    ReissueReason,
    ZoneKind,
)
from conference.types import Localized, LongText, Model, Text

ZoneCode = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]


def _distinct(values: list[object]) -> list[object]:
    if len(set(values)) != len(values):
        raise ValueError("lists an item twice")
    return values


class Grants(Model):
    """What gives the zone: categories, sessions (their participants and invited audience), press
    pools (their members)."""

    categories: list[Category] = Field(default=[], max_length=len(Category))
    sessions: list[UUID] = Field(default=[], max_length=200)
    pools: list[UUID] = Field(default=[], max_length=200)

    @field_validator("categories", "sessions", "pools")
    @classmethod
    def _no_repeats(cls, value: list[object]) -> list[object]:
        return _distinct(value)


class ZoneIn(Model):
    code: ZoneCode
    """What the door scanners send, e.g. ``plenary-hall``."""
    name: Localized
    kind: ZoneKind = ZoneKind.standard
    """``royal_perimeter``: admission by the security list of royal-presence sessions, press
    only through a press pool granted to the zone."""
    grants: Grants = Grants()
    opens_on: date | None = None
    """The first day the zone admits, in the conference's time zone; none: the conference's
    first day (docs/credentials.md, "Days of admission"; a scan on another day is refused
    ``outside_hours``)."""
    closes_on: date | None = None
    """The last day the zone admits; none: the conference's last day."""


class ZoneChange(Model):
    """What changes in a zone: its names, its days and the categories it admits, each only when
    given (its code and kind stay; sessions and pools granting it stay as they are). The
    console's zones page gives them all; ``PATCH /api/v1/zones/{zone_id}`` (a ``ZonePatch``)
    the names and days it was sent."""

    name: Localized | None = None
    opens_on: date | None = None
    closes_on: date | None = None
    categories: list[Category] | None = Field(default=None, max_length=len(Category))

    @field_validator("name")
    @classmethod
    def _not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("a zone keeps a name: give both names, or leave the field out")
        return value

    @field_validator("categories")
    @classmethod
    def _no_repeats(cls, value: list[object] | None) -> list[object] | None:
        if value is None:
            raise ValueError("give the list of categories (empty for none), or leave it out")
        return _distinct(value)


class ZonePatch(Model):
    """``PATCH /api/v1/zones/{zone_id}``: a zone's names and days; a field left out stays as
    it is, ``opens_on`` or ``closes_on`` null returns to the conference's first or last day
    (docs/credentials.md, "Days of admission")."""

    name: Localized | None = None
    """Both names, fr and en (null is refused: a zone keeps its names)."""
    opens_on: date | None = None
    closes_on: date | None = None

    @field_validator("name")
    @classmethod
    def _not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("a zone keeps a name: give both names, or leave the field out")
        return value


class Zone(Model):
    id: UUID
    conference: str
    code: str
    name: Localized
    kind: ZoneKind
    grants: Grants
    created_at: datetime
    opens_on: date | None = None
    """The first day the zone admits (none: the conference's first day)."""
    closes_on: date | None = None
    """The last day the zone admits (none: the conference's last day)."""


class ZoneList(Model):
    items: list[Zone]


class PoolIn(Model):
    name: Text


class Pool(Model):
    id: UUID
    conference: str
    name: str
    members: list[UUID]
    """Press accreditations; one pool per person."""
    sessions: list[UUID] = []
    """The sessions the pool covers, by their start: its members are invited to them
    (docs/credentials.md, "Press pools and the sessions they cover")."""
    created_at: datetime


class PoolList(Model):
    items: list[Pool]


class PoolPerson(Model):
    """A press accreditation as the press desk's pools page names it (docs/workspaces.md,
    "Press pools"): a member of one of the conference's pools, or an approved journalist who
    may join one (``pool_id`` None)."""

    accreditation_id: UUID
    given_name: str
    family_name: str
    outlet: str | None
    role: str | None
    """The press role (``PressRole``'s value)."""
    status: Status
    pool_id: UUID | None
    clearance: Literal["refused", "awaited", "cleared"] | None = None
    """The security clearance the press category needs: refused, awaited (pending, more
    information asked) or cleared; None when not required. The page says it beside the name (a
    pool offered journalists who would never hold a badge: tryout of the meeting's day, 5
    December 2026), and offers no journalist whose clearance was refused."""


class PoolSession(Model):
    """A session as the press desk's pools page names it (docs/workspaces.md, "Press pools"):
    one a pool covers, or one it may cover (``coverable``)."""

    id: UUID
    title: Localized
    starts_at: datetime
    ends_at: datetime
    press_access: str
    cancelled: bool

    @property
    def coverable(self) -> bool:
        """A session a pool may be linked to now (``domain.check_may_cover``)."""
        return not self.cancelled and self.press_access in POOL_COVERED


class CheckInIn(Model):
    badge: str = Field(min_length=1, max_length=512)
    """The text of the badge's QR code, or the short reference printed under it (``4F7K-92QX``;
    case, spaces and dashes do not matter, O is read 0 and I or L 1)."""
    zone: str = Field(min_length=1, max_length=63)
    """The zone's code."""


class Holder(Model):
    """Who the badge names, so the door can compare with the identity document."""

    accreditation_id: UUID
    given_name: str
    family_name: str
    category: Category
    affiliation: str | None
    """The delegation (country or organisation) or the press outlet."""
    gender: Literal["female", "male"] | None = None
    """female, male or None (not known): the door names the category in it, as the badge
    does (« Experte »: docs/protocol.md, "Titles in the person's gender")."""


class ClosedSession(Model):
    """The session that refused a press badge: closed to the press (``press_session_closed``),
    open to the press pool only (``press_pool_only``) or a photo opportunity
    (``press_photo_only``)."""

    id: UUID
    title: Localized
    ends_at: datetime
    """When it ends, in the conference's time zone."""
    closed_until: datetime
    """When the badge is admitted again: its end, or the end of the sessions keeping it out
    (closed, pool, a photo opportunity but for a photographer) that follow it in its room
    without a break (in the conference's time zone)."""


class LateForSession(Model):
    """A royal-presence session whose guests were to be seated before this admission."""

    id: UUID
    title: Localized
    seated_by: datetime
    """The "please be seated by" time its invitations gave, in the conference's time zone."""
    starts_at: datetime
    """When the patron arrives and the session starts, in the conference's time zone."""


class CheckIn(Model):
    id: int
    admitted: bool
    reason: Reason
    detail: str
    zone: str
    scanned_at: datetime
    holder: Holder | None
    """Present when the badge is genuine and names an accreditation of this conference."""
    added_after_freeze: bool = False
    """Admitted at a royal perimeter although approved after the security list froze (a late
    substitute put on the session in another's place): the list the royal household and the
    police were sent at the freeze does not name them (docs/protocol.md, "Royal presence")."""
    admitted_before: datetime | None = None
    """With an admission: when the same person was last admitted to this zone (in the
    conference's time zone); None the first time. Re-entry is ordinary (a break, a lunch); the
    door says it so that a badge handed back out to someone else is looked at twice."""
    zones_granted: list[str] = Field(default_factory=list)
    """With ``zone_not_granted``: the codes of the zones the badge does open (what it prints),
    so that the door staff can say where the person may go; with ``press_pool_only``, the
    zones the person's press pools enter by; empty otherwise."""
    late_for: LateForSession | None = None
    """With an admission at a door serving a royal-presence session (its perimeter, or a zone
    whose rooms hold it) after its guests were to be seated, the person being on its list: the
    session, so that the door hands the person to an usher rather than let them walk in after
    the patron (docs/credentials.md, "Late for the patron"); None otherwise."""
    closed_session: ClosedSession | None = None
    """With ``press_session_closed``, ``press_pool_only`` or ``press_photo_only``: the session
    held in the zone that keeps the badge out, so that the door staff can say until when;
    absent otherwise, and in the list of recorded scans (which keeps the reason only)."""


class CheckInPage(Model):
    items: list[CheckIn]
    next_cursor: int | None
    """Pass as ``after`` for the next page."""


class CheckInQuery(Model):
    zone: str | None = Field(default=None, max_length=63)
    after: int = Field(default=0, ge=0)
    limit: int = Field(default=100, ge=1, le=1000)


# --- badge production (docs/credentials.md, "Badge production") -------------------------------


class BatchQuery(Model):
    """Which badges a print batch holds: approved, with clearance where the category needs it,
    of one delegation and/or category, to print or printed already (every one when absent)."""

    delegation_id: UUID | None = None
    category: Category | None = None
    status: PrintStatus | None = None
    layout: Layout = Layout.a6


class StatusQuery(Model):
    delegation_id: UUID | None = None
    category: Category | None = None
    status: PrintStatus | None = None


class PrintedIn(Model):
    accreditation_ids: list[UUID] = Field(min_length=1, max_length=5000)

    @field_validator("accreditation_ids")
    @classmethod
    def _no_repeats(cls, value: list[object]) -> list[object]:
        return _distinct(value)


class Printed(Model):
    printed: list[UUID]
    """Marked printed by this request."""
    already_printed: list[UUID]
    """Printed before: left as they were."""


class ReissueIn(Model):
    reason: ReissueReason
    note: LongText | None = None
    """Free text for the protocol office's record (e.g. where the badge was lost)."""


class Reissued(Model):
    accreditation_id: UUID
    badge_version: int
    """The version the new QR code carries; every earlier one is refused ``superseded``."""
    status: PrintStatus


class PackCollectedIn(Model):
    collected_by: Text
    """Who took the pack (the focal point, or whom the delegation sent), as on their ID."""


class PackCollected(Model):
    delegation_id: UUID
    collected_by: str
    collected_at: datetime
    badges: list[UUID]
    """The printed badges handed over."""


class Collection(Model):
    collected_by: str
    collected_at: datetime


VettingStatus = Literal["not_required", "pending", "cleared", "more_information", "refused"]


class BadgeState(Model):
    accreditation_id: UUID
    given_name: str
    family_name: str
    category: Category
    delegation_id: UUID | None
    affiliation: str | None
    badge_version: int
    status: PrintStatus
    printed_at: datetime | None
    printable: bool
    """False while the person needs security clearance and lacks it: no batch holds them."""
    collected: Collection | None
    """The delegation's pack this badge was handed over in (None: not collected yet)."""
    short_reference: str | None = None
    """The current badge's short reference, as printed under its QR code (``4F7K-92QX``;
    docs/credentials.md, "Short reference")."""
    vetting_status: VettingStatus = "not_required"
    """The person's security clearance (docs/credentials.md, "Vetting"): why a badge is not
    ``printable`` (``pending`` or ``more_information``: awaited; ``refused``: never)."""
    has_photo: bool = True
    """Whether the person's photo is on file: without it the badge prints an empty box."""
    gender: Literal["female", "male"] | None = None
    """female, male or None (not known): the category is named in it, as on the badge."""


class VoidBadge(Model):
    """A printed badge made void after printing (its accreditation substituted, withdrawn or
    revoked): a physical badge still out there, which the door refuses with ``why``; the desk
    recovers it (docs/credentials.md, "Void badges")."""

    accreditation_id: UUID
    given_name: str
    family_name: str
    delegation_id: UUID | None
    badge_version: int
    short_reference: str | None
    printed_at: datetime | None
    collected: Collection | None
    """The pack it was handed over in (None: still at the desk, printed)."""
    why: Literal["substituted", "withdrawn", "revoked"]
    void_at: datetime | None
    recovered_at: datetime | None = None
    """When the desk recorded the card recovered (handed back or destroyed); None: still out
    there."""
    recovered_by: str | None = None
    """Who recorded it, as the audit trail names them (``person:{id}``, or a role and a token
    number)."""
    recovered_by_name: str | None = None
    """The name of the signed-in person who recorded it (None for a token)."""


class VoidBadgeQuery(Model):
    recovered: bool | None = None
    """``false``: the void badges still out there; ``true``: those recorded recovered; absent:
    both."""


class VoidBadgeList(Model):
    items: list[VoidBadge]
    """The latest made void first."""


class VoidBadgeRecovered(VoidBadge):
    """The void badge recorded recovered, as ``VoidBadge``."""

    already_recovered: bool
    """True when it was recorded recovered before (``recovered_at`` and ``recovered_by`` are
    that first record's): nothing was recorded again."""


class BadgeStates(Model):
    items: list[BadgeState]
    """In the order a print batch would put them."""


class BadgePage(Model):
    """One page of the console's list of badges, and the print batch of the same filters."""

    items: list[BadgeState]
    """The page's badges, in the order a print batch would put them."""
    total: int
    """How many badges match the filters, on every page."""
    to_print: int
    """How many of them a batch holds to print (printable, not printed yet)."""
    batch_mark: str
    """Which those are (``domain.batch_mark``), for the form that marks them printed."""
    to_print_without_photo: int = 0
    """How many of those to print have no photo (their badges print an empty photo box)."""
