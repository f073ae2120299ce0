"""The conference's details page offers as Council presidency only the states that are EU
members on the conference's first day (docs/workspaces.md, "A new conference"): it listed
every state of the protocol order, and the server then refused the one that was not a member
("This state is not an EU member on the conference's first day."). A presidency stored that is
not one is still listed, selected, so that showing the page and saving it loses nothing."""

from __future__ import annotations

import re
from typing import Any

from tests.conftest import Api, conference_body
from tests.http.test_console import staff
from tests.http.test_console_new_conference import NEW
from tests.support import RecordingSMTP


def presidency_options(page: str) -> dict[str, bool]:
    """The select's options: code → selected (the empty "none" option left out)."""
    select = re.search(r'<select id="presidency".*?</select>', page, re.S)
    assert select, page
    return {code: bool(selected) for code, selected in
            re.findall(r'<option value="([A-Z]{2})"( selected)?>', select.group(0))}


async def _conference(api: Api, slug: str, year: int, presidency: str | None) -> None:
    body = conference_body(
        slug, starts_on=f"{year}-12-05", ends_on=f"{year}-12-06",
        press_registration={"opens_at": f"{year}-10-01T08:00:00Z",
                            "closes_at": f"{year}-11-30T17:00:00Z", "pool_capacity": 10},
        security_list_deadline=f"{year}-12-01T12:00:00Z",
        protocol={"tie_break": "eu_protocol", "presidency": presidency,
                  "seated_before_minutes": 15})
    status, created, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=body)
    assert status == 201, created


async def test_the_presidency_lists_the_eu_members_on_the_first_day(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, "summit-2012", 2012, "CY")
    await _conference(api, "summit-2027", 2027, None)
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)

    status, page, _ = await admin.go("GET", "/manage/summit-2012/settings?lang=en")
    assert status == 200, page
    options = presidency_options(page)
    # 5 December 2012: 27 members, the United Kingdom among them, Croatia not yet (1 July 2013)
    assert len(options) == 27 and "GB" in options and "HR" not in options
    assert [code for code, selected in options.items() if selected] == ["CY"]

    status, page, _ = await admin.go("GET", "/manage/summit-2027/settings?lang=fr")
    assert status == 200, page
    options = presidency_options(page)
    assert len(options) == 27 and "HR" in options and "GB" not in options
    assert not any(options.values())
    # by their names in the page's language: « Allemagne » before « Autriche », « Chypre »
    assert list(options)[:3] == ["DE", "AT", "BE"]


async def test_a_stored_presidency_that_is_no_member_is_kept_listed(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, "summit-2027", 2027, "GB")
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    status, page, _ = await admin.go("GET", "/manage/summit-2027/settings?lang=en")
    assert status == 200, page
    options = presidency_options(page)
    assert len(options) == 28 and options["GB"] is True and "HR" in options


async def test_the_new_conference_form_follows_the_first_day_typed(
    api: Api, smtp: RecordingSMTP
) -> None:
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    status, page, _ = await admin.go("GET", f"{NEW}?lang=en")
    assert status == 200
    # no first day yet: every state of the protocol order, the server judges once it is given
    assert {"GB", "HR"} <= set(presidency_options(page))
    fields: dict[str, Any] = {"starts_on": "2012-12-05", "ends_on": "2012-12-06",
                              "presidency": "CY"}
    status, page, _ = await admin.post_form(f"{NEW}?lang=en", f"{NEW}?lang=en", **fields)
    assert status == 422
    options = presidency_options(page)
    assert "GB" in options and "HR" not in options and options["CY"] is True
