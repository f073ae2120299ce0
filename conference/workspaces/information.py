"""The form "Ask for more information" the press desk's and the console's application pages
share (``/manage/{slug}/press/{id}/information``, ``/manage/{slug}/accreditations/{id}/
information``): the message read from the form, CSRF, the language button, its errors and
the use-case's refusals in the page's words (docs/workspaces.md, "Asking for more
information"). Each page shows itself again (``show``) and leads where the officer was."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol

from aiohttp import web

from conference.accreditation import service as accreditations
from conference.accreditation.models import Accreditation
from conference.auth import Principal
from conference.errors import IllegalTransition, Invalid
from conference.http.context import now, pool_key
from conference.pages.handlers import sent_before, switching
from conference.people.service import SignedIn
from conference.workspaces import frame
from conference.workspaces.i18n import WTranslator

FIELD = "information_message"
"""The form's field (and its id), the message to the applicant."""

Show = Callable[..., Awaitable[web.Response]]
"""The application page shown again, the form filled: ``errors``, ``message``, ``status``."""


def values(form: Mapping[str, Any]) -> dict[str, str]:
    """The message as typed, to send it or show it again."""
    return {FIELD: str(form.get(FIELD, "")).strip()}


class Desk(Protocol):
    """The officer at their desk (the press desk's, the console's)."""

    @property
    def person(self) -> SignedIn: ...

    @property
    def principal(self) -> Principal: ...

    @property
    def language(self) -> str: ...

    @property
    def t(self) -> WTranslator: ...


async def ask(request: web.Request, form: Mapping[str, Any], acc: Accreditation, d: Desk, *,
              show: Show, missing: str, back: str, place: Mapping[str, str]) -> web.Response:
    """Ask the applicant through ``accreditation.service.request_information``, then back to
    the list ``back`` at the officer's ``place``, saying so (303; docs/workspaces.md, "The
    officer's place"); else the page again: 403 without the form's token, the language
    button (shown again, never asked), 422 on the field (``missing``: the page's words, which
    name whom the message is for), 409 once the application is no longer under review."""
    message = values(form)[FIELD]
    t = d.t
    if not frame.csrf_ok(request, form, d.person):
        return await show(message=t("csrf_failed"), status=403)
    errors = {} if message else {FIELD: missing}
    if switching(form):  # the language control: shown again, never asked
        return await show(errors=errors if sent_before(form) else {})
    if errors:
        return await show(errors=errors, status=422)
    try:
        await accreditations.request_information(request.app[pool_key], acc.id, message,
                                                 d.principal, now(request))
    except IllegalTransition as exc:
        status = t(f"status_{exc.extra.get('status_now', acc.status.value)}").lower()
        return await show(status=409, message=t("information_not_now", status=status))
    except Invalid:
        return await show(errors={FIELD: missing}, status=422)
    # to the next application
    raise web.HTTPSeeOther(frame.with_lang(
        back, d.language, done="information", **place,
        **frame.flash_params(request, name=f"{acc.given_name} {acc.family_name}")))
