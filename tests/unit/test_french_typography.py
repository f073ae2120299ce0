"""The pages' French strings put a non-breaking space before : ; ? and !, as French typography
does (and as most of them already did): never an ordinary space, which lets a line break leave
the sign alone at the start of the next line (found trying the product)."""

from __future__ import annotations

import importlib
import re

import pytest

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


def french_strings(module_name: str) -> list[tuple[str, str]]:
    module = importlib.import_module(module_name)
    found = []
    for name, value in vars(module).items():
        if isinstance(value, dict) and isinstance(value.get("fr"), dict):
            found += [(f"{name}[fr][{key}]", text) for key, text in value["fr"].items()
                      if isinstance(text, str)]
    return found


@pytest.mark.parametrize("module_name", MODULES)
def test_french_strings_have_a_non_breaking_space_before_double_signs(module_name: str) -> None:
    strings = french_strings(module_name)
    assert strings
    wrong = [(key, text) for key, text in strings if re.search(r" [:;?!]", text)]
    assert wrong == []


GUILLEMETS = re.compile(r"«(?![\u00a0\u202f])|(?<![\u00a0\u202f])»")
"""« or » without a non-breaking space inside (« {status} »: a line break could leave the
guillemet alone; the press desk's "no longer possible" said so)."""


@pytest.mark.parametrize("module_name", MODULES)
def test_french_strings_have_non_breaking_spaces_inside_guillemets(module_name: str) -> None:
    wrong = [(key, text) for key, text in french_strings(module_name)
             if GUILLEMETS.search(text)]
    assert wrong == []


def test_french_mails_and_templates_have_non_breaking_spaces_inside_guillemets() -> None:
    """The French mails and the page templates' own text too (a template writes the space as
    the character or as ``&nbsp;``)."""
    from pathlib import Path

    import conference

    root = Path(conference.__file__).parent
    files = [*sorted((root / "mail" / "templates" / "fr").glob("*")),
             *sorted(root.glob("*/templates/*.html"))]
    assert len(files) > 40
    wrong = [(p.name, line) for p in files for line in p.read_text().splitlines()
             if GUILLEMETS.search(line.replace("&nbsp;", "\u00a0"))]
    assert wrong == []


def test_french_mails_have_a_non_breaking_space_before_double_signs() -> None:
    """The letters and invitations too: every French mail template (subjects included: the
    first line), never an ordinary space before : ; ? or !."""
    from pathlib import Path

    import conference.mail

    templates = sorted((Path(conference.mail.__file__).parent / "templates" / "fr").glob("*.txt"))
    assert len(templates) > 10
    wrong = [(p.name, line) for p in templates for line in p.read_text().splitlines()
             if re.search(r" [:;?!]", line)]
    assert wrong == []


INCLUSIVE = re.compile(r"\w\((?:e|es|ne|le|rice|euse|ère)\)|\w·\w|\w\.e\.s\b", re.IGNORECASE)
"""The "(e)" forms ("Connecté(e)", "invité(e)s", "connecté·e"; a plural's "(s)" is not one): a
French administration writes around them ("Compte : …"), never with them (docs/protocol.md,
"No (e) forms")."""


@pytest.mark.parametrize("module_name", MODULES)
def test_french_strings_have_no_inclusive_brackets(module_name: str) -> None:
    wrong = [(key, text) for key, text in french_strings(module_name)
             if INCLUSIVE.search(text)]
    assert wrong == []


def test_french_mails_and_templates_have_no_inclusive_brackets() -> None:
    """Nor the French mails, nor any page template's own text."""
    from pathlib import Path

    import conference

    root = Path(conference.__file__).parent
    files = [*sorted((root / "mail" / "templates" / "fr").glob("*.txt")),
             *sorted(root.glob("*/templates/*.html"))]
    assert len(files) > 40
    wrong = [(p.name, line) for p in files for line in p.read_text().splitlines()
             if INCLUSIVE.search(line)]
    assert wrong == []


POOL_WITHOUT_DE = re.compile(r"\bpools?[\s\u00a0]+presse\b", re.IGNORECASE)
"""« pool presse »: the French text names the press pool one way, « pool de presse » (the
letters and pages once said both)."""


def test_french_text_says_pool_de_presse_never_pool_presse() -> None:
    """Every file of the service that holds French text (the mail templates, the page
    templates, the dictionaries and the reason templates in the Python modules): never
    « pool presse », so one reader does not meet two names for one thing."""
    from pathlib import Path

    import conference

    root = Path(conference.__file__).parent
    files = [p for p in sorted(root.rglob("*")) if p.suffix in (".txt", ".html", ".py")]
    assert len(files) > 100
    wrong = [(str(p.relative_to(root)), line.strip()) for p in files
             for line in p.read_text().splitlines() if POOL_WITHOUT_DE.search(line)]
    assert wrong == []
    assert POOL_WITHOUT_DE.search("Pool presse\u00a0: 1 place")  # the form it catches
    assert not POOL_WITHOUT_DE.search("Pool de presse\u00a0: 1 place")
    # and the French texts do use the chosen form
    assert any("pool de presse" in p.read_text().lower() for p in files)


def test_the_demo_titles_have_non_breaking_spaces_before_double_signs() -> None:
    """The demo's sessions and conference are titled in French as a ministry would title them
    (« Session d'experts : … » with a non-breaking space): the invitations' subjects, the grid
    and the badges repeat them, and `make run` is the first thing a new user sees."""
    from pathlib import Path

    import conference

    source = Path(conference.__file__).parent / "demo.py"
    wrong = [line.strip() for line in source.read_text(encoding="utf-8").splitlines()
             if not line.lstrip().startswith("#") and re.search(r"\w [:;?!] ", line)]
    assert wrong == []


@pytest.mark.parametrize("module_name", MODULES)
def test_french_strings_keep_a_number_sign_with_its_number(module_name: str) -> None:
    """« n° » and its number are kept on one line by a non-breaking space, as French
    typography does: the portal's « Passeport n° 19AB1234 » and « lettre n° 2027-0002-… »
    could break after the sign (found trying the product as a focal point on a phone)."""
    wrong = [(key, text) for key, text in french_strings(module_name)
             if re.search(r"\bn°(?![\u00a0\u202f])", text)]
    assert wrong == []


@pytest.mark.parametrize("path", ("pages/credentials_i18n.py", "workspaces/credentials_i18n.py"))
def test_the_credentials_catalogues_write_their_no_break_spaces_visibly(path: str) -> None:
    """Written as ``\\u00a0``, never as the character, which reads as an ordinary space: a
    review took « pixels) : » in ``crop_text_sent`` for one (2 December 2026)."""
    from pathlib import Path

    import conference

    source = (Path(conference.__file__).parent / path).read_text()
    assert "\u00a0" not in source
