"""The applicant's photo and visa letter page behind the private link (docs/credentials.md,
"Photo" and "Visa invitation letters"): plain forms, no JavaScript.

- ``GET /a/{token}/credentials``: the current photo with the crop form, the upload form, and
  the visa letter's state or its request form;
- ``POST /a/{token}/photo``: a multipart upload, read from the stream up to the photo's limit
  (the service's body limit does not apply), checked by the photo rules;
- ``POST /a/{token}/photo/crop``: a 3:4 box (a preset, or left, top and width in the pixels
  of the photo as sent, kept beside the photo) cut out by Pillow on the server;
- ``POST /a/{token}/visa-letter``: the request;
- ``GET /v/{number}``: the letter's verification page for consulates, in French or English
  (JSON when asked).

Each form carries its CSRF token; a refusal shows the form again with the error naming the
field; success redirects (303) to the page with a notice."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any, get_args
from uuid import UUID

from aiohttp import BodyPartReader, web
from pydantic import ValidationError

from conference.accreditation import service as accreditations
from conference.auth import Principal
from conference.conferences import service as conferences
from conference.credentials import domain as credential_rules
from conference.credentials import service as credentials
from conference.credentials.models import DocumentKind, Verification, VisaLetter, VisaLetterIn
from conference.errors import Conflict, Forbidden, Invalid, NotFound
from conference.http.context import now, pool_key
from conference.http.hygiene import RequestTimeout, read_timeout_key
from conference.http.io import Form, json_response, private_file, read_form
from conference.http.routes import RouteTable
from conference.mail import formatting
from conference.pages import csrf
from conference.pages.handlers import (
    HTML,
    PAGE_ERRORS,
    SWITCH,
    _applicant,
    _countries,
    _signer,
    error_page,
    identity_state,
    page,
    render,
    sent_before,
    switching,
)
from conference.pages.i18n import Translator, choose_language, field_message
from conference.privacy import service as privacy
from conference.privacy.models import Vetting, VettingIn
from conference.protocol import country_phrases
from conference.protocol.countries import country_name

routes = RouteTable()

VISA_FIELDS = ("passport_name", "passport_number", "nationality", "date_of_birth", "consulate")
TYPED_FORMS = ("crop", "visa", "identity")
"""The page's forms with typed values, in the page's order (the photo and the documents are a
file each, which no page can give back)."""
NOTICES = {"photo": "photo_done", "fitted": "photo_fitted", "cropped": "crop_done",
           "visa": "visa_done", "document": "docs_done", "identity": "id_done"}


def refusal_words(t: Translator, exc: Invalid, prefix: str = "photo_rule_") -> str:
    """The refusal in the page's language: the rule broken (``photo_rule_…``, or
    ``doc_rule_…`` for a document), else the service's words."""
    error = exc.extra["errors"][0]
    key = f"{prefix}{error.get('type', '')}"
    return t(key) if key in t.keys else str(error["message"])


def closed_words(t: Translator, exc: Conflict, otherwise: str | None = None) -> str:
    """A photo or document refused because the application is closed (withdrawn, rejected…:
    ``credentials.service._still_open``), in the page's language; else ``otherwise``, else the
    service's words."""
    if exc.extra.get("reason") == "closed":
        return t("upload_closed")
    return otherwise if otherwise is not None else exc.detail


def document_kind(request: web.Request) -> DocumentKind:
    try:
        return DocumentKind(request.match_info["kind"])
    except ValueError:
        raise NotFound("No such document kind.") from None


def _field_error(t: Translator, name: str, err: Any, *, birth: str, nationality: str) -> str:
    """A field's error on the visa letter's and the identity document's forms, in the page's
    language: the date of birth (field ``birth``) not in the past or before 1900, or no date;
    the nationality (field ``nationality``) not from the list; the consulate one of the
    person's own country (``own_country``, ``VisaLetterIn``); else the field's message."""
    if name == birth and err["type"] in ("date_past", "greater_than"):
        return t("visa_birth")
    if name == birth and err["type"] != "missing":
        return t("visa_date")
    if name == nationality and err["type"] != "missing":
        return t("err_country")
    if err["type"] == "own_country":  # the consulate of the person's own country
        return t("visa_own_country", country=country_phrases.in_sentence(err["ctx"]["country"],
                                                                          t.language))
    return field_message(t, name, dict(err))


def visa_errors(t: Translator, exc: ValidationError) -> dict[str, str]:
    """The visa letter form's field errors in the page's language."""
    errors: dict[str, str] = {}
    for err in exc.errors(include_url=False):
        name = str(err["loc"][0]) if err["loc"] else "passport_name"
        if name not in errors:
            errors[name] = _field_error(t, name, err, birth="date_of_birth",
                                        nationality="nationality")
    return errors


def visa_body(t: Translator, values: dict[str, str]
              ) -> tuple[VisaLetterIn | None, dict[str, str]]:
    """The visa letter form (the values typed, an empty one left out) as the API's body, or
    its field errors in the page's language (``visa_errors``)."""
    try:
        return VisaLetterIn.model_validate({k: v for k, v in values.items() if v}), {}
    except ValidationError as exc:
        return None, visa_errors(t, exc)


IDENTITY_FIELDS = ("id_nationality", "id_document_type", "id_document_number",
                   "id_name_in_document", "id_date_of_birth")
IDENTITY_TYPES: tuple[str, ...] = get_args(VettingIn.model_fields["document_type"].annotation)
"""What the pages' form offers: every type the API takes (a diplomatic passport given through
the API started the form at "Choose", and a correction lost it)."""


def identity_types(t: Translator) -> list[tuple[str, str]]:
    return [(k, t(f"id_type_{k}")) for k in IDENTITY_TYPES]


def recorded(identity: privacy.IdentityDocument | None) -> Vetting | None:
    """The identity document given that the form corrects (None: nothing given, or no longer
    the person's to change): its number is not sent in the page, and an empty number keeps
    it (docs/credentials.md, "Vetting")."""
    if identity is None or identity.closed is not None:
        return None
    return identity.given


def identity_body(t: Translator, values: dict[str, str], kept: Vetting | None = None,
                  letter_number: str | None = None
                  ) -> tuple[VettingIn | None, dict[str, str]]:
    """The identity document form (docs/credentials.md, "Vetting") as the API's body, or its
    field errors in the page's language: the date of birth in the past and after 1900, the
    nationality from the list, as on a visa letter request. ``kept``: the document recorded,
    whose number an empty number field keeps when the type stays (the page does not show it
    whole); another type asks its own number. Nothing recorded, ``letter_number``: the
    passport number of the visa letter requested (read from the database), which an empty
    number field takes for a passport, as the form's hint says; else the number is
    required."""
    errors: dict[str, str] = {}
    values = dict(values)
    if values.get("id_document_type") not in IDENTITY_TYPES:
        errors["id_document_type"] = t("id_choose_type")
    elif kept is not None and not values.get("id_document_number"):
        if values["id_document_type"] == kept.document_type:
            values["id_document_number"] = kept.document_number
        else:
            errors["id_document_number"] = t("id_number_new_type")
    elif kept is None and letter_number and not values.get("id_document_number"):
        if values["id_document_type"] in credential_rules.PASSPORTS:
            values["id_document_number"] = letter_number
        else:
            errors["id_document_number"] = t("id_number_letter_other_type")
    try:
        body = VettingIn.model_validate({k.removeprefix("id_"): v for k, v in values.items()
                                         if v})
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            name = "id_" + str(err["loc"][0]) if err["loc"] else "id_document_number"
            if name not in errors:
                errors[name] = t("id_choose_type") if name == "id_document_type" else \
                    _field_error(t, name, err, birth="id_date_of_birth",
                                 nationality="id_nationality")
        return None, _in_form_order(errors)
    return (None, _in_form_order(errors)) if errors else (body, {})


def _in_form_order(errors: dict[str, str]) -> dict[str, str]:
    """The errors in the form's order, as the summary lists them: the nationality, the form's
    first field, came last (tried as a journalist, 2 December 2026)."""
    return {name: errors[name] for name in (*IDENTITY_FIELDS, *errors) if name in errors}


FROM_PASSPORT = ("passport_number", "nationality", "date_of_birth")
"""The visa letter's fields a passport given for the security check already holds."""


def passport_of(identity: privacy.IdentityDocument | None) -> Vetting | None:
    """The passport given for the security check, which the visa letter request takes its
    number, nationality and date of birth from; None for an identity card or nothing given
    (docs/credentials.md, "Visa invitation letters")."""
    if identity is None or identity.given is None \
            or identity.given.document_type not in credential_rules.PASSPORTS:
        return None
    return identity.given


def _from_passport(passport: Vetting) -> dict[str, str]:
    """The visa letter's fields the passport given holds: its number, nationality and date of
    birth, and the name as written in it when that was given (migration 0064)."""
    return {"passport_number": passport.document_number, "nationality": passport.nationality,
            "date_of_birth": passport.date_of_birth.isoformat(),
            **({"passport_name": passport.name_in_document}
               if passport.name_in_document else {})}


def with_passport(values: dict[str, str], passport: Vetting | None) -> dict[str, str]:
    """The visa letter form as posted, its number, nationality and date of birth read from
    the passport given (``passport``, from the database) when it carries none of them: the
    form then asks only the name and the consulate, and nothing of the passport travels in
    the page. A form that carries them (the full form, shown before the passport was
    given) is taken as typed, and so is a name typed (a page loaded before the name in the
    passport was given)."""
    if passport is None or any(values.get(name) for name in FROM_PASSPORT):
        return values
    return {**values, **_from_passport(passport),
            **({"passport_name": values["passport_name"]} if values.get("passport_name")
               else {})}


def visa_start(identity: privacy.IdentityDocument | None, *, may_request: bool, editing: str,
               values: dict[str, str] | None, errors: dict[str, str] | None, name: str
               ) -> tuple[dict[str, str], dict[str, Any] | None]:
    """The visa letter form's values, and what it recalls of the passport given for the
    security check (None: the full form). The form starts from the identity document given:
    a passport's number, nationality and date of birth are shown, the number masked, not
    asked, and the name starts as the application's (written as in the passport,
    docs/credentials.md, "Names"), or is recalled too when the name in the passport was
    given with it (then only the consulate is asked); an identity card's nationality and date
    of birth start the full form (tried as a journalist and a focal point, 2 December 2026). A
    form posted with other values than the passport's, or in error on them, is the full form
    again."""
    values = dict(values or {})
    given = identity.given if identity is not None else None
    if not may_request or given is None:
        return values, None
    passport = passport_of(identity)
    if editing != "visa":
        values = {"nationality": given.nationality,
                  "date_of_birth": given.date_of_birth.isoformat(),
                  **({"passport_number": given.document_number, "passport_name": name,
                      **_from_passport(passport)} if passport is not None else {}),
                  **values}
    if passport is None or any(n in (errors or {}) for n in _from_passport(passport)) \
            or any(values.get(n) != v for n, v in _from_passport(passport).items()):
        return values, None
    assert identity is not None
    return values, {"kind": passport.document_type, "name": passport.name_in_document,
                    "number": credential_rules.masked_number(passport.document_number),
                    "nationality": passport.nationality,
                    "date_of_birth": passport.date_of_birth,
                    "closed": identity.closed is not None}


def identity_start(identity: privacy.IdentityDocument | None, letter: VisaLetter | None, *,
                   editing: str, values: dict[str, str]) -> dict[str, str]:
    """The identity document form's values: the document given, so that correcting it (the
    visa letter form sends there) changes a field, not types all four again, its number left
    empty (kept when empty: ``identity_body``), not shown whole in the page; else the
    passport of the visa letter requested, which the security service receives meanwhile
    (docs/credentials.md, "Vetting"), its number left empty too (taken when empty: the page
    showed it whole). A form being edited keeps what was typed."""
    if identity is None or identity.closed is not None or editing == "identity":
        return values
    if identity.given is not None:  # the number not sent in the page: empty, it is kept
        given = {"id_nationality": identity.given.nationality,
                 "id_document_type": identity.given.document_type,
                 "id_name_in_document": identity.given.name_in_document or "",
                 "id_date_of_birth": identity.given.date_of_birth.isoformat()}
    elif letter is not None:  # its number masked in the hint, kept when left empty
        given = {"id_nationality": letter.nationality, "id_document_type": "passport",
                 "id_name_in_document": letter.passport_name,
                 "id_date_of_birth": letter.date_of_birth.isoformat()}
    else:
        return values
    return {**given, **values}


async def given_identity(pool: Any, conference: Any, acc: Any, principal: Principal
                         ) -> privacy.IdentityDocument | None:
    """The identity document section's state, read from the database when a form is posted;
    None for an admin in the portal, whom the identity document is not shown."""
    try:
        return await identity_state(pool, conference, acc, principal)
    except Forbidden:
        return None


async def letter_number(pool: Any, accreditation_id: UUID, principal: Principal,
                        kept: Vetting | None) -> str | None:
    """The passport number of the visa letter requested, read from the database when the
    identity document form is posted with nothing recorded yet (``identity_body``); None
    when a document is recorded, no letter is open, or the letter is not the principal's to
    read (an admin in the portal)."""
    if kept is not None:
        return None
    try:
        letter = await credentials.open_letter(pool, accreditation_id, principal)
    except Forbidden:
        return None
    return letter.passport_number if letter is not None else None


async def given_passport(pool: Any, conference: Any, acc: Any, principal: Principal
                         ) -> Vetting | None:
    """The passport given for the security check, read from the database when the visa
    letter form is posted (``with_passport``)."""
    return passport_of(await given_identity(pool, conference, acc, principal))


def _form(kind: str, p: Principal) -> str:
    return f"{kind}:{p.accreditation_id}"


async def _credentials_page(
    request: web.Request, p: Principal, *, errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None, message: str | None = None, status: int = 200,
    editing: str = "", sent: bool = False,
) -> web.Response:
    """``editing``: the form posted (``crop``, ``visa``, ``identity``), which the header's
    language control then carries; ``sent``: it was sent (its errors shown), so its language
    switch shows them again (``pages.handlers.sent_before``)."""
    assert p.accreditation_id is not None
    pool = request.app[pool_key]
    acc = await accreditations.get(pool, p.accreditation_id, p)
    conference = await conferences.get_conference(pool, acc.conference)
    language = choose_language(request, acc.language, negotiate=False)
    t = Translator(language)
    secret = request.match_info["access_token"]
    cookies: dict[str, str] = {}
    nonce = csrf.ensure_nonce(request, cookies)
    signer = _signer(request)
    base = f"/a/{secret}"
    sizes = await credentials.photo_sizes(pool, p.accreditation_id)
    size = sizes.photo if sizes is not None else None
    crop, fixed = crop_form(sizes, f"{base}/photo", values if (errors and "crop" in errors)
                            or editing == "crop" else None)
    letter = await credentials.open_letter(pool, p.accreditation_id, p)
    documents = await credentials.documents_state(pool, p.accreditation_id, p)
    may_request = letter is None and acc.status.value in credentials.OPEN_STATUSES
    # the letter the accreditation's end closed, said where no letter can be requested
    closed_letter = (await credentials.closed_letter(pool, p.accreditation_id, p)
                     if letter is None and not may_request else None)
    # the request protocol refused (or the letter it cancelled), said above a new one
    refused_letter = (await credentials.refused_letter(pool, p.accreditation_id, p)
                      if may_request else None)
    identity = await identity_state(pool, conference, acc, p)
    values, visa_passport = visa_start(identity, may_request=may_request, editing=editing,
                                       values=values, errors=errors,
                                       name=f"{acc.given_name} {acc.family_name}")
    values = identity_start(identity, letter, editing=editing, values=values)
    if message is None and request.query.get("done") in NOTICES:
        message = t("photo_fitted_min" if fixed and request.query["done"] == "fitted"
                    else NOTICES[request.query["done"]])
    other = "en" if language == "fr" else "fr"
    # each typed form's own language button, and the header's, which carries the form being
    # edited, else the page's first (docs/workspaces.md, "The language control")
    shown = {"crop": crop is not None and acc.status.value in credentials.OPEN_STATUSES,
             "visa": may_request, "identity": identity is not None and not identity.closed}
    path = {"crop": "photo/crop", "visa": "visa-letter", "identity": "identity-document"}
    form_switch = {name: {"name": SWITCH, "action": f"{base}/{path[name]}?lang={other}"}
                   for name in TYPED_FORMS if shown[name]}
    carried = editing if editing in form_switch else next(iter(form_switch), None)
    return render(
        request, "credentials.html", language, status=status, private=True, cookies=cookies,
        conference=conference, title=t("credentials_title"), acc=acc, errors=errors or {},
        values=values or {}, message=message, size=size, crop=crop, letter=letter,
        may_request=may_request, closed_letter=closed_letter, refused_letter=refused_letter,
        countries=_countries(language), documents=documents,
        identity=identity, identity_types=identity_types(t), visa_passport=visa_passport,
        masked=credential_rules.masked_number,
        country_words=lambda code: country_name(code, language),
        day_words=lambda d: formatting.day(d, language),
        photo_src=f"{base}/photo", back=f"{base}?lang={language}",
        photo_note=t("photo_min") if fixed else None,
        document_action=lambda kind: f"{base}/documents/{kind}?lang={language}",
        actions={"photo": f"{base}/photo?lang={language}",
                 "crop": f"{base}/photo/crop?lang={language}",
                 "visa": f"{base}/visa-letter?lang={language}",
                 "identity": f"{base}/identity-document?lang={language}"},
        tokens={kind: csrf.issue(signer, _form(kind, p), nonce)
                for kind in ("photo", "crop", "visa", "document", "identity")},
        form_switch=form_switch, sent_form=editing if sent else "",
        switch_submit=None if carried is None else {"form": f"{carried}-form",
                                                    **form_switch[carried]},
    )


def crop_form(sizes: credential_rules.PhotoSizes | None, photo_src: str,
              typed: dict[str, str] | None) -> tuple[dict[str, Any] | None, bool]:
    """The crop step of the applicant's and the member's pages, and whether the photo is
    fixed. The box is in the photo as sent (``frame``: kept beside the photo since migration
    0061, else the stored photo), which the step shows (``src``, the photo route with
    ``?source=1``) and whose size it states; its fields start from the box the photo was cut
    from, else the centre box, unless ``typed`` (a form in error, or carried across the
    language switch). A photo as sent at
    the minimum size holds no other box: no crop step, which could change nothing; a line
    under the photo says to send another one (docs/credentials.md, "Photo")."""
    if sizes is None:
        return None, False
    width, height = sizes.frame
    if not credential_rules.croppable(width, height):
        return None, True
    box = sizes.box or credential_rules.crop_preset("centre", width, height)
    assert box is not None
    return {"width": width, "height": height, "sent": sizes.source is not None,
            "src": f"{photo_src}?source=1",
            "fields": typed if typed is not None else
            {"crop_x": str(box.x), "crop_y": str(box.y), "crop_width": str(box.width)}}, False


def _done(request: web.Request, language: str, what: str) -> web.HTTPSeeOther:
    return web.HTTPSeeOther(f"/a/{request.match_info['access_token']}/credentials"
                            f"?lang={language}&done={what}")


def _csrf_ok(request: web.Request, kind: str, p: Principal, token: str) -> bool:
    return csrf.valid(_signer(request), _form(kind, p), token, csrf.cookie_nonce(request))


@routes.add("GET", "/a/{access_token}/credentials",
            summary="The applicant's photo (upload, crop) and visa letter request (HTML)",
            who="anyone", tag="pages", media=HTML, error_media=PAGE_ERRORS, errors=(404, 429))
@page
async def credentials_page(request: web.Request) -> web.Response:
    return await _credentials_page(request, await _applicant(request))


@routes.add("GET", "/a/{access_token}/photo",
            summary="The applicant's photo (JPEG); source=1: the photo as sent, which the crop "
                    "step's box is in",
            who="anyone", tag="pages", media=("image/jpeg",), error_media=PAGE_ERRORS,
            errors=(404, 429))
@page
async def application_photo(request: web.Request) -> web.Response:
    p = await _applicant(request)
    assert p.accreditation_id is not None
    data, media = await credentials.get_photo(request.app[pool_key], p.accreditation_id, p,
                                              as_sent=as_sent(request))
    return private_file(data, media)


def as_sent(request: web.Request) -> bool:
    """``?source=1`` on a photo route: the photo as sent, which the crop step's box is in
    (docs/credentials.md, "Photo")."""
    return request.query.get("source") == "1"


async def read_photo_form(request: web.Request) -> tuple[str, bytes | None, str | None]:
    """The form's CSRF token and the photo (its bytes and declared type), read from the stream;
    a 422 (rule ``max_size``) as soon as the photo passes its limit."""
    return await read_upload_form(request, "photo", credential_rules.PHOTO_MAX_BYTES)


async def read_upload_form(request: web.Request, field: str, limit: int
                           ) -> tuple[str, bytes | None, str | None]:
    """A multipart form's CSRF token and its file ``field`` (bytes and declared type), read from
    the stream; a 422 (rule ``max_size``) as soon as the file passes ``limit`` bytes."""
    token, data, media = "", None, None
    try:
        async with asyncio.timeout(request.app[read_timeout_key]):
            reader = await request.multipart()
            while (part := await reader.next()) is not None:
                if not isinstance(part, BodyPartReader):
                    continue
                if part.name == csrf.FIELD:
                    token = (await part.read(decode=True)).decode("utf-8", "replace")[:500]
                elif part.name == field and part.filename:
                    chunks, size = [], 0
                    while chunk := await part.read_chunk(64 * 1024):
                        size += len(chunk)
                        if size > limit:
                            raise credential_rules.refuse(
                                field, "max_size", f"A {field} is at most {limit} bytes.")
                        chunks.append(chunk)
                    data, media = b"".join(chunks), part.headers.get("Content-Type")
    except TimeoutError:
        raise RequestTimeout("The body did not arrive in time.") from None
    except (ValueError, AssertionError, LookupError):
        raise Invalid("The form could not be read.", [{
            "field": field, "type": "form", "message": "The form could not be read."}]) from None
    return token, data, media


async def _applicant_here(request: web.Request) -> tuple[Principal, UUID, str, Translator]:
    """Who sends a form from their credentials page (the private link's applicant), their
    accreditation, and the page's language and words."""
    p = await _applicant(request)
    assert p.accreditation_id is not None
    language = choose_language(request)
    return p, p.accreditation_id, language, Translator(language)


Show = Callable[..., Awaitable[web.Response]]
"""The credentials page again, with what a step says (errors, message, status…): the
applicant's, or a member's in the delegation's portal."""
TokenCheck = Callable[[str], Awaitable[web.Response | None]]
"""The refusal of a form whose CSRF token (given) is not the page's, or None."""


async def photo_step(request: web.Request, accreditation_id: UUID, principal: Principal,
                     t: Translator, show: Show, bad_token: TokenCheck) -> bool | web.Response:
    """The photo sent from the credentials page (the applicant's, or a member's in the
    portal), stored cut to a portrait: whether it was (``fitted``); else the page again saying
    why where the form was: the file (422: none, too large, not a photo), the application
    closed meanwhile (409), or the token's refusal."""
    try:
        token, data, media = await read_photo_form(request)
    except Invalid as exc:
        return await show(errors={"photo": refusal_words(t, exc)}, status=422)
    if (refused := await bad_token(token)) is not None:
        return refused
    if data is None:
        return await show(errors={"photo": t("err_required")}, status=422)
    try:
        return await credentials.put_photo(request.app[pool_key], accreditation_id, data, media,
                                           principal, now(request), fit=True)
    except Invalid as exc:
        return await show(errors={"photo": refusal_words(t, exc)}, status=422)
    except Conflict as exc:  # closed meanwhile: the page says so where the form was
        return await show(message=closed_words(t, exc), status=409)


async def document_step(request: web.Request, accreditation_id: UUID, kind: DocumentKind,
                        principal: Principal, t: Translator, show: Show,
                        bad_token: TokenCheck) -> web.Response | None:
    """A document sent from the credentials page (the applicant's, or a member's in the
    portal): None once stored; else the page again saying why on its field: the file (422:
    none, too large, not a PDF, JPEG or PNG), the application closed or the document purged
    meanwhile (409), or the token's refusal."""
    field = f"document_{kind.value}"
    try:
        token, data, media = await read_upload_form(request, "document",
                                                    credential_rules.DOCUMENT_MAX_BYTES)
    except Invalid as exc:
        return await show(errors={field: refusal_words(t, exc, "doc_rule_")}, status=422)
    if (refused := await bad_token(token)) is not None:
        return refused
    if data is None:
        return await show(errors={field: t("err_required")}, status=422)
    try:
        await credentials.put_document(request.app[pool_key], accreditation_id, kind, data,
                                       media, principal, now(request))
    except Invalid as exc:
        return await show(errors={field: refusal_words(t, exc, "doc_rule_")}, status=422)
    except Conflict as exc:
        return await show(errors={field: closed_words(t, exc, t("doc_rule_purged"))},
                          status=409)
    return None


def _token_check(request: web.Request, kind: str, p: Principal, t: Translator) -> TokenCheck:
    """An upload's CSRF token (read from its multipart body) checked as the page's form
    ``kind``'s: a wrong one is said on the page (403)."""
    async def bad_token(token: str) -> web.Response | None:
        if _csrf_ok(request, kind, p, token):
            return None
        return await _credentials_page(request, p, message=t("csrf_failed"), status=403)
    return bad_token


@routes.add("POST", "/a/{access_token}/photo",
            summary="Upload the applicant's photo from the page (multipart HTML form)",
            who="anyone", tag="pages", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 422, 429), extra={"streams_body": True})
@page
async def application_photo_upload(request: web.Request) -> web.StreamResponse:
    p, accreditation_id, language, t = await _applicant_here(request)
    fitted = await photo_step(request, accreditation_id, p, t,
                              functools.partial(_credentials_page, request, p),
                              _token_check(request, "photo", p, t))
    if isinstance(fitted, web.Response):
        return fitted
    raise _done(request, language, "fitted" if fitted else "photo")


@routes.add("POST", "/a/{access_token}/documents/{kind}",
            summary="Upload one of the documents the applicant's category gives, from the page "
                    "(multipart HTML form; PDF, JPEG or PNG, its type checked from the content)",
            who="anyone", tag="pages", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422, 429), extra={"streams_body": True})
@page
async def application_document_upload(request: web.Request) -> web.StreamResponse:
    p, accreditation_id, language, t = await _applicant_here(request)
    refused = await document_step(request, accreditation_id, document_kind(request), p, t,
                                  functools.partial(_credentials_page, request, p),
                                  _token_check(request, "document", p, t))
    if refused is not None:
        return refused
    raise _done(request, language, "document")


async def crop_step(request: web.Request, form: Form, accreditation_id: UUID,
                    principal: Principal, t: Translator, show: Show) -> web.Response | None:
    """The crop step's form sent (its CSRF token checked), on the applicant's page and on a
    member's page in the delegation's portal: the photo cut to the 3:4 box (a preset or the
    numbers typed), None once cut; else the page again (``show``) saying why where the form
    was: no photo (404), the numbers (422), a rule or the application closed meanwhile (409),
    or only shown again in the other language (the language control: nothing cut)."""
    values = {n: str(form.get(n, ""))[:20] for n in ("crop_x", "crop_y", "crop_width")}
    preset = str(form.get("preset", ""))
    sent = sent_before(form)
    pool = request.app[pool_key]
    sizes = await credentials.photo_sizes(pool, accreditation_id)
    if sizes is None:
        return await show(message=t("photo_none"), status=404)
    size = sizes.frame  # the box is in the photo as sent
    if switching(form):  # the language control: shown again, nothing cut
        wrong = sent and credential_rules.crop_box("custom", values, size) is None
        return await show(values=values, editing="crop", sent=sent,
                          errors={"crop": t("crop_number")} if wrong else None)
    box = credential_rules.crop_box(preset, values, size)
    if box is None:
        return await show(errors={"crop": t("crop_number")}, values=values, status=422,
                          editing="crop", sent=True)
    try:
        await credentials.crop_photo(pool, accreditation_id, box, principal, now(request))
    except Invalid as exc:
        # a box too small is the box's fault, not the photo's (it was told "the photo must be
        # at least 600 × 800" of a photo that is)
        small = exc.extra["errors"][0].get("type") == "min_dimensions"
        return await show(errors={"crop": t("crop_too_small") if small
                                  else refusal_words(t, exc)}, values=values, status=422)
    except Conflict as exc:  # closed meanwhile: the page says so where the form was
        return await show(message=closed_words(t, exc), status=409)
    return None


@routes.add("POST", "/a/{access_token}/photo/crop",
            summary="Crop the applicant's photo to a 3:4 box (HTML form; applied on the server); "
                    "switch=1 (a language button) only shows the page again in ?lang, filled",
            who="anyone", tag="pages", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 422, 429))
@page
async def application_photo_crop(request: web.Request) -> web.StreamResponse:
    p, accreditation_id, language, t = await _applicant_here(request)
    form = await read_form(request)
    if not _csrf_ok(request, "crop", p, str(form.get(csrf.FIELD, ""))):
        return await _credentials_page(request, p, message=t("csrf_failed"), status=403)
    refused = await crop_step(request, form, accreditation_id, p, t, functools.partial(
        _credentials_page, request, p))
    if refused is not None:
        return refused
    raise _done(request, language, "cropped")


@routes.add("POST", "/a/{access_token}/visa-letter",
            summary="Request a visa invitation letter from the page (HTML form); switch=1 (a "
                    "language button) only shows the page again in ?lang, filled, never filed",
            who="anyone", tag="pages", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 409, 422, 429))
@page
async def application_visa_letter(request: web.Request) -> web.StreamResponse:
    p, accreditation_id, language, t = await _applicant_here(request)
    form = await read_form(request)
    pool = request.app[pool_key]
    acc = await accreditations.get(pool, accreditation_id, p)
    passport = await given_passport(pool, await conferences.get_conference(pool, acc.conference),
                                    acc, p)
    values = with_passport({n: str(form.get(n, "")).strip() for n in VISA_FIELDS}, passport)
    sent = sent_before(form)
    show = functools.partial(_credentials_page, request, p, values=values, editing="visa",
                             sent=sent)
    if not _csrf_ok(request, "visa", p, str(form.get(csrf.FIELD, ""))):
        return await show(message=t("csrf_failed"), status=403)
    body, errors = visa_body(t, values)
    if switching(form):  # the language control: shown again, never requested
        return await show(errors=errors if sent else None)
    if body is None:
        return await show(errors=errors, status=422)
    try:
        await credentials.request_letter(request.app[pool_key], accreditation_id, body, p,
                                         now(request))
    except Conflict as exc:
        return await _credentials_page(request, p, values=values, message=exc.detail,
                                       status=409)
    raise _done(request, language, "visa")


@routes.add("POST", "/a/{access_token}/identity-document",
            summary="Give the identity document for the security check from the page (HTML "
                    "form): the same data as PUT /api/v1/accreditations/{id}/vetting; switch=1 "
                    "(a language button) only shows the page again in ?lang, filled, never saved",
            who="anyone", tag="pages", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 422, 429))
@page
async def application_identity_document(request: web.Request) -> web.StreamResponse:
    p, accreditation_id, language, t = await _applicant_here(request)
    form = await read_form(request)
    values = {n: str(form.get(n, "")).strip()[:200] for n in IDENTITY_FIELDS}
    sent = sent_before(form)
    show = functools.partial(_credentials_page, request, p, values=values, editing="identity",
                             sent=sent)
    if not _csrf_ok(request, "identity", p, str(form.get(csrf.FIELD, ""))):
        return await show(message=t("csrf_failed"), status=403)
    pool = request.app[pool_key]
    acc = await accreditations.get(pool, accreditation_id, p)
    kept = recorded(await given_identity(
        pool, await conferences.get_conference(pool, acc.conference), acc, p))
    body, errors = identity_body(t, values, kept,
                                 await letter_number(pool, accreditation_id, p, kept))
    if switching(form):  # the language control: shown again, nothing given
        return await show(errors=errors if sent else None)
    if body is None:
        return await show(errors=errors, status=422)
    try:
        await privacy.give_identity_document(request.app[pool_key], accreditation_id, body,
                                             p, now(request))
    except Forbidden:  # closed meanwhile: the page says why
        return await _credentials_page(request, p, values=values, status=403)
    raise _done(request, language, "identity")


# --- the visa letter's verification page, read by consulates ---------------------------------


def _wants_json(request: web.Request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@routes.add("GET", "/v/{number}",
            summary="Whether a visa letter number is valid, for whom (initials, nationality), "
                    "which conference: a page in French or English (?lang=, else "
                    "Accept-Language), or JSON when asked (Accept: application/json)",
            who="anyone", response=Verification, tag="credentials",
            media=("application/json", "text/html"), error_media=PAGE_ERRORS, errors=(404,))
async def verify_visa_letter(request: web.Request) -> web.Response:
    """docs/credentials.md, "Visa invitation letters": the holder's initials and nationality,
    the conference and whether the letter is valid; nothing else about the person."""
    number = request.match_info["number"]
    if _wants_json(request):
        return json_response(await credentials.verify(request.app[pool_key], number))
    try:
        v, conference = await credentials.verify_letter(request.app[pool_key], number)
    except NotFound:
        language = choose_language(request)
        return error_page(request, language, 404, Translator(language)("verify_not_found"))
    language = choose_language(request, conference.languages[0])
    t = Translator(language)
    return render(
        request, "verify.html", language, private=True, conference=None,
        title=t("verify_title", number=v.number), v=v, letter_conference=conference,
        nationality=country_name(v.nationality, language),
        conference_days=formatting.day_range(conference.starts_on, conference.ends_on,
                                             language),
    )
