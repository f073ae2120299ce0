"""A member's photo and visa letter in the delegation portal (docs/credentials.md): the same
forms as the applicant's page behind the private link (``pages/credentials.py``, the template
``_credentials_forms.html``), here for the delegation's focal point, signed in. The focal point
gives, sees (``GET …/photo``, private and never cached) and crops the photo: it gives it for
the delegation and downloads the badges that print it (docs/credentials.md, "Photo"). An admin
opening the portal may upload and crop the photo; a visa letter is requested by the focal
point."""

from __future__ import annotations

import functools
from typing import Any

from aiohttp import web

from conference.credentials import domain as credential_rules
from conference.credentials import service as credentials
from conference.errors import Conflict, Forbidden
from conference.http.context import now, pool_key
from conference.http.io import private_file, read_form
from conference.http.routes import RouteTable
from conference.mail import formatting
from conference.pages.credentials import (
    IDENTITY_FIELDS,
    TYPED_FORMS,
    VISA_FIELDS,
    TokenCheck,
    as_sent,
    crop_form,
    crop_step,
    document_kind,
    document_step,
    given_identity,
    given_passport,
    identity_body,
    identity_start,
    identity_types,
    letter_number,
    photo_step,
    recorded,
    visa_body,
    visa_start,
    with_passport,
)
from conference.pages.handlers import _countries, identity_state, sent_before, switching
from conference.privacy import service as privacy
from conference.protocol.countries import country_name
from conference.workspaces import frame
from conference.workspaces.frame import HTML, PAGE_ERRORS
from conference.workspaces.handlers import Portal, _member, _portal, open_clearance

routes = RouteTable()

NOTICES = {"photo": "photo_done", "fitted": "photo_fitted", "cropped": "crop_done",
           "visa": "visa_done", "document": "docs_done"}
NAMED = ("photo", "visa", "identity")
"""The notices that name the member (``member_…_done``)."""


async def _page(
    request: web.Request, p: Portal, acc: Any, *, errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None, message: str | None = None, status: int = 200,
    editing: str = "", sent: bool = False,
) -> web.Response:
    """``editing``: the form posted (``crop``, ``visa``, ``identity``), which the header's
    language control then carries; ``sent``: it was sent (its errors shown), so its language
    switch shows them again, as on the applicant's page (``pages.credentials``)."""
    pool = request.app[pool_key]
    here = f"{p.base}/members/{acc.id}"
    sizes = await credentials.photo_sizes(pool, acc.id)
    size = sizes.photo if sizes is not None else None
    # the caption and the notice say to send another photo when it is fixed
    crop, fixed = crop_form(sizes, f"{here}/photo", values if (errors and "crop" in errors)
                            or editing == "crop" else None)
    try:
        letter = await credentials.open_letter(pool, acc.id, p.principal)
        may_request = letter is None and acc.status.value in credentials.OPEN_STATUSES
        # the letter the accreditation's end closed, said where no letter can be requested
        closed_letter = (await credentials.closed_letter(pool, acc.id, p.principal)
                         if letter is None and not may_request else None)
        # the request protocol refused (or the letter it cancelled), said above a new one
        refused_letter = (await credentials.refused_letter(pool, acc.id, p.principal)
                          if may_request else None)
    except Forbidden:  # an admin in the portal: the letter is the focal point's to request
        letter, may_request, closed_letter, refused_letter = None, False, None, None
    documents = await credentials.documents_state(pool, acc.id, p.principal)
    try:
        identity = await identity_state(pool, p.conference, acc, p.principal)
    except Forbidden:  # an admin in the portal: the document is the focal point's to give
        identity = None
    name = f"{acc.given_name} {acc.family_name}"
    values, visa_passport = visa_start(identity, may_request=may_request, editing=editing,
                                       values=values, errors=errors, name=name)
    values = identity_start(identity, letter, editing=editing, values=values)
    if message is None and request.query.get("done") in NAMED:  # whose: not "your"
        message = p.t(f"member_{request.query['done']}_done", name=name)
    if message is None and request.query.get("done") in NOTICES:
        message = p.t("member_photo_fitted_min" if fixed and request.query["done"] == "fitted"
                      else NOTICES[request.query["done"]])
    # each typed form's own language button, and the header's, which carries the form being
    # edited, else the page's first (docs/workspaces.md, "The language control")
    shown = {"crop": crop is not None and acc.status.value in credentials.OPEN_STATUSES,
             "visa": may_request, "identity": identity is not None and not identity.closed}
    path = {"crop": "photo/crop", "visa": "visa-letter", "identity": "identity-document"}
    form_switch, switch_submit = frame.form_switches(
        p.language, {name: f"{here}/{path[name]}" for name in TYPED_FORMS if shown[name]},
        editing)
    return frame.render(
        request, "member_credentials.html", p.language, person=p.person,
        form_switch=form_switch, switch_submit=switch_submit, sent_form=editing if sent else "",
        conference=p.conference, status=status, title=p.t("credentials_title"),
        crumbs=p.crumbs((name, here), (p.t("credentials_title"), None)), flash=message,
        acc=acc, errors=errors or {}, values=values or {}, size=size, crop=crop,
        letter=letter, may_request=may_request, closed_letter=closed_letter,
        refused_letter=refused_letter, countries=_countries(p.language),
        documents=documents, member_name=name, identity=identity, visa_passport=visa_passport,
        # who asks, as the documents part says it: protocol setting the status itself is not
        # told as the security service (docs/credentials.md, "Vetting")
        more_information_todo=(documents.security_question_by or "security")
        if documents is not None
        and await open_clearance(request, p, acc) == "more_information" else None,
        identity_types=identity_types(p.t), masked=credential_rules.masked_number,
        country_words=lambda code: country_name(code, p.language),
        day_words=lambda d: formatting.day(d, p.language),
        document_action=lambda kind: frame.with_lang(f"{here}/documents/{kind}", p.language),
        crop_sent_text="member_crop_text_sent",
        photo_src=f"{here}/photo", photo_note=p.t("member_photo_min") if fixed else None,
        photo_caption=p.t("member_photo_current", name=name, width=size[0], height=size[1])
        if size is not None else None,
        actions={"photo": frame.with_lang(f"{here}/photo", p.language),
                 "crop": frame.with_lang(f"{here}/photo/crop", p.language),
                 "visa": frame.with_lang(f"{here}/visa-letter", p.language),
                 "identity": frame.with_lang(f"{here}/identity-document", p.language)},
        letter_pdf=f"{here}/visa-letter.pdf",
    )


def _done(p: Portal, acc: Any, what: str) -> web.HTTPSeeOther:
    return web.HTTPSeeOther(frame.with_lang(f"{p.base}/members/{acc.id}/credentials",
                                            p.language, done=what))


@routes.add("GET", "/delegation/{slug}/members/{accreditation_id}/credentials",
            summary="A member's photo (upload, crop) and visa letter request (HTML)",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def member_credentials(request: web.Request) -> web.Response:
    p = await _portal(request)
    return await _page(request, p, await _member(request, p))


@routes.add("GET", "/delegation/{slug}/members/{accreditation_id}/photo",
            summary="A member's photo (JPEG; private, never cached); source=1: the photo as "
                    "sent, which the crop step's box is in",
            who="the delegation's focal point", tag="workspaces", media=("image/jpeg", "text/html"),
            error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def member_photo(request: web.Request) -> web.StreamResponse:
    p = await _portal(request)
    acc = await _member(request, p)
    data, media = await credentials.get_photo(request.app[pool_key], acc.id, p.principal,
                                              as_sent=as_sent(request))
    return private_file(data, media)


def _token_check(request: web.Request, p: Portal) -> TokenCheck:
    """An upload's CSRF token (read from its multipart body) checked as the portal's forms':
    a wrong one is the error page (403)."""
    async def bad_token(token: str) -> web.Response | None:
        if frame.csrf_ok(request, {"csrf": token}, p.person):
            return None
        return await frame.error_page(request, 403, p.t("csrf_failed"))
    return bad_token


@routes.add("POST", "/delegation/{slug}/members/{accreditation_id}/photo",
            summary="Upload a member's photo (multipart HTML form)",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 422), extra={"streams_body": True})
@frame.page
async def member_photo_upload(request: web.Request) -> web.StreamResponse:
    p = await _portal(request)
    acc = await _member(request, p)
    fitted = await photo_step(request, acc.id, p.principal, p.t,
                              functools.partial(_page, request, p, acc), _token_check(request, p))
    if isinstance(fitted, web.Response):
        return fitted
    raise _done(p, acc, "fitted" if fitted else "photo")


@routes.add("POST", "/delegation/{slug}/members/{accreditation_id}/documents/{kind}",
            summary="Upload one of the documents a member's category gives (multipart HTML "
                    "form; PDF, JPEG or PNG, its type checked from the content)",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409, 422), extra={"streams_body": True})
@frame.page
async def member_document_upload(request: web.Request) -> web.StreamResponse:
    p = await _portal(request)
    acc = await _member(request, p)
    refused = await document_step(request, acc.id, document_kind(request), p.principal, p.t,
                                  functools.partial(_page, request, p, acc),
                                  _token_check(request, p))
    if refused is not None:
        return refused
    raise _done(p, acc, "document")


@routes.add("POST", "/delegation/{slug}/members/{accreditation_id}/photo/crop",
            summary="Crop a member's photo to a 3:4 box (HTML form); switch=1 (a language "
                    "button) only shows the page again in ?lang, filled",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 422))
@frame.page
async def member_photo_crop(request: web.Request) -> web.StreamResponse:
    p = await _portal(request)
    acc = await _member(request, p)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, p.person):
        return await frame.error_page(request, 403, p.t("csrf_failed"))
    refused = await crop_step(request, form, acc.id, p.principal, p.t,
                              functools.partial(_page, request, p, acc))
    if refused is not None:
        return refused
    raise _done(p, acc, "cropped")


@routes.add("POST", "/delegation/{slug}/members/{accreditation_id}/visa-letter",
            summary="Request a member's visa invitation letter (HTML form); switch=1 (a "
                    "language button) only shows the page again in ?lang, filled, never filed",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 409, 422))
@frame.page
async def member_visa_letter(request: web.Request) -> web.StreamResponse:
    p = await _portal(request)
    acc = await _member(request, p)
    form = await read_form(request)
    passport = await given_passport(request.app[pool_key], p.conference, acc, p.principal)
    values = with_passport({n: str(form.get(n, "")).strip() for n in VISA_FIELDS}, passport)
    if not frame.csrf_ok(request, form, p.person):
        return await frame.error_page(request, 403, p.t("csrf_failed"))
    sent = sent_before(form)
    show = functools.partial(_page, request, p, acc, values=values, editing="visa", sent=sent)
    body, errors = visa_body(p.t, values)
    if switching(form):  # the language control: shown again, never requested
        return await show(errors=errors if sent else None)
    if body is None:
        return await show(errors=errors, status=422)
    try:
        await credentials.request_letter(request.app[pool_key], acc.id, body, p.principal,
                                         now(request))
    except (Conflict, Forbidden) as exc:
        return await show(message=exc.detail, status=exc.status)
    raise _done(p, acc, "visa")


@routes.add("GET", "/delegation/{slug}/members/{accreditation_id}/visa-letter.pdf",
            summary="A member's approved visa invitation letter (PDF), as mailed to them",
            who="the delegation's focal point", tag="workspaces",
            media=("application/pdf", "text/html"), error_media=PAGE_ERRORS,
            errors=(403, 404, 409))
@frame.page
async def member_visa_letter_pdf(request: web.Request) -> web.Response:
    """The focal point who requested the letter reads it: the page said « approuvée, lettre
    n° … envoyée par courriel » and the PDF went to the member alone, whom the focal point
    often answers for (tryout, 2 December 2026; the API's letter.pdf already allowed it)."""
    p = await _portal(request)
    acc = await _member(request, p)
    pool = request.app[pool_key]
    letter = await credentials.open_letter(pool, acc.id, p.principal)
    if letter is None:
        return await frame.error_page(request, 404, p.t("member_visa_pdf_none"))
    try:
        number, pdf = await credentials.get_letter_pdf(pool, letter.id, p.principal)
    except Conflict:  # requested, not approved yet
        return await frame.error_page(request, 409, p.t("member_visa_pdf_none"))
    return web.Response(body=pdf, content_type="application/pdf", headers={
        "Cache-Control": "private, no-store",
        "Content-Disposition": f'attachment; filename="visa-letter-{number}.pdf"'})


@routes.add("POST", "/delegation/{slug}/members/{accreditation_id}/identity-document",
            summary="Give a member's identity document for the security check (HTML form): "
                    "the same data as PUT /api/v1/accreditations/{id}/vetting; switch=1 (a "
                    "language button) only shows the page again in ?lang, filled, never saved",
            who="the delegation's focal point", tag="workspaces", media=HTML,
            error_media=PAGE_ERRORS, errors=(403, 404, 422))
@frame.page
async def member_identity_document(request: web.Request) -> web.StreamResponse:
    p = await _portal(request)
    acc = await _member(request, p)
    form = await read_form(request)
    if not frame.csrf_ok(request, form, p.person):
        return await frame.error_page(request, 403, p.t("csrf_failed"))
    values = {n: str(form.get(n, "")).strip()[:200] for n in IDENTITY_FIELDS}
    sent = sent_before(form)
    show = functools.partial(_page, request, p, acc, values=values, editing="identity",
                             sent=sent)
    pool = request.app[pool_key]
    kept = recorded(await given_identity(pool, p.conference, acc, p.principal))
    body, errors = identity_body(p.t, values, kept,
                                 await letter_number(pool, acc.id, p.principal, kept))
    if switching(form):  # the language control: shown again, nothing given
        return await show(errors=errors if sent else None)
    if body is None:
        return await show(errors=errors, status=422)
    try:
        await privacy.give_identity_document(request.app[pool_key], acc.id, body, p.principal,
                                             now(request))
    except Forbidden:  # closed meanwhile: the page says why, in its language
        return await show(status=403)
    raise _done(p, acc, "identity")
