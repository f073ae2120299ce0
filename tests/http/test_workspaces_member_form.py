"""The portal's member forms (new and edit) as a focal point meets them (docs/workspaces.md,
"The member form"): the page says per field and per category what is required, as the server
checks it; every error comes at once; the language button of a form sent back keeps what was
typed. Found in a user test: errors came in waves, an expert without a language was accepted
under "all fields are required", and the language link emptied the form. A real database."""

from __future__ import annotations

import re

import asyncpg

from tests.browser.helpers import element, hidden, member, switch_fields
from tests.conftest import Api
from tests.http.test_workspaces import _setup, _signed_in
from tests.support import RecordingSMTP

PORTAL = "/delegation/alliance-be"


def _flagged(page: str) -> list[str]:
    """The fields the page marks in error, in the page's order."""
    return re.findall(r'<p class="error" id="([a-z_]+)-error"', page)


def _label(page: str, name: str) -> str:
    label = re.search(rf'<label for="{name}">(.*?)</label>', page, re.S)
    assert label, name
    return " ".join(re.sub(r"<[^>]+>", "", label.group(1)).split())


def _required(page: str, name: str) -> bool:
    tag = re.search(rf'<(?:input|select)[^>]*id="{name}"[^>]*>', page)
    assert tag, name
    return " required" in tag.group(0)


async def test_the_form_says_what_is_required_and_names_every_error_at_once(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    _, link = await _setup(api, smtp)
    v = await _signed_in(api, link)
    _, form, _ = await v.go("GET", f"{PORTAL}/members/new?lang=fr")
    # what the page says matches what the server requires
    for name in ("category", "given_name", "family_name", "email", "language"):
        assert _required(form, name), name
    for name in ("gender", "rank", "function"):
        assert not _required(form, name), name
    assert _label(form, "gender").endswith("(facultatif)")
    for name in ("rank", "function"):
        assert _label(form, name).endswith(
            "(obligatoire pour un ministre ou un fonctionnaire, facultatif pour un expert)")

    # an empty form: every field the server requires, at once (the language too)
    status, page, _ = await v.go("POST", f"{PORTAL}/members?lang=fr", {
        "csrf": hidden(form, "csrf"), "language": ""})
    assert status == 422
    assert _flagged(page) == ["category", "given_name", "family_name", "email", "language"]
    # a minister: the names, the language, the rank and the function at once
    status, page, _ = await v.go("POST", f"{PORTAL}/members?lang=fr", {
        "csrf": hidden(form, "csrf"), "category": "minister", "family_name": "Lahbib",
        "email": "not-an-address"})
    assert status == 422
    assert _flagged(page) == ["given_name", "email", "language", "rank", "function"]
    assert element(page, "function-error") == \
        "Erreur : Obligatoire pour un ministre ou un fonctionnaire."
    # an expert without a language is not accepted; without rank or function, it is
    status, page, _ = await v.go("POST", f"{PORTAL}/members?lang=en", {
        "csrf": hidden(form, "csrf"), "category": "expert", "given_name": "Els",
        "family_name": "Janssens", "email": "els@example.org"})
    assert status == 422
    assert _flagged(page) == ["language"]
    assert await db.fetchval("SELECT count(*) FROM accreditation WHERE email = $1",
                             "els@example.org") == 0
    status, _, _ = await v.go("POST", f"{PORTAL}/members?lang=en", {
        "csrf": hidden(form, "csrf"), "category": "expert", "given_name": "Els",
        "family_name": "Janssens", "email": "els@example.org", "language": "en"})
    assert status == 303


async def test_the_language_button_keeps_what_was_typed_on_the_new_and_edit_forms(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    _, link = await _setup(api, smtp)
    v = await _signed_in(api, link)
    _, form, _ = await v.go("GET", f"{PORTAL}/members/new?lang=fr")
    typed = {"category": "minister", "given_name": "Hadja", "family_name": "Lahbib",
             "email": "h.lahbib@example.org", "language": "fr", "gender": "female",
             "rank": "minister", "function": ""}
    status, page, _ = await v.go("POST", f"{PORTAL}/members?lang=fr", {
        "csrf": hidden(form, "csrf"), **typed})
    assert status == 422
    action, fields = switch_fields(page)
    assert action == f"{PORTAL}/members?lang=en"
    assert fields["switch"] == "1" and fields["given_name"] == "Hadja"
    status, page, _ = await v.go("POST", action, fields)
    assert status == 200  # shown again, in English, filled, with its error; not filed
    assert '<html lang="en">' in page
    assert 'value="Hadja"' in page and 'value="h.lahbib@example.org"' in page
    assert '<option value="minister" selected>' in page
    assert element(page, "function-error") == "Error: Required for a minister or an official."
    assert await db.fetchval("SELECT count(*) FROM accreditation WHERE email = $1",
                             typed["email"]) == 0
    # …and a complete form switched is still not filed
    action, fields = switch_fields(page)
    status, page, _ = await v.go("POST", action, {**fields, "function": "Ministre"})
    assert status == 200 and '<html lang="fr">' in page and 'id="error-summary"' not in page
    assert await db.fetchval("SELECT count(*) FROM accreditation WHERE email = $1",
                             typed["email"]) == 0

    # the edit form the same way
    status, _, _ = await v.go("POST", f"{PORTAL}/members?lang=en", {
        "csrf": hidden(page, "csrf"), **typed, "function": "Minister"})
    assert status == 303
    member_id = await db.fetchval("SELECT id FROM accreditation WHERE email = $1",
                                  typed["email"])
    edit = f"{PORTAL}/members/{member_id}/edit"
    _, form, _ = await v.go("GET", f"{edit}?lang=en")
    status, page, _ = await v.go("POST", f"{edit}?lang=en", {
        "csrf": hidden(form, "csrf"), **typed, "given_name": "Hadja B.", "function": "",
        "language": ""})
    assert status == 422
    assert _flagged(page) == ["language", "function"]
    action, fields = switch_fields(page)
    assert action == f"{edit}?lang=fr"
    status, page, _ = await v.go("POST", action, fields)
    assert status == 200 and '<html lang="fr">' in page
    assert 'value="Hadja B."' in page
    assert _flagged(page) == ["language", "function"]
    assert await db.fetchval("SELECT given_name FROM accreditation WHERE id = $1",
                             member_id) == "Hadja"


async def test_the_header_s_language_control_keeps_a_form_never_sent(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    """The header's « English » on the new member form first shown submits it to the switch
    (docs/workspaces.md, "The language control"): the form in English with what was half
    typed, no error (nothing was asked of it yet), nothing filed; the edit form the same."""
    _, link = await _setup(api, smtp)
    v = await _signed_in(api, link)
    _, form, _ = await v.go("GET", f"{PORTAL}/members/new?lang=fr")
    assert f'<a href="{PORTAL}/members/new?lang=en"' not in form
    action, fields = switch_fields(form)
    assert action == f"{PORTAL}/members?lang=en" and fields["switch"] == "1"
    status, page, _ = await v.go("POST", action, {**fields, "category": "minister",
                                                  "given_name": "Hadja",
                                                  "email": "h.lahbib@example.org"})
    assert status == 200 and '<html lang="en">' in page
    assert 'value="Hadja"' in page and 'value="h.lahbib@example.org"' in page
    assert '<option value="minister" selected>' in page
    assert _flagged(page) == [] and 'id="error-summary"' not in page
    assert await db.fetchval("SELECT count(*) FROM accreditation") == 0


async def test_a_full_quota_names_the_category_and_what_to_do_next(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Trying the product as a ministry's focal point (1 December 2026): a second minister
    beyond a quota of one was answered "Quota atteint pour cette catégorie : 1 place prise sur
    1." under "Corrigez les champs signalés", and no correction of the form could pass. The
    error names the category, and the two ways on: a place from the protocol service, at its
    address, or a substitution; what was typed is kept."""
    deleg, link = await _setup(api, smtp)
    status, body, _ = await api.call("PUT", f"/api/v1/delegations/{deleg['id']}/quotas",
                                     role="protocol", json={"minister": 1})
    assert status == 200, body
    v = await _signed_in(api, link)
    _, form, _ = await v.go("GET", f"{PORTAL}/members/new?lang=fr")
    minister = {"csrf": hidden(form, "csrf"), "category": "minister", "given_name": "Hadja",
                "family_name": "Lahbib", "email": "hadja@example.org", "language": "fr",
                "rank": "foreign_minister", "function": "Ministre des Affaires étrangères"}
    status, _, _ = await v.go("POST", f"{PORTAL}/members?lang=fr", minister)
    assert status == 303
    second = {**minister, "given_name": "Maxime", "family_name": "Prévot",
              "email": "maxime@example.org", "rank": "minister", "function": "Ministre"}
    status, page, _ = await v.go("POST", f"{PORTAL}/members?lang=fr", second)
    assert status == 409
    said = element(page, "category-error").replace("\u00a0", " ")
    assert "Quota atteint pour la catégorie « Ministre » : 1 place prise sur 1." in said, said
    assert "service du protocole (organiser@example.org)" in said, said
    assert "remplacez un membre de cette catégorie" in said, said
    assert 'value="Prévot"' in page  # nothing typed is lost
    status, page, _ = await v.go("POST", f"{PORTAL}/members?lang=en", second)
    said = element(page, "category-error")
    assert "The quota for “Minister” is reached: 1 of 1 place taken." in said, said
    assert "contact the protocol service (organiser@example.org)" in said, said


async def test_a_conference_over_closes_the_forms_as_its_deadlines_say(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    """Deadlines left open close with the conference: once it is over the portal offers no
    form, and says when they closed as its deadlines do, the last minute of the last day
    (it said "le 6 décembre 2012 à 00:00" under "le 5 décembre 2012 à 23:59", trying the
    product on the 2012 launch)."""
    deleg, link = await _setup(api, smtp)
    await db.execute("UPDATE conference SET starts_on = '2012-12-05', ends_on = '2012-12-05',"
                     " nominations_close_at = NULL, changes_close_at = NULL,"
                     " security_list_deadline = NULL")
    v = await _signed_in(api, link)
    status, page, _ = await v.go("GET", f"{PORTAL}?lang=fr")
    assert status == 200 and 'id="register-member"' not in page
    said = element(page, "closed-nominations").replace("\u00a0", " ")
    assert "depuis le 5 décembre 2012 à 23:59 (heure de Bruxelles, CET)" in said, said
    assert "depuis le 5 décembre 2012 à 23:59 (heure de Bruxelles, CET)" in element(
        page, "deadline-nominations").replace("\u00a0", " ")
    status, page, _ = await v.go("GET", f"{PORTAL}/substitute?lang=en")
    said = element(page, "closed")
    assert said.startswith("Changes and substitutions closed on 5 December 2012, 23:59"), said
    assert 'id="substitute-form"' not in page


async def test_the_function_s_label_reads_with_one_bracket_after_it(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tryout: the forms labelled the function « Fonction (intitulé officiel) (facultatif) »,
    two brackets in a row; the label now reads « Fonction, intitulé officiel », its one
    bracket the field's own (optional, or when it is required), on the member form and the
    substitution's, in both languages."""
    be, link = await _setup(api, smtp)
    old = await member(api, be, "Reynders", rank="foreign_minister")
    v = await _signed_in(api, link)
    for lang, new_form, substitute in (
            ("fr", "Fonction, intitulé officiel (obligatoire pour un ministre ou un "
                   "fonctionnaire, facultatif pour un expert)",
             "Fonction, intitulé officiel (facultatif)"),
            ("en", "Function, official title (required for a minister or an official, "
                   "optional for an expert)",
             "Function, official title (optional)")):
        _, form, _ = await v.go("GET", f"{PORTAL}/members/new?lang={lang}")
        assert _label(form, "function") == new_form
        _, form, _ = await v.go("GET", f"{PORTAL}/substitute?lang={lang}&member={old['id']}")
        assert _label(form, "function") == substitute
        assert ") (" not in form
