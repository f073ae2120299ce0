"""People as the API shows them."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from pydantic import Field

from conference.types import Email, Language, Model, Slug, Text


class GrantIn(Model):
    role: Literal["admin", "protocol", "press_office", "security", "door"]
    conference: Slug | None = None
    """The conference's slug; required but for admin (an admin without one holds every
    conference)."""


class StaffIn(Model):
    email: Email
    name: Text
    language: Language = "en"
    grants: list[GrantIn] = Field(min_length=1, max_length=20)


class GrantView(Model):
    role: str
    conference: str | None
    delegation_id: UUID | None = None


class Person(Model):
    id: UUID
    email: str
    name: str
    language: Language
    grants: list[GrantView]
