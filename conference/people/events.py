"""Domain events of people (payloads: identifiers only)."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from conference.outbox.events import Payload


class PersonGranted(Payload):
    """A person was added, or given a new grant: the welcome mail follows."""

    person_id: UUID
    role: str
    delegation_id: UUID | None = None


class WelcomeResent(PersonGranted):
    """The welcome mail (with a fresh sign-in link) asked for again for a grant the person
    holds (the protocol console re-sends it to a focal point)."""


class SigninRequested(Payload):
    person_id: UUID
    via: Literal["signin_form", "cli"] = "signin_form"
    next: str | None = None
    """The page the person was going to (a path on this site); the mailed link leads there."""
    language: Literal["fr", "en"] | None = None
    """The language of the page the link was asked from: the mailed link's pages and the page
    it leads to speak it (the mail itself is in the person's language)."""


EVENT_TYPES: dict[str, type[Payload]] = {
    "person.granted": PersonGranted,
    "person.signin_requested": SigninRequested,
    "person.welcome_resent": WelcomeResent,
}
