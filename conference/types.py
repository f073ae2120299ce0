"""Shared value types for the public models: text without control characters, country codes,
phone numbers, localised strings."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    StringConstraints,
)


class Model(BaseModel):
    """Base for request and response bodies: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


def _no_control(value: str) -> str:
    # CR/LF (header injection), NUL and other control characters have no place in a name.
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise ValueError("must not contain control characters (such as line breaks)")
    return value


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_no_control),
]
LongText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    AfterValidator(_no_control),
]

Language = Literal["fr", "en"]


def _ascii_email(value: str) -> str:
    local, _, domain = value.rpartition("@")
    if not local.isascii():
        # Internationalised local parts need SMTPUTF8, which few relays offer: refuse them
        # here rather than fail at every delivery.
        raise ValueError("the part before the @ must be plain ASCII")
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
    compact = re.sub(r"[\s().-]", "", value)
    if not re.fullmatch(r"\+[1-9]\d{6,14}", compact):
        raise ValueError("must be a phone number in E.164 form, e.g. +3222980963")
    return compact


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
