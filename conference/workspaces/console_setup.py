"""A new conference from the console (``/manage/conferences/new``, administrators of every
conference): the form an organiser fills in before anything else, the API's
``POST /api/v1/conferences`` (``conferences.service.create_conference``) as a page.

Dates and times are typed in the conference's own time zone (``workspaces.domain.wall_clock``,
as the deadlines and the sessions are); a name left empty in the second language is the one of
the first, as the room form does; every error names its field, all at once, in the page's
language (docs/workspaces.md, "A new conference"). It opens with three host rows and two
spokesperson rows; "Add a host" and "Add a spokesperson" show it again with one more, up to
the API's twenty, keeping what is typed and filing nothing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from aiohttp import web
from pydantic import ValidationError

from conference.auth import Principal, Role
from conference.calendar import preview as calendar
from conference.conferences import service as conferences
from conference.conferences.domain import CALENDAR_FIELDS, CorrectionRefused
from conference.conferences.models import Conference, ConferenceIn
from conference.errors import Duplicate, Forbidden
from conference.http.context import connection, now, pool_key, settings_key
from conference.http.io import read_form
from conference.http.routes import RouteTable
from conference.lifecycle.domain import RANK_LABELS
from conference.pages.handlers import sent_before, switching
from conference.people.models import GrantIn, StaffIn
from conference.people.service import SignedIn, add_staff
from conference.protocol.countries import (
    EU_PROTOCOL_ORDER,
    collation_key,
    country_name,
    eu_members_on,
    is_eu_member,
)
from conference.protocol.ranks import Rank
from conference.workspaces import frame
from conference.workspaces import repo as ws
from conference.workspaces.console import Desk, form_errors
from conference.workspaces.console import _desk as open_desk
from conference.workspaces.domain import NoSuchTime, wall_clock
from conference.workspaces.i18n import WTranslator

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
NEW = "/manage/conferences/new"
HOSTS = 3
SPOKESPERSONS = 2
"""The rows the form opens with (hosts, spokespersons)."""
MAX_ROWS = 20
"""The rows it grows to: the API's limit (``ConferenceIn.hosts``, ``.spokespersons``)."""
ADD = "add"
"""The field of the "Add a host" / "Add a spokesperson" buttons (``host``, ``spokesperson``):
the form shown again with one more row, what is typed kept, nothing filed."""
ROWS = {"host": ("name", "rank", "function_fr", "function_en"),
        "spokesperson": ("name", "phone", "email")}
LANGUAGE_CHOICES = ("fr,en", "en,fr", "fr", "en")
TIE_BREAKS = ("eu_protocol", "alphabetical", "drawn")
MOMENTS = ("press_opens_at", "press_closes_at", "security_list_deadline")


def fields(hosts: int = HOSTS, spokespersons: int = SPOKESPERSONS) -> tuple[str, ...]:
    """The form's fields in the form's order, with ``hosts`` and ``spokespersons`` rows: the
    error summary names them in this order."""
    return ("languages", "title_fr", "title_en", "short_fr", "short_en", "slug",
            "organiser_email", "venue_fr", "venue_en", "venue_address", "timezone", "starts_on",
            "ends_on", "patron_name", "patron_title", "patron_style_fr", "patron_style_en",
            *(f"host{i}_{part}" for i in range(1, hosts + 1) for part in ROWS["host"]),
            "press_opens_at", "press_closes_at", "pool_capacity", "security_list_deadline",
            *(f"spokesperson{i}_{part}" for i in range(1, spokespersons + 1)
              for part in ROWS["spokesperson"]),
            "privacy_controller", "privacy_controller_en", "privacy_dpo_email", "tie_break",
            "presidency")


def rows(values: Mapping[str, Any], kind: str) -> int:
    """How many ``kind`` rows (``host``, ``spokesperson``) a form or its values hold: the
    last row posted (every row posts its fields, empty or not), at least the opening rows and
    at most the API's limit."""
    least = HOSTS if kind == "host" else SPOKESPERSONS
    return max([least, *(i for i in range(1, MAX_ROWS + 1) if f"{kind}{i}_name" in values)])


def _posted(form: Mapping[str, Any]) -> tuple[dict[str, str], str | None]:
    """The form's values, its rows as posted and one more of the kind its "Add" button asks
    for (until the API's limit); and which (``host``, ``spokesperson``), None when the post is
    not an "Add" button's."""
    adding = str(form.get(ADD, ""))
    adding_kind = adding if adding in ROWS else None
    count = {kind: rows(form, kind) for kind in ROWS}
    if adding_kind is not None:
        count[adding_kind] = min(MAX_ROWS, count[adding_kind] + 1)
    return ({name: str(form.get(name, "")).strip()[:400]
             for name in fields(count["host"], count["spokesperson"])}, adding_kind)


def _sent(form: Mapping[str, Any], adding: str | None) -> bool:
    """Whether the form was sent (its errors shown): an "Add" button's post is, as the language
    control's, only when the form was sent before (``pages.handlers.sent_before``)."""
    return form.get("sent") == "1" if adding is not None else sent_before(form)


MODEL_FIELD: dict[str, str] = {
    "slug": "slug", "title.fr": "title_fr", "title.en": "title_en",
    "short_name.fr": "short_fr", "short_name.en": "short_en", "languages": "languages",
    "venue.name": "venue_fr", "venue.names.fr": "venue_fr", "venue.names.en": "venue_en",
    "venue.address": "venue_address", "timezone": "timezone", "starts_on": "starts_on",
    "ends_on": "ends_on", "organiser_email": "organiser_email", "patron.name": "patron_name",
    "patron.title": "patron_title", "patron.style": "patron_style_fr",
    "patron.style.fr": "patron_style_fr", "title": "title_fr", "venue.names": "venue_en",
    "patron.style.en": "patron_style_en",
    "press_registration.opens_at": "press_opens_at",
    "press_registration.closes_at": "press_closes_at",
    "press_registration.pool_capacity": "pool_capacity",
    "security_list_deadline": "security_list_deadline", "protocol.tie_break": "tie_break",
    "protocol.presidency": "presidency",
    "privacy.controller": "privacy_controller", "privacy.dpo_email": "privacy_dpo_email",
    "privacy.controller_names.fr": "privacy_controller",
    "privacy.controller_names.en": "privacy_controller_en",
    **{f"hosts.{i - 1}.{model}": f"host{i}_{form}" for i in range(1, MAX_ROWS + 1)
       for model, form in (("name", "name"), ("rank", "rank"), ("function.fr", "function_fr"),
                           ("function.en", "function_en"),
                           ("function", "function_fr"))},
    **{f"spokespersons.{i - 1}.{part}": f"spokesperson{i}_{part}"
       for i in range(1, MAX_ROWS + 1) for part in ("name", "phone", "email")},
}
"""Where the model's errors land on the form."""
OTHER = "_form"
"""An error of no one field (none expected: the form checks the whole's rules itself)."""


def _may_create(person: SignedIn) -> Principal:
    """Only an administrator of every conference creates one (as the API's admin token)."""
    if any(g.role == "admin" and g.conference_id is None for g in person.grants):
        return Principal(0, Role.admin, person_id=person.person_id)
    raise Forbidden("Only an administrator of every conference creates one.")


def _form(request: web.Request, person: SignedIn, language: str, values: dict[str, str], *,
          errors: dict[str, str] | None = None, status: int = 200,
          message: str | None = None, desk: Desk | None = None,
          flash: str | None = None, sent: bool = False, held: int | None = None,
          published: bool = False) -> web.Response:
    """The new conference form, or (``desk``) the same form correcting a conference's
    details, its fixed fields shown as text. ``sent``: the form was sent (its errors shown),
    so its language switch shows them again (``pages.handlers.sent_before``). ``held``: the
    invitations people hold, which a corrected venue updates (docs/workspaces.md).
    ``published``: the programme is, so the time zone is shown, not changed."""
    t = WTranslator(language)
    ranks = [(r.value, RANK_LABELS[language][r]) for r in Rank]
    hosts, spokespersons = rows(values, "host"), rows(values, "spokesperson")
    shown = fields(hosts, spokespersons)
    labels = {name: t(f"setup_f_{name}") for name in shown
              if not name.startswith(("host", "spokesperson"))}
    for i in range(1, hosts + 1):
        for part in ROWS["host"]:
            labels[f"host{i}_{part}"] = t("setup_host_n", n=i) + " – " + t(f"setup_f_host_{part}")
    for i in range(1, spokespersons + 1):
        for part in ROWS["spokesperson"]:
            labels[f"spokesperson{i}_{part}"] = (t("setup_spokesperson_n", n=i) + " – "
                                                 + t(f"setup_f_spokesperson_{part}"))
    if desk is not None:
        labels["first_language"] = t("settings_f_first_language")
        labels["languages"] = t("settings_legend_languages")
    ordered = {name: (errors or {})[name] for name in shown if name in (errors or {})}
    title = t("setup_title") if desk is None else t("settings_title")
    crumbs = [(t("home_title"), "/workspaces"), (t("manage_title"), "/manage"), (title, None)] \
        if desk is None else desk.crumbs((t("console_title"), desk.base), (title, None))
    action = f"{desk.base}/settings" if desk else NEW
    # the header's language control sends the form with what is typed in it now, to a switch
    # that shows it again filled and creates or changes nothing (docs/workspaces.md, "The
    # language control")
    _, switch_submit = frame.form_switches(language, {"conference": action}, "conference")
    return frame.render(
        request, "setup_conference.html", language, person=person, status=status,
        title=title, crumbs=crumbs, flash=flash, sent=sent, switch_submit=switch_submit,
        conference=desk.conference if desk else None,
        action=action, fixed=((*FIXED, "timezone") if published else FIXED) if desk else (),
        published=published, targets={"languages": "language_fr"} if desk else {},
        ticked=values.get("languages", "").split(","),
        zones=[(z, z) for z in ZONES],
        language_names=[(lang, t(f"lang_{lang}")) for lang in SUPPORTED],
        calendar_note=None if held is None else (
            t.plural("settings_calendar_note", held) if held else
            t("settings_calendar_note_none")),
        values=values, errors=ordered, labels=labels, message=message, ranks=ranks,
        hosts=range(1, hosts + 1), spokespersons=range(1, spokespersons + 1),
        max_rows=MAX_ROWS, add=ADD,
        language_choices=[(c, t(f"setup_languages_{c.replace(',', '_')}"))
                          for c in LANGUAGE_CHOICES],
        tie_breaks=[(c, t(f"setup_tie_break_{c}")) for c in TIE_BREAKS],
        eu_states=sorted(((code, country_name(code, language))
                          for code in presidency_choices(values)),
                         key=lambda item: collation_key(item[1])),
        titles=[("queen", t("setup_patron_queen")), ("king", t("setup_patron_king"))])


def presidency_choices(values: Mapping[str, str]) -> list[str]:
    """The states the Council presidency select offers: the EU members on the first day the
    form holds (the server refuses any other, ``setup_err_presidency``), or, before a first
    day is given, every state of the EU protocol order; and the value the form holds (stored,
    or sent) when it is not among them, so that showing the page loses nothing
    (docs/workspaces.md): a 2012 meeting lists the United Kingdom and not Croatia."""
    every = [m.country for m in EU_PROTOCOL_ORDER]
    try:
        codes = eu_members_on(date.fromisoformat(values.get("starts_on", "")))
    except ValueError:
        codes = every
    held = values.get("presidency", "")
    return [*codes, held] if held in every and held not in codes else codes


@routes.add("GET", NEW, summary="A new conference: the form (HTML, administrators)",
            who="admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403,))
@frame.page
async def setup_conference_form(request: web.Request) -> web.Response:
    person = await frame.signed_in(request)
    _may_create(person)
    language = frame.language_of(request, person)
    return _form(request, person, language, {"languages": "fr,en", "timezone": "Europe/Brussels",
                                             "tie_break": "eu_protocol"})


def _localized(values: dict[str, str], first: str, fr: str, en: str) -> dict[str, str] | None:
    """Both languages of a name; the one left empty is the other's (None when both are)."""
    given = {"fr": values[fr], "en": values[en]}
    if not given["fr"] and not given["en"]:
        return None
    fallback = given[first] or given["en" if first == "fr" else "fr"]
    return {lang: given[lang] or fallback for lang in ("fr", "en")}


def _read(values: dict[str, str], t: WTranslator) -> tuple[dict[str, Any], dict[str, str]]:
    """The API's body from the form's values, and the errors only the form can see (a date or
    a time that is not one, a time the clocks skip, a name required in the first language)."""
    errors: dict[str, str] = {}
    languages = values["languages"].split(",") if values["languages"] in LANGUAGE_CHOICES \
        else None
    if languages is None:
        errors["languages"] = t("err_choice")
    first = languages[0] if languages else "fr"
    for base in ("title", "venue"):
        if not values[f"{base}_{first}"]:
            errors[f"{base}_{first}"] = t("setup_err_first_language")
    zone_ok = True
    try:
        ZoneInfo(values["timezone"])
    except (ZoneInfoNotFoundError, ValueError):
        errors["timezone"] = t("setup_err_timezone")
        zone_ok = False
    days: dict[str, date | None] = {}
    for name in ("starts_on", "ends_on"):
        days[name] = None
        if not values[name]:
            errors[name] = t("err_required")
            continue
        try:
            days[name] = date.fromisoformat(values[name])
        except ValueError:
            errors[name] = t("setup_err_date")
    moments: dict[str, datetime | None] = {}
    for name in MOMENTS:
        moments[name] = None
        if not values[name]:
            if name != "security_list_deadline":
                errors[name] = t("err_required")
            continue
        try:
            wall = datetime.fromisoformat(values[name])
        except ValueError:
            errors[name] = t("lc_err_datetime")
            continue
        # with no zone known yet (its own error), the times are still checked, as UTC
        try:
            moments[name] = wall_clock(wall.replace(tzinfo=None),
                                       values["timezone"] if zone_ok else "UTC")
        except NoSuchTime:
            errors[name] = t("lc_err_no_such_time")
    capacity: int | None = None
    if not values["pool_capacity"]:
        errors["pool_capacity"] = t("err_required")
    else:
        try:
            capacity = int(values["pool_capacity"])
            if not 0 <= capacity <= 100_000:
                raise ValueError(capacity)
        except ValueError:
            errors["pool_capacity"] = t("setup_err_capacity")
    first_day, last_day = days.get("starts_on"), days.get("ends_on")
    if first_day is not None and last_day is not None and last_day < first_day:
        errors["ends_on"] = t("setup_err_ends_before")
    opens, closes = moments["press_opens_at"], moments["press_closes_at"]
    if opens and closes and closes <= opens:
        errors["press_closes_at"] = t("setup_err_closes_before")
    if values["patron_name"] and not (values["patron_style_fr"] or values["patron_style_en"]):
        errors["patron_style_" + first] = t("setup_err_patron_style")
    if values["presidency"] and first_day is not None \
            and not is_eu_member(values["presidency"], first_day):
        # the Council presidency is held by an EU member on the conference's first day
        errors["presidency"] = t("setup_err_presidency")
    if values["privacy_dpo_email"] and not (values["privacy_controller"]
                                            or values["privacy_controller_en"]):
        errors["privacy_controller"] = t("setup_err_controller")
    if not values["patron_name"] and any(values[f"patron_{p}"] for p in
                                         ("title", "style_fr", "style_en")):
        errors["patron_name"] = t("setup_err_patron_name")
    hosts = []
    for i in range(1, rows(values, "host") + 1):
        name = values[f"host{i}_name"]
        function = _localized(values, first, f"host{i}_function_fr", f"host{i}_function_en")
        if not name:
            if function or values[f"host{i}_rank"]:
                errors[f"host{i}_name"] = t("setup_err_host_name")
            continue
        hosts.append({"name": name, "rank": values[f"host{i}_rank"] or None,
                      "function": function})
    spokespersons = []
    for i in range(1, rows(values, "spokesperson") + 1):
        name, phone = values[f"spokesperson{i}_name"], values[f"spokesperson{i}_phone"]
        email = values[f"spokesperson{i}_email"]
        if not (name or phone or email):
            continue
        if not name:
            errors[f"spokesperson{i}_name"] = t("err_required")
        if not phone:
            errors[f"spokesperson{i}_phone"] = t("setup_err_phone_required")
        spokespersons.append({"name": name, "phone": phone, "email": email or None})
    venue = _localized(values, first, "venue_fr", "venue_en") or {"fr": "", "en": ""}
    controller = _localized(values, first, "privacy_controller", "privacy_controller_en")
    body: dict[str, Any] = {
        "slug": values["slug"],
        "title": _localized(values, first, "title_fr", "title_en") or {"fr": "", "en": ""},
        "short_name": _localized(values, first, "short_fr", "short_en"),
        "languages": languages or ["fr", "en"],
        "venue": {"name": venue[first], "address": values["venue_address"],
                  "names": venue if venue["fr"] != venue["en"] else None},
        "timezone": values["timezone"], "starts_on": days.get("starts_on"),
        "ends_on": days.get("ends_on"), "organiser_email": values["organiser_email"],
        "patron": None if not values["patron_name"] else {
            "name": values["patron_name"], "title": values["patron_title"] or None,
            "style": _localized(values, first, "patron_style_fr", "patron_style_en")},
        "hosts": hosts, "spokespersons": spokespersons,
        "press_registration": {"opens_at": opens, "closes_at": closes,
                               "pool_capacity": capacity},
        "security_list_deadline": moments["security_list_deadline"],
        "protocol": {"tie_break": values["tie_break"],
                     "presidency": values["presidency"] or None},
        # the privacy notice's data controller: without one, it named the conference's title;
        # in each language (an English notice named « Commission européenne »)
        "privacy": None if not (controller or values["privacy_dpo_email"])
        else {"controller": controller[first] if controller else "",
              "controller_names": controller if controller and
              controller["fr"] != controller["en"] else None,
              "dpo_email": values["privacy_dpo_email"] or None},
    }
    return body, errors


def _model_errors(t: WTranslator, exc: ValidationError, values: dict[str, str]
                  ) -> dict[str, str]:
    """The model's refusals on their fields, in the page's words; those the public forms'
    wording does not know (a slug, a phone number, an email address in a named field) in this
    page's own."""
    errors = form_errors(t, exc, MODEL_FIELD, OTHER)
    for err in exc.errors(include_url=False):
        loc = ".".join(str(p) for p in err["loc"])
        name = MODEL_FIELD.get(loc)
        if name is None or err["type"] in ("missing", "string_too_short", "string_too_long"):
            continue
        if not values.get(name):
            errors[name] = t("err_required")
            continue
        if name == "slug":
            errors[name] = t("setup_err_slug")
        elif name.endswith("_phone"):
            errors[name] = t("setup_err_phone")
        elif name.endswith("email"):
            errors[name] = t("err_email")
        elif name == "tie_break" or name.endswith(("_rank", "_title")):
            errors[name] = t("err_choice")
    return errors


@routes.add("POST", NEW, summary="Create a conference (HTML form, administrators); switch=1 "
                                 "(the header's language control) only shows it again in "
                                 "?lang, filled, nothing created; add=host or add=spokesperson "
                                 "shows it again with one more row, nothing created",
            who="admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 409, 422))
@frame.page
async def setup_conference(request: web.Request) -> web.StreamResponse:
    person = await frame.signed_in(request)
    principal = _may_create(person)
    language = frame.language_of(request, person)
    t = WTranslator(language)
    form = await read_form(request)
    values, adding = _posted(form)
    sent = _sent(form, adding)
    if not frame.csrf_ok(request, form, person):
        return _form(request, person, language, values, message=t("csrf_failed"), status=403,
                     sent=sent)
    body, errors = _read(values, t)
    try:
        model = ConferenceIn.model_validate(body)
    except ValidationError as exc:
        # the form's own errors first (a date that is not one is not "required")
        errors = {**_model_errors(t, exc, values), **errors}
        # a name left empty in the second language is the first's: its error is the first's
        first = (values["languages"] or "fr")[:2]
        errors = {name: text for name, text in errors.items()
                  if values.get(name) or not name.endswith(("_fr", "_en"))
                  or name.endswith("_" + first)}
    other = errors.pop(OTHER, None) if errors else None
    if switching(form) or adding:  # the language control, or a row added: nothing created
        return _form(request, person, language, values, errors=errors if sent else None,
                     message=other if sent and not errors else None, sent=sent)
    if errors or other:
        return _form(request, person, language, values, errors=errors, status=422,
                     message=other if not errors else None, sent=True)
    try:
        created = await conferences.create_conference(request.app[pool_key], model, principal)
    except Duplicate:
        return _form(request, person, language, values, status=409, sent=True,
                     errors={"slug": t("setup_err_slug_taken", slug=values["slug"])})
    raise web.HTTPSeeOther(frame.with_lang(f"/manage/{created.slug}", language,
                                           done="conference_created"))


# --- the conference's staff -------------------------------------------------------------------

STAFF_ROLES = ("protocol", "press_office", "security", "door", "admin")
STAFF_FIELDS = ("name", "email", "language", "role")


async def _staff_page(request: web.Request, d: Desk, values: dict[str, str], *,
                      errors: dict[str, str] | None = None, status: int = 200,
                      message: str | None = None, flash: str | None = None,
                      sent: bool = False) -> web.Response:
    """``sent``: the form was sent (its errors shown), so its language switch shows them
    again (``pages.handlers.sent_before``)."""
    t = d.t
    async with connection(request) as conn:
        people = await ws.conference_staff(conn, d.conference.id)
    title = t("staff_title")
    labels = {name: t(f"staff_f_{name}") for name in STAFF_FIELDS}
    return frame.render(
        request, "staff.html", d.language, person=d.person, conference=d.conference,
        status=status, flash=flash, title=title, base=d.base, sent=sent,
        # the header's language control sends the form with what is typed in it now, to a
        # switch that adds nobody (docs/workspaces.md, "The language control")
        switch_submit=frame.form_switches(d.language, {"staff": f"{d.base}/staff"}, "staff")[1],
        crumbs=d.crumbs((t("console_title"), d.base), (title, None)),
        people=people, values=values, labels=labels, message=message,
        errors={name: (errors or {})[name] for name in STAFF_FIELDS if name in (errors or {})},
        roles=[("", t("staff_role_pick"))] + [(r, t(f"staff_role_{r}")) for r in STAFF_ROLES],
        languages=[(lang, t(f"staff_language_{lang}")) for lang in ("fr", "en")])


@routes.add("GET", "/manage/{slug}/staff",
            summary="The conference's staff and the form adding one (HTML, administrators)",
            who="admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def staff_page(request: web.Request) -> web.Response:
    d = await open_desk(request, ("admin",))
    flash = None
    name = frame.flash_text(request, "name", 200)
    typed = frame.flash_text(request, "old", 200)
    role = request.query.get("role", "")
    if request.query.get("done") == "staff_added" and name and role in STAFF_ROLES:
        # the name the person is known by; the one typed when the address was known already
        # under another (docs/workspaces.md, "Staff")
        flash = d.t("staff_added_known", name=name, old=typed, role=d.t(f"staff_role_{role}")) \
            if typed else d.t("staff_added", name=name, role=d.t(f"staff_role_{role}"))
    # no role chosen beforehand: an administrator who skips the field is asked, rather than
    # opening the console to someone by default (a user test)
    return await _staff_page(request, d, {"language": d.conference.languages[0], "role": ""},
                             flash=flash)


@routes.add("POST", "/manage/{slug}/staff",
            summary="Add a person to the conference's staff (HTML form, administrators): the "
                    "API's POST /api/v1/staff; switch=1 (the header's language control) only "
                    "shows it again in ?lang, filled, nobody added",
            who="admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 422))
@frame.page
async def staff_add(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request, ("admin",))
    t = d.t
    form = await read_form(request)
    values = {name: str(form.get(name, "")).strip()[:400] for name in STAFF_FIELDS}
    sent = sent_before(form)
    if not frame.csrf_ok(request, form, d.person):
        return await _staff_page(request, d, values, message=t("csrf_failed"), status=403,
                                 sent=sent)
    errors: dict[str, str] = {}
    if values["role"] not in STAFF_ROLES:
        errors["role"] = t("err_staff_role") if not values["role"] else t("err_choice")
    if values["language"] not in ("fr", "en"):
        errors["language"] = t("err_choice")
    try:
        body = StaffIn(email=values["email"], name=values["name"],
                       language=values["language"] if "language" not in errors else "en",
                       grants=[GrantIn(role=values["role"] if "role" not in errors
                                       else "protocol", conference=d.conference.slug)])
    except ValidationError as exc:
        errors = {**form_errors(t, exc, {"email": "email", "name": "name"}, "name"), **errors}
        if not values["email"] and "email" in errors:  # missing, not mistyped (as at sign-in)
            errors["email"] = t("err_required")
    if switching(form):  # the language control: shown again, nobody added
        return await _staff_page(request, d, values, errors=errors if sent else None,
                                 sent=sent)
    if errors:
        return await _staff_page(request, d, values, errors=errors, status=422, sent=True)
    # someone who already holds the role gets no new grant, so no welcome mail: said so,
    # rather than a flash announcing a mail that never leaves
    async with connection(request) as conn:
        held = await ws.conference_staff(conn, d.conference.id)
    if any(p["email"].lower() == body.email.lower() and p["role"] == values["role"]
           for p in held):
        return await _staff_page(request, d, values, status=409, sent=True, errors={
            "email": t("staff_err_already", role=t(f"staff_role_{values['role']}"))})
    person = await add_staff(request.app[pool_key], body, d.principal)
    # an address already known keeps its person's name: the flash says the one kept
    typed = body.name if " ".join(body.name.split()) != " ".join(person.name.split()) else ""
    raise web.HTTPSeeOther(frame.with_lang(
        f"{d.base}/staff", d.language, done="staff_added", role=values["role"],
        **frame.flash_params(request, name=person.name, old=typed)))


# --- the conference's details, corrected -------------------------------------------------------

FIXED = ("slug", "tie_break")
"""Shown, not changed, once the conference exists (conferences.service.DETAILS), and the time
zone once the programme is published (docs/workspaces.md, "The conference's days, time zone
and languages")."""
SUPPORTED = ("fr", "en")
"""The languages a conference may have, each a checkbox of the details page."""
ZONES = sorted(available_timezones() - {"Factory", "localtime"})
"""The time zones the details page offers (the IANA database's, as zoneinfo knows them)."""


def _languages_posted(form: Mapping[str, Any]) -> tuple[str, str | None]:
    """The languages the details page's checkboxes tick (``language_fr``, ``language_en``),
    its first language (``first_language``) first, as the form's ``languages`` value
    ("fr,en"); with the error key of the page when none is ticked or the first is not."""
    ticked = [lang for lang in SUPPORTED if form.get(f"language_{lang}")]
    first = str(form.get("first_language", ""))
    if not ticked:
        return "", "settings_err_no_language"
    if first not in ticked:
        return ",".join(ticked), "settings_err_first_not_ticked"
    return ",".join([first, *(lang for lang in ticked if lang != first)]), None


def _refusal(t: WTranslator, exc: CorrectionRefused, zone: str) -> dict[str, str]:
    """A correction of the days, zone or languages the meeting refuses, on its field, in the
    page's language."""
    p = exc.params
    if exc.code == "sessions_outside":
        names = ("\u00a0; " if t.language == "fr" else "; ").join(
            t("settings_err_session", title=s.title.get(t.language),
              when=t.datetime(s.starts_at, zone))
            for s in p["sessions"])
        text = t.plural("settings_err_sessions_outside", p["count"], sessions=names)
    elif exc.code in ("press_after_end", "security_list_after_end"):
        text = t(f"settings_err_{exc.code}", when=t.datetime(p["when"], zone))
    elif exc.code == "language_in_use":
        counts = [t.plural(f"settings_in_use_{what}", p[what])
                  for what in ("accreditations", "focal_points", "letters") if p[what]]
        text = t("settings_err_language_in_use",
                 language=t(f"settings_lang_in_text_{p['language']}"), counts=", ".join(counts))
    elif exc.code == "first_language_published":
        text = t("settings_err_first_language_published")
    elif exc.code in ("timezone_no_such_time", "timezone_clash"):
        text = t(f"settings_err_{exc.code}", what=p.get("what", ""), when=p.get("when", ""))
    elif exc.code == "places_below_approved":
        text = t.plural("settings_err_places_below_approved", p["approved"])
    else:
        text = t(f"settings_err_{exc.code}")
    # the field as the form names it (the API's ``press_registration.pool_capacity``)
    return {MODEL_FIELD.get(exc.field, exc.field): text}


def _local(moment: datetime | None, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M") if moment else ""


def values_of(c: Conference) -> dict[str, str]:
    """The form's values of a saved conference (the inverse of ``_read``)."""
    values = {name: "" for name in fields(max(HOSTS, len(c.hosts)),
                                          max(SPOKESPERSONS, len(c.spokespersons)))}
    venue = c.venue.names.model_dump() if c.venue.names else {"fr": c.venue.name,
                                                               "en": c.venue.name}
    named = c.privacy.controller_names if c.privacy else None
    controller = (named.model_dump() if named is not None
                  else dict.fromkeys(("fr", "en"), c.privacy.controller if c.privacy else ""))
    values.update({
        "slug": c.slug, "languages": ",".join(c.languages), "timezone": c.timezone,
        "starts_on": c.starts_on.isoformat(), "ends_on": c.ends_on.isoformat(),
        "title_fr": c.title.fr, "title_en": c.title.en,
        "short_fr": c.short_name.fr if c.short_name else "",
        "short_en": c.short_name.en if c.short_name else "",
        "venue_fr": venue["fr"], "venue_en": venue["en"], "venue_address": c.venue.address,
        "organiser_email": c.organiser_email,
        "press_opens_at": _local(c.press_registration.opens_at, c.timezone),
        "press_closes_at": _local(c.press_registration.closes_at, c.timezone),
        "pool_capacity": str(c.press_registration.pool_capacity),
        "security_list_deadline": _local(c.security_list_deadline, c.timezone),
        "tie_break": c.protocol.tie_break.value, "presidency": c.protocol.presidency or "",
        "privacy_controller": controller["fr"], "privacy_controller_en": controller["en"],
        "privacy_dpo_email": (c.privacy.dpo_email or "") if c.privacy else "",
    })
    if c.patron is not None:
        values.update({"patron_name": c.patron.name, "patron_title": c.patron.title or "",
                       "patron_style_fr": c.patron.style.fr,
                       "patron_style_en": c.patron.style.en})
    for i, h in enumerate(c.hosts, start=1):
        values.update({f"host{i}_name": h.name, f"host{i}_rank": h.rank.value if h.rank else "",
                       f"host{i}_function_fr": h.function.fr if h.function else "",
                       f"host{i}_function_en": h.function.en if h.function else ""})
    for i, s in enumerate(c.spokespersons, start=1):
        values.update({f"spokesperson{i}_name": s.name, f"spokesperson{i}_phone": s.phone,
                       f"spokesperson{i}_email": s.email or ""})
    return values


def _keep_unseen(body: dict[str, Any], c: Conference, values: Mapping[str, str]) -> None:
    """What the form does not show stays as it is (a conference made with the API may have
    more): the venue's city, a host's address, the hosts and spokespersons past the form's
    rows (it shows them all, but a post may hold fewer), the privacy notice's other texts."""
    if c.venue.city is not None:
        body["venue"]["city"] = c.venue.city.model_dump()
    for i, host in enumerate(body["hosts"]):
        if i < len(c.hosts) and c.hosts[i].email and host["name"] == c.hosts[i].name:
            host["email"] = c.hosts[i].email
    body["hosts"] += [h.model_dump(mode="json") for h in c.hosts[rows(values, "host"):]]
    body["spokespersons"] += [s.model_dump(mode="json")
                              for s in c.spokespersons[rows(values, "spokesperson"):]]
    if c.privacy is not None:
        others = c.privacy.model_dump(mode="json",
                                      exclude={"controller", "controller_names", "dpo_email"},
                                      exclude_none=True)
        if body["privacy"] is not None:
            body["privacy"] = {**others, **body["privacy"]}
        elif others:  # the controller is what these texts belong to: they stay with it
            body["privacy"] = c.privacy.model_dump(mode="json")


@routes.add("GET", "/manage/{slug}/settings",
            summary="The conference's details, to correct (HTML form, administrators)",
            who="admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404))
@frame.page
async def settings_form(request: web.Request) -> web.Response:
    d = await open_desk(request, ("admin",))
    flash = None
    if request.query.get("done") == "settings":
        flash = d.t("settings_saved")
        updating = request.query.get("invitations", "")[:9]
        if updating.isdigit() and int(updating):
            # the invitations the correction updates (docs/calendar.md, "Corrected conference
            # details"), counted when it was saved
            flash += " " + d.t.plural("settings_calendar_updating", int(updating))
        added = request.query.get("added", "")
        same = request.query.get("same", "")[:6]
        if added in SUPPORTED and same.isdigit():
            # a language added: its texts were never shown (docs/workspaces.md)
            flash += " " + d.t.plural("settings_language_added", int(same),
                                      language=d.t(f"lang_{added}"))
    pool = request.app[pool_key]
    held = await calendar.invitations_held(pool, d.conference.id, now(request))
    published = await conferences.programme_published(pool, d.conference.id)
    return _form(request, d.person, d.language, values_of(d.conference), desk=d, flash=flash,
                 held=held, published=published)


@routes.add("POST", "/manage/{slug}/settings",
            summary="Correct the conference's details (HTML form, administrators); switch=1 (the "
                    "header's language control) only shows it again in ?lang, filled, nothing "
                    "changed; add=host or add=spokesperson shows it again with one more row",
            who="admin", tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 422))
@frame.page
async def settings_save(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request, ("admin",))
    t = d.t
    pool = request.app[pool_key]
    held = await calendar.invitations_held(pool, d.conference.id, now(request))
    published = await conferences.programme_published(pool, d.conference.id)
    form = await read_form(request)
    values, adding = _posted(form)
    values["languages"], language_error = _languages_posted(form)
    # what does not change is the conference's, whatever the form says; and what a page of
    # before the days, zone and languages were corrected here does not post stays as it is
    fixed: tuple[str, ...] = (*FIXED, "timezone") if published else FIXED
    fixed += tuple(name for name in ("timezone", "starts_on", "ends_on") if name not in form)
    if "first_language" not in form:
        fixed, language_error = (*fixed, "languages"), None
    values.update({name: value for name, value in values_of(d.conference).items()
                   if name in fixed})
    sent = _sent(form, adding)
    if not frame.csrf_ok(request, form, d.person):
        return _form(request, d.person, d.language, values, desk=d, held=held,
                     message=t("csrf_failed"), status=403, sent=sent, published=published)
    body, errors = _read(values, t)
    if language_error is not None:
        errors["languages"] = t(language_error)
    _keep_unseen(body, d.conference, values)
    try:
        model = ConferenceIn.model_validate(body)
    except ValidationError as exc:
        errors = {**_model_errors(t, exc, values), **errors}
        first = d.conference.languages[0]
        errors = {name: text for name, text in errors.items()
                  if values.get(name) or not name.endswith(("_fr", "_en"))
                  or name.endswith("_" + first)}
    if switching(form) or adding:  # the language control, or a row added: nothing changed
        return _form(request, d.person, d.language, values, desk=d, held=held,
                     errors=errors if sent else None, sent=sent, published=published)
    if errors:
        return _form(request, d.person, d.language, values, desk=d, held=held, errors=errors,
                     status=422, sent=True, published=published)
    try:
        corrected = await conferences.change_conference_details(
            pool, d.conference.slug, model, d.principal)
    except CorrectionRefused as exc:  # the programme, the publication or the letters refuse
        return _form(request, d.person, d.language, values, desk=d, held=held,
                     errors=_refusal(t, exc, d.conference.timezone), status=409, sent=True,
                     published=published)
    updates = 0
    if set(corrected.changed) & set(CALENDAR_FIELDS):
        updates = await calendar.details_updates(
            pool, d.conference, corrected.conference, request.app[settings_key].replies_enabled,
            now(request))
    added = next(iter(corrected.added.items()), None)
    raise web.HTTPSeeOther(frame.with_lang(
        f"{d.base}/settings", d.language, done="settings",
        invitations=str(updates) if updates else "",
        added=added[0] if added else "", same=str(added[1]) if added else ""))
