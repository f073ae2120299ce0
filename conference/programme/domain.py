"""Programme rules, pure: times, royal presence, conflicts, protocol views, publication.

No I/O and no clock here (``now`` is passed in). The database keeps the booking invariants
(``migrations/0002_programme.sql``); this module says what a refusal means.

Times
    ``starts_at``/``ends_at`` carry an offset (naive times are refused by the models), the start
    comes before the end, and both fall inside the conference's dates *in the conference's time
    zone*: from 00:00 on ``starts_on`` to 24:00 on ``ends_on``.

Royal presence (docs/protocol.md, "Royal presence and high patronage")
    * Press only as a pool or photo opportunity: ``press_access`` ``open`` is refused (422 naming
      ``press_access``); ``closed`` (no press at all) is allowed.
    * Only approved accreditations on the session (409 ``royal-presence``). The invited audience
      of a royal-presence session is the *approved* accreditations of its audience categories
      (pending ones are simply not invited), so the audience needs no separate check.
    * The security list (participants, and the audience approved by the deadline) freezes at the
      conference's ``security_list_deadline``: from then on nobody may be added: no participant,
      no audience category, no switching a session to royal presence with anyone on it
      (409 ``security-list-frozen`` naming the deadline). Moving, renaming and removing stay
      possible. An accreditation approved after the deadline is not on the list.
    * Guests are seated ``seated_before_minutes`` (conference protocol setting, default 15) before
      the start: ``seated_by``.

Eligibility of participants outside royal presence: an accreditation that is rejected,
withdrawn, revoked or substituted cannot be put on any session (409 ``not-eligible``); a
submitted or waitlisted one can, so a draft programme can be built before the decisions. A
person whose security clearance was refused is never made chair or speaker (409
``clearance-refused``); one whose clearance is awaited is, with a warning (docs/protocol.md,
"Chair and speakers: security clearance").

Publication
    `next_snapshot` freezes the draft into the sessions of a new version, with their iCalendar
    SEQUENCE; `diff` is the changelog between two versions. See each for the rules.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from conference.accreditation.domain import Category, Status, function_in, missing_clearance
from conference.conferences.models import Conference, Host
from conference.csvfile import FOR_PEOPLE, FOR_PROGRAMS, Words, download_name, write
from conference.errors import (
    ClearanceRefused,
    Conflict,
    IllegalTransition,
    Invalid,
    NotEligible,
    RoyalPresenceRule,
    SecurityListFrozen,
)
from conference.programme.models import (
    Changelog,
    ConflictItem,
    DetailChanged,
    HostView,
    Moved,
    ParticipantLine,
    ParticipantRole,
    PatronView,
    PersonView,
    PressAccess,
    PublishedSession,
    Renamed,
    ReRoomed,
    RoleChanged,
    Seating,
    SecurityListEntry,
    Session,
    SessionKind,
    SessionLine,
    Snapshot,
    SpeakingOrder,
)
from conference.protocol.address import royal_style, styled_name
from conference.protocol.countries import country_name
from conference.protocol.precedence import Person, ProtocolConfig, precedence_key
from conference.protocol.ranks import Rank
from conference.types import Localized

FieldError = dict[str, str]

# --- times ------------------------------------------------------------------------------------


def conference_bounds(timezone: str, starts_on: date, ends_on: date) -> tuple[datetime, datetime]:
    """00:00 on the first day and 24:00 on the last day, in the conference's time zone."""
    tz = ZoneInfo(timezone)
    return (datetime.combine(starts_on, time(0), tz),
            datetime.combine(ends_on + timedelta(days=1), time(0), tz))


def time_errors(
    starts_at: datetime, ends_at: datetime, timezone: str, starts_on: date, ends_on: date
) -> list[FieldError]:
    """Field errors for a session's times; empty when they are fine."""
    errors: list[FieldError] = []
    if ends_at <= starts_at:
        errors.append({"field": "ends_at", "message": "must be after starts_at",
                       "type": "end_before_start"})
    opens, closes = conference_bounds(timezone, starts_on, ends_on)
    span = f"the conference runs from {starts_on} to {ends_on} ({timezone})"
    if not opens <= starts_at < closes:
        errors.append({"field": "starts_at", "message": f"outside the conference: {span}",
                       "type": "outside_conference"})
    if not opens < ends_at <= closes:
        errors.append({"field": "ends_at", "message": f"outside the conference: {span}",
                       "type": "outside_conference"})
    return errors


def local(moment: datetime, timezone: str) -> datetime:
    return moment.astimezone(ZoneInfo(timezone))


def seated_by(starts_at: datetime, royal_presence: bool, minutes: int) -> datetime | None:
    """When guests of a royal-presence session must be seated; None for other sessions."""
    return starts_at - timedelta(minutes=minutes) if royal_presence else None


def occupied_from(starts_at: datetime, royal_presence: bool, minutes: int) -> datetime:
    """From when a session holds its room and its participants: the seating of a royal-presence
    session (guests are seated in it, before the patron arrives), else its start. The database
    keeps the same range (``session.occupied``, migration 0055) and refuses a double booking."""
    return seated_by(starts_at, royal_presence, minutes) or starts_at


# --- sessions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionFields:
    """What may be changed of a session (``PATCH``): every field of ``SessionIn``."""

    title: Localized
    kind: SessionKind
    room_id: UUID
    starts_at: datetime
    ends_at: datetime
    press_access: PressAccess
    audience: list[Category]
    royal_presence: bool


def fingerprint(f: SessionFields) -> str:
    """The session's fields as a form showed them, in 16 hex digits: a form sent back with
    another session's fingerprint was opened before someone else's change, which saving it
    would silently undo (docs/workspaces.md, "Two officers on one session")."""
    shown = "\x1f".join((
        f.title.fr, f.title.en, str(f.kind), str(f.room_id),
        f.starts_at.astimezone(UTC).isoformat(), f.ends_at.astimezone(UTC).isoformat(),
        str(f.press_access), ",".join(sorted(str(c) for c in f.audience)),
        "1" if f.royal_presence else "0"))
    return hashlib.sha256(shown.encode()).hexdigest()[:16]


PATCHABLE = ("title", "kind", "room_id", "starts_at", "ends_at", "press_access", "audience",
             "royal_presence")


def null_errors(given: Iterable[str], value: Callable[[str], object]) -> list[FieldError]:
    """A patch may leave a field out, never set it to null."""
    return [{"field": f, "message": "may not be null", "type": "null"}
            for f in sorted(given) if value(f) is None]


def patched(old: SessionFields, changes: dict[str, Any]) -> tuple[SessionFields, list[str]]:
    """The session's fields after a patch, and the names of those that changed (in
    ``PATCHABLE`` order)."""
    new = replace(old, **changes)
    return new, [f for f in PATCHABLE if getattr(new, f) != getattr(old, f)]


def moves(changed: Iterable[str]) -> bool:
    """Whether a change moves the session in time (``session.moved``, the people's bookings)."""
    return bool({"starts_at", "ends_at"} & set(changed))


def check_changeable(cancelled: bool) -> None:
    if cancelled:
        raise IllegalTransition("This session is cancelled; it can no longer be changed.",
                                status_now="cancelled")


def check_same_conference(conference_id: UUID, of_accreditation: UUID, where: str) -> None:
    """A person goes on a session (or in a pool) of their own conference only: 422 naming
    ``accreditation_id``."""
    if of_accreditation != conference_id:
        raise Invalid("The accreditation belongs to another conference.", [{
            "field": "accreditation_id", "type": "other_conference",
            "message": f"not an accreditation of this {where}'s conference"}])


def room_names(name: str | Localized) -> Localized:
    """A room's name in French and English: one name given serves both (docs/programme.md)."""
    return name if isinstance(name, Localized) else Localized(fr=name, en=name)


def duplicate_room(names: Localized) -> str:
    if names.fr == names.en:
        return f"This conference already has a room named {names.en!r}."
    return (f"This conference already has a room named {names.fr!r} (French) or "
            f"{names.en!r} (English).")


def unknown_room() -> Invalid:
    return Invalid("Unknown room.", [{"field": "room_id", "type": "unknown_room",
                                      "message": "no such room in this conference"}])


def one_chair() -> Conflict:
    return Conflict("This session already has a chair; make the chair a speaker first.",
                    field="role")


# --- royal presence and eligibility -----------------------------------------------------------


def royal_press_errors(royal_presence: bool, press_access: PressAccess) -> list[FieldError]:
    if royal_presence and press_access is PressAccess.open:
        return [{"field": "press_access",
                 "message": "a royal-presence session admits the press only as a pool or a photo "
                            "opportunity (pool, photo_opportunity), or not at all (closed)",
                 "type": "royal_press_access"}]
    return []


def security_list_frozen(deadline: datetime | None, now: datetime) -> bool:
    return deadline is not None and now >= deadline


def check_security_list_open(deadline: datetime | None, now: datetime, what: str) -> None:
    """Refuse an addition to a royal-presence session once the security list has frozen."""
    if deadline is not None and security_list_frozen(deadline, now):
        raise SecurityListFrozen(
            f"The security list froze at the deadline, {deadline.isoformat()}: nobody may be "
            f"added to a royal-presence session any more ({what}).",
            deadline=deadline.isoformat(),
        )


_NEVER_ON_A_SESSION = (Status.rejected, Status.withdrawn, Status.revoked,
                       Status.substituted)


def check_eligible(status: Status, royal_presence: bool, accreditation_id: UUID) -> None:
    if royal_presence and status is not Status.approved:
        raise RoyalPresenceRule(
            f"Only approved accreditations may be put on a royal-presence session; "
            f"accreditation {accreditation_id} is {status.value}.",
            accreditation_id=str(accreditation_id), status_now=status.value,
        )
    if status in _NEVER_ON_A_SESSION:
        raise NotEligible(
            f"Accreditation {accreditation_id} is {status.value} and cannot be put on a session.",
            accreditation_id=str(accreditation_id), status_now=status.value,
        )


ON_STAGE = frozenset({ParticipantRole.chair, ParticipantRole.speaker})
"""The roles that put a person at the head table and in the speaking order."""


def check_clearance_for_role(role: ParticipantRole, current: str | None, recorded: str | None,
                             accreditation_id: UUID, name: str) -> None:
    """A person whose security clearance was refused is not made chair or speaker (409
    ``clearance-refused``, naming them): the venue would not admit them
    (docs/credentials.md, "Vetting"; docs/protocol.md, "Chair and speakers: security
    clearance"). ``current`` is their role on the session now (None: not on it). An attendee is
    not refused here (the calendar simply does not invite them), nor a refused chair made a
    speaker: that only frees the chair, and they stay marked until protocol takes them off."""
    stepping_down = current == ParticipantRole.chair.value and role is ParticipantRole.speaker
    if role in ON_STAGE and recorded == "refused" and not stepping_down:
        part = "chair this session" if role is ParticipantRole.chair else "speak at this session"
        raise ClearanceRefused(
            f"{name} cannot {part}: their security clearance was refused. Please choose another"
            " person, or ask the security service to review the clearance first.",
            accreditation_id=str(accreditation_id), role=role.value, name=name)


def clearance_warnings(role: ParticipantRole, required: bool, recorded: str | None,
                       name: str) -> list[str]:
    """A chair or speaker whose clearance is not yet granted (pending, or more information
    asked) is put on the session, with a warning: without it, no badge, and no entry."""
    if role not in ON_STAGE:
        return []
    missing = missing_clearance(required, recorded)
    if missing == "pending":
        return [f"The security clearance of {name} is still pending: no badge can be issued"
                " until it is granted."]
    if missing == "more_information":
        return [f"The security service has asked for more information to clear {name}: no"
                " badge can be issued until the clearance is granted."]
    return []


def check_royal_participants(statuses: dict[UUID, Status]) -> None:
    """Before a session becomes royal: everybody on it must be approved."""
    pending = sorted((str(a), s.value) for a, s in statuses.items() if s is not Status.approved)
    if pending:
        raise RoyalPresenceRule(
            "Only approved accreditations may be on a royal-presence session; "
            f"{len(pending)} participant(s) are not approved.",
            accreditations=[{"accreditation_id": a, "status": s} for a, s in pending],
        )


def press_kept_out(audience: Collection[Category], press_access: PressAccess
                   ) -> PressAccess | None:
    """The press access that invites no journalist by the audience although the press is in
    it (closed; or the pool only, whose members are invited by a press pool covering it or as
    participants), or None. Said,
    not refused: the audience is kept for when the session opens (docs/workspaces.md,
    "Programme builder")."""
    if Category.press in audience and press_access in (PressAccess.closed, PressAccess.pool):
        return press_access
    return None


PRESS_KEPT_OUT = {
    PressAccess.closed: "No journalist is invited: the press is in the audience, but the "
                        "session is closed to the press.",
    PressAccess.pool: "No journalist is invited as audience: the press is in the audience, but "
                      "the session admits the press pool only, whose members are invited by "
                      "the press pool that covers it or by being put on it as participants.",
}


def press_audience_warnings(audience: Collection[Category], press_access: PressAccess,
                            royal_presence: bool = False) -> list[str]:
    """The warning of ``press_kept_out``, with the way on: a royal-presence session is never
    open to the press (``royal_press_errors``), so it is offered a photo opportunity."""
    kept_out = press_kept_out(audience, press_access)
    if kept_out is None:
        return []
    way = "Make it a photo opportunity" if royal_presence else "Open it to the press"
    return [f"{PRESS_KEPT_OUT[kept_out]} {way}, or take the press out of its audience."]


def capacity_warnings(room: str, capacity: int, invited: int) -> list[str]:
    if invited <= capacity:
        return []
    return [f"Room {room} seats {capacity}; {invited} people are invited (participants and the"
            f" approved accreditations of the audience categories)."]


# --- conflicts --------------------------------------------------------------------------------


def conflict_detail(conflicts: Sequence[ConflictItem], seated_by: datetime | None = None) -> str:
    """One sentence naming every clash, for the problem's ``detail``; with ``seated_by`` (local
    time), the session written is royal-presence and the sentence says it is occupied from its
    seating. A royal-presence session clashed with says so likewise."""
    why = (f" Royal presence: its guests are seated from {seated_by:%H:%M}, before the patron"
           " arrives, and it holds its room and its participants from then." if seated_by
           else "")
    if not conflicts:
        return ("The change clashes with a booking committed at the same moment; "
                "read the programme again and retry." + why)
    parts = []
    for c in conflicts:
        when = f"{c.starts_at:%Y-%m-%d %H:%M}–{c.ends_at:%H:%M}"
        if c.seated_by is not None:
            when += f", its guests seated from {c.seated_by:%H:%M}"
        if c.kind == "room":
            parts.append(f"room {c.room} is booked by “{c.title.en}” ({when})")
        else:
            parts.append(f"accreditation {c.accreditation_id} is on “{c.title.en}” in "
                         f"{c.room} ({when})")
    return (f"The change clashes with {len(conflicts)} booking(s): " + "; ".join(parts) + "."
            + why)


# --- protocol ---------------------------------------------------------------------------------


def language_of(conference: Conference) -> str:
    """The conference's protocol language: its first language."""
    return conference.languages[0]


def protocol_config(conference: Conference) -> ProtocolConfig:
    """The conference's protocol settings for `conference.protocol`; 409 if unusable."""
    p = conference.protocol
    try:
        return ProtocolConfig(
            tie_break=p.tie_break.value,  # type: ignore[arg-type]
            presidency=p.presidency,
            language=language_of(conference),
            on=conference.starts_on,
            drawn_start=p.drawn_start,
            organisation_order=tuple(p.organisation_order),
        )
    except ValueError as exc:
        hint = (" Draw the starting country with POST …/protocol/draw."
                if p.tie_break.value == "drawn" and p.drawn_start is None else "")
        raise Conflict(f"The conference's protocol settings cannot be used: {exc}.{hint}",
                       field="protocol") from None


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split()).casefold()


def is_host(given_name: str, family_name: str, hosts: Iterable[Host]) -> bool:
    """Whether the person is one of the conference's hosts (matched by full name, ignoring case,
    accents' composition and spacing): hosts stand outside the ordering of guests."""
    key = _name_key(f"{given_name} {family_name}")
    return any(_name_key(h.name) == key for h in hosts)


@dataclass(frozen=True)
class Member:
    """An accredited person as the protocol views need them."""

    accreditation_id: UUID
    given_name: str
    family_name: str
    gender: str | None
    category: Category
    status: Status
    rank: Rank | None
    function: str | None
    in_office_since: date | None
    delegation_id: UUID | None
    country: str | None
    organisation: str | None
    role: str | None = None
    salutation: str | None = None  # mrs | mr | neutral, where the reader needs it
    function_fr: str | None = None
    function_en: str | None = None
    """The function in French and in English when given (``function_in`` picks the one a
    reader's language prints: docs/protocol.md, "A function in each language")."""


def delegation_name(country: str | None, organisation: str | None, language: str) -> str | None:
    if country is not None:
        return country_name(country, language)
    return organisation


def person(m: Member, hosts: Iterable[Host]) -> Person:
    """The protocol's view of a member; a member without a rank ranks as an expert."""
    return Person(
        id=str(m.accreditation_id), given_name=m.given_name, family_name=m.family_name,
        rank=m.rank or Rank.expert, country=m.country, organisation=m.organisation,
        in_office_since=m.in_office_since, is_host=is_host(m.given_name, m.family_name, hosts),
    )


def person_view(m: Member, conference: Conference, language: str | None = None) -> PersonView:
    """A person as protocol names them, in ``language`` (default: the conference's)."""
    language = language or language_of(conference)
    return PersonView(
        accreditation_id=m.accreditation_id, given_name=m.given_name, family_name=m.family_name,
        styled_name=styled_name(m.given_name, m.family_name, m.rank, m.gender, language),
        rank=m.rank, function=function_in(language, m.function, m.function_fr, m.function_en),
        delegation_id=m.delegation_id,
        delegation=delegation_name(m.country, m.organisation, language),
        is_host=is_host(m.given_name, m.family_name, conference.hosts),
        role=m.role,
    )


def host_styled_name(host: Host, people: Iterable[tuple[str, str, str]], language: str) -> str:
    """A host named as a guest of the same rank is ("Son Excellence Madame Hadja Lahbib",
    "H.E. Hadja Lahbib"): the style of the host's rank, with the civility title of the
    accredited person of the host's name when their gender is known (docs/protocol.md, "Patron
    and hosts"). A host without a rank has no honorific. ``people``: (given name, family name,
    gender) of the accredited people, whatever their category or delegation (``repo.
    host_genders``: a Commissioner accredited as staff was "H.E. Cecilia Malmström")."""
    gender = next((g for given, family, g in people
                   if g and is_host(given, family, [host])), None)
    return styled_name("", host.name, host.rank, gender, language)


def patron_view(conference: Conference) -> PatronView | None:
    patron = conference.patron
    if patron is None:
        return None
    language = language_of(conference)
    return PatronView(
        name=patron.name, style=patron.style.get(language),
        address=royal_style(patron.title, language) if patron.title else None,
    )


_HEAD_CATEGORIES = (Category.minister, Category.official)
_HEAD_STATUSES = (Status.approved, Status.submitted)


def heads_of_delegation(
    members: Iterable[Member], config: ProtocolConfig, hosts: Sequence[Host]
) -> list[Member]:
    """The head of each delegation, in order of precedence.

    The head is the delegation's first member in order of precedence among its accreditations of
    category ``minister``, else among those of category ``official``, counting only approved
    and still-submitted accreditations (so the list can be prepared before every decision is
    taken; the status is shown with each head). Hosts are outside the ordering of guests
    (docs/protocol.md, "Patron and hosts") and never head a delegation here.
    """
    by_delegation: dict[UUID, list[Member]] = {}
    for m in members:
        if (m.delegation_id is None or m.category not in _HEAD_CATEGORIES
                or m.status not in _HEAD_STATUSES or is_host(m.given_name, m.family_name, hosts)):
            continue
        by_delegation.setdefault(m.delegation_id, []).append(m)
    heads = []
    for candidates in by_delegation.values():
        for category in _HEAD_CATEGORIES:
            of_category = [m for m in candidates if m.category is category]
            if of_category:
                heads.append(min(of_category,
                                 key=lambda m: precedence_key(person(m, hosts), config)))
                break
    return sorted(heads, key=lambda m: precedence_key(person(m, hosts), config))


def delegation_order_key(
    country: str | None, organisation: str | None, config: ProtocolConfig
) -> Any:
    """Orders delegations by the tie-break alone (for delegations with no head)."""
    placeholder = Person(id="", given_name="", family_name="", rank=Rank.expert,
                         country=country, organisation=organisation)
    return precedence_key(placeholder, config)[2]


def chair_of(members: Iterable[Member]) -> Member:
    """The chair of a session: the head table is seated around them (409 without one)."""
    chair = next((m for m in members if m.role == "chair"), None)
    if chair is None:
        raise Conflict("This session has no chair; the head table is seated around the chair.")
    return chair


def check_may_draw(drawn_start: str | None) -> None:
    """The starting country is drawn once."""
    if drawn_start is not None:
        raise Conflict(f"The starting country was drawn already: {drawn_start}. "
                       f"A draw is made once.", drawn_start=drawn_start)


def check_candidates(candidates: Sequence[str]) -> None:
    if not candidates:
        raise Conflict("This conference has no country delegation to draw from.")


def already_drawn() -> Conflict:
    """A concurrent draw won."""
    return Conflict("The starting country was drawn already.")


# --- security list ----------------------------------------------------------------------------


def check_has_security_list(royal_presence: bool) -> None:
    if not royal_presence:
        raise Conflict("Only royal-presence sessions have a security list.")


SECURITY_LIST_COLUMNS = ("family_name", "given_name", "delegation", "category", "role",
                         "accreditation_id", "added_after_freeze", "in_place_of",
                         "date_of_birth", "nationality", "document_type", "document_number")


def security_list_csv(items: Iterable[SecurityListEntry], *, delimiter: str = FOR_PEOPLE,
                      bom: bool = True, words: Words | None = None,
                      titles: Mapping[str, str] | None = None) -> str:
    """The security list as CSV (a header row, CRLF line ends), names as on the ID: by default
    a download for people (UTF-8 BOM, ";", `words` beside the codes); the API passes RFC 4180's
    commas and no BOM (docs/lifecycle.md, "CSV files"). The last two columns mark a late
    substitute listed after the freeze (`true`/`false`) and whom they replace; then what the
    police check the person against (docs/protocol.md, "Royal presence"): date of birth
    (ISO 8601), nationality (ISO 3166-1 alpha-2), the identity document's type and number,
    empty cells for someone with none."""
    return write(SECURITY_LIST_COLUMNS, (
        [e.family_name, e.given_name, e.delegation or "", e.category.value, e.role,
         str(e.accreditation_id), "true" if e.added_after_freeze else "false",
         e.in_place_of or "",
         e.date_of_birth.isoformat() if e.date_of_birth else "", e.nationality or "",
         e.document_type or "", e.document_number or ""]
        for e in items), delimiter=delimiter, bom=bom, words=words, titles=titles)


PRECEDENCE_COLUMNS = ("position", "delegation", "country", "head", "function", "status",
                      "role")


def precedence_csv(order: Iterable[Any], *, patron: str | None = None,
                   hosts: Iterable[HostView] = (), words: Words | None = None,
                   titles: Mapping[str, str] | None = None) -> str:
    """The order of precedence as a download for people (UTF-8 BOM, ";", CRLF, a header row),
    as the page lists it (docs/protocol.md, "Order of precedence"): first of all the royal
    patron (`patron`, the style in the file's language) and the hosts (`hosts`, as the
    conference lists them), outside the ordering of guests, so with no position, delegation or
    status; then the heads of delegation (``PrecedenceEntry`` items), numbered. The styled
    names are as protocol writes them; ``role`` says which (``patron``, ``host``, ``head``)."""
    first: list[list[object]] = []
    if patron:
        first.append(["", "", "", patron, "", "", "patron"])
    first.extend(["", "", "", h.styled_name or h.name, h.function or "", "", "host"]
                 for h in hosts)
    return write(PRECEDENCE_COLUMNS, [*first, *(
        [e.position, e.delegation, e.country or "", e.head.styled_name, e.head.function or "",
         str(e.status), "head"] for e in order)], words=words, titles=titles)


SPEAKING_ORDER_COLUMNS = ("position", "part", "styled_name", "given_name", "family_name",
                          "function", "delegation", "accreditation_id")


def session_file_name(kind: str, session: Session, conference: Conference) -> str:
    """The name of a session's CSV answered by the API, as the console names its downloads:
    the kind, the conference, the session's day in the conference's time and its title in the
    conference's protocol language (docs/lifecycle.md, "CSV files")."""
    day = session.starts_at.astimezone(ZoneInfo(conference.timezone)).date()
    return download_name(kind, conference.slug, day, session.title.get(language_of(conference)))


def speaking_order_csv(order: SpeakingOrder) -> str:
    """The speaking order as the API's CSV (RFC 4180, CRLF line ends, a header row): one row per
    slot, the patron's arrival with the patron's style and no person."""
    rows: list[list[object]] = []
    for slot in order.slots:
        p = slot.person
        if p is None:
            patron = order.patron
            name = (patron.address or patron.style) if patron is not None else ""
            rows.append([slot.position, slot.part, name, "", "", "", "", ""])
        else:
            rows.append([slot.position, slot.part, *_person_cells(p)])
    return write(SPEAKING_ORDER_COLUMNS, rows, delimiter=FOR_PROGRAMS, bom=False)


SEATING_COLUMNS = ("seat", "from_audience_left", "styled_name", "given_name", "family_name",
                   "function", "delegation", "accreditation_id")


def seating_csv(seating: Seating) -> str:
    """The head table as the API's CSV (RFC 4180, CRLF line ends, a header row), in order of
    precedence: the seat (0 the chair, +1 on the chair's right, -1 on the left …) and the place
    counted from the audience's left (1 the leftmost as the audience sees the table)."""
    place = {pid: n for n, pid in enumerate(seating.from_audience_left_to_right, start=1)}
    return write(SEATING_COLUMNS, (
        [s.seat, place[s.person.accreditation_id], *_person_cells(s.person)]
        for s in seating.seats), delimiter=FOR_PROGRAMS, bom=False)


def _person_cells(p: PersonView) -> list[object]:
    return [p.styled_name, p.given_name, p.family_name, p.function or "", p.delegation or "",
            str(p.accreditation_id)]


# --- publication ------------------------------------------------------------------------------


def _span(s: PublishedSession) -> tuple[datetime, datetime]:
    """Start and end in UTC: aware datetimes sharing a zone compare by wall clock in Python,
    which would hide a one-hour move across the autumn clock change."""
    return s.starts_at.astimezone(UTC), s.ends_at.astimezone(UTC)


def _significant(old: PublishedSession, new: PublishedSession) -> bool:
    """A change that raises the iCalendar SEQUENCE: time, room, title, cancellation, or royal
    presence, which the invitation says with the time guests are seated by (a session turned
    royal on the eve reached nobody's calendar: docs/calendar.md, "UID and SEQUENCE")."""
    return (_span(old) != _span(new) or old.room_id != new.room_id or old.title != new.title
            or old.status != new.status or old.royal_presence != new.royal_presence)


def _order(s: PublishedSession) -> tuple[datetime, datetime, str, str]:
    return (*_span(s), s.room.casefold(), str(s.session_id))


_ROLE_ORDER = list(ParticipantRole)


def next_snapshot(previous: Snapshot | None, draft: Iterable[PublishedSession]) -> Snapshot:
    """Freeze the draft into the sessions of the next version.

    * A session's ``sequence`` is 0 when it is first published and grows by one in each later
      version that changed its time, room, title or royal presence, or cancelled it (the
      iCalendar SEQUENCE of its invitations). Other changes (kind, press access, audience,
      participants) keep it.
    * A cancelled session that was never published is left out: nobody was told of it.
      A published session that is cancelled stays in every later version, as cancelled.
    * Sessions are ordered by start, end, room and id.
    """
    before = {s.session_id: s for s in previous.sessions} if previous else {}
    sessions = []
    for s in draft:
        old = before.get(s.session_id)
        if old is None:
            if s.status == "cancelled":
                continue
            sequence = 0
        else:
            sequence = old.sequence + (1 if _significant(old, s) else 0)
        participants = sorted(s.participants, key=lambda p: (_ROLE_ORDER.index(p.role),
                                                             str(p.accreditation_id)))
        sessions.append(s.model_copy(update={"sequence": sequence,
                                             "participants": participants}))
    return Snapshot(sessions=sorted(sessions, key=_order))


def _line(s: PublishedSession) -> SessionLine:
    return SessionLine(session_id=s.session_id, title=s.title, starts_at=s.starts_at,
                       ends_at=s.ends_at, room_id=s.room_id, room=s.room,
                       room_names=s.room_names)


_DETAILS = ("kind", "press_access", "audience", "royal_presence")


def diff(previous: Snapshot | None, current: Snapshot) -> Changelog:
    """What changed from `previous` (None before the first version) to `current`.

    Sessions, each listed once under the first that applies:

    * ``added``: in `current` (not cancelled) and not in `previous` (or cancelled there);
    * ``cancelled``: cancelled in `current` (or gone from it) and not cancelled in `previous`;
      a cancelled session is listed there only, whatever else changed;
    * otherwise, each of ``moved`` (start or end), ``re_roomed``, ``renamed`` and
      ``details_changed`` (one line per field among kind, press_access, audience,
      royal_presence) that applies.

    Participants are compared as (session, person) pairs over the whole programme:
    ``participants_added`` (also the people of an added session), ``participants_removed``
    and ``participants_changed`` (same person and session, another role). A cancelled session
    keeps its people in the snapshot, so they are not listed as removed (the cancellation
    concerns them all); additions and role changes on a session cancelled in `current` are not
    listed; a person taken off before the session was cancelled is listed as removed.

    Every list is in programme order (start, end, room, id), then by accreditation id.
    """
    before = {s.session_id: s for s in previous.sessions} if previous else {}
    now = {s.session_id: s for s in current.sessions}
    log: dict[str, list[Any]] = {name: [] for name in Changelog.model_fields}
    for s in current.sessions:
        old = before.get(s.session_id)
        if s.status == "cancelled":
            if old is not None and old.status != "cancelled":
                log["cancelled"].append(_line(s))
            continue
        if old is None or old.status == "cancelled":
            log["added"].append(_line(s))
            continue
        if _span(old) != _span(s):
            log["moved"].append(Moved(
                session_id=s.session_id, title=s.title, starts_at=s.starts_at,
                ends_at=s.ends_at, previous_starts_at=old.starts_at,
                previous_ends_at=old.ends_at))
        if old.room_id != s.room_id:
            log["re_roomed"].append(ReRoomed(
                session_id=s.session_id, title=s.title, room_id=s.room_id, room=s.room,
                previous_room_id=old.room_id, previous_room=old.room,
                room_names=s.room_names, previous_room_names=old.room_names))
        if old.title != s.title:
            log["renamed"].append(Renamed(session_id=s.session_id, title=s.title,
                                          previous_title=old.title))
        for field in _DETAILS:
            value, previous_value = getattr(s, field), getattr(old, field)
            if value != previous_value:
                log["details_changed"].append(DetailChanged(
                    session_id=s.session_id, title=s.title, field=field,
                    value=value, previous_value=previous_value))
    gone = [s for s in before.values() if s.session_id not in now]
    for s in sorted(gone, key=_order):
        if s.status != "cancelled":
            log["cancelled"].append(_line(s))

    rank = {sid: i for i, sid in enumerate(
        [s.session_id for s in current.sessions]
        + [s.session_id for s in sorted(gone, key=_order)])}
    old_pairs = _pairs(before.values())
    new_pairs = _pairs(current.sessions)
    cancelled_now = {s.session_id for s in current.sessions if s.status == "cancelled"}

    def ordered(keys: Iterable[tuple[UUID, UUID]]) -> list[tuple[UUID, UUID]]:
        return sorted(keys, key=lambda k: (rank.get(k[0], len(rank)), str(k[1])))

    for key in ordered(new_pairs.keys() - old_pairs.keys()):
        if key[0] not in cancelled_now:
            log["participants_added"].append(
                ParticipantLine(session_id=key[0], accreditation_id=key[1], role=new_pairs[key]))
    for key in ordered(old_pairs.keys() - new_pairs.keys()):
        log["participants_removed"].append(
            ParticipantLine(session_id=key[0], accreditation_id=key[1], role=old_pairs[key]))
    for key in ordered(old_pairs.keys() & new_pairs.keys()):
        if old_pairs[key] != new_pairs[key] and key[0] not in cancelled_now:
            log["participants_changed"].append(RoleChanged(
                session_id=key[0], accreditation_id=key[1], role=new_pairs[key],
                previous_role=old_pairs[key]))
    return Changelog(**log)


def _pairs(sessions: Iterable[PublishedSession]) -> dict[tuple[UUID, UUID], Any]:
    return {(s.session_id, p.accreditation_id): p.role for s in sessions for p in s.participants}


def draft_fingerprint(latest: int | None, snapshot: Snapshot) -> str:
    """What a publication preview was made of: the latest version's number and the sessions
    the draft would freeze. Publishing with a preview's fingerprint is refused once it differs
    (the draft, or the published version, changed since; docs/workspaces.md)."""
    digest = hashlib.sha256(f"{latest or 0}:".encode())
    digest.update(snapshot.model_dump_json().encode())
    return digest.hexdigest()[:32]
