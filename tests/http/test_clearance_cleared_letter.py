"""An approved journalist is told when the security check releases their badge
(docs/credentials.md, "Vetting"): the approval letter said "your badge will be on your
application's page once the security check is complete", and nothing said when it was; a
photographer kept reloading the page until the morning of the meeting. The letter comes from
the press office, in the journalist's language, with a fresh private link to the page, and
asks for the photo first where the badge waits for it. A journalist cleared before the
approval learns of the badge from the approval letter (a member's badge goes through the focal
points, told in their own letter: test_clearance_cleared_focal_letter.py)."""

from __future__ import annotations

import asyncio
import re

from tests.browser.helpers import element, press
from tests.conftest import Api, conference_body
from tests.http.test_credentials import image, put
from tests.support import RecordingSMTP, body_text


async def _vetting(api: Api, aid: str, status: str) -> None:
    code, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/vetting/status",
                                   role="protocol", json={"status": status, "reason": None})
    assert code == 200, body


def _badge_letter(m: object) -> bool:
    subject = str(m["Subject"])  # type: ignore[index]
    return "your badge" in subject or "votre badge" in subject


async def test_an_approved_journalist_is_told_the_badge_is_released(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=(
        conference_body(vetting_required=["press"], photo_required=["press"])))
    assert status == 201, body
    without_photo = await press(api, 1, decision="approve", language="en")
    with_photo = await press(api, 2, decision="approve")  # French
    status, _ = await put(api, f"/api/v1/accreditations/{with_photo['id']}/photo",
                          image(600, 800), "image/jpeg", "admin")
    assert status in (200, 204)
    cleared_first = await press(api, 3)  # cleared while under review: no letter

    await _vetting(api, cleared_first["id"], "cleared")
    await _vetting(api, without_photo["id"], "cleared")
    await _vetting(api, with_photo["id"], "cleared")
    letters = await smtp.wait_for(2, where=_badge_letter)
    await asyncio.sleep(0.8)
    assert len([m for m in smtp.messages if _badge_letter(m)]) == 2

    # the approval letter said the badge would follow the check, and that we would write
    [approval] = [m for m in smtp.messages if "marie.dupont1@" in str(m["To"])
                  and "approved" in str(m["Subject"])]
    assert "We will write to you when it is." in body_text(approval)
    [en] = [m for m in letters if "marie.dupont1@" in str(m["To"])]
    assert str(en["Subject"]).startswith("Security check complete: your badge")
    assert str(en["From"]).endswith("<michele.cercone@example.org>")  # the press office
    text = body_text(en)
    # the title's own colon is not followed by the sentence's ("…Global Alliance: meeting:
    # your badge can be issued" read as a third clause; a tryout, 4 December 2026)
    assert ("The security check is complete for the Global Alliance: meeting. Your badge can "
            "be issued.") in text, text
    assert ("Your badge carries your photo, which we do not have yet: give it first on your "
            "application's page") in text, text
    match = re.search(r"https://conference\.test(/a/[^\s?]+\?lang=en)", text)
    assert match, text
    resp = await api.client.get(match.group(1), allow_redirects=False)
    page = await resp.text()
    assert resp.status == 200 and element(page, "badge-photo-first").startswith(
        "Upload your photo to get your badge")

    [fr] = [m for m in letters if "marie.dupont2@" in str(m["To"])]
    assert str(fr["Subject"]).startswith("Contrôle de sécurité terminé\u00a0: votre badge")
    text = body_text(fr)
    assert ("Votre badge est sur la page de votre demande, par ce lien privé, qui remplace "
            "celui des messages précédents\u00a0: imprimez-le au format A6") in text, text
    match = re.search(r"https://conference\.test(/a/[^\s?]+\?lang=fr)", text)
    assert match, text
    resp = await api.client.get(match.group(1), allow_redirects=False)
    page = await resp.text()
    assert resp.status == 200 and 'id="badge-link"' in page
