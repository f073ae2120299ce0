"""Who may write vetting data, and when (no aiohttp, no asyncpg)."""

from __future__ import annotations

from conference.auth import Role

ORGANISERS = frozenset({Role.admin, Role.protocol, Role.security})
"""May record vetting data at any time, and read it."""


def may_write_vetting(role: Role, *, own: bool, status: str,
                      recorded_by_organiser: bool) -> str | None:
    """None when allowed, else why not. The person or its focal point gives the data while the
    application is submitted and no organiser has recorded it; organisers at any time."""
    if role in ORGANISERS:
        return None
    if role not in (Role.applicant, Role.focal_point) or not own:
        return "Vetting data is given by the person, its focal point, or protocol."
    if status != "submitted":
        return f"The application is {status}: its vetting data can no longer be changed."
    if recorded_by_organiser:
        return "Protocol has recorded this person's vetting data: ask protocol to change it."
    return None
