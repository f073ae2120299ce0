"""A delegation member's details edited at the protocol console
(``/manage/{slug}/accreditations/{id}/edit``; docs/workspaces.md, "Editing a member at the
console"): the portal's member form with the console's fields, through the use-case the API's
``PATCH /api/v1/accreditations/{id}`` calls. A real database and a real SMTP server (the staff's
welcome mail carries the sign-in link)."""

from __future__ import annotations

import json
from typing import Any

import asyncpg

from tests.browser.helpers import element, hidden, member
from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import staff
from tests.http.test_workspaces import _setup, _signed_in, link_in
from tests.support import RecordingSMTP

FORM = {"given_name": "Anna", "family_name": "Wouters", "email": "wouters@example.org",
        "language": "en", "rank": "minister", "function": "Minister", "function_fr": "",
        "function_en": "", "in_office_since": ""}
"""The member as ``tests.browser.helpers.member`` files it, as the form sends it back."""


def edit_of(acc: dict[str, Any], lang: str) -> str:
    return f"/manage/alliance/accreditations/{acc['id']}/edit?lang={lang}"


async def _amended(db: asyncpg.Connection, acc: dict[str, Any]) -> list[dict[str, Any]]:
    rows = await db.fetch("SELECT payload, actor FROM domain_event WHERE type = "
                          "'accreditation.amended' AND subject_id = $1 ORDER BY id", acc["id"])
    return [{"actor": r["actor"], **(r["payload"] if isinstance(r["payload"], dict)
                                     else json.loads(r["payload"]))} for r in rows]


async def test_protocol_edits_a_member_s_rank_function_and_date_in_office(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    be, _ = await _setup(api, smtp)
    pending = await member(api, be, "Wouters", decision=None)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    page_path = f"/manage/alliance/accreditations/{pending['id']}"
    status, page, _ = await protocol.go("GET", f"{page_path}?lang=en")
    assert status == 200, page
    assert element(page, "edit-link") == "Edit the member's details"
    assert f'href="{page_path}/edit?lang=en"' in page

    status, form, _ = await protocol.go("GET", edit_of(pending, "en"))
    assert status == 200, form
    # prefilled with the member's values; the category is said, not asked
    assert 'value="Wouters"' in form and 'value="wouters@example.org"' in form
    assert '<option value="minister" selected>' in form
    assert 'id="in_office_since"' in form and 'type="date"' in form
    assert 'id="category"' not in form and 'id="gender"' not in form
    assert element(form, "form-note").startswith("Category: Minister.")

    status, _, resp = await protocol.go("POST", edit_of(pending, "en"), {
        "csrf": hidden(form, "csrf"), **FORM, "given_name": "Anne", "rank": "deputy_minister",
        "function": "Vice-ministre", "function_fr": "Vice-ministre",
        "function_en": "Deputy Minister", "in_office_since": "2024-03-01"})
    assert status == 303, await resp.text()
    location = resp.headers["Location"]
    assert location.startswith(f"{page_path}?") and "done=amended" in location
    _, page, _ = await protocol.go("GET", location)
    assert element(page, "flash") == "The details of Anne Wouters are changed."
    assert element(page, "function-en") == "Deputy Minister"
    assert element(page, "function-fr") == "Vice-ministre"
    assert element(page, "in-office-since") == "Friday 1 March 2024"
    assert element(page, "member-rank") == "Secretary of State / deputy minister"

    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{pending['id']}",
                               role="protocol")
    assert (acc["status"], acc["given_name"], acc["rank"], acc["function_en"],
            acc["in_office_since"], acc["category"]) == (
        "submitted", "Anne", "deputy_minister", "Deputy Minister", "2024-03-01", "minister")
    assert acc["history"][-1]["action"] == "amend"
    [event] = await _amended(db, pending)
    assert event["actor"].startswith("person:")
    assert event["fields"] == ["given_name", "rank", "function", "function_fr", "function_en",
                               "in_office_since"]

    # the same values again: nothing changes, nothing recorded; the form's in French
    status, form, _ = await protocol.go("GET", edit_of(pending, "fr"))
    assert element(form, "form-note").startswith("Catégorie : Ministre.")
    assert 'value="2024-03-01"' in form and 'value="Deputy Minister"' in form
    status, _, resp = await protocol.go("POST", edit_of(pending, "fr"), {
        "csrf": hidden(form, "csrf"), **FORM, "given_name": "Anne", "rank": "deputy_minister",
        "function": "Vice-ministre", "function_fr": "Vice-ministre",
        "function_en": "Deputy Minister", "in_office_since": "2024-03-01"})
    assert status == 303
    _, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "Les données d'Anne Wouters sont modifiées."
    assert len(await _amended(db, pending)) == 1

    # a field emptied is removed
    status, _, resp = await protocol.go("POST", edit_of(pending, "en"), {
        "csrf": hidden(form, "csrf"), **FORM, "given_name": "Anne", "rank": "deputy_minister",
        "function": "Vice-ministre", "function_fr": "", "function_en": "",
        "in_office_since": ""})
    assert status == 303
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{pending['id']}",
                               role="protocol")
    assert (acc["function_fr"], acc["function_en"], acc["in_office_since"]) == (
        None, None, None)


async def test_an_invalid_email_names_the_field_and_keeps_what_was_typed(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    be, _ = await _setup(api, smtp)
    pending = await member(api, be, "Wouters", decision=None)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, form, _ = await protocol.go("GET", edit_of(pending, "en"))
    status, page, _ = await protocol.go("POST", edit_of(pending, "en"), {
        "csrf": hidden(form, "csrf"), **FORM, "email": "not-an-address",
        "family_name": "Wouters-Peeters", "function_en": "Minister of Finance",
        "in_office_since": "2023-05-02", "rank": ""})
    assert status == 422, page
    # each field in error named, in the summary and beside it
    assert "email-error" in page and "rank-error" in page
    summary = element(page, "error-summary")
    assert "Email address" in summary or "E-mail" in summary, summary
    assert "Protocol rank" in summary, summary
    # what was typed stays
    for value in ("not-an-address", "Wouters-Peeters", "Minister of Finance", "2023-05-02"):
        assert f'value="{value}"' in page, value
    status, page, _ = await protocol.go("POST", edit_of(pending, "en"), {
        "csrf": hidden(form, "csrf"), **FORM, "in_office_since": "2023-02-31"})
    assert status == 422
    assert element(page, "in_office_since-error").endswith("Enter a date (day, month, year).")
    status, page, _ = await protocol.go("POST", edit_of(pending, "fr"), {
        "csrf": hidden(form, "csrf"), **FORM, "email": "not-an-address"})
    assert status == 422 and "email-error" in page
    assert element(page, "error-summary").startswith("Rien n'a été enregistré.")
    # without the form's token: refused, nothing saved
    status, _, _ = await protocol.go("POST", edit_of(pending, "en"),
                                     {**FORM, "family_name": "Other"})
    assert status == 403
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{pending['id']}",
                               role="protocol")
    assert (acc["email"], acc["family_name"], acc["in_office_since"]) == (
        "wouters@example.org", "Wouters", None)
    assert await _amended(db, pending) == []


async def test_names_in_capitals_are_saved_and_said_on_the_member_s_page(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    pending = await member(api, be, "Wouters", decision=None)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, form, _ = await protocol.go("GET", edit_of(pending, "en"))
    status, _, resp = await protocol.go("POST", edit_of(pending, "en"), {
        "csrf": hidden(form, "csrf"), **FORM, "family_name": "WOUTERS"})
    assert status == 303
    _, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert "names-warning" in page and "WOUTERS" in element(page, "names-warning")


async def test_a_focal_point_is_refused_and_an_admin_edits(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, own_link = await _setup(api, smtp)
    pending = await member(api, be, "Wouters", decision=None)
    await make_delegation(api, country="NL")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-nl@example.org" in m["To"])
    other = await _signed_in(api, link_in(welcome))
    own = await _signed_in(api, own_link)
    for focal in (other, own):  # the console is protocol's, even for the member's own
        status, _, _ = await focal.go("GET", edit_of(pending, "en"))
        assert status in (403, 404)
        status, _, _ = await focal.go("POST", edit_of(pending, "en"),
                                      {**FORM, "family_name": "Other"})
        assert status in (403, 404)
    admin = await staff(api, smtp, "admin@example.org", "admin")
    _, form, _ = await admin.go("GET", edit_of(pending, "en"))
    status, _, resp = await admin.go("POST", edit_of(pending, "en"), {
        "csrf": hidden(form, "csrf"), **FORM, "function_en": "Minister of State"})
    assert status == 303, await resp.text()
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{pending['id']}",
                               role="protocol")
    assert (acc["family_name"], acc["function_en"]) == ("Wouters", "Minister of State")


async def test_a_decided_member_offers_no_edit(api: Api, smtp: RecordingSMTP) -> None:
    """Rejected: nothing to edit (409). Approved: the correction with a reason instead
    (tests/http/test_member_correction.py), not the edit."""
    be, _ = await _setup(api, smtp)
    approved = await member(api, be, "Wouters")
    rejected = await member(api, be, "Claes", decision=None)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{rejected['id']}/decision", role="protocol",
        json={"decision": "reject", "reason": "Not part of the delegation"})
    assert status == 200, body
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, page, _ = await protocol.go(
        "GET", f"/manage/alliance/accreditations/{approved['id']}?lang=en")
    assert 'id="edit-link"' not in page and 'id="correct-link"' in page
    status, page, _ = await protocol.go("GET", edit_of(approved, "en"))
    assert status == 200 and 'name="reason"' in page
    _, page, _ = await protocol.go(
        "GET", f"/manage/alliance/accreditations/{rejected['id']}?lang=en")
    assert 'id="edit-link"' not in page and 'id="correct-link"' not in page
    status, page, _ = await protocol.go("GET", edit_of(rejected, "en"))
    assert status == 409 and "can no longer be edited" in page and "Rejected" in page


async def test_the_language_control_shows_the_form_again_and_saves_nothing(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    be, _ = await _setup(api, smtp)
    pending = await member(api, be, "Wouters", decision=None)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, form, _ = await protocol.go("GET", edit_of(pending, "en"))
    # the header's control posts the form as typed, in the other language
    status, page, _ = await protocol.go("POST", edit_of(pending, "fr"), {
        "csrf": hidden(form, "csrf"), **FORM, "family_name": "Wouters-Claes", "switch": "1"})
    assert status == 200
    assert 'lang="fr"' in page and 'value="Wouters-Claes"' in page
    assert "error-summary" not in page  # never sent: nothing asked of it yet
    # once sent with an error, the control shows the error in the other language
    status, page, _ = await protocol.go("POST", edit_of(pending, "fr"), {
        "csrf": hidden(form, "csrf"), **FORM, "email": "x", "switch": "1", "sent": "1"})
    assert status == 200 and "email-error" in page
    assert element(page, "error-summary").startswith("Rien n'a été enregistré.")
    assert await _amended(db, pending) == []
