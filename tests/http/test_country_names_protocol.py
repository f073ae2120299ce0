"""Country names as protocol writes them, on the console's delegation form in English and in
French: a state of the United Nations, Saint Vincent and the Grenadines, read "Saint Vincent
and Grenadines" (CLDR's "St. Vincent & Grenadines" with only the abbreviations spelt out) and,
in French, "Saint-Vincent-et-les Grenadines"; the United States' territories read "U.S. Virgin
Islands". The EU Interinstitutional Style Guide writes "Saint Vincent and the Grenadines",
"Saint-Vincent-et-les-Grenadines" and "United States Virgin Islands"."""

from __future__ import annotations

from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_console_words import BASE
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP


async def test_the_delegation_form_writes_country_names_out(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, en, _ = await protocol.go("GET", f"{BASE}/delegations?lang=en")
    _, fr, _ = await protocol.go("GET", f"{BASE}/delegations?lang=fr")
    assert '<option value="VC">Saint Vincent and the Grenadines</option>' in en
    assert '<option value="VI">United States Virgin Islands</option>' in en
    assert "U.S." not in en
    assert '<option value="VC">Saint-Vincent-et-les-Grenadines</option>' in fr
