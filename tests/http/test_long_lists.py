"""The staff's long lists a page at a time (docs/workspaces.md), as a meeting of thousands
needs them: the security page, the badges and the visa letters show 50 rows a page with how
many match in all, the filters and the search kept from page to page, a name found typed
without its accents, a page number out of range or garbage answered with the first or the last
page. The badges' "mark printed" form marks the whole batch of its filters, on every page, and
nothing when the batch changed since the page was shown. A real database and SMTP server."""

from __future__ import annotations

import asyncio
import html
import io
import re
from collections.abc import Awaitable, Callable
from typing import Any

from pypdf import PdfReader

from tests.browser.helpers import element, member
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import staff
from tests.http.test_console_credentials import _post, _states, printed_form
from tests.http.test_credentials import PASSPORT, applicant
from tests.support import RecordingSMTP

M = "/manage/alliance"
API = "/api/v1/conferences/alliance"


async def _many(n: int, make: Callable[[int], Awaitable[Any]]) -> list[Any]:
    """``make(0)`` … ``make(n - 1)``, ten at a time."""
    made: list[Any] = []
    for start in range(0, n, 10):
        made += await asyncio.gather(*(make(i) for i in range(start, min(n, start + 10))))
    return made


def _rows(page: str, prefix: str) -> list[str]:
    """The ids of the rows (or items) of the page's list, in order."""
    return re.findall(rf'<(?:tr|li) id="{prefix}-([0-9a-f-]{{36}})"', page)


def _link(page: str, link_id: str) -> str:
    match = re.search(rf'id="{link_id}" href="([^"]+)"', page) or \
        re.search(rf'href="([^"]+)"[^>]*id="{link_id}"', page)
    assert match, f"no link #{link_id}"
    return html.unescape(match.group(1))


async def _expert(api: Api, deleg: dict[str, Any], n: int, given: str = "Anna",
                  family: str | None = None) -> dict[str, Any]:
    status, created, _ = await api.call("POST", f"{API}/accreditations", role="protocol", json={
        "category": "expert", "given_name": given, "family_name": family or f"Vermeulen {n:02d}",
        "email": f"expert{n}@example.org", "delegation_id": deleg["id"], "rank": "expert"})
    assert status == 201, created
    return dict(created)


async def test_the_security_page_shows_fifty_people_a_page_with_filter_search_and_count(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["expert"]))
    assert status == 201, body
    be = await make_delegation(api, country="BE")
    people = await _many(55, lambda n: _expert(api, be, n))
    zoe = await _expert(api, be, 99, given="Zoë", family="Núñez Ölçer")
    # the security service's results: all cleared but three
    results = "accreditation_id,status,reason\n" + "".join(
        f"{p['id']},cleared,\n" for p in [*people[3:], zoe])
    status, answer, _ = await api.call("POST", f"{API}/vetting.csv", role="protocol",
                                       data=results.encode(),
                                       headers={"Content-Type": "text/csv"})
    assert status == 200, answer

    v = await staff(api, smtp, "security@example.org", "security")
    status, page, _ = await v.go("GET", f"{M}/security?lang=en")
    assert status == 200, page
    assert element(page, "people-count") == "56 people"
    first = _rows(page, "vetting")
    assert len(first) == 50 and element(page, "page-of") == "Page 1 of 2"
    assert "page-prev" not in page
    status, page, _ = await v.go("GET", _link(page, "page-next"))
    assert status == 200 and element(page, "page-of") == "Page 2 of 2"
    second = _rows(page, "vetting")
    assert len(second) == 6 and not set(first) & set(second)
    assert set(first) | set(second) == {p["id"] for p in [*people, zoe]}
    assert "page-next" not in page and "lang=en" in _link(page, "page-prev")

    # the status filter and the pages together: 53 cleared, the link to page 2 keeps the filter
    status, page, _ = await v.go("GET", f"{M}/security?lang=en&status=cleared")
    assert element(page, "people-count") == "53 people"
    following = _link(page, "page-next")
    assert "status=cleared" in following and "lang=en" in following
    status, page, _ = await v.go("GET", following)
    rows = _rows(page, "vetting")
    assert len(rows) == 3 and element(page, "page-of") == "Page 2 of 2"
    assert all(" Cleared " in element(page, f"vetting-{r}") for r in rows)
    status, page, _ = await v.go("GET", f"{M}/security?lang=en&status=pending")
    assert element(page, "people-count") == "3 people" and "page-of" not in page

    # a name typed without its accents, in another case, finds the person; the pages keep it
    status, page, _ = await v.go("GET", f"{M}/security?lang=en&q=zoe+NUNEZ")
    assert element(page, "people-count") == "1 person"
    assert _rows(page, "vetting") == [zoe["id"]]
    assert 'value="zoe NUNEZ"' in page
    status, page, _ = await v.go("GET", f"{M}/security?lang=en&q=vermeulen")
    assert element(page, "people-count") == "55 people" and "q=vermeulen" in _link(
        page, "page-next")
    status, page, _ = await v.go("GET", f"{M}/security?lang=en&q=nobody")
    assert element(page, "people-count") == "0 people"
    assert element(page, "people-none") == "Nobody matches this search."

    # a page past the end is the last one; garbage is the first; never an error
    for asked, shown in (("999", "Page 2 of 2"), ("3", "Page 2 of 2"), ("abc", "Page 1 of 2"),
                         ("0", "Page 1 of 2"), ("-2", "Page 1 of 2"), ("", "Page 1 of 2"),
                         ("99999999999999999999", "Page 1 of 2"), ("1.5", "Page 1 of 2")):
        status, page, _ = await v.go("GET", f"{M}/security?lang=en&page={asked}")
        assert status == 200 and element(page, "page-of") == shown, asked
    status, page, _ = await v.go("GET", f"{M}/security?lang=en&status=pending&page=7")
    assert status == 200 and len(_rows(page, "vetting")) == 3

    # the console's list of accreditations, paged by the same pieces, answers its last page
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", f"{M}/accreditations?lang=en&page=9")
    assert status == 200 and element(page, "page-of") == "Page 2 of 2"
    assert element(page, "acc-count") == "56 accreditations" and len(_rows(page, "acc")) == 6

    # French: the count with its thousands separator is the same words
    status, page, _ = await v.go("GET", f"{M}/security?lang=fr")
    assert element(page, "people-count") == "56 personnes"
    assert element(page, "page-of") == "Page 1 sur 2"


async def test_the_badges_show_fifty_a_page_and_the_whole_batch_is_marked_printed(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    be = await make_delegation(api, country="BE")
    fr = await make_delegation(api, country="FR")
    belgians = await _many(55, lambda n: member(api, be, f"Peeters{n:02d}", category="official",
                                                rank="expert"))
    french = await _many(4, lambda n: member(api, fr, f"Dubois{n:02d}", category="official",
                                             rank="expert"))
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    assert status == 200, page
    assert element(page, "badge-count") == "59 badges listed, 59 to print."
    first = _rows(page, "badge")
    assert len(first) == 50 and element(page, "page-of") == "Page 1 of 2"
    assert element(page, "mark-printed") == "Mark the 59 listed badges to print as printed"
    assert 'name="ids"' not in page  # the form carries its filters and the batch's mark
    status, page2, _ = await v.go("GET", _link(page, "page-next"))
    second = _rows(page2, "badge")
    assert len(second) == 9 and set(first) | set(second) == {
        p["id"] for p in [*belgians, *french]}

    # a delegation and the pages together
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en&delegation={be['id']}&page=2")
    assert element(page, "badge-count") == "55 badges listed, 55 to print."
    assert len(_rows(page, "badge")) == 5 and element(page, "page-of") == "Page 2 of 2"
    assert f"delegation={be['id']}" in _link(page, "page-prev")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en&delegation={be['id']}&page=x")
    assert status == 200 and element(page, "page-of") == "Page 1 of 2"
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en&status=printed&page=40")
    assert status == 200 and "badges-empty" in page and "page-of" not in page

    # Belgium's page is shown; then one more Belgian is approved: the form of the page shown
    # would not mark what a download now prints, so it marks nothing and shows the batch again
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en&delegation={be['id']}")
    late = await member(api, be, "Laatste", category="official", rank="expert")
    status, answer, _ = await _post(v, f"{M}/badges/printed?lang=en", page, printed_form(page))
    assert status == 409 and "changed since the page was shown" in element(answer, "form-error")
    assert {s["status"] for s in (await _states(api)).values()} == {"to_print"}
    assert element(answer, "badge-count") == "56 badges listed, 56 to print."

    # the batch of the filters downloaded (56 pages), then marked printed: all 56, over the
    # two pages, and none of France's
    status, _, resp = await _post(v, f"{M}/badges/batch.pdf?lang=en", answer,
                                  [("layout", "a6"), ("delegation", be["id"])])
    assert status == 200 and len(PdfReader(io.BytesIO(await resp.read())).pages) == 56
    status, _, resp = await _post(v, f"{M}/badges/printed?lang=en", answer,
                                  printed_form(answer))
    assert status == 303, resp
    assert f"delegation={be['id']}" in resp.headers["Location"]
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "56 badges marked printed."
    states = await _states(api)
    assert all(states[f"Peeters{n:02d}"]["status"] == "printed" for n in range(55))
    assert states["Laatste"]["status"] == "printed" and late["id"]
    assert all(states[f"Dubois{n:02d}"]["status"] == "to_print" for n in range(4))
    assert element(page, "badge-count") == "56 badges listed, 0 to print."
    assert "printed-form" not in page
    # the same form again: the batch is empty now, nothing more is marked
    status, answer, _ = await _post(v, f"{M}/badges/printed?lang=en", answer,
                                    printed_form(answer))
    assert status == 409


async def test_every_visa_letter_is_reached_page_by_page_and_found_by_name(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body

    async def letter(n: int) -> dict[str, Any]:
        p = await applicant(api, n)
        passport = {**PASSPORT, "passport_name": "Zoë NÚÑEZ ÖLÇER" if n == 0
                    else f"Person {n:02d} LÓPEZ", "passport_number": f"PA{n:07d}"}
        status, created, _ = await api.call(
            "POST", f"/api/v1/accreditations/{p['id']}/visa-letter", role=p["access_token"],
            json=passport)
        assert status == 201, created
        return dict(created)

    letters = [await letter(0), *await _many(54, lambda n: letter(n + 1))]
    oldest = letters[0]["id"]
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/visa-letters?lang=en")
    assert status == 200, page
    assert element(page, "letters-count") == "55 letters"
    first = _rows(page, "letter")
    assert len(first) == 50 and oldest not in first  # newest first
    following = _link(page, "page-next")
    assert "status=requested" in following
    status, page, _ = await v.go("GET", following)
    second = _rows(page, "letter")
    assert len(second) == 5 and oldest in second
    assert set(first) | set(second) == {x["id"] for x in letters}

    # a decision on page 2 refused for its missing reason is shown on page 2, with its error
    status, answer, _ = await _post(v, _link_of_form(page, f"decide-{oldest}"), page,
                                    {"decision": "refuse"})
    assert status == 422 and oldest in _rows(answer, "letter")
    assert element(answer, "page-of") == "Page 2 of 2"

    # the passport's name typed without accents; the status tabs keep the search
    status, page, _ = await v.go("GET", f"{M}/visa-letters?lang=en&q=zoe+nunez")
    assert _rows(page, "letter") == [oldest] and element(page, "letters-count") == "1 letter"
    assert "q=zoe+nunez" in _link(page, "tab-all")
    status, page, _ = await v.go("GET", f"{M}/visa-letters?lang=en&status=all&page=9")
    assert status == 200 and element(page, "page-of") == "Page 2 of 2"
    status, page, _ = await v.go("GET", f"{M}/visa-letters?lang=en&status=approved&page=zz")
    assert status == 200 and element(page, "letters-count") == "0 letters"


def _link_of_form(page: str, form_id: str) -> str:
    match = re.search(rf'<form method="post" action="([^"]+)" id="{form_id}"', page)
    assert match, f"no form #{form_id}"
    return html.unescape(match.group(1))
