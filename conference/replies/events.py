"""Domain events of replies (identifiers and the answer only)."""

from __future__ import annotations

from uuid import UUID

from conference.outbox.events import Payload


class AttendanceReplied(Payload):
    session_id: UUID
    accreditation_id: UUID
    partstat: str


EVENT_TYPES: dict[str, type[Payload]] = {"attendance.replied": AttendanceReplied}
