"""A chair or speaker refused security clearance keeps their place at the head table and in the
speaking order (taking them off is protocol's decision, docs/credentials.md, "Vetting"), but
nobody can miss it: the API marks them (``clearance: "refused"``), the console's speaking order
and seating plan mark them, the session's page warns at the top, and so does the publication
preview, in French and in English."""

from __future__ import annotations

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.conftest_programme import accredit, at, make_room, make_session, put_participant
from tests.http.test_console import staff
from tests.http.test_console_programme import _conference
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

SESSIONS = "/manage/alliance/sessions"


async def test_a_chair_refused_clearance_is_marked_everywhere_protocol_places_them(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    conf = await _conference(api)
    hall = await make_room(api, "Plenary hall")
    opening = await make_session(api, hall, at(conf, 9), at(conf, 10, 30))
    chair = await accredit(api, "Didier", "Reynders", delegation=be, rank="foreign_minister")
    speaker = await accredit(api, "Sophie", "Wilmès", delegation=be, rank="minister")
    await put_participant(api, opening, chair, "chair")
    await put_participant(api, opening, speaker, "speaker")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    path = f"{SESSIONS}/{opening['id']}"

    # cleared or not asked: nothing to see
    status, order, _ = await api.call("GET", f"/api/v1/sessions/{opening['id']}/speaking-order",
                                      role="protocol")
    assert status == 200
    assert [s["clearance"] for s in order["slots"]] == [None, None]
    status, page, _ = await protocol.go("GET", path)
    assert 'id="clearance-refused"' not in page
    status, page, _ = await protocol.go("GET", "/manage/alliance/publish")
    assert 'id="publish-clearance-refused"' not in page

    status, body, _ = await api.call("POST", f"/api/v1/accreditations/{chair['id']}/vetting/status",
                                     role="protocol", json={"status": "refused",
                                                            "reason": "National record."})
    assert status == 200, body

    # the API: still in the order, marked
    status, order, _ = await api.call("GET", f"/api/v1/sessions/{opening['id']}/speaking-order",
                                      role="protocol")
    assert [(s["part"], s["person"]["accreditation_id"], s["clearance"])
            for s in order["slots"]] == [("welcome", chair["id"], "refused"),
                                         ("speech", speaker["id"], None)]
    status, seating, _ = await api.call("GET", f"/api/v1/sessions/{opening['id']}/seating",
                                        role="protocol")
    assert [(s["seat"], s["clearance"]) for s in seating["seats"]] == [(0, "refused"), (1, None)]

    # the session's page: a warning at the top, and the person marked among the participants
    for lang, mark, warning, title in (
            ("en", "Clearance refused – take them off this session",
             "Security clearance refused", "Opening session: Didier Reynders (Chair)"),
            ("fr", "Habilitation refusée – retirez cette personne de la séance",
             "Habilitation de sécurité refusée",
             "Séance d'ouverture : Didier Reynders (Présidence)")):
        status, page, _ = await protocol.go("GET", f"{path}?lang={lang}")
        assert status == 200
        top = element(page, "clearance-refused")
        assert warning in top and "Didier Reynders" in top and "Wilmès" not in top
        assert page.index('id="clearance-refused"') < page.index('id="session-form"')
        assert mark in element(page, f"clearance-{chair['id']}")
        assert f'id="clearance-{speaker["id"]}"' not in page
        # the speaking order and the seating plan: still placed, marked
        for view in ("speaking-order", "seating"):
            status, page, _ = await protocol.go("GET", f"{path}/{view}?lang={lang}")
            assert status == 200, view
            assert "Didier Reynders" in element(page, "clearance-refused"), view
            assert mark in element(page, f"clearance-{chair['id']}"), view
            assert f'id="clearance-{speaker["id"]}"' not in page, view
        # the publication preview: the session is about to be published with them on it
        status, page, _ = await protocol.go("GET", f"/manage/alliance/publish?lang={lang}")
        assert status == 200
        warned = element(page, "publish-clearance-refused")
        assert title in warned and "Wilmès" not in warned

    # taken off the session by protocol: the warnings are gone
    status, _, _ = await api.call(
        "DELETE", f"/api/v1/sessions/{opening['id']}/participants/{chair['id']}",
        role="protocol")
    assert status == 204
    status, page, _ = await protocol.go("GET", path)
    assert 'id="clearance-refused"' not in page
    status, page, _ = await protocol.go("GET", "/manage/alliance/publish")
    assert 'id="publish-clearance-refused"' not in page
