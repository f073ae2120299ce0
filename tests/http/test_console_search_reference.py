"""The accreditation desk finds a person by the badge they hold out (tried on the meeting's
day, 5 December 2026: "0 accréditation" for a reference that exists, which the press desk's
queue found): the console's list searches the badge's short reference too, typed as at the
door (with or without its dash, any case), the current one and a reissued badge's old one."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import delegation, member, text, zone
from tests.conftest import Api
from tests.http.test_badge_production import _reissue, _states
from tests.http.test_console import staff
from tests.support import RecordingSMTP

LIST = "/manage/alliance/accreditations?lang=en&q="


async def test_the_console_finds_a_person_by_their_badge_s_short_reference(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    await zone(api, "plenary-hall", categories=["minister"])
    be = await delegation(api, "BE")
    lambert = await member(api, be, "Lambert")
    await member(api, be, "Peeters")
    old = (await _states(api))[lambert["id"]]["short_reference"]
    assert (await _reissue(api, lambert["id"], reason="lost"))[0] == 200
    new = (await _states(api))[lambert["id"]]["short_reference"]
    assert old != new and "-" in new
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    for typed in (new, new.replace("-", "").lower(), old):
        status, page, _ = await v.go("GET", LIST + typed)
        assert status == 200, page
        assert "Lambert" in text(page) and "Peeters" not in text(page), typed
    # a reference of no badge finds no one
    status, page, _ = await v.go("GET", LIST + "ZZZZ-ZZZZ")
    assert "Lambert" not in text(page) and "Peeters" not in text(page)
