"""A substitution the protocol service makes in a delegation is told to the delegation's focal
points, each in their own language, received by a real SMTP server (docs/lifecycle.md,
"Letters"): who left, who takes the place, the category, and the new member's page in the
portal. One the focal point made themselves is not mailed back to them: they confirmed it on
the portal, whose member page and history show it. Before, the focal point heard of protocol's
substitution from nobody (a deputy named at the desk, unknown to the delegation's office)."""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg
import pytest

from tests.conftest import Api
from tests.http.test_lifecycle_substitution import file, official, person, substitute
from tests.support import RecordingSMTP, body_text

DELEGATIONS = "/api/v1/conferences/alliance/delegations"
SUBJECT = {"en": "Substitution of a member of your delegation",
           "fr": "Remplacement d'un membre de votre délégation"}


async def _delegation(api: Api, language: str) -> dict[str, Any]:
    status, created, _ = await api.call("POST", DELEGATIONS, role="protocol", json={
        "kind": "country", "country": "BE",
        "focal_point": {"name": "Jan Peeters", "email": "fp-be@example.org",
                        "language": language}})
    assert status == 201, created
    return dict(created)


def _is_notice(address: str, language: str) -> Any:
    return lambda m: address in str(m["To"]) and SUBJECT[language] in str(m["Subject"])


async def _approved_member(api: Api, be: dict[str, Any], n: int) -> dict[str, Any]:
    old = await file(api, official(n, be), "protocol")
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{old['id']}/decision", role="protocol",
        json={"decision": "approve"})
    assert status == 200, decided
    return old


WORDS = {
    "en": ["Dear Jan Peeters,",
           "The protocol service has substituted a member of your delegation (Belgium) for the"
           " Global Alliance: meeting. Lies Janssens1 takes the place of Jan Peeters1"
           " (official).",
           "The accreditation of Lies Janssens1 is granted at once.",
           "The accreditation of Jan Peeters1 is cancelled: their badge no longer opens the"
           " venue, and their invitations to the sessions are cancelled.",
           "Each of them is told by a separate letter."],
    "fr": ["Madame, Monsieur,",
           # the pages' word, « remplacer » (« substitution » in the mail only; tryout)
           "Le service du protocole a procédé à un remplacement au sein de votre délégation"
           " (Belgique) pour la conférence «\u00a0Alliance mondiale : réunion\u00a0»\u00a0:"
           " Lies Janssens1 prend la place de Jan Peeters1 (fonctionnaire).",
           "L'accréditation de Lies Janssens1 est accordée d'emblée.",
           "L'accréditation de Jan Peeters1 est annulée\u00a0: son badge n'ouvre plus le lieu"
           " de la conférence, et ses invitations aux séances sont annulées.",
           "Un message distinct en informe chacune des deux personnes."],
}


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_protocol_s_substitution_is_told_to_the_focal_point_in_their_language(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP, language: str,
) -> None:
    be = await _delegation(api, language)
    old = await _approved_member(api, be, 1)
    status, new = await substitute(api, old["id"], {**person(1), "approve": True,
                                                    "reason": "Held up in Paris."}, "protocol")
    assert status == 201, new
    [notice] = await smtp.wait_for(1, where=_is_notice("fp-be@example.org", language))
    assert notice["Content-Language"] == language
    text = body_text(notice).replace("\r\n", "\n")
    lines = text.splitlines()
    assert lines[0] == WORDS[language][0] and lines[1] == "", lines[:3]
    for words in WORDS[language][1:]:
        assert words in text, (words, text)
    # the new member's page on the portal, where the history shows the substitution
    # in the reader's language, as the other letters' portal links (it had no ?lang; tryout)
    assert (f"https://conference.test/delegation/alliance-be/members/{new['id']}"
            f"?lang={language}\n") in text
    # a member's data, outside the organisers: the focal point's notice, not the internal one
    assert ("personal data of a member of your delegation" in text
            or "données personnelles d'un membre de votre délégation" in text)
    # protocol's reason stays on the page (it may be an internal one), as in the member's letter
    assert "Held up in Paris." not in text


async def test_a_request_under_review_replaced_by_protocol_is_told_as_closed(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    be = await _delegation(api, "en")
    old = await file(api, official(2, be), "protocol")
    status, new = await substitute(api, old["id"], person(2), "admin")  # an organiser
    assert status == 201, new
    [notice] = await smtp.wait_for(1, where=_is_notice("fp-be@example.org", "en"))
    text = body_text(notice)
    assert "The application of Lies Janssens2 will be examined by the protocol service." in text
    assert "The accreditation request of Jan Peeters2 is closed." in text
    assert "badge" not in text and "invitations" not in text


async def test_every_focal_point_of_the_delegation_is_told_each_in_their_language(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    be = await _delegation(api, "fr")
    # another focal point of the delegation, who reads English (the console's "another focal
    # point" makes the same person and grant)
    conn = await asyncpg.connect(api.db_url)
    try:
        person_id = await conn.fetchval(
            "INSERT INTO person (email, name, language) VALUES ('aoife@example.org',"
            " 'Aoife Byrne', 'en') RETURNING id")
        await conn.execute(
            "INSERT INTO person_grant (person_id, role, conference_id, delegation_id)"
            " VALUES ($1, 'focal_point', (SELECT id FROM conference WHERE slug = 'alliance'),"
            " $2)", person_id, be["id"])
    finally:
        await conn.close()
    old = await _approved_member(api, be, 3)
    status, new = await substitute(api, old["id"], person(3), "protocol")
    assert status == 201, new
    await smtp.wait_for(1, where=_is_notice("fp-be@example.org", "fr"))
    [english] = await smtp.wait_for(1, where=_is_notice("aoife@example.org", "en"))
    assert body_text(english).splitlines()[0] == "Dear Aoife Byrne,"


async def test_the_focal_point_s_own_substitution_is_not_mailed_back_to_them(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP,
) -> None:
    be = await _delegation(api, "en")
    old = await _approved_member(api, be, 4)
    status, new = await substitute(api, old["id"], person(4), be["focal_point_token"])
    assert status == 201, new
    # the member's letter and the new person's acknowledgement come; nothing to the focal point
    await smtp.wait_for(1, where=lambda m: old["email"] in str(m["To"])
                        and "Accreditation transferred" in str(m["Subject"]))
    await smtp.wait_for(1, where=lambda m: "lies4@example.org" in str(m["To"]))
    await asyncio.sleep(0.5)
    assert [m["Subject"] for m in smtp.to("fp-be@example.org")
            if "Substitution" in str(m["Subject"])] == []
