"""Header values as mail clients read them (docs/letters.md is silent on bytes; the rules are in
conference/mail/headers.py): an encoded-word never cuts a word in two (Thunderbird and Apple
Mail show a space where one ends), and a long ASCII Subject is folded at a space, never right
after "Subject:"."""

from __future__ import annotations

import email
import email.policy
import re
from email.header import decode_header

from hypothesis import given, settings
from hypothesis import strategies as st

from conference.mail.headers import MAX_LINE, mailbox, unstructured
from tests.unit.test_calendar_mime import WORDS

phrases = st.lists(st.sampled_from(WORDS + ["Müller-Lüdenscheidt", "Administratör"]),
                   min_size=1, max_size=24).map(" ".join)
ENCODED_WORD = re.compile(r"=\?utf-8\?[qb]\?[^?]*\?=", re.I)


def _decoded_words(value: str) -> list[str]:
    """Each encoded-word of ``value`` decoded on its own."""
    words = []
    for word in ENCODED_WORD.findall(value):
        [(raw, charset)] = decode_header(word)
        assert isinstance(raw, bytes)
        words.append(raw.decode(charset or "ascii"))
    return words


def _parsed(name: str, value: str) -> email.message.EmailMessage:
    raw = f"{name}: {value}\r\n\r\nbody\r\n".encode("ascii")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    return message


@settings(max_examples=300, deadline=None)
@given(text=phrases)
def test_each_encoded_word_holds_whole_words(text: str) -> None:
    for header, value in (("Subject", unstructured("Subject", text)),
                          ("To", str(mailbox("To", text, "a@example.org")))):
        if text.isascii():
            continue
        words = _decoded_words(value)
        assert "".join(words) == text
        # every cut between two encoded-words falls after a space of the text
        assert all(word.endswith(" ") for word in words[:-1]), words
        lines = f"{header}: {value}".split("\r\n")
        assert all(len(line) <= MAX_LINE for line in lines), lines


def test_a_long_name_is_cut_between_its_words() -> None:
    name = "Son Excellence Monsieur Jean-Baptiste Müller-Lüdenscheidt de la Tour d'Auvergne"
    value = str(mailbox("To", name, "jb@example.org"))
    # Header cut "Lüdensch" | "eidt" before
    assert _decoded_words(value) == ["Son Excellence Monsieur Jean-Baptiste ",
                                     "Müller-Lüdenscheidt de la Tour d'Auvergne"]


def test_a_word_longer_than_a_line_is_cut_at_characters() -> None:
    text = "Ω" * 80 + " fin"
    value = unstructured("Subject", text)
    assert "".join(_decoded_words(value)) == text
    assert all(len(line) <= MAX_LINE for line in f"Subject: {value}".split("\r\n"))


def test_a_long_ascii_subject_is_folded_at_a_space_and_read_back_exactly() -> None:
    # 71 characters: the package's folder wrote "Subject:" CRLF " Son Son …", and Python's
    # parser read it back with a space in front
    text = "Son Son Son Son Excellence Excellence Excellence Excellence Excellence"
    value = unstructured("Subject", text)
    assert str(_parsed("Subject", value)["Subject"]) == text
    first, *rest = f"Subject: {value}".split("\r\n")
    assert first.startswith("Subject: Son") and rest
    assert all(len(line) <= MAX_LINE for line in [first, *rest])


def test_a_short_ascii_subject_is_left_as_it_is() -> None:
    assert unstructured("Subject", "Accreditation approved") == "Accreditation approved"
