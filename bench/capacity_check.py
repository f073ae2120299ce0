"""One measured check of the capacity model (bench/README.md, "Capacity model"): the deployment's
shape in small, on this machine.

``conference serve --processes 2`` (no in-process worker) and two ``conference worker``
processes against one PostgreSQL, the counting SMTP server as the relay. A conference is seeded
through the API (``--attendees`` approved officials, ``--sessions`` sessions; their notices sent
and out of the way), then:

- press registrations arrive at a fixed rate (``--rate`` a second for ``--duration`` seconds,
  open loop: ``bench/http_load.py --rate``, each latency counted from its planned instant);
- ``--publish-at`` seconds into that window the programme is published: ``attendees ×
  sessions`` invitations, while the registrations go on (and their own notices, two a
  registration, go through the same workers).

Measured: the registrations' throughput and p50/p99 before the publication and during the
fan-out; the fan-out's first and last invitation sent after the publish commit; the CPU seconds
of each process (each serving process, each worker, PostgreSQL's backends for this database and
its background processes, the SMTP server, the load generator). Printed beside what the model
predicts for this machine from the CPU per request and per message (``--reg-cpu``,
``--msg-cpu``: the figures of bench/README.md).

    python bench/capacity_check.py [--database-url postgresql://postgres@127.0.0.1:5432/postgres]
        [--rate 50] [--duration 60] [--publish-at 20] [--attendees 2000] [--sessions 4]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import seed
from bench.common import (
    ROOT,
    Database,
    SmtpCounter,
    cpu_delta,
    cpu_seconds,
    database_cpu,
    machine,
    percentile,
    postgres,
    service,
    smtp_counter,
    start_workers,
    stop_process,
    table,
)

BENCH = Path(__file__).resolve().parent
SLUG = "capacity"


def sent_invitations(db_url: str) -> int:
    return int(seed._sql(db_url, "SELECT count(*) FROM delivery"
                                 " WHERE status = 'sent' AND dedupe_key LIKE '%:cal:%'"))


def watch_fanout(db_url: str, expected: int, published: float, timeout: float
                 ) -> tuple[float | None, float | None]:
    """Seconds from the publish commit to the first and to the last invitation marked sent."""
    first = last = None
    deadline = published + timeout
    while time.monotonic() < deadline:
        n = sent_invitations(db_url)
        now = time.monotonic() - published
        if n and first is None:
            first = now
        if n >= expected:
            last = now
            break
        time.sleep(0.02)
    return first, last


def window(trace: list[tuple[float, float, int]], start: float, end: float
           ) -> dict[str, object]:
    lat = sorted(lat * 1000 for t, lat, _ in trace if start <= t < end)
    bad = sum(1 for t, _, st in trace if start <= t < end and st != 201)
    span = end - start
    return {"requests": len(lat), "req/s": round(len(lat) / span, 1) if span > 0 else 0.0,
            "p50 ms": percentile(lat, 50), "p99 ms": percentile(lat, 99),
            "max ms": lat[-1] if lat else 0.0, "not 201": bad}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--database-url", help="a PostgreSQL server (a bench_ database is created)")
    p.add_argument("--rate", type=float, default=50.0, help="registrations a second")
    p.add_argument("--duration", type=float, default=60.0, help="seconds of registrations")
    p.add_argument("--publish-at", type=float, default=20.0,
                   help="seconds into the registrations when the programme is published")
    p.add_argument("--attendees", type=int, default=2000)
    p.add_argument("--sessions", type=int, default=4)
    p.add_argument("--idle", type=float, default=5.0,
                   help="seconds measured with no load first (what idle processes spend)")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--keep-alive", action="store_true",
                   help="registrations over kept-alive connections (as behind a reverse proxy)"
                        " rather than one connection each")
    p.add_argument("--processes", type=int, default=2)
    p.add_argument("--reg-cpu", default="0.67,0.55",
                   help="model: app and PostgreSQL CPU ms per registration")
    p.add_argument("--msg-cpu", default="0.71,0.28,0.70",
                   help="model: worker, PostgreSQL and SMTP server CPU ms per message")
    args = p.parse_args(argv)
    _this_checkout()
    reg_app, reg_pg = (float(x) for x in args.reg_cpu.split(","))
    msg_w, msg_pg, msg_smtp = (float(x) for x in args.msg_cpu.split(","))
    started = time.monotonic()
    print(machine(), flush=True)
    results: dict[str, Any] = {"machine": machine(), "args": vars(args)}
    with postgres(args.database_url) as db, smtp_counter() as smtp, \
            service(db.url, smtp_port=smtp.port, processes=args.processes,
                    worker=False) as svc:
        # Every worker from the start: the seeding's submitted and approved events of the same
        # accreditations are dispatched by all of them (one lock order: docs/outbox.md, "Locks";
        # PostgreSQL's deadlock count is reported below).
        workers = start_workers(db.url, args.workers, smtp_port=smtp.port)
        try:
            seeded = seed.seed(svc, args.attendees, sessions=args.sessions, slug=SLUG,
                               pool_capacity=100_000)
            seed.wait_drained(db.url, timeout=600)
            expected = seed.expected_invitations(db.url, seeded.conference_id)
            print(f"  seeded {args.attendees} attendees in {seeded.seconds:.0f} s; "
                  f"{expected:,} invitations to send", flush=True)
            servers = [c.pid for c in _children(svc.proc.pid)]
            named = {**{f"serving process {i + 1}": pid for i, pid in enumerate(servers)},
                     **{f"worker {i + 1}": w.pid for i, w in enumerate(workers)},
                     "SMTP server (counting)": smtp.proc.pid if smtp.proc else 0}
            idle = [Snapshot.take(named, db, smtp)]
            time.sleep(args.idle)
            idle.append(Snapshot.take(named, db, smtp))
            with tempfile.TemporaryDirectory(prefix="conference-capacity-") as tmp:
                trace_file = Path(tmp) / "trace.txt"
                url = f"{svc.base_url}/api/v1/conferences/{SLUG}/accreditations"
                loader = subprocess.Popen(
                    [sys.executable, str(BENCH / "http_load.py"), "--url", url, "--method",
                     "POST", "--press", "--rate", str(args.rate), "--duration",
                     str(args.duration), "--warmup", "0", "--connections", "256",
                     "--trace", str(trace_file),
                     *(["--keep-alive"] if args.keep_alive else [])],
                    stdout=subprocess.PIPE, text=True)
                snaps = [Snapshot.take(named, db, smtp)]
                time.sleep(args.publish_at)
                snaps.append(Snapshot.take(named, db, smtp))
                published = seed.publish(svc, SLUG)
                first, last = watch_fanout(db.url, expected, published,
                                           timeout=args.duration * 20)
                snaps.append(Snapshot.take(named, db, smtp))
                out, _ = loader.communicate()
                seed.wait_drained(db.url, timeout=600)
                snaps.append(Snapshot.take(named, db, smtp))
                load = json.loads(out.strip().splitlines()[-1])
                trace = [(float(a), float(b), int(c)) for a, b, c in
                         (line.split() for line in trace_file.read_text().splitlines())]
            duplicates = smtp.duplicates()
        finally:
            for w in workers:
                stop_process(w)
        time.sleep(1)  # the workers' backends have reported their statistics as they ended
        deadlocks = int(seed._sql(db.url, "SELECT deadlocks FROM pg_stat_database"
                                          " WHERE datname = current_database()"))
    began = float(load["began"])
    pub = published - began
    end_fan = pub + (last or 0.0)
    regs = load["requests"]
    a, b = snaps[0].until(snaps[1]), snaps[1].until(snaps[2])
    rest = idle[0].until(idle[1])
    # net of what the processes spend doing nothing (the workers' polls, timers)
    a_net = {k: v - rest.get(k, 0.0) / rest["seconds"] * a["seconds"] for k, v in a.items()
             if k not in ("seconds", "messages")}
    whole = snaps[0].until(snaps[3])
    whole["load generator"] = float(load["cpu_s"])
    regs_a = sum(1 for t, _, _ in trace if t < pub)
    latency_rows = [
        {"registrations": "before the publication", **window(trace, 0.0, pub)},
        {"registrations": "during the fan-out", **window(trace, pub, end_fan)},
        {"registrations": "after it", **window(trace, end_fan, args.duration)},
        {"registrations": "all", **window(trace, 0.0, args.duration)},
    ]
    latency_rows = [r for r in latency_rows if r["requests"]]
    wall = snaps[3].at - snaps[0].at
    cpu_rows = [{"process": k, "CPU s": round(v, 2), "cores (mean)": round(v / wall, 3),
                 "cores idle": round(rest.get(k, 0.0) / rest["seconds"], 3),
                 "cores before the publication": round(a.get(k, 0.0) / a["seconds"], 3),
                 "cores during the fan-out": round(b.get(k, 0.0) / b["seconds"], 3)}
                for k, v in whole.items() if k not in ("seconds", "messages")]
    ours = [k for k in whole if k not in ("seconds", "messages")]
    cpu_rows.append({"process": "all of the above",
                     "CPU s": round(sum(whole[k] for k in ours), 2),
                     "cores (mean)": round(sum(whole[k] for k in ours) / wall, 3),
                     "cores idle": round(sum(rest.get(k, 0.0) for k in ours)
                                         / rest["seconds"], 3),
                     "cores before the publication": round(
                         sum(a.get(k, 0.0) for k in ours) / a["seconds"], 3),
                     "cores during the fan-out": round(
                         sum(b.get(k, 0.0) for k in ours) / b["seconds"], 3)})
    # Before the publication: registrations and their notices only, per unit. Over the whole
    # window (the fan-out mixes invitations and notices, batched together): CPU seconds
    # against the model's.
    def group(d: Mapping[str, float], prefix: str) -> float:
        return sum(v for k, v in d.items() if k.startswith(prefix))

    notices_a = a["messages"]
    messages = whole["messages"]
    notices = messages - expected
    measured = {
        "app per registration": group(a_net, "serving") / regs_a,
        "PostgreSQL per registration (with its notices)": group(a_net, "PostgreSQL") / regs_a,
        "worker per notice": group(a_net, "worker") / notices_a if notices_a else 0.0,
        "SMTP server per message": group(whole, "SMTP") / messages,
    }
    model = {
        "app per registration": reg_app,
        "PostgreSQL per registration (with its notices)": reg_pg + 2 * msg_pg,
        "worker per notice": msg_w,
        "SMTP server per message": msg_smtp,
    }
    model_rows: list[dict[str, object]] = [
        {"figure": f"CPU ms, {k} (before the publication)", "model": model[k],
         "measured": round(v * 1000, 3), "measured/model": round(v * 1000 / model[k], 2)}
        for k, v in measured.items()]
    totals = {
        "serving processes": (regs * reg_app, group(whole, "serving")),
        "workers": (messages * msg_w, group(whole, "worker")),
        "PostgreSQL": (regs * reg_pg + messages * msg_pg, group(whole, "PostgreSQL")),
    }
    model_rows += [
        {"figure": f"CPU s over the window, {k} ({regs:,} registrations, {expected:,} "
                   f"invitations, {int(notices):,} notices)",
         "model": round(m / 1000, 2), "measured": round(v, 2),
         "measured/model": round(v * 1000 / m, 2) if m else "-"}
        for k, (m, v) in totals.items()]
    # The fan-out's duration: the lower of the workers' serial ceiling (W / worker ms per
    # message) and what the cores left by the registrations and their notices can do; on
    # this machine's 2 cores, and on the cores our processes actually had (others' jobs ran).
    per_msg = msg_w + msg_pg + msg_smtp
    background = args.rate * (reg_app + reg_pg + 2 * per_msg) / 1000
    had = sum(b.get(k, 0.0) for k in ours) / b["seconds"]

    def fan_seconds(cores: float) -> float:
        return float(expected / min(args.workers * 1000 / msg_w,
                                    max(0.01, cores - background) * 1000 / per_msg))

    model_rows += [
        {"figure": f"fan-out of {expected:,} invitations, s (2 cores to ourselves)",
         "model": round(fan_seconds(os.cpu_count() or 2), 2),
         "measured": round(last, 2) if last else "-", "measured/model": "-"},
        {"figure": f"fan-out of {expected:,} invitations, s (the {had:.2f} cores we had)",
         "model": round(fan_seconds(had), 2),
         "measured": round(last, 2) if last else "-",
         "measured/model": round(last / fan_seconds(had), 2) if last else "-"},
        {"figure": "first invitation after the publish commit, ms", "model": "≤ 100",
         "measured": round(first * 1000, 1) if first is not None else "-",
         "measured/model": "-"},
    ]
    print()
    print(f"Capacity check: {args.processes} serving processes, {args.workers} workers, one "
          f"PostgreSQL; {args.rate:g} registrations/s for {args.duration:g} s, the programme "
          f"published at {args.publish_at:g} s ({expected:,} invitations)\n")
    print(table(latency_rows))
    print()
    print(table(cpu_rows))
    print()
    print(table(model_rows))
    print(f"\nmessages accepted by the SMTP server meanwhile: {int(whole['messages']):,} "
          f"({expected:,} invitations, the rest notices of {regs:,} registrations); duplicate "
          f"Message-IDs {duplicates}; deadlocks counted by PostgreSQL {deadlocks}; load "
          f"average at the start {snaps[0].load:.2f}, after the "
          f"fan-out {snaps[2].load:.2f}, at the end {snaps[3].load:.2f}")
    print(f"{machine()}; {time.monotonic() - started:.0f} s in all")
    results.update(load=load, latency=latency_rows, cpu=cpu_rows, model=model_rows,
                   duplicates=duplicates, deadlocks=deadlocks, wall=wall, first_s=first,
                   last_s=last,
                   loads=[s.load for s in snaps])
    saved = ROOT / "var" / "bench"
    saved.mkdir(parents=True, exist_ok=True)
    (saved / "capacity_check.json").write_text(json.dumps(results, indent=2, default=str))
    return 0


@dataclass
class Snapshot:
    """CPU seconds so far of each process, messages accepted so far, when, and the load."""

    at: float
    cpu: dict[str, float]
    pg: tuple[dict[int, float], dict[int, float]]
    messages: int
    load: float

    @classmethod
    def take(cls, named: dict[str, int], db: Database, smtp: SmtpCounter) -> Snapshot:
        return cls(time.monotonic(), {k: cpu_seconds(pid) for k, pid in named.items()},
                   database_cpu(db), smtp.count(), os.getloadavg()[0])

    def until(self, later: Snapshot) -> dict[str, float]:
        """CPU seconds per process between the two, and ``seconds`` and ``messages``."""
        used = {k: later.cpu[k] - self.cpu[k] for k in self.cpu}
        used["PostgreSQL backends"] = cpu_delta(self.pg[0], later.pg[0])
        used["PostgreSQL background"] = cpu_delta(self.pg[1], later.pg[1])
        used["seconds"] = later.at - self.at
        used["messages"] = float(later.messages - self.messages)
        return used


def _this_checkout() -> None:
    """The service and the workers import this checkout's code (not another editable install
    of the package)."""
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])


def _children(pid: int) -> list[Any]:
    import psutil

    try:
        return list(psutil.Process(pid).children())
    except psutil.Error:
        return []


if __name__ == "__main__":
    sys.exit(main())
