"""The authorisation matrix, generated from the route table: every route is called with every
role (and none) on one set of objects, and each answer must be what EXPECTED says. A new route
without an entry here fails the test, so nobody adds a route without deciding who may call it.

The objects: a press accreditation P (approved; the applicant's token is P's), a delegation BE
whose focal point has a member M of its own (not P), a room, a session, a zone, a pool, a
webhook, a delivery. "ok" means the role passes authorisation: any answer but 401/403 (and
never 5xx); a denied role gets 401 without a token, 403 with one.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg

from conference.app import route_table
from conference.auth import Role, issue_token
from tests.conftest import Api, press_body
from tests.http.conftest_programme import make_delegation
from tests.support import RecordingSMTP, current_token

ROLES = ("none", "applicant", "focal_point", "press_office", "protocol", "admin")
ANYONE = frozenset(ROLES)
ADMIN = frozenset({"admin"})
ORGANISERS = frozenset({"admin", "protocol", "press_office"})
PROTOCOL = frozenset({"admin", "protocol"})
NO_AUTH_CHECK = "pages"  # HTML forms: CSRF, not roles, decides (asserted in test_pages_csrf)
SESSION = "pages"  # workspaces: the session cookie's grants decide (asserted in test_workspaces)

EXPECTED: dict[str, frozenset[str] | str] = {
    # accreditations, on the press accreditation P
    "register": ANYONE,
    "list_accreditations": ORGANISERS | {"focal_point"},
    "get_accreditation": ORGANISERS | {"applicant"},
    "decide": frozenset({"admin", "press_office"}),
    "withdraw": frozenset({"applicant"}),
    "revoke": frozenset({"admin", "press_office"}),
    "request_information": frozenset({"admin", "press_office"}),
    "give_information": frozenset({"applicant"}),  # P's own token only (409: P is approved)
    "substitute": PROTOCOL,  # P has no delegation: BE's focal point is out of scope
    "amend": frozenset({"admin", "press_office"}),  # P, press: the press office corrects it
    "badge": ORGANISERS | {"applicant"},
    "export_personal_data": frozenset({"admin", "applicant"}),
    "erase_personal_data": ADMIN,
    "revoke_token": ADMIN,
    # P is approved and its clearance not decided: its applicant still gives the identity
    # document (docs/credentials.md, "Vetting")
    "put_vetting": PROTOCOL | {"applicant"},
    "get_vetting": PROTOCOL,
    # conferences, delegations, events, deliveries, webhooks
    "create_conference": ADMIN,
    "get_conference": ANYONE,
    "correct_conference": ADMIN,
    "create_delegation": PROTOCOL,
    "import_delegations": PROTOCOL, "export_delegations_csv": PROTOCOL,
    "export_delegations_xlsx": PROTOCOL,
    "list_delegations": PROTOCOL,
    "list_events": PROTOCOL,
    "list_deliveries": ADMIN,
    "retry_delivery": ADMIN,
    "retry_event": ADMIN,
    "attendance_of": PROTOCOL,
    "create_webhook": ADMIN,
    "list_webhooks": ADMIN,
    "delete_webhook": ADMIN,
    # programme and protocol
    "create_room": PROTOCOL, "list_rooms": PROTOCOL,
    "schedule_session": PROTOCOL, "list_sessions": PROTOCOL, "get_session": PROTOCOL,
    "change_session": PROTOCOL, "cancel_session": PROTOCOL,
    "put_participant": PROTOCOL, "remove_participant": PROTOCOL,
    "speaking_order_of": PROTOCOL, "seating_of": PROTOCOL, "security_list_of": PROTOCOL,
    "precedence_of": PROTOCOL, "draw_starting_country": PROTOCOL,
    "publish_programme": PROTOCOL, "published_programme": ANYONE,
    "preview_publication": PROTOCOL,
    # calendar
    "personal_feed": ANYONE, "programme_feed": ANYONE,
    # zones, pools, check-in
    "create_zone": PROTOCOL, "set_zone_grants": PROTOCOL, "list_zones": ORGANISERS,
    "change_zone": PROTOCOL,
    "create_pool": ORGANISERS, "list_pools": ORGANISERS, "add_pool_member": ORGANISERS,
    "remove_pool_member": ORGANISERS, "link_pool_session": ORGANISERS,
    "unlink_pool_session": ORGANISERS, "check_in": ORGANISERS, "list_check_ins": PROTOCOL,
    # delegation lifecycle
    "import_members": PROTOCOL | {"focal_point"}, "export_csv": PROTOCOL | {"focal_point"},
    "export_xlsx": PROTOCOL | {"focal_point"}, "participants_list": ANYONE - {"none"},
    "release_participants": PROTOCOL, "statistics": PROTOCOL, "put_quotas": PROTOCOL,
    "patch_lifecycle": PROTOCOL,
    # credentials, on P (press) and a letter P requested
    "put_photo": ORGANISERS | {"applicant"}, "get_photo": ORGANISERS | {"applicant"},
    "put_document": ORGANISERS | {"applicant"}, "get_document": ORGANISERS,
    "request_visa_letter": frozenset({"applicant"}),
    "get_visa_letter": PROTOCOL | {"applicant"}, "visa_letter_pdf": PROTOCOL | {"applicant"},
    "decide_visa_letter": PROTOCOL, "cancel_visa_letter": PROTOCOL,
    "reissue_visa_letter": PROTOCOL, "get_visa_template": PROTOCOL,
    "put_visa_template": PROTOCOL, "verify_visa_letter": ANYONE,
    "set_vetting_status": PROTOCOL, "vetting_csv": PROTOCOL, "import_vetting_csv": PROTOCOL,
    "badge_batch": PROTOCOL, "badge_states": PROTOCOL, "badges_printed": PROTOCOL,
    "reissue_badge": PROTOCOL, "pack_collected": PROTOCOL,
    "void_badges": PROTOCOL, "badge_recovered": PROTOCOL,  # P's badge is not void: 409
    # system
    "healthz": ANYONE, "favicon": ANYONE, "readyz": ANYONE, "metrics": ADMIN, "openapi": ANYONE,
    # pages for people
    "pages_css": ANYONE, "press_form": ANYONE, "press_received": ANYONE, "programme_page": ANYONE,
    "conference_home": ANYONE,
    "privacy_page": ANYONE, "link_form": ANYONE, "link_submit": NO_AUTH_CHECK,
    "application_page": ANYONE, "application_badge": ANYONE, "application_badge_pdf": ANYONE,
    "press_submit": NO_AUTH_CHECK, "application_withdraw": NO_AUTH_CHECK,
    "application_answer": NO_AUTH_CHECK,
    "credentials_page": ANYONE, "application_photo": ANYONE,
    "application_photo_upload": NO_AUTH_CHECK, "application_photo_crop": NO_AUTH_CHECK,
    "application_visa_letter": NO_AUTH_CHECK,
    "application_identity_document": NO_AUTH_CHECK,
    # people and the workspaces
    "add_staff": ADMIN, "workspaces_css": ANYONE,
    "signin_form": SESSION, "signin_request": SESSION, "signin_link": SESSION,
    "signin_spend": SESSION, "signout": SESSION, "home": SESSION, "manage_home": SESSION,
    "setup_conference_form": SESSION, "setup_conference": SESSION, "staff_page": SESSION,
    "staff_add": SESSION, "settings_form": SESSION, "settings_save": SESSION,
    "delegation_page": SESSION, "delegation_letters": SESSION, "member_new": SESSION,
    "member_register": SESSION,
    "member_page": SESSION, "member_badge": SESSION, "member_withdraw_confirm": SESSION,
    "member_credentials": SESSION, "member_photo_upload": SESSION, "member_photo_crop": SESSION,
    "member_visa_letter": SESSION, "member_photo": SESSION, "member_visa_letter_pdf": SESSION,
    "member_identity_document": SESSION,
    "member_withdraw": SESSION, "member_answer": SESSION, "press_queue": SESSION,
    "press_application": SESSION,
    "press_decide": SESSION, "press_revoke": SESSION, "press_batch": SESSION,
    "press_correct": SESSION,
    "door_page": SESSION, "door_check": SESSION, "console_overview": SESSION,
    "console_operations": SESSION, "console_retry_delivery": SESSION,
    "console_retry_failed": SESSION, "console_retry_event": SESSION,
    "console_precedence": SESSION, "console_precedence_csv": SESSION,
    # the delegation lifecycle's pages (asserted in test_lifecycle_pages)
    "lc_substitute_form": SESSION, "lc_substitute": SESSION, "lc_import_form": SESSION,
    "lc_import_members": SESSION, "lc_export_csv": SESSION, "lc_export_xlsx": SESSION,
    "lc_quotas": SESSION, "lc_quota_edit": SESSION, "lc_quota_save": SESSION,
    "lc_deadlines": SESSION, "lc_deadlines_save": SESSION, "lc_deadlines_announce": SESSION,
    "lc_console_import_form": SESSION,
    "lc_console_import": SESSION, "lc_participants": SESSION, "lc_participants_pdf": SESSION,
    "lc_participants_csv": SESSION, "lc_statistics": SESSION,
    "programme_css": ANYONE, "grid_page": SESSION, "grid_add_room": SESSION,
    "grid_session_new": SESSION, "grid_session_create": SESSION, "grid_session_page": SESSION,
    "grid_session_change": SESSION, "grid_session_move": SESSION,
    "grid_session_cancel_confirm": SESSION,
    "grid_session_cancel": SESSION, "grid_participant_add": SESSION,
    "grid_participant_remove": SESSION, "grid_participant_role": SESSION,
    "grid_participant_remove_confirm": SESSION,
    "letter_text_form": SESSION, "letter_text_save": SESSION,
    "walkin_form": SESSION, "walkin_add": SESSION,
    "grid_speaking_order": SESSION,
    "grid_speaking_order_csv": SESSION, "grid_seating": SESSION, "grid_seating_csv": SESSION,
    "grid_security_list": SESSION, "grid_security_list_csv": SESSION,
    "member_edit_form": SESSION, "member_edit": SESSION, "reasons_page": SESSION,
    "reason_add": SESSION, "reason_edit_form": SESSION, "reason_edit": SESSION,
    "reason_delete": SESSION, "pools_page": SESSION, "pools_csv": SESSION, "pool_create": SESSION,
    "pool_add_member": SESSION, "pool_remove_member": SESSION, "pool_link_session": SESSION,
    "pool_unlink_session": SESSION,
    "security_page": SESSION, "security_download": SESSION,
    "security_upload": SESSION, "security_set_status": SESSION, "zones_page": SESSION,
    "zones_create": SESSION,
    "zone_edit": SESSION, "zone_save": SESSION,
    "console_accreditations": SESSION, "console_accreditation": SESSION,
    "console_decide": SESSION, "console_revoke": SESSION, "console_substitute": SESSION,
    "console_ask_information": SESSION,
    # a member's details at the console (asserted in test_console_member_edit)
    "console_member_edit_form": SESSION, "console_member_edit": SESSION,
    "console_delegations": SESSION,
    "console_delegations_import_form": SESSION, "console_delegations_import": SESSION,
    "console_delegations_csv": SESSION, "console_delegations_xlsx": SESSION,
    "console_create_delegation": SESSION, "console_add_focal_point": SESSION,
    "console_resend_welcome": SESSION, "console_publish_preview": SESSION,
    "console_publish": SESSION, "console_webhooks": SESSION, "console_delete_webhook": SESSION,
    # documents required and the console's credentials pages
    "documents_state": ORGANISERS | {"applicant"}, "put_documents_required": ADMIN,
    "put_photo_required": PROTOCOL,
    "application_document_upload": NO_AUTH_CHECK, "member_document_upload": SESSION,
    "console_badges": SESSION, "console_badge_batch": SESSION,
    "console_badges_printed": SESSION, "console_reissue_form": SESSION,
    "console_reissue": SESSION, "console_pack_collected": SESSION,
    "console_photo_required": SESSION, "console_badge_recovered": SESSION,
    "console_visa_letters": SESSION, "console_decide_letter": SESSION,
    "console_cancel_letter": SESSION, "console_letter_pdf": SESSION,
    "console_set_vetting": SESSION, "console_document": SESSION, "console_photo": SESSION,
    "press_document": SESSION, "press_photo": SESSION, "press_ask_information": SESSION,
}
# Changes that would alter the objects the other calls rely on go last, in this order.
LAST = ["cancel_session", "delete_webhook", "withdraw", "revoke", "erase_personal_data",
        "revoke_token"]
"""Routes that change the objects for good, called last in this order (P, approved, is
withdrawn by its applicant: a journalist may withdraw after approval)."""


async def _objects(api: Api, conference: dict[str, Any], smtp: RecordingSMTP) -> dict[str, str]:
    _, p, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                             json=press_body())
    await api.call("POST", f"/api/v1/accreditations/{p['id']}/decision", role="press_office",
                   json={"decision": "approve"})
    be = await make_delegation(api, "BE")
    status, m, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role=be["focal_point_token"],
        json={"category": "official", "given_name": "Jan", "family_name": "Peeters",
              "email": "jan@example.org", "language": "en", "delegation_id": be["id"],
              "rank": "senior_official", "function": "Director"})
    assert status == 201, m
    _, room, _ = await api.call("POST", "/api/v1/conferences/alliance/rooms", role="protocol",
                                json={"name": "Plenary", "capacity": 100})
    day = datetime.fromisoformat(conference["starts_on"]).replace(
        tzinfo=ZoneInfo("Europe/Brussels")) + timedelta(hours=9)
    _, s, _ = await api.call("POST", "/api/v1/conferences/alliance/sessions", role="protocol",
                             json={"title": {"fr": "Ouverture", "en": "Opening"},
                                   "kind": "plenary", "room_id": room["id"],
                                   "starts_at": day.isoformat(),
                                   "ends_at": (day + timedelta(hours=1)).isoformat()})
    _, z, _ = await api.call("POST", "/api/v1/conferences/alliance/zones", role="protocol",
                             json={"code": "hall", "name": {"fr": "Salle", "en": "Hall"},
                                   "kind": "standard", "grants": {"categories": ["press"],
                                                                  "sessions": [], "pools": []}})
    _, pool, _ = await api.call("POST", "/api/v1/conferences/alliance/pools",
                                role="press_office", json={"name": "Pool"})
    _, hook, _ = await api.call("POST", "/api/v1/conferences/alliance/webhooks", role="admin",
                                json={"url": "https://hooks.example.org/x",
                                      "event_types": ["*"]})
    await smtp.wait_for(3)
    _, deliveries, _ = await api.call("GET", "/api/v1/deliveries", role="admin")
    from conference.calendar.invitations import feed_token
    from conference.http.context import signer_key
    feed = feed_token(api.client.app[signer_key], __import__("uuid").UUID(p["id"]))
    p["access_token"] = await current_token(api.db_url, p["id"])
    api.tokens["applicant"] = p["access_token"]
    _, letter, _ = await api.call(
        "POST", f"/api/v1/accreditations/{p['id']}/visa-letter", role=p["access_token"],
        json={"passport_name": "Marie Dupont", "passport_number": "X1", "nationality": "FR",
              "date_of_birth": "1980-01-01", "consulate": "Consulate"})
    api.tokens["focal_point"] = be["focal_point_token"]
    for required in (s, z, pool, hook):
        assert "id" in required, required
    conn = await asyncpg.connect(api.db_url)
    try:
        await issue_token(conn, Role.door)
        token_id = str(await conn.fetchval("SELECT max(id) FROM api_token"))
    finally:
        await conn.close()
    return {"slug": "alliance", "accreditation_id": p["id"], "delegation_id": be["id"],
            "session_id": s["id"],
            "token_id": token_id,
            "zone_id": z["id"], "pool_id": pool["id"], "webhook_id": hook["id"],
            "delivery_id": deliveries["items"][0]["id"], "feed_token": feed,
            "access_token": p["access_token"], "event_id": "1", "token": "x" * 43,
            "kind": "press_card", "visa_letter_id": letter["id"],
            "number": "2000-0001-NOSUCH",
            "reason_id": "00000000-0000-4000-8000-000000000000"}


async def test_every_route_answers_every_role_as_expected(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    routes = route_table()
    names = {r.handler.__name__ for r in routes}
    assert names - set(EXPECTED) == set(), "routes without an expectation"
    assert set(EXPECTED) - names == set(), "expectations for routes that no longer exist"
    ids = await _objects(api, conference, smtp)
    ordered = sorted(routes, key=lambda r: (r.handler.__name__ in LAST,
                                            LAST.index(r.handler.__name__)
                                            if r.handler.__name__ in LAST else 0,
                                            r.method != "GET", r.path))
    wrong: list[str] = []
    calls = 0
    for r in ordered:
        if r.handler.__name__ in LAST:  # a letter (revocation) replaces the applicant's token
            api.tokens["applicant"] = await current_token(api.db_url, ids["accreditation_id"])
        path = re.sub(r"{(\w+)}", lambda m: ids[m.group(1)], r.path)
        expected = EXPECTED[r.handler.__name__]
        for role in ROLES:
            body = {} if r.method in ("POST", "PUT", "PATCH") else None
            status, answer, _ = await api.call(r.method, path, json=body,
                                               role=None if role == "none" else role)
            calls += 1
            if status >= 500:
                wrong.append(f"{r.method} {r.path} as {role}: {status}")
            elif expected == NO_AUTH_CHECK:
                continue
            elif role in expected and status in (401, 403):
                wrong.append(f"{r.method} {r.path} as {role}: {status}, expected to pass")
            elif role not in expected and status != (401 if role == "none" else 403):
                wrong.append(f"{r.method} {r.path} as {role}: {status}, expected "
                             f"{401 if role == 'none' else 403} ({str(answer)[:80]})")
    assert wrong == [], "\n".join(wrong)
    assert calls == len(routes) * len(ROLES)
