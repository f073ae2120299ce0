"""The delegation lifecycle in the delegation portal (docs/lifecycle.md, "In the workspaces"):
the focal point substitutes a member, imports members from a CSV or XLSX file (a check first,
which writes nothing, then the import) and downloads the delegation's members as CSV or XLSX.

The pages call the same use-cases as the API (``accreditation.service.substitute``,
``lifecycle.service.import_members`` and ``export_members``) through the ``Principal`` of the
grant that opens the portal; the import helpers here serve the console's import page too, and
the substitution's (its fields' choices and errors, its confirmation) the console's application
page (docs/workspaces.md, "Substituting a member")."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from aiohttp import web
from babel.dates import get_month_names
from pydantic import ValidationError

from conference.accreditation import service as accreditations
from conference.accreditation.domain import Category, DeadlinePassed, Status
from conference.accreditation.models import Accreditation, SubstitutionIn
from conference.auth import Principal, Role
from conference.conferences.models import Conference
from conference.errors import Conflict, Duplicate, Invalid
from conference.http.context import connection, max_body_key, now, pool_key
from conference.http.io import FilePart, TooLarge, read_form, read_multipart
from conference.http.routes import RouteTable
from conference.lifecycle import service as lifecycle
from conference.lifecycle.domain import CATEGORY_LABELS
from conference.lifecycle.domain import labels as accepted_labels
from conference.lifecycle.models import ImportQuery, ImportResult, RowError, UnknownColumn
from conference.lifecycle.tabular import CSV_TYPE, XLSX_TYPE
from conference.mail.formatting import LOCALES
from conference.pages.i18n import field_message
from conference.protocol.ranks import RANK_ORDER
from conference.workspaces import frame
from conference.workspaces import repo as ws
from conference.workspaces.csv_titles import column_titles
from conference.workspaces.domain import function_said, namesakes
from conference.workspaces.handlers import Portal, taken_words
from conference.workspaces.handlers import _portal as open_portal
from conference.workspaces.i18n import WTranslator

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
FOCAL_POINT = "the delegation's focal point"
LIVE = (Status.submitted, Status.waitlisted, Status.approved)
PERSON_FIELDS = ("given_name", "family_name", "email", "language", "gender", "rank",
                 "function", "function_fr", "function_en")
FORM_OVERHEAD = 64 * 1024
"""What an import form sends besides its file (its other fields, the multipart boundaries)."""


# --- import: shared with the console ----------------------------------------------------------


@dataclass(frozen=True)
class Upload:
    """A file to import, as the check read it and the import button carries it on."""

    name: str
    content: bytes
    content_type: str

    @property
    def encoded(self) -> str:
        return base64.b64encode(self.content).decode("ascii")


def check_again(upload: Upload | None, delegation: str | None = None) -> dict[str, str] | None:
    """The header's language control on a check's answer (docs/workspaces.md, "The language
    control"): a form of its own carrying the file checked, which checks it again in the other
    language (``step=check``, never the import button's form, which imports: nothing is
    written). None before a check. ``delegation``: the console's choice, carried too."""
    if upload is None:
        return None
    fields = {"step": "check", "filename": upload.name, "content_type": upload.content_type,
              "content": upload.encoded}
    return fields if delegation is None else {**fields, "delegation": delegation}


def _content_type(filename: str, declared: str) -> str:
    """By the name first: spreadsheets' CSV files travel under many declared types."""
    lower = filename.lower()
    if lower.endswith(".xlsx") or declared.split(";")[0].strip() == XLSX_TYPE:
        return XLSX_TYPE
    return CSV_TYPE


def import_limit(request: web.Request) -> int:
    """The largest file the import pages take: the service's body limit, the file the API's
    import takes (docs/lifecycle.md, "In the workspaces")."""
    return request.app[max_body_key]


async def read_import_form(request: web.Request) -> Mapping[str, str | Upload]:
    """An import form's fields: a plain form (the import button), or the multipart one of the
    check, whose file part becomes an ``Upload``. The import routes stream their body
    (``streams_body``), read here within the file's limit (the check) or within what the
    import button carries (the file in base64, form-encoded: at most four times as long);
    ``TooLarge`` beyond it, or for a file (chosen or carried) beyond ``import_limit``, which the
    page says on the file field."""
    limit = import_limit(request)
    carried = request.content_type != "multipart/form-data"
    form = await read_multipart(request, (4 if carried else 1) * limit + FORM_OVERHEAD)
    chosen, encoded = form.get("file"), form.get("content")
    if (isinstance(chosen, FilePart) and len(chosen.content) > limit) or (
            isinstance(encoded, str) and len(encoded.strip()) > 4 * -(-limit // 3)):
        raise TooLarge(limit)
    return {name: Upload(value.filename, value.content, value.content_type)
            if isinstance(value, FilePart) else value for name, value in form.items()}


def too_large(t: WTranslator, limit: int) -> dict[str, str]:
    """The file field's error for a file beyond ``limit`` bytes."""
    return {"file": t("lc_err_too_large", size=t.size(limit))}


async def read_upload(form: Mapping[str, str | Upload], t: WTranslator
                      ) -> tuple[Upload | None, dict[str, str]]:
    """The file of an import form: the upload (the check) or the file the check carried on
    (the import button); a form error on ``file`` otherwise."""
    field = form.get("file")
    if isinstance(field, Upload):
        if not field.content:
            return None, {"file": t("lc_err_file")}
        name = field.name or "members.csv"
        return Upload(name, field.content, _content_type(name, field.content_type)), {}
    carried = form.get("content")
    if isinstance(carried, str) and carried:
        try:
            content = base64.b64decode(carried, validate=True)
        except (binascii.Error, ValueError):
            return None, {"file": t("lc_err_changed")}
        name = str(form.get("filename", "members.csv"))[-200:]
        return Upload(name, content, _content_type(name, str(form.get("content_type", "")))), {}
    return None, {"file": t("lc_err_file")}


def column_warnings(t: WTranslator, unknown: Sequence[UnknownColumn | Mapping[str, Any]]
                    ) -> list[str]:
    """The header row's columns the import ignores, each named, with the header it is close
    to: "Colonne non reconnue : « fonctoin » (ignorée). Vouliez-vous dire « fonction » ?"."""
    said = []
    for u in unknown:
        found = u.model_dump() if isinstance(u, UnknownColumn) else u
        words = t("lc_warn_unknown_column", header=found["header"])
        if found.get("suggestion"):
            words += " " + t("lc_warn_did_you_mean", suggestion=found["suggestion"])
        said.append(words)
    return said


def row_warnings(t: WTranslator, result: ImportResult) -> list[str]:
    """The rows' warnings (docs/lifecycle.md, "Import"), each naming the row and the person,
    in the page's language: "Ligne 3, Didier Reynders : le rang « Ministre » est un rang
    ministériel, mais la catégorie est « Expert »…". None stops the import."""
    said = []
    for r in result.rows:
        for w in r.warnings:
            params = w.params
            if w.code == "rank-category":
                words = t(f"lc_warn_fit_{w.field}", rank=t(f"rank_{params['rank']}"),
                          category=t(f"category_{params['category']}"))
            elif w.code == "names-in-capitals":
                words = t(f"lc_warn_capitals_{w.field}", name=params[w.field])
            else:
                words = t("lc_warn_names_swapped", given_name=params["given_name"])
            said.append(t("lc_warn_row", row=r.row, warning=words,
                          name=f"{params['given_name']} {params['family_name']}"))
    return said


def column(t: WTranslator, name: str) -> str:
    key = f"lc_col_{name}"
    return t(key) if key in t.keys else name


_KEYS: dict[str, str] = {
    "required": "lc_err_required", "required-for": "lc_err_required_for",
    "formula": "lc_err_formula",
    "date": "lc_err_date", "email": "err_email", "too-long": "err_too_long",
    "twice": "lc_err_twice", "staff": "lc_err_staff", "own-delegation": "lc_err_own_delegation",
    "delegation-required": "lc_err_delegation_required",
    "no-delegation": "lc_err_no_delegation", "other-delegation": "lc_err_other_delegation",
    "press": "lc_err_press", "status": "lc_err_status", "decided": "lc_err_decided",
    # the file as a whole: its header row, its format
    "missing-column": "lc_err_missing_column", "named-twice": "lc_err_named_twice",
    "unknown-column": "lc_err_unknown_column", "mapping": "lc_err_mapping",
    "empty": "lc_err_empty", "no-header": "lc_err_no_header", "no-rows": "lc_err_no_rows",
    "too-many-rows": "lc_err_too_many_rows",
    "not-a-table": "lc_err_not_a_table", "not-csv": "lc_err_not_csv",
    "not-xlsx": "lc_err_not_xlsx", "no-such-delegation": "lc_err_no_such_delegation",
    "no-delegation-column": "lc_err_no_delegation_column",
    # the delegations' import's own (docs/lifecycle.md, "Importing delegations")
    "both": "di_err_both", "places": "di_err_places", "fixed": "di_err_fixed",
    "exists": "di_err_exists", "conference-language": "di_err_conference_language",
}
"""The import's error codes (docs/lifecycle.md, "Error codes") → the page's words."""
_FILE_CODES = frozenset({"missing-column", "named-twice", "unknown-column", "mapping", "empty",
                         "no-header", "no-rows",
                         "too-many-rows", "not-a-table", "not-csv", "not-xlsx",
                         "no-such-delegation", "no-delegation-column"})


def coded_message(t: WTranslator, field: str, code: str, params: Mapping[str, Any],
                  message: str, *, staff: bool = True) -> str:
    """An import error in the page's language, from its code and params; the English message
    as it is for a code the page does not know. ``staff``: whether the reader may import the
    category staff (not a focal point: the portal offered « Personnel » among the categories,
    then refused it; tryout)."""
    if code == "quota-exceeded":
        category = t(f"category_{params['category']}") if params.get("category") else ""
        # the file's earlier rows named only when they take some of the places (tried as a
        # focal point, 2 December 2026: "earlier rows included" where none were)
        quota = "lc_err_quota_file" if params.get("in_file") else "lc_err_quota"
        return t.plural(quota, params.get("used", 0), used=params.get("used"),
                        allowed=params.get("allowed"), category=category,
                        in_file=params.get("in_file"))
    if code == "not-a-label":
        offered = accepted_labels(field, t.language)
        if field == "category" and not staff:
            offered = [label for label in offered if label != CATEGORY_LABELS[
                t.language if t.language in CATEGORY_LABELS else "en"][Category.staff]]
        return t("lc_err_language" if field == "language" else "lc_err_label",
                 labels=", ".join(offered))
    if code == "no-such-date":
        if "month" not in params:
            return t("lc_err_no_such_month")
        month = get_month_names("wide", locale=LOCALES[t.language])[int(params["month"])]
        return t("lc_err_no_such_date", day=params.get("day"), month=month)
    if code == "invalid":
        return field_message(t, field, {"type": params.get("type", ""), "msg": message})
    key = _KEYS.get(code)
    if key is None:
        return message
    values = {name: str(value) for name, value in params.items()}
    if "status" in values:
        values["status"] = t(f"status_{values['status']}").lower()
    if "category" in values:
        values["category"] = t(f"category_{values['category']}").lower()
    values["column"] = column(t, str(params.get("column", field)))
    return t(key, **values)


def row_error(t: WTranslator, e: RowError, *, staff: bool = True) -> str:
    """One error of a row, naming the column, in the page's language."""
    separator = "\u00a0: " if t.language == "fr" else ": "
    words = coded_message(t, e.field, e.code, e.params, e.message, staff=staff)
    return f"{column(t, e.field)}{separator}{_after_colon(words)}"


def _after_colon(words: str) -> str:
    """A message as it follows « courriel : », in lower case like the row's other errors
    (« Adresse électronique non valide » stood out among « valeur inconnue… »), but for a
    word in capitals (« ISO »)."""
    if len(words) > 1 and words[0].isupper() and not words[1].isupper():
        return words[0].lower() + words[1:]
    return words


def file_errors(t: WTranslator, exc: Invalid) -> str:
    """Why the file as a whole cannot be imported (its header row, its format), in the page's
    language."""
    errors: Sequence[dict[str, Any]] = exc.extra.get("errors", [])
    separator = "\u00a0: " if t.language == "fr" else ": "
    said = []
    for e in errors:
        code = str(e.get("code", ""))
        words = coded_message(t, e["field"], code, e.get("params", {}), e["message"])
        # a header's or the file's words name what they are about; any other names its field
        said.append(words if code in _FILE_CODES else f"{column(t, e['field'])}{separator}{words}")
    detail = ("\u00a0; " if t.language == "fr" else "; ").join(said)
    # a misspelt required header is missing and unknown: both said, with the suggestion
    ignored = column_warnings(t, exc.extra.get("unknown_columns", []))
    # one sentence, ended before the ignored columns' (it ran on: « …d'en-tête Colonne non
    # reconnue »)
    return " ".join([t("lc_err_unreadable", detail=(detail or exc.detail).rstrip(". ")),
                     *ignored])


async def run_import(request: web.Request, slug: str, upload: Upload, principal: Principal,
                     delegation_id: UUID | None, dry_run: bool) -> ImportResult:
    return await lifecycle.import_members(
        request.app[pool_key], slug, upload.content, upload.content_type,
        ImportQuery(dry_run=dry_run, delegation_id=delegation_id), principal, now(request))


def preview_rows(t: WTranslator, result: ImportResult, upload: Upload | None = None, *,
                 staff: bool = True) -> list[dict[str, Any]]:
    """The check's table: each row's outcome and details and, with the ``upload``, who the
    row names (name, email, category as written in the file)."""
    people = lifecycle.row_people(upload.content, upload.content_type) if upload else {}
    rows = []
    for r in result.rows:
        details = [row_error(t, e, staff=staff) for e in r.errors]
        if r.changed:
            details.append(t("lc_changed", fields=", ".join(column(t, c) for c in r.changed)))
        # the row's warnings, said in full above the table (``row_warnings``)
        details += [t({"names-swapped": "lc_row_warn_names",
                       "names-in-capitals": "lc_row_warn_capitals"}.get(w.code,
                                                                        "lc_row_warn_fit"))
                    for w in r.warnings]
        row: dict[str, Any] = {"row": r.row, "outcome": r.outcome, "details": details}
        if upload is not None:
            who = people.get(r.row)
            row["who"] = who and {**who, "category": _category_words(t, who["category"],
                                                                     who.get("gender"))}
        rows.append(row)
    return rows


def _category_words(t: WTranslator, written: str, gender: str | None) -> str:
    """A category as written in the file, in the reader's words when it is one we know, in
    the gender the row's salutation says (« Experte » for Mme, as the members' list names her
    once imported; docs/protocol.md, "Titles in the person's gender")."""
    key = f"category_{written.strip().lower()}"
    return t.gendered(key, gender or None) if key in t.keys else written


# --- the portal pages -------------------------------------------------------------------------


async def _members(request: web.Request, p: Portal) -> list[Accreditation]:
    return [m for m in await _all_members(request, p) if m.status in LIVE]


async def _replaced(request: web.Request, p: Portal, gone: Accreditation,
                    everyone: Sequence[Accreditation]) -> str:
    """What became of ``gone``, a member of this delegation chosen on a form of before who may
    no longer be replaced: who took their place (among ``everyone``, the delegation's members),
    else their status. The form said « Choose the member to replace » to a second tab's
    confirmation, as if nothing had been chosen (docs/lifecycle.md, "Substitutions")."""
    # the history, which names the other side of the substitution, is the use-case's to read
    history = (await accreditations.get(request.app[pool_key], gone.id, p.principal)).history
    linked = next((h.linked_accreditation_id for h in reversed(history or [])
                   if h.to_status is Status.substituted and h.linked_accreditation_id), None)
    successor = next((m for m in everyone if m.id == linked), None) if linked else None
    if successor is not None:
        return p.t("lc_err_already_replaced", old=f"{gone.given_name} {gone.family_name}",
                   new=f"{successor.given_name} {successor.family_name}")
    return p.t("lc_err_not_substitutable", status=p.t(f"status_{gone.status.value}"))


async def _all_members(request: web.Request, p: Portal) -> list[Accreditation]:
    async with connection(request) as conn:
        return await ws.members_of(conn, p.delegation["id"])


async def _substitute_form(request: web.Request, p: Portal, values: dict[str, str], *,
                           errors: dict[str, str] | None = None, message: str | None = None,
                           status: int = 200, closed: str | None = None) -> web.Response:
    t = p.t
    members = await _members(request, p)
    same_name = namesakes(members)
    return frame.render(
        request, "lc_substitute.html", p.language, person=p.person, conference=p.conference,
        status=status, title=t("lc_substitute_title"),
        crumbs=p.crumbs((t("lc_substitute_title"), None)), base=p.base, values=values,
        errors=errors or {}, message=message,
        # the header's language control submits this form with ``edit``, with what is typed
        # in it now, to come back filled in the other language, nothing checked or done
        # (docs/workspaces.md, "The language control")
        switch_submit=None if closed else {
            "form": "substitute-form", "name": "edit", "action": frame.with_lang(
                f"{p.base}/substitute", frame.other_language(p.language))},
        members=[(str(m.id), f"{m.given_name} {m.family_name}"
                             + (f" ({m.email})" if m.id in same_name else "") + " – "
                             f"{t.gendered('category_' + m.category.value, m.gender)}"
                             + (f", {function_said(m, t.language)}" if m.function else ""))
                 for m in members],
        **substitution_choices(t), changes_close_at=p.conference.changes_close_at,
        closed=closed, labels=substitution_labels(t),
    )


@routes.add("GET", "/delegation/{slug}/substitute", summary="Substitute a member: the form",
            who=FOCAL_POINT, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def lc_substitute_form(request: web.Request) -> web.Response:
    p = await open_portal(request)
    member = request.query.get("member", "")[:36]
    return await _substitute_form(request, p, {"member": member, "language": p.language},
                                  closed=p.closed(now(request)).get("changes"))


def substitution_choices(t: WTranslator) -> dict[str, Any]:
    """The choices of the new person's fields (``_substitute_fields.html``), portal and console."""
    return {"languages": [("fr", t("lang_fr")), ("en", t("lang_en"))],
            "genders": [("female", t("gender_female")), ("male", t("gender_male"))],
            "ranks": [(r.value, t(f"rank_{r.value}")) for r in RANK_ORDER]}


def substitution_labels(t: WTranslator) -> dict[str, str]:
    """The substitution form's fields by their labels, for the summary of its errors at the
    top of the page (``_error_summary.html``): on a phone the field in error sits a screen
    or two below where the answer opens (docs/workspaces.md, "Errors in sight")."""
    return {"member": t("lc_f_member"), "reason": t("lc_f_reason"),
            **{name: t(f"f_{name}") for name in PERSON_FIELDS}}


def person_errors(t: WTranslator, exc: ValidationError, prefix: str = ""
                  ) -> tuple[dict[str, str], str | None]:
    """The new person's field errors, keyed by the form's ids (``prefix`` + field)."""
    errors: dict[str, str] = {}
    general = None
    for err in exc.errors(include_url=False):
        field = str(err["loc"][-1]) if err["loc"] else ""
        if field in (*PERSON_FIELDS, "reason", "approve"):
            errors.setdefault(prefix + field, field_message(t, field, dict(err)))
        else:
            general = str(err["msg"]).removeprefix("Value error, ")
    return errors, general


def confirmation(t: WTranslator, old: Accreditation, body: SubstitutionIn,
                 *, by_protocol: bool = False) -> dict[str, Any]:
    """What the confirmation page (``lc_substitute_confirm.html``) says of a substitution
    checked, not done: who replaces whom, what will follow, the new person's details as they
    will be recorded (a rank or function left empty: the member's). Portal and console;
    ``by_protocol``: made by the organisers, whose substitution is told to the delegation's
    focal points too (docs/lifecycle.md, "Letters")."""
    old_name = f"{old.given_name} {old.family_name}"
    new_name = f"{body.given_name} {body.family_name}"
    inherited = t("lc_confirm_inherited")
    # the new person's rank in their gender (docs/protocol.md, "Titles in the person's gender")
    rank = t.rank(body.rank, body.gender) if body.rank \
        else f"{t.rank(old.rank, body.gender)} ({inherited})" if old.rank else ""
    # the member's function, left empty or given again as it was (the console's form is filled
    # with it): kept word for word, which the page says
    kept = old.function if old.function and body.function in (None, old.function) else None
    function = f"{kept} ({t('lc_confirm_inherited_function')})" if kept \
        else body.function or ""
    # in French and in English: those given, else the member's while the function is theirs
    # (accreditation.domain.substitute_functions)
    in_languages = {
        name: given or (f"{theirs} ({t('lc_confirm_inherited_function')})"
                        if kept and theirs else "")
        for name, given, theirs in (("function_fr", body.function_fr, old.function_fr),
                                    ("function_en", body.function_en, old.function_en))}
    details = [
        ("f_given_name", body.given_name), ("f_family_name", body.family_name),
        ("f_email", body.email), ("f_language", t(f"lang_{body.language}")),
        ("f_gender", t(f"gender_{body.gender}") if body.gender else ""),
        ("f_rank", rank), ("f_function", function),
        ("f_function_fr", in_languages["function_fr"]),
        ("f_function_en", in_languages["function_en"]), ("lc_f_reason", body.reason or ""),
    ]
    if body.approve:
        details.append(("lc_confirm_approve", t("lc_yes")))
    return {
        "old_name": old_name, "new_name": new_name,
        "old_approved": old.status is Status.approved, "new_approved": body.approve,
        "old_label": f"{old_name} – {t.gendered('category_' + old.category.value, old.gender)}"
                     + (f", {function_said(old, t.language)}" if old.function else ""),
        "details": [(t(key), value) for key, value in details if value],
        "focal_told": t("lc_confirm_focal") if by_protocol else "",
        "function_kept": t("lc_confirm_function_kept", new=new_name, function=kept)
        if kept else "",
    }


async def substitution_notes(conn: Any, t: WTranslator, conference: Conference,
                             old: Accreditation, body: SubstitutionIn, at: datetime
                             ) -> list[tuple[str, str]]:
    """What the confirmation must add when the place is on a royal-presence session's security
    list and that list has frozen, and when the category needs security clearance ((id, text)
    pairs): a tryout confirmed a late substitute "a badge opening the same zones" who was then
    refused at the royal perimeter, and promised a badge that waited for a clearance."""
    notes: list[tuple[str, str]] = []
    new = f"{body.given_name} {body.family_name}"
    category = old.category.value
    deadline = conference.security_list_deadline
    if deadline is not None and at >= deadline:
        frozen = t.datetime(deadline, conference.timezone)
        places = await ws.royal_places(conn, conference.id, old.id, category)
        for n, (title, role) in enumerate(places, start=1):
            name = title.get(t.language) or next(iter(title.values()), "")
            notes.append((f"effect-royal-{n}", t(
                "lc_confirm_royal_audience" if role is None else "lc_confirm_royal_participant",
                new=new, session=name, date=frozen)))
    # a part on a session (speaker, chair) passes to the substitute, but the published
    # programme names the person replaced: their invitation as such waits for the next
    # publication (a late substitute's royal opening came only when protocol published again:
    # tryout of the meeting's day, 5 December 2026)
    parts = await ws.participant_places(conn, old.id)
    if parts:
        notes.append(("effect-parts", t(
            "lc_confirm_parts", new=new, old=f"{old.given_name} {old.family_name}",
            sessions=t.both([t("lc_confirm_part", session=title.get(t.language)
                               or next(iter(title.values()), ""),
                               role=t(f"prog_role_{role}").lower())
                             for title, role in parts]))))
    if category in conference.vetting_required:
        notes.append(("effect-clearance", t(
            "lc_confirm_clearance", new=new, category=t(f"category_{category}"))))
    # the visa letter goes with the place's holder (docs/credentials.md, "Visa invitation
    # letters"): said before, not only in the letter that follows (tryout, 4 December 2026)
    letter = await ws.open_visa_letter(conn, old.id)
    if letter is not None:
        old_name = f"{old.given_name} {old.family_name}"
        notes.append(("effect-visa", t(
            "lc_confirm_visa_approved" if letter["status"] == "approved"
            else "lc_confirm_visa_requested", old=old_name, new=new, number=letter["number"])))
    return notes


def _confirm_page(request: web.Request, p: Portal, values: dict[str, str],
                  old: Accreditation, body: SubstitutionIn,
                  notes: Sequence[tuple[str, str]] = ()) -> web.Response:
    """The substitution checked, not done; confirm (the values carried in hidden fields,
    checked again) or change them."""
    t = p.t
    return frame.render(
        request, "lc_substitute_confirm.html", p.language, person=p.person,
        conference=p.conference, title=t("lc_confirm_title"),
        crumbs=p.crumbs((t("lc_substitute_title"), f"{p.base}/substitute"),
                        (t("lc_confirm_title"), None)),
        base=p.base, action=f"{p.base}/substitute", values=values,
        switch_form=values,  # the language button checks the same values again
        notes=notes,
        # an administrator in the portal acts as the organisers (docs/lifecycle.md)
        **confirmation(t, old, body, by_protocol=p.principal.role is not Role.focal_point),
    )


@routes.add("POST", "/delegation/{slug}/substitute",
            summary="Substitute a member (HTML form): checked first (nothing written, a "
                    "confirmation page), done with confirm=1; edit=1 shows the form again",
            who=FOCAL_POINT, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422))
@frame.page
async def lc_substitute(request: web.Request) -> web.StreamResponse:
    p = await open_portal(request)
    t = p.t
    form = await read_form(request)
    values = {n: str(form.get(n, "")).strip() for n in ("member", *PERSON_FIELDS, "reason")}
    show = _substitute_form
    if not frame.csrf_ok(request, form, p.person):
        return await show(request, p, values, message=t("csrf_failed"), status=403)
    if form.get("edit") == "1":  # "change" on the confirmation: the form, filled
        return await show(request, p, values)
    confirmed = form.get("confirm") == "1"
    everyone = await _all_members(request, p)
    picked = next((m for m in everyone if str(m.id) == values["member"]), None)
    if picked is not None and picked.status not in LIVE:
        # replaced, or ended, meanwhile (a second tab, the back button)
        return await show(request, p, values, status=409, errors={
            "member": await _replaced(request, p, picked, everyone)})
    try:
        body = SubstitutionIn.model_validate(
            {n: v for n, v in values.items() if v and n != "member"})
    except ValidationError as exc:
        # every field's error at once, the member's with them: an empty form named the member
        # alone, then the three empty fields on the second try (a screen-reader tryout)
        errors, general = person_errors(t, exc)
        if picked is None:
            errors = {"member": t("lc_err_pick_member"), **errors}
        return await show(request, p, values, errors=errors, message=general, status=422)
    if picked is None:
        return await show(request, p, values, errors={"member": t("lc_err_pick_member")},
                          status=422)
    old = picked
    pool = request.app[pool_key]
    try:
        if confirmed:
            created = await accreditations.substitute(pool, old.id, body, p.principal,
                                                      now(request))
        else:  # every refusal the substitution would give, nothing written
            await accreditations.check_substitute(pool, old.id, body, p.principal,
                                                  now(request))
    except DeadlinePassed:
        # the page as it is once closed (the notice, no form), not the form again under a
        # "possible until" of a date gone by (tried as a focal point, 5 December 2026)
        if (closed := p.closed(now(request)).get("changes")) is not None:
            return await show(request, p, values, status=409, closed=closed)
        closes = p.conference.changes_close_at
        date = t.datetime(closes, p.conference.timezone) if closes else ""
        return await show(request, p, values, status=409,
                          message=t("lc_err_changes_closed", date=date))
    except Duplicate:
        return await show(request, p, values, status=409, errors={
            "email": await taken_words(request, p, str(values.get("email", "")))})
    except Invalid as exc:
        fields = {e["field"] for e in exc.extra.get("errors", [])}
        if "reason" in fields:
            return await show(request, p, values, status=422,
                              errors={"reason": t("lc_err_reason_required")})
        return await show(request, p, values, status=422, message=exc.detail)
    except Conflict as exc:
        status_now = str(exc.extra.get("status_now", old.status.value))
        return await show(request, p, values, status=409, message=t(
            "lc_err_not_substitutable", status=t(f"status_{status_now}")))
    if not confirmed:
        async with connection(request) as conn:
            notes = await substitution_notes(conn, t, p.conference, old, body, now(request))
        return _confirm_page(request, p, values, old, body, notes)
    raise web.HTTPSeeOther(frame.with_lang(f"{p.base}/members/{created.id}", p.language,
                                           done="substituted", **frame.flash_params(
                                               request, old=f"{old.given_name} "
                                                            f"{old.family_name}")))


async def _import_page(request: web.Request, p: Portal, *, upload: Upload | None = None,
                       result: ImportResult | None = None,
                       errors: dict[str, str] | None = None, message: str | None = None,
                       flash: str | None = None, status: int = 200,
                       closed: str | None = None) -> web.Response:
    t = p.t
    return frame.render(
        request, "lc_import.html", p.language, person=p.person, conference=p.conference,
        status=status, closed=closed, title=t("lc_import_title"), flash=flash,
        crumbs=p.crumbs((t("lc_import_title"), None)), base=p.base, action=f"{p.base}/import",
        delegations=None, delegation="", upload=upload, result=result,
        rows=preview_rows(t, result, upload, staff=False) if result else [],
        errors=errors or {},
        message=message, file_limit=t.size(import_limit(request)),
        warnings=column_warnings(t, result.unknown_columns) if result else [],
        row_warnings=row_warnings(t, result) if result else [],
        switch_form=check_again(upload if result else None),
        # rows beyond a quota: the two ways on, as the member form says them
        quota_way=t("lc_quota_way", email=p.conference.organiser_email) if result and any(
            e.code == "quota-exceeded" for r in result.rows for e in r.errors) else None,
        exports=[(t("lc_export_csv"), f"{p.base}/members.csv", "export-csv"),
                 (t("lc_export_xlsx"), f"{p.base}/members.xlsx", "export-xlsx")],
    )


def imported_flash(t: WTranslator, query: Any) -> str | None:
    if query.get("done") != "imported":
        return None
    counts = {k: str(query.get(k, "0"))[:6] for k in ("create", "update", "unchanged")}
    said = t("lc_flash_imported", create=t.plural("lc_n_created", counts["create"]),
             update=t.plural("lc_n_updated", counts["update"]),
             unchanged=t.plural("lc_n_unchanged", counts["unchanged"]))
    # the rows the check warned of, imported as they were: said again, by their number
    warned = str(query.get("warned", ""))[:6]
    if warned.isdigit() and int(warned) > 0:
        said += " " + t.plural("lc_flash_warned", int(warned))
    return said


def imported_params(result: ImportResult) -> dict[str, str]:
    """What the page after an import says: the counts, and the rows that carried a warning."""
    c = result.counts
    params = {"create": str(c.create), "update": str(c.update), "unchanged": str(c.unchanged)}
    warned = sum(1 for r in result.rows if r.warnings)
    return {**params, "warned": str(warned)} if warned else params


@routes.add("GET", "/delegation/{slug}/import",
            summary="Import members from a CSV or XLSX file: the form", who=FOCAL_POINT,
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def lc_import_form(request: web.Request) -> web.Response:
    p = await open_portal(request)
    return await _import_page(request, p, flash=imported_flash(p.t, request.query),
                              closed=p.closed(now(request)).get("nominations"))


@routes.add("POST", "/delegation/{slug}/import",
            summary="Import members (HTML form, multipart): check the file (nothing written) "
                    "or import it (all rows or none); a file beyond the service's body limit "
                    "is refused on the form (413)",
            who=FOCAL_POINT, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 413, 422), extra={"streams_body": True})
@frame.page
async def lc_import_members(request: web.Request) -> web.StreamResponse:
    p = await open_portal(request)
    t = p.t
    try:
        form = await read_import_form(request)
    except TooLarge:
        return await _import_page(request, p, errors=too_large(t, import_limit(request)),
                                  status=413)
    if not frame.csrf_ok(request, form, p.person):
        return await _import_page(request, p, message=t("csrf_failed"), status=403)
    upload, errors = await read_upload(form, t)
    if upload is None:
        return await _import_page(request, p, errors=errors, status=422)
    apply = form.get("step") == "apply"
    try:
        result = await run_import(request, p.conference.slug, upload, p.principal,
                                  p.delegation["id"], dry_run=not apply)
    except Invalid as exc:
        return await _import_page(request, p, errors={"file": file_errors(t, exc)},
                                  status=422)
    except DeadlinePassed:
        closes = p.conference.nominations_close_at
        date = t.datetime(closes, p.conference.timezone) if closes else ""
        return await _import_page(request, p, status=409,
                                  message=t("lc_err_nominations_closed", date=date))
    if result.applied:
        raise web.HTTPSeeOther(frame.with_lang(f"{p.base}/import", p.language, done="imported",
                                               **imported_params(result)))
    return await _import_page(request, p, upload=upload, result=result,
                              status=422 if result.counts.error else 200)


async def _export(request: web.Request, kind: str) -> web.Response:
    p = await open_portal(request)
    # headed in the page's language with the labels the import reads, named by the conference
    # and the delegation (docs/lifecycle.md, "CSV files")
    f = await lifecycle.export_members(request.app[pool_key], p.conference.slug,
                                       "xlsx" if kind == "xlsx" else "csv",
                                       p.delegation["id"], p.principal,
                                       titles=column_titles(p.language), delegation_name=p.name,
                                       language=p.language)
    return web.Response(body=f.content, headers={
        "Content-Type": f.content_type, "Cache-Control": "no-store",
        "Content-Disposition": f'attachment; filename="{f.filename}"'})


@routes.add("GET", "/delegation/{slug}/members.csv",
            summary="The delegation's members in the importable columns (CSV download)",
            who=FOCAL_POINT, tag="workspaces", media=("text/csv", "text/html"),
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def lc_export_csv(request: web.Request) -> web.Response:
    return await _export(request, "csv")


@routes.add("GET", "/delegation/{slug}/members.xlsx",
            summary="The delegation's members in the importable columns (XLSX download)",
            who=FOCAL_POINT, tag="workspaces",
            media=(XLSX_TYPE, "text/html"), error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def lc_export_xlsx(request: web.Request) -> web.Response:
    return await _export(request, "xlsx")
