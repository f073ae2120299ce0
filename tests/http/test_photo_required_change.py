"""`photo_required` changed after the conference's creation, as organisers change their other
settings: through `PUT /api/v1/conferences/{slug}/photo-required` and on the console's badges
page, both through `credentials.service.set_photo_required`, each change with its event
`conference.photo_required_set` (docs/credentials.md, "Photo required")."""

from __future__ import annotations

import json
from typing import Any

from asyncpg import connect

from tests.browser.helpers import element, press
from tests.conftest import Api
from tests.http.test_console import Visitor, staff
from tests.http.test_console_credentials import M, _conference, _post
from tests.support import RecordingSMTP

PATH = "/api/v1/conferences/alliance/photo-required"


async def _events(api: Api) -> list[dict[str, Any]]:
    conn = await connect(api.db_url)
    try:
        rows = await conn.fetch("SELECT payload, actor FROM domain_event"
                                " WHERE type = 'conference.photo_required_set' ORDER BY id")
    finally:
        await conn.close()
    return [{"payload": json.loads(r["payload"]), "actor": r["actor"]} for r in rows]


async def _badge_status(api: Api, secret: str) -> int:
    resp = await api.client.get(f"/a/{secret}/badge.pdf?lang=en")
    return resp.status


async def test_the_api_changes_photo_required_after_creation(
    api: Api, smtp: RecordingSMTP
) -> None:
    deleg, _ = await _conference(api, smtp)  # no category waits for the photo
    journalist = await press(api, decision="approve", language="en")
    secret = journalist["access_token"]
    assert await _badge_status(api, secret) == 200
    # who may not: 401, 403 (the focal point, the press office)
    assert (await api.call("PUT", PATH, json={"photo_required": ["press"]}))[0] == 401
    for role in (deleg["focal_point_token"], "press_office"):
        status, body, _ = await api.call("PUT", PATH, role=role,
                                         json={"photo_required": ["press"]})
        assert status == 403, (role, body)
    # a bad body: 422 naming the field
    for bad in ({"photo_required": ["journalist"]}, {"photo_required": "press"}, {}):
        status, body, resp = await api.call("PUT", PATH, role="protocol", json=bad)
        assert status == 422, (bad, body)
        assert resp.content_type == "application/problem+json"
        assert all(e["field"].startswith("photo_required") for e in body["errors"]), body
    status, body, _ = await api.call("PUT", "/api/v1/conferences/nowhere/photo-required",
                                     role="protocol", json={"photo_required": ["press"]})
    assert status == 404, body
    assert await _events(api) == []
    # protocol asks the press's photo first: the conference says so, the badge waits
    status, body, _ = await api.call("PUT", PATH, role="protocol",
                                     json={"photo_required": ["press", "minister", "press"]})
    assert status == 200, body
    assert body == {"photo_required": ["minister", "press"]}
    _, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    assert conference["photo_required"] == ["minister", "press"]
    assert await _badge_status(api, secret) == 409
    [event] = await _events(api)
    assert event["payload"]["categories"] == ["minister", "press"]
    assert event["payload"]["previous"] == []
    # the same again changes nothing and records nothing
    status, body, _ = await api.call("PUT", PATH, role="admin",
                                     json={"photo_required": ["minister", "press"]})
    assert status == 200, body
    assert len(await _events(api)) == 1
    # lifted: the badge is downloaded again
    status, body, _ = await api.call("PUT", PATH, role="admin", json={"photo_required": []})
    assert status == 200 and body == {"photo_required": []}
    assert await _badge_status(api, secret) == 200
    assert [e["payload"]["categories"] for e in await _events(api)] == [["minister", "press"],
                                                                        []]


async def test_the_console_s_badges_page_changes_photo_required(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, smtp)
    journalist = await press(api, decision="approve", language="en")
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", f"{M}/badges?lang=en")
    assert status == 200, page
    assert element(page, "h-photo-required") == "Photo before the badge"
    assert 'id="photo_required-press" value="press">' in page  # not ticked
    # a value no category has: refused on the field, nothing saved
    status, answer, _ = await _post(v, f"{M}/badges/photo-required?lang=en", page,
                                    [("photo_required", "press"),
                                     ("photo_required", "journalist")])
    assert status == 422, answer
    assert element(answer, "photo_required-error").endswith(
        "Choose among the categories listed.")
    assert await _events(api) == []
    # press ticked: saved, said, and the journalist's page asks for the photo
    status, _, resp = await _post(v, f"{M}/badges/photo-required?lang=en", page,
                                  [("photo_required", "press")])
    assert status == 303, resp
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert status == 200
    assert element(page, "flash") == "Categories whose badge waits for the photo saved."
    assert 'id="photo_required-press" value="press" checked>' in page
    [event] = await _events(api)
    assert event["payload"]["categories"] == ["press"]
    _, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    assert conference["photo_required"] == ["press"]
    status, mine, _ = await Visitor(api).go("GET", f"/a/{journalist['access_token']}?lang=en")
    assert element(mine, "badge-photo-first").startswith("Upload your photo to get your badge")
    # nothing ticked: lifted
    status, _, resp = await _post(v, f"{M}/badges/photo-required?lang=en", page, [])
    assert status == 303, resp
    _, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    assert conference["photo_required"] == []
    assert len(await _events(api)) == 2
