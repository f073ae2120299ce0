"""The country a diplomatic or consular mission belongs to, read from its name as a person
types it in French or English: « Ambassade de Belgique à Lima », « Consulat général de la
République du Congo », « Section consulaire de l'Ambassade des États-Unis », « Ambassade
belge », "Consulate General of Belgium in Lima", "Embassy of the Kingdom of Belgium", "Belgian
Embassy". It serves one check: nobody asks their own country's consulate for a visa
(docs/credentials.md, "Visa invitation letters"). A name it does not recognise (another
language, a city alone, an abbreviation) gives None, and nothing is checked.

The countries are named as protocol names them (`countries.country_name`, French and English),
by pycountry's official name ("Kingdom of Belgium", « Royaume de Belgique ») and by the
adjectives of `nationality.py` ("Belgian", « belge »)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry

from conference.protocol.countries import (
    _iso_names,
    country_aliases,
    country_codes,
    country_name,
)
from conference.protocol.nationality import adjective

# The kinds of mission, with what joins them to the country's name ("de", "of").
_OF_COUNTRY = re.compile(
    r"\b(?:ambassade|consulat(?: general)?|consulat honoraire|section consulaire|"
    r"haut commissariat|representation permanente|mission permanente)"
    r" (?:de la |de l'|du |des |de |d')"
    r"|\b(?:embassy|consulate(?: general)?|honorary consulate|consular section|"
    r"high commission|permanent (?:mission|representation)) of (?:the )?")
_MISSION_EN = r"(?:embassy|consulate|consulate general|honorary consulate|high commission)"
_MISSION_FR = r"(?:ambassade|consulat|consulat general|consulat honoraire)"
# French adjectives are listed in the feminine (« ambassade belge »); « consulat » takes the
# masculine: the usual endings
_MASCULINE = (("ienne", "ien"), ("enne", "en"), ("aise", "ais"), ("oise", "ois"),
              ("ane", "an"), ("ine", "in"), ("ole", "ol"), ("ande", "and"), ("ecque", "ec"),
              ("urque", "urc"))


def _fold(text: str) -> str:
    """Lower case, no accents, one space for hyphens and runs of blanks, straight
    apostrophes: « Ambassade des États-Unis » → "ambassade des etats unis"."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(text.replace("-", " ").split())


def _masculine(feminine: str) -> str:
    for ending, replacement in _MASCULINE:
        if feminine.endswith(ending):
            return feminine[: -len(ending)] + replacement
    return feminine


@cache
def _names() -> dict[str, str]:
    """Every name of a country, folded, with its code."""
    names: dict[str, str] = {}
    for code in country_codes():
        record = pycountry.countries.get(alpha_2=code)
        official = getattr(record, "official_name", None) if record is not None else None
        for language in ("en", "fr"):
            found = [country_name(code, language)]
            if official:
                found.append(official if language == "en"
                             else _iso_names(language).gettext(official))
            for name in found:
                folded = _fold(name)
                names.setdefault(folded, code)
                if folded.startswith("the "):
                    names.setdefault(folded.removeprefix("the "), code)
    # then every other name an import reads ("Czech Republic", « République tchèque »,
    # "Turkey", "Palestine"): after the names above, which keep what they name
    for code in country_codes():
        for name in country_aliases(code):
            names.setdefault(_fold(name), code)
    return names


@cache
def _adjective_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """"belgian embassy", « ambassade belge », « consulat belge », and what each names."""
    english: dict[str, str] = {}
    french: dict[str, str] = {}
    for code in country_codes():
        if (en := adjective(code, "en")) is not None:
            english.setdefault(_fold(en), code)
        if (fr := adjective(code, "fr")) is not None:
            french.setdefault(_fold(fr), code)
            french.setdefault(_fold(_masculine(fr)), code)

    def alternatives(words: dict[str, str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    before = re.compile(rf"\b(?P<adj>{alternatives(english)}) {_MISSION_EN}\b")
    after = re.compile(rf"\b{_MISSION_FR} (?P<adj>{alternatives(french)})\b")
    return before, after, {**english, **french}


def _name_at(text: str) -> str | None:
    """The country whose name ``text`` starts with (the longest name that fits)."""
    best: tuple[int, str] | None = None
    for name, code in _names().items():
        if (text == name or text.startswith(name + " ") or text.startswith(name + ",")) and (
                best is None or len(name) > best[0]):
            best = (len(name), code)
    return best[1] if best else None


def mission_country(mission: str) -> str | None:
    """The ISO code of the country whose mission ``mission`` names, or None when the name
    does not say it in a way this recognises: "Consulate General of Belgium in Lima" → "BE",
    « Ambassade des États-Unis » → "US", "Belgian Embassy" → "BE", "Embassy in Lima" →
    None."""
    text = _fold(mission)
    for found in _OF_COUNTRY.finditer(text):
        code = _name_at(text[found.end():])
        if code is not None:
            return code
    before, after, adjectives = _adjective_patterns()
    for pattern in (before, after):
        if (match := pattern.search(text)) is not None:
            return adjectives[match["adj"]]
    return None
