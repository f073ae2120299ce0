"""Webhooks: endpoints inside the service's networks are refused (unless
webhooks.allow_private), and deleting an endpoint cancels its queued deliveries."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
import pytest

from conference.settings import Settings, WebhookSettings
from tests.conftest import Api, press_body, start_api
from tests.http.test_webhooks import Receiver

BASE = "/api/v1/conferences/alliance"


@pytest.mark.parametrize("url", [
    "https://127.0.0.1/x", "https://localhost:8443/x", "https://169.254.169.254/latest",
    "https://10.1.2.3/x", "https://192.168.0.1/x", "https://[::1]/x", "https://[fe80::1]/x",
    "https://[::ffff:127.0.0.1]/x", "http://127.0.0.1:9/x",
])
async def test_internal_endpoints_are_refused(
    api: Api, conference: dict[str, Any], url: str
) -> None:
    status, body, _ = await api.call("POST", f"{BASE}/webhooks", role="admin",
                                     json={"url": url, "event_types": ["*"]})
    assert status == 422, body
    assert [e["field"] for e in body["errors"]] == ["url"]


async def test_deleting_a_webhook_cancels_its_queued_deliveries(
    db_url: str, settings: Settings
) -> None:
    service = await start_api(db_url, settings.model_copy(
        update={"webhooks": WebhookSettings(allow_private=True)}))
    receiver = Receiver(failures=1000)
    await receiver.server.start_server()
    try:
        from tests.conftest import conference_body

        await service.call("POST", "/api/v1/conferences", role="admin", json=conference_body())
        status, hook, _ = await service.call("POST", f"{BASE}/webhooks", role="admin", json={
            "url": f"http://127.0.0.1:{receiver.server.port}/hook", "event_types": ["*"]})
        assert status == 201, hook
        for n in range(3):
            await service.call("POST", f"{BASE}/accreditations", json=press_body(n))
        conn = await asyncpg.connect(db_url)
        try:
            for _ in range(100):
                if await conn.fetchval("SELECT count(*) FROM delivery WHERE webhook_id = $1",
                                       hook["id"]) >= 3:
                    break
                await asyncio.sleep(0.1)
            status, _, _ = await service.call("DELETE", f"{BASE}/webhooks/{hook['id']}",
                                              role="admin")
            assert status == 204
            await asyncio.sleep(1.0)  # an attempt in flight ends as it will
            rows = await conn.fetch("SELECT status, last_error FROM delivery"
                                    " WHERE webhook_id = $1", hook["id"])
        finally:
            await conn.close()
        assert len(rows) >= 3
        assert {r["status"] for r in rows} == {"failed"}, rows
        assert any(r["last_error"] == "cancelled: webhook deleted" for r in rows)
        attempts = receiver.attempts
        await asyncio.sleep(1.5)
        assert receiver.attempts == attempts  # nothing more is sent
    finally:
        await receiver.server.close()
        await service.client.close()
