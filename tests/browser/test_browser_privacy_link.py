"""The data-protection notice and the "get my link again" page in Chromium, on a phone (390 px)
and a desktop (1280 px), in French and English: what a journalist reads, and axe-core (the copy
shipped with axe-playwright-python) finds no violation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Site, shot
from tests.conftest import conference_body

PRIVACY = {"controller": "Commission européenne, DG Commerce", "dpo_email": "dpo@example.org",
           "purposes": {"fr": "Accréditer la presse.", "en": "Accrediting the press."}}


def _axe_source() -> str:
    try:
        import axe_playwright_python
    except ImportError:
        pytest.skip("axe-playwright-python is not installed")
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


async def _violations(tab: Any) -> list[Any]:
    await tab.add_script_tag(content=_axe_source())
    result = await tab.evaluate("async () => (await axe.run(document)).violations")
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result]


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_privacy_and_link_pages_read_well_and_pass_axe(
    site: Site, browser: Any, width: int, lang: str
) -> None:
    status, _, _ = await site.call("POST", "/api/v1/conferences", role="admin",
                                   json=conference_body(privacy=PRIVACY))
    assert status == 201
    context = await browser.new_context(viewport={"width": width, "height": 900},
                                        bypass_csp=True)
    tab = await context.new_page()
    try:
        await tab.goto(f"{site.url}/alliance/privacy?lang={lang}")
        assert await tab.inner_text("#privacy-controller") == PRIVACY["controller"]
        assert await tab.evaluate("document.documentElement.scrollWidth") <= width
        await shot(tab, f"privacy-{lang}-{width}")
        assert await _violations(tab) == []

        await tab.goto(f"{site.url}/alliance/press/link?lang={lang}")
        label = "Adresse électronique" if lang == "fr" else "Email address"
        await tab.get_by_label(label).fill("nobody@example.org")
        button = "Envoyer le lien" if lang == "fr" else "Send the link"
        await tab.get_by_role("button", name=button).click()
        message = await tab.inner_text("#link-message")
        assert message.startswith("Si une demande existe" if lang == "fr" else "If there is")
        assert await tab.evaluate("document.documentElement.scrollWidth") <= width
        await shot(tab, f"press-link-{lang}-{width}")
        assert await _violations(tab) == []
    finally:
        await context.close()
