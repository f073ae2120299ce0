"""Applications filed at the same moment are written by one statement (docs/architecture.md,
"Filings written together"), and each caller still gets what ``register`` alone would answer:
its row and token, or its own refusal; a duplicate among them costs the others nothing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from conference.accreditation import service
from conference.accreditation.models import AccreditationIn
from conference.auth import Principal, Role, resolve_token
from conference.conferences import service as conferences
from conference.conferences.models import ConferenceIn
from conference.db.grouped import WriteGroups
from conference.db.pool import create_pool
from conference.errors import Duplicate, NotFound, WindowClosed
from conference.http.context import filings_key
from conference.settings import DatabaseSettings
from tests.conftest import Api, conference_body, direct_url, press_body

ADMIN = Principal(token_id=1, role=Role.admin)


@pytest.fixture
async def pool(db_url: str) -> AsyncIterator[asyncpg.Pool]:
    pool = await create_pool(direct_url(db_url), DatabaseSettings(statement_cache_size=0))
    now = datetime.now(UTC)
    async with pool.acquire() as conn:
        await conferences.create_conference(
            conn, ConferenceIn.model_validate(conference_body()), ADMIN)
        closed = conference_body("closed", press_registration={
            "opens_at": (now - timedelta(days=3)).isoformat(),
            "closes_at": (now - timedelta(days=1)).isoformat(), "pool_capacity": 10})
        await conferences.create_conference(conn, ConferenceIn.model_validate(closed), ADMIN)
    yield pool
    await pool.close()


def _press(n: int, **changes: Any) -> AccreditationIn:
    return AccreditationIn.model_validate(press_body(n, **changes))


async def _file_at_once(pool: asyncpg.Pool, filings: service.Filings,
                        filings_: list[tuple[str, AccreditationIn]]) -> list[Any]:
    """Each (slug, application) filed by a caller of its own, all at the same moment; what
    each caller got (the created accreditation, or the refusal)."""
    now = datetime.now(UTC)
    return await asyncio.gather(
        *(service.register(pool, slug, body, None, now, filings) for slug, body in filings_),
        return_exceptions=True)


async def test_applications_filed_together_get_their_own_answers(pool: asyncpg.Pool) -> None:
    # one statement at a time: the first goes alone, the others queue behind it and go together
    filings: service.Filings = WriteGroups(pool, service.repo.register,
                                           service.repo.register_many, in_flight=1)
    answers = await _file_at_once(pool, filings, [
        ("alliance", _press(1)), ("alliance", _press(2)), ("closed", _press(3)),
        ("nowhere", _press(4)), ("alliance", _press(5, language="en")), ("alliance", _press(6)),
    ])
    assert filings.groups == 1  # the five after the first, in one statement
    first, second, closed, nowhere, fifth, sixth = answers
    assert isinstance(closed, WindowClosed)
    assert isinstance(nowhere, NotFound)
    created = [first, second, fifth, sixth]
    assert [a.family_name for a in created] == ["Dupont1", "Dupont2", "Dupont5", "Dupont6"]
    assert fifth.language == "en" and fifth.conference == "alliance"
    async with pool.acquire() as conn:
        for a in created:  # the row, its one event, and the applicant's key
            events = await conn.fetch(
                "SELECT type, payload, actor, occurred_at FROM domain_event"
                " WHERE subject_id = $1", str(a.id))
            assert [(e["type"], e["payload"]["status"], e["actor"]) for e in events] == [
                ("accreditation.submitted", "submitted", "applicant")]
            assert events[0]["occurred_at"] == a.submitted_at
            principal = await resolve_token(conn, a.access_token)
            assert principal is not None and principal.accreditation_id == a.id
        assert await conn.fetchval("SELECT count(*) FROM accreditation") == 4
        assert await conn.fetchval("SELECT count(*) FROM domain_event"
                                   " WHERE type = 'accreditation.submitted'") == 4


async def test_a_duplicate_among_them_costs_the_others_nothing(pool: asyncpg.Pool) -> None:
    filings: service.Filings = WriteGroups(pool, service.repo.register,
                                           service.repo.register_many, in_flight=1)
    same = "zelie.quintard@example.org"
    answers = await _file_at_once(pool, filings, [
        ("alliance", _press(1)), ("alliance", _press(2, email=same)),
        ("alliance", _press(3)), ("alliance", _press(4, email=same.upper())),
    ])
    assert filings.groups == 0  # the group failed on the duplicate: each was written alone
    first, twin, third, other_twin = answers
    assert not isinstance(first, Exception) and not isinstance(third, Exception)
    assert sorted(isinstance(a, Duplicate) for a in (twin, other_twin)) == [False, True]
    async with pool.acquire() as conn:
        assert await conn.fetchval("SELECT count(*) FROM accreditation") == 3
        assert await conn.fetchval("SELECT count(*) FROM domain_event"
                                   " WHERE type = 'accreditation.submitted'") == 3


async def test_a_group_whose_fate_is_unknown_is_not_written_again(pool: asyncpg.Pool) -> None:
    # the statement commits, then its answer is lost with the connection: writing the group
    # again would file each of them a second time (or refuse them as duplicates of themselves)
    async def committed_then_lost(conn: asyncpg.Connection, values: Any) -> Any:
        await service.repo.register_many(conn, values)
        raise ConnectionResetError("the answer was lost")

    filings: service.Filings = WriteGroups(pool, service.repo.register, committed_then_lost,
                                           in_flight=1)
    answers = await _file_at_once(pool, filings, [("alliance", _press(n)) for n in range(1, 5)])
    first, *grouped = answers
    assert first.family_name == "Dupont1"
    assert [type(a) for a in grouped] == [ConnectionResetError] * 3
    async with pool.acquire() as conn:
        assert await conn.fetchval("SELECT count(*) FROM accreditation") == 4
        assert await conn.fetchval("SELECT count(*) FROM domain_event"
                                   " WHERE type = 'accreditation.submitted'") == 4


async def test_the_api_files_a_burst_in_groups(api: Api, conference: dict[str, Any]) -> None:
    async def apply(n: int) -> tuple[int, Any]:
        status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                         json=press_body(n))
        return status, body

    answers = await asyncio.gather(*(apply(n) for n in range(40)))
    assert [status for status, _ in answers] == [201] * 40
    assert len({body["id"] for _, body in answers}) == 40
    filings = api.client.server.app[filings_key]
    assert filings.groups >= 1
    # each applicant's token reads its own application, and only its own
    _, body = answers[17]
    status, mine, _ = await api.call("GET", f"/api/v1/accreditations/{body['id']}",
                                     role=body["access_token"])
    assert status == 200 and mine["family_name"] == "Dupont17"
    status, _, _ = await api.call("GET", f"/api/v1/accreditations/{answers[18][1]['id']}",
                                  role=body["access_token"])
    assert status == 403
