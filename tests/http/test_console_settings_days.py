"""The console's details page corrects the conference's days, time zone and languages
(docs/workspaces.md, "The conference's days, time zone and languages"): dates as date inputs
with their format, the zone as a list of the IANA zones, the languages as checkboxes; what the
programme, the publication or the letters refuse is said on the field, in the page's language,
nothing saved."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.conftest_programme import accredit, make_delegation, make_room, make_session
from tests.http.test_console import staff
from tests.http.test_console_new_conference import FORM, NEW, TICKED
from tests.support import RecordingSMTP

PATH = "/manage/alliance-avril/settings"
SLUG = "alliance-avril"


async def _created(api: Api, smtp: RecordingSMTP) -> Any:
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    status, _, _ = await admin.post_form(f"{NEW}?lang=en", f"{NEW}?lang=en", **FORM)
    assert status == 303
    return admin


async def test_the_page_offers_the_days_the_zone_and_the_languages(
    api: Api, smtp: RecordingSMTP
) -> None:
    admin = await _created(api, smtp)
    status, page, _ = await admin.go("GET", f"{PATH}?lang=fr")
    assert status == 200
    assert 'name="starts_on" type="date" value="2027-04-15"' in page
    # (element() reads the text as a reader would: its non-breaking spaces as spaces)
    assert element(page, "starts_on-hint") == (
        "Une date, par exemple le 15 avril 2027 : choisie dans le calendrier, ou écrite "
        "2027-04-15 (AAAA-MM-JJ) si le navigateur n'en affiche pas.")
    assert '<option value="Europe/Brussels" selected>Europe/Brussels</option>' in page
    assert '<option value="America/Argentina/Buenos_Aires">' in page
    assert "garde" in element(page, "timezone-hint") or "gardent" in element(page, "timezone-hint")
    assert '<input type="checkbox" id="language_fr" name="language_fr" value="1" checked>' in page
    assert '<input type="checkbox" id="language_en" name="language_en" value="1" checked>' in page
    assert '<option value="fr" selected>Français</option>' in page


async def test_the_last_day_corrected_and_a_session_left_outside_refused(
    api: Api, smtp: RecordingSMTP
) -> None:
    admin = await _created(api, smtp)
    status, _, resp = await admin.post_form(f"{PATH}?lang=en", f"{PATH}?lang=en",
                                            **{**FORM, **TICKED, "ends_on": "2027-04-17"})
    assert status == 303, _
    _, c, _ = await api.call("GET", f"/api/v1/conferences/{SLUG}")
    assert c["ends_on"] == "2027-04-17"
    room = await make_room(api, slug=SLUG)
    await make_session(api, room, "2027-04-17T09:00:00+02:00", "2027-04-17T10:00:00+02:00",
                       slug=SLUG, title={"fr": "Clôture", "en": "Closing session"})
    status, page, _ = await admin.post_form(f"{PATH}?lang=fr", f"{PATH}?lang=fr",
                                            **{**FORM, **TICKED, "ends_on": "2027-04-16"})
    assert status == 409
    assert element(page, "ends_on-error") == (
        "Erreur : 1 séance du programme tomberait en dehors de ces jours : "
        "« Clôture » (17 avril 2027 à 09:00 CEST). Déplacez-la ou annulez-la d'abord.")
    assert 'href="#ends_on"' in page  # the summary leads to the field
    _, c, _ = await api.call("GET", f"/api/v1/conferences/{SLUG}")
    assert c["ends_on"] == "2027-04-17"
    # in the wrong order: the form's own error
    status, page, _ = await admin.post_form(f"{PATH}?lang=en", f"{PATH}?lang=en",
                                            **{**FORM, **TICKED, "ends_on": "2027-04-14"})
    assert status == 422
    assert "cannot come before the first" in element(page, "ends_on-error")


async def test_the_zone_corrected_keeps_the_local_times_until_publication(
    api: Api, smtp: RecordingSMTP
) -> None:
    admin = await _created(api, smtp)
    room = await make_room(api, slug=SLUG)
    session = await make_session(api, room, "2027-04-15T09:00:00+02:00",
                                 "2027-04-15T10:00:00+02:00", slug=SLUG)
    status, _, _ = await admin.post_form(f"{PATH}?lang=en", f"{PATH}?lang=en",
                                         **{**FORM, **TICKED, "timezone": "Europe/Lisbon"})
    assert status == 303, _
    _, c, _ = await api.call("GET", f"/api/v1/conferences/{SLUG}")
    assert c["timezone"] == "Europe/Lisbon"
    # the press window typed on the form, in the zone corrected
    assert c["press_registration"]["closes_at"] == "2027-04-10T17:00:00Z"
    assert c["security_list_deadline"] == "2027-04-12T11:00:00Z"  # 12:00 in Lisbon
    _, stored, _ = await api.call("GET", f"/api/v1/sessions/{session['id']}", role="protocol")
    assert datetime.fromisoformat(stored["starts_at"]) == datetime(
        2027, 4, 15, 9, tzinfo=ZoneInfo("Europe/Lisbon"))
    assert (await api.call("POST", f"/api/v1/conferences/{SLUG}/programme/publish",
                           role="protocol"))[0] == 201
    status, page, _ = await admin.go("GET", f"{PATH}?lang=en")
    assert element(page, "timezone-fixed") == "Time zone Europe/Lisbon"
    assert "invitations went out" in element(page, "timezone-published")
    assert 'name="timezone"' not in page
    status, _, _ = await admin.post_form(f"{PATH}?lang=en", f"{PATH}?lang=en",
                                         **{**FORM, **TICKED, "timezone": "Europe/Brussels"})
    assert status == 303
    _, c, _ = await api.call("GET", f"/api/v1/conferences/{SLUG}")
    assert c["timezone"] == "Europe/Lisbon"  # shown, not changed
    # nor the first language
    status, page, _ = await admin.post_form(f"{PATH}?lang=en", f"{PATH}?lang=en",
                                            **{**FORM, **TICKED, "first_language": "en"})
    assert status == 409
    assert "written, with its invitations, in the first language" in element(
        page, "languages-error")


async def test_a_language_removed_only_while_unused_and_one_added_says_what_to_check(
    api: Api, smtp: RecordingSMTP
) -> None:
    admin = await _created(api, smtp)
    only_fr = {**FORM, "language_fr": "1", "first_language": "fr"}
    status, _, _ = await admin.post_form(f"{PATH}?lang=en", f"{PATH}?lang=en", **only_fr)
    assert status == 303, _
    _, c, _ = await api.call("GET", f"/api/v1/conferences/{SLUG}")
    assert c["languages"] == ["fr"]
    status, _, resp = await admin.post_form(f"{PATH}?lang=fr", f"{PATH}?lang=fr",
                                            **{**FORM, **TICKED})
    assert status == 303
    status, page, _ = await admin.go("GET", resp.headers["Location"])
    assert element(page, "flash").startswith(
        "Détails de la conférence enregistrés. Langue ajoutée : Anglais.")
    assert "0 séance a le même titre" in element(page, "flash")
    be = await make_delegation(api, "BE", slug=SLUG)
    await accredit(api, "John", "Smith", delegation=be, language="en", decision=None, slug=SLUG)
    status, page, _ = await admin.post_form(f"{PATH}?lang=en", f"{PATH}?lang=en", **only_fr)
    assert status == 409
    assert element(page, "languages-error").startswith(
        "Error: This language (English) can no longer be removed: 1 accreditation in this "
        "language")
    assert 'href="#language_fr"' in page
    # none ticked, or the first not among those ticked: the form says so
    status, page, _ = await admin.post_form(f"{PATH}?lang=en", f"{PATH}?lang=en",
                                            **{**FORM, "first_language": "fr"})
    assert status == 422 and "Tick at least one language." in element(page, "languages-error")
    status, page, _ = await admin.post_form(f"{PATH}?lang=en", f"{PATH}?lang=en",
                                            **{**FORM, "language_en": "1",
                                               "first_language": "fr"})
    assert status == 422
    assert "must be one of those ticked" in element(page, "languages-error")
    _, c, _ = await api.call("GET", f"/api/v1/conferences/{SLUG}")
    assert c["languages"] == ["fr", "en"]


async def test_a_refusal_of_the_days_says_the_session_s_time_in_words(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The session left outside is named with its day in words, as every date of the console
    is, not as a form's value ("2027-04-17 09:00" read as a code; tryout of the settings
    page)."""
    admin = await _created(api, smtp)
    status, _, _ = await admin.post_form(f"{PATH}?lang=en", f"{PATH}?lang=en",
                                         **{**FORM, **TICKED, "ends_on": "2027-04-17"})
    assert status == 303
    room = await make_room(api, slug=SLUG)
    await make_session(api, room, "2027-04-17T09:00:00+02:00", "2027-04-17T10:00:00+02:00",
                       slug=SLUG, title={"fr": "Clôture", "en": "Closing session"})
    for lang, said in (("fr", "« Clôture » (17 avril 2027 à 09:00 CEST)"),
                       ("en", "“Closing session” (17 April 2027, 09:00 CEST)")):
        status, page, _ = await admin.post_form(f"{PATH}?lang={lang}", f"{PATH}?lang={lang}",
                                                **{**FORM, **TICKED, "ends_on": "2027-04-16"})
        assert status == 409
        assert said in element(page, "ends_on-error"), element(page, "ends_on-error")


async def test_a_language_refused_is_named_as_its_legend_and_in_lower_case_in_french(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The summary names the languages' field by its legend on the page ('Langues de la
    conférence'; the new conference form's label spoke of a first language the page asks
    apart), and the language inside the French sentence is written in lower case
    ('Cette langue (anglais)'; tryout of the settings page)."""
    admin = await _created(api, smtp)
    be = await make_delegation(api, "BE", slug=SLUG)
    await accredit(api, "John", "Smith", delegation=be, language="en", decision=None, slug=SLUG)
    only_fr = {**FORM, "language_fr": "1", "first_language": "fr"}
    status, page, _ = await admin.post_form(f"{PATH}?lang=fr", f"{PATH}?lang=fr", **only_fr)
    assert status == 409
    assert element(page, "languages-error").startswith(
        "Erreur : Cette langue (anglais) ne peut plus être retirée : 1 accréditation")
    assert '<a href="#language_fr">Langues de la conférence</a>' in page
    status, page, _ = await admin.post_form(f"{PATH}?lang=en", f"{PATH}?lang=en", **only_fr)
    assert element(page, "languages-error").startswith("Error: This language (English)")
    assert '<a href="#language_fr">The conference\'s languages</a>' in page \
        or '<a href="#language_fr">The conference&#39;s languages</a>' in page
