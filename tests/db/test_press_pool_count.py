"""The press pool's count (docs/outbox.md, "The press pool's count"): the places taken are kept
on the conference row by the database, in the transaction that moves an application in or out
of the pool, whatever the use-case; a filing and an approval read that number instead of
counting the approved journalists."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from uuid import UUID, uuid4

import asyncpg
import pytest

from conference.accreditation import service
from conference.accreditation.models import AccreditationIn
from conference.accreditation.repo import Q
from conference.auth import Principal, Role
from conference.conferences import service as conferences
from conference.conferences.models import ConferenceIn
from conference.db.pool import connect
from conference.errors import DuplicateApproved, IllegalTransition, PoolFull
from conference.privacy import service as privacy
from tests.conftest import conference_body, direct_url, press_body

ADMIN = Principal(token_id=1, role=Role.admin)
PRESS_OFFICE = Principal(token_id=2, role=Role.press_office)

FILL = """
INSERT INTO accreditation (conference_id, category, status, given_name, family_name, email,
                           language, press_outlet, press_card_number, press_role, erased_at)
SELECT $1, 'press', CASE WHEN i <= 2300 THEN 'approved' ELSE 'submitted' END, 'Given' || i,
       'Family' || i, 'pool' || i || '@example.org', 'en', 'Outlet', 'C' || i, 'journalist',
       CASE WHEN i > 2000 AND i <= 2300 THEN now() END
FROM generate_series(1, 2400) i
"""

COUNTED = """
SELECT count(*) FROM accreditation WHERE conference_id = $1 AND category = 'press'
  AND status = 'approved' AND erased_at IS NULL
"""


async def _taken(db: asyncpg.Connection, conference_id: object) -> tuple[int, int]:
    """The number the database keeps, and the approved journalists counted."""
    query, *args = Q.bind("count_approved_press", conference_id=conference_id)
    return await db.fetchval(query, *args), await db.fetchval(COUNTED, conference_id)


async def test_every_way_in_and_out_of_the_pool_moves_the_number(db: asyncpg.Connection) -> None:
    now = datetime.now(UTC)
    body = conference_body(slug="pool-count")
    body["press_registration"]["pool_capacity"] = 2002
    conference = await conferences.create_conference(db, ConferenceIn.model_validate(body), ADMIN)
    # Rows written straight into the table count too: 2,000 approved, 300 approved then erased
    # (they hold no place), 100 submitted.
    await db.execute(FILL, conference.id)
    assert await _taken(db, conference.id) == (2000, 2000)
    # Neither the approval's count nor the filing's statement reads the approved journalists.
    query, *args = Q.bind("count_approved_press", conference_id=conference.id)
    plan = "\n".join(r[0] for r in await db.fetch("EXPLAIN " + query, *args))
    assert "accreditation" not in plan, plan
    query, *args = Q.bind(
        "register", slug=conference.slug, category="press", given_name="A", family_name="B",
        email="a@example.org", language="en", gender=None, salutation="neutral",
        press_outlet="O", press_card_number="1", press_role="journalist", press_country="BE",
        delegation_id=None, rank=None, function=None, function_fr=None, function_en=None,
        in_office_since=None, now=now,
        accreditation_id=uuid4(), window_exempt=False, actor="applicant",
        payload={}, token_hash=b"x", event_type="accreditation.submitted", history=None,
        answer_token_hash=None)
    plan = "\n".join(r[0] for r in await db.fetch("EXPLAIN " + query, *args))
    assert "Aggregate" not in plan and "on accreditation a" not in plan, plan

    async def filed(n: int) -> object:
        created = await service.register(db, conference.slug, AccreditationIn.model_validate(
            press_body(n)), None, now)
        return created.id

    a, b, c = await filed(1), await filed(2), await filed(3)
    assert await _taken(db, conference.id) == (2000, 2000)  # a filing takes no place
    await service.decide(db, a, "approve", None, PRESS_OFFICE, now)
    await service.decide(db, b, "approve", None, PRESS_OFFICE, now)
    assert await _taken(db, conference.id) == (2002, 2002)
    with pytest.raises(PoolFull):  # the last place is taken
        await service.decide(db, c, "approve", None, PRESS_OFFICE, now)
    with pytest.raises(PoolFull):  # and a new filing is refused
        await filed(4)

    await service.revoke(db, a, "Press card expired.", PRESS_OFFICE, now)
    assert await _taken(db, conference.id) == (2001, 2001)
    await service.decide(db, c, "waitlist", None, PRESS_OFFICE, now)
    await service.withdraw(db, c, None, Principal(token_id=9, role=Role.applicant,
                                                  accreditation_id=c), now)
    assert await _taken(db, conference.id) == (2001, 2001)  # never in the pool
    await privacy.erase(db, b, ADMIN, now)
    assert await _taken(db, conference.id) == (2000, 2000)
    # pool1, pool10…19, pool100…199, pool1000…1999: 1,111 rows deleted
    await db.execute("DELETE FROM accreditation WHERE conference_id = $1 AND status = 'approved'"
                     " AND erased_at IS NULL AND email LIKE 'pool1%'", conference.id)
    assert await _taken(db, conference.id) == (889, 889)


async def test_concurrent_approvals_never_pass_the_capacity(db_url: str) -> None:
    """Twenty press officers' approvals at once for a pool of five: five approved, fifteen
    refused as full, and the number kept says five."""
    now = datetime.now(UTC)
    body = conference_body(slug="pool-race")
    body["press_registration"]["pool_capacity"] = 5
    setup = await connect(direct_url(db_url))
    try:
        conference = await conferences.create_conference(
            setup, ConferenceIn.model_validate(body), ADMIN)
        ids = [(await service.register(setup, conference.slug, AccreditationIn.model_validate(
            press_body(n)), None, now)).id for n in range(20)]
    finally:
        await setup.close()
    conns = [await connect(direct_url(db_url)) for _ in ids]
    try:
        async def approve(conn: asyncpg.Connection, accreditation_id: object) -> str:
            try:
                await service.decide(conn, accreditation_id, "approve", None, PRESS_OFFICE, now)
            except PoolFull:
                return "full"
            return "approved"

        outcomes = await asyncio.gather(*(approve(c, i) for c, i in zip(conns, ids,
                                                                         strict=True)))
        assert outcomes.count("approved") == 5
        assert outcomes.count("full") == 15
        assert await _taken(conns[0], conference.id) == (5, 5)
    finally:
        for c in conns:
            await c.close()


async def test_two_batches_over_the_same_applications_never_deadlock(db_url: str) -> None:
    """Two press officers send the same two applications in a batch, in opposite orders, at the
    same moment: one batch decides both, the other is told they are decided already (no
    deadlock, no error of the database)."""
    now = datetime.now(UTC)
    body = conference_body(slug="pool-batch")
    body["press_registration"]["pool_capacity"] = 100
    first, second = await connect(direct_url(db_url)), await connect(direct_url(db_url))
    try:
        conference = await conferences.create_conference(
            first, ConferenceIn.model_validate(body), ADMIN)
        for round_ in range(4):
            a, b = [(await service.register(first, conference.slug, AccreditationIn.model_validate(
                press_body(10 * round_ + n)), None, now)).id for n in range(2)]

            async def batch(conn: asyncpg.Connection, ids: list[UUID]) -> str:
                try:
                    await service.decide_press_batch(conn, conference.id, ids, "approve",
                                                     PRESS_OFFICE, now)
                except IllegalTransition:
                    return "decided already"
                return "decided"

            outcomes = await asyncio.gather(batch(first, [a, b]), batch(second, [b, a]))
            assert sorted(outcomes) == ["decided", "decided already"]
            assert await _taken(first, conference.id) == (2 * round_ + 2, 2 * round_ + 2)
    finally:
        await first.close()
        await second.close()


async def test_an_approval_waits_for_a_duplicate_s_and_is_then_refused(db_url: str) -> None:
    """Two press officers approve two applications of one person (the same press card, two
    addresses) at the same moment: the second waits on the conference row while the first
    approval's transaction is open, then reads it approved and refuses (docs/workspaces.md,
    "Possible duplicates"); the number kept says one."""
    now = datetime.now(UTC)
    body = conference_body(slug="pool-dupes")
    first, second = await connect(direct_url(db_url)), await connect(direct_url(db_url))
    try:
        conference = await conferences.create_conference(
            first, ConferenceIn.model_validate(body), ADMIN)
        card = {"outlet": "Le Soir", "press_card_number": "BE 7", "role": "journalist",
                "country": "BE"}
        a, b = [(await service.register(first, conference.slug, AccreditationIn.model_validate(
            press_body(n, press=card)), None, now)).id for n in (1, 2)]
        open_tx = first.transaction()
        await open_tx.start()
        await service.decide(first, a, "approve", None, PRESS_OFFICE, now)
        waiting = asyncio.create_task(
            service.decide(second, b, "approve", None, PRESS_OFFICE, now))
        await asyncio.sleep(0.5)
        assert not waiting.done()  # on the conference row's lock
        await open_tx.commit()
        with pytest.raises(DuplicateApproved) as refused:
            await waiting
        assert refused.value.extra == {"duplicate_of": str(a)}
        assert await _taken(first, conference.id) == (1, 1)
    finally:
        await first.close()
        await second.close()


async def test_a_batch_with_two_applications_of_one_person_approves_none(
    db: asyncpg.Connection
) -> None:
    """The batch is all or none: the second application of one person (the same name at the
    same outlet, another card) is refused once the first is approved in the same transaction,
    so neither is (the desk's batch refuses them before, naming them)."""
    now = datetime.now(UTC)
    conference = await conferences.create_conference(
        db, ConferenceIn.model_validate(conference_body(slug="pool-dupes-batch")), ADMIN)
    a, b = [(await service.register(db, conference.slug, AccreditationIn.model_validate(
        press_body(n, family_name="Curie")), None, now)).id for n in (1, 2)]
    with pytest.raises(DuplicateApproved):
        await service.decide_press_batch(db, conference.id, [a, b], "approve", PRESS_OFFICE,
                                         now)
    assert await _taken(db, conference.id) == (0, 0)
    assert [r["status"] for r in await db.fetch(
        "SELECT status FROM accreditation WHERE id = ANY($1::uuid[])", [a, b])] == [
        "submitted", "submitted"]
