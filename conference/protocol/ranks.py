"""Ranks of delegation members, in order of precedence.

docs/protocol.md, "Order of precedence", key 1: the rank of the person comes first, highest first:

    head of state > head of government > deputy head of government > minister for foreign affairs
    > minister > deputy minister / secretary of state > ambassador / permanent representative
    > senior official > head of an international organisation > official > expert

`Rank` lists the values in exactly that order, and `RANK_ORDER` is that order as a tuple (a
rank's index is its precedence, lower first). Mapping a function to a rank is the caller's
business, with the rules docs/protocol.md gives: a European Commissioner and the US Attorney General
rank as `minister`; a secretary of state as `deputy_minister`; a permanent representative as
`ambassador`.
"""

from __future__ import annotations

from enum import StrEnum


class Rank(StrEnum):
    """A delegation member's rank; members are declared in order of precedence."""

    head_of_state = "head_of_state"
    head_of_government = "head_of_government"
    deputy_head_of_government = "deputy_head_of_government"
    foreign_minister = "foreign_minister"
    minister = "minister"
    deputy_minister = "deputy_minister"
    ambassador = "ambassador"
    senior_official = "senior_official"
    head_of_organisation = "head_of_organisation"
    official = "official"
    expert = "expert"


RANK_ORDER: tuple[Rank, ...] = tuple(Rank)
"""The ranks in order of precedence: a rank's index is its precedence, lower first
(`RANK_ORDER[0]` is the head of state)."""

_INDEX: dict[Rank, int] = {rank: index for index, rank in enumerate(RANK_ORDER)}


def rank_index(rank: Rank | str) -> int:
    """The precedence index of `rank` (a `Rank` or its string value); `ValueError` if unknown."""
    return _INDEX[Rank(rank)]
