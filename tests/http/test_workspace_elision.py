"""French elides "de" before a vowel: the console wrote "Réémettre le badge de Anna Peeters" and
"Accréditation de Anna Peeters révoquée", which no French-speaking protocol office would sign.
A "de {name}" of the workspaces' French strings becomes "d'{name}" when the name starts with a
vowel, and stays "de" otherwise; the name itself is never touched."""

from __future__ import annotations

from tests.browser.helpers import member
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_console_credentials import M, _conference
from tests.support import RecordingSMTP


async def test_de_is_elided_before_a_vowel_in_the_french_console(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _conference(api, smtp)
    anna = await member(api, be, "Peeters")  # given name Anna
    status, jan, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                    role="protocol", json={
                                        "category": "official", "given_name": "Jan",
                                        "family_name": "Janssens", "email": "jan@example.org",
                                        "language": "fr", "delegation_id": be["id"],
                                        "rank": "official", "function": "Conseiller"})
    assert status == 201, jan
    await api.call("POST", f"/api/v1/accreditations/{jan['id']}/decision", role="protocol",
                   json={"decision": "approve"})
    v = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    _, page, _ = await v.go("GET", f"{M}/badges/{anna['id']}/reissue?lang=fr")
    assert "Réémettre le badge d&#39;Anna Peeters" in page
    _, page, _ = await v.go("GET", f"{M}/badges/{jan['id']}/reissue?lang=fr")
    assert "Réémettre le badge de Jan Janssens" in page
