"""Why a letter did not arrive, in the press desk's words (docs/workspaces.md, "Letters not
delivered"): the mail server's reply as it wrote it, on one line; an error of ours only by its
kind, never its text (it may carry a value or a trace)."""

from __future__ import annotations

import pytest

from conference.workspaces.domain import LetterFailure, letter_failure


@pytest.mark.parametrize(("last_error", "parked", "expected"), [
    ("SMTP 550: 5.1.1 <a@b.example>: Recipient\naddress rejected", False,
     LetterFailure("refused", "550 5.1.1 <a@b.example>: Recipient address rejected")),
    ("SMTP 451: try later", False, LetterFailure("deferred", "451 try later")),
    ("TimeoutError: no reply within 30.0 s", False, LetterFailure("unreachable")),
    ("SMTPConnectError: Error connecting to relay.example on port 25", False,
     LetterFailure("unreachable")),
    ("ConnectionRefusedError: [Errno 111] Connect call failed", False,
     LetterFailure("unreachable")),
    ("not an address for the SMTP envelope: 'marie\\n@x'", False, LetterFailure("address")),
    ("cannot be rendered: KeyError", False, LetterFailure("unbuildable")),
    ("ValueError: Header values may not contain linefeed: Marie\nDupont", True,
     LetterFailure("unbuildable")),
    ("Traceback (most recent call last): ...", False, LetterFailure("other")),
    (None, False, LetterFailure("other")),
])
def test_a_failure_is_told_by_its_kind_and_the_server_s_reply(
    last_error: str | None, parked: bool, expected: LetterFailure
) -> None:
    assert letter_failure(last_error, parked) == expected


def test_a_long_reply_is_cut_on_one_line() -> None:
    failure = letter_failure("SMTP 554: " + "blocked " * 100, False)
    assert failure.reply is not None and len(failure.reply) == 200
    assert failure.reply.endswith("…") and "\n" not in failure.reply
