"""The pages name the protocol service as every letter names and signs it: "the protocol
service" / « le service du protocole » (docs/privacy.md, "Who writes"). The portal, the
credentials pages and the console's hints said "protocol office" above letters signed "The
Protocol Service"."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import conference

MODULES = (
    "conference.pages.i18n",
    "conference.pages.credentials_i18n",
    "conference.workspaces.i18n",
    "conference.workspaces.lifecycle_i18n",
    "conference.workspaces.console_i18n",
    "conference.workspaces.credentials_i18n",
    "conference.workspaces.desk_i18n",
    "conference.workspaces.programme_i18n",
    "conference.workspaces.setup_i18n",
)
OTHER_NAME = {"en": re.compile(r"protocol\s+office", re.IGNORECASE),
              "fr": re.compile(r"(bureau|office)\s+du\s+protocole", re.IGNORECASE)}


def strings(module_name: str, language: str) -> list[tuple[str, str]]:
    module = importlib.import_module(module_name)
    found = []
    for name, value in vars(module).items():
        if isinstance(value, dict) and isinstance(value.get(language), dict):
            found += [(f"{name}[{language}][{key}]", text)
                      for key, text in value[language].items() if isinstance(text, str)]
    return found


@pytest.mark.parametrize("language", ("en", "fr"))
@pytest.mark.parametrize("module_name", MODULES)
def test_the_catalogues_name_the_protocol_service_as_the_letters_do(
    module_name: str, language: str
) -> None:
    found = strings(module_name, language)
    assert found
    assert [(key, text) for key, text in found if OTHER_NAME[language].search(text)] == []


def test_the_page_templates_name_the_protocol_service_as_the_letters_do() -> None:
    root = Path(conference.__file__).parent
    files = sorted(root.glob("*/templates/*.html"))
    assert len(files) > 20
    wrong = [(p.name, line) for p in files for line in p.read_text().splitlines()
             if OTHER_NAME["en"].search(line) or OTHER_NAME["fr"].search(line)]
    assert wrong == []
