"""The applicant's photo and visa letter page in Chromium, on a phone (390 px) and a desktop
(1280 px), in French and English (the pages carry no script: plain forms): a refused photo
answered beside its field, a photo uploaded then cropped by a preset, a visa letter requested;
axe-core (injected, so the CSP is bypassed for it) finds no violation on any step."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.browser.conftest import ARTIFACTS, Site, shot
from tests.browser.helpers import press
from tests.browser.test_browser_privacy_link import _violations
from tests.conftest import conference_body

WORDS = {
    "fr": {"file": "Fichier de la photo", "send": "Envoyer la photo", "saved":
           "Votre photo est enregistrée.", "centre": "Centrer (le plus grand cadre)",
           "cropped": "La photo est recadrée.", "name": "Nom complet, tel qu'il figure sur le "
           "passeport", "number": "Numéro du passeport", "nationality": "Nationalité",
           "birth": "Date de naissance", "consulate": "Consulat ou ambassade où le visa sera "
           "demandé", "request": "Demander la lettre", "peru": "Pérou",
           "small": "au moins 600 × 800", "review": "en cours d'examen",
           "fitted": "La photo envoyée n'était pas au format portrait du badge",
           "id_type": "Type de pièce", "id_card": "Carte d'identité",
           "id_number": "Numéro de la pièce", "id_save": "Enregistrer la pièce d'identité",
           "id_birth": "La date de naissance doit être passée et postérieure à 1900.",
           "id_saved": "Votre pièce d'identité est enregistrée."},
    "en": {"file": "Photo file", "send": "Send the photo", "saved": "Your photo is saved.",
           "centre": "Centre (the largest box)", "cropped": "The photo is cropped.",
           "name": "Full name, as in the passport", "number": "Passport number",
           "nationality": "Nationality", "birth": "Date of birth",
           "consulate": "Consulate or embassy where the visa will be requested",
           "request": "Request the letter", "peru": "Peru", "small": "at least 600 × 800",
           "review": "under review",
           "fitted": "The photo sent was not in the badge's portrait shape",
           "id_type": "Type of document", "id_card": "Identity card",
           "id_number": "Document number", "id_save": "Save the identity document",
           "id_birth": "The date of birth must be in the past and after 1900.",
           "id_saved": "Your identity document is saved."},
}


def _jpeg(path: Path, width: int, height: int) -> Path:
    Image.new("RGB", (width, height), (120, 140, 170)).save(path, format="JPEG")
    return path


async def _check(tab: Any, width: int, name: str) -> None:
    assert await tab.evaluate("document.documentElement.scrollWidth") <= width
    await shot(tab, name)
    assert await _violations(tab) == []


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_photo_crop_and_visa_letter_pages_work_without_script_and_pass_axe(
    site: Site, browser: Any, width: int, lang: str, tmp_path: Path
) -> None:
    status, _, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                   json=conference_body(vetting_required=["press"]))
    assert status == 201
    created = await press(site, language=lang)
    w = WORDS[lang]
    context = await browser.new_context(viewport={"width": width, "height": 900},
                                        bypass_csp=True)
    tab = await context.new_page()
    tab.set_default_timeout(10_000)
    try:
        await tab.goto(f"{site.url}/a/{created['access_token']}")
        await tab.click("#credentials-link")
        assert await tab.get_attribute("html", "lang") == lang

        await tab.get_by_label(w["file"]).set_input_files(str(_jpeg(tmp_path / "small.jpg",
                                                                     500, 700)))
        await tab.get_by_role("button", name=w["send"]).click()
        assert w["small"] in await tab.inner_text("#photo-error")
        assert await tab.get_attribute("#photo", "aria-invalid") == "true"
        await _check(tab, width, f"photo-refused-{lang}-{width}")

        # a landscape is cut to a portrait, shown in the crop step (docs/credentials.md)
        await tab.get_by_label(w["file"]).set_input_files(str(_jpeg(tmp_path / "wide.jpg",
                                                                     1200, 900)))
        await tab.get_by_role("button", name=w["send"]).click()
        await tab.wait_for_url(re.compile(r".*done=fitted(#main)?$"))
        assert (await tab.inner_text("#status-message")).startswith(w["fitted"])
        assert await tab.evaluate(
            "document.getElementById('current-photo').naturalWidth") == 675
        # the crop step shows the photo as sent, whose pixels its box is in
        assert await tab.evaluate(
            "document.getElementById('sent-photo').naturalWidth") == 1200
        await _check(tab, width, f"photo-fitted-{lang}-{width}")

        await tab.get_by_label(w["file"]).set_input_files(str(_jpeg(tmp_path / "me.jpg",
                                                                     900, 1200)))
        await tab.get_by_role("button", name=w["send"]).click()
        await tab.wait_for_url(re.compile(r".*done=photo(#main)?$"))
        assert await tab.inner_text("#status-message") == w["saved"]
        assert await tab.evaluate(
            "document.getElementById('current-photo').naturalWidth") == 900
        await tab.get_by_role("button", name=w["centre"]).click()
        await tab.wait_for_url(re.compile(r".*done=cropped(#main)?$"))
        assert await tab.inner_text("#status-message") == w["cropped"]
        await _check(tab, width, f"photo-cropped-{lang}-{width}")

        await tab.get_by_label(w["name"]).fill("Marie DUPONT")
        await tab.get_by_label(w["number"]).fill("PA1234567")
        await tab.locator("#nationality").select_option(label=w["peru"])
        await tab.locator("#date_of_birth").fill("1980-04-02")
        await tab.get_by_label(w["consulate"]).fill("Consulate General of Belgium in Lima")
        await tab.get_by_role("button", name=w["request"]).click()
        await tab.wait_for_url(re.compile(r".*done=visa(#main)?$"))
        assert w["review"] in await tab.inner_text("#visa-state")
        await _check(tab, width, f"visa-requested-{lang}-{width}")

        # the press is vetted at this conference: the identity document for the check
        form = tab.locator("#identity-form")
        await form.get_by_label(w["nationality"]).select_option(label=w["peru"])
        await form.get_by_label(w["id_type"]).select_option(label=w["id_card"])
        await form.get_by_label(w["id_number"]).fill("40123456")
        await form.get_by_label(w["birth"]).fill("2099-04-02")
        await tab.get_by_role("button", name=w["id_save"]).click()
        assert w["id_birth"] in await tab.inner_text("#id_date_of_birth-error")
        assert await tab.get_attribute("#id_date_of_birth", "aria-invalid") == "true"
        assert await tab.input_value("#id_document_number") == "40123456"  # typed, kept
        await _check(tab, width, f"identity-refused-{lang}-{width}")
        await tab.locator("#id_date_of_birth").fill("1980-04-02")
        await tab.get_by_role("button", name=w["id_save"]).click()
        await tab.wait_for_url(re.compile(r".*done=identity(#main)?$"))
        assert await tab.inner_text("#status-message") == w["id_saved"]
        # masked as on the visa letter's summary (docs/credentials.md, "Vetting")
        assert "\u2022\u2022\u2022\u2022\u00a03456" in await tab.inner_text("#identity-state")
        assert "40123456" not in await tab.content()
        await _check(tab, width, f"identity-saved-{lang}-{width}")
    finally:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        await tab.screenshot(path=str(ARTIFACTS / f"credentials-{lang}-{width}--last.png"),
                             full_page=True)
        await context.close()

