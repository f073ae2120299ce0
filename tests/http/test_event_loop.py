"""The event loop of the long-running commands (docs/architecture.md, "Event loop"): `worker`
and `serve` run on uvloop's by default, on the standard library's when `event_loop` says so;
either way the worker sends a registration's mail and stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest
import uvloop

from conference.cli import new_event_loop
from conference.settings import ConfigError, Settings, load_settings
from tests.conftest import conference_body, press_body, start_api
from tests.support import RecordingSMTP

pytestmark = pytest.mark.slow


def test_uvloop_by_default_the_standard_loop_on_request() -> None:
    loop = new_event_loop(Settings())
    try:
        assert isinstance(loop, uvloop.Loop)
    finally:
        loop.close()
    loop = new_event_loop(Settings(event_loop="asyncio"))
    try:
        assert not isinstance(loop, uvloop.Loop)
        assert isinstance(loop, asyncio.BaseEventLoop)
    finally:
        loop.close()


def test_an_unknown_event_loop_is_refused_naming_the_key(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFERENCE_EVENT_LOOP", "trio")
    with pytest.raises(ConfigError, match="event_loop"):
        load_settings()


@pytest.mark.parametrize("event_loop", ["uvloop", "asyncio"])
async def test_the_worker_sends_on_either_loop_and_stops_on_sigterm(
    event_loop: str, db_url: str, settings: Settings, smtp: RecordingSMTP, tmp_path: Path
) -> None:
    api = await start_api(db_url, settings, run_worker=False)
    try:
        assert (await api.call("POST", "/api/v1/conferences", role="admin",
                               json=conference_body()))[0] == 201
        status, _, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                      json=press_body())
        assert status == 201
    finally:
        await api.client.close()
    env = {**os.environ, "CONFERENCE_DATABASE__URL": db_url, "CONFERENCE_DATA_DIR": str(tmp_path),
           "CONFERENCE_SMTP__HOST": "127.0.0.1", "CONFERENCE_SMTP__PORT": str(smtp.port),
           "CONFERENCE_WORKER__POLL_SECONDS": "0.2", "CONFERENCE_LOG_FORMAT": "text",
           "CONFERENCE_LOG_LEVEL": "INFO", "CONFERENCE_EVENT_LOOP": event_loop}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "conference", "worker", env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )
    try:
        messages = await smtp.wait_for(1, timeout=30,
                                       where=lambda m: "marie.dupont" in str(m["To"]))
        assert messages
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.stderr is not None
        log = (await asyncio.wait_for(proc.stderr.read(), 30)).decode()
        code = await asyncio.wait_for(proc.wait(), 30)
    assert code == 0, log
    assert f"event loop: {event_loop}" in log
    assert "Traceback" not in log
