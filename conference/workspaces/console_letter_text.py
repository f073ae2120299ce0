"""The console's page for the text of the visa letters and who signs them (docs/workspaces.md,
"Visa letters: text and signatory"): the letterhead, the signatory's name and title in French
and English, and the letter's text in each language with its placeholders, saved through
``credentials.service.put_template`` as the API's PUT saves it. Until now only the API could
set them, and the visa letters page sent a secretariat there by name."""

from __future__ import annotations

from typing import Any

from aiohttp import web
from pydantic import ValidationError

from conference.credentials import service as credentials
from conference.credentials.domain import PLACEHOLDERS, placeholder_errors
from conference.credentials.models import VisaTemplate
from conference.errors import Invalid
from conference.http.context import pool_key
from conference.http.io import read_form
from conference.http.routes import RouteTable
from conference.pages.handlers import SWITCH, sent_before, switching
from conference.types import single_spaces
from conference.workspaces import frame
from conference.workspaces.console import CONSOLE_ROLES, Desk, form_errors
from conference.workspaces.console import _desk as open_desk

routes = RouteTable()

WHO = "protocol, admin"
HTML, PAGE_ERRORS = frame.HTML, frame.PAGE_ERRORS
LANGUAGES: tuple[str, ...] = ("fr", "en")
FIELDS = ("letterhead", "signatory_name", "signatory_title_fr", "signatory_title_en",
          "body_fr", "body_en")
_FIELD_OF = {"letterhead": "letterhead", "signatory_name": "signatory_name",
             **{f"signatory_title.{lang}": f"signatory_title_{lang}" for lang in LANGUAGES},
             **{f"body.{lang}": f"body_{lang}" for lang in LANGUAGES}}


def _values(template: VisaTemplate) -> dict[str, str]:
    """The form's fields as the letters are written now (the saved text, else the default)."""
    values = {"letterhead": template.letterhead, "signatory_name": template.signatory_name}
    titles = {str(k): v for k, v in template.signatory_title.items()}
    bodies = {str(k): v for k, v in template.body.items()}
    for lang in LANGUAGES:
        values[f"signatory_title_{lang}"] = titles.get(lang, "")
        values[f"body_{lang}"] = bodies.get(lang, "")
    return values


def _page(request: web.Request, d: Desk, values: dict[str, str], *,
          errors: dict[str, str] | None = None, message: str | None = None,
          flash: str | None = None, status: int = 200, sent: bool = False) -> web.Response:
    t = d.t
    return frame.render(
        request, "cred_letter_text.html", d.language, person=d.person, conference=d.conference,
        status=status, flash=flash, sent=sent, title=t("cred_text_title"),
        crumbs=d.crumbs((t("console_title"), d.base),
                        (t("cred_letters_title"), f"{d.base}/visa-letters"),
                        (t("cred_text_title"), None)),
        base=d.base, values=values, errors=errors or {}, message=message,
        placeholders=sorted(PLACEHOLDERS), languages=LANGUAGES,
        # the header's language control sends the form with what is typed in it
        # (docs/workspaces.md, "The language control")
        switch_submit={"form": "letter-text-form", "name": SWITCH,
                       "action": frame.with_lang(f"{d.base}/visa-letters/text",
                                                 frame.other_language(d.language))})


@routes.add("GET", "/manage/{slug}/visa-letters/text",
            summary="The visa letters' letterhead, text (fr, en) and signatory: the form",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS, errors=(403, 404))
@frame.page
async def letter_text_form(request: web.Request) -> web.Response:
    d = await open_desk(request, CONSOLE_ROLES)
    template = await credentials.get_template(request.app[pool_key], d.conference.id)
    flash = d.t("cred_text_saved") if request.query.get("done") == "saved" else None
    return _page(request, d, _values(template), flash=flash)


def _placeholder_message(d: Desk, error: dict[str, str]) -> str:
    """An unknown or malformed placeholder, in the page's words: which ones, and the list of
    those a text may name."""
    known = ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS))
    if error.get("type") == "format":
        return d.t("cred_text_err_braces", known=known)
    unknown = error["message"].split("[", 1)[1].split("]", 1)[0].replace("'", "")
    return d.t("cred_text_err_placeholder", unknown=", ".join(
        "{" + u.strip() + "}" for u in unknown.split(",")), known=known)


@routes.add("POST", "/manage/{slug}/visa-letters/text",
            summary="Save the visa letters' letterhead, text (fr, en) and signatory (HTML form: "
                    "letterhead, signatory_name, signatory_title_fr, signatory_title_en, "
                    "body_fr, body_en); switch=1 (the header's language control) only shows it "
                    "again in ?lang, filled, nothing saved",
            who=WHO, tag="workspaces", media=HTML, error_media=PAGE_ERRORS,
            errors=(403, 404, 422))
@frame.page
async def letter_text_save(request: web.Request) -> web.StreamResponse:
    d = await open_desk(request, CONSOLE_ROLES)
    form = await read_form(request)
    values = {name: str(form.get(name, "")) for name in FIELDS}
    for name in ("letterhead", "signatory_name", "signatory_title_fr", "signatory_title_en"):
        values[name] = values[name].strip()
    for name in ("body_fr", "body_en"):  # one paragraph: a line typed in it joins the text
        values[name] = single_spaces(values[name])
    sent = sent_before(form)
    if not frame.csrf_ok(request, form, d.person):
        return _page(request, d, values, message=d.t("csrf_failed"), status=403, sent=sent)
    if switching(form):
        return _page(request, d, values, sent=sent)
    errors: dict[str, str] = {}
    body: dict[str, Any] = {
        "letterhead": values["letterhead"], "signatory_name": values["signatory_name"],
        "signatory_title": {lang: values[f"signatory_title_{lang}"] for lang in LANGUAGES},
        "body": {lang: values[f"body_{lang}"] for lang in LANGUAGES}}
    for name in FIELDS:
        if not values[name]:
            errors[name] = d.t("err_required")
    template: VisaTemplate | None = None
    try:
        template = VisaTemplate.model_validate(body)
    except ValidationError as exc:
        errors = {**form_errors(d.t, exc, _FIELD_OF, "letterhead"), **errors}
    for error in placeholder_errors(body["body"]):
        errors.setdefault(_FIELD_OF[error["field"]], _placeholder_message(d, error))
    if errors or template is None:
        return _page(request, d, values, errors=errors, status=422, sent=True)
    try:
        await credentials.put_template(request.app[pool_key], d.conference.id, template,
                                       d.principal)
    except Invalid as exc:  # the placeholders, checked above: only a race could reach this
        return _page(request, d, values, message=exc.detail, status=422, sent=True)
    raise web.HTTPSeeOther(frame.with_lang(f"{d.base}/visa-letters/text", d.language,
                                           done="saved"))
