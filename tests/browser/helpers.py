"""Helpers shared by the page, badge and browser tests: accreditations, rooms, sessions, the
published programme and zones through the API, and small HTML readers."""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.conftest import Api, press_body

# the same rooms, sessions and times as the programme tests, under the names used here
from tests.http.conftest_programme import at  # noqa: F401
from tests.http.conftest_programme import make_delegation as delegation  # noqa: F401
from tests.http.conftest_programme import make_room as room  # noqa: F401
from tests.http.conftest_programme import make_session as session  # noqa: F401
from tests.support import body_text, current_token

BASE = "/api/v1/conferences/alliance"
OPEN_SINCE = (datetime.now(UTC) - timedelta(days=2)).date().isoformat()


async def press(api: Api, n: int = 0, *, decision: str | None = None, **changes: Any
                ) -> dict[str, Any]:
    """A press application through the API (and a decision on it, when given)."""
    status, created, _ = await api.call("POST", f"{BASE}/accreditations",
                                        json=press_body(n, **changes))
    assert status == 201, created
    if decision is not None:
        status, decided, _ = await api.call(
            "POST", f"/api/v1/accreditations/{created['id']}/decision", role="press_office",
            json={"decision": decision})
        assert status == 200, decided
        created = {**created, **decided}
    return {**created, "access_token": await current_token(api.db_url, created["id"])}


async def member(api: Api, deleg: dict[str, Any], family: str, *, category: str = "minister",
                 rank: str = "minister", decision: str | None = "approve") -> dict[str, Any]:
    body = {"category": category, "given_name": "Anna", "family_name": family,
            "email": f"{family.lower()}@example.org", "language": "en",
            "delegation_id": deleg["id"], "rank": rank, "function": "Minister"}
    status, created, _ = await api.call("POST", f"{BASE}/accreditations", role="protocol",
                                        json=body)
    assert status == 201, created
    if decision is not None:
        status, decided, _ = await api.call(
            "POST", f"/api/v1/accreditations/{created['id']}/decision", role="protocol",
            json={"decision": decision})
        assert status == 200, decided
        created = {**created, **decided}
    return {**created, "access_token": await current_token(api.db_url, created["id"])}


async def participant(api: Api, s: dict[str, Any], acc: dict[str, Any], role: str = "speaker"
                      ) -> None:
    status, body, _ = await api.call(
        "PUT", f"/api/v1/sessions/{s['id']}/participants/{acc['id']}", role="protocol",
        json={"role": role})
    assert status == 200, body


async def publish(api: Api) -> dict[str, Any]:
    status, body, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, body
    return dict(body)


async def zone(api: Api, code: str, *, kind: str = "standard", categories: list[str] = (),
               sessions: list[str] = (), pools: list[str] = (),
               opens_on: str | None = OPEN_SINCE) -> dict[str, Any]:
    """A zone; it admits from two days ago (``opens_on``) so that today's scans, a month
    before the test conference, read the other rules (docs/credentials.md, "Days of
    admission"); ``opens_on=None``: the conference's days only."""
    body = {"code": code, "name": {"fr": f"Zone {code}", "en": f"Zone {code}"}, "kind": kind,
            "grants": {"categories": list(categories), "sessions": list(sessions),
                       "pools": list(pools)}}
    if opens_on is not None:
        body["opens_on"] = opens_on
    status, created, _ = await api.call("POST", f"{BASE}/zones", role="protocol", json=body)
    assert status == 201, created
    return dict(created)


async def pool(api: Api, name: str = "Pool royal") -> dict[str, Any]:
    status, created, _ = await api.call("POST", f"{BASE}/pools", role="press_office",
                                        json={"name": name})
    assert status == 201, created
    return dict(created)


async def scan(api: Api, badge: str, zone_code: str, role: str = "protocol") -> dict[str, Any]:
    status, body, _ = await api.call("POST", f"{BASE}/check-ins", role=role,
                                     json={"badge": badge, "zone": zone_code})
    assert status == 200, body
    return dict(body)


def door_scan(site_url: str, zone_code: str, badge: str, shows: str
              ) -> Callable[[Any, str], Awaitable[None]]:
    """How a tab reaches a door verdict in a language (an ``_audit`` reach): the door page,
    the zone chosen, the badge typed and sent with Enter, then the element ``shows`` waited
    for (``#door-result.door-refused``, ``#door-again``…)."""
    async def scan_at_door(tab: Any, lang: str) -> None:
        await tab.goto(f"{site_url}/manage/alliance/door?lang={lang}")
        await tab.locator("#zone").select_option(zone_code)
        await tab.locator("#badge").fill(badge)
        await tab.locator("#badge").press("Enter")
        await tab.locator(shows).wait_for()

    return scan_at_door


# --- reading HTML -----------------------------------------------------------------------------


def hidden(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page)
    assert match, f"no hidden field {name}"
    return html.unescape(match.group(1))


def switch_fields(page: str) -> tuple[str, dict[str, str]]:
    """A page's language control, when it posts: where it posts and the fields it carries,
    those of the page's form it submits (as they stand in the page) with its own, or those of
    its own form of hidden fields (docs/workspaces.md, "The language control")."""
    button = re.search(r'<button type="submit" form="([^"]+)" formaction="([^"]+)"[^>]*'
                       r' name="([^"]+)" value="([^"]*)"[^>]*id="switch-language"', page)
    if button:
        form = re.search(rf'<form [^>]*id="{re.escape(button.group(1))}"[^>]*>(.*?)</form>',
                         page, re.S)
        assert form, f"no form #{button.group(1)}"
        return html.unescape(button.group(2)), {**form_fields(form.group(1)),
                                                button.group(3): button.group(4)}
    form = re.search(r'<form method="post" action="([^"]+)" class="switch-form">(.*?)</form>',
                     page, re.S)
    assert form, "no language button"
    fields = {name: hidden(form.group(2), name)
              for name in re.findall(r'type="hidden" name="([^"]+)"', form.group(2))}
    return form.group(1).replace("&amp;", "&"), fields


def form_fields(form: str) -> dict[str, str]:
    """What a browser sends of a form's text fields, hidden fields, selects and text areas as
    the page shows them (no file, no submit button)."""
    fields: dict[str, str] = {}
    for tag in re.findall(r"<input\b[^>]*>", form):
        name = re.search(r'\bname="([^"]*)"', tag)
        kind = re.search(r'\btype="([^"]*)"', tag)
        if name is None or (kind and kind.group(1) in ("submit", "file", "button")):
            continue
        if kind and kind.group(1) in ("checkbox", "radio") and " checked" not in tag:
            continue
        value = re.search(r'\bvalue="([^"]*)"', tag)
        fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    for name, options in re.findall(r'<select\b[^>]*\bname="([^"]*)"[^>]*>(.*?)</select>',
                                    form, re.S):
        values = re.findall(r'<option value="([^"]*)"([^>]*)>', options)
        chosen = [v for v, attributes in values if re.search(r"\bselected\b", attributes)] \
            or [v for v, _ in values[:1]]
        fields[name] = html.unescape(chosen[0]) if chosen else ""
    for name, value in re.findall(r'<textarea\b[^>]*\bname="([^"]*)"[^>]*>(.*?)</textarea>',
                                  form, re.S):
        fields[name] = html.unescape(value)
    return fields


def element(page: str, element_id: str) -> str:
    """The text of the first element with this id (tags stripped, whitespace collapsed)."""
    match = re.search(rf'<(\w+)[^>]*\bid="{re.escape(element_id)}"[^>]*>(.*?)</\1>', page, re.S)
    assert match, f"no element #{element_id}"
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", match.group(2))).split())


def text(page: str) -> str:
    """The page's visible text (tags stripped, whitespace collapsed)."""
    body = re.sub(r"<(head|script|style)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", body)).split())


def landing(role: str, conference: str) -> str:
    """The workspace a colleague's welcome lands on, by the role granted on one conference."""
    own = {"press_office": "/press", "door": "/door", "security": "/security"}
    return f"/manage/{conference}{own.get(role, '')}"


async def spend_welcome(page: Any, link: str, *, lands: str, button: str = "Sign me in") -> None:
    """A colleague signs in with the link of their welcome mail, in the browser: the button
    that spends it, then the workspace the role's welcome lands on (``lands``, a path: the press
    desk for the press office; docs/workspaces.md, "Sign-in")."""
    await page.goto(link)
    await page.get_by_role("button", name=button).click()
    await page.wait_for_url(re.compile(rf"^[^?]*{re.escape(lands)}\?"))


async def press_officer_signed_in(site: Any, smtp: Any, page: Any, *, language: str = "en",
                                  email: str = "tove.ernst@example.org") -> None:
    """The press desk journeys' preamble: a press officer of the conference ``alliance`` added
    to the staff, signed in in the browser with the link of their welcome mail, on the desk."""
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": email, "name": "Tove Ernst", "language": language,
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: email in m["To"]
                                    and "/signin/" in body_text(m))
    link = re.search(rf"{re.escape(site.url)}/signin/\S+", body_text(welcome))
    assert link, body_text(welcome)
    await spend_welcome(page, link.group(0), lands="/manage/alliance/press",
                        button="Me connecter" if language == "fr" else "Sign me in")


async def focal_point_signed_in(site: Any, smtp: Any, page: Any, **conference: Any
                                ) -> dict[str, Any]:
    """The portal journeys' preamble: the conference ``alliance`` (``conference_body`` with
    ``conference``'s changes) and its Belgian delegation, whose focal point signs in in the
    browser with the link of their welcome mail (in French) and lands on the delegation's
    page. The delegation."""
    from tests.conftest import conference_body

    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body(**conference))
    assert status == 201, body
    be = await delegation(site, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    link = re.search(rf"{re.escape(site.url)}/signin/\S+", body_text(welcome))
    assert link, body_text(welcome)
    await page.goto(link.group(0))
    await page.get_by_role("button", name="Me connecter").click()
    # the welcome's delegation
    await page.wait_for_url(re.compile(r".*/delegation/alliance-be\?lang=fr$"))
    return dict(be)
