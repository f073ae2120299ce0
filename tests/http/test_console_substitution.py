"""Protocol substitutes a delegation member from the console's application page, over HTTP with
a real database and SMTP server (docs/workspaces.md, "Substituting a member"): the form's POST
checks and writes nothing, answering a confirmation page that says what will follow; the
confirmed POST substitutes through the portal's use-case (the member substituted, the new
person approved at once when protocol says so, or submitted; the letters and the calendar's
cancellation arrive); the press office, the door, security and the focal point are refused
(403); bad input and the rules' refusals come back on the form, naming the field."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.browser.helpers import element, member, publish, switch_fields, text
from tests.conftest import Api
from tests.http.conftest_programme import at, make_room, make_session
from tests.http.test_calendar_flow import is_invitation
from tests.http.test_console import Visitor, _signed_in, staff
from tests.http.test_lifecycle_pages import members_of
from tests.http.test_lifecycle_substitution_confirm import carried, events
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP, body_text

NEW = {"given_name": "Sophie", "family_name": "Wilmès", "email": "sophie@example.org",
       "language": "fr", "reason": "The minister is held up in Paris."}


def page_of(old: dict[str, Any]) -> str:
    return f"/manage/alliance/accreditations/{old['id']}?lang=en"


def action(old: dict[str, Any]) -> str:
    return f"/manage/alliance/accreditations/{old['id']}/substitute?lang=en"


async def check(protocol: Visitor, old: dict[str, Any], **changes: str) -> tuple[int, str]:
    """The form's first POST, with the application page's own CSRF token."""
    status, page, _ = await protocol.post_form(page_of(old), action(old),
                                               **{**NEW, **changes})
    return status, page


async def test_protocol_checks_confirms_and_the_letters_and_cancellations_follow(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    status, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    old = await member(api, be, "Reynders", rank="foreign_minister")  # approved
    await make_session(api, await make_room(api), at(conference, 9), at(conference, 10))
    await publish(api)  # the ministers are invited to the opening session
    await smtp.wait_for(1, where=lambda m: old["email"] in str(m["To"]) and is_invitation(m))
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    old_name = f"{old['given_name']} {old['family_name']}"

    # The application page has the form where the note sent protocol to the focal point.
    status, page, _ = await protocol.go("GET", page_of(old))
    assert status == 200, page
    assert element(page, "substitute-title") == "Substitute this member"
    assert 'id="substitute-form"' in page and 'id="sub_approve"' in page
    assert "substitute them above" in element(page, "substitute-instead")
    before = await events(api)

    status, page = await check(protocol, old, approve="1")
    assert status == 200, page
    assert element(page, "confirm-who") == f"Sophie Wilmès will replace {old_name}."
    assert element(page, "effect-old") == (
        f"{old_name}'s accreditation is cancelled: their badge is refused at every door and "
        "their invitations to sessions are removed from their calendar.")
    assert element(page, "effect-old-badge") == (
        f"If a badge was already printed for {old_name}, it is to be handed back at the desk,"
        " which destroys it.")
    assert element(page, "effect-examined").startswith(
        "Sophie Wilmès is approved at once: a badge in their name")
    assert "the approval letter" in element(page, "effect-mail")
    # protocol's substitution is told to the delegation's focal points, and the page says so
    assert element(page, "effect-focal") == (
        "The delegation's focal points are told by mail, with a link to the new member's page"
        " in their portal.")
    assert "The minister is held up in Paris." in element(page, "details")
    assert "Approved at onceYes" in element(page, "details")
    fields = carried(page)
    assert fields["approve"] == "1" and fields["email"] == "sophie@example.org"
    # Nothing written yet: no event, no row, no letter.
    assert await events(api) == before
    assert await members_of(api, be) == {old["email"]: "approved"}
    await asyncio.sleep(0.5)
    assert smtp.to("sophie@example.org") == []

    status, page, resp = await protocol.go("POST", action(old), {**fields, "confirm": "1"})
    assert status == 303, page
    location = resp.headers["Location"]
    assert re.match(r"/manage/alliance/accreditations/[0-9a-f-]{36}\?", location), location
    new_id = location.split("/accreditations/")[1].split("?")[0]
    status, page, _ = await protocol.go("GET", location)
    assert status == 200
    assert element(page, "flash").startswith(
        f"Substitution recorded: Sophie Wilmès replaces {old_name}.")
    assert element(page, "status") == "Approved"
    assert f"in place of {old_name}" in element(page, "history")
    assert await members_of(api, be) == {old["email"]: "substituted",
                                         "sophie@example.org": "approved"}
    # the portal's use-case: one event names both (no "submitted": approved at once)
    assert (await events(api))[len(before):] == [("accreditation.substituted", old["id"])]

    # The letters: the member replaced is told; the new person approved, in French; the old
    # invitation is taken out of the calendar, the new person invited.
    [told] = await smtp.wait_for(1, where=lambda m: old["email"] in str(m["To"])
                                 and "Accreditation transferred" in str(m["Subject"]))
    # protocol acted, from the console: the letter says so (it said the delegation had)
    assert "The protocol service has transferred your accreditation" in body_text(told)
    assert "Your delegation" not in body_text(told)
    # and the delegation's focal point is told, in their language (French: the conference's
    # first), with the new member's page on the portal
    [notice] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in str(m["To"])
                                   and "Remplacement d'un membre" in str(m["Subject"]))
    assert f"/delegation/alliance-be/members/{new_id}" in body_text(notice)
    await smtp.wait_for(1, where=lambda m: "sophie@example.org" in str(m["To"])
                        and "Accréditation accordée" in str(m["Subject"]))
    await smtp.wait_for(1, where=lambda m: old["email"] in str(m["To"]) and is_invitation(m)
                        and "Removed from your calendar" in str(m["Subject"]))
    await smtp.wait_for(1, where=lambda m: "sophie@example.org" in str(m["To"])
                        and is_invitation(m))
    status, page, _ = await protocol.go("GET", page_of(old))
    assert element(page, "status") == "Substituted" and 'id="substitute-form"' not in page
    assert new_id


async def test_a_member_under_review_is_replaced_by_an_application_under_review(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    pending = await member(api, be, "Michel", decision=None)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", page_of(pending))
    assert 'id="substitute-form"' in page and 'id="sub_approve"' not in page  # nothing to pass on
    status, page = await check(protocol, pending)
    assert status == 200, page
    assert element(page, "effect-old") == \
        "Anna Michel's application is closed: it can no longer be approved."
    assert "examined by the protocol service" in element(page, "effect-examined")
    status, page, resp = await protocol.go("POST", action(pending),
                                           {**carried(page), "confirm": "1"})
    assert status == 303, page
    assert await members_of(api, be) == {pending["email"]: "substituted",
                                         "sophie@example.org": "submitted"}
    await smtp.wait_for(1, where=lambda m: "sophie@example.org" in str(m["To"])
                        and "Demande d'accréditation reçue" in str(m["Subject"]))


async def test_the_press_office_the_door_security_and_the_focal_point_are_refused(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _setup(api, smtp)
    old = await member(api, be, "Reynders", rank="foreign_minister")
    visitors = [
        (await staff(api, smtp, "press@example.org", "press_office"), "/manage/alliance/press"),
        (await staff(api, smtp, "door@example.org", "door"), "/manage/alliance/door"),
        (await staff(api, smtp, "sec@example.org", "security"), "/manage/alliance/security"),
        (await _signed_in(api, link), "/delegation/alliance-be"),
    ]
    before = await events(api)
    for visitor, own_page in visitors:
        status, _, _ = await visitor.go("GET", page_of(old))
        assert status == 403
        for extra in ({}, {"confirm": "1", "approve": "1"}):
            status, page, _ = await visitor.post_form(own_page, action(old), **NEW, **extra)
            assert status == 403, (own_page, extra, page)
            assert 'id="confirm-form"' not in page
    assert await events(api) == before
    assert await members_of(api, be) == {old["email"]: "approved"}


async def test_bad_input_and_the_rules_refusals_come_back_on_the_form(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    old = await member(api, be, "Reynders", rank="foreign_minister")
    pending = await member(api, be, "Michel", decision=None)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    before = await events(api)

    # A field's error names the field, at the top and beside it, with what was typed.
    status, page = await check(protocol, old, email="sophie@", given_name="")
    assert status == 422, page
    assert 'id="sub_email-error"' in page and 'id="sub_given_name-error"' in page
    summary = element(page, "error-summary")
    assert "Email" in summary or "email" in summary, summary
    assert 'href="#sub_email"' in page and 'value="sophie@"' in page
    # an address already filed
    status, page = await check(protocol, old, email=pending["email"])
    assert status == 409 and "already used by another application of this conference" in \
        element(page, "sub_email-error")
    # approving at once the substitute of a member not approved: refused on the box
    status, page = await check(protocol, pending, approve="1")
    assert status == 422 and "Only the substitute of an approved member" in element(
        page, "sub_approve-error")
    assert await events(api) == before

    # After the deadline protocol still substitutes, with a reason; without, the field says so.
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    status, body, _ = await api.call("PATCH", "/api/v1/conferences/alliance/lifecycle",
                                     role="protocol", json={"nominations_close_at": past,
                                                            "changes_close_at": past})
    assert status == 200, body
    status, page, _ = await protocol.go("GET", page_of(old))
    assert "Required: substitutions closed on" in element(page, "sub_reason-hint")
    status, page = await check(protocol, old, reason="")
    assert status == 422, page
    assert "Give the reason: substitutions closed on" in element(page, "sub_reason-error")
    status, page = await check(protocol, old)
    assert status == 200 and 'id="confirm-form"' in page

    # A closed application (revoked meanwhile): the reason on the page, nothing written.
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{old['id']}/revoke",
                                     role="protocol", json={"reason": "Left the government."})
    assert status == 200, body
    status, page, _ = await protocol.go("POST", action(old), {**carried(page), "confirm": "1"})
    assert status == 409, page
    assert "This member can no longer be replaced (status: Revoked)" in text(page)
    assert "sophie@example.org" not in await members_of(api, be)


async def test_the_confirmation_s_language_button_checks_the_same_values_again(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The confirmation answers a POST: its language button posts the values again to the
    substitution in the other language (the same confirmation, in French), never a page that
    lost them; nothing is written."""
    be, _ = await _setup(api, smtp)
    old = await member(api, be, "Reynders", rank="foreign_minister")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    before = await events(api)
    status, page = await check(protocol, old, approve="1")
    assert status == 200, page
    target, fields = switch_fields(page)
    assert target == f"/manage/alliance/accreditations/{old['id']}/substitute?lang=fr"
    assert "confirm" not in fields and fields["approve"] == "1"
    status, page, _ = await protocol.go("POST", target, fields)
    assert status == 200, page
    assert element(page, "confirm-who") == "Sophie Wilmès remplacera Anna Reynders."
    assert "Accréditation accordée d'emblée" in element(page, "details")
    assert await events(api) == before
    assert await members_of(api, be) == {old["email"]: "approved"}


async def test_a_substitute_taking_a_speakers_place_is_told_the_programme_needs_publishing(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The substitute takes the speaker's place in the draft; the published programme still
    names the person replaced, and nobody's calendar changes until it is published again: the
    page answering the substitution says so and links the publish page. A member with no
    place in any session changes nothing the programme shows: no such word."""
    be, _ = await _setup(api, smtp)
    status, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    speaker = await member(api, be, "Reynders", rank="foreign_minister")
    guest = await member(api, be, "Wilmes")
    session = await make_session(api, await make_room(api), at(conference, 9),
                                 at(conference, 10))
    status, body, _ = await api.call(
        "PUT", f"/api/v1/sessions/{session['id']}/participants/{speaker['id']}",
        role="protocol", json={"role": "speaker"})
    assert status == 200, body
    await publish(api)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")

    async def substitute(old: dict[str, Any], email: str, language: str) -> str:
        status, page = await check(protocol, old, approve="1", email=email)
        assert status == 200, page
        status, page, resp = await protocol.go(
            "POST", action(old).replace("lang=en", f"lang={language}"),
            {**carried(page), "confirm": "1"})
        assert status == 303, page
        status, page, _ = await protocol.go("GET", resp.headers["Location"])
        assert status == 200, page
        return page

    page = await substitute(speaker, "sophie@example.org", "en")
    assert element(page, "unpublished") == (
        "Not published yet: published version 1 of the programme does not name Sophie Wilmès "
        "in their place yet. Participants and guests receive this change, and their "
        "calendars are updated, only when the programme is published. "
        "Check and publish version 2")
    assert 'href="/manage/alliance/publish?lang=en" id="unpublished-publish"' in page
    # the member without a place: nothing to publish for them
    page = await substitute(guest, "jan@example.org", "fr")
    assert 'id="unpublished"' not in page
    assert 'id="flash"' in page
