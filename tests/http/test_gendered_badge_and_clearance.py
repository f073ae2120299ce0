"""The badge and the clearance letter name a person's category in their gender (docs/protocol.md,
"Titles in the person's gender"): once titles took the person's gender, both still used the
letters' form for no one person, and a woman minister's badge printed « MINISTRE / CHEF OU
CHEFFE DE DÉLÉGATION »."""

from __future__ import annotations

import uuid
from typing import Any

from conference.auth import Principal, Role
from conference.badges import service
from conference.db.pool import connect
from conference.signing import load_signer
from tests.http.conftest_focal import decide, delegation_member, letter, sql
from tests.http.conftest_programme import accredit
from tests.support import RecordingSMTP, body_text

ADMIN = Principal(token_id=0, role=Role.admin)
CLEARED_FR = "Contrôle de sécurité terminé\u00a0: badge d'un membre de votre délégation"


async def _label(api: Any, accreditation_id: str) -> str:
    code, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{accreditation_id}/vetting/status", role="protocol",
        json={"status": "cleared"})
    assert code == 200, body
    conn = await connect(api.db_url)
    try:
        signer = await load_signer(conn)
        content = await service.badge(conn, signer, uuid.UUID(accreditation_id), ADMIN)
    finally:
        await conn.close()
    return content.category_label


async def test_the_badge_and_the_clearance_letter_say_the_category_in_the_persons_gender(
    api: Any, smtp: RecordingSMTP,
) -> None:
    delegation, minister = await delegation_member(api, "fr", decision=None,
                                                   vetting_required=["minister"])
    await sql(api, "UPDATE accreditation SET gender = 'female', language = 'fr', "
              "rank = 'ambassador' WHERE id = $1", minister["id"])
    await decide(api, minister, "approve", None)
    assert await _label(api, minister["id"]) == "MINISTRE / CHEFFE DE DÉLÉGATION"
    text = body_text(await letter(smtp, "fp-be@example.org", CLEARED_FR))
    # the letter says what she is accredited as: her rank, in her gender
    assert "Anna Lindqvist (ambassadrice / représentante permanente, Belgique)" in text, text

    # a man's, and one whose gender is unknown (the double form)
    man = await accredit(api, "Jan", "Peeters", delegation=delegation, decision=None)
    await sql(api, "UPDATE accreditation SET gender = 'male', language = 'fr' WHERE id = $1",
              man["id"])
    await decide(api, man, "approve", None)
    assert await _label(api, man["id"]) == "MINISTRE / CHEF DE DÉLÉGATION"
    unknown = await accredit(api, "Kim", "Nguyen", delegation=delegation, decision=None)
    await sql(api, "UPDATE accreditation SET gender = NULL, salutation = 'neutral', "
              "language = 'fr' WHERE id = $1", unknown["id"])
    await decide(api, unknown, "approve", None)
    assert await _label(api, unknown["id"]) == "MINISTRE / CHEF OU CHEFFE DE DÉLÉGATION"
