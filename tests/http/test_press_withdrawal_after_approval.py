"""An approved journalist who will not come withdraws, to free the place in the press pool
(docs/lifecycle.md, "Withdrawing after approval"), over HTTP on a real PostgreSQL and a real SMTP
server: through the API and from the applicant's own page with its confirming step. The pool's
count on the conference row drops, the badge is refused ``withdrawn`` at the door, the
invitations are cancelled, the letter comes from the press office in the applicant's language.
A delegation's approved member is still not withdrawn."""

from __future__ import annotations

import html
import re
import uuid
from typing import Any

import asyncpg

from tests.browser.helpers import (
    BASE,
    at,
    delegation,
    element,
    hidden,
    member,
    press,
    room,
    scan,
    session,
    text,
    zone,
)
from tests.conftest import Api, conference_body, press_body
from tests.http.test_calendar_flow import is_invitation, read_invite
from tests.http.test_press_office_letters import _not_from_the_press_office
from tests.support import RecordingSMTP, body_text, current_token


async def _short_reference(api: Api, aid: str) -> str:
    status, body, _ = await api.call("GET", f"{BASE}/badges", role="protocol")
    assert status == 200, body
    return str(next(s for s in body["items"] if s["accreditation_id"] == aid)["short_reference"])


async def test_an_approved_journalist_withdraws_and_frees_the_place_in_the_pool(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    body = conference_body()
    body["press_registration"]["pool_capacity"] = 1
    status, conference, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                           json=body)
    assert status == 201, conference
    await zone(api, "press-centre", categories=["press"])
    hall = await room(api)
    await session(api, hall, at(conference, 9), at(conference, 10),
                  audience=["minister", "press"])
    j = await press(api, decision="approve")  # French, as the press form's default
    status, published, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, published
    [invitation] = await smtp.wait_for(
        1, where=lambda m: is_invitation(m) and "marie.dupont@" in str(m["To"]))
    assert read_invite(invitation).method == "REQUEST"
    reference = await _short_reference(api, j["id"])
    assert (await scan(api, reference, "press-centre"))["admitted"] is True
    assert await db.fetchval("SELECT press_approved FROM conference") == 1
    status, full, _ = await api.call("POST", f"{BASE}/accreditations",
                                     json=press_body(9))
    assert status == 409, full  # the pool is full

    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{j['id']}/withdraw",
                                     role=j["access_token"],
                                     json={"reason": "Mon journal n'envoie personne."})
    assert status == 200, body
    assert body["status"] == "withdrawn"
    assert body["history"][-1]["action"] == "withdraw"
    assert await db.fetchval("SELECT press_approved FROM conference") == 0
    result = await scan(api, reference, "press-centre")
    assert (result["admitted"], result["reason"]) == (False, "withdrawn")

    # the letter, in French, from the press office; the invitation cancelled
    [letter] = await smtp.wait_for(
        1, where=lambda m: "marie.dupont@" in str(m["To"]) and "retirée" in str(m["Subject"]))
    assert str(letter["Subject"]).startswith("Accréditation retirée\xa0: Alliance")
    assert "Votre badge n'est plus valable" in body_text(letter)
    assert "/a/" not in body_text(letter)  # the link they hold keeps working
    assert _not_from_the_press_office(letter, "fr") == []
    [cancel] = await smtp.wait_for(
        1, where=lambda m: is_invitation(m) and "marie.dupont@" in str(m["To"])
        and read_invite(m).method == "CANCEL")
    assert read_invite(cancel).uid == read_invite(invitation).uid
    # the spokespersons learn that a place is free again
    notices = await smtp.wait_for(
        2, where=lambda m: "Accréditation presse retirée" in str(m["Subject"]))
    assert {m["To"].addresses[0].addr_spec for m in notices} == {
        "michele.cercone@example.org", "tove.ernst@example.org"}
    assert "0 place prise sur 1" in body_text(notices[0])

    # the place is free: another journalist applies and is approved
    nxt = await press(api, 5, decision="approve")
    assert nxt["status"] == "approved"
    assert await db.fetchval("SELECT press_approved FROM conference") == 1


async def test_an_approved_delegation_member_is_not_withdrawn(
    api: Api, conference: dict[str, Any]
) -> None:
    """After the decision a delegation's member is substituted or revoked (docs/lifecycle.md),
    by its focal point no more than by the member."""
    be = await delegation(api, "BE")
    m = await member(api, be, "Lambert")
    for role in (be["focal_point_token"], m["access_token"]):
        status, body, _ = await api.call("POST", f"/api/v1/accreditations/{m['id']}/withdraw",
                                         role=role)
        assert (status, body.get("status_now")) == (409, "approved"), body
    rejected = await press(api, 6)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{rejected['id']}/decision", role="press_office",
        json={"decision": "reject", "reason": "Not a news outlet"})
    assert status == 200, body
    # the rejection's letter gives a new private link, which replaces the one the application
    # had: the journalist's own token is the one of that letter (a run that sent the letter
    # before the withdrawal answered 401, not the refusal)
    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{rejected['id']}/withdraw",
                                     role=await current_token(api.db_url, rejected["id"]))
    assert (status, body["status_now"]) == (409, "rejected"), body


async def test_an_approved_journalist_withdraws_from_their_page(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    j = await press(api, decision="approve", language="en")
    path = f"/a/{j['access_token']}"
    _, page, _ = await api.call("GET", path)
    assert element(page, "withdraw-title") == "Withdraw my accreditation"
    # what they came for first: the badge, then (last) the red button that withdraws
    assert page.index("<h2>Your badge</h2>") < page.index('id="badge-link"') \
        < page.index('id="withdraw-title"') < page.index('id="withdraw-form"')
    assert 'id="credentials-link"' in page
    _, french, _ = await api.call("GET", f"{path}?lang=fr")
    assert french.index("<h2>Votre badge</h2>") < french.index("Retirer mon accréditation")
    assert ("If you will not come, withdraw your accreditation: your place in the press pool "
            "goes to another journalist.") in text(page)
    form = {"csrf": hidden(page, "csrf"), "reason": "My editor sends nobody."}
    resp = await api.client.post(f"{path}/withdraw?lang=en", data=form, allow_redirects=False)
    page = await resp.text()
    assert resp.status == 200 and element(page, "confirm-title") == "Confirm the withdrawal"
    assert element(page, "confirm-text").startswith(
        "Withdrawing your accreditation is final: your badge will no longer be valid at the door")
    assert await db.fetchval("SELECT press_approved FROM conference") == 1  # nothing yet

    form = {"csrf": hidden(page, "csrf"), "reason": hidden(page, "reason"), "confirm": "yes"}
    resp = await api.client.post(f"{path}/withdraw?lang=en", data=form, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == f"{path}?lang=en&done=withdrawn"
    _, page, _ = await api.call("GET", resp.headers["Location"])
    assert element(page, "status") == "Withdrawn"
    assert element(page, "status-message") == (
        "Your accreditation is withdrawn; an email confirms it.")
    assert "Accreditation withdrawn My editor sends nobody." in element(page, "history")
    assert "withdraw-form" not in page and "badge-link" not in page
    # a withdrawn application takes no photo and no document (docs/credentials.md, "Photo"):
    # no link to the page that gives them
    assert 'id="credentials-link"' not in page and "/credentials" not in page
    assert await db.fetchval("SELECT press_approved FROM conference") == 0
    [letter] = await smtp.wait_for(
        1, where=lambda m: "marie.dupont@" in str(m["To"]) and "withdrawn" in str(m["Subject"]))
    assert str(letter["Subject"]).startswith("Accreditation withdrawn: Global Alliance")
    assert "Your badge is no longer valid" in body_text(letter)


async def test_the_acknowledgement_says_the_accreditation_may_be_withdrawn_after_approval(
    api: Api, smtp: RecordingSMTP, conference: dict[str, Any]
) -> None:
    """The press acknowledgement said the application could be withdrawn "before the
    decision" only, though an approved journalist withdraws too (above): it says both, in
    French and English."""
    for n, language in ((1, "fr"), (2, "en")):
        status, created, _ = await api.call(
            "POST", f"{BASE}/accreditations", json=press_body(n, language=language))
        assert status == 201, created
    [fr] = await smtp.wait_for(1, where=lambda m: "marie.dupont1@" in str(m["To"]))
    [en] = await smtp.wait_for(1, where=lambda m: "marie.dupont2@" in str(m["To"]))
    assert ("Votre demande, par un lien privé (la consulter, ou la retirer\u00a0: avant la"
            " décision, ou une fois l'accréditation accordée si vous ne pouvez finalement pas"
            " venir, pour que votre place dans le pool de presse revienne à un autre"
            " journaliste)\u00a0:") in body_text(fr)
    assert ("Your application, through a private link (read it, or withdraw it: before the"
            " decision, or once accredited if you cannot come after all, so that your place in"
            " the press pool goes to another journalist):") in body_text(en)


async def test_the_press_page_says_it_too(api: Api, conference: dict[str, Any]) -> None:
    """The answer to a filing ("Your private link") said "withdraw it before the decision"
    too."""
    for lang, said in (("fr", "pour la consulter ou la retirer, avant la décision ou, une fois"
                              " l'accréditation accordée, si vous ne pouvez finalement pas"
                              " venir."),
                       ("en", "to see it or withdraw it, before the decision or, once"
                              " accredited, if you cannot come after all.")):
        status, page, _ = await api.call("GET", f"/alliance/press/received?lang={lang}")
        assert status == 200
        assert said in html.unescape(page).replace("&#39;", "'"), lang


async def test_the_confirmation_changes_language_without_withdrawing(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    """Tried with the keyboard (5 December 2026): on "Confirm the withdrawal", the "Version
    française" link asked for the POST-only address with GET: "Page not found", the place and
    the confirmation lost. The control sends the confirmation's form back, switch=1, and gets
    the same confirmation in French, the reason kept; it never withdraws."""
    j = await press(api, decision="approve", language="en")
    path = f"/a/{j['access_token']}"
    _, page, _ = await api.call("GET", path)
    form = {"csrf": hidden(page, "csrf"), "reason": "Mon rédacteur n'envoie personne."}
    resp = await api.client.post(f"{path}/withdraw?lang=en", data=form, allow_redirects=False)
    page = await resp.text()
    assert resp.status == 200 and element(page, "confirm-title") == "Confirm the withdrawal"
    switch = re.search(r'<button[^>]*id="switch-language"[^>]*>', page)
    assert switch is not None, page
    assert f'formaction="{path}/withdraw?lang=fr"' in switch.group(0)
    assert 'form="withdraw-confirm-form"' in switch.group(0) and 'name="switch"' in switch.group(0)
    # the browser sends the confirmation's fields with the switch's name
    fields = {"csrf": hidden(page, "csrf"), "reason": hidden(page, "reason"), "confirm": "yes",
              "switch": "1"}
    resp = await api.client.post(f"{path}/withdraw?lang=fr", data=fields, allow_redirects=False)
    french = await resp.text()
    assert resp.status == 200, french
    assert element(french, "confirm-title") == "Confirmer le retrait"
    assert hidden(french, "reason") == "Mon rédacteur n'envoie personne."
    assert await db.fetchval("SELECT status FROM accreditation WHERE id = $1",
                             uuid.UUID(j["id"])) == "approved"
    # and the confirmation, in French, withdraws
    fields = {"csrf": hidden(french, "csrf"), "reason": hidden(french, "reason"),
              "confirm": "yes"}
    resp = await api.client.post(f"{path}/withdraw?lang=fr", data=fields, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == f"{path}?lang=fr&done=withdrawn"
