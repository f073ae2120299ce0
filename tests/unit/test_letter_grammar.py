"""The words of a visa letter that depend on its language: the city it is written at, and the
country of nationality inside an English sentence (user test of 1 December 2026, finding 9)."""

from __future__ import annotations

import pytest

from conference.credentials.domain import city_in, place_and_date
from conference.mail.wording import of_name
from conference.protocol.country_phrases import in_sentence


@pytest.mark.parametrize(("city", "language", "expected"), [
    ("Bruxelles", "en", "Brussels"), ("Brussel", "fr", "Bruxelles"),
    ("Bruxelles", "fr", "Bruxelles"), ("Genève", "en", "Geneva"),
    ("Den Haag", "fr", "La Haye"), ("Strasbourg", "en", "Strasbourg"),
])
def test_the_city_is_written_in_the_letter_s_language(city: str, language: str,
                                                      expected: str) -> None:
    assert city_in(city, language) == expected


def test_place_and_date() -> None:
    assert place_and_date("Brussels", "1 December 2026", "en") == "Brussels, 1 December 2026"
    assert place_and_date("Bruxelles", "1er décembre 2026", "fr") == \
        "Bruxelles, le 1er décembre 2026"


@pytest.mark.parametrize(("code", "expected"), [
    ("US", "the United States"), ("NL", "the Netherlands"), ("GB", "the United Kingdom"),
    ("PH", "the Philippines"), ("CD", "the Democratic Republic of the Congo"),
    ("DO", "the Dominican Republic"), ("AE", "the United Arab Emirates"),
    ("GM", "the Gambia"), ("MH", "the Marshall Islands"),
    ("PE", "Peru"), ("FR", "France"), ("CZ", "Czechia"), ("VA", "Vatican City"),
])
def test_english_names_the_countries_that_take_the(code: str, expected: str) -> None:
    assert in_sentence(code, "en") == expected


def test_french_gives_the_name_after_its_label() -> None:
    assert in_sentence("US", "fr") == "États-Unis"


def test_french_letters_elide_de_before_a_name_starting_with_a_vowel() -> None:
    """A user test (1 December 2026) read « L'accréditation de Anna Schneider » in the
    focal point's letter; the pages already wrote « d'Anna »."""
    assert of_name("Anna Schneider") == "d'Anna Schneider"
    assert of_name("Élodie Fournier") == "d'Élodie Fournier"
    assert of_name("Jan Peeters") == "de Jan Peeters"
    assert of_name("Hans Müller") == "de Hans Müller"


def test_french_elides_de_before_a_given_name_whose_h_is_mute() -> None:
    """A tryout (2 December 2026) read « La demande de Hélène Dubois » in a focal point's
    letter: a French given name whose h is mute elides (docs/protocol.md, "Elision before a
    name"); an aspirated or foreign one does not, and the pages say it as the letters do."""
    from conference.workspaces.i18n import elide

    assert of_name("Hélène Dubois") == "d'Hélène Dubois"
    assert of_name("HUGO Martin") == "d'HUGO Martin"
    assert of_name("Henri-Paul Roux") == "d'Henri-Paul Roux"
    assert of_name("Hans Müller") == "de Hans Müller"
    assert of_name("Hiroshi Tanaka") == "de Hiroshi Tanaka"
    assert of_name("Jean-Hugues Petit") == "de Jean-Hugues Petit"
    template = "La photo de {name}"
    assert elide(template, {"name": "Hélène Dubois"}).format(name="Hélène Dubois") == \
        "La photo d'Hélène Dubois"
    assert elide(template, {"name": "Hans Müller"}) == template
    assert elide(template, {"name": ""}) == template


def test_french_does_not_elide_before_a_y_sounded_as_a_consonant() -> None:
    """A tryout (4 December 2026) read « L'examen de l'habilitation de sécurité d'Yasmine
    Aït-Ahmed »: a Y before a vowel is sounded as a consonant and keeps « de » (« de Yasmine »,
    « de Yann », « de Yolanda »); before a consonant it is a vowel and elides (« d'Yves »,
    « d'Yvonne »)."""
    from conference.workspaces.i18n import elide

    assert of_name("Yasmine Aït-Ahmed") == "de Yasmine Aït-Ahmed"
    assert of_name("Yann Le Gall") == "de Yann Le Gall"
    assert of_name("YOLANDA Ruiz") == "de YOLANDA Ruiz"
    assert of_name("Yves Leterme") == "d'Yves Leterme"
    assert of_name("Yvonne Dupuis") == "d'Yvonne Dupuis"
    assert of_name("Y") == "d'Y"
    assert elide("La photo de {name}", {"name": "Yasmine Aït-Ahmed"}) == "La photo de {name}"
