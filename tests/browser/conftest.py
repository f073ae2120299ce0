"""Browser fixtures: Debian's Chromium (``/usr/bin/chromium``, never a downloaded browser)
driven by Playwright, against the service listening on a real TCP port of 127.0.0.1 whose
public URL is that address, so the links in pages and in mail lead back to it.

Without Chromium the browser tests are skipped, except in CI (``CI`` set), where they fail:
``.ci/run`` and ``make test`` install Debian's ``chromium`` first. Screenshots go to
``test-artifacts/browser/`` (git-ignored)."""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from conference.settings import Settings
from tests.conftest import Api, start_api

CHROMIUM = Path("/usr/bin/chromium")
HAVE_CHROMIUM = CHROMIUM.exists()
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Any]:
    if not HAVE_CHROMIUM:
        message = f"{CHROMIUM} is missing: apt-get install chromium (make test does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                            args=ARGS)
        yield chromium
        await chromium.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Site(Api):
    """The service on a real port, with its API tokens and its public URL."""

    url: str


@pytest.fixture
async def site(db_url: str, settings: Settings) -> AsyncIterator[Site]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    settings = settings.model_copy(
        update={"http": settings.http.model_copy(update={"public_url": url})})
    service = await start_api(db_url, settings, port=port, cls=Site)
    service.url = url
    yield service
    await service.client.close()


@pytest.fixture
async def page(browser: Any, request: pytest.FixtureRequest) -> AsyncIterator[Any]:
    context = await browser.new_context(locale="fr-FR", viewport={"width": 1000,
                                                                   "height": 900})
    tab = await context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    await tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}--last.png"), full_page=True)
    await context.close()


async def shot(tab: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    await tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
