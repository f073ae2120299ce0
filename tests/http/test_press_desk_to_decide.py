"""The press desk's queue opens on the applications still to decide (submitted or on the
waiting list), which is what the press officer works through on the day; "All" lists every
application, and each tab keeps its count (docs/workspaces.md, "The press office desk").
A real database and a real SMTP server."""

from __future__ import annotations

import re

from tests.browser.helpers import element, hidden, press
from tests.conftest import Api
from tests.http.test_workspaces_reasons import _conference, _officer
from tests.support import RecordingSMTP

DESK = "/manage/alliance/press"


def _listed(page: str) -> set[str]:
    """The applications the queue's table lists, by id."""
    if 'id="queue"' not in page:
        return set()
    table = page[page.index('id="queue"'):page.index("</table>")]
    return set(re.findall(rf'href="{DESK}/([0-9a-f-]{{36}})\?', table))


def _tabs(page: str) -> dict[str, str]:
    """The status tabs: each one's words, and the one shown (``current``)."""
    tabs = page[page.index('id="status-tabs"'):]
    tabs = tabs[:tabs.index("</ul>")]
    found = re.findall(r'<a href="([^"]*)"( aria-current="page")?>([^<]*)</a>', tabs)
    return {words: "current" if current else href.replace("&amp;", "&")
            for href, current, words in found}


async def test_the_desk_opens_on_the_applications_still_to_decide(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    submitted = await press(api, 0)
    waitlisted = await press(api, 1, decision="waitlist")
    approved = await press(api, 2, decision="approve")
    v = await _officer(api, smtp)

    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    assert _listed(queue) == {submitted["id"], waitlisted["id"]}
    tabs = _tabs(queue)
    assert tabs["To decide (2)"] == "current"
    assert tabs["All"] == f"{DESK}?lang=en&status=all"
    # each status keeps its count
    assert {"Received, under review (1)", "On the waiting list (1)", "Approved (1)"} <= set(tabs)

    # "All", as the tab leads to it: every application, the counts the same
    _, queue, _ = await v.go("GET", tabs["All"])
    assert _listed(queue) == {submitted["id"], waitlisted["id"], approved["id"]}
    tabs = _tabs(queue)
    assert tabs["All"] == "current" and tabs["To decide (2)"] == f"{DESK}?lang=en"
    # the filters keep "All" when the officer searches or filters
    assert 'name="status" value="all"' in queue

    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&status=approved")
    assert _listed(queue) == {approved["id"]}

    # an unknown status is no choice: the applications to decide
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&status=everything")
    assert _listed(queue) == {submitted["id"], waitlisted["id"]}

    # in French too
    _, queue, _ = await v.go("GET", f"{DESK}?lang=fr")
    assert _tabs(queue)["À décider (2)"] == "current"
    assert "Toutes" in _tabs(queue)


async def test_once_everything_is_decided_the_desk_says_so_and_all_lists_them(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    approved = await press(api, 0, decision="approve")
    v = await _officer(api, smtp)
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    assert _listed(queue) == set()
    assert element(queue, "queue-empty") == "No application left to decide."
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&status=all")
    assert _listed(queue) == {approved["id"]}


def _batch_buttons(page: str, block: str) -> list[str]:
    """The decisions a block of batch buttons offers (``batch-actions`` after the list,
    ``batch-actions-top`` above it), or [] when the queue has no such block."""
    if f'id="{block}"' not in page:
        return []
    start = page.index(f'id="{block}"')
    return re.findall(r'name="decision" value="([a-z]+)"', page[start:page.index("</div>", start)])


async def test_a_long_queue_has_its_batch_buttons_above_the_list_too(
    api: Api, smtp: RecordingSMTP
) -> None:
    """On the morning the window opens the queue lists hundreds of applications: the buttons
    that decide the ticked ones were only after the last row (on a phone, tens of thousands
    of pixels down, found trying the desk with 300). A long list has them above it too, in
    the same form; a short one only after it."""
    await _conference(api)
    applications = [await press(api, n) for n in range(11)]
    v = await _officer(api, smtp)

    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    assert len(_listed(queue)) == 11
    assert _batch_buttons(queue, "batch-actions-top") == ["approve", "waitlist"]
    assert _batch_buttons(queue, "batch-actions") == ["approve", "waitlist"]
    form = queue[queue.index('id="batch-form"'):]
    assert form.index('id="batch-actions-top"') < form.index('id="queue"') \
        < form.index('id="batch-actions"') < form.index("</form>")

    # the button above the list decides as the one below does
    status, _, resp = await v.go("POST", f"{DESK}/batch?lang=en", [  # type: ignore[arg-type]
        ("csrf", hidden(queue, "csrf")), ("id", applications[0]["id"]),
        ("id", applications[1]["id"]), ("decision", "approve")])
    assert status == 303, resp
    _, queue, _ = await v.go("GET", resp.headers["Location"])
    assert element(queue, "flash") == "2 applications approved."

    # a short list: the buttons after it only
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&q=Dupont10")
    assert _listed(queue) == {applications[10]["id"]}
    assert _batch_buttons(queue, "batch-actions-top") == []
    assert _batch_buttons(queue, "batch-actions") == ["approve", "waitlist"]


async def test_the_waiting_list_tab_offers_no_button_to_put_them_on_the_waiting_list(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Ticking applications on the waiting list and pressing "Waitlist the selected" was
    refused (409, "decided meanwhile"): the button is offered only when an application
    listed is not on the waiting list already. Approving them stays offered."""
    await _conference(api)
    waitlisted = await press(api, 1, decision="waitlist")
    await press(api, 2)
    v = await _officer(api, smtp)

    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&status=waitlisted")
    assert _listed(queue) == {waitlisted["id"]}
    assert _batch_buttons(queue, "batch-actions") == ["approve"]
    assert "Waitlist the selected" not in queue
    _, queue, _ = await v.go("GET", f"{DESK}?lang=fr&status=waitlisted")
    assert _batch_buttons(queue, "batch-actions") == ["approve"]

    # the applications to decide, one of them submitted: both
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    assert _batch_buttons(queue, "batch-actions") == ["approve", "waitlist"]
