"""What the deadlines say to those who keep them (docs/lifecycle.md, "Quotas and deadlines"):
the console's deadlines form accepts deadlines that look wrong but warns after saving, naming
each field and why; the delegation portal shows when a deadline left open closes (with the
conference, at the end of its last day in its time zone) instead of saying nothing."""

from __future__ import annotations

from tests.browser.helpers import element, publish
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import accredit, make_delegation, make_room, make_session
from tests.http.test_console import staff
from tests.http.test_workspaces import _signed_in, link_in
from tests.support import RecordingSMTP, body_text

DEADLINES = "/manage/alliance/deadlines"


async def _conference(api: Api, smtp: RecordingSMTP, **changes: object) -> str:
    """The conference of 13 and 14 January 2031 in Brussels; the link of Belgium's focal
    point. (Pages are read with tags stripped and whitespace collapsed: a no-break space is a
    space here.)"""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(starts_on="2031-01-13",
                                                          ends_on="2031-01-14", **changes))
    assert status == 201, body
    await make_delegation(api, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    return link_in(welcome)


async def test_the_deadlines_form_saves_what_looks_wrong_and_says_why(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, smtp, security_list_deadline="2031-01-05T12:00:00+01:00",
                      press_registration={"opens_at": "2030-12-01T09:00:00+01:00",
                                          "closes_at": "2031-01-20T18:00:00+01:00",
                                          "pool_capacity": 10})
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    # in order: nominations on 1 January, changes on 10 January
    status, _, resp = await protocol.post_form(DEADLINES, DEADLINES,
                                               nominations_close_at="2031-01-01T18:00",
                                               changes_close_at="2031-01-10T18:00")
    assert status == 303
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert status == 200 and 'id="flash"' in page
    # only the press registration, closing after the conference, is worth a word
    assert element(page, "deadline-warnings").count("Press registration closes") == 1
    assert 'id="warning-press_registration-closes_at-after_conference"' in page
    assert 'id="warning-security_list_deadline-before_nominations"' not in page

    # saved as given, with a warning for each field and why, in both languages
    status, _, resp = await protocol.post_form(DEADLINES, DEADLINES,
                                               nominations_close_at="2031-01-08T18:00",
                                               changes_close_at="2031-01-20T18:00")
    assert status == 303
    status, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    assert (conference["nominations_close_at"], conference["changes_close_at"]) == (
        "2031-01-08T17:00:00Z", "2031-01-20T17:00:00Z")
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert element(page, "warning-changes_close_at-after_conference") == (
        "Changes and substitutions close: 20 January 2031, 18:00 CET, after the conference "
        "ends on 14 January 2031, 23:59 (Brussels time, CET).")
    assert element(page, "warning-security_list_deadline-before_nominations") == (
        "Security list deadline: 5 January 2031, 12:00 CET, before nominations close on "
        "8 January 2031, 18:00 CET. A member registered later cannot be added to a "
        "royal-presence session.")
    status, page, _ = await protocol.go("GET", f"{DEADLINES}?lang=fr")
    assert element(page, "warning-changes_close_at-after_conference") == (
        "Clôture des modifications et remplacements : le 20 janvier 2031 à 18:00 CET, "
        "après la fin de la conférence, le 14 janvier 2031 à 23:59 (heure de Bruxelles, CET).")
    assert "Arrêt de la liste de sécurité : le 5 janvier 2031 à 12:00 CET, avant la " \
        "clôture des inscriptions, le 8 janvier 2031 à 18:00 CET." in element(
            page, "warning-security_list_deadline-before_nominations")

    # nominations left open close with the conference: the security list freezes before
    status, _, resp = await protocol.post_form(DEADLINES, DEADLINES, nominations_close_at="",
                                               changes_close_at="")
    assert status == 303
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert "with no date set, they close with the conference on 14 January 2031, 23:59 " \
        "(Brussels time, CET)" in element(
            page, "warning-security_list_deadline-before_nominations")
    assert 'id="warning-changes_close_at-after_conference"' not in page


async def test_the_portal_shows_when_a_deadline_left_open_closes(
    api: Api, smtp: RecordingSMTP
) -> None:
    link = await _conference(api, smtp, security_list_deadline=None)
    focal = await _signed_in(api, link)
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=en")
    assert status == 200, page
    assert element(page, "deadline-nominations") == (
        "Nominations close with the conference: 14 January 2031, 23:59 (Brussels time, CET). "
        "You can register members until then.")
    assert element(page, "deadline-changes").startswith(
        "Changes and substitutions close with the conference: 14 January 2031, 23:59 "
        "(Brussels time, CET).")
    assert 'id="deadline-security"' not in page and 'id="no-deadlines"' not in page
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=fr")
    assert element(page, "deadline-nominations") == (
        "Les inscriptions se clôturent avec la conférence : le 14 janvier 2031 à 23:59 "
        "(heure de Bruxelles, CET). Vous pouvez inscrire des membres jusque-là.")

    # a date set is shown as before
    status, _, _ = await api.call("PATCH", "/api/v1/conferences/alliance/lifecycle",
                                  role="protocol",
                                  json={"nominations_close_at": "2031-01-02T18:00:00+01:00"})
    assert status == 200
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=en")
    assert element(page, "deadline-nominations") == \
        "You can register members until 2 January 2031, 18:00 CET."
    assert page.index('id="deadline-nominations"') < page.index('id="deadline-changes"')


async def test_each_deadline_s_hint_names_the_zone_of_its_own_date(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A user test read "CET" beside a deadline of April, which is CEST: the hint named
    the zone of the conference's first day for every field."""
    await _conference(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, _, resp = await protocol.post_form(DEADLINES, DEADLINES,
                                               nominations_close_at="2030-04-15T18:00")
    assert status == 303
    status, page, _ = await protocol.go("GET", f"{DEADLINES}?lang=en")
    assert status == 200
    assert "Brussels time, CEST" in element(page, "nominations_close_at-hint")
    assert "Brussels time, CET" in element(page, "changes_close_at-hint")  # empty: January


async def test_protocol_sets_and_moves_the_security_list_deadline_in_the_console(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The security list's deadline was set once, with the conference, and never again: a
    conference made without it never froze its lists, and one mistyped stayed so. The
    deadlines form has it, typed in the conference's zone; emptied, the list never freezes."""
    await _conference(api, smtp, security_list_deadline=None)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", f"{DEADLINES}?lang=fr")
    assert status == 200 and 'id="security_list_deadline"' in page
    # one sentence, "empty" said once (it read « … Vide : la liste n'est jamais arrêtée. Date et
    # heure de la conférence (…). Vide : pas d'échéance. », tryout)
    assert element(page, "security_list_deadline-hint") == (
        "Date et heure de la conférence (heure de Bruxelles, CET) après lesquelles personne "
        "n'est plus ajouté à une séance en présence royale ; laissée vide, la liste n'est "
        "jamais arrêtée.")
    status, page, _ = await protocol.go("GET", f"{DEADLINES}?lang=en")
    assert element(page, "security_list_deadline-hint") == (
        "Date and time at the conference (Brussels time, CET) after which nobody is added to "
        "a royal-presence session; left empty, the list is never frozen.")
    status, _, resp = await protocol.post_form(DEADLINES, DEADLINES, nominations_close_at="",
                                               changes_close_at="",
                                               security_list_deadline="2031-01-10T12:00")
    assert status == 303
    status, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    assert conference["security_list_deadline"] == "2031-01-10T11:00:00Z"
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert 'value="2031-01-10T12:00"' in page
    # a time the clocks skip is refused on its field, as the other deadlines' are
    status, page, _ = await protocol.post_form(DEADLINES, DEADLINES,
                                               security_list_deadline="2031-03-30T02:30")
    assert status == 422 and "does not exist" in element(page, "security_list_deadline-error")
    # emptied: lifted
    status, _, _ = await protocol.post_form(DEADLINES, DEADLINES, nominations_close_at="",
                                            changes_close_at="", security_list_deadline="")
    assert status == 303
    status, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    assert conference["security_list_deadline"] is None
    # the API's PATCH takes it too
    status, body, _ = await api.call("PATCH", "/api/v1/conferences/alliance/lifecycle",
                                     role="protocol",
                                     json={"security_list_deadline": "2031-01-11T12:00:00+01:00"})
    assert status == 200 and body["security_list_deadline"] == "2031-01-11T11:00:00Z", body


async def test_a_meeting_without_patron_or_royal_session_is_not_asked_for_a_security_list(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried as a secretariat (5 December 2026): a water ministerial with no patron was asked
    for the "royal presence" security list's deadline. The field is there only where such a
    list exists: a patron, a royal-presence session, or a deadline already set; a save without
    it leaves the deadline as it is."""
    await _conference(api, smtp, security_list_deadline=None, patron=None)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    for lang, royal in (("en", "royal"), ("fr", "royale")):
        status, page, _ = await protocol.go("GET", f"{DEADLINES}?lang={lang}")
        assert status == 200 and 'id="nominations_close_at"' in page
        assert 'id="security_list_deadline"' not in page and royal not in page.lower()
    status, _, _ = await protocol.post_form(DEADLINES, DEADLINES,
                                            nominations_close_at="2031-01-08T18:00",
                                            changes_close_at="")
    assert status == 303
    status, conference, _ = await api.call("GET", "/api/v1/conferences/alliance")
    assert conference["nominations_close_at"] == "2031-01-08T17:00:00Z"
    assert conference["security_list_deadline"] is None

    # a royal-presence session planned: the list exists, and the field with it
    room = await make_room(api)
    await make_session(api, room, "2031-01-13T12:00:00+01:00", "2031-01-13T13:00:00+01:00",
                       royal_presence=True, press_access="pool")
    status, page, _ = await protocol.go("GET", f"{DEADLINES}?lang=en")
    assert 'id="security_list_deadline"' in page


async def test_the_portal_says_what_the_security_list_deadline_means_and_only_where_it_applies(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried as a focal point (2 December 2026): "The security list closes on 8 January" stood
    among the deadlines of a meeting with no royal-presence session, and said nothing of what it
    meant to the delegation. It is shown only when the published programme has such a session,
    and says whom it concerns and what to do."""
    link = await _conference(api, smtp, security_list_deadline="2031-01-05T12:00:00+01:00")
    focal = await _signed_in(api, link)
    room = await make_room(api)
    await make_session(api, room, "2031-01-13T09:00:00+01:00", "2031-01-13T10:00:00+01:00",
                       audience=["minister"])
    await publish(api)
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=en")
    assert status == 200 and 'id="deadline-nominations"' in page
    assert 'id="deadline-security"' not in page  # no royal-presence session: no list

    royal = await make_session(api, room, "2031-01-13T12:00:00+01:00",
                               "2031-01-13T13:00:00+01:00", audience=["minister"],
                               royal_presence=True, press_access="pool",
                               title={"fr": "Séance royale", "en": "Royal session"})
    await publish(api)
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=en")
    assert element(page, "deadline-security") == (
        "The security list of the royal-presence sessions closes on 5 January 2031, 12:00 CET. "
        "Only members whose application is approved by then can attend them: register those "
        "who must be there in good time.")
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=fr")
    assert element(page, "deadline-security") == (
        "La liste de sécurité des séances en présence royale sera arrêtée le 5 janvier 2031 à "
        "12:00 CET. Seuls les membres dont la demande est alors accordée pourront y assister : "
        "inscrivez à temps ceux qui doivent y être.")

    # the programme marks that session, which the deadline speaks of (tried as a focal point,
    # 2 December 2026: nothing told which sessions were "en présence royale")
    status, listed, _ = await api.call("GET", "/api/v1/conferences/alliance/delegations",
                                       role="protocol")
    assert status == 200, listed
    items = listed["items"] if isinstance(listed, dict) else listed
    await accredit(api, "Hadja", "Lahbib", delegation=items[0])
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=fr")
    assert element(page, f"royal-{royal['id']}") == "en présence royale (liste de sécurité)"
    status, page, _ = await focal.go("GET", "/delegation/alliance-be?lang=en")
    assert element(page, f"royal-{royal['id']}") == "royal presence (security list)"


async def test_a_deadline_already_past_is_said_and_a_plain_visit_claims_no_save(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Nominations set to close on a day already gone were saved with "Deadlines and default
    quotas saved." alone, every focal point locked out at once; and the page opened without
    saving anything said "Saved, but worth a second look:" (tried as a protocol officer,
    5 December 2026)."""
    await _conference(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, _, resp = await protocol.post_form(DEADLINES, DEADLINES,
                                               nominations_close_at="2026-01-04T10:00",
                                               changes_close_at="2031-01-10T18:00")
    assert status == 303
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert element(page, "warning-nominations_close_at-passed") == (
        "Nominations close: 4 January 2026, 10:00 CET, already past. Focal points can no "
        "longer do what it closes.")
    assert "Saved, but worth a second look:" in element(page, "deadline-warnings")
    assert 'id="warning-changes_close_at-passed"' not in page
    # a plain visit: the same warning, nothing said to be saved
    status, page, _ = await protocol.go("GET", f"{DEADLINES}?lang=en")
    warned = element(page, "deadline-warnings")
    assert warned.startswith("Worth a second look:") and "Saved" not in warned
    status, page, _ = await protocol.go("GET", f"{DEADLINES}?lang=fr")
    assert element(page, "deadline-warnings").startswith("À revoir :")
    assert element(page, "warning-nominations_close_at-passed").startswith(
        "Clôture des inscriptions : le 4 janvier 2026 à 10:00 CET, déjà passé.")


async def test_the_focal_points_are_mailed_the_deadlines_set_after_their_welcome(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried as a secretariat (5 December 2026): the 43 welcomes went out as the delegations
    were created, before the deadlines and quotas existed; setting them afterwards told nobody,
    and nothing mailed them. The deadlines page mails every focal point their welcome again,
    with a new sign-in link and their delegation's deadlines and places as they now stand."""
    await _conference(api, smtp)
    await make_delegation(api, country="FR")
    await smtp.wait_for(1, where=lambda m: "fp-fr@example.org" in m["To"])
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, _, resp = await protocol.post_form(DEADLINES, DEADLINES,
                                               nominations_close_at="2031-01-08T18:00",
                                               changes_close_at="2031-01-10T18:00",
                                               minister="2")
    assert status == 303
    _, page, _ = await protocol.go("GET", f"{DEADLINES}?lang=en")
    assert element(page, "announce-title") == "Tell the focal points"
    # a form without its token mails nobody, and shows the deadlines as saved
    status, page, _ = await protocol.go("POST", "/manage/alliance/deadlines/announce?lang=en",
                                        {"csrf": "forged"})
    assert status == 403 and 'value="2031-01-08T18:00"' in page, page
    before = len(smtp.messages)
    status, _, resp = await protocol.post_form(f"{DEADLINES}?lang=en",
                                               "/manage/alliance/deadlines/announce?lang=en")
    assert status == 303, _
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "Deadlines and places mailed to 2 focal points " \
        "(2 delegations)."
    mails = await smtp.wait_for(2, where=lambda m: m in smtp.messages[before:])
    assert sorted(str(m["To"]).split("<")[-1].rstrip(">") for m in mails) == [
        "fp-be@example.org", "fp-fr@example.org"]
    for mail in mails:
        words = " ".join(body_text(mail).split())
        assert "8 January 2031" in words or "8 janvier 2031" in words, words
        assert "/signin/" in words
    # a focal point's new link signs in
    v = await _signed_in(api, link_in(next(m for m in mails if "fp-be" in str(m["To"]))))
    status, _, _ = await v.go("GET", "/delegation/alliance-be")
    assert status == 200
    # and nobody else may send them
    focal = v
    status, _, _ = await focal.post_form("/delegation/alliance-be",
                                         "/manage/alliance/deadlines/announce")
    assert status == 403
