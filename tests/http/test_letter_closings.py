"""A letter closes as it opens (docs/protocol.md, "Letter closings"), read on a real SMTP
server: one that opens « Excellence, » / "Your Excellency," (a minister, an ambassador) closes
with the formula an EU institution signs, its acknowledgement, its approval and its calendar
invitations alike; everyone else keeps "Kind regards," / « Cordialement, ». The minister's
letters closed "Kind regards," under "Your Excellency,"."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.conftest import Api
from tests.http.conftest_programme import accredit, at, make_delegation, make_room, make_session
from tests.http.test_calendar_flow import is_invitation
from tests.support import RecordingSMTP, body_text

FORMULA = {
    "fr": "Nous vous prions d'agréer, Excellence, l'assurance de notre très haute considération.",
    "en": "Please accept, Excellency, the assurance of our highest consideration.",
}
OPENING = {"fr": "Excellence,", "en": "Your Excellency,"}
PLAIN = {"fr": "Cordialement,", "en": "Kind regards,"}
SIGNED = {"fr": ["Le service du protocole", "Alliance mondiale : réunion"],
          "en": ["The Protocol Service", "Global Alliance: meeting"]}


def _lines(letter: Any) -> tuple[list[str], list[str]]:
    """The letter's lines, and those before the data-protection notice."""
    text = body_text(letter).replace("\r\n", "\n")
    return text.split("\n"), re.split(r"\n-- \n", text)[0].rstrip("\n").split("\n")


@pytest.mark.parametrize("language", ["fr", "en"])
async def test_an_excellency_s_letters_close_with_the_formal_formula(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, language: str,
) -> None:
    fr = await make_delegation(api, country="FR")
    await make_session(api, await make_room(api), at(conference, 9), at(conference, 10))
    minister = await accredit(api, "Jean-Noël", "Barrot", delegation=fr,
                              rank="foreign_minister", language=language, gender="male")
    official = await accredit(api, "Anne", "Martin", delegation=fr, category="official",
                              rank="senior_official", language=language, gender="female")
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/programme/publish",
                                     role="protocol")
    assert status in (200, 201), body
    letters = await smtp.wait_for(2, where=lambda m: minister["email"] in str(m["To"])
                                  and not is_invitation(m))  # acknowledgement, approval
    [invitation] = await smtp.wait_for(1, where=lambda m: minister["email"] in str(m["To"])
                                       and is_invitation(m))
    for letter in [*letters, invitation]:
        lines, before = _lines(letter)
        assert lines[0] == OPENING[language], lines[:2]
        assert before[-3:] == [FORMULA[language], *SIGNED[language]], before[-4:]
        assert PLAIN[language] not in lines
    # a senior official is no Excellency: the plain closing, as before
    plain = await smtp.wait_for(2, where=lambda m: official["email"] in str(m["To"])
                                and not is_invitation(m))
    for letter in plain:
        lines, before = _lines(letter)
        assert lines[0] != OPENING[language]
        assert before[-3:] == [PLAIN[language], *SIGNED[language]], before[-4:]
        assert FORMULA[language] not in "\n".join(lines)
