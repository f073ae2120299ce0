"""A member's photo and visa letter in the delegation portal, in headless Chromium: the focal
point signed in from the welcome mail uploads a photo, crops it by a preset and requests the
letter with the keyboard and mouse, no script; every step passes axe-core in French and
English at 390 and 1280 px (``_audit``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PIL import Image

from tests.browser.conftest import Site
from tests.browser.test_browser_workspaces import _audit, _link
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP


async def test_focal_point_gives_the_photo_and_requests_the_visa_letter(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP, tmp_path: Path
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body(vetting_required=["official"]))
    assert status == 201, body
    be = await make_delegation(site, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    status, member, _ = await site.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "official", "given_name": "Sofie", "family_name": "Janssens",
              "email": "sofie@example.org", "delegation_id": be["id"],
              "rank": "official", "function": "Conseillère"})
    assert status == 201, member
    await page.goto(_link(site, welcome))
    await page.get_by_role("button", name="Me connecter").click()
    # the welcome's delegation
    await page.wait_for_url(re.compile(r".*/delegation/alliance-be\?lang=fr$"))

    await page.goto(f"{site.url}/delegation/alliance-be/members/{member['id']}")
    await page.get_by_role(
        "link", name="Photo, pièces à fournir et lettre d'invitation pour le visa").click()
    await page.wait_for_url(re.compile(r".*/credentials.*"))
    await _audit(browser, page, "delegation-member-credentials")

    photo = tmp_path / "wide.jpg"
    Image.new("RGB", (1200, 900), (90, 110, 140)).save(photo, format="JPEG")
    await page.get_by_label("Fichier de la photo").set_input_files(str(photo))
    await page.get_by_role("button", name="Envoyer la photo").click()
    await page.wait_for_url(re.compile(r".*done=fitted.*"))  # cut to a portrait, to check
    assert "(675 × 900 pixels)" in await page.inner_text("#photo-current")
    # the crop step's box is in the photo as sent, shown above its form (docs/credentials.md)
    assert "(1200 × 900 pixels)" in await page.inner_text("#crop-text")
    assert await page.evaluate("document.getElementById('sent-photo').naturalWidth") == 1200

    photo = tmp_path / "me.jpg"
    Image.new("RGB", (1000, 1333), (90, 110, 140)).save(photo, format="JPEG")
    await page.get_by_label("Fichier de la photo").set_input_files(str(photo))
    await page.get_by_role("button", name="Envoyer la photo").click()
    await page.wait_for_url(re.compile(r".*done=photo.*"))
    assert await page.inner_text("#flash") == "La photo de Sofie Janssens est enregistrée."
    assert await page.evaluate(  # the photo is shown (loaded from the portal's image route)
        "document.getElementById('current-photo').naturalWidth") == 1000
    await page.get_by_role("button", name="Visage et épaules").click()
    await page.wait_for_url(re.compile(r".*done=cropped.*"))
    assert "(800 × 1066 pixels)" in await page.inner_text("#photo-current")
    assert "(1000 × 1333 pixels)" in await page.inner_text("#crop-text")
    await _audit(browser, page, "delegation-member-photo")

    await page.get_by_label("Nom complet, tel qu'il figure sur le passeport").fill(
        "Sofie JANSSENS")
    await page.get_by_label("Numéro du passeport").fill("EH123456")
    await page.locator("#nationality").select_option(label="Belgique")
    await page.locator("#date_of_birth").fill("1985-03-04")
    await page.get_by_label("Consulat ou ambassade où le visa sera demandé").fill(
        "Ambassade de France à Kinshasa")
    await page.get_by_role("button", name="Demander la lettre").click()
    await page.wait_for_url(re.compile(r".*done=visa.*"))
    assert "en cours d'examen" in await page.inner_text("#visa-state")
    await _audit(browser, page, "delegation-member-visa")

    # her category is vetted: the passport of the letter stands in until a document is given
    assert (await page.inner_text("#identity-from-visa")).startswith(
        "Tant qu'aucune pièce n'est donnée ici")
    form = page.locator("#identity-form")
    await form.get_by_label("Nationalité").select_option(label="Belgique")
    await form.get_by_label("Type de pièce").select_option(label="Carte d'identité")
    await form.get_by_label("Numéro de la pièce").fill("591-1234567-89")
    await form.get_by_label("Date de naissance").fill("1985-03-04")
    await page.get_by_role("button", name="Enregistrer la pièce d'identité").click()
    await page.wait_for_url(re.compile(r".*done=identity.*"))
    assert await page.inner_text("#flash") == (
        "La pièce d'identité de Sofie Janssens est enregistrée.")
    assert await page.inner_text("#identity-state") == (
        "Pièce enregistrée\u00a0: Carte d'identité n°\u00a0" + "\u2022" * 4 + "\u00a07-89, "
        "nom sur la pièce Sofie JANSSENS, nationalité Belgique, "
        "date de naissance 4 mars 1985.")
    await _audit(browser, page, "delegation-member-identity")
