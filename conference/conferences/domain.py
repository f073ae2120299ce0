"""Pure policies of conferences and delegations: no HTTP, no database."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from conference.conferences.models import ConferenceIn
from conference.errors import Invalid


def focal_point_language(languages: Sequence[str], asked: str | None, *, field: str) -> str:
    """The language a focal point is welcomed in and their portal opens in: the one asked
    for, when the conference uses it; the conference's first language when none is asked for.
    A language the conference does not use is refused (422) naming ``field``."""
    if asked is None:
        return languages[0]
    if asked not in languages:
        message = f"must be one of the conference's languages: {', '.join(languages)}"
        raise Invalid("The conference does not use this language.", [
            {"field": field, "message": message, "type": "conference_language"}])
    return asked


def press_office_email(c: ConferenceIn) -> str:
    """The press office's address (the first spokesperson who has one), else the organisers'
    (docs/privacy.md, "Who writes")."""
    return next((s.email for s in c.spokespersons if s.email), c.organiser_email)


def sender_address(c: ConferenceIn, *, press: bool) -> str:
    """Who a letter comes from, and whom it gives to write to: the press office for a press
    applicant's letters, the protocol service (``organiser_email``) for everyone else's and for
    the staff notices (docs/privacy.md, "Who writes")."""
    return press_office_email(c) if press else c.organiser_email


CALENDAR_FIELDS = ("title", "short_name", "venue", "patron", "organiser_email")
"""The details of a conference an invitation renders (docs/calendar.md, "Corrected conference
details"): the title (DESCRIPTION, ORGANIZER's name), the short name (ORGANIZER's name), the
venue (LOCATION), the patron (a royal-presence session's DESCRIPTION) and the organisers'
address (ORGANIZER when the service takes no replies). A correction of one of them updates the
invitations already sent; of any other detail, nothing."""


def calendar_details(c: ConferenceIn) -> dict[str, Any]:
    """What of ``c`` the invitations render (``CALENDAR_FIELDS``), as stored with a revision."""
    return c.model_dump(mode="json", include=set(CALENDAR_FIELDS))
