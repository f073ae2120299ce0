"""A printed badge made void afterwards (its holder replaced, withdrawn or revoked) stays on the
console's badges page under "Void badges still out there": the desk sees who holds it, where
it went and why the door refuses it (tryout D, item 2: a replaced member's collected badge
disappeared from the page)."""

from __future__ import annotations

import json
import re
from typing import Any

from asyncpg import connect

from tests.browser.helpers import element, hidden, member, press, text
from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import staff
from tests.http.test_console_credentials import M, _conference, _post, _states, printed_form
from tests.http.test_lifecycle_substitution import substitute
from tests.support import RecordingSMTP


async def test_a_collected_badge_then_void_is_listed_with_its_holder_and_why(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _conference(api, smtp)
    replaced, revoked, kept = [await member(api, be, n)
                               for n in ("Janssens", "Peeters", "Maes")]
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    status, _, resp = await _post(v, f"{M}/badges/printed?lang=en", page, printed_form(page))
    assert status == 303, resp
    status, page, _ = await v.go("GET", resp.headers["Location"])
    status, _, resp = await _post(v, f"{M}/badges/packs/{be['id']}?lang=en", page,
                                  {"collected_by": "M. Olivier Lenoir"})
    assert status == 303, resp
    reference = (await _states(api))["Janssens"]["short_reference"]
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    assert "void-badges" not in page  # nothing void yet

    status, answer = await substitute(api, replaced["id"], {
        "given_name": "Nathalie", "family_name": "Lemaire", "email": "lemaire@example.org",
        "language": "fr"}, "protocol")
    assert status == 201, answer
    status, answer, _ = await api.call("POST", f"/api/v1/accreditations/{revoked['id']}/revoke",
                                       role="protocol", json={"reason": "Conduct"})
    assert status == 200, answer

    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    assert status == 200, page
    assert f'id="badge-{replaced["id"]}"' not in page  # no longer among the badges to produce
    section = element(page, "void-badges")
    assert "Void badges still out there" in section and "doors refuse them" in section
    row = text(element(page, f"void-{replaced['id']}"))
    assert "Anna Janssens" in row and "Belgium" in row and reference in row, row
    assert "Collected by M. Olivier Lenoir" in row and "Person replaced" in row, row
    assert "Accreditation revoked" in text(element(page, f"void-{revoked['id']}"))
    assert f"void-{kept['id']}" not in page
    # each scrolling table named by what it lists (a screen reader's list of regions read
    # "Table (scrolls sideways)" for every one; keyboard tryout, 5 December 2026)
    regions = re.findall(r'role="region" aria-label="([^"]*)"', page)
    assert regions == ["Badges (scrolls sideways)",
                       "Void badges still out there (scrolls sideways)"], regions

    status, page, _ = await v.go("GET", f"{M}/badges?lang=fr")
    assert "Badges annulés encore en circulation" in element(page, "void-badges")
    assert re.findall(r'role="region" aria-label="([^"]*)"', page)[1] == (
        "Badges annulés encore en circulation (défilement horizontal)")
    assert "Remis à M. Olivier Lenoir" in text(element(page, f"void-{replaced['id']}"))


async def test_a_withdrawn_journalists_printed_badge_says_the_accreditation_was_withdrawn(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A printed badge means the accreditation was approved: its withdrawal (a journalist who
    will not come) is the accreditation's, not an application's. The list said "Application
    withdrawn" / « Demande retirée » (review, 2 December 2026)."""
    await _conference(api, smtp)
    journalist = await press(api, decision="approve")
    await _printed(api, journalist["id"])
    status, answer, _ = await api.call(
        "POST", f"/api/v1/accreditations/{journalist['id']}/withdraw",
        role=journalist["access_token"])
    assert status == 200, answer
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    assert status == 200, page
    row = text(element(page, f"void-{journalist['id']}"))
    assert "Accreditation withdrawn" in row and "Application" not in row, row
    status, page, _ = await v.go("GET", f"{M}/badges?lang=fr")
    row = text(element(page, f"void-{journalist['id']}"))
    assert "Accréditation retirée" in row and "Demande" not in row, row


async def _recovered_events(api: Api) -> list[dict[str, Any]]:
    conn = await connect(api.db_url)
    try:
        rows = await conn.fetch("SELECT payload, actor FROM domain_event "
                                "WHERE type = 'badge.recovered' ORDER BY id")
    finally:
        await conn.close()
    return [{**json.loads(r["payload"]), "actor": r["actor"]} for r in rows]


async def _printed(api: Api, *ids: str) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/badges/printed",
                                     role="protocol", json={"accreditation_ids": list(ids)})
    assert status == 200, body


async def test_the_desk_marks_a_void_badge_recovered_and_it_leaves_the_list(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Before: nothing recorded a recovery, and a void badge stayed listed forever."""
    be, _ = await _conference(api, smtp)
    replaced, kept = [await member(api, be, n) for n in ("Janssens", "Maes")]
    await _printed(api, replaced["id"], kept["id"])
    status, answer = await substitute(api, replaced["id"], {
        "given_name": "Nathalie", "family_name": "Lemaire", "email": "lemaire@example.org",
        "language": "fr"}, "protocol")
    assert status == 201, answer
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    row = element(page, f"void-{replaced['id']}")
    assert "Mark as recovered" in row, row
    form = page[page.index(f'id="recover-{replaced["id"]}"'):]
    assert hidden(form, "csrf")

    status, _, resp = await _post(v, f"{M}/badges/{replaced['id']}/recovered?lang=en", page, {})
    assert status == 303, resp
    status, after, _ = await v.go("GET", resp.headers["Location"])
    assert status == 200
    assert "Void badge recovered: Anna Janssens." in element(after, "flash")
    assert f'id="void-{replaced["id"]}"' not in after  # no longer "still out there"
    assert "No void badge still out there" in element(after, "void-badges")
    line = element(after, f"recovered-{replaced['id']}")
    assert "Anna Janssens" in line and "by Protocol Person" in line, line

    # the same form sent again (a second desk, a back button): recorded once, said so
    status, _, resp = await _post(v, f"{M}/badges/{replaced['id']}/recovered?lang=en", page, {})
    assert status == 303, resp
    status, again, _ = await v.go("GET", resp.headers["Location"])
    assert "already recorded as recovered: Anna Janssens" in element(again, "flash")
    [event] = await _recovered_events(api)
    assert event["accreditation_id"] == replaced["id"] and event["why"] == "substituted"
    assert event["badge_version"] == 1 and event["actor"].startswith("person:")

    status, fr, _ = await v.go("GET", f"{M}/badges?lang=fr")
    assert "Badges annulés récupérés" in element(fr, "void-badges")

    # a valid badge is not taken back: the page says why, nothing is recorded
    status, refused, _ = await _post(v, f"{M}/badges/{kept['id']}/recovered?lang=en", page, {})
    assert status == 409, refused
    assert "This badge is not void" in element(refused, "form-error")
    assert len(await _recovered_events(api)) == 1


async def test_the_api_lists_void_badges_and_records_their_recovery_once(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Before: the API listed approved badges only and had no way to record a recovery."""
    be, _ = await _conference(api, smtp)
    revoked, unprinted, kept = [await member(api, be, n) for n in ("Peeters", "Maes", "Dubois")]
    await _printed(api, revoked["id"], kept["id"])
    status, answer, _ = await api.call("POST", f"/api/v1/accreditations/{revoked['id']}/revoke",
                                       role="protocol", json={"reason": "Conduct"})
    assert status == 200, answer
    status, answer = await substitute(api, unprinted["id"], {  # never printed: nothing out
        "given_name": "Nathalie", "family_name": "Lemaire", "email": "lemaire@example.org",
        "language": "fr"}, "protocol")
    assert status == 201, answer

    base = "/api/v1/conferences/alliance/badges/void"
    status, body, _ = await api.call("GET", base, role="protocol")
    assert status == 200, body
    [void] = body["items"]
    assert void["accreditation_id"] == revoked["id"] and void["why"] == "revoked"
    assert void["recovered_at"] is None and void["recovered_by"] is None
    status, body, _ = await api.call("GET", base, role="press_office")
    assert status == 403, body

    url = f"/api/v1/accreditations/{revoked['id']}/badge/recovered"
    status, first, _ = await api.call("POST", url, role="protocol")
    assert status == 200, first
    assert first["already_recovered"] is False and first["recovered_at"]
    assert first["recovered_by"].startswith("protocol:"), first
    status, second, _ = await api.call("POST", url, role="protocol")
    assert status == 200, second
    assert second["already_recovered"] is True
    assert second["recovered_at"] == first["recovered_at"]
    assert len(await _recovered_events(api)) == 1

    status, body, _ = await api.call("GET", f"{base}?recovered=false", role="protocol")
    assert status == 200 and body["items"] == [], body
    status, body, _ = await api.call("GET", f"{base}?recovered=true", role="protocol")
    assert [b["accreditation_id"] for b in body["items"]] == [revoked["id"]], body
    status, body, _ = await api.call("GET", f"{base}?recovered=maybe", role="protocol")
    assert status == 422, body

    for aid, reason in ((kept["id"], "badge_not_void"), (unprinted["id"], "badge_not_printed")):
        status, body, resp = await api.call(
            "POST", f"/api/v1/accreditations/{aid}/badge/recovered", role="protocol")
        assert status == 409, body
        assert resp.headers["Content-Type"].startswith("application/problem+json")
        assert body["reason"] == reason, body
    status, body, _ = await api.call(
        "POST", "/api/v1/accreditations/00000000-0000-4000-8000-000000000000/badge/recovered",
        role="protocol")
    assert status == 404, body
    status, body, _ = await api.call("POST", url, role="press_office")
    assert status == 403, body
    assert len(await _recovered_events(api)) == 1


async def test_the_pack_form_keeps_the_delegation_filtered_on(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried on the meeting's day (5 December 2026): filtered on one delegation, the badges
    page still listed every delegation's pack, and recording a pack collected brought the page
    back unfiltered. The packs listed are the delegation's; the form keeps the filter."""
    be, _ = await _conference(api, smtp)
    nl = await make_delegation(api, country="NL")
    await member(api, be, "Janssens")
    await member(api, nl, "Visser")
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    status, _, resp = await _post(v, f"{M}/badges/printed?lang=en", page, printed_form(page))
    assert status == 303, resp
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en&delegation={be['id']}")
    assert f'id="pack-{be["id"]}"' in page and f'id="pack-details-{nl["id"]}"' not in page
    status, _, resp = await _post(v, f"{M}/badges/packs/{be['id']}?lang=en", page,
                                  {"collected_by": "M. Olivier Lenoir",
                                   "delegation": be["id"]})
    assert status == 303, resp
    assert f"delegation={be['id']}" in resp.headers["Location"]
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "Collection recorded for Belgium: 1 badge."
    assert re.search(rf'<option value="{be["id"]}" selected', page)
