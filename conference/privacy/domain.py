"""Who may write vetting data, and when (no aiohttp, no asyncpg)."""

from __future__ import annotations

from conference.auth import Role

ORGANISERS = frozenset({Role.admin, Role.protocol, Role.security})
"""May record vetting data at any time, and read it."""


ALIVE = frozenset({"submitted", "waitlisted", "approved"})
"""The applications whose vetting data the person or its focal point may still give."""
DECIDED = frozenset({"cleared", "refused"})
"""Clearance statuses after which the data the security service vetted no longer changes."""


def vetting_closed(role: Role, *, own: bool, status: str, recorded_by_organiser: bool,
                   clearance: str | None = None) -> str | None:
    """None when the person or its focal point may give the data, else why not, as a code the
    pages say in words: ``not_own``, ``application`` (no longer alive), ``decided`` (the
    clearance is cleared or refused: the data it was decided on stays as it was), ``organiser``
    (protocol or security recorded it: they change it)."""
    if role not in (Role.applicant, Role.focal_point) or not own:
        return "not_own"
    if status not in ALIVE:
        return "application"
    if clearance in DECIDED:
        return "decided"
    if recorded_by_organiser:
        return "organiser"
    return None


def may_write_vetting(role: Role, *, own: bool, status: str, recorded_by_organiser: bool,
                      clearance: str | None = None) -> str | None:
    """None when allowed, else why not. The person or its focal point gives the data while the
    application is alive (submitted, waitlisted, or approved: people are often approved before
    the security service has vetted them) and the clearance is not decided (``clearance``, the
    status recorded, is neither cleared nor refused), unless an organiser has recorded it;
    organisers at any time (docs/credentials.md, "Vetting")."""
    if role in ORGANISERS:
        return None
    closed = vetting_closed(role, own=own, status=status,
                            recorded_by_organiser=recorded_by_organiser, clearance=clearance)
    return {
        None: None,
        "not_own": "Vetting data is given by the person, its focal point, or protocol.",
        "application": f"The application is {status}: its vetting data can no longer be "
                       "changed.",
        "decided": f"The security clearance is {clearance}: the identity document it was "
                   "decided on can no longer be changed.",
        "organiser": "Protocol has recorded this person's vetting data: ask protocol to "
                     "change it.",
    }[closed]
