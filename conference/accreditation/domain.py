"""Accreditation rules, pure: the state machine, who may decide what, the press window.

The state machine is a table: a (state, action) pair absent from ``TRANSITIONS`` is illegal.

    submitted  --approve-->  approved      submitted  --withdraw-->  withdrawn
    submitted  --reject--->  rejected      waitlisted --withdraw-->  withdrawn
    submitted  --waitlist->  waitlisted    approved   --revoke---->  revoked
    waitlisted --approve-->  approved      submitted  --revoke---->  revoked
    waitlisted --reject--->  rejected      waitlisted --revoke---->  revoked

An applicant may withdraw until the decision; afterwards only organisers change it (revoke).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from conference.auth import Role
from conference.errors import Forbidden, IllegalTransition


class Status(StrEnum):
    submitted = "submitted"
    approved = "approved"
    rejected = "rejected"
    waitlisted = "waitlisted"
    withdrawn = "withdrawn"
    revoked = "revoked"


class Action(StrEnum):
    approve = "approve"
    reject = "reject"
    waitlist = "waitlist"
    withdraw = "withdraw"
    revoke = "revoke"


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
    (Status.approved, Action.revoke): Status.revoked,
    (Status.submitted, Action.revoke): Status.revoked,
    (Status.waitlisted, Action.revoke): Status.revoked,
}


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
    }[action]


def may_decide(role: Role, category: Category) -> bool:
    """Least privilege: the spokesperson's office decides on press, protocol on the rest."""
    if role is Role.admin:
        return True
    if category is Category.press:
        return role is Role.press_office
    return role is Role.protocol


def check_may_decide(role: Role, category: Category) -> None:
    if not may_decide(role, category):
        who = "the spokesperson's office" if category is Category.press else "the protocol office"
        raise Forbidden(f"Decisions on {category.value} accreditations belong to {who}.")


def press_window_open(opens_at: datetime, closes_at: datetime, now: datetime) -> bool:
    return opens_at <= now < closes_at


def may_register(role: Role | None, category: Category) -> bool:
    """Who may file an application of this category (scope checks come on top)."""
    if category is Category.press:
        return True  # anyone, while the window is open; organisers also outside it
    if category is Category.staff:
        return role in (Role.admin, Role.protocol)
    return role in (Role.admin, Role.protocol, Role.focal_point)
