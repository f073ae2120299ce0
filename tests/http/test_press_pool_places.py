"""The press pool's places corrected below the journalists already approved
(docs/workspaces.md, "The conference's details"): found in a user test, the settings page saved
0 places with one journalist approved, and the desk read « 1 of 0 ». Refused, 409
``correction-refused`` with ``code: places_below_approved`` on the field, naming how many are
approved, nothing saved; as many places as approved, or more, are saved. A real database and
a real SMTP server."""

from __future__ import annotations

from tests.browser.helpers import element, form_fields, press
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_workspaces_reasons import _conference
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"
SETTINGS = "/manage/alliance/settings"


def _window(capacity: int) -> dict[str, object]:
    return {"press_registration": {"opens_at": "2026-01-01T00:00:00+01:00",
                                   "closes_at": "2030-01-01T00:00:00+01:00",
                                   "pool_capacity": capacity}}


async def _capacity(api: Api) -> int:
    _, c, _ = await api.call("GET", BASE)
    return int(c["press_registration"]["pool_capacity"])


async def test_the_api_refuses_fewer_places_than_journalists_approved(api: Api) -> None:
    await _conference(api)
    _, c, _ = await api.call("GET", BASE)
    window = c["press_registration"]
    for n in (1, 2):
        await press(api, n, decision="approve")
    await press(api, 3)  # received, not approved: it holds no place
    status, body, _ = await api.call("PATCH", BASE, role="admin", json={
        "press_registration": {**window, "pool_capacity": 1}})
    assert status == 409, body
    assert (body["type"].rsplit("/", 1)[-1], body["field"], body["code"]) == (
        "correction-refused", "press_registration.pool_capacity", "places_below_approved")
    assert body["approved"] == 2
    assert "2 journalists are approved" in body["detail"]
    assert await _capacity(api) == window["pool_capacity"]
    # as many as approved: saved (the pool is full, nobody is turned out)
    status, body, _ = await api.call("PATCH", BASE, role="admin", json={
        "press_registration": {**window, "pool_capacity": 2}})
    assert status == 200, body
    assert await _capacity(api) == 2


async def test_the_settings_page_says_it_on_the_places_field(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    await press(api, 1, decision="approve")
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    before = await _capacity(api)
    for lang, expected in (
        ("fr", "Erreur : 1 place du pool de presse est déjà accordée : il ne peut en compter "
               "moins. Retirez d'abord une accréditation au bureau de presse."),
        ("en", "Error: 1 journalist is already approved in the press pool: it cannot have "
               "fewer places. Revoke an accreditation on the press desk first.")):
        _, page, _ = await admin.go("GET", f"{SETTINGS}?lang={lang}")
        form = page[page.index('<form method="post" action="/manage/alliance/settings'):]
        fields = {**form_fields(form[:form.index("</form>")]), "pool_capacity": "0"}
        status, page, _ = await admin.go("POST", f"{SETTINGS}?lang={lang}", fields)
        assert status == 409, page
        assert element(page, "pool_capacity-error") == expected
        assert 'href="#pool_capacity"' in page
        assert await _capacity(api) == before
