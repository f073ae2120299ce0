"""Editing a delegation member before the decision, on the portal and through the API
(``PATCH /api/v1/accreditations/{id}``), and the deadlines and quotas the portal shows: a real
database, a real SMTP server (the focal point's welcome mail carries the sign-in link)."""

from __future__ import annotations

import asyncio
import base64
import json
import re
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie
from typing import Any

import asyncpg

from tests.browser.helpers import element, hidden, publish, text
from tests.conftest import Api, conference_body, press_body
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_console import staff
from tests.http.test_workspaces import Visitor, _signed_in, link_in
from tests.support import RecordingSMTP

MEMBER = {"category": "expert", "given_name": "Jan", "family_name": "Peeters",
          "email": "jan.peeters@example.org", "language": "en", "gender": "male",
          "rank": "expert", "function": "Adviser"}


async def _portal(api: Api, smtp: RecordingSMTP, **conference: Any
                  ) -> tuple[Visitor, dict[str, Any]]:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(**conference))
    assert status == 201, body
    deleg = await make_delegation(api, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    return await _signed_in(api, link_in(welcome)), deleg


async def _register(v: Visitor, **changes: str) -> str:
    status, _, resp = await v.post_form("/delegation/alliance-be/members/new?lang=en",
                                        "/delegation/alliance-be/members?lang=en",
                                        **{**MEMBER, **changes})
    assert status == 303, await resp.text()
    _, page, _ = await v.go("GET", "/delegation/alliance-be?lang=en")
    name = f"{changes.get('given_name', MEMBER['given_name'])} " \
           f"{changes.get('family_name', MEMBER['family_name'])}"
    start = page.index(f">{name}</a>")
    href = page.rindex('href="/delegation/alliance-be/members/', 0, start)
    return page[href + 38: href + 38 + 36]


async def test_focal_point_edits_a_member_before_the_decision(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    v, _ = await _portal(api, smtp)
    member_id = await _register(v)
    member = f"/delegation/alliance-be/members/{member_id}"
    _, page, _ = await v.go("GET", f"{member}?lang=en")
    assert 'id="edit-link"' in page
    status, form, _ = await v.go("GET", f"{member}/edit?lang=en")
    assert status == 200
    assert 'value="Peeters"' in form and 'value="Adviser"' in form  # the current values
    status, _, resp = await v.go("POST", f"{member}/edit?lang=en", {
        "csrf": hidden(form, "csrf"), **MEMBER, "family_name": "Peeters-Claes",
        "category": "official", "rank": "senior_official", "function": "Director-General"})
    assert status == 303, await resp.text()
    assert resp.headers["Location"].startswith(f"{member}?")
    _, page, _ = await v.go("GET", resp.headers["Location"])
    assert "Jan Peeters-Claes" in page and "Director-General" in page
    assert "The details of Jan Peeters-Claes are changed." in page
    assert "Details changed" in page  # the history row
    # the history names the fields changed in the reader's words, not their keys
    assert "Category, family name, protocol rank, function" in element(page, "history")
    _, page, _ = await v.go("GET", f"{member}?lang=fr")
    assert "Catégorie, nom de famille, rang protocolaire, fonction" in element(page, "history")
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{member_id}", role="protocol")
    assert (acc["status"], acc["category"], acc["rank"], acc["family_name"]) == (
        "submitted", "official", "senior_official", "Peeters-Claes")
    assert acc["history"][-1]["action"] == "amend"
    assert acc["history"][-1]["reason"] == "category, family_name, rank, function"
    event = await db.fetchrow("SELECT payload, actor FROM domain_event WHERE type = "
                              "'accreditation.amended' AND subject_id = $1", member_id)
    assert event is not None and event["actor"].startswith("person:")
    payload = event["payload"] if isinstance(event["payload"], dict) else __import__(
        "json").loads(event["payload"])
    assert payload["fields"] == ["category", "family_name", "rank", "function"]

    # the same values again: nothing changes, no second event
    _, form, _ = await v.go("GET", f"{member}/edit?lang=en")
    status, _, _ = await v.go("POST", f"{member}/edit?lang=en", {
        "csrf": hidden(form, "csrf"), **MEMBER, "family_name": "Peeters-Claes",
        "category": "official", "rank": "senior_official", "function": "Director-General"})
    assert status == 303
    assert await db.fetchval("SELECT count(*) FROM domain_event WHERE type = "
                             "'accreditation.amended' AND subject_id = $1", member_id) == 1


async def test_edit_form_names_the_field_and_refuses_a_taken_address(
    api: Api, smtp: RecordingSMTP
) -> None:
    v, _ = await _portal(api, smtp)
    member_id = await _register(v)
    await _register(v, given_name="Els", family_name="Janssens", email="els@example.org")
    member = f"/delegation/alliance-be/members/{member_id}"
    _, form, _ = await v.go("GET", f"{member}/edit?lang=en")
    status, page, _ = await v.go("POST", f"{member}/edit?lang=en", {
        "csrf": hidden(form, "csrf"), **MEMBER, "family_name": ""})
    assert status == 422
    assert 'id="family_name-error"' in page
    status, page, _ = await v.go("POST", f"{member}/edit?lang=en", {
        "csrf": hidden(form, "csrf"), **MEMBER, "email": "ELS@example.org"})
    assert status == 409
    # a member of the delegation: named (test_an_address_already_in_the_delegation_…)
    assert 'id="email-error"' in page and "already that of Els Janssens" in page
    status, _, _ = await v.go("POST", f"{member}/edit?lang=en", {**MEMBER})  # no CSRF token
    assert status == 403
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{member_id}", role="protocol")
    assert (acc["family_name"], acc["email"]) == ("Peeters", "jan.peeters@example.org")


async def test_a_journalist_s_address_tells_the_focal_point_nothing_about_the_press(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A focal point who types a journalist's address (even one revoked) learns that the
    address cannot be used, not that someone has applied with it (docs/privacy.md; found in
    a user test: "Cette personne a déjà une demande pour cette conférence")."""
    v, _ = await _portal(api, smtp)
    member_id = await _register(v)
    status, journalist, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                           json=press_body(3))
    assert status == 201, journalist
    for action, body in (("decision", {"decision": "approve"}), ("revoke", {"reason": "No."})):
        status, answer, _ = await api.call(
            "POST", f"/api/v1/accreditations/{journalist['id']}/{action}", role="press_office",
            json=body)
        assert status == 200, answer
    member = f"/delegation/alliance-be/members/{member_id}"
    for lang, expected in (
        ("fr", "Cette adresse ne peut pas servir à une nouvelle demande ; adressez-vous "
               "au service du protocole."),
        ("en", "This address cannot be used for a new application; please contact the "
               "protocol service."),
    ):
        _, form, _ = await v.go("GET", f"{member}/edit?lang={lang}")
        status, page, _ = await v.go("POST", f"{member}/edit?lang={lang}", {
            "csrf": hidden(form, "csrf"), **MEMBER, "email": journalist["email"]})
        assert status == 409
        assert element(page, "email-error").endswith(expected), element(page, "email-error")
        assert "déjà une demande" not in page and "already has an application" not in page


async def test_a_decided_member_is_not_edited(api: Api, smtp: RecordingSMTP) -> None:
    v, _ = await _portal(api, smtp)
    member_id = await _register(v)
    member = f"/delegation/alliance-be/members/{member_id}"
    _, form, _ = await v.go("GET", f"{member}/edit?lang=en")
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{member_id}/decision",
                                     role="protocol", json={"decision": "approve"})
    assert status == 200, body
    _, page, _ = await v.go("GET", f"{member}?lang=en")
    assert 'id="edit-link"' not in page
    status, page, _ = await v.go("GET", f"{member}/edit?lang=en")
    assert status == 409 and "can no longer be edited" in page
    status, page, _ = await v.go("POST", f"{member}/edit?lang=en", {
        "csrf": hidden(form, "csrf"), **MEMBER, "family_name": "Other"})
    assert status == 409 and "can no longer be edited" in page
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{member_id}", role="protocol")
    assert (acc["status"], acc["family_name"]) == ("approved", "Peeters")


async def test_a_decided_member_s_edit_page_sends_to_protocol_once_substitutions_closed(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    """After the changes deadline, which closes substitutions too, a decided member's edit
    page said « Après la décision, demandez un remplacement », a route closed as well (tryout):
    it says both are closed and gives the protocol service's address."""
    v, _ = await _portal(api, smtp)
    member_id = await _register(v)
    status, body = (await api.call("POST", f"/api/v1/accreditations/{member_id}/decision",
                                   role="protocol", json={"decision": "approve"}))[:2]
    assert status == 200, body
    _, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    member = f"/delegation/alliance-be/members/{member_id}"
    status, page, _ = await v.go("GET", f"{member}/edit?lang=fr")
    assert status == 409 and "demandez un remplacement" in text(page)  # still open: as before
    await db.execute("UPDATE conference SET changes_close_at = $1",
                     datetime.now(UTC) - timedelta(minutes=1))
    status, page, _ = await v.go("GET", f"{member}/edit?lang=fr")
    said = text(page)
    assert status == 409 and "demandez un remplacement" not in said, said
    assert ("Ce membre ne peut plus être modifié : la demande est « Accordée ». Les "
            "modifications et remplacements sont clos depuis le ") in said, said
    assert ("seul le service du protocole peut encore modifier ou remplacer un membre "
            f"({conference['organiser_email']}).") in said, said
    status, page, _ = await v.go("GET", f"{member}/edit?lang=en")
    said = text(page)
    assert status == 409 and "ask for a substitution" not in said, said
    assert ("This member can no longer be edited: the application is “Approved”. Changes and "
            "substitutions closed on ") in said, said
    assert (f"only the protocol service can still edit or substitute a member "
            f"({conference['organiser_email']}).") in said, said


async def test_api_patch_before_the_decision(api: Api, smtp: RecordingSMTP) -> None:
    v, be = await _portal(api, smtp)
    member_id = await _register(v)
    fr = await make_delegation(api, country="FR")
    path = f"/api/v1/accreditations/{member_id}"
    status, problem, _ = await api.call("PATCH", path, role=fr["focal_point_token"],
                                        json={"function": "x"})
    assert status == 403, problem  # another delegation's focal point
    status, problem, _ = await api.call("PATCH", path, role="press_office",
                                        json={"function": "x"})
    assert status == 403, problem
    status, problem, _ = await api.call("PATCH", path, role=be["focal_point_token"],
                                        json={"given_name": ""})
    assert status == 422 and problem["errors"][0]["field"] == "given_name", problem
    status, acc, _ = await api.call("PATCH", path, role=be["focal_point_token"],
                                    json={"function": "Legal adviser", "gender": None})
    assert status == 200, acc
    assert (acc["function"], acc["gender"], acc["family_name"]) == (
        "Legal adviser", None, "Peeters")
    status, acc, _ = await api.call("PATCH", path, role="protocol",
                                    json={"family_name": "Peeters-Claes"})
    assert status == 200 and acc["family_name"] == "Peeters-Claes", acc
    status, _, _ = await api.call("POST", f"{path}/decision", role="protocol",
                                  json={"decision": "reject", "reason": "No."})
    assert status == 200
    status, problem, _ = await api.call("PATCH", path, role=be["focal_point_token"],
                                        json={"function": "x"})
    assert status == 409 and problem["status_now"] == "rejected", problem


async def test_api_patch_keeps_quota_and_changes_deadline(api: Api, smtp: RecordingSMTP,
                                                          db: asyncpg.Connection) -> None:
    v, be = await _portal(api, smtp, quotas={"minister": 1})
    await _register(v, given_name="Ana", family_name="Minister", email="ana@example.org",
                    category="minister", rank="minister", function="Minister")
    member_id = await _register(v)
    path = f"/api/v1/accreditations/{member_id}"
    status, problem, _ = await api.call("PATCH", path, role=be["focal_point_token"], json={
        "category": "minister", "rank": "minister", "function": "Minister"})
    assert status == 409 and problem["type"].endswith("quota-exceeded"), problem
    assert (problem["used"], problem["allowed"]) == (1, 1)
    await db.execute("UPDATE conference SET changes_close_at = $1",
                     datetime.now(UTC) - timedelta(minutes=1))
    status, problem, _ = await api.call("PATCH", path, role=be["focal_point_token"],
                                        json={"function": "Legal adviser"})
    assert status == 409 and problem["type"].endswith("deadline-passed"), problem
    status, acc, _ = await api.call("PATCH", path, role="protocol",
                                    json={"function": "Legal adviser"})
    assert status == 200 and acc["function"] == "Legal adviser", acc


async def test_portal_shows_the_deadlines_and_the_places_in_the_reader_s_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    v, be = await _portal(
        api, smtp, quotas={"minister": 2, "official": 3},
        nominations_close_at="2031-03-14T17:00:00+00:00",
        changes_close_at="2020-01-10T11:00:00+00:00",
        security_list_deadline="2031-03-20T17:00:00+00:00")
    status, body, _ = await api.call("PUT", f"/api/v1/delegations/{be['id']}/quotas",
                                     role="protocol", json={"official": 1})
    assert status == 200, body
    await _register(v, given_name="Ana", family_name="Minister", email="ana@example.org",
                    category="minister", rank="minister", function="Minister")
    await _register(v)
    # the security list's deadline is shown where there is a list: a royal-presence session
    _, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    royal = await make_session(api, await make_room(api), at(conference, 12),
                               at(conference, 13), audience=["minister"], royal_presence=True,
                               press_access="pool")
    await publish(api)
    _, page, _ = await v.go("GET", "/delegation/alliance-be?lang=fr")
    assert royal["royal_presence"]
    # babel, in the conference's zone (Brussels): 18:00 in March, 12:00 in January
    assert "Vous pouvez inscrire des membres jusqu&#39;au 14 mars 2031 à 18:00" in page
    assert "Les modifications et remplacements sont clos depuis le 10 janvier 2020 à 12:00" \
        in page
    assert element(page, "deadline-security").startswith(
        "La liste de sécurité des séances en présence royale sera arrêtée le 20 mars 2031 à "
        "18:00 CET.")
    _, page, _ = await v.go("GET", "/delegation/alliance-be?lang=en")
    assert "You can register members until 14 March 2031, 18:00" in page
    assert 'id="deadline-changes"' in page and "closed on 10 January 2020, 12:00" in page
    # a deadline to come "closes", a deadline passed "closed"
    assert element(page, "deadline-security").startswith(
        "The security list of the royal-presence sessions closes on 20 March 2031, 18:00 CET.")
    rows = {category: page[page.index(f'id="quota-{category}"'):].split("</tr>")[0]
            for category in ("minister", "official", "expert")}
    cells = {category: re.sub(r"<td[^>]*>", "<td>", row) for category, row in rows.items()}
    assert "<td>1</td><td>2</td>" in cells["minister"]  # the conference's default
    assert "<td>0</td><td>1</td>" in cells["official"]  # the delegation's own quota
    assert "<td>1</td><td>not capped</td>" in cells["expert"]
    # each figure labelled, for the card a category a phone shows (b3b1e37)
    assert '<td data-label="Used">1</td><td data-label="Allowed">2</td>' in rows["minister"]
    # what the places count, said as a sentence (tried as a focal point, 2 December 2026:
    # "Applications submitted, waitlisted or approved count.")
    assert "Counted: applications submitted, waitlisted or approved." in page


async def test_register_form_names_a_full_quota_and_closed_registrations(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    v, _ = await _portal(api, smtp, quotas={"minister": 1})
    minister = {**MEMBER, "category": "minister", "rank": "minister", "function": "Minister"}
    await _register(v, **{**minister, "given_name": "Ana", "email": "ana@example.org"})
    status, page, _ = await v.post_form("/delegation/alliance-be/members/new?lang=en",
                                        "/delegation/alliance-be/members?lang=en",
                                        **{**minister, "email": "bob@example.org"})
    assert status == 409
    assert 'id="category-error"' in page and "1 of 1 place taken" in page
    # the places are said under the category before anything is typed (tried as a focal
    # point, 2 December 2026: a full category was learnt only once the whole form was sent)
    status, page, _ = await v.go("GET", "/delegation/alliance-be/members/new?lang=fr")
    assert element(page, "category-hint") == (
        "Places de la délégation : Ministre 1 sur 1 (complet) ; Fonctionnaire 0 (sans "
        "limite) ; Expert 0 (sans limite).")
    assert 'aria-describedby="category-hint"' in page
    status, page, _ = await v.go("GET", "/delegation/alliance-be/members/new?lang=en")
    assert element(page, "category-hint") == (
        "The delegation's places: Minister 1 of 1 (full); Official 0 (not capped); Expert 0 "
        "(not capped).")
    await db.execute("UPDATE conference SET nominations_close_at = $1",
                     datetime.now(UTC) - timedelta(minutes=1))
    status, page, _ = await v.post_form("/delegation/alliance-be/members/new?lang=en",
                                        "/delegation/alliance-be/members?lang=en",
                                        **{**MEMBER, "email": "carl@example.org"})
    # the page as it is once closed, no form to send again (5 December 2026)
    assert status == 409 and element(page, "closed").startswith("Registrations closed on")
    assert 'id="member-form"' not in page
    _, page, _ = await v.go("GET", "/delegation/alliance-be?lang=en")
    assert "Registrations closed on" in page
    assert await db.fetchval("SELECT count(*) FROM accreditation") == 1


async def test_two_edits_at_once_never_exceed_the_quota(api: Api, smtp: RecordingSMTP) -> None:
    v, be = await _portal(api, smtp, quotas={"minister": 1})
    first = await _register(v)
    second = await _register(v, given_name="Els", family_name="Janssens",
                             email="els@example.org")
    change = {"category": "minister", "rank": "minister", "function": "Minister"}
    answers = await asyncio.gather(*(
        api.call("PATCH", f"/api/v1/accreditations/{member_id}", role=be["focal_point_token"],
                 json=change) for member_id in (first, second)))
    assert sorted(status for status, _, _ in answers) == [200, 409], answers
    _, listed, _ = await api.call("GET", "/api/v1/conferences/alliance/accreditations",
                                  role="protocol")
    assert [a["category"] for a in listed["items"]].count("minister") == 1


async def test_register_and_edit_name_a_missing_rank_or_function_in_the_page_s_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A minister without a function, an official without a rank: the form names the field,
    in French on a French page, and the summary links to it; never the model's English."""
    v, _ = await _portal(api, smtp)
    status, page, _ = await v.post_form("/delegation/alliance-be/members/new?lang=fr",
                                        "/delegation/alliance-be/members?lang=fr",
                                        **{**MEMBER, "category": "minister", "rank": "minister",
                                           "function": ""})
    assert status == 422
    assert "delegation members need" not in page
    assert 'id="function-error"' in page
    assert "Obligatoire pour un ministre ou un fonctionnaire." in page
    assert '<a href="#function">Fonction, intitulé officiel</a>' in page
    assert 'id="form-error"' not in page

    member_id = await _register(v)
    member = f"/delegation/alliance-be/members/{member_id}"
    _, form, _ = await v.go("GET", f"{member}/edit?lang=en")
    status, page, _ = await v.go("POST", f"{member}/edit?lang=en", {
        "csrf": hidden(form, "csrf"), **MEMBER, "category": "official", "rank": "",
        "function": ""})
    assert status == 422
    assert "delegation members need" not in page
    assert 'id="rank-error"' in page and 'id="function-error"' in page
    assert '<a href="#rank">Protocol rank</a> – Required for a minister or an official.' in page


async def test_a_flash_shows_only_the_names_its_own_redirect_wrote(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The name a flash shows after a redirect comes with a tag the service signs: a link made
    elsewhere ("…?done=registered&name=…") cannot put its own words on the portal, nor can a
    tag be moved onto another name (found trying the product). The name itself is not in the
    address (it stayed in the browser's history and a proxy's log, tried as a focal point,
    5 December 2026): it travels in a short-lived cookie the redirect sets."""
    v, _ = await _portal(api, smtp)
    status, _, resp = await v.post_form("/delegation/alliance-be/members/new?lang=en",
                                        "/delegation/alliance-be/members?lang=en", **MEMBER)
    assert status == 303
    genuine = resp.headers["Location"]
    assert "ft=" in genuine
    assert "Jan" not in genuine and "Peeters" not in genuine and "name=" not in genuine, genuine
    cookie = next(m for h in resp.headers.getall("Set-Cookie")
                  for k, m in SimpleCookie(h).items() if k.startswith("flash_"))
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["path"] == "/"
    assert 0 < int(cookie["max-age"]) <= 300
    status, page, _ = await v.go("GET", genuine)
    assert status == 200
    assert element(page, "flash").startswith("Jan Peeters is registered"), page
    nonce = genuine.split("ft=")[1].split("&")[0]
    other = "A" * len(nonce)
    forged = "/delegation/alliance-be?lang=en&done=registered&name=Your+badge+is+cancelled"
    for address in (forged, genuine.replace(nonce, other)):
        status, page, _ = await v.go("GET", address)
        assert status == 200
        assert "Your badge is cancelled" not in page and 'id="flash"' not in page, address
    # a name put beside the genuine reference: the flash says the name its redirect wrote
    status, page, _ = await v.go("GET", forged + f"&ft={nonce}")
    assert element(page, "flash").startswith("Jan Peeters is registered"), page
    # the cookie moved under another reference, or its names altered, shows nothing either
    value = v.cookies[f"flash_{nonce}"]
    body, tag = value.split("~")
    altered = base64.urlsafe_b64encode(
        json.dumps({"name": "Your badge is cancelled"}).encode()).decode().rstrip("=")
    for name, forged_value in ((f"flash_{other}", value), (f"flash_{nonce}", f"{altered}~{tag}")):
        v.cookies = {k: c for k, c in v.cookies.items() if not k.startswith("flash_")}
        v.cookies[name] = forged_value
        v.api.client.session.cookie_jar.clear()  # only the visitor's own cookies go
        status, page, _ = await v.go("GET", genuine.replace(nonce, name.removeprefix("flash_")))
        assert status == 200
        assert 'id="flash"' not in page and "Your badge is cancelled" not in page, name


async def test_an_address_already_in_the_delegation_is_named_on_the_form(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried as a focal point (2 December 2026): registering a member of the delegation a second
    time answered "this address cannot be used for a new application; contact the protocol
    service", sending the focal point to write about a member their own list shows. A member
    of the delegation is named (whom the portal lists, address and all); anyone else's address
    keeps the words that say nothing of whose it is."""
    v, _ = await _portal(api, smtp)
    first = await _register(v)
    second = await _register(v, given_name="Els", family_name="Janssens",
                             email="els@example.org")
    status, page, _ = await v.post_form("/delegation/alliance-be/members/new?lang=fr",
                                        "/delegation/alliance-be/members?lang=fr",
                                        **{**MEMBER, "given_name": "Johan"})
    assert status == 409
    assert element(page, "email-error") == (
        "Erreur : Cette adresse est déjà celle de Jan Peeters, membre de votre délégation "
        "(reçue, en cours d'examen) : voyez sa page dans la liste des membres.")
    # the edit form: another member's address
    status, page, _ = await v.post_form(
        f"/delegation/alliance-be/members/{second}/edit?lang=en",
        f"/delegation/alliance-be/members/{second}/edit?lang=en",
        **{**MEMBER, "given_name": "Els", "family_name": "Janssens"})
    assert status == 409
    assert "This address is already that of Jan Peeters, a member of your delegation " \
        "(received, under review)" in element(page, "email-error")
    assert first != second
    # another delegation's member: nothing said of whose it is
    fr = await make_delegation(api, country="FR")
    status, body, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={**MEMBER, "email": "julien@example.org", "delegation_id": fr["id"]})
    assert status == 201, body
    status, page, _ = await v.post_form("/delegation/alliance-be/members/new?lang=en",
                                        "/delegation/alliance-be/members?lang=en",
                                        **{**MEMBER, "email": "julien@example.org"})
    assert status == 409
    assert element(page, "email-error") == ("Error: This address cannot be used for a new "
                                            "application; please contact the protocol service.")


async def test_a_given_name_in_capitals_is_said_on_the_member_s_page_after_the_form(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried as a focal point (2 December 2026): "KOEN Geens", the given name typed in capitals
    as on a passport's family name, was filed from the form without a word (the import warns of
    it), to be printed so on the badge. The form files it and leads to the member's page, which
    says what to check above the edit link, as for a rank that does not fit."""
    v, _ = await _portal(api, smtp)
    status, _, resp = await v.post_form("/delegation/alliance-be/members/new?lang=fr",
                                        "/delegation/alliance-be/members?lang=fr",
                                        **{**MEMBER, "given_name": "KOEN", "family_name": "Geens",
                                           "email": "koen@example.org"})
    assert status == 303 and "/members/" in resp.headers["Location"], resp.headers["Location"]
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "names-warning") == (
        "Nom à vérifier : le prénom « KOEN » est en capitales, comme l'est d'ordinaire le nom "
        "de famille : prénom et nom sont-ils inversés ?")
    assert 'id="edit-link"' in page
    # a name as usual: back to the delegation, nothing to check
    status, _, resp = await v.post_form("/delegation/alliance-be/members/new?lang=en",
                                        "/delegation/alliance-be/members?lang=en", **MEMBER)
    assert status == 303 and resp.headers["Location"].startswith("/delegation/alliance-be?")


async def test_a_family_name_in_capitals_is_said_on_the_member_s_page_as_the_import_says_it(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried as a secretariat (5 December 2026): the import warns of « ĆOSIĆ », the one-member
    form filed it without a word, and the letters opened "Dear Ms ĆOSIĆ". The form files it as
    typed and leads to the member's page, which says what to check, in both languages; both
    names in capitals are said at once."""
    v, _ = await _portal(api, smtp)
    status, _, resp = await v.post_form("/delegation/alliance-be/members/new?lang=en",
                                        "/delegation/alliance-be/members?lang=en",
                                        **{**MEMBER, "given_name": "Ana",
                                           "family_name": "ĆOSIĆ", "email": "ana@example.org"})
    assert status == 303 and "/members/" in resp.headers["Location"], resp.headers["Location"]
    member = resp.headers["Location"].split("?")[0]
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "names-warning") == (
        "Names to check: the family name “ĆOSIĆ” is all in capitals, and letters and lists "
        "print names as typed (“Dear Ms ĆOSIĆ”): write it as it is spelt, capitals at the "
        "start only (“Ćosić”).")
    assert 'id="edit-link"' in page
    status, page, _ = await v.go("GET", f"{member}?lang=fr")
    assert element(page, "names-warning").startswith(
        "Nom à vérifier : le nom « ĆOSIĆ » est tout en capitales")
    # the console's application page says it to protocol too, before the decision
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    member_id = member.rsplit("/", 1)[1]
    status, page, _ = await protocol.go(
        "GET", f"/manage/alliance/accreditations/{member_id}?lang=en")
    assert status == 200 and element(page, "names-warning").startswith(
        "Names to check: the family name “ĆOSIĆ” is all in capitals")
    status, _, resp = await v.post_form("/delegation/alliance-be/members/new?lang=en",
                                        "/delegation/alliance-be/members?lang=en",
                                        **{**MEMBER, "given_name": "JEAN-BAPTISTE",
                                           "family_name": "DUPONT", "email": "jb@example.org"})
    assert status == 303 and "/members/" in resp.headers["Location"]
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "names-warning").startswith(
        "Names to check: the given and family names are all in capitals")
    assert page.count('id="names-warning"') == 1


async def test_a_long_name_is_registered_whole_in_the_flash(api: Api, smtp: RecordingSMTP
                                                           ) -> None:
    """« Inscription enregistrée pour … de Saint-Exupéry-Montm : »: the flash cut a long
    French name at 100 characters, mid-word and without a sign (tried as a focal point,
    5 December 2026). It names the person whole."""
    v, _ = await _portal(api, smtp)
    given = "Marie-Hélène Anne-Sophie Geneviève Bénédicte"
    family = "de La Tour d'Auvergne-Lauraguais de Saint-Exupéry-Montmorency"
    status, _, resp = await v.post_form("/delegation/alliance-be/members/new?lang=fr",
                                        "/delegation/alliance-be/members?lang=fr",
                                        **{**MEMBER, "given_name": given, "family_name": family,
                                           "email": "mh.latour@example.org"})
    assert status == 303, resp
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "flash").startswith(
        f"Inscription enregistrée pour {given} {family} : "), element(page, "flash")
