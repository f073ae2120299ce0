"""Domain events of accreditations: one payload for every change of status (identifiers and
states only; who, when and why are the event's actor, time and the history)."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from conference.outbox.events import Payload


class AccreditationChanged(Payload):
    accreditation_id: UUID
    category: str
    status: str
    from_status: str | None
    delegation_id: UUID | None
    not_a_duplicate_of: list[UUID] | None = None
    """An approval the press officer confirmed was not a duplicate: the approved applications
    it probably duplicated, by the rule (docs/workspaces.md, "Possible duplicates"); otherwise
    none."""


class AccreditationSubstituted(AccreditationChanged):
    """The member (``accreditation_id``, now substituted) replaced by ``substitute_id``, which
    starts ``substitute_status`` (submitted or approved) in the same place."""

    substitute_id: UUID
    substitute_status: str
    substituted_by: Literal["delegation", "protocol"] | None = None
    """Who made the substitution, as the member replaced is told (docs/lifecycle.md,
    "Letters"): ``delegation``, the delegation's focal point (the portal, or the API with a
    focal point's token); ``protocol``, the organisers (the console, or the API with a protocol
    or admin token). None in an event recorded before it was said."""


class AccreditationAmended(Payload):
    """A member's details changed (an edit before the decision, or an import), or a
    journalist's corrected by the press office: which fields, not their values."""

    accreditation_id: UUID
    category: str
    status: str
    delegation_id: UUID | None
    fields: list[str]
    badge_version: int | None = None
    """A correction of what a printed badge carries: the new badge version, to print (the
    printed one is refused ``superseded``); otherwise none."""


class LinkRequested(Payload):
    """Someone asked for the private link of this application again (its letter carries it)."""

    accreditation_id: UUID


class InformationRequested(Payload):
    """The office that decides asked the applicant for more information before deciding (a
    scan of the press card…): the status is unchanged. The message is the event's history line
    (docs/workspaces.md, "Asking for more information"), never the payload."""

    accreditation_id: UUID
    category: str
    status: str
    delegation_id: UUID | None


class InformationGiven(Payload):
    """The applicant answered a request for more information in words, from their own link:
    the status is unchanged. The answer is the event's history line (docs/workspaces.md,
    "Asking for more information"), never the payload: it is personal data, erased with the
    person's other reasons."""

    accreditation_id: UUID
    category: str
    status: str
    delegation_id: UUID | None


EVENT_TYPES: dict[str, type[Payload]] = {
    **{f"accreditation.{status}": AccreditationChanged
       for status in ("submitted", "approved", "rejected", "waitlisted", "withdrawn", "revoked")},
    "accreditation.substituted": AccreditationSubstituted,
    "accreditation.amended": AccreditationAmended,
    "accreditation.link_requested": LinkRequested,
    "accreditation.information_requested": InformationRequested,
    "accreditation.information_given": InformationGiven,
}
