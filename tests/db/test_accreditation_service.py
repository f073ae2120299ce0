"""The accreditation use-cases as the screens call them (without HTTP): each authorises and
validates on its own, and runs inside the caller's transaction when handed a connection."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from conference.accreditation import service
from conference.accreditation.domain import Status
from conference.accreditation.models import AccreditationIn
from conference.auth import Principal, Role
from conference.conferences import service as conferences
from conference.conferences.models import ConferenceIn
from conference.errors import (
    Duplicate,
    Forbidden,
    IllegalTransition,
    Invalid,
    NotFound,
    PoolFull,
    Unauthorized,
    WindowClosed,
)
from tests.conftest import conference_body, press_body

ADMIN = Principal(token_id=1, role=Role.admin)
PRESS_OFFICE = Principal(token_id=2, role=Role.press_office)
PROTOCOL = Principal(token_id=3, role=Role.protocol)


async def test_use_cases_authorise_validate_and_record_without_http(
    db: asyncpg.Connection,
) -> None:
    now = datetime.now(UTC)
    conference = await conferences.create_conference(
        db, ConferenceIn.model_validate(conference_body()), ADMIN)
    created = await service.register(db, conference.slug, AccreditationIn.model_validate(
        press_body()), None, now)
    assert created.status is Status.submitted and created.access_token

    with pytest.raises(Forbidden):  # press decisions belong to the spokesperson's office
        await service.decide(db, created.id, "approve", None, PROTOCOL, now)
    with pytest.raises(Unauthorized):
        await service.decide(db, created.id, "approve", None, None, now)
    with pytest.raises(Invalid) as refused:
        await service.decide(db, created.id, "reject", None, PRESS_OFFICE, now)
    assert refused.value.extra["errors"][0]["field"] == "reason"
    with pytest.raises(Invalid) as refused:
        await service.decide(db, created.id, "withdraw", None, PRESS_OFFICE, now)
    assert refused.value.extra["errors"][0]["field"] == "decision"

    approved = await service.decide(db, created.id, "approve", None, PRESS_OFFICE, now)
    assert approved.status is Status.approved
    assert [h.action for h in approved.history or []] == ["submit", "approve"]
    with pytest.raises(IllegalTransition):
        await service.decide(db, created.id, "approve", None, PRESS_OFFICE, now)

    # Handed a connection in a transaction, the change is the caller's to keep or roll back.
    tx = db.transaction()
    await tx.start()
    revoked = await service.revoke(db, created.id, "badge lost", PRESS_OFFICE, now)
    assert revoked.status is Status.revoked
    await tx.rollback()
    again = await service.get(db, created.id, ADMIN)
    assert again.status is Status.approved
    events = await db.fetch("SELECT type FROM domain_event WHERE subject_id = $1 ORDER BY id",
                            str(created.id))
    assert [e["type"] for e in events] == ["accreditation.submitted", "accreditation.approved"]


async def test_a_duplicate_filed_in_the_callers_transaction_leaves_it_usable(
    db: asyncpg.Connection,
) -> None:
    """The filing is a plain insert (docs/outbox.md, "The registration: one statement"): a
    second application of the same person fails it on the unique index, which must neither abort
    the caller's transaction nor hide a rule that comes first (the press window)."""
    now = datetime.now(UTC)
    conference = await conferences.create_conference(
        db, ConferenceIn.model_validate(conference_body()), ADMIN)
    first = await service.register(db, conference.slug, AccreditationIn.model_validate(
        press_body()), None, now)

    tx = db.transaction()
    await tx.start()
    with pytest.raises(Duplicate):
        await service.register(db, conference.slug, AccreditationIn.model_validate(
            press_body(email="MARIE.DUPONT@example.org")), None, now)
    # the caller's transaction goes on: another applicant is filed in it, and kept
    other = await service.register(db, conference.slug, AccreditationIn.model_validate(
        press_body(1)), None, now)
    await tx.commit()
    assert await db.fetchval("SELECT count(*) FROM accreditation WHERE conference_id = $1",
                             conference.id) == 2
    assert (await service.get(db, other.id, ADMIN)).status is Status.submitted

    # out of the press window, the window is the reason given, duplicate or not
    later = now + timedelta(days=60)
    with pytest.raises(WindowClosed):
        await service.register(db, conference.slug, AccreditationIn.model_validate(
            press_body()), None, later)
    assert first.id != other.id


async def test_check_register_refuses_as_register_does_and_writes_nothing(
    db: asyncpg.Connection,
) -> None:
    """The press form's language button checks a filing without making it: the refusals
    ``register`` would give, and never a row or an event, even for a filing that would pass."""
    now = datetime.now(UTC)
    conference = await conferences.create_conference(
        db, ConferenceIn.model_validate(conference_body()), ADMIN)
    events = await db.fetchval("SELECT count(*) FROM domain_event")
    body = AccreditationIn.model_validate(press_body())
    await service.check_register(db, conference.slug, body, None, now)  # it would pass
    assert await db.fetchval("SELECT count(*) FROM accreditation") == 0
    assert await db.fetchval("SELECT count(*) FROM domain_event") == events

    await service.register(db, conference.slug, body, None, now)
    with pytest.raises(Duplicate):  # the same person, the address in other capitals
        await service.check_register(db, conference.slug, AccreditationIn.model_validate(
            press_body(email="MARIE.DUPONT@example.org")), None, now)
    with pytest.raises(WindowClosed):  # the window comes first, as in register
        await service.check_register(db, conference.slug, body, None, now + timedelta(days=60))
    with pytest.raises(NotFound):
        await service.check_register(db, "nowhere", body, None, now)
    await db.execute("UPDATE conference SET press_pool_capacity = 0 WHERE id = $1",
                     conference.id)
    with pytest.raises(PoolFull):
        await service.check_register(db, conference.slug, AccreditationIn.model_validate(
            press_body(1)), None, now)
    assert await db.fetchval("SELECT count(*) FROM accreditation") == 1
