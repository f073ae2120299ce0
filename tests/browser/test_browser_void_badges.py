"""The badges page's "Void badges still out there" section (a printed and collected badge
whose holder was then replaced) at 390 and 1280 px, in French and English: no axe violation,
nothing wider than the screen (tryout D, item 2)."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_console import _axe, _sign_in
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP


async def test_the_void_badges_read_on_a_phone_and_a_desk(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    old = await member(site, be, "Janssens")
    status, body, _ = await site.call("POST", "/api/v1/conferences/alliance/badges/printed",
                                      role="protocol", json={"accreditation_ids": [old["id"]]})
    assert status == 200, body
    status, body, _ = await site.call(
        "POST", f"/api/v1/delegations/{be['id']}/pack/collected", role="protocol",
        json={"collected_by": "M. Olivier Lenoir, Représentation permanente de la Belgique"})
    assert status == 200, body
    status, body, _ = await site.call(
        "POST", f"/api/v1/accreditations/{old['id']}/substitute", role="protocol",
        json={"given_name": "Nathalie", "family_name": "Lemaire",
              "email": "lemaire@example.org", "language": "fr"})
    assert status == 201, body
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        for lang in ("fr", "en"):
            await page.goto(f"{site.url}/manage/alliance/badges?lang={lang}")
            assert await page.locator(f"#void-{old['id']}").is_visible()
            assert await page.evaluate(
                "document.documentElement.scrollWidth <= window.innerWidth")
            await _axe(page, f"void-badges-{width}-{lang}")


async def test_the_desk_marks_void_badges_recovered_on_a_phone_and_a_desk(
    site: Site, page: Any, smtp: RecordingSMTP
) -> None:
    """Each void badge's "Mark as recovered" (« Marquer comme récupéré »), a plain form: the
    card leaves the list and is named among those recovered, with who and when; no axe
    violation, nothing wider than the screen. Before: no such form, the card stayed listed."""
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    people = [await member(site, be, n) for n in ("Janssens", "Peeters", "Maes", "Dubois")]
    status, body, _ = await site.call("POST", "/api/v1/conferences/alliance/badges/printed",
                                      role="protocol",
                                      json={"accreditation_ids": [p["id"] for p in people]})
    assert status == 200, body
    for p in people:
        status, body, _ = await site.call(
            "POST", f"/api/v1/accreditations/{p['id']}/revoke", role="protocol",
            json={"reason": "Conduct"})
        assert status == 200, body
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    said = {"fr": "Badge annulé récupéré", "en": "Void badge recovered"}
    turns = [(w, lang) for w in (390, 1280) for lang in ("fr", "en")]
    for p, (width, lang) in zip(people, turns, strict=True):
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{site.url}/manage/alliance/badges?lang={lang}")
        form = page.locator(f"#recover-{p['id']}")
        await form.locator("button").click()
        await page.wait_for_load_state()
        assert said[lang] in await page.locator("#flash").inner_text()
        assert await page.locator(f"#void-{p['id']}").count() == 0
        recovered = page.locator(f"#recovered-{p['id']}")
        assert await recovered.is_visible()
        assert f"Anna {p['family_name']}" in await recovered.inner_text()
        assert await page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth")
        await _axe(page, f"void-recovered-{width}-{lang}")
    assert "Ines Vermeulen" in await page.locator("#recovered-list").inner_text()
    assert await page.locator("#void-none-left").is_visible()
