"""Vetting data: the person or its focal point gives it while the application is alive and the
clearance undecided, unless an organiser has recorded it; every version is kept with who and
when, and purged with it."""

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


async def test_approved_but_not_yet_vetted_still_gives_it_not_after_the_clearance(
    api: Api, created: dict[str, Any]
) -> None:
    path = f"/api/v1/accreditations/{created['id']}"
    await api.call("POST", f"{path}/decision", role="press_office", json={"decision": "approve"})
    token = await current_token(api.db_url, created["id"])
    status, body, _ = await api.call("PUT", f"{path}/vetting", role=token, json=VETTING)
    assert status == 200, body  # people are approved before the security service vets them
    await api.call("POST", f"{path}/vetting/status", role="protocol",
                   json={"status": "cleared"})
    status, body, _ = await api.call("PUT", f"{path}/vetting", role=token,
                                     json={**VETTING, "document_number": "EH7"})
    assert status == 403, body
    assert "cleared" in body["detail"]


async def test_not_after_a_withdrawal(api: Api, created: dict[str, Any]) -> None:
    path = f"/api/v1/accreditations/{created['id']}"
    token = created["access_token"]
    assert (await api.call("POST", f"{path}/withdraw", role=token))[0] == 200
    token = await current_token(api.db_url, created["id"])
    status, body, _ = await api.call("PUT", f"{path}/vetting", role=token, json=VETTING)
    assert status == 403, body
    assert "withdrawn" in body["detail"]


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


async def test_a_date_of_birth_in_the_future_or_before_1900_is_refused(
    api: Api, created: dict[str, Any]
) -> None:
    path = f"/api/v1/accreditations/{created['id']}/vetting"
    for day in ("2090-01-01", "1899-12-31"):
        status, body, _ = await api.call("PUT", path, role="protocol",
                                         json={**VETTING, "date_of_birth": day})
        assert status == 422, body
        assert [e["field"] for e in body["errors"]] == ["date_of_birth"]
