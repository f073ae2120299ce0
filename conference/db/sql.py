"""Loads ``queries.sql`` files: each query under a ``-- name: some_name`` header, with the
comment lines after the header describing it.

A query names its parameters (``:conference_id``), and is sent to PostgreSQL with positional
ones (``$1``): each loaded query is a ``Query``, a ``str`` holding the positional text, whose
``args(**values)`` returns the values in that order and refuses a missing or unknown name::

    Q = queries_beside(__file__)
    row = await conn.fetchrow(Q["lock_accreditation"], *Q["lock_accreditation"].args(id=...))

A query written with ``$1`` placeholders is kept as it is (``params`` is empty).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

_HEADER = re.compile(r"^--\s*name:\s*(\w+)\s*$", re.MULTILINE)
# A string literal, a quoted identifier, a comment, a cast (::) or a named parameter.
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|::|:([A-Za-z_]\w*)")


class Query(str):
    """The SQL text (with ``$n`` placeholders) and the parameter names in ``$n`` order."""

    name: str
    params: tuple[str, ...]

    def __new__(cls, name: str, text: str) -> Query:
        params: list[str] = []

        def number(match: re.Match[str]) -> str:
            param = match.group(1)
            if param is None:
                return match.group(0)
            if param not in params:
                params.append(param)
            return f"${params.index(param) + 1}"

        positional = _TOKEN.sub(number, text)
        if params and re.search(r"\$\d", _TOKEN.sub("", text)):
            raise ValueError(f"query {name!r} mixes named and $n parameters")
        query = super().__new__(cls, positional)
        query.name = name
        query.params = tuple(params)
        return query

    def args(self, **values: Any) -> list[Any]:
        """The values in placeholder order; every name given, none unknown."""
        missing = [p for p in self.params if p not in values]
        unknown = sorted(set(values) - set(self.params))
        if missing or unknown:
            raise TypeError(f"query {self.name!r}: missing {missing}, unknown {unknown}")
        return [values[p] for p in self.params]

    def record(self, values: Mapping[str, Any]) -> list[Any]:
        """The values in placeholder order, taken by name from a mapping (extra keys ignored)."""
        missing = [p for p in self.params if p not in values]
        if missing:
            raise TypeError(f"query {self.name!r}: missing {missing}")
        return [values[p] for p in self.params]


def load_queries(path: Path) -> dict[str, Query]:
    text = path.read_text(encoding="utf-8")
    parts = _HEADER.split(text)
    queries: dict[str, Query] = {}
    # parts = [preamble, name1, body1, name2, body2, ...]
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        if name in queries:
            raise ValueError(f"{path}: query {name!r} defined twice")
        queries[name] = Query(name, body.strip().rstrip(";"))
    return queries


def queries_beside(module_file: str) -> dict[str, Query]:
    """The queries of the ``queries.sql`` next to a module (call with ``__file__``)."""
    return load_queries(Path(module_file).with_name("queries.sql"))
