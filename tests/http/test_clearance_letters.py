"""A clearance decision is told to whoever answers for the person (docs/credentials.md,
"Vetting"): asked for more information, the delegation's focal point (a member) or the
applicant (the press) gets a letter saying what is needed; refused, a letter saying that no
badge can be issued, without the security reason; cleared, the focal point of an approved
member is told the badge can be issued (test_clearance_cleared_focal_letter.py), an approved
journalist too (test_clearance_cleared_letter.py). The letters are written by
the outbox consumer, in the reader's language, and arrive at the real test SMTP server."""

from __future__ import annotations

import asyncio
import re
from email.message import EmailMessage
from typing import Any

from tests.browser.helpers import member
from tests.conftest import Api, conference_body, press_body
from tests.http.test_console import staff
from tests.http.test_console_application_page import security_token
from tests.support import RecordingSMTP, body_text

BASE = "/api/v1/conferences/alliance"
REFUSED = "Mismatch with the national record."
MORE = "The second page of the passport, in colour."


async def _vetting(api: Api, aid: str, status: str, reason: str | None = None) -> None:
    """The security service records it (protocol's is told as protocol's:
    test_console_application_page.py)."""
    code, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/vetting/status",
                                   role=await security_token(api),
                                   json={"status": status, "reason": reason})
    assert code == 200, body


def _about_clearance(m: EmailMessage) -> bool:
    subject = str(m["Subject"])
    return "clearance" in subject.lower() or "habilitation" in subject.lower()


async def _letters(smtp: RecordingSMTP, count: int) -> list[EmailMessage]:
    """All the clearance letters so far, once ``count`` arrived, and proof no more follow."""
    if count:
        await smtp.wait_for(count, timeout=15, where=_about_clearance)
    await asyncio.sleep(0.8)
    found = [m for m in smtp.messages if _about_clearance(m)]
    assert len(found) == count, [(m["To"], m["Subject"]) for m in found]
    return found


async def _setup(api: Api) -> dict[str, Any]:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["minister", "press"]))
    assert status == 201, body
    status, be, _ = await api.call("POST", f"{BASE}/delegations", role="protocol", json={
        "kind": "country", "country": "BE",
        "focal_point": {"name": "Jan Focal", "email": "fp-be@example.org", "language": "en"}})
    assert status == 201, be
    return dict(be)


async def test_a_members_clearance_letters_go_to_the_focal_point(
    api: Api, smtp: RecordingSMTP
) -> None:
    be = await _setup(api)
    minister = await member(api, be, "Milquet")

    await _vetting(api, minister["id"], "more_information", MORE)
    [more] = await _letters(smtp, 1)
    assert "fp-be@example.org" in str(more["To"])
    assert str(more["From"]).endswith("<organiser@example.org>")  # the protocol service
    assert more["Content-Language"] == "en"
    assert "more information needed" in str(more["Subject"])
    text = body_text(more)
    assert "Anna Milquet" in text and "Belgium" in text, text
    assert f"What is needed: {MORE}" in text
    assert f"/delegation/alliance-be/members/{minister['id']}/credentials" in text

    await _vetting(api, minister["id"], "refused", REFUSED)
    [_, refused] = await _letters(smtp, 2)
    assert "fp-be@example.org" in str(refused["To"])
    assert "no badge" in str(refused["Subject"])
    text = body_text(refused)
    assert "no badge can be issued to Anna Milquet" in text, text
    assert REFUSED not in text and MORE not in text
    # the member's own address is told nothing about the clearance
    assert not any("milquet@example.org" in str(m["To"]) for m in smtp.messages
                   if _about_clearance(m))

    await _vetting(api, minister["id"], "cleared")
    await _letters(smtp, 2)
    # the approved member's badge can be issued: their focal point is told, in its own letter
    [cleared] = await smtp.wait_for(
        1, where=lambda m: "Security check complete" in str(m["Subject"]))
    assert "fp-be@example.org" in str(cleared["To"])
    assert "The badge can now be issued" in body_text(cleared)
    # no letter about an accreditation that is no longer alive
    gone = await member(api, be, "Revoked")
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{gone['id']}/revoke",
                                  role="protocol", json={"reason": "Left the government"})
    assert status == 200
    await _vetting(api, gone["id"], "refused", REFUSED)
    await _letters(smtp, 2)


async def test_a_journalists_clearance_letters_go_to_the_journalist_in_french(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api)
    status, journalist, _ = await api.call("POST", f"{BASE}/accreditations",
                                           json=press_body(1, language="fr"))
    assert status == 201, journalist

    await _vetting(api, journalist["id"], "more_information", MORE)
    [more] = await _letters(smtp, 1)
    assert "marie.dupont1@example.org" in str(more["To"])
    # the press office writes the press's letters
    assert str(more["From"]).endswith("<michele.cercone@example.org>")
    assert more["Content-Language"] == "fr"
    assert "Habilitation de sécurité\u00a0: informations complémentaires" in str(more["Subject"])
    text = body_text(more)
    assert f"Informations demandées\u00a0: {MORE}" in text, text
    # as the English "cannot be completed yet": the check is not over, nothing is promised
    # (it said « ne peut pas encore être accordée », as if it would be once the papers came)
    assert ("L'examen de votre habilitation de sécurité pour la conférence «\u00a0Alliance"
            " mondiale : réunion\u00a0» ne peut pas encore être mené à terme\u00a0: le service"
            " de sécurité nous a demandé des informations complémentaires.") in text, text
    assert "accordée" not in text
    # what is missing is given on the application's page, through a fresh private link,
    # never by mail (a user test's letter said "reply to this message" for a passport)
    assert "N'envoyez pas de copie de pièce d'identité par courriel." in text
    match = re.search(r"https://conference\.test(/a/[^/\s]+/credentials\?lang=fr)", text)
    assert match, text
    # the link ends its paragraph: the next one is apart (it was glued under the link)
    assert re.search(r"/credentials\?lang=fr\n\nN'envoyez pas", text.replace("\r\n", "\n")), text
    resp = await api.client.get(match.group(1), allow_redirects=False)
    assert resp.status == 200 and "Photo du badge" in await resp.text()

    await _vetting(api, journalist["id"], "refused", REFUSED)
    [_, refused] = await _letters(smtp, 2)
    assert "marie.dupont1@example.org" in str(refused["To"])
    text = body_text(refused)
    assert "aucun badge ne peut vous être délivré" in text, text
    assert REFUSED not in text

    # back to pending: nothing is written
    await _vetting(api, journalist["id"], "pending")
    await _letters(smtp, 2)


async def test_a_members_clearance_letters_go_to_every_focal_point_once_in_their_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    # as the substitution's and revocation's letters (docs/privacy.md, "Who writes"): each
    # person holding a focal point grant on the delegation, and the address it was created
    # with, each once, in their own language; it went to the creation address only
    # created with fp-be@example.org, in English, who holds a grant too: written to once
    be = await _setup(api)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    url = "/manage/alliance/delegations"
    status, _, resp = await protocol.post_form(
        url, f"{url}/{be['id']}/focal-points", name="Bea Second", email="bea@example.org",
        language="fr")
    assert status == 303, resp
    minister = await member(api, be, "Milquet")

    await _vetting(api, minister["id"], "more_information", MORE)
    letters = await _letters(smtp, 2)
    by_address = {str(m["To"]).split("<")[-1].rstrip(">").lower(): m for m in letters}
    assert sorted(by_address) == ["bea@example.org", "fp-be@example.org"], by_address
    bea, jan = by_address["bea@example.org"], by_address["fp-be@example.org"]
    assert (bea["Content-Language"], jan["Content-Language"]) == ("fr", "en")
    assert "informations complémentaires" in str(bea["Subject"])
    assert "Anna Milquet" in body_text(bea) and "Belgique" in body_text(bea)
    assert "more information needed" in str(jan["Subject"])
    for letter in letters:
        assert str(letter["From"]).endswith("<organiser@example.org>")
        # each focal point's link opens the page in their own language, and so does the notice
        assert (f"/delegation/alliance-be/members/{minister['id']}/credentials"
                f"?lang={letter['Content-Language']}") in body_text(letter)
        assert f"/alliance/privacy?lang={letter['Content-Language']}" in body_text(letter)

    await _vetting(api, minister["id"], "refused", REFUSED)
    letters = await _letters(smtp, 4)
    refused = letters[2:]
    assert sorted(str(m["To"]).split("<")[-1].rstrip(">").lower() for m in refused) == \
        ["bea@example.org", "fp-be@example.org"]
    assert all(REFUSED not in body_text(m) for m in refused)
