"""French elision of « de » before a name (docs/protocol.md, "Elision before a name").

« de » becomes « d' » before a vowel: « la demande d'Anna Schneider », « les quotas d'Europol ».
Before an H it depends on the word: a mute h elides (« d'Hélène », « d'Hugo »), an aspirated h
does not (« de Hans », « de Hambourg »). No rule tells them apart from the spelling, so the
given names of French usage whose h is mute are listed; any other name starting with an H keeps
« de », the safe form for the foreign names (Hans, Heinz, Hiroshi, Hamid) a conference meets.
A Y before a vowel is a consonant (« de Yasmine »), before a consonant a vowel (« d'Yves »).
"""

from __future__ import annotations

import unicodedata

VOWELS = frozenset("AEIOUYÀÂÄÆÉÈÊËÎÏÔÖŒÙÛÜŸaeiouyàâäæéèêëîïôöœùûüÿ")

MUTE_H_NAMES = frozenset({
    "hadrien", "hector", "helena", "helene", "helie", "heloise", "henri", "henriette",
    "herve", "hermine", "hilaire", "hippolyte", "honore", "honorine", "horace", "hortense",
    "hubert", "hugo", "hugues", "huguette", "hyacinthe",
})
"""Given names whose h is mute in French (compared without case or accents)."""


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold())
                   if not unicodedata.combining(c))


def elides(name: str) -> bool:
    """True if « de » before ``name`` is written « d' »: a vowel first, or a given name
    whose h is mute (« Hélène Dubois », « Jean-Hugues » is not: the first word counts). A Y
    before a vowel is sounded as a consonant and keeps « de » (« de Yasmine », « de Yann »);
    before a consonant it is a vowel (« d'Yves », « d'Yvonne »)."""
    if name[:1] in "YyŸÿ":
        return name[1:2] not in VOWELS
    if name[:1] in VOWELS:
        return True
    first = name.split(" ", 1)[0].split("-", 1)[0]
    return _plain(first) in MUTE_H_NAMES
