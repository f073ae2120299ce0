"""The use-cases of the delegation lifecycle (docs/lifecycle.md): import and export members,
the list of participants and its release, the statistics.

Each authorises, validates through the pure rules of ``domain.py``, writes through ``repo.py``
with its history rows and domain events, and owns its transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import chain
from typing import Any
from uuid import UUID, uuid4

import asyncpg

from conference import csvfile
from conference.accreditation.domain import (
    QUOTA_CATEGORIES,
    Category,
    Status,
    allowed_places,
    check_deadline,
    closing,
    function_in,
)
from conference.accreditation.events import AccreditationChanged
from conference.accreditation.service import reissue_for_changes
from conference.auth import Principal, Role, require
from conference.conferences import service as conferences
from conference.conferences.lookup import conference_by_slug
from conference.conferences.models import Conference, FocalPoint, Quotas
from conference.csvfile import download_name
from conference.db.pool import Database, connection, transaction
from conference.errors import Duplicate, Forbidden, Invalid, NotFound
from conference.lifecycle import domain, repo, tabular
from conference.lifecycle.domain import FieldError, Planned, ReadRow
from conference.lifecycle.events import (
    AccreditationAmended,
    DelegationQuotasChanged,
    LifecycleChanged,
    MembersImported,
    ParticipantsReleased,
)
from conference.lifecycle.models import (
    DelegationCount,
    DelegationImportQuery,
    DelegationImportResult,
    DelegationImportRow,
    DelegationPlaces,
    DelegationQuotas,
    Funnel,
    ImportCounts,
    ImportQuery,
    ImportResult,
    ImportRow,
    LifecycleIn,
    LifecycleSettings,
    ListedHost,
    ParticipantDelegation,
    ParticipantEntry,
    ParticipantsList,
    Released,
    RowError,
    RowWarning,
    Statistics,
    UnknownColumn,
)
from conference.outbox.events import record
from conference.people.service import focal_point_addresses
from conference.programme import lookup as programme_lookup
from conference.programme.domain import (
    delegation_name,
    heads_of_delegation,
    host_styled_name,
    language_of,
    protocol_config,
)
from conference.protocol.address import head_of_delegation, styled_name
from conference.protocol.countries import collation_key, country_name
from conference.protocol.titles import rank_label

IMPORTERS = (Role.admin, Role.protocol, Role.focal_point)
ORGANISERS = (Role.admin, Role.protocol)
MAX_ROWS = 20_000
"""Rows one import takes (a conference's whole membership fits many times over)."""


def _error(e: FieldError, kind: str) -> dict[str, Any]:
    """A field error as a refusal lists it: the English message, and the code and params a
    page words it from (docs/lifecycle.md, "Error codes")."""
    return {"field": e.field, "message": e.message, "type": kind, "code": e.code,
            "params": dict(e.params)}


def _invalid(field: str, message: str, code: str, **params: str | int) -> Invalid:
    return Invalid("The file cannot be imported.",
                   [_error(FieldError(field, message, code, params), "import")])


# --- import -----------------------------------------------------------------------------------


def _mapping(raw: str | None) -> dict[str, str] | None:
    if raw is None:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise _invalid("mapping", "a JSON object: header as written → column", "mapping")
    return value


def _table(data: bytes, content_type: str, mapping: str | None
           ) -> tuple[list[domain.UnknownColumn], Iterator[tuple[int, dict[str, str]]],
                      frozenset[str]]:
    """The header row's ignored columns, each row's line number and cells by column, and the
    columns the header row has (raises what ``read_file`` maps)."""
    lines = tabular.read_table(data, tabular.kind_of(content_type))
    explicit = _mapping(mapping)
    # the header row among the first rows: a title above it is ignored (docs/lifecycle.md)
    ahead: list[tuple[int, list[str]]] = []
    for line in lines:
        ahead.append(line)
        if line[0] >= domain.HEADER_ROWS:
            break
    if not ahead:
        raise _invalid("body", "the file is empty", "empty")
    at = domain.header_row([cells for number, cells in ahead if number <= domain.HEADER_ROWS],
                           explicit)
    if at is None:
        raise _invalid("body", domain.NO_HEADER, "no-header", rows=domain.HEADER_ROWS)
    header = ahead[at][1]
    columns = domain.map_headers(header, explicit)

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        for number, cells in chain(ahead[at + 1:], lines):
            yield number, {column: cells[i] for i, column in columns.items() if i < len(cells)}

    return domain.unknown_columns(header, explicit), rows(), frozenset(columns.values())


def _named_cells(data: bytes, content_type: str, mapping: str | None
                 ) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row's line number and cells by column (raises what ``read_file`` maps)."""
    yield from _table(data, content_type, mapping)[1]


def _unknown(u: domain.UnknownColumn) -> UnknownColumn:
    return UnknownColumn(header=u.header, position=u.position, suggestion=u.suggestion,
                         column=u.column, message=u.message)


WHO_COLUMNS = ("given_name", "family_name", "email", "category")


def row_people(data: bytes, content_type: str, mapping: str | None = None
               ) -> dict[int, dict[str, str]]:
    """Who each row of a file names, as written (given and family name, email, category), by
    line number, for the check's table to show against each row's outcome (a category we
    know as its key, ``minister``, with ``gender`` the row's salutation says, or ""); empty
    when the file cannot be read (``read_file`` says why)."""
    found: dict[int, dict[str, str]] = {}
    try:
        for number, named in _named_cells(data, content_type, mapping):
            if len(found) >= MAX_ROWS:
                break
            who = {c: " ".join(str(named.get(c) or "").split())[:200] for c in WHO_COLUMNS}
            known = domain.category_of(who["category"])
            found[number] = {**who, "category": known.value if known else who["category"],
                             "gender": domain.gender_of(str(named.get("salutation") or "")) or ""}
    except (tabular.UnreadableFile, domain.MappingError, Invalid):
        return {}
    return found


def read_file(data: bytes, content_type: str, mapping: str | None,
              default_language: str = "en"
              ) -> tuple[list[ReadRow], list[UnknownColumn], frozenset[str]]:
    """The file's rows read and checked on their own (no database), the header row's columns
    it ignores, and those it reads: 422 when the file or its header row cannot be read (the
    ignored columns then in ``unknown_columns``, beside ``errors``: a misspelt required
    header)."""
    try:
        rows: list[ReadRow] = []
        unknown, named_rows, columns = _table(data, content_type, mapping)
        for number, named in named_rows:
            if len(rows) >= MAX_ROWS:
                raise _invalid("body", f"more than {MAX_ROWS} rows", "too-many-rows",
                               max=MAX_ROWS)
            unsaved = frozenset(c for c, v in named.items()
                                if isinstance(v, tabular.UnsavedFormula))
            rows.append(domain.read_row(number, named, default_language, unsaved))
        if not rows:  # the header row alone: "no errors, 0 to create" read as success (tryout)
            raise _invalid("body", "the file has its header row but no member under it",
                           "no-rows")
    except tabular.UnreadableFile as exc:
        raise _invalid("body", str(exc), exc.code) from None
    except domain.MappingError as exc:
        raise Invalid("The header row cannot be read.",
                      [_error(e, "import_header") for e in exc.errors],
                      unknown_columns=[_unknown(u).model_dump() for u in exc.unknown]
                      ) from None
    return rows, [_unknown(u) for u in unknown], columns


@dataclass(frozen=True)
class _Scope:
    fixed: UUID | None
    """Every row goes into this delegation (a focal point's own, or the query's)."""
    focal_point: bool


async def _scope(conn: asyncpg.Connection, conference: Conference, actor: Principal,
                 delegation_id: UUID | None) -> tuple[_Scope, dict[UUID, domain.DelegationRef]]:
    refs = {d.id: d for d in await repo.delegations(conn, conference.id)}
    if actor.role is Role.focal_point:
        if actor.delegation_id not in refs or (
                delegation_id is not None and delegation_id != actor.delegation_id):
            raise Forbidden("A focal point imports into their own delegation only.")
        return _Scope(actor.delegation_id, True), refs
    if delegation_id is not None and delegation_id not in refs:
        raise _invalid("delegation_id", "no such delegation in this conference",
                       "no-such-delegation")
    return _Scope(delegation_id, False), refs


def _row_delegation(read: ReadRow, scope: _Scope, index: dict[str, domain.DelegationRef],
                    errors: list[FieldError]) -> UUID | None:
    written = read.member.delegation if read.member else None
    if scope.fixed is not None:
        if written and scope.focal_point:
            found = domain.find_delegation(index, written)
            if found is None or found.id != scope.fixed:
                errors.append(FieldError("delegation", "a focal point imports into their own "
                                                       "delegation only", "own-delegation"))
        return scope.fixed
    if not written:
        if read.member is not None:
            errors.append(FieldError("delegation", "required (the country's name or ISO "
                                                   "code, or the organisation's name)",
                                     "delegation-required"))
        return None
    found = domain.find_delegation(index, written)
    if found is None:
        errors.append(FieldError("delegation", f"no delegation {written!r} in this conference",
                                 "no-delegation", {"delegation": written}))
        return None
    return found.id


async def _plan(conn: asyncpg.Connection, conference: Conference, reads: list[ReadRow],
                scope: _Scope, refs: dict[UUID, domain.DelegationRef], lock: bool
                ) -> list[Planned]:
    index = domain.delegation_index(refs.values())
    extra: list[list[FieldError]] = [[] for _ in reads]
    targets: list[UUID | None] = []
    first_row: dict[str, int] = {}
    for read, errors in zip(reads, extra, strict=True):
        targets.append(_row_delegation(read, scope, index, errors))
        if read.member is None:
            continue
        key = read.member.email.lower()
        if key in first_row:
            errors.append(FieldError("email", f"also on row {first_row[key]}", "twice",
                                     {"row": first_row[key]}))
        else:
            first_row[key] = read.row
        if scope.focal_point and read.member.category is Category.staff:
            errors.append(FieldError("category", "staff are accredited by the organisers",
                                     "staff"))
    existing = await repo.existing_by_email(conn, conference.id, list(first_row))
    if lock:
        touched = {t for t in targets if t is not None}
        touched |= {e.delegation_id for e in existing.values() if e.delegation_id is not None}
        await repo.lock_delegations(conn, sorted(touched))
        existing = await repo.existing_by_email(conn, conference.id, list(first_row))
    plans = []
    for read, errors, target in zip(reads, extra, targets, strict=True):
        found = existing.get(read.member.email.lower()) if read.member else None
        if (found is not None and scope.focal_point
                and found.delegation_id != scope.fixed):
            # As the member form says of a taken address, and no more: not whether it is a
            # journalist's, another delegation's or a refused application (docs/lifecycle.md)
            errors.append(FieldError("email", "this address cannot be used for a new "
                                              "application; contact the protocol service",
                                     "other-delegation"))
        plans.append(domain.plan_row(read, target, found, errors,
                                     decided_fixed=scope.focal_point))
    return await _within_quotas(conn, conference, plans)


async def _within_quotas(conn: asyncpg.Connection, conference: Conference,
                         plans: list[Planned]) -> list[Planned]:
    """Rows that would take a place beyond their delegation's quota become errors (counted on
    the rows locked by a real run, so that no filing slips in between)."""
    touched = {p.delegation_id for p in plans if p.delegation_id is not None}
    touched |= {p.existing.delegation_id for p in plans
                if p.existing is not None and p.existing.delegation_id is not None}
    if not touched:
        return plans
    used, own = await repo.places_of(conn, sorted(touched))
    defaults = conference.quotas.model_dump(exclude_none=True)
    allowed = {(d, c.value): allowed_places(c, own.get(d, {}), defaults)
               for d in touched for c in QUOTA_CATEGORIES}
    return domain.check_places(plans, used, allowed)


def _row_error(e: FieldError) -> RowError:
    coded = {"field": e.field, "message": e.message, "code": e.code, "params": dict(e.params)}
    if isinstance(e, domain.QuotaError):
        return RowError(**coded, type="quota-exceeded", category=e.category, used=e.used,
                        allowed=e.allowed)
    if isinstance(e, domain.LabelError):
        return RowError(**coded, type="not-a-label")
    return RowError(**coded)


def _result(plans: list[Planned], applied: bool, ids: dict[int, UUID],
            unknown: list[UnknownColumn]) -> ImportResult:
    counts = ImportCounts()
    rows = []
    for p in plans:
        setattr(counts, p.outcome, getattr(counts, p.outcome) + 1)
        accreditation_id = p.existing.id if p.existing else ids.get(p.row)
        rows.append(ImportRow(row=p.row, outcome=p.outcome, accreditation_id=accreditation_id,
                              changed=list(p.changed),
                              errors=[_row_error(e) for e in p.errors],
                              warnings=[RowWarning(field=w.field, message=w.message,
                                                   code=w.code, params=dict(w.params))
                                        for w in domain.row_warnings(p)]))
    return ImportResult(applied=applied, counts=counts, rows=rows, unknown_columns=unknown)


def _values(p: Planned, conference: Conference, actor: str, now: datetime) -> dict[str, Any]:
    m = p.member
    assert m is not None
    return {"conference_id": conference.id, "category": m.category.value,
            "given_name": m.given_name, "family_name": m.family_name, "email": m.email,
            "language": m.language, "gender": m.gender, "delegation_id": p.delegation_id,
            "rank": m.rank.value if m.rank else None, "function": m.function,
            "function_fr": m.function_fr, "function_en": m.function_en,
            "in_office_since": m.in_office_since, "now": now, "actor": actor}


async def import_members(
    pool: asyncpg.Pool, slug: str, data: bytes, content_type: str, query: ImportQuery,
    actor: Principal | None, now: datetime,
) -> ImportResult:
    """Members from a CSV or XLSX file: every row's outcome (create, update, unchanged, error
    with the field and the reason); on a real run without errors, all rows applied in one
    transaction, else none. Rows match people by e-mail; the same file twice changes nothing.
    A focal point imports into their own delegation; protocol and admin into the query's
    delegation or each row's."""
    principal = require(actor, *IMPORTERS)
    reads, unknown, columns = read_file(data, content_type, query.mapping)
    async with transaction(pool) as conn:
        conference = await conference_by_slug(conn, slug)
        scope, refs = await _scope(conn, conference, principal, query.delegation_id)
        if scope.fixed is None and reads and "delegation" not in columns:
            # A single delegation's file, every row of which was "delegation: required",
            # its quota check hidden behind it (tryout): the delegation is asked for instead.
            raise _invalid("delegation_id", "the file has no delegation column: give the "
                           "delegation of every row (delegation_id)", "no-delegation-column")
        if scope.focal_point:  # adding and editing members closes with the nominations
            check_deadline(closing(conference.nominations_close_at, conference.ends_on,
                                   conference.timezone), now, principal.role, None,
                           "Nominations")
        plans = await _plan(conn, conference, reads, scope, refs, lock=not query.dry_run)
        if query.dry_run or any(p.outcome == "error" for p in plans):
            return _result(plans, False, {}, unknown)
        ids: dict[int, UUID] = {}
        creates, updates = [], []
        for p in plans:
            values = _values(p, conference, principal.actor, now)
            if p.outcome == "create":
                ids[p.row] = values["id"] = uuid4()
                values["payload"] = AccreditationChanged(
                    accreditation_id=values["id"], category=values["category"],
                    status=Status.submitted.value, from_status=None,
                    delegation_id=p.delegation_id).model_dump(mode="json")
                creates.append(values)
            elif p.outcome == "update":
                assert p.existing is not None
                values["id"] = p.existing.id
                values["reason"] = "import: " + ", ".join(p.changed)
                # an approved member's printed badge that carries a changed name, function,
                # category or delegation: a new version to print, as a correction issues
                version = await reissue_for_changes(conn, p.existing.id, conference.id,
                                                    p.existing.status, p.changed, now)
                values["payload"] = AccreditationAmended(
                    accreditation_id=p.existing.id, category=values["category"],
                    status=p.existing.status.value, delegation_id=p.delegation_id,
                    fields=list(p.changed), badge_version=version).model_dump(mode="json")
                updates.append(values)
        await repo.insert_members(conn, creates)
        await repo.update_members(conn, updates)
        result = _result(plans, True, ids, unknown)
        if creates or updates:
            touched = sorted({p.delegation_id for p in plans if p.delegation_id is not None})
            await record(conn, "delegation.members_imported", MembersImported(
                delegation_ids=touched, created=result.counts.create,
                updated=result.counts.update, unchanged=result.counts.unchanged),
                conference_id=conference.id, actor=principal.actor)
    return result


# --- export -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class File:
    content: bytes
    content_type: str
    filename: str


async def export_members(pool: asyncpg.Pool, slug: str, kind: tabular.Kind,
                         delegation_id: UUID | None, actor: Principal | None, *,
                         titles: Mapping[str, str] | None = None,
                         delegation_name: str = "", language: str | None = None) -> File:
    """The live members in the importable columns (CSV or XLSX): what an import reads back.
    With ``titles`` (the portal's: the member form's labels in the page's language, which the
    import reads) a download for people, ";"-separated as Excel in the conference's locales
    splits it; else the API's, by the columns' names, with commas. With ``language`` (the
    portal's), the coded cells in that language's words (``domain.export_words``). The file is
    named by the conference and ``delegation_name`` (docs/lifecycle.md, "CSV files")."""
    principal = require(actor, *IMPORTERS)
    if principal.role is Role.focal_point:
        if delegation_id not in (None, principal.delegation_id):
            raise Forbidden("A focal point exports their own delegation only.")
        delegation_id = principal.delegation_id
    async with connection(pool) as conn:
        conference = await conference_by_slug(conn, slug)
        rows = await repo.export_members(conn, conference.id, delegation_id)
    lines = []
    for r in rows:
        category, rank, language_cell, salutation = domain.export_words(
            r["category"], r["rank"], r["language"], r["gender"], language)
        lines.append([r["email"], r["given_name"], r["family_name"], category, rank,
                      r["function"] or "", r["function_fr"] or "", r["function_en"] or "",
                      language_cell, salutation, r["delegation"] or "",
                      r["in_office_since"].isoformat() if r["in_office_since"] else ""])
    name = download_name("accreditations", conference.slug, None, delegation_name,
                         extension=kind)
    if kind == "xlsx":
        return File(tabular.write_xlsx(domain.COLUMNS, lines, "accreditations", titles),
                    tabular.XLSX_TYPE, name)
    return File(tabular.write_csv(domain.COLUMNS, lines, titles=titles,
                                  delimiter=csvfile.FOR_PEOPLE if titles
                                  else csvfile.FOR_PROGRAMS),
                "text/csv; charset=utf-8", name)


# --- delegations from a spreadsheet (docs/lifecycle.md, "Importing delegations") -------------

MAX_DELEGATION_ROWS = 2_000
"""Rows one delegation import takes (a conference has a few hundred delegations at most)."""


def _delegation_cells(data: bytes, content_type: str
                      ) -> tuple[bool, list[tuple[int, dict[str, str]]]]:
    """Whether the file has a places column, and each row's line number and cells by column,
    read by the members' reader (``tabular.read_table``): 422 when the file or its header row
    cannot be read, or has no row under its header."""
    try:
        lines = tabular.read_table(data, tabular.kind_of(content_type))
        ahead: list[tuple[int, list[str]]] = []
        for line in lines:
            ahead.append(line)
            if line[0] >= domain.HEADER_ROWS:
                break
        if not ahead:
            raise _invalid("body", "the file is empty", "empty")
        at, columns = domain.delegation_headers(
            [cells for number, cells in ahead if number <= domain.HEADER_ROWS])
        places_given = bool(set(columns.values()) & set(domain.PLACES_COLUMNS))
        rows: list[tuple[int, dict[str, str]]] = []
        for number, cells in chain(ahead[at + 1:], lines):
            if len(rows) >= MAX_DELEGATION_ROWS:
                raise _invalid("body", f"more than {MAX_DELEGATION_ROWS} rows",
                               "too-many-rows", max=MAX_DELEGATION_ROWS)
            rows.append((number, {column: cells[i] for i, column in columns.items()
                                  if i < len(cells)}))
    except tabular.UnreadableFile as exc:
        raise _invalid("body", str(exc), exc.code) from None
    except domain.DelegationHeaderError as exc:
        raise _invalid("body", str(exc), "no-header", rows=domain.HEADER_ROWS) from None
    if not rows:
        raise _invalid("body", "the file has its header row but no delegation under it",
                       "no-rows")
    return places_given, rows


def _delegation_rows(data: bytes, content_type: str) -> list[domain.DelegationRow]:
    """The file's rows read and checked on their own (no database)."""
    places_given, rows = _delegation_cells(data, content_type)
    return domain.twice_in_file([domain.read_delegation_row(number, named, places_given)
                                 for number, named in rows])


def delegation_row_names(data: bytes, content_type: str, language: str) -> dict[int, str]:
    """The delegation each row names, by line number, for a page's report to show beside each
    row's outcome: a country's code as its name in ``language`` with the code ("Belgium
    (BE)"), else as written (an organisation, a code that is none); empty when the file cannot
    be read (``import_delegations`` says why)."""
    try:
        _, rows = _delegation_cells(data, content_type)
    except Invalid:
        return {}
    named_rows = {}
    for number, named in rows:
        written = " ".join(str(named.get("country") or named.get("organisation") or "")
                           .split())[:200]
        if named.get("country"):
            code = written.upper()
            try:
                written = f"{country_name(code, language)} ({code})"
            except ValueError:  # not a country code: as written, the row's error says why
                pass
        named_rows[number] = written
    return named_rows


async def _known_delegations(conn: asyncpg.Connection, conference: Conference,
                             principal: Principal
                             ) -> dict[tuple[str, str], domain.KnownDelegation]:
    """The conference's delegations by what a row names them by (``DelegationRow.key``)."""
    listed = (await conferences.list_delegations(conn, conference.slug, principal)).items
    _, own = await repo.places_of(conn, [d.id for d in listed])
    addresses = await focal_point_addresses(conn, conference.id)
    known = {}
    for d in listed:
        key = ("country", d.country) if d.country is not None else \
            ("organisation", d.organisation.name.lower() if d.organisation else "")
        known[key] = domain.KnownDelegation(
            d.id, d.organisation.type.value if d.organisation else None,
            frozenset(addresses.get(d.id, {})) | {d.focal_point.email.lower()},
            {k: int(v) for k, v in own.get(d.id, {}).items()})
    return known


def _refused(exc: Invalid | Duplicate) -> list[RowError]:
    """A refusal of the creation's use-cases as the row's errors, naming the file's columns."""
    if isinstance(exc, Duplicate):
        field = domain.delegation_column(str(exc.extra.get("field", "country")))
        return [RowError(field=field, message=exc.detail, code="exists")]
    return [RowError(field=domain.delegation_column(str(e.get("field", "row"))),
                     message=str(e.get("message", exc.detail)),
                     code="conference-language" if e.get("type") == "conference_language"
                     else "invalid")
            for e in exc.extra.get("errors", [])] or [
        RowError(field="row", message=exc.detail, code="invalid")]


class _Undone(Exception):
    """Rolls back a delegation import that is not applied (a dry run, a row in error)."""

    def __init__(self, result: DelegationImportResult) -> None:
        super().__init__("not applied")
        self.result = result


async def import_delegations(
    pool: Database, slug: str, data: bytes, content_type: str, query: DelegationImportQuery,
    actor: Principal | None, now: datetime, *, token_lifetime: timedelta | None = None,
) -> DelegationImportResult:
    """Delegations from a CSV or XLSX file (protocol, admin): every row's outcome (create,
    update, unchanged, error naming the column). Each row runs the use-cases the API and the
    console run one by one, each in a savepoint of one transaction: a new delegation is
    ``conferences.service.create_delegation`` (its event, its focal point welcomed through the
    outbox), then ``set_quotas`` when the row gives it places; a delegation that exists
    (matched by its country, or its organisation's name) gets ``set_quotas`` when its places
    differ and ``add_delegation_focal_point`` for an address that is not one of its focal
    points. A dry run, or a run with any row in error, is rolled back whole: all rows or none,
    as the members' import. The same file twice: every row unchanged."""
    principal = require(actor, *ORGANISERS)
    rows = _delegation_rows(data, content_type)
    try:
        async with transaction(pool) as conn:
            if await repo.lock_lifecycle(conn, slug) is None:  # one import at a time
                raise NotFound("No such conference.")
            conference = await conference_by_slug(conn, slug)
            known = await _known_delegations(conn, conference, principal)
            report = [await _import_delegation(conn, slug, r, known.get(r.key) if r.key
                                               else None, principal, now, token_lifetime)
                      for r in rows]
            counts = ImportCounts()
            for line in report:
                setattr(counts, line.outcome, getattr(counts, line.outcome) + 1)
            applied = not query.dry_run and not counts.error
            result = DelegationImportResult(applied=applied, counts=counts, rows=report)
            if not applied:
                raise _Undone(result.model_copy(update={"rows": [
                    line.model_copy(update={"delegation_id": None})
                    if line.outcome == "create" else line for line in report]}))
    except _Undone as undone:
        return undone.result
    return result


async def _import_delegation(
    conn: asyncpg.Connection, slug: str, r: domain.DelegationRow,
    known: domain.KnownDelegation | None, principal: Principal, now: datetime,
    token_lifetime: timedelta | None,
) -> DelegationImportRow:
    """One row of a delegation import, in a savepoint: a refused row leaves nothing."""
    if r.body is None:
        return DelegationImportRow(row=r.row, outcome="error", delegation_id=None,
                                   errors=[_row_error(e) for e in r.errors])
    changed: tuple[str, ...] = ()
    if known is not None:
        changed, errors = domain.delegation_changes(r, known)
        if errors:
            return DelegationImportRow(row=r.row, outcome="error", delegation_id=None,
                                       errors=[_row_error(e) for e in errors])
        if not changed:
            return DelegationImportRow(row=r.row, outcome="unchanged", delegation_id=known.id)
    try:
        async with conn.transaction():
            if known is None:
                created = await conferences.create_delegation(
                    conn, slug, r.body, principal, now, token_lifetime=token_lifetime)
                if r.places:
                    await set_quotas(conn, created.id, Quotas(**r.places), principal)
                return DelegationImportRow(row=r.row, outcome="create",
                                           delegation_id=created.id)
            if "places" in changed:
                await set_quotas(conn, known.id, Quotas(**(r.places or {})), principal)
            if "focal_point" in changed:
                await conferences.add_delegation_focal_point(
                    conn, slug, known.id, FocalPoint.model_validate(
                        r.body.focal_point.model_dump()), principal)
    except (Invalid, Duplicate) as exc:
        return DelegationImportRow(row=r.row, outcome="error", delegation_id=None,
                                   errors=_refused(exc))
    return DelegationImportRow(row=r.row, outcome="update", delegation_id=known.id,
                               changed=list(changed))


async def export_delegations(pool: Database, slug: str, kind: tabular.Kind,
                             actor: Principal | None, *,
                             titles: Mapping[str, str] | None = None) -> File:
    """The conference's delegations in the columns their import reads (CSV or XLSX), in the
    order they were created: the template of an import, and what it reads back unchanged.
    With ``titles`` (the console's, in the page's language, which the import reads) a
    download for people, ";"-separated; else the API's, by the columns' names, with commas."""
    principal = require(actor, *ORGANISERS)
    async with connection(pool) as conn:
        conference = await conference_by_slug(conn, slug)
        listed = (await conferences.list_delegations(conn, slug, principal)).items
        _, own = await repo.places_of(conn, [d.id for d in listed])
        addresses = await focal_point_addresses(conn, conference.id)
    lines = []
    for d in listed:
        places = own.get(d.id, {})
        language = addresses.get(d.id, {}).get(d.focal_point.email.lower(), "")
        lines.append([d.country or "", d.organisation.name if d.organisation else "",
                      d.organisation.type.value if d.organisation else "",
                      d.focal_point.name, d.focal_point.email, language,
                      *(str(places[c]) if c in places else ""
                        for c in domain.PLACES_COLUMNS.values())])
    name = download_name("delegations", conference.slug, None, extension=kind)
    if kind == "xlsx":
        return File(tabular.write_xlsx(domain.DELEGATION_COLUMNS, lines, "delegations",
                                       titles), tabular.XLSX_TYPE, name)
    return File(tabular.write_csv(domain.DELEGATION_COLUMNS, lines, titles=titles,
                                  delimiter=csvfile.FOR_PEOPLE if titles
                                  else csvfile.FOR_PROGRAMS),
                "text/csv; charset=utf-8", name)


# --- the list of participants -----------------------------------------------------------------


async def _live_list(conn: asyncpg.Connection, conference: Conference,
                     language: str | None = None) -> ParticipantsList:
    config = protocol_config(conference)
    language = _reader_language(conference, language)
    members = await repo.approved_members(conn, conference.id)
    refs = await repo.delegations(conn, conference.id)
    kinds = await repo.delegation_kinds(conn, conference.id)
    by_id = {d.id: d for d in refs}
    listed = domain.participants_in_order(members, refs, config, conference.hosts)
    delegations = []
    for position, d in enumerate(listed, start=1):
        ref = by_id[d.delegation_id]
        delegations.append(ParticipantDelegation(
            position=position, delegation_id=d.delegation_id,
            delegation=delegation_name(ref.country, ref.organisation, language) or "",
            kind=kinds[d.delegation_id], country=ref.country,
            members=[ParticipantEntry(
                accreditation_id=m.accreditation_id, given_name=m.given_name,
                family_name=m.family_name,
                styled_name=styled_name(m.given_name, m.family_name, m.rank, m.gender,
                                        language),
                category=m.category, rank=m.rank,
                function=function_in(language, m.function, m.function_fr, m.function_en),
                head=m is d.head,
                head_title=head_of_delegation(m.gender, language) if m is d.head else None,
                rank_title=rank_label(m.rank, language, m.gender) if m.rank else None,
            ) for m in d.members],
        ))
    return ParticipantsList(conference=conference.slug, language=language, version=None,
                            released_at=None,
                            **_patron_and_hosts(
                                conference, language,
                                await programme_lookup.host_genders(conn, conference.id)),
                            delegations=delegations)


def _patron_and_hosts(conference: Conference, language: str,
                      people: Sequence[tuple[str, str, str]]) -> dict[str, Any]:
    """The head of the list, before every delegation: the patron as styled in ``language``,
    then the hosts as the conference lists them, styled as guests of their rank are
    (docs/protocol.md, "Patron and hosts")."""
    patron = conference.patron
    return {"patron": patron.style.get(language) if patron else None,
            "hosts": [ListedHost(name=h.name,
                                 function=h.function.get(language) if h.function else None,
                                 styled_name=host_styled_name(h, people, language))
                      for h in conference.hosts]}


def _reader_language(conference: Conference, language: str | None) -> str:
    """The language a list is written in: the reader's when it is one of the conference's,
    else the conference's protocol language (docs/lifecycle.md)."""
    if language is not None and language in conference.languages:
        return language
    return language_of(conference)


async def participants(pool: asyncpg.Pool, slug: str, actor: Principal | None,
                       released: bool = False, language: str | None = None,
                       ) -> tuple[ParticipantsList, Conference]:
    """The list of participants: the live list for protocol and admin (or, asked for, the last
    released one); for everyone else with a token, the version protocol last released (404
    before the first release). The live list is written in ``language`` (names of delegations,
    styles of address) when it is one of the conference's; a released list as released."""
    principal = require(actor, *Role)
    async with connection(pool) as conn:
        conference = await conference_by_slug(conn, slug)
        if principal.role in ORGANISERS and not released:
            return await _live_list(conn, conference, language), conference
        row = await repo.latest_release(conn, conference.id)
    if row is None:
        raise NotFound("The list of participants has not been released yet.")
    listing = ParticipantsList.model_validate(
        {**row["listing"], "version": row["version"], "released_at": row["released_at"]})
    return listing, conference


async def release_participants(pool: asyncpg.Pool, slug: str, actor: Principal | None,
                               now: datetime) -> Released:
    """Protocol releases the list as it stands to the participants (a new frozen version)."""
    principal = require(actor, *ORGANISERS)
    async with transaction(pool) as conn:
        conference = await conference_by_slug(conn, slug)
        listing = await _live_list(conn, conference)
        frozen = listing.model_dump(mode="json", exclude={"version", "released_at"})
        row = await repo.insert_release(conn, conference.id, now, principal.actor, frozen)
        count = sum(len(d.members) for d in listing.delegations)
        await record(conn, "participants.released", ParticipantsReleased(
            version=row["version"], delegations=len(listing.delegations), participants=count),
            conference_id=conference.id, actor=principal.actor)
    return Released(version=row["version"], released_at=row["released_at"],
                    delegations=len(listing.delegations), participants=count)


# --- statistics -------------------------------------------------------------------------------


async def statistics(pool: asyncpg.Pool, slug: str, actor: Principal | None,
                     language: str | None = None) -> Statistics:
    """Counts by category, status, country and delegation; heads of delegation by salutation;
    approved, badged, checked in. Delegations are named in ``language`` when it is one of the
    conference's."""
    require(actor, *ORGANISERS)
    async with connection(pool) as conn:
        conference = await conference_by_slug(conn, slug)
        by_status = await repo.count_by_status(conn, conference.id)
        by_category = await repo.count_by_category(conn, conference.id)
        by_country = await repo.count_by_country(conn, conference.id)
        by_delegation = await repo.count_by_delegation(conn, conference.id)
        candidates = await repo.head_candidates(conn, conference.id)
        funnel = await repo.funnel(conn, conference.id)
    language = _reader_language(conference, language)
    heads = heads_of_delegation(candidates, protocol_config(conference),
                                       conference.hosts)
    return Statistics(
        conference=conference.slug,
        by_category={c.value: by_category.get(c.value, 0) for c in Category},
        by_status={s.value: by_status.get(s.value, 0) for s in Status},
        by_country=dict(sorted(by_country.items())),
        by_delegation=sorted(
            (DelegationCount(delegation_id=d.id, count=n,
                             delegation=delegation_name(d.country, d.organisation, language)
                             or "") for d, n in by_delegation),
            key=lambda c: (-c.count, collation_key(c.delegation))),
        heads_by_salutation=domain.heads_by_salutation(heads, conference.hosts),
        funnel=Funnel(**funnel),
    )


def require_organiser(actor: Principal | None) -> Principal:
    """Protocol or admin, before a body is read: a caller without the role learns nothing."""
    return require(actor, *ORGANISERS)


# --- quotas -----------------------------------------------------------------------------------


async def set_quotas(pool: Database, delegation_id: UUID, quotas: Quotas,
                     actor: Principal | None) -> DelegationQuotas:
    """A delegation's own places by category (admin, protocol); a category left out follows
    the conference's default. Registrations count against them from the commit."""
    principal = require(actor, *ORGANISERS)
    values = quotas.model_dump(exclude_none=True)
    async with transaction(pool) as conn:
        row = await repo.set_delegation_quotas(conn, delegation_id, values)
        if row is None:
            raise NotFound("No such delegation.")
        await record(conn, "delegation.quotas_changed",
                     DelegationQuotasChanged(delegation_id=delegation_id, quotas=values),
                     conference_id=row["conference_id"], subject_id=delegation_id,
                     actor=principal.actor)
    return DelegationQuotas(delegation_id=delegation_id, quotas=values)


# --- deadlines and default quotas -------------------------------------------------------------


def _settings(row: asyncpg.Record) -> LifecycleSettings:
    return LifecycleSettings(conference=row["slug"], quotas=dict(row["quotas"] or {}),
                             nominations_close_at=row["nominations_close_at"],
                             changes_close_at=row["changes_close_at"],
                             security_list_deadline=row["security_list_deadline"])


async def lifecycle_settings(pool: asyncpg.Pool, slug: str, actor: Principal | None
                             ) -> LifecycleSettings:
    """A conference's deadlines and default quotas, as protocol edits them."""
    require(actor, *ORGANISERS)
    async with connection(pool) as conn:
        conference = await conference_by_slug(conn, slug)
    return LifecycleSettings(conference=conference.slug,
                             quotas=conference.quotas.model_dump(exclude_none=True),
                             nominations_close_at=conference.nominations_close_at,
                             changes_close_at=conference.changes_close_at,
                             security_list_deadline=conference.security_list_deadline)


async def set_lifecycle(pool: asyncpg.Pool, slug: str, body: LifecycleIn,
                        actor: Principal | None) -> LifecycleSettings:
    """Protocol (or admin) moves a conference's deadlines or changes its default quotas: the
    fields given change, the others stay; substitutions never close before nominations (422
    naming ``changes_close_at``). Filings and substitutions see the new values from the
    commit; one event ``conference.lifecycle_changed`` names the fields."""
    principal = require(actor, *ORGANISERS)
    given = body.model_fields_set & {"nominations_close_at", "changes_close_at", "quotas",
                                     "security_list_deadline"}
    async with transaction(pool) as conn:
        row = await repo.lock_lifecycle(conn, slug)
        if row is None:
            raise NotFound(f"No conference {slug!r}.")
        values = {"nominations_close_at": row["nominations_close_at"],
                  "changes_close_at": row["changes_close_at"],
                  "quotas": dict(row["quotas"] or {}),
                  "security_list_deadline": row["security_list_deadline"]}
        for name in given:
            value = getattr(body, name)
            values[name] = (value or Quotas()).model_dump(exclude_none=True) \
                if name == "quotas" else value
        errors = domain.check_deadlines(values["nominations_close_at"],
                                        values["changes_close_at"])
        if errors:
            raise Invalid("Some fields are invalid.", [
                {"field": e.field, "message": e.message, "type": "value_error", "code": e.code}
                for e in errors])
        changed = sorted(n for n in values if values[n] != (
            dict(row[n] or {}) if n == "quotas" else row[n]))
        if not changed:
            return _settings(row)
        updated = await repo.set_lifecycle(conn, row["id"], values)
        await record(conn, "conference.lifecycle_changed", LifecycleChanged(
            fields=changed, quotas=values["quotas"],
            nominations_close_at=_iso(values["nominations_close_at"]),
            changes_close_at=_iso(values["changes_close_at"]),
            security_list_deadline=_iso(values["security_list_deadline"])),
            conference_id=row["id"], actor=principal.actor)
    return _settings(updated)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


async def delegation_places(pool: asyncpg.Pool, slug: str, actor: Principal | None
                            ) -> list[DelegationPlaces]:
    """Every delegation's places by category, taken and allowed (protocol, admin)."""
    require(actor, *ORGANISERS)
    async with connection(pool) as conn:
        conference = await conference_by_slug(conn, slug)
        refs = await repo.delegations(conn, conference.id)
        used, own = await repo.places_of(conn, [d.id for d in refs])
    language = language_of(conference)
    defaults = conference.quotas.model_dump(exclude_none=True)
    categories = sorted(QUOTA_CATEGORIES, key=list(Category).index)
    places = [DelegationPlaces(
        delegation_id=d.id, country=d.country, own=own.get(d.id, {}),
        delegation=delegation_name(d.country, d.organisation, language) or "",
        used={c.value: used.get((d.id, c.value), 0) for c in categories},
        allowed={c.value: allowed_places(c, own.get(d.id, {}), defaults) for c in categories},
    ) for d in refs]
    return sorted(places, key=lambda p: collation_key(p.delegation))
