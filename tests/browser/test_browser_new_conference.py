"""The console's new conference form (docs/workspaces.md, "A new conference"), empty and sent
back with its errors, passes axe-core in French and English at 390 and 1280 px, with nothing
to scroll sideways on a phone; filled in, it leads to the new conference's console. Its
details page says, before saving, that a new venue updates everyone's invitations, and after
saving how many updated invitations are being sent (docs/calendar.md, "Corrected conference
details")."""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_console import _link, _sign_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP


async def _admin_tab(site: Site, page: Any, smtp: RecordingSMTP) -> None:
    """An administrator of every conference, signed in on ``page``."""
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "admin@example.org", "name": "Ines Vermeulen", "language": "en",
        "grants": [{"role": "admin"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: "admin@example.org" in m["To"])
    await page.goto(_link(site, welcome))
    await page.get_by_role("button", name="Sign me in").click()
    await page.wait_for_url("**/workspaces**")


async def test_the_new_conference_form_passes_axe(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    await _admin_tab(site, page, smtp)
    await page.goto(f"{site.url}/manage?lang=en")
    await page.get_by_role("link", name="Create a conference").click()
    await page.locator("#conference-form").wait_for()
    await _audit(browser, page, "console-new-conference")

    async def with_errors(tab: Any, lang: str) -> None:
        await tab.goto(f"{site.url}/manage/conferences/new?lang={lang}")
        await tab.locator("#slug").fill("Alliance Avril")
        await tab.locator("#spokesperson1_phone").fill("call me")
        await tab.locator("#create-conference").click()
        await tab.locator("#error-summary").wait_for()
        await tab.locator("#spokesperson1_phone-error").wait_for()
        assert not await tab.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth")

    await with_errors(page, "en")
    await _audit(browser, page, "console-new-conference-errors", reach=with_errors)

    await page.goto(f"{site.url}/manage/conferences/new?lang=en")
    for field, value in {
        "title_fr": "Réunion sur le plan d'action", "title_en": "Action-plan meeting",
        "slug": "alliance-avril", "organiser_email": "protocole@example.org",
        "venue_fr": "Palais d'Egmont", "venue_address": "Place du Petit Sablon 8, Bruxelles",
        "starts_on": "2027-04-15", "ends_on": "2027-04-16",
        "press_opens_at": "2027-01-10T09:00", "press_closes_at": "2027-04-10T18:00",
        "pool_capacity": "40",
    }.items():
        await page.locator(f"#{field}").fill(value)
    await page.locator("#create-conference").click()
    await page.locator("#flash").wait_for()
    assert "/manage/alliance-avril" in page.url

    # then its staff: the page, and the form sent back with its errors
    await page.get_by_role("link", name="Conference staff").click()
    await page.locator("#staff-form").wait_for()
    await page.locator("#name").fill("Sophie Laurent")
    await page.locator("#email").fill("sophie.laurent@example.org")
    await page.get_by_label("Role").select_option(label="Protocol (the console)")
    await page.locator("#add-staff").click()
    await page.locator("#flash").wait_for()
    await _audit(browser, page, "console-staff")

    async def staff_errors(tab: Any, lang: str) -> None:
        await tab.goto(f"{site.url}/manage/alliance-avril/staff?lang={lang}")
        await tab.locator("#email").fill("sophie")
        await tab.locator("#add-staff").click()
        await tab.locator("#email-error").wait_for()
        assert not await tab.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth")

    await staff_errors(page, "en")
    await _audit(browser, page, "console-staff-errors", reach=staff_errors)

    # its details, to correct: the form with its fixed fields as text, and with an error
    await page.goto(f"{site.url}/manage/alliance-avril?lang=en")
    await page.get_by_role("link", name="Conference details").click()
    await page.locator("#save-settings").wait_for()
    await _audit(browser, page, "console-settings")

    async def settings_errors(tab: Any, lang: str) -> None:
        await tab.goto(f"{site.url}/manage/alliance-avril/settings?lang={lang}")
        await tab.locator("#title_fr").fill("")
        await tab.locator("#save-settings").click()
        await tab.locator("#title_fr-error").wait_for()
        assert not await tab.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth")

    await settings_errors(page, "en")
    await _audit(browser, page, "console-settings-errors", reach=settings_errors)


async def test_the_details_page_says_the_invitations_are_updated(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    await member(site, be, "Peeters")
    await member(site, be, "Maes")
    _, room, _ = await site.call("POST", "/api/v1/conferences/alliance/rooms", role="protocol",
                                 json={"name": "Plenary hall", "capacity": 300})
    day = datetime.fromisoformat(body["starts_on"])
    start = datetime(day.year, day.month, day.day, 9, tzinfo=ZoneInfo("Europe/Brussels"))
    status, session, _ = await site.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol", json={
            "title": {"fr": "Ouverture", "en": "Opening"}, "kind": "plenary",
            "room_id": room["id"], "starts_at": start.isoformat(),
            "ends_at": start.replace(hour=10).isoformat(), "audience": ["minister"],
            "press_access": "closed"})
    assert status == 201, session
    assert (await site.call("POST", "/api/v1/conferences/alliance/programme/publish",
                            role="protocol"))[0] == 201

    # before saving: a new venue sends everyone invited an updated invitation
    await _sign_in(site, page, smtp, "admin@example.org", "admin", "en")
    await page.goto(f"{site.url}/manage/alliance/settings?lang=en")
    assert "sends an updated invitation to everyone invited to a published session (2 " \
        "invitations sent so far)" in await page.inner_text("#calendar-note")
    await _audit(browser, page, "console-settings-calendar")

    # after saving: how many updated invitations are on their way, in the page's language
    numbers = itertools.count(8)

    async def saved(tab: Any, lang: str) -> None:
        await tab.goto(f"{site.url}/manage/alliance/settings?lang={lang}")
        await tab.locator("#venue_en").fill("Egmont Palace")
        await tab.locator("#venue_address").fill(
            f"Place du Petit Sablon {next(numbers)}, 1000 Bruxelles")
        await tab.locator("#save-settings").click()
        await tab.locator("#flash").wait_for()
        assert ("2 invitations mises à jour sont en cours d'envoi" if lang == "fr" else
                "2 updated invitations are being sent") in await tab.inner_text("#flash")
        assert not await tab.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth")

    await saved(page, "en")
    await _audit(browser, page, "console-settings-calendar-saved", reach=saved)


async def test_a_fourth_host_is_added_without_javascript_and_filed(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """The form offered three hosts while the API takes twenty: "Add a host" shows it again with
    a fourth row, everything typed still there, nothing created; sent, the conference has four
    hosts (docs/workspaces.md, "A new conference"). The form with its added row passes axe-core
    in French and English at 390 and 1280 px."""
    await _admin_tab(site, page, smtp)
    typed = {
        "title_fr": "Réunion sur le plan d'action", "title_en": "Action-plan meeting",
        "slug": "alliance-hotes", "organiser_email": "protocole@example.org",
        "venue_fr": "Palais d'Egmont", "venue_address": "Place du Petit Sablon 8, Bruxelles",
        "starts_on": "2027-04-15", "ends_on": "2027-04-16",
        "press_opens_at": "2027-01-10T09:00", "press_closes_at": "2027-04-10T18:00",
        "pool_capacity": "40",
        "host1_name": "Cecilia Malmström", "host1_function_fr": "Commissaire européenne",
        "host2_name": "Eric Holder", "host3_name": "Hadja Lahbib",
        "spokesperson1_name": "Michele Cercone", "spokesperson1_phone": "+32 2 298 09 63",
    }

    async def fill_and_add(tab: Any, lang: str) -> None:
        await tab.goto(f"{site.url}/manage/conferences/new?lang={lang}")
        for field, value in typed.items():
            await tab.locator(f"#{field}").fill(value)
        await tab.locator("#host1_rank").select_option("minister")
        assert await tab.locator("#host4_name").count() == 0
        await tab.locator("#add-host").click()
        await tab.locator("#host4_name").wait_for()
        assert tab.url.endswith("#host-4")
        assert not await tab.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth")

    await page.set_viewport_size({"width": 390, "height": 900})
    await fill_and_add(page, "en")
    await page.set_viewport_size({"width": 1280, "height": 900})
    # what was typed is still there, and nothing was created
    for field, value in typed.items():
        assert await page.locator(f"#{field}").input_value() == value, field
    assert await page.locator("#host1_rank").input_value() == "minister"
    assert await page.locator("#error-summary").count() == 0
    status, _, _ = await site.call("GET", "/api/v1/conferences/alliance-hotes")
    assert status == 404
    await _audit(browser, page, "console-new-conference-host-added", reach=fill_and_add)

    await page.locator("#host4_name").fill("Joëlle Milquet")
    await page.locator("#host4_rank").select_option("minister")
    await page.locator("#create-conference").click()
    await page.locator("#flash").wait_for()
    assert "/manage/alliance-hotes" in page.url
    status, c, _ = await site.call("GET", "/api/v1/conferences/alliance-hotes")
    assert status == 200
    assert [(h["name"], h["rank"]) for h in c["hosts"]] == [
        ("Cecilia Malmström", "minister"), ("Eric Holder", None), ("Hadja Lahbib", None),
        ("Joëlle Milquet", "minister")]
