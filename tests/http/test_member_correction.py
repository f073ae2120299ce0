"""Protocol corrects an approved delegation member's names, rank, function or date in office,
with a reason (docs/workspaces.md, "Correcting an approved member"): before, an approved
member was only substituted, so a minister whose title changed the week before the meeting
("Minister of Water" became "Minister for Water and Energy") kept the old one on the badge,
the lists and the letters, or was replaced by themselves. Over HTTP on a real PostgreSQL: the
API (who, what, the reason, the history line, the event, the printed badge superseded by one
carrying the correction) and the console's edit form for an approved member."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.helpers import BASE, delegation, element, hidden, member, scan, zone
from tests.conftest import Api
from tests.http.test_badge_production import _events, _pages_text, _pdf, _printed, _qr_codes
from tests.http.test_console import staff
from tests.support import RecordingSMTP


async def _patch(api: Api, aid: str, body: dict[str, Any], role: str = "protocol"
                 ) -> tuple[int, Any]:
    status, answer, _ = await api.call("PATCH", f"/api/v1/accreditations/{aid}", role=role,
                                       json=body)
    return status, answer


async def _states(api: Api) -> dict[str, dict[str, Any]]:
    status, body, _ = await api.call("GET", f"{BASE}/badges", role="protocol")
    assert status == 200, body
    return {s["accreditation_id"]: s for s in body["items"]}


async def test_protocol_corrects_an_approved_minister_and_the_printed_badge_is_replaced(
    api: Api, conference: dict[str, Any]
) -> None:
    await zone(api, "plenary-hall", categories=["minister"])
    es = await delegation(api, "ES")
    m = await member(api, es, "Ribera")
    _, pdf = await _pdf(api)
    [printed] = _qr_codes(pdf)
    assert "Minister" in _pages_text(pdf)[0]
    assert (await _printed(api, [m["id"]]))[0] == 200
    new_function = {"function": "Minister for Water and Energy",
                    "function_fr": "Ministre de l'Eau et de l'Énergie",
                    "function_en": "Minister for Water and Energy"}

    # without a reason, an approved member is still refused (substitute), as before
    status, body = await _patch(api, m["id"], new_function)
    assert (status, body["status_now"]) == (409, "approved"), body
    # the focal point, even with a reason, substitutes instead
    status, _ = await _patch(api, m["id"], {**new_function, "reason": "New title"},
                             role=m["access_token"])
    assert status in (403, 409)
    # who the member is does not change by a correction; the reason is needed
    status, body = await _patch(api, m["id"], {"email": "x@example.org", "category": "expert",
                                               "reason": "Typo"})
    assert (status, sorted(e["field"] for e in body["errors"])) == (
        422, ["category", "email"]), body
    status, body = await _patch(api, m["id"], {**new_function, "reason": "  "})
    assert (status, [e["field"] for e in body["errors"]]) == (422, ["reason"]), body
    # a minister keeps a function
    status, body = await _patch(api, m["id"], {"function": "", "reason": "Typo"})
    assert status == 422 and "function" in [e["field"] for e in body["errors"]], body
    assert await _events(api, "accreditation.amended") == []

    status, body = await _patch(api, m["id"], {**new_function, "reason": "Government reshuffle"})
    assert status == 200, body
    assert (body["status"], body["function"], body["function_fr"]) == (
        "approved", "Minister for Water and Energy", "Ministre de l'Eau et de l'Énergie")
    last = body["history"][-1]
    assert {k: last[k] for k in ("action", "from_status", "to_status", "reason")} == {
        "action": "correct", "from_status": "approved", "to_status": "approved",
        "reason": "function, function_fr, function_en: Government reshuffle"}
    assert last["actor"].startswith("protocol:")
    assert (await _events(api, "accreditation.amended"))[-1] == {
        "accreditation_id": m["id"], "category": "minister", "status": "approved",
        "delegation_id": es["id"], "fields": ["function", "function_fr", "function_en"],
        "badge_version": 2}

    # the printed badge carried the old function: a new version to print, the old one refused
    state = (await _states(api))[m["id"]]
    assert (state["badge_version"], state["status"]) == (2, "to_print")
    result = await scan(api, printed, "plenary-hall")
    assert (result["admitted"], result["reason"]) == (False, "superseded")
    _, pdf = await _pdf(api, status="to_print")
    [new] = _qr_codes(pdf)
    assert "Water and Energy" in " ".join(_pages_text(pdf)[0].split())
    assert (await scan(api, new, "plenary-hall"))["admitted"] is True

    # the rank alone (not printed): no new badge; the same values again: nothing at all
    assert (await _printed(api, [m["id"]]))[0] == 200
    status, body = await _patch(api, m["id"], {"rank": "deputy_head_of_government",
                                               "reason": "Also deputy prime minister"})
    assert status == 200 and body["rank"] == "deputy_head_of_government", body
    state = (await _states(api))[m["id"]]
    assert (state["badge_version"], state["status"]) == (2, "printed")
    assert (await _events(api, "accreditation.amended"))[-1]["badge_version"] is None
    status, body = await _patch(api, m["id"], {**new_function, "reason": "Again"})
    assert status == 200 and body["history"][-1]["reason"].endswith("deputy prime minister")
    assert len(await _events(api, "accreditation.amended")) == 2
    # no letter: the member's place does not change (nothing but the approval's mail before)


async def test_the_console_corrects_an_approved_member_with_a_reason(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    es = await delegation(api, "ES")
    m = await member(api, es, "Ribera")
    officer = await staff(api, smtp, "protocol@example.org", "protocol", language="en")
    base = f"/manage/alliance/accreditations/{m['id']}"
    status, page, _ = await officer.go("GET", f"{base}?lang=en")
    assert status == 200
    assert element(page, "correct-link") == "Correct the member's details"
    assert 'id="edit-link"' not in page
    status, page, _ = await officer.go("GET", f"{base}/edit?lang=en")
    assert status == 200, page
    # the correction's form: names and office, the reason; not the address nor the language
    assert 'name="reason"' in page and 'name="email"' not in page and 'name="language"' not in page
    form = {"csrf": hidden(page, "csrf"), "given_name": "Anna", "family_name": "Ribera",
            "rank": "minister", "function": "Minister for Water and Energy", "function_fr": "",
            "function_en": "", "in_office_since": "", "reason": ""}
    status, page, _ = await officer.go("POST", f"{base}/edit?lang=en", data=form)
    assert status == 422, page
    assert "Reason for the correction" in element(page, "error-summary")
    status, page, _ = await officer.go("POST", f"{base}/edit?lang=en",
                                       data={**form, "reason": "Government reshuffle"})
    assert status == 303, page
    status, page, _ = await officer.go("GET", f"{base}?lang=en&done=amended")
    assert status == 200
    assert element(page, "flash") == "The details of Anna Ribera are changed."
    assert "Minister for Water and Energy" in page
    assert re.search(r"Government reshuffle", page), "the reason in the history"


async def test_protocol_s_import_changing_a_printed_function_issues_a_new_badge(
    api: Api, conference: dict[str, Any]
) -> None:
    """Protocol's member import changes an approved member as it did, and now, when the
    printed badge carries what changed (the function here), issues a new version to print, as
    the correction does; a change the badge does not print (the rank) issues none."""
    await zone(api, "plenary-hall", categories=["minister"])
    es = await delegation(api, "ES")
    m = await member(api, es, "Ribera")
    _, pdf = await _pdf(api)
    [printed] = _qr_codes(pdf)
    assert (await _printed(api, [m["id"]]))[0] == 200

    async def imported(rank: str, function: str) -> dict[str, Any]:
        text = ("Email,Given name,Family name,Category,Rank,Function\n"
                f"ribera@example.org,Anna,Ribera,minister,{rank},{function}\n")
        status, body, _ = await api.call(
            "POST", f"/api/v1/conferences/alliance/imports?dry_run=false&delegation_id="
            f"{es['id']}", role="protocol", data=text.encode(),
            headers={"Content-Type": "text/csv"})
        assert status == 200, body
        [row] = body["rows"]
        return dict(row)

    row = await imported("minister", "Minister for Water and Energy")
    assert (row["outcome"], row["changed"]) == ("update", ["function"]), row
    assert (await _events(api, "accreditation.amended"))[-1]["badge_version"] == 2
    state = (await _states(api))[m["id"]]
    assert (state["badge_version"], state["status"]) == (2, "to_print")
    assert (await scan(api, printed, "plenary-hall"))["reason"] == "superseded"

    assert (await _printed(api, [m["id"]]))[0] == 200
    row = await imported("deputy_head_of_government", "Minister for Water and Energy")
    assert (row["outcome"], row["changed"]) == ("update", ["rank"]), row
    assert (await _events(api, "accreditation.amended"))[-1]["badge_version"] is None
    state = (await _states(api))[m["id"]]
    assert (state["badge_version"], state["status"]) == (2, "printed")
