"""Named query parameters: ``:name`` becomes ``$n`` (casts, strings and comments untouched)."""

from __future__ import annotations

import pytest

from conference.db.sql import Query


def test_named_parameters_become_positional_in_order_of_first_use() -> None:
    q = Query("q", "SELECT :b::int, ':a' AS t, $$x$$, \"x:y\" -- :c\nWHERE a = :a AND b = :b")
    assert q == "SELECT $1::int, ':a' AS t, $$x$$, \"x:y\" -- :c\nWHERE a = $2 AND b = $1"
    assert q.params == ("b", "a")
    assert q.args(a=1, b=2) == [2, 1]
    assert q.record({"a": 1, "b": 2, "other": 3}) == [2, 1]


def test_a_missing_or_unknown_name_is_refused() -> None:
    q = Query("q", "SELECT :a")
    with pytest.raises(TypeError, match="missing"):
        q.args()
    with pytest.raises(TypeError, match="unknown"):
        q.args(a=1, z=2)


def test_positional_queries_are_kept_and_mixing_is_refused() -> None:
    assert Query("q", "SELECT $1::text").params == ()
    with pytest.raises(ValueError, match="mixes"):
        Query("q", "SELECT $1, :a")
