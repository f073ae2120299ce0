"""The press form sent back (an error, an expired token), then the language button: the form
again in the other language, filled with what was typed, its errors in that language, and
never filed, whatever the fields hold (found trying the product: the language link lost
everything typed)."""

from __future__ import annotations

import re
from typing import Any

import asyncpg

from conference.settings import Settings
from tests.browser.helpers import element, press, switch_fields, text
from tests.conftest import Api
from tests.http.test_pages import FORM, _count, _get, _post, _submit
from tests.support import RecordingSMTP


async def _events(api: Api) -> int:
    conn = await asyncpg.connect(api.db_url)
    try:
        return int(await conn.fetchval("SELECT count(*) FROM domain_event"))
    finally:
        await conn.close()


async def _nothing_mailed_to(smtp: RecordingSMTP, api: Api, address: str) -> None:
    """No mail to ``address``: another application filed after, its notice on the server, so
    the outbox has run past anything the switches could have left."""
    status, _, _ = await _submit(api, lang="en", email="witness@example.org")
    assert status == 200
    await smtp.wait_for(1, where=lambda m: "witness@example.org" in m["To"])
    assert [m for m in smtp.messages if address in str(m["To"])] == []


async def test_the_language_button_after_an_error_keeps_what_was_typed_and_files_nothing(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    before = await _events(api)
    status, page, _ = await _submit(api, lang="fr", email="marie.dupont@")
    assert status == 422
    assert "Adresse électronique non valide" in element(page, "email-error")
    action, fields = switch_fields(page)
    assert action == "/alliance/press?lang=en"
    assert fields["switch"] == "1" and fields["csrf"]
    assert fields["email"] == "marie.dupont@" and fields["outlet"] == "Le Soir"

    status, page, resp = await _post(api, action, fields)
    assert status == 200
    assert resp.headers["Cache-Control"] == "no-store"
    assert '<html lang="en">' in page
    assert "Press accreditation request" in page
    for value in ("Marie", "Dupont", "marie.dupont@", "Le Soir", "BE-1000"):
        assert f'value="{value}"' in page, value
    assert re.search(r'<option value="journalist"\s+selected', page)
    assert re.search(r'<option value="BE"\s+selected', page)
    assert "Not a valid email address" in element(page, "email-error")
    assert "The application was not sent" in text(page)
    assert 'href="#email"' in page

    # and back to French from the English page, the same way
    action, fields = switch_fields(page)
    assert action == "/alliance/press?lang=fr"
    status, page, _ = await _post(api, action, fields)
    assert status == 200 and '<html lang="fr">' in page
    assert 'value="marie.dupont@"' in page
    assert "Adresse électronique non valide" in element(page, "email-error")

    # a button whose fields are all valid still files nothing: the form, filled, no error
    status, page, _ = await _post(api, "/alliance/press?lang=en",
                                  {**fields, "email": "marie.dupont@example.org"})
    assert status == 200 and '<html lang="en">' in page
    assert 'value="marie.dupont@example.org"' in page
    assert 'id="error-summary"' not in page and 'id="press-form"' in page
    assert "Request received" not in page
    assert await _count(api) == 0 and await _events(api) == before
    await _nothing_mailed_to(smtp, api, "marie.dupont@")


async def test_the_language_button_shows_a_duplicate_in_the_other_language(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    assert (await _submit(api))[0] == 200
    status, page, _ = await _submit(api, lang="en", family_name="Durand")
    assert status == 409
    assert "There is already an application" in element(page, "email-error")
    action, fields = switch_fields(page)
    status, page, _ = await _post(api, action, fields)
    assert status == 200 and '<html lang="fr">' in page
    assert "Une demande existe déjà pour cette adresse électronique" in element(
        page, "email-error")
    assert 'value="Durand"' in page
    assert await _count(api) == 1


async def test_the_language_button_needs_the_form_s_token(
    api: Api, conference: dict[str, Any]
) -> None:
    before = await _events(api)
    await _get(api, "/alliance/press")  # the browser holds the cookie
    status, page, _ = await _post(api, "/alliance/press?lang=en",
                                  {**FORM, "switch": "1", "csrf": "forged.token"})
    assert status == 403
    assert "The form expired or could not be verified" in element(page, "form-message")
    assert 'value="Le Soir"' in page
    # the expired form's own button: a fresh token, and it works
    action, fields = switch_fields(page)
    status, page, _ = await _post(api, action, fields)
    assert status == 200 and '<html lang="fr">' in page and 'value="Le Soir"' in page
    assert await _count(api) == 0 and await _events(api) == before


async def test_the_header_s_language_control_on_a_form_never_sent_keeps_what_is_typed(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """The header's « English » on the form first shown submits the form to the switch (a link
    lost what a journalist had typed): the form in English, filled, without an error (nothing
    was asked of it yet), and nothing filed."""
    before = await _events(api)
    _, page, _ = await _get(api, "/alliance/press?lang=fr")
    assert '<a href="/alliance/press?lang=en"' not in page
    action, fields = switch_fields(page)
    assert action == "/alliance/press?lang=en"
    assert fields["switch"] == "1" and fields["csrf"] and "sent" not in fields
    half = {**fields, "given_name": "Marie", "family_name": "Dupont", "email": "",
            "outlet": "Le Soir", "role": "photographer", "country": ""}
    status, page, _ = await _post(api, action, half)
    assert status == 200 and '<html lang="en">' in page
    assert 'value="Marie"' in page and 'value="Le Soir"' in page
    assert re.search(r'<option value="photographer"\s+selected', page)
    assert 'id="error-summary"' not in page and "has-error" not in page
    assert await _count(api) == 0 and await _events(api) == before
    await _nothing_mailed_to(smtp, api, "marie.dupont@")


async def test_a_closed_window_keeps_the_plain_language_link(
    api: Api, conference: dict[str, Any]
) -> None:
    conn = await asyncpg.connect(api.db_url)
    try:
        await conn.execute("UPDATE conference SET press_closes_at = now() - interval '1 day',"
                           " press_opens_at = now() - interval '10 days'")
    finally:
        await conn.close()
    _, page, _ = await _get(api, "/alliance/press?lang=fr")
    assert '<a href="/alliance/press?lang=en" hreflang="en" lang="en"' in page
    assert 'id="press-form"' not in page


async def test_the_language_button_counts_against_the_registration_limit(
    db_url: str, settings: Settings
) -> None:
    """The button says whether an address has applied, as a filing does: it is limited as a
    filing is, so that no one learns who applied by pressing it again and again."""
    from tests.conftest import conference_body, start_api
    from tests.http.test_reliability_http import _with

    limited = await start_api(db_url, _with(
        settings, limits={"registrations_per_minute": 1, "registration_burst": 2}),
        run_worker=False)
    try:
        status, body, _ = await limited.call("POST", "/api/v1/conferences", role="admin",
                                             json=conference_body())
        assert status == 201, body
        status, page, _ = await _submit(limited, lang="fr", email="marie.dupont@")
        assert status == 422
        action, fields = switch_fields(page)
        statuses = []
        for _ in range(3):
            status, page, _ = await _post(limited, action, fields)
            statuses.append(status)
        assert statuses == [200, 429, 429], statuses
        assert "Too many" in text(page) or "Trop" in text(page)
        assert 'value="marie.dupont@"' in page  # what was typed is kept all the same
    finally:
        await limited.client.close()


async def test_the_language_button_takes_the_correspondence_language_along(
    api: Api, conference: dict[str, Any]
) -> None:
    """Found in a user test: a journalist who opened the form in English and turned the page
    to French read « Langue de correspondance : Anglais »: the select kept the first page's
    language, and the letters would have come in English. The language control now sets it to
    the page's new language; it stays a choice on the form (docs/workspaces.md, "The language
    control")."""
    def chosen(page: str) -> str:
        select = page[page.index('name="language"'):]
        select = select[:select.index("</select>")]
        [value] = re.findall(r'<option value="(\w+)"(?: lang="\w+")?\s+selected', select)
        return value

    status, page, _ = await _get(api, "/alliance/press?lang=en")
    assert status == 200 and chosen(page) == "en"
    action, fields = switch_fields(page)
    assert fields["language"] == "en"
    status, page, _ = await _post(api, action, {**fields, "given_name": "Marie"})
    assert status == 200 and '<html lang="fr">' in page
    assert chosen(page) == "fr" and 'value="Marie"' in page
    # and back
    action, fields = switch_fields(page)
    status, page, _ = await _post(api, action, fields)
    assert '<html lang="en">' in page and chosen(page) == "en"
    assert await _count(api) == 0


async def test_the_press_roles_are_offered_for_women_and_men_alike(
    api: Api, conference: dict[str, Any]
) -> None:
    """The public form offered « Technicien » to every applicant, where the workspaces write
    « Technicien ou technicienne » of a person whose salutation is not known (a user test)."""
    _, page, _ = await _get(api, "/alliance/press?lang=fr")
    assert re.search(r'<option value="technician"[^>]*>Technicien ou technicienne</option>',
                     page), page
    _, page, _ = await _get(api, "/alliance/press?lang=en")
    assert re.search(r'<option value="technician"[^>]*>Technician</option>', page)


async def test_the_applicant_s_page_names_her_role_in_her_form(
    api: Api, conference: dict[str, Any]
) -> None:
    """Her own page names a technician who said « Madame » « Technicienne », not both forms."""
    for n, salutation, expected in ((1, "mrs", "Technicienne"), (2, "mr", "Technicien"),
                                    (3, "neutral", "Technicien ou technicienne")):
        created = await press(api, n, salutation=salutation, press={
            "outlet": "RTBF", "press_card_number": f"BE-{n}", "role": "technician",
            "country": "BE"})
        status, page, _ = await _get(api, f"/a/{created['access_token']}?lang=fr")
        assert status == 200, page
        assert element(page, "press-role") == expected


async def test_the_language_choices_say_which_language_they_are_written_in(
    api: Api, conference: dict[str, Any]
) -> None:
    """Tried with a screen reader (5 December 2026): on the English press form, « Français »
    was read with English sounds. Each language is named in itself, and marked so."""
    for lang in ("en", "fr"):
        status, page, _ = await _get(api, f"/alliance/press?lang={lang}")
        assert status == 200
        assert re.search(r'<option value="fr" lang="fr"[^>]*>Français</option>', page), lang
        assert re.search(r'<option value="en" lang="en"[^>]*>English</option>', page), lang
