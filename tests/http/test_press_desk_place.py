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
from tests.http.test_press_desk_undelivered import _failed
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


async def test_letters_not_delivered_combine_with_the_tab_the_search_and_the_page(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"The applications still to decide whose letter did not arrive": the filter "Letters not
    delivered" within the tab "To decide" (it listed every status, whatever the tab), its
    count the tab's, the tabs counting those it lists, a search and the pages with it, and
    the place kept through a decision (docs/workspaces.md, "Letters not delivered")."""
    monkeypatch.setattr(handlers, "QUEUE_PAGE_SIZE", 2)
    await _conference(api)
    lost = ("marie.dupont1@", "marie.dupont2@", "marie.dupont3@", "marie.dupont4@")
    smtp.refuse_message = lambda m: ("550 5.1.1 User unknown"
                                     if any(x in str(m["To"]) for x in lost) else None)
    monde = [await press(api, n, press=_le_monde(n)) for n in range(1, 6)]  # 5's letters arrive
    await press(api, 6)  # Le Soir, under review, its letters arrive
    approved = await press(api, 7, decision="approve")
    for n in range(1, 5):
        await _failed(db, f"marie.dupont{n}@example.org", 1)
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{monde[3]['id']}/decision",
                                  role="press_office", json={"decision": "approve"})
    assert status == 200  # a decision taken: its letters not delivered are approved's now
    v = await _officer(api, smtp)

    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&undelivered=1")
    assert re.search(r'aria-current="page">To decide \(3\)</a>', queue)
    assert re.search(r'>Approved \(1\)</a>', queue)  # of those it lists, not of the 2 approved
    assert '<label for="undelivered">Letters not delivered (3)</label>' in queue
    assert element(queue, "undelivered-elsewhere") == (
        "1 more application in the other tabs: see every letter not delivered")
    assert element(queue, "page-of") == "Page 1 of 2"
    picked = set(re.findall(r'id="pick-([0-9a-f-]+)"', queue))
    assert picked == {monde[0]["id"], monde[1]["id"]}
    # every tab keeps the filter, and the search form with the batch form too
    assert f'href="{DESK}?lang=en&amp;status=approved&amp;undelivered=1"' in queue
    assert 'id="undelivered" name="undelivered" value="1" checked' in queue
    batch = queue[queue.index('id="batch-form"'):]
    assert 'name="undelivered" value="1"' in batch and 'name="status"' not in batch

    _, listed, _ = await v.go("GET", f"{DESK}?lang=en&status=approved&undelivered=1")
    assert f'id="undelivered-{monde[3]["id"]}"' in listed
    assert f'id="undelivered-{approved["id"]}"' not in listed and "page-of" not in listed
    _, every, _ = await v.go("GET", f"{DESK}?lang=en&status=all&undelivered=1")
    assert '<label for="undelivered">Letters not delivered (4)</label>' in every
    assert 'id="undelivered-elsewhere"' not in every
    # without the filter, the tabs count every application again
    _, plain, _ = await v.go("GET", f"{DESK}?lang=en")
    assert re.search(r'aria-current="page">To decide \(5\)</a>', plain)
    assert re.search(r'>Approved \(2\)</a>', plain)

    # page 2 of a search, the filter on: the third; decided, the desk comes back there
    _, queue, _ = await v.go("GET", f"{DESK}?lang=fr&undelivered=1&q=le+monde&page=2")
    assert element(queue, "undelivered-elsewhere") == (
        "1 autre demande dans les autres onglets : voir toutes les lettres non distribuées")
    assert set(re.findall(r'id="pick-([0-9a-f-]+)"', queue)) == {monde[2]["id"]}
    link = re.search(rf'href="({DESK}/{monde[2]["id"]}\?[^"#]+)"', queue)
    assert link, queue
    _, page, _ = await v.go("GET", link.group(1).replace("&amp;", "&"))
    back = hidden(page, "back")
    assert parse_qs(back) == {"undelivered": ["1"], "q": ["le monde"], "page": ["2"]}
    status, _, resp = await v.go("POST", f"{DESK}/{monde[2]['id']}/decision?lang=en", {
        "csrf": hidden(page, "csrf"), "back": back, "decision": "approve"})
    assert status == 303
    location = resp.headers["Location"]
    assert {k: x for k, x in _query(location).items() if k in PLACE or k == "undelivered"} == {
        "undelivered": ["1"], "q": ["le monde"], "page": ["2"]}
    _, queue, _ = await v.go("GET", location)
    assert element(queue, "flash") == "Accreditation approved for Marie Dupont3."
    assert re.search(r'aria-current="page">To decide \(2\)</a>', queue)
    assert re.search(r'>Approved \(2\)</a>', queue)
    assert set(re.findall(r'id="pick-([0-9a-f-]+)"', queue)) == {
        monde[0]["id"], monde[1]["id"]}  # page 2 is past the end now: the last one


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
