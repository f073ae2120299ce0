"""Webhooks as the API shows them."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from urllib.parse import urlsplit
from uuid import UUID

from pydantic import Field, field_validator

from conference.types import Model

LOOPBACK = {"localhost", "127.0.0.1", "::1"}


class WebhookIn(Model):
    url: str = Field(max_length=2000)
    """An https:// URL, outside loopback, link-local and private networks (plain http and
    internal addresses only with the setting ``webhooks.allow_private``)."""
    event_types: list[str] = Field(min_length=1, max_length=50)
    """Domain event types, e.g. ``accreditation.approved``, or ``*`` for all."""
    secret: str | None = Field(default=None, min_length=16, max_length=200)
    """The HMAC signing secret; generated when absent. Shown once."""

    @field_validator("url")
    @classmethod
    def _https(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError("must be an absolute https:// URL")
        if parts.scheme == "http" and parts.hostname not in LOOPBACK:
            raise ValueError("must use https (plain http only for a loopback receiver)")
        if any(c in value for c in "\r\n "):
            raise ValueError("must not contain spaces or line breaks")
        return value

    def unknown_types(self, known: Collection[str]) -> list[str]:
        """The event types asked for that the service does not have (``*`` is every type)."""
        return sorted(t for t in self.event_types if t != "*" and t not in known)


class Webhook(Model):
    id: UUID
    url: str
    event_types: list[str]
    created_at: datetime


class WebhookCreated(Webhook):
    secret: str


class WebhookList(Model):
    items: list[Webhook]
