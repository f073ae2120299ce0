"""The console's application page's language buttons over HTTP (docs/workspaces.md, "The
language control"): each form of the page (decision, substitution, revocation, clearance)
has its own, and the header's carries the form being edited (the one posted), else the
page's first. A revocation's reason sent to its switch comes back, filled, in the other
language, and nothing is revoked or recorded; once sent with an error, its switch says the
error again. The browser test (tests/browser/test_browser_console_language_control.py) types
into the decision, the substitution and the clearance."""

from __future__ import annotations

import re

from tests.browser.helpers import element, form_fields, member, switch_fields
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_lifecycle_substitution_confirm import events
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP


def _form(page: str, form_id: str) -> dict[str, str]:
    found = re.search(rf'<form [^>]*id="{form_id}"[^>]*>(.*?)</form>', page, re.S)
    assert found, form_id
    return form_fields(found.group(1))


async def test_a_revocation_s_reason_is_kept_across_the_language_switch(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    old = await member(api, be, "Reynders")  # approved: no decision, revocation offered
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    here = f"/manage/alliance/accreditations/{old['id']}"
    status, page, _ = await protocol.go("GET", f"{here}?lang=en")
    assert status == 200, page
    # every form has its own button; the header's carries the first (the substitution)
    assert page.count('class="link-button form-language"') == 3
    action, fields = switch_fields(page)
    assert action == f"{here}/substitute?lang=fr" and fields["edit"] == "1"
    before = await events(api)

    revoke = {**_form(page, "revoke-form"), "reason": "Badge lent to a third person.",
              "switch": "1"}
    status, page, _ = await protocol.go("POST", f"{here}/revoke?lang=fr", revoke)
    assert status == 200, page
    assert 'lang="fr"' in page[:200]
    assert element(page, "revoke_reason") == "Badge lent to a third person."
    assert 'id="error-summary"' not in page  # never sent: nothing asked of it yet
    assert element(page, "status") == "Accordée"
    # the header now carries the revocation, with what it holds
    action, fields = switch_fields(page)
    assert action == f"{here}/revoke?lang=en"
    assert fields["reason"] == "Badge lent to a third person." and fields["switch"] == "1"

    # sent without its box ticked: the error; the switch says it again, in English
    sent = {**_form(page, "revoke-form")}
    status, page, _ = await protocol.go("POST", f"{here}/revoke?lang=fr", sent)
    assert status == 422, page
    action, fields = switch_fields(page)
    assert fields["sent"] == "1"
    status, page, _ = await protocol.go("POST", action, fields)
    assert status == 200, page
    assert "Tick the box to confirm the revocation." in element(page, "error-summary")
    assert element(page, "revoke_reason") == "Badge lent to a third person."

    # the clearance's own button: its status and reason kept, nothing set
    vetting = {**_form(page, "vetting-form"), "status": "refused",
               "reason": "Listed by the host country.", "switch": "1"}
    status, page, _ = await protocol.go("POST", f"{here}/vetting?lang=fr", vetting)
    assert status == 200, page
    assert element(page, "vetting_reason") == "Listed by the host country."
    assert re.search(r'<option value="refused" selected>', page)
    assert 'id="error-summary"' not in page
    assert await events(api) == before  # nothing revoked, nothing set
