"""Who opens which page of ``/manage/{slug}``, generated from the route table: every GET and
POST under it (the console, the press desk, the door, and any page added later) is called by
every kind of visitor, and each answer must be what ``expected`` says.

Visitors: nobody (sent to the sign-in form), a client with only an API token (pages take no
bearer token: sent to sign-in too), the conference's admin, protocol, press office, security
and door staff, a delegation's focal point, and the protocol officer of another conference. Each
POST carries the visitor's own valid CSRF token, so a refusal is the grant's, not the form's.

A route is a console page (protocol and admin), unless it belongs to another desk by its path
(``AREAS``) or is an administrator's own (``ADMIN_ONLY``); see docs/workspaces.md. What each
route declares (``who``, also in the OpenAPI document) must say the same.
An allowed GET whose path parameters all name real objects must answer 200; an allowed POST
(empty fields) may answer anything but a refusal or a 5xx (422, 303, 404, 409).
"""

from __future__ import annotations

import re

import asyncpg
import pytest

from conference.app import route_table
from conference.auth import Role, issue_token
from conference.http.routes import Route
from conference.settings import Settings
from tests.browser.helpers import hidden, member, press
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import at, make_room, make_session
from tests.http.test_console import Visitor, _signed_in, staff
from tests.http.test_credentials import image
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

VISITORS = ("anonymous", "api_token", "admin", "protocol", "press_office", "security", "door",
            "focal_point", "other_protocol")
CONSOLE = frozenset({"admin", "protocol"})
ADMIN = frozenset({"admin"})
AREAS = (
    ("/manage/{slug}/press", frozenset({"admin", "press_office"})),  # the press desk
    ("/manage/{slug}/security", frozenset({"admin", "protocol", "security"})),
    ("/manage/{slug}/door", frozenset({"admin", "protocol", "door"})),
)
"""The pages of another desk under /manage/{slug}, by path: whoever may open that desk."""
ADMIN_ONLY = frozenset({"console_retry_delivery", "console_retry_failed", "console_retry_event",
                        "console_webhooks", "console_delete_webhook", "staff_page", "staff_add",
                        "settings_form", "settings_save"})
LAST = ("console_delete_webhook",)
"""Actions that change the objects the other calls rely on, called after every other."""


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Seven people sign in from the same test client within the minute."""
    limits = settings.limits.model_copy(update={"signins_per_client_per_minute": 0.0})
    return settings.model_copy(update={"limits": limits})


def console_routes() -> list[Route]:
    routes = [r for r in route_table()
              if r.path == "/manage/{slug}" or r.path.startswith("/manage/{slug}/")]
    return sorted(routes, key=lambda r: (r.handler.__name__ in LAST, r.method != "GET",
                                         r.path))


def _path(template: str, objects: dict[str, str]) -> str:
    """The path with each parameter an object's id (an unknown one: an id that is nobody's)."""
    nobody = "00000000-0000-0000-0000-000000000000"
    return re.sub(r"{(\w+)}", lambda m: objects.get(m.group(1), nobody), template)


def expected(route: Route) -> frozenset[str]:
    if route.handler.__name__ in ADMIN_ONLY:
        return ADMIN
    for prefix, who in AREAS:
        if route.path == prefix or route.path.startswith(prefix + "/"):
            return who
    return CONSOLE


async def _objects(api: Api, smtp: RecordingSMTP) -> tuple[dict[str, str], dict[str, Visitor]]:
    be, link = await _setup(api, smtp)
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body("other"))
    assert status == 201, body
    status, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    journalist = await press(api)
    minister = await member(api, be, "Peeters")
    pending = await member(api, be, "Wouters", decision=None)  # its details still edited
    room = await make_room(api)
    session = await make_session(api, room, at(conference, 9), at(conference, 10),
                                 royal_presence=True, press_access="pool")
    status, body, _ = await api.call(  # a chair: the seating plan has a head table
        "PUT", f"/api/v1/sessions/{session['id']}/participants/{minister['id']}",
        role="protocol", json={"role": "chair"})
    assert status == 200, body
    status, _, _ = await api.call(  # a photo: the console shows it to protocol
        "PUT", f"/api/v1/accreditations/{minister['id']}/photo", role="protocol",
        data=image(900, 1200), headers={"Content-Type": "image/jpeg"})
    assert status == 204
    status, _, _ = await api.call(  # and the press desk to the press office
        "PUT", f"/api/v1/accreditations/{journalist['id']}/photo", role="press_office",
        data=image(900, 1200), headers={"Content-Type": "image/jpeg"})
    assert status == 204
    status, hook, _ = await api.call("POST", "/api/v1/conferences/alliance/webhooks",
                                     role="admin", json={"url": "https://hooks.example.org/x",
                                                         "event_types": ["*"]})
    assert status == 201, hook
    visitors = {
        "anonymous": Visitor(api),
        "api_token": Visitor(api),
        "admin": await staff(api, smtp, "admin@example.org", "admin", conference=None),
        "protocol": await staff(api, smtp, "protocol@example.org", "protocol"),
        "press_office": await staff(api, smtp, "press@example.org", "press_office"),
        "security": await staff(api, smtp, "security@example.org", "security"),
        "door": await staff(api, smtp, "door@example.org", "door"),
        "focal_point": await _signed_in(api, link),
        "other_protocol": await staff(api, smtp, "other@example.org", "protocol",
                                      conference="other"),
    }
    _, deliveries, _ = await api.call("GET", "/api/v1/deliveries", role="admin")
    ids = {"slug": "alliance", "accreditation_id": minister["id"], "press_id": journalist["id"],
           "delegation_id": be["id"], "session_id": session["id"], "room_id": room["id"],
           "webhook_id": hook["id"], "delivery_id": deliveries["items"][0]["id"],
           "event_id": "1", "pending_id": pending["id"]}
    return ids, visitors


async def _api_token(api: Api) -> str:
    """A security officer's bearer token: good for the API, nothing for the pages."""
    conn = await asyncpg.connect(api.db_url)
    try:
        return await issue_token(conn, Role.security)
    finally:
        await conn.close()


async def test_every_console_page_and_action_answers_every_visitor_as_expected(
    api: Api, smtp: RecordingSMTP
) -> None:
    ids, visitors = await _objects(api, smtp)
    security = {"Authorization": f"Bearer {await _api_token(api)}"}
    tokens: dict[str, str] = {}
    for name, v in visitors.items():
        if name not in ("anonymous", "api_token"):
            status, page, _ = await v.go("GET", "/workspaces")
            assert status == 200, name
            tokens[name] = hidden(page, "csrf")
    routes = console_routes()
    names = {r.handler.__name__ for r in routes}
    assert ADMIN_ONLY <= names, "administrators' routes that no longer exist"
    declared = [f"{r.method} {r.path}: who={r.who!r}" for r in routes
                if frozenset(r.who.replace(" ", "").split(",")) != expected(r)]
    assert declared == [], "routes that declare other visitors than they let in"
    assert {"console_overview", "console_accreditations", "console_publish", "door_page",
            "press_queue"} <= names
    wrong: list[str] = []
    calls = 0
    for r in routes:
        known = all(p in ids for p in re.findall(r"{(\w+)}", r.path))
        # the press desk's pages are about the press; the console's about a minister
        objects = {**ids, "accreditation_id": ids["press_id"]} \
            if r.path.startswith("/manage/{slug}/press") else ids
        if r.path == "/manage/{slug}/accreditations/{accreditation_id}/edit":
            # a member's details are edited before the decision (the minister is approved)
            objects = {**ids, "accreditation_id": ids["pending_id"]}
        path = _path(r.path, objects)
        allowed = expected(r)
        for name in VISITORS:
            v = visitors[name]
            data = {"csrf": tokens[name]} if r.method == "POST" and name in tokens else None
            # the visitor's own cookies only (the test client's jar would mix the people's);
            # the body read as bytes (CSV and PDF downloads)
            api.client.session.cookie_jar.clear()
            headers = security if name == "api_token" else {
                "Cookie": "; ".join(f"{k}={c}" for k, c in v.cookies.items())}
            resp = await api.client.request(r.method, path, headers=headers, data=data,
                                            allow_redirects=False)
            await resp.read()
            status, location = resp.status, resp.headers.get("Location", "")
            calls += 1
            where = f"{r.method} {r.path} as {name}: {status}"
            if status >= 500:
                wrong.append(where)
            elif name in ("anonymous", "api_token"):
                if status != 303 or not location.startswith("/signin"):
                    wrong.append(f"{where}, expected 303 to /signin")
            elif name not in allowed:
                if status != 403:
                    wrong.append(f"{where}, expected 403")
            elif status in (401, 403) or location.startswith("/signin"):
                wrong.append(f"{where}, expected to pass")
            elif r.method == "GET" and known and status != 200:
                wrong.append(f"{where}, expected 200")
    assert wrong == [], "\n".join(wrong)
    assert calls == len(routes) * len(VISITORS)

