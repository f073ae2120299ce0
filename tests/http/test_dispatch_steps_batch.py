"""A stepped event does not end its batch (docs/outbox.md, "Stepped dispatch"): an approval's
invitations are stepped like a publication's (the first step allows one), and each approval
used to end its dispatch transaction there, leaving the batch's other events to later rounds.
With two workers on one conference, whose rounds take the conference's calendar lock in turn,
that made one approval per round: 120 registrations and approvals took about 125 rounds, and
through PgBouncer on a loaded machine the two-workers test ran out of its 180 s."""

from __future__ import annotations

import asyncpg

from conference.db.pool import create_pool
from conference.mail.sender import Mailer
from conference.outbox.worker import Worker
from conference.runtime import consumers
from conference.settings import Settings
from tests.conftest import conference_body, direct_url, start_api
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_calendar_flow import is_invitation, official
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"
PEOPLE = 10
SESSIONS = 4


async def test_approvals_are_dispatched_together_not_one_a_round(
    db_url: str, settings: Settings, smtp: RecordingSMTP
) -> None:
    stepped = settings.model_copy(update={"worker": settings.worker.model_copy(update={
        "batch_size": 20, "dispatch_first_step": 1})})
    api = await start_api(db_url, stepped, run_worker=False)
    pool = await create_pool(db_url, stepped.database)
    probe = await asyncpg.connect(direct_url(db_url))
    try:
        status, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                               json=conference_body())
        assert status == 201, conference
        delegation = (await make_delegation(api, "BE"))["id"]
        room = await make_room(api)
        for h in range(SESSIONS):
            await make_session(api, room, at(conference, 9 + h), at(conference, 9 + h, 50),
                               audience=["official"])
        status, body, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
        assert status == 201, body
        worker = Worker(pool, stepped, Mailer(stepped.smtp, "127.0.0.1", smtp.port),
                        direct_url(db_url), consumers())
        while await worker.dispatch_once():  # the conference's own events
            pass
        for n in range(PEOPLE):
            status, created, _ = await api.call("POST", f"{BASE}/accreditations",
                                                role="protocol", json=official(delegation, n))
            assert status == 201, created
            status, _, _ = await api.call("POST", f"/api/v1/accreditations/{created['id']}"
                                          "/decision", role="protocol",
                                          json={"decision": "approve"})
            assert status == 200

        rounds = 0
        while await worker.dispatch_once():
            rounds += 1
        # the 20 events in one batch, each approval's first step in it, their second steps in
        # the next (before: a round per approval, 11)
        assert rounds == 2
        assert await probe.fetchval(
            "SELECT count(*) FROM domain_event WHERE dispatched_at IS NULL") == 0
        while await worker.send_once():
            pass
        invitations = [m for m in smtp.messages if is_invitation(m)]
        assert len(invitations) == PEOPLE * SESSIONS
        assert len({str(m["Message-ID"]) for m in smtp.messages}) == len(smtp.messages)
    finally:
        await probe.close()
        await pool.close()
        await api.client.close()
