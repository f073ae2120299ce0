"""The places a focal point's welcome gives are the places the filing counts against: people
may not import accreditation (which reads people), so its rule and its words are written again
in people, and kept the same here (docs/workspaces.md, "Sign-in")."""

from __future__ import annotations

import itertools

from conference.accreditation.domain import QUOTA_CATEGORIES, Category, allowed_places
from conference.accreditation.notices import CATEGORY_NAMES as LETTERS
from conference.people.domain import PLACE_CATEGORIES, delegation_places
from conference.people.mail import CATEGORY_NAMES


def test_the_welcome_counts_the_categories_the_filing_counts_in_the_portal_order() -> None:
    assert set(PLACE_CATEGORIES) == {c.value for c in QUOTA_CATEGORIES}
    assert list(PLACE_CATEGORIES) == [c.value for c in Category if c in QUOTA_CATEGORIES]


def test_the_welcome_names_the_categories_as_the_letters_do() -> None:
    for language in ("fr", "en"):
        assert CATEGORY_NAMES[language] == {c: LETTERS[language][c] for c in PLACE_CATEGORIES}


def test_a_delegation_has_the_places_the_filing_allows() -> None:
    quotas: list[dict[str, int]] = [{}]
    for values in itertools.product((None, 0, 2), repeat=2):
        quotas.append({c: v for c, v in zip(("minister", "expert"), values, strict=True)
                       if v is not None})
    for own, defaults in itertools.product(quotas, [{}, {"minister": 1, "official": 3},
                                                   {"expert": 5, "staff": 0}]):
        expected = [(c.value, allowed) for c in Category if c in QUOTA_CATEGORIES
                    if (allowed := allowed_places(c, own, defaults)) is not None]
        assert delegation_places(own, defaults) == expected, (own, defaults)


def test_an_override_wins_and_an_uncapped_category_is_left_out() -> None:
    assert delegation_places({"official": 5}, {"minister": 1, "official": 3}) == [
        ("minister", 1), ("official", 5)]
    assert delegation_places({"official": 0}, {}) == [("official", 0)]
    assert delegation_places(None, None) == []
