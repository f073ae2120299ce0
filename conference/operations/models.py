"""The event log and the deliveries as the API shows them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, Field, SerializeAsAny

from conference.types import Model


class Event(BaseModel):
    """An event as integrators read it from ``GET …/events``."""

    id: int
    type: str
    conference_id: UUID | None
    subject_id: str | None
    occurred_at: datetime
    payload: dict[str, Any]


class FailedEvent(Event):
    """An event with consumers that kept failing (``GET …/events?status=failed``)."""

    consumers_failed: list[str]
    """The consumers that kept failing (those not named here have run)."""
    error: str | None
    """The error class of the last failure per consumer (never a message's text)."""
    attempts: int


class EventQuery(Model):
    after: int = Field(default=0, ge=0, le=2**63 - 1)
    limit: int = Field(default=100, ge=1, le=1000)
    status: Literal["failed"] | None = None
    """``failed``: only the events whose consumers kept failing (admin)."""


class EventPage(Model):
    items: list[SerializeAsAny[Event]]
    """With ``status=failed``, each item also has ``consumers_failed``, ``error``,
    ``attempts``."""
    next_cursor: int | None


class Delivery(Model):
    id: UUID
    template: str
    recipient: str
    subject: str
    status: Literal["queued", "in_flight", "retry", "sent", "failed"]
    attempts: int
    last_error: str | None
    next_attempt_at: datetime
    created_at: datetime
    sent_at: datetime | None
    lease_expiries: int
    conference_id: UUID | None
    accreditation_id: UUID | None


class DeliveryQuery(Model):
    status: Literal["pending", "sent", "failed"] | None = None
    limit: int = Field(default=100, ge=1, le=1000)
    cursor: int = Field(default=0, ge=0, le=2**63 - 1)


class DeliveryPage(Model):
    items: list[Delivery]
    next_cursor: int | None
