"""The portal's member forms sent back with their errors (docs/workspaces.md, "The member
form"), in a browser: every error at once, the labels saying what each category requires,
the language button keeping what was typed; audited with axe in French and English at both
widths (the new form and the edit form)."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Site
from tests.browser.helpers import focal_point_signed_in
from tests.browser.test_browser_workspaces import _audit
from tests.support import RecordingSMTP

PORTAL = "/delegation/alliance-be"


async def test_the_member_forms_sent_back_keep_what_was_typed_in_either_language(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP
) -> None:
    await focal_point_signed_in(site, smtp, page)

    async def sent_back(tab: Any, lang: str) -> None:  # a minister without a function
        await tab.goto(f"{site.url}{PORTAL}/members/new?lang={lang}")
        await tab.select_option("#category", "minister")
        await tab.fill("#given_name", "Hadja")
        await tab.fill("#family_name", "Lahbib")
        await tab.select_option("#language", "")
        await tab.select_option("#rank", "minister")
        await tab.click("#member-form button[type=submit]")
        await tab.wait_for_selector("#error-summary")

    await sent_back(page, "fr")
    assert await page.locator("#error-summary li").all_inner_texts() == [
        "Adresse électronique – Ce champ est obligatoire.",
        "Langue de correspondance – Ce champ est obligatoire.",
        "Fonction, intitulé officiel – Obligatoire pour un ministre ou un fonctionnaire."]
    await _audit(browser, page, "member-new-sent-back", reach=sent_back)
    await page.click("#switch-language")
    await page.wait_for_selector("html[lang=en]")
    assert await page.input_value("#given_name") == "Hadja"
    assert await page.input_value("#rank") == "minister"
    assert (await page.inner_text("#function-error")).endswith(
        "Required for a minister or an official.")

    await page.fill("#email", "h.lahbib@example.org")
    await page.select_option("#language", "fr")
    await page.fill("#function", "Minister for Foreign Affairs")
    await page.click("#member-form button[type=submit]")
    await page.wait_for_url(re.compile(r".*done=registered.*"))
    await page.get_by_role("link", name="Hadja Lahbib").click()
    edit = page.url.split("?")[0] + "/edit"

    async def edit_sent_back(tab: Any, lang: str) -> None:  # the function emptied
        await tab.goto(f"{edit}?lang={lang}")
        await tab.fill("#given_name", "Hadja B.")
        await tab.fill("#function", "")
        await tab.click("#member-form button[type=submit]")
        await tab.wait_for_selector("#function-error")

    await edit_sent_back(page, "en")
    await _audit(browser, page, "member-edit-sent-back", reach=edit_sent_back)
    await page.click("#switch-language")
    await page.wait_for_selector("html[lang=fr]")
    assert await page.input_value("#given_name") == "Hadja B."
