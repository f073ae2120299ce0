"""The seating plan's page writes the seats left of the chair with the minus sign (U+2212,
"−1"), in the table and in its key ("−n à sa gauche"), not the hyphen-minus of the data
files ("-1"): a hyphen is a dash to the reader and breaks a line after it. The CSV keeps "-1",
a number a spreadsheet reads (docs/protocol.md, "Head-table seating")."""

from __future__ import annotations

import re

from tests.conftest import Api
from tests.http.conftest_programme import (
    accredit,
    at,
    make_delegation,
    make_room,
    make_session,
    put_participant,
)
from tests.http.test_console import staff
from tests.http.test_console_programme import _conference
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP


async def test_seats_left_of_the_chair_are_written_with_the_minus_sign(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    conf = await _conference(api)
    room = await make_room(api)
    session = await make_session(api, room, at(conf, 9), at(conf, 10))
    for n, (country, family) in enumerate((("DE", "Baerbock"), ("NL", "Rutte"),
                                           ("FR", "Le Drian"))):
        delegation = await make_delegation(api, country)
        person = await accredit(api, "Anna", family, delegation=delegation)
        status, body = await put_participant(api, session, person,
                                             "chair" if n == 0 else "speaker")
        assert status == 200, body
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"/manage/alliance/sessions/{session['id']}/seating"
    for lang, key in (("fr", "\u2212n à sa gauche"), ("en", "\u2212n on the left")):
        status, page, _ = await protocol.go("GET", f"{path}?lang={lang}")
        assert status == 200, page
        seats = re.findall(r'<td class="num"[^>]*>([^<]*)</td>', page)
        assert sorted(seats) == sorted(["\u22121", "0", "+1"]), seats
        assert key in page
        assert '<td class="num">-1' not in page
    status, csv_text, _ = await protocol.go("GET", f"{path}.csv")
    assert status == 200
    assert sorted(row.split(";")[0] for row in csv_text.split("\r\n")[1:] if row) == [
        "-1", "0", "1"], csv_text
