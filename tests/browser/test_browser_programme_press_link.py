"""The public programme leads the press to its registration form (docs/programme.md, "The
programme page"): a photographer on a phone who found the programme, the conference's only
public page besides the form, found no way to apply. While the registration is open the page
says until when and links the form in the reader's language; before it opens, from when;
once closed, nothing. Audited with axe in French and English at both widths."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import BASE, at, publish, room, session
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body, press_body


async def _conference(site: Site, slug: str = "alliance", **window: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    press = {"opens_at": (now - timedelta(days=1)).isoformat(),
             "closes_at": (now + timedelta(days=20)).isoformat(), "pool_capacity": 10,
             **{k: v.isoformat() if isinstance(v, datetime) else v
                for k, v in window.items()}}
    status, body, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                      json=conference_body(slug, press_registration=press))
    assert status == 201, body
    return dict(body)


async def test_the_programme_links_the_press_form_while_registration_is_open(
    site: Site, page: Any, browser: Any
) -> None:
    conference = await _conference(site)
    plenary = await room(site)
    await session(site, plenary, at(conference, 9), at(conference, 10))
    await publish(site)
    await page.set_viewport_size({"width": 390, "height": 800})
    await page.goto(f"{site.url}/alliance/programme?lang=fr")
    text = await page.inner_text("#press-registration")
    assert text.startswith("Journalistes, photographes, équipes de prise de vues\u00a0: les "
                           "demandes d'accréditation presse sont ouvertes jusqu'au ")
    await _audit(browser, page, "programme-press-link")
    await page.click("#press-registration-link")
    await page.wait_for_selector("#press-form")
    assert page.url.endswith("/alliance/press?lang=fr")
    assert await page.inner_text("h1") == "Demande d'accréditation presse"

    await page.goto(f"{site.url}/alliance/programme?lang=en")
    assert await page.inner_text("#press-registration-link") == "Apply for press accreditation"
    await page.click("#press-registration-link")
    await page.wait_for_selector("#press-form")
    assert page.url.endswith("/alliance/press?lang=en")


async def test_the_programme_says_when_registration_opens_and_nothing_once_closed(
    site: Site, page: Any
) -> None:
    now = datetime.now(UTC)
    await _conference(site, "later", opens_at=now + timedelta(days=2),
                      closes_at=now + timedelta(days=9))
    await page.goto(f"{site.url}/later/programme?lang=en")
    assert (await page.inner_text("#press-registration")).startswith(
        "Journalists, photographers, camera crews: press accreditation requests open on ")
    assert await page.locator("#press-registration-link").count() == 0

    await _conference(site, "over", opens_at=now - timedelta(days=9),
                      closes_at=now - timedelta(days=2))
    await page.goto(f"{site.url}/over/programme?lang=fr")
    assert await page.locator("#press-registration").count() == 0


async def test_the_programme_says_when_the_pool_is_full_and_links_no_form(
    site: Site, page: Any
) -> None:
    """The programme linked the form while every place was taken: the form then said so, a
    tap later; the programme says it itself."""
    await _conference(site, pool_capacity=1)
    status, body, _ = await site.call("POST", f"{BASE}/accreditations", json=press_body(1))
    assert status == 201, body
    status, body, _ = await site.call("POST", f"/api/v1/accreditations/{body['id']}/decision",
                                      role="press_office", json={"decision": "approve"})
    assert status == 200, body
    await page.goto(f"{site.url}/alliance/programme?lang=fr")
    assert await page.inner_text("#press-registration") == (
        "Journalistes, photographes, équipes de prise de vues\u00a0: toutes les places du pool "
        "de presse sont attribuées\u00a0; aucune nouvelle demande d'accréditation n'est "
        "acceptée pour l'instant.")
    assert await page.locator("#press-registration-link").count() == 0
