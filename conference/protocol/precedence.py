"""The order of precedence (docs/protocol.md, "Order of precedence").

`precedence_key` encodes the rules, compared in this order:

1. **Rank**, highest first (`Rank`).
2. **Seniority within the rank** (Vienna Convention 1961 art. 16 for ambassadors): heads of
   state, heads of government and ambassadors by `in_office_since` (the date of taking office or
   of taking up post), earlier first; those whose date is unknown come after those whose date is
   known. Practice names heads of state and ambassadors; heads of government are ranked the same
   way here. Other ranks have no seniority step.
3. **Delegation**, with the conference's tie-break. States come before international
   organisations, which come before people with no delegation.

   - `TieBreak.eu_protocol` (the default): the EU member states *on the day* `ProtocolConfig.on`
     in EU protocol order (`countries.EU_PROTOCOL_ORDER`, the alphabetical order of each state's
     name in its own language), the Council presidency first when `ProtocolConfig.presidency` is
     set; then the non-EU states alphabetically by their name in the conference language.
   - `TieBreak.alphabetical`: every state alphabetically by its name in the conference language
     (Convention on Special Missions 1969 art. 16), with accent-aware collation
     (`countries.collation_key`: in French "Égypte" < "Émirats arabes unis" < "Équateur" <
     "Espagne" < "États-Unis" < "Éthiopie", and "Îles Marshall" among the I-names).
   - `TieBreak.drawn` (UN General Assembly practice): every state alphabetically by its English
     name, starting from the state drawn by lot (`ProtocolConfig.drawn_start`) and wrapping round
     after Z. The draw is made with `draw_start` from a seeded `random.Random`, so recording the
     seed (or the drawn code, which is what the config keeps) makes it reproducible.

   The presidency is placed first only under `eu_protocol` (the only tie-break that groups the
   EU states); the other tie-breaks ignore it. Organisations follow the configured
   `ProtocolConfig.organisation_order` (names matched ignoring case and surrounding spaces), then
   the unlisted ones alphabetically by name.
4. **Name**: family name, then given name (same collation), then the person's id, so that the
   order is total and does not depend on the order of the input.

Hosts and the patron are outside the ordering of guests: `order_of_precedence` places
everybody, hosts included, by the rules above; `guests_in_order` leaves the hosts out. The patron
is not a `Person` here: the patron comes first of all, before every guest, and the speaking order
marks the patron's arrival (see `speaking`).
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache

from conference.protocol.countries import (
    CollationKey,
    check_country_code,
    check_language,
    collation_key,
    country_codes,
    country_sort_key,
    eu_protocol_position,
    is_eu_member,
)
from conference.protocol.ranks import Rank, rank_index


class TieBreak(StrEnum):
    """How delegations of the same rank are ordered: EU protocol order, alphabetical, or drawn."""

    eu_protocol = "eu_protocol"
    alphabetical = "alphabetical"
    drawn = "drawn"


DRAWN_ORDER_LANGUAGE = "en"
"""The language of the names a `drawn` order runs through (UN practice: English)."""

SENIORITY_RANKS: frozenset[Rank] = frozenset(
    {Rank.head_of_state, Rank.head_of_government, Rank.ambassador}
)
"""Ranks ordered among themselves by `in_office_since` before the delegation tie-break."""


@dataclass(frozen=True)
class ProtocolConfig:
    """A conference's protocol settings. Invalid settings raise `ValueError` on construction.

    `drawn_start` is required when `tie_break` is `drawn` (draw it with `draw_start` and keep it),
    and `presidency` must be an EU member state on the day `on`.
    """

    tie_break: TieBreak = TieBreak.eu_protocol
    presidency: str | None = None  # ISO alpha-2 of the Council presidency, first among EU states
    language: str = "fr"  # conference protocol language, for names and collation
    on: date = date(2012, 12, 5)  # the day that decides EU membership
    drawn_start: str | None = None  # ISO code drawn by lot (tie_break drawn)
    organisation_order: tuple[str, ...] = ()  # organisation names in configured order

    def __post_init__(self) -> None:
        object.__setattr__(self, "tie_break", TieBreak(self.tie_break))
        check_language(self.language)
        if self.presidency is not None:
            check_country_code(self.presidency)
            if not is_eu_member(self.presidency, self.on):
                raise ValueError(
                    f"presidency {self.presidency!r} is not an EU member state on {self.on}"
                )
        if self.drawn_start is not None:
            check_country_code(self.drawn_start)
        elif self.tie_break is TieBreak.drawn:
            raise ValueError("tie_break 'drawn' needs drawn_start: draw it with draw_start()")
        object.__setattr__(self, "organisation_order", tuple(self.organisation_order))

    def organisation_position(self, name: str) -> int | None:
        """The 0-based place of organisation `name` in `organisation_order`, or None if unlisted.

        Names match ignoring case and runs of spaces.
        """
        return _organisation_positions(self.organisation_order).get(_organisation_id(name))


@dataclass(frozen=True)
class Person:
    """A delegation member as the protocol sees them.

    A person belongs to at most one delegation: a state (`country`, ISO 3166-1 alpha-2, never the
    EU codes EL/UK) or an organisation (`organisation`, its name). Invalid values raise
    `ValueError`; `rank` may be given as a `Rank` or its string value.
    """

    id: str
    given_name: str
    family_name: str
    rank: Rank
    country: str | None = None  # ISO alpha-2 for a state delegation
    organisation: str | None = None  # name, for an organisation delegation
    in_office_since: date | None = None
    is_host: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "rank", Rank(self.rank))
        if self.country is not None:
            check_country_code(self.country)
            if self.organisation is not None:
                raise ValueError("a person belongs to a country or an organisation, not both")


# (group, subgroup, position, collation key of the name, code or name)
DelegationKey = tuple[int, int, int, CollationKey, str]
PrecedenceKey = tuple[int, tuple[int, int], DelegationKey, CollationKey, CollationKey, str]

_STATE, _ORGANISATION, _NO_DELEGATION = 0, 1, 2
_NO_NAME: CollationKey = ("", "", "", "")


def _organisation_id(name: str) -> str:
    return " ".join(name.split()).casefold()


@cache
def _organisation_positions(order: tuple[str, ...]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, name in enumerate(order):
        positions.setdefault(_organisation_id(name), index)
    return positions


def _seniority_key(p: Person) -> tuple[int, int]:
    if p.rank not in SENIORITY_RANKS:
        return (0, 0)
    if p.in_office_since is None:
        return (1, 0)
    return (0, p.in_office_since.toordinal())


def _state_key(code: str, config: ProtocolConfig) -> DelegationKey:
    if config.tie_break is TieBreak.eu_protocol:
        position = eu_protocol_position(code, config.on)
        if position is not None:
            subgroup = 0 if code == config.presidency else 1
            return (_STATE, subgroup, position, _NO_NAME, code)
        return (_STATE, 2, 0, country_sort_key(code, config.language), code)
    if config.tie_break is TieBreak.alphabetical:
        return (_STATE, 0, 0, country_sort_key(code, config.language), code)
    # drawn: English alphabetical order, rotated to begin at the drawn state
    if config.drawn_start is None:  # pragma: no cover - ProtocolConfig refuses it
        raise ValueError("tie_break 'drawn' needs drawn_start")
    name = country_sort_key(code, DRAWN_ORDER_LANGUAGE)
    start = country_sort_key(config.drawn_start, DRAWN_ORDER_LANGUAGE)
    lap = 0 if name >= start else 1
    return (_STATE, lap, 0, name, code)


def _delegation_key(p: Person, config: ProtocolConfig) -> DelegationKey:
    if p.country is not None:
        return _state_key(p.country, config)
    if p.organisation is not None:
        position = config.organisation_position(p.organisation)
        listed = (0, position) if position is not None else (1, 0)
        return (_ORGANISATION, *listed, collation_key(p.organisation), p.organisation)
    return (_NO_DELEGATION, 0, 0, _NO_NAME, "")


def precedence_key(p: Person, config: ProtocolConfig) -> PrecedenceKey:
    """A sort key placing `p` in the order of precedence under `config` (lower sorts first).

    Keys of distinct people (distinct ids) never compare equal, so sorting by it is total.
    """
    return (
        rank_index(p.rank),
        _seniority_key(p),
        _delegation_key(p, config),
        collation_key(p.family_name),
        collation_key(p.given_name),
        p.id,
    )


def order_of_precedence(people: Iterable[Person], config: ProtocolConfig) -> list[Person]:
    """Everybody in `people`, hosts included, in order of precedence (most senior first)."""
    return sorted(people, key=lambda p: precedence_key(p, config))


def guests_in_order(people: Iterable[Person], config: ProtocolConfig) -> list[Person]:
    """The guests in order of precedence: `people` without the hosts (docs/protocol.md)."""
    return [p for p in order_of_precedence(people, config) if not p.is_host]


def draw_start(rng: random.Random, among: Iterable[str] | None = None) -> str:
    """Draw by lot the state a `drawn` order starts from, reproducibly from `rng`'s seed.

    The draw is among `among` (e.g. the states present) when given, otherwise among every
    accepted country code; candidates are sorted first, so the same seed and the same
    candidates always draw the same code. Keep the result in `ProtocolConfig.drawn_start`.
    """
    if among is None:
        candidates = list(country_codes())
    else:
        candidates = sorted({check_country_code(code) for code in among})
    if not candidates:
        raise ValueError("nothing to draw from")
    return rng.choice(candidates)
