"""The badges page on the day before the meeting: a badge that no batch holds says why. A
person whose clearance the security service refused was listed "Awaiting clearance", as if
the answer were still to come: the office would wait, or chase the service, for a badge that
will never be printed. The page now says the clearance was refused, and the API's badge
statuses carry the vetting status (an extension)."""

from __future__ import annotations

from tests.browser.helpers import element, member, text
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_console_credentials import M, _conference
from tests.support import RecordingSMTP


async def test_a_refused_clearance_is_named_on_the_badges_page(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _conference(api, smtp, vetting_required=["minister"])
    waiting = await member(api, be, "Peeters")
    refused = await member(api, be, "Janssens")
    cleared = await member(api, be, "Wouters")
    for person, status in ((refused, "refused"), (cleared, "cleared")):
        answer = await api.call("POST", f"/api/v1/accreditations/{person['id']}/vetting/status",
                                role="protocol", json={"status": status, "reason": "Avis"})
        assert answer[0] == 200, answer
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    for lang, awaiting, no in (("en", "Awaiting clearance", "Clearance refused"),
                               ("fr", "En attente d'habilitation", "Habilitation refusée")):
        _, page, _ = await v.go("GET", f"{M}/badges?lang={lang}")
        assert awaiting in text(element(page, f"badge-{waiting['id']}"))
        row = text(element(page, f"badge-{refused['id']}"))
        assert no in row and awaiting not in row, row
    _, states, _ = await api.call("GET", "/api/v1/conferences/alliance/badges", role="protocol")
    vetting = {s["accreditation_id"]: s["vetting_status"] for s in states["items"]}
    assert vetting == {waiting["id"]: "pending", refused["id"]: "refused",
                       cleared["id"]: "cleared"}
