"""Country names inside an English sentence: "a national of the United States", "of Peru".

English writes the article before the names of states that are plural ("the Netherlands",
"the Philippines") or that name a kind of state or a union ("the United Kingdom", "the Czech
Republic", "the State of Palestine", "the Democratic Republic of the Congo", "the United Arab
Emirates"), and before "the Gambia" and "the Holy See", as the EU's Interinstitutional Style
Guide lists them; the rule reads the name protocol gives (`countries.country_name`), so CLDR's
"Czechia" takes none. French names are given alone; the letters' nationality is
`nationality.py`'s (docs/credentials.md, "Visa invitation letters")."""

from __future__ import annotations

from conference.protocol.countries import country_name

# Words that make a name take "the": a kind of state, a union, a group of islands.
_KINDS = frozenset({"republic", "kingdom", "state", "states", "federation", "union", "emirates",
                    "islands", "territories", "confederation", "principality"})
# Plural names, and the singular ones the style guide writes with "the".
_NAMES = frozenset({"netherlands", "philippines", "bahamas", "maldives", "comoros",
                    "seychelles", "gambia", "holy see", "isle of man"})


def takes_the(name: str) -> bool:
    """Whether English writes "the" before the country ``name`` inside a sentence."""
    folded = " ".join(name.casefold().split())
    if folded.startswith("the "):
        return False  # it has it already
    words = set(folded.replace(",", " ").split())
    return folded in _NAMES or bool(words & _KINDS)


def in_sentence(code: str, language: str) -> str:
    """The country ``code`` as a sentence names it: "the United States", "Peru"; in French,
    the name alone (letters give it after a label)."""
    name = country_name(code, language)
    if language.startswith("en") and takes_the(name):
        return f"the {name}"
    return name
