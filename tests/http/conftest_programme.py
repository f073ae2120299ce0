"""Helpers for the programme tests (imported by tests/http/test_programme_*.py): rooms,
sessions, delegations and accreditations through the API, and times in the conference zone."""

from __future__ import annotations

import asyncio
import re
import time as clock
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tests.conftest import Api

BRUSSELS = ZoneInfo("Europe/Brussels")


def at(conference: dict[str, Any], hour: int, minute: int = 0, day: int = 0) -> str:
    """A time on the conference's first day (+ `day`), in Brussels, as ISO 8601 with offset."""
    first = date.fromisoformat(conference["starts_on"]) + timedelta(days=day)
    return datetime.combine(first, time(hour, minute), BRUSSELS).isoformat()


def _ascii(name: str) -> str:
    """A name as a plain ASCII local part: "Joëlle" → "joelle", "Michael D." → "michael-d"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower())) or "x"


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


async def make_room(api: Api, name: str | dict[str, str] = "Salle plénière", capacity: int = 300,
                    slug: str = "alliance") -> dict[str, Any]:
    status, body, _ = await api.call("POST", f"/api/v1/conferences/{slug}/rooms", role="admin",
                                     json={"name": name, "capacity": capacity})
    assert status == 201, body
    return dict(body)


def session_body(room: dict[str, Any], starts_at: str, ends_at: str, **changes: Any
                 ) -> dict[str, Any]:
    body: dict[str, Any] = {
        "title": {"fr": "Séance d'ouverture", "en": "Opening session"},
        "kind": "plenary",
        "room_id": room["id"],
        "starts_at": starts_at,
        "ends_at": ends_at,
        "press_access": "open",
        "audience": ["minister", "official"],
        "royal_presence": False,
    }
    body.update(changes)
    return body


async def make_session(api: Api, room: dict[str, Any], starts_at: str, ends_at: str,
                       slug: str = "alliance", **changes: Any) -> dict[str, Any]:
    status, body, _ = await api.call("POST", f"/api/v1/conferences/{slug}/sessions",
                                     role="protocol",
                                     json=session_body(room, starts_at, ends_at, **changes))
    assert status == 201, body
    return dict(body)


async def make_delegation(api: Api, country: str | None = None, organisation: str | None = None,
                          slug: str = "alliance") -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": "country" if country else "organisation",
        "focal_point": {"name": "Focal Point", "email": f"fp-{country or organisation}@example.org"
                        .lower().replace(" ", "-")},
    }
    if country:
        body["country"] = country
    else:
        body["organisation"] = {"name": organisation, "type": "international_organisation"}
    status, created, _ = await api.call("POST", f"/api/v1/conferences/{slug}/delegations",
                                        role="protocol", json=body)
    assert status == 201, created
    return dict(created)


async def accredit(
    api: Api, given: str, family: str, *, delegation: dict[str, Any] | None = None,
    category: str = "minister", rank: str | None = "minister", decision: str | None = "approve",
    slug: str = "alliance", **changes: Any,
) -> dict[str, Any]:
    """File an accreditation through the API and, unless `decision` is None, decide on it."""
    email = f"{_ascii(given)}.{_ascii(family)}@example.org"
    body: dict[str, Any] = {
        "category": category, "given_name": given, "family_name": family, "email": email,
        "language": "fr",
    }
    if category in ("minister", "official"):
        assert delegation is not None
        body.update(delegation_id=delegation["id"], rank=rank, function="Ministre")
    elif rank is not None and category != "press":
        body["rank"] = rank
    body.update(changes)
    status, created, _ = await api.call("POST", f"/api/v1/conferences/{slug}/accreditations",
                                        role="admin", json=body)
    assert status == 201, created
    if decision is not None:
        reason = {"reason": "Not eligible."} if decision == "reject" else {}
        status, decided, _ = await api.call(
            "POST", f"/api/v1/accreditations/{created['id']}/decision", role="admin",
            json={"decision": decision, **reason})
        assert status == 200, decided
        return dict(decided)
    return dict(created)


async def put_participant(api: Api, session: dict[str, Any], accreditation: dict[str, Any],
                          role: str = "speaker") -> tuple[int, Any]:
    status, body, _ = await api.call(
        "PUT", f"/api/v1/sessions/{session['id']}/participants/{accreditation['id']}",
        role="protocol", json={"role": role})
    return status, body


async def payloads(api: Api, event_type: str, count: int, slug: str = "alliance"
                   ) -> list[dict[str, Any]]:
    """The payloads of `event_type` in the event log, once `count` of them are readable.

    The log shows an event only when no older transaction is still running anywhere on the
    server (so that a cursor never skips one), so a shared server may show it a moment late.
    """
    deadline = clock.monotonic() + 10
    while True:
        status, body, _ = await api.call(
            "GET", f"/api/v1/conferences/{slug}/events?limit=500", role="admin")
        assert status == 200, body
        found = [e["payload"] for e in body["items"] if e["type"] == event_type]
        if len(found) >= count or clock.monotonic() > deadline:
            return found
        await asyncio.sleep(0.1)
