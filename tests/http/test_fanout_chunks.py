"""A publication to many is dispatched in steps, each committed at once: the first invitations
are sent while the rest are still being rendered, and a worker gone between two steps leaves a
fan-out that another worker finishes with nothing lost and nothing twice."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import pytest

from conference.db.pool import create_pool
from conference.mail.sender import Mailer
from conference.outbox.worker import Worker
from conference.runtime import consumers
from conference.settings import Settings
from tests.conftest import conference_body, start_api
from tests.http.conftest_programme import make_delegation
from tests.http.test_calendar_flow import approved, is_invitation, official, read_invite
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"
PEOPLE = 30
SESSIONS = 2


@pytest.fixture
def stepped(settings: Settings) -> Settings:
    data = settings.model_dump()
    data["worker"].update(dispatch_first_step=5, dispatch_max_step=20)
    return Settings.model_validate(data)


@pytest.fixture
async def published(db_url: str, stepped: Settings) -> AsyncIterator[int]:
    """A conference with PEOPLE approved officials and SESSIONS sessions, just published (no
    worker has run yet); yields the id of the programme.published event."""
    api = await start_api(db_url, stepped, run_worker=False)
    try:
        assert (await api.call("POST", "/api/v1/conferences", role="admin",
                               json=conference_body()))[0] == 201
        be = await make_delegation(api, "BE")
        for n in range(PEOPLE):
            await approved(api, official(be["id"], n, "fr" if n % 2 else "en"), "protocol",
                           "protocol")
        _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                    json={"name": "Plenary", "capacity": 500})
        _, conf, _ = await api.call("GET", BASE)
        day = datetime.fromisoformat(conf["starts_on"]).replace(tzinfo=ZoneInfo("Europe/Brussels"))
        for h in range(9, 9 + SESSIONS):
            status, _, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
                "title": {"fr": f"Séance {h}", "en": f"Session {h}"}, "kind": "plenary",
                "room_id": room["id"], "starts_at": (day + timedelta(hours=h)).isoformat(),
                "ends_at": (day + timedelta(hours=h, minutes=50)).isoformat(),
                "audience": ["official"]})
            assert status == 201
        # the approvals' own events first (after the publication they would send the
        # invitations), and their letters sent (to a mailbox of their own): a person's
        # invitations never overtake their letters (docs/outbox.md)
        letters = RecordingSMTP()
        await letters.start()
        worker = await _worker(db_url, stepped, letters)
        try:
            while await worker.dispatch_once() or await worker.send_once():
                pass
        finally:
            await _close(worker)
            await letters.stop()
        # welcome; acknowledgements, approvals, and each approval told to the focal point
        # (docs/lifecycle.md, "Letters")
        assert len(letters.messages) == 1 + 3 * PEOPLE
        assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    finally:
        await api.client.close()
    conn = await asyncpg.connect(db_url)
    try:
        yield await conn.fetchval(
            "SELECT id FROM domain_event WHERE type = 'programme.published'")
    finally:
        await conn.close()


async def _worker(db_url: str, settings: Settings, smtp: RecordingSMTP) -> Worker:
    pool = await create_pool(db_url, settings.database)
    mailer = Mailer(settings.smtp, "127.0.0.1", smtp.port)
    return Worker(pool, settings, mailer, db_url, consumers())


async def _close(worker: Worker) -> None:
    await worker.mailer.close()
    assert worker.webhooks is None  # this test worker sends mail only
    await worker.pool.close()


async def _state(db_url: str, event_id: int) -> tuple[bool, int]:
    """(is the event dispatched?, its invitations in the delivery table)"""
    conn = await asyncpg.connect(db_url)
    try:
        dispatched = await conn.fetchval(
            "SELECT dispatched_at IS NOT NULL FROM domain_event WHERE id = $1", event_id)
        count = await conn.fetchval(
            "SELECT count(*) FROM delivery WHERE event_id = $1 AND template LIKE 'invitation_%'",
            event_id)
        return bool(dispatched), int(count)
    finally:
        await conn.close()


async def _step_into(worker: Worker, db_url: str, event_id: int) -> tuple[bool, int]:
    """Dispatch until the event's first step is committed."""
    for _ in range(100):
        await worker.dispatch_once()
        dispatched, count = await _state(db_url, event_id)
        if dispatched or count:
            return dispatched, count
    raise AssertionError("the publication was never dispatched")


async def _send_all(worker: Worker) -> None:
    while await worker.dispatch_once() or await worker.send_once():
        pass


def _invitations(smtp: RecordingSMTP) -> list[Any]:
    return [read_invite(m) for m in smtp.messages if is_invitation(m)]


async def test_first_invitations_go_out_before_the_event_is_dispatched(
    db_url: str, stepped: Settings, smtp: RecordingSMTP, published: int
) -> None:
    worker = await _worker(db_url, stepped, smtp)
    try:
        dispatched, count = await _step_into(worker, db_url, published)
        assert (dispatched, count) == (False, 5)  # the first step only, committed
        await worker.send_once()
        await worker.send_once()
        assert len(_invitations(smtp)) == 5  # sent while the rest is not even rendered
        steps = [count]
        while not dispatched:
            await worker.dispatch_once()
            dispatched, count = await _state(db_url, published)
            steps.append(count)
        assert steps == [5, 25, 45, 60]  # 5, then 20 at most a transaction
        await _send_all(worker)
    finally:
        await _close(worker)
    conn = await asyncpg.connect(db_url)
    try:  # the sent marks (grouped, asynchronous commit) are all there when send_once returns
        assert await conn.fetchval("SELECT count(*) FILTER (WHERE status <> 'sent'"
                                   " OR message IS NOT NULL) FROM delivery") == 0
    finally:
        await conn.close()
    invites = _invitations(smtp)
    assert len(invites) == PEOPLE * SESSIONS
    assert len({(i.to, i.uid) for i in invites}) == PEOPLE * SESSIONS
    assert len({m["Message-ID"] for m in smtp.messages}) == len(smtp.messages)


async def test_a_worker_gone_between_steps_leaves_nothing_lost_and_nothing_twice(
    db_url: str, stepped: Settings, smtp: RecordingSMTP, published: int
) -> None:
    first = await _worker(db_url, stepped, smtp)
    try:
        await _step_into(first, db_url, published)
        await first.dispatch_once()
        await first.send_once()
    finally:
        await _close(first)  # gone: its next steps never happen
    dispatched, count = await _state(db_url, published)
    assert not dispatched and 0 < count < PEOPLE * SESSIONS
    sent_before = len(_invitations(smtp))
    assert sent_before > 0

    second = await _worker(db_url, stepped, smtp)  # starts again with a small step
    try:
        await _send_all(second)
    finally:
        await _close(second)
    assert await _state(db_url, published) == (True, PEOPLE * SESSIONS)
    invites = _invitations(smtp)
    per_pair = Counter((i.to, i.uid) for i in invites)
    assert len(per_pair) == PEOPLE * SESSIONS
    assert set(per_pair.values()) == {1}
    conn = await asyncpg.connect(db_url)
    try:  # the webhooks consumer, finished in the first step, was recorded as such
        done = await conn.fetchval("SELECT consumers_done FROM domain_event WHERE id = $1",
                                   published)
        assert done == ["conference.webhooks.repo:webhook_deliveries"]
    finally:
        await conn.close()


CALENDAR = "conference.calendar.invitations:calendar_invitations"


async def test_each_step_starts_where_the_last_one_stopped(
    db_url: str, stepped: Settings, smtp: RecordingSMTP, published: int
) -> None:
    """Attendees are taken in accreditation order; the step saves the last one it finished (its
    cursor) with its deliveries, and the next step starts after it."""
    conn = await asyncpg.connect(db_url)
    try:
        order = [r["id"] for r in await conn.fetch(
            "SELECT id FROM accreditation WHERE status = 'approved' ORDER BY seq")]
        seqs = [r["seq"] for r in await conn.fetch(
            "SELECT seq FROM accreditation WHERE status = 'approved' ORDER BY seq")]
        worker = await _worker(db_url, stepped, smtp)
        try:
            await _step_into(worker, db_url, published)
            # 5 invitations, 2 sessions each: the first two attendees, and one of the third's
            cursors = json.loads(await conn.fetchval(
                "SELECT consumer_cursors FROM domain_event WHERE id = $1", published))
            assert cursors == {CALENDAR: str(seqs[1])}
            got = Counter(r["accreditation_id"] for r in await conn.fetch(
                "SELECT accreditation_id FROM delivery WHERE event_id = $1", published))
            assert got == Counter({order[0]: 2, order[1]: 2, order[2]: 1})
            await worker.dispatch_once()  # 20 more: the third's second, then 9½ attendees
            cursors = json.loads(await conn.fetchval(
                "SELECT consumer_cursors FROM domain_event WHERE id = $1", published))
            assert cursors == {CALENDAR: str(seqs[11])}
            await _send_all(worker)
        finally:
            await _close(worker)
        assert json.loads(await conn.fetchval(
            "SELECT consumer_cursors FROM domain_event WHERE id = $1", published)) == {}
    finally:
        await conn.close()
    per_pair = Counter((i.to, i.uid) for i in _invitations(smtp))
    assert len(per_pair) == PEOPLE * SESSIONS and set(per_pair.values()) == {1}


async def test_a_worker_taking_over_starts_at_the_saved_cursor(
    db_url: str, stepped: Settings, smtp: RecordingSMTP, published: int
) -> None:
    """The cursor is what the next step reads: moved past everyone (as if a worker had done
    them all), the next worker sends nothing more and finishes the event."""
    first = await _worker(db_url, stepped, smtp)
    try:
        await _step_into(first, db_url, published)
    finally:
        await _close(first)
    conn = await asyncpg.connect(db_url)
    try:
        last = await conn.fetchval("SELECT max(seq) FROM accreditation")
        await conn.execute("UPDATE domain_event SET consumer_cursors = $2::jsonb WHERE id = $1",
                           published, json.dumps({CALENDAR: str(last)}))
    finally:
        await conn.close()
    second = await _worker(db_url, stepped, smtp)
    try:
        await _send_all(second)
    finally:
        await _close(second)
    assert await _state(db_url, published) == (True, 5)
    assert len(_invitations(smtp)) == 5


async def test_the_sent_mark_commits_asynchronously_and_leaves_the_session_as_it_was(
    db_url: str,
) -> None:
    """The mark sets synchronous_commit for its own (implicit) transaction only: the pooled
    connection, reused without a reset, keeps the default."""
    from conference.outbox.worker import Q

    conn = await asyncpg.connect(db_url)
    try:
        assert await conn.fetchval("SHOW synchronous_commit") == "on"
        assert "set_config('synchronous_commit', 'off', true)" in Q["mark_sent"]
        await conn.execute(Q["mark_sent"], [])
        await conn.execute("SELECT 1 FROM delivery LIMIT 1")
        assert await conn.fetchval("SHOW synchronous_commit") == "on"
        async with conn.transaction():  # within a transaction: off until its end
            await conn.fetchval("SELECT set_config('synchronous_commit', 'off', true)")
            assert await conn.fetchval("SHOW synchronous_commit") == "off"
        assert await conn.fetchval("SHOW synchronous_commit") == "on"
    finally:
        await conn.close()


async def test_the_claim_reads_the_due_index_instead_of_sorting_the_queue(db_url: str) -> None:
    """With thousands queued (a fan-out), a claim reads the first rows of delivery_due_order."""
    from conference.outbox.worker import Q

    conn = await asyncpg.connect(db_url)
    try:
        await conn.execute(
            "INSERT INTO delivery (template, dedupe_key, recipient, sender, subject, message_id,"
            " message) SELECT 'invitation_request', 'plan-' || g, 'a@example.org',"
            " 'b@example.org', 's', '<' || g || '@x>', '\\x00'::bytea"
            " FROM generate_series(1, 5000) g")
        await conn.execute("ANALYZE delivery")
        async with conn.transaction():
            plan = "\n".join(r[0] for r in await conn.fetch("EXPLAIN " + Q["claim_deliveries"],
                                                            100, 60.0))
            assert "Index Scan using delivery_due_order on delivery " in plan, plan
            assert "Sort Key: delivery.next_attempt_at" not in plan, plan
            claimed = await conn.fetch(Q["claim_deliveries"], 100, 60.0)
        assert len(claimed) == 100
        first = await conn.fetch("SELECT id FROM delivery ORDER BY seq LIMIT 100")
        assert {r["id"] for r in claimed} == {r["id"] for r in first}
    finally:
        await conn.close()


async def test_the_steps_of_a_publication_build_each_message_skeleton_once(
    db_url: str, stepped: Settings, smtp: RecordingSMTP, published: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What a publication renders once per session version (the MIME skeleton) is kept from
    one step to the next, not rebuilt by every step; the messages are the same all the same."""
    from conference.calendar import invitations

    built: list[str] = []
    real = invitations.InvitationSkeleton.build

    def counting(**kw: Any) -> Any:
        built.append(kw["subject"])
        return real(**kw)

    monkeypatch.setattr(invitations.InvitationSkeleton, "build", counting)
    worker = await _worker(db_url, stepped, smtp)
    try:
        steps = 0
        while not (await _state(db_url, published))[0]:
            await worker.dispatch_once()
            steps += 1
        await _send_all(worker)
    finally:
        await _close(worker)
    assert steps >= 3  # 60 invitations in steps of 5, 20, 20, 15
    # one skeleton per session and language (the officials write French or English), not one
    # per step ("é" is the worker's warm-up)
    subjects = [b for b in built if b != "é"]
    assert len(subjects) == len(set(subjects)) == SESSIONS * 2, built
    per_pair = Counter((i.to, i.uid) for i in _invitations(smtp))
    assert len(per_pair) == PEOPLE * SESSIONS and set(per_pair.values()) == {1}
