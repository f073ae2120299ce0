"""Use-cases that lock a row while the worker's batch holds what they wait for next (docs/
architecture.md, "Deadlocks").

Putting a person on a session while the worker's batch holds that person and writes their
invitation to the same session (docs/architecture.md, "Deadlocks"). Found as a 500 in local CI:
`test_a_scripted_sequence_of_edits_yields_the_expected_changelogs`, a DeadlockDetectedError in
`put_participant`. The batch had given the person a new private link (their accreditation row
updated) and then saved their invitation state for the session, whose foreign key takes a
KEY SHARE lock on the session row, while `put_participant` held that row FOR UPDATE and waited
for the person. A session is now locked FOR NO KEY UPDATE, which a foreign key check passes:
the batch goes on, commits, and the person is put on the session. A real PostgreSQL: the two
transactions are made, not simulated."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

from conference.settings import Settings
from tests.conftest import conference_body, direct_url, press_body, start_api
from tests.http.conftest_programme import (
    accredit,
    at,
    make_delegation,
    make_room,
    make_session,
    put_participant,
)
from tests.support import another_waits_for_a_lock


async def test_a_person_is_put_on_a_session_while_the_worker_writes_their_invitation(
    db_url: str, settings: Settings
) -> None:
    api = await start_api(db_url, settings, run_worker=False)
    try:
        status, c, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
        assert status == 201, c
        room = await make_room(api, "Room A", 100)
        session = await make_session(api, room, at(c, 9), at(c, 10))
        person: dict[str, Any] = await accredit(api, "Joëlle", "Milquet",
                                                delegation=await make_delegation(api, "BE"))

        worker = await asyncpg.connect(direct_url(db_url))
        try:
            tx = worker.transaction()
            await tx.start()
            # the batch waits longer before looking for a deadlock: were there one, PostgreSQL
            # would find it from the request's side and abort the request's statement
            await worker.execute("SET LOCAL deadlock_timeout = '10s'")
            # a letter's new private link: the person's row updated (notices consumer)
            await worker.execute(
                "UPDATE accreditation SET token_id = token_id WHERE id = $1", person["id"])
            put = asyncio.create_task(put_participant(api, session, person, "chair"))
            await another_waits_for_a_lock(worker)
            # the person's invitation to the session saved (calendar consumer): its foreign key
            # locks the session row against a key change
            await worker.execute(
                "INSERT INTO invitation_state (accreditation_id, session_id, conference_id,"
                " method, sequence, basis, role, updated_at)"
                " VALUES ($1, $2, $3, 'REQUEST', 0, 0, 'attendee', now())",
                person["id"], session["id"], c["id"])
            await tx.commit()
        finally:
            await worker.close()
        status, body = await put
        assert status == 200, body
        assert [(p["accreditation_id"], p["role"]) for p in body["participants"]] == [
            (person["id"], "chair")]
        conn = await asyncpg.connect(direct_url(db_url))
        try:
            assert await conn.fetchval(
                "SELECT count(*) FROM invitation_state WHERE session_id = $1",
                session["id"]) == 1
        finally:
            await conn.close()
    finally:
        await api.client.close()


async def test_a_journalist_is_approved_while_the_worker_queues_a_letter_of_the_conference(
    db_url: str, settings: Settings
) -> None:
    """A press approval locks the journalist, then the conference row (the pool's count: docs/
    outbox.md, "The press pool's count"). The worker's batch had queued a letter of the
    conference (a foreign key check: FOR KEY SHARE on the conference row) and then gave the
    journalist a new private link. With the conference locked FOR UPDATE, the approval waited
    for the batch and the batch for the approval: a deadlock, which PostgreSQL broke by
    aborting the approval, a 500."""
    api = await start_api(db_url, settings, run_worker=False)
    try:
        status, c, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
        assert status == 201, c
        status, journalist, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/accreditations", json=press_body(1))
        assert status == 201, journalist

        worker = await asyncpg.connect(direct_url(db_url))
        try:
            tx = worker.transaction()
            await tx.start()
            await worker.execute("SET LOCAL deadlock_timeout = '10s'")
            # what the foreign key check of a delivery row of the conference takes
            await worker.execute("SELECT 1 FROM conference WHERE id = $1 FOR KEY SHARE",
                                 c["id"])
            decided = asyncio.create_task(api.call(
                "POST", f"/api/v1/accreditations/{journalist['id']}/decision",
                role="press_office", json={"decision": "approve"}))
            await another_waits_for_a_lock(worker, decided)
            # the journalist's new private link (notices consumer)
            await worker.execute(
                "UPDATE accreditation SET token_id = token_id WHERE id = $1", journalist["id"])
            await tx.commit()
        finally:
            await worker.close()
        status, body, _ = await decided
        assert status == 200, body
        assert body["status"] == "approved"
        conn = await asyncpg.connect(direct_url(db_url))
        try:
            assert await conn.fetchval("SELECT press_approved FROM conference WHERE id = $1",
                                       c["id"]) == 1
        finally:
            await conn.close()
    finally:
        await api.client.close()
