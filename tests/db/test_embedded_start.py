"""Starts of the embedded PostgreSQL take turns on a machine (docs/architecture.md, "Embedded
PostgreSQL"): on a fresh machine, four test processes starting at once raced on creating the
server's system user, and one of them was left with no server (CI of 1 December 2026)."""

from __future__ import annotations

import asyncio
import fcntl
import os
import tempfile
from pathlib import Path

import asyncpg

from conference.db.embedded import start_embedded


async def test_a_start_waits_for_the_one_under_way(tmp_path: Path) -> None:
    lock = os.open(Path(tempfile.gettempdir()) / "conference-embedded-start.lock",
                   os.O_RDONLY | os.O_CREAT, 0o644)
    data_dir = Path(tempfile.mkdtemp(prefix="conference-test-pg-"))
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process's start, under way
        start = asyncio.ensure_future(asyncio.to_thread(start_embedded, data_dir,
                                                        throwaway=True))
        await asyncio.sleep(8)  # a start alone takes about 4 s on this machine
        assert not start.done(), "the start did not wait for its turn"
        fcntl.flock(lock, fcntl.LOCK_UN)  # that start is done: this one goes on
        url = await asyncio.wait_for(start, 120)
    finally:
        os.close(lock)
    conn = await asyncpg.connect(url)
    try:
        assert await conn.fetchval("SELECT 1") == 1
    finally:
        await conn.close()
