"""The details page corrects the conference's days, time zone and languages, in headless
Chromium (docs/workspaces.md, "The conference's days, time zone and languages"): the last day
typed in its date input, the zone picked from the list, English ticked off and on; a day that
would leave a session outside refused on its field. At 390 and 1280 px, in French and English,
without JavaScript needed, axe-clean."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_settings_language_control import _axe_clean
from tests.conftest import conference_body
from tests.support import RecordingSMTP


async def _fits(page: Any) -> None:
    assert not await page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth")


async def test_the_details_page_corrects_the_days_the_zone_and_the_languages(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    first = date.fromisoformat(body["starts_on"])
    _, room, _ = await site.call("POST", "/api/v1/conferences/alliance/rooms", role="admin",
                                 json={"name": "Plenary hall", "capacity": 300})
    last_day = first + timedelta(days=1)
    status, session, _ = await site.call(
        "POST", "/api/v1/conferences/alliance/sessions", role="protocol", json={
            "title": {"fr": "Clôture", "en": "Closing session"}, "kind": "plenary",
            "room_id": room["id"], "press_access": "closed", "audience": ["official"],
            "starts_at": datetime.combine(last_day, time(9), ZoneInfo("Europe/Brussels"))
            .isoformat(),
            "ends_at": datetime.combine(last_day, time(10), ZoneInfo("Europe/Brussels"))
            .isoformat()})
    assert status == 201, session
    await _sign_in(site, page, smtp, "admin@example.org", "admin", "en")
    settings = f"{site.url}/manage/alliance/settings"

    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        for lang in ("fr", "en"):
            await page.goto(f"{settings}?lang={lang}")
            assert await page.locator("#starts_on").get_attribute("type") == "date"
            assert "2027-04-15" in await page.locator("#ends_on-hint").inner_text()
            assert await page.is_checked("#language_fr") and await page.is_checked(
                "#language_en")
            await _fits(page)
            await _axe_clean(page, f"settings {lang} {width}")

    # the last day brought forward onto the first: the closing session would fall outside
    await page.set_viewport_size({"width": 390, "height": 900})
    await page.goto(f"{settings}?lang=en")
    await page.fill("#ends_on", first.isoformat())
    await page.locator("#save-settings").click()
    await page.locator("#ends_on-error").wait_for()
    error = await page.locator("#ends_on-error").inner_text()
    assert "1 session of the programme would fall outside these days" in error
    assert "“Closing session”" in error
    await page.locator("#error-summary a[href='#ends_on']").wait_for()
    await _fits(page)
    await _axe_clean(page, "settings refused en 390")

    # a day more, the zone corrected, English ticked off: saved
    await page.goto(f"{settings}?lang=en")
    await page.fill("#ends_on", (first + timedelta(days=2)).isoformat())
    await page.select_option("#timezone", "Europe/Lisbon")
    await page.uncheck("#language_en")
    await page.locator("#save-settings").click()
    await page.locator("#flash").wait_for()
    assert await page.locator("#flash").inner_text() == "Conference details saved."
    _, c, _ = await site.call("GET", "/api/v1/conferences/alliance")
    assert (c["ends_on"], c["timezone"], c["languages"]) == (
        (first + timedelta(days=2)).isoformat(), "Europe/Lisbon", ["fr"])
    _, moved, _ = await site.call("GET", f"/api/v1/sessions/{session['id']}", role="protocol")
    assert datetime.fromisoformat(moved["starts_at"]) == datetime.combine(
        last_day, time(9), ZoneInfo("Europe/Lisbon"))
    assert await page.input_value("#timezone") == "Europe/Lisbon"
    assert not await page.is_checked("#language_en")

    # English ticked on again: the notice says what to check
    await page.goto(f"{settings}?lang=fr")
    await page.check("#language_en")
    await page.locator("#save-settings").click()
    await page.locator("#flash").wait_for()
    notice = await page.locator("#flash").inner_text()
    assert "Langue ajoutée\u00a0: Anglais." in notice or "Langue ajoutée : Anglais." in notice
    assert "0\u00a0séance" in notice or "0 séance" in notice
    await _fits(page)
    await _axe_clean(page, "settings language added fr 390")
