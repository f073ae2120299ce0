"""``db.pool.retried_transaction`` (docs/architecture.md, "Deadlocks"): a transaction aborted by
PostgreSQL to break a deadlock is run again from the start, up to a number of runs, after which
the deadlock is raised. A real PostgreSQL: the deadlock is made with two connections, not
simulated."""

from __future__ import annotations

import asyncio
from contextlib import AsyncExitStack

import asyncpg
import pytest

from conference.db.pool import retried_transaction
from tests.conftest import direct_url


@pytest.fixture
async def pair(db: asyncpg.Connection) -> asyncpg.Connection:
    """``db`` with a table of its own to lock and count in."""
    await db.execute("CREATE TABLE lock_pair (id int PRIMARY KEY, runs int NOT NULL DEFAULT 0)")
    return db


class Work:
    """A transaction's work that runs ``statements`` in order and counts its runs."""

    def __init__(self, *statements: str) -> None:
        self.statements = statements
        self.runs = 0

    async def __call__(self, conn: asyncpg.Connection) -> int:
        self.runs += 1
        for statement in self.statements:
            await conn.execute(statement)
        return self.runs


async def _blocked(conn: asyncpg.Connection, waiter: int) -> None:
    """Wait until the backend ``waiter`` (the work's) waits for a lock. Not "any other backend":
    the server is shared with the other test processes, whose waits would answer too (a local
    CI run saw the work run three times)."""
    for _ in range(500):
        if await conn.fetchval(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                " AND pid = $1", waiter):
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the transaction never waited for the lock")


@pytest.mark.parametrize("outer", [False, True], ids=["transaction", "savepoint"])
async def test_a_run_aborted_by_a_deadlock_is_run_again_and_commits(
    pair: asyncpg.Connection, db_url: str, outer: bool
) -> None:
    await pair.execute("INSERT INTO lock_pair (id) VALUES (1), (2)")
    # the first run waits for row 2 while it holds row 1, which the other transaction then
    # waits for
    work = Work("UPDATE lock_pair SET runs = runs + 1 WHERE id = 1",
                "UPDATE lock_pair SET runs = runs + 1 WHERE id = 2")

    other = await asyncpg.connect(direct_url(db_url))
    try:
        # the other transaction holds row 2, and will wait for row 1, which the work holds by
        # then; it waits longer before looking for a deadlock, so PostgreSQL finds it from the
        # work's side and aborts the work's statement
        tx = other.transaction()
        await tx.start()
        await other.execute("SET LOCAL deadlock_timeout = '10s'")
        await other.execute("UPDATE lock_pair SET runs = runs + 10 WHERE id = 2")
        async with AsyncExitStack() as caller:
            if outer:
                # inside a caller's transaction, whose own write stays: the runs are savepoints
                await caller.enter_async_context(pair.transaction())
                await pair.execute("INSERT INTO lock_pair (id) VALUES (3)")
            done = asyncio.create_task(retried_transaction(pair, work))
            await _blocked(other, pair.get_server_pid())
            await other.execute("UPDATE lock_pair SET runs = runs + 10 WHERE id = 1")
            await tx.commit()
            # run again at least once; under load the retried run can take row 1 before the
            # other transaction, woken from its wait for it, and deadlock a second time (local CI
            # on a5a67ca: three runs). The rows below show the work committed once, whatever
            # the number of runs
            assert await done >= 2
    finally:
        await other.close()
    # the aborted run left nothing: each row counts the other transaction's change and one run
    rows = await pair.fetch("SELECT id, runs FROM lock_pair ORDER BY id")
    assert [tuple(r) for r in rows] == ([(1, 11), (2, 11), (3, 0)] if outer
                                        else [(1, 11), (2, 11)])


async def test_after_its_last_run_the_deadlock_is_raised(pair: asyncpg.Connection) -> None:
    # the error PostgreSQL raises when it breaks a deadlock (SQLSTATE 40P01), every run
    work = Work("INSERT INTO lock_pair (id) VALUES (1)",
                "DO $$ BEGIN RAISE EXCEPTION 'deadlock' USING ERRCODE = 'deadlock_detected';"
                " END $$")
    with pytest.raises(asyncpg.DeadlockDetectedError):
        await retried_transaction(pair, work, tries=4)
    assert work.runs == 4
    # each run was rolled back: the row it wrote is not there
    assert await pair.fetchval("SELECT count(*) FROM lock_pair") == 0


async def test_any_other_error_is_raised_at_once(pair: asyncpg.Connection) -> None:
    work = Work("INSERT INTO lock_pair (id) VALUES (1), (1)")
    with pytest.raises(asyncpg.UniqueViolationError):
        await retried_transaction(pair, work)
    assert work.runs == 1
