"""Forms of address for notices and invitations (docs/protocol.md, "Forms of address").
Languages: French (``fr``) and English (``en``); a regional tag such as ``fr_BE`` or ``en-GB``
uses its language; any other language raises `ValueError`.

- A queen or king (`royal_style`): "Sa Majesté la Reine" / "Her Majesty the Queen",
  "Sa Majesté le Roi" / "His Majesty the King".
- Excellency (`form_of_address`) for heads of state and government, ministers and ambassadors,
  that is the ranks in `EXCELLENCY_RANKS`: head of state, head of government, deputy head of
  government and minister for foreign affairs (both ministers), minister, ambassador. French
  "Son Excellence" whatever the gender; English "His Excellency" (male), "Her Excellency"
  (female) and the abbreviation "H.E." when the gender is unknown, which reads either way.
  A reigning monarch who is head of state takes the royal style instead: the caller uses
  `royal_style` for them.
- Plain titles for the rest (`form_of_address` returns None). A deputy minister or secretary of
  state is plain: the rank is not among those styled Excellency.

Letter openings (`salutation`):

- An Excellency: "Excellence," (fr), "Your Excellency," (en).
- Otherwise in French the formal opening, which never names the person: "Madame,", "Monsieur,",
  and "Madame, Monsieur," when the gender is unknown.
- Otherwise in English: "Dear Ms Ernst," / "Dear Mr Holder," (British style, no full stop), and
  "Dear Tove Ernst," (the full name, no title) when the gender is unknown.

Letter closings (`closing`), the formula before the office's signature, matching the opening:

- An Excellency: "Nous vous prions d'agréer, Excellence, l'assurance de notre très haute
  considération." (fr), "Please accept, Excellency, the assurance of our highest
  consideration." (en): the formula of an EU institution's letter to a minister or an
  ambassador, in the first person plural, since an office signs ("Le service du protocole").
- Everyone else: "Cordialement," (fr), "Kind regards," (en).

Names in a notice (`styled_name`): the form of address, then the civility title when the gender
is known, then the full name: "Son Excellence Monsieur Eric Holder", "Her Excellency
Ms Cecilia Malmström", "H.E. Tove Ernst", "Madame Tove Ernst", "Mr Eric Holder".

The head of a delegation (`head_of_delegation`), as a list of participants says it after the
name, lowercase inside its parenthesis: "cheffe de délégation" for a woman and "chef de
délégation" otherwise in French (the feminine forms of the French administration, as
"la ministre", "la directrice"), "head of delegation" in English.

Gender values are "female", "male" or None (unknown); anything else raises `ValueError`.
"""

from __future__ import annotations

from typing import Literal

from conference.protocol.ranks import Rank

Gender = Literal["female", "male"]


def known_gender(value: str | None) -> Gender | None:
    """A stored gender as the models type it (anything else: not known)."""
    return "female" if value == "female" else "male" if value == "male" else None


Language = Literal["fr", "en"]
RoyalTitle = Literal["queen", "king"]

SUPPORTED_LANGUAGES: tuple[Language, ...] = ("fr", "en")

EXCELLENCY_RANKS: frozenset[Rank] = frozenset(
    {
        Rank.head_of_state,
        Rank.head_of_government,
        Rank.deputy_head_of_government,
        Rank.foreign_minister,
        Rank.minister,
        Rank.ambassador,
    }
)
"""Ranks styled "Son Excellence" / "His/Her Excellency"; every other rank is plain."""

_EXCELLENCY: dict[tuple[Language, Gender | None], str] = {
    ("fr", "female"): "Son Excellence",
    ("fr", "male"): "Son Excellence",
    ("fr", None): "Son Excellence",
    ("en", "female"): "Her Excellency",
    ("en", "male"): "His Excellency",
    ("en", None): "H.E.",
}

_ROYAL: dict[tuple[Language, RoyalTitle], str] = {
    ("fr", "queen"): "Sa Majesté la Reine",
    ("fr", "king"): "Sa Majesté le Roi",
    ("en", "queen"): "Her Majesty the Queen",
    ("en", "king"): "His Majesty the King",
}

# Civility title before a full name in a notice, and in an English letter opening.
_CIVILITY: dict[tuple[Language, Gender], str] = {
    ("fr", "female"): "Madame",
    ("fr", "male"): "Monsieur",
    ("en", "female"): "Ms",
    ("en", "male"): "Mr",
}

_EXCELLENCY_SALUTATION: dict[Language, str] = {"fr": "Excellence,", "en": "Your Excellency,"}

_EXCELLENCY_CLOSING: dict[Language, str] = {
    "fr": "Nous vous prions d'agréer, Excellence, l'assurance de notre très haute considération.",
    "en": "Please accept, Excellency, the assurance of our highest consideration.",
}

_PLAIN_CLOSING: dict[Language, str] = {"fr": "Cordialement,", "en": "Kind regards,"}

_FRENCH_SALUTATION: dict[Gender | None, str] = {
    "female": "Madame,",
    "male": "Monsieur,",
    None: "Madame, Monsieur,",
}

_ENGLISH_NAMELESS: dict[Gender | None, str] = {
    "female": "Dear Madam,",
    "male": "Dear Sir,",
    None: "Dear Sir or Madam,",
}


def _language(language: str) -> Language:
    primary = language.replace("-", "_").split("_", 1)[0].lower()
    if primary == "fr":
        return "fr"
    if primary == "en":
        return "en"
    raise ValueError(f"no forms of address for language {language!r}; use one of fr, en")


def _gender(gender: str | None) -> Gender | None:
    if gender is None:
        return None
    if gender == "female":
        return "female"
    if gender == "male":
        return "male"
    raise ValueError(f"gender must be 'female', 'male' or None, not {gender!r}")


def is_excellency(rank: Rank | str | None) -> bool:
    """Whether `rank` is styled Excellency (see `EXCELLENCY_RANKS`); None is not."""
    return rank is not None and Rank(rank) in EXCELLENCY_RANKS


def form_of_address(rank: Rank | None, gender: str | None, language: str) -> str | None:
    """The honorific before a name: "Son Excellence", "His/Her Excellency", "H.E.", or None.

    None means a plain title: the rank carries no honorific.
    """
    lang, known_gender = _language(language), _gender(gender)
    if not is_excellency(rank):
        return None
    return _EXCELLENCY[(lang, known_gender)]


def royal_style(title: str, language: str) -> str:
    """The style of a queen or king: "Sa Majesté la Reine", "Her Majesty the Queen", ..."""
    lang = _language(language)
    if title == "queen":
        return _ROYAL[(lang, "queen")]
    if title == "king":
        return _ROYAL[(lang, "king")]
    raise ValueError(f"royal title must be 'queen' or 'king', not {title!r}")


def _full_name(given_name: str, family_name: str) -> str:
    return " ".join(part for part in (given_name.strip(), family_name.strip()) if part)


def salutation(
    given_name: str,
    family_name: str,
    rank: Rank | None,
    gender: str | None,
    language: str,
) -> str:
    """The opening line of a letter: "Excellence,", "Dear Ms Ernst,", "Madame, Monsieur,", ..."""
    lang, known_gender = _language(language), _gender(gender)
    if is_excellency(rank):
        return _EXCELLENCY_SALUTATION[lang]
    if lang == "fr":
        return _FRENCH_SALUTATION[known_gender]
    family = family_name.strip()
    if known_gender is not None and family:
        return f"Dear {_CIVILITY[(lang, known_gender)]} {family},"
    full_name = _full_name(given_name, family_name)
    if known_gender is None and full_name:
        return f"Dear {full_name},"
    return _ENGLISH_NAMELESS[known_gender]


def closing(rank: Rank | str | None, language: str) -> str:
    """The closing formula of a letter, above the office's signature, matching its opening
    (`salutation`): the formal one to an Excellency, "Kind regards," to anyone else."""
    lang = _language(language)
    return _EXCELLENCY_CLOSING[lang] if is_excellency(rank) else _PLAIN_CLOSING[lang]


def styled_name(
    given_name: str,
    family_name: str,
    rank: Rank | None,
    gender: str | None,
    language: str,
) -> str:
    """A name as a notice gives it: "Son Excellence Monsieur Eric Holder", "H.E. Tove Ernst"."""
    lang, known_gender = _language(language), _gender(gender)
    parts = [form_of_address(rank, known_gender, lang)]
    if known_gender is not None:
        parts.append(_CIVILITY[(lang, known_gender)])
    parts.append(_full_name(given_name, family_name))
    return " ".join(part for part in parts if part)


def head_of_delegation(gender: str | None, language: str) -> str:
    """The head of a delegation's title after their name in a list: "cheffe de délégation"
    (a woman, French), "chef de délégation" (a man or unknown, French), "head of delegation"
    (English). A woman read « Madame Katrin Vogel … (Chef de délégation) » (tryout)."""
    if _language(language) == "en":
        return "head of delegation"
    return "cheffe de délégation" if _gender(gender) == "female" else "chef de délégation"
