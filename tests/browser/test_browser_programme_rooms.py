"""The programme builder as a protocol officer of a bilingual meeting reads it, in headless
Chromium: the rooms, named in French and in English, appear in the reader's language (the grid's
columns and free slots, the list of rooms, a session's page and its room choices) and in the
order the office added them, the plenary hall first; and at 1280 px a day with three rooms and
real session titles fits the screen, nothing to scroll sideways to read the last room. Every
page passes axe-core in French and English at 390 and 1280 px."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.http.conftest_programme import at, make_room, make_session
from tests.support import RecordingSMTP

ROOMS = [({"fr": "Salle plénière", "en": "Plenary hall"}, 300),
         ({"fr": "Salle 1", "en": "Room 1"}, 60),
         ({"fr": "Salle de presse", "en": "Press room"}, 80)]
SESSIONS = [  # (room index, start, end, title fr, title en)
    (0, 9, 10, "Séance d'ouverture", "Opening session"),
    (0, 10, 12, "Session d'experts\u00a0: enquêtes et poursuites",
     "Expert session: investigations and prosecution"),
    (1, 10, 12, "Session d'experts\u00a0: identification des victimes",
     "Expert session: identifying victims"),
    (0, 14, 16, "Session ministérielle\u00a0: bilan du plan d'action",
     "Ministerial session: review of the action plan"),
    (2, 16, 17, "Point de presse de la présidence", "Press conference of the presidency"),
]

_GRID = """() => {
  const region = document.querySelector('.grid-wrap');
  const edge = region.getBoundingClientRect().right;
  return {region: region.scrollWidth, client: region.clientWidth,
          rooms: [...document.querySelectorAll('.grid-room')].map(e => e.textContent.trim()),
          cut: [...document.querySelectorAll('.grid-session')]
                 .filter(e => e.getBoundingClientRect().right > edge + 1)
                 .map(e => e.textContent.trim()),
          free: document.querySelector('.grid-free .visually-hidden').textContent};
}"""


async def test_rooms_read_in_the_readers_language_in_the_order_added_and_fit_a_desktop(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, conference, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                            json=conference_body())
    assert status == 201, conference
    rooms = [await make_room(site, names, seats) for names, seats in ROOMS]
    sessions = [await make_session(site, rooms[r], at(conference, start), at(conference, end),
                                   title={"fr": fr, "en": en})
                for r, start, end, fr, en in SESSIONS]
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    grid = f"{site.url}/manage/alliance/programme"
    for lang in ("en", "fr"):
        context = await browser.new_context(viewport={"width": 1280, "height": 900})
        await context.add_cookies(await page.context.cookies())
        tab = await context.new_page()
        await tab.goto(f"{grid}?lang={lang}")
        seen = await tab.evaluate(_GRID)
        assert seen["rooms"] == [names[lang] for names, _ in ROOMS], seen["rooms"]
        assert seen["region"] <= seen["client"], (lang, seen["region"], seen["client"])
        assert seen["cut"] == [], (lang, seen["cut"])
        assert ROOMS[0][0][lang] in seen["free"], seen["free"]
        listed = await tab.locator("#h-rooms + p").inner_text()
        assert all(names[lang] in listed for names, _ in ROOMS), listed
        await tab.goto(f"{site.url}/manage/alliance/sessions/{sessions[4]['id']}?lang={lang}")
        assert ROOMS[2][0][lang] in await tab.locator("#session-when").inner_text()
        choices = await tab.locator("select[name=room_id] option").all_inner_texts()
        # each name isolated from its seat count (U+2068 … U+2069: a name in Arabic took the
        # count to its other side, 5 December 2026)
        assert [c for c in choices if "(" in c] == [f"\u2068{names[lang]}\u2069 ({seats})"
                                                     for names, seats in ROOMS], choices
        await context.close()
    await page.goto(f"{grid}?lang=en")
    await _audit(browser, page, "console-programme-rooms")
