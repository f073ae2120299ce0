"""The use-cases of accreditations: file, read, list, decide, withdraw, revoke, substitute.

Each authorises (the role sets of ``conference.roles``, the object rules of ``domain.py``),
validates, writes through ``repo.py`` with its domain event (which carries its line of the
audit trail, docs/outbox.md), and owns its
transaction: handed the pool it takes a connection of its own, handed a connection it runs
inside the caller's transaction (a savepoint).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import asyncpg
from asyncpg import Connection, Record
from pydantic import ValidationError

from conference import roles
from conference.accreditation import domain, repo
from conference.accreditation.domain import Action, Category, Status
from conference.accreditation.events import (
    AccreditationAmended,
    AccreditationChanged,
    AccreditationSubstituted,
    InformationGiven,
    InformationRequested,
    LinkRequested,
)
from conference.accreditation.models import (
    Accreditation,
    AccreditationCreated,
    AccreditationIn,
    AccreditationPage,
    AmendedAccreditation,
    AmendmentIn,
    InformationAnswerIn,
    ListQuery,
    SubstitutionIn,
)
from conference.auth import (
    Principal,
    Role,
    close_applicant_link,
    new_secret,
    require,
    token_hash,
)
from conference.conferences import lookup as conferences
from conference.db.grouped import WriteGroups
from conference.db.pool import Database, connection, transaction
from conference.errors import (
    Duplicate,
    Forbidden,
    IllegalTransition,
    Invalid,
    NotFound,
    Unauthorized,
)
from conference.outbox.events import record

TAKEN = "This person already has an application for this conference."
"""A press applicant is told so of their own address (docs/privacy.md, "Tokens and secrets")."""
TAKEN_FOR_MEMBER = ("This address cannot be used for a new application; contact the protocol "
                    "service.")
"""A delegation's filing, amendment or substitution: the address is taken, and no more (not
whether by a journalist or another delegation's member: docs/lifecycle.md, "Import")."""


def _taken(category: Category) -> Duplicate:
    return Duplicate(TAKEN if category is Category.press else TAKEN_FOR_MEMBER, field="email")


Filings = WriteGroups[dict[str, Any], Record | None]
"""Applications written together when they are filed at the same moment."""


def filings(pool: asyncpg.Pool) -> Filings:
    """The writer of the applications ``register`` files alone on their statement (not those
    counted against a delegation's quota, which lock the delegation first): one per server
    process, made by the composition root."""
    return WriteGroups(pool, repo.register, repo.register_many)


async def register(
    pool: Database, slug: str, body: AccreditationIn, actor: Principal | None, now: datetime,
    filings: Filings | None = None, *, answer_token: bool = False,
) -> AccreditationCreated:
    """File an application in the conference ``slug``: refused when there is no such conference
    (404), out of scope (401, 403), out of the press window or with the pool full, duplicate
    (409), or naming a delegation of another conference (422).

    One statement (``register`` in queries.sql) does the checks that need the database and
    writes the row (with the hash of the applicant's token) and its domain event (the audit
    trail's lines): atomic on its own, and in the caller's transaction when handed a connection
    that has one. ``answer_token``: the token the answer carries stays valid beside the links
    the letters replace (the API's self-registration, whose client holds it: docs/privacy.md,
    "Tokens and secrets"); else the first letter's link replaces it.
    """
    try:
        delegation_id = domain.check_may_register(actor, body.category, body.delegation_id)
    except (Unauthorized, Forbidden):
        async with connection(pool) as conn:
            if not await repo.conference_exists(conn, slug):
                raise NotFound(f"No conference {slug!r}.") from None
        raise
    if delegation_id != body.delegation_id:
        body = body.model_copy(update={"delegation_id": delegation_id})
    # A member filed into a delegation's quota locks the delegation first (a transaction); any
    # other filing is the one statement, atomic on its own: no BEGIN and COMMIT round trips.
    # Inside a caller's transaction, a savepoint: a duplicate fails the statement, and the
    # caller's transaction must survive it.
    counted = delegation_id is not None and body.category in domain.QUOTA_CATEGORIES
    nested = not isinstance(pool, asyncpg.Pool) and pool.is_in_transaction()
    exempt = domain.press_window_exempt(actor)
    secret = new_secret()
    accreditation_id = uuid4()
    payload = AccreditationChanged(
        accreditation_id=accreditation_id, category=body.category.value,
        status=Status.submitted.value, from_status=None, delegation_id=body.delegation_id,
    ).model_dump(mode="json")

    def values(history: list[dict[str, Any]] | None) -> dict[str, Any]:
        return repo.register_values(
            slug, body, accreditation_id=accreditation_id, now=now, window_exempt=exempt,
            actor=actor.actor if actor else "applicant",
            event_type=f"accreditation.{Status.submitted.value}", payload=payload,
            token_hash=token_hash(secret), history=history,
            answer_token_hash=token_hash(secret) if answer_token and actor is None else None)

    try:
        if filings is not None and not (counted or nested) and isinstance(pool, asyncpg.Pool):
            # alone on its statement, or with the applications filed at the same moment
            # (docs/architecture.md, "Filings written together")
            row = await filings.write(values(None))
        else:
            async with transaction(pool) if counted or nested else connection(pool) as conn:
                overrides = await _check_places(conn, slug, body, actor, now)
                history = None
                if overrides:  # the trail names them beside the filing (else: the default line)
                    history = [repo.history_line(accreditation_id, action=action,
                                                 from_status=None, to_status=Status.submitted,
                                                 reason=reason)
                               for action, reason in [("submit", None), *overrides]]
                row = await repo.register(conn, values(history))
    except asyncpg.UniqueViolationError as exc:
        if exc.constraint_name != repo.DUPLICATE_PERSON:
            raise
        async with connection(pool) as conn:  # which rule refuses it, in their order
            row = await repo.register_gate(conn, slug, body.delegation_id)
    if row is None:
        raise NotFound(f"No conference {slug!r}.")
    _check_filed(row, body.category, exempt, now)
    return repo.created_from_row(row, access_token=secret, warnings=domain.filing_warnings(
        body.given_name, body.family_name, body.category, body.rank))


async def _check_places(conn: Connection, slug: str, body: AccreditationIn,
                        actor: Principal | None, now: datetime) -> list[tuple[str, str]]:
    """A delegation member's place: the delegation locked until the filing commits (so that
    concurrent filings never exceed a quota), the nominations deadline and the quota checked.
    The overrides protocol made, (action, reason), for the history."""
    if body.delegation_id is None or body.category not in domain.QUOTA_CATEGORIES:
        return []
    gate = await repo.lock_delegation_places(conn, slug, body.delegation_id)
    if gate is None:
        return []  # no such delegation here: the filing says so (422)
    role = actor.role if actor else None
    overrides = []
    late = domain.check_deadline(
        domain.closing(gate["nominations_close_at"], gate["ends_on"], gate["timezone"]), now,
        role, body.override_reason, "Nominations")
    if late:
        overrides.append(("deadline_override", late))
    used = await repo.places_used(conn, body.delegation_id, body.category.value)
    allowed = domain.allowed_places(body.category, gate["delegation_quotas"],
                                    gate["conference_quotas"])
    beyond = domain.check_quota(body.category, used, allowed, role, body.override_reason)
    if beyond:
        overrides.append(("quota_override", beyond))
    return overrides


async def check_register(
    pool: Database, slug: str, body: AccreditationIn, actor: Principal | None, now: datetime
) -> None:
    """What ``register`` would refuse, read only: it raises the refusals ``register`` gives
    (scope, no such conference, the press window, the full pool, an unknown delegation, a
    person who already has a current application) and writes nothing, no row, no event, so no
    mail. A delegation's quota and deadline are not checked (they need the delegation locked).
    For the press form's language button, which shows the form sent back with its errors in
    the other language and must never file it; the form's submit calls ``register``, which
    checks again."""
    delegation_id = domain.check_may_register(actor, body.category, body.delegation_id)
    exempt = domain.press_window_exempt(actor)
    async with connection(pool) as conn:
        row = await repo.register_gate(conn, slug, delegation_id)
        if row is None:
            raise NotFound(f"No conference {slug!r}.")
        _check_gate(row, body.category, exempt, now)
        if await repo.current_by_email(conn, row["conference_id"], body.email) is not None:
            raise _taken(body.category)


def _check_filed(row: Record, category: Category, exempt: bool, now: datetime) -> None:
    """Why the ``register`` statement did not file, in the order the rules apply."""
    _check_gate(row, category, exempt, now)
    if not row["inserted"]:
        raise _taken(category)


def _check_gate(row: Record, category: Category, exempt: bool, now: datetime) -> None:
    """The rules ``register`` applies before it inserts, in their order."""
    domain.check_press_window(category, exempt, row["press_opens_at"], row["press_closes_at"],
                              now)
    if category is Category.press:
        domain.check_pool_has_room(row["press_approved"], row["press_pool_capacity"],
                                   deciding=False)
    if not row["delegation_known"]:
        raise Invalid(
            "Unknown delegation.",
            [{"field": "delegation_id", "message": "no such delegation in this conference",
              "type": "unknown_delegation"}],
        )


async def get(pool: Database, accreditation_id: UUID, actor: Principal | None) -> Accreditation:
    """One accreditation with its history, for whoever may read it (401, 403, 404)."""
    async with connection(pool) as conn:
        row = await repo.row_by_id(conn, accreditation_id)
        if row is None:
            raise NotFound("No such accreditation.")
        domain.check_may_read(actor, row)
        return repo.from_row(row, await repo.history_for(conn, accreditation_id, actor))


async def press_pool_full(pool: Database, conference_id: UUID, capacity: int) -> bool:
    """Whether every place of the conference's press pool is taken, as the public press form
    says before anyone types an application it would refuse (``check_pool_has_room``). Public:
    the form shows the pool's capacity already."""
    async with connection(pool) as conn:
        taken = await repo.count_approved_press(conn, conference_id)
    return taken >= capacity


async def missing_clearance(pool: Database, accreditation_id: UUID, actor: Principal | None
                            ) -> domain.MissingClearance:
    """The vetting status that stops the person's badge (``pending``, ``more_information``,
    ``refused``; None when nothing does), for whoever may read the accreditation: the pages
    say it in place of a badge link, the decision forms before an approval
    (docs/credentials.md, "What the person is told"). The status alone, never the reason."""
    async with connection(pool) as conn:
        row = await repo.row_by_id(conn, accreditation_id)
        if row is None:
            raise NotFound("No such accreditation.")
        domain.check_may_read(actor, row)
        return await repo.missing_clearance(conn, accreditation_id)


async def badge_short_reference(pool: Database, accreditation_id: UUID,
                                actor: Principal | None) -> str | None:
    """The short reference of the person's badge as printed (``4F7K-92QX``), for whoever may
    read the accreditation: the reference a person reads out over the phone
    (docs/credentials.md, "Short reference"); None before an approval. The pages ask for it
    once they know the badge can be issued (approved, nothing withholding it), which they have
    read already to show the badge."""
    async with connection(pool) as conn:
        row = await repo.row_by_id(conn, accreditation_id)
        if row is None:
            raise NotFound("No such accreditation.")
        domain.check_may_read(actor, row)
        return await repo.badge_short_reference(conn, accreditation_id)


async def names_of(pool: Database, ids: set[UUID], actor: Principal) -> dict[UUID, str]:
    """The names of the accreditations ``ids`` that ``actor`` may read, the others left out:
    a history's substitution lines name the other person (docs/workspaces.md, "History")."""
    names: dict[UUID, str] = {}
    async with connection(pool) as conn:
        for accreditation_id in ids:
            row = await repo.row_by_id(conn, accreditation_id)
            if row is not None and domain.may_read(actor, row):
                names[accreditation_id] = f"{row['given_name']} {row['family_name']}"
    return names


async def list_page(
    pool: Database, slug: str, query: ListQuery, actor: Principal | None
) -> AccreditationPage:
    """A page of the conference's accreditations, within what ``actor`` may see."""
    principal = require(actor, *roles.ACCREDITATION_READERS)
    after = _seq(query.cursor)
    async with connection(pool) as conn:
        conference = await conferences.conference_by_slug(conn, slug)
        category, delegation_id = domain.list_scope(principal, query.category,
                                                    query.delegation_id)
        rows = await repo.page(
            conn, conference.id, category=category.value if category else None,
            status=query.status.value if query.status else None, delegation_id=delegation_id,
            after_seq=after, limit=query.limit + 1,
        )
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    return AccreditationPage(
        items=[repo.from_row(r) for r in rows],
        next_cursor=_cursor(rows[-1]["seq"]) if more and rows else None,
    )


async def authorise(
    pool: Database, accreditation_id: UUID, action: Action, actor: Principal
) -> None:
    """Whether ``actor`` may take ``action`` on the accreditation (403, 404), before a request
    body is validated: a caller without scope learns nothing from field errors."""
    async with connection(pool) as conn:
        row = await repo.row_by_id(conn, accreditation_id)
    if row is None:
        raise NotFound("No such accreditation.")
    domain.check_may_act(actor, action, row)


async def decide(
    pool: Database, accreditation_id: UUID, decision: Action | str, reason: str | None,
    actor: Principal | None, now: datetime, *, not_a_duplicate: bool = False,
) -> Accreditation:
    """Approve, reject (with a reason) or waitlist: the press office for the press, the
    protocol office for the rest, admin for all. Approving press needs a free pool place, and
    no possible duplicate of the application already approved (409 ``duplicate-approved``,
    naming it), unless the officer confirms it is ``not_a_duplicate`` (docs/workspaces.md,
    "Possible duplicates")."""
    principal = require(actor, *roles.DECIDERS)
    try:
        action = Action(decision)
    except ValueError:
        action = None
    if action not in domain.DECISIONS:
        raise Invalid("Some fields are invalid.", [
            {"field": "decision", "message": "approve, reject or waitlist",
             "type": "literal_error"}])
    assert action is not None
    return await _change(pool, accreditation_id, action, reason, principal, now,
                         not_a_duplicate=not_a_duplicate and action is Action.approve)


async def decide_press_batch(
    pool: Database, conference_id: UUID, accreditation_ids: list[UUID], decision: str,
    actor: Principal | None, now: datetime,
) -> None:
    """The press office's batch: the same decision for several press applications of one
    conference, all or none. The applications are locked first, in the order of their ids, and
    the conference row (the pool) only after them, as every other transaction does: two batches,
    or a batch and a revocation, never wait on each other in a circle (docs/outbox.md, "The
    press pool's count")."""
    require(actor, *roles.DECIDERS)
    ids = list(dict.fromkeys(accreditation_ids))
    async with transaction(pool) as conn:
        rows = await repo.lock_many(conn, ids)
        if len(rows) != len(ids) or any(r["conference_id"] != conference_id
                                        or r["category"] != Category.press for r in rows):
            raise NotFound("No such application.")
        for accreditation_id in ids:
            await decide(conn, accreditation_id, decision, None, actor, now)


async def withdraw(
    pool: Database, accreditation_id: UUID, reason: str | None, actor: Principal | None,
    now: datetime,
) -> Accreditation:
    """The applicant (or its delegation's focal point) withdraws before the decision; an
    approved journalist also after it, which frees the place in the press pool (the
    conference's count follows in the same transaction: docs/outbox.md, "The press pool's
    count"; docs/lifecycle.md, "Withdrawing after approval")."""
    principal = require(actor, *roles.WITHDRAWERS)
    return await _change(pool, accreditation_id, Action.withdraw, reason, principal, now)


async def revoke(
    pool: Database, accreditation_id: UUID, reason: str | None, actor: Principal | None,
    now: datetime,
) -> Accreditation:
    """An organiser's office revokes an accreditation of its categories (admin: any)."""
    principal = require(actor, *roles.REVOKERS)
    return await _change(pool, accreditation_id, Action.revoke, reason, principal, now)


async def _change(
    pool: Database, accreditation_id: UUID, action: Action, reason: str | None,
    actor: Principal, now: datetime, *, not_a_duplicate: bool = False,
) -> Accreditation:
    """One action of the state machine, with its event (and the trail's line it adds). An
    approval confirmed ``not_a_duplicate`` that overrode the rule adds a line before its own,
    ``not_a_duplicate``, and its event names the approved applications it overrode."""
    async with transaction(pool) as conn:
        row = await repo.lock(conn, accreditation_id)
        if row is None:
            raise NotFound("No such accreditation.")
        domain.check_may_act(actor, action, row)
        domain.check_reason(action, reason)
        if action is Action.withdraw:
            domain.check_withdrawable(row)
        current = Status(row["status"])
        new = domain.transition(current, action)
        overridden: list[UUID] = []
        if new is Status.approved and row["category"] == Category.press:
            # The conference row's lock serialises the press approvals of a conference (docs/
            # outbox.md, "The press pool's count"): what is read after it, the places taken and
            # the approved applications, stays so until this transaction ends, so neither the
            # capacity nor "one person, one place" (docs/workspaces.md, "Possible duplicates")
            # can be passed by two approvals at the same moment.
            conference = await conferences.lock_conference(conn, row["conference_id"])
            # A confirmed "not the same person" overrides the rule, under the same lock and
            # within the same capacity (docs/workspaces.md, "Possible duplicates").
            overridden = [o.id for o in domain.check_not_duplicate_of_approved(
                repo.press_person(row),
                await repo.press_people(conn, conference.id, approved_only=True),
                not_a_duplicate=not_a_duplicate)]
            domain.check_pool_has_room(
                await repo.count_approved_press(conn, conference.id),
                conference.press_registration.pool_capacity, deciding=True)
        updated = await repo.set_status(conn, accreditation_id, new, now,
                                        decided=action in domain.DECISIONS)
        history = None
        if reason is not None or overridden:
            # the check first, the status unchanged, then the decision (whose reason stays the
            # latest, for the letter)
            history = [repo.history_line(
                accreditation_id, action="not_a_duplicate", from_status=current,
                to_status=current, reason=None)] if overridden else []
            history.append(repo.history_line(accreditation_id, action=action.value,
                                             from_status=current, to_status=new, reason=reason))
        await repo.record_change(
            conn,
            AccreditationChanged(
                accreditation_id=accreditation_id, category=updated["category"],
                status=new.value, from_status=current.value,
                delegation_id=updated["delegation_id"],
                not_a_duplicate_of=overridden or None,
            ),
            event_type=f"accreditation.{new.value}", conference_id=updated["conference_id"],
            subject_id=accreditation_id, actor=actor.actor, now=now, history=history,
        )
        return repo.from_row(updated, await repo.history_for(conn, accreditation_id, actor))


async def substitute(
    pool: Database, accreditation_id: UUID, body: SubstitutionIn, actor: Principal | None,
    now: datetime,
) -> AccreditationCreated:
    """Replace a delegation member by another person (docs/lifecycle.md, "Substitutions"): the
    focal point of its delegation until ``changes_close_at``, protocol at any time (after the
    deadline with a reason). In one transaction the member becomes ``substituted`` (its badge is
    refused from the commit on) and the new accreditation takes its place: the quota (the old
    one no longer counts), its sessions with the same roles; both histories link the other and
    one event ``accreditation.substituted`` names both."""
    principal = require(actor, *roles.SUBSTITUTERS)
    async with transaction(pool) as conn:
        row = await repo.lock(conn, accreditation_id)
        if row is None:
            raise NotFound("No such accreditation.")
        domain.check_may_act(principal, Action.substitute, row)
        domain.check_substitutable(row)
        current = Status(row["status"])
        new_status_old = domain.transition(current, Action.substitute)
        domain.check_deadline(await repo.changes_close_at(conn, row["conference_id"]), now,
                              principal.role, body.reason, "Changes", field="reason")
        first = domain.substitute_status(current, principal.role, body.approve)
        # The delegation's places: filings wait for this one (the count stays the same).
        await repo.lock_delegation_places(conn, row["conference_slug"], row["delegation_id"])
        await repo.set_status(conn, accreditation_id, new_status_old, now, decided=False)
        new_id = uuid4()
        person = body.model_dump(include={"given_name", "family_name", "email", "language",
                                          "gender", "rank", "function", "function_fr",
                                          "function_en", "in_office_since"})
        person["rank"] = person["rank"] or row["rank"]
        person.update(domain.substitute_functions(row, person))
        secret = new_secret()
        created = await repo.insert_substitute(conn, accreditation_id, person,
                                               accreditation_id=new_id, status=first, now=now,
                                               token_hash=token_hash(secret))
        if created is None:
            raise Duplicate(TAKEN_FOR_MEMBER, field="email")
        await repo.move_participations(conn, accreditation_id, new_id)
        # One event names both; it carries both trails' lines, each linking the other.
        await repo.record_change(
            conn,
            AccreditationSubstituted(
                accreditation_id=accreditation_id, category=row["category"],
                status=new_status_old.value, from_status=current.value,
                delegation_id=row["delegation_id"], substitute_id=new_id,
                substitute_status=first.value,
                substituted_by="delegation" if principal.role is Role.focal_point
                else "protocol",
            ),
            event_type="accreditation.substituted", conference_id=row["conference_id"],
            subject_id=accreditation_id, actor=principal.actor, now=now,
            history=[
                repo.history_line(accreditation_id, action=Action.substitute.value,
                                  from_status=current, to_status=new_status_old,
                                  reason=body.reason, linked_accreditation_id=new_id),
                repo.history_line(new_id, action=Action.substitute.value, from_status=None,
                                  to_status=first, reason=body.reason,
                                  linked_accreditation_id=accreditation_id),
            ],
        )
        if first is Status.submitted:  # a filing like any other: its acknowledgement letter
            await repo.record_change(  # (its trail has the substitution's line already)
                conn,
                AccreditationChanged(accreditation_id=new_id, category=row["category"],
                                     status=first.value, from_status=None,
                                     delegation_id=row["delegation_id"]),
                event_type=f"accreditation.{first.value}", conference_id=row["conference_id"],
                subject_id=new_id, actor=principal.actor, now=now, history=[],
            )
        history = await repo.history_of(conn, new_id)
    return repo.created_from_row(created, access_token=secret, warnings=domain.filing_warnings(
        body.given_name, body.family_name, created["category"], created["rank"]),
    ).model_copy(update={"history": history})


class _CheckedOnly(Exception):
    """Raised inside ``check_substitute``'s transaction to roll it back."""


async def check_substitute(
    pool: Database, accreditation_id: UUID, body: SubstitutionIn, actor: Principal | None,
    now: datetime,
) -> None:
    """``substitute`` run and rolled back: it raises what ``substitute`` would (the deadline,
    an e-mail already filed, a member no longer substitutable, a missing reason...) and writes
    nothing, no event either. The confirmation step of the portal's form (docs/lifecycle.md,
    "In the workspaces"); the confirmed form calls ``substitute``, which checks again."""
    try:
        async with transaction(pool) as conn:
            await substitute(conn, accreditation_id, body, actor, now)
            raise _CheckedOnly()
    except _CheckedOnly:
        return


async def amend(
    pool: Database, accreditation_id: UUID, body: AmendmentIn, actor: Principal | None,
    now: datetime,
) -> AmendedAccreditation:
    """Change a delegation member's details before the decision (docs/workspaces.md, "Editing a
    member"): its focal point until ``changes_close_at`` (then 409 ``deadline-passed``), protocol
    and admin at any time. Refused once decided (409, the status named), for a staff
    accreditation (409), with a result that is not a valid member (422 naming the field), with
    an e-mail another current accreditation of the conference has (409), or beyond the quota of
    a new category (409 ``quota-exceeded``). The fields given replace the member's; a change
    writes ``accreditation.amended`` with its history line (``amend``, the fields named) in the
    same transaction; no change writes nothing. A press application is corrected by the press
    office instead (``_correct``: docs/workspaces.md, "Correcting a journalist").

    The answer carries the warnings of a filing on the person as amended, changed or not
    (names that look swapped, a rank that does not fit the category: docs/protocol.md, "Rank
    and category")."""
    acc = await _amend(pool, accreditation_id, body, actor, now)
    return AmendedAccreditation(**dict(acc), warnings=domain.filing_warnings(
        acc.given_name, acc.family_name, acc.category, acc.rank))


async def _amend(
    pool: Database, accreditation_id: UUID, body: AmendmentIn, actor: Principal | None,
    now: datetime,
) -> Accreditation:
    principal = require(actor, *roles.AMENDERS)
    wanted = body.model_dump(exclude_unset=True)
    try:
        async with transaction(pool) as conn:
            row = await repo.lock(conn, accreditation_id)
            if row is None:
                raise NotFound("No such accreditation.")
            domain.check_may_act(principal, Action.amend, row)
            if row["category"] == Category.press:
                return await _correct(conn, row, wanted, principal, now)
            if domain.is_member_correction(Status(row["status"]), wanted, principal.role):
                return await _correct_member(conn, row, wanted, principal, now)
            domain.check_amendable(row)
            _check_member_amendment(wanted)
            current = {name: row[name] for name in domain.AMENDED_FIELDS}
            merged = _valid_member({**current, **wanted}, row["delegation_id"])
            changed = domain.changed_fields(current, merged)
            if not changed:
                return repo.from_row(row, await repo.history_for(conn, accreditation_id, principal))
            if principal.role is Role.focal_point:
                domain.check_deadline(await repo.changes_close_at(conn, row["conference_id"]),
                                      now, principal.role, None, "Changes")
            if "category" in changed:
                gate = await repo.lock_delegation_places(conn, row["conference_slug"],
                                                         row["delegation_id"])
                assert gate is not None  # the member's own delegation
                category = Category(str(merged["category"]))
                domain.check_quota(
                    category, await repo.places_used(conn, row["delegation_id"], category.value),
                    domain.allowed_places(category, gate["delegation_quotas"],
                                          gate["conference_quotas"]), principal.role, None)
            updated = await repo.amend(conn, accreditation_id, merged, now)
            if updated is None:
                raise Duplicate(TAKEN_FOR_MEMBER, field="email")
            status = Status(row["status"])
            if "email" in changed and status is Status.submitted:
                # the old address's link closes with the correction, not when the new
                # address's letter (its fresh link) is written: a mailer held up left it open
                # (docs/lifecycle.md, "Letters")
                await close_applicant_link(conn, accreditation_id)
            await repo.record_change(
                conn,
                AccreditationAmended(accreditation_id=accreditation_id,
                                     category=updated["category"], status=status.value,
                                     delegation_id=updated["delegation_id"], fields=changed),
                event_type="accreditation.amended", conference_id=updated["conference_id"],
                subject_id=accreditation_id, actor=principal.actor, now=now,
                history=[repo.history_line(accreditation_id, action=Action.amend.value,
                                           from_status=status, to_status=status,
                                           reason=", ".join(changed))],
            )
            return repo.from_row(updated, await repo.history_for(conn, accreditation_id, principal))
    except asyncpg.UniqueViolationError:  # the same address filed at the same moment
        raise Duplicate(TAKEN_FOR_MEMBER, field="email") from None


async def _correct_member(conn: Connection, row: Record, wanted: dict[str, Any],
                          principal: Principal, now: datetime) -> Accreditation:
    """Protocol corrects an approved delegation member's names, rank, function or date in
    office, with a reason (docs/workspaces.md, "Correcting an approved member"), in the
    caller's transaction, the row locked: 409 for a staff accreditation or erased data; 422
    naming a field a correction does not take, a missing reason, or a result that is not a
    valid member. A change writes ``accreditation.amended`` (the fields named, and the badge
    version when a new one was issued) with its history line (``correct``: the fields and the
    reason); a printed badge carrying a corrected name or function is superseded, to print
    again. No change writes nothing. No letter: the member's place does not change."""
    domain.check_amendable_member(row)
    domain.check_member_correction(wanted)
    current = {name: row[name] for name in domain.AMENDED_FIELDS}
    asked = {k: wanted[k] for k in domain.MEMBER_CORRECTED_FIELDS if k in wanted}
    merged = _valid_member({**current, **asked}, row["delegation_id"])
    changed = [name for name in domain.MEMBER_CORRECTED_FIELDS
               if name in asked and merged[name] != current[name]]
    if not changed:
        return repo.from_row(row, await repo.history_for(conn, row["id"], principal))
    updated = await repo.amend(conn, row["id"], merged, now)
    assert updated is not None  # the address is the member's own, unchanged
    return await _corrected(conn, row, updated, changed, wanted, principal, now,
                            domain.MEMBER_BADGE_FIELDS)


async def _corrected(conn: Connection, row: Record, updated: Record, changed: list[str],
                     wanted: dict[str, Any], principal: Principal, now: datetime,
                     printed: frozenset[str]) -> Accreditation:
    """What a correction (a journalist's, an approved member's) records once its new values
    are written: a new badge version when the printed badge carries a corrected field of
    ``printed``, the event ``accreditation.amended`` with that version and the history line
    ``correct`` (the fields, then the reason); the person as corrected."""
    status = Status(row["status"])
    version = await _reissued(conn, row["id"], row["conference_id"], status, changed, now,
                              printed)
    reason = str(wanted["reason"]).strip()
    await repo.record_change(
        conn,
        AccreditationAmended(accreditation_id=row["id"], category=row["category"],
                             status=status.value, delegation_id=row["delegation_id"],
                             fields=changed, badge_version=version),
        event_type="accreditation.amended", conference_id=row["conference_id"],
        subject_id=row["id"], actor=principal.actor, now=now,
        history=[repo.history_line(row["id"], action="correct", from_status=status,
                                   to_status=status,
                                   reason=domain.correction_line(changed, reason))],
    )
    return repo.from_row(updated, await repo.history_for(conn, row["id"], principal))


async def _reissued(conn: Connection, accreditation_id: UUID, conference_id: UUID,
                    status: Status, changed: Sequence[str], now: datetime,
                    printed: frozenset[str]) -> int | None:
    """A new badge version, to print, when the approved person's badge was printed and
    ``changed`` names a field of ``printed``; the version, else None."""
    if not domain.badge_needs_reprint(status, list(changed), printed):
        return None
    return await repo.supersede_printed_badge(conn, accreditation_id, conference_id,
                                              ", ".join(changed), now)


async def reissue_for_changes(conn: Connection, accreditation_id: UUID, conference_id: UUID,
                              status: Status, changed: Sequence[str], now: datetime
                              ) -> int | None:
    """In the caller's transaction (protocol's member import, docs/lifecycle.md, "Import"): a
    new badge version, to print, when the approved member's badge was printed and ``changed``
    names what it prints (``MEMBER_BADGE_FIELDS``), the printed one refused ``superseded``
    from the commit on, as a correction does; the version, else None."""
    return await _reissued(conn, accreditation_id, conference_id, status, changed, now,
                           domain.MEMBER_BADGE_FIELDS)


def _check_member_amendment(wanted: dict[str, object]) -> None:
    """A delegation member's amendment takes neither press details nor a reason (422)."""
    errors = [{"field": name, "message": message, "type": "value_error"} for name, message in (
        ("press", "press details apply to press applications only"),
        ("reason", "a delegation member's change takes no reason")) if name in wanted]
    if errors:
        raise Invalid("Some fields are invalid.", errors)


async def _correct(conn: Connection, row: Record, wanted: dict[str, Any], principal: Principal,
                   now: datetime) -> Accreditation:
    """The press office corrects a journalist's name, outlet, press card number or role
    (docs/workspaces.md, "Correcting a journalist"), in the caller's transaction, the row
    locked: 409 unless submitted, waitlisted or approved; 422 naming a field a correction does
    not take, a missing reason, or a value a press application would refuse. A change writes
    ``accreditation.amended`` (the fields named, and the badge version when a new one was
    issued) with its history line (``correct``: the fields and the reason). An approved
    journalist whose printed badge carries a corrected field gets a new badge version, to
    print: the printed one is refused ``superseded`` from the commit on
    (docs/credentials.md, "Badge production"). No change writes nothing."""
    domain.check_correctable(row)
    domain.check_correction(wanted)
    current = {name: row[name] for name in domain.CORRECTED_FIELDS}
    press = wanted.get("press") or {}
    asked: dict[str, Any] = {k: wanted[k] for k in ("given_name", "family_name") if k in wanted}
    asked.update({column: press[key] for key, column in (
        ("outlet", "press_outlet"), ("press_card_number", "press_card_number"),
        ("role", "press_role")) if press.get(key) is not None})
    merged = _valid_journalist(row, {**current, **asked})
    changed = [name for name in domain.CORRECTED_FIELDS if merged[name] != current[name]]
    if not changed:
        return repo.from_row(row, await repo.history_for(conn, row["id"], principal))
    updated = await repo.correct_press(conn, row["id"], merged, now)
    return await _corrected(conn, row, updated, changed, wanted, principal, now,
                            domain.PRINTED_FIELDS)


def _valid_journalist(row: Record, values: dict[str, Any]) -> dict[str, Any]:
    """The journalist's fields after the correction, checked as a press application would be
    (422 naming the field: ``press.outlet``…), in the row's terms."""
    try:
        AccreditationIn.model_validate({
            "category": Category.press.value, "given_name": values["given_name"],
            "family_name": values["family_name"], "email": row["email"],
            "language": row["language"],
            "press": {"outlet": values["press_outlet"],
                      "press_card_number": values["press_card_number"],
                      "role": values["press_role"], "country": row["press_country"]}})
    except ValidationError as exc:
        raise _invalid(exc) from None
    return {k: str(v) for k, v in values.items()}


def _invalid(exc: ValidationError) -> Invalid:
    return Invalid("Some fields are invalid.", [
        {"field": ".".join(str(p) for p in err["loc"]) or "body",
         "message": str(err["msg"]).removeprefix("Value error, "), "type": err["type"]}
        for err in exc.errors(include_url=False)])


def _valid_member(values: dict[str, object], delegation_id: UUID) -> dict[str, object]:
    """The member's fields after the change, checked as a filing would be (422 naming the
    field), in the row's terms (enums as their values)."""
    data = {k: v for k, v in values.items() if v is not None}
    try:
        member = AccreditationIn.model_validate({**data, "delegation_id": delegation_id})
    except ValidationError as exc:
        raise _invalid(exc) from None
    dumped = member.model_dump(mode="json", include=set(domain.AMENDED_FIELDS))
    if dumped.get("in_office_since") is not None:
        dumped["in_office_since"] = member.in_office_since
    return dumped


UNDER_REVIEW = (Status.submitted, Status.waitlisted)
"""The applications more information may be asked for: those not decided yet."""
MESSAGE_LIMIT = 2000


_EXCHANGES: dict[type[InformationRequested] | type[InformationGiven], str] = {
    InformationRequested: "information_requested", InformationGiven: "information_given"}
"""A request for more information and its answer: the history's action, the event's type
``accreditation.<action>``."""


async def _record_exchange(
    conn: Connection, payload: type[InformationRequested] | type[InformationGiven],
    row: Record, current: Status, text: str, principal: Principal, now: datetime,
) -> None:
    """One step of the exchange between the office and the applicant (docs/workspaces.md,
    "Asking for more information"): a history line with ``text`` as its reason, the status
    unchanged, and its event, in the caller's transaction."""
    action = _EXCHANGES[payload]
    accreditation_id = row["id"]
    await repo.record_change(
        conn,
        payload(accreditation_id=accreditation_id, category=row["category"],
                status=current.value, delegation_id=row["delegation_id"]),
        event_type=f"accreditation.{action}",
        conference_id=row["conference_id"], subject_id=accreditation_id,
        actor=principal.actor, now=now,
        history=[repo.history_line(accreditation_id, action=action,
                                   from_status=current, to_status=current, reason=text)])


async def request_information(
    pool: Database, accreditation_id: UUID, message: str, actor: Principal | None,
    now: datetime,
) -> Accreditation:
    """The office that decides on the application (the press office for the press, protocol
    for the rest, admin for all) asks the applicant for more information before deciding: a
    line of the history (action ``information_requested``, the message as its reason, the
    status unchanged) and the event ``accreditation.information_requested``, whose consumer
    mails the message with a fresh private link (docs/workspaces.md, "Asking for more
    information"). Only while the application is under review (submitted, waitlisted; 409
    otherwise); the message is required (422 on ``message``)."""
    principal = require(actor, *roles.DECIDERS)
    text = " ".join(message.split()) if message else ""
    if not text or len(text) > MESSAGE_LIMIT:
        raise Invalid("Some fields are invalid.", [
            {"field": "message", "type": "value_error",
             "message": f"say what is needed (1 to {MESSAGE_LIMIT} characters)"}])
    async with transaction(pool) as conn:
        row = await repo.lock(conn, accreditation_id)
        if row is None:
            raise NotFound("No such accreditation.")
        # whoever may decide on the application may ask before deciding
        domain.check_may_act(principal, Action.reject, row)
        current = Status(row["status"])
        if current not in UNDER_REVIEW:
            raise IllegalTransition(
                f"An accreditation that is {current.value} is no longer under review: no "
                "information is asked.", status_now=current.value,
                action="request_information")
        await _record_exchange(conn, InformationRequested, row, current, text,
                               principal, now)
        return repo.from_row(row, await repo.history_for(conn, accreditation_id, principal))


async def authorise_answer(pool: Database, accreditation_id: UUID, actor: Principal) -> None:
    """Whether ``actor`` may answer for the accreditation (403, 404), before the answer is
    validated: another applicant learns nothing from field errors."""
    async with connection(pool) as conn:
        row = await repo.row_by_id(conn, accreditation_id)
    if row is None:
        raise NotFound("No such accreditation.")
    domain.check_may_answer(actor, row)


async def give_information(
    pool: Database, accreditation_id: UUID, answer: str, actor: Principal | None,
    now: datetime,
) -> Accreditation:
    """The applicant answers the office's request for more information in words ("the letter
    from my editor follows on Monday"), from their own private link, or a delegation member's
    focal point on their behalf, from the member's page of the portal: a line of the history
    (action ``information_given``, the answer as its reason, the status unchanged, its actor
    who answered) and the event ``accreditation.information_given``, whose consumer tells the
    office that asked, and by whom (docs/workspaces.md, "Asking for more information"). Only
    the applicant or a focal point of the member's delegation (403,
    ``domain.check_may_answer``), only
    while the application is under review and information was asked of it (409 otherwise),
    the answer required (422 on ``answer``: 1 to 2,000 characters). Several answers may
    follow one request (the second says the letter came), up to
    :data:`domain.ANSWERS_PER_REQUEST` (409 ``answers-exhausted`` beyond)."""
    principal = require(actor, Role.applicant, Role.focal_point)
    async with transaction(pool) as conn:
        row = await repo.lock(conn, accreditation_id)
        if row is None:
            raise NotFound("No such accreditation.")
        domain.check_may_answer(principal, row)
        try:
            # a textarea's lines joined, then the rules of every free text (no control
            # character, no invisible formatting: conference/types.py)
            text = InformationAnswerIn.model_validate(
                {"answer": " ".join(answer.split())}).answer
        except ValidationError as exc:
            raise _invalid(exc) from None
        current = Status(row["status"])
        if current not in UNDER_REVIEW:
            raise IllegalTransition(
                f"An accreditation that is {current.value} is no longer under review: no "
                "answer is taken.", status_now=current.value, action="give_information")
        exchanges = domain.information_exchanges(await repo.history_of(conn, accreditation_id))
        if not exchanges:
            raise IllegalTransition(
                "No information was asked of this application: there is nothing to answer.",
                status_now=current.value, action="give_information")
        domain.check_answers_left(exchanges)
        await _record_exchange(conn, InformationGiven, row, current, text, principal, now)
        return repo.from_row(row, await repo.history_for(conn, accreditation_id, principal))


LINK_INTERVAL = timedelta(minutes=15)
"""One private link per address per interval: a request within it of the one before is
silently not sent (docs/privacy.md, "Getting the link again")."""


async def request_link(pool: Database, slug: str, email: str, now: datetime) -> None:
    """Someone asks for the private link of the application of ``email`` again: when there is
    one (not withdrawn, not erased) and nobody asked for this address within
    :data:`LINK_INTERVAL`, the ``accreditation.link_requested`` event has its letter written
    (with a new link, which replaces the current one: only its hash is kept). Every request
    counts, so repeated requests by someone else send nothing and leave the current link
    working. The caller answers the same whatever happened (404 only for an unknown
    conference)."""
    digest = hashlib.sha256(email.strip().lower().encode()).digest()
    async with transaction(pool) as conn:
        conference = await conferences.conference_by_slug(conn, slug)
        recent = await repo.count_link_requests(conn, conference.id, digest,
                                                now - LINK_INTERVAL)
        await repo.insert_link_request(conn, conference.id, digest, now)
        if recent:
            return
        found = await repo.current_by_email(conn, conference.id, email.strip())
        if found is None:
            return
        accreditation_id, _ = found
        await record(conn, "accreditation.link_requested",
                     LinkRequested(accreditation_id=accreditation_id),
                     conference_id=conference.id, subject_id=accreditation_id, actor="applicant")


def _cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"s{seq}".encode()).decode().rstrip("=")


def _seq(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        seq = int(raw[1:]) if raw.startswith("s") else -1
        if not 0 <= seq < 2**63:
            raise ValueError
        return seq
    except ValueError:
        raise Invalid("Bad cursor.", [{"field": "cursor", "message": "not a cursor this"
                                       " service gave", "type": "bad_cursor"}]) from None
