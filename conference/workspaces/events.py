"""Domain events of the workspaces (payloads: identifiers only)."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from conference.outbox.events import Payload


class PressReasonChanged(Payload):
    """The press office added, edited or deleted one of its conference's reason templates."""

    reason_id: UUID
    change: Literal["added", "edited", "removed"]


EVENT_TYPES: dict[str, type[Payload]] = {
    "press.reason_changed": PressReasonChanged,
}
