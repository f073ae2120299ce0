"""The `conference` command as a newcomer runs it: `serve` with no database and no relay set
starts the embedded PostgreSQL and the local mail sink; a press registration lands a readable
message in the maildir. Also `migrate` and `token create`."""

from __future__ import annotations

import asyncio
import email
import email.policy
import mailbox
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Iterator
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


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONFERENCE_")}
    env.update(extra)
    return env


@pytest.fixture
def data_dir() -> Iterator[Path]:
    """The data directory of a `serve` with the embedded server: not under pytest's basetemp,
    which another pytest session starting on the machine sets back to mode 0700, where the
    embedded server's own system user can no longer reach its data (tests/conftest.py)."""
    path = Path(tempfile.mkdtemp(prefix="conference-test-serve-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


async def test_serve_with_embedded_database_and_local_sink(data_dir: Path) -> None:
    tmp_path = data_dir
    port = _free_port()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "conference", "serve", "--port", str(port),
        env=_env(CONFERENCE_DATA_DIR=str(tmp_path), CONFERENCE_WORKER__POLL_SECONDS="0.3"),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        lines = []
        assert proc.stdout is not None
        while not any(line.startswith("Admin token") for line in lines):
            line = await asyncio.wait_for(proc.stdout.readline(), 60)
            assert line, (lines, await proc.stderr.read() if proc.stderr else b"")
            lines.append(line.decode().strip())
        assert lines[0] == f"Serving on http://127.0.0.1:{port}  (API: http://127.0.0.1:{port}" \
                           "/api/v1/openapi.json)"
        assert str(tmp_path / "mail") in lines[1]
        token = lines[2].rsplit(" ", 1)[1]
        base = f"http://127.0.0.1:{port}"
        await wait_ready(base)
        async with aiohttp.ClientSession() as http:
            async with http.post(f"{base}/api/v1/conferences", json=conference_body(),
                                 headers={"Authorization": f"Bearer {token}"}) as r:
                assert r.status == 201, await r.text()
            async with http.post(f"{base}/api/v1/conferences/alliance/accreditations",
                                 json=press_body()) as r:
                assert r.status == 201
        box = mailbox.Maildir(tmp_path / "mail", create=False)
        for _ in range(100):
            if len(box) >= 3:
                break
            await asyncio.sleep(0.1)
        messages = [email.message_from_bytes(box.get_bytes(k), policy=email.policy.default)
                    for k in box.keys()]
        notice = next(m for m in messages if "marie.dupont@example.org" in str(m["To"]))
        text = notice.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
        assert "Michele Cercone, +32 2 298 09 63" in text
    finally:
        proc.terminate()
        await asyncio.wait_for(proc.wait(), 30)


async def test_migrate_and_token_create(db_url: str) -> None:
    env = _env(CONFERENCE_DATABASE__URL=db_url)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "conference", "migrate", env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    assert proc.returncode == 0
    assert out.decode().strip() == "nothing to apply"
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "conference", "token", "create", "--role", "protocol", env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    assert proc.returncode == 0
    token = out.decode()
    assert token.count("\n") == 1 and len(token.strip()) == 43
    import asyncpg

    from conference.auth import resolve_token
    conn = await asyncpg.connect(db_url)
    try:
        principal = await resolve_token(conn, token.strip())
        assert principal is not None and principal.role == "protocol"
        stored = await conn.fetchval("SELECT token_hash FROM api_token WHERE id = $1",
                                     principal.token_id)
        assert token.strip().encode() not in stored
    finally:
        await conn.close()


async def test_bad_config_fails_naming_the_key(tmp_path: Path) -> None:
    f = tmp_path / "c.toml"
    f.write_text("[smtp]\nprot = 25\n")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "conference", "migrate", "--config", str(f), env=_env(),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _, err = await proc.communicate()
    assert proc.returncode == 2
    assert "smtp.prot" in err.decode()
