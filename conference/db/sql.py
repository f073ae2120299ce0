"""Loads ``queries.sql`` files: each query under a ``-- name: some_name`` header."""

from __future__ import annotations

import re
from pathlib import Path

_HEADER = re.compile(r"^--\s*name:\s*(\w+)\s*$", re.MULTILINE)


def load_queries(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    parts = _HEADER.split(text)
    queries: dict[str, str] = {}
    # parts = [preamble, name1, body1, name2, body2, ...]
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        if name in queries:
            raise ValueError(f"{path}: query {name!r} defined twice")
        queries[name] = body.strip().rstrip(";")
    return queries


def queries_beside(module_file: str) -> dict[str, str]:
    """The queries of the ``queries.sql`` next to a module (call with ``__file__``)."""
    return load_queries(Path(module_file).with_name("queries.sql"))
