"""Vetting data: the person or its focal point gives it while the application is submitted and
no organiser has recorded it; every version is kept with who and when, and purged with it."""

from __future__ import annotations

from typing import Any

import asyncpg
import pytest

from tests.conftest import Api, conference_body, press_body
from tests.support import current_token

VETTING = {"document_type": "passport", "document_number": "EH123456",
           "date_of_birth": "1980-04-01", "nationality": "BE"}


@pytest.fixture
async def created(api: Api) -> dict[str, Any]:
    await api.call("POST", "/api/v1/conferences", role="admin", json=conference_body())
    _, body, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                json=press_body())
    return {**body, "access_token": await current_token(api.db_url, body["id"])}


async def test_the_applicant_changes_it_until_protocol_records_it(
    api: Api, created: dict[str, Any]
) -> None:
    path = f"/api/v1/accreditations/{created['id']}/vetting"
    token = created["access_token"]
    assert (await api.call("PUT", path, role=token, json=VETTING))[0] == 200
    again = {**VETTING, "document_number": "EH999999"}
    assert (await api.call("PUT", path, role=token, json=again))[0] == 200
    fixed = {**VETTING, "document_number": "EH123457"}
    status, body, _ = await api.call("PUT", path, role="protocol", json=fixed)
    assert status == 200, body
    status, body, _ = await api.call("PUT", path, role=token, json=VETTING)
    assert status == 403, body
    status, vetting, _ = await api.call("GET", path, role="protocol")
    assert vetting["document_number"] == "EH123457"
    assert [(h["document_number"], h["actor"].split(":")[0]) for h in vetting["history"]] == [
        ("EH123456", "applicant"), ("EH999999", "applicant"), ("EH123457", "protocol")]
    assert all(h["at"] for h in vetting["history"])


async def test_not_after_a_decision(api: Api, created: dict[str, Any]) -> None:
    path = f"/api/v1/accreditations/{created['id']}"
    await api.call("POST", f"{path}/decision", role="press_office", json={"decision": "approve"})
    token = await current_token(api.db_url, created["id"])
    status, body, _ = await api.call("PUT", f"{path}/vetting", role=token, json=VETTING)
    assert status == 403, body
    assert "approved" in body["detail"]


async def test_the_history_is_purged_with_the_person(api: Api, created: dict[str, Any]) -> None:
    path = f"/api/v1/accreditations/{created['id']}"
    await api.call("PUT", f"{path}/vetting", role=created["access_token"], json=VETTING)
    await api.call("PUT", f"{path}/vetting", role="protocol",
                   json={**VETTING, "document_number": "EH7"})
    assert (await api.call("DELETE", f"{path}/personal-data", role="admin"))[0] == 200
    conn = await asyncpg.connect(api.db_url)
    try:
        assert await conn.fetchval("SELECT count(*) FROM accreditation_vetting_history") == 0
    finally:
        await conn.close()
