"""The programme builder and the console's forms, as a user test of 1 December 2026 found them
(findings 4 and 15): a second chair was refused with advice the page gave no way to follow (no
control changed a participant's role); errors of the console's forms were said far below where
a phone reopens the page."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element, hidden
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import accredit, make_delegation, make_room, make_session
from tests.http.test_console import Visitor, staff
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

SESSIONS = "/manage/alliance/sessions"
# Brussels puts its clocks forward at 02:00 on 28 March 2027 and back at 03:00 on 31 October
SPRING = {"starts_on": "2027-03-27", "ends_on": "2027-03-28"}


async def _form(v: Visitor, page_path: str, action: str, fields: list[tuple[str, str]]
                ) -> tuple[int, str, Any]:
    _, page, _ = await v.go("GET", page_path)
    return await v.go("POST", action, [("csrf", hidden(page, "csrf")), *fields])  # type: ignore


def _session(room_id: str, day: str, starts: str, ends: str, **more: str
             ) -> list[tuple[str, str]]:
    return [("title_fr", more.get("fr", "Nuit")), ("title_en", more.get("en", "Night")),
            ("kind", "plenary"), ("room_id", room_id), ("day", day), ("starts", starts),
            ("ends", ends), ("press_access", more.get("press", "closed")),
            ("audience", "minister")]


async def _conference(api: Api, **dates: str) -> dict[str, Any]:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(**dates))
    assert status == 201, body
    return dict(body)


async def _sessions(api: Api) -> list[dict[str, Any]]:
    status, body, _ = await api.call("GET", "/api/v1/conferences/alliance/sessions",
                                     role="protocol")
    assert status == 200, body
    return list(body["items"])


async def test_the_chair_becomes_a_speaker_on_the_session_page_and_another_takes_the_chair(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    status, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    hall = await make_room(api, "Plenary hall")
    opening = await make_session(api, hall, f"{conf['starts_on']}T09:00:00+01:00",
                                 f"{conf['starts_on']}T10:00:00+01:00")
    reynders = await accredit(api, "Didier", "Reynders", delegation=be,
                              rank="foreign_minister")
    michel = await accredit(api, "Charles", "Michel", delegation=be)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"{SESSIONS}/{opening['id']}"
    status, _, _ = await _form(protocol, path, f"{path}/participants", [
        ("accreditation_id", reynders["id"]), ("role", "chair")])
    assert status == 303
    # a second chair is refused, said at the top of the page (before the session's form), with
    # the way to do it
    status, page, _ = await _form(protocol, path, f"{path}/participants", [
        ("accreditation_id", michel["id"]), ("role", "chair")])
    assert status == 409
    assert "Change role" in element(page, "participant-error")
    assert page.index('id="participant-error"') < page.index('id="session-form"')
    # the chair's row has a role select, the chair's role chosen; made a speaker there
    row = page[page.index(f'id="participant-{reynders["id"]}"'):]
    row = row[:row.index("</tr>")]
    assert f'id="role-of-{reynders["id"]}"' in row and '<option value="chair" selected>' in row
    status, _, resp = await _form(protocol, path, f"{path}/participants/role", [
        ("accreditation_id", reynders["id"]), ("role", "speaker")])
    assert status == 303, resp
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "Didier Reynders is now speaker."
    status, _, resp = await _form(protocol, path, f"{path}/participants", [
        ("accreditation_id", michel["id"]), ("role", "chair")])
    assert status == 303, resp
    status, s, _ = await api.call("GET", f"/api/v1/sessions/{opening['id']}", role="protocol")
    assert {(p["accreditation_id"], p["role"]) for p in s["participants"]} == {
        (reynders["id"], "speaker"), (michel["id"], "chair")}
    # the role form changes roles only: it adds no one
    wilmes = await accredit(api, "Sophie", "Wilmès", delegation=be)
    status, page, _ = await _form(protocol, f"{path}?lang=fr", f"{path}/participants/role?lang=fr",
                                  [("accreditation_id", wilmes["id"]), ("role", "speaker")])
    assert status == 409
    assert "n'est plus sur la séance" in element(page, "participant-error")
    status, s, _ = await api.call("GET", f"/api/v1/sessions/{opening['id']}", role="protocol")
    assert len(s["participants"]) == 2


async def test_a_refused_delegation_is_said_at_the_top_of_the_page(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    await make_delegation(api, country="AT")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    url = "/manage/alliance/delegations"
    status, page, _ = await _form(protocol, url, url, [
        ("kind", "country"), ("country", "BE"), ("focal_point_name", "Other"),
        ("focal_point_email", "other@example.org")])
    assert status == 409
    summary = element(page, "error-summary")
    assert "Country" in summary and "already" in summary
    assert '<a href="#country">' in page
    # above the list of delegations, where the page opens again
    assert page.index('id="error-summary"') < page.index('id="delegations"')
    status, page, _ = await _form(protocol, f"{url}?lang=fr", f"{url}?lang=fr", [
        ("kind", "country"), ("country", ""), ("focal_point_name", ""),
        ("focal_point_email", "x")])
    assert status == 422
    summary = element(page, "error-summary")
    assert "Rien n'a été enregistré" in summary and "Adresse" in summary
    # the zones' form too: every error in the summary, each linking to its field
    zones = "/manage/alliance/zones"
    status, page, _ = await _form(protocol, zones, zones, [
        ("code", "Bad Code!"), ("kind", "standard"), ("name_fr", ""), ("name_en", "Press"),
        ("opens_on", "2099-01-01")])
    assert status == 422
    assert page.index('id="error-summary"') < page.index('id="zone-form"')
    for field in ("code", "name_fr", "opens_on"):
        assert f'<a href="#{field}">' in page, field


async def test_a_country_not_chosen_is_said_on_its_field_with_the_others(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The delegation form without a country: with the focal point's fields wrong too, the
    country was not named; with them right, the country came alone with pydantic's English
    ("Value error, a country delegation gives country and no organisation") on a French page
    (setup test, December 2026)."""
    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    url = "/manage/alliance/delegations?lang=fr"
    status, page, _ = await _form(protocol, url, url, [
        ("kind", "country"), ("country", ""), ("focal_point_name", ""),
        ("focal_point_email", "x")])
    assert status == 422
    assert element(page, "country-error") == "Erreur : Ce champ est obligatoire."
    summary = element(page, "error-summary")
    assert summary.index("Pays") < summary.index("Nom du point focal")
    status, page, _ = await _form(protocol, url, url, [
        ("kind", "country"), ("country", ""), ("focal_point_name", "Hans Müller"),
        ("focal_point_email", "fp-de@example.org")])
    assert status == 422
    assert element(page, "country-error") == "Erreur : Ce champ est obligatoire."
    assert "Value error" not in page and "country delegation" not in page
