"""A place of a full press pool freed while journalists wait (docs/lifecycle.md, "Withdrawing
after approval"): the spokespersons' notice said "their place in the press pool is free again"
and nothing of the waiting list, so the press office, which decides who takes the place (no one
is approved by themselves), learnt of the waiting journalists only by opening the desk. The
notice now says how many wait and links the desk's waiting list, in the reader's language."""

from __future__ import annotations

from tests.browser.helpers import press
from tests.conftest import Api, conference_body
from tests.support import RecordingSMTP, body_text, current_token


async def _conference(api: Api) -> None:
    body = conference_body()
    body["press_registration"]["pool_capacity"] = 1
    status, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                           json=body)
    assert status == 201, conference


async def _waitlist(api: Api, application: dict[str, str]) -> None:
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{application['id']}/decision", role="press_office",
        json={"decision": "waitlist"})
    assert status == 200, body


async def test_the_notice_of_a_place_freed_names_the_waiting_list(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    # applied before the pool filled (a full pool takes no new application), then waitlisted
    first, second = await press(api, 2), await press(api, 3)
    approved = await press(api, decision="approve")
    await _waitlist(api, first)
    await _waitlist(api, second)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{approved['id']}/withdraw",
        role=approved["access_token"], json={"reason": "Mon journal n'envoie personne."})
    assert status == 200, body
    notices = await smtp.wait_for(
        2, where=lambda m: "Accréditation presse retirée" in str(m["Subject"]))
    text = body_text(notices[0])
    assert ("2 demandes sont en liste d'attente\u00a0: le bureau de presse décide laquelle "
            "prend la place (aucune n'est accordée d'elle-même).") in text
    assert "/manage/alliance/press?status=waitlisted&lang=fr" in text
    assert "0 place prise sur 1" in text


async def test_one_waiting_in_english_and_none_said_when_none_waits(
    api: Api, smtp: RecordingSMTP
) -> None:
    from tests.http.test_console import staff

    # Tove Ernst signs in in English: her notice is in English
    await _conference(api)
    await staff(api, smtp, "tove.ernst@example.org", "press_office", language="en")
    waiting = await press(api, 2)
    approved = await press(api, decision="approve")
    await _waitlist(api, waiting)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{approved['id']}/withdraw",
        role=approved["access_token"], json={})
    assert status == 200, body
    [tove] = await smtp.wait_for(
        1, where=lambda m: "tove.ernst@" in str(m["To"]) and "withdrawn" in str(m["Subject"]))
    text = body_text(tove)
    assert ("One application is on the waiting list: the press office decides which one "
            "takes the place (nobody is approved by themselves).") in text
    assert "/manage/alliance/press?status=waitlisted&lang=en" in text

    # the waiting one approved, then withdrawn: nobody waits, nothing said of a list
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{waiting['id']}/decision", role="press_office",
        json={"decision": "approve"})
    assert status == 200, body
    # the approval letter brings a new private link, which replaces the one before
    await smtp.wait_for(1, where=lambda m: waiting["email"] in str(m["To"])
                        and "accordée" in str(m["Subject"]))
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{waiting['id']}/withdraw",
        role=await current_token(api.db_url, waiting["id"]), json={})
    assert status == 200, body
    notices = await smtp.wait_for(
        2, where=lambda m: "tove.ernst@" in str(m["To"]) and "withdrawn" in str(m["Subject"]))
    last = body_text(notices[-1]).replace("\r\n", "\n")
    assert "waiting list" not in last
    assert "\n\n\n" not in last
