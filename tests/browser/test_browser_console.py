"""The protocol console in headless Chromium, with the mail read from a real SMTP server: door
staff welcomed by mail sign in, scan an approved badge (the reference typed and Enter, as a USB
scanner does) and are answered ADMIS, then a revoked one and are answered REFUSÉ with the
reason; protocol opens the overview, operations and the order of precedence; an admin retries
a welcome mail the mail server refused, once it is back, and the mail arrives. Every page passes
axe-core in French and English at 390 and 1280 px; with CONFERENCE_SCREENS=1 the screenshots go
to docs/screens/."""

from __future__ import annotations

import os
from typing import Any

from tests.browser.conftest import ARTIFACTS, Site
from tests.browser.helpers import door_scan, landing, member, press, spend_welcome, zone
from tests.browser.test_browser_workspaces import SCREENS, _audit, _link, _small_png
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_badges import _reference, _revoke
from tests.support import RecordingSMTP


async def _sign_in(site: Site, page: Any, smtp: RecordingSMTP, email: str, role: str,
                   language: str) -> None:
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": email, "name": "Ines Vermeulen", "language": language,
        "grants": [{"role": role, "conference": "alliance"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: email in m["To"])
    # the welcome lands on the role's own workspace (docs/workspaces.md, "Sign-in"); these
    # journeys then start from the list of workspaces
    await spend_welcome(page, _link(site, welcome), lands=landing(role, "alliance"),
                        button="Me connecter" if language == "fr" else "Sign me in")
    await page.goto(f"{site.url}/workspaces?lang={language}")


async def _axe(page: Any, name: str) -> None:
    """axe-core on the page as the tab shows it (a form's answer), and its screenshot."""
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(page)
    assert results.violations_count == 0, (name, results.generate_report())
    target = SCREENS if os.environ.get("CONFERENCE_SCREENS") else ARTIFACTS / "screens"
    target.mkdir(parents=True, exist_ok=True)
    _small_png(await page.screenshot(full_page=True), target / f"{name}.png")


async def test_door_staff_admit_an_approved_badge_and_refuse_a_revoked_one(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await zone(site, "press-centre", categories=["press"])
    approved = await press(site, decision="approve")
    revoked = await press(site, 1, decision="approve")
    await _revoke(site, revoked["id"])
    await _sign_in(site, page, smtp, "door@example.org", "door", "fr")
    workspaces = page.locator("#workspace-list")
    await workspaces.get_by_role(
        "link", name="Contrôle des accès – Alliance mondiale : réunion").click()
    await page.wait_for_url("**/manage/alliance/door**")
    await _audit(browser, page, "door")

    await page.get_by_label("Zone").select_option("press-centre")
    await page.get_by_label("Référence du badge").fill(await _reference(site, approved["id"]))
    await page.get_by_label("Référence du badge").press("Enter")  # the scanner's Enter
    result = page.locator("#door-result")
    await result.wait_for()
    assert "ADMIS" in await result.inner_text()
    assert approved["family_name"] in await result.inner_text()
    await _axe(page, "door-admitted")

    # the zone stays chosen; the badge field is ready for the next scan
    assert await page.get_by_label("Zone").input_value() == "press-centre"
    assert await page.get_by_label("Référence du badge").input_value() == ""
    await page.get_by_label("Référence du badge").fill(await _reference(site, revoked["id"]))
    await page.get_by_label("Référence du badge").press("Enter")
    await page.locator("#door-result.door-refused").wait_for()
    text = await page.locator("#door-result").inner_text()
    assert "REFUSÉ" in text and "Accréditation révoquée\u00a0: ce badge n'est plus valable." in text
    assert await page.inner_text("#door-action") == (
        "N'admettez pas la personne. Orientez-la vers le bureau des accréditations.")
    await _axe(page, "door-refused")


async def test_protocol_opens_the_overview_operations_and_precedence(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    await member(site, be, "Reynders", rank="foreign_minister")
    await make_delegation(site, country="NL")
    await press(site, decision="approve")
    await press(site, 1)
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    await page.locator("#workspace-list").get_by_role(
        "link", name="Protocol – Global Alliance: meeting").click()
    await page.wait_for_url("**/manage/alliance?**")
    assert await page.locator("#category-press").inner_text() == "2"
    # the overview's tables: row headers aligned left, both tables the same column widths
    aligns = await page.locator("#accreditations th[scope=row]").evaluate_all(
        "ths => ths.map(th => getComputedStyle(th).textAlign)")
    assert aligns and set(aligns) == {"left"}, aligns
    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        columns = await page.locator("#accreditations table").evaluate_all(
            "ts => ts.map(t => [...t.rows[0].cells].map(c => Math.round(c.offsetWidth)))")
        assert len(columns) == 2 and columns[0] == columns[1], (width, columns)
    await _audit(browser, page, "console-overview")
    await page.get_by_role("link", name="Operations").first.click()
    await page.wait_for_url("**/manage/alliance/operations**")
    await _audit(browser, page, "console-operations")
    await page.get_by_role("link", name="Protocol console").click()
    await page.get_by_role("link", name="Order of precedence").click()
    await page.wait_for_url("**/manage/alliance/precedence**")
    await _audit(browser, page, "console-precedence")


async def test_an_admin_retries_a_failed_delivery_once_the_mail_server_is_back(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await _sign_in(site, page, smtp, "admin@example.org", "admin", "en")
    # the mail server refuses the new focal point's welcome for good (550)
    smtp.reply = "550 mailbox unavailable"
    try:
        await make_delegation(site, country="NL")
        await page.goto(f"{site.url}/manage/alliance/operations?lang=en")
        failed = page.locator("tr", has_text="fp-nl@example.org")
        for _ in range(100):
            if await failed.count() and "550" in await failed.first.inner_text():
                break
            await page.wait_for_timeout(100)
            await page.reload()
        assert "550" in await failed.first.inner_text()
        # on a phone, the failed delivery is a card within the page: nothing scrolls
        # sideways, the retry button in reach (it scrolled 340 px: tryout, 4 December 2026)
        phone = await browser.new_context(viewport={"width": 390, "height": 900})
        await phone.add_cookies(await page.context.cookies())
        tab = await phone.new_page()
        await tab.goto(f"{site.url}/manage/alliance/operations?lang=fr")
        assert await tab.evaluate("document.documentElement.scrollWidth") <= 390
        button = await tab.get_by_role("button", name="Réessayer – fp-nl@example.org")\
            .bounding_box()
        assert button is not None and button["x"] + button["width"] <= 390
        await phone.close()
        await _audit(browser, page, "console-operations-failed")
    finally:
        smtp.reply = None  # the server is back
    assert not [m for m in smtp.messages if "fp-nl@example.org" in m["To"]]
    await page.get_by_role("button", name="Retry – fp-nl@example.org").click()
    await page.wait_for_url("**/manage/alliance/operations**")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-nl@example.org" in m["To"])
    assert "/signin/" in _link(site, welcome)
    await page.reload()
    assert await page.locator("tr", has_text="fp-nl@example.org").filter(
        has_text="550").count() == 0


async def test_an_administrator_of_every_conference_reaches_each_conference_s_pages(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "root@example.org", "name": "Ines Vermeulen", "language": "en",
        "grants": [{"role": "admin"}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: "root@example.org" in m["To"])
    await page.goto(_link(site, welcome))
    await page.get_by_role("button", name="Sign me in").click()
    await page.wait_for_url("**/workspaces**")
    links = page.locator("#links-alliance").get_by_role("link")
    assert await links.all_inner_texts() == ["Protocol console", "Press office desk",
                                             "Door check"]
    await _audit(browser, page, "workspaces-admin")
    await page.locator("#workspace-list").get_by_role(
        "link", name="Administration (every conference)").click()
    await page.wait_for_url("**/manage?**")
    await _audit(browser, page, "manage")
    await page.locator("#links-alliance").get_by_role("link", name="Press office desk").click()
    await page.wait_for_url("**/manage/alliance/press**")


async def test_door_staff_on_a_phone_type_the_short_reference_and_a_mistake_says_type_again(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """No camera at the door: the staff type the short reference printed under the QR code
    (docs/credentials.md, "Short reference"); one wrong character answers "mistyped: type it
    again" with what was typed, never "forged" (user test at 390 px)."""
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await zone(site, "press-centre", categories=["press"])
    approved = await press(site, decision="approve")
    status, states, _ = await site.call("GET", "/api/v1/conferences/alliance/badges",
                                        role="protocol")
    [short] = [s["short_reference"] for s in states["items"]]
    wrong = short[:-1] + ("2" if short[-1] != "2" else "3")
    await page.set_viewport_size({"width": 390, "height": 844})
    await _sign_in(site, page, smtp, "door@example.org", "door", "fr")
    await page.goto(f"{site.url}/manage/alliance/door")

    mistype = door_scan(site.url, "press-centre", wrong.lower(), "#door-result.door-recheck")

    async def verdict_in_sight() -> None:
        """The verdict is seen with the badge field, which keeps the focus for the next scan
        (docs/workspaces.md, "Errors in sight": at 390 px it was scrolled off)."""
        await page.wait_for_function("document.activeElement && document.activeElement.id"
                                     " === 'badge'")
        box = await page.locator("#door-result .door-verdict").bounding_box()
        field = await page.locator("#badge").bounding_box()
        assert box is not None and field is not None
        assert 0 <= box["y"] and box["y"] + box["height"] <= 844, box
        assert 0 <= field["y"] and field["y"] + field["height"] <= 844, field

    await mistype(page, "fr")
    await verdict_in_sight()
    text = await page.locator("#door-result").inner_text()
    assert "À VÉRIFIER" in text and "Référence mal saisie" in text and "falsifi" not in text
    assert "REFUSÉ" not in text
    assert wrong.lower() in await page.inner_text("#door-typed")
    assert "Saisissez-la de nouveau" in await page.inner_text("#door-action")
    await _audit(browser, page, "door-mistyped", reach=mistype)

    await page.locator("#badge").fill(short.lower().replace("-", " "))
    await page.locator("#badge").press("Enter")
    await page.locator("#door-result.door-admitted").wait_for()
    assert approved["family_name"] in await page.locator("#door-result").inner_text()
    await verdict_in_sight()
    # the same badge again: admitted, the earlier entry said, still in sight on the phone
    await page.locator("#badge").fill(short.lower().replace("-", " "))
    await page.locator("#badge").press("Enter")
    await page.locator("#door-again").wait_for()
    assert (await page.inner_text("#door-again")).startswith(
        "Ce badge a déjà servi à entrer dans cette zone le ")
    await verdict_in_sight()
    again_box = await page.locator("#door-again").bounding_box()
    assert again_box is not None and 0 <= again_box["y"] <= 844, again_box

    await _audit(browser, page, "door-admitted-again",
                 reach=door_scan(site.url, "press-centre", short, "#door-again"))


async def test_the_door_says_a_zone_admits_no_one_before_the_conference_days(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """A badge scanned a month before the conference is refused "no one today"
    (docs/credentials.md, "Days of admission"), in both languages and widths."""
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await zone(site, "press-centre", categories=["press"], opens_on=None)
    approved = await press(site, decision="approve")
    badge = await _reference(site, approved["id"])
    await _sign_in(site, page, smtp, "door@example.org", "door", "fr")

    too_early = door_scan(site.url, "press-centre", badge, "#door-result.door-refused")

    await page.set_viewport_size({"width": 390, "height": 844})
    await too_early(page, "fr")
    assert "n'admet personne aujourd'hui" in await page.inner_text("#door-reason")
    # the days it admits, said with the verdict, both in view with the badge field on a phone
    # (the days added below a two-sentence reason pushed REFUSÉ off the top)
    assert (await page.inner_text("#door-days")).startswith("Jours d'accès de cette zone")
    await _in_sight(page, "#door-result .door-verdict", "#door-days", "#badge")
    await _audit(browser, page, "door-outside-hours", reach=too_early)


async def _in_sight(page: Any, *selectors: str) -> None:
    """Each element within the 844 px of a phone's screen, the badge field focused for the next
    scan (docs/workspaces.md, "Errors in sight")."""
    await page.wait_for_function("document.activeElement && document.activeElement.id"
                                 " === 'badge'")
    for selector in selectors:
        box = await page.locator(selector).bounding_box()
        assert box is not None, selector
        assert 0 <= box["y"] and box["y"] + box["height"] <= 844, (selector, box)


async def test_the_door_names_the_zones_a_badge_opens_in_view_on_a_phone(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """Refused at a zone the badge does not open, the verdict names those it opens, seen with
    the verdict and the badge field at 390 × 844 px, axe-clean in both languages and widths
    (docs/workspaces.md, "The door")."""
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await zone(site, "press-centre", categories=["press"])
    await zone(site, "lounge", categories=["minister"])
    approved = await press(site, decision="approve")
    badge = await _reference(site, approved["id"])
    await page.set_viewport_size({"width": 390, "height": 844})
    await _sign_in(site, page, smtp, "door@example.org", "door", "fr")

    elsewhere = door_scan(site.url, "lounge", badge, "#door-result.door-refused")

    await elsewhere(page, "fr")
    assert await page.inner_text("#door-opens") == "Ce badge ouvre\u00a0: Zone press-centre."
    await _in_sight(page, "#door-result .door-verdict", "#door-opens", "#badge")
    # the holder's name, compared with the identity document held out, is read at arm's
    # length too (it was in the page's 16 px under a 48 px verdict), and stays in view
    name = page.locator("#door-result .door-holder strong")
    assert await name.inner_text() == f"{approved['given_name']} {approved['family_name']}"
    size = await name.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 20, size
    await _in_sight(page, "#door-result .door-holder")
    await _audit(browser, page, "door-zone-not-granted", reach=elsewhere)


async def test_protocol_defines_and_edits_zones_from_the_door_empty_state(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    """The door is no dead end: its empty state links protocol to the console's zones page,
    where a zone is created (a mistake first, named on its field) and edited, and the door
    then offers it (docs/workspaces.md, "Zones"); every page audited at 390 and 1280 px."""
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await page.set_viewport_size({"width": 390, "height": 900})
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "en")
    await page.goto(f"{site.url}/manage/alliance/door?lang=en")
    await _audit(browser, page, "door-no-zones")
    await page.locator("#define-zones").click()
    await page.wait_for_url("**/manage/alliance/zones**")
    await _audit(browser, page, "zones-empty")

    async def bad_code(tab: Any, lang: str) -> None:
        await tab.goto(f"{site.url}/manage/alliance/zones?lang={lang}")
        await tab.locator("#code").fill("Salle Plénière")
        await tab.locator("#name_fr").fill("Salle plénière")
        await tab.locator("#name_en").fill("Plenary hall")
        await tab.locator("#create-zone").click()
        await tab.locator("#code-error").wait_for()

    await bad_code(page, "en")
    await _audit(browser, page, "zones-error", reach=bad_code)
    await page.locator("#code").fill("plenary-hall")
    await page.get_by_label("Minister").check()
    await page.get_by_label("Official").check()
    await page.locator("#create-zone").click()
    await page.locator("#zone-plenary-hall").wait_for()
    assert "Minister, Official" in await page.inner_text("#zone-plenary-hall")
    await _audit(browser, page, "zones")

    await page.get_by_role("link", name="Plenary hall").click()
    await page.wait_for_url("**/manage/alliance/zones/**")
    await _audit(browser, page, "zone-edit")
    await page.locator("#name_en").fill("Plenary room")
    await page.locator("#save-zone").click()
    await page.locator("#zone-plenary-hall").wait_for()
    assert "Plenary room" in await page.inner_text("#zone-plenary-hall")
    await page.get_by_role("link", name="Go to the door check").click()
    await page.wait_for_url("**/manage/alliance/door**")
    # the door offers the zone by its name, as just changed (its code only to tell two apart)
    assert await page.locator("#zone option[value=plenary-hall]").inner_text() == "Plenary room"
