"""`conference serve --processes 2`: two serving processes, children of the parent, sharing the
port; requests succeed; SIGTERM to the parent stops them all, and a child that dies takes the
service down with a non-zero exit (no half-sized service limping on)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import uuid
from pathlib import Path

import aiohttp
import pytest

from tests.conftest import conference_body, press_body
from tests.support import wait_ready

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found += [int(c) for c in text]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


async def _start(db_url: str, tmp_path: Path) -> tuple[asyncio.subprocess.Process, int, str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONFERENCE_")}
    env.update(CONFERENCE_DATABASE__URL=db_url, CONFERENCE_DATA_DIR=str(tmp_path),
               CONFERENCE_LIMITS__REGISTRATIONS_PER_MINUTE="0")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "conference", "serve", "--port", str(port), "--processes", "2",
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    await wait_ready(base, proc)
    return proc, port, base


async def _wait_gone(pids: list[int], timeout: float = 30) -> None:
    for _ in range(int(timeout * 10)):
        if not any(_alive(p) for p in pids):
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"still running: {[p for p in pids if _alive(p)]}")


async def test_two_processes_serve_and_stop_on_sigterm(db_url: str, tmp_path: Path) -> None:
    proc, _, base = await _start(db_url, tmp_path)
    try:
        children = _children(proc.pid)
        assert len(children) == 2, children
        import asyncpg

        from conference.auth import Role, issue_token
        conn = await asyncpg.connect(db_url)
        try:
            admin = await issue_token(conn, Role.admin)
        finally:
            await conn.close()
        slug = "procs-" + uuid.uuid4().hex[:8]
        async with aiohttp.ClientSession() as http:
            async with http.post(f"{base}/api/v1/conferences", json=conference_body(slug),
                                 headers={"Authorization": f"Bearer {admin}"}) as r:
                assert r.status == 201, await r.text()

            async def one(n: int) -> int:
                # a connection each, so that the kernel spreads them over both processes
                async with aiohttp.ClientSession() as own, own.post(
                        f"{base}/api/v1/conferences/{slug}/accreditations",
                        json=press_body(n)) as r:
                    return r.status

            statuses = await asyncio.gather(*(one(n) for n in range(1, 41)))
            assert statuses == [201] * 40
        assert all(_alive(c) for c in children)
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 30) == 0
        await _wait_gone(children)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


async def test_a_child_that_dies_stops_the_service(db_url: str, tmp_path: Path) -> None:
    proc, _, _ = await _start(db_url, tmp_path)
    try:
        children = _children(proc.pid)
        assert len(children) == 2, children
        os.kill(children[1], signal.SIGKILL)
        assert await asyncio.wait_for(proc.wait(), 30) == 1
        await _wait_gone(children)
        assert proc.stderr is not None
        assert b"stopping the others" in await proc.stderr.read()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
