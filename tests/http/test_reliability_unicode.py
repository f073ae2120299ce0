"""Free text from all of Unicode: each value is either refused with a 422 naming its field, or
carried through registration, decision, publication, every mail and every feed, the mail
arriving and parsing (email and iCalendar); no event is ever shelved, no delivery fails."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any

import asyncpg
import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Api, conference_body
from tests.support import RecordingSMTP, outbox_settled

_TRICKY = ["\u2028", "\u2029", "\u202e", "\u2066", "\u200b", "\u200d", "\u200c", "\ufeff",
           "\u0301", "\u0308", "\U0001f600", "\U0001f1e7\U0001f1ea", "\U00020000", "\ufdd0",
           "\U000e0041", "\x85", "\t", "\r\n", " ", "é", "ß", "\u05d0", "\u0627", "a", "Z",
           ":", ";", ",", "\\", '"', "<", "=?utf-8?q?x?="]
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=15),
    st.lists(st.sampled_from(_TRICKY), min_size=1, max_size=8).map("".join),
)
_counter = itertools.count(1)


async def _call_or_fallback(api: Api, method: str, path: str, body: dict[str, Any],
                            fields: dict[str, tuple[str, ...]], safe: dict[str, Any],
                            role: str | None) -> dict[str, Any]:
    """Call; on 422 the refused fields must be among the free-text ones tried, and the call is
    repeated with safe values for them."""
    status, answer, resp = await api.call(method, path, role=role, json=body)
    if status == 422:
        assert resp.headers["Content-Type"] == "application/problem+json"
        named = {e["field"] for e in answer["errors"]}
        assert named and named <= {f for fs in fields.values() for f in fs}, answer
        status, answer, _ = await api.call(method, path, role=role, json={**body, **safe})
    assert status == 201, answer
    return dict(answer)


def _parse(msg: EmailMessage) -> None:
    """A message a mail client reads: its headers, its text, its calendar."""
    str(msg["Subject"]), str(msg["To"]), str(msg["From"])
    for part in msg.walk():
        if part.get_content_maintype() == "multipart":
            continue
        content = part.get_content()
        if part.get_content_type() == "text/calendar":
            raw = content.encode() if isinstance(content, str) else content
            cal = icalendar.Calendar.from_ical(raw)
            assert [c for c in cal.walk("VEVENT")], raw[:200]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(title=TEXT, given_name=TEXT, family_name=TEXT, function=TEXT, outlet=TEXT,
       room=TEXT, session_title=TEXT)
async def test_any_unicode_is_refused_by_name_or_carried_everywhere(
    api: Api, smtp: RecordingSMTP, title: str, given_name: str, family_name: str,
    function: str, outlet: str, room: str, session_title: str,
) -> None:
    n = next(_counter)
    slug = f"u{n}"
    base = f"/api/v1/conferences/{slug}"
    now = datetime.now(UTC)
    await _call_or_fallback(
        api, "POST", "/api/v1/conferences",
        conference_body(slug, title={"fr": title, "en": title}),
        {"title": ("title.fr", "title.en")}, {"title": {"fr": "Titre", "en": "Title"}}, "admin")
    status, d, _ = await api.call("POST", f"{base}/delegations", role="protocol", json={
        "kind": "country", "country": "BE",
        "focal_point": {"name": "Focal", "email": f"fp{n}@example.org"}})
    assert status == 201, d
    person = {"given_name": given_name, "family_name": family_name}
    names = {"given_name": ("given_name",), "family_name": ("family_name",)}
    safe_names = {"given_name": "Anne", "family_name": "Peeters"}
    official = await _call_or_fallback(
        api, "POST", f"{base}/accreditations",
        {"category": "official", **person, "email": f"official{n}@example.org",
         "language": "fr", "delegation_id": d["id"], "rank": "senior_official",
         "function": function},
        {**names, "function": ("function",)}, {**safe_names, "function": "Directrice"},
        "protocol")
    press = await _call_or_fallback(
        api, "POST", f"{base}/accreditations",
        {"category": "press", **person, "email": f"press{n}@example.org", "language": "en",
         "press": {"outlet": outlet, "press_card_number": f"BE-{n}", "role": "journalist"}},
        {**names, "press": ("press.outlet",)},
        {**safe_names, "press": {"outlet": "Le Soir", "press_card_number": f"BE-{n}",
                                 "role": "journalist"}}, None)
    for acc, decider in ((official, "protocol"), (press, "press_office")):
        status, body, _ = await api.call("POST", f"/api/v1/accreditations/{acc['id']}/decision",
                                         role=decider, json={"decision": "approve"})
        assert status == 200, body
    hall = await _call_or_fallback(api, "POST", f"{base}/rooms",
                                   {"name": room, "capacity": 100}, {"name": ("name",)},
                                   {"name": "Hall"}, "protocol")
    conf_start = datetime.fromisoformat(conference_body()["starts_on"]).date()
    starts = datetime(conf_start.year, conf_start.month, conf_start.day, 9, tzinfo=UTC)
    await _call_or_fallback(
        api, "POST", f"{base}/sessions",
        {"title": {"fr": session_title, "en": session_title}, "kind": "plenary",
         "room_id": hall["id"], "starts_at": starts.isoformat(),
         "ends_at": (starts + timedelta(hours=1)).isoformat(),
         "audience": ["official", "press"], "press_access": "open"},
        {"title": ("title.fr", "title.en")}, {"title": {"fr": "Séance", "en": "Session"}},
        "protocol")
    status, body, _ = await api.call("POST", f"{base}/programme/publish", role="protocol")
    assert status == 201, body

    conn = await asyncpg.connect(api.db_url)
    try:
        await outbox_settled(conn, 30.0)
    finally:
        await conn.close()
    for address in (f"official{n}@example.org", f"press{n}@example.org"):
        letters = smtp.to(address)
        # acknowledgement, approval, invitation
        assert len(letters) >= 3, [m["Subject"] for m in letters]
        for msg in letters:
            _parse(msg)
        assert any(m.get_content_type() == "text/calendar" or any(
            p.get_content_type() == "text/calendar" for p in m.walk()) for m in letters)
    for msg in smtp.messages:
        _parse(msg)
    status, ics, resp = await api.call("GET", f"{base}/programme.ics")
    assert status == 200, ics
    raw = ics if isinstance(ics, bytes) else str(ics).encode()
    assert icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert (await api.call("GET", f"{base}/programme"))[0] == 200
    conn = await asyncpg.connect(api.db_url)
    try:
        assert await conn.fetchval("SELECT count(*) FROM delivery WHERE status = 'failed'") == 0
        assert await conn.fetchval(
            "SELECT count(*) FROM domain_event WHERE dispatch_error IS NOT NULL") == 0
    finally:
        await conn.close()
    assert now  # the window of the conference body is relative to now
