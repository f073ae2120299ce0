"""A person's nationality in a letter: the adjective where the language writes one ("de
nationalité belge", "a Belgian national"; "nationalité : belge", "nationality: Belgian"),
else the country's name in a phrase that needs no adjective ("ressortissante du Pérou", "a
national of the United States") (docs/credentials.md, "Visa invitation letters").

Neither CLDR (babel) nor pycountry gives adjectives of nationality, so they are listed here,
for the countries whose adjective names one country only; a country missing from the table,
or whose adjective would be ambiguous ("congolais": the Republic of the Congo or the
Democratic Republic of the Congo), is named by protocol's name of the country
(`countries.country_name`). In « de nationalité … » and after the label « nationalité : »
the French adjective agrees with *nationalité*, so it is always feminine ("de nationalité
française", for a man too); the person's gender only matters to the fallback,
« ressortissant » or « ressortissante » (« ressortissant(e) » when it is not known)."""

from __future__ import annotations

from typing import Literal

from conference.protocol.countries import country_name
from conference.protocol.country_phrases import in_sentence

Gender = Literal["female", "male"] | None

# code: (English adjective, French adjective in the feminine)
_ADJECTIVES: dict[str, tuple[str, str]] = {
    "AR": ("Argentine", "argentine"), "AT": ("Austrian", "autrichienne"),
    "BE": ("Belgian", "belge"), "BG": ("Bulgarian", "bulgare"),
    "BR": ("Brazilian", "brésilienne"), "CA": ("Canadian", "canadienne"),
    "CH": ("Swiss", "suisse"), "CI": ("Ivorian", "ivoirienne"), "CL": ("Chilean", "chilienne"),
    "CM": ("Cameroonian", "camerounaise"), "CN": ("Chinese", "chinoise"),
    "CO": ("Colombian", "colombienne"), "CY": ("Cypriot", "chypriote"),
    "CZ": ("Czech", "tchèque"), "DE": ("German", "allemande"), "DK": ("Danish", "danoise"),
    "DZ": ("Algerian", "algérienne"), "EE": ("Estonian", "estonienne"),
    "EG": ("Egyptian", "égyptienne"), "ES": ("Spanish", "espagnole"),
    "ET": ("Ethiopian", "éthiopienne"), "FI": ("Finnish", "finlandaise"),
    "FR": ("French", "française"), "GB": ("British", "britannique"),
    "GR": ("Greek", "grecque"), "HR": ("Croatian", "croate"), "HU": ("Hungarian", "hongroise"),
    "IE": ("Irish", "irlandaise"), "IN": ("Indian", "indienne"), "IT": ("Italian", "italienne"),
    "JP": ("Japanese", "japonaise"), "KE": ("Kenyan", "kényane"),
    "LT": ("Lithuanian", "lituanienne"), "LU": ("Luxembourgish", "luxembourgeoise"),
    "LV": ("Latvian", "lettone"), "MA": ("Moroccan", "marocaine"),
    "MT": ("Maltese", "maltaise"), "MX": ("Mexican", "mexicaine"),
    "NG": ("Nigerian", "nigériane"), "NL": ("Dutch", "néerlandaise"),
    "NO": ("Norwegian", "norvégienne"), "PE": ("Peruvian", "péruvienne"),
    "PL": ("Polish", "polonaise"), "PT": ("Portuguese", "portugaise"),
    "RO": ("Romanian", "roumaine"), "RU": ("Russian", "russe"), "SE": ("Swedish", "suédoise"),
    "SI": ("Slovenian", "slovène"), "SK": ("Slovak", "slovaque"),
    "SN": ("Senegalese", "sénégalaise"), "TN": ("Tunisian", "tunisienne"),
    "TR": ("Turkish", "turque"), "UA": ("Ukrainian", "ukrainienne"),
    "US": ("American", "américaine"), "ZA": ("South African", "sud-africaine"),
}

# French names taken without an article after « de » (islands and cities that are states),
# and the plural ones (« des »); names of a kind of state take « de la » / « du ».
_NO_ARTICLE = frozenset({"Cuba", "Madagascar", "Haïti", "Singapour", "Monaco", "Oman",
                         "Bahreïn", "Djibouti", "Israël", "Malte", "Chypre", "Maurice",
                         "Sainte-Lucie", "Saint-Marin", "Nauru", "Tuvalu", "Kiribati",
                         "Vanuatu", "Samoa", "Tonga", "Palaos"})
_MASCULINE_IN_E = frozenset({"Mexique", "Cambodge", "Mozambique", "Zimbabwe", "Belize",
                             "Suriname"})
_PLURAL = frozenset({"Philippines", "Comores", "Seychelles", "Maldives", "Bahamas", "Fidji"})
_FEMININE_KINDS = ("République", "Fédération", "Principauté", "Confédération")
_MASCULINE_KINDS = ("État ",)
"""« de l'État de Palestine », « de l'État de la Cité du Vatican » (not « d'État de… »)."""


def adjective(code: str, language: str) -> str | None:
    """The adjective of nationality of ``code`` as written after a label ("belge" after
    « nationalité : », "Belgian" after "nationality:"), or None when the table has none."""
    pair = _ADJECTIVES.get(code.upper())
    if pair is None:
        return None
    return pair[1] if language.startswith("fr") else pair[0]


def _of_country_fr(name: str) -> str:
    """« de » with the country's French name: « du Pérou », « de Belgique », « d'Ukraine »,
    « des États-Unis », « de la République du Congo », « de Cuba »."""
    if name.startswith(_FEMININE_KINDS):
        return f"de la {name}"
    if name.startswith(_MASCULINE_KINDS):
        return f"de l'{name}"
    first = name[0].casefold()
    vowel = first in "aeiouyéèêîïôh" and not name.startswith("Hon")
    if name in _NO_ARTICLE:
        return f"d'{name}" if vowel else f"de {name}"
    if name.startswith(("États-", "Émirats", "Îles", "Pays-Bas")) or name in _PLURAL:
        return f"des {name}"
    if vowel:
        return f"d'{name}" if name.endswith("e") else f"de l'{name}"
    if name.endswith("e") and name not in _MASCULINE_IN_E:
        return f"de {name}"
    return f"du {name}"


def label_value(code: str, language: str) -> str:
    """The nationality after a label: the adjective ("belge", "Belgian"), else the country's
    name as protocol gives it ("République du Congo")."""
    return adjective(code, language) or country_name(code, language)


def in_apposition(code: str, language: str, gender: Gender = None) -> str:
    """The nationality beside the person's name: « de nationalité belge », "a Belgian
    national"; without an adjective, « ressortissante de la République du Congo » (agreeing
    with the person when their gender is known, « ayant la nationalité de la République du Congo »
    otherwise), "a national of the Republic of the Congo"."""
    adj = adjective(code, language)
    if language.startswith("fr"):
        if adj is not None:
            return f"de nationalité {adj}"
        of_country = _of_country_fr(country_name(code, language))
        noun = {"female": "ressortissante", "male": "ressortissant"}.get(gender or "")
        # not known: a wording that needs no agreement, never « ressortissant(e) »
        # (docs/protocol.md, "No (e) forms")
        return f"{noun} {of_country}" if noun else f"ayant la nationalité {of_country}"
    if adj is not None:
        article = "an" if adj[0] in "AEIO" else "a"
        return f"{article} {adj} national"
    return f"a national of {in_sentence(code, language)}"
