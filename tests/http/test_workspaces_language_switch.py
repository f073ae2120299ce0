"""The language link of a page that answers a posted form (a form sent back with its errors)
leads to a page a GET answers: the form's own page, or the page it was sent from; never a 404
or a 405 (found trying the product)."""

from __future__ import annotations

import html
import re

from tests.browser.helpers import hidden, switch_fields
from tests.conftest import Api
from tests.http.test_workspaces import _setup, _signed_in
from tests.http.test_workspaces_desk import DESK, _one_application
from tests.support import RecordingSMTP


def switch_link(page: str) -> str:
    match = re.search(r'<a href="([^"]*)"[^>]*id="switch-language"', page)
    assert match, "no language link"
    return html.unescape(match.group(1))


async def test_the_member_form_sent_back_with_errors_switches_with_what_was_typed(
    api: Api, smtp: RecordingSMTP
) -> None:
    _, link = await _setup(api, smtp)
    v = await _signed_in(api, link)
    _, form, _ = await v.go("GET", "/delegation/alliance-be/members/new?lang=fr")
    status, page, _ = await v.go("POST", "/delegation/alliance-be/members?lang=fr", {
        "csrf": hidden(form, "csrf"), "given_name": "Jan"})
    assert status == 422
    # a button posting what was typed again, not a link that would lose it
    action, fields = switch_fields(page)
    assert action == "/delegation/alliance-be/members?lang=en"
    status, page, _ = await v.go("POST", action, fields)
    assert status == 200 and 'value="Jan"' in page


async def test_an_empty_batch_switches_to_the_press_desk(
    api: Api, smtp: RecordingSMTP
) -> None:
    _, v = await _one_application(api, smtp)
    _, queue, _ = await v.go("GET", f"{DESK}?lang=fr")
    status, page, _ = await v.go(
        "POST", f"{DESK}/batch?lang=fr", {"csrf": hidden(queue, "csrf"), "decision": "approve"})
    assert status == 422
    switch = switch_link(page)
    assert switch == f"{DESK}?lang=en"
    status, _, _ = await v.go("GET", switch)
    assert status == 200
