"""A royal-presence session invites its audience as its security list lists it: the
accreditations approved by the security-list deadline (docs/protocol.md, "Royal presence").

A tryout of the last week before a royal-presence session found a minister approved after the
list froze (a late substitute of an ambassador) invited "Prière d'être assis avant 09:45 : les
invités prennent place avant l'arrivée de Sa Majesté la Reine", while the security list left
him out and the royal perimeter's door refused him, "not on the security list". He is now
invited to the other sessions of his category, not to that one, and his own calendar feed does
not list it."""

from __future__ import annotations

import asyncio
import re
import urllib.parse
from datetime import UTC, datetime
from typing import Any

import asyncpg

from tests.browser.helpers import publish
from tests.conftest import Api
from tests.http.conftest_programme import (
    accredit,
    at,
    make_delegation,
    make_room,
    make_session,
)
from tests.support import RecordingSMTP, body_text


def _invitation(title: str) -> Any:
    return lambda m: str(m["Subject"]).startswith("Invitation") and title in str(m["Subject"])


async def test_a_minister_approved_after_the_freeze_is_not_invited_to_the_royal_session(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, db_url: str
) -> None:
    room = await make_room(api)
    be = await make_delegation(api, "BE")
    royal = await make_session(
        api, room, at(conference, 12), at(conference, 13), royal_presence=True,
        press_access="pool", audience=["minister"],
        title={"fr": "Séance royale", "en": "Royal session"})
    await make_session(api, room, at(conference, 15), at(conference, 16), audience=["minister"],
                       title={"fr": "Séance de clôture", "en": "Closing session"})
    early = await accredit(api, "Joëlle", "Milquet", delegation=be)
    await publish(api)
    await smtp.wait_for(1, where=lambda m: "joelle" in str(m["To"]).lower()
                        and _invitation("Séance royale")(m))

    conn = await asyncpg.connect(db_url)
    try:
        await conn.execute("UPDATE conference SET security_list_deadline = $1",
                           datetime.now(UTC))
    finally:
        await conn.close()
    late = await accredit(api, "Koen", "Geens", delegation=be)
    [closing] = await smtp.wait_for(
        1, where=lambda m: "koen" in str(m["To"]).lower() and _invitation("Séance de clôture")(m))
    await asyncio.sleep(0.5)  # the same run would have sent the royal session's
    assert not [m for m in smtp.to("koen.geens@example.org") if _invitation("Séance royale")(m)]

    status, listing, _ = await api.call("GET", f"/api/v1/sessions/{royal['id']}/security-list",
                                        role="protocol")
    assert status == 200
    assert [e["accreditation_id"] for e in listing["items"]] == [early["id"]]
    # His own calendar lists the closing session, not the royal one.
    feed = re.search(r"(https?://\S+/api/v1/calendar/\S+\.ics)", body_text(closing))
    assert feed is not None
    status, ics, _ = await api.call("GET", urllib.parse.urlsplit(feed.group(1)).path)
    assert status == 200
    assert "Séance de clôture" in ics and "Séance royale" not in ics
    assert late["id"]
