"""A badge admitted before at a zone is admitted again (re-entry is ordinary), and the door
says when it was: a badge handed back out through the door to a second person showed the
same « ADMIS » as many times as it was shown (a tryout, 4 December 2026; docs/credentials.md,
"Admitted before")."""

from __future__ import annotations

from datetime import datetime

from tests.browser.helpers import element, hidden, press, scan, zone
from tests.conftest import Api
from tests.http.test_badges import _reference
from tests.http.test_console import staff
from tests.http.test_credentials import image, put
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

DOOR = "/manage/alliance/door"


async def test_a_badge_admitted_before_at_the_zone_is_said_at_the_door(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    door = await staff(api, smtp, "door@example.org", "door", language="fr")
    await zone(api, "press-centre", categories=["press"])
    await zone(api, "briefing-room", categories=["press"])
    journalist = await press(api, decision="approve")
    badge = await _reference(api, journalist["id"])

    first = await scan(api, badge, "press-centre")
    assert first["admitted"] and first["admitted_before"] is None
    again = await scan(api, badge, "press-centre")
    assert again["admitted"]
    assert datetime.fromisoformat(again["admitted_before"]) == datetime.fromisoformat(
        first["scanned_at"])
    # another zone: a first admission there
    assert (await scan(api, badge, "briefing-room"))["admitted_before"] is None

    # the door page says it under the verdict, in the page's language; a badge printed
    # without a photo is compared with the identity document (tryout, 5 December 2026)
    status, page, _ = await door.post_form(f"{DOOR}?lang=en", f"{DOOR}?lang=en",
                                           zone="press-centre", badge=badge)
    assert element(page, "door-again").endswith(
        ", and it carries no photo: check the person's identity document against the name on "
        "the badge."), element(page, "door-again")
    status, _ = await put(api, f"/api/v1/accreditations/{journalist['id']}/photo",
                          image(600, 800), "image/jpeg", "protocol")
    assert status == 204
    for lang, start, end in (
            ("fr", "Ce badge a déjà servi à entrer dans cette zone le ",
             " : vérifiez que la personne est bien celle de la photo."),
            ("en", "This badge was already used to enter this zone on ",
             ": check that the person is the one in the photo.")):
        status, page, _ = await door.post_form(f"{DOOR}?lang={lang}", f"{DOOR}?lang={lang}",
                                               zone="press-centre", badge=badge)
        assert status == 200, page
        assert element(page, "door-result").startswith("ADMIS" if lang == "fr" else "ADMITTED")
        said = element(page, "door-again")
        assert said.startswith(start) and said.endswith(end), said

    # the door page's form sent again (Back, a reload) is the same scan, not a second
    # admission: a first admission says nothing, and neither does its form sent again
    await zone(api, "lounge", categories=["press"])
    _, page, _ = await door.go("GET", f"{DOOR}?lang=fr")
    form = {"csrf": hidden(page, "csrf"), "scan": hidden(page, "scan"), "zone": "lounge",
            "badge": badge}
    for _ in range(2):
        status, page, _ = await door.go("POST", f"{DOOR}?lang=fr", form)
        assert status == 200, page
        assert element(page, "door-result").startswith("ADMIS")
        assert 'id="door-again"' not in page
