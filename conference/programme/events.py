"""Domain events of the programme, declared as a plain mapping.

Payloads hold identifiers and non-personal fields only (titles, times, rooms, roles).

- ``room.created``
- ``session.scheduled`` (created), ``session.moved`` (start or end changed, whatever else
  changed with it), ``session.changed`` (renamed, re-roomed, other fields), ``session.cancelled``
- ``participant.added``, ``participant.changed`` (another role), ``participant.removed``
- ``programme.published``: the version number and the changelog against the version before;
  the invitations follow from it.
- ``protocol.drawn``: the starting country drawn by lot for the ``drawn`` tie-break, with the
  seed and the candidates, so the draw can be reproduced.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from conference.outbox.events import Payload
from conference.programme.models import Changelog


class RoomCreated(Payload):
    room_id: UUID
    capacity: int


class SessionEvent(Payload):
    session_id: UUID
    room_id: UUID
    kind: str
    starts_at: datetime
    ends_at: datetime
    press_access: str
    royal_presence: bool
    changed: list[str] = []
    """The fields this change touched (empty for ``session.scheduled``)."""


class ParticipantEvent(Payload):
    session_id: UUID
    accreditation_id: UUID
    role: str
    previous_role: str | None = None


class ProgrammePublished(Payload):
    version: int
    programme_version_id: int
    changes: Changelog


class ProtocolDrawn(Payload):
    drawn_start: str
    seed: int
    candidates: list[str]


EVENT_TYPES: dict[str, type[Payload]] = {
    "room.created": RoomCreated,
    **{t: SessionEvent for t in ("session.scheduled", "session.moved", "session.changed",
                                 "session.cancelled")},
    **{t: ParticipantEvent for t in ("participant.added", "participant.changed",
                                     "participant.removed")},
    "programme.published": ProgrammePublished,
    "protocol.drawn": ProtocolDrawn,
}
