"""Token lifecycle: expiry, revocation (API and command line), one current applicant token that
each letter with a link replaces, and a revoked accreditation's token that only reads."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from conference.auth import Role, issue_token
from tests.conftest import Api, conference_body, press_body
from tests.http.test_letters_wording import _ask_link
from tests.support import RecordingSMTP, current_token, letter_token

REGISTER = "/api/v1/conferences/alliance/accreditations"
VETTING = {"document_type": "passport", "document_number": "EH123456",
           "date_of_birth": "1980-04-01", "nationality": "BE"}


@pytest.fixture
async def conference(api: Api) -> dict[str, Any]:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    return dict(body)


async def _token(api: Api, role: Role, expires_at: datetime | None = None) -> tuple[int, str]:
    conn = await asyncpg.connect(api.db_url)
    try:
        secret = await issue_token(conn, role, expires_at=expires_at)
        token_id: int = await conn.fetchval("SELECT max(id) FROM api_token")
        return token_id, secret
    finally:
        await conn.close()


async def test_an_expired_token_is_refused(api: Api, conference: dict[str, Any]) -> None:
    _, old = await _token(api, Role.protocol, datetime.now(UTC) - timedelta(seconds=1))
    _, fresh = await _token(api, Role.protocol, datetime.now(UTC) + timedelta(hours=1))
    assert (await api.call("GET", "/api/v1/conferences/alliance/delegations", role=old))[0] == 401
    assert (await api.call("GET", "/api/v1/conferences/alliance/delegations",
                           role=fresh))[0] == 200


async def test_an_admin_revokes_a_token(api: Api, conference: dict[str, Any]) -> None:
    token_id, secret = await _token(api, Role.press_office)
    path = "/api/v1/conferences/alliance/accreditations"
    assert (await api.call("GET", path, role=secret))[0] == 200
    assert (await api.call("DELETE", f"/api/v1/tokens/{token_id}", role="protocol"))[0] == 403
    status, body, _ = await api.call("DELETE", f"/api/v1/tokens/{token_id}", role="admin")
    assert status == 204, body
    assert (await api.call("GET", path, role=secret))[0] == 401
    assert (await api.call("DELETE", f"/api/v1/tokens/{token_id}", role="admin"))[0] == 404
    assert (await api.call("DELETE", "/api/v1/tokens/999999", role="admin"))[0] == 404


async def test_focal_point_tokens_expire_by_default(api: Api, conference: dict[str, Any]) -> None:
    status, d, _ = await api.call("POST", "/api/v1/conferences/alliance/delegations",
                                  role="protocol", json={"kind": "country", "country": "BE",
                                                         "focal_point": {"name": "An Peeters",
                                                                         "email": "an@ex.org"}})
    assert status == 201, d
    conn = await asyncpg.connect(api.db_url)
    try:
        expires = await conn.fetchval(
            "SELECT expires_at FROM api_token WHERE delegation_id = $1", d["id"])
    finally:
        await conn.close()
    assert expires is not None
    assert timedelta(days=89) < expires - datetime.now(UTC) <= timedelta(days=90)


async def test_each_letter_replaces_the_applicants_token(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    _, created, _ = await api.call("POST", REGISTER, json=press_body())
    path = f"/api/v1/accreditations/{created['id']}"
    first = await letter_token(smtp, "marie.dupont@example.org", 1)
    # the answer's token stays valid beside the letters' (docs/privacy.md, "Tokens and
    # secrets"): the client that filed reads the application with it
    assert (await api.call("GET", path, role=created["access_token"]))[0] == 200
    assert (await api.call("GET", path, role=first))[0] == 200
    await api.call("POST", f"{path}/decision", role="press_office", json={"decision": "approve"})
    second = await letter_token(smtp, "marie.dupont@example.org", 2)
    assert second != first
    assert (await api.call("GET", path, role=first))[0] == 401
    assert (await api.call("GET", path, role=second))[0] == 200
    assert (await api.call("GET", path, role=created["access_token"]))[0] == 200
    conn = await asyncpg.connect(api.db_url)
    try:
        # One current token, kept (hashed) on the accreditation: the latest letter's.
        assert await conn.fetchval("SELECT token_hash FROM accreditation WHERE id = $1",
                                   created["id"]) == hashlib.sha256(second.encode()).digest()
        assert await conn.fetchval("SELECT count(*) FROM api_token WHERE accreditation_id = $1",
                                   created["id"]) == 0
    finally:
        await conn.close()


async def test_a_revoked_accreditations_token_only_reads(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    _, created, _ = await api.call("POST", REGISTER, json=press_body())
    path = f"/api/v1/accreditations/{created['id']}"
    await api.call("POST", f"{path}/decision", role="press_office", json={"decision": "approve"})
    await api.call("POST", f"{path}/revoke", role="press_office", json={"reason": "Lent"})
    token = await current_token(api.db_url, created["id"])
    status, body, _ = await api.call("GET", path, role=token)
    assert status == 200 and body["status"] == "revoked"
    assert (await api.call("GET", f"{path}/personal-data", role=token))[0] == 200
    status, body, _ = await api.call("PUT", f"{path}/vetting", role=token, json=VETTING)
    assert status == 403, body
    assert (await api.call("POST", f"{path}/withdraw", role=token))[0] == 403


def test_the_command_line_creates_lists_and_revokes(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from conference.cli import main

    monkeypatch.setenv("CONFERENCE_DATABASE__URL", db_url)
    assert main(["token", "create", "--role", "door", "--expires", "2h"]) == 0
    secret = capsys.readouterr().out.strip()
    assert len(secret) == 43
    assert main(["token", "create", "--role", "security", "--expires", "soon"]) == 2
    capsys.readouterr()
    assert main(["token", "list"]) == 0
    listing = capsys.readouterr().out
    assert secret not in listing
    [row] = [line.split("\t") for line in listing.splitlines()[1:]]
    token_id, role, scope, _, expires, state = row
    assert (role, scope, state) == ("door", "all conferences", "active")
    assert datetime.fromisoformat(expires) - datetime.now(UTC) < timedelta(hours=2, seconds=5)
    assert main(["token", "revoke", token_id]) == 0
    capsys.readouterr()
    assert main(["token", "revoke", token_id]) == 1
    assert main(["token", "list"]) == 0
    assert capsys.readouterr().out.splitlines()[1].split("\t")[-1] == "revoked (command line)"

    async def resolve() -> object:
        from conference.auth import resolve_token

        conn = await asyncpg.connect(db_url)
        try:
            return await resolve_token(conn, secret)
        finally:
            await conn.close()

    assert asyncio.run(resolve()) is None


async def test_the_answers_token_survives_the_letters_until_revoked_or_erased(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    """The token a self-registration's answer carries stays valid beside the letters' links
    (docs/privacy.md, "Tokens and secrets"): the acknowledgement, the link asked again and the
    approval leave it working; revoking the applicant's token ends it with the current link;
    an erasure too."""
    _, created, _ = await api.call("POST", REGISTER, json=press_body(1))
    path = f"/api/v1/accreditations/{created['id']}"
    ack = await letter_token(smtp, "marie.dupont1@example.org", 1)
    status, body, _ = await api.call("GET", path, role=created["access_token"])
    assert status == 200 and body["status"] == "submitted", body
    # asked for again: a new link replaces the acknowledgement's, the answer's stays
    await _ask_link(api, "marie.dupont1@example.org")
    again = await letter_token(smtp, "marie.dupont1@example.org", 2)
    assert (await api.call("GET", path, role=ack))[0] == 401
    assert (await api.call("GET", path, role=again))[0] == 200
    assert (await api.call("GET", path, role=created["access_token"]))[0] == 200

    # revoked by the admin, by the id `conference token list --applicants` shows on the
    # accreditation: both end
    conn = await asyncpg.connect(api.db_url)
    try:
        token_id = await conn.fetchval("SELECT token_id FROM accreditation WHERE id = $1",
                                       created["id"])
    finally:
        await conn.close()
    status, _, _ = await api.call("DELETE", f"/api/v1/tokens/{token_id}", role="admin")
    assert status == 204
    assert (await api.call("GET", path, role=created["access_token"]))[0] == 401
    assert (await api.call("GET", path, role=again))[0] == 401

    # another registration, erased: its answer's token ends with the person's data
    _, other, _ = await api.call("POST", REGISTER, json=press_body(2))
    await letter_token(smtp, "marie.dupont2@example.org", 1)
    other_path = f"/api/v1/accreditations/{other['id']}"
    assert (await api.call("GET", other_path, role=other["access_token"]))[0] == 200
    status, body, _ = await api.call("DELETE", f"{other_path}/personal-data", role="admin")
    assert status == 200, body
    assert (await api.call("GET", other_path, role=other["access_token"]))[0] == 401


async def test_a_focal_points_filing_keeps_no_answer_token(api: Api, smtp: RecordingSMTP,
                                                           conference: dict[str, Any]) -> None:
    """A delegation's filing answers a token nobody holds as the applicant: only the letters'
    link opens the member's application."""
    conn = await asyncpg.connect(api.db_url)
    try:
        _, created, _ = await api.call("POST", REGISTER, json=press_body(3))
        kept = await conn.fetchval("SELECT answer_token_hash FROM accreditation WHERE id = $1",
                                   created["id"])
        assert kept == hashlib.sha256(created["access_token"].encode()).digest()
        status, d, _ = await api.call(
            "POST", "/api/v1/conferences/alliance/delegations", role="protocol",
            json={"kind": "country", "country": "BE",
                  "focal_point": {"name": "An Peeters", "email": "an@ex.org"}})
        assert status == 201, d
        status, member, _ = await api.call("POST", REGISTER, role="protocol", json={
            "category": "official", "given_name": "Jan", "family_name": "Wouters",
            "email": "jan.wouters@example.org", "language": "en", "delegation_id": d["id"],
            "rank": "official", "function": "Adviser"})
        assert status == 201, member
        assert await conn.fetchval("SELECT answer_token_hash FROM accreditation WHERE id = $1",
                                   member["id"]) is None
    finally:
        await conn.close()
