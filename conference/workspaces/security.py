"""The security service's page (``/manage/{slug}/security``): where a person with a
``security`` grant lands after signing in, with what that grant allows — the people to vet as
CSV, the results file sent back, one person's status recorded on their row — through the
credentials use-cases the API's ``/api/v1/conferences/{slug}/vetting.csv`` and
``…/vetting/status`` call (docs/workspaces.md, "The security service").
Protocol and admin open it too (the same role set as the API's)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from aiohttp import web

from conference.auth import Principal, Role
from conference.conferences.lookup import conference_by_slug
from conference.conferences.models import Conference
from conference.credentials import domain as credential_rules
from conference.credentials import service as credentials
from conference.errors import Forbidden, Invalid, NotFound
from conference.http.context import connection, now, pool_key
from conference.http.io import FilePart, TooLarge, read_form, read_multipart
from conference.http.routes import RouteTable
from conference.mail import formatting
from conference.pages.handlers import sent_before, switching
from conference.people.domain import may_open_conference
from conference.people.service import SignedIn
from conference.protocol.countries import country_name
from conference.workspaces import domain, frame
from conference.workspaces import repo as ws
from conference.workspaces.i18n import WTranslator

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
MAX_FILE = 5 * 1024 * 1024
"""The largest results file the page takes; its route reads its body within it (not within the
service's body limit), and says on the form when a file passes it."""
FORM_OVERHEAD = 64 * 1024


class Office:
    def __init__(self, person: SignedIn, conference: Conference, principal: Principal,
                 language: str) -> None:
        self.person, self.conference, self.principal = person, conference, principal
        self.language = language
        self.t = WTranslator(language)
        self.base = f"/manage/{conference.slug}/security"


async def _office(request: web.Request) -> Office:
    person = await frame.signed_in(request)
    async with connection(request) as conn:
        conference = await conference_by_slug(conn, request.match_info["slug"])
    for grant in ("security", "protocol", "admin"):
        if may_open_conference(person.grants, conference.id, grant):
            role = Role(grant)
            break
    else:
        raise Forbidden("Not this conference's security service.")
    assert role in credentials.VETTING_OFFICE
    return Office(person, conference, Principal(0, role, person_id=person.person_id),
                  frame.language_of(request, person))


def line_errors(t: WTranslator, errors: list[dict[str, Any]]) -> list[str]:
    """The results file's wrong cells in the page's language, the line and the column named in
    words ("Line 3, column “reason”: a refusal needs its reason."), not the API's field path
    (docs/workspaces.md, "Security"), and the person the line names when the file names them
    ("Line 3 (Jan Kowalski), column …", the error's ``name``, read with the file by the
    import): the officer looks for a person, not a line number. An unknown status is answered
    with the statuses as the row's select names them, in the page's language."""
    said = []
    for e in errors:
        kind = str(e.get("type", ""))
        if kind == "missing":
            kind = f"missing_{e.get('status', '')}"
        key = f"security_err_{kind}"
        column = str(e.get("column", ""))
        message = (t(key, column=column, **_status_words(t)) if key in t.keys
                   else str(e.get("message", "")))
        if e.get("type") == "header":
            said.append(t("security_header", message=message))
        elif e.get("line") and e.get("name"):
            said.append(t("security_line_named", line=e["line"], column=column,
                          message=message, name=str(e["name"])))
        elif e.get("line"):
            said.append(t("security_line", line=e["line"], column=column, message=message))
        else:
            said.append(message)
    return said


def state_word(t: WTranslator, status: str) -> str:
    """A clearance's state as the page's list, filter and row select name it: the console's
    word (« accordée », "cleared", ``vetting_…``) capitalised as the console's tables and
    labels give a state (« Accordée », "Cleared"); running text keeps the console's lower case
    ("Clearance recorded for Jan Peeters: cleared."). The page said « Statut : accordée » where
    the console says « État » (docs/workspaces.md, "The security service")."""
    return domain.capitalised(t(f"vetting_{status}"))


def _status_words(t: WTranslator) -> dict[str, str]:
    """The statuses a results file may hold, as the row's select names them, quoted as the
    language quotes: « En attente », « Accordée »… / “Pending”, “Cleared”… (the file takes
    these words as well as the codes, in any case: docs/credentials.md, "Vetting")."""
    words = [t("security_quoted", word=state_word(t, s)) for s in credential_rules.SETTABLE]
    return {"statuses": ", ".join(words[:-1]), "last": words[-1]}


LIST_PARAMS = ("status", "q", "page")
"""The list's filter, search and page: a row's form carries them back (as ``list_…``), so that
the officer comes back to the list they were working through."""


async def _page(request: web.Request, o: Office, *, errors: list[dict[str, Any]] | None = None,
                message: str | None = None, status: int = 200,
                row: dict[str, Any] | None = None,
                listed: dict[str, str] | None = None) -> web.Response:
    """``row``: a row's form sent back with its errors (``id``, ``values``, ``errors`` by
    field); ``listed``: the list's parameters it carried, in place of the address's."""
    t = o.t
    flash = None
    if request.query.get("done") == "uploaded":
        flash = _uploaded(t, request.query.get("count", "0")[:6],
                          request.query.get("same", "0")[:6])
    elif request.query.get("done") == "status":
        name = frame.flash_text(request, "name", 200)
        said = request.query.get("set", "")
        if name and said in credential_rules.SETTABLE:
            flash = t("security_status_done", name=name, status=t(f"vetting_{said}"))
    query = listed if listed is not None else {k: request.query.get(k, "") for k in LIST_PARAMS}
    chosen = query.get("status", "")
    chosen = chosen if chosen in credential_rules.SETTABLE else ""
    search = domain.search_text(query.get("q", ""))
    asked = domain.page_number(query.get("page", ""))
    people, total = await credentials.vetting_overview(
        request.app[pool_key], o.conference.id, o.principal, chosen or None,
        search=domain.like_pattern(search) or None, page_size=domain.PAGE_SIZE,
        skip=domain.skip(asked))
    return frame.render(
        request, "security.html", o.language, person=o.person, conference=o.conference,
        status=status, title=t("security_title"),
        crumbs=[(t("home_title"), "/workspaces"), (t("security_title"), None)], flash=flash,
        base=o.base, errors=line_errors(t, errors or []), message=message,
        file_limit=t.size(MAX_FILE),
        people=people, chosen=chosen, search=search, paging=domain.Paging.of(asked, total),
        # a country's name; an organisation or an outlet as written, even of two capitals
        # ("AP" was read as a country code, and the page failed)
        delegation_words=lambda p: country_name(p.country, o.language) if p.country
        else (p.delegation or ""), statuses=credential_rules.SETTABLE,
        state_words=lambda status: state_word(t, status),
        # "French", "French and English": the letters quoting a row's reason
        letter_language_words=lambda codes: t("security_languages_and").join(
            t(f"in_language_{code}") for code in codes),
        country_words=lambda code: country_name(code, o.language),
        day_words=lambda d: formatting.day(d, o.language),
        api_base=f"/api/v1/conferences/{o.conference.slug}",
        row=row or {}, row_errors=_row_summary(t, row), row_labels=_row_labels(t, row),
        list_params={"status": chosen, "q": search, "page": str(asked) if asked > 1 else ""},
        # a row sent back (its errors shown, or switched): the header's language control
        # carries that row's form, what is typed in it kept (docs/workspaces.md, "The
        # language control"); otherwise the header keeps its link
        switch_submit=frame.form_switches(
            o.language, {"row": f"{o.base}/people/{row['id']}/status"}, "row",
            ids={"row": f"record-{row['id']}"})[1] if row else None)


def _uploaded(t: WTranslator, applied: str, unchanged: str) -> str:
    """What a results file did: the statuses recorded, and the lines left alone because they
    said what was recorded already. "0 results recorded." alone, after a file sent twice, read
    as a file that had done nothing wrong and nothing at all (tried as a security officer)."""
    same = int(unchanged) if unchanged.isdigit() else 0
    if same and applied in ("", "0"):
        return t.plural("security_nothing_new", same)
    said = t.plural("security_result", applied)
    return f"{said} {t.plural('security_unchanged', same)}" if same else said


def _row_labels(t: WTranslator, row: dict[str, Any] | None) -> dict[str, str]:
    """The summary's names of a row's fields: the field and whose row it is."""
    if not row:
        return {}
    who = row.get("name", "")
    return {f"{name}-{row['id']}": t(f"security_f_{name}") + (f" ({who})" if who else "")
            for name in ("status", "reason")}


def _row_summary(t: WTranslator, row: dict[str, Any] | None) -> dict[str, str]:
    """A row form's errors for the summary under the title, keyed by the control's id."""
    if not row:
        return {}
    return {f"{name}-{row['id']}": text for name, text in row["errors"].items()}


@routes.add("GET", "/manage/{slug}/security",
            summary="The security service's page: what a security grant allows (HTML)",
            who="security, protocol, admin", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def security_page(request: web.Request) -> web.Response:
    return await _page(request, await _office(request))


@routes.add("GET", "/manage/{slug}/security/vetting.csv",
            summary="The people pending clearance, as CSV (signed in)",
            who="security, protocol, admin", tag="workspaces", media=("text/csv", "text/html"),
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def security_download(request: web.Request) -> web.Response:
    o = await _office(request)
    text = await credentials.vetting_csv(request.app[pool_key], o.conference.id,
                                         for_people=True)
    return web.Response(text=text, content_type="text/csv", headers={
        "Content-Disposition": f'attachment; filename="vetting-{o.conference.slug}.csv"',
        "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})


@routes.add("POST", "/manage/{slug}/security/vetting.csv",
            summary="The security service's results file (HTML form, multipart; at most "
                    "5 MB, refused on the form beyond: 413)",
            who="security, protocol, admin", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 413, 422), extra={"streams_body": True})
@frame.page
async def security_upload(request: web.Request) -> web.StreamResponse:
    o = await _office(request)
    t = o.t
    too_large = t("security_err_too_large", size=t.size(MAX_FILE))
    try:
        form = await read_multipart(request, MAX_FILE + FORM_OVERHEAD)
    except TooLarge:
        return await _page(request, o, message=too_large, status=413)
    if not frame.csrf_ok(request, {k: v for k, v in form.items()
                                   if k == "csrf" and isinstance(v, str)}, o.person):
        return await _page(request, o, message=t("csrf_failed"), status=403)
    upload = form.get("file")
    raw = upload.content if isinstance(upload, FilePart) else b""
    if len(raw) > MAX_FILE:
        return await _page(request, o, message=too_large, status=413)
    if not raw:
        return await _page(request, o, message=t("err_security_file"), status=422)
    try:
        text = raw.decode("utf-8-sig")
        result = await credentials.import_vetting_csv(request.app[pool_key], o.conference.id,
                                                      text, o.principal, now(request))
    except UnicodeDecodeError:
        return await _page(request, o, message=t("security_err_encoding"), status=422)
    except Invalid as exc:
        errors = exc.extra.get("errors", [])
        header = bool(errors) and errors[0].get("type") == "header"
        return await _page(request, o, errors=errors, status=422,
                           message=t("security_bad_header" if header else "security_bad_file"))
    raise web.HTTPSeeOther(frame.with_lang(o.base, o.language, done="uploaded",
                                           count=str(result.applied),
                                           same=str(result.unchanged)))


@routes.add("POST", "/manage/{slug}/security/people/{accreditation_id}/status",
            summary="Record one person's clearance on their row of the security page (HTML "
                    "form): a status, with its reason for refused and more_information; "
                    "switch=1 (a language button) only shows the row again in ?lang, filled",
            who="security, protocol, admin", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 422))
@frame.page
async def security_set_status(request: web.Request) -> web.Response:
    """The file is for many people at once; one person's status, asked for at the door on the
    morning of the meeting, is recorded here, on their row, through the use-case the API's
    ``…/vetting/status`` calls (docs/workspaces.md, "The security service")."""
    o = await _office(request)
    t = o.t
    try:
        accreditation_id = UUID(request.match_info["accreditation_id"])
    except ValueError:
        raise NotFound("No such person to vet.") from None
    async with connection(request) as conn:
        person = await ws.vetting_person(conn, o.conference.id, accreditation_id)
    if person is None:
        raise NotFound("No such person to vet.")
    name = f"{person['given_name']} {person['family_name']}"
    form = await read_form(request)
    values = {"status": str(form.get("status", ""))[:30],
              "reason": " ".join(str(form.get("reason", "")).split())[:500]}
    listed = {k: str(form.get(f"list_{k}", ""))[:100] for k in LIST_PARAMS}

    async def again(errors: dict[str, str], status: int, message: str | None = None
                    ) -> web.Response:
        return await _page(request, o, status=status, message=message, listed=listed,
                           row={"id": str(accreditation_id), "values": values,
                                "errors": errors, "name": name})

    if not frame.csrf_ok(request, form, o.person):
        return await again({}, 403, t("csrf_failed"))
    errors = {}
    if values["status"] not in credential_rules.SETTABLE:
        errors["status"] = t("security_err_row_status")
    elif values["status"] in ("refused", "more_information") and not values["reason"]:
        errors["reason"] = t(f"security_err_missing_{values['status']}_row")
    if switching(form):  # the language control: the row shown again, nothing recorded
        return await again(errors if sent_before(form) else {}, 200)
    if errors:
        return await again(errors, 422)
    await credentials.set_vetting_status(request.app[pool_key], accreditation_id,
                                         values["status"], values["reason"] or None,
                                         o.principal, now(request))
    back = frame.with_lang(o.base, o.language, done="status", set=values["status"],
                           **{k: v for k, v in listed.items() if v},
                           **frame.flash_params(request, name=name))
    raise web.HTTPSeeOther(f"{back}#vetting-{accreditation_id}")
