"""The pages as a person uses them, in headless Chromium: the press form in French to the
confirmation, the notice on the SMTP server, the private link, the withdrawal; an invalid email
answered beside its field (the form filled with the keyboard alone), then the language button,
which gives the form back filled in English and files nothing (axe-checked in fr and en at 390
and 1280 px); the published programme."""

from __future__ import annotations

import io
import re
from typing import Any

import zxingcpp
from PIL import Image

from tests.browser.conftest import ARTIFACTS, Site, shot
from tests.browser.helpers import at, press, publish, room, session
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.support import RecordingSMTP, body_text


def _decode(png: bytes) -> str:
    [code] = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    return str(code.text)


async def _conference(site: Site) -> dict[str, Any]:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    return dict(body)


async def test_press_registration_in_french_then_withdrawal(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    await _conference(site)
    await page.goto(f"{site.url}/alliance/press")  # the browser asks for French
    assert await page.get_attribute("html", "lang") == "fr"
    # the page, then the conference it belongs to (a keyboard tryout, 5 December 2026)
    assert await page.title() == "Demande d'accréditation presse – Alliance mondiale : réunion"
    await page.get_by_label("Prénom(s)").fill("Marie")
    await page.get_by_label("Nom de famille").fill("Dupont")
    await page.get_by_label("Adresse électronique").fill("marie.dupont@example.org")
    await page.get_by_label("Langue de correspondance").select_option("fr")
    await page.get_by_label("Média", exact=True).fill("Le Soir")
    await page.get_by_label("Numéro de carte de presse").fill("BE-1000")
    await page.get_by_label("Fonction").select_option(label="Journaliste")
    await page.get_by_label("Pays du média").select_option(label="Belgique")
    await shot(page, "press-form-fr")
    await page.get_by_role("button", name="Envoyer ma demande").click()

    await page.get_by_role("heading", name="Demande reçue").wait_for()
    content = await page.inner_text("main")
    assert "Le bureau du porte-parole examine votre demande." in content
    assert "Michele Cercone, +32 2 298 09 63, michele.cercone@example.org" in content
    await shot(page, "press-confirmation-fr")
    # the answer's page, /alliance/press/received, in both languages and widths (its cookie
    # goes with the tab's): axe-clean, the screens of docs/screens
    await _audit(browser, page, "press-received")
    assert "courriel" in await page.inner_text("#private-link-mailed")

    [notice] = await smtp.wait_for(1, where=lambda m: "marie.dupont@example.org" in m["To"])
    assert notice["Subject"].startswith("Demande d'accréditation presse reçue")
    mailed = re.search(rf"{re.escape(site.url)}/a/\S+", body_text(notice))
    assert mailed is not None
    link = mailed.group(0)

    await page.goto(link)
    assert await page.inner_text("#status") == "Reçue, en cours d'examen"
    assert "Demande déposée" in await page.inner_text("#history")
    await shot(page, "status-submitted-fr")
    await page.get_by_label("Motif du retrait").fill("Je ne pourrai pas venir.")
    await page.get_by_role("button", name="Retirer ma demande").click()
    assert await page.inner_text("#confirm-title") == "Confirmer le retrait"
    await page.get_by_role("button", name="Oui, retirer ma demande").click()
    await page.wait_for_url(re.compile(r".*done=withdrawn$"))
    assert await page.inner_text("#status") == "Retirée"
    assert await page.inner_text("#status-message") == "Votre demande est retirée."
    assert "Je ne pourrai pas venir." in await page.inner_text("#history")
    assert await page.locator("#withdraw-form").count() == 0
    await shot(page, "status-withdrawn-fr")

    await page.goto(mailed.group(0))  # the link in the mail opens the same application
    assert await page.inner_text("#status") == "Retirée"
    _, listed, _ = await site.call("GET", "/api/v1/conferences/alliance/accreditations",
                                   role="press_office")
    assert [a["status"] for a in listed["items"]] == ["withdrawn"]


async def test_an_invalid_email_is_answered_beside_the_field(
    site: Site, page: Any, browser: Any
) -> None:
    await _conference(site)
    await page.goto(f"{site.url}/alliance/press?lang=fr")
    # The keyboard alone: every field in order, then Enter.
    await page.get_by_label("Prénom(s)").focus()
    for value in ("Jean", "Martin", "pas-une-adresse"):
        await page.keyboard.type(value)
        await page.keyboard.press("Tab")
    await page.keyboard.press("Tab")  # correspondence language: French already
    for value in ("RTBF", "BE-2000"):
        await page.keyboard.type(value)
        await page.keyboard.press("Tab")
    await page.keyboard.type("Photo")  # the role list jumps to "Photographe"
    assert await page.eval_on_selector("#role", "e => e.value") == "photographer"
    await page.keyboard.press("Tab")  # the country is optional
    await page.keyboard.press("Tab")
    assert await page.evaluate("document.activeElement.textContent") == "Envoyer ma demande"
    await page.keyboard.press("Enter")

    error = page.locator("#email-error")
    await error.wait_for()
    assert "Adresse électronique non valide" in await error.inner_text()
    beside = await page.eval_on_selector(
        "#email", "e => e.closest('.field').contains(document.getElementById('email-error'))"
                  " && e.getAttribute('aria-describedby') === 'email-error'"
                  " && e.getAttribute('aria-invalid') === 'true'")
    assert beside is True
    assert await page.input_value("#email") == "pas-une-adresse"
    assert await page.input_value("#given_name") == "Jean"
    assert "Adresse électronique" in await page.inner_text("#error-summary")
    await shot(page, "press-form-invalid-email-fr")
    _, listed, _ = await site.call("GET", "/api/v1/conferences/alliance/accreditations",
                                   role="press_office")
    assert listed["items"] == []

    # The language button posts what was typed again: the form in English, filled, the error
    # in English, and nothing filed.
    await page.click("#switch-language")
    await page.wait_for_function("document.documentElement.lang === 'en'")
    assert await page.get_by_label("Email address").count() == 1
    assert await page.input_value("#email") == "pas-une-adresse"
    assert await page.input_value("#given_name") == "Jean"
    assert await page.input_value("#outlet") == "RTBF"
    assert await page.eval_on_selector("#role", "e => e.value") == "photographer"
    assert "Not a valid email address" in await page.inner_text("#email-error")
    assert "The application was not sent" in await page.inner_text("#error-summary")
    await shot(page, "press-form-invalid-email-switched-en")
    _, listed, _ = await site.call("GET", "/api/v1/conferences/alliance/accreditations",
                                   role="press_office")
    assert listed["items"] == []

    async def switched(tab: Any, lang: str) -> None:
        """The form sent back with an invalid email in the other language, then its language
        button: the page in ``lang``, filled."""
        other = "en" if lang == "fr" else "fr"
        await tab.goto(f"{site.url}/alliance/press?lang={other}")
        await tab.locator("#given_name").fill("Jean")
        await tab.locator("#family_name").fill("Martin")
        await tab.locator("#email").fill("pas-une-adresse")
        await tab.locator("#outlet").fill("RTBF")
        await tab.locator("#press_card_number").fill("BE-2000")
        await tab.locator("#role").select_option("photographer")
        await tab.locator("#press-form button[type=submit]").click()
        await tab.locator("#email-error").wait_for()
        await tab.click("#switch-language")
        await tab.wait_for_function(f"document.documentElement.lang === '{lang}'")
        assert await tab.input_value("#email") == "pas-une-adresse"
        await tab.locator("#email-error").wait_for()

    await _audit(browser, page, "press-form-switched", reach=switched)
    _, listed, _ = await site.call("GET", "/api/v1/conferences/alliance/accreditations",
                                   role="press_office")
    assert listed["items"] == []


async def test_the_programme_page_lists_the_published_sessions(site: Site, page: Any) -> None:
    conference = await _conference(site)
    hall, annex = await room(site), await room(site, "Salle Schuman", 80)
    await session(site, hall, at(conference, 9), at(conference, 10, 30), royal_presence=True,
                  press_access="photo_opportunity")
    await session(site, annex, at(conference, 11), at(conference, 12),
                  title={"fr": "Table ronde des experts", "en": "Expert round table"},
                  kind="expert_panel", press_access="closed", audience=["expert"])
    await session(site, hall, at(conference, 10, day=1), at(conference, 11, day=1),
                  title={"fr": "Conférence de presse", "en": "Press conference"},
                  kind="press_conference", audience=["press"])
    await publish(site)
    await session(site, annex, at(conference, 16), at(conference, 17),
                  title={"fr": "Pas encore publiée", "en": "Not yet published"})

    await page.goto(f"{site.url}/alliance/programme?lang=en")
    assert await page.get_attribute("html", "lang") == "en"
    titles = await page.locator("tr.session .title").all_inner_texts()
    assert titles == ["Opening session", "Expert round table", "Press conference"]
    days = await page.locator("section.day > h2").all_inner_texts()
    assert len(days) == 2
    royal = await page.inner_text("tr.royal")
    assert "In the presence of H.M. Queen Paola of Belgium" in royal
    assert "Press: photo opportunity only" in royal
    assert "Guests seated by 08:45" in royal
    webcal = await page.get_attribute("#subscribe-webcal", "href")
    https = await page.get_attribute("#subscribe-https", "href")
    assert webcal == "webcal://127.0.0.1:{}/api/v1/conferences/alliance/programme.ics?lang=en"\
        .format(site.url.rsplit(":", 1)[1])
    assert https == f"{site.url}/api/v1/conferences/alliance/programme.ics?lang=en"
    await shot(page, "programme-en")
    await page.click("#switch-language")
    assert "En présence de S.M. la Reine Paola de Belgique" in await page.inner_text(
        "tr.royal")
    await shot(page, "programme-fr")


async def test_an_approved_applicant_finds_the_feed_and_prints_the_badge(
    site: Site, page: Any
) -> None:
    await _conference(site)
    created = await press(site, decision="approve", language="en")
    await page.goto(f"{site.url}/a/{created['access_token']}")
    assert await page.get_attribute("html", "lang") == "en"
    assert await page.inner_text("#status") == "Approved"
    # a journalist who will not come may withdraw (test_browser_press_withdrawal.py)
    assert await page.locator("#withdraw-form").count() == 1
    feed = await page.get_attribute("#feed-https", "href")
    assert feed is not None and re.fullmatch(
        rf"{re.escape(site.url)}/api/v1/calendar/[\w-]+\.[\w-]+\.ics", feed)
    assert await page.get_attribute("#feed-webcal", "href") == "webcal://" + feed.split("://")[1]
    await shot(page, "status-approved-en")
    # the A6 PDF to print (docs/credentials.md, "Badge production"), and the same badge as
    # an image, whose QR code is read back here
    async with page.expect_download() as waiting:
        await page.click("#badge-link")
    pdf = await waiting.value
    pdf_path = ARTIFACTS / "badge-press-en.pdf"
    await pdf.save_as(str(pdf_path))
    assert pdf_path.read_bytes().startswith(b"%PDF")
    async with page.expect_download() as waiting:
        await page.click("#badge-png-link")
    download = await waiting.value
    path = ARTIFACTS / "badge-press-en.png"
    await download.save_as(str(path))
    assert _decode(path.read_bytes()).count(".") == 1


async def test_the_skip_link_lands_on_the_page_without_a_ring_round_it(
    site: Site, page: Any
) -> None:
    """main takes the focus from the skip link, and from every form's answer (its address ends
    with #main): a 3 px amber ring round the whole page read as an error box (a tryout, 4
    December 2026). The page is reached; nothing is drawn round it."""
    await _conference(site)
    await page.goto(f"{site.url}/alliance/press?lang=fr")
    await page.keyboard.press("Tab")
    assert await page.evaluate("document.activeElement.className") == "skip"
    await page.keyboard.press("Enter")
    assert await page.evaluate("document.activeElement.id") == "main"
    assert await page.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle") == "none"


async def test_the_conference_s_days_are_read_in_one_piece_under_its_title(
    site: Site, page: Any
) -> None:
    """The header's line « venue, address · 18–19 January 2027 » broke after the dash at 1280
    px, « 18– » ending one line and « 19 January 2027 » starting the next (a tryout, 4
    December 2026): at every width from a phone's to a desktop's, in both languages, the days
    stay together (wherever the line breaks, it breaks before them)."""
    await _conference(site)
    for lang in ("fr", "en"):
        await page.set_viewport_size({"width": 1280, "height": 900})
        await page.goto(f"{site.url}/alliance/press?lang={lang}")
        for width in range(320, 1290, 10):
            await page.set_viewport_size({"width": width, "height": 900})
            lines = await page.evaluate(
                "document.getElementById('conference-dates').getClientRects().length")
            assert lines == 1, (width, lang)
