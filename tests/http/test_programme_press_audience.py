"""The press in a session's audience while the session keeps the press out
(docs/workspaces.md, "Programme builder"): found in a user test, a press conference saved
« Fermée à la presse » with the press in its audience sent no journalist an invitation, and
nothing said so. The API's answer warns (``warnings``), and the session's page says it in its
language for as long as it holds: closed invites no journalist, the press pool only its members
put on it as participants; a photo opportunity invites the photographers, camera operators and
technicians only; open, everyone. A real database and a real SMTP server."""

from __future__ import annotations

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.conftest_programme import make_room, session_body
from tests.http.test_console import staff
from tests.http.test_console_programme import _conference, _form, _session_fields
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

CLOSED_EN = ("No journalist is invited: the press is in the audience, but the session is "
             "closed to the press. Open it to the press, or take the press out of its audience.")


async def test_the_api_warns_that_no_journalist_is_invited(api: Api, smtp: RecordingSMTP
                                                           ) -> None:
    await _setup(api, smtp)
    conf = await _conference(api)
    room = await make_room(api)
    day = conf["starts_on"]
    for hour, (access, expected) in enumerate((
        ("closed", [CLOSED_EN]),
        ("pool", ["No journalist is invited as audience: the press is in the audience, but "
                  "the session admits the press pool only, whose members are invited by the "
                  "press pool that covers it or by being put on it as participants. Open it to "
                  "the press, or take the press out of its audience."]),
        ("photo_opportunity", []),
        ("open", [])), start=7):
        status, body, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
            json=session_body(room, f"{day}T{hour:02}:00:00+01:00", f"{day}T{hour:02}:30:00+01:00",
                              press_access=access, audience=["minister", "press"],
                              kind="press_conference"))
        assert status == 201, body
        assert body["warnings"] == expected, access
    # royal presence: never open to the press, so the way offered is a photo opportunity
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
        json=session_body(room, f"{day}T13:00:00+01:00", f"{day}T13:30:00+01:00",
                          press_access="closed", audience=["minister", "press"],
                          royal_presence=True))
    assert status == 201, body
    assert body["warnings"] == [
        "No journalist is invited: the press is in the audience, but the session is closed to "
        "the press. Make it a photo opportunity, or take the press out of its audience."]
    # closed without the press in the audience: nothing to say
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
        json=session_body(room, f"{day}T11:00:00+01:00", f"{day}T11:30:00+01:00",
                          press_access="closed", audience=["minister"]))
    assert status == 201 and body["warnings"] == [], body


async def test_the_session_page_says_it_until_it_is_mended(api: Api, smtp: RecordingSMTP
                                                           ) -> None:
    await _setup(api, smtp)
    conf = await _conference(api)
    room = await make_room(api)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    fields = _session_fields(room["id"], conf["starts_on"], "12:00", "12:30",
                             fr="Conférence de presse", en="Press conference",
                             kind="press_conference", press="closed",
                             audience=("minister", "press"))
    status, _, resp = await _form(protocol, "/manage/alliance/sessions/new?lang=fr",
                                  "/manage/alliance/sessions?lang=fr", fields)
    assert status == 303, _
    page_path = resp.headers["Location"].split("?")[0]
    _, page, _ = await protocol.go("GET", f"{page_path}?lang=fr")
    # one colon to a sentence, and boxed as the page's warnings are (not as a notice)
    assert element(page, "press-audience-warning") == (
        "Attention : aucun journaliste n'est invité. La presse figure dans le public, mais la "
        "séance est fermée à la presse. Ouvrez-la à la presse, ou retirez la presse du public.")
    assert '<p class="alert warning" id="press-audience-warning">' in page
    _, page, _ = await protocol.go("GET", f"{page_path}?lang=en")
    assert element(page, "press-audience-warning") == (
        "Warning: no journalist is invited. The press is in the audience, but the session is "
        "closed to the press. Open it to the press, or take the press out of its audience.")
    # opened to the press: the warning goes
    edited = [(k, "open" if k == "press_access" else v) for k, v in fields]
    status, _, _ = await _form(protocol, f"{page_path}?lang=en", f"{page_path}?lang=en", edited)
    assert status == 303, _
    _, page, _ = await protocol.go("GET", f"{page_path}?lang=en")
    assert 'id="press-audience-warning"' not in page
    # a royal-presence session is offered a photo opportunity, never the press let in
    status, royal, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol",
        json=session_body(room, f"{conf['starts_on']}T15:00:00+01:00",
                          f"{conf['starts_on']}T15:30:00+01:00", press_access="pool",
                          audience=["minister", "press"], royal_presence=True))
    assert status == 201, royal
    _, page, _ = await protocol.go("GET", f"/manage/alliance/sessions/{royal['id']}?lang=fr")
    assert element(page, "press-audience-warning").endswith(
        "Faites-en une séance photo, ou retirez la presse du public.")
