"""The calendar feeds say by when guests are seated for a royal-presence session, as the
invitations do (docs/calendar.md, "Feeds"; docs/protocol.md, "Seated before the patron").

The invitation offers the personal feed "instead" of invitations; a tryout found the feed's
entry, and the public programme's, giving the conference's title alone: a guest following the
feed never read "Prière de prendre place avant 11:45" before Her Majesty's arrival."""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

from tests.browser.helpers import publish
from tests.conftest import Api
from tests.http.conftest_programme import accredit, at, make_delegation, make_room, make_session
from tests.support import RecordingSMTP, body_text


def _descriptions(ics: str) -> list[str]:
    unfolded = ics.replace("\r\n ", "").replace("\n ", "")
    return [line.split(":", 1)[1] for line in unfolded.splitlines()
            if line.startswith("DESCRIPTION:")]


async def test_both_feeds_say_by_when_guests_are_seated(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    room = await make_room(api)
    be = await make_delegation(api, "BE")
    await make_session(api, room, at(conference, 12), at(conference, 13), royal_presence=True,
                       press_access="pool", audience=["minister"],
                       title={"fr": "Séance royale", "en": "Royal session"})
    await make_session(api, room, at(conference, 15), at(conference, 16), audience=["minister"],
                       title={"fr": "Clôture", "en": "Closing"})
    await accredit(api, "Joëlle", "Milquet", delegation=be)
    await publish(api)

    status, ics, _ = await api.call(
        "GET", "/api/v1/conferences/alliance/programme.ics?lang=en")
    assert status == 200
    royal, closing = _descriptions(ics)
    assert royal.startswith(
        "In the presence of Her Majesty the Queen. Please be seated by 11:45.\\n"), royal
    assert "presence" not in closing
    status, ics, _ = await api.call(
        "GET", "/api/v1/conferences/alliance/programme.ics?lang=fr")
    assert _descriptions(ics)[0].startswith(
        "En présence de Sa Majesté la Reine. Prière de prendre place avant 11:45.\\n")

    [invitation] = await smtp.wait_for(
        1, where=lambda m: "Séance royale" in str(m["Subject"]))
    feed = re.search(r"(https?://\S+/api/v1/calendar/\S+\.ics)", body_text(invitation))
    assert feed is not None
    status, ics, _ = await api.call("GET", urllib.parse.urlsplit(feed.group(1)).path)
    assert status == 200
    assert _descriptions(ics)[0].startswith(
        "En présence de Sa Majesté la Reine. Prière de prendre place avant 11:45.\\n")
