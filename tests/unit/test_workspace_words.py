"""The workspaces' words: a count is written in its singular or plural form, never "(s)"."""

from __future__ import annotations

import re

import pytest

from conference.workspaces.i18n import WTranslator


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_text_with_a_count_falls_back_on_parenthesised_plurals(language: str) -> None:
    t = WTranslator(language)
    counted = {key: text for key, text in t._own.items() if "{count}" in text}
    assert counted, "the workspaces have texts with a count"
    assert [key for key, text in counted.items() if "(s)" in text] == []


@pytest.mark.parametrize(("language", "count", "expected"), [
    ("fr", 0, "0 badge affiché, dont 0 à imprimer."),
    ("fr", 1, "1 badge affiché, dont 1 à imprimer."),
    ("fr", 2, "2 badges affichés, dont 0 à imprimer."),
    ("en", 0, "0 badges listed, 0 to print."),
    ("en", 1, "1 badge listed, 1 to print."),
    ("en", 2, "2 badges listed, 0 to print."),
])
def test_a_count_takes_the_language_s_plural_rule(language: str, count: int,
                                                  expected: str) -> None:
    batch = 1 if count == 1 else 0
    assert WTranslator(language).plural("cred_badge_count", count, batch=batch) == expected


def test_a_long_list_s_count_has_the_language_s_thousands_separator() -> None:
    """25,000 people on the security page read as a number (docs/workspaces.md)."""
    assert WTranslator("en").plural("security_count", 25000) == "25,000 people"
    assert WTranslator("fr").plural("security_count", 1234) == "1\u202f234 personnes"
    assert WTranslator("en").plural("cred_badge_count", 1234, batch=WTranslator("en").number(
        1000)) == "1,234 badges listed, 1,000 to print."
    assert WTranslator("en").plural("security_count", "1234") == "1234 people"  # a flash's text


@pytest.mark.parametrize("translator", ["pages", "workspaces"])
def test_a_history_line_of_changed_details_reads_in_words_on_every_page(translator: str) -> None:
    """The console, the portal and the applicant's own page write the reason of a change of
    details in words: the fields by their names, a change by a members import said so (never
    the internal "import: family_name")."""
    from conference.pages.i18n import Translator
    from conference.workspaces.i18n import WTranslator

    make = Translator if translator == "pages" else WTranslator
    fr, en = make("fr"), make("en")
    assert fr.history_reason("amend", "import: family_name, function") == \
        "Par import\u00a0: nom de famille, fonction"
    assert en.history_reason("amend", "import: function") == "By import: function"
    assert fr.history_reason("amend", "given_name, rank") == "Prénom(s), rang protocolaire"
    assert en.history_reason("reject", "Late") == "Late"
    assert en.history_reason("approve", None) == ""


@pytest.mark.parametrize("language", ["fr", "en"])
def test_one_spelling_of_email_per_language(language: str) -> None:
    """The portal wrote "e-mail" in its "To do" and "Email address" elsewhere (tryout): the
    house style is "email" in English, « adresse électronique » or « courriel » in French, in
    the workspaces' words and the public pages' alike."""
    from conference.pages.i18n import STRINGS as PAGES

    texts = {**{f"workspaces:{k}": v for k, v in WTranslator(language)._own.items()},
             **{f"pages:{k}": v for k, v in PAGES[language].items()}}
    assert [key for key, text in texts.items() if "e-mail" in text.lower()] == []
    if language == "fr":  # no English word in French
        assert [key for key, text in texts.items()
                if re.search(r"\bemail\b", re.sub(r"\{[^}]*\}", "", text), re.I)] == []
