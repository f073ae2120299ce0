"""The page answering the press form says what to give before the decision (docs/credentials.md,
"Documents"): a photographer who applied on a phone read "the spokesperson's office reviews
your application", and waited; only the acknowledgement, in a mailbox, said to give the photo,
the identity document and the press card. Audited with axe in French and English at both
widths."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body


async def _apply(site: Site, tab: Any, slug: str) -> None:
    await tab.goto(f"{site.url}/{slug}/press?lang=fr")
    await tab.fill("#given_name", "Léa")
    await tab.fill("#family_name", "Martin")
    await tab.fill("#email", f"lea.martin.{slug}@example.org")
    await tab.fill("#outlet", "Agence France-Presse")
    await tab.fill("#press_card_number", "AFP-7781")
    await tab.select_option("#role", "photographer")
    await tab.click("#press-form button[type=submit]")
    await tab.wait_for_selector("#done")


async def test_the_received_page_says_what_to_give_on_the_private_page(
    site: Site, page: Any, browser: Any
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin", json=(
        conference_body(vetting_required=["press"],
                        documents_required={"press": ["press_card"]})))
    assert status == 201, body
    await page.set_viewport_size({"width": 390, "height": 800})
    await _apply(site, page, "alliance")
    assert await page.inner_text("#next-give") == (
        "Dès maintenant, sur la page de votre demande (le lien privé du courriel)\u00a0: "
        "donnez votre photo pour le badge, votre pièce d'identité pour le contrôle de "
        "sécurité et les documents demandés (carte de presse).")
    await _audit(browser, page, "press-received-to-give")
    await page.goto(f"{site.url}/alliance/press/received?lang=en")
    assert await page.inner_text("#next-give") == (
        "Now, on your application's page (the private link in the email): give your photo "
        "for the badge, your identity document for the security check and the documents "
        "asked for (press card).")


async def test_without_vetting_nor_documents_only_the_photo_is_named(
    site: Site, page: Any
) -> None:
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body())
    assert status == 201, body
    await _apply(site, page, "alliance")
    assert await page.inner_text("#next-give") == (
        "Dès maintenant, sur la page de votre demande (le lien privé du courriel)\u00a0: "
        "donnez votre photo pour le badge.")
