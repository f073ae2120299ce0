"""A security-clearance decision is a line of the person's history (docs/credentials.md,
"Vetting"): in the API's history and on the console's application page, worded in French and
English. Its reason is internal protocol data: the protocol office reads it; the person, their
focal point and the press office see the status alone. The reasons go with the conference's
vetting data."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

from conference.auth import Role, issue_token
from conference.db.pool import connect
from conference.privacy.service import purge_due
from conference.settings import Settings
from tests.browser.helpers import element, member, text
from tests.conftest import Api, conference_body, press_body, start_api
from tests.http.test_console import _signed_in, staff
from tests.http.test_console_credentials import M, _conference
from tests.support import RecordingSMTP

REFUSED = "Mismatch with the national record."
MORE = "The second page of the passport."


async def _vetting(api: Api, aid: str, status: str, reason: str | None = None) -> None:
    code, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/vetting/status",
                                   role="protocol", json={"status": status, "reason": reason})
    assert code == 200, body


async def _clearance_lines(api: Api, aid: str, role: str) -> list[tuple[str, str, Any]]:
    status, acc, _ = await api.call("GET", f"/api/v1/accreditations/{aid}", role=role)
    assert status == 200, acc
    return [(h["action"], h["vetting_status"], h["reason"]) for h in acc["history"]
            if h["vetting_status"] is not None]


async def test_clearance_changes_are_in_the_history_their_reasons_for_protocol_alone(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, focal_link = await _conference(api, smtp, vetting_required=["minister"])
    minister = await member(api, be, "Milquet")
    aid = minister["id"]
    await _vetting(api, aid, "more_information", MORE)
    await _vetting(api, aid, "refused", REFUSED)
    await _vetting(api, aid, "cleared")

    status, acc, _ = await api.call("GET", f"/api/v1/accreditations/{aid}", role="protocol")
    assert status == 200, acc
    last = acc["history"][-1]
    # the accreditation's own status is unchanged by a clearance line
    assert (last["from_status"], last["to_status"]) == ("approved", "approved")
    assert await _clearance_lines(api, aid, "protocol") == [
        ("vetting_more_information", "more_information", MORE),
        ("vetting_refused", "refused", REFUSED),
        ("vetting_cleared", "cleared", None)]
    conn = await connect(api.db_url)
    try:
        focal = await issue_token(conn, Role.focal_point, delegation_id=be["id"])
    finally:
        await conn.close()
    without_reasons = [("vetting_more_information", "more_information", None),
                       ("vetting_refused", "refused", None),
                       ("vetting_cleared", "cleared", None)]
    assert await _clearance_lines(api, aid, focal) == without_reasons
    assert await _clearance_lines(api, aid, minister["access_token"]) == without_reasons
    status, export, _ = await api.call("GET", f"/api/v1/accreditations/{aid}/personal-data",
                                       role=minister["access_token"])
    assert status == 200, export
    assert [h["reason"] for h in export["accreditation"]["history"]
            if h["vetting_status"]] == [None, None, None]

    # the console's application page words each line in the reader's language, with the reason
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    for lang, words in (("en", ["More information requested for the clearance",
                                "Clearance refused", "Clearance granted"]),
                        ("fr", ["Informations complémentaires demandées pour l'habilitation",
                                "Habilitation de sécurité refusée",
                                "Habilitation de sécurité accordée"])):
        status, page, _ = await v.go("GET", f"{M}/accreditations/{aid}?lang={lang}")
        assert status == 200
        history = text(element(page, "history"))
        positions = [history.index(w) for w in words]
        assert positions == sorted(positions), history
        assert REFUSED in history and MORE in history
    # the focal point's member page: the lines, not the reasons
    portal = await _signed_in(api, focal_link)
    status, page, _ = await portal.go("GET", f"/delegation/alliance-be/members/{aid}?lang=en")
    assert status == 200
    history = text(element(page, "history"))
    assert "Clearance refused" in history and REFUSED not in history and MORE not in history


async def test_a_results_file_writes_one_line_per_person(api: Api, smtp: RecordingSMTP) -> None:
    be, _ = await _conference(api, smtp, vetting_required=["minister"])
    people = [await member(api, be, f"Minister{n}") for n in range(3)]
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["accreditation_id", "status", "reason"])
    w.writerows([(people[0]["id"], "cleared", ""), (people[1]["id"], "refused", REFUSED),
                 (people[2]["id"], "more_information", MORE)])
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/vetting.csv",
                                     role="protocol", data=out.getvalue().encode(),
                                     headers={"Content-Type": "text/csv"})
    assert (status, body) == (200, {"applied": 3, "unchanged": 0})
    assert [await _clearance_lines(api, p["id"], "protocol") for p in people] == [
        [("vetting_cleared", "cleared", None)], [("vetting_refused", "refused", REFUSED)],
        [("vetting_more_information", "more_information", MORE)]]


async def test_the_press_office_sees_a_journalists_clearance_without_its_reason(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, smtp, vetting_required=["press"])
    status, journalist, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                           role="press_office", json=press_body(1))
    assert status == 201, journalist
    await _vetting(api, journalist["id"], "refused", REFUSED)
    assert await _clearance_lines(api, journalist["id"], "press_office") == [
        ("vetting_refused", "refused", None)]
    assert await _clearance_lines(api, journalist["id"], "admin") == [
        ("vetting_refused", "refused", REFUSED)]


async def test_the_vetting_purge_takes_the_reasons_out_of_the_history(
    db_url: str, settings: Settings
) -> None:
    # no worker: its housekeeping would purge the ended conference at a moment of its own,
    # before the vetting below is recorded on a busy machine, and leave this purge nothing
    api = await start_api(db_url, settings, run_worker=False)
    try:
        await _vetting_purged(api)
    finally:
        await api.client.close()


async def _vetting_purged(api: Api) -> None:
    today = datetime.now(UTC).date()
    ended = conference_body(
        "ended", starts_on=(today - timedelta(days=12)).isoformat(),
        ends_on=(today - timedelta(days=10)).isoformat(), retention_days=30,
        vetting_retention_days=5, vetting_required=["press"])
    assert (await api.call("POST", "/api/v1/conferences", role="admin", json=ended))[0] == 201
    status, journalist, _ = await api.call("POST", "/api/v1/conferences/ended/accreditations",
                                           role="press_office", json=press_body(7))
    assert status == 201, journalist
    await _vetting(api, journalist["id"], "refused", REFUSED)
    conn = await connect(api.db_url)
    try:
        assert await purge_due(conn, today, datetime.now(UTC)) == 1
    finally:
        await conn.close()
    assert await _clearance_lines(api, journalist["id"], "admin") == [
        ("vetting_refused", "refused", None)]


async def test_an_erasure_takes_the_clearance_reasons_out_of_the_history(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, smtp, vetting_required=["press"])
    status, journalist, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                           role="press_office", json=press_body(1))
    assert status == 201, journalist
    await _vetting(api, journalist["id"], "more_information", MORE)
    status, _, _ = await api.call("DELETE",
                                  f"/api/v1/accreditations/{journalist['id']}/personal-data",
                                  role="admin")
    assert status in (200, 204)
    assert await _clearance_lines(api, journalist["id"], "admin") == [
        ("vetting_more_information", "more_information", None)]
