"""The console's publication preview, accreditations, delegations and webhooks in headless
Chromium, with the mail read from a real SMTP server: protocol previews the publication (the
counts shown are what then arrives), publishes, a session is moved, the preview shows one update
per person invited, publishing sends exactly those; a preview made before the draft changed is
refused on the page and nothing is published. Every page passes axe-core in French and English
at 390 and 1280 px; with CONFERENCE_SCREENS=1 the screenshots go to docs/screens/."""

from __future__ import annotations

import asyncio
from email.message import EmailMessage
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import member, press
from tests.browser.test_browser_console import _axe, _sign_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.support import RecordingSMTP


def _calendar(smtp: RecordingSMTP) -> list[EmailMessage]:
    return [m for m in smtp.messages
            if any(p.get_content_type() == "text/calendar" for p in m.walk())]


async def _counts(page: Any) -> dict[str, int]:
    return {kind: int(await page.locator(f"#count-{kind}").inner_text())
            for kind in ("invitation", "update", "cancellation")}


async def _arrive(smtp: RecordingSMTP, total: int) -> list[EmailMessage]:
    """The calendar messages once ``total`` arrived, and after a pause: not one more."""
    await smtp.wait_for(total, where=lambda m: m in _calendar(smtp))
    await asyncio.sleep(1.0)
    return _calendar(smtp)


async def _programme(site: Site) -> dict[str, Any]:
    status, conference, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                            json=conference_body())
    assert status == 201, conference
    be = await make_delegation(site, country="BE")
    fr = await make_delegation(site, country="FR")
    await member(site, be, "Peeters")
    await member(site, fr, "Martin")
    await press(site)
    room = await make_room(site)
    opening = await make_session(site, room, at(conference, 9), at(conference, 10))
    closing = await make_session(site, room, at(conference, 16), at(conference, 17),
                                 title={"fr": "Clôture", "en": "Closing"})
    return {"conference": conference, "be": be, "opening": opening, "closing": closing}


async def _version(site: Site) -> int:
    _, body, _ = await site.call("GET", "/api/v1/conferences/alliance/programme")
    return int(body["version"])


async def test_protocol_previews_publishes_and_a_stale_preview_is_refused(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    p = await _programme(site)
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    await page.locator("#workspace-list").get_by_role(
        "link", name="Protocol – Global Alliance: meeting").click()
    await page.locator("#publish-link").click()
    await page.wait_for_url("**/manage/alliance/publish**")
    counts = await _counts(page)
    assert counts == {"invitation": 4, "update": 0, "cancellation": 0}
    assert "METHOD:REQUEST" in (await page.locator("#sample-invitation").text_content() or "")
    await _audit(browser, page, "console-publish-preview")

    await page.get_by_role("button", name="Publish version 1").click()
    await page.locator("#flash").wait_for()
    assert "Version 1 published" in await page.locator("#flash").inner_text()
    arrived = await _arrive(smtp, sum(counts.values()))
    assert len(arrived) == sum(counts.values())
    assert await _version(site) == 1

    # a session moves: one update for each person invited to it
    status, body, _ = await site.call(
        "PATCH", f"/api/v1/sessions/{p['opening']['id']}", role="protocol",
        json={"starts_at": at(p["conference"], 11), "ends_at": at(p["conference"], 12)})
    assert status == 200, body
    await page.reload()
    counts = await _counts(page)
    assert counts == {"invitation": 0, "update": 2, "cancellation": 0}
    assert "Moved – Opening session" in await page.locator("#changelog").inner_text()
    await page.get_by_role("button", name="Publish version 2").click()
    await page.locator("#flash").wait_for()
    arrived = await _arrive(smtp, 4 + 2)
    assert len(arrived) == 6
    assert sorted(str(m["Subject"]).split(":")[0] for m in arrived[4:]) == ["Updated"] * 2

    # a preview made before the draft changed is refused, and nothing is published
    status, body, _ = await site.call(
        "PATCH", f"/api/v1/sessions/{p['closing']['id']}", role="protocol",
        json={"title": {"fr": "Séance de clôture", "en": "Closing session"}})
    assert status == 200, body
    await page.reload()
    assert (await _counts(page))["update"] == 2
    status, body, _ = await site.call("POST", f"/api/v1/sessions/{p['closing']['id']}/cancel",
                                      role="protocol")
    assert status == 200, body
    await page.get_by_role("button", name="Publish version 3").click()
    await page.locator("#form-error").wait_for()
    assert "changed since your preview" in await page.locator("#form-error").inner_text()
    assert await _counts(page) == {"invitation": 0, "update": 0, "cancellation": 2}
    assert await _version(site) == 2
    await _axe(page, "console-publish-stale")
    await asyncio.sleep(0.5)
    assert len(_calendar(smtp)) == 6


async def test_protocol_lists_accreditations_decides_and_manages_delegations(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    p = await _programme(site)
    pending = await member(site, p["be"], "Maes", category="official", rank="senior_official",
                           decision=None)
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    await page.locator("#workspace-list").get_by_role(
        "link", name="Protocole – Alliance mondiale : réunion").click()
    await page.get_by_role("link", name="Fonctionnaire").first.click()  # category count
    await page.wait_for_url("**/manage/alliance/accreditations?**category=official**")
    assert await page.locator("#accreditations tbody tr").count() == 1
    await _audit(browser, page, "console-accreditations")
    await page.get_by_role("link", name="Anna Maes").click()
    await page.wait_for_url(f"**/accreditations/{pending['id']}**")
    await _audit(browser, page, "console-accreditation")
    await page.get_by_role("radio", name="Refuser").check()
    await page.get_by_role("button", name="Enregistrer la décision").click()
    await page.locator("#reason-error").wait_for()  # a rejection needs its reason
    await _axe(page, "console-accreditation-error")
    await page.get_by_role("radio", name="Accorder").check()
    await page.get_by_role("button", name="Enregistrer la décision").click()
    await page.locator("#flash").wait_for()
    assert await page.locator("#status").inner_text() == "Accordée"

    await page.get_by_role("link", name="Protocole – Alliance mondiale : réunion").first.click()
    await page.locator("#delegations-link").click()
    await page.wait_for_url("**/manage/alliance/delegations**")
    form = page.locator("#delegation-form")
    await form.get_by_role("radio", name="Une organisation").check()
    await form.get_by_label("Nom de l'organisation").fill("World Bank")
    await form.get_by_label("Type d'organisation").select_option("international_organisation")
    await form.get_by_label("Nom du point focal").fill("Ada Lovelace")
    await form.get_by_label("Adresse électronique du point focal").fill("ada@example.org")
    language = form.get_by_label("Langue du point focal")
    assert await language.input_value() == "fr"  # the conference's first language
    await language.select_option(label="Anglais")
    await page.get_by_role("button", name="Créer la délégation").click()
    await page.locator("#flash").wait_for()
    [welcome] = await smtp.wait_for(1, where=lambda m: "ada@example.org" in str(m["To"]))
    assert "Your access to the Global Alliance" in str(welcome["Subject"])  # in her language
    await _audit(browser, page, "console-delegations")


async def test_an_admin_sees_and_deletes_the_webhooks(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, hook, _ = await site.call("POST", "/api/v1/conferences/alliance/webhooks",
                                      role="admin", json={"url": "https://hooks.example.org/x",
                                                          "event_types": ["*"]})
    assert status == 201, hook
    await _sign_in(site, page, smtp, "admin@example.org", "admin", "en")
    await page.goto(f"{site.url}/manage/alliance/webhooks")
    await _audit(browser, page, "console-webhooks")
    await page.get_by_role("button", name="Delete – https://hooks.example.org/x").click()
    await page.locator("#webhooks-empty").wait_for()
    _, hooks, _ = await site.call("GET", "/api/v1/conferences/alliance/webhooks", role="admin")
    assert hooks["items"] == []
