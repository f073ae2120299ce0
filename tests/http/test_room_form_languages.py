"""The programme builder's room form takes the room's name in French and in English (found in
user tests: it offered one name for both languages, so a bilingual meeting's "Salle Europa" was
"Salle Europa" in English too). The name in the conference's first language is required; the
other, left empty, is the same name, as one name given to the API is. Each error names its
field, all at once; the grid, the API and the public programme give each name in its language
(docs/programme.md, "Rooms")."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element, text
from tests.conftest import Api
from tests.http.conftest_programme import at, make_session
from tests.http.test_console import staff
from tests.http.test_console_programme import _conference, _form
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

BASE = "/manage/alliance/programme"


async def _rooms(api: Api) -> dict[str, Any]:
    status, body, _ = await api.call("GET", "/api/v1/conferences/alliance/rooms", role="protocol")
    assert status == 200, body
    return {r["names"]["fr"]: r for r in body["items"]}


async def test_a_room_is_named_in_french_and_in_english_from_the_console(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    conf = await _conference(api)  # French first, then English
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")

    status, _, resp = await _form(protocol, BASE, f"{BASE}/rooms?lang=en", [
        ("name_fr", "Salle Europa"), ("name_en", "Europa room"), ("capacity", "40")])
    assert status == 303, resp
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "Room “Europa room” added."
    # one name only: the same in both languages
    status, _, resp = await _form(protocol, BASE, f"{BASE}/rooms",
                                  [("name_fr", "Atlas"), ("name_en", ""), ("capacity", "20")])
    assert status == 303, resp
    rooms = await _rooms(api)
    assert rooms["Salle Europa"]["names"] == {"fr": "Salle Europa", "en": "Europa room"}
    assert rooms["Salle Europa"]["name"] == "Salle Europa"  # the conference's first language
    assert rooms["Atlas"]["names"] == {"fr": "Atlas", "en": "Atlas"}

    # the grid in each language
    _, page, _ = await protocol.go("GET", f"{BASE}?lang=fr")
    ids = [rooms[name]["id"] for name in ("Salle Europa", "Atlas")]
    assert [element(page, f"room-{i}") for i in ids] == ["Salle Europa", "Atlas"]
    _, page, _ = await protocol.go("GET", f"{BASE}?lang=en")
    assert [element(page, f"room-{i}") for i in ids] == ["Europa room", "Atlas"]

    # errors, each naming its field, all at once: the French name is the one required here
    status, page, _ = await _form(protocol, BASE, f"{BASE}/rooms?lang=en", [
        ("name_fr", ""), ("name_en", "Agora"), ("capacity", "0")])
    assert status == 422
    assert element(page, "name_fr-error").endswith("This field is required.")
    assert "seats" in element(page, "capacity-error").lower()
    assert 'id="name_en-error"' not in page and 'value="Agora"' in page
    status, page, _ = await _form(protocol, BASE, f"{BASE}/rooms?lang=fr", [
        ("name_fr", "Agora"), ("name_en", "x" * 201), ("capacity", "10")])
    assert status == 422 and "Trop long" in element(page, "name_en-error")
    # a name another room has in that language: said on that field
    status, page, _ = await _form(protocol, BASE, f"{BASE}/rooms?lang=en", [
        ("name_fr", "Salle Agora"), ("name_en", "europa ROOM"), ("capacity", "10")])
    assert status == 409
    assert element(page, "name_en-error").endswith("a room with this name in English.")
    assert 'id="name_fr-error"' not in page

    # the public programme, once published, names the room in the reader's language
    await make_session(api, rooms["Salle Europa"], at(conf, 9), at(conf, 10))
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/programme/publish",
                                     role="protocol", json={})
    assert status == 201, body
    _, fr, _ = await api.call("GET", "/alliance/programme?lang=fr")
    _, en, _ = await api.call("GET", "/alliance/programme?lang=en")
    assert "Salle Europa" in text(fr) and "Europa room" not in text(fr)
    assert "Europa room" in text(en) and "Salle Europa" not in text(en)
