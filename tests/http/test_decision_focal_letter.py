"""Protocol's decision on a delegation member is told to the delegation's focal points, each in
their own language, received by a real SMTP server (docs/lifecycle.md, "Letters"): an approval
with what holds for the badge (its short reference once it can be issued, the photo the focal
point can still add, the security check it waits for), a rejection with the reason as written
to the member. Before, the focal point learnt of a decision only by opening the portal. A
journalist's approval writes to no focal point, and one focal point's address that cannot be
read stops neither the member's letter nor the other focal points'."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.conftest import Api, press_body
from tests.http.conftest_focal import (
    BASE,
    GRANTED,
    REFUSED,
    create_delegation,
    decide,
    delegation_member,
    letter,
    second_focal_point,
    sql,
)
from tests.http.conftest_programme import accredit
from tests.support import RecordingSMTP, body_text


async def test_an_approval_with_the_badge_ready_gives_the_focal_point_its_short_reference(
    api: Api, smtp: RecordingSMTP,
) -> None:
    _, minister = await delegation_member(api, "en")
    code = await sql(api, "SELECT code FROM badge_code WHERE accreditation_id = $1",
                     minister["id"])
    short = f"{code[:4]}-{code[4:]}"

    received = await letter(smtp, "fp-be@example.org", GRANTED["en"])
    assert received["Content-Language"] == "en"
    text = body_text(received)
    assert text.splitlines()[0] == "Dear Jan Peeters,"
    assert ("The accreditation of Anna Lindqvist (minister, Belgium) for"
            " the Global Alliance: meeting has been granted. A separate letter tells Anna"
            " Lindqvist.") in text, text
    assert ("The badge can be issued: it is on the member's page in your delegation's portal"
            " (link below).") in text
    assert f"Badge reference (printed under the QR code): {short}" in text
    assert f"/delegation/alliance-be/members/{minister['id']}?lang=en" in text
    assert "carries the personal data of a member of your delegation" in text  # the footer
    assert "security" not in text and "photo" not in text
    # the member has their own letter, in their language
    await letter(smtp, minister["email"], "Accréditation accordée")


async def test_an_approval_awaiting_the_photo_says_the_focal_point_can_add_it(
    api: Api, smtp: RecordingSMTP,
) -> None:
    _, minister = await delegation_member(api, "fr", photo_required=["minister"])
    text = body_text(await letter(smtp, "fp-be@example.org", GRANTED["fr"]))
    assert text.splitlines()[0] == "Madame, Monsieur,"
    assert ("L'accréditation d'Anna Lindqvist (ministre,"
            " Belgique) pour la conférence «\u00a0Alliance mondiale : réunion\u00a0» a été"
            " accordée.") in text
    assert ("Le badge porte la photo du membre, que nous n'avons pas encore\u00a0: vous pouvez"
            " l'ajouter sur la page du membre dans le portail de votre délégation (lien"
            " ci-dessous). Le badge ne peut pas être délivré avant.") in text, text
    assert "Référence du badge" not in text and "Le badge peut être délivré" not in text
    assert f"/delegation/alliance-be/members/{minister['id']}?lang=fr" in text


@pytest.mark.parametrize(("recorded", "said"), [
    (None, "The badge will be issued once the security check is complete; the member's page"
           " in your delegation's portal (link below) shows when it is."),
    ("refused", "No badge can be issued to Anna Lindqvist, however: the security clearance it"
                " requires has not been granted."),
])
async def test_an_approval_says_what_the_security_check_leaves_of_the_badge(
    api: Api, smtp: RecordingSMTP, recorded: str | None, said: str,
) -> None:
    _, minister = await delegation_member(api, "en", decision=None,
                                          vetting_required=["minister"])
    if recorded:
        status, body, _ = await api.call(
            "POST", f"/api/v1/accreditations/{minister['id']}/vetting/status", role="protocol",
            json={"status": recorded, "reason": "Mismatch with the national record."})
        assert status == 200, body
    await decide(api, minister, "approve")
    text = body_text(await letter(smtp, "fp-be@example.org", GRANTED["en"]))
    assert said in text, text
    assert "Badge reference" not in text and "The badge can be issued" not in text


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_a_rejection_gives_the_focal_point_the_reason_as_written_to_the_member(
    api: Api, smtp: RecordingSMTP, language: str,
) -> None:
    _, minister = await delegation_member(
        api, language, decision="reject", reason="Le ministère a désigné une autre personne.")
    text = body_text(await letter(smtp, "fp-be@example.org", REFUSED[language]))
    said = {
        "en": ("We regret that the accreditation request of Anna Lindqvist (minister,"
               " Belgium) for the Global Alliance: meeting cannot be granted. A"
               " separate letter tells Anna Lindqvist.",
               "Reason given to Anna Lindqvist, as written: Le ministère a désigné une autre"
               " personne."),
        "fr": ("Nous regrettons de ne pouvoir donner suite à la demande d'accréditation d'Anna"
               " Lindqvist (ministre, Belgique) pour la conférence"
               " «\u00a0Alliance mondiale : réunion\u00a0». Un message à part en informe Anna"
               " Lindqvist.",
               "Motif communiqué à Anna Lindqvist, tel qu'il a été écrit\u00a0: Le ministère a"
               " désigné une autre personne."),
    }[language]
    for sentence in said:
        assert sentence in text, text
    assert "badge" not in text
    member = body_text(await letter(smtp, minister["email"], "Accréditation non accordée"))
    assert "Motif\u00a0: Le ministère a désigné une autre personne." in member


async def test_every_focal_point_is_told_of_an_approval_each_in_their_language(
    api: Api, smtp: RecordingSMTP,
) -> None:
    be, minister = await delegation_member(api, "fr", decision=None)
    await second_focal_point(api, be, "aoife@example.org", "Aoife Byrne", "en")
    await decide(api, minister, "approve")
    french = await letter(smtp, "fp-be@example.org", GRANTED["fr"])
    english = await letter(smtp, "aoife@example.org", GRANTED["en"])
    assert french["Content-Language"] == "fr" and english["Content-Language"] == "en"
    assert body_text(english).splitlines()[0] == "Dear Aoife Byrne,"
    assert "Référence du badge (imprimée sous le code QR)\u00a0: " in body_text(french)
    await asyncio.sleep(0.5)  # one letter each, no more
    assert len([m for m in smtp.messages if "votre délégation" in str(m["Subject"])
                or "your delegation" in str(m["Subject"])]) == 2


async def test_a_journalist_s_approval_writes_to_no_focal_point(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    await create_delegation(api, "en")
    status, created, _ = await api.call("POST", f"{BASE}/accreditations",
                                        json=press_body(1, language="en"))
    assert status == 201, created
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="press_office",
        json={"decision": "approve"})
    assert status == 200, decided
    await letter(smtp, created["email"].lower(), "Accreditation approved")
    await asyncio.sleep(0.5)
    assert [m["Subject"] for m in smtp.messages if "delegation" in str(m["Subject"])
            or "délégation" in str(m["Subject"])] == []


async def test_a_focal_point_address_that_cannot_be_read_stops_no_other_letter(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    """An address stored before input was checked as strictly as today, which the mail
    headers cannot parse at all: that one letter is parked (a failed delivery an organiser
    sees and retries), the member's and the other focal point's go out."""
    be = await create_delegation(api, "en")
    await second_focal_point(api, be, "aoife@example.org", "Aoife Byrne", "en")
    await sql(api, "UPDATE delegation SET focal_point_email = '<fp-be>@example.org'"
               " WHERE id = $1", be["id"])
    minister = await accredit(api, "Anna", "Lindqvist", delegation=be, decision=None)
    await decide(api, minister, "approve")
    await letter(smtp, minister["email"], "Accréditation accordée")
    await letter(smtp, "aoife@example.org", GRANTED["en"])

    async def failed() -> list[Any]:
        status, page, _ = await api.call("GET", "/api/v1/deliveries?status=failed",
                                         role="admin")
        assert status == 200, page
        return list(page["items"])

    for _ in range(100):
        if items := await failed():
            break
        await asyncio.sleep(0.1)
    assert [(d["recipient"], d["template"]) for d in items] == [
        ("<fp-be>@example.org", "decision_approved_focal")]
    status, events, _ = await api.call("GET", f"{BASE}/events?status=failed", role="admin")
    assert status == 200 and events["items"] == []


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_the_focal_point_s_subject_names_the_member(
    api: Api, smtp: RecordingSMTP, language: str
) -> None:
    """A tryout: a focal point with five members approved received five letters all headed
    « Accréditation d'un membre de votre délégation accordée »: the inbox could not tell them
    apart. The subject now names the member, in brackets."""
    _, minister = await delegation_member(api, language)
    received = await letter(smtp, "fp-be@example.org", GRANTED[language])
    assert f"{GRANTED[language]} (Anna Lindqvist)" in str(received["Subject"]), \
        received["Subject"]
    assert minister["id"]
