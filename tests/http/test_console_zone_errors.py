"""The zone form answers every error of a submission at once (user test of 1 December 2026,
finding 15): a bad code, empty names and a first day after the conference showed the code and
name errors only; the days ("the zone would admit no one") came on the next try."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import hidden
from tests.conftest import Api
from tests.http.test_console import Visitor, staff
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP


async def _form(v: Visitor, page_path: str, action: str, fields: list[tuple[str, str]]
                ) -> tuple[int, str, Any]:
    _, page, _ = await v.go("GET", page_path)
    return await v.go("POST", action, [("csrf", hidden(page, "csrf")), *fields])  # type: ignore


async def test_the_zone_form_names_its_days_with_the_other_errors_at_once(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    zones = "/manage/alliance/zones"
    status, page, _ = await _form(protocol, zones, zones, [
        ("code", "Bad Code!"), ("kind", "standard"), ("name_fr", ""), ("name_en", ""),
        ("categories", "press"), ("opens_on", "2099-01-01"), ("closes_on", "")])
    assert status == 422
    for field in ("code", "name_fr", "name_en", "opens_on"):
        assert f'id="{field}-error"' in page, field
    assert "would admit no one" in page[page.index('id="opens_on-error"'):]


async def test_a_code_already_taken_is_said_with_the_other_errors(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A code already taken, empty names and days that admit no one: the code's error came
    only once the names and days were corrected, a third try (tried defining a zone as an
    administrator, 1 December 2026). All are said at once."""
    await _setup(api, smtp)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    zones = "/manage/alliance/zones"
    fields = [("code", "press-centre"), ("kind", "standard"), ("name_fr", "Centre de presse"),
              ("name_en", "Press centre"), ("categories", "press"), ("opens_on", ""),
              ("closes_on", "")]
    status, _, _ = await _form(protocol, zones, zones, fields)
    assert status == 303
    status, page, _ = await _form(protocol, zones, f"{zones}?lang=en", [
        ("code", "press-centre"), ("kind", "standard"), ("name_fr", ""), ("name_en", ""),
        ("categories", "press"), ("opens_on", "2099-01-01"), ("closes_on", "")])
    assert status == 422
    for field in ("code", "name_fr", "name_en", "opens_on"):
        assert f'id="{field}-error"' in page, field
    assert "This conference already has a zone with this code." in page[
        page.index('id="code-error"'):]
