"""A printed badge made void afterwards (its holder replaced, withdrawn or revoked) stays on the
console's badges page under "Void badges still out there": the desk sees who holds it, where
it went and why the door refuses it (tryout D, item 2: a replaced member's collected badge
disappeared from the page)."""

from __future__ import annotations

from tests.browser.helpers import element, member, text
from tests.conftest import Api
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

    status, page, _ = await v.go("GET", f"{M}/badges?lang=fr")
    assert "Badges annulés encore en circulation" in element(page, "void-badges")
    assert "Remis à M. Olivier Lenoir" in text(element(page, f"void-{replaced['id']}"))
