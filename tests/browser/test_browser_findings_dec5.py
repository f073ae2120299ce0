"""The pages a tryout changed (5 December 2026), each in headless Chromium as its user reaches
it, axe-clean in French and English at 390 and 1280 px (``_audit``)."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import press
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.support import RecordingSMTP, current_token


async def test_a_replaced_link_leads_to_the_lost_link_form(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """A journalist opens the link of her first mail after a later letter replaced it: the page
    says why it no longer works and links the conference's lost-link form, which she follows."""
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    created = await press(site, language="en")
    await smtp.wait_for(1, where=lambda m: "marie.dupont@example.org" in m["To"])
    first = await current_token(site.db_url, created["id"])  # her acknowledgement's link
    status, _, _ = await site.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="press_office",
        json={"decision": "approve"})
    assert status == 200
    await smtp.wait_for(2, where=lambda m: "marie.dupont@example.org" in m["To"])
    assert await current_token(site.db_url, created["id"]) != first

    await page.goto(f"{site.url}/a/{first}?lang=en")
    assert await page.inner_text("h1") == "Link not valid"
    await _audit(browser, page, "link-replaced")
    await page.click("#link-again a")
    assert page.url.endswith("/alliance/press/link?lang=en")
    await page.fill("#email", "marie.dupont@example.org")
    await page.click("#link-form button[type=submit]")
    assert "its link has just been sent" in await page.inner_text("#link-message")


async def test_a_room_named_in_one_long_word_leaves_the_phone_grid_in_the_screen(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """A room named with 200 letters and no space made the grid's page 2,745 px wide at
    390 px (the room's heading in the phone's list did not break); at 1280 px it wrapped."""
    from tests.browser.test_browser_console import _sign_in

    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, _, _ = await site.call("POST", "/api/v1/conferences/alliance/rooms",
                                   role="protocol", json={"name": "X" * 200, "capacity": 40})
    assert status == 201
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{site.url}/manage/alliance/programme?lang=en")
        wide = await page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, (width, wide)
    await _audit(browser, page, "console-programme-long-room")


async def test_a_session_page_s_controls_are_big_enough_to_touch_on_a_phone(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """At 390 px a participant's role select was 89 × 19 px and the audience and royal-presence
    boxes 13 × 13 px, under the 24 px WCAG 2.2 asks of a target (2.5.8)."""
    from tests.browser.helpers import member, participant
    from tests.browser.test_browser_console import _sign_in
    from tests.http.conftest_programme import at, make_delegation, make_room, make_session

    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    _, conf, _ = await site.call("GET", "/api/v1/conferences/alliance")
    hall = await make_room(site, "Plenary hall")
    opening = await make_session(site, hall, at(conf, 9), at(conf, 10))
    be = await make_delegation(site, "BE")
    await participant(site, opening, await member(site, be, "Prevot"), "chair")
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    await page.set_viewport_size({"width": 390, "height": 900})
    await page.goto(f"{site.url}/manage/alliance/sessions/{opening['id']}?lang=en")
    targets = ["#participants select[name=role]", "#audience-minister", "#royal_presence"]
    for selector in targets:
        box = await page.locator(selector).first.bounding_box()
        assert box and box["width"] >= 24 and box["height"] >= 24, (selector, box)
    await _audit(browser, page, "console-session-touch")


async def test_the_quotas_table_is_a_card_a_delegation_on_a_phone(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """At 390 px the quotas' Expert and Staff columns were cut off inside a box that scrolled
    sideways with nothing to say so (tried as a protocol officer, 5 December 2026)."""
    from tests.browser.test_browser_console import _sign_in
    from tests.http.conftest_programme import make_delegation

    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    for country in ("BE", "FR", "DE"):
        await make_delegation(site, country)
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    await page.set_viewport_size({"width": 390, "height": 900})
    await page.goto(f"{site.url}/manage/alliance/quotas?lang=en")
    region = await page.evaluate(
        "(() => { const r = document.querySelector('#quotas').parentElement;"
        " return [r.scrollWidth, r.clientWidth, document.documentElement.scrollWidth]; })()")
    assert region[0] <= region[1] and region[2] <= 390, region
    staff = page.locator("#quota-BE td").last
    assert await staff.get_attribute("data-label") == "Staff"
    box = await staff.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    await _audit(browser, page, "console-quotas")


async def test_the_portal_s_places_fit_a_phone_zoomed_to_320_px(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """At 320 px (a phone, or 1280 px zoomed to 400 %), in French, the portal's places by
    category were 370 px wide: "Autorisées" and its "sans limite" cut off, the whole page
    scrolling sideways (a low-vision focal point's tryout, 5 December 2026)."""
    from tests.browser.helpers import focal_point_signed_in

    await focal_point_signed_in(site, smtp, page)
    await page.set_viewport_size({"width": 320, "height": 800})
    await page.goto(f"{site.url}/delegation/alliance-be?lang=fr")
    sizes = await page.evaluate(
        "(() => { const t = document.querySelector('#quotas');"
        " return [t.getBoundingClientRect().right, document.documentElement.scrollWidth]; })()")
    assert sizes[0] <= 320 and sizes[1] <= 320, sizes
    cell = page.locator("#quota-expert td").last
    assert (await cell.inner_text()).strip() == "sans limite"
    assert await cell.get_attribute("data-label") == "Autorisées"  # its label before it
    box = await cell.bounding_box()
    assert box and box["x"] + box["width"] <= 320, box
    await _audit(browser, page, "portal-places-320")


async def test_the_focus_ring_shows_on_white_and_after_a_form_error_the_page_opens_on_main(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """A keyboard tryout (5 December 2026): the focus ring, yellow alone, was 1.6:1 on white;
    and a press form sent empty left the focus on the page's top, its title unchanged. The
    ring is near-black inside a yellow halo; the form's answer opens on the main content, the
    title saying "Error:" first, and Tab reaches the summary's first link."""
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await page.goto(f"{site.url}/alliance/press?lang=en")
    await page.keyboard.press("Tab")  # the skip link
    ring = await page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineColor, s.outlineWidth, s.boxShadow]; })()")
    assert ring[:3] == ["solid", "rgb(11, 12, 12)", "3px"], ring
    assert "rgb(255, 191, 71)" in ring[3], ring
    await page.click("#press-form button[type=submit]:not([hidden])")
    await page.wait_for_load_state()
    assert (await page.title()).startswith("Error: "), await page.title()
    assert page.url.endswith("#main")
    assert await page.evaluate("document.activeElement.id") == "main"
    await page.keyboard.press("Tab")
    first = await page.evaluate("document.activeElement.closest('#error-summary') !== null")
    assert first, await page.evaluate("document.activeElement.outerHTML")
    await _audit(browser, page, "press-form-errors-focus")


async def test_the_press_form_fits_320_px_with_its_text_at_200_percent(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """A low-vision tryout (5 December 2026): with the text at 200 % on a 320 px screen the
    press form's fieldsets were 387 px wide (a fieldset is as wide as its widest select by
    default), their right edge and its fields cut off."""
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    # the reader's own style sheet, as a browser's text size applies it (the page's CSP
    # forbids a style the page did not bring: this context's browser bypasses it)
    context = await browser.new_context(bypass_csp=True,
                                        viewport={"width": 320, "height": 800})
    try:
        tab = await context.new_page()
        await tab.goto(f"{site.url}/alliance/press?lang=fr")
        await tab.add_style_tag(content="html { font-size: 200% !important; }")
        widths = await tab.evaluate(
            "(() => [document.documentElement.scrollWidth,"
            " ...Array.from(document.querySelectorAll('fieldset'))"
            ".map(f => Math.ceil(f.getBoundingClientRect().right))])()")
        assert max(widths) <= 320, widths
    finally:
        await context.close()


async def test_the_console_overview_and_statistics_fit_320_px_with_the_text_at_200_percent(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """A low-vision tryout (5 December 2026): with the text at 200 % on a 320 px screen the
    console's overview and its statistics were 544 px wide (a column of the overview's grid
    was 16rem at least), the whole page scrolling sideways. A column is never wider than the
    screen; the tables stack one under the other."""
    from tests.browser.helpers import member
    from tests.browser.test_browser_console import _sign_in
    from tests.http.conftest_programme import make_delegation

    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await member(site, await make_delegation(site, country="BE"), "Reynders",
                 rank="foreign_minister")
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    context = await browser.new_context(bypass_csp=True,
                                        viewport={"width": 320, "height": 800})
    try:
        await context.add_cookies(await page.context.cookies())
        tab = await context.new_page()
        for path in ("/manage/alliance?lang=fr", "/manage/alliance?lang=en",
                     "/manage/alliance/statistics?lang=fr"):
            await tab.goto(f"{site.url}{path}")
            await tab.add_style_tag(content="html { font-size: 200% !important; }")
            width = await tab.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, (path, width)
        assert await tab.locator("#by-category").is_visible()
    finally:
        await context.close()
