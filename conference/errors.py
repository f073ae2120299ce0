"""Refusals raised by domain and repository code; the HTTP layer turns each into problem+json."""

from __future__ import annotations

from typing import Any


class Refusal(Exception):
    """A request the service refuses, with the RFC 9457 fields that describe why."""

    status: int = 400
    slug: str = "bad-request"
    title: str = "Bad request"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class BadRequest(Refusal):
    status, slug, title = 400, "bad-request", "Malformed request"


class Unauthorized(Refusal):
    status, slug, title = 401, "unauthorized", "Authentication required"


class Forbidden(Refusal):
    status, slug, title = 403, "forbidden", "Not allowed"


class NotFound(Refusal):
    status, slug, title = 404, "not-found", "Not found"


class Conflict(Refusal):
    status, slug, title = 409, "conflict", "Conflict"


class Duplicate(Conflict):
    slug, title = "duplicate", "Already exists"


class StalePreview(Conflict):
    slug, title = "stale-preview", "The draft changed after the preview"


class StaleForm(Conflict):
    slug, title = "stale-form", "Changed by someone else since the form was opened"


class IllegalTransition(Conflict):
    slug, title = "illegal-transition", "Illegal state change"


class AnswersExhausted(Conflict):
    """A request for more information has had all the answers in words it takes
    (docs/workspaces.md, "The applicant's answer in words")."""

    slug, title = "answers-exhausted", "No more answers to this request"


class WindowClosed(Conflict):
    slug, title = "press-window-closed", "Press registration is closed"


class PoolFull(Conflict):
    slug, title = "press-pool-full", "The press pool is full"


class DuplicateApproved(Conflict):
    """A press application that probably duplicates one already approved is not approved: one
    person, one place in the pool (docs/workspaces.md, "Possible duplicates"). ``duplicate_of``
    names the approved application; ``name`` (not in the answer) is its holder's, for the
    pages."""

    slug, title = "duplicate-approved", "A possible duplicate is already approved"

    def __init__(self, detail: str, *, duplicate_of: str, name: str) -> None:
        super().__init__(detail, duplicate_of=duplicate_of)
        self.name = name


class TooLarge(Refusal):
    status, slug, title = 413, "too-large", "Request body too large"


class Invalid(Refusal):
    """Field errors: ``errors`` is a list of ``{field, message, type}``, some with a ``code``
    and its ``params`` (the import's: docs/lifecycle.md, "Error codes")."""

    status, slug, title = 422, "validation", "Invalid fields"

    def __init__(self, detail: str, errors: list[dict[str, Any]], **extra: Any) -> None:
        super().__init__(detail, errors=errors, **extra)


class Unavailable(Refusal):
    status, slug, title = 503, "unavailable", "Service unavailable"


class SchedulingConflict(Conflict):
    """A room or a person booked twice: ``conflicts`` names every clash."""

    slug, title = "scheduling-conflict", "Scheduling conflict"


class SecurityListFrozen(Conflict):
    slug, title = "security-list-frozen", "The security list is frozen"


class RoyalPresenceRule(Conflict):
    slug, title = "royal-presence", "Royal-presence rule"


class NotEligible(Conflict):
    slug, title = "not-eligible", "Not eligible"


class ClearanceRefused(Conflict):
    """A person whose security clearance was refused is not made chair or speaker of a session
    (docs/credentials.md, "Vetting"). ``accreditation_id`` and ``role`` are in the answer;
    ``name`` (the person's, also in the detail) is kept for the pages."""

    slug, title = "clearance-refused", "Security clearance refused"

    def __init__(self, detail: str, *, accreditation_id: str, role: str, name: str) -> None:
        super().__init__(detail, accreditation_id=accreditation_id, role=role)
        self.name = name
