"""A member's function in a language (docs/protocol.md, "A function in each language"): the
one given in that language, else the one typed; a substitute takes the member's translations
only with the member's function."""

from __future__ import annotations

from conference.accreditation.domain import function_in, substitute_functions

TYPED = "Ministre de l'Eau et de l'Environnement"
ENGLISH = "Minister for Water and the Environment"


def test_the_function_in_the_language_else_the_one_typed() -> None:
    assert function_in("en", TYPED, None, ENGLISH) == ENGLISH
    assert function_in("en-GB", TYPED, None, ENGLISH) == ENGLISH
    assert function_in("fr", TYPED, None, ENGLISH) == TYPED
    assert function_in("fr_BE", TYPED, "Ministre de l'Eau", ENGLISH) == "Ministre de l'Eau"
    assert function_in("en", TYPED) == TYPED
    assert function_in("de", TYPED, "x", "y") == TYPED
    assert function_in("en", None, None, ENGLISH) == ENGLISH
    assert function_in("fr", None) is None and function_in("fr", "") is None


def test_a_substitute_keeps_the_translations_with_the_members_function_only() -> None:
    member = {"function": TYPED, "function_fr": None, "function_en": ENGLISH}
    assert substitute_functions(member, {"function": None}) == {
        "function": TYPED, "function_fr": None, "function_en": ENGLISH}
    assert substitute_functions(member, {"function": TYPED, "function_fr": "Ministre"}) == {
        "function": TYPED, "function_fr": "Ministre", "function_en": ENGLISH}
    assert substitute_functions(member, {"function": "Secrétaire d'État"}) == {
        "function": "Secrétaire d'État", "function_fr": None, "function_en": None}
    assert substitute_functions(member, {"function": "Secrétaire d'État",
                                         "function_en": "State Secretary"}) == {
        "function": "Secrétaire d'État", "function_fr": None, "function_en": "State Secretary"}
