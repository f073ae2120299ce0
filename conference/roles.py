"""Who may do what, by role: the named role sets, stated once.

A route's handler checks its set before it reads the request body (a caller without the role
learns nothing from field errors); the use-case checks it again, since pages and the demo call
use-cases too. Rules about one object (whose accreditation, which delegation, which category)
are pure functions in the domain's ``domain.py``. Each set is a tuple, in the order a refusal
names its roles.
"""

from __future__ import annotations

from conference.auth import Role

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
"""File staff applications."""

PRESS_WINDOW_EXEMPT = (Role.admin, Role.press_office)
"""File press applications outside the press window."""

DECIDERS = (Role.press_office, Role.protocol, Role.admin)
"""Approve, reject or waitlist (each office its categories)."""

WITHDRAWERS = (Role.applicant, Role.focal_point)
"""Withdraw an application (the applicant its own, a focal point its delegation's)."""

REVOKERS = (Role.protocol, Role.press_office, Role.admin)
"""Revoke an accreditation (each office its categories; admin any)."""
