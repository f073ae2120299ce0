"""The workspaces as their people use them, in headless Chromium, with the mail read from a real
SMTP server: a focal point welcomed by mail signs in from its link, registers a minister and an
expert, sees them submitted and then approved after the protocol's decision, opens the badge;
the press office signs in, approves two applications at once, rejects one with a standard
reason, and the letters arrive. Every workspace page passes axe-core in French and English, at
390 and 1280 px wide; with CONFERENCE_SCREENS=1 the screenshots are written to docs/screens/."""

from __future__ import annotations

import os
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from tests.browser.conftest import ARTIFACTS, Site
from tests.browser.helpers import press, spend_welcome
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP, body_text

SCREENS = Path(__file__).resolve().parents[2] / "docs" / "screens"
WIDTHS = {"phone": 390, "desktop": 1280}


def _link(site: Site, message: Any) -> str:
    match = re.search(rf"{re.escape(site.url)}/signin/\S+", body_text(message))
    assert match, body_text(message)
    return match.group(0)


def _small_png(png: bytes, path: Path) -> None:
    """A screenshot in 32 colours: small enough to commit, sharp enough to read."""
    import io

    from PIL import Image

    Image.open(io.BytesIO(png)).convert("RGB").quantize(32).save(path, optimize=True)


async def _audit(browser: Any, page: Any, name: str,
                 reach: Callable[[Any, str], Awaitable[None]] | None = None) -> None:
    """The page the tab shows, in both languages and both widths, in a context of its own that
    shares the tab's cookies: no axe-core violation; a screenshot of each. ``reach``, for a
    page that answers a form (a POST's answer has no address to open again): how the new tab
    gets there in a language, in place of opening the tab's address."""
    from axe_playwright_python.async_playwright import Axe

    url = page.url.split("?")[0]
    query = page.url.split("?", 1)[1] if "?" in page.url else ""
    query = "&".join(p for p in query.split("&") if p and not p.startswith(("lang=", "done=")))
    cookies = await page.context.cookies()
    target = SCREENS if os.environ.get("CONFERENCE_SCREENS") else ARTIFACTS / "screens"
    target.mkdir(parents=True, exist_ok=True)
    for size, width in WIDTHS.items():
        context = await browser.new_context(viewport={"width": width, "height": 900},
                                            bypass_csp=True)
        await context.add_cookies(cookies)
        tab = await context.new_page()
        for lang in ("fr", "en"):
            if reach is not None:
                await reach(tab, lang)
            else:
                response = await tab.goto(f"{url}?lang={lang}" + (f"&{query}" if query else ""))
                assert response is not None and response.status < 500
            results = await Axe().run(tab)
            assert results.violations_count == 0, (name, lang, size,
                                                    results.generate_report())
            if lang == "en":
                _small_png(await tab.screenshot(full_page=True), target / f"{name}-{size}.png")
        await context.close()


async def _values_readable_on_a_phone(browser: Any, page: Any) -> None:
    """At 390 px in French, the application's details put each label above its value: the
    long label (« Carte de presse ou lettre de mission ») leaves the values their width."""
    context = await browser.new_context(viewport={"width": 390, "height": 900})
    await context.add_cookies(await page.context.cookies())
    tab = await context.new_page()
    await tab.goto(page.url.split("?")[0] + "?lang=fr")
    assert "Carte de presse ou lettre de mission" in await tab.inner_text("dl.summary")
    widths = [box["width"] for box in [await dd.bounding_box()
                                       for dd in await tab.locator("dl.summary dd").all()]
              if box is not None]
    assert widths and min(widths) > 250, widths
    await context.close()


async def test_focal_point_welcomed_registers_members_and_opens_the_badge(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await make_delegation(site, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    assert welcome["Subject"] == ("Votre accès à la conférence "
                                  "«\u00a0Alliance mondiale : réunion\u00a0»")
    link = _link(site, welcome)

    await page.goto(link)
    await _audit(browser, page, "signin-link")  # looking does not spend the link
    await page.get_by_role("button", name="Me connecter").click()
    # the welcome names the delegation: its link lands on its portal (it opened the list of
    # workspaces, where the focal point looked for it)
    await page.wait_for_url(re.compile(r".*/delegation/alliance-be\?lang=fr$"))
    assert await page.inner_text("#person-name") == "Focal Point"
    assert await page.locator("#no-members").count() == 1
    # the list of workspaces leads there too
    await page.goto(f"{site.url}/workspaces?lang=fr")
    await _audit(browser, page, "workspaces")
    await page.get_by_role("link", name="Délégation : Belgique").first.click()
    await page.wait_for_url(re.compile(r".*/delegation/alliance-be.*"))

    for category, given, family, rank, function in (
        ("Ministre", "Didier", "Reynders", "Ministre des Affaires étrangères",
         "Ministre des Affaires étrangères"),
        ("Expert", "Jan", "Peeters", "Expert ou experte", "Conseiller"),
    ):
        await page.get_by_role("link", name="Inscrire un membre").click()
        await page.get_by_label("Catégorie").select_option(label=category)
        await page.get_by_label("Prénom(s)").fill(given)
        await page.get_by_label("Nom de famille").fill(family)
        await page.get_by_label("Adresse électronique").fill(f"{given.lower()}@example.org")
        await page.get_by_label("Langue de correspondance").select_option("fr")
        await page.get_by_label("Rang protocolaire").select_option(label=rank)
        await page.get_by_label("Fonction, intitulé officiel").fill(function)
        if family == "Peeters":
            await _audit(browser, page, "delegation-register")
        await page.get_by_role("button", name="Inscrire", exact=True).click()
        await page.wait_for_url(re.compile(r".*done=registered.*"))
        assert await page.inner_text("#flash") == (
            f"Inscription enregistrée pour {given} {family}\u00a0: la demande est transmise "
            "au service du protocole.")  # no "inscrit(e)": the words need no agreement

    rows = await page.locator("#members tbody tr").all_inner_texts()
    assert [r.split("\t")[-1].strip() for r in rows] == ["Reçue, en cours d'examen"] * 2
    assert await page.inner_text("#head") == "Didier Reynders (Ministre des Affaires étrangères)"

    _, listed, _ = await site.call("GET", "/api/v1/conferences/alliance/accreditations",
                                   role="protocol")
    for item in listed["items"]:
        status, decided, _ = await site.call(
            "POST", f"/api/v1/accreditations/{item['id']}/decision", role="protocol",
            json={"decision": "approve"})
        assert status == 200, decided
    await page.reload()
    rows = await page.locator("#members tbody tr").all_inner_texts()
    # the status, then what is true of the badge (ready, with its reference, photo awaited)
    assert [r.split("\t")[-1].strip().splitlines()[0] for r in rows] == ["Accordée"] * 2
    assert all(re.search(r"Badge prêt\xa0: [0-9A-Z]{4}-[0-9A-Z]{4} \(sans photo\)", r)
               for r in rows), rows
    await smtp.wait_for(2, where=lambda m: m["Subject"].startswith("Accréditation accordée")
                        or "accord" in m["Subject"].lower())
    await page.reload()
    assert "Accréditation accordée" in await page.inner_text("#letters") or \
        await page.locator("#letters tbody tr").count() >= 3
    # no nominations deadline set: they close with the conference, and the portal says when
    assert (await page.inner_text("#deadline-nominations")).startswith(
        "Les inscriptions se clôturent avec la conférence : le ")
    assert "23:59 (heure de Bruxelles" in await page.inner_text("#deadline-nominations")
    await _audit(browser, page, "delegation")

    await page.get_by_role("link", name="Jan Peeters").click()
    assert await page.inner_text("#status") == "Accordée"
    assert "Accréditation accordée" in await page.inner_text("#history")
    badge = await page.get_attribute("#badge-link", "href")
    assert badge is not None
    response = await page.request.get(f"{site.url}{badge}")
    assert response.status == 200
    assert response.headers["content-type"] == "image/png"
    assert (await response.body()).startswith(b"\x89PNG")
    await _audit(browser, page, "delegation-member")

    # a third member, withdrawn with the confirmation step
    status, created, _ = await site.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "official", "given_name": "Sofie", "family_name": "Janssens",
              "email": "sofie@example.org", "delegation_id": listed["items"][0]["delegation_id"],
              "rank": "official", "function": "Conseillère"})
    assert status == 201, created
    await page.goto(f"{site.url}/delegation/alliance-be/members/{created['id']}")
    await page.get_by_role("link", name="Retirer ce membre…").click()
    await _audit(browser, page, "delegation-withdraw")
    await page.get_by_role("button", name="Oui, retirer").click()
    await page.wait_for_url(re.compile(r".*done=withdrawn.*"))
    assert await page.inner_text("#flash") == "L'inscription de Sofie Janssens est retirée."

    # another delegation's portal is refused
    await make_delegation(site, country="FR")
    response = await page.goto(f"{site.url}/delegation/alliance-fr")
    assert response is not None and response.status == 403
    assert await page.inner_text("#error-message") == "Votre accès ne couvre pas cette page."
    await _audit(browser, page, "refused")


async def test_press_office_approves_two_at_once_and_rejects_one_with_a_standard_reason(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    status, person, _ = await site.call("POST", "/api/v1/staff", role="admin", json={
        "email": "tove.ernst@example.org", "name": "Tove Ernst", "language": "en",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    applications = [await press(site, n) for n in range(3)]
    [welcome] = await smtp.wait_for(1, where=lambda m: "tove.ernst@example.org" in m["To"]
                                    and m["Subject"].startswith("Your access"))
    notices = await smtp.wait_for(3, where=lambda m: "michele.cercone@example.org" in m["To"])
    assert all(f"{site.url}/manage/alliance/press/" in body_text(n) for n in notices)

    await page.goto(f"{site.url}/signin?lang=en")
    await _audit(browser, page, "signin")
    # the welcome lands on the desk itself, not on the list of workspaces
    await spend_welcome(page, _link(site, welcome), lands="/manage/alliance/press")
    assert await page.inner_text("#pool-counter") == \
        "Press accreditations: 0 of 10 places approved."
    await _audit(browser, page, "press-queue")

    first, second, third = applications
    for chosen in (first, second):
        name = f"Select {chosen['given_name']} {chosen['family_name']}"
        await page.get_by_label(name, exact=True).check()
    await page.get_by_role("button", name="Approve the selected").click()
    await page.wait_for_url(re.compile(r".*done=batch.*"))
    assert await page.inner_text("#flash") == "2 applications approved."
    assert await page.inner_text("#pool-counter") == \
        "Press accreditations: 2 of 10 places approved."
    # back on what is left to decide; the two approved are under "All"
    assert await page.locator("#queue tbody tr").count() == 1
    await page.get_by_role("link", name="All", exact=True).click()
    await page.wait_for_url(re.compile(r".*status=all.*"))
    assert await page.locator("#queue tbody tr").count() == 3

    # the third journalist gave a photo and a scan of the press card: the application's page
    # shows them above the decision (docs/workspaces.md, "The press office desk")
    from tests.http.test_credentials import _pdf, image, put

    assert (await put(site, f"/api/v1/accreditations/{third['id']}/photo", image(600, 800),
                      "image/jpeg", "admin"))[0] in (200, 204)
    assert (await put(site, f"/api/v1/accreditations/{third['id']}/documents/press_card",
                      _pdf("Press card"), "application/pdf", "admin"))[0] == 204
    await page.get_by_label("Name, outlet, press card, email address or badge reference").fill(
        third["family_name"])
    await page.get_by_role("button", name="Filter").click()
    assert await page.locator("#queue tbody tr").count() == 1
    await page.get_by_role("link", name=f"{third['given_name']} {third['family_name']}").click()
    assert await page.get_attribute("#press-photo", "alt") == \
        f"Photo of {third['given_name']} {third['family_name']}"
    assert "Press card" in await page.inner_text("#doc-press_card")
    await _audit(browser, page, "press-application")
    await _values_readable_on_a_phone(browser, page)
    await page.get_by_role("radio", name="Reject").check()
    await page.get_by_label("Standard reason", exact=False).first.select_option(
        label="The press card or letter of assignment could not be verified.")
    await page.get_by_role("button", name="Record the decision").click()
    await page.wait_for_url(re.compile(r".*done=reject.*"))
    assert await page.inner_text("#flash") == \
        f"Application of {third['given_name']} {third['family_name']} rejected."

    approved = await smtp.wait_for(2, where=lambda m: m["To"].addresses[0].addr_spec in (
        first["email"], second["email"]) and "accord" in m["Subject"].lower())
    assert len(approved) == 2
    [rejected] = await smtp.wait_for(1, where=lambda m: third["email"] in m["To"]
                                     and "non accordée" in m["Subject"])
    assert "La carte de presse ou la lettre de mission n'a pas pu être vérifiée." in \
        body_text(rejected)
    _, acc, _ = await site.call("GET", f"/api/v1/accreditations/{third['id']}",
                                role="press_office")
    assert acc["status"] == "rejected"
    assert acc["history"][-1]["actor"] == f"person:{person['id']}"

    response = await page.goto(f"{site.url}/delegation/alliance-be")
    assert response is not None and response.status in (403, 404)
