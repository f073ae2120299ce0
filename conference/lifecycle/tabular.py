"""Spreadsheets in and out: CSV (the standard library) and XLSX (read by python-calamine,
written by openpyxl; never by hand).

A table is a header row and data rows of text; a cell a spreadsheet would read as a formula is
written with a leading quote (OWASP CSV injection) and read back without it.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, time
from typing import Literal

from conference import csvfile

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv"
Kind = Literal["csv", "xlsx"]


class UnreadableFile(ValueError):
    """The body is not a CSV or XLSX file this service can read; ``code`` says why:
    ``not-a-table`` (neither content type), ``not-csv``, ``not-xlsx``."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def kind_of(content_type: str) -> Kind:
    """The file's kind, from its content type."""
    ctype = content_type.split(";")[0].strip().lower()
    if ctype == XLSX_TYPE:
        return "xlsx"
    if ctype == CSV_TYPE:
        return "csv"
    raise UnreadableFile(f"send {CSV_TYPE} or {XLSX_TYPE}, not {ctype or 'no content type'}",
                         "not-a-table")


def read_table(data: bytes, kind: Kind) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) for each non-blank row: the number a spreadsheet shows (blank rows
    counted), the cells from the sheet's first column."""
    rows = _read_xlsx(data) if kind == "xlsx" else _read_csv(data)
    for number, cells in enumerate(rows, start=1):
        if any(c.strip() for c in cells):
            yield number, cells


def _read_csv(data: bytes) -> Iterator[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    # Spreadsheets in French locales write semicolons.
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as exc:
        raise UnreadableFile(f"not a CSV file: {exc}", "not-csv") from None


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class UnsavedFormula(str):
    """An empty cell that holds a formula saved without its computed value (a file written by
    a program, such as openpyxl, that does not compute; Excel and LibreOffice keep the value):
    not empty to the person who sees the value on their screen (docs/lifecycle.md, "Import")."""


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _formulas(data: bytes) -> set[tuple[int, int]]:
    """Where the first sheet has formulas, (row, column) from 0: read by openpyxl (calamine
    gives a formula's saved value only), and only when a sheet of the file has any."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if not any(_FORMULA.search(archive.read(name)) for name in archive.namelist()
                       if name.startswith("xl/worksheets/") and name.endswith(".xml")):
                return set()
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=False).worksheets[0]
        return {(cell.row - 1, cell.column - 1) for row in sheet.iter_rows() for cell in row
                if getattr(cell, "data_type", None) == "f" and cell.row and cell.column}
    except Exception:  # what calamine read stands: the formulas are only a better reason
        return set()


def _read_xlsx(data: bytes) -> Iterator[list[str]]:
    """The first sheet, read by python-calamine (Rust's calamine); openpyxl writes."""
    from python_calamine import CalamineError, load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data)).get_sheet_by_index(0)
        rows = sheet.iter_rows()
    except (CalamineError, ValueError, OSError) as exc:
        raise UnreadableFile(f"not an XLSX file: {exc}", "not-xlsx") from None
    # calamine gives the rows from the sheet's first (their numbers are those a spreadsheet
    # shows) but leaves out its empty leading columns: put back, a header's position is the
    # column's
    pad = [""] * (sheet.start[1] if sheet.start else 0)
    # A cell merged over several rows holds its value in its first row only; the rows below
    # it mean that value too (docs/lifecycle.md, "Import": « Allemagne » merged over two
    # members' rows made the second "delegation: required"). Down its first column only: a
    # cell merged across columns is one cell shown wide.
    above: dict[tuple[int, int], tuple[int, int]] = {}
    for (top, left), (bottom, _right) in sheet.merged_cell_ranges or []:
        for below in range(top + 1, bottom + 1):
            above[below, left] = (top, left)
    sources = set(above.values())
    merged: dict[tuple[int, int], str] = {}
    formulas = _formulas(data)
    for number, row in enumerate(rows):
        cells = pad + [_cell(v) for v in row]
        for column, value in enumerate(cells):
            if not value and (number, column) in formulas:
                cells[column] = UnsavedFormula()
        if any(c.strip() for c in cells):  # a blank row stays blank, merged cells aside
            for column, value in enumerate(cells):
                if (number, column) in sources:
                    merged[number, column] = value
                elif not value and (number, column) in above:
                    cells[column] = merged.get(above[number, column], "")
        yield cells


_safe = csvfile.spreadsheet_safe


def write_csv(header: Sequence[str], rows: Iterable[Sequence[str]], *,
              delimiter: str = csvfile.FOR_PROGRAMS, words: csvfile.Words | None = None,
              titles: Mapping[str, str] | None = None) -> bytes:
    """CRLF line ends, UTF-8 with a byte-order mark (spreadsheets read it), commas unless
    ``delimiter`` says otherwise (docs/lifecycle.md, "CSV files"): the shared writer."""
    return csvfile.write(header, rows, delimiter=delimiter, words=words,
                         titles=titles).encode()


def write_xlsx(header: Sequence[str], rows: Iterable[Sequence[str]], title: str,
               titles: Mapping[str, str] | None = None) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31] or "Sheet1")
    sheet.append([titles.get(c, c) for c in header] if titles else list(header))
    for row in rows:
        sheet.append([_safe(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
