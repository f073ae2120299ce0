"""The programme builder's new-session form shows every error of a submission at once, each
naming its field, as the other forms do: a missing title, an end before the start and the press
let into a royal-presence session came back one per submission (the rules of the use-case only
once the form's own checks passed); now they come back together, in a summary that names and
links each field, and beside each field (docs/workspaces.md, "Programme builder")."""

from __future__ import annotations

import re

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.conftest_programme import make_room
from tests.http.test_console import staff
from tests.http.test_console_programme import _conference, _form, _session_fields
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

NEW = "/manage/alliance/sessions/new"


async def test_every_error_of_the_new_session_form_is_shown_at_once(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    conf = await _conference(api)
    room = await make_room(api)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    fields = _session_fields(room["id"], conf["starts_on"], "11:00", "10:00", en="",
                             press="open", royal=True)
    status, page, _ = await _form(protocol, f"{NEW}?lang=en", "/manage/alliance/sessions?lang=en",
                                  fields)
    assert status == 422
    assert element(page, "title_en-error").endswith("This field is required.")
    assert element(page, "ends-error").endswith("The end must come after the start.")
    assert "royal presence" in element(page, "press_access-error")
    summary = element(page, "error-summary")
    assert summary.startswith("Nothing was saved. Please correct the fields marked:")
    assert "Title in English – This field is required." in summary
    assert "Ends (hh:mm) – The end must come after the start." in summary
    assert "Press access – With royal presence" in summary
    links = re.findall(r'<a href="#([\w-]+)">', page.split('id="error-summary"')[1]
                       .split("</div>")[0])
    assert links == ["title_en", "ends", "press_access"]

    # in French too, and a title too long is named as such beside the others
    fields = _session_fields(room["id"], conf["starts_on"], "09:00", "25:00", fr="x" * 201)
    status, page, _ = await _form(protocol, f"{NEW}?lang=fr", "/manage/alliance/sessions?lang=fr",
                                  fields)
    assert status == 422
    summary = element(page, "error-summary")
    assert summary.startswith("Rien n'a été enregistré. Corrigez les champs signalés :")
    assert "Titre en français – Trop long" in summary
    assert "Fin (hh:mm) – Indiquez une heure" in summary
