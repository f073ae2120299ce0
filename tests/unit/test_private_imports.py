"""No module of the service imports a private name (``_name``, or a name from a ``_module``) of
the standard library or of a third-party package: those change without notice between versions.
"""

from __future__ import annotations

import ast
from pathlib import Path

SERVICE = Path(__file__).resolve().parents[2] / "conference"


def _private_imports(path: Path) -> list[str]:
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level or not node.module or node.module.split(".")[0] == "conference":
                continue
            if node.module == "__future__":
                continue
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names
                     if alias.name.split(".")[0] != "conference"]
        else:
            continue
        found += [f"{path.relative_to(SERVICE.parent)}:{node.lineno}: {name}" for name in names
                  if any(part.startswith("_") for part in name.split("."))]
    return found


def test_no_module_imports_a_private_name_of_another_package() -> None:
    found = [hit for path in sorted(SERVICE.rglob("*.py")) for hit in _private_imports(path)]
    assert found == []
