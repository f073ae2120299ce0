"""The one CSV writer of every download (docs/lifecycle.md, "CSV files").

A file a person downloads from a page is opened by double-clicking it, in a European Excel
most of the time (fr-BE, nl-BE, de-BE, fr-FR): that Excel reads a CSV as the system's code page
unless it starts with a UTF-8 byte-order mark ("Grèce" becomes "GrÃ¨ce"), and splits columns on
the system's list separator, which is ";" in those locales (a comma-separated file lands in one
column). So a download for people is UTF-8 with a BOM, ";"-separated, CRLF line ends, quoted as
RFC 4180 quotes; every other reader (LibreOffice, Numbers, Python's csv with the separator
sniffed, the import of this service) reads it too. An API answer for programs keeps what the
contract documents: RFC 4180 with commas (and no BOM, unless it always had one).

A file for people also names in words what a program reads as a code: `Words` adds, next to a
code column, a column with the code in the file's language (the code stays for whoever sorts
or filters on it). Its header row is wholly in the file's language (`titles`): each column by
its title, a code column followed by its words as "<title> (code)" (« État (code) ;État »);
a file for programs keeps the columns' machine names.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

BOM = "\ufeff"
FOR_PEOPLE = ";"
"""The separator of a download for people: Excel's list separator in the conference's locales."""
FOR_PROGRAMS = ","
"""The separator of an API answer: RFC 4180's."""


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet would read as a formula starts with a quote (OWASP CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


@dataclass(frozen=True)
class Words:
    """The words columns of a file for people: after each code column named in `headers`, a
    column headed `headers[column]` holding `label(column, code)` (empty for an empty code)."""

    headers: Mapping[str, str]
    label: Callable[[str, str], str]


def write(header: Sequence[str], rows: Iterable[Sequence[object]], *,
          delimiter: str = FOR_PEOPLE, bom: bool = True, words: Words | None = None,
          titles: Mapping[str, str] | None = None) -> str:
    """The file's text: a header row, then `rows`; text cells made spreadsheet-safe, numbers
    written as they are. Defaults: a download for people (BOM, ";"). With `titles` (a
    column's title in the file's language) the header row is wholly in that language: a
    column followed by its words is headed "<its words' header> (code)", the others by their
    title (precedence.csv?lang=fr was headed « position;…;status;État;role;Rôle »)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    worded = [i for i, column in enumerate(header) if words and column in words.headers]

    def with_words(cells: list[object], head: bool = False) -> list[object]:
        if words is None:
            return cells
        result: list[object] = []
        for i, cell in enumerate(cells):
            result.append(cell)
            if i in worded:
                column = header[i]
                result.append(words.headers[column] if head
                              else words.label(column, str(cell)) if cell != "" else "")
        return result

    def title(column: str) -> str:
        if titles is None:
            return column
        if words is not None and column in words.headers:
            return f"{words.headers[column]} (code)"
        return titles.get(column, column)

    writer.writerow(with_words([title(column) for column in header], head=True))
    for row in rows:
        writer.writerow(with_words([spreadsheet_safe(v) if isinstance(v, str) else v
                                    for v in row]))
    return (BOM if bom else "") + out.getvalue()


def download_name(kind: str, conference_slug: str, day: date | None, title: str = "", *,
                  limit: int = 40, extension: str = "csv") -> str:
    """A download named so a protocol officer recognises it among their downloads, one pattern
    for all: ``<kind>-<conference>[-<day>][-<title>].csv``: a session's
    (``security-list-alliance-2027-04-15-ministerial-session.csv``), the conference's
    (``precedence-alliance.csv``, ``participants-alliance.pdf``), a delegation's (its name as
    the title: ``accreditations-alliance-belgique.csv``). The title is folded to ASCII letters
    and digits joined by hyphens, cut at a hyphen to ``limit`` characters; a title with
    nothing left (another script) is left out. ASCII only, so ``filename`` needs no
    ``filename*``. Every download of the console and the portal is named by it, and the API's
    files too."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = "-".join(re.findall(r"[a-z0-9]+", folded))
    if len(words) > limit:
        words = words[:limit + 1].rsplit("-", 1)[0] if "-" in words[:limit + 1] \
            else words[:limit]
    safe_slug = "-".join(re.findall(r"[a-z0-9]+", conference_slug.lower()))
    return "-".join(part for part in (kind, safe_slug, day.isoformat() if day else "", words)
                    if part) + f".{extension}"
