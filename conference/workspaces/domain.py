"""What the workspaces show, decided without a database or a web server: the head of a
delegation, which actions a status allows, a delegation's places by category, the press
office's reason templates."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal
from uuid import UUID
from zoneinfo import ZoneInfo

from conference.accreditation.domain import (
    OVERRIDERS,
    TRANSITIONS,
    Action,
    Category,
    Status,
    allowed_places,
    closing,
    function_in,
    missing_clearance,
)
from conference.accreditation.models import Accreditation
from conference.auth import Role
from conference.badges.domain import short_reference_code, show_short_reference
from conference.calendar.plan import AttendeeView, SessionView, invited_part
from conference.programme.published import PublishedSession
from conference.protocol.countries import collation_key

ACTIVE = (Status.submitted, Status.approved, Status.waitlisted)

MEMBER_CATEGORIES = ("minister", "official", "expert")

REASON_TEMPLATES: dict[str, dict[str, str]] = {
    "no_card": {"fr": "La carte de presse ou la lettre de mission n'a pas pu être vérifiée.",
                "en": "The press card or letter of assignment could not be verified."},
    "pool_full": {"fr": "Toutes les places du pool de presse sont attribuées.",
                  "en": "All places of the press pool are taken."},
    "not_media": {"fr": "La demande ne relève pas d'un média d'information.",
                  "en": "The application does not come from a news organisation."},
}
"""The reason templates a conference starts with (docs/workspaces.md, "Reason templates"): the
press office edits its own list from there."""

REASON_MAX = 2000


@dataclass(frozen=True)
class ReasonTemplate:
    """A reason the press office picks when it rejects or waitlists, in both languages."""

    id: UUID
    text_fr: str
    text_en: str
    default_key: str | None = None

    def text(self, language: str) -> str:
        return self.text_fr if language == "fr" else self.text_en


def capitalised(words: str) -> str:
    """Words opening a cell or a label, their first letter capitalised and the rest kept
    (« cheffe de délégation » → « Cheffe de délégation », « accordée » → « Accordée »):
    ``str.capitalize`` would lower « d'État »."""
    return words[:1].upper() + words[1:]


def clean_reason_text(value: str) -> str | None:
    """A template's text on one line (runs of white space made one space), or None when it is
    empty, too long or holds control characters."""
    text = " ".join(value.split())
    if not text or len(text) > REASON_MAX or any(ord(c) < 32 or ord(c) == 127 for c in text):
        return None
    return text


def head_among(members: Sequence[Accreditation], head: UUID | None) -> Accreditation | None:
    """The member who heads the delegation (``head``: the accreditation the order of
    precedence names, ``lifecycle.lookup.delegation_heads``), or None. The portal and the
    console chose their own head before: the highest rank whatever the category, a waitlisted
    member included, so a Deputy Prime Minister filed as an official, still under review,
    displaced the approved minister the precedence list named (tryout, 4 December 2026;
    docs/protocol.md, "Heads of delegation")."""
    return next((m for m in members if m.id == head), None) if head is not None else None


@dataclass(frozen=True)
class MemberBadge:
    """An approved member's badge as the portal's list of members says it: ``ready`` (with its
    short reference, and whether a photo is given: without one it prints an empty frame) or
    ``awaited`` (the security check is not complete); a ready badge printed says when, and
    once handed over in the delegation's pack, to whom and when (after printing and the
    pack's handover the portal still read « Badge ready », tryout)."""

    state: Literal["ready", "awaited"]
    reference: str | None = None
    has_photo: bool = True
    printed_at: datetime | None = None
    collected_by: str | None = None
    collected_at: datetime | None = None


def member_badge(required: bool, recorded: str | None, has_photo: bool, code: str | None,
                 printed_at: datetime | None = None, collected_by: str | None = None,
                 collected_at: datetime | None = None) -> MemberBadge | None:
    """What the portal's list says of an approved member's badge, None where the security
    service's refusal or request for more information says it in its own words. The focal
    point, the evening before, saw « Accordée » for every member and had to open each one to
    learn whose badge was ready (tryout, 2 December 2026)."""
    missing = missing_clearance(required, recorded)
    if missing == "pending":
        return MemberBadge("awaited", has_photo=has_photo)
    if missing is not None:
        return None
    return MemberBadge("ready", show_short_reference(code) if code else None, has_photo,
                       printed_at, collected_by, collected_at)


_PRINTED_VERSION = re.compile(r"[\s\u00b7\u2022.-]*[vV]\d{1,3}\s*$")


def without_printed_version(typed: str) -> str:
    """A short reference typed at the door as a reissued badge prints it under the QR code,
    « 8ASQ-35CJ · v3 », without its version, when what is left is a short reference: the
    door answered "a short reference has 8 characters (this one has 11)" and "type it as
    printed", which is what had been done (tryout at the door, 2 December 2026). Each version
    has its own short reference, so the version says nothing more; any other text is left as
    typed, to be answered as such."""
    match = _PRINTED_VERSION.search(typed)
    if match is None or match.start() == 0:
        return typed
    rest = typed[:match.start()].strip()
    return rest if short_reference_code(rest) is not None else typed


def namesakes(members: Sequence[Accreditation]) -> frozenset[UUID]:
    """The members who share their name with another (accents, case and spacing aside): the
    portal's list and the substitution's choice give their address too, or two "Annelies
    Verlinden" read the same (user test)."""
    seen: dict[str, list[UUID]] = {}
    for m in members:  # the sort's first level: letters without accents or case
        seen.setdefault(collation_key(" ".join(f"{m.given_name} {m.family_name}".split()))[0],
                        []).append(m.id)
    return frozenset(i for ids in seen.values() if len(ids) > 1 for i in ids)


def editable(acc: Accreditation) -> bool:
    """Whether the portal offers to edit a member: a delegation member (minister, official,
    expert) still waiting for the decision (the accreditation's ``amend`` rules)."""
    return acc.status is Status.submitted and acc.category.value in MEMBER_CATEGORIES


@dataclass(frozen=True)
class Places:
    """A delegation's places in one category: taken (live accreditations) and allowed (None:
    not capped)."""

    category: str
    used: int
    allowed: int | None


def places(members: Sequence[Accreditation], delegation_quotas: Mapping[str, int],
           conference_quotas: Mapping[str, int]) -> list[Places]:
    """The places of each member category (docs/lifecycle.md, "Quotas and deadlines"): the
    delegation's own quota, else the conference's default, else not capped."""
    result = []
    for category in MEMBER_CATEGORIES:
        used = sum(1 for m in members if m.category.value == category and m.status in ACTIVE)
        allowed = allowed_places(Category(category), delegation_quotas, conference_quotas)
        result.append(Places(category, used, allowed))
    return result


@dataclass(frozen=True)
class Deadline:
    """A deadline the portal shows: which (``nominations``, ``changes``, ``security``), when,
    whether it has passed, and whether it was left open (no date set: it closes with the
    conference, ``at`` being midnight after its last day)."""

    kind: str
    at: datetime
    passed: bool
    with_conference: bool = False


def deadlines(nominations_close_at: datetime | None, changes_close_at: datetime | None,
              security_list_deadline: datetime | None, now: datetime, ends_on: date,
              timezone: str, royal: bool = True) -> list[Deadline]:
    """The conference's deadlines that apply to a focal point, in time order (docs/lifecycle.md,
    "Quotas and deadlines"): registering members until ``nominations_close_at``; editing them
    before the decision and substitutions until ``changes_close_at``; the security list. A
    nominations or changes deadline left open closes with the conference, at the end of its
    last day in its time zone (``accreditation.domain.closing``), and is shown so; a security
    list with no deadline has none to show, nor one of a programme with no royal-presence
    session (``royal`` false: the published programme has none), which no one is listed on
    (docs/workspaces.md, "The delegation portal")."""
    found = [Deadline(kind, closing(at, ends_on, timezone), closing(at, ends_on, timezone) <= now,
                      with_conference=at is None)
             for kind, at in (("nominations", nominations_close_at),
                              ("changes", changes_close_at))]
    if security_list_deadline is not None and royal:
        found.append(Deadline("security", security_list_deadline,
                              security_list_deadline <= now))
    return sorted(found, key=lambda d: d.at)


def closed_to(role: Role | None, nominations_close_at: datetime | None,
              changes_close_at: datetime | None, now: datetime, ends_on: date,
              timezone: str) -> dict[str, Deadline]:
    """What the deadlines have closed to the reader of the portal, each as the deadline that
    closed it: ``nominations`` (registering and importing members) and ``changes`` (editing a
    member before the decision, substituting one). A deadline left open closes with the
    conference (``closing``), as the use-cases read it, and is said as ``deadlines`` says it
    (``with_conference``: the last minute of the last day). The deadlines bind a focal point:
    protocol and admin act after them (``check_deadline``), so nothing is closed to them.
    The portal then offers no form it would refuse once typed (docs/workspaces.md, "After
    the deadlines")."""
    if role in OVERRIDERS:
        return {}
    found: dict[str, Deadline] = {}
    for kind, at in (("nominations", nominations_close_at), ("changes", changes_close_at)):
        closes = closing(at, ends_on, timezone)
        if closes <= now:
            found[kind] = Deadline(kind, closes, True, with_conference=at is None)
    return found


def allows(status: Status, action: Action) -> bool:
    return (status, action) in TRANSITIONS


def offers_revocation(status: Status) -> bool:
    """The screens offer revocation for a granted accreditation only: an application still
    under review (or wait-listed) is decided (approved or rejected), not revoked; a revocation
    letter for something never granted would make no sense to its reader
    (docs/workspaces.md, "Revoking")."""
    return status is Status.approved


def search_text(raw: str, limit: int = 100) -> str:
    """What a search field asks for: its words, with single spaces, at most ``limit``
    characters; control and invisible formatting characters (a NUL, a terminal escape, a
    zero-width space pasted with a name) are dropped, as they match no name and PostgreSQL's
    text holds no NUL."""
    if not raw.isprintable():
        raw = "".join(ch for ch in raw if ch.isspace() or unicodedata.category(ch) not in
                      ("Cc", "Cf"))
    return " ".join(raw.split())[:limit]


def like_pattern(search: str) -> str:
    """``search`` with LIKE's wildcards escaped (the query adds the ``%`` around it)."""
    return search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


PAGE_SIZE = 50
"""The rows of one page of a long staff list (accreditations, security, badges, visa
letters; docs/workspaces.md)."""


def page_number(value: str) -> int:
    """The page a list's ``page`` parameter asks for; 1 when it is not a whole number from 1
    to 99999 (a garbage or empty value)."""
    return int(value) if value.isdigit() and 0 < len(value) < 6 and int(value) > 0 else 1


LETTER_NAMES = frozenset({
    "press_ack", "decision_approved", "decision_rejected", "decision_waitlisted", "revoked",
    "information_requested", "link", "withdrawn", "invitation"})
"""The letters to a journalist the press desk names (its strings ``letter_<template>``);
any other is "a letter"."""

_SMTP_REPLY = re.compile(r"SMTP (\d{3}): (.*)", re.DOTALL)


@dataclass(frozen=True)
class LetterFailure:
    """Why a letter did not arrive, as the press desk says it (docs/workspaces.md, "Letters not
    delivered"): ``reason``, the key of its words (``refused`` by the mail server, ``deferred``
    at every attempt, the server ``unreachable``, an ``address`` mail cannot go to, a letter
    ``unbuildable`` with the details on file, ``other``); ``reply``, the mail server's own
    answer (its code and text, on one line) when it gave one; never an exception's text."""

    reason: str
    reply: str | None = None


def letter_failure(last_error: str | None, parked: bool) -> LetterFailure:
    """What ``delivery.last_error`` says, in the desk's terms: the relay's reply (``SMTP 550:
    …``, ``mail.sender``) is shown as the server wrote it, one line, 200 characters at most;
    an error of ours (a parked message, a render, a connection) only by its kind, never its
    text, which may carry a value or a trace."""
    text = (last_error or "").strip()
    if parked or text.startswith("cannot be rendered") or text.startswith(
            "no message and nothing to render"):
        return LetterFailure("unbuildable")
    smtp = _SMTP_REPLY.fullmatch(text)
    if smtp:
        reply = " ".join(f"{smtp[1]} {smtp[2]}".split())
        reply = reply if len(reply) <= 200 else reply[:199] + "…"
        return LetterFailure("refused" if smtp[1].startswith("5") else "deferred", reply)
    if text.startswith("not an address for the SMTP envelope"):
        return LetterFailure("address")
    if text.startswith(("TimeoutError", "SMTP", "OSError", "Connection", "ConnectionRefused")):
        return LetterFailure("unreachable")
    return LetterFailure("other")


@dataclass(frozen=True)
class Paging:
    """The page a list shows out of ``pages``: the one asked, or the last one when fewer rows
    match than the page asked would start at (the queries clamp their offset the same way)."""

    page: int
    pages: int
    total: int

    @classmethod
    def of(cls, asked: int, total: int, size: int = PAGE_SIZE) -> Paging:
        pages = max(1, -(-total // size))
        return cls(page=min(max(asked, 1), pages), pages=pages, total=total)


def skip(page: int, size: int = PAGE_SIZE) -> int:
    """The rows before ``page``: a query's OFFSET (it clamps it to the last page)."""
    return (page - 1) * size


def delegation_programme(sessions: Sequence[PublishedSession], members: Sequence[Accreditation],
                         language: str, refused: AbstractSet[UUID] = frozenset(),
                         security_list_deadline: datetime | None = None,
                         ) -> list[dict[str, Any]]:
    """The delegation's programme as its members were invited to it: each (session, member)
    of the latest *published* programme that invites the member (an explicit participant, or
    the audience of the member's category; approved members only), by the same rule as the
    calendar invitations (``conference/calendar/plan.py``, docs/calendar.md): not a member
    whose security clearance was refused (``refused``). The draft programme is not shown: what
    is not published was sent to no one.

    One entry per session, with its invited members in it (``people``: the chair, then the
    speakers, the participants, the audience; by name within each): a delegation of twelve on
    a phone reads each session once, not once per member (user test)."""
    order = {"chair": 0, "speaker": 1, "attendee": 2, "audience": 3}
    found = []
    for s in sorted(sessions, key=lambda s: (s.starts_at, str(s.session_id))):
        view = SessionView(s.session_id, s.sequence, s.cancelled, frozenset(s.audience),
                           s.press_access, s.roles,
                           security_list_deadline if s.royal_presence else None)
        people = []
        for m in sorted(members, key=lambda m: (collation_key(m.family_name),
                                                collation_key(m.given_name))):
            part = invited_part(view, AttendeeView(
                m.id, m.category.value, m.status is Status.approved and m.id not in refused,
                decided_at=m.decided_at))
            if part is not None:
                people.append({"given_name": m.given_name, "family_name": m.family_name,
                               "gender": m.gender, "role": part})
        if people:
            people.sort(key=lambda p: order.get(str(p["role"]), len(order)))  # stable: by name
            found.append({"session_id": s.session_id, "starts_at": s.starts_at,
                          "title_text": s.title.get(language), "room": s.room_in(language),
                          "people": people, "royal": s.royal_presence})
    return found


class NoSuchTime(ValueError):
    """A wall-clock time the conference's zone skips (the spring change: 02:30 on the last
    Sunday of March in Brussels)."""


def wall_clock(wall: datetime, zone: str) -> datetime:
    """A time typed on a form, in the conference's zone, as an aware moment. A time the clocks
    skip that day raises ``NoSuchTime`` (zoneinfo would shift it an hour later without a word);
    a time the autumn change repeats is taken at its first occurrence (``fold=0``). The
    deadlines (docs/lifecycle.md, "Quotas and deadlines") and the sessions of the programme
    builder (docs/workspaces.md, "Programme builder") read their times through it."""
    moment = wall.replace(tzinfo=ZoneInfo(zone), fold=0)
    if moment.astimezone(UTC).astimezone(moment.tzinfo).replace(tzinfo=None) != \
            wall.replace(fold=0):
        raise NoSuchTime(wall.isoformat())
    return moment


def function_said(person: Any, language: str) -> str:
    """A person's function as a page in ``language`` prints it (``accreditation.domain.
    function_in``: the one given in that language, else the one typed), "" when none: the
    pages' filter ``function_in``. ``person`` is an accreditation or a row (a mapping) with
    ``function`` and, where the query gives them, ``function_fr`` and ``function_en``."""
    def field(name: str) -> str | None:
        value = person.get(name) if isinstance(person, Mapping) else getattr(person, name, None)
        return str(value) if value else None
    return function_in(language, field("function"), field("function_fr"),
                       field("function_en")) or ""
