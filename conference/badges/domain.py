"""Badges, zones and check-in rules, pure: no aiohttp, no asyncpg, no clock.

Badge reference
    The QR code of a badge carries ``Signer.sign_bytes("badge", payload)`` (conference/signing):
    the accreditation's id (16 bytes), followed for a reissued badge by its version (4 bytes, big
    endian; version 1 carries the id alone, so badges printed before reissues existed keep
    working), and an HMAC tag under the server's key. It is not guessable (the tag is 160 bits),
    it cannot be altered (any change breaks the tag) and the door reads the accreditation's
    *current* state at every scan, so a revoked accreditation is refused at once, whatever badge
    was printed before, and a badge older than the current version is refused ``superseded``
    (docs/credentials.md, "Badge production").

Short reference
    Printed under the QR code for door staff to type when the code cannot be scanned: eight
    characters of Crockford's base32 (no I, L, O, U), seven random and a check character,
    grouped ``4F7K-92QX``; one per badge version, unique in the conference, given by the
    database (migration 0047). What is typed is read without regard to case, spaces and dashes,
    with O read as 0 and I or L as 1; a text that is not a well-formed short reference, or whose
    check character does not match, is a typing mistake (``mistyped_reference``), never a
    forgery (docs/credentials.md, "Short reference").

Reading a scanned reference
    A USB scanner types the QR code as a keyboard would, through the door computer's keyboard
    layout: with Caps Lock on every letter comes in the other case, and on a French or Belgian
    AZERTY (or a German QWERTZ) computer some characters come as others ("1" as "&", "a" as
    "q", "." as ":"). Each of these readings is tried (``reference_readings``); the first whose
    signature verifies is the badge, which admits nothing a correct reading would refuse: a
    reading is genuine only when the badge is. A text that is not shaped as a badge reference
    under any reading (cut short, another QR code, a web address) is ``unreadable_reference``,
    "scan again", not a forgery; a well-shaped reference whose signature fails is
    ``forged_badge`` (docs/credentials.md, "Short reference").

Zones
    A zone (plenary hall, press centre, press pool position, royal-presence perimeter...) is
    granted by

    * a category: every approved accreditation of that category;
    * a session: the people of that session (its participants, and the approved accreditations
      of its invited audience categories), unless it is cancelled;
    * a press pool: the members of that pool.

    A ``royal_perimeter`` zone follows the royal-patronage rules (docs/protocol.md) instead:

    * non-press people are admitted only when on the security list of a royal-presence session
      the zone covers (the sessions granted to the zone, or, when it names none, every
      royal-presence session of the conference): a participant of the session, or an approved
      accreditation of its invited audience approved by the security-list deadline;
    * press only when a member of a press pool granted to the zone (press at a royal-presence
      session come only as a pool), whatever the audience of the session says;
    * categories grant nothing there (a category grant would bypass the security list, so it is
      refused when the zone is defined).

Check-in decision, first match wins
    unknown zone -> mistyped reference (a typed short reference whose check character does not
    match) -> unreadable reference (a scanned text shaped as no badge reference) -> forged badge
    (a well-shaped QR reference whose tag does not verify) -> unknown badge (a short reference
    that names no badge of this conference, no such accreditation in this conference, or
    erased) -> revoked -> withdrawn -> substituted -> not approved
    (submitted, waitlisted, rejected) -> superseded (a reissue replaced this badge) -> not
    cleared (the service checks the vetting status) -> outside hours (not a day the zone
    admits, ``admission_days``) -> the zone's rule (``zone_not_granted``,
    ``not_on_security_list``, ``press_not_in_pool``, then ``press_session_closed``,
    ``press_pool_only``, ``press_photo_only``) -> ``granted``.

Sessions closed to the press
    A zone is granted for whole days (no hours within a day), so a press badge that holds a
    zone only through its sessions (a plenary hall given to the press by its press-open
    sessions) would open the room during any session held there. The door refuses it
    ``press_session_closed`` while a session closed to the press (``press_access`` closed, not
    cancelled) is in progress in the zone's rooms (the rooms of the sessions granting the
    zone), unless a press-open session of the zone is in progress at the same time (another
    room of the zone). Between sessions the press is admitted as before (cameras are set up
    then). A press badge that holds the zone otherwise (by its category, by a press pool) is
    not concerned, nor a non-press badge, and a royal perimeter keeps its own rules (pool,
    security list) (docs/credentials.md, "Sessions closed to the press").

    A session open to the press pool only (``press_access`` pool) keeps such a badge out in the
    same way (``press_pool_only``): the pool's members hold the zone by the pool's grant and are
    not concerned. A photo opportunity (``photo_opportunity``) keeps out all but photographers,
    camera operators and the crews' technicians (``press_photo_only``). The badge is refused
    only when no session held in the zone at the time admits it (an open session, or a photo
    opportunity for a photographer); when several keep it out, the strictest is said: closed,
    then pool, then photo opportunity (``press_session_refusal``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from conference.accreditation.domain import Category, Status
from conference.accreditation.domain import show_short_reference as show_short_reference
from conference.accreditation.models import PressRole
from conference.errors import Conflict, Invalid, NotEligible
from conference.programme.published import PressAccess
from conference.protocol.countries import collation_key, country_name
from conference.protocol.precedence import Person, ProtocolConfig, precedence_key

if TYPE_CHECKING:
    from conference.signing import Signer

BADGE_PURPOSE = "badge"


class ZoneKind(StrEnum):
    standard = "standard"
    royal_perimeter = "royal_perimeter"


class Reason(StrEnum):
    """Why a scan admitted or refused (``granted`` is the only admitting reason)."""

    granted = "granted"
    unknown_zone = "unknown_zone"
    forged_badge = "forged_badge"
    unknown_badge = "unknown_badge"
    revoked = "revoked"
    withdrawn = "withdrawn"
    substituted = "substituted"
    not_approved = "not_approved"
    zone_not_granted = "zone_not_granted"
    not_on_security_list = "not_on_security_list"
    press_not_in_pool = "press_not_in_pool"
    not_cleared = "not_cleared"
    """The person's category needs security clearance they lack, or they were refused."""
    superseded = "superseded"
    """A reissue replaced this badge: only the current version's QR code admits."""
    outside_hours = "outside_hours"
    """Scanned on a day the zone does not admit: the conference's days in its time zone, unless
    the zone names its own first or last day."""
    mistyped_reference = "mistyped_reference"
    """A typed short reference that cannot be one (its check character does not match): a
    typing mistake, to type again."""
    unreadable_reference = "unreadable_reference"
    """A scanned text that is not shaped as a badge's reference under any reading (cut short,
    another QR code, a web address): to scan again, not a forgery."""
    press_session_closed = "press_session_closed"
    """A press badge that holds the zone only through its sessions, scanned while a session
    closed to the press is held there (and no press-open one of the zone): to wait for its end,
    or go to a press centre where the conference has one (``is_press_centre``)."""
    press_pool_only = "press_pool_only"
    """Such a press badge, not a member of a pool granted the zone, scanned while a session
    open to the press pool only is held there (and no press-open one)."""
    press_photo_only = "press_photo_only"
    """Such a press badge of a writing journalist, scanned while a photo opportunity is held
    there (and no press-open one): photographers, camera operators and technicians only."""


DETAILS: dict[Reason, str] = {
    Reason.granted: "Admitted.",
    Reason.unknown_zone: "This conference has no zone with that code.",
    Reason.forged_badge: "The badge reference is not genuine (forged or altered).",
    Reason.unknown_badge: "The badge names no accreditation of this conference.",
    Reason.revoked: "The accreditation was revoked.",
    Reason.withdrawn: "The accreditation was withdrawn.",
    Reason.substituted: "Another person took this accreditation's place (substitution).",
    Reason.not_approved: "The accreditation is not approved.",
    Reason.zone_not_granted: "The accreditation does not give access to this zone.",
    Reason.not_on_security_list: "Not on the security list of a royal-presence session.",
    Reason.press_not_in_pool: "Press enter the royal-presence perimeter only as members of "
                              "its press pool.",
    Reason.not_cleared: "Security clearance is required and missing, or was refused.",
    Reason.superseded: "This badge was replaced by a reissued one; only the new badge admits.",
    Reason.outside_hours: "The zone does not admit on this day (badges admit on the "
                          "conference's days, or the days the zone names).",
    Reason.mistyped_reference: "The short reference was mistyped (its check character does not "
                               "match): type it again from the badge.",
    Reason.unreadable_reference: "The scanned text is not a badge reference (read in part, "
                                 "or another code): scan the badge's QR code again.",
    Reason.press_session_closed: "A session closed to the press is being held in this zone; "
                                 "the press is admitted between sessions and to its open ones.",
    Reason.press_pool_only: "A session open to the press pool only is being held in this zone; "
                            "the press is admitted between sessions and to its open ones.",
    Reason.press_photo_only: "A photo opportunity is being held in this zone: photographers "
                             "and camera crews only; the press is admitted between sessions "
                             "and to its open ones.",
}


# Conventional badge colours by category, and the text colour readable on each.
CATEGORY_COLOURS: dict[Category, tuple[str, str]] = {
    Category.minister: ("#b71c1c", "#ffffff"),
    Category.official: ("#0d47a1", "#ffffff"),
    Category.expert: ("#1b5e20", "#ffffff"),
    Category.press: ("#f9a825", "#000000"),
    Category.staff: ("#4a148c", "#ffffff"),
}


@dataclass(frozen=True)
class ZoneFacts:
    """What the database knows about one person and one zone."""

    by_category: bool = False
    by_session: bool = False
    by_pool: bool = False
    on_security_list: bool = False


def badge_reference(signer: Signer, accreditation_id: UUID, version: int = 1) -> str:
    """What the QR code of version ``version`` of the accreditation's badge carries."""
    payload = accreditation_id.bytes
    if version > 1:
        payload += version.to_bytes(4, "big")
    return signer.sign_bytes(BADGE_PURPOSE, payload)


# What a US-layout scanner's keys give on the door computer's layout, read back: on a French
# or Belgian AZERTY keyboard the digits row gives & é " ' ( - (§) è _ (!) ç à, the key after
# it ) and, shifted, °; A and Q, Z and W are swapped, M's key gives "," (shifted "?") and the
# full stop's ":". On a German QWERTZ keyboard Y and Z are swapped and the minus key gives ß
# (Swiss: ') and, shifted, ?. Only the characters of a badge reference matter (base64url and
# the dot).
_AZERTY = str.maketrans({"&": "1", "é": "2", '"': "3", "'": "4", "(": "5", "-": "6",
                         "§": "6", "è": "7", "_": "8", "!": "8", "ç": "9", "à": "0", ")": "-",
                         "°": "_", "a": "q", "q": "a", "z": "w", "w": "z", "A": "Q", "Q": "A",
                         "Z": "W", "W": "Z", ",": "m", "?": "M", ":": "."})
_QWERTZ = str.maketrans({"y": "z", "z": "y", "Y": "Z", "Z": "Y", "ß": "-", "'": "-",
                         "?": "_"})
_SHAPED = re.compile(r"[A-Za-z0-9_-]{22}(?:[A-Za-z0-9_-]{5})?\.[A-Za-z0-9_-]{27}")
"""A badge reference: the id (16 bytes) or the id and version (20 bytes) in base64url, a dot,
and the 160-bit tag (``Signer.sign_bytes``)."""


def reference_readings(text: str) -> list[str]:
    """The readings of a scanned text: as it came, with Caps Lock's case swapped, and each
    through the AZERTY and QWERTZ layouts (module docstring, "Reading a scanned reference")."""
    stripped = text.strip()
    # Caps Lock swaps the letters' case; "ß".swapcase() is "SS", which no key typed
    swapped = "".join(c.swapcase() if len(c.swapcase()) == 1 else c for c in stripped)
    readings: list[str] = []
    for cased in (stripped, swapped):
        for reading in (cased, cased.translate(_AZERTY), cased.translate(_QWERTZ)):
            if reading not in readings:
                readings.append(reading)
    return readings


def read_reference(signer: Signer, text: str) -> tuple[UUID, int] | None:
    """The accreditation and the badge version a genuine badge reference names, else None.

    A USB scanner types the QR code as a keyboard does: with Caps Lock on at the door's
    computer, or a French keyboard, every genuine badge failed its signature
    (``forged_badge``). Each reading of the text is tried (``reference_readings``); a reading
    is genuine only if the badge is, so nothing is admitted that a correct reading would
    refuse (docs/credentials.md, "Short reference")."""
    for candidate in reference_readings(text):
        raw = signer.verify_bytes(BADGE_PURPOSE, candidate)
        if raw is not None and len(raw) in (16, 20):
            version = int.from_bytes(raw[16:], "big") if len(raw) == 20 else 1
            return UUID(bytes=raw[:16]), version
    return None


def reference_shaped(text: str) -> bool:
    """Whether some reading of a scanned text has a badge reference's shape: one that does not
    verify was altered (``forged_badge``); a text with no such reading was not read whole, or
    is another code (``unreadable_reference``)."""
    return any(_SHAPED.fullmatch(reading) for reading in reference_readings(text))


# --- the short reference (docs/credentials.md, "Short reference") ------------------------------
# (``show_short_reference``, how it is printed, is defined with the accreditation's rules, whose
# letters print it too, and offered here with the rest)

SHORT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base32: the value of a character is its index."""
SHORT_LENGTH = 8
"""Seven random characters and the check character."""
_READ_AS = {"O": "0", "I": "1", "L": "1"}
_SEPARATORS = " -\u00a0\u2010\u2011\u2012\u2013\u2014\t"
TYPED_AT_MOST = 16
"""Longer texts, or texts with a dot, are QR codes' signed references (50 characters)."""


def check_character(body: str) -> str:
    """The check character of seven characters of the alphabet: the sum of their values times
    1, 3, 5, ... modulo 32 (the same rule as migration 0047's ``badge_code_new``)."""
    total = sum((2 * i + 1) * SHORT_ALPHABET.index(c) for i, c in enumerate(body))
    return SHORT_ALPHABET[total % 32]


def short_reference_code(text: str) -> str | None:
    """The stored form of a typed short reference (eight capitals, no dash), or None when the
    text is not one: wrong length, a character outside the alphabet, or a check character that
    does not match."""
    folded = "".join(_READ_AS.get(c, c) for c in text.upper() if c not in _SEPARATORS)
    if len(folded) != SHORT_LENGTH or any(c not in SHORT_ALPHABET for c in folded):
        return None
    if check_character(folded[:-1]) != folded[-1]:
        return None
    return folded


def short_reference_length(text: str) -> int:
    """How many characters of a short reference a typed text holds (separators left out), to
    say a wrong length as such (docs/workspaces.md, "Errors in sight")."""
    return sum(1 for c in text if c not in _SEPARATORS)


def is_typed(text: str) -> bool:
    """Whether a text given at the door is meant as a short reference (typed by hand) rather
    than a QR code's signed reference."""
    stripped = text.strip()
    return len(stripped) <= TYPED_AT_MOST and "." not in stripped


# --- days of admission (docs/credentials.md, "Days of admission") -----------------------------


def admission_days(starts_on: date, ends_on: date, opens_on: date | None,
                   closes_on: date | None) -> tuple[date, date]:
    """The first and last day a zone admits: the conference's days unless the zone names its
    own first or last day."""
    return opens_on or starts_on, closes_on or ends_on


def admits_on(day: date, starts_on: date, ends_on: date, opens_on: date | None,
              closes_on: date | None) -> bool:
    """Whether the zone admits on ``day`` (a date in the conference's time zone)."""
    first, last = admission_days(starts_on, ends_on, opens_on, closes_on)
    return first <= day <= last


def days_errors(starts_on: date, ends_on: date, opens_on: date | None,
                closes_on: date | None) -> list[dict[str, str]]:
    """A field error when the zone's days admit on no day at all."""
    first, last = admission_days(starts_on, ends_on, opens_on, closes_on)
    if first <= last:
        return []
    field = "closes_on" if closes_on is not None else "opens_on"
    return [{"field": field, "type": "days_out_of_order",
             "message": f"the zone would admit on no day: from {first} to {last}"}]


def status_reason(status: Status) -> Reason | None:
    """The refusal an accreditation's state alone gives, or None when it is approved."""
    if status is Status.approved:
        return None
    if status is Status.revoked:
        return Reason.revoked
    if status is Status.withdrawn:
        return Reason.withdrawn
    if status is Status.substituted:
        return Reason.substituted
    return Reason.not_approved


def zone_reason(category: Category, kind: ZoneKind, facts: ZoneFacts) -> Reason:
    """The zone's rule for an approved accreditation."""
    if kind is ZoneKind.royal_perimeter:
        if category is Category.press:
            return Reason.granted if facts.by_pool else Reason.press_not_in_pool
        return Reason.granted if facts.on_security_list else Reason.not_on_security_list
    if facts.by_category or facts.by_session or facts.by_pool:
        return Reason.granted
    return Reason.zone_not_granted


def press_through_sessions(category: Category, kind: ZoneKind, facts: ZoneFacts) -> bool:
    """A press badge that holds a standard zone only through its sessions (not by its category,
    not by a press pool): the one the sessions held there may keep out."""
    return (kind is ZoneKind.standard and category is Category.press and facts.by_session
            and not facts.by_category and not facts.by_pool)


PRESS_SESSIONS_ONLY = {"fr": "séances ouvertes à la presse", "en": "sessions open to the press"}
"""Printed after a zone a press badge holds only through its sessions."""


def printed_zone(name: str, category: Category, kind: ZoneKind, facts: ZoneFacts,
                 language: str) -> str:
    """A zone as the badge prints it: its name, and for a press badge holding it only through
    its sessions, that it opens for those (the door keeps the press out while a closed or pool
    session is held there): a journalist's badge printed "Plenary hall" alone, and the hall
    is closed to the press for most of the day (docs/credentials.md, "What a badge prints")."""
    if press_through_sessions(category, kind, facts):
        return f"{name} – {PRESS_SESSIONS_ONLY[language]}"
    return name


VISUAL_ROLES = frozenset({PressRole.photographer, PressRole.camera, PressRole.technician})
"""The press roles a photo opportunity admits: photographers, camera operators and the crews'
technicians."""

REFUSALS: dict[PressAccess, Reason] = {
    PressAccess.closed: Reason.press_session_closed,
    PressAccess.pool: Reason.press_pool_only,
    PressAccess.photo_opportunity: Reason.press_photo_only,
}
"""The refusal each press access gives, the strictest first."""


def keeping_out(press_role: str | None) -> frozenset[PressAccess]:
    """The press accesses of the sessions that keep out a press badge holding a zone only
    through its sessions, by its press role: closed and pool sessions (a pool's members hold
    the zone by the pool's grant), and a photo opportunity unless the badge is a photographer's,
    a camera operator's or a technician's."""
    kept = {PressAccess.closed, PressAccess.pool}
    if press_role not in VISUAL_ROLES:
        kept.add(PressAccess.photo_opportunity)
    return frozenset(kept)


def press_session_refusal(category: Category, kind: ZoneKind, facts: ZoneFacts,
                          held: Collection[PressAccess], press_role: str | None = None
                          ) -> Reason | None:
    """The refusal the sessions in progress in the zone (their press access, ``held``) give
    this badge now, or None (module docstring, "Sessions closed to the press"): only a press
    badge holding a standard zone through its sessions alone, while every session held there
    keeps it out (none open to the press, no photo opportunity for a photographer); the
    strictest of them is said."""
    if not held or not press_through_sessions(category, kind, facts):
        return None
    kept = keeping_out(press_role)
    if any(access not in kept for access in held):
        return None
    return next(refusal for access, refusal in REFUSALS.items() if access in held)


def is_press_centre(kind: ZoneKind, categories: Sequence[Category], sessions: Sequence[UUID]
                    ) -> bool:
    """A zone where a press badge refused ``press_session_closed`` (or ``press_pool_only``,
    ``press_photo_only``) may go instead: a standard
    zone every press badge opens by its category and that no session grants (a room of
    sessions could be closed to the press too), a press centre or a press room whatever its
    name (docs/credentials.md, "Sessions closed to the press")."""
    return kind is ZoneKind.standard and Category.press in categories and not sessions


def decide(status: Status, category: Category, kind: ZoneKind, facts: ZoneFacts) -> Reason:
    return status_reason(status) or zone_reason(category, kind, facts)


def granted_zones(
    status: Status, category: Category, zones: Sequence[tuple[ZoneKind, ZoneFacts]]
) -> list[int]:
    """Indexes of the zones the accreditation opens (what the badge prints)."""
    return [i for i, (kind, facts) in enumerate(zones)
            if decide(status, category, kind, facts) is Reason.granted]


def grant_errors(kind: ZoneKind, categories: Sequence[Category]) -> list[dict[str, str]]:
    """Field errors for a zone's grants; empty when they are fine."""
    if kind is ZoneKind.royal_perimeter and categories:
        return [{"field": "grants.categories", "type": "royal_perimeter_category",
                 "message": "a royal-presence perimeter admits by the security list and press "
                            "pools only; a category cannot be granted it"}]
    return []


def affiliation(press_outlet: str | None, country: str | None, organisation: str | None,
                language: str) -> str | None:
    """What a badge prints under the name: the press outlet, else the delegation's country (in
    the badge's language) or organisation."""
    if press_outlet:
        return press_outlet
    if country:
        return country_name(country, language)
    return organisation


# --- zones and pools: the rules a change must keep ---------------------------------------------


def missing_errors(name: str, missing: Sequence[UUID]) -> list[dict[str, str]]:
    """A field error for granted sessions or pools (``name``) that are not the conference's."""
    if not missing:
        return []
    return [{"field": f"grants.{name}", "type": f"unknown_{name[:-1]}",
             "message": f"not a {name[:-1]} of this conference: "
                        + ", ".join(str(m) for m in missing)}]


_NEVER_IN_A_POOL = (Status.rejected, Status.withdrawn, Status.revoked, Status.substituted)


def check_may_join_pool(conference_id: UUID, of_accreditation: UUID, category: Category,
                        status: Status) -> None:
    """A press accreditation of the pool's conference, not refused or ended."""
    if of_accreditation != conference_id:
        raise Invalid("The accreditation belongs to another conference.", [{
            "field": "accreditation_id", "type": "other_conference",
            "message": "not an accreditation of this pool's conference"}])
    if category is not Category.press:
        raise Invalid("Only press accreditations go in a press pool.", [{
            "field": "accreditation_id", "type": "not_press",
            "message": f"a {category.value} accreditation, not press"}])
    if status in _NEVER_IN_A_POOL:
        raise NotEligible(f"A {status.value} accreditation cannot join a pool.",
                          status_now=status.value)


POOL_COVERED = frozenset({"pool", "photo_opportunity"})
"""The press accesses of a session a press pool may cover (docs/credentials.md, "Press pools
and the sessions they cover"): an open session admits the whole press, a closed one none."""


def check_may_cover(pool_conference: UUID, session_conference: UUID, press_access: str,
                    cancelled: bool) -> None:
    """A session of the pool's conference, not cancelled, whose press access is ``pool`` or
    ``photo_opportunity``."""
    if session_conference != pool_conference:
        raise Invalid("The session belongs to another conference.", [{
            "field": "session_id", "type": "other_conference",
            "message": "not a session of this pool's conference"}])
    if cancelled:
        raise Conflict("A cancelled session is covered by no pool.", field="session_id",
                       reason="cancelled")
    if press_access not in POOL_COVERED:
        raise Conflict(f"A press pool covers only sessions whose press_access is pool or "
                       f"photo_opportunity; this one's is {press_access}.",
                       field="press_access", press_access=press_access)


def in_another_pool(current: UUID | None = None) -> Conflict:
    """One pool per person (``current``: the pool they are in, when known)."""
    if current is None:  # a concurrent request put them in another pool
        return Conflict("This person is in another press pool already (one pool per person).")
    return Conflict("This person is in another press pool already (one pool per person); "
                    "take them out of it first.", pool_id=str(current))


def check_printable(status: Status) -> None:
    """Badges are printed for approved accreditations."""
    if status is not Status.approved:
        raise Conflict(f"Badges are printed for approved accreditations; this one is "
                       f"{status.value}.", status_now=status.value, reason="not_approved")


def scan_reason(zone_kind: ZoneKind | None, accreditation_id: UUID | None, known: bool,
                status: Status | None, category: Category | None,
                facts: ZoneFacts | None, superseded: bool = False,
                lacks_clearance: bool = False, mistyped: bool = False,
                typed: bool = False, outside_days: bool = False,
                unreadable: bool = False, held: Collection[PressAccess] = (),
                press_role: str | None = None, royal_unlisted: bool = False) -> Reason:
    """The decision on one scan, first match wins (see the module's docstring); ``typed``: a
    short reference was typed (well formed when not ``mistyped``), which is never forged;
    ``unreadable``: a scanned text shaped as no badge reference; ``held``: the press access of
    each session in progress in the zone's rooms at the scan's time, ``press_role``: the
    badge's (``press_session_refusal``); ``royal_unlisted``: a royal-presence session is under
    way in the zone's rooms and the badge is not on its security list
    (``royal_session_refusal``)."""
    if zone_kind is None:
        return Reason.unknown_zone
    if mistyped:
        return Reason.mistyped_reference
    if unreadable and accreditation_id is None:
        return Reason.unreadable_reference
    if accreditation_id is None:
        return Reason.unknown_badge if typed else Reason.forged_badge
    if not known or status is None or category is None:
        return Reason.unknown_badge
    refused = status_reason(status)
    if refused is not None:
        return refused
    if superseded:
        return Reason.superseded
    if lacks_clearance:
        return Reason.not_cleared
    if outside_days:
        return Reason.outside_hours
    facts = facts or ZoneFacts()
    reason = zone_reason(category, zone_kind, facts)
    if reason is Reason.granted:
        return (press_session_refusal(category, zone_kind, facts, held, press_role)
                or royal_session_refusal(category, zone_kind, royal_unlisted) or reason)
    return reason


def royal_session_refusal(category: Category, kind: ZoneKind, unlisted: bool) -> Reason | None:
    """A standard zone's door while a royal-presence session is under way in its rooms (from
    the time guests are seated to its end): a non-press badge the zone admits otherwise (by its
    category, by a session) is refused ``not_on_security_list`` when it is not on that
    session's security list, as the royal perimeter's door refuses it. An official walked into
    the plenary hall through its own door during the royal opening while the perimeter's door
    refused him (tryout of the day, 5 December 2026). The press keeps its own rules there
    (``press_session_refusal``: the pool session keeps out all but the pool's members); a
    royal perimeter has its list already (``zone_reason``)."""
    if unlisted and kind is ZoneKind.standard and category is not Category.press:
        return Reason.not_on_security_list
    return None


# --- badge production (docs/credentials.md, "Badge production") -------------------------------


class PrintStatus(StrEnum):
    to_print = "to_print"
    printed = "printed"


class ReissueReason(StrEnum):
    lost = "lost"
    damaged = "damaged"
    photo_changed = "photo_changed"
    zone_change = "zone_change"


class Layout(StrEnum):
    a6 = "a6"
    """One badge per A6 page (105 × 148 mm)."""
    a4x4 = "a4x4"
    """Four badges per A4 sheet with crop marks."""


NO_DELEGATION = 1_000_000
"""Where people without a delegation (press, staff) come in a batch: after every delegation."""


def batch_key(delegation_position: int, person: Person, config: ProtocolConfig,
              outlet: str | None) -> tuple[Any, ...]:
    """Where a badge comes in a print batch: by delegation in order of precedence
    (``delegation_position``, from the order of precedence; ``NO_DELEGATION`` for none), then by
    the person's place in the order of precedence (rank, seniority, name); people without a
    delegation by press outlet first."""
    outlet_key = collation_key(outlet) if outlet else ("", "", "", "")
    return (delegation_position, outlet_key, precedence_key(person, config))


def batch_mark(ids: Sequence[UUID]) -> str:
    """What a page's "mark printed" form says of the batch it lists without carrying its ids
    (25,000 at a large meeting): how many and a digest of which, in any order. The batch is
    marked printed only while the same filters still give this mark (docs/workspaces.md,
    "Credentials")."""
    digest = hashlib.sha256(",".join(sorted(str(i) for i in ids)).encode()).hexdigest()
    return f"{len(ids)}-{digest[:32]}"


def unprintable_errors(ids: Sequence[UUID], printable: set[UUID]) -> list[dict[str, str]]:
    """A field error naming the accreditations that no batch holds (not of this conference, not
    approved, or lacking clearance); empty when every one is printable."""
    wrong = [str(i) for i in ids if i not in printable]
    if not wrong:
        return []
    return [{"field": "accreditation_ids", "type": "not_printable",
             "message": "not a badge of this conference that can be printed (approved, with "
                        "clearance where needed): " + ", ".join(wrong)}]


VOID_STATUSES = frozenset({Status.substituted, Status.withdrawn, Status.revoked})
"""The accreditations whose printed badge is void: the door refuses it, the desk recovers it
(docs/credentials.md, "Void badges"). None of them becomes valid again."""


def check_recoverable(status: Status, printed: bool) -> None:
    """A badge is recorded recovered when it was printed and its accreditation is void since;
    409 otherwise (a valid badge is not taken back: reissue it; one never printed is not out
    there)."""
    if status not in VOID_STATUSES:
        raise Conflict(f"This badge is not void: the accreditation is {status.value}. Only the "
                       "badge of a substituted, withdrawn or revoked accreditation is recovered.",
                       reason="badge_not_void", status_now=status.value)
    if not printed:
        raise Conflict("This badge was never printed: there is no card to recover.",
                       reason="badge_not_printed", status_now=status.value)


def check_collectable(handed_over: int) -> None:
    """A pack is collected when the delegation has printed badges not yet handed over."""
    if handed_over == 0:
        raise Conflict("The delegation has no printed badge waiting to be collected.")
