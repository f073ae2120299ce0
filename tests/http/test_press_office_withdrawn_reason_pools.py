"""The press office's notice of a journalist's withdrawal (docs/lifecycle.md, "Withdrawing after
approval") left out why the journalist withdrew and the press pool they were in: the office
learnt of the reason only from the desk's history, and of the pool only by opening the pools
page, where the withdrawn journalist stays listed until the office removes them. The notice now
gives the reason as written and names the pool, with the pools page, in the reader's language;
nothing of either when there is none."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import BASE, press
from tests.conftest import Api
from tests.support import RecordingSMTP, body_text


async def _pool(api: Api, name: str, member: dict[str, Any]) -> None:
    status, pool, _ = await api.call("POST", f"{BASE}/pools", role="press_office",
                                     json={"name": name})
    assert status == 201, pool
    status, body, _ = await api.call(
        "PUT", f"/api/v1/pools/{pool['id']}/members/{member['id']}", role="press_office")
    assert status == 200, body


async def test_the_notice_gives_the_reason_as_written_and_the_pool(
    api: Api, smtp: RecordingSMTP, conference: dict[str, Any]
) -> None:
    approved = await press(api, decision="approve")
    await _pool(api, "Visite royale", approved)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{approved['id']}/withdraw",
        role=approved["access_token"], json={"reason": "Mon journal n'envoie personne."})
    assert status == 200, body
    [notice, *_] = await smtp.wait_for(
        1, where=lambda m: "Accréditation presse retirée" in str(m["Subject"]))
    text = body_text(notice)
    assert ("Motif donné par la personne, tel qu'il a été écrit\u00a0: Mon journal n'envoie"
            " personne.") in text
    assert ("Elle faisait partie du pool de presse Visite royale\u00a0: elle y reste, avec son"
            " statut, jusqu'à ce que le bureau de presse la retire du pool, sur la page des"
            " pools de presse\u00a0:") in text
    assert "/manage/alliance/press/pools?lang=fr" in text


async def test_in_english_and_nothing_said_without_a_reason_or_a_pool(
    api: Api, smtp: RecordingSMTP, conference: dict[str, Any]
) -> None:
    from tests.http.test_console import staff

    await staff(api, smtp, "tove.ernst@example.org", "press_office", language="en")
    # in a pool before the decision (the API takes a journalist under review), then withdrawn
    # with a reason
    pending = await press(api, 1)
    await _pool(api, "Royal visit", pending)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{pending['id']}/withdraw",
        role=pending["access_token"], json={"reason": "Sent to Brussels instead."})
    assert status == 200, body
    [tove] = await smtp.wait_for(
        1, where=lambda m: "tove.ernst@" in str(m["To"])
        and "Press application withdrawn" in str(m["Subject"]))
    text = body_text(tove)
    assert "Reason given by the applicant, as written: Sent to Brussels instead." in text
    assert ("They were in the press pool Royal visit: they stay listed there, with their"
            " status, until the press office removes them from the pool, on the press pools"
            " page:") in text
    assert "/manage/alliance/press/pools?lang=en" in text

    # approved, in no pool, withdrawn without a reason: neither is mentioned
    approved = await press(api, 2, decision="approve")
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{approved['id']}/withdraw",
        role=approved["access_token"], json={})
    assert status == 200, body
    [plain] = await smtp.wait_for(
        1, where=lambda m: "tove.ernst@" in str(m["To"])
        and "Press accreditation withdrawn" in str(m["Subject"]))
    text = body_text(plain).replace("\r\n", "\n")
    assert "Reason given" not in text
    assert "press pool Royal visit" not in text and "/press/pools" not in text
    assert "\n\n\n" not in text
