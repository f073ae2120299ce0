"""What a keyboard and screen-reader tryout found (5 December 2026), as the pages serve it: a
form answered with its errors says so first in its title, and its address takes the browser to
the page's main content (where the error summary opens) without JavaScript; a group of radio
buttons carries its error; each of a list's buttons says whose row it records; a page's title
names the conference it belongs to (docs/workspaces.md, "Errors in sight")."""

from __future__ import annotations

import html
import re

from tests.browser.helpers import hidden
from tests.conftest import Api, conference_body
from tests.http.test_workspaces_desk import DESK, _one_application
from tests.http.test_workspaces_security import (
    PAGE,
    _conference_with_a_member,
    _security_officer,
)
from tests.support import RecordingSMTP


def _title(page: str) -> str:
    found = re.search(r"<title>(.*?)</title>", page, re.S)
    assert found, page
    return html.unescape(found.group(1))


async def test_a_form_answered_with_its_errors_says_so_first_in_its_title(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    resp = await api.client.get("/alliance/press?lang=fr")
    form = await resp.text()
    assert _title(form) == "Demande d'accréditation presse – Alliance mondiale : réunion"
    # the form's answer opens on the main content, where its error summary is (no script)
    assert re.search(r'<form method="post" action="/alliance/press\?lang=fr#main"', form), form
    resp = await api.client.post("/alliance/press?lang=fr", data={"csrf": hidden(form, "csrf")})
    page = await resp.text()
    assert resp.status == 422
    assert _title(page) == \
        "Erreur\u00a0: Demande d'accréditation presse – Alliance mondiale : réunion"
    resp = await api.client.get("/alliance/press?lang=en")
    assert not _title(await resp.text()).startswith("Error")


async def test_the_decision_s_radio_buttons_carry_their_error(
    api: Api, smtp: RecordingSMTP
) -> None:
    application, v = await _one_application(api, smtp)
    path = f"{DESK}/{application['id']}"
    _, page, _ = await v.go("GET", f"{path}?lang=en")
    # the console's title says whose page and which conference (two tabs read alike)
    assert _title(page) == "Marie Dupont – Global Alliance: meeting – Workspaces"
    status, page, _ = await v.go("POST", f"{path}/decision?lang=en",
                                 {"csrf": hidden(page, "csrf"), "reason": ""})
    assert status == 422, page
    assert _title(page).startswith("Error: Marie Dupont")
    fieldset = re.search(r'<fieldset[^>]*class="has-error"[^>]*>', page)
    assert fieldset and 'aria-describedby="decision-error"' in fieldset.group(0), page
    radios = re.findall(r'<input type="radio" name="decision"[^>]*>', page)
    assert radios and all('aria-invalid="true"' in r for r in radios), radios
    # the summary leads to the first choice, a control, not the heading above the form
    assert '<a href="#decision-approve">' in page and 'id="decision-approve"' in page


async def test_each_record_button_of_the_security_page_says_whose_row(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference_with_a_member(api)
    v = await _security_officer(api, smtp, "en")
    _, page, _ = await v.go("GET", f"{PAGE}?lang=en")
    button = re.search(r'<button type="submit" id="record-[^"]+-button">(.*?)</button>', page)
    assert button is not None, page
    assert button.group(1) == 'Record<span class="visually-hidden"> – Peeters, Jan</span>'


async def test_the_workspaces_home_does_not_say_workspaces_twice(
    api: Api, smtp: RecordingSMTP
) -> None:
    application, v = await _one_application(api, smtp)
    _, page, _ = await v.go("GET", "/workspaces?lang=fr")
    assert _title(page) == "Vos espaces de travail"




async def test_the_overview_s_tables_say_what_they_count(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Two tables without a caption on the console's overview read alike in a screen
    reader's list of tables."""
    from tests.http.test_console import staff

    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, page, _ = await protocol.go("GET", "/manage/alliance?lang=en")
    for table, caption in (("counts-by-category", "Live accreditations by category"),
                           ("counts-by-status", "Accreditations by status")):
        found = re.search(rf'<table class="counts" id="{table}">\s*<caption>([^<]+)</caption>',
                          page)
        assert found and found.group(1) == caption, page
