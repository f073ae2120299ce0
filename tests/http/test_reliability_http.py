"""Limits that hold and HTTP hygiene: an applicant's token lifts no limit, the client behind
proxies is the rightmost untrusted hop, only JSON reaches the API, slow bodies time out,
malformed requests log one line, API answers are not cached, and /metrics is not public."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from conference.settings import Settings
from tests.conftest import Api, conference_body, press_body, start_api

REGISTER = "/api/v1/conferences/alliance/accreditations"


def _with(settings: Settings, **sections: dict[str, Any]) -> Settings:
    data = settings.model_dump()
    for name, values in sections.items():
        data[name] = {**data[name], **values}
    return Settings.model_validate(data)


@pytest.fixture
async def limited(db_url: str, settings: Settings) -> AsyncIterator[Api]:
    service = await start_api(db_url, _with(
        settings, limits={"registrations_per_minute": 1, "registration_burst": 2},
        http={"trusted_proxies": ["10.0.0.0/8", "127.0.0.0/8"]}), run_worker=False)
    status, body, _ = await service.call("POST", "/api/v1/conferences", role="admin",
                                         json=conference_body())
    assert status == 201, body
    yield service
    await service.client.close()


async def test_an_applicants_token_does_not_lift_the_registration_limit(limited: Api) -> None:
    status, first, _ = await limited.call("POST", REGISTER, json=press_body(1))
    assert status == 201, first
    token = first["access_token"]
    statuses = [(await limited.call("POST", REGISTER, json=press_body(n), role=token))[0]
                for n in range(2, 6)]
    assert statuses[0] == 201
    assert 429 in statuses, statuses


async def test_organisers_are_not_limited(limited: Api) -> None:
    statuses = [(await limited.call("POST", REGISTER, json=press_body(n), role="admin"))[0]
                for n in range(1, 6)]
    assert statuses == [201] * 5


async def test_the_client_chosen_leftmost_forwarded_entry_does_not_key_the_limit(
    limited: Api
) -> None:
    statuses = []
    for n in range(1, 6):
        # Each request claims another origin on the left; the proxy (10.1.1.1) appended the
        # real client, 203.0.113.7, on the right.
        xff = f"198.51.100.{n}, 203.0.113.7, 10.1.1.1"
        status, _, _ = await limited.call("POST", REGISTER, json=press_body(n),
                                          headers={"X-Forwarded-For": xff})
        statuses.append(status)
    assert 429 in statuses, statuses
    # Another real client behind the same proxy is not affected.
    status, body, _ = await limited.call(
        "POST", REGISTER, json=press_body(9),
        headers={"X-Forwarded-For": "203.0.113.8, 10.1.1.1"})
    assert status == 201, body


async def test_a_proxy_count_takes_the_hop_it_added(db_url: str, settings: Settings) -> None:
    service = await start_api(db_url, _with(
        settings, limits={"registrations_per_minute": 1, "registration_burst": 1},
        http={"trust_forwarded": True}), run_worker=False)
    try:
        await service.call("POST", "/api/v1/conferences", role="admin", json=conference_body())
        statuses = [(await service.call(
            "POST", REGISTER, json=press_body(n),
            headers={"X-Forwarded-For": f"198.51.100.{n}, 203.0.113.7"}))[0]
            for n in range(1, 4)]
        assert statuses[0] == 201 and statuses[1:] == [429, 429], statuses
    finally:
        await service.client.close()


def test_trusted_proxies_setting_is_checked() -> None:
    from conference.settings import ConfigError, load_settings

    with pytest.raises(ConfigError, match="http.trusted_proxies"):
        load_settings(http={"trusted_proxies": ["not-a-network"]})
    assert load_settings(http={"trusted_proxies": 2}).http.proxies == 2
    assert load_settings(http={"trust_forwarded": True}).http.proxies == 1


async def test_a_text_plain_post_to_the_api_is_refused_415(api: Api) -> None:
    await api.call("POST", "/api/v1/conferences", role="admin", json=conference_body())
    import json

    status, body, resp = await api.call("POST", REGISTER, data=json.dumps(press_body()),
                                        headers={"Content-Type": "text/plain"})
    assert status == 415, body
    assert resp.headers["Content-Type"] == "application/problem+json"
    _, page, _ = await api.call("GET", "/api/v1/conferences/alliance/accreditations",
                                role="admin")
    assert page["items"] == []


async def test_api_answers_are_not_stored_nor_sniffed(api: Api) -> None:
    await api.call("POST", "/api/v1/conferences", role="admin", json=conference_body())
    status, body, resp = await api.call("POST", REGISTER, json=press_body())
    assert status == 201 and "access_token" in body
    assert resp.headers["Cache-Control"] == "no-store"
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    _, _, resp = await api.call("GET", "/api/v1/accreditations/00000000-0000-0000-0000-0"
                                "00000000000", role="admin")
    assert resp.status == 404
    assert resp.headers["Cache-Control"] == "no-store"
    assert resp.headers["X-Content-Type-Options"] == "nosniff"


async def test_metrics_need_an_admin_token(api: Api) -> None:
    assert (await api.call("GET", "/metrics"))[0] == 401
    assert (await api.call("GET", "/metrics", role="protocol"))[0] == 403
    status, text, _ = await api.call("GET", "/metrics", role="admin")
    assert status == 200 and "conference_events_undispatched" in text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


async def test_metrics_are_open_on_their_own_address(db_url: str, settings: Settings) -> None:
    port = _free_port()
    service = await start_api(db_url, _with(settings, metrics={"host": "127.0.0.1",
                                                                "port": port}),
                              run_worker=False)
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}/metrics") as resp:
                assert resp.status == 200
                assert "conference_events_undispatched" in await resp.text()
            async with session.get(f"http://127.0.0.1:{port}/api/v1/openapi.json") as resp:
                assert resp.status == 404
        assert (await service.call("GET", "/metrics"))[0] == 401
    finally:
        await service.client.close()


async def _raw(api: Api, data: bytes, wait: float = 5.0) -> bytes:
    reader, writer = await asyncio.open_connection(api.client.host, api.client.port)
    try:
        writer.write(data)
        await writer.drain()
        async with asyncio.timeout(wait):
            return await reader.read(4096)
    finally:
        writer.close()


async def test_a_malformed_request_logs_one_line_at_info(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    answer = await _raw(api, b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 400") or answer.startswith(b"HTTP/1.1 400")
    await asyncio.sleep(0.1)
    server = [r for r in caplog.records if r.name.startswith("aiohttp")]
    assert [(r.levelno, r.getMessage()) for r in server] == [
        (logging.INFO, "malformed request 400")]
    assert all(r.exc_info is None for r in server)


async def test_a_slow_body_times_out(db_url: str, settings: Settings, tmp_path: Path) -> None:
    service = await start_api(db_url, _with(settings, http={"read_timeout_seconds": 0.5}),
                              run_worker=False)
    try:
        started = asyncio.get_running_loop().time()
        answer = await _raw(service, b"POST " + REGISTER.encode() + b" HTTP/1.1\r\nHost: x\r\n"
                            b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
                            wait=10)
        assert answer.split(b"\r\n", 1)[0].endswith(b"408 Request Timeout"), answer[:80]
        assert asyncio.get_running_loop().time() - started < 5
    finally:
        await service.client.close()
