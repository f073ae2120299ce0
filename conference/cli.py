"""The ``conference`` command."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import sys
from pathlib import Path

import asyncpg

from conference.settings import ConfigError, Settings, load_settings

log = logging.getLogger("conference")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="conference", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    def with_config(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sp.add_argument("--config", help="TOML settings file (else $CONFERENCE_CONFIG)")
        return sp

    serve = with_config(sub.add_parser("serve", help="migrate, then serve the HTTP API"))
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--no-worker", action="store_true", help="no in-process event worker")
    serve.add_argument("--processes", type=int, default=1, metavar="N",
                       help="N serving processes sharing the port (SO_REUSEPORT); default 1")
    with_config(sub.add_parser("worker", help="run only the event worker"))
    with_config(sub.add_parser("migrate", help="apply pending migrations"))
    token = sub.add_parser("token", help="manage bearer tokens")
    tsub = token.add_subparsers(dest="token_command", required=True)
    create = with_config(tsub.add_parser("create", help="print a new bearer token"))
    create.add_argument("--role", required=True,
                        choices=["admin", "protocol", "press_office", "security", "door",
                                 "focal_point"])
    create.add_argument("--delegation", help="delegation id (role focal_point)")
    create.add_argument("--expires", help="lifetime: 30d, 12h, 2w or never"
                        " (default: the setting tokens.default_expires)")
    listing = with_config(tsub.add_parser("list", help="the tokens (never their secret)"))
    listing.add_argument("--applicants", action="store_true",
                         help="list the applicants' tokens too")
    revoke = with_config(tsub.add_parser("revoke", help="revoke a token"))
    revoke.add_argument("id", type=int, help="the token's id (from token list)")
    staff = sub.add_parser("staff", help="manage the people who work on conferences")
    ssub = staff.add_subparsers(dest="staff_command", required=True)
    add = with_config(ssub.add_parser("add", help="add a person (a welcome mail follows)"))
    add.add_argument("--email", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True,
                     choices=["admin", "protocol", "press_office", "security", "door"])
    add.add_argument("--conference", help="conference slug (required but for admin)")
    add.add_argument("--language", choices=["fr", "en"], default="en")
    with_config(sub.add_parser(
        "demo", help="load the Brussels 2012 launch conference and a follow-up meeting whose"
                     " press registration is open now; print the URLs of its pages"))
    sub.add_parser("export-schemas", help="rewrite schemas/ from the pydantic models")
    sub.add_parser("routes", help="print the route table the service answers")
    sub.add_parser("consumers", help="print the outbox consumers and what they consume")
    sub.add_parser("events", help="print the catalogue of domain event types")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in ("routes", "consumers", "events"):
        print(_tables(args.command), end="")
        return 0
    if args.command == "export-schemas":
        from conference.app import route_table
        from conference.http.openapi import export
        from conference.runtime import event_types

        target = Path.cwd() / "schemas"
        for path in export(target, route_table(), event_types()):
            print(path.relative_to(Path.cwd()))
        return 0
    try:
        overrides: dict[str, object] = {}
        settings = load_settings(args.config)
        if args.command == "serve" and (args.host or args.port is not None):
            http = settings.http.model_copy(update={
                k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None
            })
            overrides["http"] = http
            settings = settings.model_copy(update=overrides)
    except ConfigError as exc:
        print(f"conference: {exc}", file=sys.stderr)
        return 2
    from conference.logs import configure

    configure(settings.log_level, settings.log_format)
    try:
        if args.command == "serve":
            if args.processes < 1:
                print("conference: --processes takes a number of at least 1", file=sys.stderr)
                return 2
            return _serve(settings, worker=not args.no_worker, processes=args.processes)
        if args.command == "worker":
            with asyncio.Runner(loop_factory=lambda: new_event_loop(settings)) as runner:
                return runner.run(_worker(settings))
        if args.command == "migrate":
            return asyncio.run(_migrate(settings))
        if args.command == "token":
            return asyncio.run(_token(settings, args))
        if args.command == "staff":
            return asyncio.run(_staff_add(settings, args))
        if args.command == "demo":
            return asyncio.run(_demo(settings))
    except (OSError, asyncpg.PostgresError) as exc:
        print(f"conference: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 2


def _tables(which: str) -> str:
    """The composition root's tables as text, one line each (what the service really wires)."""
    from conference.app import route_table
    from conference.runtime import consumers, event_types

    if which == "routes":
        return "".join(f"{r.method:<7}{r.path:<62} {r.who}\n"
                       for r in sorted(route_table(), key=lambda r: (r.path, r.method)))
    if which == "consumers":
        return "".join(
            f"{s.name:<58}{'*' if s.event_types is None else ' '.join(sorted(s.event_types))}\n"
            for s in consumers())
    # the column as wide as the longest name and a space (accreditation.information_requested)
    width = max(34, *(len(name) + 1 for name in event_types()))
    return "".join(f"{name:<{width}}{payload.__name__}\n"
                   for name, payload in sorted(event_types().items()))


async def _url(settings: Settings) -> str:
    from conference.db.embedded import database_url

    return await database_url(settings.database.url, settings.data_dir)


async def _migrate(settings: Settings) -> int:
    from conference.db.migrate import MigrationError, migrate

    conn = await asyncpg.connect(settings.database.listen_url or await _url(settings))
    try:
        applied = await migrate(conn)
    except MigrationError as exc:
        print(f"conference: {exc}", file=sys.stderr)
        return 1
    finally:
        await conn.close()
    print("applied: " + ", ".join(applied) if applied else "nothing to apply")
    return 0


async def _token(settings: Settings, args: argparse.Namespace) -> int:
    from datetime import UTC, datetime
    from uuid import UUID

    from conference.auth import Role
    from conference.db.pool import connect
    from conference.errors import NotFound
    from conference.tokens import service
    from conference.tokens.domain import parse_lifetime

    now = datetime.now(UTC)
    if args.token_command == "create":
        if (args.role == "focal_point") != (args.delegation is not None):
            print("conference: --delegation goes with --role focal_point", file=sys.stderr)
            return 2
        try:
            lifetime = (parse_lifetime(args.expires) if args.expires is not None
                        else settings.tokens.default_lifetime)
            delegation = UUID(args.delegation) if args.delegation else None
        except ValueError as exc:
            print(f"conference: {exc}", file=sys.stderr)
            return 2
    conn = await connect(await _url(settings))  # with the JSON codecs (events)
    try:
        if args.token_command == "create":
            secret = await service.create(conn, Role(args.role), delegation_id=delegation,
                                          lifetime=lifetime, now=now)
            print(secret)
        elif args.token_command == "list":
            print("id\trole\tscope\tcreated\texpires\tstate")
            for t in await service.list_all(conn, applicants=args.applicants):
                print("\t".join([
                    str(t.id), t.role, t.scope, t.created_at.isoformat(timespec="seconds"),
                    t.expires_at.isoformat(timespec="seconds") if t.expires_at else "never",
                    t.state(now) + (f" ({t.revoked_by})" if t.revoked_by else ""),
                ]))
        else:
            try:
                await service.revoke(conn, args.id, None, now)
            except NotFound as exc:
                print(f"conference: {exc.detail}", file=sys.stderr)
                return 1
            print(f"revoked token {args.id}")
    finally:
        await conn.close()
    return 0


async def _demo(settings: Settings) -> int:
    from conference.db.migrate import migrate
    from conference.db.pool import connect
    from conference.demo import load_demo

    conn = await connect(await _url(settings))
    try:
        await migrate(conn)
        summary = await load_demo(conn, base_url=settings.base_url)
    finally:
        await conn.close()
    print(summary)
    return 0


async def _worker(settings: Settings) -> int:
    import signal

    from conference.mail.render import load_templates
    from conference.runtime import open_database, open_mailer, running_worker

    log.info("%d templates loaded", load_templates())
    _keep_loaded_for_good()
    async with open_database(settings, run_migrations=True) as db, open_mailer(settings) as m:
        async with running_worker(db, settings, m) as worker:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, stop.set)
            log.info("worker running")
            await stop.wait()
            worker.stop()
    return 0


def new_event_loop(settings: Settings) -> asyncio.AbstractEventLoop:
    """The event loop ``serve`` and ``worker`` run on: uvloop's by default, the standard
    library's when ``event_loop = "asyncio"`` or where uvloop is not installed (it has no
    Windows build), said once in the log (docs/architecture.md, "Event loop")."""
    if settings.event_loop == "uvloop":
        try:
            import uvloop
        except ImportError:
            log.warning("event loop: uvloop is not installed; the standard library's instead")
        else:
            log.info("event loop: uvloop")
            return uvloop.new_event_loop()
    log.info("event loop: asyncio")
    return asyncio.new_event_loop()


def _keep_loaded_for_good() -> None:
    """What the process has loaded to serve (modules, templates, locale data: some 130,000
    objects that live as long as it does) left out of the garbage collector's full passes
    (docs/architecture.md, "Templates"): each pass walked them all and held the event loop
    for 60 ms and more, several times a minute under a registration burst (the p99)."""
    gc.collect()
    gc.freeze()


def _serve(settings: Settings, *, worker: bool, processes: int = 1) -> int:
    from conference.app import load_templates

    url = asyncio.run(_prepare(settings))
    # after the address and the admin token are printed (a newcomer sees them at once); whoever
    # needs the server answering waits for /healthz (the fuzzing step does)
    log.info("%d templates loaded", load_templates())
    _keep_loaded_for_good()
    if processes == 1:
        _run_app(settings, url, worker=worker)
        return 0
    return _supervise(settings, url, worker=worker, processes=processes)


def _run_app(settings: Settings, url: str, *, worker: bool, reuse_port: bool = False) -> None:
    from aiohttp import web

    from conference.app import create_app
    from conference.logs import AccessLogger

    app = create_app(settings, database_url=url, run_worker=worker)
    web.run_app(
        app, loop=new_event_loop(settings), host=settings.http.host, port=settings.http.port,
        access_log_class=AccessLogger,
        print=None, handle_signals=True, reuse_port=reuse_port or None,
        keepalive_timeout=settings.http.read_timeout_seconds,
    )


def _supervise(settings: Settings, url: str, *, worker: bool, processes: int) -> int:
    """Fork ``processes`` servers on one port (SO_REUSEPORT: the kernel spreads connections),
    each with its own event loop and pool; the first alone runs the event worker.

    SIGTERM or SIGINT to this parent stops every child (each drains as a single server does).
    A child that dies on its own is not restarted: the others are stopped and the parent exits
    1, so that the supervisor above (systemd, a container runtime) sees the failure and restarts
    the whole service, rather than a half-sized one limping on.
    """
    import os
    import signal
    import time

    children: list[int] = []
    for index in range(processes):
        pid = os.fork()
        if pid == 0:  # the child: serve until told to stop, never return into the parent's code
            code = 1
            try:
                _child_of(os.getppid())
                _run_app(settings, url, worker=worker and index == 0, reuse_port=True)
                code = 0
            except SystemExit as exc:  # aiohttp's GracefulExit, on a second signal
                code = exc.code if isinstance(exc.code, int) else 0
            except BaseException:
                log.exception("serving process %d failed", index)
            finally:
                logging.shutdown()
                os._exit(code)
        children.append(pid)
    alive = set(children)
    stopping = False
    code = 0

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True
        for child in alive:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    deadline: float | None = None
    while alive:
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            if stopping and deadline is None:
                deadline = time.monotonic() + 30
            if deadline is not None and time.monotonic() > deadline:
                for child in alive:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(child, signal.SIGKILL)
                deadline = time.monotonic() + 30
            time.sleep(0.1)
            continue
        alive.discard(pid)
        if not stopping:
            log.error("serving process %d exited (status %d): stopping the others", pid,
                      os.waitstatus_to_exitcode(status))
            code = 1
            stop()
    return code


def _child_of(parent: int) -> None:
    """In a forked server: a process group of its own, so that a signal to the parent's group
    (a terminal's Ctrl-C, a supervisor's kill of the group) reaches it once, forwarded by the
    parent; and, on Linux, SIGTERM when the parent dies, so that no server outlives it."""
    import ctypes
    import os
    import signal

    os.setpgid(0, 0)
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


async def _prepare(settings: Settings) -> str:
    """Migrate, and on a database with no admin yet, create one and print its token."""
    from conference.auth import Role, has_admin, issue_token
    from conference.db.migrate import migrate

    url = await _url(settings)
    conn = await asyncpg.connect(settings.database.listen_url or url)  # the migrations' lock
    try:
        await migrate(conn)
        first = not await has_admin(conn)
        token = await issue_token(conn, Role.admin) if first else None
        link = await _first_admin_link(conn, settings) if first else None
    finally:
        await conn.close()
    print(f"Serving on {settings.base_url}  (API: {settings.base_url}/api/v1/openapi.json)")
    if settings.smtp.host:
        print(f"Mail goes to the SMTP relay {settings.smtp.host}:{settings.smtp.port}")
    else:
        print(f"Mail goes to the local sink: the maildir {(settings.data_dir / 'mail').resolve()}")
    if token:
        print(f"Admin token (shown once, stored hashed): {token}")
    if link:
        print(f"Sign-in link for {settings.admin_email} (once, 15 minutes): {link}")
    sys.stdout.flush()
    return url


async def _first_admin_link(conn: asyncpg.Connection, settings: Settings) -> str:
    """The first admin as a person (``admin_email``) with a sign-in link, printed once."""
    from datetime import UTC, datetime

    from conference.people.service import first_admin

    secret = await first_admin(conn, settings.admin_email, datetime.now(UTC))
    return f"{settings.base_url}/signin/{secret}"


async def _staff_add(settings: Settings, args: argparse.Namespace) -> int:
    """``conference staff add``: the same use-case as ``POST /api/v1/staff``."""
    from pydantic import ValidationError

    from conference.auth import Principal, Role
    from conference.db.pool import create_pool
    from conference.errors import Refusal
    from conference.people import service
    from conference.people.models import StaffIn

    try:
        body = StaffIn.model_validate({
            "email": args.email, "name": args.name, "language": args.language,
            "grants": [{"role": args.role, "conference": args.conference}]})
    except ValidationError as exc:
        print(f"conference: {exc}", file=sys.stderr)
        return 2
    pool = await create_pool(await _url(settings), settings.database)
    try:
        person = await service.add_staff(pool, body, Principal(0, Role.admin))
    except Refusal as exc:
        print(f"conference: {exc.detail} {exc.extra or ''}", file=sys.stderr)
        return 2
    finally:
        await pool.close()
    print(f"{person.id} {person.email}: " + ", ".join(
        f"{g.role}@{g.conference or '*'}" for g in person.grants))
    print("The welcome mail goes out with the worker (conference serve or conference worker).")
    return 0
