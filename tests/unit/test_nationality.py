"""The nationality beside a person's name and after a label (`protocol.nationality`;
docs/credentials.md, "Visa invitation letters")."""

from __future__ import annotations

import pytest

from conference.protocol.nationality import in_apposition, label_value


@pytest.mark.parametrize(("code", "language", "gender", "expected"), [
    ("BE", "fr", None, "de nationalité belge"),
    ("FR", "fr", "female", "de nationalité française"),
    ("FR", "fr", "male", "de nationalité française"),  # agrees with « nationalité »
    ("US", "en", None, "an American national"),
    ("UA", "en", None, "a Ukrainian national"),
    ("PE", "en", "female", "a Peruvian national"),
    ("CG", "fr", "female", "ressortissante de la République du Congo"),
    ("CD", "fr", "male", "ressortissant de la République démocratique du Congo"),
    # not known: words that need no agreement, never « ressortissant(e) » (docs/protocol.md)
    ("CG", "fr", None, "ayant la nationalité de la République du Congo"),
    ("CG", "en", None, "a national of the Republic of the Congo"),
    ("KH", "fr", "male", "ressortissant du Cambodge"),
    ("BO", "fr", "female", "ressortissante de Bolivie"),
    ("IL", "fr", "female", "ressortissante d'Israël"),
    ("PH", "fr", "male", "ressortissant des Philippines"),
    ("IR", "en", None, "a national of Iran"),
])
def test_beside_the_name(code: str, language: str, gender: str | None, expected: str) -> None:
    assert in_apposition(code, language, gender) == expected  # type: ignore[arg-type]


def test_after_a_label() -> None:
    assert label_value("BE", "fr") == "belge" and label_value("BE", "en") == "Belgian"
    assert label_value("CG", "fr") == "République du Congo"
    with pytest.raises(ValueError):
        label_value("ZZ", "fr")


def test_a_national_of_the_state_of_palestine() -> None:
    """Named as UN and EU meetings name it (docs/protocol.md, "Country names"), with the
    article a kind of state takes: not « d'État de Palestine »."""
    assert in_apposition("PS", "fr", "female") == "ressortissante de l'État de Palestine"
    assert in_apposition("PS", "en") == "a national of the State of Palestine"
    assert label_value("PS", "fr") == "État de Palestine"
