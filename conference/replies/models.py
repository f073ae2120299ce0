"""Attendance as the API shows it."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from conference.types import Model


class Attendee(Model):
    accreditation_id: UUID
    given_name: str
    family_name: str
    role: str
    partstat: Literal["NEEDS-ACTION", "ACCEPTED", "DECLINED", "TENTATIVE"]
    """The person's answer to the invitation (NEEDS-ACTION: none yet)."""
    replied_at: datetime | None


class Attendance(Model):
    session_id: UUID
    attendees: list[Attendee]
    counts: dict[str, int]
    """Attendees per answer."""
