"""Who may do what, by role: the named role sets, stated once.

A route's handler checks its set before it reads the request body (a caller without the role
learns nothing from field errors); the use-case checks it again, since pages and the demo call
use-cases too. Rules about one object (whose accreditation, which delegation, which category)
are pure functions in the domain's ``domain.py``. Each set is a tuple, in the order a refusal
names its roles.
"""

from __future__ import annotations

from typing import NewType

from conference.auth import Principal, Role, require

ADMINS = (Role.admin,)
"""Create conferences."""

PROTOCOL_OFFICE = (Role.admin, Role.protocol)
"""Manage delegations; see every accreditation; file staff applications."""

ORGANISERS = (Role.admin, Role.protocol, Role.press_office)
"""The organisers' offices."""

ACCREDITATION_READERS = (*ORGANISERS, Role.focal_point)
"""List accreditations (each in its scope: the press office the press, a focal point its own
delegation)."""

DELEGATE_REGISTRARS = (Role.admin, Role.protocol, Role.focal_point)
"""File applications of delegation members (minister, official, expert)."""

STAFF_REGISTRARS = PROTOCOL_OFFICE

CLEARANCE_REASON_READERS = PROTOCOL_OFFICE
"""Read the reason given with a security-clearance status in a person's history: internal
protocol data (docs/credentials.md, "Vetting"); everyone else who reads the history sees the
status alone."""
"""File staff applications."""

PRESS_WINDOW_EXEMPT = (Role.admin, Role.press_office)
"""File press applications outside the press window."""

DECIDERS = (Role.press_office, Role.protocol, Role.admin)
"""Approve, reject or waitlist (each office its categories)."""

WITHDRAWERS = (Role.applicant, Role.focal_point)
"""Withdraw an application (the applicant its own, a focal point its delegation's)."""

REVOKERS = (Role.protocol, Role.press_office, Role.admin)
"""Revoke an accreditation (each office its categories; admin any)."""

SUBSTITUTERS = (Role.admin, Role.protocol, Role.focal_point)
"""Replace a delegation member by another person (a focal point its own delegation's, until
the changes deadline)."""

AMENDERS = (Role.admin, Role.protocol, Role.focal_point, Role.press_office)
"""Change a delegation member's details before the decision (a focal point its own
delegation's, until the changes deadline); correct a journalist's (the press office, admin)."""

PRESS_DESK = (Role.admin, Role.press_office)
"""Keep the press office's reason templates (each office its conference's)."""

DOOR_STAFF = (*ORGANISERS, Role.door)
"""Scan badges at the doors (``door``: that and nothing else)."""


# --- the proof that a principal holds a set ---------------------------------------------------
# The programme's and the badges' use-cases take one of these instead of checking again: the
# type says the caller was authorised (``organiser(p)``, ``protocol_officer(p)``).

Organiser = NewType("Organiser", Principal)
"""A principal holding one of ``ORGANISERS``."""
ProtocolOfficer = NewType("ProtocolOfficer", Organiser)
"""A principal holding one of ``PROTOCOL_OFFICE`` (also an ``Organiser``)."""


DoorKeeper = NewType("DoorKeeper", Principal)
"""A principal holding one of ``DOOR_STAFF``."""


def door_keeper(principal: Principal | None) -> DoorKeeper:
    """The principal as door staff: else 401 (no token) or 403."""
    return DoorKeeper(require(principal, *DOOR_STAFF))


def organiser(principal: Principal | None) -> Organiser:
    """The principal as an organiser: else 401 (no token) or 403."""
    return Organiser(require(principal, *ORGANISERS))


def protocol_officer(principal: Principal | None) -> ProtocolOfficer:
    """The principal as a member of the protocol office: else 401 (no token) or 403."""
    return ProtocolOfficer(Organiser(require(principal, *PROTOCOL_OFFICE)))
