"""Rules of people, grants, sign-in links and sessions: pure (no aiohttp, no asyncpg; the clock
is passed in). See docs/workspaces.md."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

LINK_LIFETIME = timedelta(minutes=15)
WELCOME_LINK_LIFETIME = timedelta(days=7)
"""A welcome mail's link (an access just opened) lasts longer than a link one asks for: it is
read when the mail is, often days later (docs/workspaces.md, "Sign-in")."""
"""A sign-in link is good for one use within this time."""
SESSION_IDLE = timedelta(hours=8)
"""A session not used for this long has ended."""

STAFF_ROLES = ("admin", "protocol", "press_office", "security", "door")


@dataclass(frozen=True)
class Grant:
    """What a person may do: a role in a conference (an admin's may be every conference), or
    the focal point of one delegation."""

    role: str
    conference_id: UUID | None
    conference_slug: str | None
    delegation_id: UUID | None = None
    delegation_slug: str | None = None
    delegation_name: str | None = None
    delegation_country: str | None = None
    conference_names: tuple[tuple[str, str], ...] = ()
    """The conference's short name (else its title) by language: ``(("en", …), ("fr", …))``."""

    def conference_name(self, language: str) -> str | None:
        """The conference as a person reads it (never its slug); None without a conference."""
        names = dict(self.conference_names)
        return names.get(language) or next(iter(names.values()), None) or self.conference_slug


def staff_salutation(name: str, language: str) -> str:
    """The opening of a mail to a colleague (welcome, sign-in link): the person by the name
    they were given, alike in both languages, "Bonjour Marie Lambert," / "Dear John Smith,";
    "Madame, Monsieur," is for a reader whose name is not known (docs/protocol.md, "Letter
    openings"). Staff accounts carry no gender or civility, so no "Madame Lambert"."""
    name = " ".join(name.split())
    if language == "fr":
        return f"Bonjour {name}," if name else "Madame, Monsieur,"
    return f"Dear {name}," if name else "Dear Sir or Madam,"


def link_expires(created_at: datetime, lifetime: timedelta = LINK_LIFETIME) -> datetime:
    return created_at + lifetime


def session_alive(seen_at: datetime, ended_at: datetime | None, now: datetime) -> bool:
    return ended_at is None and now - seen_at < SESSION_IDLE


def delegation_slug(conference_slug: str, country: str | None, delegation_id: UUID) -> str:
    """The portal's address of a delegation, stable for its life: the conference's slug and the
    country code in lower case (``alliance-be``); for an organisation, ``o`` and the first eight
    hex digits of its id (``alliance-o1a2b3c4d``), since its name may change or be long."""
    if country:
        return f"{conference_slug}-{country.lower()}"
    return f"{conference_slug}-o{delegation_id.hex[:8]}"


_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}-(?:[a-z]{2}|o[0-9a-f]{8})$")


def plausible_delegation_slug(slug: str) -> bool:
    return bool(_SLUG.match(slug))


def may_open_conference(grants: list[Grant], conference_id: UUID, *roles: str) -> bool:
    """A grant of one of ``roles`` for this conference (an admin's without conference opens
    every conference)."""
    return any(g.role in roles and (g.conference_id == conference_id
                                    or (g.role == "admin" and g.conference_id is None))
               for g in grants)


def focal_point_of(grants: list[Grant], delegation_id: UUID) -> bool:
    return any(g.role == "focal_point" and g.delegation_id == delegation_id for g in grants)


_NEXT = re.compile(r"/[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]*")
NEXT_MAX = 500


def safe_next(value: object) -> str | None:
    """Where a sign-in goes on to: a path on this site (``/manage/alliance/press/…``), or None.
    Only a relative path of printable ASCII is taken: never a scheme or a host (``https:``,
    ``//host``, ``/\\host``), never the sign-in pages themselves; see docs/workspaces.md."""
    if not isinstance(value, str) or not 1 < len(value) <= NEXT_MAX:
        return None
    if not _NEXT.fullmatch(value) or value.startswith("//"):
        return None
    path = value.split("?", 1)[0]
    if path == "/signin" or path.startswith(("/signin/", "/signout")):
        return None
    return value


def normal_email(email: str) -> str:
    return email.strip().lower()


def could_be_an_address(email: str) -> bool:
    """Whether the sign-in page's address could be anyone's: one ``@`` between a local part
    and a domain of dotted labels (``localhost``, the development admin's, aside). The page
    answers every other address the same, known or not (docs/workspaces.md, "Sign-in"); an
    address no one can have is said to be mistyped instead, which tells nothing of who has an
    account: a focal point who typed ``…@diplomatie.gouv`` on a phone waited for a link that
    could never come (trying the product, 1 December 2026)."""
    local, at, domain = email.strip().rpartition("@")
    if not at or not local or "@" in local or any(c.isspace() for c in email.strip()):
        return False
    labels = domain.split(".")
    return domain == "localhost" or (len(labels) > 1 and all(labels))


# --- a focal point's welcome: the delegation's places (docs/workspaces.md, "Sign-in") ---------

PLACE_CATEGORIES = ("minister", "official", "expert", "staff")
"""The categories counted against a delegation's places, in the order the portal lists them
(those of ``accreditation.domain.QUOTA_CATEGORIES``; people may not import accreditation, which
reads people: tests/unit/test_people_places.py keeps the two the same)."""


def delegation_places(delegation_quotas: Mapping[str, int] | None,
                      conference_quotas: Mapping[str, int] | None) -> list[tuple[str, int]]:
    """The delegation's capped categories with their places, in the portal's order: its own
    quota, else the conference's default; a category in neither is not capped and left out
    (docs/lifecycle.md, "Quotas and deadlines"; the rule of
    ``accreditation.domain.allowed_places``, which the test above compares with this)."""
    own, defaults = delegation_quotas or {}, conference_quotas or {}
    places = []
    for category in PLACE_CATEGORIES:
        allowed = own[category] if category in own else defaults.get(category)
        if allowed is not None:
            places.append((category, int(allowed)))
    return places
