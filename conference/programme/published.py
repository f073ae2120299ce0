"""The published programme: a version and its sessions as publication froze them.

One typed value shared by the programme (which freezes a version, stores it as JSON in
``programme_version.snapshot`` and shows it) and the calendar (which invites people to its
sessions and serves them as feeds). :meth:`PublishedVersion.from_row` is the one way from a
stored row to these values: ids are UUIDs, times aware datetimes, kinds and roles enums.
The vocabulary of a session (kind, press access, participant roles) is defined here and
re-exported by ``conference.programme.models``.

No I/O here: the rows are read by the programme's and the calendar's own queries.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, Literal, Protocol
from uuid import UUID

from pydantic import AwareDatetime, ConfigDict, Field

from conference.accreditation.domain import Category
from conference.types import Localized, Model

__all__ = [
    "Participant",
    "ParticipantRole",
    "PressAccess",
    "PublishedSession",
    "PublishedVersion",
    "SessionKind",
    "Snapshot",
    "Value",
]


class SessionKind(StrEnum):
    plenary = "plenary"
    ministerial = "ministerial"
    expert_panel = "expert_panel"
    press_conference = "press_conference"
    photo_opportunity = "photo_opportunity"
    reception = "reception"


class PressAccess(StrEnum):
    open = "open"
    pool = "pool"
    photo_opportunity = "photo_opportunity"
    closed = "closed"


class ParticipantRole(StrEnum):
    chair = "chair"
    speaker = "speaker"
    attendee = "attendee"


class Value(Model):
    """A frozen value (snapshots, changelogs): compared by content."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Participant(Value):
    accreditation_id: UUID
    role: ParticipantRole


class PublishedSession(Value):
    """A session as one programme version froze it."""

    session_id: UUID
    sequence: int = Field(ge=0)
    """iCalendar SEQUENCE: 0 when first published, +1 in each later version that changed its
    time, room, title or cancelled it."""
    title: Localized
    kind: SessionKind
    room_id: UUID
    room: str
    """The room's name in the conference's first language."""
    room_names: Localized | None = None
    """The room's name in French and English (None in versions published before rooms had
    two: ``room`` then serves both)."""
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    status: Literal["scheduled", "cancelled"]
    press_access: PressAccess
    audience: list[Category]
    royal_presence: bool
    seated_by: AwareDatetime | None
    participants: list[Participant]

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    def room_in(self, language: str) -> str:
        """The room's name in the reader's language (docs/programme.md, "Rooms")."""
        return self.room_names.get(language) if self.room_names is not None else self.room

    @property
    def roles(self) -> dict[UUID, ParticipantRole]:
        """The explicit participants: accreditation id → role."""
        return {p.accreditation_id: p.role for p in self.participants}


class Snapshot(Value):
    sessions: list[PublishedSession]


class _Row(Protocol):
    """A ``programme_version`` row (an asyncpg record or a mapping)."""

    def __getitem__(self, key: str, /) -> Any: ...


class PublishedVersion(Value):
    """One published version of a conference's programme."""

    number: int = Field(ge=1)
    published_at: AwareDatetime
    sessions: tuple[PublishedSession, ...]
    """In the order publication froze them: by start, end (in UTC), room, id."""

    @classmethod
    def from_row(cls, row: _Row) -> PublishedVersion:
        """From a row with ``number``, ``published_at`` and ``snapshot`` (the JSON written at
        publication, decoded or as text)."""
        snapshot = row["snapshot"]
        if isinstance(snapshot, str | bytes):
            snapshot = json.loads(snapshot)
        if not isinstance(snapshot, Mapping):
            raise ValueError("a programme version's snapshot must be a JSON object")
        return cls(number=row["number"], published_at=row["published_at"],
                   sessions=tuple(Snapshot.model_validate(snapshot).sessions))
