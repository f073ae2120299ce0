"""Loads ``queries.sql`` files: each query under a ``-- name: some_name`` header, with the
comment lines after the header describing it.

A query names its parameters (``:conference_id``); PostgreSQL receives positional ones
(``$1``). ``Q[name]`` is the positional text, and ``Q.bind(name, **values)`` is that text
followed by the values in placeholder order, refusing a missing or unknown name::

    Q = queries_beside(__file__)
    row = await conn.fetchrow(*Q.bind("lock_accreditation", accreditation_id=...))

``Q.bind_record(name, mapping)`` takes the values by name from a mapping (a model dump, a row).
A query written with ``$1`` placeholders is kept as it is (and bound positionally).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

_HEADER = re.compile(r"^--\s*name:\s*(\w+)\s*$", re.MULTILINE)
# A string literal, a quoted identifier, a comment, a cast (::) or a named parameter.
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|::|:([A-Za-z_]\w*)")


def positional(name: str, text: str) -> tuple[str, tuple[str, ...]]:
    """The text with ``:name`` placeholders numbered ``$n``, and the names in ``$n`` order."""
    params: list[str] = []

    def number(match: re.Match[str]) -> str:
        param = match.group(1)
        if param is None:
            return match.group(0)
        if param not in params:
            params.append(param)
        return f"${params.index(param) + 1}"

    sql = _TOKEN.sub(number, text)
    if params and re.search(r"\$\d", _TOKEN.sub("", text)):
        raise ValueError(f"query {name!r} mixes named and $n parameters")
    return sql, tuple(params)


class Queries(dict[str, str]):
    """The queries of one file: name → positional SQL, with their parameter names."""

    def __init__(self) -> None:
        super().__init__()
        self.params: dict[str, tuple[str, ...]] = {}

    def add(self, name: str, text: str) -> None:
        if name in self:
            raise ValueError(f"query {name!r} defined twice")
        self[name], self.params[name] = positional(name, text)

    def bind(self, name: str, /, **values: Any) -> tuple[Any, ...]:
        """The query and its values in placeholder order; every name given, none unknown."""
        params = self.params[name]
        missing = [p for p in params if p not in values]
        unknown = sorted(set(values) - set(params))
        if missing or unknown:
            raise TypeError(f"query {name!r}: missing {missing}, unknown {unknown}")
        return (self[name], *(values[p] for p in params))

    def bind_record(self, name: str, /, values: Mapping[str, Any]) -> tuple[Any, ...]:
        """The query and its values taken by name from a mapping (extra keys ignored)."""
        params = self.params[name]
        missing = [p for p in params if p not in values]
        if missing:
            raise TypeError(f"query {name!r}: missing {missing}")
        return (self[name], *(values[p] for p in params))


def load_queries(path: Path) -> Queries:
    text = path.read_text(encoding="utf-8")
    parts = _HEADER.split(text)
    queries = Queries()
    # parts = [preamble, name1, body1, name2, body2, ...]
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        try:
            queries.add(name, body.strip().rstrip(";"))
        except ValueError as exc:
            raise ValueError(f"{path}: {exc}") from None
    return queries


def queries_beside(module_file: str) -> Queries:
    """The queries of the ``queries.sql`` next to a module (call with ``__file__``)."""
    return load_queries(Path(module_file).with_name("queries.sql"))
