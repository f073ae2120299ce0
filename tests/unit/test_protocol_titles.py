"""Titles in the person's gender (docs/protocol.md, "Titles in the person's gender"): every
rank and category, in each gender and in French and English; every form read back by the
import as the same rank. Before, a rank had one French label, the masculine (« Ambassadeur /
représentant permanent » for a woman), and a letter said « ministre / chef de délégation » to
everyone."""

from __future__ import annotations

import pytest

from conference.lifecycle.domain import RANK_LABELS, read_row
from conference.protocol.ranks import Rank
from conference.protocol.titles import category_name, rank_forms, rank_label
from conference.workspaces.i18n import WTranslator

FRENCH: dict[Rank, tuple[str, str, str]] = {  # (woman, man, unknown or no one person)
    Rank.head_of_state: ("Cheffe d'État", "Chef d'État", "Chef ou cheffe d'État"),
    Rank.head_of_government: ("Cheffe de gouvernement", "Chef de gouvernement",
                              "Chef ou cheffe de gouvernement"),
    Rank.deputy_head_of_government: ("Vice-Première ministre", "Vice-Premier ministre",
                                     "Vice-Premier ministre ou vice-Première ministre"),
    Rank.foreign_minister: ("Ministre des Affaires étrangères",) * 3,
    Rank.minister: ("Ministre",) * 3,
    Rank.deputy_minister: ("Secrétaire d'État / vice-ministre",) * 3,
    Rank.ambassador: ("Ambassadrice / représentante permanente",
                      "Ambassadeur / représentant permanent",
                      "Ambassadeur ou ambassadrice / représentant permanent ou représentante"
                      " permanente"),
    Rank.senior_official: ("Haute fonctionnaire", "Haut fonctionnaire",
                           "Haut fonctionnaire ou haute fonctionnaire"),
    Rank.head_of_organisation: ("Cheffe d'organisation internationale",
                                "Chef d'organisation internationale",
                                "Chef ou cheffe d'organisation internationale"),
    Rank.official: ("Fonctionnaire",) * 3,
    Rank.expert: ("Experte", "Expert", "Expert ou experte"),
}
ENGLISH: dict[Rank, str] = {  # what the French says (they were the API values written out)
    Rank.head_of_state: "Head of state", Rank.head_of_government: "Head of government",
    Rank.deputy_head_of_government: "Deputy prime minister",
    Rank.foreign_minister: "Minister for foreign affairs", Rank.minister: "Minister",
    Rank.deputy_minister: "Secretary of State / deputy minister",
    Rank.ambassador: "Ambassador / permanent representative",
    Rank.senior_official: "Senior official",
    Rank.head_of_organisation: "Head of an international organisation",
    Rank.official: "Official", Rank.expert: "Expert",
}
EARLIER_ENGLISH: dict[Rank, str] = {  # the labels pages and exports wrote before
    Rank.deputy_head_of_government: "Deputy head of government",
    Rank.foreign_minister: "Foreign minister", Rank.deputy_minister: "Deputy minister",
    Rank.ambassador: "Ambassador", Rank.head_of_organisation: "Head of organisation",
}
GENDERS = ("female", "male", None)


@pytest.mark.parametrize("rank", list(Rank))
def test_each_rank_in_each_gender_and_language(rank: Rank) -> None:
    for gender, french in zip(GENDERS, FRENCH[rank], strict=True):
        assert rank_label(rank, "fr", gender) == french, (rank, gender)
        assert rank_label(rank.value, "fr_BE", gender) == french
        assert rank_label(rank, "en", gender) == ENGLISH[rank]  # English titles are epicene
        assert rank_label(rank, "en-GB", gender) == ENGLISH[rank]


def test_a_list_of_choices_names_no_one_and_says_both_forms() -> None:
    assert RANK_LABELS["fr"] == {r: FRENCH[r][2] for r in Rank}
    assert RANK_LABELS["en"] == ENGLISH
    # the member form's select and the pages' ``rank_<rank>`` are that list's
    t = WTranslator("fr")
    assert [t(f"rank_{r.value}") for r in Rank] == [FRENCH[r][2] for r in Rank]
    # a named person's rank, in their gender
    assert t.rank(Rank.ambassador, "female") == "Ambassadrice / représentante permanente"
    assert t.rank("expert", "male") == "Expert"
    assert t.rank(Rank.senior_official, None) == "Haut fonctionnaire ou haute fonctionnaire"
    assert WTranslator("en").rank(Rank.ambassador, "female") == \
        "Ambassador / permanent representative"


def test_a_letter_names_the_category_in_the_persons_gender() -> None:
    cases = {
        "minister": ("ministre / cheffe de délégation", "ministre / chef de délégation",
                     "ministre / chef ou cheffe de délégation", "minister / head of delegation"),
        "expert": ("experte", "expert", "expert ou experte", "expert"),
        "official": ("fonctionnaire",) * 3 + ("official",),
        "press": ("presse",) * 3 + ("press",),
        "staff": ("organisation",) * 3 + ("organiser / staff",),
    }
    for category, (woman, man, unknown, english) in cases.items():
        assert [category_name(category, "fr", g) for g in GENDERS] == [woman, man, unknown]
        assert {category_name(category, "en", g) for g in GENDERS} == {english}


def test_a_gender_or_a_language_it_does_not_know_is_refused() -> None:
    with pytest.raises(ValueError):
        rank_label(Rank.expert, "fr", "femme")
    with pytest.raises(ValueError):
        rank_label(Rank.expert, "nl", None)
    with pytest.raises(ValueError):
        rank_label("admiral", "fr", None)


def _row(rank: str) -> dict[str, str]:
    return {"email": "a@example.org", "given_name": "Anne", "family_name": "Peeters",
            "category": "official", "rank": rank, "function": "Attachée"}


def test_every_form_is_read_back_by_the_import_as_the_same_rank() -> None:
    """An export, a page or a spreadsheet typed by hand may write any form: each is read as
    its rank, and so is each title of a form that names two (« représentante permanente »)."""
    written = [(form, rank) for language in ("fr", "en") for form, rank in rank_forms(language)]
    assert {form for form, _ in written} >= {f for forms in FRENCH.values() for f in forms}
    # every English label, today's and the one written before, a file may still carry
    assert {(f, r) for f, r in written} >= {*((f, r) for r, f in ENGLISH.items()),
                                            *((f, r) for r, f in EARLIER_ENGLISH.items())}
    for form, rank in written:
        for text in (form, form.upper(), *form.split("/")):
            read = read_row(2, _row(text), "fr")
            assert read.member is not None, (text, read.errors)
            assert read.member.rank is rank, (text, read.member.rank)
    for text, rank in (("Ambassadrice", Rank.ambassador), ("représentante permanente",
                       Rank.ambassador), ("Cheffe d'État", Rank.head_of_state),
                       ("Haute fonctionnaire", Rank.senior_official),
                       ("Experte", Rank.expert), ("ambassador", Rank.ambassador),
                       ("permanent representative", Rank.ambassador),
                       ("Secretary of State", Rank.deputy_minister),
                       ("Deputy prime minister", Rank.deputy_head_of_government),
                       ("Head of organisation", Rank.head_of_organisation),
                       ("head of an international organisation", Rank.head_of_organisation),
                       ("Deputy head of government", Rank.deputy_head_of_government)):
        read = read_row(2, _row(text), "fr")
        assert read.member is not None and read.member.rank is rank, text


def test_a_letter_says_a_minister_category_member_s_rank_not_the_category() -> None:
    """« ministre / chef de délégation » is the category's name and true of few of its members:
    a letter names what the person is, their rank in their gender (a vice-minister who did not
    lead the delegation read « Vous êtes accrédité (ministre / chef de délégation) »)."""
    from conference.protocol.titles import letter_category

    assert letter_category("minister", "deputy_minister", "fr", "male") == \
        "secrétaire d'État / vice-ministre"
    assert letter_category("minister", Rank.foreign_minister, "fr", "female") == \
        "ministre des Affaires étrangères"
    assert letter_category("minister", "ambassador", "fr", "female") == \
        "ambassadrice / représentante permanente"
    assert letter_category("minister", "head_of_state", "fr", None) == "chef ou cheffe d'État"
    assert letter_category("minister", "deputy_minister", "en", "male") == \
        "secretary of state / deputy minister"
    assert letter_category("minister", "minister", "en", None) == "minister"
    # no rank known: the category's name, as before; other categories as before
    assert letter_category("minister", None, "fr", "female") == "ministre / cheffe de délégation"
    assert letter_category("expert", "expert", "fr", "female") == "experte"
    assert letter_category("official", "senior_official", "en", None) == "official"
