"""The press desk and the portal as a reader meets them: an empty batch re-shows the queue with
a form message, searches ignore accents and punctuation, and the pages' words follow the count.
A real database and a real SMTP server."""

from __future__ import annotations

import re
from typing import Any

import asyncpg

from tests.browser.helpers import element, hidden, press, text
from tests.conftest import Api, conference_body
from tests.http.test_workspaces_reasons import _conference, _officer
from tests.support import RecordingSMTP

DESK = "/manage/alliance/press"


async def _one_application(api: Api, smtp: RecordingSMTP) -> tuple[dict[str, Any], Any]:
    """A conference with one press application under review, and its press officer signed in
    on the desk."""
    await _conference(api)
    application = await press(api, 0)
    return application, await _officer(api, smtp)


async def test_an_empty_batch_shows_the_queue_again_with_a_form_message(
    api: Api, smtp: RecordingSMTP
) -> None:
    application, v = await _one_application(api, smtp)
    _, queue, _ = await v.go("GET", f"{DESK}?lang=fr&status=submitted")
    status, page, _ = await v.go(
        "POST",
        f"{DESK}/batch?lang=fr",
        {"csrf": hidden(queue, "csrf"), "decision": "approve", "status": "submitted"},
    )
    assert status == 422
    assert element(page, "batch-error") == "Erreur : Sélectionnez au moins une demande."
    assert '<a href="#batch-form">Sélectionnez au moins une demande.</a>' in page
    assert f'id="pick-{application["id"]}"' in page  # the queue, to tick one
    assert 'name="status" value="submitted"' in page  # the filters kept
    _, acc, _ = await api.call(
        "GET", f"/api/v1/accreditations/{application['id']}", role="press_office"
    )
    assert acc["status"] == "submitted"


async def test_the_portal_shows_the_sessions_its_members_were_invited_to(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Approved ministers are invited by the audience of a published session (the calendar
    mails them): the portal lists them; a draft session, not yet published, is not listed."""
    from tests.browser.helpers import member, participant, publish
    from tests.http.conftest_programme import at, make_delegation, make_room, make_session
    from tests.http.test_workspaces import _signed_in, link_in

    status, conference, _ = await api.call(
        "POST", "/api/v1/conferences", role="admin", json=conference_body()
    )
    assert status == 201, conference
    deleg = await make_delegation(api, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    v = await _signed_in(api, link_in(welcome))
    await member(api, deleg, "Reynders")  # an approved minister
    await member(api, deleg, "Peeters", category="official", rank="official", decision=None)
    status, janssens, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol", json={
            "category": "minister", "given_name": "Lotte", "family_name": "Janssens",
            "gender": "female", "email": "lotte.janssens@example.org", "language": "fr",
            "delegation_id": deleg["id"], "rank": "minister", "function": "Minister"})
    assert status == 201, janssens
    assert (await api.call("POST", f"/api/v1/accreditations/{janssens['id']}/decision",
                           role="protocol", json={"decision": "approve"}))[0] == 200
    room = await make_room(api)
    opening = await make_session(api, room, at(conference, 9), at(conference, 10))
    await participant(api, opening, janssens)  # a speaker; the others, ministers, listen
    _, page, _ = await v.go("GET", "/delegation/alliance-be?lang=en")
    assert 'id="programme"' not in page  # nothing published: nobody invited

    await publish(api)
    await make_session(
        api, room, at(conference, 14), at(conference, 15), title={"fr": "Brouillon", "en": "Draft"}
    )
    _, page, _ = await v.go("GET", "/delegation/alliance-be?lang=en")
    programme = element(page, "programme")
    assert "Opening session" in programme and "Anna Reynders, in the audience" in programme
    assert "Peeters" not in programme  # not approved: not invited
    assert "Draft" not in programme
    assert "No member is invited" not in page
    # in French, the colon after the room is French ("(Salle) : Anna…", a non-breaking space)
    _, page, _ = await v.go("GET", "/delegation/alliance-be?lang=fr")
    assert "</strong> – " in page and ")&nbsp;:" in page, element(page, "programme")
    # the session once, its people in it, the speaker first, said as a woman is in French
    programme = element(page, "programme")
    assert programme.count("Séance d'ouverture") == 1, programme
    assert programme.index("Lotte Janssens, oratrice") < programme.index(
        "Anna Reynders, dans l'assistance"), programme


async def test_searches_ignore_accents_case_and_punctuation(api: Api, smtp: RecordingSMTP) -> None:
    """The press desk, the console's accreditations and a session's participant search find
    « Lefèvre » from "lefevre", « O'Brien » from "obrien" and « Straße » from "STRASSE"."""
    from tests.http.conftest_programme import at, make_delegation, make_room, make_session

    status, conference, _ = await api.call(
        "POST", "/api/v1/conferences", role="admin", json=conference_body()
    )
    assert status == 201, conference
    lefevre = await press(
        api,
        1,
        given_name="Hélène",
        family_name="Lefèvre",
        email="h1@example.org",
        decision="approve",
    )
    obrien = await press(
        api, 2, given_name="Seán", family_name="O'Brien", email="s2@example.org", decision="approve"
    )
    await press(
        api,
        3,
        given_name="Jan",
        family_name="Peeters",
        email="j3@example.org",
        press={
            "outlet": "Straße Zeitung",
            "press_card_number": "X-3",
            "role": "journalist",
            "country": "DE",
        },
    )
    deleg = await make_delegation(api, country="IE")
    status, minister, _ = await api.call(
        "POST",
        "/api/v1/conferences/alliance/accreditations",
        role="protocol",
        json={
            "category": "minister",
            "given_name": "Máire",
            "family_name": "Ó Súilleabháin",
            "email": "maire@example.org",
            "delegation_id": deleg["id"],
            "rank": "minister",
            "function": "Minister",
        },
    )
    assert status == 201, minister
    status, _, _ = await api.call(
        "POST",
        f"/api/v1/accreditations/{minister['id']}/decision",
        role="protocol",
        json={"decision": "approve"},
    )
    assert status == 200
    session = await make_session(api, await make_room(api), at(conference, 9), at(conference, 10))
    desk = await _officer(api, smtp)

    async def desk_finds(q: str) -> str:
        # every status: two of them are approved, and the desk opens on those to decide
        status, page, _ = await desk.go("GET", f"{DESK}?lang=en&status=all&q={q}")
        assert status == 200, page
        return element(page, "queue") if 'id="queue"' in page else ""

    assert "Lefèvre" in await desk_finds("lefevre")
    assert "Lefèvre" in await desk_finds("LEFÈVRE")
    assert "O'Brien" in await desk_finds("obrien")
    assert "O'Brien" in await desk_finds("o%E2%80%99brien")  # O’Brien, typographic apostrophe
    assert "Peeters" in await desk_finds("strasse")
    assert "Lefèvre" not in await desk_finds("obrien")
    # a search of punctuation alone finds no one (it listed every application: tryout)
    for q in ("%25", "_", "%25%25", "-"):
        assert "Lefèvre" not in await desk_finds(q) and "O'Brien" not in await desk_finds(q), q

    # (the test client keeps the last session cookie: one signed-in person at a time)
    console = await _officer(api, smtp, email="protocol@example.org", role="protocol")
    status, page, _ = await console.go("GET", "/manage/alliance/accreditations?lang=en&q=lefevre")
    assert status == 200 and "Lefèvre" in text(page) and "O'Brien" not in text(page)
    status, page, _ = await console.go("GET", "/manage/alliance/accreditations?lang=en&q=o+brien")
    assert status == 200 and "O'Brien" in text(page) and "Lefèvre" not in text(page)

    path = f"/manage/alliance/sessions/{session['id']}?lang=en"
    for q, name in (
        ("obrien", "O'Brien"),
        ("lefevre", "Lefèvre"),
        ("o+suilleabhain", "Ó Súilleabháin"),
    ):
        status, page, _ = await console.go("GET", f"{path}&q={q}")
        assert status == 200 and name in text(page), q
    assert lefevre["id"] and obrien["id"] and minister["id"]


async def test_the_desk_s_words_follow_the_count_the_person_and_the_conference(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Counts in their singular or plural form, "Tous" for the countries, a camera woman
    "Cadreuse", the workspace named by the conference's name (not its slug)."""
    await _conference(api)
    one = await press(api, 1, salutation="mrs", decision="approve",
                      press={"outlet": "RTBF", "press_card_number": "BE-1", "role": "camera",
                             "country": "BE"})
    neutral = await press(api, 2, press={"outlet": "VRT", "press_card_number": "BE-2",
                                         "role": "camera", "country": "BE"})
    v = await _officer(api, smtp)
    _, page, _ = await v.go("GET", f"{DESK}?lang=fr")
    assert element(page, "pool-counter") == "Accréditations de presse : 1 place accordée sur 10."
    assert '<option value="">Tous</option>' in page  # le pays
    # the countries the applications come from, not the 250 of the world (found trying the
    # product)
    countries = re.findall(r'<option value="([A-Z]{2})"', page.split('id="country"')[1]
                           .split("</select>")[0])
    assert countries == ["BE"], countries
    assert "(s)" not in text(page)
    _, page, _ = await v.go("GET", f"{DESK}?lang=fr&done=batch&count=2")
    assert element(page, "flash") == "2 demandes traitées."
    _, page, _ = await v.go("GET", f"{DESK}?lang=en&done=batch&count=1")
    assert element(page, "flash") == "1 application done."
    # the batch's flash says what was decided (found trying the product)
    _, page, _ = await v.go("GET", f"{DESK}?lang=fr&done=batch&count=2&decision=approve")
    assert element(page, "flash") == "2 demandes accordées."
    _, page, _ = await v.go("GET", f"{DESK}?lang=fr&done=batch&count=1&decision=waitlist")
    assert element(page, "flash") == "1 demande mise en liste d'attente."
    _, page, _ = await v.go("GET", f"{DESK}?lang=en&done=batch&count=2&decision=waitlist")
    assert element(page, "flash") == "2 applications put on the waiting list."

    _, page, _ = await v.go("GET", f"{DESK}/{one['id']}?lang=fr")
    assert "<dd>Cadreuse</dd>" in page
    _, page, _ = await v.go("GET", f"{DESK}/{neutral['id']}?lang=fr")
    assert "<dd>Prise de vues</dd>" in page
    _, page, _ = await v.go("GET", f"{DESK}/{neutral['id']}?lang=en")
    assert "<dd>Camera operator</dd>" in page
    # the role as a category (the queue's filter, the public form) is the neutral word too,
    # not "Cadreur" beside rows that say "Prise de vues" (found in a user test)
    _, page, _ = await v.go("GET", f"{DESK}?lang=fr")
    assert re.search(r'<option value="camera"[^>]*>Prise de vues</option>', page), page
    status, form, _ = await api.call("GET", "/alliance/press?lang=fr")
    assert re.search(r'value="camera"[^>]*>\s*Prise de vues', form) or \
        re.search(r'<option value="camera"[^>]*>Prise de vues</option>', form), form
    assert "Cadreur" not in page and "Cadreur" not in form

    _, page, _ = await v.go("GET", "/workspaces?lang=fr")
    assert "Bureau de presse – Alliance mondiale : réunion" in text(page)
    assert "– alliance" not in text(page)
    _, page, _ = await v.go("GET", "/workspaces?lang=en")
    assert "Press office – Global Alliance: meeting" in text(page)


async def test_the_deadlines_form_names_the_zone_in_words(api: Api, smtp: RecordingSMTP) -> None:
    await _conference(api)
    v = await _officer(api, smtp, email="protocol@example.org", role="protocol")
    _, page, _ = await v.go("GET", "/manage/alliance/deadlines?lang=fr")
    assert "Europe/Brussels" not in page
    assert "(heure de Bruxelles, CE" in text(page)  # CET or CEST, as the date falls
    _, page, _ = await v.go("GET", "/manage/alliance/deadlines?lang=en")
    assert "(Brussels time, CE" in text(page) and "Europe/Brussels" not in page


async def test_a_deadline_at_a_time_the_clocks_skip_is_refused_naming_the_field(
    api: Api, smtp: RecordingSMTP
) -> None:
    """28 March 2027, 02:30 does not exist in Brussels (the clocks go from 02:00 to 03:00): it
    was saved as 03:30 CEST without a word (found in a user test)."""
    await _conference(api)
    v = await _officer(api, smtp, email="protocol@example.org", role="protocol")
    _, page, _ = await v.go("GET", "/manage/alliance/deadlines?lang=fr")
    fields = {"csrf": hidden(page, "csrf"), "nominations_close_at": "2027-03-28T02:30",
              "changes_close_at": ""}
    status, page, _ = await v.go("POST", "/manage/alliance/deadlines?lang=fr", fields)
    assert status == 422, page
    assert element(page, "nominations_close_at-error") == (
        "Erreur : Cette heure n'existe pas ce jour-là (changement d'heure) : choisissez-en une"
        " autre.")
    status, page, _ = await v.go("POST", "/manage/alliance/deadlines?lang=en", fields)
    assert element(page, "nominations_close_at-error") == (
        "Error: This time does not exist on that day (the clocks change): choose another.")
    _, conf, _ = await api.call("GET", "/api/v1/conferences/alliance", role="protocol")
    assert conf["nominations_close_at"] is None  # nothing saved
    # a time the autumn change repeats exists: taken at its first occurrence (CEST)
    status, _, resp = await v.go("POST", "/manage/alliance/deadlines?lang=en",
                                 {**fields, "nominations_close_at": "2027-10-31T02:30"})
    assert status == 303, resp
    _, conf, _ = await api.call("GET", "/api/v1/conferences/alliance", role="protocol")
    assert conf["nominations_close_at"].startswith("2027-10-31T00:30")


async def test_the_deadlines_say_members_are_edited_until_changes_close(
    api: Api, smtp: RecordingSMTP
) -> None:
    """As ``accreditations.amend`` enforces: a member is edited until ``changes_close_at``,
    not until nominations close (docs/workspaces.md, "Editing a member")."""
    await _conference(api)
    v = await _officer(api, smtp, email="protocol@example.org", role="protocol")
    _, page, _ = await v.go("GET", "/manage/alliance/deadlines?lang=en")
    assert "until changes and substitutions close, they edit a member" in text(page)
    assert "register and edit" not in text(page)
    assert "Changes and substitutions close" in text(page)
    _, page, _ = await v.go("GET", "/manage/alliance/deadlines?lang=fr")
    assert "jusqu'à la clôture des modifications et remplacements, ils modifient" in text(page)


async def test_the_welcome_names_the_role_and_the_delegation_on_their_own_lines(
    api: Api, smtp: RecordingSMTP
) -> None:
    from tests.http.conftest_programme import make_delegation
    from tests.support import body_text

    await _conference(api)
    status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
        "email": "presse@example.org", "name": "Léa Martin", "language": "fr",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: "presse@example.org" in m["To"])
    body = body_text(welcome).replace("\r\n", "\n")
    assert "en tant que" not in body
    assert ("Un accès vous a été ouvert pour la conférence «\u00a0Alliance mondiale : "
            "réunion\u00a0».\nRôle\u00a0: bureau de presse\n") in body
    await make_delegation(api, country="DE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-de@example.org" in m["To"])
    body = body_text(welcome).replace("\r\n", "\n")
    assert "\nRôle\u00a0: point focal\nDélégation\u00a0: Allemagne\n" in body, body


async def test_the_press_desk_revokes_only_a_granted_accreditation_once_confirmed(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Under review, an application is decided (no revoke form, a revoke posted anyway is
    refused 409 and nobody is mailed); once approved, revoking needs the reason and the box
    ticked that confirms it, both named at once when missing."""
    application, v = await _one_application(api, smtp)
    page_url = f"{DESK}/{application['id']}?lang=en"
    _, page, _ = await v.go("GET", page_url)
    assert 'id="decision-form"' in page and 'id="revoke-form"' not in page
    # the written reason says when it is needed, not "optional" (a rejection needs one)
    assert "Written reason <span class=\"optional\">(to reject without a standard reason; " \
        "when written, it replaces it)</span>" in page
    status, page, _ = await v.go("POST", f"{DESK}/{application['id']}/revoke?lang=en",
                                 {"csrf": hidden(page, "csrf"), "reason": "Lent",
                                  "confirm": "yes"})
    assert status == 409
    assert "Only a granted accreditation is revoked" in element(page, "form-error")
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{application['id']}",
                               role="press_office")
    assert acc["status"] == "submitted"

    await api.call("POST", f"/api/v1/accreditations/{application['id']}/decision",
                   role="press_office", json={"decision": "approve"})
    _, page, _ = await v.go("GET", page_url)
    assert 'id="revoke-form"' in page and 'id="revoke_confirm"' in page
    status, page, _ = await v.go("POST", f"{DESK}/{application['id']}/revoke?lang=en",
                                 {"csrf": hidden(page, "csrf"), "reason": ""})
    assert status == 422
    assert element(page, "revoke_confirm-error") == \
        "Error: Tick the box to confirm the revocation."
    # the reason's own words (this form has no standard reasons to choose from), and a hint
    # that the reason goes to the person as written
    assert element(page, "revoke_reason-error") == "Error: Write the reason."
    assert element(page, "revoke_reason-hint") == (
        "The reason is quoted as written in the mail that tells the person of the revocation."
        " The mail is written in French: write the reason in French.")
    assert 'aria-describedby="revoke_reason-hint revoke_reason-error"' in page or \
        'aria-describedby="revoke_reason-error revoke_reason-hint"' in page
    status, _, _ = await v.go("POST", f"{DESK}/{application['id']}/revoke?lang=en",
                              {"csrf": hidden(page, "csrf"), "reason": "Badge lent",
                               "confirm": "yes"})
    assert status == 303
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{application['id']}",
                               role="press_office")
    assert acc["status"] == "revoked"


async def test_the_batch_buttons_show_only_when_an_application_can_be_picked(
    api: Api, smtp: RecordingSMTP
) -> None:
    application, v = await _one_application(api, smtp)
    _, page, _ = await v.go("GET", f"{DESK}?lang=en")
    assert f'id="pick-{application["id"]}"' in page and 'id="batch-actions"' in page
    await api.call("POST", f"/api/v1/accreditations/{application['id']}/decision",
                   role="press_office", json={"decision": "approve"})
    # listed among every application (the desk opens on those to decide), but not to pick
    _, page, _ = await v.go("GET", f"{DESK}?lang=en&status=all")
    assert f'href="{DESK}/{application["id"]}?' in page
    assert "pick-" not in page and 'id="batch-actions"' not in page
    assert "Approve the selected" not in page


async def test_a_focal_point_of_one_country_in_two_conferences_reads_which_link_is_which(
    api: Api, smtp: RecordingSMTP
) -> None:
    from tests.http.conftest_programme import make_delegation
    from tests.http.test_workspaces import _signed_in, link_in

    await _conference(api)
    await make_delegation(api, country="BE")
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(slug="suivi", title={
                                         "fr": "Alliance : suivi", "en": "Alliance: follow-up"}))
    assert status == 201, body
    status, body, _ = await api.call("POST", "/api/v1/conferences/suivi/delegations",
                                     role="admin", json={
                                         "kind": "country", "country": "BE", "focal_point": {
                                             "name": "Focal Point",
                                             "email": "fp-be@example.org"}})
    assert status == 201, body
    # and of an organisation at the second (its name in no other conference): which one is
    # said too, not "Délégation : Ligue des États arabes" among the others (tryout, 5 December)
    status, body, _ = await api.call("POST", "/api/v1/conferences/suivi/delegations",
                                     role="admin", json={
                                         "kind": "organisation", "organisation": {
                                             "name": "Ligue des États arabes",
                                             "type": "international_organisation"},
                                         "focal_point": {"name": "Focal Point",
                                                         "email": "fp-be@example.org"}})
    assert status == 201, body
    welcome = (await smtp.wait_for(3, where=lambda m: "fp-be@example.org" in m["To"]))[-1]
    v = await _signed_in(api, link_in(welcome))
    _, page, _ = await v.go("GET", "/workspaces?lang=fr")
    assert "Délégation\u00a0: Belgique – Alliance mondiale : réunion</a>" in page
    assert "Délégation\u00a0: Belgique – Alliance : suivi</a>" in page
    assert "Délégation\u00a0: Ligue des États arabes – Alliance : suivi</a>" in page


async def test_a_search_with_a_control_character_is_a_search_not_a_500(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A NUL (or another control character, pasted with a name) in a search field: the pages
    search for the rest, as for any other text (PostgreSQL's text holds no NUL)."""
    from tests.http.conftest_programme import at, make_room, make_session

    _, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    await press(api, 1, given_name="Hélène", family_name="Lefèvre", email="h1@example.org")
    session = await make_session(api, await make_room(api), at(conference, 9), at(conference, 10))
    desk = await _officer(api, smtp)
    for q in ("%00", "lef%00evre", "%1B%5B31m"):
        status, page, _ = await desk.go("GET", f"{DESK}?lang=en&q={q}")
        assert status == 200, (q, page[:300])
    _, page, _ = await desk.go("GET", f"{DESK}?lang=en&q=lef%00evre")
    assert "Lefèvre" in element(page, "queue")
    console = await _officer(api, smtp, email="protocol@example.org", role="protocol")
    for path in ("/manage/alliance/accreditations?lang=en",
                 f"/manage/alliance/sessions/{session['id']}?lang=en"):
        status, page, _ = await console.go("GET", f"{path}&q=%00")
        assert status == 200, (path, page[:300])


async def test_a_refused_batch_comes_back_on_the_queue_with_the_ticks_kept(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    """At the peak, a batch refused because the pool has too few places left, or because a
    possible duplicate is ticked, used to be a bare error page (pool) or a queue with every box
    unticked: the officer had to find and tick each application again. Found trying the
    product on the day of a meeting."""
    body = conference_body()
    body["press_registration"]["pool_capacity"] = 2
    status, created, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=body)
    assert status == 201, created
    await press(api, 1, decision="approve")
    waiting = [await press(api, n) for n in (2, 3)]
    twins = [await press(api, 4), await press(api, 4, email="again@example.org")]
    # received within one minute (two posts may straddle one): their address tells them apart
    await db.execute("UPDATE accreditation SET submitted_at = '2026-11-30 09:00+01'"
                     " WHERE id = ANY($1::uuid[])", [t["id"] for t in twins])
    v = await _officer(api, smtp)

    # two ticked, one place left: the queue again, 409, both still ticked, the count said
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    status, page, _ = await v.go("POST", f"{DESK}/batch?lang=en", [  # type: ignore[arg-type]
        ("csrf", hidden(queue, "csrf")), ("decision", "approve"),
        ("id", waiting[0]["id"]), ("id", waiting[1]["id"])])
    assert status == 409
    assert element(page, "batch-error") == (
        "Error: Nothing was approved: the press pool has too few places left. Places left: 1; "
        "applications ticked: 2. Untick some, or put them on the waiting list.")
    for a in waiting:
        assert f'id="pick-{a["id"]}" checked' in page
    status, page, _ = await v.go("POST", f"{DESK}/batch?lang=fr", [  # type: ignore[arg-type]
        ("csrf", hidden(queue, "csrf")), ("decision", "approve"),
        ("id", waiting[0]["id"]), ("id", waiting[1]["id"])])
    assert status == 409
    assert element(page, "batch-error") == (
        "Erreur : Rien n'a été accordé : le pool de presse n'a plus assez de places. Places "
        "restantes : 1 ; demandes cochées : 2. Décochez-en, ou mettez-les en liste d'attente.")

    # a possible duplicate among the ticked: named, and the others stay ticked
    status, page, _ = await v.go("POST", f"{DESK}/batch?lang=en", [  # type: ignore[arg-type]
        ("csrf", hidden(queue, "csrf")), ("decision", "approve"),
        ("id", waiting[0]["id"]), ("id", twins[0]["id"])])
    assert status == 409
    assert element(page, "batch-error") == (
        "Error: Possible duplicates are decided one by one, on their page: Marie Dupont4 – "
        "marie.dupont4@example.org. "
        "Nothing was decided: the other applications are still ticked.")
    assert f'id="pick-{waiting[0]["id"]}" checked' in page
    assert f'id="pick-{twins[0]["id"]}" checked' not in page
    assert f'id="pick-{waiting[1]["id"]}" checked' not in page
    for a in (*waiting, *twins):
        _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{a['id']}",
                                   role="press_office")
        assert acc["status"] == "submitted"

    # another officer decided one meanwhile: named with its status, the other still ticked
    # (one put on the waiting list meanwhile is no refusal of a waitlisting: it is skipped and
    # counted, tests/http/test_press_desk_phone.py)
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{waiting[1]['id']}/decision",
                                  role="press_office", json={"decision": "approve"})
    assert status == 200
    status, page, _ = await v.go("POST", f"{DESK}/batch?lang=en", [  # type: ignore[arg-type]
        ("csrf", hidden(queue, "csrf")), ("decision", "waitlist"),
        ("id", waiting[0]["id"]), ("id", waiting[1]["id"])])
    assert status == 409
    assert element(page, "batch-error") == (
        "Error: Decided meanwhile, no longer in the selection: Marie Dupont3 (Approved). "
        "Nothing was decided: the other applications are still ticked.")
    assert f'id="pick-{waiting[0]["id"]}" checked' in page
    assert f'id="pick-{waiting[1]["id"]}" checked' not in page


async def test_a_decision_leads_back_to_the_queue_as_it_was_filtered(
    api: Api, smtp: RecordingSMTP
) -> None:
    """At the peak the officer shows the applications under review, opens one, approves it,
    and came back to every application of every status, to filter again before the next one
    (found trying the product on the day of a meeting)."""
    await _conference(api)
    first, second = await press(api, 1), await press(api, 2)
    v = await _officer(api, smtp)
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&status=submitted&role=journalist")
    link = f'href="{DESK}/{first["id"]}?lang=en&amp;status=submitted&amp;role=journalist"'
    assert link in queue
    _, page, _ = await v.go("GET", f"{DESK}/{first['id']}?lang=en&status=submitted"
                                   "&role=journalist&country=zz9&day=never")
    # posted with #main, its errors in view (docs/workspaces.md, "Errors in sight")
    assert f'action="{DESK}/{first["id"]}/decision?lang=en#main"' in page
    # the filters the queue gave, those that are filters, in the form's hidden field
    assert hidden(page, "back") == "status=submitted&role=journalist"
    status, _, resp = await v.go(
        "POST", f"{DESK}/{first['id']}/decision?lang=en",
        {"csrf": hidden(page, "csrf"), "back": hidden(page, "back"), "decision": "approve"})
    assert status == 303
    location = resp.headers["Location"]
    assert location.startswith(f"{DESK}?lang=en&done=approve&status=submitted&role=journalist")
    _, queue, _ = await v.go("GET", location)
    assert element(queue, "flash") == "Accreditation approved for Marie Dupont1."
    assert f'id="pick-{second["id"]}"' in queue and f'{DESK}/{first["id"]}?' not in queue
