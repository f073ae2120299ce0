"""A person whose security clearance was refused is not made chair or speaker of a session:
the API answers 409 ``clearance-refused`` naming them, and the console's session page says so
on the participants' form, in French and in English. A clearance still pending (or more
information asked) does not stop it: the person is put on the session, with a warning
(docs/protocol.md, "Chair and speakers: security clearance")."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import accredit, at, make_delegation, make_room, make_session
from tests.http.test_console import staff
from tests.http.test_console_programme import _form
from tests.support import RecordingSMTP

SESSIONS = "/manage/alliance/sessions"


async def _vetting(api: Api, accreditation: dict[str, Any], status: str) -> None:
    reason = {"reason": "National record."} if status in ("refused", "more_information") else {}
    code, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{accreditation['id']}/vetting/status", role="protocol",
        json={"status": status, **reason})
    assert code == 200, body


async def _put(api: Api, session: dict[str, Any], person: dict[str, Any], role: str
               ) -> tuple[int, Any, Any]:
    return await api.call(
        "PUT", f"/api/v1/sessions/{session['id']}/participants/{person['id']}",
        role="protocol", json={"role": role})


async def _ministers(api: Api) -> tuple[dict[str, Any], ...]:
    """A conference whose ministers need clearance, a session, and four approved ministers:
    clearance refused, pending (nothing recorded), more information asked, cleared."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["minister"]))
    assert status == 201, body
    be = await make_delegation(api, country="BE")
    hall = await make_room(api, "Plenary hall")
    opening = await make_session(api, hall, at(body, 9), at(body, 10, 30))
    refused = await accredit(api, "Didier", "Reynders", delegation=be, rank="foreign_minister")
    pending = await accredit(api, "Sophie", "Wilmès", delegation=be)
    asked = await accredit(api, "Hadja", "Lahbib", delegation=be)
    cleared = await accredit(api, "Petra", "De Sutter", delegation=be)
    await _vetting(api, refused, "refused")
    await _vetting(api, asked, "more_information")
    await _vetting(api, cleared, "cleared")
    return opening, refused, pending, asked, cleared


async def test_the_api_refuses_a_chair_or_speaker_refused_clearance_and_warns_of_a_pending_one(
    api: Api, smtp: RecordingSMTP
) -> None:
    opening, refused, pending, asked, cleared = await _ministers(api)

    for role, part in (("chair", "cannot chair this session"),
                       ("speaker", "cannot speak at this session")):
        status, problem, resp = await _put(api, opening, refused, role)
        assert status == 409, problem
        assert resp.headers["Content-Type"].startswith("application/problem+json")
        assert problem["type"].endswith("/clearance-refused")
        assert problem["title"] == "Security clearance refused"
        assert problem["detail"].startswith(f"Didier Reynders {part}: their security clearance"
                                            " was refused.")
        assert (problem["accreditation_id"], problem["role"]) == (refused["id"], role)
    status, order, _ = await api.call(
        "GET", f"/api/v1/sessions/{opening['id']}/speaking-order", role="protocol")
    assert status == 200 and order["slots"] == []  # nobody was put on the session

    # an attendee is not refused here (the calendar does not invite them); made speaker or
    # chair: 409
    status, written, _ = await _put(api, opening, refused, "attendee")
    assert status == 200, written
    for role in ("speaker", "chair"):
        status, problem, _ = await _put(api, opening, refused, role)
        assert status == 409 and problem["type"].endswith("/clearance-refused"), problem

    # a chair refused clearance after being put there stays, marked; made a speaker to free
    # the chair, yes; made chair again, no
    status, _, _ = await api.call(
        "DELETE", f"/api/v1/sessions/{opening['id']}/participants/{refused['id']}",
        role="protocol")
    assert status == 204
    status, written, _ = await _put(api, opening, cleared, "chair")
    assert status == 200, written
    await _vetting(api, cleared, "refused")
    status, written, _ = await _put(api, opening, cleared, "speaker")
    assert status == 200, written
    status, problem, _ = await _put(api, opening, cleared, "chair")
    assert status == 409 and problem["role"] == "chair", problem
    status, _, _ = await api.call(
        "DELETE", f"/api/v1/sessions/{opening['id']}/participants/{cleared['id']}",
        role="protocol")
    assert status == 204
    await _vetting(api, cleared, "cleared")

    # pending, or more information asked: put on the session, with a warning naming them
    status, written, _ = await _put(api, opening, pending, "chair")
    assert status == 200, written
    assert ("The security clearance of Sophie Wilmès is still pending: no badge can be issued"
            " until it is granted.") in written["warnings"]
    status, written, _ = await _put(api, opening, asked, "speaker")
    assert status == 200, written
    assert any("Hadja Lahbib" in w and "more information" in w for w in written["warnings"])
    # cleared: no warning
    status, written, _ = await _put(api, opening, cleared, "speaker")
    assert status == 200, written
    assert not any("De Sutter" in w for w in written["warnings"])
    status, order, _ = await api.call(
        "GET", f"/api/v1/sessions/{opening['id']}/speaking-order", role="protocol")
    assert {s["person"]["accreditation_id"] for s in order["slots"]} == {
        pending["id"], asked["id"], cleared["id"]}


async def test_the_session_page_names_the_person_refused_clearance_in_french_and_english(
    api: Api, smtp: RecordingSMTP
) -> None:
    opening, refused, pending, _, _ = await _ministers(api)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"{SESSIONS}/{opening['id']}"
    # the search says it before anyone tries
    for lang, mark in (("fr", "(habilitation refusée)"), ("en", "(clearance refused)")):
        status, page, _ = await protocol.go("GET", f"{path}?lang={lang}&q=Reynders")
        assert element(page, f"candidate-refused-{refused['id']}") == mark
    status, page, _ = await protocol.go("GET", f"{path}?q=Wilmès")
    assert f'id="candidate-{pending["id"]}"' in page and "candidate-refused-" not in page
    for lang, chair, speaker in (
        ("fr", "Didier Reynders ne peut pas présider cette séance : son habilitation de "
               "sécurité a été refusée.",
               "Didier Reynders ne peut pas prendre la parole à cette séance : son "
               "habilitation de sécurité a été refusée."),
        ("en", "Didier Reynders cannot chair this session: their security clearance was "
               "refused.",
               "Didier Reynders cannot speak at this session: their security clearance was "
               "refused."),
    ):
        for role, wording in (("chair", chair), ("speaker", speaker)):
            status, page, _ = await _form(
                protocol, f"{path}?lang={lang}&q=Reynders",
                f"{path}/participants?lang={lang}",
                [("accreditation_id", refused["id"]), ("role", role),
                 ("name", "Didier Reynders")])
            assert status == 409, page
            said = element(page, "participant-error")
            assert wording in said, said
            assert 'id="participants-none"' in page  # nobody was added
    # pending: added, and marked in the list of participants
    status, _, resp = await _form(protocol, f"{path}?lang=fr", f"{path}/participants?lang=fr",
                                  [("accreditation_id", pending["id"]), ("role", "speaker"),
                                   ("name", "Sophie Wilmès")])
    assert status == 303, resp
    for lang, mark in (("fr", "(habilitation de sécurité en attente)"),
                       ("en", "(security clearance pending)")):
        status, page, _ = await protocol.go("GET", f"{path}?lang={lang}")
        assert mark in element(page, f"clearance-pending-{pending['id']}")
