"""Domain events of operations: an organiser retried a delivery or a failed event."""

from __future__ import annotations

from uuid import UUID

from conference.outbox.events import Payload


class DeliveryRetried(Payload):
    delivery_id: UUID


class EventRetried(Payload):
    event_id: int
    consumers: list[str]


EVENT_TYPES: dict[str, type[Payload]] = {
    "delivery.retried": DeliveryRetried,
    "event.retried": EventRetried,
}
