"""The press desk's queue opens on the applications still to decide (submitted or on the
waiting list), which is what the press officer works through on the day; "All" lists every
application, and each tab keeps its count (docs/workspaces.md, "The press office desk").
A real database and a real SMTP server."""

from __future__ import annotations

import re

from tests.browser.helpers import element, press
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
