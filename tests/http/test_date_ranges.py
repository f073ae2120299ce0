"""The conference's days are written once in each part wherever people read them: "30 January –
2 February 2027" / "30 janvier – 2 février 2027" on the pages, in the letters' heading and on
the badges, "from 30 January to 2 February 2027" / "du 30 janvier au 2 février 2027" inside the
visa letter's sentence; never "30 January 2027 – 2 February 2027" (docs/calendar.md, "Dates
and times")."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from typing import Any

from pypdf import PdfReader

from tests.browser.helpers import text
from tests.conftest import Api, conference_body, press_body
from tests.http.test_credentials import PASSPORT, _attachment
from tests.support import RecordingSMTP, body_text, current_token


def _pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


async def _conference(api: Api) -> int:
    year = datetime.now(UTC).year + 1
    body = conference_body(starts_on=date(year, 1, 30).isoformat(),
                           ends_on=date(year, 2, 2).isoformat())
    status, created, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=body)
    assert status == 201, created
    return year


async def _press(api: Api, language: str, n: int) -> dict[str, Any]:
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                     json=press_body(n, language=language))
    assert status == 201, body
    return {**body, "access_token": await current_token(api.db_url, body["id"])}


async def _approve(api: Api, person: dict[str, Any]) -> None:
    """The press office approves (a visa letter is approved only for an approved
    accreditation); the person's token is the one after the decision's letter."""
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{person['id']}/decision", role="press_office",
        json={"decision": "approve"})
    assert status == 200, decided
    person["access_token"] = await current_token(api.db_url, person["id"])


async def test_the_days_of_a_conference_across_two_months_are_written_once_each(
    api: Api, smtp: RecordingSMTP
) -> None:
    y = await _conference(api)
    heading = {"en": f"30 January \u2013 2 February {y}", "fr": f"30 janvier \u2013 2 février {y}"}
    sentence = {"en": f"from 30 January to 2 February {y}",
                "fr": f"du 30 janvier au 2 février {y}"}
    for n, lang in enumerate(("en", "fr"), start=1):
        person = await _press(api, lang, n)
        [ack] = await smtp.wait_for(1, where=lambda m, p=person: p["email"] in m["To"])
        assert heading[lang] in " ".join(body_text(ack).split())
        # the pages' heading
        _, page, _ = await api.call("GET", f"/alliance/privacy?lang={lang}")
        assert heading[lang] in text(page)
        # the visa letter: its mail's heading, its sentence in the PDF
        await _approve(api, person)
        _, letter, _ = await api.call(
            "POST", f"/api/v1/accreditations/{person['id']}/visa-letter",
            role=person["access_token"], json=PASSPORT)
        status, approved, _ = await api.call(
            "POST", f"/api/v1/visa-letters/{letter['id']}/decision", role="protocol",
            json={"decision": "approve"})
        assert status == 200, approved
        [mail] = await smtp.wait_for(
            1, where=lambda m, p=person: p["email"] in m["To"] and m.get_content_type()
            == "multipart/mixed")
        assert heading[lang] in " ".join(body_text(mail).split())
        pdf = _pdf_text(_attachment(mail)[1])
        assert sentence[lang] in pdf, pdf
        assert f"January {y} to" not in pdf and f"janvier {y} au" not in pdf
