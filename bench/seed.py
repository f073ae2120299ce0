"""A conference ready to publish, filled through the service's own API: the set-up of the fan-out
benchmark and the drills.

    from bench.common import postgres, service, smtp_counter
    from bench.seed import seed, publish, expected_invitations, wait_drained

    with postgres() as db, smtp_counter() as smtp, \\
            service(db.url, smtp_port=smtp.port) as svc:
        s = seed(svc, 5000)                       # conference, room, 4 sessions, 5,000 approved
        wait_drained(db.url)                      # their acknowledgements and decisions are sent
        n = expected_invitations(db.url, s.conference_id)   # 20,000
        t0 = publish(svc, s.slug)                 # monotonic time just after the 201

Everything is created as a client would create it (``POST`` of the conference, a delegation, a
room, the sessions, then per attendee ``POST …/accreditations`` and ``POST …/decision``), many
requests at once over aiohttp, so the database holds exactly what the service writes: the
accreditations, their history, their events and the notices those events send. Those notices
(two mails per attendee) go out before the publication once a worker runs: call
:func:`wait_drained` before measuring anything.

The attendees are officials of one delegation (category ``official``, in every session's
audience), so each gets one invitation per session: ``N × sessions`` in all.
:func:`add_sessions` adds more sessions to an already seeded conference, for another
publication with another ``N × count`` invitations and no new attendee.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bench.common import Service

BRUSSELS = ZoneInfo("Europe/Brussels")


@dataclass
class Seeded:
    """What a seeded conference is made of (ids as strings, as the API returns them)."""

    slug: str
    conference_id: str
    room_id: str
    delegation_id: str
    starts_on: date
    session_ids: list[str] = field(default_factory=list)
    attendee_ids: list[str] = field(default_factory=list)
    seconds: float = 0.0
    """How long the seeding took (the HTTP part)."""


def conference_body(slug: str, *, pool_capacity: int = 10) -> dict[str, Any]:
    """A conference a month away whose press registration is open now."""
    now = datetime.now(UTC)
    return {
        "slug": slug,
        "title": {"fr": "Alliance mondiale : réunion", "en": "Global Alliance: meeting"},
        "venue": {"name": "Charlemagne", "address": "Rue de la Loi 170, 1040 Bruxelles"},
        "timezone": "Europe/Brussels",
        "starts_on": (now + timedelta(days=30)).date().isoformat(),
        "ends_on": (now + timedelta(days=31)).date().isoformat(),
        "patron": None,
        "hosts": [{"name": "Cecilia Malmström", "rank": "minister"}],
        "languages": ["fr", "en"],
        "press_registration": {
            "opens_at": (now - timedelta(days=1)).isoformat(),
            "closes_at": (now + timedelta(days=20)).isoformat(),
            "pool_capacity": pool_capacity,
        },
        "security_list_deadline": (now + timedelta(days=25)).isoformat(),
        "spokespersons": [{"name": "Tove Ernst", "phone": "+32 2 298 67 64",
                           "email": "tove.ernst@example.org"}],
        "organiser_email": "organiser@example.org",
        "protocol": {"tie_break": "eu_protocol", "presidency": None, "seated_before_minutes": 15},
    }


def _check(status: int, body: object, want: int, what: str) -> dict[str, Any]:
    if status != want:
        raise RuntimeError(f"{what}: HTTP {status}: {body}")
    assert isinstance(body, dict)
    return body


def seed(service: Service, n: int, *, sessions: int = 4, slug: str | None = None,
         concurrency: int = 16, pool_capacity: int = 10) -> Seeded:
    """Create a conference with one room, ``sessions`` sessions and ``n`` approved officials
    (every one in every session's audience); return what a publication needs."""
    started = time.monotonic()
    slug = slug or f"bench-{uuid.uuid4().hex[:8]}"
    conf = _check(*service.request("POST", "/api/v1/conferences",
                                   conference_body(slug, pool_capacity=pool_capacity)), 201,
                  "conference")
    base = f"/api/v1/conferences/{slug}"
    delegation = _check(*service.request("POST", f"{base}/delegations", {
        "kind": "country", "country": "BE",
        "focal_point": {"name": "Focal Point", "email": "fp-be@example.org"}}), 201, "delegation")
    room = _check(*service.request("POST", f"{base}/rooms",
                                   {"name": "Plenary hall", "capacity": 10000}), 201, "room")
    seeded = Seeded(slug, str(conf["id"]), str(room["id"]), str(delegation["id"]),
                    date.fromisoformat(str(conf["starts_on"])))
    add_sessions(service, seeded, sessions)
    seeded.attendee_ids = asyncio.run(_attendees(service, seeded, n, concurrency))
    seeded.seconds = time.monotonic() - started
    return seeded


def add_sessions(service: Service, seeded: Seeded, count: int) -> list[str]:
    """``count`` more sessions (ten minutes each, on the conference's two days) for the
    seeded attendees; returns their ids (also appended to ``seeded.session_ids``)."""
    new: list[str] = []
    for _ in range(count):
        i = len(seeded.session_ids)  # up to 120: ten minutes every twelve, 8:00-20:00
        day, slot = divmod(i, 60)
        starts = datetime.combine(seeded.starts_on + timedelta(days=day), datetime.min.time(),
                                  BRUSSELS) + timedelta(hours=8, minutes=12 * slot)
        body = {
            "title": {"fr": f"Séance {i + 1}", "en": f"Session {i + 1}"},
            "kind": "plenary", "room_id": seeded.room_id,
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(minutes=10)).isoformat(),
            "audience": ["official"], "press_access": "closed", "royal_presence": False,
        }
        created = _check(*service.request("POST", f"/api/v1/conferences/{seeded.slug}/sessions",
                                          body), 201, "session")
        seeded.session_ids.append(str(created["id"]))
        new.append(str(created["id"]))
    return new


async def _attendees(service: Service, seeded: Seeded, n: int, concurrency: int) -> list[str]:
    import aiohttp

    headers = {"Authorization": f"Bearer {service.admin_token}"}
    ids: list[str] = [""] * n
    todo = iter(range(n))

    async def one(http: aiohttp.ClientSession, i: int) -> None:
        body = {"category": "official", "given_name": f"Official{i}",
                "family_name": "Peeters", "email": f"official{i}@example.org",
                "language": "fr" if i % 2 else "en", "delegation_id": seeded.delegation_id,
                "rank": "senior_official", "function": "Director"}
        async with http.post(f"/api/v1/conferences/{seeded.slug}/accreditations",
                             json=body) as resp:
            created = _check(resp.status, await resp.json(), 201, "accreditation")
        async with http.post(f"/api/v1/accreditations/{created['id']}/decision",
                             json={"decision": "approve"}) as resp:
            _check(resp.status, await resp.json(), 200, "decision")
        ids[i] = str(created["id"])

    async def lane(http: aiohttp.ClientSession) -> None:
        for i in todo:
            await one(http, i)

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(service.base_url, headers=headers,
                                     connector=connector) as http:
        await asyncio.gather(*(lane(http) for _ in range(concurrency)))
    return ids


def publish(service: Service, slug: str) -> float:
    """Publish the programme; return ``time.monotonic()`` just after the 201 (the commit)."""
    status, body = service.request("POST", f"/api/v1/conferences/{slug}/programme/publish")
    at = time.monotonic()
    _check(status, body, 201, "publish")
    return at


def _sql(db_url: str, query: str, *args: object) -> Any:
    import asyncpg

    async def run() -> Any:
        conn = await asyncpg.connect(db_url)
        try:
            return await conn.fetchval(query, *args)
        finally:
            await conn.close()

    return asyncio.run(run())


def pending(db_url: str) -> int:
    """Events not yet dispatched plus deliveries not yet sent (or failed), anywhere."""
    return int(_sql(db_url, """
        SELECT (SELECT count(*) FROM domain_event
                WHERE dispatched_at IS NULL AND dispatch_after < 'infinity')
             + (SELECT count(*) FROM delivery WHERE status IN ('queued', 'retry', 'in_flight'))
    """))


def wait_drained(db_url: str, timeout: float = 300.0) -> None:
    """Wait until a worker has dispatched every event and sent every delivery."""
    deadline = time.monotonic() + timeout
    while (left := pending(db_url)) > 0:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{left} events and deliveries still pending after {timeout}s")
        time.sleep(0.2)


def expected_invitations(db_url: str, conference_id: str) -> int:
    """How many invitations the next publication sends: per session not yet sent to anyone, the
    approved accreditations whose category is in its audience (the seeded case: new sessions,
    no participants, no press)."""
    return int(_sql(db_url, """
        SELECT count(*)
        FROM session s
        JOIN accreditation a ON a.conference_id = s.conference_id
        WHERE s.conference_id = $1 AND s.cancelled_at IS NULL AND a.status = 'approved'
          AND a.erased_at IS NULL AND a.category = ANY(s.audience)
          AND NOT EXISTS (SELECT 1 FROM invitation_state i
                          WHERE i.session_id = s.id AND i.accreditation_id = a.id)
    """, uuid.UUID(conference_id)))
