"""The staff's name search, in SQL (docs/workspaces.md, "Search"): ``fold_name`` folds both
sides, ``name_contains`` is the one rule every search page applies."""

from __future__ import annotations

import asyncpg
import pytest


@pytest.mark.parametrize(
    ("searched", "typed", "found"),
    [
        ("Hélène Lefèvre", "lefevre", True),
        ("Hélène Lefèvre", "LEFÈVRE", True),
        ("Seán O'Brien", "obrien", True),
        ("Seán O'Brien", "o brien", True),
        ("Seán O'Brien", "O’Brien", True),  # the typographic apostrophe
        ("Jan Peeters Straße Zeitung", "strasse", True),
        ("Máire Ó Súilleabháin", "o suilleabhain", True),
        ("Søren Łukasz", "soren lukasz", True),
        ("Hélène Lefèvre", "obrien", False),
        # punctuation alone folds to nothing and finds no one (it listed everyone)
        ("Hélène Lefèvre", "%", False),
        ("Hélène Lefèvre", "-", False),
        ("Hélène Lefèvre", "_", False),
        ("Hélène Lefèvre", " ", False),
        ("Hélène Lefèvre", "", False),
    ],
)
async def test_a_search_finds_a_name_whatever_its_accents_case_and_punctuation(
    db: asyncpg.Connection, searched: str, typed: str, found: bool
) -> None:
    assert await db.fetchval("SELECT name_contains($1, $2)", searched, typed) is found


async def test_no_search_is_no_match_and_the_rule_is_immutable(
    db: asyncpg.Connection,
) -> None:
    """A NULL search is not a match (each query says ``:search IS NULL OR …`` itself); the
    function is IMMUTABLE and PARALLEL SAFE, as an expression in a list query must be."""
    assert await db.fetchval("SELECT name_contains('Lefèvre', NULL) IS NOT TRUE")
    volatility, parallel = await db.fetchrow(
        "SELECT provolatile::text, proparallel::text FROM pg_proc WHERE proname = 'name_contains'"
    )
    assert (volatility, parallel) == ("i", "s")
