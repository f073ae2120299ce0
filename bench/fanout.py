"""The invitation fan-out: one programme publication to N attendees × S sessions, sent by K
worker processes to an SMTP server that only counts; then the same number of messages sent by a
bare aiosmtplib loop, for the ceiling.

    python bench/fanout.py [--attendees 5000] [--sessions 4] [--workers 1,2,4]
                           [--sweep-sessions 2] [--profile] [--database-url URL]

Set-up (never measured): a fresh database, the counting SMTP server, ``conference serve
--no-worker``, a conference seeded through the API (``bench/seed.py``), and its notices (two
per attendee) sent and out of the way. Then per K in ``--workers``: K ``conference worker``
processes, a publication, and the time from the publish commit (the 201) to the first and to the
last invitation accepted by the SMTP server. The first K publishes the ``--sessions`` seeded
sessions; each further K publishes ``--sweep-sessions`` new sessions of the same conference to
the same attendees (N × sweep-sessions invitations), so the seed is paid once.

Each row checks that every expected invitation arrived exactly once (the expected count comes
from the database: approved attendees × sessions not yet sent to them) and that no Message-ID
was accepted twice, over the whole run.

The bare loop sends the same number of messages as the first row, each a copy of one real
invitation (taken from the ``delivery`` table while the first round runs) with its own
Message-ID, over ``smtp.connections`` (4) connections, as one worker does; it runs right after
the first row and again at the end, and the ratio is taken against the faster of the two (the
speed of a shared machine drifts over minutes). Three bare loops each time: aiosmtplib's
``sendmail`` on the standard event loop (the bare stack: ``service/bare``), the service's own
SMTP transaction (``service/bare transaction``), and ``sendmail`` on uvloop, the loop the
service runs on (``service/bare on uvloop``). ``CONFERENCE_EVENT_LOOP=asyncio`` in the bench's
environment runs the service's workers on the standard loop instead.

Beside each rate, the CPU time per message of the workers, of PostgreSQL and of the SMTP
server (of the sender and the SMTP server for the bare loop): on a machine with few cores, the
ratio is about the ratio of these sums.

``--profile`` instead runs one worker under pyinstrument for one publication and prints where
its time goes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    Database,
    SmtpCounter,
    cpu_seconds,
    machine,
    postgres,
    postgres_cpu_seconds,
    relay_at_distance,
    service,
    service_env,
    smtp_counter,
    start_workers,
    stop_process,
    table,
)
from bench.seed import (  # noqa: E402
    Seeded,
    _sql,
    add_sessions,
    expected_invitations,
    publish,
    seed,
    wait_drained,
)

CONNECTIONS = 4  # settings.smtp.connections, the default
BARE_LOOPS = ((False, False), (True, False), (False, True))
"""The bare loops of each round: ``sendmail`` (the bare stack), the service's own transaction,
and ``sendmail`` on uvloop, the event loop the service runs on (on the standard one when
``CONFERENCE_EVENT_LOOP=asyncio`` is set for the bench)."""


def wait_listening(db_url: str, k: int, timeout: float = 30.0) -> None:
    """Wait until ``k`` workers listen for outbox notifications (they are then polling)."""
    deadline = time.monotonic() + timeout
    while True:
        n = int(_sql(db_url, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN %'"))
        if n >= k:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"{n} of {k} workers listening after {timeout}s")
        time.sleep(0.05)


class InvitationProbe:
    """Reads the bytes of one invitation not yet sent, during the service's run (the bare loops
    send copies of it): stored with its delivery (code before invitations were rendered at send
    time), else rendered from its delivery's references as a worker renders it
    (docs/outbox.md). What it needs is made before the run is timed: importing the renderer
    costs about 0.45 s of CPU, and a connection of its own a PostgreSQL backend, which the bench
    took from the processes it measures, on the same two cores, in the fan-out's first second
    (bench/README.md, "Session 39")."""

    def __init__(self, db_url: str) -> None:
        from conference.db.pool import create_pool
        from conference.settings import Settings

        settings = Settings()
        try:
            from conference.calendar.invitations import InvitationDeliveries
            self._renderer: Any = InvitationDeliveries(settings)
        except ImportError:  # code before rendering at send time
            self._renderer = None
        self._loop = asyncio.new_event_loop()
        self._pool: Any = self._loop.run_until_complete(create_pool(db_url, settings.database))

    def take(self, timeout: float = 10.0) -> bytes | None:
        """Sent ones have both cleared: the first steps are small and may all be sent already,
        so wait for a later one."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self._loop.run_until_complete(self._one())
            if found is not None:
                return found
            time.sleep(0.01)
        return None

    async def _one(self) -> bytes | None:
        async with self._pool.acquire() as conn:
            stored = await conn.fetchval(
                "SELECT message FROM delivery WHERE template = 'invitation_request'"
                " AND message IS NOT NULL ORDER BY seq DESC LIMIT 1")
            if stored is not None:
                return bytes(stored)
            if self._renderer is None:
                return None
            row = await conn.fetchrow(
                "SELECT render_context, render_args, recipient, message_id, accreditation_id"
                " FROM delivery WHERE template = 'invitation_request'"
                " AND render_args IS NOT NULL ORDER BY seq DESC LIMIT 1")
        if row is None:
            return None
        return bytes(await self._renderer.render(self._pool, row))

    def close(self) -> None:
        self._loop.run_until_complete(self._pool.close())
        self._loop.close()


def measure(db: Database, svc: Any, smtp: SmtpCounter, seeded: Seeded,
            workers: list[subprocess.Popen[bytes]], want_template: bool
            ) -> tuple[dict[str, object], bytes | None]:
    db_url = db.url
    expected = expected_invitations(db_url, seeded.conference_id)
    wait_listening(db_url, len(workers))
    probe = InvitationProbe(db_url) if want_template else None
    base = smtp.count()
    cpu = _cpu(workers, smtp, db)
    watching = cpu_seconds(os.getpid(), children=False)  # the bench's own, while it waits
    t0 = publish(svc, seeded.slug)
    first = smtp.wait_for(base + 1, timeout=120, poll=0.002)
    template = probe.take() if probe is not None else None
    last = smtp.wait_for(base + expected, timeout=900, poll=0.05)
    used = [(b - a) * 1000 / expected
            for a, b in zip(cpu, _cpu(workers, smtp, db), strict=True)]
    watching = cpu_seconds(os.getpid(), children=False) - watching
    if probe is not None:
        probe.close()
    time.sleep(1.0)  # anything more than expected would show now
    extra = smtp.count() - base - expected
    seconds = last - t0
    return {
        "workers": len(workers),
        "invitations": expected,
        "first mail ms": round((first - t0) * 1000, 1),
        "last mail s": round(seconds, 2),
        "msg/s": round(expected / seconds),
        "extra": extra,
        "duplicate ids": smtp.duplicates(),
        "CPU ms/msg workers": round(used[0], 3),
        "PostgreSQL": round(used[1], 3),
        "SMTP server": round(used[2], 3),
        "bench": round(watching * 1000 / expected, 3),
    }, template


def _cpu(workers: list[subprocess.Popen[bytes]], smtp: SmtpCounter, db: Database
         ) -> tuple[float, ...]:
    """CPU seconds so far of the workers, of PostgreSQL and of the counting SMTP server."""
    assert smtp.proc is not None
    return (cpu_seconds(*(w.pid for w in workers)), _postgres_cpu(db),
            cpu_seconds(smtp.proc.pid))


def _postgres_cpu(db: Database) -> float:
    """CPU seconds so far of the embedded server alone: its postmaster, the backends that have
    ended (counted in the postmaster's children times) and those still running. Every
    ``postgres`` process of the machine would count the other PostgreSQL servers too (on a
    shared machine, other people's test runs). With ``--database-url``: every ``postgres``."""
    import psutil

    server: Any = db.server
    if server is None:
        return postgres_cpu_seconds()
    pid = int((Path(server.pgdata) / "postmaster.pid").read_text().split()[0])
    postmaster = psutil.Process(pid)
    t = postmaster.cpu_times()
    total = float(t.user + t.system + t.children_user + t.children_system)
    for child in postmaster.children(recursive=True):
        try:
            c = child.cpu_times()
        except psutil.Error:  # ended meanwhile: in the postmaster's children times next read
            continue
        total += float(c.user + c.system)
    return total


async def _bare(port: int, template: bytes, n: int, connections: int, lean: bool) -> float:
    import aiosmtplib

    from conference.mail.sender import envelope_address, transaction

    match = re.search(rb"\r\nMessage-ID: (<[^>\r\n]+>)", template, re.IGNORECASE)
    assert match is not None, "no Message-ID in the template"
    old = match.group(1)
    run = uuid.uuid4().hex[:8]
    # lean: as the service's mailer, no per-reply timer but one deadline a transaction
    clients = [aiosmtplib.SMTP(hostname="127.0.0.1", port=port, timeout=None if lean else 60)
               for _ in range(connections)]
    for c in clients:
        await c.connect()
    todo = iter(range(n))

    async def lane(client: aiosmtplib.SMTP) -> None:
        for i in todo:
            message = template.replace(old, f"<bare-{run}-{i}@bench.local>".encode(), 1)
            if lean:  # the service's own SMTP transaction (conference/mail/sender.py)
                async with asyncio.timeout(60):
                    await transaction(client, envelope_address("organiser@example.org"),
                                      envelope_address("official@example.org"), message)
            else:
                await client.sendmail("organiser@example.org", ["official@example.org"],
                                      message)

    started = time.monotonic()
    await asyncio.gather(*(lane(c) for c in clients))
    seconds = time.monotonic() - started
    for c in clients:
        await c.quit()
    return seconds


def bare(smtp: SmtpCounter, template: bytes, n: int, connections: int,
         lean: bool = False, port: int | None = None, uvloop: bool = False
         ) -> dict[str, object]:
    """The bare loop: ``sendmail`` as a plain aiosmtplib sender calls it, or (``lean``) the
    service's own SMTP transaction (MAIL and RCPT by command, then DATA), on the same
    library; on the standard event loop, or (``uvloop``) on the one the service runs on."""

    assert smtp.proc is not None
    base = smtp.count()
    before = (cpu_seconds(os.getpid(), children=False), cpu_seconds(smtp.proc.pid))
    factory = None
    if uvloop:
        import uvloop as uv

        factory = uv.new_event_loop
    with asyncio.Runner(loop_factory=factory) as runner:
        seconds = runner.run(_bare(port or smtp.port, template, n, connections, lean))
    assert smtp.count() - base == n, (smtp.count() - base, n)
    after = (cpu_seconds(os.getpid(), children=False), cpu_seconds(smtp.proc.pid))
    how = ("transaction" if lean else "sendmail") + (" on uvloop" if uvloop else "")
    return {"sender": f"bare aiosmtplib {how}, {connections} connections", "messages": n,
            "message bytes": len(template), "seconds": round(seconds, 2),
            "msg/s": round(n / seconds),
            "CPU ms/msg sender": round((after[0] - before[0]) * 1000 / n, 3),
            "SMTP server": round((after[1] - before[1]) * 1000 / n, 3)}


def profiled_worker(db_url: str, smtp_port: int, out: Path) -> subprocess.Popen[bytes]:
    env = service_env(db_url, smtp_port=smtp_port)
    return subprocess.Popen([sys.executable, "-m", "pyinstrument", "-r", "text", "-o", str(out),
                             "-p", "show_all=false", "-m", "conference", "worker"],
                            env=env, start_new_session=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--attendees", type=int, default=5000)
    ap.add_argument("--sessions", type=int, default=4)
    ap.add_argument("--workers", default="1,2,4", help="worker counts, in turn (default 1,2,4)")
    ap.add_argument("--sweep-sessions", type=int, default=2,
                    help="new sessions published for each further worker count")
    ap.add_argument("--profile", action="store_true",
                    help="one worker under pyinstrument, one publication; print the profile")
    ap.add_argument("--database-url", help="a PostgreSQL server to use (default: embedded)")
    ap.add_argument("--relay-rtt", type=float, default=0.0,
                    help="ms of round trip to the SMTP server for the measured sends (a proxy "
                         "that delays each chunk; 0: none)")
    args = ap.parse_args()
    ks = [int(k) for k in args.workers.split(",")]
    started = time.monotonic()

    with postgres(args.database_url) as db, smtp_counter() as smtp, \
            service(db.url, smtp_port=smtp.port, worker=False) as svc, \
            contextlib.ExitStack() as stack:
        # the measured sends go through a link of --relay-rtt; seeding does not
        relay = (stack.enter_context(relay_at_distance(smtp.port, args.relay_rtt))
                 if args.relay_rtt else smtp.port)
        drainers = start_workers(db.url, 2, smtp_port=smtp.port)
        seeded = seed(svc, args.attendees, sessions=args.sessions)
        wait_drained(db.url)
        # what autovacuum would have done long before a real publication, done now rather than
        # during the measure
        _sql(db.url, "VACUUM ANALYZE")
        for w in drainers:
            stop_process(w)
        print(f"seeded {args.attendees:,} approved attendees and {args.sessions} sessions in "
              f"{seeded.seconds:.1f}s; their {smtp.count():,} notices sent "
              f"({time.monotonic() - started:.1f}s)", flush=True)

        if args.profile:
            with tempfile.TemporaryDirectory(prefix="conference-profile-") as tmp:
                out = Path(tmp) / "profile.txt"
                worker = profiled_worker(db.url, smtp.port, out)
                row, _ = measure(db, svc, smtp, seeded, [worker], False)
                stop_process(worker, timeout=60)
                print(table([row]))
                print(out.read_text() if out.exists() else "(no profile written)")
            return

        rows: list[dict[str, object]] = []
        bare_rows: list[dict[str, object]] = []
        template: bytes | None = None
        for i, k in enumerate(ks):
            if i:
                add_sessions(svc, seeded, args.sweep_sessions)
            workers = start_workers(db.url, k, smtp_port=relay)
            try:
                row, got = measure(db, svc, smtp, seeded, workers, template is None)
            finally:
                for w in workers:
                    stop_process(w)
            rows.append(row)
            print(table([row]).splitlines()[-1] if i else table([row]), flush=True)
            if template is None:
                assert got is not None, "no invitation was seen in the delivery table"
                template = got
                # the bare loop right after the first row, and again at the end: the ratio is
                # taken against the faster of the two (this machine's speed drifts)
                for lean, uv in BARE_LOOPS:
                    bare_rows.append(bare(smtp, template, int(str(row["invitations"])),
                                          CONNECTIONS, lean, relay, uv))

        assert template is not None
        for lean, uv in BARE_LOOPS:
            bare_rows.append(bare(smtp, template, int(str(rows[0]["invitations"])),
                                  CONNECTIONS, lean, relay, uv))
        for how, column in (("sendmail,", "service/bare"),
                            ("transaction,", "service/bare transaction"),
                            ("sendmail on uvloop,", "service/bare on uvloop")):
            best = max(float(str(b["msg/s"])) for b in bare_rows if how in str(b["sender"]))
            for row in rows:
                row[column] = round(float(str(row["msg/s"])) / best, 2)

    print()
    print(f"Invitation fan-out: {args.attendees:,} attendees; the first row publishes "
          f"{args.sessions} sessions, each further row {args.sweep_sessions} new ones"
          + (f"; {args.relay_rtt:g} ms round trip to the relay" if args.relay_rtt else ""))
    print(table(rows))
    print()
    print(table(bare_rows))
    print()
    ok = all(r["extra"] == 0 and r["duplicate ids"] == 0 for r in rows)
    print("every invitation exactly once: " + ("yes" if ok else "NO"))
    print(machine())
    print(f"({time.monotonic() - started:.0f}s in all)")
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
