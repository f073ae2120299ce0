"""Where a visa letter says it is written: the city of the venue's address
(docs/credentials.md, "Visa invitation letters")."""

from __future__ import annotations

import pytest

from conference.credentials.domain import letter_city, place_and_date


@pytest.mark.parametrize(("address", "city"), [
    ("Rue de la Loi 170, 1040 Bruxelles", "Bruxelles"),
    ("Rue de la Loi 170, 1040 Bruxelles, Belgique", "Bruxelles"),
    ("4 rue du Fort Niedergrünewald, L-2920 Luxembourg", "Luxembourg"),
    ("Palais des Nations, 1211 Genève 10", "Genève"),
    ("55 rue du Faubourg Saint-Honoré, 75008 Paris Cedex 08", "Paris"),
    ("Lancaster House, Stable Yard, London", "London"),
    # tried as a secretariat (5 December 2026): dated "Malte, le…" and "Malte, 5 December"
    ("Old Hospital Street, Valletta VLT 1645, Malte", "Valletta"),
    ("Old Hospital Street, Valletta VLT 1645, Malta", "Valletta"),
    ("Lancaster House, Stable Yard, London SW1A 1BB, United Kingdom", "London"),
    ("Palais des Nations, Genève, Suisse", "Genève"),
    # a city-state's name after the street is the city
    ("Boulevard Konrad Adenauer, Luxembourg", "Luxembourg"),
    ("Grimaldi Forum, 10 avenue Princesse Grace, Monaco", "Monaco"),
])
def test_the_city_is_read_from_the_address(address: str, city: str) -> None:
    assert letter_city(address, "Charlemagne") == city


def test_an_address_of_one_part_gives_the_venue_s_name() -> None:
    assert letter_city("Charlemagne", "Bâtiment Charlemagne") == "Bâtiment Charlemagne"


def test_place_and_date_in_each_language() -> None:
    assert place_and_date("Bruxelles", "1er décembre 2026", "fr") \
        == "Bruxelles, le 1er décembre 2026"
    assert place_and_date("Bruxelles", "1 December 2026", "en") == "Bruxelles, 1 December 2026"
