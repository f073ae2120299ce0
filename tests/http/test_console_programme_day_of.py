"""The programme builder on the day of a ministerial meeting, as a protocol officer tried it on
2 December 2026: a session moved by half an hour was answered "Session saved." and nothing
else, so the officer took the change as sent, while the invited people's calendars learn it
only when the programme is published again (docs/workspaces.md, "Programme builder")."""

from __future__ import annotations

from tests.browser.helpers import element, hidden
from tests.conftest import Api
from tests.http.conftest_programme import (
    accredit,
    at,
    make_delegation,
    make_room,
    make_session,
    put_participant,
)
from tests.http.test_console import staff
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

SESSIONS = "/manage/alliance/sessions"


async def test_a_change_after_publication_says_it_is_not_sent_until_published(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    status, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    hall = await make_room(api, "Plenary hall")
    opening = await make_session(api, hall, at(conf, 9, 30), at(conf, 10, 15))
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"{SESSIONS}/{opening['id']}"
    # before any publication: nothing to say (the draft is all there is)
    _, page, _ = await protocol.go("GET", path)
    assert 'id="unpublished"' not in page
    assert (await api.call("POST", "/api/v1/conferences/alliance/programme/publish",
                           role="protocol"))[0] == 201
    _, page, _ = await protocol.go("GET", path)
    assert 'id="unpublished"' not in page  # published as it stands
    # moved by half an hour on the day
    fields = [("csrf", hidden(page, "csrf")), ("title_fr", "Ouverture"),
              ("title_en", "Opening"), ("kind", "plenary"), ("room_id", hall["id"]),
              ("day", conf["starts_on"]), ("starts", "10:00"), ("ends", "10:45"),
              ("press_access", "open"), ("audience", "minister")]
    status, page, resp = await protocol.go("POST", path, fields)
    assert status == 303, page
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    notice = element(page, "unpublished")
    assert "Not published yet" in notice and "version 1" in notice
    assert "Check and publish version 2" in notice
    assert 'href="/manage/alliance/publish?lang=en"' in page
    # the grid says it too, in French as well
    _, page, _ = await protocol.go("GET", "/manage/alliance/programme?lang=fr")
    notice = element(page, "unpublished")
    assert "Pas encore publié : le brouillon a changé depuis la version 1" in notice
    assert "Vérifier et publier la version 2" in notice
    # published: the notice goes
    assert (await api.call("POST", "/api/v1/conferences/alliance/programme/publish",
                           role="protocol"))[0] == 201
    _, page, _ = await protocol.go("GET", path)
    assert 'id="unpublished"' not in page


async def test_the_publication_preview_names_who_joined_left_or_changed_role(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The minister replaced by a deputy as speaker was "1 participant added – Opening session"
    and "1 participant removed – Opening session": nothing told the officer which people."""
    await _setup(api, smtp)
    status, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    fr = await make_delegation(api, "FR")
    hall = await make_room(api, "Plenary hall")
    opening = await make_session(api, hall, at(conf, 9, 30), at(conf, 10, 15))
    marchand = await accredit(api, "Julien", "Marchand", delegation=fr)
    lemaire = await accredit(api, "Sophie", "Lemaire", delegation=fr, rank="deputy_minister")
    vogel = await accredit(api, "Katrin", "Vogel", delegation=fr)
    assert (await put_participant(api, opening, marchand, "speaker"))[0] == 200
    assert (await put_participant(api, opening, vogel, "speaker"))[0] == 200
    assert (await api.call("POST", "/api/v1/conferences/alliance/programme/publish",
                           role="protocol"))[0] == 201
    status, _, _ = await api.call(
        "DELETE", f"/api/v1/sessions/{opening['id']}/participants/{marchand['id']}",
        role="protocol")
    assert status == 204
    assert (await put_participant(api, opening, lemaire, "speaker"))[0] == 200
    assert (await put_participant(api, opening, vogel, "chair"))[0] == 200
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, page, _ = await protocol.go("GET", "/manage/alliance/publish?lang=en")
    log = element(page, "changelog")
    assert "1 participant added – Opening session: Sophie Lemaire (speaker)" in log
    assert "1 participant removed – Opening session: Julien Marchand (speaker)" in log
    assert "Katrin Vogel (speaker → chair)" in log
    _, page, _ = await protocol.go("GET", "/manage/alliance/publish?lang=fr")
    log = element(page, "changelog")
    assert "1 participant ajouté – Séance d'ouverture : Sophie Lemaire (orateur)" in log
    assert "Katrin Vogel (orateur → présidence)" in log


async def test_the_printouts_say_which_conference_and_when_and_the_list_counts_its_people(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The speaking order, the seating plan and the security list printed on the morning of
    the meeting said neither the conference nor when they were taken, so the second printout
    of the day could not be told from the first; the head table's boxes had no seat numbers,
    and the list sent to the Royal Household did not say how many it named."""
    be, _ = await _setup(api, smtp)
    status, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    hall = await make_room(api, "Plenary hall")
    royal = await make_session(api, hall, at(conf, 9), at(conf, 10),
                               royal_presence=True, press_access="pool", audience=[])
    reynders = await accredit(api, "Didier", "Reynders", delegation=be)
    wilmes = await accredit(api, "Sophie", "Wilmès", delegation=be)
    assert (await put_participant(api, royal, reynders, "chair"))[0] == 200
    assert (await put_participant(api, royal, wilmes, "speaker"))[0] == 200
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"{SESSIONS}/{royal['id']}"
    title = conf["title"]["en"]
    for view in ("speaking-order", "seating", "security-list"):
        status, page, _ = await protocol.go("GET", f"{path}/{view}?lang=en")
        assert status == 200, view
        edition = element(page, "edition")
        assert title in edition and "As of " in edition, view
    _, page, _ = await protocol.go("GET", f"{path}/security-list?lang=en")
    assert element(page, "listed") == "2 people on the list"
    _, page, _ = await protocol.go("GET", f"{path}/security-list?lang=fr")
    assert element(page, "listed") == "2 personnes sur la liste"
    assert "État au " in element(page, "edition")
    _, page, _ = await protocol.go("GET", f"{path}/seating?lang=en")
    row = element(page, "seat-row")
    assert "+1 H.E. Sophie Wilmès" in row and "0 H.E. Didier Reynders" in row


async def test_a_room_booked_twice_is_named_once_not_room_room_1(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Moving a session by half an hour into the next one's room: the refusal read "La salle
    Salle 1 est déjà occupée" and "Room Room 1 is already taken", the rooms being named as
    venues name them."""
    await _setup(api, smtp)
    status, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    room = await make_room(api, {"fr": "Salle 1", "en": "Room 1"})
    await make_session(api, room, at(conf, 10, 30), at(conf, 12))
    opening = await make_session(api, room, at(conf, 9, 30), at(conf, 10, 15))
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"{SESSIONS}/{opening['id']}"
    for lang, expected in (("en", "Room 1 is already taken at that time by “"),
                           ("fr", "Salle 1 est déjà occupée à ce moment par « ")):
        _, page, _ = await protocol.go("GET", f"{path}?lang={lang}")
        fields = [("csrf", hidden(page, "csrf")), ("title_fr", "Ouverture"),
                  ("title_en", "Opening"), ("kind", "plenary"), ("room_id", room["id"]),
                  ("day", conf["starts_on"]), ("starts", "10:00"), ("ends", "10:45"),
                  ("press_access", "open"), ("audience", "minister")]
        status, page, _ = await protocol.go("POST", f"{path}?lang={lang}", fields)
        assert status == 409
        error = element(page, "room_id-error")
        assert expected in error, error
        assert "Room Room" not in error and "salle Salle" not in error


async def test_the_grid_gives_a_royal_session_s_seating_time(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The grid said "Royal presence" and no more: moved by half an hour, the session's guests
    are seated half an hour later too, and the officer had to open it to read when."""
    await _setup(api, smtp)
    status, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    hall = await make_room(api, "Plenary hall")
    royal = await make_session(api, hall, at(conf, 9), at(conf, 10),
                               royal_presence=True, press_access="pool", audience=[])
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, page, _ = await protocol.go("GET", "/manage/alliance/programme?lang=en")
    assert "Royal presence · Guests seated by 08:45" in element(page, f"session-{royal['id']}")
    _, page, _ = await protocol.go("GET", "/manage/alliance/programme?lang=fr")
    assert "Invités installés avant 08:45" in element(page, f"session-{royal['id']}")


async def test_the_speaking_order_names_the_patron_once_on_the_arrival_line(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The royal session's speaking order read "Arrival of H.M. Queen Paola of Belgium" beside
    "H.M. Queen Paola of Belgium", on the page, the printout and the file."""
    be, _ = await _setup(api, smtp)
    status, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    hall = await make_room(api, "Plenary hall")
    royal = await make_session(api, hall, at(conf, 9), at(conf, 10),
                               royal_presence=True, press_access="pool", audience=[])
    reynders = await accredit(api, "Didier", "Reynders", delegation=be)
    assert (await put_participant(api, royal, reynders, "chair"))[0] == 200
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"{SESSIONS}/{royal['id']}/speaking-order"
    _, page, _ = await protocol.go("GET", f"{path}?lang=en")
    table = element(page, "speaking-order")
    assert "Arrival" in table and table.count("Queen Paola") == 1
    _, csv_text, _ = await protocol.go("GET", f"{path}.csv?lang=fr")
    assert csv_text.count("Reine Paola") == 1 and "Arrivée" in csv_text


async def test_the_publication_preview_says_whom_a_substitute_replaces(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The minister prevented, replaced by the deputy through a substitution on the morning
    of the meeting: the preview pairs them, so that the officer checks the right place was
    handed over before the calendars are sent."""
    await _setup(api, smtp)
    status, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    fr = await make_delegation(api, "FR")
    hall = await make_room(api, "Plenary hall")
    opening = await make_session(api, hall, at(conf, 9, 30), at(conf, 10, 15))
    marchand = await accredit(api, "Julien", "Marchand", delegation=fr)
    assert (await put_participant(api, opening, marchand, "speaker"))[0] == 200
    assert (await api.call("POST", "/api/v1/conferences/alliance/programme/publish",
                           role="protocol"))[0] == 201
    status, lemaire, _ = await api.call(
        "POST", f"/api/v1/accreditations/{marchand['id']}/substitute", role="protocol",
        json={"given_name": "Sophie", "family_name": "Lemaire",
              "email": "sophie.lemaire@example.org", "language": "fr", "gender": "female",
              "reason": "Le ministre est retenu à Paris.", "approve": True})
    assert status == 201, lemaire
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, page, _ = await protocol.go("GET", "/manage/alliance/publish?lang=en")
    log = element(page, "changelog")
    assert "Sophie Lemaire (speaker), in place of Julien Marchand" in log
    assert "1 participant removed – Opening session: Julien Marchand (speaker)" in log
    _, page, _ = await protocol.go("GET", "/manage/alliance/publish?lang=fr")
    assert "Sophie Lemaire (orateur), en remplacement de Julien Marchand" in element(
        page, "changelog")
