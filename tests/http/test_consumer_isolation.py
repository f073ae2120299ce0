"""One bad value never stops anyone else's mail (docs/outbox.md): a recipient whose message
cannot be built is parked alone, a consumer that keeps failing is parked on its event while the
other consumers' deliveries go out, and both are listed and retried by an organiser."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

from conference.db.pool import create_pool
from conference.mail.sender import Mailer
from conference.outbox.dispatch import (
    ConsumerResult,
    Consumers,
    DispatchContext,
    EventRow,
    Subscription,
)
from conference.outbox.worker import Worker
from conference.runtime import consumers
from conference.settings import Settings
from tests.conftest import Api, conference_body, direct_url, press_body, start_api
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_calendar_flow import approved, is_invitation, official
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"


async def _deliveries(api: Api, status: str) -> list[dict[str, Any]]:
    code, page, _ = await api.call("GET", f"/api/v1/deliveries?status={status}", role="admin")
    assert code == 200, page
    return list(page["items"])


async def _eventually(check: Any, timeout: float = 30.0) -> Any:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = await check()
        if result or loop.time() > deadline:
            return result
        await asyncio.sleep(0.1)


async def test_a_recipient_whose_invitation_cannot_be_built_is_parked_alone(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, db_url: str
) -> None:
    be = await make_delegation(api, "BE")
    people = [await approved(api, official(be["id"], n), "protocol", "protocol")
              for n in range(4)]
    room = await make_room(api)
    session = await make_session(api, room, at(conference, 10), at(conference, 11),
                                 audience=["official"])
    await smtp.wait_for(4)  # the approval letters
    # A name stored before input was checked as strictly as today: a line separator, which no
    # iCalendar parameter can carry.
    conn = await asyncpg.connect(direct_url(db_url))
    try:
        await conn.execute("UPDATE accreditation SET given_name = 'Off\u2028icial' WHERE id = $1",
                           people[0])
    finally:
        await conn.close()
    status, body, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, body

    invitations = await smtp.wait_for(3, where=is_invitation)
    assert sorted(str(m["To"]) for m in invitations) == [
        f"Official{n} Peeters <official{n}@example.org>" for n in (1, 2, 3)]
    failed = await _eventually(lambda: _deliveries(api, "failed"))
    assert [(d["recipient"], d["template"]) for d in failed] == [
        ("official0@example.org", "invitation_request")]
    assert "ValueError" in failed[0]["last_error"]
    assert "\u2028" not in failed[0]["last_error"]
    # The event itself went through: nothing is listed as a failed event.
    status, events, _ = await api.call("GET", f"{BASE}/events?status=failed", role="admin")
    assert status == 200 and events["items"] == []

    # The organiser corrects the name and retries: the invitation is built and arrives, once.
    conn = await asyncpg.connect(direct_url(db_url))
    try:
        await conn.execute("UPDATE accreditation SET given_name = 'Official0' WHERE id = $1",
                           people[0])
    finally:
        await conn.close()
    status, retried, _ = await api.call("POST", f"/api/v1/deliveries/{failed[0]['id']}/retry",
                                        role="admin")
    assert status == 200, retried
    await smtp.wait_for(4, where=is_invitation)
    await asyncio.sleep(0.5)
    to_first = [m for m in smtp.messages if is_invitation(m) and "official0@" in str(m["To"])]
    assert len(to_first) == 1
    ics = next(p for p in to_first[0].walk() if p.get_content_type() == "text/calendar")
    assert f"UID:session-{session['id']}@" in ics.get_payload(decode=True).decode()
    assert await _deliveries(api, "failed") == []


async def test_a_consumer_that_keeps_failing_is_parked_and_retried_after_the_fix(
    db_url: str, settings: Settings, smtp: RecordingSMTP
) -> None:
    """A consumer raising for every event: the letters of the same events still go out; the
    events are listed as failed with the consumer and the error class; a retry after the fix
    runs that consumer only."""
    broken = {"on": True}
    seen: list[int] = []

    async def flaky(conn: asyncpg.Connection, event: EventRow, ctx: DispatchContext
                    ) -> ConsumerResult:
        if broken["on"]:
            raise RuntimeError("the integration is down")
        seen.append(event.id)
        return ConsumerResult()

    quick = settings.model_copy(update={"worker": settings.worker.model_copy(update={
        "max_attempts": 2, "backoff_base_seconds": 0.05, "backoff_max_seconds": 0.1,
        "poll_seconds": 0.1})})
    api = await start_api(db_url, quick, run_worker=False)
    pool = await create_pool(db_url, quick.database)
    table = Consumers([*consumers(), Subscription("tests:flaky", flaky,
                                                  frozenset({"accreditation.submitted"}))])
    worker = Worker(pool, quick, Mailer(quick.smtp, "127.0.0.1", smtp.port),
                    direct_url(db_url), table)
    task = asyncio.create_task(worker.run())
    try:
        assert (await api.call("POST", "/api/v1/conferences", role="admin",
                               json=conference_body()))[0] == 201
        status, created, _ = await api.call("POST", f"{BASE}/accreditations",
                                            json=press_body())
        assert status == 201, created
        # The acknowledgement and the two spokespersons' notices arrive all the same.
        letters = await smtp.wait_for(3)
        assert {m["To"].addresses[0].addr_spec for m in letters} == {
            "marie.dupont@example.org", "michele.cercone@example.org", "tove.ernst@example.org"}

        async def failed() -> list[dict[str, Any]]:
            code, page, _ = await api.call("GET", f"{BASE}/events?status=failed", role="admin")
            assert code == 200, page
            return list(page["items"])

        items = await _eventually(failed)
        assert [(e["type"], e["consumers_failed"], e["error"]) for e in items] == [
            ("accreditation.submitted", ["tests:flaky"], "tests:flaky: RuntimeError")]
        assert "integration is down" not in str(items)
        # protocol reads the log, but failed events and their retry are admin's
        code, _, _ = await api.call("GET", f"{BASE}/events?status=failed", role="protocol")
        assert code == 403
        code, _, _ = await api.call("POST", f"/api/v1/events/{items[0]['id']}/retry",
                                    role="protocol")
        assert code == 403

        sent = len(smtp.messages)
        broken["on"] = False
        code, retried, _ = await api.call("POST", f"/api/v1/events/{items[0]['id']}/retry",
                                          role="admin")
        assert code == 200, retried
        assert retried["consumers_failed"] == ["tests:flaky"]
        async def ran() -> list[int]:
            return seen

        assert await _eventually(ran) == [items[0]["id"]]
        assert await failed() == []
        code, again, _ = await api.call("POST", f"/api/v1/events/{items[0]['id']}/retry",
                                        role="admin")
        assert code == 409, again
        await asyncio.sleep(0.3)
        assert len(smtp.messages) == sent  # the letters were not sent again
        code, _, _ = await api.call("POST", "/api/v1/events/999999/retry", role="admin")
        assert code == 404
    finally:
        worker.stop()
        await task
        await pool.close()
        await api.client.close()
