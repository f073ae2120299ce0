"""A person's mail arrives in the order it was written (docs/outbox.md, "A person's letters
first"): an invitation never overtakes the letter that announces it, even when the letter has
to be tried again."""

from __future__ import annotations

import asyncio
import uuid
from email.message import EmailMessage
from typing import Any

import asyncpg

from conference.db.pool import create_pool
from conference.mail.sender import Mailer
from conference.outbox.worker import Worker
from conference.runtime import consumers
from conference.settings import Settings
from tests.browser.helpers import press
from tests.conftest import Api, conference_body, direct_url, start_api
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_calendar_flow import BASE, approved, is_invitation, official
from tests.support import RecordingSMTP


async def test_an_invitation_waits_for_the_approval_letter_tried_again(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    be = await make_delegation(api, "BE")
    room = await make_room(api)
    await make_session(api, room, at(conference, 10), at(conference, 11), audience=["official"])
    status, body, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, body

    refused: list[str] = []

    def once(msg: EmailMessage) -> str | None:
        # the relay defers the first letter to the official, once (a greylisting relay does)
        if "official0@" in str(msg["To"]) and not is_invitation(msg) and not refused:
            refused.append(str(msg["Subject"]))
            return "451 4.7.1 greylisted, try again later"
        return None

    smtp.refuse_message = once
    status, created, _ = await api.call("POST", f"{BASE}/accreditations", role="protocol",
                                        json=official(be["id"], 0))
    assert status == 201, created
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="protocol",
        json={"decision": "approve"})
    assert status == 200, decided

    # the acknowledgement, the approval letter and the invitation
    mine = await smtp.wait_for(3, where=lambda m: "official0@" in str(m["To"]))
    assert refused, "the relay deferred no letter"
    kinds = ["invitation" if is_invitation(m) else str(m["Subject"]) for m in mine]
    # the deferred letter arrived, and before the invitation
    assert refused[0] in kinds, kinds
    assert kinds.index("invitation") > kinds.index(refused[0]), kinds
    # the letters in the order they were written, then the invitation
    assert [k.partition(":")[0] for k in kinds] == [
        "Accreditation request received", "Accreditation approved", "invitation"], kinds


async def test_a_publication_leaves_a_person_approved_meanwhile_to_their_approval(
    db_url: str, settings: Settings, smtp: RecordingSMTP
) -> None:
    # Everything happens before a worker runs: the publication's event, then the filing and
    # the approval of a person its audiences include, all wait to be dispatched together.
    api = await start_api(db_url, settings, run_worker=False)
    pool = await create_pool(db_url, settings.database)
    worker_task: asyncio.Task[None] | None = None
    try:
        status, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                               json=conference_body())
        assert status == 201, conference
        be = await make_delegation(api, "BE")
        room = await make_room(api)
        await make_session(api, room, at(conference, 10), at(conference, 11),
                           audience=["official"])
        status, body, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
        assert status == 201, body
        person = await approved(api, official(be["id"], 0), "protocol", "protocol")

        worker = Worker(pool, settings, Mailer(settings.smtp, "127.0.0.1", smtp.port),
                        direct_url(db_url), consumers())
        worker_task = asyncio.create_task(worker.run())
        mine = await smtp.wait_for(3, where=lambda m: "official0@" in str(m["To"]))
        kinds = ["invitation" if is_invitation(m) else str(m["Subject"]).partition(":")[0]
                 for m in mine]
        assert kinds == ["Accreditation request received", "Accreditation approved",
                         "invitation"], kinds
        conn = await asyncpg.connect(direct_url(db_url))
        try:
            made_by = await conn.fetch(
                "SELECT d.template, e.type FROM delivery d JOIN domain_event e"
                " ON e.id = d.event_id WHERE d.accreditation_id = $1 ORDER BY d.seq",
                uuid.UUID(person))
        finally:
            await conn.close()
        # the invitation is the approval's, queued after its letter, not the publication's
        assert [(r["template"], r["type"]) for r in made_by] == [
            ("ack", "accreditation.submitted"),
            ("decision_approved", "accreditation.approved"),
            # its focal point told of it (docs/lifecycle.md, "Letters")
            ("decision_approved_focal", "accreditation.approved"),
            ("invitation_request", "accreditation.approved")]
    finally:
        if worker_task is not None:
            worker_task.cancel()
            await asyncio.gather(worker_task, return_exceptions=True)
        await pool.close()
        await api.client.close()


async def test_a_refused_clearance_s_letter_comes_before_the_cancellations_it_explains(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A journalist's clearance refused after the approval: the letter that says why ("no
    badge") and the cancellation of each session they were invited to. The calendar's consumer
    ran first, and "Removed from your calendar" arrived above the letter that explains it (a
    tryout, 4 December 2026); the letter is now written first, and the cancellations wait for
    it (docs/calendar.md, "A person's letter before their invitations")."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["press"]))
    assert status == 201, body
    _, conf, _ = await api.call("GET", BASE)
    room = await make_room(api)
    for hour in (10, 14):
        await make_session(api, room, at(conf, hour), at(conf, hour + 1), audience=["press"])
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    journalist = await press(api, decision="approve", language="en")
    mine = "marie.dupont@"
    await smtp.wait_for(2, where=lambda m: mine in str(m["To"]) and is_invitation(m))
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{journalist['id']}/vetting/status", role="protocol",
        json={"status": "refused", "reason": "Record mismatch."})
    assert status == 200, body
    await smtp.wait_for(4, where=lambda m: mine in str(m["To"]) and is_invitation(m))
    await smtp.wait_for(1, where=lambda m: mine in str(m["To"])
                        and str(m["Subject"]).startswith("Security clearance not granted"))
    theirs = ["calendar" if is_invitation(m) else str(m["Subject"]).split(":")[0]
              for m in smtp.messages if mine in str(m["To"])]
    assert theirs[-3:] == ["Security clearance not granted", "calendar", "calendar"], theirs
