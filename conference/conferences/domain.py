"""Pure policies of conferences and delegations: no HTTP, no database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from conference.conferences.models import ConferenceIn
from conference.errors import Conflict, Invalid
from conference.types import Localized


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


# --- the meeting's days, time zone and languages, corrected (docs/workspaces.md, "The
# conference's days, time zone and languages") ----------------------------------------------

SETTINGS = ("starts_on", "ends_on", "timezone", "languages")
"""What a correction may change besides ``service.DETAILS``, under the rules below: the days
(no session of the programme outside them, the press window and the security list's deadline
within them), the time zone (before the programme is published; the sessions keep the local
times typed) and the languages (one added; one removed while nothing went out in it; the first
changed before publication)."""

LANGUAGE_NAMES = {"fr": "French", "en": "English"}


class CorrectionRefused(Conflict):
    """A correction of the days, the time zone or the languages that the meeting's state
    refuses (409), naming ``field`` and, in ``code``, the rule; ``params`` are what the pages
    say it with (counts, names, the sessions), some of them in the answer too."""

    slug, title = "correction-refused", "The correction is refused"

    def __init__(self, detail: str, *, field: str, code: str,
                 params: dict[str, Any] | None = None, **extra: Any) -> None:
        super().__init__(detail, field=field, code=code, **extra)
        self.field, self.code, self.params = field, code, params or {}


@dataclass(frozen=True)
class SessionTimes:
    """A session of the programme as the rules below see it."""

    id: UUID
    title: Localized
    starts_at: datetime
    ends_at: datetime
    cancelled: bool


def end_of(day: date, zone: str) -> datetime:
    """Midnight after ``day`` in ``zone``: when the conference's last day ends."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=ZoneInfo(zone))


def start_of(day: date, zone: str) -> datetime:
    """Midnight at the start of ``day`` in ``zone``."""
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(zone))


def local(moment: datetime, zone: str) -> str:
    """"2027-05-12 09:30", in ``zone``: how a refusal names a time."""
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def sessions_outside(sessions: Sequence[SessionTimes], starts_on: date, ends_on: date,
                     zone: str) -> list[SessionTimes]:
    """The sessions (not cancelled) that start before the first day or end after the last, in
    the conference's zone: a session ending at midnight after the last day is inside."""
    first, last = start_of(starts_on, zone), end_of(ends_on, zone)
    return [s for s in sessions
            if not s.cancelled and (s.starts_at < first or s.ends_at > last)]


def check_order(starts_on: date, ends_on: date) -> None:
    """Days in the wrong order refused (``CorrectionRefused`` naming ``ends_on``)."""
    if ends_on < starts_on:
        raise CorrectionRefused(
            f"The last day ({ends_on.isoformat()}) is before the first "
            f"({starts_on.isoformat()}).", field="ends_on", code="dates_order",
            params={"starts_on": starts_on, "ends_on": ends_on})


def check_days(starts_on: date, ends_on: date, zone: str, sessions: Sequence[SessionTimes],
               *, moved: str, press_closes_at: datetime,
               security_list_deadline: datetime | None, language: str) -> None:
    """The new days refused (``CorrectionRefused``, naming ``moved``, the day the correction
    changes) when the last is before the first; when a session of the programme would fall
    outside them (moving a meeting is not this: the sessions are not shifted); when the press
    registration would close, or the security list freeze, after the meeting is over. Sessions
    are named by their title in ``language`` (the conference's first)."""
    check_order(starts_on, ends_on)
    outside = sessions_outside(sessions, starts_on, ends_on, zone)
    if outside:
        early = any(s.starts_at < start_of(starts_on, zone) for s in outside)
        field = "starts_on" if early else "ends_on"
        named = "; ".join(f"“{s.title.get(language)}” ({local(s.starts_at, zone)})"
                          for s in outside)
        raise CorrectionRefused(
            f"{len(outside)} session(s) of the programme would fall outside "
            f"{starts_on.isoformat()} – {ends_on.isoformat()}: {named}. Move or cancel them "
            "first: correcting the days does not move the sessions.",
            field=field, code="sessions_outside",
            params={"count": len(outside), "sessions": outside},
            sessions=[{"id": str(s.id), "title": s.title.model_dump(),
                       "starts_at": s.starts_at.isoformat(), "ends_at": s.ends_at.isoformat()}
                      for s in outside])
    last = end_of(ends_on, zone)
    if press_closes_at > last:
        raise CorrectionRefused(
            f"The press registration closes on {local(press_closes_at, zone)}, after the new "
            f"last day ({ends_on.isoformat()}); move its closing first, or with the days.",
            field=moved, code="press_after_end", params={"when": press_closes_at},
            conflicts_with="press_registration.closes_at")
    if security_list_deadline is not None and security_list_deadline > last:
        raise CorrectionRefused(
            f"The security list's deadline ({local(security_list_deadline, zone)}) comes after "
            f"the new last day ({ends_on.isoformat()}); move it first on the deadlines page.",
            field=moved, code="security_list_after_end",
            params={"when": security_list_deadline}, conflicts_with="security_list_deadline")


def check_places(capacity: int, approved: int) -> None:
    """The press pool corrected to ``capacity`` places while ``approved`` journalists hold one:
    refused below them (docs/workspaces.md, "The conference's details"). Nobody approved is
    turned out by a correction; a place is given back by revoking an accreditation."""
    if capacity < approved:
        who = "1 journalist is" if approved == 1 else f"{approved} journalists are"
        raise CorrectionRefused(
            f"{who} approved in the press pool: it cannot have fewer than {approved} places; "
            "revoke an accreditation first.", field="press_registration.pool_capacity",
            code="places_below_approved", params={"approved": approved}, approved=approved)


def rewall(moment: datetime, old: str, new: str) -> datetime:
    """The moment whose local time in ``new`` is ``moment``'s in ``old``: a time typed in the
    wrong zone, kept as typed. A time the clocks skip in ``new`` raises ``ValueError``; one
    they repeat is taken at its first occurrence (as the forms do)."""
    wall = moment.astimezone(ZoneInfo(old)).replace(tzinfo=None, fold=0)
    moved = wall.replace(tzinfo=ZoneInfo(new))
    if moved.astimezone(UTC).astimezone(ZoneInfo(new)).replace(tzinfo=None) != wall:
        raise ValueError(wall.isoformat())
    return moved.astimezone(UTC)


def language_refusal(language: str, *, accreditations: int, focal_points: int,
                     letters: int) -> CorrectionRefused | None:
    """Why ``language`` may not be removed: people write and are written to in it (their
    letters, badges and invitations are in it), or letters went out in it; None when nothing
    and nobody uses it."""
    if not (accreditations or focal_points or letters):
        return None
    name = LANGUAGE_NAMES.get(language, language)
    parts = [f"{n} {what}" for n, what in (
        (accreditations, "accreditation(s) in " + name), (focal_points,
                                                          "focal point(s) in " + name),
        (letters, "letter(s) sent in " + name)) if n]
    return CorrectionRefused(
        f"{name} cannot be removed: " + ", ".join(parts) + ". Their letters, badges and "
        "invitations are in it.", field="languages", code="language_in_use",
        params={"language": language, "accreditations": accreditations,
                "focal_points": focal_points, "letters": letters})
