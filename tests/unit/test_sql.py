"""Named query parameters: ``:name`` becomes ``$n`` (casts, strings and comments untouched)."""

from __future__ import annotations

import pytest

from conference.db.sql import Queries, positional


def _queries(**texts: str) -> Queries:
    q = Queries()
    for name, text in texts.items():
        q.add(name, text)
    return q


def test_named_parameters_become_positional_in_order_of_first_use() -> None:
    sql, params = positional(
        "q", "SELECT :b::int, ':a' AS t, \"x:y\" -- :c\nWHERE a = :a AND b = :b")
    assert sql == "SELECT $1::int, ':a' AS t, \"x:y\" -- :c\nWHERE a = $2 AND b = $1"
    assert params == ("b", "a")
    q = _queries(q="SELECT :b, :a")
    assert q["q"] == "SELECT $1, $2"
    assert type(q["q"]) is str  # asyncpg takes exactly str
    assert q.bind("q", a=1, b=2) == ("SELECT $1, $2", 2, 1)
    assert q.bind_record("q", {"a": 1, "b": 2, "other": 3}) == ("SELECT $1, $2", 2, 1)


def test_a_missing_or_unknown_name_is_refused() -> None:
    q = _queries(q="SELECT :a")
    with pytest.raises(TypeError, match="missing"):
        q.bind("q")
    with pytest.raises(TypeError, match="unknown"):
        q.bind("q", a=1, z=2)


def test_positional_queries_are_kept_and_mixing_or_twice_is_refused() -> None:
    assert positional("q", "SELECT $1::text") == ("SELECT $1::text", ())
    with pytest.raises(ValueError, match="mixes"):
        positional("q", "SELECT $1, :a")
    with pytest.raises(ValueError, match="twice"):
        _queries(q="SELECT 1").add("q", "SELECT 2")


def test_a_parameter_may_be_called_name() -> None:
    q = _queries(q="SELECT :name")
    assert q.bind("q", name="x") == ("SELECT $1", "x")
