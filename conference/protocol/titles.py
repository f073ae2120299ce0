"""Titles in the person's gender (docs/protocol.md, "Titles in the person's gender").

French writes a title in the gender of the person it names, as the French administration and
the EU institutions do: « Ambassadrice », « Cheffe d'État », « Haute fonctionnaire »,
« Experte » for a woman; « Ambassadeur », « Chef d'État », « Haut fonctionnaire », « Expert »
for a man. Where no one person is named (a list of choices, the member form's select before a
gender is given) or the person's gender is unknown, the title is the double form, masculine
then feminine: « Chef ou cheffe d'État », « Expert ou experte ». Epicene titles
(« Ministre », « Fonctionnaire », « Secrétaire d'État / vice-ministre ») have one form.
English titles are epicene: one form for everyone.

- `rank_label(rank, language, gender)`: a rank as a page, a list or an export names it
  (capitalised: « Ambassadrice / représentante permanente »).
- `category_name(category, language, gender)`: an accreditation's category as a letter names
  it, lowercase inside a sentence (« ministre / cheffe de délégation », « experte »).
- `letter_category(category, rank, language, gender)`: what a letter says a person is
  accredited as (the minister category by the person's rank).
- `rank_forms(language)`: every form of every rank (each gender and the double form), for an
  import that reads any of them back into the same rank.

Gender values are "female", "male" or None (unknown); a language is fr or en (a regional tag
such as fr_BE uses its language); anything else raises `ValueError`, as in `address`.
"""

from __future__ import annotations

from collections.abc import Iterator

from conference.protocol.address import Gender, _gender, _language
from conference.protocol.ranks import Rank

_FR_RANKS: dict[Rank, tuple[str, str, str]] = {
    # (masculine, feminine, double form)
    Rank.head_of_state: ("Chef d'État", "Cheffe d'État", "Chef ou cheffe d'État"),
    Rank.head_of_government: ("Chef de gouvernement", "Cheffe de gouvernement",
                              "Chef ou cheffe de gouvernement"),
    Rank.deputy_head_of_government: ("Vice-Premier ministre", "Vice-Première ministre",
                                     "Vice-Premier ministre ou vice-Première ministre"),
    Rank.foreign_minister: ("Ministre des Affaires étrangères",) * 3,
    Rank.minister: ("Ministre",) * 3,
    Rank.deputy_minister: ("Secrétaire d'État / vice-ministre",) * 3,
    Rank.ambassador: ("Ambassadeur / représentant permanent",
                      "Ambassadrice / représentante permanente",
                      "Ambassadeur ou ambassadrice / représentant permanent ou représentante "
                      "permanente"),
    Rank.senior_official: ("Haut fonctionnaire", "Haute fonctionnaire",
                           "Haut fonctionnaire ou haute fonctionnaire"),
    Rank.head_of_organisation: ("Chef d'organisation internationale",
                                "Cheffe d'organisation internationale",
                                "Chef ou cheffe d'organisation internationale"),
    Rank.official: ("Fonctionnaire",) * 3,
    Rank.expert: ("Expert", "Experte", "Expert ou experte"),
}

_EN_RANKS: dict[Rank, str] = {
    Rank.head_of_state: "Head of state",
    Rank.head_of_government: "Head of government",
    Rank.deputy_head_of_government: "Deputy prime minister",
    Rank.foreign_minister: "Minister for foreign affairs",
    Rank.minister: "Minister",
    Rank.deputy_minister: "Secretary of State / deputy minister",
    Rank.ambassador: "Ambassador / permanent representative",
    Rank.senior_official: "Senior official",
    Rank.head_of_organisation: "Head of an international organisation",
    Rank.official: "Official",
    Rank.expert: "Expert",
}
"""English ranks: epicene, saying what the French says (« Vice-Premier ministre », "Deputy
prime minister"; « Ambassadeur / représentant permanent », "Ambassador / permanent
representative"). They were the API values written out ("Deputy head of government", "Head of
organisation", "Deputy minister", "Ambassador"), which named less, or otherwise, than the
French beside them (a tryout, 2 December 2026)."""

_EN_EARLIER: dict[Rank, str] = {r: r.value.replace("_", " ").capitalize() for r in Rank}
"""The English labels pages and exports wrote before ``_EN_RANKS``: a file exported then, or
typed from an old page, is still read back (``rank_forms``)."""

_FR_CATEGORIES: dict[str, tuple[str, str, str]] = {
    "press": ("presse",) * 3,
    "minister": ("ministre / chef de délégation", "ministre / cheffe de délégation",
                 "ministre / chef ou cheffe de délégation"),
    "official": ("fonctionnaire",) * 3,
    "expert": ("expert", "experte", "expert ou experte"),
    "staff": ("organisation",) * 3,
}

_EN_CATEGORIES: dict[str, str] = {
    "press": "press", "minister": "minister / head of delegation", "official": "official",
    "expert": "expert", "staff": "organiser / staff"}

_FORM: dict[Gender | None, int] = {"male": 0, "female": 1, None: 2}


def rank_label(rank: Rank | str, language: str, gender: str | None) -> str:
    """A rank as it names a person of ``gender`` (None: unknown, or no one person, as in a
    list of choices): « Ambassadrice / représentante permanente » (fr, female),
    « Ambassadeur / représentant permanent » (fr, male), « Ambassadeur ou ambassadrice /
    représentant permanent ou représentante permanente » (fr, None); "Ambassador / permanent
    representative" (en)."""
    lang, known = _language(language), _gender(gender)
    if lang == "en":
        return _EN_RANKS[Rank(rank)]
    return _FR_RANKS[Rank(rank)][_FORM[known]]


def category_name(category: str, language: str, gender: str | None) -> str:
    """An accreditation's category as a letter names it, lowercase inside a sentence, in the
    gender of the person it is about: « ministre / cheffe de délégation » (fr, female),
    « ministre / chef de délégation » (fr, male), « ministre / chef ou cheffe de délégation »
    (fr, unknown, or a category of places rather than a person); "minister / head of
    delegation" (en). ``KeyError`` for a category that is none of press, minister, official,
    expert, staff."""
    lang, known = _language(language), _gender(gender)
    if lang == "en":
        return _EN_CATEGORIES[category]
    return _FR_CATEGORIES[category][_FORM[known]]


def letter_category(category: str, rank: Rank | str | None, language: str,
                    gender: str | None) -> str:
    """What a letter says a person is accredited as: their category (``category_name``), but
    for the minister category, whose name says two things (« ministre / chef de délégation »)
    and is true of few of its members, their rank where it is known, in their gender, lower
    case inside a French sentence: « secrétaire d'État / vice-ministre », « ministre des
    Affaires étrangères », « ambassadrice / représentante permanente »; in English in lower
    case ("secretary of state / deputy minister"). A vice-minister who does not lead the
    delegation read « Vous êtes accrédité (ministre / chef de délégation) » (tryout, 4 December
    2026: docs/protocol.md, "Titles in the person's gender")."""
    if category != "minister" or rank is None:
        return category_name(category, language, gender)
    label = rank_label(rank, language, gender)
    return label.lower() if _language(language) == "en" else label[:1].lower() + label[1:]


CATEGORIES: tuple[str, ...] = tuple(_EN_CATEGORIES)
"""The categories `category_name` names."""


def rank_forms(language: str) -> Iterator[tuple[str, Rank]]:
    """Every label of every rank in ``language`` (each gender's form and the double form; in
    English the label and the one written before it), with its rank: what an import reads
    back."""
    lang = _language(language)
    for rank in Rank:
        forms: tuple[str, ...] = (_EN_RANKS[rank], _EN_EARLIER[rank]) if lang == "en" \
            else _FR_RANKS[rank]
        for form in dict.fromkeys(forms):
            yield form, rank

