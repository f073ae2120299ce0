"""The press office's reason templates (``/manage/{slug}/press/reasons``): seeded with the three
defaults, added, edited and deleted by the press office, offered in the decision form and sent
in the applicant's language; refused to other roles, other conferences and forms without their
CSRF token. A real database and a real SMTP server."""

from __future__ import annotations

import html
import re

import asyncpg

from tests.browser.helpers import hidden, press
from tests.conftest import Api, conference_body
from tests.http.test_workspaces import Visitor, _signed_in, link_in
from tests.support import RecordingSMTP, body_text

REASONS = "/manage/alliance/press/reasons"


async def _officer(api: Api, smtp: RecordingSMTP, email: str = "press@example.org",
                   role: str = "press_office", conference: str = "alliance") -> Visitor:
    status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
        "email": email, "name": "Tove Ernst", "language": "en",
        "grants": [{"role": role, "conference": conference}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: email in m["To"])
    return await _signed_in(api, link_in(welcome))


async def _conference(api: Api, slug: str = "alliance") -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(slug))
    assert status == 201, body


def _listed(page: str) -> list[str]:
    return [html.unescape(text) for text in re.findall(
        r'<p lang="en"><span class="reason-lang">EN</span> ([^<]*)</p>', page)]


def _options(page: str) -> dict[str, str]:
    select = page[page.index('id="reason_template"'):]
    select = select[:select.index("</select>")]
    found = re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)<', select)
    return {html.unescape(text): value for value, text in found}


async def test_press_office_keeps_its_reason_templates_and_decides_with_one(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    await _conference(api)
    v = await _officer(api, smtp)
    status, page, _ = await v.go("GET", f"{REASONS}?lang=en")
    assert status == 200, page
    assert _listed(page) == [
        "The press card or letter of assignment could not be verified.",
        "All places of the press pool are taken.",
        "The application does not come from a news organisation."]

    status, _, resp = await v.go("POST", f"{REASONS}?lang=en", {
        "csrf": hidden(page, "csrf"), "text_fr": "Le média n'est pas  reconnu.",
        "text_en": "The outlet is not recognised."})
    assert status == 303 and "done=added" in resp.headers["Location"]
    _, page, _ = await v.go("GET", resp.headers["Location"])
    assert "Reason template added." in page
    assert _listed(page)[-1] == "The outlet is not recognised."
    assert "Le média n&#39;est pas reconnu." in page  # white space made one space

    # edit the first default, delete the second
    first = re.findall(rf'href="{REASONS}/([0-9a-f-]{{36}})\?lang=en"', page)
    status, form, _ = await v.go("GET", f"{REASONS}/{first[0]}?lang=en")
    assert status == 200 and "could not be verified" in form
    status, _, resp = await v.go("POST", f"{REASONS}/{first[0]}?lang=en", {
        "csrf": hidden(form, "csrf"), "text_fr": "Carte de presse non vérifiable.",
        "text_en": "Press card not verifiable."})
    assert status == 303 and "done=saved" in resp.headers["Location"]
    status, _, resp = await v.go("POST", f"{REASONS}/{first[1]}/delete?lang=en",
                                 {"csrf": hidden(form, "csrf")})
    assert status == 303 and "done=deleted" in resp.headers["Location"]
    _, page, _ = await v.go("GET", f"{REASONS}?lang=en")
    assert _listed(page) == ["Press card not verifiable.",
                             "The application does not come from a news organisation.",
                             "The outlet is not recognised."]
    assert await db.fetchval("SELECT count(*) FROM domain_event "
                             "WHERE type = 'press.reason_changed'") == 3

    # the decision form offers the list; the letter carries the text in the applicant's language
    application = await press(api)  # a French-speaking applicant
    status, page, _ = await v.go("GET", f"/manage/alliance/press/{application['id']}?lang=en")
    assert status == 200
    options = _options(page)
    assert list(options) == ["Press card not verifiable.",
                             "The application does not come from a news organisation.",
                             "The outlet is not recognised."]
    status, _, resp = await v.go(
        "POST", f"/manage/alliance/press/{application['id']}/decision?lang=en",
        {"csrf": hidden(page, "csrf"), "decision": "reject",
         "reason_template": options["The outlet is not recognised."], "reason": ""})
    assert status == 303, await resp.text()
    [letter] = await smtp.wait_for(1, where=lambda m: application["email"] in m["To"]
                                   and "non accordée" in m["Subject"])
    assert "Le média n'est pas reconnu." in body_text(letter)
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{application['id']}",
                               role="press_office")
    assert (acc["status"], acc["history"][-1]["reason"]) == (
        "rejected", "Le média n'est pas reconnu.")


async def test_a_deleted_template_is_not_used_and_an_emptied_list_stays_empty(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    v = await _officer(api, smtp)
    application = await press(api)
    path = f"/manage/alliance/press/{application['id']}"
    _, page, _ = await v.go("GET", f"{path}?lang=en")
    options = _options(page)
    for reason_id in options.values():
        status, _, _ = await v.go("POST", f"{REASONS}/{reason_id}/delete",
                                  {"csrf": hidden(page, "csrf")})
        assert status == 303
    status, page2, _ = await v.go("POST", f"{path}/decision?lang=en", {
        "csrf": hidden(page, "csrf"), "decision": "waitlist",
        "reason_template": next(iter(options.values()))})
    assert status == 422
    assert 'id="reason_template-error"' in page2 and "no longer exists" in page2
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{application['id']}",
                               role="press_office")
    assert acc["status"] == "submitted"
    _, page, _ = await v.go("GET", f"{REASONS}?lang=en")
    assert _listed(page) == [] and 'id="no-reasons"' in page  # not seeded again


async def test_reason_forms_name_the_empty_text_and_need_their_csrf_token(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    v = await _officer(api, smtp)
    _, page, _ = await v.go("GET", f"{REASONS}?lang=en")
    status, body, _ = await v.go("POST", f"{REASONS}?lang=en", {
        "csrf": hidden(page, "csrf"), "text_fr": "Texte", "text_en": "  "})
    assert status == 422
    assert 'id="text_en-error"' in body and 'id="text_fr-error"' not in body
    status, _, _ = await v.go("POST", f"{REASONS}?lang=en", {"text_fr": "a", "text_en": "b"})
    assert status == 403
    reason_id = re.findall(rf'href="{REASONS}/([0-9a-f-]{{36}})\?lang=en"', page)[0]
    status, _, _ = await v.go("POST", f"{REASONS}/{reason_id}/delete", {})
    assert status == 403
    _, page, _ = await v.go("GET", f"{REASONS}?lang=en")
    assert len(_listed(page)) == 3
    status, _, _ = await v.go("GET", f"{REASONS}/not-a-uuid")
    assert status == 404


async def test_reasons_are_the_press_office_s_of_its_own_conference(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    await _conference(api)
    await _conference(api, "other")
    own = await _officer(api, smtp)
    _, page, _ = await own.go("GET", f"{REASONS}?lang=en")
    reason_id = re.findall(rf'href="{REASONS}/([0-9a-f-]{{36}})\?lang=en"', page)[0]

    protocol = await _officer(api, smtp, "protocol@example.org", "protocol")
    status, _, _ = await protocol.go("GET", REASONS)
    assert status == 403
    status, _, _ = await protocol.go("POST", f"{REASONS}/{reason_id}/delete",
                                     {"csrf": hidden(page, "csrf")})
    assert status == 403

    other = await _officer(api, smtp, "other@example.org", conference="other")
    status, _, _ = await other.go("GET", REASONS)
    assert status == 403
    _, other_page, _ = await other.go("GET", "/manage/other/press/reasons")
    status, _, _ = await other.go("GET", f"/manage/other/press/reasons/{reason_id}")
    assert status == 404  # another conference's template
    status, _, _ = await other.go("POST", f"/manage/other/press/reasons/{reason_id}/delete",
                                  {"csrf": hidden(other_page, "csrf")})
    assert status == 404
    assert await db.fetchval("SELECT count(*) FROM press_reason r JOIN conference c ON "
                             "c.id = r.conference_id WHERE c.slug = 'alliance' "
                             "AND r.removed_at IS NULL") == 3
