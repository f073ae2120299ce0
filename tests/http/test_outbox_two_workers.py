"""Two workers on one conference (docs/outbox.md, "Locks"): registrations and approvals arrive
while both dispatch, so each worker's batches mix acknowledgements (a fresh private link: the
accreditation's row) and approvals (the calendar, under the conference's lock). Neither worker
may deadlock the other, every message goes out once, and the registrations filed meanwhile all
answer at once."""

from __future__ import annotations

import asyncio

import asyncpg

from conference.db.pool import create_pool
from conference.mail.sender import Mailer
from conference.outbox.worker import Worker
from conference.runtime import consumers
from conference.settings import Settings
from tests.conftest import conference_body, direct_url, start_api
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_calendar_flow import is_invitation, official
from tests.support import RecordingSMTP, outbox_settled

BASE = "/api/v1/conferences/alliance"
PEOPLE = 120
SESSIONS = 4
CLIENTS = 12
# the outbox settles in 11 s on a quiet machine, 37 s beside six busy processes, over 60 s in
# a loaded local CI (four test processes and a browser beside): the bound says "stuck"
SETTLE = 180.0


async def _deadlocks(conn: asyncpg.Connection) -> int:
    await conn.execute("SELECT pg_stat_clear_snapshot()")
    return int(await conn.fetchval(
        "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"))


async def _settled(probe: asyncpg.Connection, tasks: list[asyncio.Task[None]]) -> None:
    """The outbox settled; if not, what is pending (tests.support) and whether each worker
    still runs: a worker whose loops ended leaves its work to the other, or to nobody."""
    try:
        await outbox_settled(probe, SETTLE)
    except AssertionError as exc:
        workers = [f"worker {n}: " + ("running" if not t.done() else "cancelled" if t.cancelled()
                                      else f"ended ({t.exception()!r})")
                   for n, t in enumerate(tasks)]
        raise AssertionError("\n".join([str(exc), *workers])) from None


async def test_two_workers_on_one_conference_never_deadlock(
    db_url: str, settings: Settings, smtp: RecordingSMTP
) -> None:
    quick = settings.model_copy(update={"worker": settings.worker.model_copy(update={
        "batch_size": 20, "poll_seconds": 0.05, "backoff_base_seconds": 0.05,
        "backoff_max_seconds": 0.2, "max_attempts": 50})})
    api = await start_api(db_url, quick, run_worker=False)
    probe = await asyncpg.connect(direct_url(db_url))
    pools: list[asyncpg.Pool] = []
    workers: list[Worker] = []
    tasks: list[asyncio.Task[None]] = []
    try:
        status, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                               json=conference_body())
        assert status == 201, conference
        delegations = [(await make_delegation(api, c))["id"] for c in ("BE", "FR", "DE", "NL")]
        room = await make_room(api)
        for h in range(SESSIONS):
            await make_session(api, room, at(conference, 9 + h), at(conference, 9 + h, 50),
                               audience=["official"])
        status, body, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
        assert status == 201, body

        for _ in range(2):
            pool = await create_pool(db_url, quick.database)
            pools.append(pool)
            worker = Worker(pool, quick, Mailer(quick.smtp, "127.0.0.1", smtp.port),
                            direct_url(db_url), consumers())
            workers.append(worker)
            tasks.append(asyncio.create_task(worker.run()))
        await _settled(probe, tasks)
        before = await _deadlocks(probe)
        earlier = await probe.fetchval("SELECT count(*) FROM delivery")  # the focal points'

        answers: list[tuple[str, int]] = []
        queue: asyncio.Queue[int] = asyncio.Queue()
        for n in range(PEOPLE):
            queue.put_nowait(n)

        async def client() -> None:
            # Register, then approve at once: the acknowledgement (submitted) and the decision
            # (approved) of one person are dispatched by either worker, in any batch.
            while not queue.empty():
                n = queue.get_nowait()
                body = official(delegations[n % len(delegations)], n)
                status, created, _ = await api.call("POST", f"{BASE}/accreditations",
                                                    role="protocol", json=body)
                answers.append(("register", status))
                if status != 201:
                    continue
                status, _, _ = await api.call(
                    "POST", f"/api/v1/accreditations/{created['id']}/decision",
                    role="protocol", json={"decision": "approve"})
                answers.append(("approve", status))

        await asyncio.gather(*(client() for _ in range(CLIENTS)))
        await _settled(probe, tasks)
        for worker in workers:
            worker.stop()
        await asyncio.gather(*tasks)
        tasks.clear()
        for pool in pools:  # a backend reports its statistics when it ends
            await pool.close()
        pools.clear()
        await asyncio.sleep(0.5)

        assert [a for a in answers if a[1] not in (200, 201)] == []
        assert len(answers) == 2 * PEOPLE
        assert await _deadlocks(probe) - before == 0

        # Every message once: an acknowledgement and a decision per person, the decision told
        # to their delegation's focal point, an invitation per person and session; nothing
        # failed, nothing sent twice.
        rows = await probe.fetch("SELECT status, message_id FROM delivery")
        assert {r["status"] for r in rows} == {"sent"}
        assert len(rows) == earlier + 3 * PEOPLE + PEOPLE * SESSIONS
        ids = [str(m["Message-ID"]) for m in smtp.messages]
        assert sorted(ids) == sorted(r["message_id"] for r in rows)
        assert len(set(ids)) == len(ids)
        assert len([m for m in smtp.messages if is_invitation(m)]) == PEOPLE * SESSIONS
        failed = await probe.fetchval(
            "SELECT count(*) FROM domain_event WHERE dispatch_attempts > 0"
            " OR cardinality(consumers_failed) > 0")
        assert failed == 0
    finally:
        for worker in workers:
            worker.stop()
        await asyncio.gather(*tasks, return_exceptions=True)
        for pool in pools:
            await pool.close()
        await probe.close()
        await api.client.close()
