"""The use-cases of conferences and delegations. Each authorises (``conference.roles``), writes
through ``repo.py`` with its domain event, and owns its transaction: handed the pool it takes a
connection of its own, handed a connection it runs inside the caller's transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import asyncpg

from conference import roles
from conference.auth import Principal, Role, issue_token, require
from conference.conferences import repo
from conference.conferences.domain import (
    CALENDAR_FIELDS,
    calendar_details,
    focal_point_language,
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
from conference.people.service import add_focal_point, welcome_focal_point_again


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
"""What may be corrected once the conference exists; its identifier, days, time zone and
languages stay, since sessions, deadlines and letters hang on them."""


async def change_conference_details(
    pool: Database, slug: str, body: ConferenceIn, actor: Principal | None
) -> tuple[Conference, list[str]]:
    """Correct a conference's details (admin): ``DETAILS`` from ``body``, the rest as it is
    (of ``protocol``, only the Council presidency: the tie-break and its draw stay). The
    fields changed, with one event ``conference.details_changed`` naming them; none, nothing
    written. A change of what the invitations render (``CALENDAR_FIELDS``) is a new revision
    of those details, in the same transaction: the calendar consumer, on the event, updates
    the invitations of older ones (docs/calendar.md, "Corrected conference details"). 404
    when there is no such conference."""
    principal = require(actor, *roles.ADMINS)
    async with transaction(pool) as conn:
        found = await repo.conference_by_slug(conn, slug)
        current = await repo.lock_conference(conn, found.id)
        return await _correct(conn, current, body, principal)


async def correct_conference_details(
    pool: Database, slug: str, patch: ConferenceDetailsIn, actor: Principal | None
) -> tuple[Conference, list[str]]:
    """The same correction as ``change_conference_details`` from the fields ``patch`` gives
    (the API's ``PATCH``), laid over the conference as it is once locked: two corrections of
    different fields at once both land. The result is validated as a whole conference (a press
    window that would close before it opens): pydantic's ``ValidationError``, for the handler
    to answer 422 naming the fields."""
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
        body = ConferenceIn.model_validate(data)
        return await _correct(conn, current, body, principal)


async def _correct(
    conn: asyncpg.Connection, current: Conference, body: ConferenceIn, principal: Principal
) -> tuple[Conference, list[str]]:
    """``DETAILS`` of ``body`` over ``current`` (locked), in the caller's transaction."""
    protocol = current.protocol.model_copy(update={"presidency": body.protocol.presidency})
    wanted = current.model_copy(update={
        **{name: getattr(body, name) for name in DETAILS}, "protocol": protocol})
    changed = [name for name in DETAILS
               if getattr(wanted, name) != getattr(current, name)]
    if not changed:
        return current, []
    updated = await repo.update_conference_details(
        conn, current.id,
        ConferenceIn.model_validate(wanted.model_dump(exclude={"id", "created_at"})))
    if set(changed) & set(CALENDAR_FIELDS):
        revision, _ = await repo.calendar_revision(conn, current.id)
        await repo.insert_calendar_details(conn, current.id, revision,
                                           calendar_details(current))
        await repo.insert_calendar_details(conn, current.id, revision + 1,
                                           calendar_details(updated))
    await record(conn, "conference.details_changed",
                 ConferenceDetailsChanged(fields=changed),
                 conference_id=current.id, subject_id=current.id, actor=principal.actor)
    return updated, changed


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
