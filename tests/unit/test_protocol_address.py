"""Forms of address, royal styles and letter openings (docs/protocol.md, "Forms of address")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conference.protocol.address import (
    EXCELLENCY_RANKS,
    closing,
    form_of_address,
    is_excellency,
    royal_style,
    salutation,
    styled_name,
)
from conference.protocol.ranks import Rank

EXCELLENCIES = [
    Rank.head_of_state,
    Rank.head_of_government,
    Rank.deputy_head_of_government,
    Rank.foreign_minister,
    Rank.minister,
    Rank.ambassador,
]
PLAIN = [
    Rank.deputy_minister,
    Rank.senior_official,
    Rank.head_of_organisation,
    Rank.official,
    Rank.expert,
]


def test_excellency_ranks_are_heads_of_state_and_government_ministers_and_ambassadors() -> None:
    assert EXCELLENCY_RANKS == frozenset(EXCELLENCIES)
    assert set(EXCELLENCIES) | set(PLAIN) == set(Rank)


# --- form_of_address --------------------------------------------------------------------------


@pytest.mark.parametrize("rank", EXCELLENCIES)
def test_excellencies_in_french_are_son_excellence_whatever_the_gender(rank: Rank) -> None:
    assert [form_of_address(rank, g, "fr") for g in ("female", "male", None)] == [
        "Son Excellence"
    ] * 3


@pytest.mark.parametrize("rank", EXCELLENCIES)
def test_excellencies_in_english_follow_the_gender(rank: Rank) -> None:
    assert [form_of_address(rank, g, "en") for g in ("female", "male", None)] == [
        "Her Excellency",
        "His Excellency",
        "H.E.",
    ]


@pytest.mark.parametrize("rank", [*PLAIN, None])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_other_ranks_and_no_rank_have_plain_titles(rank: Rank | None, language: str) -> None:
    assert [form_of_address(rank, g, language) for g in ("female", "male", None)] == [None] * 3


def test_deputy_minister_is_plain_because_protocol_does_not_list_the_rank() -> None:
    assert (
        form_of_address(Rank.deputy_minister, "male", "en"),
        is_excellency("deputy_minister"),
    ) == (
        None,
        False,
    )


def test_regional_language_tags_use_their_language() -> None:
    assert [
        form_of_address(Rank.minister, "female", "en-GB"),
        form_of_address(Rank.minister, "female", "fr_BE"),
    ] == ["Her Excellency", "Son Excellence"]


def test_unsupported_language_is_refused() -> None:
    with pytest.raises(ValueError, match="use one of fr, en"):
        form_of_address(Rank.minister, None, "nl")


def test_unknown_gender_value_is_refused() -> None:
    with pytest.raises(ValueError, match="'female', 'male' or None"):
        form_of_address(Rank.minister, "f", "en")


def test_rank_given_as_string_is_understood() -> None:
    assert form_of_address("ambassador", "male", "en") == "His Excellency"  # type: ignore[arg-type]


# --- royal styles -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "language", "style"),
    [
        ("queen", "fr", "Sa Majesté la Reine"),
        ("queen", "en", "Her Majesty the Queen"),
        ("king", "fr", "Sa Majesté le Roi"),
        ("king", "en", "His Majesty the King"),
    ],
)
def test_royal_styles(title: str, language: str, style: str) -> None:
    assert royal_style(title, language) == style


def test_unknown_royal_title_is_refused() -> None:
    with pytest.raises(ValueError, match="'queen' or 'king'"):
        royal_style("prince", "en")


# --- salutations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_name", "family_name", "rank", "gender", "language", "expected"),
    [
        ("Tove", "Ernst", Rank.official, "female", "en", "Dear Ms Ernst,"),
        ("Eric", "Holder", Rank.senior_official, "male", "en", "Dear Mr Holder,"),
        ("Tove", "Ernst", Rank.expert, None, "en", "Dear Tove Ernst,"),
        ("Tove", "Ernst", None, None, "en", "Dear Tove Ernst,"),
        ("Eric", "Holder", Rank.minister, "male", "en", "Your Excellency,"),
        ("Cecilia", "Malmström", Rank.minister, "female", "en", "Your Excellency,"),
        ("Cecilia", "Malmström", Rank.minister, None, "en", "Your Excellency,"),
        ("Cecilia", "Malmström", Rank.minister, "female", "fr", "Excellence,"),
        ("Jan", "Peeters", Rank.ambassador, "male", "fr", "Excellence,"),
        ("Tove", "Ernst", Rank.official, "female", "fr", "Madame,"),
        ("Eric", "Holder", Rank.deputy_minister, "male", "fr", "Monsieur,"),
        ("Tove", "Ernst", Rank.expert, None, "fr", "Madame, Monsieur,"),
        ("Tove", "Ernst", None, None, "fr", "Madame, Monsieur,"),
        ("Eric", "Holder", Rank.deputy_minister, "male", "en", "Dear Mr Holder,"),
        ("  Tove ", " Ernst  ", Rank.expert, None, "en", "Dear Tove Ernst,"),
        ("", "Ernst", Rank.expert, None, "en", "Dear Ernst,"),
        ("Tove", "", Rank.expert, "female", "en", "Dear Madam,"),
        ("Eric", "", Rank.expert, "male", "en", "Dear Sir,"),
        ("", "", None, None, "en", "Dear Sir or Madam,"),
    ],
)
def test_salutation(
    given_name: str,
    family_name: str,
    rank: Rank | None,
    gender: str | None,
    language: str,
    expected: str,
) -> None:
    assert salutation(given_name, family_name, rank, gender, language) == expected


def test_french_salutation_never_names_the_person() -> None:
    openings = {
        salutation("Tove", family, Rank.expert, gender, "fr")
        for family in ("Ernst", "Holder")
        for gender in ("female", "male", None)
    }
    assert openings == {"Madame,", "Monsieur,", "Madame, Monsieur,"}


# --- styled names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given_name", "family_name", "rank", "gender", "language", "expected"),
    [
        ("Eric", "Holder", Rank.minister, "male", "fr", "Son Excellence Monsieur Eric Holder"),
        ("Cecilia", "Malmström", Rank.minister, "female", "fr",
         "Son Excellence Madame Cecilia Malmström"),
        ("Tove", "Ernst", Rank.ambassador, None, "fr", "Son Excellence Tove Ernst"),
        ("Eric", "Holder", Rank.minister, "male", "en", "His Excellency Mr Eric Holder"),
        ("Cecilia", "Malmström", Rank.minister, "female", "en",
         "Her Excellency Ms Cecilia Malmström"),
        ("Tove", "Ernst", Rank.ambassador, None, "en", "H.E. Tove Ernst"),
        ("Tove", "Ernst", Rank.official, "female", "fr", "Madame Tove Ernst"),
        ("Eric", "Holder", Rank.expert, "male", "en", "Mr Eric Holder"),
        ("Tove", "Ernst", None, None, "en", "Tove Ernst"),
    ],
)  # fmt: skip
def test_styled_name(
    given_name: str,
    family_name: str,
    rank: Rank | None,
    gender: str | None,
    language: str,
    expected: str,
) -> None:
    assert styled_name(given_name, family_name, rank, gender, language) == expected


# --- properties -------------------------------------------------------------------------------


@given(
    rank=st.sampled_from([*Rank, None]),
    gender=st.sampled_from(["female", "male", None]),
    language=st.sampled_from(["fr", "en"]),
    given_name=st.text(min_size=1, max_size=20),
    family_name=st.text(min_size=1, max_size=20),
)
def test_excellency_salutation_exactly_when_a_form_of_address_exists(
    rank: Rank | None, gender: str | None, language: str, given_name: str, family_name: str
) -> None:
    styled = form_of_address(rank, gender, language) is not None
    opening = salutation(given_name, family_name, rank, gender, language)
    assert styled == (opening in {"Excellence,", "Your Excellency,"})
    assert styled == (rank in EXCELLENCY_RANKS)


@pytest.mark.parametrize("rank", EXCELLENCIES)
def test_a_letter_to_an_excellency_closes_with_the_formal_formula(rank: Rank) -> None:
    """The closing matches the opening (docs/protocol.md, "Letter closings")."""
    assert salutation("Eric", "Holder", rank, "male", "fr") == "Excellence,"
    assert closing(rank, "fr") == ("Nous vous prions d'agréer, Excellence, l'assurance de notre"
                                   " très haute considération.")
    assert closing(rank.value, "en-GB") == ("Please accept, Excellency, the assurance of our"
                                            " highest consideration.")


@pytest.mark.parametrize("rank", [*PLAIN, None])
def test_everyone_else_closes_plainly(rank: Rank | None) -> None:
    assert closing(rank, "fr_BE") == "Cordialement,"
    assert closing(rank, "en") == "Kind regards,"
    with pytest.raises(ValueError):
        closing(rank, "de")
