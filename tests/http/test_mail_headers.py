"""The headers of letters read back as the text we meant, on a real SMTP server: a conference
without a short name signs with its title, which may hold a colon and fill more than a line
("Global Alliance …: ministerial follow-up meeting" is a name, not a group), and a long French
subject keeps single spaces where it is folded; a recipient's name outside ASCII reads back as
the name given, folded or not."""

from __future__ import annotations

import re
from email.header import decode_header, make_header
from typing import Any

import pytest

from tests.conftest import Api, conference_body, press_body
from tests.support import RecordingSMTP

TITLE = {"fr": "Alliance mondiale contre les abus sexuels commis contre des enfants via "
               "internet : réunion ministérielle de suivi",
         "en": "Global Alliance against Child Sexual Abuse Online: ministerial follow-up "
               "meeting"}


def _to(address: str) -> Any:
    return lambda m: address in str(m["To"])


def _raw_subject(m: Any) -> str:
    """The Subject as an RFC 2047 decoder reads it: unfolded (CRLF removed), then decoded."""
    raw = m.as_bytes().split(b"\n\n", 1)[0].decode("ascii")
    found = re.search(r"^Subject:(.*?)(?=\r?\n(?![ \t]))", raw, re.S | re.M)
    assert found is not None
    return str(make_header(decode_header(re.sub(r"\r?\n(?=[ \t])", "", found.group(1)))))


async def test_a_long_title_with_a_colon_is_the_senders_name_in_each_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(title=TITLE))
    assert status == 201, body
    for n, language in enumerate(("en", "fr"), start=1):
        status, body, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/accreditations",
            json=press_body(n, language=language, email=f"{language}@example.org"))
        assert status == 201, body
    [en] = await smtp.wait_for(1, where=_to("en@example.org"))
    [fr] = await smtp.wait_for(1, where=_to("fr@example.org"))
    assert [a.display_name for a in en["From"].addresses] == [TITLE["en"]]
    assert [a.addr_spec for a in en["From"].addresses] == ["michele.cercone@example.org"]
    assert [a.addr_spec for a in fr["From"].addresses] == ["michele.cercone@example.org"]
    # the press office's notices are French: a long subject, folded, keeps single spaces
    notices = await smtp.wait_for(4, where=lambda m: "Nouvelle demande presse" in m["Subject"])
    for m in [fr, *notices]:
        subject = str(m["Subject"])
        assert "  " not in subject and subject == subject.strip(), subject
        assert "  " not in _raw_subject(m), _raw_subject(m)
        assert TITLE["fr"] in _raw_subject(m)


def _raw_header(m: Any, name: str) -> str:
    """A header as it travelled, unfolded (CRLF removed), before any decoding."""
    raw = m.as_bytes().split(b"\n\n", 1)[0].decode("ascii")
    found = re.search(rf"^{name}:(.*?)(?=\r?\n(?![ \t]))", raw, re.S | re.M)
    assert found is not None
    return re.sub(r"\r?\n(?=[ \t])", "", found.group(1)).strip()


@pytest.mark.parametrize(("given", "family"), [
    ("Élodie", "Müller"),
    # long enough that the encoded name is folded over two lines before the address
    ("Marie-Élisabeth Ségolène", "Müller-Lüdenscheidt de Saint-Exupéry d'Aÿ"),
])
async def test_a_recipient_named_in_letters_outside_ascii_is_read_back_by_name(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, given: str, family: str,
) -> None:
    """The applicant's acknowledgement is addressed to them by name: a name outside ASCII
    travels RFC 2047 encoded, and reads back (email.policy.default) as the name given."""
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations",
        json=press_body(given_name=given, family_name=family, email="elodie@example.org"))
    assert status == 201, body
    [letter] = await smtp.wait_for(1, where=_to("elodie@example.org"))
    [to] = letter["To"].addresses
    assert (to.display_name, to.addr_spec) == (f"{given} {family}", "elodie@example.org")
    assert str(letter["To"]) == f"{given} {family} <elodie@example.org>"
    raw = _raw_header(letter, "To")
    assert raw.startswith("=?utf-8?") and "Müller" not in raw, raw
