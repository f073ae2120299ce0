"""The programme builder in headless Chromium: protocol, welcomed by mail, signs in, adds two
rooms and three sessions from the grid's empty slots, gets a room conflict shown on the form
naming the other session, adds participants found by name, sees the chair whose clearance was
refused marked (session page, speaking order, seating plan, publication preview) and opens the
speaking order, the seating plan and the security list. Every page passes axe-core in French
and English at 390 and 1280 px; with CONFERENCE_SCREENS=1 the screenshots go to docs/screens/."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_console import _axe, _sign_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP


async def _new_session(page: Any, room: str, starts: str, *, fr: str, en: str, ends: str,
                       kind: str, royal: bool = False) -> None:
    """From the grid: the empty slot of `room` at `starts`, then the form, prefilled."""
    await page.get_by_role("link", name=re.compile(
        rf"^New session, {room}, .* from {starts} to ")).click()
    await page.wait_for_url("**/sessions/new**")
    assert await page.get_by_label("Starts (hh:mm)").input_value() == starts
    await page.get_by_label("Title in French").fill(fr)
    await page.get_by_label("Title in English").fill(en)
    await page.get_by_label("Kind of session").select_option(kind)
    await page.get_by_label("Ends (hh:mm)").fill(ends)
    await page.get_by_label("Minister", exact=True).check()
    if royal:
        await page.get_by_label("Press access").select_option("pool")
        await page.get_by_label("Royal presence").check()
    await page.get_by_role("button", name="Create the session").click()
    await page.wait_for_url(re.compile(r".*/sessions/[0-9a-f-]{36}\?.*done=saved.*"))
    assert await page.locator("#flash").inner_text() == "Session saved."


async def _to_grid(page: Any) -> None:
    await page.locator(".crumbs").get_by_role("link", name="Programme (draft)").click()
    await page.wait_for_url("**/manage/alliance/programme**")


# Every link of the grid region and each session's time text, with their boxes: on a phone
# none may lie outside the viewport (nothing reachable only by scrolling sideways).
_GRID_BOXES = """() => {
  const box = e => { const r = e.getBoundingClientRect();
                     return {left: r.left, right: r.right, width: r.width}; };
  const region = document.querySelector('.grid-wrap');
  return {
    page: document.documentElement.scrollWidth, viewport: window.innerWidth,
    region: region.scrollWidth, regionClient: region.clientWidth,
    display: getComputedStyle(document.querySelector('#grid')).display,
    links: [...region.querySelectorAll('a, h3')].map(e => ({text: e.textContent.trim(),
                                                           ...box(e)})),
    sessions: [...region.querySelectorAll('.grid-session')].map(e => ({
      title: e.querySelector('a').textContent.trim(), ...box(e),
      time: [...e.querySelectorAll('p')].map(p => ({text: p.innerText.trim(), ...box(p)}))
              .find(p => /\\d\\d:\\d\\d–\\d\\d:\\d\\d/.test(p.text)) || null})),
  };
}"""


async def _grid_at(browser: Any, page: Any, width: int, lang: str) -> dict[str, Any]:
    """The grid page at a viewport of `width` px in `lang`, in a context sharing the tab's
    cookies: the widths and boxes of _GRID_BOXES."""
    context = await browser.new_context(viewport={"width": width, "height": 900})
    await context.add_cookies(await page.context.cookies())
    tab = await context.new_page()
    await tab.goto(f"{page.url.split('?')[0]}?lang={lang}")
    boxes: dict[str, Any] = await tab.evaluate(_GRID_BOXES)
    await context.close()
    return boxes


async def _grid_fits_a_phone(browser: Any, page: Any) -> None:
    """At 390 px the day is a list by room: neither the page nor the grid's region scrolls
    sideways, every room, session and free-slot link lies inside the viewport, and each
    session shows its time as text (the grid's time labels are aria-hidden). At 1280 px the
    grid still lays out the rooms in columns."""
    for lang in ("fr", "en"):
        phone = await _grid_at(browser, page, 390, lang)
        assert phone["page"] <= phone["viewport"] == 390, (lang, phone["page"])
        assert phone["region"] <= phone["regionClient"], (lang, phone["region"],
                                                          phone["regionClient"])
        outside = [x["text"] for x in phone["links"] if x["left"] < 0 or x["right"] > 390]
        assert not outside, (lang, outside)
        assert len(phone["sessions"]) == 3
        for s in phone["sessions"]:
            assert s["time"] is not None, (lang, s)
            assert s["time"]["width"] > 0 and s["time"]["left"] >= 0 \
                and s["time"]["right"] <= min(390, s["right"]), (lang, s)
        assert len({round(s["left"]) for s in phone["sessions"]}) == 1, phone["sessions"]
        desktop = await _grid_at(browser, page, 1280, lang)
        assert desktop["display"] == "grid"
        at = {s["title"]: s["left"] for s in desktop["sessions"]}
        hall = at["Séance d'ouverture" if lang == "fr" else "Opening session"]
        spaak = at["Atelier" if lang == "fr" else "Workshop"]
        assert spaak > hall + 100, at  # two rooms, two columns side by side
        assert at["Réception royale" if lang == "fr" else "Royal reception"] == hall


async def _refused_in_sight(browser: Any, page: Any, session: str, michel: str) -> None:
    """At 390 px (found in a user test: the page reopened at its top, the only message some
    2,500 px below): a second chair and a second delegation for Belgium are each refused
    under the page's title, in view as the answer opens, in French and English; the chair is
    then made a speaker with the role select of his row, and the second chair is taken."""
    context = await browser.new_context(viewport={"width": 390, "height": 800}, bypass_csp=True)
    await context.add_cookies(await page.context.cookies())
    tab = await context.new_page()
    for lang in ("fr", "en"):
        await tab.goto(f"{session}?lang={lang}&q=Michel")
        await tab.locator(f"#candidate-{michel} select").select_option("chair")
        await tab.locator(f"#candidate-{michel} button").click()
        alert = tab.locator("#participant-error")
        await alert.wait_for()
        box = await alert.bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 800, (
            lang, box)
        await _axe(tab, f"console-participant-refused-{lang}")
        await tab.goto(f"{session.split('/sessions/')[0]}/delegations?lang={lang}")
        await tab.locator("#country").select_option("BE")
        await tab.locator("#focal_point_name").fill("Other")
        await tab.locator("#focal_point_email").fill("other@example.org")
        await tab.locator("#delegation-form button[type=submit]:not(.form-language)").click()
        summary = tab.locator("#error-summary")
        await summary.wait_for()
        box = await summary.bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 800, (
            lang, box)
        await summary.get_by_role("link").first.click()  # the link leads to the field
        assert await tab.evaluate("document.activeElement.id") == "country" or \
            await tab.evaluate("location.hash") == "#country"
        await _axe(tab, f"console-delegation-refused-{lang}")
    await tab.goto(f"{session}?lang=en")
    await tab.get_by_label("Role of Anna Reynders", exact=True).select_option("speaker")
    await tab.get_by_role("button", name="Change the role of Anna Reynders").click()
    assert await tab.locator("#flash").inner_text() == "Anna Reynders is now speaker."
    await tab.goto(f"{session}?lang=en&q=Michel")
    await tab.get_by_label("Role – Anna Michel").select_option(label="Chair")
    await tab.get_by_role("button", name="Add Anna Michel").click()
    await tab.locator("#flash").wait_for()
    assert await tab.get_by_label("Role of Anna Michel", exact=True).input_value() == "chair"
    await context.close()


async def test_protocol_builds_the_programme_on_the_grid(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    reynders = await member(site, be, "Reynders", rank="foreign_minister")
    await member(site, be, "Wilmes", rank="minister")
    michel = await member(site, be, "Michel", rank="minister")
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    await page.locator("#workspace-list").get_by_role(
        "link", name="Protocol – Global Alliance: meeting").click()
    await page.wait_for_url("**/manage/alliance?**")
    await page.get_by_role("link", name="Programme", exact=True).click()
    await page.wait_for_url("**/manage/alliance/programme**")
    assert await page.locator("#no-rooms").is_visible()

    for name, seats in (("Plenary hall", "300"), ("Room Spaak", "40")):
        await page.get_by_label("Name in French").fill(name)
        await page.get_by_label("Seats").fill(seats)
        await page.get_by_role("button", name="Add a room").click()
        await page.locator("#flash").wait_for()
    assert await page.locator(".grid-room").all_inner_texts() == ["Plenary hall", "Room Spaak"]

    await _new_session(page, "Plenary hall", "09:00", fr="Séance d'ouverture",
                       en="Opening session", ends="10:30", kind="plenary")
    await _to_grid(page)
    await _new_session(page, "Room Spaak", "10:00", fr="Atelier", en="Workshop", ends="11:00",
                       kind="expert_panel")
    await _to_grid(page)
    await _new_session(page, "Plenary hall", "14:00", fr="Réception royale",
                       en="Royal reception", ends="15:00", kind="reception", royal=True)
    await _to_grid(page)
    blocks = await page.locator(".grid-session").all_inner_texts()
    assert len(blocks) == 3
    assert any("Opening session" in b and "09:00–10:30" in b for b in blocks)
    await _grid_fits_a_phone(browser, page)
    await _audit(browser, page, "console-programme")

    # the workshop moved into the hall at 10:00: refused, naming the opening and its time
    await page.get_by_role("link", name="Workshop").click()
    await page.wait_for_url(re.compile(r".*/sessions/[0-9a-f-]{36}.*"))
    await _audit(browser, page, "console-programme-session")
    await page.get_by_label("Room", exact=True).select_option(
        label="\u2068Plenary hall\u2069 (300)")  # the name isolated from its seat count
    await page.get_by_role("button", name="Save").click()
    conflict = page.locator("#conflicts")
    await conflict.wait_for()
    text = await conflict.inner_text()
    assert "Plenary hall is already taken at that time by “Opening session”" in text
    assert "09:00–10:30" in text
    assert "Opening session" in await page.locator("#room_id-error").inner_text()
    await _axe(page, "console-programme-conflict")

    # participants, found by name, on the opening
    await _to_grid(page)
    await page.get_by_role("link", name="Opening session").click()
    await page.wait_for_url(re.compile(r".*/sessions/[0-9a-f-]{36}.*"))
    for family, role in (("Reynders", "Chair"), ("Wilmes", "Speaker")):
        await page.get_by_label("Search an accredited person (name)").fill(family)
        await page.get_by_role("button", name="Search").click()
        await page.locator("#search-results").wait_for()
        if family == "Reynders":  # the results, with whom each person comes
            assert "Belgium)" in await page.locator("#search-results").inner_text()
            await _audit(browser, page, "console-participant-search")
        await page.get_by_label(f"Role – Anna {family}").select_option(label=role)
        await page.get_by_role("button", name=f"Add Anna {family}").click()
        await page.locator("#flash").wait_for()
    rows = await page.locator("#participants tbody tr").all_inner_texts()
    assert "Reynders" in rows[0] and "Chair" in rows[0]
    assert "Wilmes" in rows[1] and "Speaker" in rows[1]
    # on a phone each participant is a card: the role change and "Remove" lie inside the
    # viewport (a user test found the "Remove" column cut at the right edge)
    phone = await browser.new_context(viewport={"width": 390, "height": 844})
    await phone.add_cookies(await page.context.cookies())
    tab = await phone.new_page()
    await tab.goto(page.url.split("?")[0] + "?lang=fr")
    assert await tab.evaluate(
        "getComputedStyle(document.querySelector('#participants tbody tr')).display") == "block"
    boxes = [await b.bounding_box() for b in
             await tab.locator("#participants button").all()]
    assert boxes and all(b is not None and 0 <= b["x"] and b["x"] + b["width"] <= 390
                         for b in boxes), boxes
    assert await tab.evaluate("document.querySelector('#participants').parentElement"
                              ".scrollWidth <= 390")
    await phone.close()
    # the chair's clearance refused: still placed, but the session's page warns at the top and
    # every view marks him (docs/credentials.md, "Vetting")
    status, body, _ = await site.call(
        "POST", f"/api/v1/accreditations/{reynders['id']}/vetting/status", role="protocol",
        json={"status": "refused", "reason": "National record."})
    assert status == 200, body
    await page.reload()
    assert "Anna Reynders (Chair)" in await page.locator("#clearance-refused").inner_text()
    assert await page.locator(f"#clearance-{reynders['id']}").inner_text() == \
        "Clearance refused – take them off this session"
    await _audit(browser, page, "console-programme-session-clearance-refused")
    opening = page.url.split("?")[0]

    await page.get_by_role("link", name="Speaking order").click()
    await page.wait_for_url("**/speaking-order**")
    order = await page.locator("#speaking-order tbody tr").all_inner_texts()
    assert len(order) == 2 and "Reynders" in order[0] and "Wilmes" in order[1]
    assert "Clearance refused – take them off this session" in order[0]
    assert await page.locator("#csv-link").get_attribute("href") is not None
    await _audit(browser, page, "console-speaking-order")
    await page.go_back()
    await page.get_by_role("link", name="Seating plan").click()
    await page.wait_for_url("**/seating**")
    await _audit(browser, page, "console-seating")
    assert "Clearance refused" in await page.locator("#seating").inner_text()
    await page.goto(page.url.split("/sessions/")[0] + "/publish?lang=en")
    assert "Opening session: Anna Reynders (Chair)" in await page.locator(
        "#publish-clearance-refused").inner_text()
    await _audit(browser, page, "console-publish-preview-clearance-refused")
    await page.go_back()
    # taking someone off asks first; "Keep" goes back with nobody removed
    await page.goto(f"{opening}?lang=en")
    await page.get_by_role("link", name="Remove Anna Wilmes").click()
    await page.wait_for_url("**/remove**")
    assert await page.locator("h1").inner_text() == "Take Anna Wilmes off the session?"
    await _audit(browser, page, "console-programme-remove-confirm")
    await page.get_by_role("link", name="Keep Anna Wilmes on the session").click()
    await page.wait_for_url(f"{opening}**")
    assert len(await page.locator("#participants tbody tr").all()) == 2

    # the royal reception's security list and its deadline; cancelling asks first
    await _to_grid(page)
    await page.get_by_role("link", name="Royal reception").click()
    await page.wait_for_url(re.compile(r".*/sessions/[0-9a-f-]{36}.*"))
    await page.get_by_role("link", name="Security list").click()
    await page.wait_for_url("**/security-list**")
    assert "The list will be frozen on" in await page.locator("#deadline").inner_text()
    await _audit(browser, page, "console-security-list")
    await page.go_back()
    await page.get_by_role("link", name="Cancel this session").click()
    await page.wait_for_url("**/cancel**")
    await _audit(browser, page, "console-programme-cancel")
    await page.get_by_role("button", name="Yes, cancel the session").click()
    await page.wait_for_url("**/manage/alliance/programme**")
    assert "Royal reception" in await page.locator("#cancelled-sessions").inner_text()
    assert len(await page.locator(".grid-session").all()) == 2
    # the new-session form, as the grid's empty slot opens it
    await page.get_by_role("link", name=re.compile(r"^New session, Room Spaak, .* from 16:00 ")
                           ).click()
    await page.wait_for_url("**/sessions/new**")
    await _audit(browser, page, "console-programme-new")
    await _refused_in_sight(browser, page, opening, michel["id"])
