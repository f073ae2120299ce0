"""A full scenario's logs carry no names, emails, phone numbers or tokens, and every line is a
JSON object; request lines carry the request id."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest

from conference.logs import JsonFormatter
from tests.conftest import Api, press_body
from tests.support import RecordingSMTP

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\+\d{8,15}")


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # "mail.log" is aiosmtpd, here the test's own SMTP server (the peer); the service's
        # local sink runs with that logger at WARNING (conference.logs.configure).
        if not record.name.startswith("mail.log"):
            self.lines.append(self.format(record))


@pytest.fixture
def logs() -> Iterator[Capture]:
    capture = Capture()
    root = logging.getLogger()
    old = root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)
    yield capture
    root.removeHandler(capture)
    root.setLevel(old)


async def test_a_full_scenario_logs_no_personal_data(
    logs: Capture, api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    secrets: list[str] = list(api.tokens.values())
    _, a, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                             json=press_body(1))
    _, b, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                             json=press_body(2, given_name="Åsa", family_name="Lindqvist"))
    secrets += [a["access_token"], b["access_token"]]
    _, d, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/delegations", role="protocol",
        json={"kind": "country", "country": "SE",
              "focal_point": {"name": "Sven Olofsson", "email": "sven@example.org"}})
    secrets.append(d["focal_point_token"])
    await smtp.wait_for(6)
    smtp.reply = "550 5.1.1 <marie.dupont1@example.org>: no such user"
    await api.call("POST", f"/api/v1/accreditations/{a['id']}/decision", role="press_office",
                   json={"decision": "approve"})
    await api.call("POST", f"/api/v1/accreditations/{b['id']}/decision", role="press_office",
                   json={"decision": "reject", "reason": "Åsa Lindqvist is not press"})
    await api.call("GET", f"/api/v1/accreditations/{a['id']}", role=a["access_token"])
    await api.call("GET", f"/api/v1/accreditations/{a['id']}", role="wrong-token-xyz")
    await api.call("POST", "/api/v1/conferences/alliance/accreditations", json=press_body(1))
    await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                   json=press_body(3, email="bad\r\nBcc: x@example.org"))
    await api.call("DELETE", f"/api/v1/accreditations/{b['id']}/personal-data", role="admin")
    await smtp.stop()
    await api.call("POST", "/api/v1/conferences/alliance/accreditations", json=press_body(4))

    assert logs.lines, "the scenario logged nothing"
    text = "\n".join(logs.lines)
    for line in logs.lines:
        json.loads(line)
    assert [line for line in logs.lines if EMAIL.search(line)][:3] == []
    assert PHONE.findall(text) == []
    for word in ("Dupont", "Marie", "Lindqvist", "Åsa", "Olofsson", "Cercone", "Ernst",
                 "BE-100", "wrong-token-xyz", *secrets):
        assert word not in text, word
    access = [json.loads(line) for line in logs.lines if '"route"' in line]
    assert {e["route"] for e in access} >= {"register", "decide", "get_accreditation"}
    assert all(len(e["request_id"]) == 32 for e in access)
