"""Shared value types for the public models: text that mail and calendars can carry, country codes,
phone numbers, localised strings."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    StringConstraints,
)
from pydantic_core import PydanticCustomError


class Model(BaseModel):
    """Base for request and response bodies: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


class FieldsInvalid(ValueError):
    """A model validator's refusal that names the fields it is about: the API's 422 names each
    of them (``http.problems.field_errors``), not "(body)" (a tryout filed a minister without
    `function` and read "(body): delegation members need function")."""

    def __init__(self, message: str, *fields: str) -> None:
        super().__init__(message)
        self.fields = fields


# Format characters a name may need: the zero-width (non-)joiners of Persian, Indic scripts and
# emoji sequences. Every other format character (bidi embeddings, overrides and isolates, BOM,
# invisible operators, tags) is invisible, can disguise a name in a mail header or an
# invitation, and is refused.
_ALLOWED_FORMAT = frozenset("\u200c\u200d")
_REFUSED_CATEGORIES = {
    "Cc": "control characters (such as line breaks)",
    "Cf": "invisible formatting characters (such as bidi overrides)",
    "Zl": "line separators",
    "Zp": "paragraph separators",
    "Cs": "lone surrogates",
}


def _is_noncharacter(ch: str) -> bool:
    cp = ord(ch)
    return 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE


_SPACES = re.compile(r"[ \t\r\n]+")


def single_spaces(text: str) -> str:
    """Runs of spaces, tabs and line breaks as one space, nothing leading or trailing; a
    no-break space stays (``" ".join(text.split())`` takes it for a space: the French colon of
    a title, « Alliance mondiale : réunion », lost it in every letter)."""
    return _SPACES.sub(" ", text).strip()


def clean_text(value: str) -> str:
    """NFC, and nothing that mail headers and iCalendar cannot carry: control characters,
    format characters (bar the zero-width joiners), line and paragraph separators, lone
    surrogates, noncharacters. Raises ValueError naming the first offending character."""
    if value.isascii() and value.isprintable():  # the usual case: NFC already, nothing refused
        return value.strip()
    value = unicodedata.normalize("NFC", value).strip()
    for ch in value:
        category = unicodedata.category(ch)
        what = _REFUSED_CATEGORIES.get(category)
        if category == "Cf" and ch in _ALLOWED_FORMAT:
            what = None
        if what is None and _is_noncharacter(ch):
            what = "noncharacters"
        if what is not None:
            name = unicodedata.name(ch, "")
            raise ValueError(f"must not contain {what}: U+{ord(ch):04X}"
                             + (f" {name}" if name else ""))
    return value


def _text(max_length: int) -> AfterValidator:
    def check(value: str) -> str:
        value = clean_text(value)
        if not value:
            raise ValueError("must not be empty")
        if len(value) > max_length:
            raise ValueError(f"must have at most {max_length} characters")
        return value

    return AfterValidator(check)


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), _text(200),
]
"""Free text (names, titles, outlets, functions, room names): NFC, one line, printable in mail
headers and calendars; 422 naming the field otherwise."""
def _latin(value: str) -> str:
    """A person's name as a passport prints it for others to read: its letters in the Latin
    script (with any accent: é, ł, ø, ß, ṭ, ễ), its marks, apostrophes, hyphens and spaces as
    typed (docs/credentials.md, "Names"). A name in another script only (ليلى الحسيني,
    王伟, Γιώργος) is refused naming the first letter that is not Latin: door staff compare the
    badge with a passport's Latin line, and the letters, the list of participants and the
    calendars are read in French and English."""
    for ch in value:
        if unicodedata.category(ch) in ("Lu", "Ll", "Lt", "Lo") \
                and not unicodedata.name(ch, "").startswith("LATIN "):
            raise ValueError(f"must be written in Latin letters, as in the passport: "
                             f"U+{ord(ch):04X} {unicodedata.name(ch, '')}".rstrip())
    return value


PersonName = Annotated[Text, AfterValidator(_latin)]
"""A person's given or family name: ``Text`` in the Latin script (``_latin``)."""

_PRINTED_SCRIPTS = ("LATIN ", "GREEK ", "CYRILLIC ")


def _printed(value: str) -> str:
    """Text the badges, letters and lists print (a function, a consulate): its letters in the
    Latin, Greek or Cyrillic script, those the documents' font draws as typed. An Arabic word
    came out of a visa letter reversed and a Chinese one left a gap ("Σύμβουλος / راشتسم / ,"),
    tried as a focal point, 5 December 2026; the letter reads in French or English anyway."""
    for ch in value:
        if unicodedata.category(ch) in ("Lu", "Ll", "Lt", "Lo", "Lm") \
                and not unicodedata.name(ch, "").startswith(_PRINTED_SCRIPTS):
            raise ValueError(f"must be written in Latin, Greek or Cyrillic letters, as the "
                             f"documents print it: U+{ord(ch):04X} "
                             f"{unicodedata.name(ch, '')}".rstrip())
    return value


PrintedText = Annotated[Text, AfterValidator(_printed)]
"""``Text`` printed on badges, letters and lists: in the Latin, Greek or Cyrillic script."""


_DOCUMENT_NUMBER = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 -]*[A-Za-z0-9])?")


def _document_number(value: str) -> str:
    """A passport's or identity card's number as the document prints it: letters A-Z and
    digits, with the spaces and hyphens some cards print between groups (``591-1234567-89``),
    kept as typed (docs/credentials.md, "Vetting"). The security service and the police check
    the person against it: a number with "!", "°" or an accented letter is a typing mistake
    that would turn the minister away at the door, so it is refused on the form."""
    if not _DOCUMENT_NUMBER.fullmatch(value):
        raise PydanticCustomError(
            "document_number", "a document number is written with the letters A-Z and digits "
            "as printed on the document (spaces and hyphens between them allowed)")
    return value


DocumentNumber = Annotated[Text, StringConstraints(max_length=40),
                           AfterValidator(_document_number)]
"""A passport's or identity document's number (``_document_number``), at most 40 characters."""
LongText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000), _text(2000),
]
"""Longer free text (reasons), on the same terms as ``Text``."""

Language = Literal["fr", "en"]


def _ascii_email(value: str) -> str:
    local, _, domain = value.rpartition("@")
    if not local.isascii():
        # Internationalised local parts need SMTPUTF8, which few relays offer: refuse them
        # here rather than fail at every delivery.
        raise ValueError("the part before the @ must be plain ASCII")
    if domain.isascii():  # IDNA leaves an ASCII domain as it is (its labels' lengths checked)
        return value
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:
        raise ValueError("the domain is not a valid internationalised domain name") from None


Email = Annotated[EmailStr, AfterValidator(_ascii_email)]
"""An email address that can be sent to over plain SMTP (domain in IDNA form)."""


def _country(value: str) -> str:
    code = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}", code) or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError("must be an ISO 3166-1 alpha-2 country code (e.g. BE, US)")
    return code


CountryCode = Annotated[str, AfterValidator(_country)]


def _e164(value: str) -> str:
    """Stored in E.164 (``+3222980963``); shown in international format by
    ``conference.mail.formatting.phone``."""
    compact = re.sub(r"[\s().-]", "", value)
    if not re.fullmatch(r"\+[1-9]\d{6,14}", compact):
        raise ValueError("must be a phone number in E.164 form, e.g. +3222980963")
    try:
        number = phonenumbers.parse(compact, None)
    except phonenumbers.NumberParseException:
        raise ValueError("must be a phone number in E.164 form, e.g. +3222980963") from None
    if not phonenumbers.is_possible_number(number):
        raise ValueError("not a possible phone number for its country code")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


Phone = Annotated[str, BeforeValidator(lambda v: v if not isinstance(v, str) else v.strip()),
                  AfterValidator(_e164)]


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("must be an IANA time zone such as Europe/Brussels") from None
    return value


TimeZoneName = Annotated[str, AfterValidator(_timezone)]

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{1,62}$")]


class Localized(Model):
    fr: Text
    en: Text

    def get(self, language: str) -> str:
        return self.fr if language == "fr" else self.en
