"""The frame every workspace page shares: who is signed in (the session cookie), rendering in
the person's language with the header (name, conference, workspaces, sign-out), breadcrumbs and
the flash message, CSRF on every form, and refusals as pages.

The session cookie holds a random secret signed with the server's key (conference/signing.py);
the database keeps only its hash, when it was last used (idle timeout: 8 hours) and whether it
was ended. It is ``HttpOnly``, ``SameSite=Lax`` (a link in a mail opens the workspace signed
in; a cross-site POST carries no cookie) and ``Secure`` when the public URL is https."""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import json
import re
import secrets
from collections.abc import Awaitable, Callable, Mapping
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode
from uuid import UUID

import asyncpg
import jinja2
from aiohttp import web

from conference import templating
from conference.accreditation import service as accreditations
from conference.accreditation.models import Accreditation
from conference.auth import Principal
from conference.errors import DuplicateApproved, Forbidden, NotFound, PoolFull, Refusal
from conference.http.context import now, pool_key, settings_key, signer_key
from conference.http.limits import TooManyRequests
from conference.mail import formatting
from conference.pages import csrf
from conference.pages.handlers import SECURITY_HEADERS, SWITCH
from conference.pages.i18n import LANGUAGES, choose_language
from conference.people import service as people
from conference.people.domain import Grant, safe_next
from conference.people.mail import workspace_url
from conference.people.service import SignedIn
from conference.protocol.countries import country_name
from conference.workspaces.domain import function_said
from conference.workspaces.i18n import WTranslator

HERE = Path(__file__).parent
_ENV = templating.environment(
    jinja2.ChoiceLoader([jinja2.FileSystemLoader(HERE / "templates"),
                         jinja2.FileSystemLoader(HERE.parent / "pages" / "templates")]),
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
)
_ENV.filters["phone"] = formatting.phone
_ENV.filters["signed"] = formatting.signed
# a person's function in the page's language (docs/protocol.md, "A function in each language")
_ENV.filters["function_in"] = function_said
CSS = (HERE / "static" / "workspaces.css").read_bytes()
SESSION_COOKIE = "session"
HTML = ("text/html",)
PAGE_ERRORS = ("text/html", "application/problem+json")

PageHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]
person_key = web.RequestKey("person", SignedIn)


def _session_secret(request: web.Request) -> str | None:
    value = request.cookies.get(SESSION_COOKIE)
    if not value or len(value) > 300:
        return None
    return request.app[signer_key].verify("session", value)


async def current(request: web.Request) -> SignedIn | None:
    """The signed-in person, or None (no cookie, a forged one, an ended or idle session)."""
    if person_key in request:
        return request[person_key]
    secret = _session_secret(request)
    if secret is None:
        return None
    person = await people.signed_in(request.app[pool_key], secret, now(request))
    if person is not None:
        request[person_key] = person
    return person


async def session_language(request: web.Request) -> str | None:
    """The signed-in person's language, or None: nobody signed in, or the session cannot be
    read now (the page saying "no such page" must not fail for it)."""
    try:
        person = await current(request)
    except (asyncpg.PostgresError, OSError):
        return None
    return person.language if person is not None else None


class SignInFirst(Exception):
    """Raised by ``signed_in``: the page answers with the sign-in form (303 to /signin)."""


async def signed_in(request: web.Request) -> SignedIn:
    person = await current(request)
    if person is None:
        raise SignInFirst()
    return person


def secure_cookies(request: web.Request) -> bool:
    return request.app[settings_key].base_url.startswith("https://") or request.secure


def set_session(request: web.Request, response: web.StreamResponse, secret: str) -> None:
    value = request.app[signer_key].sign("session", secret)
    response.set_cookie(SESSION_COOKIE, value, path="/", httponly=True, samesite="Lax",
                        secure=secure_cookies(request))


async def end_session(request: web.Request, response: web.StreamResponse) -> None:
    secret = _session_secret(request)
    if secret is not None:
        await people.sign_out(request.app[pool_key], secret, now(request))
    response.del_cookie(SESSION_COOKIE, path="/")


def language_of(request: web.Request, person: SignedIn | None) -> str:
    asked = request.query.get("lang")
    if asked in LANGUAGES:
        return asked
    if person is not None:
        return person.language
    return choose_language(request)


def other_language(language: str) -> str:
    """The language the header's language control leads to."""
    return "en" if language == "fr" else "fr"


def with_lang(path: str, language: str, **params: str) -> str:
    query = urlencode({"lang": language, **{k: v for k, v in params.items() if v}})
    return f"{path}{'&' if '?' in path else '?'}{query}"


def form_switches(language: str, forms: Mapping[str, str], editing: str, *,
                  names: Mapping[str, str] | None = None,
                  params: Mapping[str, str] | None = None, ids: Mapping[str, str] | None = None
                  ) -> tuple[dict[str, dict[str, str]], dict[str, str] | None]:
    """The language buttons of a page of several forms (docs/workspaces.md, "The language
    control"). ``forms``: each form shown, by its name and the address it posts to, the one
    the header carries by default first; ``names``: a form's button's own field, when it is
    not ``switch`` (the substitution's ``edit``); ``params``: what every action's query keeps
    (the queue's filters); ``ids``: a form's id, when it is not ``<name>-form``. Each form's
    own button (``name``, ``action``: its address in the other language), and the header's,
    which carries the form being edited (``editing``: the one just posted), else the first.
    One button sends one form: what is typed in another is not carried."""
    other = other_language(language)
    switches = {form: {"name": (names or {}).get(form, SWITCH),
                       "action": with_lang(path, other, **(params or {}))}
                for form, path in forms.items()}
    carried = editing if editing in switches else next(iter(switches), None)
    header = None if carried is None else {
        "form": (ids or {}).get(carried, f"{carried}-form"), **switches[carried]}
    return switches, header


PLACE_FIELD = "back"
"""The hidden field of an application page's forms that carries the list's place it was opened
from: its query (``status=waitlisted&q=le+monde&page=3``), never a path (docs/workspaces.md,
"The officer's place")."""


def place_sent(form: Mapping[str, Any], query: Mapping[str, str],
               read: Callable[[Mapping[str, str]], dict[str, str]]) -> dict[str, str]:
    """The list's place a form sent back (its hidden :data:`PLACE_FIELD`, read again by
    ``read``, the list's own reading of its address: only its known parameters, each checked,
    the first of each kept); without the field, ``query``'s own (a page served before it). The
    action leads to the list's own path with it: a host, a scheme or a path in it are no
    parameter of the list, so it is never an open redirect."""
    if PLACE_FIELD not in form:
        return read(query)
    pairs: dict[str, str] = {}
    for key, value in parse_qsl(str(form.get(PLACE_FIELD, ""))[:500], keep_blank_values=True):
        pairs.setdefault(key, value)
    return read(pairs)


_FLASH_TEXT = ("name", "old", "ref", "version")
"""The names a flash shows as they are (people's names and addresses; a reissued badge's short
reference and version)."""

FLASH_SECONDS = 300
"""How long a flash's names stay in the browser: the redirect's page is asked for at once."""

_FLASH_NONCE = re.compile(r"[A-Za-z0-9_-]{8,16}")
_FLASH_PENDING = web.RequestKey("flash_cookie", tuple[str, str])  # the cookie its response sets


def flash_params(request: web.Request, **names: str) -> dict[str, str]:
    """For :func:`with_lang`: ``ft``, a random reference, and nothing of the names: they travel
    in a cookie of that reference, set on the redirect by :func:`set_flash_cookie`, under a tag
    the service signs over the reference and the names. A link made elsewhere cannot put its own
    words on a page, and no name or address is in the address a browser's history, a proxy's log
    or a shared screen keeps (docs/workspaces.md, "Flashes")."""
    names = {k: v for k, v in names.items() if v}
    if set(names) - set(_FLASH_TEXT):
        raise ValueError(f"not a flash's text: {sorted(set(names) - set(_FLASH_TEXT))}")
    nonce = secrets.token_urlsafe(9)
    body = base64.urlsafe_b64encode(
        json.dumps(names, ensure_ascii=False).encode()).decode().rstrip("=")
    tag = request.app[signer_key].sign_bytes(f"flash:{nonce}", _flash_digest(names))
    request[_FLASH_PENDING] = (f"flash_{nonce}", f"{body}~{tag}")
    return {"ft": nonce}


async def set_flash_cookie(request: web.BaseRequest, response: web.StreamResponse) -> None:
    """``on_response_prepare``: the cookie :func:`flash_params` asked for, on the redirect (a
    raised ``HTTPSeeOther`` is prepared like any answer)."""
    pending = request.get(_FLASH_PENDING)
    if pending is not None and isinstance(request, web.Request):
        # aiohttp has written a response's own cookies into its headers before this hook
        name, value = pending
        cookie: SimpleCookie = SimpleCookie()
        cookie[name] = value
        morsel = cookie[name]
        morsel["path"], morsel["max-age"], morsel["samesite"] = "/", FLASH_SECONDS, "Lax"
        morsel["httponly"], morsel["secure"] = True, secure_cookies(request)
        response.headers.add("Set-Cookie", morsel.OutputString())


def flash_text(request: web.Request, key: str, limit: int) -> str | None:
    """The name ``key`` a flash shows, at most ``limit`` characters, when our own redirect set
    the cookie its ``ft`` names (its tag checks); None otherwise, and the page shows no flash."""
    nonce = request.query.get("ft", "")
    if not _FLASH_NONCE.fullmatch(nonce):
        return None
    body, _, tag = request.cookies.get(f"flash_{nonce}", "").partition("~")
    try:
        names = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (binascii.Error, ValueError):
        return None
    if not isinstance(names, dict) or not all(
            k in _FLASH_TEXT and isinstance(v, str) for k, v in names.items()):
        return None
    if request.app[signer_key].verify_bytes(f"flash:{nonce}", tag) != _flash_digest(names):
        return None
    text = str(names.get(key, ""))
    # a name longer than the flash takes ends with "…", never cut mid-word without a sign
    # ("… de Saint-Exupéry-Montm :", tried as a focal point, 5 December 2026)
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def _flash_digest(names: Mapping[str, str]) -> bytes:
    return hashlib.sha256(json.dumps(sorted(names.items())).encode()).digest()[:16]


def form_purpose(person: SignedIn | None) -> str:
    return f"ws:{person.person_id}" if person else "ws:anonymous"


def csrf_ok(request: web.Request, form: Any, person: SignedIn | None) -> bool:
    return csrf.valid(request.app[signer_key], form_purpose(person),
                      str(form.get(csrf.FIELD, "")), csrf.cookie_nonce(request))


def workspaces(person: SignedIn, language: str, base: str = "") -> list[dict[str, str]]:
    """The person's workspaces as links, one per grant."""
    t = WTranslator(language)
    items = []

    def delegation_of(g: Grant) -> str:
        name = country_name(g.delegation_country, language) if g.delegation_country \
            else g.delegation_name
        return t("ws_delegation", name=name or "")

    # delegations of more than one conference (a focal point of France at two meetings, and of
    # the League at one of them): each link says which conference, not only the names two
    # conferences share ("Délégation : Ligue des États arabes" among "France – …", tryout)
    several = len({g.conference_slug for g in person.grants if g.role == "focal_point"}) > 1
    for g in person.grants:
        if g.role == "focal_point":
            label = delegation_of(g)
            if several:
                label = f"{label} – {g.conference_name(language)}"
        elif g.conference_slug is None:
            # the conferences are listed on /manage (and on the home page), not /workspaces
            items.append({"label": t("ws_admin_all"), "url": f"{base}/manage"})
            continue
        else:
            label = t(f"ws_{g.role}", conference=g.conference_name(language))
        items.append({"label": label, "url": workspace_url(base, g)})
    return items


def _answers_get(app: web.Application, path: str) -> bool:
    """Whether a GET route of ``app`` answers ``path``."""
    for resource in app.router.resources():
        if not any(route.method == "GET" for route in resource):
            continue
        info = resource.get_info()
        if "path" in info and info["path"] == path:
            return True
        if "pattern" in info and info["pattern"].fullmatch(path):
            return True
    return False


def switch_path(request: web.Request, page: str | None = None) -> str:
    """Where the language link leads: the page itself; for the answer to a posted form (a form
    sent back with its errors), ``page`` (the form's own page) when given, else the path when a
    GET answers it, else the nearest enclosing path a GET answers: never a 405."""
    path = request.path
    if request.method in ("GET", "HEAD"):
        return path
    if page is not None:
        return page
    if _answers_get(request.app, path):
        return path
    while path.count("/") > 1:
        path = path.rsplit("/", 1)[0]
        if _answers_get(request.app, path):
            return path
    return "/workspaces"


def render(
    request: web.Request, template: str, language: str, *, person: SignedIn | None,
    status: int = 200, crumbs: list[tuple[str, str | None]] | None = None,
    flash: str | None = None, conference: Any = None, switch_to: str | None = None,
    **context: Any,
) -> web.Response:
    """``switch_to``: the page the language link leads to when this page answers a form posted
    to a path no GET answers (see ``switch_path``). ``switch_form`` (in ``context``): the
    fields the language button posts again to this page in the other language, so that what
    was typed is kept (the substitution's confirmation)."""
    t = WTranslator(language)
    other = other_language(language)
    cookies: dict[str, str] = {}
    nonce = csrf.ensure_nonce(request, cookies)
    token = csrf.issue(request.app[signer_key], form_purpose(person), nonce)
    query = {k: v for k, v in request.query.items() if k not in ("lang", "done")}
    html = _ENV.get_template(template).render(
        t=t, lang=language, other_lang=other, person=person, conference=conference,
        switch_url=with_lang(switch_path(request, switch_to), other, **query), csrf_token=token,
        crumbs=crumbs or [], flash=flash, workspaces=workspaces(person, language) if person
        else [], u=lambda path, **params: with_lang(path, language, **params),
        # a form answered with its errors: the title says so first, the first thing a screen
        # reader reads of the page (docs/workspaces.md, "Errors in sight")
        failed=400 <= status < 500 and template != "ws_error.html", **context,
    )
    headers = dict(SECURITY_HEADERS)
    headers["Cache-Control"] = "no-store"
    response = web.Response(text=html, status=status, content_type="text/html",
                            charset="utf-8", headers=headers)
    csrf.set_cookies(request, response, cookies)
    return response


async def error_page(request: web.Request, status: int, message: str,
                     title: str | None = None, back: tuple[str, str] | None = None
                     ) -> web.Response:
    """A refusal as a page; ``back``: a link (path, words) to the page the person came from,
    above the one to their workspaces."""
    person = await current(request)
    language = language_of(request, person)
    t = WTranslator(language)
    title = title or {403: t("forbidden_title"), 404: t("not_found_title")}.get(
        status, t("error_title"))
    return render(request, "ws_error.html", language, person=person, status=status,
                  title=title, message=message, back=back)


def next_of(request: web.Request) -> str | None:
    """The page a visitor sent to sign in was opening (a GET's path and query, language
    aside), for the sign-in to lead back to it; None for a form's POST."""
    if request.method not in ("GET", "HEAD") or request.path == "/workspaces":
        return None  # a form's POST, or the list of workspaces where a sign-in leads anyway
    query = urlencode([(k, v) for k, v in request.query.items() if k != "lang"])
    return safe_next(request.rel_url.raw_path + (f"?{query}" if query else ""))


def page(handler: PageHandler) -> PageHandler:
    """Refusals escaping a workspace page become a page in the person's language; a visitor
    who is not signed in is sent to the sign-in form."""

    @functools.wraps(handler)
    async def wrapped(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except SignInFirst:
            language = language_of(request, None)
            raise web.HTTPSeeOther(with_lang("/signin", language,
                                             next=next_of(request) or "")) from None
        except TooManyRequests:
            t = WTranslator(language_of(request, await current(request)))
            return await error_page(request, 429, t("too_many"))
        except Forbidden:
            t = WTranslator(language_of(request, await current(request)))
            return await error_page(request, 403, t("forbidden"))
        except NotFound:
            t = WTranslator(language_of(request, await current(request)))
            return await error_page(request, 404, t("not_found"))
        except Refusal as exc:
            if exc.extra.get("reason") == "not_cleared":
                # a badge that clearance withholds, said in the person's language
                # (docs/credentials.md, "What the person is told")
                t = WTranslator(language_of(request, await current(request)))
                return await error_page(request, exc.status, t(
                    "member_badge_refused" if exc.extra.get("vetting_status") == "refused"
                    else "badge_not_cleared_awaited"))
            if exc.extra.get("reason") == "not_approved" and "status_now" in exc.extra:
                # a badge asked before the approval or after the accreditation ended, in the
                # person's language (a French page said "…; this one is substituted"; tryout)
                t = WTranslator(language_of(request, await current(request)))
                return await error_page(request, exc.status, t(
                    "badge_not_approved",
                    status=t(f"status_{exc.extra['status_now']}").lower()))
            return await error_page(request, exc.status, exc.detail)

    return wrapped


async def linked_names(request: web.Request, acc: Accreditation, principal: Principal
                       ) -> dict[UUID, str]:
    """The people a history's substitution lines link to (the member replaced, or the one who
    took the place), by accreditation id, as far as ``principal`` may read them: the console and
    the portal name them beside the line (docs/workspaces.md). Never on the applicant's own
    page: another person's name is not theirs to read."""
    linked = {h.linked_accreditation_id for h in acc.history or []
              if h.linked_accreditation_id is not None}
    if not linked:
        return {}
    return await accreditations.names_of(request.app[pool_key], linked, principal)


def revoke_errors(t: WTranslator, reason: str, form: Mapping[str, Any],
                  reason_missing: str) -> dict[str, str]:
    """What a revoke form lacks, all at once: the reason (``reason_missing``, the page's
    words), and the box that confirms it (the person is told by mail, the badge refused)."""
    errors: dict[str, str] = {}
    if not reason:
        errors["revoke_reason"] = reason_missing
    if form.get("confirm") != "yes":
        errors["revoke_confirm"] = t("err_revoke_confirm")
    return errors


def revoke_values(form: Mapping[str, Any]) -> dict[str, str]:
    """What a revoke form holds, to show it again (its errors, its language switch): the
    reason as typed and the box ticked or not, keyed by the form's ids."""
    return {"revoke_reason": str(form.get("reason", ""))[:2000],
            "revoke_confirm": "yes" if form.get("confirm") == "yes" else ""}


def decision_refused(t: WTranslator, exc: Exception, status_before: str) -> str:
    """Why a decision or a revocation on an application was refused, in the page's words: the
    press pool is full, or the application is no longer in a state that allows it (the status
    the refusal names, else ``status_before``), or a possible duplicate of it is approved
    already (docs/workspaces.md, "Possible duplicates")."""
    if isinstance(exc, PoolFull):
        return t("err_pool_full")
    if isinstance(exc, DuplicateApproved):
        return t("err_dup_approved", name=exc.name)
    status = getattr(exc, "extra", {}).get("status_now", status_before)
    return t("err_illegal", status=t(f"status_{status}"))


def load_templates() -> int:
    """Compile every template of the workspaces' pages now, at the process's start
    (docs/architecture.md, "Templates"); how many."""
    return templating.load_every(_ENV)
