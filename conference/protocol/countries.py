"""Countries: names, collation, and EU membership with the EU protocol order.

Delegations are identified by ISO 3166-1 alpha-2 codes (docs/protocol.md, "Country codes"):
``GR`` and ``GB``, never the EU's own ``EL`` and ``UK``. The EU protocol data below is written
with the EU codes, as the Style Guide writes it, and mapped to ISO codes by
`iso_from_eu_code`; every public function takes and returns ISO codes only. Besides the codes
`pycountry` knows, ``XK`` (Kosovo, the user-assigned code the EU and others use) is accepted.

Names come from libraries, never from hand-typed tables: `babel` (CLDR) gives each country's name
in a language (``babel.Locale("fr").territories["BE"] == "Belgique"``); `pycountry` gives the list
of ISO 3166-1 codes and an English fallback name for a code CLDR would lack.

Collation (`collation_key`) follows the CLDR root collation that French and English use, without
PyICU, in three levels and a last tie-break:

1. primary: the letters with accents removed (Unicode NFKD decomposition, combining marks
   dropped) and case folded, so "Émirats" sorts as "emirats" and "Îles" as "iles"; the few Latin
   letters that do not decompose are folded to their base letters (ø→o, ł→l, đ→d, æ→ae, œ→oe,
   ...); spaces sort before punctuation, punctuation before symbols, and all of them before digits
   and letters, as in CLDR ("Guinée équatoriale" before "Guinée-Bissau");
2. secondary: the accents, compared from the start of the word, an unaccented letter before an
   accented one (cote < coté < côte < côté);
3. tertiary: case, lower case before upper case;
4. the text itself, so that distinct strings never compare equal.

Language-specific tailorings (Swedish å after z, Spanish ñ after n, ...) are not applied: the
conference languages fr and en use the root collation, where they do not exist.
"""

from __future__ import annotations

import gettext
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

import babel
import pycountry

CollationKey = tuple[str, str, str, str]
"""A sort key from `collation_key`: (primary, secondary, tertiary, text)."""

KOSOVO = "XK"
"""User-assigned code for Kosovo, used by the EU; not in ISO 3166-1, so not in pycountry."""

# Latin letters that Unicode does not decompose into a base letter and a mark; collation folds
# them to their base letters at the primary level (collation rules, not a table of names).
_FOLDS: dict[str, str] = {
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ı": "i",
    "ŧ": "t",
    "þ": "th",
}

# Primary weights for what is not a letter or digit: all below "0", in CLDR's order.
_SPACE, _PUNCTUATION, _SYMBOL = "\x01", "\x02", "\x03"
# Separator put before each base letter in the secondary (accent) string.
_BASE = "\x00"


@cache
def collation_key(text: str) -> CollationKey:
    """A sort key for `text` that treats accented letters as their base letters first.

    Sorting country names by this key puts "Égypte" and "Émirats arabes unis" among the E-names
    (not after "Z" as code-point order would) and "Îles Marshall" among the I-names.
    """
    primary: list[str] = []
    secondary: list[str] = []
    tertiary: list[str] = []
    for ch in unicodedata.normalize("NFKD", text.strip()):
        if unicodedata.combining(ch):
            secondary.append(ch)
            continue
        category = unicodedata.category(ch)
        if category.startswith("Z") or ch.isspace():
            weights = _SPACE
        elif category.startswith("P"):
            weights = _PUNCTUATION
        elif category.startswith("S"):
            weights = _SYMBOL
        else:
            folded = ch.casefold()
            weights = _FOLDS.get(folded, folded)
        case = "1" if ch != ch.casefold() else "0"
        for weight in weights:
            primary.append(weight)
            secondary.append(_BASE)
            tertiary.append(case)
    return "".join(primary), "".join(secondary), "".join(tertiary), text


# --- codes and names ------------------------------------------------------------------------

_EU_TO_ISO: dict[str, str] = {"EL": "GR", "UK": "GB"}
_ISO_TO_EU: dict[str, str] = {iso: eu for eu, iso in _EU_TO_ISO.items()}


def iso_from_eu_code(code: str) -> str:
    """The ISO 3166-1 code for an EU country code: ``EL`` → ``GR``, ``UK`` → ``GB``, else as is."""
    return _EU_TO_ISO.get(code, code)


def eu_code_from_iso(code: str) -> str:
    """The EU's code for an ISO 3166-1 code: ``GR`` → ``EL``, ``GB`` → ``UK``, others as is."""
    return _ISO_TO_EU.get(code, code)


@cache
def country_codes() -> tuple[str, ...]:
    """Every accepted country code (ISO 3166-1 alpha-2 from pycountry, plus ``XK``), sorted."""
    return tuple(sorted({c.alpha_2 for c in pycountry.countries} | {KOSOVO}))


def is_country_code(code: str) -> bool:
    """Whether `code` is an accepted country code (upper-case ISO 3166-1 alpha-2, or ``XK``)."""
    return code in _code_set()


@cache
def _code_set() -> frozenset[str]:
    return frozenset(country_codes())


def check_country_code(code: str) -> str:
    """Return `code` if it is an accepted country code, else raise `ValueError` saying why."""
    if is_country_code(code):
        return code
    if code in _EU_TO_ISO:
        raise ValueError(
            f"{code!r} is an EU country code; use the ISO 3166-1 code {_EU_TO_ISO[code]!r}"
        )
    if code.upper() != code and is_country_code(code.upper()):
        raise ValueError(f"country codes are upper case: {code.upper()!r}, not {code!r}")
    raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")


@cache
def _territories(language: str) -> Mapping[str, str]:
    try:
        locale = babel.Locale.parse(language.replace("-", "_"))
    except (ValueError, TypeError, babel.UnknownLocaleError) as exc:
        raise ValueError(f"unknown language {language!r}") from exc
    return locale.territories


def check_language(language: str) -> str:
    """Return `language` if babel knows it (e.g. ``fr``, ``en``, ``fr_BE``), else `ValueError`."""
    _territories(language)
    return language


@cache
def _iso_names(language: str) -> gettext.NullTranslations:
    """pycountry's translations of the ISO 3166 names into ``language`` (none: the English)."""
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR,
                               languages=[language, language.split("_")[0]], fallback=True)


@cache
def country_name(code: str, language: str) -> str:
    """The name of the country `code` (ISO 3166-1 alpha-2) in `language`, from CLDR via babel.

    ``country_name("BE", "fr") == "Belgique"``; ``country_name("US", "en") == "United States"``.
    Falls back to pycountry's English name for a code CLDR lacks. `ValueError` for an unknown
    code (including the EU codes ``EL``/``UK``) or language.
    """
    check_country_code(code)
    if code in _ISO_NAMED:
        return _iso_name(code, language)
    name = _territories(language).get(code)
    if name is not None:
        return _long_form(code, name, language)
    record = pycountry.countries.get(alpha_2=code)
    if record is None:  # pragma: no cover - every accepted code is in CLDR or pycountry
        raise ValueError(f"no name for {code!r}")
    return str(getattr(record, "common_name", record.name))


_ISO_NAMED = frozenset({"PS"})
"""The countries protocol names by their ISO 3166 name (pycountry, its translation in another
language) rather than by CLDR's (docs/protocol.md, "Country names"): CLDR's "Palestinian
Territories", « Territoires palestiniens », names a territory, filed under T; the United
Nations, where it is an observer state, and the EU's meetings name the State of Palestine,
« État de Palestine »."""


def _uninverted(name: str) -> str:
    """An ISO name in its natural order: "Palestine, State of" → "State of Palestine",
    « Palestine, État de » → « État de Palestine », "Congo, The Democratic Republic of the" →
    "Democratic Republic of the Congo"."""
    if ", " not in name:
        return name
    head, _, tail = name.partition(", ")
    return f"{tail.removeprefix('The ')} {head}"


def _iso_name(code: str, language: str) -> str:
    """The ISO 3166 short name of ``code`` in ``language`` (pycountry's catalogue), in its
    natural order."""
    record = pycountry.countries.get(alpha_2=code)
    if record is None:  # pragma: no cover - _ISO_NAMED holds ISO codes
        raise ValueError(f"no name for {code!r}")
    source = str(record.name)
    if not language.startswith("en"):
        source = _iso_names(language).gettext(source)
    return _uninverted(source)


def _long_form(code: str, name: str, language: str) -> str:
    """CLDR's standard names, written out as protocol writes them (docs/protocol.md, "Country
    names"): CLDR's English abbreviates ("Bosnia & Herzegovina", "St. Kitts & Nevis") and names
    a few territories by a disambiguating phrase ("Congo - Brazzaville", French
    "Congo-Brazzaville"; "Hong Kong SAR China", French "R.A.S. chinoise de Hong Kong"); protocol
    spells "and", "Saint" and "United States" out, names the Grenadines with their article, and
    takes the ISO 3166 name from pycountry for those few (its official name where CLDR's tells
    two countries apart: "Republic of the Congo", "Democratic Republic of the Congo"; in another
    language, its translation in pycountry's catalogue: "République du Congo")."""
    if " - " in _territories("en").get(code, ""):
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            source = str(getattr(record, "official_name", record.name))
            if not language.startswith("en"):
                translated = _iso_names(language).gettext(source)
                if translated != source:
                    return translated
            # ISO's inverted form: "Congo, The Democratic Republic of the"
            return _uninverted(source)
    if " SAR " in name or name.startswith("R.A.S. "):
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            return str(record.name)
    name = name.replace(" & ", " and ").replace("St. ", "Saint ").replace("U.S. ", "United States ")
    # The islands named with their article, as the state itself and the EU style guide write
    # it: "Saint Vincent and the Grenadines", "Saint-Vincent-et-les-Grenadines".
    return name.replace(" and Grenadines", " and the Grenadines").replace(
        "-et-les Grenadines", "-et-les-Grenadines")


UNINHABITED = frozenset({"AQ", "BV", "GS", "HM", "IO", "TF", "UM"})
"""Territories with no permanent population (Antarctica, Bouvet Island, South Georgia and the
South Sandwich Islands, Heard Island and McDonald Islands, the British Indian Ocean Territory,
the French Southern Territories, the United States Minor Outlying Islands): nobody's country
or nationality, left out of the lists people pick a country from (`listed_country_codes`);
their codes are still accepted (docs/protocol.md, "Country codes")."""


def listed_country_codes() -> tuple[str, ...]:
    """The countries a list to pick from offers: every accepted code but the uninhabited
    territories'."""
    return tuple(c for c in country_codes() if c not in UNINHABITED)


_ALSO_CALLED: dict[str, tuple[str, ...]] = {
    "PS": ("Palestine",),
    "TR": ("Turkey",),
    "CI": ("Ivory Coast",),
    "CZ": ("Czech Republic", "République tchèque"),
    "MK": ("Macedonia", "Macédoine"),
    "SZ": ("Swaziland",),
    "MM": ("Burma", "Birmanie"),
    "TL": ("East Timor",),
    "VA": ("Holy See", "Saint-Siège"),
}
"""Names people still type for a country that neither CLDR nor ISO 3166 gives it any more, or
gives it only in another form (docs/protocol.md, "Country names"): read, never written."""


@cache
def country_aliases(code: str) -> tuple[str, ...]:
    """Every name a person may type for the country ``code``, in English or French: protocol's
    (`country_name`), CLDR's as it stands ("Palestinian Territories"), ISO 3166's short,
    official and common names and their French translations (pycountry: "Czech Republic",
    « République tchèque », "Republic of Korea"), without a leading article, and the names
    still in use of `_ALSO_CALLED` ("Turkey", "Ivory Coast", "Palestine"). Protocol's names
    first."""
    found = [country_name(code, language) for language in ("en", "fr")]
    found += [name for language in ("en", "fr")
              if (name := _territories(language).get(code)) is not None]
    record = pycountry.countries.get(alpha_2=code)
    if record is not None:
        for attribute in ("name", "official_name", "common_name"):
            source = getattr(record, attribute, None)
            if source:
                found += [str(source), _iso_names("fr").gettext(str(source))]
    found += _ALSO_CALLED.get(code, ())
    names: list[str] = []
    for name in found:
        for form in (name, _uninverted(name)):
            form = form.replace("\u2019", "'")
            for article in ("the ", "The ", "L'", "l'"):
                form = form.removeprefix(article)
            if form not in names:
                names.append(form)
    return tuple(names)


def country_sort_key(code: str, language: str) -> CollationKey:
    """Sort key of a country by its name in `language` (see `collation_key`)."""
    return collation_key(country_name(code, language))


# --- EU membership and protocol order -------------------------------------------------------


@dataclass(frozen=True)
class EuMembership:
    """One member state: its EU code, the day it joined, the first day it was no longer a member."""

    eu_code: str
    joined: date
    left: date | None = None

    @property
    def country(self) -> str:
        """The ISO 3166-1 alpha-2 code (``GR`` for ``EL``, ``GB`` for ``UK``)."""
        return iso_from_eu_code(self.eu_code)

    def member_on(self, day: date) -> bool:
        return self.joined <= day and (self.left is None or day < self.left)


_TREATY_OF_ROME = date(1958, 1, 1)
_FIRST_ENLARGEMENT = date(1973, 1, 1)
_ENLARGEMENT_1986 = date(1986, 1, 1)
_ENLARGEMENT_1995 = date(1995, 1, 1)
_ENLARGEMENT_2004 = date(2004, 5, 1)
_ENLARGEMENT_2007 = date(2007, 1, 1)

# Source: Interinstitutional Style Guide (Publications Office of the European Union), section 7.2
# "Order of Member States" (also published as 7.1.2 "Country listing order",
# publications.europa.eu/code/en/en-370102.htm): member states are listed in the alphabetical
# order of their names in their own languages, the "protocol order" (Belgique/België, България,
# Česká republika, Danmark, Deutschland, Eesti, Éire/Ireland, Ελλάδα, España, France, Hrvatska,
# Italia, Κύπρος, Latvija, Lietuva, Luxembourg, Magyarország, Malta, Nederland, Österreich, Polska,
# Portugal, România, Slovenija, Slovensko, Suomi/Finland, Sverige, United Kingdom). Greek and
# Cyrillic names are placed by their transliteration and multilingual states by an agreed name,
# which is why the order is data here rather than computed from CLDR names.
# Accession dates: Treaty of Rome (1958) and the accession treaties; Croatia 1 July 2013; the
# United Kingdom ceased to be a member at the end of 31 January 2020, so `left` is 1 February.
# The order is the Style Guide's current one (Ireland as "Éire" since Irish became an official
# language in 2007); editions older than 2007 may have listed some states differently, and that
# history is not modelled: for an earlier day the members are filtered from this same order.
EU_PROTOCOL_ORDER: tuple[EuMembership, ...] = (
    EuMembership("BE", _TREATY_OF_ROME),
    EuMembership("BG", _ENLARGEMENT_2007),
    EuMembership("CZ", _ENLARGEMENT_2004),
    EuMembership("DK", _FIRST_ENLARGEMENT),
    EuMembership("DE", _TREATY_OF_ROME),
    EuMembership("EE", _ENLARGEMENT_2004),
    EuMembership("IE", _FIRST_ENLARGEMENT),
    EuMembership("EL", date(1981, 1, 1)),
    EuMembership("ES", _ENLARGEMENT_1986),
    EuMembership("FR", _TREATY_OF_ROME),
    EuMembership("HR", date(2013, 7, 1)),
    EuMembership("IT", _TREATY_OF_ROME),
    EuMembership("CY", _ENLARGEMENT_2004),
    EuMembership("LV", _ENLARGEMENT_2004),
    EuMembership("LT", _ENLARGEMENT_2004),
    EuMembership("LU", _TREATY_OF_ROME),
    EuMembership("HU", _ENLARGEMENT_2004),
    EuMembership("MT", _ENLARGEMENT_2004),
    EuMembership("NL", _TREATY_OF_ROME),
    EuMembership("AT", _ENLARGEMENT_1995),
    EuMembership("PL", _ENLARGEMENT_2004),
    EuMembership("PT", _ENLARGEMENT_1986),
    EuMembership("RO", _ENLARGEMENT_2007),
    EuMembership("SI", _ENLARGEMENT_2004),
    EuMembership("SK", _ENLARGEMENT_2004),
    EuMembership("FI", _ENLARGEMENT_1995),
    EuMembership("SE", _ENLARGEMENT_1995),
    EuMembership("UK", _FIRST_ENLARGEMENT, left=date(2020, 2, 1)),
)


def eu_members_on(day: date) -> list[str]:
    """The EU member states on `day`, as ISO 3166-1 alpha-2 codes, in EU protocol order.

    On 5 December 2012: the 27 states BE, BG, CZ, DK, DE, EE, IE, GR, ES, FR, IT, CY, LV, LT, LU,
    HU, MT, NL, AT, PL, PT, RO, SI, SK, FI, SE, GB; Croatia (HR) between FR and IT from
    1 July 2013; GB no longer from 1 February 2020. (Before 1993: the European Communities.)
    """
    return list(_eu_positions(day))


def is_eu_member(code: str, day: date) -> bool:
    """Whether the state `code` (ISO 3166-1 alpha-2) is an EU member on `day`."""
    return code in _eu_positions(day)


def eu_protocol_position(code: str, day: date) -> int | None:
    """The 0-based place of `code` in the EU protocol order on `day`, or None for a non-member."""
    return _eu_positions(day).get(code)


@cache
def _eu_positions(day: date) -> dict[str, int]:
    members = [m.country for m in EU_PROTOCOL_ORDER if m.member_on(day)]
    return {code: index for index, code in enumerate(members)}
