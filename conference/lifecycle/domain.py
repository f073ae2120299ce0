"""The delegation lifecycle's rules, pure (docs/lifecycle.md): the importable columns and their
header names in English and French, a row read into a member or into field errors, what a row
would change, the list of participants in order of precedence, and the statistics' shape.

Nothing here touches the database or HTTP.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from babel.dates import get_month_names
from pydantic import ValidationError

from conference.accreditation.domain import (
    NAMES_SWAPPED,
    QUOTA_CATEGORIES,
    Category,
    Status,
    closing,
    name_in_capitals,
    names_look_swapped,
    rank_mismatch,
)
from conference.accreditation.models import AccreditationIn
from conference.conferences.models import (
    DelegationIn,
    Host,
    OrganisationType,
)
from conference.programme.domain import (
    Member,
    delegation_order_key,
    heads_of_delegation,
    is_host,
    person,
)
from conference.protocol.countries import country_aliases, country_name
from conference.protocol.precedence import ProtocolConfig, precedence_key
from conference.protocol.ranks import Rank
from conference.protocol.titles import rank_forms, rank_label

COLUMNS: tuple[str, ...] = ("email", "given_name", "family_name", "category", "rank",
                            "function", "function_fr", "function_en", "language", "salutation",
                            "delegation", "in_office_since")
"""The importable columns, in the order an export writes them."""

REQUIRED: tuple[str, ...] = ("email", "given_name", "family_name", "category")

_ALIASES: dict[str, tuple[str, ...]] = {
    "email": ("email", "e-mail", "e mail", "mail", "email address", "courriel",
              "adresse électronique", "adresse e-mail", "adresse courriel"),
    "given_name": ("given name", "first name", "forename", "prénom", "prénoms", "prénom(s)",
                   "given name(s)"),
    "family_name": ("family name", "last name", "surname", "nom", "nom de famille"),
    "category": ("category", "catégorie"),
    "rank": ("rank", "rang", "rang protocolaire", "protocol rank"),
    "function": ("function", "position", "job title", "fonction", "titre", "poste",
                 "fonction, intitulé officiel", "fonction (intitulé officiel)",
                 "intitulé officiel", "function, official title", "function (official title)",
                 "official title"),
    # the function in each language (docs/protocol.md, "A function in each language"), as the
    # member form labels them
    "function_fr": ("function in french", "function (french)", "function fr", "french function",
                    "fonction en français", "fonction (français)", "fonction fr",
                    "fonction française"),
    "function_en": ("function in english", "function (english)", "function en",
                    "english function", "fonction en anglais", "fonction (anglais)",
                    "fonction en", "fonction anglaise"),
    "language": ("language", "langue", "langue de correspondance",
                 "language for correspondence", "language of correspondence"),
    "salutation": ("salutation", "civilité", "titre de civilité", "forme d'adresse",
                   "form of address"),
    "delegation": ("delegation", "délégation", "country", "organisation", "organization",
                   "pays"),
    "in_office_since": ("in office since", "taking office", "en fonction depuis",
                        "date de prise de fonction", "prise de fonction"),
}
"""Each column's headers as people write them (compared by ``header_key``: case, accents and
punctuation aside); written with their accents, as a suggestion shows them. The member form's
own labels among them, in both languages ("Rang protocolaire", "Language for
correspondence"): a focal point who copies them into a spreadsheet saw those columns ignored
(docs/lifecycle.md, "Import"). A label reworded keeps its old spelling here ("Fonction
(intitulé officiel)", now « Fonction, intitulé officiel »): spreadsheets headed with it stay
read."""


def header_key(name: str) -> str:
    """A header as compared: lower case, no accents, words separated by one space."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[_\W]+", " ", text).split())


_BY_HEADER: dict[str, str] = {header_key(alias): column
                              for column, aliases in _ALIASES.items() for alias in aliases}
_BY_HEADER.update({header_key(c): c for c in COLUMNS})


Params = Mapping[str, str | int]


@dataclass(frozen=True)
class FieldError:
    """A field's error: the English ``message`` (the API's words), and the ``code`` and
    ``params`` a page words it from in its own language (docs/lifecycle.md, "Error codes")."""

    field: str
    message: str
    code: str
    params: Params = dataclasses.field(default_factory=dict, hash=False)
    """Left out of the hash (a dict): an error still hashes, as before its params."""


@dataclass(frozen=True)
class UnknownColumn:
    """A header the import does not read (its column is ignored), with the header it is
    close to, if any: ``fonctoin`` → ``fonction`` (column ``function``)."""

    header: str
    position: int
    """The column's place in the header row, from 1."""
    suggestion: str | None = None
    column: str | None = None
    """The importable column ``suggestion`` names."""

    @property
    def message(self) -> str:
        said = f"unrecognised column {self.header!r} (ignored)"
        return f"{said}; did you mean {self.suggestion!r}?" if self.suggestion else said


class MappingError(Exception):
    """The header row cannot be read into the importable columns."""

    def __init__(self, errors: list[FieldError],
                 unknown: Sequence[UnknownColumn] = ()) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors
        self.unknown = list(unknown)


_SUGGESTIONS: dict[str, tuple[str, str]] = {
    header_key(alias): (alias, column)
    for column, aliases in _ALIASES.items() for alias in (*aliases, column.replace("_", " "))}
"""A header as compared → the header as written and its column, for suggestions."""


def unknown_columns(headers: Sequence[str], explicit: Mapping[str, str] | None = None
                    ) -> list[UnknownColumn]:
    """The headers the import ignores (an empty header cell aside), each with the known header
    it is close to (``difflib``), if any: a misspelt ``fonctoin`` is named, not silently
    dropped."""
    explicit_keys = {header_key(k) for k in (explicit or {})}
    found = []
    for index, header in enumerate(headers):
        key = header_key(header)
        if not key or key in explicit_keys or key in _BY_HEADER:
            continue
        close = difflib.get_close_matches(key, list(_SUGGESTIONS), n=1, cutoff=0.75)
        alias, column = _SUGGESTIONS[close[0]] if close else (None, None)
        found.append(UnknownColumn(" ".join(header.split())[:100], index + 1, alias, column))
    return found


def _explicit_keys(explicit: Mapping[str, str] | None) -> dict[str, str]:
    """The explicit mapping by header as compared; a mapping naming a column that is not one
    is refused."""
    explicit_keys = {header_key(k): v for k, v in (explicit or {}).items()}
    wrong = sorted(v for v in explicit_keys.values() if v not in COLUMNS)
    if wrong:
        raise MappingError([FieldError("mapping", f"unknown column {w!r}; columns: "
                                       + ", ".join(COLUMNS), "unknown-column", {"column": w})
                            for w in wrong])
    return explicit_keys


HEADER_ROWS = 10
"""The rows the header row is looked for in (docs/lifecycle.md, "Import"): a spreadsheet often
has a title above it (« CONFÉRENCE MINISTÉRIELLE… », merged across the columns)."""

NO_HEADER = (f"no header row in rows 1 to {HEADER_ROWS}: the columns "
             + ", ".join(REQUIRED) + " (in French: courriel, prénom, nom, catégorie) must be "
             "named in a header row, above the members")
"""The file's error when none of its first rows names a column the import reads."""


def header_row(rows: Sequence[Sequence[str]], explicit: Mapping[str, str] | None = None
               ) -> int | None:
    """The index, among a file's first rows (``HEADER_ROWS``), of its header row: the first
    that names every required column; else the one naming the most of them (then of the other
    columns), whose missing columns ``map_headers`` says; None when none names any column.
    A title above the header was read as the header: the whole file refused, its title an
    unrecognised column (tried by a conference secretariat)."""
    explicit_keys = _explicit_keys(explicit)
    best, best_named = None, (0, 0)
    for index, headers in enumerate(rows):
        named = {explicit_keys.get(k) or _BY_HEADER.get(k) for k in map(header_key, headers)
                 if k} - {None}
        required = len(named & set(REQUIRED))
        if required == len(REQUIRED):
            return index
        if (required, len(named)) > best_named:
            best, best_named = index, (required, len(named))
    return best


def map_headers(headers: Sequence[str], explicit: Mapping[str, str] | None = None
                ) -> dict[int, str]:
    """Column index → importable column, by header name (English or French) or by the explicit
    mapping (header as written → column); unknown headers are ignored (``unknown_columns``
    names them), a column named twice or a required column missing is refused."""
    explicit_keys = _explicit_keys(explicit)
    mapped: dict[int, str] = {}
    seen: dict[str, str] = {}
    errors: list[FieldError] = []
    for index, header in enumerate(headers):
        key = header_key(header)
        column = explicit_keys.get(key) or _BY_HEADER.get(key)
        if column is None:
            continue
        if column in seen:
            errors.append(FieldError(column, f"named twice: {seen[column]!r} and {header!r}",
                                     "named-twice", {"first": seen[column], "second": header}))
            continue
        seen[column] = header
        mapped[index] = column
    errors += [FieldError(c, "no column for it in the header row", "missing-column")
               for c in REQUIRED if c not in seen]
    if errors:
        raise MappingError(errors, unknown_columns(headers, explicit))
    return mapped


# --- values -----------------------------------------------------------------------------------

RANK_LABELS: dict[str, dict[Rank, str]] = {
    language: {r: rank_label(r, language, None) for r in Rank} for language in ("en", "fr")}
"""The ranks as a list of choices names them (the member form's select), in the order of
precedence: in French the double form of a gendered title (« Expert ou experte »); a named
person's rank is in their gender (``protocol.titles.rank_label``, docs/protocol.md)."""

CATEGORY_LABELS: dict[str, dict[Category, str]] = {
    "en": {Category.minister: "Minister", Category.official: "Official",
           Category.expert: "Expert", Category.staff: "Staff"},
    "fr": {Category.minister: "Ministre", Category.official: "Fonctionnaire",
           Category.expert: "Expert", Category.staff: "Personnel"},
}
FEMININE_CATEGORY_LABELS: dict[str, dict[Category, str]] = {"fr": {Category.expert: "Experte"}}
"""A category's word for a woman where it has its own (« Experte »), as the pages say it; the
import reads it back as the same category."""
SALUTATION_LABELS: dict[str, dict[str, str]] = {
    "en": {"female": "Ms", "male": "Mr"}, "fr": {"female": "Madame", "male": "Monsieur"}}
LANGUAGE_LABELS: dict[str, dict[str, str]] = {
    "en": {"fr": "French", "en": "English"}, "fr": {"fr": "Français", "en": "Anglais"}}

_LABELLED: dict[str, Mapping[str, Mapping[Any, str]]] = {
    "rank": RANK_LABELS, "category": CATEGORY_LABELS, "salutation": SALUTATION_LABELS,
    "language": LANGUAGE_LABELS}


def labels(column: str, language: str) -> list[str]:
    """The labels a column (rank, category, salutation, language) accepts, as the pages write
    them in ``language`` (fr or en)."""
    return list(_LABELLED[column][language if language in ("fr", "en") else "en"].values())


class LabelError(FieldError):
    """A cell that is none of the values its column accepts (the labels of ``labels``)."""


def _label_error(column: str) -> LabelError:
    # A language the conference does not write in ("Néerlandais") is told why, not only which
    # values are accepted (tryout): correspondence is in the conference's two languages.
    said = "correspondence is in French or English only; " if column == "language" else \
        "unknown value; "
    return LabelError(column, said + "give one of: " + ", ".join(labels(column, "en"))
                      + " (or in French: " + ", ".join(labels(column, "fr")) + ")",
                      "not-a-label")


def _by_label(table: Mapping[str, Mapping[Any, str]]) -> dict[str, Any]:
    """Each label, compared as a header is (any case, no accents), and each part of a label
    that names two titles ("Ambassadeur / représentant permanent") → its value."""
    found: dict[str, Any] = {}
    for by_value in table.values():
        for value, label in by_value.items():
            for text in (label, *label.split("/")):
                found.setdefault(header_key(text), value)
    return found


_CATEGORIES = {
    "minister": Category.minister, "ministre": Category.minister,
    "head of delegation": Category.minister, "chef de delegation": Category.minister,
    "cheffe de delegation": Category.minister,
    "official": Category.official, "fonctionnaire": Category.official,
    "officiel": Category.official, "expert": Category.expert, "experte": Category.expert,
    "staff": Category.staff, "personnel": Category.staff, "organisation": Category.staff,
}
_CATEGORIES.update({k: Category(v) for k, v in _by_label(CATEGORY_LABELS).items()
                    if k not in _CATEGORIES})
_RANKS: dict[str, Rank] = {header_key(r.value): r for r in Rank}
for _language in ("en", "fr"):
    # every form a page or an export may write, in each gender and the double form
    # (« Ambassadrice / représentante permanente », « Expert ou experte »), and each title of
    # a form that names two (« représentante permanente »): read back as the same rank
    for _form, _rank in rank_forms(_language):
        for _text in (_form, *_form.split("/")):
            _RANKS.setdefault(header_key(_text), _rank)
_LANGUAGES = {"en": "en", "english": "en", "anglais": "en", "fr": "fr", "french": "fr",
              "francais": "fr"}
_SALUTATIONS = {"ms": "female", "mrs": "female", "miss": "female", "mme": "female",
                "madame": "female", "mlle": "female", "female": "female", "f": "female",
                "mr": "male", "m": "male", "monsieur": "male", "male": "male"}
SALUTATION_OUT = {"female": "Ms", "male": "Mr"}
"""How an export writes the salutation back (read again as the same value)."""


def export_words(category: str, rank: str | None, language_code: str, gender: str | None,
                 language: str | None) -> tuple[str, str, str, str]:
    """The category, rank, correspondence language and salutation cells of an exported member:
    the codes for a program (``language`` None: the API's file), else the words the member
    form shows in ``language``, which the import reads back as the same values: the category
    and the rank in the member's gender (« Experte », « Ambassadrice / représentante
    permanente »). A French download
    wrote « official;senior_official;…;Mr » under French headers (docs/lifecycle.md, "CSV
    files")."""
    if language not in ("fr", "en"):
        return (category, rank or "", language_code, SALUTATION_OUT.get(gender or "", ""))
    feminine = FEMININE_CATEGORY_LABELS.get(language, {}) if gender == "female" else {}
    return (feminine.get(Category(category))
            or CATEGORY_LABELS[language].get(Category(category), category),
            rank_label(rank, language, gender) if rank else "",
            LANGUAGE_LABELS[language].get(language_code, language_code),
            SALUTATION_LABELS[language].get(gender or "", ""))


@dataclass(frozen=True)
class MemberRow:
    """One row read: the values an accreditation holds, the delegation as written."""

    email: str
    given_name: str
    family_name: str
    category: Category
    rank: Rank | None
    function: str | None
    language: str
    gender: str | None
    delegation: str | None
    in_office_since: date | None
    function_fr: str | None = None
    function_en: str | None = None
    absent: frozenset[str] = frozenset()
    """The fields whose column the file does not have (or the row stops short of): a person
    already accredited keeps theirs (``plan_row``), rather than losing them."""


OPTIONAL_FIELDS: dict[str, str] = {"rank": "rank", "function": "function",
                                   "function_fr": "function_fr", "function_en": "function_en",
                                   "language": "language", "salutation": "gender",
                                   "in_office_since": "in_office_since"}
"""The optional columns and the field each one fills."""


@dataclass
class ReadRow:
    row: int
    """The row's number as the spreadsheet shows it (rows above the header counted)."""
    member: MemberRow | None
    errors: list[FieldError] = field(default_factory=list)


def _clean(value: str | None) -> str:
    text = (value or "").strip()
    # An exported cell a spreadsheet would read as a formula was written with a leading quote.
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@":
        text = text[1:]
    return text


DATE_FORMS = ("YYYY-MM-DD", "DD/MM/YYYY", "DD.MM.YYYY")
"""The forms of a date the import reads (the pages write them in their language)."""
_DATE_SHAPES = (re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ].*)?"),
                re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"),
                re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})"))


def _date(text: str) -> date:
    """A cell in one of ``DATE_FORMS`` (a timestamp's time ignored) as a date; a ``DateError``
    when it is in no such form, or names a day no calendar has (31/02/2023: the file's other
    dates being read, "a date, YYYY-MM-DD" contradicted them; tryout)."""
    for shape in _DATE_SHAPES:
        found = shape.fullmatch(text)
        if found is None:
            continue
        day, month, year = (int(found.group(k)) for k in ("d", "m", "y"))
        try:
            return date(year, month, day)
        except ValueError:
            raise DateError(day, month if 1 <= month <= 12 else None) from None
    raise DateError()


_MONTHS = get_month_names("wide", locale="en_GB")


class DateError(ValueError):
    """A date cell that is not a date: in none of the forms read (``month`` None), or a day
    the calendar does not have (``day`` of ``month``: 31 February; ``month`` None when there
    is no such month)."""

    def __init__(self, day: int | None = None, month: int | None = None) -> None:
        super().__init__(day, month)
        self.day = day
        self.month = month

    def field_error(self, column: str) -> FieldError:
        if self.day is None:
            return FieldError(column, "a date: " + ", ".join(DATE_FORMS[:-1]) + " or "
                              + DATE_FORMS[-1], "date")
        if self.month is None:
            return FieldError(column, "not a real date (no such month)", "no-such-date")
        return FieldError(column, f"not a real date ({self.day} {_MONTHS[self.month]})",
                          "no-such-date", {"day": self.day, "month": self.month})


def category_of(text: str) -> Category | None:
    """A category as a file writes it ("Ministre", "minister", "Expert"), or None."""
    return _CATEGORIES.get(header_key(text)) if text else None


def gender_of(salutation: str) -> str | None:
    """The gender a file's salutation cell says ("Mme", "Mr", "Monsieur"), or None (empty, or
    not one the import accepts)."""
    return _SALUTATIONS.get(header_key(salutation).replace(" ", "")) if salutation else None


_TYPED = frozenset({"email", "given_name", "family_name", "function", "function_fr",
                    "function_en"})
"""The columns of free text, checked by the accreditation's own rules whatever else is wrong."""


def _checked_code(name: str, error: Mapping[str, Any]) -> tuple[str, Params]:
    """The code of an error the accreditation's own rules gave (pydantic's), and its params."""
    kind = str(error.get("type", ""))
    if kind in ("missing", "string_too_short"):
        return "required", {}
    if kind == "string_too_long":
        return "too-long", {"max": int(error.get("ctx", {}).get("max_length", 0))}
    if name == "email":
        return "email", {}
    return "invalid", {"type": kind}


UNSAVED_FORMULA = ("the cell holds a formula with no saved value: save the file in Excel or "
                   "LibreOffice so that its values are kept, or type the value")
"""The error of a cell that reads as empty but holds a formula whose value the file does not
keep (docs/lifecycle.md, "Import"): it was "required", of a cell its author sees filled."""


def read_row(number: int, cells: Mapping[str, str], default_language: str,
             unsaved: frozenset[str] = frozenset()) -> ReadRow:
    """A row's cells (column → text) read into a member, or the errors naming each field.
    ``unsaved``: the columns whose cell holds a formula saved without its value."""
    values = {c: _clean(cells.get(c)) for c in COLUMNS}
    errors: list[FieldError] = [FieldError(c, UNSAVED_FORMULA, "formula")
                                for c in COLUMNS if c in unsaved and not values[c]]
    for c in REQUIRED:
        if not values[c] and c not in unsaved:
            errors.append(FieldError(c, "required", "required"))
    category = None
    if values["category"]:
        category = _CATEGORIES.get(header_key(values["category"]))
        if category is None:
            errors.append(_label_error("category"))
    rank = None
    if values["rank"]:
        rank = _RANKS.get(header_key(values["rank"]))
        if rank is None:
            errors.append(_label_error("rank"))
    if category in (Category.minister, Category.official):
        if not values["rank"] and "rank" not in unsaved:
            errors.append(FieldError("rank", f"required for category {category.value}",
                                     "required-for", {"category": category.value}))
        if not values["function"] and "function" not in unsaved:
            errors.append(FieldError("function", f"required for category {category.value}",
                                     "required-for", {"category": category.value}))
    language = default_language
    if values["language"]:
        found = _LANGUAGES.get(header_key(values["language"]))
        if found is None:
            errors.append(_label_error("language"))
        else:
            language = found
    gender = None
    if values["salutation"]:
        gender = gender_of(values["salutation"])
        if gender is None:
            errors.append(_label_error("salutation"))
    since = None
    if values["in_office_since"]:
        try:
            since = _date(values["in_office_since"])
        except DateError as exc:
            errors.append(exc.field_error("in_office_since"))
    # The accreditation's own rules (e-mail syntax, lengths) on what the row would file. A row
    # already wrong elsewhere (a label, a missing cell) is checked too, with stand-ins for what
    # could not be read, and keeps the errors of its typed text only: every mistake of the row
    # shows at once, not the e-mail's after the label is mended (found trying the product).
    stand_in = category is None or bool(errors)
    filed = Category.expert if stand_in else category
    try:
        checked = AccreditationIn.model_validate({
            "category": filed, "given_name": values["given_name"],
            "family_name": values["family_name"], "email": values["email"],
            "language": language, "gender": gender, "rank": None if stand_in else rank,
            "function": values["function"] or None,
            "function_fr": values["function_fr"] or None,
            "function_en": values["function_en"] or None,
            "in_office_since": None if stand_in else since,
            "delegation_id": UUID(int=0) if filed in (Category.minister,
                                                      Category.official) else None,
        })
    except ValidationError as exc:
        named = {e.field for e in errors}
        for e in exc.errors():
            name = str(e["loc"][0]) if e["loc"] else "row"
            if stand_in and (name in named or name not in _TYPED):
                continue
            errors.append(FieldError(name, e["msg"], *_checked_code(name, e)))
        return ReadRow(number, None, errors)
    if stand_in or category is None:
        return ReadRow(number, None, errors)
    return ReadRow(number, MemberRow(
        email=checked.email, given_name=checked.given_name, family_name=checked.family_name,
        category=category, rank=checked.rank, function=checked.function, language=language,
        gender=gender, delegation=values["delegation"] or None, in_office_since=since,
        function_fr=checked.function_fr, function_en=checked.function_en,
        absent=frozenset(f for c, f in OPTIONAL_FIELDS.items() if c not in cells),
    ))


# --- delegations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DelegationRef:
    id: UUID
    country: str | None
    organisation: str | None

    @property
    def label(self) -> str:
        """How the import and export name the delegation: ISO code or organisation name."""
        return self.country or self.organisation or ""


def delegation_index(delegations: Iterable[DelegationRef]) -> dict[str, DelegationRef]:
    """Delegations by what a row may write: the ISO code, the country's name in French or
    English as the pages and lists name it (« Belgique », "Belgium"; case and accents aside:
    « Royaume-Uni », "royaume uni"), or the organisation's name. The console's import refused
    « Belgique », the very name its own delegation list showed (tryout, 4 December 2026). Then,
    where no delegation's name already says it, the country's other names people type
    (``country_aliases``: « République tchèque », "Czech Republic", "Palestine", "Turkey",
    "Ivory Coast"; docs/protocol.md, "Country names"), refused until a secretariat's tryout."""
    delegations = list(delegations)
    index: dict[str, DelegationRef] = {}
    for d in delegations:
        if d.country:
            for language in ("en", "fr"):
                index.setdefault(header_key(country_name(d.country, language)), d)
        if d.organisation:
            index[header_key(d.organisation)] = d
    for d in delegations:
        if d.country:
            for name in country_aliases(d.country):
                index.setdefault(header_key(name), d)
    for d in delegations:  # a code is never taken for a name
        if d.country:
            index[d.country.lower()] = d
    return index


def find_delegation(index: Mapping[str, DelegationRef], written: str) -> DelegationRef | None:
    return index.get(written.strip().lower()) or index.get(header_key(written))


# --- what a row changes -----------------------------------------------------------------------

LIVE = (Status.submitted, Status.waitlisted, Status.approved)
"""The accreditations that hold a place."""

Outcome = Literal["create", "update", "unchanged", "error"]


@dataclass(frozen=True)
class Existing:
    """A person's current accreditation in the conference, as the import compares it."""

    id: UUID
    email: str
    given_name: str
    family_name: str
    category: Category
    status: Status
    rank: Rank | None
    function: str | None
    language: str
    gender: str | None
    delegation_id: UUID | None
    in_office_since: date | None
    function_fr: str | None = None
    function_en: str | None = None


@dataclass(frozen=True)
class Planned:
    row: int
    outcome: Outcome
    member: MemberRow | None
    delegation_id: UUID | None
    existing: Existing | None
    changed: tuple[str, ...] = ()
    errors: tuple[FieldError, ...] = ()


COMPARED = ("given_name", "family_name", "category", "rank", "function", "function_fr",
            "function_en", "language", "gender", "in_office_since")


def plan_row(read: ReadRow, delegation_id: UUID | None, existing: Existing | None,
             errors: Sequence[FieldError] = (), *, decided_fixed: bool = False) -> Planned:
    """What applying the row would do to the person's accreditation (matched by e-mail).
    ``decided_fixed`` (a focal point's import): a member no longer waiting for the decision is
    not changed, as the portal's edit form refuses it (a substitution replaces them): the
    row is an error when it would change them."""
    all_errors = tuple([*read.errors, *errors])
    if all_errors or read.member is None:
        return Planned(read.row, "error", read.member, delegation_id, existing,
                       errors=all_errors)
    m = read.member
    if existing is None:
        return Planned(read.row, "create", m, delegation_id, None)
    if m.absent:  # a column the file does not have changes nothing
        m = replace(m, **{f: getattr(existing, f) for f in m.absent}, absent=frozenset())
    if existing.category is Category.press:
        return Planned(read.row, "error", m, delegation_id, existing, errors=(
            FieldError("email", "this person is accredited as press", "press"),))
    if existing.status not in LIVE:
        return Planned(read.row, "error", m, delegation_id, existing, errors=(
            FieldError("email", f"this person's accreditation is {existing.status.value}",
                       "status", {"status": existing.status.value}),))
    changed = [name for name in COMPARED if getattr(m, name) != getattr(existing, name)]
    if delegation_id != existing.delegation_id:
        changed.append("delegation")
    if changed and decided_fixed and existing.status is not Status.submitted:
        return Planned(read.row, "error", m, delegation_id, existing, changed=tuple(changed),
                       errors=(FieldError("email", f"this person's accreditation is "
                                                   f"{existing.status.value}: a substitution "
                                                   f"replaces them", "decided",
                                       {"status": existing.status.value}),))
    return Planned(read.row, "update" if changed else "unchanged", m, delegation_id, existing,
                   changed=tuple(changed))


# --- warnings (docs/lifecycle.md, "Import") ----------------------------------------------------

@dataclass(frozen=True)
class RowWarning:
    """What a row may have got wrong without it being an error: it never stops the import.
    ``code``: ``rank-category`` (a rank that does not fit the category, docs/protocol.md, "Rank
    and category"; ``field`` the one to check, ``category`` or ``rank``), ``names-swapped``
    (the given name in capitals: given and family name swapped?) or ``names-in-capitals``
    (the family name, or both names, written entirely in capitals: ``field`` the given name
    when it is, else the family name). ``params`` name the person
    as the row gives them (``given_name``, ``family_name``) and, for ``rank-category``, the
    ``rank`` and the ``category``."""

    field: str
    message: str
    code: Literal["rank-category", "names-swapped", "names-in-capitals"]
    params: Params = dataclasses.field(default_factory=dict, hash=False)


def capitals_message(field: str) -> str:
    """The ``names-in-capitals`` warning in English."""
    return (f"{field} is written entirely in capitals, and letters and lists print names as"
            " typed (\"Dear Ms ĆOSIĆ\"): please write it as the name is spelt, capitals at the"
            " start only (\"Ćosić\"); the member is imported as given")


def row_warnings(p: Planned) -> list[RowWarning]:
    """The warnings of a planned row, on the person as the row would file them (an absent
    column: the person's value kept); none for a row that could not be read. Names first, then
    rank and category, as the API's filing says them."""
    m = p.member
    if m is None:
        return []
    who: dict[str, str | int] = {"given_name": m.given_name, "family_name": m.family_name}
    found = []
    if names_look_swapped(m.given_name, m.family_name):
        found.append(RowWarning("given_name", NAMES_SWAPPED, "names-swapped", who))
    elif (field := name_in_capitals(m.given_name, m.family_name)) is not None:
        found.append(RowWarning(field, capitals_message(field), "names-in-capitals", who))
    mismatch = rank_mismatch(m.category, m.rank)
    if mismatch is not None:
        found.append(RowWarning(mismatch.check, mismatch.message, "rank-category", {
            **who, "rank": mismatch.rank.value, "category": mismatch.category.value}))
    return found


# --- places (docs/lifecycle.md, "Quotas during an import") -------------------------------------

@dataclass(frozen=True)
class QuotaError(FieldError):
    """A row that would take a place beyond its delegation's quota in its category."""

    category: str = ""
    used: int = 0
    allowed: int = 0


def _place(delegation_id: UUID | None, category: Category | None) -> tuple[UUID, str] | None:
    if delegation_id is None or category not in QUOTA_CATEGORIES:
        return None
    assert category is not None
    return delegation_id, category.value


def check_places(plans: Sequence[Planned], used: Mapping[tuple[UUID, str], int],
                 allowed: Mapping[tuple[UUID, str], int | None]) -> list[Planned]:
    """The plans with each row that would take a place beyond the quota turned into an error
    naming the category, the places used (those of the database and of the file's earlier
    rows) and allowed. A row takes a place when it creates a member, or moves one to another
    delegation or category (which frees the old place first); rows in error take none."""
    taken = dict(used)
    for p in plans:
        if p.outcome == "update" and p.existing is not None and p.member is not None:
            old = _place(p.existing.delegation_id, p.existing.category)
            if old is not None and old != _place(p.delegation_id, p.member.category):
                taken[old] = taken.get(old, 0) - 1
    checked: list[Planned] = []
    for p in plans:
        new = _place(p.delegation_id, p.member.category) if p.member else None
        moves = p.outcome == "create" or (
            p.outcome == "update" and p.existing is not None
            and _place(p.existing.delegation_id, p.existing.category) != new)
        if new is None or not moves:
            checked.append(p)
            continue
        now_used, cap = taken.get(new, 0), allowed.get(new)
        if cap is not None and now_used >= cap:
            # how many of the places the file's earlier rows take: said only when some do
            in_file = max(0, now_used - used.get(new, 0))
            error = QuotaError("category", f"quota-exceeded: {now_used} of {cap} places for "
                                           f"{new[1]} taken", "quota-exceeded",
                               {"category": new[1], "used": now_used, "allowed": cap,
                                "in_file": in_file},
                               category=new[1], used=now_used, allowed=cap)
            checked.append(Planned(p.row, "error", p.member, p.delegation_id, p.existing,
                                   errors=(error,)))
            continue
        taken[new] = now_used + 1
        checked.append(p)
    return checked


# --- deadlines --------------------------------------------------------------------------------


def check_deadlines(nominations_close_at: datetime | None, changes_close_at: datetime | None
                    ) -> list[FieldError]:
    """Substitutions close with or after nominations: a focal point may still replace a member
    once the list is closed, never add one after substitutions closed."""
    if nominations_close_at is not None and changes_close_at is not None \
            and changes_close_at < nominations_close_at:
        return [FieldError("changes_close_at", "not before nominations_close_at",
                           "not-before")]
    return []


@dataclass(frozen=True)
class DeadlineWarning:
    """A deadline the console accepts but protocol should look at again: ``field`` (the
    conference's field: ``nominations_close_at``, ``changes_close_at``,
    ``security_list_deadline``, ``press_registration.closes_at``), ``code`` (why:
    ``after_conference``, ``before_nominations``, ``after_changes``), ``at`` the field's
    moment and ``other`` the moment it is compared with (the conference's end, nominations'
    close, changes' close)."""

    field: str
    code: str
    at: datetime
    other: datetime
    other_open: bool = False
    """``other`` is a deadline left open, which closes with the conference."""


def deadline_warnings(*, nominations_close_at: datetime | None,
                      changes_close_at: datetime | None,
                      security_list_deadline: datetime | None,
                      press_closes_at: datetime | None, ends_on: date, timezone: str,
                      now: datetime | None = None) -> list[DeadlineWarning]:
    """What the deadlines form warns about, without refusing it (protocol may have reasons;
    docs/lifecycle.md, "Quotas and deadlines"): a deadline after the conference's end (the end
    of its last day in its time zone, where a deadline left open closes); the security list
    freezing before nominations close (a member filed later cannot join a royal-presence
    session); nominations closing after changes and substitutions (possible for a conference
    created so: the form and the API refuse it since ``check_deadlines``); with ``now``, a
    nominations or changes deadline already past (every focal point locked out at once, saved
    without a word until 5 December 2026)."""
    end = closing(None, ends_on, timezone)
    past = [DeadlineWarning(name, "passed", at, now) for name, at in (
        ("nominations_close_at", nominations_close_at), ("changes_close_at", changes_close_at))
        if now is not None and at is not None and at <= now]
    warnings = [DeadlineWarning(name, "after_conference", at, end) for name, at in (
        ("nominations_close_at", nominations_close_at), ("changes_close_at", changes_close_at),
        ("press_registration.closes_at", press_closes_at)) if at is not None and at > end]
    if nominations_close_at is not None and changes_close_at is not None \
            and nominations_close_at > changes_close_at:
        warnings.append(DeadlineWarning("nominations_close_at", "after_changes",
                                        nominations_close_at, changes_close_at))
    nominations = closing(nominations_close_at, ends_on, timezone)
    if security_list_deadline is not None and security_list_deadline < nominations:
        warnings.append(DeadlineWarning("security_list_deadline", "before_nominations",
                                        security_list_deadline, nominations,
                                        other_open=nominations_close_at is None))
    return past + warnings


# --- the list of participants -----------------------------------------------------------------


@dataclass(frozen=True)
class ListedDelegation:
    delegation_id: UUID
    head: Member | None
    members: list[Member]
    """Head first, then the others in order of precedence (rank first)."""


def participants_in_order(
    members: Iterable[Member], delegations: Iterable[DelegationRef], config: ProtocolConfig,
    hosts: Sequence[Host],
) -> list[ListedDelegation]:
    """Delegations in the order of their states, then of their organisations (the order of
    precedence's delegation key: the tie-break, PROTOCOL.md §3–4), whoever is listed for them:
    a delegation whose head is left out (clearance refused) keeps its place (docs/lifecycle.md,
    "List of participants"). In each, its head first, then its members by precedence. A member
    who is one of the hosts is listed among the hosts, not a second time in the delegation."""
    members = list(members)
    heads = {h.delegation_id: h for h in heads_of_delegation(members, config, hosts)}
    by_delegation: dict[UUID, list[Member]] = {}
    for m in members:
        if m.delegation_id is not None and not is_host(m.given_name, m.family_name, hosts):
            by_delegation.setdefault(m.delegation_id, []).append(m)
    refs = {d.id: d for d in delegations}

    def ordered(of: list[Member], head: Member | None) -> list[Member]:
        rest = sorted((m for m in of if m is not head),
                      key=lambda m: precedence_key(person(m, hosts), config))
        return ([head] if head else []) + rest

    listed = sorted((refs[d] for d in by_delegation if d in refs),
                    key=lambda d: (delegation_order_key(d.country, d.organisation, config),
                                   str(d.id)))
    return [ListedDelegation(d.id, heads.get(d.id), ordered(by_delegation[d.id], heads.get(d.id)))
            for d in listed]


def heads_by_salutation(heads: Iterable[Member], hosts: Sequence[Host]) -> dict[str, int]:
    """Heads of delegation as gender-balance reporting counts them: by the salutation
    registered (mrs, mr), else by the gender when it is known; `neutral` with no gender is not
    stated (docs/lifecycle.md, "Statistics")."""
    counts = {"women": 0, "men": 0, "not_stated": 0}
    for h in heads:
        if is_host(h.given_name, h.family_name, hosts):
            continue
        key = ({"mrs": "women", "mr": "men"}.get(h.salutation or "")
               or {"female": "women", "male": "men"}.get(h.gender or "", "not_stated"))
        counts[key] += 1
    return counts


# --- delegations from a spreadsheet (docs/lifecycle.md, "Importing delegations") -------------

DELEGATION_COLUMNS: tuple[str, ...] = (
    "country", "organisation", "organisation_type", "focal_point_name", "focal_point_email",
    "focal_point_language", "places_minister", "places_official", "places_expert",
    "places_staff")
"""The columns a delegation import reads, in the order its template (the export) writes
them: what ``POST …/delegations`` takes, and the delegation's own places by category."""

PLACES_COLUMNS = {"places_minister": "minister", "places_official": "official",
                  "places_expert": "expert", "places_staff": "staff"}
"""A places column → the quota category it sets."""

_DELEGATION_ALIASES: dict[str, tuple[str, ...]] = {
    "country": ("country", "country code", "iso code", "pays", "code pays", "code du pays",
                "code iso"),
    "organisation": ("organisation", "organization", "organisation name", "organization name",
                     "organisation's name", "nom de l'organisation", "organisation (nom)"),
    "organisation_type": ("organisation type", "organization type", "kind of organisation",
                          "type", "type d'organisation", "type de l'organisation"),
    "focal_point_name": ("focal point", "focal point name", "focal point's name",
                         "point focal", "nom du point focal"),
    "focal_point_email": ("focal point email", "focal point e-mail",
                          "focal point's email address", "focal point's email", "email",
                          "e-mail", "courriel", "courriel du point focal",
                          "adresse électronique du point focal"),
    "focal_point_language": ("focal point language", "focal point's language", "language",
                             "langue", "langue du point focal"),
    "places_minister": ("places minister", "minister places", "ministers", "places ministre",
                        "places ministres", "ministres"),
    "places_official": ("places official", "official places", "officials",
                        "places fonctionnaire", "places fonctionnaires", "fonctionnaires"),
    "places_expert": ("places expert", "expert places", "experts", "places experts"),
    "places_staff": ("places staff", "staff places", "staff", "places personnel",
                     "personnel"),
}
"""Each column's headers as people write them, in English and French (compared by
``header_key``), the console's own form labels among them."""

_DELEGATION_BY_HEADER: dict[str, str] = {
    **{header_key(alias): column for column, aliases in _DELEGATION_ALIASES.items()
       for alias in aliases},
    **{header_key(c): c for c in DELEGATION_COLUMNS}}

_ORGANISATION_TYPES: dict[str, OrganisationType] = {
    **{header_key(t.value): t for t in OrganisationType},
    **{header_key(word): t for t, words in {
        OrganisationType.international_organisation: (
            "international organisation", "international organization",
            "organisation internationale", "oi", "io"),
        OrganisationType.eu_agency: ("eu agency", "agence de l'ue", "agence de l'union"),
        OrganisationType.ngo: ("ngo", "ong"),
        OrganisationType.academia: ("academia", "monde académique", "université",
                                    "university"),
        OrganisationType.private_sector: ("private sector", "secteur privé"),
    }.items() for word in words}}


class DelegationHeaderError(ValueError):
    """The file has no header row naming a delegation column in its first rows."""


def delegation_headers(rows: Sequence[Sequence[str]]) -> tuple[int, dict[int, str]]:
    """Among a file's first rows (``HEADER_ROWS``), the index of the header row (the first
    naming the country or the organisation column) and its columns by position; a column
    named twice is read from its first place. ``DelegationHeaderError`` when none does."""
    for index, headers in enumerate(rows):
        mapped: dict[int, str] = {}
        for position, header in enumerate(headers):
            column = _DELEGATION_BY_HEADER.get(header_key(header))
            if column is not None and column not in mapped.values():
                mapped[position] = column
        if {"country", "organisation"} & set(mapped.values()):
            return index, mapped
    raise DelegationHeaderError(
        f"no header row in rows 1 to {HEADER_ROWS}: name the columns country (or "
        "organisation), focal_point_name and focal_point_email (in French: pays, point "
        "focal, courriel)")


@dataclass(frozen=True)
class DelegationRow:
    """A row of a delegation import, read: what ``POST …/delegations`` would take, and the
    delegation's own places (None: the file has no places column; the delegation's stay)."""

    row: int
    body: DelegationIn | None
    places: dict[str, int] | None
    errors: tuple[FieldError, ...] = ()

    @property
    def key(self) -> tuple[str, str] | None:
        """What the delegation is known by: its country, or its organisation's name (case
        aside, as the database's unique index compares it)."""
        if self.body is None:
            return None
        if self.body.country is not None:
            return ("country", self.body.country)
        assert self.body.organisation is not None
        return ("organisation", self.body.organisation.name.lower())


_DELEGATION_FIELD = {("country",): "country", ("organisation",): "organisation",
                     ("organisation", "name"): "organisation",
                     ("organisation", "type"): "organisation_type",
                     ("focal_point",): "focal_point_name",
                     ("focal_point", "name"): "focal_point_name",
                     ("focal_point", "email"): "focal_point_email",
                     ("focal_point", "language"): "focal_point_language"}
"""Where the creation's rules name a field (``organisation.type``), the file's column."""


def delegation_column(field_name: str) -> str:
    """The column of a field as the creation's refusals name it (``focal_point.language``)."""
    return _DELEGATION_FIELD.get(tuple(field_name.split(".")), field_name)


def read_delegation_row(number: int, cells: Mapping[str, str],
                        places_given: bool) -> DelegationRow:
    """A row's cells read into a delegation's creation body and its places, or the errors
    naming each column. The body is checked by the creation's own model (``DelegationIn``):
    the country code, the e-mail's syntax, the lengths."""
    values = {c: " ".join(_clean(cells.get(c)).split()) for c in DELEGATION_COLUMNS}
    errors: list[FieldError] = []
    if values["country"] and values["organisation"]:
        errors.append(FieldError("organisation", "a row gives a country or an organisation, "
                                 "not both", "both"))
    elif not values["country"] and not values["organisation"]:
        errors.append(FieldError("country", "required: a country's ISO code, or an "
                                 "organisation's name in the organisation column",
                                 "required"))
    kind = "organisation" if values["organisation"] and not values["country"] else "country"
    organisation_type: str | None = None
    if kind == "organisation":
        if not values["organisation_type"]:
            errors.append(FieldError("organisation_type", "required for an organisation",
                                     "required"))
        else:
            found_type = _ORGANISATION_TYPES.get(header_key(values["organisation_type"]))
            if found_type is None:
                errors.append(LabelError(
                    "organisation_type", "unknown value; give one of: "
                    + ", ".join(t.value for t in OrganisationType), "not-a-label"))
            organisation_type = found_type.value if found_type else "ngo"
    language: str | None = None
    if values["focal_point_language"]:
        language = _LANGUAGES.get(header_key(values["focal_point_language"]))
        if language is None:
            errors.append(LabelError("focal_point_language",
                                     "give one of: fr, en (français, anglais)",
                                     "not-a-label"))
    places: dict[str, int] | None = {} if places_given else None
    for column, category in PLACES_COLUMNS.items():
        text = values[column]
        if not text or places is None:
            continue
        if text.isascii() and text.isdigit() and int(text) <= 10_000:
            places[category] = int(text)
        else:
            errors.append(FieldError(column, "a whole number of places from 0 to 10000 (empty: "
                                     "the conference's default)", "places"))
    body: dict[str, Any] = {
        "kind": kind,
        "focal_point": {"name": values["focal_point_name"],
                        "email": values["focal_point_email"], "language": language}}
    if kind == "country":
        body["country"] = values["country"] or "--"
    else:
        body["organisation"] = {"name": values["organisation"],
                                "type": organisation_type or "ngo"}
    named = {e.field for e in errors}
    try:
        checked = DelegationIn.model_validate(body)
    except ValidationError as exc:
        for e in exc.errors():
            column = _DELEGATION_FIELD.get(tuple(str(part) for part in e["loc"]), "country")
            if column in named:
                continue
            named.add(column)
            errors.append(FieldError(column, e["msg"], *_checked_delegation_code(column, e)))
        return DelegationRow(number, None, None, tuple(errors))
    if errors:
        return DelegationRow(number, None, None, tuple(errors))
    return DelegationRow(number, checked, places)


def _checked_delegation_code(column: str, error: Mapping[str, Any]) -> tuple[str, Params]:
    return _checked_code("email" if column == "focal_point_email" else column, error)


def twice_in_file(rows: Sequence[DelegationRow]) -> list[DelegationRow]:
    """The rows with a row of the same delegation (country, or organisation's name) above
    them made errors naming that row: a delegation is given once."""
    first: dict[tuple[str, str], int] = {}
    checked = []
    for r in rows:
        key = r.key
        if key is None:
            checked.append(r)
        elif key in first:
            column = "country" if key[0] == "country" else "organisation"
            checked.append(DelegationRow(r.row, None, None, (FieldError(
                column, f"also on row {first[key]}", "twice", {"row": first[key]}),)))
        else:
            first[key] = r.row
            checked.append(r)
    return checked


@dataclass(frozen=True)
class KnownDelegation:
    """A delegation of the conference as the import compares a row with it."""

    id: UUID
    organisation_type: str | None
    focal_points: frozenset[str]
    """Its focal points' addresses, in lower case."""
    places: dict[str, int]
    """Its own places by category (the others: the conference's)."""


def delegation_changes(r: DelegationRow, known: KnownDelegation
                       ) -> tuple[tuple[str, ...], tuple[FieldError, ...]]:
    """What a row changes of a delegation that exists: ``places`` (its own places, when the
    file has places columns and they differ), ``focal_point`` (an address that is not one of
    its focal points: added as another); an organisation's type, which only its creation
    sets, is an error when it differs. Nothing: unchanged."""
    assert r.body is not None
    if r.body.organisation is not None \
            and r.body.organisation.type.value != known.organisation_type:
        return (), (FieldError("organisation_type", "differs from the delegation's "
                               f"({known.organisation_type}); an import does not change it",
                               "fixed", {"type": known.organisation_type or ""}),)
    changed = []
    if r.places is not None and r.places != known.places:
        changed.append("places")
    if r.body.focal_point.email.lower() not in known.focal_points:
        changed.append("focal_point")
    return tuple(changed), ()
