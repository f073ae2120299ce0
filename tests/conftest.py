"""Fixtures: a real PostgreSQL (embedded, or CONFERENCE_TEST_DATABASE_URL), one fresh database
per test cloned from a migrated template, a real SMTP server, and the service itself."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest
from aiohttp import CookieJar
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import settings as hypothesis_settings

from conference.app import create_app
from conference.auth import Role, issue_token
from conference.db.migrate import migrate
from conference.http.context import utcnow
from conference.logs import AccessLogger
from conference.settings import Settings
from tests.support import RecordingSMTP

TEMPLATE = f"conference_tpl_{os.getpid()}"

# The property tests check what an example gives, never how fast (speed is measured in bench/):
# no deadline per example, which four test processes on two cores overran (a salutation test
# failed with 620 others passing).
hypothesis_settings.register_profile("suite", deadline=None)
hypothesis_settings.load_profile("suite")


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """URL of the PostgreSQL server's maintenance database."""
    url = os.environ.get("CONFERENCE_TEST_DATABASE_URL")
    if url:
        yield url
        return
    from conference.db.embedded import start_embedded

    # Not under pytest's basetemp: another pytest session starting on the machine sets
    # /tmp/pytest-of-<user> back to mode 0700, which the embedded server's own system user can
    # then no longer traverse (its checkpointer PANICs on pg_control: every later test fails).
    yield start_embedded(Path(tempfile.mkdtemp(prefix="conference-test-pg-")), throwaway=True)


POOLER = os.environ.get("CONFERENCE_TEST_LISTEN_URL")
"""Set when CONFERENCE_TEST_DATABASE_URL is a transaction pooler (PgBouncer): the server behind
it, for what needs a session of its own (creating databases, migrating, LISTEN)."""


def direct_url(db_url: str) -> str:
    """A test database's direct URL: itself, or the same database behind the pooler."""
    return _with_db(POOLER, urlsplit(db_url).path.lstrip("/")) if POOLER else db_url


def _with_db(url: str, name: str) -> str:
    """The same server, another database (keeps ``?host=/socket/dir`` of socket URLs)."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(scope="session")
def admin_url(server_url: str) -> str:
    """Where databases are created and dropped: the server itself, never through a pooler."""
    return POOLER or server_url


@pytest.fixture(scope="session")
async def template_db(admin_url: str) -> AsyncIterator[str]:
    admin = await asyncpg.connect(admin_url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
        await admin.execute(f'CREATE DATABASE "{TEMPLATE}"')
        conn = await asyncpg.connect(_with_db(admin_url, TEMPLATE))
        try:
            await migrate(conn)
        finally:
            await conn.close()
        yield TEMPLATE
        await admin.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE}"')
    finally:
        await admin.close()


@pytest.fixture
async def db_url(server_url: str, admin_url: str, template_db: str) -> AsyncIterator[str]:
    name = f"conference_t_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(admin_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"')
        yield _with_db(server_url, name)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture
async def db(db_url: str) -> AsyncIterator[asyncpg.Connection]:
    from conference.db.pool import connect

    conn = await connect(direct_url(db_url))
    yield conn
    await conn.close()


@pytest.fixture
async def smtp() -> AsyncIterator[RecordingSMTP]:
    server = RecordingSMTP()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def settings(tmp_path: Path, smtp: RecordingSMTP) -> Settings:
    return Settings.model_validate({
        "data_dir": tmp_path,
        "smtp": {"host": "127.0.0.1", "port": smtp.port, "timeout": 5, "connections": 4},
        "worker": {"poll_seconds": 0.5, "backoff_base_seconds": 0.2, "backoff_max_seconds": 1,
                   "lease_seconds": 30, "max_attempts": 10},
        "http": {"public_url": "https://conference.test"},
        "limits": {"registrations_per_minute": 0, "token_lookups_per_minute": 0},
        "database": {"statement_cache_size": 0 if POOLER else 100},
    })


class Api:
    """The service under test, with a token per role."""

    def __init__(self, client: TestClient, db_url: str, tokens: dict[str, str]) -> None:
        self.client = client
        self.db_url = db_url
        self.tokens = tokens

    def auth(self, role: str | None) -> dict[str, str]:
        if role is None:
            return {}
        token = self.tokens.get(role, role)
        return {"Authorization": f"Bearer {token}"}

    async def call(self, method: str, path: str, *, role: str | None = None,
                   json: Any = None, data: Any = None, headers: dict[str, str] | None = None,
                   ) -> tuple[int, Any, Any]:
        h = {**self.auth(role), **(headers or {})}
        resp = await self.client.request(method, path, json=json, data=data, headers=h)
        ctype = resp.headers.get("Content-Type", "")
        body: Any
        if "json" in ctype:
            body = await resp.json(content_type=None)
        elif ctype.startswith("text/") or not ctype:
            body = await resp.text()
        else:
            body = await resp.read()
        return resp.status, body, resp


A = TypeVar("A", bound=Api)


async def start_api(db_url: str, settings: Settings, *, run_worker: bool = True,
                    clock: Callable[[], datetime] = utcnow, port: int | None = None,
                    cls: type[A] = Api) -> A:  # type: ignore[assignment]
    """The service on a test server (on ``port`` of 127.0.0.1 when given), with a token per
    organiser role; ``clock`` replaces the service's clock."""
    if POOLER:  # through PgBouncer: LISTEN and migrations direct, no prepared-statement cache
        settings = settings.model_copy(update={"database": settings.database.model_copy(
            update={"listen_url": direct_url(db_url)})})
    app = create_app(settings, database_url=db_url, run_worker=run_worker, clock=clock)
    server = TestServer(app, host="127.0.0.1", port=port)
    await server.start_server(access_log_class=AccessLogger)
    # The service says https (public_url), the test server speaks http: the jar treats it as
    # the TLS-terminating proxy's origin so that Secure cookies come back.
    jar = CookieJar(unsafe=True, treat_as_secure_origin=[server.make_url("/")])
    client = TestClient(server, cookie_jar=jar)
    await client.start_server()
    conn = await asyncpg.connect(direct_url(db_url))
    try:
        tokens = {r.value: await issue_token(conn, r)
                  for r in (Role.admin, Role.protocol, Role.press_office)}
    finally:
        await conn.close()
    return cls(client, db_url, tokens)


@pytest.fixture
async def api(db_url: str, settings: Settings) -> AsyncIterator[Api]:
    service = await start_api(db_url, settings)
    yield service
    await service.client.close()


def conference_body(slug: str = "alliance", **changes: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    body: dict[str, Any] = {
        "slug": slug,
        "title": {"fr": "Alliance mondiale : réunion", "en": "Global Alliance: meeting"},
        "venue": {"name": "Charlemagne", "address": "Rue de la Loi 170, 1040 Bruxelles"},
        "timezone": "Europe/Brussels",
        "starts_on": (now + timedelta(days=30)).date().isoformat(),
        "ends_on": (now + timedelta(days=31)).date().isoformat(),
        "patron": {"name": "Queen Paola of Belgium", "title": "queen",
                   "style": {"fr": "S.M. la Reine Paola de Belgique",
                             "en": "H.M. Queen Paola of Belgium"}},
        "hosts": [{"name": "Cecilia Malmström", "rank": "minister"},
                  {"name": "Eric Holder", "rank": "minister"}],
        "languages": ["fr", "en"],
        "press_registration": {
            "opens_at": (now - timedelta(days=1)).isoformat(),
            "closes_at": (now + timedelta(days=20)).isoformat(),
            "pool_capacity": 10,
        },
        "security_list_deadline": (now + timedelta(days=25)).isoformat(),
        "spokespersons": [
            {"name": "Michele Cercone", "phone": "+32 2 298 09 63",
             "email": "michele.cercone@example.org"},
            {"name": "Tove Ernst", "phone": "+32 2 298 67 64", "email": "tove.ernst@example.org"},
        ],
        "organiser_email": "organiser@example.org",
        "protocol": {"tie_break": "eu_protocol", "presidency": None, "seated_before_minutes": 15},
    }
    body.update(changes)
    return body


def press_body(n: int = 0, **changes: Any) -> dict[str, Any]:
    """A press application of person ``n``: each ``n`` is another person (family name, address
    and press card differ). Two applications of one ``n`` with only the address changed are one
    person applying twice, possible duplicates (docs/workspaces.md, "Possible duplicates"),
    and are not both approved: give two people two ``n``."""
    body: dict[str, Any] = {
        "category": "press",
        "given_name": "Marie",
        "family_name": f"Dupont{n}" if n else "Dupont",
        "email": f"marie.dupont{n or ''}@example.org",
        "language": "fr",
        "press": {"outlet": "Le Soir", "press_card_number": f"BE-{1000 + n}",
                  "role": "journalist", "country": "BE"},
    }
    body.update(changes)
    return body


@pytest.fixture
async def conference(api: Api) -> dict[str, Any]:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    return dict(body)
