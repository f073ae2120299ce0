"""The press form says the pool is full before anything is typed (docs/lifecycle.md, "Press
registration"): a camera operator on a phone filled in every field, pressed "Envoyer ma
demande" and only then read that no new application was accepted; the page had said "Places
in the press pool: 40." and nothing else. While every place is taken the form is not shown
and the page says why and whom to write to; once a place is free, the form is back. Audited
with axe in French and English at both widths."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import press
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body


async def test_a_full_pool_is_said_before_the_form_and_the_form_returns_with_a_place(
    site: Site, page: Any, browser: Any
) -> None:
    body = conference_body()
    body["press_registration"]["pool_capacity"] = 1
    status, created, _ = await site.call("POST", "/api/v1/conferences", role="admin", json=body)
    assert status == 201, created
    approved = await press(site, 1, decision="approve")
    await page.set_viewport_size({"width": 390, "height": 800})
    await page.goto(f"{site.url}/alliance/press?lang=fr")
    assert await page.inner_text("#pool-full") == (
        "Toutes les places du pool de presse sont attribuées\u00a0: aucune nouvelle demande "
        "n'est acceptée pour l'instant. Si une place se libère, ce formulaire rouvre\u00a0; "
        "pour toute question, écrivez au bureau du porte-parole ci-dessous.")
    assert await page.locator("#press-form").count() == 0
    assert "Michele Cercone" in await page.inner_text("main")
    await _audit(browser, page, "press-form-pool-full")
    await page.goto(f"{site.url}/alliance/press?lang=en")
    assert (await page.inner_text("#pool-full")).startswith(
        "All places in the press pool are taken: no new applications are accepted for now.")

    status, revoked, _ = await site.call(
        "POST", f"/api/v1/accreditations/{approved['id']}/revoke", role="press_office",
        json={"reason": "Outlet closed"})
    assert status == 200, revoked
    await page.goto(f"{site.url}/alliance/press?lang=fr")
    assert await page.locator("#pool-full").count() == 0
    assert await page.locator("#press-form").count() == 1
