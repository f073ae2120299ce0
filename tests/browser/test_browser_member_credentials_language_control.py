"""The language control on the portal's member credentials page, in headless Chromium
(docs/workspaces.md, "The language control"): the applicant's page's forms, for the focal
point. With a photo given, the focal point types a crop box, presses the header's « English
version » and finds the numbers in English, nothing cut; types the visa letter request and
presses that form's own « Ce formulaire en français », then the identity document's own
button, each kept. Nothing is cut, requested or given (the photo's bytes, no letter, no
event). At 390 and 1280 px, axe-clean in both languages. The header's link emptied them."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import asyncpg
from PIL import Image

from tests.browser.conftest import Site
from tests.browser.test_browser_workspaces import _link
from tests.conftest import conference_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP

CROP = {"#crop_x": "40", "#crop_y": "120", "#crop_width": "900"}
VISA = {"#passport_name": "Sofie JANSSENS", "#passport_number": "EN7654321",
        "#consulate": "Ambassade de Belgique à Nairobi"}


async def _recorded(site: Site) -> tuple[str, int, int]:
    """The photo's bytes (their digest), the visa letters and the domain events."""
    conn = await asyncpg.connect(site.db_url)
    try:
        photo = await conn.fetchval("SELECT data FROM accreditation_photo")
        return (hashlib.sha256(photo).hexdigest(),
                int(await conn.fetchval("SELECT count(*) FROM visa_letter")),
                int(await conn.fetchval("SELECT count(*) FROM domain_event")))
    finally:
        await conn.close()


async def _axe_clean(tab: Any, where: str) -> None:
    from axe_playwright_python.async_playwright import Axe

    results = await Axe().run(tab)
    assert results.violations_count == 0, (where, results.generate_report())


async def test_the_language_control_keeps_what_the_focal_point_typed_for_a_member(
    site: Site, page: Any, smtp: RecordingSMTP, tmp_path: Path
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
    here = f"{site.url}/delegation/alliance-be/members/{member['id']}/credentials"
    await page.goto(f"{here}?lang=fr")
    photo = tmp_path / "me.jpg"
    Image.new("RGB", (1000, 1333), (90, 110, 140)).save(photo, format="JPEG")
    await page.get_by_label("Fichier de la photo").set_input_files(str(photo))
    await page.get_by_role("button", name="Envoyer la photo").click()
    await page.wait_for_url(re.compile(r".*done=photo.*"))
    before = await _recorded(site)

    for width in (390, 1280):
        await page.set_viewport_size({"width": width, "height": 900})
        await page.goto(f"{here}?lang=fr")
        await _axe_clean(page, f"fr {width}")
        # fr → en by the header: the crop step, the page's first typed form
        for selector, value in CROP.items():
            await page.fill(selector, value)
        control = page.get_by_role("navigation", name="Langue").get_by_text("English version")
        assert await control.get_attribute("lang") == "en"
        await control.click()
        await page.wait_for_selector("html[lang=en]")
        for selector, value in CROP.items():
            assert await page.input_value(selector) == value, selector
        assert await page.locator("#error-summary, .error").count() == 0
        await _axe_clean(page, f"en {width}")

        # en → fr by the visa letter request's own button
        for selector, value in VISA.items():
            await page.fill(selector, value)
        await page.select_option("#nationality", "BE")
        await page.locator("#visa-form").get_by_role(
            "button", name="Ce formulaire en français").click()
        await page.wait_for_selector("html[lang=fr]")
        for selector, value in VISA.items():
            assert await page.input_value(selector) == value, selector
        assert await page.get_attribute("#switch-language", "form") == "visa-form"
        assert await page.locator("#visa-state").count() == 0  # nothing requested
        await _axe_clean(page, f"fr visa {width}")

        # fr → en by the identity document's own button
        await page.select_option("#id_document_type", "passport")
        await page.fill("#id_document_number", "EN7654321")
        await page.locator("#identity-form").get_by_role(
            "button", name="This form in English").click()
        await page.wait_for_selector("html[lang=en]")
        assert await page.input_value("#id_document_type") == "passport"
        assert await page.input_value("#id_document_number") == "EN7654321"
        assert await page.locator("#identity-state").count() == 0  # nothing given
        await _axe_clean(page, f"en identity {width}")

    assert await _recorded(site) == before  # nothing cut, requested or given
