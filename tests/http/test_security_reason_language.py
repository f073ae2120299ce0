"""The Security page says, on each row, which language to write the reason in: a request for
more information quotes it as written in a letter to the person (the press), or to their
delegation's focal points, each in their own language (docs/workspaces.md, "The security
service"). The field said nothing, and a reason typed in French landed in an English letter
(tryout, 2 December 2026)."""

from __future__ import annotations

import re

from tests.browser.helpers import element
from tests.conftest import Api, conference_body
from tests.http.test_workspaces_security import PAGE, _security_officer
from tests.support import RecordingSMTP


async def test_each_row_says_the_language_of_the_letter_quoting_the_reason(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Fails before: the hint named no language."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["press", "expert"]))
    assert status == 201, body
    # the member writes in French, their focal point reads English: the letter is the focal
    # point's
    status, be, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/delegations", role="protocol",
        json={"kind": "country", "country": "BE", "focal_point": {
            "name": "Focal Point", "email": "fp-be@example.org", "language": "en"}})
    assert status == 201, be
    ids = {}
    for family, body in (
        ("Peeters", {"category": "expert", "given_name": "Jan", "email": "jan@example.org",
                     "delegation_id": be["id"], "rank": "expert", "language": "fr"}),
        ("Brady", {"category": "press", "given_name": "Tom", "email": "tom@example.org",
                   "language": "fr", "press": {"outlet": "Le Soir", "role": "journalist",
                                               "press_card_number": "BE-1", "country": "BE"}}),
    ):
        status, created, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/accreditations",
            role="protocol" if family == "Peeters" else None,
            json={**body, "family_name": family})
        assert status == 201, created
        ids[family] = created["id"]
    v = await _security_officer(api, smtp, "en")
    status, page, _ = await v.go("GET", f"{PAGE}?lang=en")
    assert status == 200, page
    assert element(page, f"reason-{ids['Peeters']}-hint") == (
        "Required for a refusal or a request for more information. Write it in English: a "
        "request for more information quotes it as written in a letter in English.")
    assert element(page, f"reason-{ids['Brady']}-language") == (
        "Write it in French: a request for more information quotes it as written in a letter "
        "in French.")
    # the hint stays the field's description
    assert re.search(rf'id="reason-{ids["Brady"]}"[^>]*aria-describedby="reason-'
                     rf'{ids["Brady"]}-hint"', page), page
    v = await _security_officer(api, smtp, "fr")
    status, page, _ = await v.go("GET", f"{PAGE}?lang=fr")
    assert element(page, f"reason-{ids['Brady']}-language") == (
        "Rédigez-le en français : une demande d'informations le cite tel quel dans une lettre "
        "en français.")


async def test_the_console_application_page_says_it_too(api: Api, smtp: RecordingSMTP) -> None:
    """The console's application page has the same clearance form, which said nothing: an
    English request for a member who writes in English went, quoted, in a French letter to
    their French-speaking focal point (tried as a protocol officer, 5 December 2026)."""
    from tests.http.test_console import staff

    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["expert"]))
    assert status == 201, body
    status, be, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/delegations", role="protocol",
        json={"kind": "country", "country": "BE", "focal_point": {
            "name": "Focal Point", "email": "fp-be@example.org", "language": "fr"}})
    assert status == 201, be
    status, member, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Chen", "family_name": "Yu",
              "email": "chen@example.org", "delegation_id": be["id"], "rank": "expert",
              "language": "en"})
    assert status == 201, member
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go(
        "GET", f"/manage/alliance/accreditations/{member['id']}?lang=en")
    assert status == 200, page
    assert element(page, "vetting_reason-hint") == (
        "Write it in French: a request for more information quotes it as written in a letter "
        "in French.")
    assert re.search(r'id="vetting_reason"[^>]*aria-describedby="vetting_reason-hint"', page)
