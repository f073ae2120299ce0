"""What a tryout of the meeting's eve and morning found on the credentials pages and the
delegation portal (2 December 2026), over HTTP with a real PostgreSQL and SMTP server: the
words a protocol officer and a focal point read, and where a refused form says why."""

from __future__ import annotations

import re

from tests.browser.helpers import element, member
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_console_credentials import M, _conference
from tests.support import RecordingSMTP


def _first_option(page: str, select_id: str) -> str:
    match = re.search(rf'<select id="{select_id}"[^>]*><option value="">([^<]*)</option>', page)
    assert match, f"no select #{select_id}"
    return match.group(1)


async def test_the_badges_filters_say_all_in_the_gender_of_their_label(
    api: Api, smtp: RecordingSMTP
) -> None:
    # « État : Toutes » (tried as protocol): état is masculine, délégation and catégorie not
    be, _ = await _conference(api, smtp)
    await member(api, be, "Peeters")
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=fr")
    assert status == 200, page
    assert _first_option(page, "status") == "Tous"
    assert _first_option(page, "delegation") == "Toutes"
    assert _first_option(page, "category") == "Toutes"
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    assert [_first_option(page, s) for s in ("delegation", "category", "status")] == ["All"] * 3
    assert element(page, "badge-count") == "1 badge listed, 1 to print."
