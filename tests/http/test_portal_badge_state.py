"""The delegation portal says a badge's true state: printed (when), collected (by whom, when),
and warns of the empty photo frame only while the badge is not printed yet (tryout D, item 3:
after printing and the pack's handover the list still read « Badge ready: 213T-4XYK (no
photo) » and the member's page still warned « imprimé maintenant, il aurait un cadre vide »)."""

from __future__ import annotations

from tests.browser.helpers import element, text
from tests.conftest import Api
from tests.http.test_credentials_portal import _member
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP


async def test_the_list_and_the_member_page_say_printed_then_collected(
    api: Api, smtp: RecordingSMTP
) -> None:
    deleg, link = await _setup(api, smtp)
    member = await _member(api, deleg, "Dumont")
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{member['id']}/decision",
                                     role="protocol", json={"decision": "approve"})
    assert status == 200, body
    v = await _signed_in(api, link)
    path = f"/delegation/alliance-be/members/{member['id']}"
    status, page, _ = await v.go("GET", "/delegation/alliance-be?lang=en")
    assert text(element(page, f"member-badge-{member['id']}")).startswith("Badge ready: ")
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert 'id="badge-no-photo"' in page and 'id="badge-made"' not in page

    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/badges/printed",
                                     role="protocol",
                                     json={"accreditation_ids": [member["id"]]})
    assert status == 200, body
    status, page, _ = await v.go("GET", "/delegation/alliance-be?lang=en")
    line = text(element(page, f"member-badge-{member['id']}"))
    assert line.startswith("Badge printed on ") and "no photo" not in line, line
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert element(page, "badge-made").startswith("Badge printed on ")
    assert "the delegation's pack" in element(page, "badge-made")
    assert 'id="badge-no-photo"' not in page  # printed: no frame left to fill

    status, body, _ = await api.call(
        "POST", f"/api/v1/delegations/{deleg['id']}/pack/collected", role="protocol",
        json={"collected_by": "M. Olivier Lenoir"})
    assert status == 200, body
    status, page, _ = await v.go("GET", "/delegation/alliance-be?lang=fr")
    line = text(element(page, f"member-badge-{member['id']}"))
    assert line.startswith("Badge remis à M. Olivier Lenoir le "), line
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    assert element(page, "badge-made").startswith(
        "Badge printed and collected by M. Olivier Lenoir on ")
    status, page, _ = await v.go("GET", f"{path}?lang=fr")
    assert element(page, "badge-made").startswith("Badge imprimé et remis à M. Olivier Lenoir")
