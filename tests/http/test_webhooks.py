"""Webhooks: signed deliveries through the outbox to a real HTTP receiver, in order, retried
while the receiver fails."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from conference.settings import Settings, WebhookSettings
from conference.webhooks.signing import HEADER, verify
from tests.conftest import Api, press_body

BASE = "/api/v1/conferences/alliance"


class Receiver:
    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.attempts = 0
        self.accepted: list[tuple[dict[str, Any], bytes, dict[str, str]]] = []
        app = web.Application()
        app.router.add_post("/hook", self.handle)
        self.server = TestServer(app)

    async def handle(self, request: web.Request) -> web.Response:
        self.attempts += 1
        body = await request.read()
        if self.failures > 0:
            self.failures -= 1
            return web.Response(status=500)
        self.accepted.append((json.loads(body), body, dict(request.headers)))
        return web.Response(status=204)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The receivers of these tests listen on 127.0.0.1."""
    return settings.model_copy(update={"webhooks": WebhookSettings(allow_private=True)})


async def test_signed_deliveries_in_order_after_two_failures(
    api: Api, conference: dict[str, Any]
) -> None:
    receiver = Receiver(failures=2)
    await receiver.server.start_server()
    try:
        url = f"http://127.0.0.1:{receiver.server.port}/hook"
        status, hook, _ = await api.call("POST", f"{BASE}/webhooks", role="admin", json={
            "url": url, "event_types": ["accreditation.submitted", "accreditation.approved",
                                        "accreditation.rejected"]})
        assert status == 201, hook
        secret = hook["secret"]
        _, a, _ = await api.call("POST", f"{BASE}/accreditations", json=press_body(1))
        _, b, _ = await api.call("POST", f"{BASE}/accreditations", json=press_body(2))
        await api.call("POST", f"/api/v1/accreditations/{a['id']}/decision",
                       role="press_office", json={"decision": "approve"})
        await api.call("POST", f"/api/v1/accreditations/{b['id']}/decision",
                       role="press_office", json={"decision": "reject", "reason": "No card"})
        for _ in range(150):
            if len(receiver.accepted) == 4:
                break
            await asyncio.sleep(0.1)
        assert [(e["type"], e["subject_id"]) for e, _, _ in receiver.accepted] == [
            ("accreditation.submitted", a["id"]), ("accreditation.submitted", b["id"]),
            ("accreditation.approved", a["id"]), ("accreditation.rejected", b["id"])]
        ids = [e["id"] for e, _, _ in receiver.accepted]
        assert ids == sorted(ids)
        assert receiver.attempts == 6
        for event, body, headers in receiver.accepted:
            assert verify(secret, headers[HEADER], body)
            assert not verify("another-secret-0123456789", headers[HEADER], body)
            assert not verify(secret, headers[HEADER], body + b" ")
            assert headers["X-Conference-Event"] == event["type"]
            assert "Dupont" not in body.decode() and "example.org" not in body.decode()
        await asyncio.sleep(0.5)
        assert len(receiver.accepted) == 4  # the other event types were not sent
        _, listed, _ = await api.call("GET", f"{BASE}/webhooks", role="admin")
        assert [h["url"] for h in listed["items"]] == [url] and "secret" not in listed["items"][0]
        assert (await api.call("DELETE", f"{BASE}/webhooks/{hook['id']}", role="admin"))[0] == 204
        _, listed, _ = await api.call("GET", f"{BASE}/webhooks", role="admin")
        assert listed["items"] == []
    finally:
        await receiver.server.close()


async def test_webhook_urls_must_be_https(api: Api, conference: dict[str, Any]) -> None:
    for url in ("http://hooks.example.org/x", "ftp://example.org", "hooks.example.org"):
        status, body, _ = await api.call("POST", f"{BASE}/webhooks", role="admin",
                                         json={"url": url, "event_types": ["*"]})
        assert status == 422 and body["errors"][0]["field"] == "url", url
    status, body, _ = await api.call("POST", f"{BASE}/webhooks", role="admin", json={
        "url": "https://hooks.example.org/x", "event_types": ["no.such.event"]})
    assert status == 422
    status, _, _ = await api.call("POST", f"{BASE}/webhooks", role="protocol", json={
        "url": "https://hooks.example.org/x", "event_types": ["*"]})
    assert status == 403


def test_signature_helper_refuses_old_timestamps() -> None:
    from conference.webhooks.signing import sign

    header = sign("s" * 20, b"{}", timestamp=1_000)
    assert verify("s" * 20, header, b"{}", now=1_100)
    assert not verify("s" * 20, header, b"{}", now=2_000)
    assert not verify("s" * 20, "garbage", b"{}", now=1_000)
