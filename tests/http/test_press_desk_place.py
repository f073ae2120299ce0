"""The press desk keeps the officer's place (docs/workspaces.md, "The officer's place"): after a
decision, a batch, a request for information, the desk comes back to the tab, the search and
the page the officer was on, with its confirmation; the place rides in a hidden field, read
again parameter by parameter, never an address of another site. And a batch reads only the
applications ticked. A real database and a real SMTP server."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import asyncpg
import pytest

from conference.workspaces import handlers
from conference.workspaces import repo as ws
from tests.browser.helpers import element, hidden, press
from tests.conftest import Api
from tests.http.test_workspaces import Visitor
from tests.http.test_workspaces_reasons import _conference, _officer
from tests.support import RecordingSMTP

DESK = "/manage/alliance/press"
PLACE = {"status": ["waitlisted"], "q": ["le monde"], "page": ["3"]}


def _le_monde(n: int) -> dict[str, Any]:
    return {"outlet": "Le Monde", "press_card_number": f"FR-{2000 + n}", "role": "journalist",
            "country": "FR"}


async def _waiting(api: Api, smtp: RecordingSMTP, monkeypatch: pytest.MonkeyPatch
                   ) -> tuple[list[dict[str, Any]], Visitor]:
    """Six journalists of Le Monde on the waiting list among others, a queue of two a page
    (hundreds on the day: the same pages, shorter), and the press officer signed in."""
    monkeypatch.setattr(handlers, "QUEUE_PAGE_SIZE", 2)
    await _conference(api)
    monde = [await press(api, n, decision="waitlist", press=_le_monde(n)) for n in range(1, 7)]
    await press(api, 7, decision="waitlist")  # Le Soir, on the waiting list too
    await press(api, 8)  # Le Soir, submitted
    return monde, await _officer(api, smtp)


def _query(location: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(location).query)


def _place_of(location: str) -> dict[str, list[str]]:
    return {k: v for k, v in _query(location).items() if k in ("status", "q", "page")}


async def test_a_decision_comes_back_to_the_tab_the_search_and_the_page(
    api: Api, smtp: RecordingSMTP, monkeypatch: pytest.MonkeyPatch
) -> None:
    monde, v = await _waiting(api, smtp, monkeypatch)
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&status=waitlisted&q=le+monde&page=3")
    assert element(queue, "page-of") == "Page 3 of 3"
    fifth = monde[4]
    link = re.search(rf'href="({DESK}/{fifth["id"]}\?[^"]+)"', queue)
    assert link, queue
    opened = link.group(1).replace("&amp;", "&")
    assert _place_of(opened) == PLACE  # the application opened from page 3 knows it

    _, page, _ = await v.go("GET", opened)
    back = hidden(page, "back")
    assert parse_qs(back) == PLACE
    # every form of the page carries it, and the desk's crumb leads back there
    assert page.count('name="back"') == 3  # decision, information, correction
    assert re.search(rf'<a href="{DESK}\?status=waitlisted&amp;q=le\+monde&amp;page=3'
                     r'&amp;lang=en">Press office</a>', page)
    status, _, resp = await v.go("POST", f"{DESK}/{fifth['id']}/decision?lang=en", {
        "csrf": hidden(page, "csrf"), "back": back, "decision": "approve"})
    assert status == 303
    location = resp.headers["Location"]
    assert urlsplit(location).path == DESK and _place_of(location) == PLACE
    _, queue, _ = await v.go("GET", location)
    assert element(queue, "flash") == "Accreditation approved for Marie Dupont5."
    assert element(queue, "page-of") == "Page 3 of 3"  # still there, five left
    assert 'value="le monde"' in queue
    assert re.search(r'aria-current="page">On the waiting list \(6\)', queue)


async def test_a_batch_comes_back_to_the_page_it_was_sent_from(
    api: Api, smtp: RecordingSMTP, monkeypatch: pytest.MonkeyPatch
) -> None:
    monde, v = await _waiting(api, smtp, monkeypatch)
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&status=waitlisted&q=le+monde&page=2")
    form = queue[queue.index('id="batch-form"'):]
    assert 'name="page" value="2"' in form and 'name="q" value="le monde"' in form
    status, _, resp = await v.go("POST", f"{DESK}/batch?lang=en", {
        "csrf": hidden(queue, "csrf"), "decision": "approve", "id": monde[2]["id"],
        "status": "waitlisted", "q": "le monde", "page": "2"})
    assert status == 303
    location = resp.headers["Location"]
    assert _place_of(location) == {"status": ["waitlisted"], "q": ["le monde"], "page": ["2"]}
    _, queue, _ = await v.go("GET", location)
    assert element(queue, "flash") == "1 application approved."
    assert element(queue, "page-of") == "Page 2 of 3"


async def test_a_request_for_information_comes_back_to_the_queue_where_it_was_asked(
    api: Api, smtp: RecordingSMTP, monkeypatch: pytest.MonkeyPatch
) -> None:
    monde, v = await _waiting(api, smtp, monkeypatch)
    sixth = monde[5]
    _, page, _ = await v.go("GET", f"{DESK}/{sixth['id']}?lang=en&status=waitlisted"
                                   "&q=le+monde&page=3")
    status, _, resp = await v.go("POST", f"{DESK}/{sixth['id']}/information?lang=en", {
        "csrf": hidden(page, "csrf"), "back": hidden(page, "back"),
        "information_message": "Please send a scan of your press card."})
    assert status == 303
    location = resp.headers["Location"]
    assert urlsplit(location).path == DESK and _place_of(location) == PLACE
    _, queue, _ = await v.go("GET", location)
    assert element(queue, "flash") == "Request for information sent to Marie Dupont6."
    assert f'id="asked-{sixth["id"]}"' in queue  # on the page the officer was on


async def test_the_language_button_keeps_the_place_and_a_refusal_too(
    api: Api, smtp: RecordingSMTP, monkeypatch: pytest.MonkeyPatch
) -> None:
    monde, v = await _waiting(api, smtp, monkeypatch)
    path = f"{DESK}/{monde[0]['id']}"
    _, page, _ = await v.go("GET", f"{path}?lang=en&status=waitlisted&q=le+monde&page=3")
    back = hidden(page, "back")
    # a rejection without a reason: the page again, the place still in its forms
    status, page, _ = await v.go("POST", f"{path}/decision?lang=en", {
        "csrf": hidden(page, "csrf"), "back": back, "decision": "reject"})
    assert status == 422 and hidden(page, "back") == back
    status, page, _ = await v.go("POST", f"{path}/decision?lang=fr", {
        "csrf": hidden(page, "csrf"), "back": back, "decision": "reject", "switch": "1"})
    assert status == 200 and hidden(page, "back") == back
    status, _, resp = await v.go("POST", f"{path}/decision?lang=fr", {
        "csrf": hidden(page, "csrf"), "back": back, "decision": "reject",
        "reason": "Carte de presse illisible."})
    assert status == 303 and _place_of(resp.headers["Location"]) == PLACE


@pytest.mark.parametrize("back", [
    "https://evil.example/manage/alliance/press?status=waitlisted",
    "//evil.example/x",
    "/\\evil.example",
    "status=bogus&role=spy&page=abc&next=https://evil.example/&q=le+monde",
    "status=waitlisted&status=approved&q=le+monde&page=3&lang=xx&done=revoke",
])
async def test_the_place_sent_back_is_read_again_and_never_leads_elsewhere(
    api: Api, smtp: RecordingSMTP, monkeypatch: pytest.MonkeyPatch, back: str
) -> None:
    monde, v = await _waiting(api, smtp, monkeypatch)
    _, page, _ = await v.go("GET", f"{DESK}/{monde[0]['id']}?lang=en")
    status, _, resp = await v.go("POST", f"{DESK}/{monde[0]['id']}/decision?lang=en", {
        "csrf": hidden(page, "csrf"), "back": back, "decision": "approve"})
    assert status == 303
    location = resp.headers["Location"]
    assert location.startswith(f"{DESK}?lang=en&done=approve")
    assert "evil" not in location and "spy" not in location and "bogus" not in location
    query = _query(location)
    assert query["done"] == ["approve"] and query["lang"] == ["en"]
    if "q=le+monde" in back:
        assert query["q"] == ["le monde"]
    if back.startswith("status=waitlisted"):
        assert query["status"] == ["waitlisted"] and query["page"] == ["3"]
    else:
        assert "status" not in query and "page" not in query


async def test_a_batch_reads_only_the_applications_ticked(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    """The batch's reading of the applications ticked: those of this conference's press among
    the ids given, not every application of the conference (hundreds on the morning the window
    opens); another conference's, a delegation member's are not found."""
    await _conference(api)
    await _conference(api, "summit")
    ticked, other = await press(api, 1), await press(api, 2)
    elsewhere = await press_elsewhere(api)
    conference_id = await db.fetchval("SELECT id FROM conference WHERE slug = 'alliance'")
    found = await ws.press_applications(db, conference_id, [ticked["id"], elsewhere])
    assert [str(a.id) for a in found] == [ticked["id"]]
    assert other["id"] not in {str(a.id) for a in found}
    assert await ws.press_applications(db, conference_id, []) == []


async def press_elsewhere(api: Api) -> str:
    from tests.conftest import press_body

    status, created, _ = await api.call(
        "POST", "/api/v1/conferences/summit/accreditations", json=press_body(3))
    assert status == 201, created
    return str(created["id"])
