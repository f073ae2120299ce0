"""The portal's substitution in two steps, over HTTP with a real database and SMTP server: the
form's valid POST writes nothing (no event, no row, no mail) and answers a confirmation page
naming both people, what will follow and the details entered, with the values in hidden
fields; the confirmed POST substitutes (the letters go out as before) and leads to the new
member's page; a tampered confirmation is answered with the form and its field errors; both
steps refuse a missing CSRF token (403); "change" gives the form back, filled; the deadline
and an e-mail filed meanwhile are checked again when confirming."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from tests.browser.helpers import element, hidden, member, participant, switch_fields, text
from tests.conftest import Api
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_console import Visitor, _signed_in
from tests.http.test_lifecycle_pages import members_of
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP, body_text

PORTAL = "/delegation/alliance-be"
FORM = f"{PORTAL}/substitute?lang=en"
NEW = {"given_name": "Sophie", "family_name": "Wilmès", "email": "sophie@example.org",
       "language": "fr", "reason": "The minister is kept in Brussels."}


async def events(api: Api) -> list[tuple[str, str]]:
    conn = await asyncpg.connect(api.db_url)
    try:
        rows = await conn.fetch("SELECT type, subject_id::text AS s FROM domain_event "
                                "ORDER BY id")
    finally:
        await conn.close()
    return [(r["type"], r["s"]) for r in rows]


def carried(page: str) -> dict[str, str]:
    """The confirmation form's hidden fields, as the browser would post them."""
    form = re.search(r'<form[^>]*id="confirm-form".*?</form>', page, re.S)
    assert form, "no confirmation form"
    return {name: hidden(form.group(0), name)
            for name in re.findall(r'type="hidden" name="([^"]+)"', form.group(0))}


async def check(focal: Visitor, old: dict[str, Any], **changes: str) -> tuple[int, str]:
    """The form's first POST (the page's own CSRF token)."""
    status, page, _ = await focal.post_form(FORM, FORM, member=old["id"], **{**NEW, **changes})
    return status, page


async def _start(api: Api, smtp: RecordingSMTP) -> tuple[dict[str, Any], dict[str, Any],
                                                         Visitor]:
    be, link = await _setup(api, smtp)
    old = await member(api, be, "Reynders", rank="foreign_minister")  # approved
    return be, old, await _signed_in(api, link)


async def test_the_check_writes_nothing_and_the_confirmation_substitutes(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, old, focal = await _start(api, smtp)
    old_name = f"{old['given_name']} {old['family_name']}"
    before = await events(api)

    status, page = await check(focal, old)
    assert status == 200, page
    assert element(page, "confirm-who") == f"Sophie Wilmès will replace {old_name}."
    # what follows, as the service does it: the old accreditation ends (it was approved), the
    # new application is examined, both are told by mail
    assert element(page, "effect-old") == (
        f"{old_name}'s accreditation is cancelled: their badge is refused at every door and "
        "their invitations to sessions are removed from their calendar.")
    # the card, if printed, is still out there: whoever holds it hands it back (a tryout
    # substituted a member whose badge was printed; the page said only that doors refuse it)
    assert element(page, "effect-old-badge") == (
        f"If a badge was already printed for {old_name}, it is to be handed back at the desk,"
        " which destroys it.")
    assert "examined by the protocol service" in element(page, "effect-examined")
    assert f"A mail tells {old_name}" in element(page, "effect-mail")
    # the focal point's own substitution is not mailed back to the delegation
    assert 'id="effect-focal"' not in page
    # the details as entered, rank and function left empty: the member's, said so
    details = element(page, "details")
    for shown in ("Sophie", "Wilmès", "sophie@example.org", "French",
                  "The minister is kept in Brussels.",
                  "Minister for foreign affairs (as the member replaced)",
                  "Minister (as the member replaced, word for word; adjust a title that has a "
                  "gender, Directrice or Directeur)"):
        assert shown in details, (shown, details)
    assert f"{old_name} – Minister" in element(page, "detail-member")
    fields = carried(page)
    assert {k: fields[k] for k in NEW} == NEW and fields["member"] == old["id"]
    assert fields["csrf"] and fields["rank"] == "" and "confirm" not in fields
    assert 'name="confirm" value="1"' in page and 'name="edit" value="1"' in page
    # French: the same sentence, the colon after a non-breaking space
    _, fr_page = await check(focal, old)
    _, fr_page, _ = await focal.go("POST", f"{PORTAL}/substitute?lang=fr", carried(fr_page))
    assert element(fr_page, "confirm-who") == f"Sophie Wilmès remplacera {old_name}."
    assert f"{old_name} perd son accréditation\u00a0: son badge" in fr_page
    assert element(fr_page, "effect-old-badge") == (
        f"Si un badge a déjà été imprimé pour {old_name}, il est à rendre à l'accueil, qui le "
        "détruit.")

    # Nothing was written: no event, the member still approved, no new row, no mail.
    assert await events(api) == before
    assert await members_of(api, be) == {old["email"]: "approved"}
    await asyncio.sleep(0.5)  # the worker, woken by the POSTs, would have sent by now
    assert not [m for m in smtp.to(old["email"]) if "transferred" in str(m["Subject"])]
    assert smtp.to("sophie@example.org") == []

    # Confirmed: done, exactly as the one-step form did.
    status, page, resp = await focal.go("POST", FORM, {**fields, "confirm": "1"})
    assert status == 303, page
    assert "/members/" in resp.headers["Location"] and "done=substituted" in \
        resp.headers["Location"]
    status, page, _ = await focal.go("GET", resp.headers["Location"])
    assert element(page, "flash").startswith(
        f"Substitution recorded: Sophie Wilmès replaces {old_name}.")
    assert await members_of(api, be) == {old["email"]: "substituted",
                                         "sophie@example.org": "submitted"}
    new_id = resp.headers["Location"].split("/members/")[1].split("?")[0]
    assert (await events(api))[len(before):] == [
        ("accreditation.substituted", old["id"]), ("accreditation.submitted", new_id)]
    [told] = await smtp.wait_for(1, where=lambda m: old["email"] in str(m["To"])
                                 and "Accreditation transferred" in str(m["Subject"]))
    # the focal point acted, in the portal: the letter says the delegation did
    assert ("Your delegation, through its focal point, has named another person in your place"
            in body_text(told))
    await smtp.wait_for(1, where=lambda m: "sophie@example.org" in str(m["To"])
                        and "Demande d'accréditation reçue" in str(m["Subject"]))

    # The same confirmation posted again (a second click, the back button, a second tab): the
    # member is no longer there to replace, and the form says who took the place (it said
    # « Choose the member to replace », as if nothing had been chosen); nothing more is written.
    status, page, _ = await focal.go("POST", FORM, {**fields, "confirm": "1"})
    assert status == 409
    assert element(page, "member-error") == (
        f"Error: Sophie Wilmès has already taken {old_name}'s place: nothing more was done.")
    status, page, _ = await focal.go("POST", FORM.replace("lang=en", "lang=fr"),
                                     {**fields, "confirm": "1"})
    assert status == 409
    assert element(page, "member-error") == (
        f"Erreur : Sophie Wilmès a déjà pris la place d'{old_name} : rien d'autre n'a été "
        "fait.")
    assert len(await members_of(api, be)) == 2


async def test_a_tampered_confirmation_is_the_form_with_its_errors(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, old, focal = await _start(api, smtp)
    fr = await make_delegation(api, "FR")
    stranger = await member(api, fr, "Fabius", rank="foreign_minister")
    _, page = await check(focal, old)
    fields = carried(page)
    before = await events(api)

    status, page, _ = await focal.go("POST", FORM, {**fields, "email": "not-an-address",
                                                    "confirm": "1"})
    assert status == 422, page
    assert 'id="substitute-form"' in page and 'id="email-error"' in page
    assert 'value="not-an-address"' in page  # the form, with what was posted
    status, page, _ = await focal.go("POST", FORM, {**fields, "member": stranger["id"],
                                                    "confirm": "1"})
    assert status == 422 and 'id="member-error"' in page
    status, page, _ = await focal.go("POST", FORM, {**fields, "language": "xx",
                                                    "confirm": "1"})
    assert status == 422 and 'id="language-error"' in page
    assert await events(api) == before
    assert await members_of(api, be) == {old["email"]: "approved"}
    assert (await members_of(api, fr))[stranger["email"]] == "approved"


async def test_a_member_not_yet_approved_loses_an_application_not_a_badge(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _, focal = await _start(api, smtp)
    pending = await member(api, be, "Michel", decision=None)  # submitted: no badge yet
    status, page = await check(focal, pending)
    assert status == 200, page
    assert element(page, "effect-old") == \
        "Anna Michel's application is closed: it can no longer be approved."
    assert "badge" not in element(page, "effect-old")
    assert 'id="effect-old-badge"' not in page  # never approved: no badge was printed


async def test_both_steps_refuse_a_missing_csrf_token(api: Api, smtp: RecordingSMTP) -> None:
    be, old, focal = await _start(api, smtp)
    _, page = await check(focal, old)
    fields = carried(page)
    before = await events(api)
    for extra in ({}, {"confirm": "1"}, {"edit": "1"}):
        without = {k: v for k, v in {**fields, **extra}.items() if k != "csrf"}
        status, page, _ = await focal.go("POST", FORM, without)
        assert status == 403, (extra, page)
        assert 'id="confirm-form"' not in page
        status, page, _ = await focal.go("POST", FORM, {**without, "csrf": "forged"})
        assert status == 403, (extra, page)
    assert await events(api) == before
    assert await members_of(api, be) == {old["email"]: "approved"}


async def test_change_gives_the_form_back_filled(api: Api, smtp: RecordingSMTP) -> None:
    be, old, focal = await _start(api, smtp)
    status, page = await check(focal, old, gender="female", function="Vice-Première ministre",
                          reason="Kept in Brussels; back on Friday.")
    assert status == 200, page
    fields = carried(page)
    assert "Vice-Première ministre" in element(page, "details")
    status, page, _ = await focal.go("POST", FORM, {**fields, "edit": "1"})
    assert status == 200, page
    assert 'id="substitute-form"' in page and 'id="confirm-form"' not in page
    assert re.search(rf'<option value="{old["id"]}" selected>', page)
    assert 'id="given_name" name="given_name" type="text" value="Sophie"' in page
    assert 'value="Wilmès"' in page and 'value="sophie@example.org"' in page
    assert '<option value="fr" selected>' in page and '<option value="female" selected>' in page
    assert 'value="Vice-Première ministre"' in page
    assert element(page, "reason") == "Kept in Brussels; back on Friday."
    assert "has-error" not in page and 'id="form-error"' not in page
    assert await members_of(api, be) == {old["email"]: "approved"}


async def test_the_deadline_and_an_email_filed_meanwhile_are_checked_again(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, old, focal = await _start(api, smtp)
    # An e-mail already filed is refused at the first step, as it was in one step.
    other = await member(api, be, "Michel", rank="minister")
    status, page = await check(focal, old, email=other["email"])
    assert status == 409 and 'id="email-error"' in page
    # a member of the delegation: named, where they are (docs/workspaces.md)
    assert "a member of your delegation" in element(page, "email-error")

    # Filed between the confirmation page and the click: refused on the confirmed POST.
    _, page = await check(focal, old)
    fields = carried(page)
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                     role="protocol", json={
                                         "category": "expert", "given_name": "Sophie",
                                         "family_name": "Wilmès", "email": "sophie@example.org",
                                         "language": "fr", "delegation_id": be["id"]})
    assert status == 201, body
    status, page, _ = await focal.go("POST", FORM, {**fields, "confirm": "1"})
    assert status == 409 and 'id="email-error"' in page, page
    assert (await members_of(api, be))[old["email"]] == "approved"

    # The changes deadline passing between the two steps: refused with the form's message.
    _, page = await check(focal, old, email="paul@example.org")
    fields = carried(page)
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    status, body, _ = await api.call("PATCH", "/api/v1/conferences/alliance/lifecycle",
                                     role="protocol", json={"nominations_close_at": past,
                                                            "changes_close_at": past})
    assert status == 200, body
    status, page, _ = await focal.go("POST", FORM, {**fields, "confirm": "1"})
    assert status == 409, page
    assert element(page, "closed").startswith("Changes and substitutions closed on")
    assert "paul@example.org" not in await members_of(api, be)
    assert (await members_of(api, be))[old["email"]] == "approved"
    # and the first step says so too, before any confirmation page
    status, page = await check(focal, old, email="paul@example.org")
    assert status == 409 and 'id="confirm-form"' not in page
    assert "Changes and substitutions closed on" in text(page)


async def test_the_language_button_keeps_what_was_typed(
    api: Api, smtp: RecordingSMTP
) -> None:
    """On the confirmation, the language button shows the same confirmation in the other
    language, and on the form sent back it gives the form filled, where a link lost everything
    typed (found trying the product). Nothing is written."""
    be, old, focal = await _start(api, smtp)
    before = await events(api)
    status, page = await check(focal, old)
    assert status == 200 and 'id="confirm-form"' in page
    action, fields = switch_fields(page)
    assert action == f"{PORTAL}/substitute?lang=fr"
    assert "confirm" not in fields and fields["email"] == "sophie@example.org"
    status, page, _ = await focal.go("POST", action, fields)
    assert status == 200
    assert element(page, "confirm-who").startswith("Sophie Wilmès remplacera ")
    assert await events(api) == before

    # the form sent back with an error: the button gives it back filled, in English
    status, page = await check(focal, old, email="sophie@")
    assert status == 422
    action, fields = switch_fields(page)
    assert fields["edit"] == "1"
    status, page, _ = await focal.go("POST", action, fields)
    assert status == 200 and '<html lang="fr"' in page
    assert hidden(page, "csrf")
    assert 'value="Wilmès"' in page and 'value="sophie@"' in page
    assert await events(api) == before


async def test_the_header_s_language_control_keeps_the_form_first_shown(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The substitution form first shown: the header's language control submits it with
    ``edit`` (docs/workspaces.md, "The language control"), the form back filled in the other
    language, nothing checked, nothing written."""
    be, old, focal = await _start(api, smtp)
    before = await events(api)
    _, page, _ = await focal.go("GET", FORM)
    action, fields = switch_fields(page)
    assert action == f"{PORTAL}/substitute?lang=fr" and fields["edit"] == "1"
    status, page, _ = await focal.go("POST", action, {
        **fields, "member": old["id"], "given_name": "Sophie", "reason": "Retenu à Bruxelles"})
    assert status == 200 and '<html lang="fr"' in page
    assert 'value="Sophie"' in page and "Retenu à Bruxelles" in page
    assert re.search(rf'<option value="{old["id"]}"\s+selected', page)
    assert 'id="error-summary"' not in page and 'id="confirm-form"' not in page
    assert await events(api) == before


async def test_the_confirmation_says_the_member_s_visa_letter_goes_with_the_place(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A member with an approved visa letter: the confirmation says the letter is cancelled
    and the substitute may request their own (tryout: only the letter that followed said it;
    the page's list of what follows did not)."""
    _, old, focal = await _start(api, smtp)
    old_name = f"{old['given_name']} {old['family_name']}"
    status, page = await check(focal, old)
    assert 'id="effect-visa"' not in page  # no letter: nothing said
    status, letter, _ = await api.call(
        "POST", f"/api/v1/accreditations/{old['id']}/visa-letter", role=old["access_token"],
        json={"passport_name": "Didier REYNDERS", "passport_number": "EN1234567",
              "nationality": "BE", "date_of_birth": "1958-08-06",
              "consulate": "Consulate General of France in Brussels"})
    assert status == 201, letter
    status, page = await check(focal, old)
    assert element(page, "effect-visa") == (
        f"The request for a visa invitation letter for {old_name} is closed. Sophie Wilmès can "
        "request one in their own name.")
    status, approved, _ = await api.call(
        "POST", f"/api/v1/visa-letters/{letter['id']}/decision", role="protocol",
        json={"decision": "approve"})
    assert status == 200, approved
    status, page = await check(focal, old)
    assert element(page, "effect-visa") == (
        f"Visa invitation letter no. {approved['number']} of {old_name} is cancelled: it is no "
        "longer valid for the consulate. Sophie Wilmès can request one in their own name.")
    _, fr_page, _ = await focal.go("POST", f"{PORTAL}/substitute?lang=fr", carried(page))
    assert element(fr_page, "effect-visa") == (
        f"La lettre d'invitation pour le visa n° {approved['number']} d'{old_name} est "
        "annulée : elle ne vaut plus auprès du consulat. Sophie Wilmès peut en demander une à "
        "son nom.")


async def test_the_confirmation_says_a_part_on_a_session_waits_for_the_next_publication(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried on the meeting's day (5 December 2026): the substitute of the royal opening's
    speaker was invited to it only when protocol published again, and nothing had said so.
    The confirmation names the sessions whose part passes, and when the invitation follows."""
    _, old, focal = await _start(api, smtp)
    status, page = await check(focal, old)
    assert 'id="effect-parts"' not in page  # on no session: nothing said
    _, conf, _ = await api.call("GET", "/api/v1/conferences/alliance")
    hall = await make_room(api, "Plenary hall")
    opening = await make_session(api, hall, at(conf, 9), at(conf, 10))
    closing = await make_session(api, hall, at(conf, 16), at(conf, 17),
                                 title={"fr": "Clôture", "en": "Closing"})
    await participant(api, opening, old, role="speaker")
    await participant(api, closing, old, role="chair")
    status, page = await check(focal, old)
    assert element(page, "effect-parts") == (
        "Sophie Wilmès takes Anna Reynders's part on “Opening session” (speaker) and "
        "“Closing” (chair): the invitation as such goes out when the protocol service next "
        "publishes the programme.")
    _, fr_page, _ = await focal.go("POST", f"{PORTAL}/substitute?lang=fr", carried(page))
    assert element(fr_page, "effect-parts").startswith(
        "Sophie Wilmès prend la place d'Anna Reynders sur « Séance d'ouverture » "
        "(orateur) et « Clôture » (présidence) :")


async def test_an_empty_form_names_every_missing_field_at_once(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried with a screen reader (5 December 2026): the form sent empty named "Member
    replaced" alone; the three empty required fields came only on the second try, a second
    round through the errors. Every field's error comes at once."""
    _, _, focal = await _start(api, smtp)
    status, page, _ = await focal.post_form(FORM, FORM, member="", given_name="",
                                            family_name="", email="", reason="")
    assert status == 422, page
    for field in ("member", "given_name", "family_name", "email"):
        assert f'id="{field}-error"' in page, field
    summary = page[page.index('id="error-summary"'):]
    summary = summary[:summary.index("</div>")]
    assert all(f'href="#{f}"' in summary for f in ("member", "given_name", "family_name",
                                                    "email")), summary
