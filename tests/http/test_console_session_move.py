"""A session moved on the day, its length kept (docs/workspaces.md, "Programme builder"): as a
protocol officer tried it on 2 December 2026, moving a session by half an hour meant typing
its start and its end again, on a phone, with the meeting under way. The session's page has a
"Move" form (15, 30 or 60 minutes earlier or later) that calls the same use-case as the form;
a clash is refused on it, the session left as it was."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tests.browser.helpers import element, hidden
from tests.conftest import Api
from tests.http.conftest_programme import at, make_room, make_session
from tests.http.test_console import staff
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

SESSIONS = "/manage/alliance/sessions"


async def _session(api: Api, session_id: str) -> dict[str, Any]:
    status, body, _ = await api.call("GET", f"/api/v1/sessions/{session_id}", role="protocol")
    assert status == 200, body
    return {k: datetime.fromisoformat(body[k]) for k in ("starts_at", "ends_at")}


def _t(text: str) -> datetime:
    return datetime.fromisoformat(text)


async def test_a_session_is_moved_by_half_an_hour_its_length_kept(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    _, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    hall = await make_room(api, "Plenary hall")
    opening = await make_session(api, hall, at(conf, 9, 30), at(conf, 10, 15))
    lunch = await make_session(api, hall, at(conf, 11), at(conf, 12))
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"{SESSIONS}/{opening['id']}"
    _, page, _ = await protocol.go("GET", f"{path}?lang=en")
    assert '<option value="30" selected>30 min later</option>' in page
    assert '<option value="-15">15 min earlier</option>' in page

    status, page, resp = await protocol.go("POST", f"{path}/move?lang=en",
                                           {"csrf": hidden(page, "csrf"), "minutes": "30"})
    assert status == 303, page
    moved = await _session(api, opening["id"])
    assert (moved["starts_at"], moved["ends_at"]) == (_t(at(conf, 10)), _t(at(conf, 10, 45)))
    _, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert element(page, "flash").startswith("Session moved:")
    assert "10:00–10:45" in element(page, "flash")

    # half an hour more would run into the next session in the hall: refused on the form,
    # naming the other session, nothing changed
    status, page, _ = await protocol.go("POST", f"{path}/move?lang=fr",
                                        {"csrf": hidden(page, "csrf"), "minutes": "30"})
    assert status == 409, page
    assert 'id="move_minutes-error"' in page and 'aria-invalid="true"' in page
    assert element(page, "conflicts")
    assert (await _session(api, opening["id"]))["starts_at"] == _t(at(conf, 10))
    assert (await _session(api, lunch["id"]))["starts_at"] == _t(at(conf, 11))

    # earlier by an hour goes back before the first slot: fine
    status, _, _ = await protocol.go("POST", f"{path}/move",
                                     {"csrf": hidden(page, "csrf"), "minutes": "-60"})
    assert status == 303
    assert (await _session(api, opening["id"]))["starts_at"] == _t(at(conf, 9))

    # a value the form does not offer, or no token: refused, nothing moved
    status, page, _ = await protocol.go("POST", f"{path}/move?lang=en",
                                        {"csrf": hidden(page, "csrf"), "minutes": "7"})
    assert status == 422
    assert element(page, "move_minutes-error") == (
        "Choose by how many minutes to move the session.")
    status, _, _ = await protocol.go("POST", f"{path}/move", {"minutes": "15"})
    assert status == 403
    assert (await _session(api, opening["id"]))["starts_at"] == _t(at(conf, 9))

    # a cancelled session is not moved, and has no form
    status, _, _ = await api.call("POST", f"/api/v1/sessions/{lunch['id']}/cancel",
                                  role="protocol")
    assert status in (200, 204)
    _, page, _ = await protocol.go("GET", f"{SESSIONS}/{lunch['id']}")
    assert 'id="move-form"' not in page
    status, _, _ = await protocol.go("POST", f"{SESSIONS}/{lunch['id']}/move",
                                     {"csrf": hidden(page, "csrf"), "minutes": "15"})
    assert status == 422


async def test_a_session_moved_onto_another_for_the_same_audience_says_so(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried on the meeting's day (5 December 2026): the ministerial session moved by half an
    hour ran into the ministers' lunch, and nothing said so. The session's page names the
    sessions held at the same time for a category it invites too, in both languages; a
    session for another audience in parallel is not named."""
    await _setup(api, smtp)
    _, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    hall = await make_room(api, "Plenary hall")
    terrace = await make_room(api, "Terrace")
    side = await make_room(api, "Room 2")
    session = await make_session(api, hall, at(conf, 11), at(conf, 13),
                                 audience=["minister", "official"])
    lunch = await make_session(api, terrace, at(conf, 13), at(conf, 14, 30),
                               audience=["minister"],
                               title={"fr": "Déjeuner des ministres", "en": "Ministers' lunch"})
    await make_session(api, side, at(conf, 13), at(conf, 14), audience=["expert"],
                       title={"fr": "Atelier", "en": "Workshop"})
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"{SESSIONS}/{session['id']}"
    _, page, _ = await protocol.go("GET", f"{path}?lang=en")
    assert 'id="audience-overlaps"' not in page
    status, _, resp = await protocol.go("POST", f"{path}/move?lang=en",
                                        {"csrf": hidden(page, "csrf"), "minutes": "30"})
    assert status == 303
    _, page, _ = await protocol.go("GET", resp.headers["Location"])
    said = element(page, "audience-overlaps")
    assert said.startswith("At the same time, for the same audience:"), said
    assert "“Ministers' lunch” (" in said
    assert said.endswith("13:00–14:30), to which these are invited too: Minister."), said
    assert "Workshop" not in said
    _, page, _ = await protocol.go("GET", f"{path}?lang=fr")
    assert "« Déjeuner des ministres »" in element(page, "audience-overlaps")
    # the lunch's page says it too; cancelled, it is no longer said
    _, page, _ = await protocol.go("GET", f"{SESSIONS}/{lunch['id']}?lang=en")
    assert "Minister." in element(page, "audience-overlaps")
    status, _, _ = await api.call("POST", f"/api/v1/sessions/{lunch['id']}/cancel",
                                  role="protocol")
    assert status in (200, 204)
    _, page, _ = await protocol.go("GET", f"{path}?lang=en")
    assert 'id="audience-overlaps"' not in page
