"""A conference's title inside a sentence (conference/mail/wording.py, ``in_sentence``): the
title's own noun and article, never "la conférence Conférence …"."""

from __future__ import annotations

import pytest

from conference.mail.wording import in_sentence


@pytest.mark.parametrize(("title", "preposition", "expected"), [
    ("Conférence ministérielle sur la sécurité", "de",
     "de la Conférence ministérielle sur la sécurité"),
    ("Réunion des ministres", "pour", "pour la Réunion des ministres"),
    ("Sommet UE-Afrique", "de", "du Sommet UE-Afrique"),
    ("Sommet UE-Afrique", "à", "au Sommet UE-Afrique"),
    ("Assemblée générale", "à", "à l'Assemblée générale"),
    ("Journées européennes du développement", "de", "des Journées européennes du développement"),
    ("La Conférence de Bruxelles", "de", "de la Conférence de Bruxelles"),
    ("Alliance mondiale : réunion", "de",
     "de la conférence «\u00a0Alliance mondiale : réunion\u00a0»"),
    ("Conférence  ministérielle", "", "la Conférence ministérielle"),
])
def test_french_titles_take_their_own_article(title: str, preposition: str,
                                              expected: str) -> None:
    assert in_sentence(title, "fr", preposition) == expected


@pytest.mark.parametrize(("title", "preposition", "expected"), [
    ("Ministerial Conference on Security", "of", "of the Ministerial Conference on Security"),
    ("Global Alliance: meeting", "for", "for the Global Alliance: meeting"),
    ("The Hague Forum", "to", "to The Hague Forum"),
    ("EU–Africa Summit", "", "the EU–Africa Summit"),
])
def test_english_titles_take_the(title: str, preposition: str, expected: str) -> None:
    assert in_sentence(title, "en", preposition) == expected
