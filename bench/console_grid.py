"""The programme builder's grid: how long the server takes to answer
``GET /manage/{slug}/programme?day=…`` for the demo conference over two days and four rooms.

    python bench/console_grid.py [--iterations 500] [--warm-up 50] [--database-url URL]

Set-up (never measured): a fresh database (a ``bench_…`` database on ``--database-url``, else an
embedded PostgreSQL), migrated; the demo conference (``conference demo``: 48 delegations, the
four rooms, the seven sessions of 5 December 2012 with the hosts on them, published) made a
two-day conference, its day repeated on 6 December (fourteen sessions in all); an administrator
signed in through a sign-in link, as in the browser.

Measured: the service in this process (aiohttp's test server, the real application, its pool
on the real database), one request at a time over loopback. For each day, ``--warm-up``
requests, then ``--iterations`` requests, each timed twice: inside the server (an outermost
middleware around the handler: reading the session, the conference, the rooms and the draft,
laying out the grid and rendering the page) and as the client sees it (plus the HTTP round
trip), and the CPU time the service's thread spent on it (the figure the machine's other load
moves least). Every answer is checked: 200, with the day's seven sessions on the grid.

Run by hand, not in CI (bench/README.md has the figures and the machine).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiohttp import CookieJar, web  # noqa: E402
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402

from bench.common import machine, percentile, postgres, table  # noqa: E402
from conference import demo  # noqa: E402
from conference.app import create_app  # noqa: E402
from conference.conferences import service as conferences  # noqa: E402
from conference.db.pool import transaction  # noqa: E402
from conference.http.context import pool_key, signer_key  # noqa: E402
from conference.people import service as people  # noqa: E402
from conference.programme import service as programme  # noqa: E402
from conference.programme.models import ParticipantRole, SessionIn  # noqa: E402
from conference.roles import protocol_officer  # noqa: E402
from conference.settings import Settings  # noqa: E402

DAYS = (date(2012, 12, 5), date(2012, 12, 6))


async def seed(app: web.Application) -> None:
    """The demo conference over two days: day one as ``conference demo`` loads it, day two the
    same sessions a day later, with the same hosts on them."""
    pool = app[pool_key]
    body = demo.demo_conference().model_copy(update={"ends_on": DAYS[1]})
    async with transaction(pool) as conn:
        await conferences.create_conference(conn, body, demo.DEMO)
        print(await demo.load_demo(conn), file=sys.stderr)
    officer = protocol_officer(demo.DEMO)
    rooms = {r.name: r for r in await programme.rooms(pool, officer, demo.SLUG)}
    day_one = {s.title.en: s for s in await programme.sessions(pool, officer, demo.SLUG)}
    for fr, en, kind, room, start, end, press, audience, royal, _ in demo.SESSIONS:
        shift = timedelta(days=1)
        written = await programme.schedule_session(pool, officer, demo.SLUG, SessionIn(
            title={"fr": fr, "en": en}, kind=kind, room_id=rooms[room].id,
            starts_at=datetime.fromisoformat(start) + shift,
            ends_at=datetime.fromisoformat(end) + shift, press_access=press,
            audience=audience, royal_presence=royal), demo.PROGRAMME_BUILT_AT)
        for p in day_one[en].participants:
            await programme.put_participant(pool, officer, written.id, p.accreditation_id,
                                            ParticipantRole(p.role), demo.PROGRAMME_BUILT_AT)


async def admin_cookie(app: web.Application) -> str:
    """An administrator's session cookie, through a sign-in link as a browser gets one."""
    pool = app[pool_key]
    now = datetime.now(UTC)
    async with transaction(pool) as conn:
        link = await people.first_admin(conn, "bench-admin@example.org", now)
    session = await people.sign_in(pool, link, now)
    assert session is not None
    return app[signer_key].sign("session", session)


def timing(into: list[float], cpu: list[float]) -> Callable[..., Awaitable[web.StreamResponse]]:
    """Wall time and this thread's CPU time around the handler (one request at a time: while
    it awaits PostgreSQL, nothing else of this process runs)."""

    @web.middleware
    async def measure(request: web.Request, handler: Callable[[web.Request],
                      Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        started, used = time.perf_counter(), time.thread_time()
        try:
            return await handler(request)
        finally:
            into.append(time.perf_counter() - started)
            cpu.append(time.thread_time() - used)

    return measure


async def run(args: argparse.Namespace, database_url: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.model_validate({
            "data_dir": tmp, "http": {"public_url": "https://conference.test"},
            "limits": {"registrations_per_minute": 0, "token_lookups_per_minute": 0}})
        app = create_app(settings, database_url=database_url, run_worker=False, run_migrations=True)
        server_times: list[float] = []
        server_cpu: list[float] = []
        app.middlewares.insert(0, timing(server_times, server_cpu))
        server = TestServer(app, host="127.0.0.1")
        client = TestClient(server, cookie_jar=CookieJar(unsafe=True))
        await client.start_server()
        try:
            await seed(app)
            headers = {"Cookie": f"session={await admin_cookie(app)}"}
            rows = []
            for day in DAYS:
                path = f"/manage/{demo.SLUG}/programme?day={day.isoformat()}&lang=en"
                for _ in range(args.warm_up):
                    await _get(client, path, headers)
                server_times.clear()
                server_cpu.clear()
                client_times = []
                for _ in range(args.iterations):
                    started = time.perf_counter()
                    await _get(client, path, headers)
                    client_times.append(time.perf_counter() - started)
                rows.append(_row(day, sorted(server_times), sorted(client_times),
                                 sorted(server_cpu)))
            print(machine())
            print(table(rows))
        finally:
            await client.close()


async def _get(client: TestClient, path: str, headers: dict[str, str]) -> None:
    resp = await client.get(path, headers=headers, allow_redirects=False)
    page = await resp.text()
    assert resp.status == 200, (resp.status, page[:500])
    blocks = len(re.findall(r'class="grid-session ', page))
    assert blocks == len(demo.SESSIONS), blocks


def _row(day: date, server: list[float], client: list[float], cpu: list[float]
         ) -> dict[str, object]:
    ms = 1000.0
    return {
        "day": day.isoformat(), "requests": len(server),
        "server mean ms": statistics.fmean(server) * ms,
        "server p50 ms": percentile(server, 50) * ms, "server p95 ms": percentile(server, 95) * ms,
        "server p99 ms": percentile(server, 99) * ms, "server max ms": server[-1] * ms,
        "client p50 ms": percentile(client, 50) * ms, "client p99 ms": percentile(client, 99) * ms,
        "app CPU p50 ms": percentile(cpu, 50) * ms, "app CPU p99 ms": percentile(cpu, 99) * ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=500)
    parser.add_argument("--warm-up", type=int, default=50)
    parser.add_argument("--database-url", default=None,
                        help="a PostgreSQL server to create the bench database on "
                             "(default: an embedded PostgreSQL)")
    args = parser.parse_args()
    with postgres(args.database_url) as db:
        asyncio.run(run(args, db.url))


if __name__ == "__main__":
    main()
