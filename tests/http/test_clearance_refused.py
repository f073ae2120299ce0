"""A refused security clearance takes the person out of the programme's traffic, out of the
delegation portal's programme and out of the list of participants (docs/credentials.md,
"Vetting"; docs/calendar.md, "Who is invited"): their invitations are cancelled at once, later
updates pass them by, and a clearance given again invites them back from the next
reconciliation."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

from pypdf import PdfReader

from tests.browser.helpers import element, member, text
from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_calendar_flow import (
    BASE,
    BRUSSELS,
    Calendars,
    approved,
    is_invitation,
    official,
)
from tests.http.test_console import _signed_in
from tests.http.test_console_credentials import _conference
from tests.support import RecordingSMTP, body_text


async def _vetting(api: Api, aid: str, status: str, reason: str | None = None) -> None:
    code, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/vetting/status",
                                   role="protocol", json={"status": status, "reason": reason})
    assert code == 200, body


async def _listed(api: Api) -> tuple[set[str], set[str], str]:
    """The family names on the live list of participants, as JSON and as CSV; the PDF's text
    and the HTML page."""
    status, listing, _ = await api.call("GET", f"{BASE}/participants", role="protocol")
    assert status == 200, listing
    as_json = {m["family_name"] for d in listing["delegations"] for m in d["members"]}
    status, text, _ = await api.call("GET", f"{BASE}/participants", role="protocol",
                                     headers={"Accept": "text/csv"})
    assert status == 200
    as_csv = {r["family_name"] for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    status, pdf, _ = await api.call("GET", f"{BASE}/participants", role="protocol",
                                    headers={"Accept": "application/pdf"})
    assert status == 200
    pdf_text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    status, html, _ = await api.call("GET", f"{BASE}/participants", role="protocol",
                                     headers={"Accept": "text/html"})
    assert status == 200
    return as_json, as_csv, pdf_text + html


def _member(delegation_id: str, family: str, email: str) -> dict[str, Any]:
    return {"category": "official", "given_name": "Anna", "family_name": family,
            "email": email, "language": "en", "delegation_id": delegation_id,
            "rank": "senior_official", "function": "Director"}


async def test_a_refused_clearance_cancels_the_invitations_and_a_new_clearance_restores_them(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    cal = Calendars(smtp)
    be = await make_delegation(api, "BE")
    a = await approved(api, official(be["id"], 1), "protocol", "protocol")
    await approved(api, official(be["id"], 2), "protocol", "protocol")
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Plenary hall", "capacity": 300})
    day = datetime.fromisoformat(conference["starts_on"])
    t = lambda h, m=0: datetime(day.year, day.month, day.day, h, m, tzinfo=BRUSSELS)  # noqa: E731
    _, s1, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Ouverture", "en": "Opening"}, "kind": "plenary",
        "room_id": room["id"], "starts_at": t(9).isoformat(), "ends_at": t(10).isoformat(),
        "audience": ["official"], "press_access": "closed"})
    uid = f"session-{s1['id']}@conference.local"
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    invites = await cal.next(2)
    assert [(i.to, i.method, i.sequence) for i in invites] == [
        ("official1@example.org", "REQUEST", 0), ("official2@example.org", "REQUEST", 0)]

    mail = next(m for m in smtp.messages
                if is_invitation(m) and "official1@example.org" in str(m["To"]))
    feed = "/api/v1/calendar/" + body_text(mail).split("/api/v1/calendar/")[1].split()[0]

    async def feed_sessions() -> int:
        status, ics, _ = await api.call("GET", feed)
        assert status == 200, ics
        return int(ics.count("BEGIN:VEVENT"))

    assert await feed_sessions() == 1

    # refused: the invitation they hold is cancelled at once, as after a withdrawal
    await _vetting(api, a, "refused", "Mismatch with the national record.")
    invites = await cal.next(1)
    assert [(i.uid, i.to, i.method, i.sequence) for i in invites] == [
        (uid, "official1@example.org", "CANCEL", 1)]
    assert await feed_sessions() == 0  # their personal feed holds no session either

    # the next update passes them by
    status, _, _ = await api.call("PATCH", f"/api/v1/sessions/{s1['id']}", role="protocol",
                                  json={"starts_at": t(9, 30).isoformat(),
                                        "ends_at": t(10, 30).isoformat()})
    assert status == 200
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    invites = await cal.next(1)
    assert [(i.to, i.method, i.sequence) for i in invites] == [
        ("official2@example.org", "REQUEST", 1)]
    # asked for more information (or cleared) after all: invited again, to the current times
    await _vetting(api, a, "more_information", "The second page of the passport.")
    invites = await cal.next(1)
    assert [(i.uid, i.to, i.method, i.sequence, i.start) for i in invites] == [
        (uid, "official1@example.org", "REQUEST", 2, t(9, 30))]
    assert await feed_sessions() == 1
    await _vetting(api, a, "cleared")
    await cal.next(0)


async def test_a_refused_clearance_takes_the_person_off_the_list_of_participants(
    api: Api, conference: dict[str, Any]
) -> None:
    be = await make_delegation(api, "BE")
    kept = await approved(api, _member(be["id"], "Keptname", "kept@example.org"),
                          "protocol", "protocol")
    gone = await approved(api, _member(be["id"], "Refusedname", "gone@example.org"),
                          "protocol", "protocol")
    as_json, as_csv, pdf = await _listed(api)
    assert as_json == as_csv == {"Keptname", "Refusedname"} and "Refusedname" in pdf

    await _vetting(api, gone, "refused", "Mismatch with the national record.")
    as_json, as_csv, pdf = await _listed(api)
    assert as_json == as_csv == {"Keptname"}
    assert "Refusedname" not in pdf and "Keptname" in pdf
    # the released list, as released: without them
    status, release, _ = await api.call("POST", f"{BASE}/participants/release", role="protocol")
    assert status in (200, 201), release
    status, released, _ = await api.call("GET", f"{BASE}/participants?released=true",
                                         role="protocol")
    assert status == 200, released
    assert {m["family_name"] for d in released["delegations"] for m in d["members"]} == {
        "Keptname"}

    await _vetting(api, gone, "cleared")
    as_json, as_csv, pdf = await _listed(api)
    assert as_json == as_csv == {"Keptname", "Refusedname"} and "Refusedname" in pdf
    assert kept


async def test_the_delegation_portal_lists_no_session_for_a_refused_member(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _conference(api, smtp)
    kept = await member(api, be, "Keptname")
    gone = await member(api, be, "Refusedname")
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Plenary hall", "capacity": 300})
    day = datetime.fromisoformat(str((await api.call("GET", BASE))[1]["starts_on"]))
    start = datetime(day.year, day.month, day.day, 9, tzinfo=BRUSSELS)
    status, session, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Ouverture", "en": "Opening"}, "kind": "plenary",
        "room_id": room["id"], "starts_at": start.isoformat(),
        "ends_at": start.replace(hour=10).isoformat(), "audience": ["minister"],
        "press_access": "closed"})
    assert status == 201, session
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    portal = await _signed_in(api, link)

    async def programme() -> str:
        status, page, _ = await portal.go("GET", "/delegation/alliance-be?lang=en")
        assert status == 200
        return text(element(page, "programme"))

    listed = await programme()
    assert "Keptname" in listed and "Refusedname" in listed, listed
    await _vetting(api, gone["id"], "refused", "Mismatch with the national record.")
    listed = await programme()
    assert "Keptname" in listed and "Refusedname" not in listed, listed
    await _vetting(api, gone["id"], "cleared")
    assert "Refusedname" in await programme()
    assert kept
