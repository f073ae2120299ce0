"""The bare stack: the minimum an event-driven press registration must do, and nothing else.

aiohttp; one pydantic model with the fields of a press application (the same constraints, a
real email check: ``EmailStr``); a fresh 256-bit token whose SHA-256 is kept; one asyncpg pool of
the service's size (no reset query when a connection goes back, like the service's) and ONE
statement that inserts the application (with the token hash) and its outbox event in one
transaction; answered 201 with the id and the token. The indexes are the
ones such a registration cannot do without: the primary keys, one application per address, the
token hash (how the applicant comes back), the undispatched events (how the outbox finds them).
The registration bench loads it and the service alike; their ratio is the service's overhead.

    python bench/bare.py --port 8081 --database-url postgresql://…
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import secrets
import sys
from enum import StrEnum
from typing import Annotated, Literal
from uuid import UUID

import asyncpg
from aiohttp import web
from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, ValidationError

from conference.settings import DatabaseSettings

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class Category(StrEnum):
    press = "press"
    staff = "staff"


class PressRole(StrEnum):
    journalist = "journalist"
    photographer = "photographer"
    camera = "camera"
    technician = "technician"


class Press(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outlet: Text
    press_card_number: Text
    role: PressRole
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None


class Application(BaseModel):
    model_config = ConfigDict(extra="forbid")
    category: Category
    given_name: Text
    family_name: Text
    email: EmailStr
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$")] = "en"
    gender: Literal["female", "male"] | None = None
    press: Press | None = None


SCHEMA = """
CREATE TABLE IF NOT EXISTS bare_registration (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    category            text NOT NULL,
    given_name          text NOT NULL,
    family_name         text NOT NULL,
    email               text NOT NULL UNIQUE,
    language            text NOT NULL,
    gender              text,
    press_outlet        text,
    press_card_number   text,
    press_role          text,
    press_country       text,
    token_hash          bytea NOT NULL UNIQUE,
    submitted_at        timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS bare_event (
    id                  bigserial PRIMARY KEY,
    type                text NOT NULL,
    subject_id          uuid NOT NULL,
    payload             jsonb NOT NULL,
    occurred_at         timestamptz NOT NULL DEFAULT now(),
    dispatched_at       timestamptz
);
CREATE INDEX IF NOT EXISTS bare_event_pending ON bare_event (id) WHERE dispatched_at IS NULL;
"""

INSERT = """
WITH ins AS (
    INSERT INTO bare_registration (category, given_name, family_name, email, language, gender,
                                   press_outlet, press_card_number, press_role, press_country,
                                   token_hash)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
    RETURNING id, category
), event AS (
    INSERT INTO bare_event (type, subject_id, payload)
    SELECT 'registration.submitted', ins.id,
           jsonb_build_object('id', ins.id, 'category', ins.category)
    FROM ins
)
SELECT id FROM ins
"""

pool_key = web.AppKey("pool", asyncpg.Pool)


async def _keep_session(conn: asyncpg.Connection) -> None:
    """No reset query when a connection goes back to the pool (asyncpg's default is a round
    trip per request: ``pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL``), as in
    the service: nothing here keeps session state."""


async def register(request: web.Request) -> web.Response:
    raw = await request.read()
    try:
        a = Application.model_validate_json(raw)
    except ValidationError as exc:
        return web.json_response({"errors": exc.errors(include_url=False, include_input=False)},
                                 status=422, content_type="application/problem+json")
    p = a.press
    token = secrets.token_urlsafe(32)
    try:
        ident: UUID = await request.app[pool_key].fetchval(
            INSERT, a.category.value, a.given_name, a.family_name, a.email, a.language,
            a.gender, p.outlet if p else None, p.press_card_number if p else None,
            p.role.value if p else None, p.country if p else None,
            hashlib.sha256(token.encode()).digest())
    except asyncpg.UniqueViolationError:
        return web.json_response({"title": "duplicate"}, status=409,
                                 content_type="application/problem+json")
    return web.json_response({"id": str(ident), "access_token": token}, status=201)


def make_app(url: str, settings: DatabaseSettings) -> web.Application:
    app = web.Application()

    async def pool(app: web.Application) -> object:
        conn = await asyncpg.connect(url)
        try:
            await conn.execute(SCHEMA)
        finally:
            await conn.close()
        app[pool_key] = await asyncpg.create_pool(
            url, min_size=settings.min_connections, max_size=settings.max_connections,
            command_timeout=settings.command_timeout, reset=_keep_session)
        yield
        await app[pool_key].close()

    app.cleanup_ctx.append(pool)
    app.router.add_post("/register", register)
    app.router.add_get("/readyz", lambda _: asyncio.sleep(0, web.Response(text="ok")))
    return app


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--database-url", required=True)
    p.add_argument("--max-connections", type=int,
                   help="pool size (default: the service's database.max_connections)")
    args = p.parse_args(argv)
    settings = DatabaseSettings()
    if args.max_connections:
        settings = settings.model_copy(update={"max_connections": args.max_connections})
    web.run_app(make_app(args.database_url, settings), host="127.0.0.1", port=args.port,
                print=None, access_log=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
