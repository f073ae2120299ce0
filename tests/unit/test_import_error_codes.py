"""The import's error codes (docs/lifecycle.md, "Error codes"): every code the import gives is
in the documented table, and the pages word each one in French and in English, never by
falling back to the English message."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import conference.lifecycle
from conference.lifecycle.domain import FieldError
from conference.workspaces.i18n import WTranslator
from conference.workspaces.portal_lifecycle import coded_message

ROOT = Path(__file__).resolve().parents[2]
PARAMS = {"row": 2, "category": "minister", "status": "rejected", "delegation": "XX",
          "first": "Courriel", "second": "E-mail", "column": "email", "max": 200, "used": 3,
          "allowed": 3, "type": "value_error", "rows": 10}
ENGLISH = "the API's message"


def documented() -> set[str]:
    text = (ROOT / "docs" / "lifecycle.md").read_text()
    table = text.split("### Error codes", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    return {code for line in rows for code in re.findall(r"`([a-z-]+)`", line.split("|")[1])}


def given() -> set[str]:
    """The codes the import's code writes: the third argument of each FieldError (and of its
    kinds), the third of ``_invalid``, the second of UnreadableFile, what ``_checked_code``
    returns."""
    found: set[str] = set()
    for path in Path(conference.lifecycle.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                at = {"FieldError": 2, "LabelError": 2, "QuotaError": 2, "_invalid": 2,
                      "UnreadableFile": 1}.get(node.func.id)
                if at is not None and len(node.args) > at:
                    arg = node.args[at]  # a name: _invalid's or UnreadableFile's, passed on
                    if isinstance(arg, ast.Constant):
                        found.add(arg.value)
            if isinstance(node, ast.FunctionDef) and node.name == "_checked_code":
                found |= {r.value.elts[0].value for r in ast.walk(node)
                          if isinstance(r, ast.Return) and isinstance(r.value, ast.Tuple)
                          and isinstance(r.value.elts[0], ast.Constant)}
    return found


def test_every_code_the_import_gives_is_documented() -> None:
    codes = given() - {"not-before"}  # the deadlines' (docs/lifecycle.md, "Quotas and deadlines")
    assert {"twice", "missing-column", "not-xlsx", "too-long", "quota-exceeded"} <= codes
    assert codes - documented() == set()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_pages_word_every_documented_code(language: str) -> None:
    t = WTranslator(language)
    # "invalid" is any other rule of the accreditation's: worded when the pages know it
    for code in sorted(documented() - {"invalid"}):
        field = "rank" if code == "not-a-label" else "email"
        words = coded_message(t, field, code, PARAMS, ENGLISH)
        assert words != ENGLISH and words, code
        assert "{" not in words, (code, words)


def test_an_error_with_params_still_hashes_as_one_without_did() -> None:
    """A frozen error is a value: two alike are one in a set, params and all."""
    twice = [FieldError("email", "also on row 2", "twice", {"row": 2}) for _ in range(2)]
    assert len(set(twice)) == 1
