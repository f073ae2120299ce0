"""Helpers for the tests of the letters to a delegation's focal points about a member
(imported by tests/http/test_decision_focal_letter.py, test_clearance_cleared_focal_letter.py
and test_unreadable_address.py): the conference, Belgium's delegation and its focal point, its
minister and protocol's decision, all through the API; the letter a real SMTP server received;
a value read in the test's database."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import asyncpg

from tests.conftest import Api, conference_body
from tests.http.conftest_programme import accredit
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"
FOCAL_POINT = "fp-be@example.org"
"""The address Belgium's delegation is created with: its focal point Jan Peeters."""
GRANTED = {"en": "Accreditation of a member of your delegation granted",
           "fr": "Accréditation d'un membre de votre délégation accordée"}
REFUSED = {"en": "Accreditation of a member of your delegation not granted",
           "fr": "Accréditation d'un membre de votre délégation non accordée"}


async def create_conference(api: Api, **changes: Any) -> dict[str, Any]:
    """The conference ``alliance``, with ``changes`` to its body (``vetting_required``…)."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(**changes))
    assert status == 201, body
    return dict(body)


async def create_delegation(api: Api, language: str, email: str = FOCAL_POINT
                            ) -> dict[str, Any]:
    """Belgium's delegation, its focal point Jan Peeters writing in ``language``."""
    status, created, _ = await api.call("POST", f"{BASE}/delegations", role="protocol", json={
        "kind": "country", "country": "BE",
        "focal_point": {"name": "Jan Peeters", "email": email, "language": language}})
    assert status == 201, created
    return dict(created)


async def decide(api: Api, member: dict[str, Any], decision: str,
                 reason: str | None = None) -> None:
    """Protocol's decision on the member."""
    body = {"decision": decision, **({"reason": reason} if reason else {})}
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{member['id']}/decision", role="protocol", json=body)
    assert status == 200, decided


async def delegation_member(api: Api, language: str = "en", *,
                            decision: str | None = "approve", reason: str | None = None,
                            **conference: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The setup of a letter about a member: the conference (``conference``: the changes to its
    body), Belgium's delegation with its focal point writing in ``language``, and its minister
    Anna Lindqvist, on whom protocol then decides (``decision``, ``reason``; None: not yet).
    The delegation and the member as the API gave them (the member as filed)."""
    await create_conference(api, **conference)
    delegation = await create_delegation(api, language)
    minister = await accredit(api, "Anna", "Lindqvist", delegation=delegation, decision=None)
    if decision is not None:
        await decide(api, minister, decision, reason)
    return delegation, minister


async def letter(smtp: RecordingSMTP, address: str, subject: str) -> EmailMessage:
    """The one letter received for ``address`` whose subject holds ``subject``."""
    [received] = await smtp.wait_for(1, where=lambda m: address in str(m["To"]).lower()
                                     and subject in str(m["Subject"]))
    return received


async def sql(api: Api, query: str, *args: Any) -> Any:
    """One value read (or written) in the test's database."""
    conn = await asyncpg.connect(api.db_url)
    try:
        return await conn.fetchval(query, *args)
    finally:
        await conn.close()


async def second_focal_point(api: Api, delegation: dict[str, Any], email: str, name: str,
                             language: str) -> None:
    """Another focal point of the delegation (the console's "another focal point" makes the
    same person and grant)."""
    person_id = await sql(api, "INSERT INTO person (email, name, language) VALUES ($1, $2, $3)"
                          " RETURNING id", email, name, language)
    await sql(api, "INSERT INTO person_grant (person_id, role, conference_id, delegation_id)"
              " VALUES ($1, 'focal_point', (SELECT id FROM conference WHERE slug = 'alliance'),"
              " $2)", person_id, delegation["id"])
