"""Accreditation rules, pure: the state machine, who may decide what, the press window.

The state machine is a table: a (state, action) pair absent from ``TRANSITIONS`` is illegal.

    submitted  --approve-->  approved      submitted  --withdraw-->  withdrawn
    submitted  --reject--->  rejected      waitlisted --withdraw-->  withdrawn
    submitted  --waitlist->  waitlisted    approved   --revoke---->  revoked
    waitlisted --approve-->  approved      submitted  --revoke---->  revoked
    waitlisted --reject--->  rejected      waitlisted --revoke---->  revoked
    submitted, waitlisted, approved  --substitute-->  substituted (another person takes the place)
    approved   --withdraw-->  withdrawn   (a journalist who will not come: press only)

An applicant may withdraw until the decision; afterwards only organisers change it (revoke),
except an approved journalist, who withdraws to free the place in the press pool
(docs/lifecycle.md, "Withdrawing after approval"): ``check_withdrawable``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, Literal, Protocol
from uuid import UUID
from zoneinfo import ZoneInfo

from conference import roles
from conference.auth import Principal, Role
from conference.errors import (
    AnswersExhausted,
    Conflict,
    DuplicateApproved,
    Forbidden,
    IllegalTransition,
    Invalid,
    PoolFull,
    Unauthorized,
    WindowClosed,
)
from conference.protocol.ranks import Rank


class Status(StrEnum):
    submitted = "submitted"
    approved = "approved"
    rejected = "rejected"
    waitlisted = "waitlisted"
    withdrawn = "withdrawn"
    revoked = "revoked"
    substituted = "substituted"


class Action(StrEnum):
    approve = "approve"
    reject = "reject"
    waitlist = "waitlist"
    withdraw = "withdraw"
    revoke = "revoke"
    substitute = "substitute"
    amend = "amend"
    """Change a member's details before the decision, or correct a journalist's (no change of
    status; docs/workspaces.md, "Editing a member" and "Correcting a journalist")."""


class Category(StrEnum):
    press = "press"
    minister = "minister"
    official = "official"
    expert = "expert"
    staff = "staff"


TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (Status.submitted, Action.approve): Status.approved,
    (Status.submitted, Action.reject): Status.rejected,
    (Status.submitted, Action.waitlist): Status.waitlisted,
    (Status.waitlisted, Action.approve): Status.approved,
    (Status.waitlisted, Action.reject): Status.rejected,
    (Status.submitted, Action.withdraw): Status.withdrawn,
    (Status.waitlisted, Action.withdraw): Status.withdrawn,
    (Status.approved, Action.withdraw): Status.withdrawn,
    (Status.approved, Action.revoke): Status.revoked,
    (Status.submitted, Action.revoke): Status.revoked,
    (Status.waitlisted, Action.revoke): Status.revoked,
    (Status.submitted, Action.substitute): Status.substituted,
    (Status.waitlisted, Action.substitute): Status.substituted,
    (Status.approved, Action.substitute): Status.substituted,
}


DECISIONS = frozenset({Action.approve, Action.reject, Action.waitlist})


def transition(current: Status, action: Action) -> Status:
    try:
        return TRANSITIONS[(current, action)]
    except KeyError:
        raise IllegalTransition(
            f"An accreditation that is {current.value} cannot be {_past(action)}.",
            status_now=current.value,
            action=action.value,
        ) from None


def _past(action: Action) -> str:
    return {
        Action.approve: "approved",
        Action.reject: "rejected",
        Action.waitlist: "waitlisted",
        Action.withdraw: "withdrawn",
        Action.revoke: "revoked",
        Action.substitute: "substituted",
        Action.amend: "amended",
    }[action]


WITHDRAWN_AFTER_APPROVAL = frozenset({Category.press})
"""Whose approved accreditation may still be withdrawn by the applicant: a journalist who will
not come frees a place of the press pool. A delegation's approved member is replaced
(substitute) or revoked by protocol instead (docs/lifecycle.md, "Withdrawing after
approval")."""


def withdrawable(status: Status, category: Category) -> bool:
    """Whether an accreditation in ``status`` may be withdrawn (what the pages offer)."""
    if (status, Action.withdraw) not in TRANSITIONS:
        return False
    return status is not Status.approved or category in WITHDRAWN_AFTER_APPROVAL


def check_withdrawable(row: Fields) -> None:
    """409 naming the status for an approved accreditation that is not a journalist's."""
    status, category = Status(row["status"]), Category(row["category"])
    if status is Status.approved and category not in WITHDRAWN_AFTER_APPROVAL:
        raise IllegalTransition(
            f"An accreditation that is {status.value} cannot be withdrawn: a delegation's"
            " approved member is substituted or revoked.",
            status_now=status.value, action=Action.withdraw.value)


def may_decide(role: Role, category: Category) -> bool:
    """Least privilege: the spokesperson's office decides on press, protocol on the rest."""
    if role is Role.admin:
        return True
    if category is Category.press:
        return role is Role.press_office
    return role is Role.protocol


def check_may_decide(role: Role, category: Category) -> None:
    if not may_decide(role, category):
        who = "the spokesperson's office" if category is Category.press else "the protocol service"
        raise Forbidden(f"Decisions on {category.value} accreditations belong to {who}.")


def press_window_open(opens_at: datetime, closes_at: datetime, now: datetime) -> bool:
    return opens_at <= now < closes_at


def may_register(role: Role | None, category: Category) -> bool:
    """Who may file an application of this category (scope checks come on top)."""
    if category is Category.press:
        return True  # anyone, while the window is open; organisers also outside it
    if category is Category.staff:
        return role in roles.STAFF_REGISTRARS
    return role in roles.DELEGATE_REGISTRARS


def check_may_register(
    principal: Principal | None, category: Category, delegation_id: UUID | None
) -> UUID | None:
    """Who may file what (401, 403); the delegation the application is filed in (a focal
    point's defaults to its own, and may name no other)."""
    role = principal.role if principal else None
    if not may_register(role, category):
        if principal is None:
            raise Unauthorized("Only press applications may be filed without a token.")
        raise Forbidden(f"{principal.role.value} may not register {category.value} applications.")
    if principal is not None and principal.role is Role.focal_point:
        if delegation_id is None:
            return principal.delegation_id
        if delegation_id != principal.delegation_id:
            raise Forbidden("A focal point registers members of its own delegation only.")
    return delegation_id


def press_window_exempt(principal: Principal | None) -> bool:
    """Organisers may file press applications outside the window."""
    return principal is not None and principal.role in roles.PRESS_WINDOW_EXEMPT


def check_press_window(
    category: Category, exempt: bool, opens_at: datetime, closes_at: datetime, now: datetime
) -> None:
    """A press application outside the window is refused (409), unless an organiser files it.

    The ``register`` statement applies the same rule in SQL, so that filing stays one statement;
    this function names the refusal when it did not file."""
    if category is Category.press and not exempt and not press_window_open(opens_at, closes_at,
                                                                           now):
        raise WindowClosed(
            f"Press registration is open from {opens_at.isoformat()}"
            f" to {closes_at.isoformat()}.",
            opens_at=opens_at.isoformat(), closes_at=closes_at.isoformat(),
        )


def check_pool_has_room(approved: int, capacity: int, *, deciding: bool) -> None:
    """A press application is filed, or approved, only while the pool has a free place."""
    if approved >= capacity:
        more = "; waitlist the application or revoke another first" if deciding else ""
        raise PoolFull(f"All {capacity} places of the press pool are taken{more}.",
                       pool_capacity=capacity)


# --- possible duplicates in the press pool (docs/workspaces.md, "Possible duplicates") ------

_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]+")
_FOLDED = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d",
                         "ı": "i"})


def fold(text: str) -> str:
    """``text`` as the duplicate check compares it: lower case, accents removed, and only its
    letters and digits kept (spaces, hyphens, punctuation dropped): « Marie-Curie » ≈ « marie
    curie », « FR 2026/0042 » ≈ « fr-2026-0042 »; the same folding as the press desk's search.
    ASCII text (most press cards, many names) takes a shorter road to the same result: an
    approval folds every approved application of its conference under the conference row's
    lock."""
    if text.isascii():
        return _NOT_ASCII_ALNUM.sub("", text.lower())
    decomposed = unicodedata.normalize("NFKD", text.lower()).translate(_FOLDED)
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


@dataclass(frozen=True)
class PressPerson:
    """A press application as the duplicate check reads it."""

    id: UUID
    given_name: str
    family_name: str
    outlet: str
    press_card_number: str
    status: Status
    seq: int

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"


def _person_keys(p: PressPerson) -> list[tuple[str, ...]]:
    """What makes two applications one person: the press card number once folded; the given
    and family names once folded with the outlet once folded. An empty fold matches nothing."""
    keys: list[tuple[str, ...]] = []
    card = fold(p.press_card_number)
    if card:
        keys.append(("card", card))
    name = fold(p.given_name + p.family_name)
    if name:
        keys.append(("name", name, fold(p.outlet)))
    return keys


def possible_duplicates(people: Sequence[PressPerson]) -> dict[UUID, list[PressPerson]]:
    """For each application that probably duplicates others of the same conference, those
    others (oldest first): the same press card number once folded, or the same given and
    family name and the same outlet once folded. Withdrawn and substituted applications are
    not in ``people`` (they hold nothing)."""
    groups: dict[tuple[str, ...], list[PressPerson]] = {}
    for p in people:
        for key in _person_keys(p):
            groups.setdefault(key, []).append(p)
    found: dict[UUID, dict[UUID, PressPerson]] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        for p in group:
            others = found.setdefault(p.id, {})
            others.update((o.id, o) for o in group if o.id != p.id)
    return {pid: sorted(others.values(), key=lambda o: o.seq) for pid, others in found.items()}


def duplicates_of(person: PressPerson, people: Sequence[PressPerson]) -> list[PressPerson]:
    """Those of ``people`` (``person`` itself left out) that ``person`` probably duplicates,
    oldest first: the rule of :func:`possible_duplicates`, for one application."""
    keys = set(_person_keys(person))
    if not keys:
        return []
    return sorted((p for p in people
                   if p.id != person.id and not keys.isdisjoint(_person_keys(p))),
                  key=lambda p: p.seq)


def blocking_duplicate(others: Sequence[PressPerson]) -> PressPerson | None:
    """The approved application among ``others``, if any: a person takes one place in the press
    pool, so a possible duplicate of an approved application is not approved."""
    return next((o for o in others if o.status is Status.approved), None)


def check_not_duplicate_of_approved(person: PressPerson, approved: Sequence[PressPerson],
                                    *, not_a_duplicate: bool = False) -> list[PressPerson]:
    """Approving ``person`` is refused (409 ``duplicate-approved``, naming the other) when it
    probably duplicates one of the ``approved`` press applications of its conference, unless
    the officer confirmed it is ``not_a_duplicate`` (another person of the same name at the
    same outlet, or the same card number mistyped: docs/workspaces.md, "Possible
    duplicates"; both keys alike, a card number being no more proof than a name). The approved
    applications the confirmation overrode, oldest first (none without a confirmation)."""
    others = [o for o in duplicates_of(person, approved) if o.status is Status.approved]
    if not others:
        return []
    if not_a_duplicate:
        return others
    other = others[0]
    raise DuplicateApproved(
        f"This application probably duplicates application {other.id}, already approved "
        "(the same press card number, or the same name at the same outlet): one person "
        "takes one place in the press pool. Reject it, revoke the other first, or confirm "
        "it is another person (not_a_duplicate: true).",
        duplicate_of=str(other.id), name=other.name)


NAMES_SWAPPED = ("given_name is in capitals, as family names are on most identity documents:"
                 " are given_name and family_name swapped?")
"""The names' warning in English, as the API's ``warnings`` gives it."""


def names_look_swapped(given_name: str, family_name: str) -> bool:
    """The given name in capitals and the family name not: the two may be swapped."""
    return given_name.isupper() and not family_name.isupper() and len(given_name) > 1


def in_capitals(name: str) -> bool:
    """A name written entirely in capitals ("ĆOSIĆ", "JEAN-BAPTISTE"), an initial aside
    ("J."): letters and lists print names as typed ("Dear Ms ĆOSIĆ")."""
    return name.isupper() and sum(ch.isalpha() for ch in name) > 1


def name_in_capitals(given_name: str, family_name: str) -> str | None:
    """Which name to ask about when the family name is all in capitals (names not swapped):
    ``given_name`` when the given name is too (both said at once), else ``family_name``; None
    when neither (docs/lifecycle.md, "Import": the same check on a single member's page)."""
    if names_look_swapped(given_name, family_name) or not in_capitals(family_name):
        return None
    return "given_name" if in_capitals(given_name) else "family_name"


def name_warnings(given_name: str, family_name: str) -> list[str]:
    """What the applicant may have got wrong without it being invalid."""
    return [NAMES_SWAPPED] if names_look_swapped(given_name, family_name) else []


# --- rank and category (docs/protocol.md, "Rank and category") -------------------------------

MINISTERIAL_RANKS = frozenset({Rank.head_of_state, Rank.head_of_government,
                               Rank.deputy_head_of_government, Rank.foreign_minister,
                               Rank.minister, Rank.deputy_minister})
"""The ranks of a member of a government, head of state down to deputy minister (a secretary of
state): accredited in the category minister."""
NOT_MINISTERIAL_CATEGORIES = frozenset({Category.official, Category.expert, Category.staff})
MINISTER_WITHOUT_MINISTERIAL_RANK = frozenset({Rank.official, Rank.expert})
"""The ranks the category minister is never given to. An ambassador or permanent
representative, a senior official or the head of an international organisation may lead a
delegation at ministerial level: filed as minister, they are not questioned."""


@dataclass(frozen=True)
class RankMismatch:
    """A rank that does not fit the category it is filed in: a warning, never a refusal.
    ``check`` is the field to look at again: ``category`` (a ministerial rank filed as
    official, expert or staff) or ``rank`` (the category minister with the rank official or
    expert)."""

    check: Literal["category", "rank"]
    category: Category
    rank: Rank

    @property
    def message(self) -> str:
        """The warning in English, as the API's ``warnings`` list gives it."""
        if self.check == "category":
            return (f"The rank {self.rank.value} is a ministerial rank, but the category is"
                    f" {self.category.value}: a person of ministerial rank (head of state down"
                    " to deputy minister or secretary of state) is accredited in the category"
                    " minister. Please check the category; the application is filed as given.")
        return (f"The category minister is for a person of ministerial rank, but the rank is"
                f" {self.rank.value}: an official or an expert is accredited in the category"
                " official or expert. Please check the rank and the category; the application is"
                " filed as given.")


def rank_mismatch(category: Category | str, rank: Rank | str | None) -> RankMismatch | None:
    """Whether ``rank`` fits ``category`` (docs/protocol.md, "Rank and category"): a ministerial
    rank filed as official, expert or staff, or the category minister with the rank official or
    expert, is named; anything else (no rank, press) is None."""
    if rank is None:
        return None
    category, rank = Category(category), Rank(rank)
    if category in NOT_MINISTERIAL_CATEGORIES and rank in MINISTERIAL_RANKS:
        return RankMismatch("category", category, rank)
    if category is Category.minister and rank in MINISTER_WITHOUT_MINISTERIAL_RANK:
        return RankMismatch("rank", category, rank)
    return None


def filing_warnings(given_name: str, family_name: str, category: Category | str,
                    rank: Rank | str | None) -> list[str]:
    """What a filing may have got wrong without it being invalid: the names
    (``name_warnings``), then a rank that does not fit the category (``rank_mismatch``)."""
    mismatch = rank_mismatch(category, rank)
    return [*name_warnings(given_name, family_name), *([mismatch.message] if mismatch else [])]


class Fields(Protocol):
    """An accreditation as the access rules read it (a database row): ``id``, ``category``,
    ``delegation_id``."""

    def __getitem__(self, key: str, /) -> Any: ...


def may_read(principal: Principal, row: Fields) -> bool:
    role = principal.role
    if role in roles.PROTOCOL_OFFICE:
        return True
    if role is Role.press_office:
        return bool(row["category"] == Category.press)
    if role is Role.focal_point:
        return bool(row["delegation_id"] == principal.delegation_id)
    if role is Role.applicant:
        return bool(row["id"] == principal.accreditation_id)
    return False


def check_may_read(principal: Principal | None, row: Fields) -> None:
    """The applicant, its delegation's focal point, the office in charge of its category."""
    if principal is None:
        raise Unauthorized("A bearer token is required (Authorization: Bearer <token>).")
    if not may_read(principal, row):
        raise Forbidden("This token does not give access to this accreditation.")


def may_read_duplicate_check(principal: Principal | None) -> bool:
    """Whether ``principal`` reads a history's ``not_a_duplicate`` line (an officer confirmed
    the application is not the approved namesake's: docs/workspaces.md, "Possible
    duplicates"): the offices that decide; the journalist is not told of a namesake."""
    return principal is not None and principal.role in roles.DECIDERS


def may_read_clearance_reason(principal: Principal | None) -> bool:
    """Whether ``principal`` reads the reason of a security-clearance line of a history: the
    protocol office alone (docs/credentials.md, "Vetting"); everyone else who reads the history
    sees the status set, without its reason."""
    return principal is not None and principal.role in roles.CLEARANCE_REASON_READERS


def may_read_substitution_reason(principal: Principal | None) -> bool:
    """Whether ``principal`` reads the reason of a substitution's history line: not the person
    replaced nor the one taking the place, through their own link (the reason is the
    delegation's, and may be an internal one: their letters give none either, docs/lifecycle.md,
    "Letters"); the focal point who gave it and the organisers do."""
    return principal is not None and principal.role is not Role.applicant


def may_read_correction_reason(principal: Principal | None) -> bool:
    """Whether ``principal`` reads why an organiser corrected the details: not the person,
    through their own link, who reads which details were (the why is the office's note, "typed
    in capitals" or "as in the passport the security service holds"); the organisers and the
    delegation's focal points do."""
    return principal is not None and principal.role is not Role.applicant


def check_may_act(principal: Principal, action: Action, row: Fields) -> None:
    """Whether ``principal`` may take ``action`` on this accreditation (403 if not)."""
    category = Category(row["category"])
    role = principal.role
    if action in DECISIONS:
        check_may_decide(role, category)
    elif action is Action.withdraw:
        own = (role is Role.applicant and principal.accreditation_id == row["id"]) or (
            role is Role.focal_point and principal.delegation_id == row["delegation_id"]
        )
        if not own:
            raise Forbidden("Only the applicant or the delegation's focal point may withdraw.")
    elif action is Action.revoke:
        if role not in roles.REVOKERS:
            raise Forbidden("Only organisers may revoke an accreditation.")
        if role is not Role.admin:
            check_may_decide(role, category)
    elif action is Action.substitute:
        own = role is Role.focal_point and principal.delegation_id == row["delegation_id"]
        if not own and role not in roles.PROTOCOL_OFFICE:
            raise Forbidden("Only the delegation's focal point or protocol may substitute a "
                            "member.")
    elif action is Action.amend:
        if category is Category.press:  # a correction: the office that decides on the press
            if not may_decide(role, category):
                raise Forbidden("Only the spokesperson's office corrects a journalist's "
                                "details.")
            return
        own = role is Role.focal_point and principal.delegation_id == row["delegation_id"]
        if not own and role not in roles.PROTOCOL_OFFICE:
            raise Forbidden("Only the delegation's focal point or protocol may change a "
                            "member's details.")


def check_may_answer(principal: Principal, row: Fields) -> None:
    """The applicant, through their own private link, or a focal point of the member's
    delegation, on their behalf, answers the office's request for more information
    (docs/workspaces.md, "Asking for more information"): a minister does not answer
    protocol's mails, the delegation's focal point does. 403 for anyone else (another
    delegation's focal point, the offices: they ask, they do not answer)."""
    own = principal.role is Role.applicant and principal.accreditation_id == row["id"]
    focal = principal.role is Role.focal_point and row["delegation_id"] is not None \
        and principal.delegation_id == row["delegation_id"]
    if not own and not focal:
        raise Forbidden("Only the applicant or their delegation's focal point answers a "
                        "request for more information.")


def answered_by_focal_point(actor: str) -> bool:
    """Whether an answer in words was given by the delegation's focal point rather than the
    applicant (``Principal.actor``: the applicant's private link is ``applicant:<token>``;
    only they and a focal point answer, ``check_may_answer``)."""
    return not actor.startswith(f"{Role.applicant.value}:")


class HistoryLine(Protocol):
    """A line of the audit trail as the exchange reads it (``models.HistoryEntry``)."""

    @property
    def at(self) -> datetime: ...
    @property
    def action(self) -> str: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def actor(self) -> str: ...


@dataclass(frozen=True)
class Answer:
    at: datetime
    text: str | None
    """None once erased (docs/privacy.md, "Erasure")."""
    by_focal_point: bool = False
    """Given by the delegation's focal point on the member's behalf, not by the member."""


@dataclass(frozen=True)
class Exchange:
    """A request for more information and the applicant's answers in words that followed it
    (docs/workspaces.md, "Asking for more information")."""

    asked_at: datetime
    question: str | None
    answers: tuple[Answer, ...]


def information_exchanges(history: Sequence[HistoryLine]) -> list[Exchange]:
    """Each request for more information of the history (oldest first), with the answers
    given after it and before the next request: the office reads the answer next to its
    question, the applicant what they were asked and what they wrote."""
    found: list[Exchange] = []
    for line in history:
        if line.action == "information_requested":
            found.append(Exchange(line.at, line.reason, ()))
        elif line.action == "information_given" and found:
            last = found[-1]
            found[-1] = Exchange(last.asked_at, last.question,
                                 (*last.answers, Answer(line.at, line.reason,
                                                        answered_by_focal_point(line.actor))))
    return found


ANSWERS_PER_REQUEST = 5
"""The answers in words one request for more information takes: each is mailed to the office,
so whoever holds the private link cannot flood the spokespersons; the office asks again when
it needs more (docs/workspaces.md, "The applicant's answer in words")."""


def answers_left(exchanges: Sequence[Exchange]) -> int:
    """How many more answers the latest request takes (0 when nothing was asked)."""
    if not exchanges:
        return 0
    return max(ANSWERS_PER_REQUEST - len(exchanges[-1].answers), 0)


def check_answers_left(exchanges: Sequence[Exchange]) -> None:
    """409 ``answers-exhausted`` once the latest request has had its answers."""
    if exchanges and not answers_left(exchanges):
        raise AnswersExhausted(
            f"This request for information has had its {ANSWERS_PER_REQUEST} answers: the "
            "office asks again if it needs more.", answers_allowed=ANSWERS_PER_REQUEST)


def check_reason(action: Action, reason: str | None) -> None:
    if action is Action.reject and not reason:
        raise Invalid("Some fields are invalid.", [
            {"field": "reason", "message": "a rejection needs a reason", "type": "value_error"}])
    if action is Action.revoke and not (reason and reason.strip()):
        raise Invalid("Some fields are invalid.", [
            {"field": "reason", "message": "a revocation needs a reason (it is in the letter)",
             "type": "value_error"}])


def list_scope(
    principal: Principal, category: Category | None, delegation_id: UUID | None
) -> tuple[Category | None, UUID | None]:
    """The filters a listing runs with: the press office sees the press, a focal point its
    own delegation, the protocol office everything (403 for a filter outside the scope)."""
    if principal.role is Role.press_office:
        if category not in (None, Category.press):
            raise Forbidden("The spokesperson's office sees press accreditations only.")
        return Category.press, delegation_id
    if principal.role is Role.focal_point:
        if delegation_id not in (None, principal.delegation_id):
            raise Forbidden("A focal point sees its own delegation only.")
        return category, principal.delegation_id
    if principal.role not in roles.PROTOCOL_OFFICE:
        raise Forbidden("This token cannot list accreditations.")
    return category, delegation_id


# --- quotas and deadlines (docs/lifecycle.md) -------------------------------------------------

QUOTA_CATEGORIES = frozenset({Category.minister, Category.official, Category.expert,
                              Category.staff})
"""The categories counted against a delegation's places."""
LIVE_STATUSES = (Status.submitted, Status.waitlisted, Status.approved)
"""The accreditations that hold a place."""
OVERRIDERS = frozenset({Role.admin, Role.protocol})


class QuotaExceeded(Conflict):
    slug, title = "quota-exceeded", "The delegation's quota is reached"


class DeadlinePassed(Conflict):
    slug, title = "deadline-passed", "The deadline has passed"


def allowed_places(category: Category, delegation_quotas: Mapping[str, int],
                   conference_quotas: Mapping[str, int]) -> int | None:
    """The delegation's places in ``category``: its own quota, else the conference's default,
    else not capped (None)."""
    if category.value in delegation_quotas:
        return delegation_quotas[category.value]
    return conference_quotas.get(category.value)


def _needs_reason(override_reason: str | None, why: str, field: str = "override_reason"
                  ) -> None:
    if not override_reason:
        raise Invalid("A reason is needed.", [{
            "field": field, "message": why, "type": "reason_required"}])


def closing(closes_at: datetime | None, ends_on: date, zone: str) -> datetime:
    """A deadline protocol left open closes with the conference: at the end of its last day in
    its time zone (docs/lifecycle.md, "Quotas and deadlines"). Nobody files a member, edits or
    replaces one for a meeting that is over."""
    if closes_at is not None:
        return closes_at
    return datetime.combine(ends_on + timedelta(days=1), time(0), ZoneInfo(zone))


def check_deadline(closes_at: datetime | None, now: datetime, role: Role | None,
                   override_reason: str | None, what: str,
                   field: str = "override_reason") -> str | None:
    """Before the deadline anyone in scope acts; after it only protocol (or admin), with a
    reason: the reason the history keeps, or None when no override was needed."""
    if closes_at is None or now < closes_at:
        return None
    if role not in OVERRIDERS:
        raise DeadlinePassed(f"{what} closed at {closes_at.isoformat()}; only protocol may act "
                             "now.", deadline=closes_at.isoformat())
    _needs_reason(override_reason, f"{what} closed at {closes_at.isoformat()}", field)
    return override_reason


def check_quota(category: Category, used: int, allowed: int | None, role: Role | None,
                override_reason: str | None) -> str | None:
    """A new place in ``category`` when ``used`` of ``allowed`` are taken: refused beyond the
    quota (409 naming category, used and allowed) unless protocol overrides with a reason, which
    is returned for the history."""
    if allowed is None or used < allowed:
        return None
    if role in OVERRIDERS and override_reason:
        return override_reason
    raise QuotaExceeded(
        f"The delegation has {used} of {allowed} places for {category.value} taken.",
        category=category.value, used=used, allowed=allowed)


# --- substitutions (docs/lifecycle.md, "Substitutions") ---------------------------------------

def check_substitutable(row: Fields) -> None:
    """Only a delegation's members are substituted (their place is the delegation's)."""
    if row["delegation_id"] is None:
        raise Conflict("Only delegation members are substituted; this accreditation belongs to "
                       "no delegation.", status_now=str(row["status"]))


def substitute_status(old: Status, role: Role, approve: bool) -> Status:
    """The new accreditation's first status: submitted, or approved when protocol substitutes
    an approved member and says so (``approve``; 422 naming it otherwise)."""
    if not approve:
        return Status.submitted
    if role not in OVERRIDERS:
        raise Invalid("Some fields are invalid.", [{
            "field": "approve", "message": "only protocol approves a substitute",
            "type": "value_error"}])
    if old is not Status.approved:
        raise Invalid("Some fields are invalid.", [{
            "field": "approve", "message": f"the member replaced is {old.value}, not approved",
            "type": "value_error"}])
    return Status.approved


# --- amending a member before the decision (docs/workspaces.md, "Editing a member") ----------

AMENDABLE_CATEGORIES = frozenset({Category.minister, Category.official, Category.expert})
"""Whose details are changed by ``amend``: delegation members (a press application or a staff
accreditation is not edited)."""
AMENDED_FIELDS = ("category", "given_name", "family_name", "email", "language", "gender", "rank",
                  "function", "function_fr", "function_en", "in_office_since")
"""The fields an amendment may change, in the order they are named."""


def check_amendable_member(row: Fields) -> None:
    """A delegation member's row (409 for a staff accreditation or one without delegation),
    whose data were not erased (409)."""
    if Category(row["category"]) not in AMENDABLE_CATEGORIES or row["delegation_id"] is None:
        raise Conflict("Only a delegation member's details are changed this way.",
                       status_now=str(row["status"]))
    if row["erased_at"] is not None:
        raise Conflict("This person's data were erased.", status_now=str(row["status"]))


def check_amendable(row: Fields) -> None:
    """Only a delegation member still waiting for the decision (submitted) is changed: once
    decided, the member is substituted instead (409 naming the status). A journalist's
    details are corrected instead (``check_correctable``)."""
    if Category(row["category"]) not in AMENDABLE_CATEGORIES or row["delegation_id"] is None:
        raise Conflict("Only a delegation member's details are changed this way.",
                       status_now=str(row["status"]))
    if Status(row["status"]) is not Status.submitted:
        raise IllegalTransition(
            f"An accreditation that is {row['status']} cannot be amended: it is decided"
            " (substitute the member instead).",
            status_now=str(row["status"]), action=Action.amend.value)


def changed_fields(current: Mapping[str, Any], wanted: Mapping[str, Any]) -> list[str]:
    """The fields named in ``wanted`` whose value differs from ``current``."""
    return [name for name in AMENDED_FIELDS
            if name in wanted and wanted[name] != current.get(name)]


# --- correcting a journalist (docs/workspaces.md, "Correcting a journalist") -----------------

CORRECTABLE_STATUSES = (Status.submitted, Status.waitlisted, Status.approved)
"""A journalist's details are corrected while the application holds or awaits a place."""
CORRECTED_FIELDS = ("given_name", "family_name", "press_outlet", "press_card_number",
                    "press_role")
"""What a correction may change, in the order they are named (the row's columns)."""
PRINTED_FIELDS = frozenset({"given_name", "family_name", "press_outlet", "press_role"})
"""The corrected fields a badge prints (the press card number is not printed)."""
NOT_CORRECTED = ("category", "email", "language", "gender", "rank", "function",
                 "function_fr", "function_en", "in_office_since")
"""The fields of an amendment that a journalist's correction does not take."""


def check_correctable(row: Fields) -> None:
    """A press application submitted, waitlisted or approved, not erased (409 otherwise, the
    status named)."""
    status = Status(row["status"])
    if row["erased_at"] is not None:
        raise Conflict("This person's data were erased.", status_now=status.value)
    if status not in CORRECTABLE_STATUSES:
        raise IllegalTransition(
            f"An accreditation that is {status.value} is not corrected any more.",
            status_now=status.value, action=Action.amend.value)


def check_correction(wanted: Mapping[str, Any]) -> None:
    """A correction names only a journalist's fields, and says why (422 naming each field)."""
    _check_correction(wanted, NOT_CORRECTED, "a journalist's correction changes given_name,"
                      " family_name and press only")


def _check_correction(wanted: Mapping[str, Any], not_corrected: Sequence[str],
                      message: str) -> None:
    """A correction names none of ``not_corrected`` (each one named, with ``message``) and
    gives a reason, kept in the history (422 naming each field)."""
    errors = [{"field": name, "message": message, "type": "not_corrected"}
              for name in not_corrected if name in wanted]
    reason = wanted.get("reason")
    if not (reason and str(reason).strip()):
        errors.append({"field": "reason", "message": "a correction needs a reason (it is kept"
                       " in the history)", "type": "value_error"})
    if errors:
        raise Invalid("Some fields are invalid.", errors)


def badge_needs_reprint(status: Status, changed: list[str],
                        printed: frozenset[str] = PRINTED_FIELDS) -> bool:
    """Whether a correction changes what the approved person's badge prints (``printed``: a
    journalist's printed fields, or a member's, ``MEMBER_BADGE_FIELDS``)."""
    return status is Status.approved and bool(printed.intersection(changed))


# --- correcting an approved member (docs/workspaces.md, "Correcting an approved member") ------

MEMBER_CORRECTED_FIELDS = ("given_name", "family_name", "rank", "function", "function_fr",
                           "function_en", "in_office_since")
"""What protocol corrects of an approved delegation member, in the order they are named: the
names and the office, not who the member is (the category and its quota, the address, the
language and the form of address stay; another person is a substitution)."""
MEMBER_BADGE_FIELDS = frozenset({"given_name", "family_name", "function", "function_fr",
                                 "function_en", "category", "delegation"})
"""What a member's badge prints (the names, the function in the badge's language:
docs/credentials.md; the category as its label and colour, the delegation under the name),
whoever changes it: a correction (which changes neither category nor delegation) or protocol's
import (which may)."""
MEMBER_NOT_CORRECTED = ("category", "email", "language", "gender", "press")
"""The fields of an amendment that a member's correction does not take."""


def is_member_correction(status: Status, wanted: Mapping[str, Any], role: Role) -> bool:
    """Whether an amendment of a delegation member is protocol's correction after the
    approval: the member approved, a reason given, by protocol or an administrator. Without a
    reason, or by the focal point, an approved member is still substituted (409)."""
    return (status is Status.approved and "reason" in wanted
            and role in (Role.protocol, Role.admin))


def check_member_correction(wanted: Mapping[str, Any]) -> None:
    """A member's correction names only the names and the office, and says why (422 naming
    each field)."""
    _check_correction(wanted, MEMBER_NOT_CORRECTED, "an approved member's correction changes "
                      "the names, the rank, the function and the date in office only (another "
                      "person is a substitution)")


def correction_line(changed: list[str], reason: str) -> str:
    """The history line's reason: the fields corrected, then why ("family_name: typed in
    capitals"); the pages name the fields in the reader's language."""
    return f"{', '.join(changed)}: {reason}"


def correction_fields(line: str) -> str:
    """A correction's history line without its why (``correction_line``): what the person
    corrected reads (docs/workspaces.md, "Correcting a journalist's details")."""
    return line.partition(": ")[0]


# -- what clearance leaves of the badge --------------------------------------------------------

Outlook = Literal["awaited", "refused"] | None
"""What stands between an approved person and their badge: ``awaited`` while the security check
their category needs is not complete (pending, more information asked), ``refused`` after a
refusal (whatever the category), None when nothing does."""


def clearance_outlook(required: bool, recorded: str | None) -> Outlook:
    """The one rule of docs/credentials.md, "Vetting": no badge is issued, printed or admitted
    after a refusal, nor while a clearance the category needs is missing. The letters and pages
    say which (docs/credentials.md, "What the person is told")."""
    if recorded == "refused":
        return "refused"
    if required and recorded != "cleared":
        return "awaited"
    return None


MissingClearance = Literal["pending", "more_information", "refused"] | None
"""The vetting status that stops the person's badge, as the pages and letters name it."""


def missing_clearance(required: bool, recorded: str | None) -> MissingClearance:
    """The status that stops the badge (``clearance_outlook``), None when nothing does: a
    clearance the category needs and nobody recorded is ``pending``."""
    if clearance_outlook(required, recorded) is None:
        return None
    if recorded == "refused":
        return "refused"
    return "more_information" if recorded == "more_information" else "pending"


# --- the badge's short reference as printed (docs/credentials.md, "Short reference") ----------


def show_short_reference(code: str) -> str:
    """How a short reference is printed: ``4F7K-92QX`` (the stored eight capitals, grouped in
    fours). The one definition: the badge, the pages and every letter that gives it print it
    so. It stands here, below the badges and credentials domains, because the approval and
    clearance letters (accreditation, credentials) print it too, and neither may import the
    badges package (it reads them); ``conference.badges.domain`` offers it with the rest of
    the short reference's rules."""
    return f"{code[:4]}-{code[4:]}"


# --- a member's function in each language (docs/protocol.md, "A function in each language") --

def function_in(language: str, function: str | None, function_fr: str | None = None,
                function_en: str | None = None) -> str | None:
    """The function a letter, a list or a page in ``language`` prints: the one given in that
    language, else the one typed (``function``, in whatever language the focal point wrote it),
    else none."""
    given = {"fr": function_fr, "en": function_en}.get(language[:2])
    return given or function or None


def substitute_functions(member: Fields, asked: Mapping[str, Any]
                         ) -> dict[str, str | None]:
    """The function of the person taking ``member``'s place, and in French and English: those
    asked; a function left empty (or the same) is the member's, and then so are its French and
    English forms not asked. A new function does not take the member's translations, which
    said another title."""
    function = asked.get("function") or member["function"]
    kept = function == member["function"]
    return {"function": function,
            **{name: asked.get(name) or (member[name] if kept else None)
               for name in ("function_fr", "function_en")}}
