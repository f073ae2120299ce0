"""A new conference from the console (docs/workspaces.md, "A new conference"): an administrator
of every conference signed in on a fresh installation found "No conference is entrusted to
you." and no way on; the console now has the form, the API's use-case behind it, dates and
times read in the conference's zone, every error on its field in the page's language."""

from __future__ import annotations

import asyncio
import html
import re
from typing import Any

from tests.browser.helpers import element
from tests.conftest import Api, conference_body
from tests.http.test_console import staff
from tests.http.test_workspaces import _signed_in, link_in
from tests.support import RecordingSMTP

NEW = "/manage/conferences/new"
FORM = {
    "languages": "fr,en",
    "title_fr": "Alliance mondiale : réunion sur le plan d'action",
    "title_en": "Global Alliance: action-plan meeting",
    "short_fr": "Alliance 2027", "short_en": "",
    "slug": "alliance-avril", "organiser_email": "protocole@example.org",
    "venue_fr": "Palais d'Egmont", "venue_en": "Egmont Palace",
    "venue_address": "Place du Petit Sablon 8, 1000 Bruxelles",
    "timezone": "Europe/Brussels", "starts_on": "2027-04-15", "ends_on": "2027-04-16",
    "patron_name": "Queen Paola of Belgium", "patron_title": "queen",
    "patron_style_fr": "S.M. la Reine Paola de Belgique",
    "patron_style_en": "H.M. Queen Paola of Belgium",
    "host1_name": "Cecilia Malmström", "host1_rank": "minister",
    "host1_function_fr": "Commissaire européenne", "host1_function_en": "European Commissioner",
    "press_opens_at": "2027-01-10T09:00", "press_closes_at": "2027-04-10T18:00",
    "pool_capacity": "40", "security_list_deadline": "2027-04-12T12:00",
    "spokesperson1_name": "Michele Cercone", "spokesperson1_phone": "+32 2 298 09 63",
    "spokesperson1_email": "michele.cercone@example.org",
    "privacy_controller": "European Commission, DG Home Affairs",
    "privacy_dpo_email": "dpo@example.org",
    "tie_break": "eu_protocol", "presidency": "LT",
}
TICKED = {"language_fr": "1", "language_en": "1", "first_language": "fr"}
"""The details page's languages: both ticked, French first."""


async def test_an_administrator_creates_a_conference_in_the_console(
    api: Api, smtp: RecordingSMTP
) -> None:
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    status, page, _ = await admin.go("GET", "/manage?lang=en")
    assert status == 200 and 'href="/manage/conferences/new?lang=en"' in page
    assert "No conference yet." in page
    # the venue's time zone is picked from the list the details page offers (a secretariat
    # typed "Malta" and was refused, 5 December 2026); Brussels until another is picked
    status, page, _ = await admin.go("GET", f"{NEW}?lang=en")
    zone = re.search(r'<select id="timezone" name="timezone"[^>]*>(.*?)</select>', page, re.S)
    assert zone is not None, page
    assert '<option value="Europe/Malta">Europe/Malta</option>' in zone.group(1)
    assert '<option value="Europe/Brussels" selected>' in zone.group(1)

    status, _, resp = await admin.post_form(f"{NEW}?lang=en", f"{NEW}?lang=en", **FORM)
    assert status == 303, _
    assert resp.headers["Location"].startswith("/manage/alliance-avril?lang=en")
    status, page, _ = await admin.go("GET", resp.headers["Location"])
    assert status == 200 and "Conference created." in element(page, "flash")

    status, c, _ = await api.call("GET", "/api/v1/conferences/alliance-avril")
    assert status == 200
    assert c["title"]["en"] == "Global Alliance: action-plan meeting"
    assert c["short_name"] == {"fr": "Alliance 2027", "en": "Alliance 2027"}
    assert c["venue"]["names"] == {"fr": "Palais d'Egmont", "en": "Egmont Palace"}
    assert c["venue"]["name"] == "Palais d'Egmont"
    assert c["patron"]["title"] == "queen"
    assert c["hosts"][0]["rank"] == "minister"
    assert c["protocol"]["presidency"] == "LT"
    # times typed at the venue: Brussels, winter then summer time
    assert c["press_registration"] == {"opens_at": "2027-01-10T08:00:00Z",
                                       "closes_at": "2027-04-10T16:00:00Z", "pool_capacity": 40}
    assert c["security_list_deadline"] == "2027-04-12T10:00:00Z"
    # the privacy notice names its controller, not the conference's title
    assert c["privacy"]["controller"] == "European Commission, DG Home Affairs"
    assert c["privacy"]["dpo_email"] == "dpo@example.org"
    status, notice, _ = await admin.go("GET", "/alliance-avril/press?lang=en")
    assert status == 200 and "European Commission, DG Home Affairs" in notice
    assert c["spokespersons"] == [{"name": "Michele Cercone", "phone": "+3222980963",
                                   "email": "michele.cercone@example.org"}]

    # the same identifier again: refused on its field, what was typed kept
    status, page, _ = await admin.post_form(f"{NEW}?lang=fr", f"{NEW}?lang=fr", **FORM)
    assert status == 409
    assert "Une conférence porte déjà l'identifiant « alliance-avril »" in element(
        page, "slug-error")
    assert 'value="Palais d&#39;Egmont"' in page or "value=\"Palais d'Egmont\"" in page


async def test_every_error_is_named_on_its_field_at_once(api: Api, smtp: RecordingSMTP) -> None:
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    wrong = {**FORM, "slug": "Alliance Avril", "title_fr": "",
             "ends_on": "2027-04-14", "press_closes_at": "2027-01-01T09:00",
             "pool_capacity": "", "spokesperson1_phone": "call me",
             "host2_function_en": "Attorney General", "organiser_email": "protocole",
             "security_list_deadline": "2027-03-28T02:30", "privacy_controller": "",
             "presidency": "GB"}
    status, page, _ = await admin.post_form(f"{NEW}?lang=en", f"{NEW}?lang=en", **wrong)
    assert status == 422
    summary = element(page, "error-summary")
    for field, words in {
        "title_fr": "Required in the conference's first language.",
        "slug": "lower-case letters",
        "organiser_email": "Not a valid email address",
        "ends_on": "The last day cannot come before the first.",
        "host2_name": "Give the host's name",
        "press_closes_at": "Registration must close after it opens.",
        "pool_capacity": "This field is required.",
        "security_list_deadline": "This time does not exist on that day",
        "spokesperson1_phone": "Not a valid phone number",
        "privacy_controller": "Name the data controller this officer works for.",
        "presidency": "This state is not an EU member on the conference's first day.",
    }.items():
        assert words in element(page, f"{field}-error"), (field, page)
    assert summary.index("Title in French") < summary.index("Identifier in addresses") \
        < summary.index("Last day") < summary.index("Spokesperson 1 – Phone")
    assert 'id="title_en-error"' not in page  # the second language follows the first
    status, c, _ = await api.call("GET", "/api/v1/conferences/alliance-avril")
    assert status == 404

    # in French, the page's own words; a time zone that is not one
    status, page, _ = await admin.post_form(f"{NEW}?lang=fr", f"{NEW}?lang=fr",
                                            **{**wrong, "timezone": "Brussels"})
    assert status == 422
    assert "Fuseau horaire inconnu" in element(page, "timezone-error")
    assert "Numéro de téléphone non valide" in element(page, "spokesperson1_phone-error")


async def test_only_an_administrator_of_every_conference_creates_one(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", "/manage?lang=en")
    assert status == 200 and "/manage/conferences/new" not in page
    status, _, _ = await protocol.go("GET", NEW)
    assert status == 403
    scoped = await staff(api, smtp, "admin2@example.org", "admin")  # of "alliance" only
    status, _, _ = await scoped.go("GET", NEW)
    assert status == 403


async def test_an_administrator_adds_the_conference_staff_in_the_console(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The conference made, its protocol officer could only be given access with the API or
    the command line; the console's staff page does it, and the welcome mail follows."""
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    status, _, resp = await admin.post_form(f"{NEW}?lang=en", f"{NEW}?lang=en", **FORM)
    assert status == 303
    status, page, _ = await admin.go("GET", "/manage/alliance-avril?lang=fr")
    assert 'href="/manage/alliance-avril/staff?lang=fr"' in page
    path = "/manage/alliance-avril/staff"
    status, page, _ = await admin.go("GET", f"{path}?lang=fr")
    assert status == 200 and 'id="staff-none"' in page
    # no role chosen for the administrator: the field asks for one
    roles = page.split('id="role"')[1].split("</select>")[0]
    assert roles.count("selected") == 1 and '<option value="" selected>' in roles, roles
    status, page, _ = await admin.post_form(f"{path}?lang=en", f"{path}?lang=en",
                                            name="Sophie Laurent",
                                            email="sophie.laurent@example.org", role="",
                                            language="fr")
    assert status == 422 and element(page, "role-error") == "Error: Choose this person's role."
    # errors on their fields, in the page's language, nothing sent
    status, page, _ = await admin.post_form(f"{path}?lang=fr", f"{path}?lang=fr", name="",
                                            email="sophie", role="protocol", language="fr")
    assert status == 422
    assert "Ce champ est obligatoire." in element(page, "name-error")
    assert "Adresse électronique non valide" in element(page, "email-error")
    # an address left empty is missing, not mistyped (a tryout: it said « non valide »)
    status, page, _ = await admin.post_form(f"{path}?lang=fr", f"{path}?lang=fr",
                                            name="Sophie Laurent", email="", role="protocol",
                                            language="fr")
    assert status == 422
    assert element(page, "email-error") == "Erreur : Ce champ est obligatoire."
    status, _, resp = await admin.post_form(f"{path}?lang=fr", f"{path}?lang=fr",
                                            name="Sophie Laurent",
                                            email="sophie.laurent@example.org",
                                            role="protocol", language="fr")
    assert status == 303
    status, page, _ = await admin.go("GET", resp.headers["Location"])
    assert element(page, "flash").startswith("Accès ouvert à Sophie Laurent : Protocole")
    assert "sophie.laurent@example.org" in element(page, "staff")
    [welcome] = await smtp.wait_for(1, where=lambda m: "sophie.laurent@" in m["To"])
    assert welcome["Content-Language"] == "fr" or "Bonjour Sophie Laurent" in str(welcome)
    # the same person and role again: said on the address, no second mail announced
    status, page, _ = await admin.post_form(f"{path}?lang=en", f"{path}?lang=en",
                                            name="Sophie Laurent",
                                            email="Sophie.Laurent@example.org",
                                            role="protocol", language="fr")
    assert status == 409
    assert "already has this role" in element(page, "email-error")
    # a known address given another name, and another role: the name kept is the one greeted
    status, _, resp = await admin.post_form(f"{path}?lang=en", f"{path}?lang=en",
                                            name="S. Laurent-Marchal",
                                            email="sophie.laurent@example.org",
                                            role="security", language="en")
    assert status == 303
    status, page, _ = await admin.go("GET", resp.headers["Location"])
    assert element(page, "flash") == (
        "Sophie Laurent added to the staff: Security service. The address was already known "
        "under this name, which is kept (the name typed, \"S. Laurent-Marchal\", is not used). "
        "The welcome mail goes with a sign-in link.")
    assert "Laurent-Marchal" not in element(page, "staff")
    # the protocol officer signs in and opens the console; a protocol officer adds nobody
    officer = await _signed_in(api, link_in(welcome))
    status, _, _ = await officer.go("GET", "/manage/alliance-avril")
    assert status == 200
    status, _, _ = await officer.go("GET", path)
    assert status == 403


async def test_an_administrator_corrects_the_conference_s_details(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A conference, once created, could not be corrected anywhere, console or API: a title
    mistyped, a patron's style, a press window or a spokesperson's number stayed wrong. Its
    details page corrects them; its identifier, days, zone and languages are shown, not
    changed."""
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    status, _, _ = await admin.post_form(f"{NEW}?lang=en", f"{NEW}?lang=en", **FORM)
    assert status == 303
    path = "/manage/alliance-avril/settings"
    status, page, _ = await admin.go("GET", "/manage/alliance-avril?lang=en")
    assert f'href="{path}?lang=en"' in page
    status, page, _ = await admin.go("GET", f"{path}?lang=en")
    assert status == 200
    assert 'value="Global Alliance: action-plan meeting"' in page
    assert 'value="2027-04-10T18:00"' in page  # the press window in the conference's zone
    assert 'name="starts_on" type="date" value="2027-04-15"' in page
    assert element(page, "slug-fixed") == "Identifier in addresses alliance-avril"
    assert 'name="slug"' not in page

    changed = {**FORM, "title_en": "Global Alliance: action-plan meeting (April)",
               "press_closes_at": "2027-04-11T18:00", "spokesperson1_phone": "+32 2 298 00 00",
               "slug": "hijacked", **TICKED}
    status, _, resp = await admin.post_form(f"{path}?lang=en", f"{path}?lang=en", **changed)
    assert status == 303, _
    status, page, _ = await admin.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "Conference details saved."
    status, c, _ = await api.call("GET", "/api/v1/conferences/alliance-avril")
    assert c["title"]["en"] == "Global Alliance: action-plan meeting (April)"
    assert c["press_registration"]["closes_at"] == "2027-04-11T16:00:00Z"
    assert c["spokespersons"][0]["phone"] == "+3222980000"
    assert c["slug"] == "alliance-avril" and c["starts_on"] == "2027-04-15"
    assert c["security_list_deadline"] == "2027-04-12T10:00:00Z"  # the deadlines' own
    found: list[dict[str, Any]] = []
    for _attempt in range(50):  # the log shows an event once no older transaction runs
        status, events, _ = await api.call("GET", "/api/v1/conferences/alliance-avril/events",
                                           role="admin")
        found = [e for e in events["items"] if e["type"] == "conference.details_changed"]
        if found:
            break
        await asyncio.sleep(0.1)
    assert len(found) == 1, [e["type"] for e in events["items"]]
    event = found[0]
    assert event["payload"]["fields"] == ["title", "press_registration", "spokespersons"]

    # errors on their fields, in the page's language, nothing saved
    status, page, _ = await admin.post_form(f"{path}?lang=fr", f"{path}?lang=fr",
                                            **{**changed, "title_fr": "",
                                               "press_closes_at": "2027-01-01T09:00"})
    assert status == 422
    assert "Obligatoire dans la première langue" in element(page, "title_fr-error")
    assert "La clôture doit suivre l'ouverture." in element(page, "press_closes_at-error")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol",
                           conference="alliance-avril")
    status, _, _ = await protocol.go("GET", path)
    assert status == 403


async def test_correcting_the_details_keeps_what_the_form_does_not_show(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A conference made with the API may carry more than the form shows: four hosts, a
    host's address, the venue's city, the privacy notice's purposes. Saving the form keeps
    them."""
    body = conference_body("alliance-api")
    body["hosts"] = [{"name": f"Host {n}", "rank": "minister", "email": f"h{n}@example.org"}
                     for n in range(1, 5)]
    body["venue"]["city"] = {"fr": "Bruxelles", "en": "Brussels"}
    body["privacy"] = {"controller": "European Commission",
                       "purposes": {"fr": "Accréditation", "en": "Accreditation"}}
    status, created, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=body)
    assert status == 201, created
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    path = "/manage/alliance-api/settings"
    status, page, _ = await admin.go("GET", f"{path}?lang=en")
    assert status == 200
    form = {name: value for name, value in re.findall(
        r'<input id="([^"]+)" name="[^"]+" type="[^"]+" value="([^"]*)"', page)}
    form.update(dict(re.findall(r'<select id="([^"]+)" name="[^"]+"[^>]*>(?:(?!</select>).)*?'
                                r'<option value="([^"]*)" selected', page, re.S)))
    form = {k: html.unescape(v) for k, v in form.items()}
    form.update(dict.fromkeys(re.findall(r'<input type="checkbox" id="[^"]+" name="([^"]+)" '
                                         r'value="1" checked>', page), "1"))
    assert form["language_fr"] == form["language_en"] == "1" and form["first_language"] == "fr"
    status, _, _ = await admin.post_form(f"{path}?lang=en", f"{path}?lang=en",
                                         **{**form, "title_en": "Corrected"})
    assert status == 303, _
    status, c, _ = await api.call("GET", "/api/v1/conferences/alliance-api")
    assert c["title"]["en"] == "Corrected"
    assert [h["name"] for h in c["hosts"]] == ["Host 1", "Host 2", "Host 3", "Host 4"]
    assert [h["email"] for h in c["hosts"]] == [f"h{n}@example.org" for n in range(1, 5)]
    assert c["venue"]["city"] == {"fr": "Bruxelles", "en": "Brussels"}
    assert c["privacy"]["purposes"] == {"fr": "Accréditation", "en": "Accreditation"}


async def test_the_language_control_creates_nothing_and_keeps_a_sent_forms_errors(
    api: Api, smtp: RecordingSMTP
) -> None:
    # the header's control sends the form with switch=1 (docs/workspaces.md, "The language
    # control"): a complete form comes back filled in the other language, nothing created;
    # a form sent with errors (sent=1) shows them again, said in the other language
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    status, page, _ = await admin.post_form(f"{NEW}?lang=en", f"{NEW}?lang=fr",
                                            **FORM, switch="1")
    assert status == 200 and '<html lang="fr">' in page
    assert 'value="alliance-avril"' in page and 'id="error-summary"' not in page
    assert 'name="sent"' not in page
    status, _, _ = await api.call("GET", "/api/v1/conferences/alliance-avril")
    assert status == 404

    status, page, _ = await admin.post_form(f"{NEW}?lang=en", f"{NEW}?lang=en",
                                            **{**FORM, "spokesperson1_phone": "call me"})
    assert status == 422 and '<input type="hidden" name="sent" value="1">' in page
    status, page, _ = await admin.post_form(f"{NEW}?lang=en", f"{NEW}?lang=fr",
                                            **{**FORM, "spokesperson1_phone": "call me"},
                                            switch="1", sent="1")
    assert status == 200 and '<html lang="fr">' in page
    assert element(page, "spokesperson1_phone-error").startswith("Erreur")
    status, _, _ = await api.call("GET", "/api/v1/conferences/alliance-avril")
    assert status == 404


async def test_add_a_host_shows_one_more_row_keeping_what_is_typed_and_creating_nothing(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The form offered three hosts and two spokespersons while the API takes twenty of each:
    a fourth host had to be added with the API. "Add a host" / "Add a spokesperson" send the
    form to itself, shown again with one more row, what is typed kept, nothing created
    (docs/workspaces.md, "A new conference")."""
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    status, page, _ = await admin.go("GET", f"{NEW}?lang=en")
    assert 'name="host3_name"' in page and 'name="host4_name"' not in page
    assert 'id="add-host"' in page and 'id="add-spokesperson"' in page
    # a form never sent: no error shown for what is still missing
    partial = {k: v for k, v in FORM.items() if k not in ("slug", "pool_capacity")}
    status, page, _ = await admin.post_form(f"{NEW}?lang=en", f"{NEW}?lang=en", **partial,
                                            add="host")
    assert status == 200, page
    assert 'name="host4_name"' in page and 'name="host5_name"' not in page
    assert 'id="error-summary"' not in page and 'name="sent"' not in page
    assert 'value="Global Alliance: action-plan meeting"' in page
    assert 'value="Cecilia Malmström"' in page and 'value="Michele Cercone"' in page
    assert 'formaction="/manage/conferences/new?lang=en#host-5"' in page
    status, _, _ = await api.call("GET", "/api/v1/conferences/alliance-avril")
    assert status == 404
    # the language control keeps the rows added
    status, page, _ = await admin.post_form(f"{NEW}?lang=en", f"{NEW}?lang=fr",
                                            **{**partial, "host4_name": ""}, switch="1")
    assert 'name="host4_name"' in page and "Ajouter un hôte" in page
    # a spokesperson too, and the four hosts filed
    hosts = {f"host{i}_{part}": value for i, name in
             ((2, "Eric Holder"), (3, "Hadja Lahbib"), (4, "Joëlle Milquet"))
             for part, value in (("name", name), ("rank", "minister"), ("function_fr", ""),
                                 ("function_en", ""))}
    status, page, _ = await admin.post_form(
        f"{NEW}?lang=en", f"{NEW}?lang=en", **FORM, **hosts, add="spokesperson")
    assert status == 200 and 'name="spokesperson3_name"' in page
    assert 'value="Joëlle Milquet"' in page
    status, _, resp = await admin.post_form(
        f"{NEW}?lang=en", f"{NEW}?lang=en", **FORM, **hosts, spokesperson3_name="Tove Ernst",
        spokesperson3_phone="+32 2 298 67 64", spokesperson3_email="")
    assert status == 303, _
    status, c, _ = await api.call("GET", "/api/v1/conferences/alliance-avril")
    assert [h["name"] for h in c["hosts"]] == ["Cecilia Malmström", "Eric Holder",
                                              "Hadja Lahbib", "Joëlle Milquet"]
    assert [s["name"] for s in c["spokespersons"]] == ["Michele Cercone", "Tove Ernst"]


async def test_rows_are_added_up_to_the_api_s_limit(api: Api, smtp: RecordingSMTP) -> None:
    """Twenty hosts at most (the API's limit): the twentieth row has no "Add a host" after it,
    and the page says why; a post asking for a twenty-first adds none."""
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    twenty = {f"host{i}_name": f"Host {i}" for i in range(1, 21)}
    status, page, _ = await admin.post_form(f"{NEW}?lang=fr", f"{NEW}?lang=fr", **twenty,
                                            add="host")
    assert status == 200
    assert 'name="host20_name"' in page and 'name="host21_name"' not in page
    assert 'id="add-host"' not in page and 'id="add-spokesperson"' in page
    assert element(page, "add-host-full").replace("\u00a0", " ") == \
        "Le formulaire compte le nombre maximal d'hôtes : 20."


async def test_the_details_page_shows_every_host_and_adds_a_spokesperson(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The details page is the same form: a conference's hosts past the third are shown as
    rows (they were kept unseen), and "Add a spokesperson" adds one, nothing saved until
    the form is."""
    body = conference_body("alliance-api")
    body["hosts"] = [{"name": f"Host {n}", "rank": "minister"} for n in range(1, 5)]
    status, created, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=body)
    assert status == 201, created
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    path = "/manage/alliance-api/settings"
    status, page, _ = await admin.go("GET", f"{path}?lang=en")
    assert 'value="Host 4"' in page and 'name="host5_name"' not in page
    form = {name: html.unescape(value) for name, value in re.findall(
        r'<input id="([^"]+)" name="[^"]+" type="[^"]+" value="([^"]*)"', page)}
    form.update(dict(re.findall(r'<select id="([^"]+)" name="[^"]+"[^>]*>(?:(?!</select>).)*?'
                                r'<option value="([^"]*)" selected', page, re.S)))
    form.update(TICKED)
    status, page, _ = await admin.post_form(f"{path}?lang=en", f"{path}?lang=en",
                                            **{**form, "title_en": "Changed"},
                                            add="spokesperson")
    assert status == 200 and 'name="spokesperson3_name"' in page
    assert 'value="Changed"' in page and 'id="error-summary"' not in page
    status, c, _ = await api.call("GET", "/api/v1/conferences/alliance-api")
    assert c["title"]["en"] != "Changed"
    status, _, _ = await admin.post_form(
        f"{path}?lang=en", f"{path}?lang=en", **form, host5_name="Host 5", host5_rank="",
        spokesperson3_name="Tove Ernst", spokesperson3_phone="+32 2 298 67 64")
    assert status == 303, _
    status, c, _ = await api.call("GET", "/api/v1/conferences/alliance-api")
    assert [h["name"] for h in c["hosts"]] == [f"Host {n}" for n in range(1, 6)]
    assert [s["name"] for s in c["spokespersons"]][-1] == "Tove Ernst"


async def test_the_data_controller_is_named_in_each_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The follow-up meeting's English privacy notice named its controller « Commission
    européenne, DG Migration et affaires intérieures » (tried as a protocol officer, 2 December
    2026): the controller, like the venue, has a name in each language, given on the form or
    in the API (``privacy.controller_names``), and each notice and letter says its own."""
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    named = {**FORM, "privacy_controller": "Commission européenne, DG Migration et affaires "
                                           "intérieures",
             "privacy_controller_en": "European Commission, DG Migration and Home Affairs"}
    status, _, _ = await admin.post_form(f"{NEW}?lang=en", f"{NEW}?lang=en", **named)
    assert status == 303, _
    status, c, _ = await api.call("GET", "/api/v1/conferences/alliance-avril")
    assert c["privacy"]["controller"] == named["privacy_controller"]  # the first language's
    assert c["privacy"]["controller_names"] == {"fr": named["privacy_controller"],
                                                "en": named["privacy_controller_en"]}
    for lang, said, other in (("en", named["privacy_controller_en"], "Commission européenne"),
                              ("fr", named["privacy_controller"], "European Commission")):
        status, notice, _ = await admin.go("GET", f"/alliance-avril/privacy?lang={lang}")
        assert status == 200
        assert element(notice, "privacy-controller") == said
        assert other not in notice
    # the details page shows both, and saving it unchanged keeps both
    path = "/manage/alliance-avril/settings"
    status, page, _ = await admin.go("GET", f"{path}?lang=en")
    assert f'value="{named["privacy_controller_en"]}"' in page
    assert "Data controller in English" in page
    status, _, _ = await admin.post_form(f"{path}?lang=en", f"{path}?lang=en", **named)
    assert status == 303
    _, c, _ = await api.call("GET", "/api/v1/conferences/alliance-avril")
    assert c["privacy"]["controller_names"]["en"] == named["privacy_controller_en"]
    # one name in both languages: the English field left empty, no names kept apart
    status, _, _ = await admin.post_form(f"{path}?lang=en", f"{path}?lang=en",
                                         **{**named, "privacy_controller_en": ""})
    assert status == 303
    _, c, _ = await api.call("GET", "/api/v1/conferences/alliance-avril")
    assert c["privacy"]["controller"] == named["privacy_controller"]
    assert c["privacy"].get("controller_names") is None
    status, notice, _ = await admin.go("GET", "/alliance-avril/privacy?lang=en")
    assert element(notice, "privacy-controller") == named["privacy_controller"]
