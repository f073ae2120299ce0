"""Pages for people, rendered on the server (jinja2), in French and English, with no JavaScript:

* ``GET``/``POST /{slug}/press``: the press registration form. The POST files the application
  through the same use-case as the API (``conference.accreditation.service.register``, one
  statement, so the event, and from it the spokesperson contact notice, follow from the
  outbox) and shows what happens next, the spokesperson's office and the private link.
* ``GET /a/{access_token}``: the application behind the private link (an applicant token):
  status, history, a withdraw button before the decision, and for an approved journalist after
  it (``POST /a/{access_token}/withdraw``, a confirming step, through
  ``conference.accreditation.service.withdraw``), and after approval the personal calendar
  feed and the badge (``GET /a/{access_token}/badge``).
* ``GET /{slug}/programme``: the latest published programme by day and start time, the room
  in a column, what changed since the version before marked (``programme.py``;
  docs/programme.md).

Forms are protected against CSRF by a signed token bound to a cookie (``csrf.py``). Every page
sends a strict Content-Security-Policy, ``Referrer-Policy: no-referrer`` (the private link is a
secret and must not leak to other sites) and ``no-store`` where it shows personal data.
Refusals become HTML pages here, not problem+json: these are for browsers.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import functools
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from aiohttp import web
from babel.lists import format_list
from pydantic import TypeAdapter, ValidationError

from conference import templating
from conference.accreditation import service as accreditations
from conference.accreditation.domain import (
    ANSWERS_PER_REQUEST,
    Category,
    Status,
    answers_left,
    information_exchanges,
    withdrawable,
)
from conference.accreditation.models import (
    Accreditation,
    AccreditationIn,
    InformationAnswerIn,
    ReasonIn,
)
from conference.accreditation.notices import conference_dates
from conference.auth import Principal, Role, resolve_token
from conference.badges import service as badges
from conference.badges.domain import Layout
from conference.badges.handlers import badge_response
from conference.badges.render import BadgeContent, render_png
from conference.badges.sheet import render_pdf
from conference.calendar.invitations import feed_url
from conference.conferences import service as conferences
from conference.conferences.models import Conference
from conference.credentials import service as credentials
from conference.credentials.models import DocumentsState
from conference.db.errors import is_unavailable
from conference.errors import (
    AnswersExhausted,
    Conflict,
    Duplicate,
    IllegalTransition,
    NotFound,
    PoolFull,
    Refusal,
    WindowClosed,
)
from conference.http.context import (
    connection,
    filings_key,
    max_body_key,
    now,
    pool_key,
    session_language_key,
    settings_key,
    signer_key,
)
from conference.http.io import read_form
from conference.http.limits import TooManyRequests, limit_registration, limit_token_failure
from conference.http.problems import log_unhandled
from conference.http.routes import RouteTable
from conference.mail import formatting
from conference.mail.privacy import controller_name, retention_period
from conference.pages import csrf
from conference.pages import programme as programme_rows
from conference.pages.i18n import LANGUAGES, Translator, choose_language, field_message
from conference.privacy import service as privacy
from conference.programme import lookup as programmes
from conference.protocol.countries import collation_key, country_name, listed_country_codes
from conference.signing import Signer
from conference.types import Email

log = logging.getLogger(__name__)
routes = RouteTable()

HERE = Path(__file__).parent
_ENV = templating.environment(
    jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["phone"] = formatting.phone
CSS = (HERE / "static" / "pages.css").read_bytes()

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
PRESS_FIELDS = ("given_name", "family_name", "email", "language", "outlet",
                "press_card_number", "role", "country")
HTML = ("text/html",)
SWITCH = "switch"
"""The field that makes a form's POST the language control's: the values posted again, shown in
``?lang``, never filed (docs/workspaces.md, "The language control"); every page's, one name."""


def switching(form: Mapping[str, Any]) -> bool:
    """Whether a POST is the language control's (``switch=1``): the form is shown again in the
    other language, filled, and nothing is filed (docs/workspaces.md, "The language control")."""
    return form.get(SWITCH) == "1"


def sent_before(form: Mapping[str, Any]) -> bool:
    """Whether a form was sent (its errors shown): any post but the language control's, or the
    control's from a form sent before (``sent=1``). A form never sent comes back from the
    language control without errors: nothing was asked of it yet (docs/workspaces.md, "The
    language control")."""
    return form.get("sent") == "1" or not switching(form)

PageHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]


# --- rendering --------------------------------------------------------------------------------


def render(
    request: web.Request, template: str, language: str, *, status: int = 200,
    private: bool = False, cookies: dict[str, str] | None = None,
    switch_url: str | None = None, **context: Any,
) -> web.Response:
    t = Translator(language)
    other = "en" if language == "fr" else "fr"
    conference = context.get("conference")
    notice = ""
    if conference:
        notice = _privacy_short(conference, t)
    html = _ENV.get_template(template).render(
        t=t, lang=language, other_lang=other, privacy_notice=notice,
        switch_url=switch_url or f"{request.path}?lang={other}",
        dates=conference_dates(conference, language) if conference else "",
        failed=400 <= status < 500 and template != "error.html", **context,
    )
    headers = dict(SECURITY_HEADERS)
    headers["Cache-Control"] = "no-store" if private else "no-cache"
    response = web.Response(text=html, status=status, content_type="text/html",
                            charset="utf-8", headers=headers)
    csrf.set_cookies(request, response, cookies or {})
    return response


def _privacy_short(conference: Conference, t: Translator) -> str:
    """The notice under the forms: the controller and how long the data is kept
    (docs/privacy.md, "The notice")."""
    controller = controller_name(conference, t.language)
    retention = retention_period(conference.retention_days, t.language)
    if retention is None:
        return t("privacy_short_unlimited", controller=controller)
    return t("privacy_short", controller=controller, retention=retention)


def _retention_text(conference: Conference, t: Translator, end: str) -> str:
    retention = retention_period(conference.retention_days, t.language)
    if retention is None:
        text = t("privacy_retention_unlimited")
    else:
        text = t("privacy_retention_text", retention=retention, end=end)
    vetting = retention_period(conference.vetting_retention_days, t.language)
    if vetting is not None and conference.vetting_retention_days < conference.retention_days:
        text += " " + t("privacy_vetting_text", vetting=vetting)
    return text


def error_page(request: web.Request, language: str, status: int, message: str,
               back: str | None = None, title: str | None = None,
               links: list[tuple[str, str]] | None = None) -> web.Response:
    t = Translator(language)
    titles = {404: t("not_found_title"), 413: t("too_large_title"), 500: t("failed_title"),
              503: t("failed_title")}
    return render(request, "error.html", language, status=status, private=True,
                  title=title or titles.get(status), message=message, conference=None,
                  back=back, links=links or [])


async def _link_again_pages(request: web.Request, language: str) -> list[tuple[str, str]]:
    """Where a replaced or unknown private link can be asked for again: the lost-link page of
    each conference whose press registration has opened and which has not ended (public), as
    (address, conference title). The conference of the link itself is not known any more
    (docs/privacy.md, "Getting the link again"); none when the database cannot say."""
    try:
        found = await conferences.press_link_conferences(request.app[pool_key], now(request))
    except Exception as exc:
        if not is_unavailable(exc):
            raise
        return []
    return [(f"/{c.slug}/press/link?lang={language}", c.title.get(language)) for c in found]


_FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")


def _form_address(request: web.Request) -> str:
    """Where the form a too-large body came from is: the page that sent it (the Referer, when
    it is this site's), else the address it was sent to (most forms' own page)."""
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.netloc and referer.netloc == request.host and referer.path.startswith("/"):
        return referer.path + (f"?{referer.query}" if referer.query else "")
    return request.path


def too_large_page(request: web.Request) -> web.Response:
    """A page's form whose body passes the service's limit (a file too large, on a form whose
    handler does not read it within a limit of its own): a page in the reader's language naming
    the limit, with a link back to the form, 413, instead of the API's problem+json."""
    language = choose_language(request)
    t = Translator(language)
    return error_page(request, language, 413, t("too_large", size=t.size(
        request.app[max_body_key])), back=_form_address(request))


@web.middleware
async def unrouted_page_middleware(
    request: web.Request, handler: PageHandler
) -> web.StreamResponse:
    """An address no page answers (mistyped, cut short in a mail, a form's address opened as a
    link) answers a browser with a page in its language, 404, not the API's problem+json in
    English; the API's paths and the clients that ask for no HTML keep the problem."""
    try:
        return await handler(request)
    except (web.HTTPNotFound, web.HTTPMethodNotAllowed):
        if (request.path.startswith("/api/") or request.method not in ("GET", "HEAD")
                or "text/html" not in request.headers.get("Accept", "")):
            raise
        language = choose_language(request)
        reader = request.app.get(session_language_key)
        if reader is not None and "lang" not in request.query \
                and request.path.startswith(("/delegation/", "/manage/")):
            # under the workspaces, the signed-in person's language, as their pages have it
            # (docs/workspaces.md, "The language control")
            language = await reader(request) or language
        return error_page(request, language, 404, Translator(language)("no_such_page"))
    except web.HTTPRequestEntityTooLarge:
        # a page's form sent more than the service takes: said on a page, in the reader's
        # language, with a way back; the API keeps its 413 problem+json
        if request.path.startswith("/api/") or (
                "text/html" not in request.headers.get("Accept", "")
                and request.content_type not in _FORMS):
            raise
        return too_large_page(request)
    except (web.HTTPException, Refusal):
        raise  # redirects, and refusals the problem middleware words
    except Exception as exc:
        # A failure no page foresaw (a bug, the database gone) answers a browser with a page
        # in its language, 500 or 503, on the public pages and the workspaces alike, instead
        # of the API's problem+json shown raw (docs/workspaces.md, "When something fails").
        if request.path.startswith("/api/") or "text/html" not in request.headers.get(
                "Accept", ""):
            raise
        language = choose_language(request)
        t = Translator(language)
        if is_unavailable(exc):
            log.warning("database unavailable: %s", type(exc).__name__)
            resp = error_page(request, language, 503, t("page_unavailable"))
            resp.headers["Retry-After"] = "5"
            return resp
        log_unhandled(request, exc)
        return error_page(request, language, 500, t("page_failed"))


def page(handler: PageHandler) -> PageHandler:
    """Refusals that escape a page handler become an HTML page in the visitor's language."""

    @functools.wraps(handler)
    async def wrapped(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except TooManyRequests:
            language = choose_language(request)
            return error_page(request, language, 429, Translator(language)("too_many"))
        except NotFound as exc:
            language = choose_language(request)
            t = Translator(language)
            unknown_conference = exc.detail.startswith(("No conference", "No such conference"))
            message = t("conference_not_found") if unknown_conference else exc.detail
            # a private link replaced by a later mail is not a missing page: "Page not found"
            # read as a broken site (tried as a journalist, 2 December 2026)
            if message == t("link_not_found"):
                links = await _link_again_pages(request, language)
                return error_page(request, language, 404,
                                  t("link_not_found_below") if links else message,
                                  title=t("link_not_found_title"), links=links)
            return error_page(request, language, 404, message)
        except Refusal as exc:
            language = choose_language(request)
            return error_page(request, language, exc.status,
                              _refusal_text(Translator(language), exc))

    return wrapped


def _refusal_text(t: Translator, exc: Refusal) -> str:
    """A refusal said in the page's language where the pages know it: a badge that clearance
    withholds (docs/credentials.md, "What the person is told"); else the refusal's text."""
    if exc.extra.get("reason") == "photo_required":
        return t("badge_photo_first")
    if exc.extra.get("reason") == "not_cleared":
        return t("badge_refused" if exc.extra.get("vetting_status") == "refused"
                 else "badge_not_cleared_awaited")
    return exc.detail


def _signer(request: web.Request) -> Signer:
    return request.app[signer_key]


def _base_url(request: web.Request) -> str:
    return request.app[settings_key].base_url


def _webcal(url: str) -> str:
    return "webcal://" + url.split("://", 1)[1]


@functools.cache
def _countries(language: str) -> list[tuple[str, str]]:
    # the uninhabited territories are nobody's country (docs/protocol.md, "Country codes")
    names = [(code, country_name(code, language)) for code in listed_country_codes()]
    return sorted(names, key=lambda item: collation_key(item[1]))


PAGE_ERRORS = ("text/html", "application/problem+json")


@routes.add("GET", "/static/pages.css", summary="The pages' style sheet", tag="pages",
            media=("text/css",))
async def pages_css(request: web.Request) -> web.Response:
    return web.Response(body=CSS, content_type="text/css", charset="utf-8",
                        headers={"Cache-Control": "public, max-age=3600"})


# --- the press registration form -------------------------------------------------------------


def _window(conference: Conference, t: Translator, moment: Any) -> dict[str, Any]:
    w = conference.press_registration
    tz = conference.timezone
    opens, closes = t.datetime(w.opens_at, tz), t.datetime(w.closes_at, tz)
    if moment < w.opens_at:
        state, text = "not_yet", t("window_not_yet", opens=opens, closes=closes)
    elif moment >= w.closes_at:
        state, text = "closed", t("window_closed", closes=closes)
    else:
        state, text = "open", t("window_open", opens=opens, closes=closes)
    return {"state": state, "text": text, "capacity": w.pool_capacity}


def _press_page(
    request: web.Request, conference: Conference, language: str, signer: Signer, nonce: str,
    cookies: dict[str, str], values: dict[str, str], *, errors: dict[str, str] | None = None,
    message: str | None = None, status: int = 200, sent: bool = False, full: bool = False,
) -> web.Response:
    t = Translator(language)
    window = _window(conference, t, now(request))
    # a full pool said before anything is typed: the form, which would be refused, is not
    # shown (it opens again once a place is free)
    if full and window["state"] == "open":
        window["state"] = "full"
    other = "en" if language == "fr" else "fr"
    token = csrf.issue(signer, f"press:{conference.slug}", nonce)
    # The header's language control submits this form, marked ``switch``, with what is typed
    # in it now, first shown or sent back: the form comes back filled in the other language,
    # never filed (docs/workspaces.md, "The language control"); a link would lose it.
    # ``sent``: the form was sent once, so the switch shows its errors again.
    return render(
        request, "press.html", language, status=status, private=True, cookies=cookies,
        conference=conference, title=t("press_title"), window=window,
        values=values, errors=errors or {}, message=message,
        countries=_countries(language),
        roles=("journalist", "photographer", "camera", "technician"),
        token=token, action=f"/{conference.slug}/press?lang={language}",
        switch_url=f"/{conference.slug}/press?lang={other}", sent=sent,
        switch_submit={"form": "press-form", "name": SWITCH,
                       "action": f"/{conference.slug}/press?lang={other}"}
        if window["state"] == "open" else None,
    )


@routes.add("GET", "/{slug}/press", summary="Press registration form (HTML, fr/en)", tag="pages",
            media=HTML, error_media=PAGE_ERRORS, errors=(404,))
@page
async def press_form(request: web.Request) -> web.Response:
    conference = await conferences.get_conference(request.app[pool_key],
                                                  request.match_info["slug"])
    language = choose_language(request, conference.languages[0])
    cookies: dict[str, str] = {}
    nonce = csrf.ensure_nonce(request, cookies)
    full = await accreditations.press_pool_full(
        request.app[pool_key], conference.id, conference.press_registration.pool_capacity)
    return _press_page(request, conference, language, _signer(request), nonce, cookies,
                       {"language": language}, full=full)


def press_errors(exc: ValidationError, t: Translator) -> tuple[dict[str, str], str | None]:
    """Field errors by form field, and a message for errors that name no field."""
    errors: dict[str, str] = {}
    general = None
    for err in exc.errors(include_url=False):
        loc = [str(p) for p in err["loc"]]
        field = loc[-1] if loc else ""
        if field in PRESS_FIELDS:
            errors.setdefault(field, field_message(t, field, dict(err)))
        else:
            general = str(err["msg"])
    return errors, general


def press_application(values: dict[str, str]) -> AccreditationIn:
    """The form's fields as an application (a field left empty is absent)."""
    data: dict[str, Any] = {"category": Category.press.value}
    for name in ("given_name", "family_name", "email", "language"):
        if values[name]:
            data[name] = values[name]
    press: dict[str, Any] = {name: values[name] for name in ("outlet", "press_card_number",
                                                             "role") if values[name]}
    press["country"] = values["country"] or None
    data["press"] = press
    return AccreditationIn.model_validate(data)


def _press_refusal(exc: Refusal, conference: Conference, t: Translator,
                   moment: datetime) -> tuple[dict[str, str], str | None]:
    """A refused filing (a duplicate, the window, the pool) in the page's words: field errors,
    or a message. A form sent once the window has closed is told that it closed and that
    nothing was filed, as the page's line above it says: "not open: it is open from … to …"
    under "closed on …" said both and neither (a user test, 4 December 2026)."""
    if isinstance(exc, Duplicate):
        return {"email": t("duplicate")}, None
    if isinstance(exc, WindowClosed):
        w = conference.press_registration
        opens, closes = (t.datetime(w.opens_at, conference.timezone),
                         t.datetime(w.closes_at, conference.timezone))
        state = _window(conference, t, moment)["state"]  # the page's own line's rule
        if state == "closed":
            return {}, t("refused_window_closed", closes=closes)
        if state == "not_yet":
            return {}, t("refused_window_not_yet", opens=opens)
        return {}, t("refused_window",
                     detail=t("refused_window_detail", opens=opens, closes=closes))
    return {}, t("refused_pool")


@routes.add("POST", "/{slug}/press",
            summary="Submit the press registration form (HTML); switch=1 (the header's language "
                    "control) only shows it again in ?lang, filled, never filed",
            tag="pages", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 409, 413, 422, 429))
@page
async def press_submit(request: web.Request) -> web.Response:
    conference = await conferences.get_conference(request.app[pool_key],
                                                  request.match_info["slug"])
    language = choose_language(request, conference.languages[0])
    t = Translator(language)
    form = await read_form(request)
    values = {name: str(form.get(name, "")).strip() for name in PRESS_FIELDS}
    signer = _signer(request)
    cookies: dict[str, str] = {}
    nonce = csrf.cookie_nonce(request)
    # a form sent before (its errors shown) shows them again after a language switch
    sent = sent_before(form)
    show = functools.partial(_press_page, request, conference, language, signer, sent=sent)
    if not csrf.valid(signer, f"press:{conference.slug}", str(form.get(csrf.FIELD, "")), nonce):
        nonce = csrf.ensure_nonce(request, cookies)
        return show(nonce, cookies, values, message=t("csrf_failed"), status=403)
    assert nonce is not None
    try:
        # The language button counts as a filing: it tells whether an address has applied
        # (docs/privacy.md, "Tokens and secrets"): it costs what a filing costs.
        limit_registration(request)
    except TooManyRequests:
        return show(nonce, cookies, values, message=t("too_many"), status=429)
    if switching(form):
        # The language control: the form again in this language, with what was typed and,
        # once it was sent, the errors it has now, in this language; read only, it files
        # nothing, whatever it holds. A form never sent comes back without errors: nothing
        # was asked of it yet. The correspondence language goes with the page (it stayed the
        # first page's: « Langue de correspondance : Anglais » on the French page), still a
        # choice on the form (docs/workspaces.md, "The language control").
        if values["language"] in conference.languages and language in conference.languages:
            values["language"] = language
        errors: dict[str, str] = {}
        general = None
        if sent:
            try:
                body = press_application(values)
                await accreditations.check_register(request.app[pool_key], conference.slug,
                                                    body, None, now(request))
            except ValidationError as exc:
                errors, general = press_errors(exc, t)
            except (Duplicate, WindowClosed, PoolFull) as exc:
                errors, general = _press_refusal(exc, conference, t, now(request))
        return show(nonce, cookies, values, errors=errors, message=general)
    try:
        body = press_application(values)
    except ValidationError as exc:
        errors, general = press_errors(exc, t)
        return show(nonce, cookies, values, errors=errors, message=general, status=422)
    try:
        created = await accreditations.register(request.app[pool_key], conference.slug, body,
                                                None, now(request), request.app[filings_key])
    except (Duplicate, WindowClosed, PoolFull) as exc:
        errors, general = _press_refusal(exc, conference, t, now(request))
        return show(nonce, cookies, values, errors=errors, message=general, status=409)
    # Post, redirect, get: the answer is a page of its own, which a reload or the back button
    # shows again instead of filing the form a second time (user test: "Confirm form
    # resubmission", then "this address has applied"). What it shows travels in a signed,
    # short-lived cookie of the form's path: the address written to, nothing in the URL.
    done = {"email": created.email, "swapped": bool(created.warnings),
            "until": int(now(request).timestamp()) + DONE_SECONDS}
    payload = base64.urlsafe_b64encode(json.dumps(done).encode()).decode().rstrip("=")
    response = web.HTTPSeeOther(f"/{conference.slug}/press/received?lang={language}")
    response.set_cookie(DONE_COOKIE, signer.sign("press-done", payload), max_age=DONE_SECONDS,
                        path=f"/{conference.slug}/press", httponly=True, samesite="Lax",
                        secure=request.secure or csrf.public_https(request))
    raise response


DONE_COOKIE = "press_done"
DONE_SECONDS = 3600


def _filed(request: web.Request) -> dict[str, Any] | None:
    """What the press form's answer shows, from its cookie: None when there is none, or it is
    not ours or too old."""
    payload = _signer(request).verify("press-done", request.cookies.get(DONE_COOKIE, ""))
    if payload is None:
        return None
    try:
        done = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(done, dict) or int(done.get("until", 0)) < now(request).timestamp():
        return None
    return done


def _press_to_give(conference: Conference, t: Translator) -> str:
    """What a journalist gives on their application's page before the decision, as the page
    answering the form lists it: the photo, the identity document where the conference vets
    the press, the documents it asks of the press (docs/credentials.md, "Documents"). The
    page said only to wait for the decision; the acknowledgement said what to give."""
    items = [t("give_photo")]
    if "press" in conference.vetting_required:
        items.append(t("give_identity"))
    kinds = [getattr(k, "value", k) for k in conference.documents_required.get("press", [])]
    if kinds:
        items.append(t("give_documents", kinds=", ".join(t(f"doc_{k}").lower() for k in kinds)))
    # the institutions' English is British: no comma before "and" (babel's "en" puts one)
    return format_list(items, locale="en_GB" if t.language == "en" else t.language)


@routes.add("GET", "/{slug}/press/received",
            summary="The press form's answer (HTML, fr/en): the application received, where the "
                    "acknowledgement went", tag="pages", media=HTML, error_media=PAGE_ERRORS,
            errors=(404,))
@page
async def press_received(request: web.Request) -> web.Response:
    conference = await conferences.get_conference(request.app[pool_key],
                                                  request.match_info["slug"])
    language = choose_language(request, conference.languages[0])
    t = Translator(language)
    # The private link is in the acknowledgement, which replaces the registration's token (one
    # current link per person): it is not shown here, where it would stop working at once.
    return render(
        request, "press_done.html", language, private=True, conference=conference,
        title=t("done_title"), created=_filed(request), to_give=_press_to_give(conference, t),
        switch_url=f"/{conference.slug}/press/received?lang={'en' if language == 'fr' else 'fr'}",
    )


# --- the data-protection notice and the lost link ---------------------------------------------


@routes.add("GET", "/{slug}/privacy", summary="The data-protection notice (HTML, fr/en)",
            tag="pages", media=HTML, error_media=PAGE_ERRORS, errors=(404,))
@page
async def privacy_page(request: web.Request) -> web.Response:
    conference = await conferences.get_conference(request.app[pool_key],
                                                  request.match_info["slug"])
    language = choose_language(request, conference.languages[0])
    t = Translator(language)
    privacy = conference.privacy
    dpo_email = privacy.dpo_email if privacy else None

    def configured(field: str) -> str:
        value = getattr(privacy, field, None) if privacy else None
        return value.get(language) if value is not None else t(f"privacy_{field}_default")

    whom = (t("privacy_whom_dpo", email=dpo_email) if dpo_email
            else t("privacy_whom_controller", email=conference.organiser_email))
    return render(
        request, "privacy.html", language, conference=conference, title=t("privacy_title"),
        controller=controller_name(conference, language),
        dpo_email=dpo_email, controller_email=conference.organiser_email,
        purposes=configured("purposes"), legal_basis=configured("legal_basis"),
        recipients=configured("recipients"), transfers=configured("transfers"),
        authority=configured("authority"), whom=whom,
        retention_text=_retention_text(conference, t,
                                       formatting.day(conference.ends_on, language)),
    )


_EMAIL = TypeAdapter(Email)


def _link_page(
    request: web.Request, conference: Conference, language: str, *, message: str | None = None,
    error: str | None = None, status: int = 200, values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> web.Response:
    t = Translator(language)
    cookies: dict[str, str] = {}
    nonce = csrf.ensure_nonce(request, cookies)
    return render(
        request, "link.html", language, status=status, private=True, cookies=cookies,
        conference=conference, title=t("link_title"), message=message, error=error,
        values=values or {}, errors=errors or {},
        token=csrf.issue(_signer(request), f"link:{conference.slug}", nonce),
        action=f"/{conference.slug}/press/link?lang={language}",
    )


@routes.add("GET", "/{slug}/press/link", summary="Ask for the private link again (HTML, fr/en)",
            tag="pages", media=HTML, error_media=PAGE_ERRORS, errors=(404,))
@page
async def link_form(request: web.Request) -> web.Response:
    conference = await conferences.get_conference(request.app[pool_key],
                                                  request.match_info["slug"])
    return _link_page(request, conference, choose_language(request, conference.languages[0]))


@routes.add("POST", "/{slug}/press/link",
            summary="Mail the private link of an address's application (the same answer to "
                    "every well-formed address; 422 on the field for a malformed one)",
            tag="pages", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 422, 429))
@page
async def link_submit(request: web.Request) -> web.Response:
    conference = await conferences.get_conference(request.app[pool_key],
                                                  request.match_info["slug"])
    language = choose_language(request, conference.languages[0])
    t = Translator(language)
    form = await request.post()
    if not csrf.valid(_signer(request), f"link:{conference.slug}",
                      str(form.get(csrf.FIELD, "")), csrf.cookie_nonce(request)):
        return _link_page(request, conference, language, error=t("csrf_failed"), status=403)
    try:
        limit_registration(request)
    except TooManyRequests:
        return _link_page(request, conference, language, error=t("too_many"), status=429)
    email = str(form.get("email", "")).strip()[:320]
    # an address no application can have (none, or malformed: the press form refuses it) is
    # said on the field, kept as typed; "if an application exists, its link was sent" sent a
    # photographer who typed « lea.martin@agence » to wait for a mail that could not come.
    # Any well-formed address still gets the same answer, found or not (docs/privacy.md).
    try:
        _EMAIL.validate_python(email)
    except ValidationError:
        return _link_page(request, conference, language, status=422, values={"email": email},
                          errors={"email": t("err_email" if email else "err_required")})
    await accreditations.request_link(request.app[pool_key], conference.slug, email,
                                      now(request))
    return _link_page(request, conference, language, message=t("link_sent"))


# --- the application behind the private link --------------------------------------------------


async def _applicant(request: web.Request) -> Principal:
    secret = request.match_info["access_token"]
    p = await resolve_token(request.app[pool_key], secret) if len(secret) <= 200 else None
    if p is None or p.role is not Role.applicant or p.accreditation_id is None:
        limit_token_failure(request)
        language = choose_language(request)
        raise NotFound(Translator(language)("link_not_found"))
    return p


def _can_withdraw(acc: Accreditation) -> bool:
    """Before the decision; an approved journalist also after it (docs/lifecycle.md,
    "Withdrawing after approval")."""
    return withdrawable(acc.status, acc.category)


async def identity_state(pool: Any, conference: Any, acc: Any, principal: Principal
                         ) -> privacy.IdentityDocument | None:
    """The identity document section, for a person whose category the conference has vetted;
    None (no section) for the others."""
    if acc.category.value not in conference.vetting_required:
        return None
    return await privacy.identity_document(pool, acc.id, principal)


async def identity_to_give(pool: Any, conference: Conference, acc: Accreditation,
                           principal: Principal) -> bool:
    """Whether the status page (or the portal's member page) says "to do: give the identity
    document": the conference vets the person's category, the document may still be given,
    and none was (docs/credentials.md, "Vetting"). A user test's journalist never found the
    form behind a link that named only the photo and the visa letter."""
    state = await identity_state(pool, conference, acc, principal)
    if state is None or state.closed is not None or state.given is not None:
        return False
    # Until a document is given, the vetting file carries the passport of the visa letter
    # request, as the credentials page says (docs/credentials.md, "Vetting"): nothing to do
    # then. The to-do said "without it, no badge" to a focal point who had typed the
    # minister's passport for the letter (trying the product, 1 December 2026).
    return await credentials.open_letter(pool, acc.id, principal) is None


async def documents_to_give(pool: Any, acc: Accreditation, principal: Principal,
                            t: Any, state: DocumentsState | None = None) -> str:
    """The documents asked of the person and not given yet, as the status page (or the
    portal's member page) names them in its "to do" ("carte de presse"), while the
    application is under review; "" when none (docs/credentials.md, "Documents"). A user
    test's journalist was told of the identity document only, not of the press card.
    ``state``: the documents' state when the caller has read it already (one read a page)."""
    if acc.status.value not in ("submitted", "waitlisted"):
        return ""
    if state is None:
        state = await credentials.documents_state(pool, acc.id, principal)
    return ", ".join(t(f"doc_{k.value}").lower() for k in state.missing)


async def photo_to_give(pool: Any, conference: Conference, acc: Accreditation) -> bool:
    """Whether the status page says "to do: give your photo" while the application is under
    review: the conference prints the photo on the category's badges and none was given
    (docs/credentials.md, "Photo required"). The page named the identity document and the
    press card as to do, never the photo, until the approval: a photographer who gave the
    first two thought nothing was missing. Once approved, the badge's part asks for it."""
    return acc.status.value in ("submitted", "waitlisted") \
        and await photo_missing(pool, conference, acc)


async def security_question(pool: Any, acc: Accreditation, principal: Principal
                            ) -> dict[str, str] | None:
    """What the status page says at the top while the person's clearance waits on more
    information (vetting status ``more_information``) and the application is open: who asks
    (the protocol service when it recorded the status itself, as the mail and the credentials
    page say it) and the question, which the credentials page below quotes above the passport
    upload (docs/credentials.md, "Asked by the security service"). None otherwise. Tried as a
    journalist and as a delegation member (2 December 2026): the page said only that the
    badge would come after the security check, and its history line "More information
    requested for the clearance" had no details; the question was one link further, unnamed
    (a delegation member gets no mail of it: the focal point does, and may answer for them)."""
    if acc.status.value not in credentials.OPEN_STATUSES:
        return None
    if await accreditations.missing_clearance(pool, acc.id, principal) != "more_information":
        return None
    state = await credentials.documents_state(pool, acc.id, principal)
    # the passport copy is asked with it, until given (credentials.service.documents_state)
    passport = any(k.value == "passport_copy" for k in state.missing)
    return {"by": state.security_question_by or "security",
            "question": state.security_question or "",
            "text": "security_question_todo_member" if acc.delegation_id
            else "security_question_todo",
            "passport": "security_question_passport" if passport else ""}


def _page_nonce(request: web.Request, cookies: dict[str, str]) -> str:
    """One nonce for all the forms of a page: on a first visit (no cookie yet) each form drew
    its own, and the cookie kept the last, which the other forms' tokens did not match."""
    return cookies.get(csrf.COOKIE) or csrf.ensure_nonce(request, cookies)


async def _status_page(
    request: web.Request, p: Principal, *, cookies: dict[str, str] | None = None,
    errors: dict[str, str] | None = None, message: str | None = None, status: int = 200,
    answer: str = "",
) -> web.Response:
    """``answer``: the answer typed in the form, shown again with its error."""
    assert p.accreditation_id is not None
    pool = request.app[pool_key]
    acc: Accreditation = await accreditations.get(pool, p.accreditation_id, p)
    conference = await conferences.get_conference(pool, acc.conference)
    language = choose_language(request, acc.language, negotiate=False)
    t = Translator(language)
    signer = _signer(request)
    cookies = {} if cookies is None else cookies
    secret = request.match_info["access_token"]
    context: dict[str, Any] = {"withdraw": None, "feed": None, "badge": None,
                               "short_reference": None,
                               "badge_withheld": None, "badge_photo": None,
                               # a closed application takes no photo and no document
                               # (docs/credentials.md, "Photo"): no link to that page then
                               "credentials": f"/a/{secret}/credentials?lang={language}"
                               if acc.status.value in credentials.OPEN_STATUSES else None,
                               "identity_todo": await identity_to_give(pool, conference, acc, p),
                               "documents_todo": await documents_to_give(pool, acc, p, t),
                               "photo_todo": await photo_to_give(pool, conference, acc),
                               "security_question": await security_question(pool, acc, p)}
    # the office's requests for more information and the answers given, and while the
    # application is under review the form to answer in words (docs/workspaces.md, "Asking
    # for more information")
    context["exchanges"] = information_exchanges(acc.history or [])
    context["answer"] = None
    # the latest request has had all its answers: said in place of the form (how many)
    context["answers_exhausted"] = ANSWERS_PER_REQUEST if context["exchanges"] \
        and acc.status in accreditations.UNDER_REVIEW \
        and not answers_left(context["exchanges"]) else 0
    if context["exchanges"] and acc.status in accreditations.UNDER_REVIEW \
            and not context["answers_exhausted"]:
        context["answer"] = {
            "action": f"/a/{secret}/information?lang={language}#answer-title",
            "token": csrf.issue(signer, f"answer:{acc.id}", _page_nonce(request, cookies)),
            "text": answer,
        }
    if _can_withdraw(acc):
        nonce = _page_nonce(request, cookies)
        context["withdraw"] = {
            "action": f"/a/{secret}/withdraw?lang={language}",
            "token": csrf.issue(signer, f"withdraw:{acc.id}", nonce),
            "approved": acc.status is Status.approved,
        }
    if acc.status is Status.approved:
        # no link to a badge that clearance withholds: the page says why instead
        # (docs/credentials.md, "What the person is told")
        missing = await accreditations.missing_clearance(pool, acc.id, p)
        if missing is not None:
            context["badge_withheld"] = "refused" if missing == "refused" else "awaited"
        if missing != "refused":
            # a refused clearance invites to nothing: no calendar to subscribe to, which
            # would stay empty (docs/credentials.md, "What the person is told")
            url = feed_url(_base_url(request), signer, acc.id)
            context["feed"] = {"https": url, "webcal": _webcal(url)}
        if missing != "refused" and await photo_missing(pool, conference, acc):
            # the photo first, where the conference prints it on the category's badges
            # (docs/credentials.md, "Photo required"): no badge with an empty photo frame;
            # asked while the clearance is awaited too, not only once it is granted
            context["badge_photo"] = context["credentials"]
        elif missing is None:
            # the A6 PDF to print, as the approval letter says; the PNG (a phone's screen,
            # older links) stays
            context["badge"] = {"pdf": f"/a/{secret}/badge.pdf?lang={language}",
                                "png": f"/a/{secret}/badge?lang={language}"}
        if missing is None:
            # the badge's short reference, to read out over the phone, never the UUID
            # (docs/credentials.md, "Short reference"); none before the approval
            context["short_reference"] = await accreditations.badge_short_reference(
                pool, acc.id, p)
    if message is None and request.query.get("done") == "withdrawn" \
            and acc.status is Status.withdrawn:
        approved = acc.history and acc.history[-1].from_status is Status.approved
        message = t("withdrawn_approved_done" if approved else "withdrawn_done")
    if message is None and request.query.get("done") == "answered" and context["exchanges"]:
        message = t("answer_sent")
    return render(
        request, "status.html", language, status=status, private=True, cookies=cookies,
        conference=conference, title=t("status_title"), acc=acc, errors=errors or {},
        message=message, **context,
    )


@routes.add("GET", "/a/{access_token}",
            summary="The application behind the private link (HTML; the link is the credential)",
            who="anyone", tag="pages", media=HTML, error_media=PAGE_ERRORS, errors=(404, 429))
@page
async def application_page(request: web.Request) -> web.Response:
    return await _status_page(request, await _applicant(request))


@routes.add("POST", "/a/{access_token}/withdraw",
            summary="Withdraw the application from its page (HTML form)",
            who="anyone", tag="pages", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422, 429))
@page
async def application_withdraw(request: web.Request) -> web.StreamResponse:
    p = await _applicant(request)
    assert p.accreditation_id is not None
    language = choose_language(request)
    t = Translator(language)
    form = await read_form(request)
    signer = _signer(request)
    if not csrf.valid(signer, f"withdraw:{p.accreditation_id}", str(form.get(csrf.FIELD, "")),
                      csrf.cookie_nonce(request)):
        return await _status_page(request, p, message=t("csrf_failed"), status=403)
    reason = " ".join(str(form.get("reason", "")).split())  # a textarea's lines, joined
    try:
        body = ReasonIn.model_validate({"reason": reason or None})
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        return await _status_page(request, p, status=422,
                                  errors={"reason": field_message(t, "reason", dict(err))})
    if form.get("confirm") != "yes" or switching(form):
        # A second step: the button alone asks, the confirmation acts. The language control
        # sends the confirmation's form back to be shown in the other language: it never
        # withdraws (a link to this POST-only address answered "Page not found", tryout).
        acc = await accreditations.get(request.app[pool_key], p.accreditation_id, p)
        if not _can_withdraw(acc):
            status = t(f"status_{acc.status.value}").lower()
            return await _status_page(request, p, message=t("cannot_withdraw", status=status),
                                      status=409)
        conference = await conferences.get_conference(request.app[pool_key], acc.conference)
        secret = request.match_info["access_token"]
        other = "en" if language == "fr" else "fr"
        return render(
            request, "withdraw_confirm.html", language, private=True, conference=conference,
            title=t("withdraw_confirm_title"), reason=reason,
            approved=acc.status is Status.approved,
            action=f"/a/{secret}/withdraw?lang={language}",
            token=str(form.get(csrf.FIELD, "")), back=f"/a/{secret}?lang={language}",
            switch_url=f"/a/{secret}?lang={other}",
            switch_submit={"form": "withdraw-confirm-form", "name": SWITCH,
                           "action": f"/a/{secret}/withdraw?lang={other}"},
        )
    try:
        await accreditations.withdraw(request.app[pool_key], p.accreditation_id, body.reason, p,
                                      now(request))
    except IllegalTransition as exc:
        status = t(f"status_{exc.extra.get('status_now', 'submitted')}").lower()
        return await _status_page(request, p, message=t("cannot_withdraw", status=status),
                                  status=409)
    raise web.HTTPSeeOther(f"/a/{request.match_info['access_token']}?lang={language}"
                           "&done=withdrawn")


@routes.add("POST", "/a/{access_token}/information",
            summary="Answer the office's request for more information in words, from the "
                    "application's page (HTML form)",
            who="anyone", tag="pages", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422, 429))
@page
async def application_answer(request: web.Request) -> web.StreamResponse:
    """The applicant's answer, through the API's use-case
    (``conference.accreditation.service.give_information``): 403 without a valid form token,
    422 naming the field, 409 once decided or withdrawn; the page again, saying it was sent."""
    p = await _applicant(request)
    assert p.accreditation_id is not None
    language = choose_language(request)
    t = Translator(language)
    form = await read_form(request)
    answer = str(form.get("answer", ""))[:4000]
    if not csrf.valid(_signer(request), f"answer:{p.accreditation_id}",
                      str(form.get(csrf.FIELD, "")), csrf.cookie_nonce(request)):
        return await _status_page(request, p, message=t("csrf_failed"), status=403,
                                  answer=answer)
    text = " ".join(answer.split())  # a textarea's lines, joined
    try:
        InformationAnswerIn.model_validate({"answer": text})
    except ValidationError as exc:
        err = dict(exc.errors(include_url=False)[0])
        said = field_message(t, "answer", err)
        if said in (t("err_required"), t("err_too_long", max=2000)) \
                or err.get("type") == "string_too_long":
            said = t("err_answer")  # empty or too long: what the field takes
        return await _status_page(request, p, status=422, errors={"answer": said},
                                  answer=answer)
    try:
        await accreditations.give_information(request.app[pool_key], p.accreditation_id,
                                               text, p, now(request))
    except IllegalTransition as exc:
        status = str(exc.extra.get("status_now", ""))
        said = t("answer_not_now", status=t(f"status_{status}").lower()) \
            if status not in ("submitted", "waitlisted") else t("answer_not_asked")
        return await _status_page(request, p, message=said, status=409)
    except AnswersExhausted:
        return await _status_page(request, p, status=409,
                                  message=t("answers_exhausted", count=ANSWERS_PER_REQUEST))
    raise web.HTTPSeeOther(f"/a/{request.match_info['access_token']}?lang={language}"
                           "&done=answered#asked-title")


async def photo_missing(pool: Any, conference: Conference, acc: Accreditation) -> bool:
    """Whether the conference prints the person's photo on their category's badges
    (``photo_required``) and none was given: the badge is not downloaded before it
    (docs/credentials.md, "Photo required")."""
    return acc.category.value in conference.photo_required \
        and await credentials.photo_size(pool, acc.id) is None


async def _applicant_badge(request: web.Request) -> tuple[Principal, BadgeContent]:
    """The applicant's badge as it prints; 409 (a page in the reader's language) while
    clearance withholds it or the photo the conference requires is missing."""
    p = await _applicant(request)
    assert p.accreditation_id is not None
    signer = _signer(request)
    pool = request.app[pool_key]
    async with connection(request) as conn:
        content = await badges.badge(conn, signer, p.accreditation_id, p)
    acc = await accreditations.get(pool, p.accreditation_id, p)
    conference = await conferences.get_conference(pool, acc.conference)
    if await photo_missing(pool, conference, acc):
        raise Conflict("No badge before the photo: give it on the application's page.",
                       reason="photo_required")
    return p, content


@routes.add("GET", "/a/{access_token}/badge.pdf",
            summary="The applicant's badge as a one-page A6 PDF, to print, once approved",
            who="anyone", tag="pages", media=("application/pdf",), error_media=PAGE_ERRORS,
            errors=(404, 409, 429))
@page
async def application_badge_pdf(request: web.Request) -> web.Response:
    p, content = await _applicant_badge(request)
    pdf = await asyncio.to_thread(render_pdf, [content], Layout.a6)
    return web.Response(body=pdf, content_type="application/pdf", headers={
        "Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
        "Content-Disposition": f'attachment; filename="badge-{p.accreditation_id}.pdf"'})


@routes.add("GET", "/a/{access_token}/badge", summary="The applicant's badge (PNG), once approved",
            who="anyone", tag="pages", media=("image/png",), error_media=PAGE_ERRORS,
            errors=(404, 409, 429))
@page
async def application_badge(request: web.Request) -> web.Response:
    p, content = await _applicant_badge(request)
    png = await asyncio.to_thread(render_png, content)
    response = badge_response(png, p.accreditation_id)
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


# --- the public programme ---------------------------------------------------------------------


@routes.add("GET", "/{slug}", summary="A conference's own address: its public programme "
            "(HTML, a redirect)", tag="pages", media=HTML, error_media=PAGE_ERRORS,
            errors=(404,))
@page
async def conference_home(request: web.Request) -> web.StreamResponse:
    """``/alliance``, the address a journalist types or a ministry's site links, leads to the
    conference's public programme (which links the press form while it is open), the asked
    language kept; no such conference, what any address no route answers gets
    (docs/programme.md, "The programme page"). The service's own one-segment pages
    (``/signin``, ``/workspaces``, ``/manage``) are plain routes, matched before this one."""
    try:
        conference = await conferences.get_conference(request.app[pool_key],
                                                      request.match_info["slug"])
    except NotFound:
        # any other address of one segment: what no route answers (a page for a browser, the
        # problem for a client asking no HTML: ``unrouted_page_middleware``)
        raise web.HTTPNotFound() from None
    lang = request.query.get("lang")
    raise web.HTTPSeeOther(f"/{conference.slug}/programme"
                           + (f"?lang={lang}" if lang in LANGUAGES else ""))


@routes.add("GET", "/{slug}/programme", summary="The published programme (HTML, fr/en)",
            tag="pages", media=HTML, error_media=PAGE_ERRORS, errors=(404,))
@page
async def programme_page(request: web.Request) -> web.Response:
    conference = await conferences.get_conference(request.app[pool_key],
                                                  request.match_info["slug"])
    async with connection(request) as conn:
        try:
            version = await programmes.programme(conn, conference, with_participants=False)
        except NotFound:
            version = None
    language = choose_language(request, conference.languages[0])
    t = Translator(language)
    ics = f"{_base_url(request)}/api/v1/conferences/{conference.slug}/programme.ics"
    if language != conference.languages[0]:
        ics += f"?lang={language}"
    full = await accreditations.press_pool_full(
        request.app[pool_key], conference.id, conference.press_registration.pool_capacity)
    return render(
        request, "programme.html", language, conference=conference,
        title=f"{t('programme_title')} – {conference.title.get(language)}",
        version=version,
        days=programme_rows.days(version, language) if version else [],
        subscribe={"https": ics, "webcal": _webcal(ics)},
        # the press registration, while it is open or to come: a photographer who found the
        # programme found no way to the form (docs/programme.md, "The programme page")
        press=_programme_press(conference, t, now(request), language, full=full),
    )


def _programme_press(conference: Conference, t: Translator, moment: Any, language: str, *,
                     full: bool = False) -> dict[str, str] | None:
    """What the programme page says of the press registration: open (until when, with the
    form's link), open but every place of the pool taken (no link to a form that would
    refuse), to come (from when), or nothing once it has closed."""
    w = conference.press_registration
    if moment >= w.closes_at:
        return None
    if moment < w.opens_at:
        return {"text": t("programme_press_not_yet",
                          opens=t.datetime(w.opens_at, conference.timezone)), "link": ""}
    if full:
        return {"text": t("programme_press_full"), "link": ""}
    return {"text": t("programme_press_open",
                      closes=t.datetime(w.closes_at, conference.timezone)),
            "link": f"/{conference.slug}/press?lang={language}"}


def load_templates() -> int:
    """Compile every template of the public pages now, at the process's start (docs/architecture.md,
    "Templates"); how many."""
    return templating.load_every(_ENV)
