"""Use-cases of replies: take one inbound reply, and read a session's attendance."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime
from uuid import UUID

import asyncpg

from conference.auth import Principal, Role, require
from conference.db.pool import transaction
from conference.errors import NotFound
from conference.outbox.events import record
from conference.replies import domain, repo
from conference.replies.domain import Outcome, Refused
from conference.replies.events import AttendanceReplied
from conference.replies.models import Attendance, Attendee
from conference.signing import Signer

log = logging.getLogger(__name__)
ORGANISERS = (Role.admin, Role.protocol)


async def take_reply(pool: asyncpg.Pool, signer: Signer, *, recipient: str, raw: bytes,
                     reply_domain: str, uid_domain: str, now: datetime) -> Outcome:
    """Record the answer a reply carries, if it answers an invitation this person received;
    every message is counted by outcome, and a refused one changes nothing else."""
    try:
        async with transaction(pool) as conn:
            accreditation_id = domain.accreditation_of(signer, recipient, reply_domain)
            reply = domain.read_reply(raw)
            session_id = domain.session_of(reply.uid, uid_domain)
            invitation = await repo.invitation_of(conn, accreditation_id, session_id)
            if (invitation is None or invitation["method"] != "REQUEST"
                    or invitation["email"].lower() != reply.attendee):
                raise Refused(Outcome.forged)
            domain.check_replay(reply, await repo.last_reply(conn, accreditation_id,
                                                             session_id))
            await repo.save_reply(conn, {
                "session_id": session_id, "accreditation_id": accreditation_id,
                "conference_id": invitation["conference_id"], "partstat": reply.partstat,
                "sequence": reply.sequence, "dtstamp": reply.dtstamp, "now": now})
            await record(conn, "attendance.replied", AttendanceReplied(
                session_id=session_id, accreditation_id=accreditation_id,
                partstat=reply.partstat), conference_id=invitation["conference_id"],
                subject_id=session_id, actor=f"reply:{accreditation_id}")
            await repo.count_outcome(conn, Outcome.accepted, now)
        return Outcome.accepted
    except Refused as refused:
        outcome = refused.outcome
    async with transaction(pool) as conn:
        await repo.count_outcome(conn, outcome, now)
    log.info("calendar reply refused: %s", outcome.value)
    return outcome


async def attendance(pool: asyncpg.Pool, session_id: UUID, actor: Principal | None
                     ) -> Attendance:
    require(actor, *ORGANISERS)
    async with transaction(pool) as conn:
        if await repo.session_conference(conn, session_id) is None:
            raise NotFound("No such session.")
        rows = await repo.attendance_of_session(conn, session_id)
    people = [Attendee.model_validate(r) for r in rows]
    return Attendance(session_id=session_id, attendees=people,
                      counts=dict(Counter(p.partstat for p in people)))
