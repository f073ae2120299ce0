"""The composition root of the HTTP side: the aiohttp application factory.

The routes each domain contributes are listed here, explicitly (``route_table``); the same table
serves aiohttp, the OpenAPI document (``conference routes`` prints it) and the authorisation
matrix test. The event catalogue and the personal-data exporters come from ``runtime``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from datetime import datetime

from aiohttp import web

from conference.accreditation import handlers as accreditation
from conference.accreditation import service as accreditation_service
from conference.auth import resolve_token
from conference.badges import handlers as badges
from conference.calendar import handlers as calendar
from conference.conferences import handlers as conferences
from conference.credentials import handlers as credentials
from conference.errors import Forbidden, Unauthorized
from conference.http import system
from conference.http.context import (
    clock_key,
    event_types_key,
    filings_key,
    max_body_key,
    openapi_key,
    pool_key,
    principal_key,
    session_language_key,
    settings_key,
    signer_key,
    utcnow,
)
from conference.http.hygiene import (
    body_media_key,
    body_middleware,
    read_timeout_key,
    security_headers,
    streamed_body_key,
)
from conference.http.limits import (
    TrustedProxies,
    limit_token_failure,
    limits_key,
    make_limits,
)
from conference.http.openapi import OpenAPIDocument
from conference.http.problems import Handler, problem_middleware
from conference.http.routes import Route
from conference.http.system import serve_metrics
from conference.lifecycle import handlers as lifecycle
from conference.logs import quiet_malformed_requests, request_id_middleware
from conference.mail import render as letters
from conference.operations import handlers as operations
from conference.outbox.wake import Waker
from conference.outbox.worker import Worker
from conference.pages import credentials as credential_pages
from conference.pages import handlers as pages
from conference.people import handlers as people
from conference.privacy import handlers as privacy
from conference.programme import handlers as programme
from conference.replies import handlers as replies
from conference.replies.smtp import start_reply_endpoint
from conference.runtime import (
    event_types,
    open_database,
    open_mailer,
    personal_data_exporters,
    running_worker,
)
from conference.settings import Settings
from conference.signing import load_signer
from conference.tokens import handlers as tokens
from conference.webhooks import handlers as webhooks
from conference.workspaces import (
    console,
    console_accreditations,
    console_credentials,
    console_letter_text,
    console_lifecycle,
    console_programme,
    console_publish,
    console_setup,
    console_zones,
    frame,
    portal_lifecycle,
    press_pools,
    press_reasons,
    press_walkin,
    security,
    signin,
)
from conference.workspaces import credentials as member_credentials
from conference.workspaces import handlers as workspaces


def route_table() -> list[Route]:
    """Every route the service answers, from each domain's own table."""
    return [route for table in (system.routes, conferences.routes, accreditation.routes,
                                programme.routes, calendar.routes, badges.routes, privacy.routes,
                                operations.routes, webhooks.routes, replies.routes,
                                tokens.routes, lifecycle.routes, credentials.routes,
                                pages.routes, credential_pages.routes,
                                people.routes, signin.routes,
                                press_reasons.routes,  # before the desk's /press/{id}
                                press_pools.routes,  # before the desk's /press/{id}
                                press_walkin.routes,  # before the desk's /press/{id}
                                workspaces.routes, member_credentials.routes, security.routes,
                                console_setup.routes,  # before the console's /manage/{slug}
                                console.routes, portal_lifecycle.routes,
                                console_lifecycle.routes, console_programme.routes,
                                console_accreditations.routes, console_publish.routes,
                                console_credentials.routes, console_letter_text.routes,
                                console_zones.routes)
            for route in table]


async def _close_server(server: asyncio.Server) -> None:
    server.close()
    await server.wait_closed()


worker_key = web.AppKey("worker", Worker)
reply_endpoint_key = web.AppKey("reply_endpoint", asyncio.Server)
"""The inbound SMTP endpoint for calendar replies, when ``smtp_in.port`` is set."""
database_url_key = web.AppKey("database_url", str)
waker_key = web.AppKey("waker", Waker)
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


@web.middleware
async def wake_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """After a request that changed something, wake the outbox workers (see outbox/wake.py)."""
    response = await handler(request)
    if request.method not in _SAFE and response.status < 400:
        waker = request.app.get(waker_key)
        if waker is not None:
            waker.poke()
    return response


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    header = request.headers.get("Authorization")
    if header is not None:
        scheme, _, secret = header.partition(" ")
        secret = secret.strip()
        if scheme.lower() != "bearer" or not secret or len(secret) > 200:
            raise Unauthorized("Use Authorization: Bearer <token>.")
        p = await resolve_token(request.app[pool_key], secret)
        if p is None:
            limit_token_failure(request)
            raise Unauthorized("Unknown, expired or revoked token.")
        if p.read_only and request.method not in _SAFE:
            raise Forbidden("This accreditation was revoked or withdrawn: its access token now"
                            " only reads its status and its export.")
        request[principal_key] = p
    return await handler(request)


def load_templates() -> int:
    """Compile every template of the pages, the workspaces and the letters, once, before a
    server process serves (``serve``, before it forks its processes: they share them); a
    template is then never read from the disk again in that process (docs/architecture.md,
    "Templates"). How many."""
    return pages.load_templates() + frame.load_templates() + letters.load_templates()


def create_app(
    settings: Settings,
    *,
    database_url: str | None = None,
    run_worker: bool = True,
    run_migrations: bool = False,
    clock: Callable[[], datetime] = utcnow,
) -> web.Application:
    app = web.Application(
        client_max_size=settings.http.max_body_bytes,
        middlewares=[request_id_middleware, wake_middleware, problem_middleware,
                     pages.unrouted_page_middleware, body_middleware, auth_middleware],
    )
    quiet_malformed_requests()
    app.on_response_prepare.append(security_headers)
    # a flash's names travel in a cookie of the redirect, not its address (docs/workspaces.md)
    app.on_response_prepare.append(frame.set_flash_cookie)
    app[read_timeout_key] = settings.http.read_timeout_seconds
    app[settings_key] = settings
    app[clock_key] = clock
    lim = settings.limits
    app[limits_key] = make_limits(lim.registrations_per_minute, lim.registration_burst,
                                  lim.token_lookups_per_minute, lim.token_lookup_burst,
                                  TrustedProxies.parse(settings.http.proxies))
    app[max_body_key] = settings.http.max_body_bytes
    app[session_language_key] = frame.session_language
    app[signin.signin_limits_key] = signin.make_signin_limits(
        lim.signins_per_address_per_hour, lim.signins_per_client_per_minute)
    routes = route_table()
    app[body_media_key] = {r.handler.__name__: r.accepts for r in routes if r.accepts}
    app[streamed_body_key] = frozenset(r.handler.__name__ for r in routes
                                       if r.extra.get("streams_body"))
    app[openapi_key] = OpenAPIDocument(routes)
    app[event_types_key] = frozenset(event_types())
    app[privacy.exporters_key] = personal_data_exporters()

    async def resources(app: web.Application) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            db = await stack.enter_async_context(
                open_database(settings, url=database_url, run_migrations=run_migrations)
            )
            app[pool_key] = db.pool
            filings = app[filings_key] = accreditation_service.filings(db.pool)
            stack.push_async_callback(filings.close)
            app[signer_key] = await load_signer(db.pool)
            app[database_url_key] = db.url
            worker: Worker | None = None
            if run_worker:
                mailer = await stack.enter_async_context(open_mailer(settings))
                worker = app[worker_key] = await stack.enter_async_context(
                    running_worker(db, settings, mailer)
                )
            waker = app[waker_key] = Waker(db.pool, worker)
            stack.push_async_callback(waker.close)
            if settings.smtp_in.port is not None:
                endpoint = await start_reply_endpoint(
                    db.pool, app[signer_key], host=settings.smtp_in.host,
                    port=settings.smtp_in.port, reply_domain=settings.reply_domain,
                    uid_domain=settings.mail.message_id_domain, clock=clock)
                app[reply_endpoint_key] = endpoint
                stack.push_async_callback(_close_server, endpoint)
            if settings.metrics.host is not None:
                runner = await serve_metrics(db.pool, settings.metrics.host,
                                             settings.metrics.port)
                stack.push_async_callback(runner.cleanup)
            yield

    app.cleanup_ctx.append(resources)
    for r in routes:
        app.router.add_route(r.method, r.path, r.handler, name=r.handler.__name__)
        if r.method == "GET":
            # HEAD wherever GET (RFC 9110, 9.3.2): monitors, link checkers and calendar clients
            # probing a subscription got 405 (tried as a protocol officer, 5 December 2026);
            # aiohttp sends the GET's headers without its body
            app.router.add_route("HEAD", r.path, r.handler)
    return app
