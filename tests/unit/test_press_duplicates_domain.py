"""Which press applications the desk marks as possible duplicates (docs/workspaces.md,
"Possible duplicates"): the same press card once folded, or the same name and outlet; the
accreditation domain's rule, which the desk and the approval of a press application share."""

from __future__ import annotations

from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conference.accreditation.domain import (
    PressPerson,
    Status,
    blocking_duplicate,
    check_not_duplicate_of_approved,
    duplicates_of,
    fold,
    possible_duplicates,
)
from conference.errors import DuplicateApproved


def _p(n: int, given: str, family: str, outlet: str, card: str,
       status: Status = Status.submitted) -> PressPerson:
    return PressPerson(UUID(int=n), given, family, outlet, card, status, n)


def test_fold_ignores_case_accents_spaces_and_punctuation() -> None:
    assert fold("FR 2026/0042") == fold("fr-2026-0042") == "fr20260042"
    assert fold("Marie-Curié") == fold("MARIE curie") == "mariecurie"
    assert fold("Straße") == "strasse"


def test_same_card_or_same_name_and_outlet_are_possible_duplicates() -> None:
    a = _p(1, "Marie", "Curie", "Le Monde", "FR 2026/0042", Status.approved)
    b = _p(2, "M.", "Sklodowska", "Libération", "fr.2026.0042")  # the card alone
    c = _p(3, "Marie", "Curié", "LE MONDE", "X-1")  # the name and the outlet
    d = _p(4, "Marie", "Curie", "Arte", "X-2")  # the name alone: someone else
    found = possible_duplicates([a, b, c, d])
    assert found == {a.id: [b, c], b.id: [a], c.id: [a]}
    assert blocking_duplicate(found[b.id]) == a
    assert blocking_duplicate(found[a.id]) is None


def test_one_application_against_the_approved_ones() -> None:
    approved = [_p(1, "Marie", "Curie", "Le Monde", "FR 2026/0042", Status.approved),
                _p(2, "Jean", "Dupont", "Arte", "DE-1", Status.approved)]
    again = _p(3, "Marie", "Curie", "Libération", "fr-2026-0042")  # the card
    assert duplicates_of(again, approved) == [approved[0]]
    with pytest.raises(DuplicateApproved) as refused:
        check_not_duplicate_of_approved(again, approved)
    assert refused.value.extra == {"duplicate_of": str(UUID(int=1))}
    assert refused.value.name == "Marie Curie"
    # someone else, and the application itself once approved: no refusal
    check_not_duplicate_of_approved(_p(4, "Marie", "Curie", "Arte", "X-2"), approved)
    check_not_duplicate_of_approved(approved[1], approved)
    # the officer's confirmation overrides the rule, for a card as for a name, and names the
    # approved applications it overrode (docs/workspaces.md, "Possible duplicates")
    assert check_not_duplicate_of_approved(again, approved, not_a_duplicate=True) == [
        approved[0]]
    assert check_not_duplicate_of_approved(
        _p(7, "MARIE", "Curié", "le monde", "FR-9"), approved, not_a_duplicate=True) == [
        approved[0]]
    assert check_not_duplicate_of_approved(
        _p(4, "Marie", "Curie", "Arte", "X-2"), approved, not_a_duplicate=True) == []
    # an empty card or name matches nothing
    check_not_duplicate_of_approved(_p(5, "", "", "", ""),
                                    [_p(6, "", "", "", "", Status.approved)])


_PARTS = st.sampled_from(["Marie", "MARIE", "Curie", "Curié", "Le Monde", "le-monde", "FR 42",
                          "fr/42", "Straße", "STRASSE", "", " ", "Ø", "o"])


@given(st.lists(st.tuples(_PARTS, _PARTS, _PARTS, _PARTS, st.sampled_from(list(Status))),
                max_size=8))
def test_one_application_s_duplicates_are_those_the_desk_marks(
    rows: list[tuple[str, str, str, str, Status]]
) -> None:
    """The approval's check (one application against the others) and the desk's marks (all at
    once) are one rule."""
    people = [_p(n, *row) for n, row in enumerate(rows)]
    marked = possible_duplicates(people)
    for p in people:
        assert duplicates_of(p, people) == marked.get(p.id, [])
