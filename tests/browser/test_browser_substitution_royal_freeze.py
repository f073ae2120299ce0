"""Protocol replaces, after the security list of a royal-presence session froze, a speaker and
a minister of its audience: the confirmation says what the substitution does there (the
speaker's substitute will be on the list as an addition after the freeze, to be sent again to
the Royal Household and the police; the audience member's will not be on it, let in by no
royal-perimeter door and invited to nothing there) and that the category's security clearance
comes before any badge. A tryout confirmed "a badge in their name, opening the same zones" for
a substitute the royal perimeter then refused, and read "Sophie Wilmès est accrédité" (the
wording now needs no agreement). axe-clean in French and English at 390 and 1280 px."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg

from tests.browser.conftest import Site
from tests.browser.helpers import member
from tests.browser.test_browser_console import _sign_in
from tests.browser.test_browser_workspaces import _audit
from tests.conftest import conference_body
from tests.http.conftest_programme import (
    at,
    make_delegation,
    make_room,
    make_session,
    put_participant,
)
from tests.support import RecordingSMTP


async def fill(tab: Any) -> None:
    """The substitution form, filled and checked: its confirmation."""
    await tab.locator("#sub_given_name").fill("Sophie")
    await tab.locator("#sub_family_name").fill("Wilmès")
    await tab.locator("#sub_email").fill("sophie@example.org")
    await tab.locator("#sub_language").select_option("fr")
    await tab.locator("#sub_reason").fill("Le ministre est retenu à Paris.")
    await tab.locator("#sub_approve").check()
    await tab.locator("#substitute-form button[type=submit]:not(.form-language)").click()
    await tab.locator("#confirm-form").wait_for()


async def test_a_substitution_after_the_freeze_says_what_it_does_to_the_security_list(
    site: Site, page: Any, browser: Any, smtp: RecordingSMTP, db_url: str
) -> None:
    status, conf, _ = await site.call(
        "POST", "/api/v1/conferences", role="admin",
        json=conference_body(vetting_required=["minister", "official"]))
    assert status == 201, conf
    be = await make_delegation(site, country="BE")
    speaker = await member(site, be, "Reynders", rank="foreign_minister")
    guest = await member(site, be, "Lahbib", rank="minister")
    session = await make_session(site, await make_room(site), at(conf, 12), at(conf, 13),
                                 royal_presence=True, press_access="pool",
                                 audience=["minister"],
                                 title={"fr": "Séance royale", "en": "Royal session"})
    assert (await put_participant(site, session, speaker, "speaker"))[0] == 200
    conn = await asyncpg.connect(db_url)
    try:
        await conn.execute("UPDATE conference SET security_list_deadline = $1",
                           datetime.now(UTC) - timedelta(hours=1))
    finally:
        await conn.close()
    await _sign_in(site, page, smtp, "protocol@example.org", "protocol", "fr")
    base = f"{site.url}/manage/alliance/accreditations"

    await page.goto(f"{base}/{speaker['id']}?lang=fr")
    await fill(page)
    examined = await page.inner_text("#effect-examined")
    assert "L'accréditation de Sophie Wilmès est accordée dès la confirmation" in examined
    # the badge waits for the clearance: the first line no longer promises it at once
    assert "une fois l'habilitation de sécurité accordée" in examined
    assert not examined.split("\u00a0:")[1].lstrip().startswith("un badge")
    royal = await page.inner_text("#effect-royal-1")
    assert "«\u00a0Séance royale\u00a0» est arrêtée depuis le" in royal
    assert "Sophie Wilmès y figurera comme ajout après l'arrêt" in royal
    assert "Maison royale et à la police" in royal
    assert ("La catégorie «\u00a0Ministre\u00a0» demande une habilitation de sécurité"
            "\u00a0: aucun badge pour Sophie Wilmès") in await page.inner_text(
        "#effect-clearance")

    await page.goto(f"{base}/{guest['id']}?lang=en")
    await fill(page)
    assert "once the security clearance is granted" in await page.inner_text(
        "#effect-examined")
    royal = await page.inner_text("#effect-royal-1")
    assert "“Royal session” has been frozen since" in royal
    assert "Sophie Wilmès will not be on it" in royal
    assert "no invitation to that session" in royal

    async def to_confirmation(tab: Any, lang: str) -> None:
        await tab.goto(f"{base}/{guest['id']}?lang={lang}")
        await fill(tab)

    await _audit(browser, page, "console-substitute-royal-frozen", reach=to_confirmation)
