"""The use-cases of conferences and delegations. Each authorises (``conference.roles``), writes
through ``repo.py`` with its domain event, and owns its transaction: handed the pool it takes a
connection of its own, handed a connection it runs inside the caller's transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple
from uuid import UUID

import asyncpg

from conference import roles
from conference.auth import Principal, Role, issue_token, require
from conference.conferences import repo
from conference.conferences.domain import (
    CALENDAR_FIELDS,
    LANGUAGE_NAMES,
    SETTINGS,
    CorrectionRefused,
    SessionTimes,
    calendar_details,
    check_days,
    check_order,
    check_places,
    focal_point_language,
    language_refusal,
    local,
    rewall,
)
from conference.conferences.events import (
    ConferenceCreated,
    ConferenceDetailsChanged,
    PressWindowSet,
)
from conference.conferences.events import DelegationCreated as DelegationEvent
from conference.conferences.models import (
    Conference,
    ConferenceDetailsIn,
    ConferenceIn,
    DelegationCreated,
    DelegationIn,
    DelegationList,
    FocalPoint,
    PressRegistration,
)
from conference.db.pool import Database, connection, transaction
from conference.errors import Duplicate
from conference.outbox.events import record
from conference.people.service import (
    add_focal_point,
    welcome_every_focal_point_again,
    welcome_focal_point_again,
)


async def create_conference(
    pool: Database, body: ConferenceIn, actor: Principal | None
) -> Conference:
    """A new conference (admin); 409 when its slug is taken."""
    principal = require(actor, *roles.ADMINS)
    async with transaction(pool) as conn:
        conference = await repo.insert_conference(conn, body)
        if conference is None:
            raise Duplicate(f"A conference with slug {body.slug!r} already exists.", field="slug")
        await record(conn, "conference.created", ConferenceCreated(slug=conference.slug),
                     conference_id=conference.id, subject_id=conference.id,
                     actor=principal.actor)
    return conference


DETAILS = ("title", "short_name", "venue", "patron", "hosts", "press_registration",
           "spokespersons", "organiser_email", "privacy", "protocol")
"""What may be corrected once the conference exists, freely; its days, time zone and
languages may be too, under the rules of ``domain.SETTINGS``; its identifier stays."""


class Correction(NamedTuple):
    """A correction's outcome: the conference as corrected, the fields changed (none: nothing
    was written) and what is left to check, in words (a language added)."""

    conference: Conference
    changed: list[str]
    to_review: list[str]
    added: dict[str, int] = {}
    """Each language added, with how many sessions have the same title in it as in the first
    language (for the pages to say it in theirs)."""


async def change_conference_details(
    pool: Database, slug: str, body: ConferenceIn, actor: Principal | None,
    now: datetime | None = None,
) -> Correction:
    """Correct a conference's details (admin): ``DETAILS`` and ``SETTINGS`` from ``body``, the
    rest as it is (of ``protocol``, only the Council presidency: the tie-break and its draw
    stay). The fields changed, with one event ``conference.details_changed`` naming them; none,
    nothing written. A change of what the invitations render (``CALENDAR_FIELDS``) is a new
    revision of those details, in the same transaction: the calendar consumer, on the event,
    updates the invitations of older ones (docs/calendar.md, "Corrected conference details").
    The days, zone and languages are refused (``CorrectionRefused``, 409) as
    ``domain.SETTINGS`` says. 404 when there is no such conference."""
    principal = require(actor, *roles.ADMINS)
    async with transaction(pool) as conn:
        found = await repo.conference_by_slug(conn, slug)
        current = await repo.lock_conference(conn, found.id)
        return await _correct(conn, current, body, principal, now or datetime.now(UTC),
                              given=set(DETAILS) | set(SETTINGS))


async def correct_conference_details(
    pool: Database, slug: str, patch: ConferenceDetailsIn, actor: Principal | None,
    now: datetime | None = None,
) -> Correction:
    """The same correction as ``change_conference_details`` from the fields ``patch`` gives
    (the API's ``PATCH``), laid over the conference as it is once locked: two corrections of
    different fields at once both land. The result is validated as a whole conference (a press
    window that would close before it opens): pydantic's ``ValidationError``, for the handler
    to answer 422 naming the fields; days in the wrong order are a 409, as the other rules of
    the days are."""
    principal = require(actor, *roles.ADMINS)
    async with transaction(pool) as conn:
        found = await repo.conference_by_slug(conn, slug)
        current = await repo.lock_conference(conn, found.id)
        data = current.model_dump(exclude={"id", "created_at"})
        given = patch.model_dump(include=patch.model_fields_set)
        protocol = given.pop("protocol", None)  # refused as null by the model
        data.update(given)
        if protocol is not None:
            data["protocol"]["presidency"] = protocol["presidency"]
        check_order(data["starts_on"], data["ends_on"])
        body = ConferenceIn.model_validate(data)
        return await _correct(conn, current, body, principal, now or datetime.now(UTC),
                              given=set(patch.model_fields_set))


async def _correct(
    conn: asyncpg.Connection, current: Conference, body: ConferenceIn, principal: Principal,
    now: datetime, *, given: set[str],
) -> Correction:
    """``DETAILS`` and ``SETTINGS`` of ``body`` over ``current`` (locked), in the caller's
    transaction; ``given``: the fields the caller gave (a press window not given is kept at
    its local times when the zone is corrected)."""
    protocol = current.protocol.model_copy(update={"presidency": body.protocol.presidency})
    wanted = current.model_copy(update={
        **{name: getattr(body, name) for name in (*DETAILS, *SETTINGS)}, "protocol": protocol})
    changed = [name for name in (*DETAILS, *SETTINGS)
               if getattr(wanted, name) != getattr(current, name)]
    if not changed:
        return Correction(current, [], [])
    # the programme, read only when the days, zone or languages change (their rules read it);
    # locked when the days or the zone do: a move being saved is waited for, read as saved
    timing = bool(set(changed) & {"starts_on", "ends_on", "timezone"})
    sessions = await repo.programme_sessions(conn, current.id, lock=timing) \
        if set(changed) & set(SETTINGS) else []
    published: bool | None = None
    moves: list[tuple[SessionTimes, datetime, datetime]] = []
    if "timezone" in changed:
        published = await repo.programme_published(conn, current.id)
        wanted, moves = _rezone(current, wanted, sessions, published=published,
                                press_given="press_registration" in given
                                and wanted.press_registration != current.press_registration)
        changed = [name for name in (*DETAILS, *SETTINGS)
                   if getattr(wanted, name) != getattr(current, name)]
    if {"starts_on", "ends_on"} & set(changed):
        moved = "starts_on" if "starts_on" in changed and "ends_on" not in changed \
            else "ends_on"
        # the sessions at their instants in the zone as corrected (their local times kept)
        at = {s.id: (a, b) for s, a, b in moves}
        seen = [replace(s, starts_at=at[s.id][0], ends_at=at[s.id][1]) if s.id in at else s
                for s in sessions]
        check_days(wanted.starts_on, wanted.ends_on, wanted.timezone, seen, moved=moved,
                   press_closes_at=wanted.press_registration.closes_at,
                   security_list_deadline=wanted.security_list_deadline,
                   language=current.languages[0])
    if "press_registration" in changed and wanted.press_registration.pool_capacity \
            < current.press_registration.pool_capacity:
        # fewer places than journalists approved: the desk read « 1 of 0 » (docs/workspaces.md,
        # "The conference's details"); the approvals count under this lock, so none slips in
        check_places(wanted.press_registration.pool_capacity,
                     await repo.press_approved(conn, current.id))
    added: dict[str, int] = {}
    if "languages" in changed:
        if published is None:
            published = await repo.programme_published(conn, current.id)
        added = await _languages(conn, current, wanted, sessions, published=published)
    to_review = [_review(language, current.languages[0], same)
                 for language, same in added.items()]
    updated = await repo.update_conference_details(
        conn, current.id,
        ConferenceIn.model_validate(wanted.model_dump(exclude={"id", "created_at"})))
    if set(changed) & set(SETTINGS):
        updated = await repo.update_conference_settings(conn, current.id, wanted)
    await _move_sessions(conn, current, moves, now)
    if set(changed) & set(CALENDAR_FIELDS):
        revision, _ = await repo.calendar_revision(conn, current.id)
        await repo.insert_calendar_details(conn, current.id, revision,
                                           calendar_details(current))
        await repo.insert_calendar_details(conn, current.id, revision + 1,
                                           calendar_details(updated))
    await record(conn, "conference.details_changed",
                 ConferenceDetailsChanged(fields=changed,
                                          sessions_moved=[m[0].id for m in moves]),
                 conference_id=current.id, subject_id=current.id, actor=principal.actor)
    return Correction(updated, changed, to_review, added)


def _review(language: str, first: str, same: int) -> str:
    """What a language added leaves to check, in words (the API's ``to_review``)."""
    name, other = LANGUAGE_NAMES[language], LANGUAGE_NAMES[first]
    return (f"{name} added: the texts in it (titles, venue, short name, patron's style, hosts' "
            "functions, privacy notice on the conference's details page; each session's title "
            "in the programme builder) were never shown before; check them. "
            f"{same} session(s) have the same title in {name} as in {other}.")


async def programme_published(pool: Database, conference_id: UUID) -> bool:
    """Whether the conference's programme was ever published (its time zone then stays)."""
    async with connection(pool) as conn:
        return await repo.programme_published(conn, conference_id)


def _rezone(current: Conference, wanted: Conference, sessions: list[SessionTimes], *,
            published: bool, press_given: bool
            ) -> tuple[Conference, list[tuple[SessionTimes, datetime, datetime]]]:
    """A corrected time zone (docs/workspaces.md): refused once the programme is published
    (the invitations went out with those times); else every time typed in the zone keeps its
    local time (the sessions, the press window unless the correction gives it, the
    deadlines), and a local time the new zone skips is refused, naming it."""
    old, new = current.timezone, wanted.timezone
    if published:
        raise CorrectionRefused(
            "The time zone cannot be corrected once the programme is published: the calendar "
            "invitations went out with its times. Move the sessions instead.",
            field="timezone", code="timezone_published")

    def kept(moment: datetime, what: str) -> datetime:
        try:
            return rewall(moment, old, new)
        except ValueError:
            raise CorrectionRefused(
                f"{what} is at {local(moment, old)}, a time the clocks skip in {new}; move it "
                "first.", field="timezone", code="timezone_no_such_time",
                params={"what": what, "when": local(moment, old)}) from None

    moves = [(s, kept(s.starts_at, f"The session “{s.title.get(current.languages[0])}”"),
              kept(s.ends_at, f"The session “{s.title.get(current.languages[0])}”"))
             for s in sessions]
    # a zone of the same offsets (Brussels for Paris) moves nothing
    moves = [m for m in moves if (m[1], m[2]) != (m[0].starts_at, m[0].ends_at)]
    update: dict[str, Any] = {}
    if not press_given:
        window = current.press_registration
        update["press_registration"] = window.model_copy(update={
            "opens_at": kept(window.opens_at, "The press registration's opening"),
            "closes_at": kept(window.closes_at, "The press registration's closing")})
    for name, what in (("security_list_deadline", "The security list's deadline"),
                       ("nominations_close_at", "The nominations' deadline"),
                       ("changes_close_at", "The substitutions' deadline")):
        moment = getattr(current, name)
        if moment is not None:
            update[name] = kept(moment, what)
    return wanted.model_copy(update=update), moves


async def _languages(conn: asyncpg.Connection, current: Conference, wanted: Conference,
                     sessions: list[SessionTimes], *, published: bool) -> dict[str, int]:
    """The languages corrected (docs/workspaces.md): the first changed only before the
    programme is published; one removed only while nobody and nothing of the conference is
    in it. Each language added, with how many sessions have the same title in it as in the
    (former) first language: likely never translated."""
    if wanted.languages[0] != current.languages[0] and published:
        raise CorrectionRefused(
            "The conference's first language cannot change once the programme is published: "
            "the published programme, its invitations and the order of precedence were "
            "written in it.", field="languages", code="first_language_published",
            params={"language": current.languages[0]})
    for language in current.languages:
        if language not in wanted.languages:
            refusal = language_refusal(
                language, **await repo.language_in_use(conn, current.id, language))
            if refusal is not None:
                raise refusal
    other = current.languages[0]
    return {language: sum(1 for s in sessions if s.title.get(language) == s.title.get(other))
            for language in wanted.languages if language not in current.languages}


async def _move_sessions(conn: asyncpg.Connection, current: Conference,
                         moves: list[tuple[SessionTimes, datetime, datetime]],
                         now: datetime) -> None:
    """The sessions at their new instants. One at a time, each in a savepoint: a session moved
    onto another's old place in its room clashes until that one moves too, so a clash is tried
    again once the others have moved; one still clashing when nothing else moves (two local
    times the new zone makes overlap) refuses the correction, naming it."""
    pending = list(moves)
    # forward moves from the latest, backward ones from the earliest: few clashes to retry
    pending.sort(key=lambda m: m[0].starts_at, reverse=bool(pending)
                 and pending[0][1] > pending[0][0].starts_at)
    while pending:
        left = []
        for move in pending:
            session, starts_at, ends_at = move
            try:
                async with conn.transaction():
                    await repo.move_session_instants(conn, current.id, session.id, starts_at,
                                                     ends_at, now)
            except asyncpg.ExclusionViolationError:
                left.append(move)
        if len(left) == len(pending):
            title = left[0][0].title.get(current.languages[0])
            raise CorrectionRefused(
                f"In the new zone the session “{title}” would overlap another booking of its "
                "room or of a participant; move it first.", field="timezone",
                code="timezone_clash", params={"what": title})
        pending = left


async def set_press_window(
    pool: Database, slug: str, window: PressRegistration, actor: Principal | None
) -> Conference:
    """Move the press registration window of ``slug`` (admin): when it opens and closes (the
    pool's capacity stays); 404 when there is no such conference."""
    principal = require(actor, *roles.ADMINS)
    async with transaction(pool) as conn:
        conference = await repo.set_press_window(conn, slug, window.opens_at, window.closes_at)
        await record(conn, "conference.press_window_set",
                     PressWindowSet(opens_at=window.opens_at, closes_at=window.closes_at),
                     conference_id=conference.id, subject_id=conference.id,
                     actor=principal.actor)
    return conference


async def get_conference(pool: Database, slug: str) -> Conference:
    """The conference of ``slug`` (public); 404 when there is none."""
    async with connection(pool) as conn:
        return await repo.conference_by_slug(conn, slug)


async def press_link_conferences(pool: Database, now: datetime, limit: int = 5
                                 ) -> list[Conference]:
    """The conferences (public) whose press registration has opened and which have not yet
    ended, soonest first, at most ``limit``: where a private link can be asked for again."""
    async with connection(pool) as conn:
        return await repo.press_link_conferences(conn, now, limit)


async def create_delegation(
    pool: Database, slug: str, body: DelegationIn, actor: Principal | None,
    now: datetime | None = None, *, token_lifetime: timedelta | None = None,
) -> DelegationCreated:
    """A new delegation of the conference ``slug`` (protocol office) with its focal point's
    token, shown once; 409 when the conference already has this country or organisation, 422
    when the focal point's language is not one of the conference's (absent: its first).
    (``now``: when it is created, for a token's lifetime.)"""
    principal = require(actor, *roles.PROTOCOL_OFFICE)
    async with transaction(pool) as conn:
        conference = await repo.conference_by_slug(conn, slug)
        language = focal_point_language(conference.languages, body.focal_point.language,
                                        field="focal_point.language")
        delegation = await repo.insert_delegation(conn, conference.id, body)
        if delegation is None:
            what = body.country or (body.organisation.name if body.organisation else "")
            raise Duplicate(f"This conference already has a delegation for {what}.",
                            field="country" if body.country else "organisation.name")
        expires = (now or datetime.now(UTC)) + token_lifetime if token_lifetime else None
        token = await issue_token(conn, Role.focal_point, delegation_id=delegation.id,
                                  expires_at=expires)
        await record(
            conn, "delegation.created",
            DelegationEvent(delegation_id=delegation.id, kind=delegation.kind,
                            country=delegation.country),
            conference_id=conference.id, subject_id=delegation.id, actor=principal.actor,
        )
        await add_focal_point(conn, conference_id=conference.id, delegation_id=delegation.id,
                              name=body.focal_point.name, email=body.focal_point.email,
                              language=language, actor=principal.actor)
    return DelegationCreated(**delegation.model_dump(), focal_point_token=token)


async def list_delegations(pool: Database, slug: str, actor: Principal | None) -> DelegationList:
    """The conference's delegations (protocol office), in the order they were created."""
    require(actor, *roles.PROTOCOL_OFFICE)
    async with connection(pool) as conn:
        conference = await repo.conference_by_slug(conn, slug)
        return DelegationList(items=await repo.delegations_of(conn, conference.id))


async def add_delegation_focal_point(
    pool: Database, slug: str, delegation_id: UUID, body: FocalPoint, actor: Principal | None
) -> None:
    """Another focal point for a delegation of ``slug`` (protocol office): a person with a
    grant on it, welcomed by mail in ``body.language`` (by default the conference's first);
    404 for another conference's delegation, 409 when the address is already one of its focal
    points, 422 for a language the conference does not use."""
    principal = require(actor, *roles.PROTOCOL_OFFICE)
    async with transaction(pool) as conn:
        conference = await repo.conference_by_slug(conn, slug)
        language = focal_point_language(conference.languages, body.language, field="language")
        if not await add_focal_point(conn, conference_id=conference.id,
                                     delegation_id=delegation_id, name=body.name,
                                     email=body.email, language=language,
                                     actor=principal.actor):
            raise Duplicate("This address is already a focal point of the delegation.",
                            field="email")


async def announce_terms(pool: Database, slug: str, actor: Principal | None) -> tuple[int, int]:
    """Every focal point of the conference mailed their welcome again, with a new sign-in link
    and their delegation's deadlines and places as they now stand (protocol office): the
    welcomes went out when the delegations were created, often before the deadlines were set
    (docs/lifecycle.md, "Quotas and deadlines"). How many focal points, of how many
    delegations."""
    principal = require(actor, *roles.PROTOCOL_OFFICE)
    async with transaction(pool) as conn:
        conference = await repo.conference_by_slug(conn, slug)
        return await welcome_every_focal_point_again(conn, conference_id=conference.id,
                                                     actor=principal.actor)


async def resend_welcome(
    pool: Database, slug: str, delegation_id: UUID, email: str, actor: Principal | None
) -> None:
    """The welcome mail again (a new sign-in link) for a focal point of a delegation of
    ``slug`` (protocol office); 404 when the address is not one of its focal points."""
    principal = require(actor, *roles.PROTOCOL_OFFICE)
    async with transaction(pool) as conn:
        conference = await repo.conference_by_slug(conn, slug)
        await welcome_focal_point_again(conn, conference_id=conference.id,
                                        delegation_id=delegation_id, email=email,
                                        actor=principal.actor)
