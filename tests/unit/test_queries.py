"""SQL discipline, read from the source: each package's SQL is in its ``queries.sql``, every
named query there is used by the package and every one it uses exists, no module reads another
package's queries, and no module of a package holds SQL text of its own.

A package still being brought to this is listed in ``PENDING``; the checks hold for every other
one, and a package listed there that has become clean fails the test until it is removed."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from conference.db.sql import load_queries

ROOT = Path(__file__).resolve().parents[2] / "conference"

PENDING: set[str] = set()
"""Packages (and top-level modules) that do not follow the rules yet."""

NOT_CHECKED = {"db"}
"""The migration runner and the pool: the mechanism itself."""

ALLOWED_SQL = {("http", "system.py")}
"""The readiness probe's ``SELECT 1``."""

_USE = re.compile(r"""\bQ(?:\[\s*["'](\w+)["']\s*\]|\.bind(?:_record)?\(\s*["'](\w+)["'])""")
_SQL = re.compile(r"^\s*(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|WITH\s+\w+\s+AS)\b")


def _units() -> dict[str, list[Path]]:
    """Each package (a directory) and each top-level module, with its Python files."""
    units: dict[str, list[Path]] = {}
    for path in sorted(ROOT.iterdir()):
        if path.is_dir() and (path / "__init__.py").exists():
            units[path.name] = sorted(path.rglob("*.py"))
        elif path.suffix == ".py" and path.name not in ("__init__.py", "__main__.py"):
            units[path.stem] = [path]
    return {name: files for name, files in units.items() if name not in NOT_CHECKED}


def _unit_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "conference" else None


def _problems(unit: str, files: list[Path]) -> list[str]:
    problems: list[str] = []
    sql_file = files[0].parent / "queries.sql" if files else None
    defined = set(load_queries(sql_file)) if sql_file and sql_file.exists() and \
        files[0].parent != ROOT else set()
    used: set[str] = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        used |= {a or b for a, b in _USE.findall(text)}
        tree = ast.parse(text)
        foreign: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                owner = _unit_of(node.module)
                for alias in node.names:
                    if owner not in (None, unit) and alias.name == "Q":
                        problems.append(f"{path.name} imports Q from {node.module}")
                    if owner not in (None, unit):
                        foreign.add(alias.asname or alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if _unit_of(alias.name) not in (None, unit):
                        foreign.add(alias.asname or alias.name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "Q" and \
                    isinstance(node.value, ast.Name) and node.value.id in foreign:
                problems.append(f"{path.name} reads {node.value.id}.Q")
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    _SQL.match(node.value) and (path.parent.name, path.name) not in ALLOWED_SQL:
                problems.append(f"{path.name}:{node.lineno} holds SQL text")
    problems += [f"query {name!r} is never used" for name in sorted(defined - used)]
    problems += [f"query {name!r} is used but not in queries.sql"
                 for name in sorted(used - defined)]
    return problems


def test_each_package_keeps_its_sql_in_its_queries_file() -> None:
    found = {unit: _problems(unit, files) for unit, files in _units().items()}
    failing = {unit: problems for unit, problems in found.items()
               if problems and unit not in PENDING}
    assert failing == {}
    clean_but_pending = sorted(unit for unit in PENDING if unit in found and not found[unit])
    assert clean_but_pending == [], "clean now: remove from PENDING"


def test_the_checks_see_a_foreign_q_an_unused_query_and_inline_sql(tmp_path: Path) -> None:
    package = tmp_path / "demo_pkg"
    package.mkdir()
    (package / "queries.sql").write_text(
        "-- name: used\nSELECT 1\n\n-- name: unused\nSELECT 2\n", encoding="utf-8")
    module = package / "repo.py"
    module.write_text(
        "from conference.programme import repo as programme\n"
        "from conference.db.sql import queries_beside\n"
        "Q = queries_beside(__file__)\n"
        "a = Q['used']\n"
        "b = programme.Q['x']\n"
        "c = Q.bind('missing')\n"
        "d = 'SELECT id FROM accreditation'\n",
        encoding="utf-8")
    problems = _problems("demo_pkg", [module])
    assert "repo.py reads programme.Q" in problems
    assert "query 'unused' is never used" in problems
    assert "query 'missing' is used but not in queries.sql" in problems
    assert "repo.py:7 holds SQL text" in problems
