"""The sign-in pages: ``/signin`` asks for a link by
email (the same answer whether or not the address is known; limited per address and per
client), ``GET /signin/{token}`` shows a button without spending the link (mail scanners that
fetch links spend nothing), ``POST /signin/{token}`` spends it and opens the session,
``POST /signout`` ends it; ``/workspaces`` lists the person's workspaces. A page opened while
signed out sends to ``/signin?next=<path>``: the path (checked by ``safe_next``: this site's
only) rides in the mailed link and the spending POST leads there; so does the language of the
page the link was asked from (``lang``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiohttp import web

from conference.http.context import now, pool_key
from conference.http.io import read_form
from conference.http.limits import RateLimiter, check, client_key, limit_token_failure, limits_key
from conference.http.routes import RouteTable
from conference.people import service
from conference.people.domain import could_be_an_address, normal_email, safe_next
from conference.workspaces import frame
from conference.workspaces.console import managed_conferences
from conference.workspaces.i18n import WTranslator

routes = RouteTable()
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS


@dataclass
class SigninLimits:
    per_address: RateLimiter | None
    per_client: RateLimiter | None


signin_limits_key = web.AppKey("signin_limits", SigninLimits)


def make_signin_limits(per_address_per_hour: float, per_client_per_minute: float
                       ) -> SigninLimits:
    return SigninLimits(
        RateLimiter(per_address_per_hour / 60.0, max(1, int(per_address_per_hour)))
        if per_address_per_hour > 0 else None,
        RateLimiter(per_client_per_minute, max(1, int(per_client_per_minute)))
        if per_client_per_minute > 0 else None,
    )


def _limit_client(request: web.Request) -> None:
    limits = request.app.get(signin_limits_key)
    if limits is not None:
        check(limits.per_client, client_key(request, request.app[limits_key].proxies),
              "sign-in attempts")


def _limit_address(request: web.Request, email: str) -> bool:
    """False when this address has asked for too many links (the answer stays the same)."""
    limits = request.app.get(signin_limits_key)
    if limits is None or limits.per_address is None:
        return True
    return limits.per_address.take(normal_email(email)) == 0.0


@routes.add("GET", "/static/workspaces.css", summary="The workspaces' style sheet", tag="pages",
            media=("text/css",))
async def workspaces_css(request: web.Request) -> web.Response:
    return web.Response(body=frame.CSS, content_type="text/css", charset="utf-8",
                        headers={"Cache-Control": "public, max-age=3600"})


@routes.add("GET", "/signin", summary="Ask for a sign-in link (HTML)", tag="workspaces",
            media=HTML, error_media=PAGE_ERRORS)
@frame.page
async def signin_form(request: web.Request) -> web.Response:
    language = frame.language_of(request, None)
    t = WTranslator(language)
    flash = t("flash_signed_out") if request.query.get("done") == "signed_out" else None
    return frame.render(request, "signin.html", language, person=None, title=t("signin_title"),
                        errors={}, email="", sent=request.query.get("done") == "sent",
                        message=None, flash=flash, next=safe_next(request.query.get("next")))


@routes.add("POST", "/signin", summary="Ask for a sign-in link (HTML form)", tag="workspaces",
            media=HTML, error_media=PAGE_ERRORS, errors=(403, 422, 429))
@frame.page
async def signin_request(request: web.Request) -> web.StreamResponse:
    language = frame.language_of(request, None)
    t = WTranslator(language)
    form = await read_form(request)
    email = str(form.get("email", "")).strip()[:200]
    target = safe_next(form.get("next"))
    show: dict[str, Any] = {"title": t("signin_title"), "email": email, "sent": False,
                            "next": target}
    if not frame.csrf_ok(request, form, None):
        return frame.render(request, "signin.html", language, person=None, status=403,
                            errors={}, message=t("csrf_failed"), **show)
    _limit_client(request)
    if not could_be_an_address(email):
        # nothing typed is a missing address, not a mistyped one
        return frame.render(request, "signin.html", language, person=None, status=422,
                            message=None, errors={"email": t("err_email" if email
                                                             else "err_required")}, **show)
    if _limit_address(request, email):
        # the page's language rides in the link as ``next`` does: the person lands in the
        # language they asked in (docs/workspaces.md, "Sign-in")
        await service.request_signin(request.app[pool_key], email, next_path=target,
                                     language="fr" if language == "fr" else "en")
    raise web.HTTPSeeOther(frame.with_lang("/signin", language, done="sent"))


def _link(request: web.Request) -> str:
    return request.match_info["token"]


async def _invalid_link(request: web.Request) -> web.Response:
    limit_token_failure(request)
    t = WTranslator(frame.language_of(request, None))
    return await frame.error_page(request, 404, t("signin_link_invalid"),
                                  title=t("signin_link_invalid_title"))


@routes.add("GET", "/signin/{token}", summary="The page a sign-in link opens (HTML): a button",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(404, 429))
@frame.page
async def signin_link(request: web.Request) -> web.Response:
    # opening or spending a valid link takes nothing from the client's budget for asking: a
    # press room behind one address signs in one after another; an unknown link counts against
    # the client's unknown tokens (``_invalid_link``; docs/workspaces.md, "Sign-in")
    secret = _link(request)
    holder = await service.link_holder(request.app[pool_key], secret, now(request)) \
        if len(secret) <= 100 else None
    if holder is None:
        return await _invalid_link(request)
    asked = request.query.get("lang")
    language = asked if asked in ("fr", "en") else holder
    t = WTranslator(language)
    response = frame.render(request, "signin_link.html", language, person=None,
                            title=t("signin_title"),
                            action=frame.with_lang(f"/signin/{secret}", language,
                                                   next=safe_next(request.query.get("next"))
                                                   or ""))
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@routes.add("POST", "/signin/{token}", summary="Spend a sign-in link: opens the session",
            tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404, 429))
@frame.page
async def signin_spend(request: web.Request) -> web.StreamResponse:
    language = frame.language_of(request, None)
    t = WTranslator(language)
    form = await read_form(request)
    secret = _link(request)
    if not frame.csrf_ok(request, form, None):
        return await frame.error_page(request, 403, t("csrf_failed"))
    session = await service.sign_in(request.app[pool_key], secret, now(request)) \
        if len(secret) <= 100 else None
    if session is None:
        return await _invalid_link(request)
    target = safe_next(request.query.get("next"))
    response = web.HTTPSeeOther(frame.with_lang(target, language) if target else
                                frame.with_lang("/workspaces", language, done="signed_in"))
    frame.set_session(request, response, session)
    raise response


@routes.add("POST", "/signout", summary="End the session", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403,))
@frame.page
async def signout(request: web.Request) -> web.StreamResponse:
    person = await frame.current(request)
    language = frame.language_of(request, person)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, person):
        return await frame.error_page(request, 403, WTranslator(language)("csrf_failed"))
    response = web.HTTPSeeOther(frame.with_lang("/signin", language, done="signed_out"))
    await frame.end_session(request, response)
    raise response


@routes.add("GET", "/workspaces", summary="The signed-in person's workspaces (HTML)",
            who="signed in", tag="workspaces", media=HTML, error_media=PAGE_ERRORS)
@frame.page
async def home(request: web.Request) -> web.Response:
    person = await frame.signed_in(request)
    language = frame.language_of(request, person)
    t = WTranslator(language)
    if request.query.get("done") == "signed_in":
        # one workspace: straight to it, as the welcome's link lands (door staff signing in on
        # a phone at 07:30 met a list of one: tryout of the meeting's day, 5 December 2026)
        places = frame.workspaces(person, language)
        if len(places) == 1 and places[0]["url"] != "/manage":
            raise web.HTTPSeeOther(frame.with_lang(places[0]["url"], language))
    flash = t("flash_signed_in") if request.query.get("done") == "signed_in" else None
    return frame.render(request, "home.html", language, person=person, title=t("home_title"),
                        flash=flash, crumbs=[(t("home_title"), None)],
                        conferences=await managed_conferences(request, person, language))
