"""The protocol console's accreditations, delegations, publication preview and webhooks over
HTTP, with a real database and SMTP server: the list filtered, searched and paged; decisions
and revocations with their form errors; delegations created, focal points added and welcomed
again (the mail arrives, the link signs in); the preview's counts equal what the SMTP server
then receives, its samples are the messages as sent; a stale preview is refused."""

from __future__ import annotations

import asyncio
import html
import re
from email.message import EmailMessage
from typing import Any

import asyncpg
import pytest

from conference.workspaces import domain as workspaces_domain
from tests.browser.helpers import element, hidden, member, press
from tests.conftest import Api
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_console import _signed_in, staff
from tests.http.test_workspaces import _setup, link_in
from tests.support import RecordingSMTP

BASE = "/manage/alliance"


def _ids(page: str, prefix: str) -> list[str]:
    return re.findall(rf'<tr id="{prefix}-([0-9a-f-]+)"', page)


async def test_the_list_filters_searches_and_pages(
    api: Api, smtp: RecordingSMTP, monkeypatch: pytest.MonkeyPatch
) -> None:
    be, _ = await _setup(api, smtp)
    nl = await make_delegation(api, country="NL")
    minister = await member(api, be, "Peeters")
    expert = await member(api, nl, "Jansen", category="expert", rank="expert", decision=None)
    journalist = await press(api)  # Le Soir
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await protocol.go("GET", f"{BASE}/accreditations")
    assert status == 200, page
    assert _ids(page, "acc") == [minister["id"], expert["id"], journalist["id"]]
    assert element(page, "acc-count") == "3 accreditations"
    for query, expected in (
        ("category=press", [journalist["id"]]),
        ("status=submitted", [expert["id"], journalist["id"]]),
        (f"delegation={nl['id']}", [expert["id"]]),
        ("q=le+soir", [journalist["id"]]),  # outlet
        ("q=peeters%40example", [minister["id"]]),  # email
        ("q=JANSEN", [expert["id"]]),  # name
        ("q=100%25", []),  # LIKE wildcards are searched for, not obeyed
        ("category=minister&status=submitted", []),
    ):
        status, page, _ = await protocol.go("GET", f"{BASE}/accreditations?{query}")
        assert status == 200, query
        assert _ids(page, "acc") == expected, query
    # unknown filter values are ignored rather than failing
    status, page, _ = await protocol.go(
        "GET", f"{BASE}/accreditations?category=pope&status=x&delegation=nope&page=-4")
    assert status == 200 and len(_ids(page, "acc")) == 3
    monkeypatch.setattr(workspaces_domain, "PAGE_SIZE", 2)
    status, page, _ = await protocol.go("GET", f"{BASE}/accreditations")
    assert _ids(page, "acc") == [minister["id"], expert["id"]]
    assert element(page, "page-of") == "Page 1 of 2"
    next_url = re.search(r'id="page-next" href="([^"]+)"', page)
    assert next_url
    status, page, _ = await protocol.go("GET", next_url.group(1).replace("&amp;", "&"))
    assert _ids(page, "acc") == [journalist["id"]]
    assert 'id="page-next"' not in page and 'id="page-prev"' in page
    # the overview's counts link to these lists
    status, page, _ = await protocol.go("GET", BASE)
    assert f'href="{BASE}/accreditations?lang=en&amp;category=press"' in page
    assert f'href="{BASE}/accreditations?lang=en&amp;status=approved"' in page
    assert f'href="{BASE}/delegations?lang=en"' in page


async def test_protocol_decides_and_revokes_with_reasons_and_the_history_shows_it(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    official = await member(api, be, "Maes", category="official", rank="senior_official",
                            decision=None)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol", language="fr")
    page_url = f"{BASE}/accreditations/{official['id']}"
    status, page, _ = await protocol.go("GET", page_url)
    assert status == 200, page
    # under review: decided, not revoked (no revoke form; a revoke posted anyway is refused)
    assert 'id="decision-form"' in page and 'id="revoke-form"' not in page
    status, refused, _ = await protocol.post_form(page_url, f"{page_url}/revoke",
                                                  reason="Lent", confirm="yes")
    assert status == 409 and "Seule une accréditation accordée se révoque" in refused
    # a rejection needs a reason; no decision is an error too
    status, page, _ = await protocol.post_form(page_url, f"{page_url}/decision",
                                               decision="reject", reason="  ")
    assert status == 422 and element(page, "reason-error") == "Erreur : Écrivez le motif."
    status, page, _ = await protocol.post_form(page_url, f"{page_url}/decision")
    assert status == 422 and 'id="decision-error"' in page
    status, page, _ = await protocol.go("POST", f"{page_url}/decision",
                                        {"decision": "approve"})  # no CSRF token
    assert status == 403 and 'id="form-error"' in page
    status, _, resp = await protocol.post_form(page_url, f"{page_url}/decision",
                                               decision="approve")
    assert status == 303, resp
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert element(page, "status") == "Accordée"
    assert "Maes" in element(page, "flash")
    assert 'id="decision-form"' not in page and 'id="revoke-form"' in page
    status, page, _ = await protocol.post_form(page_url, f"{page_url}/revoke", reason="")
    # both missing, both named at once: the reason and the box that confirms
    assert status == 422 and 'id="revoke_reason-error"' in page
    assert element(page, "revoke_confirm-error") == \
        "Erreur : Cochez la case pour confirmer la révocation."
    status, page, _ = await protocol.post_form(page_url, f"{page_url}/revoke",
                                               reason="Badge lent to someone else")
    assert status == 422 and 'id="revoke_confirm-error"' in page
    assert 'id="revoke_reason-error"' not in page
    status, _, resp = await protocol.post_form(page_url, f"{page_url}/revoke",
                                               reason="Badge lent to someone else",
                                               confirm="yes")
    assert status == 303
    status, page, _ = await protocol.go("GET", page_url)
    assert element(page, "status") == "Révoquée"
    assert "Badge lent to someone else" in element(page, "history")
    # a decision on a revoked accreditation is refused on the form (409), nothing changes
    status, page, _ = await protocol.post_form(page_url, f"{page_url}/decision",
                                               decision="approve")
    assert status == 409 and 'id="form-error"' in page
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{official['id']}",
                               role="admin")
    assert acc["status"] == "revoked"
    assert [h["action"] for h in acc["history"]] == ["submit", "approve", "revoke"]
    assert acc["history"][-1]["actor"].startswith("person:")


async def test_the_press_is_decided_on_the_press_desk_not_by_protocol(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    journalist = await press(api)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    page_url = f"{BASE}/accreditations/{journalist['id']}"
    status, page, _ = await protocol.go("GET", page_url)
    assert status == 200 and "Le Soir" in page
    assert 'id="decision-form"' not in page and 'id="press-desk"' not in page
    status, _, _ = await protocol.post_form(page_url, f"{page_url}/decision",
                                            decision="approve")
    assert status == 403
    status, page, _ = await admin.go("GET", page_url)
    assert 'id="decision-form"' in page and 'id="press-desk"' in page
    # another conference's accreditation, or no accreditation, is not found
    for path in (f"{BASE}/accreditations/00000000-0000-0000-0000-000000000000",
                 f"{BASE}/accreditations/not-a-uuid"):
        status, _, _ = await protocol.go("GET", path)
        assert status == 404, path


def _welcomes(smtp: RecordingSMTP, address: str) -> list[EmailMessage]:
    return [m for m in smtp.to(address) if "/signin/" in str(m.get_body(("plain",)))]


async def test_delegations_are_created_given_focal_points_and_welcomed_again(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    await member(api, be, "Peeters")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    url = f"{BASE}/delegations"
    status, page, _ = await protocol.go("GET", url)
    assert status == 200, page
    assert "Anna Peeters" in element(page, f"delegation-{be['id']}")  # its head
    assert "fp-be@example.org" in element(page, f"delegation-{be['id']}")
    # field errors name the field
    status, page, _ = await protocol.post_form(
        url, url, kind="country", country="", focal_point_name="", focal_point_email="x")
    assert status == 422
    assert 'id="focal_point_name-error"' in page and 'id="focal_point_email-error"' in page
    status, page, _ = await protocol.post_form(
        url, url, kind="country", country="BE", focal_point_name="Other",
        focal_point_email="other@example.org")
    assert status == 409 and 'id="country-error"' in page
    status, _, resp = await protocol.post_form(
        url, url, kind="organisation", organisation_name="World Bank",
        organisation_type="international_organisation", focal_point_name="Ada Lovelace",
        focal_point_email="ada@example.org")
    assert status == 303, resp
    [welcome] = await smtp.wait_for(1, where=lambda m: "ada@example.org" in str(m["To"]))
    # the list in the order of the names in the reader's language, not as created (found
    # trying the product)
    await make_delegation(api, country="AT")
    for lang, names in (("en", ["Austria", "Belgium", "World Bank"]),
                        ("fr", ["Autriche", "Belgique", "World Bank"])):
        _, page, _ = await protocol.go("GET", f"{url}?lang={lang}")
        rows = re.findall(r'<tr id="delegation-[^"]+">\s*<th [^>]*><a [^>]*>([^<]+)</a>', page)
        assert rows == names, (lang, rows)
    ada = await _signed_in(api, link_in(welcome))
    status, page, _ = await ada.go("GET", "/workspaces")
    assert "World Bank" in page
    # another focal point for BE: welcomed, and the portal opens for them
    status, page, _ = await protocol.post_form(
        url, f"{url}/{be['id']}/focal-points", name="Second", email="fp-be@example.org")
    assert status == 409 and f'id="fp-{be["id"]}-email-error"' in page
    assert '<details open>' in page
    status, _, resp = await protocol.post_form(
        url, f"{url}/{be['id']}/focal-points", name="Bea Second", email="bea@example.org")
    assert status == 303, resp
    [welcome] = await smtp.wait_for(1, where=lambda m: "bea@example.org" in str(m["To"]))
    bea = await _signed_in(api, link_in(welcome))
    status, page, _ = await bea.go("GET", "/delegation/alliance-be")
    assert status == 200, page
    status, page, _ = await protocol.go("GET", url)
    assert "bea@example.org" in element(page, f"delegation-{be['id']}")
    # the welcome again: the button says what it does, on each focal point's line, its name
    # for a screen reader after the words shown (« Renvoyer l'accueil » was terse; tryout)
    for lang, shown, named in (
            ("en", "Send the welcome mail to this focal point again",
             "Send the welcome mail to this focal point again (Bea Second)"),
            ("fr", "Renvoyer le courriel d'accueil à ce point focal",
             "Renvoyer le courriel d'accueil à ce point focal (Bea Second)")):
        _, listed, _ = await protocol.go("GET", f"{url}?lang={lang}")
        row = listed[listed.index(f'id="delegation-{be["id"]}"'):]
        button = re.search(r'<li>Bea Second &lt;bea@example.org&gt;.*?<button [^>]*'
                           r'aria-label="([^"]+)">([^<]+)</button>', row, re.S)
        assert button, row
        assert (html.unescape(button.group(2)), html.unescape(button.group(1))) == (
            shown, named)
    # a new link that signs in
    before = len(_welcomes(smtp, "fp-be@example.org"))
    status, _, resp = await protocol.post_form(url, f"{url}/{be['id']}/welcome",
                                               email="fp-be@example.org")
    assert status == 303, resp
    # the confirmation says to whom, among the page's focal points (tryout as protocol)
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert element(page, "flash") == ("The welcome mail, with a new sign-in link, is on its "
                                      "way to fp-be@example.org.")
    # the welcomes, not the member's approval that also reached the focal point
    again = await smtp.wait_for(before + 1, where=lambda m: "fp-be@example.org" in str(m["To"])
                                and "/signin/" in str(m.get_body(("plain",))))
    await _signed_in(api, link_in(again[-1]))
    status, _, _ = await protocol.post_form(url, f"{url}/{be['id']}/welcome",
                                            email="bea@example.org.evil")
    assert status == 404


async def test_only_the_protocol_office_of_the_conference_manages_delegations(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, link = await _setup(api, smtp)
    focal = await _signed_in(api, link)
    press_office = await staff(api, smtp, "press@example.org", "press_office")
    for v in (focal, press_office):
        status, _, _ = await v.post_form(
            "/workspaces", f"{BASE}/delegations/{be['id']}/focal-points", name="X",
            email="x@example.org")
        assert status == 403
    _, delegations, _ = await api.call("GET", "/api/v1/conferences/alliance/delegations",
                                       role="admin")
    assert len(delegations["items"]) == 1


# --- publication --------------------------------------------------------------------------


def _calendar(smtp: RecordingSMTP) -> list[EmailMessage]:
    return [m for m in smtp.messages
            if any(p.get_content_type() == "text/calendar" for p in m.walk())]


async def _arrived(smtp: RecordingSMTP, total: int) -> list[EmailMessage]:
    """The calendar messages once ``total`` arrived, and after a pause: no more than that."""
    await smtp.wait_for(total, where=lambda m: m in _calendar(smtp))
    await asyncio.sleep(0.5)
    return _calendar(smtp)


async def _stored(api: Api) -> tuple[int, ...]:
    """How many events, deliveries, invitation states and versions the database holds."""
    conn = await asyncpg.connect(api.db_url)
    try:
        return tuple(await conn.fetchrow(
            "SELECT (SELECT count(*) FROM domain_event), (SELECT count(*) FROM delivery), "
            "(SELECT count(*) FROM invitation_state), (SELECT count(*) FROM programme_version)"))
    finally:
        await conn.close()


def _counts(page: str) -> dict[str, int]:
    return {kind: int(element(page, f"count-{kind}"))
            for kind in ("invitation", "update", "cancellation")}


async def _programme(api: Api, conference: dict[str, Any]) -> dict[str, Any]:
    be = await make_delegation(api, country="BE")
    fr = await make_delegation(api, country="FR")
    people = [await member(api, be, "Peeters"), await member(api, fr, "Martin")]
    room = await make_room(api)
    opening = await make_session(api, room, at(conference, 9), at(conference, 10))
    closing = await make_session(api, room, at(conference, 16), at(conference, 17),
                                 title={"fr": "Clôture", "en": "Closing"})
    return {"people": people, "room": room, "opening": opening, "closing": closing}


async def test_the_preview_counts_what_publication_sends_and_a_stale_one_is_refused(
    api: Api, smtp: RecordingSMTP, conference: dict[str, Any]
) -> None:
    p = await _programme(api, conference)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    url = f"{BASE}/publish"
    await smtp.wait_for(3)  # the welcome mails: the worker is idle
    stored = await _stored(api)
    status, page, _ = await protocol.go("GET", url)
    assert status == 200, page
    assert await _stored(api) == stored  # a dry run: nothing written
    # two ministers in the audience of two sessions: four invitations
    assert _counts(page) == {"invitation": 4, "update": 0, "cancellation": 0}
    assert "Added – Opening session" in element(page, "changelog")
    sample = element(page, "sample-invitation")
    assert "Invitation" in sample and "METHOD:REQUEST" in sample
    assert "/api/v1/calendar/•••.ics" in sample and ".ics" not in sample.replace("•••.ics", "")
    status, _, resp = await protocol.post_form(url, url, fingerprint=hidden(page, "fingerprint"))
    assert status == 303, resp
    arrived = await _arrived(smtp, 4)
    assert len(arrived) == 4
    # the sample is a message as sent: same subject as one that arrived
    subject = re.search(r"<dt>Subject</dt><dd>([^<]+)</dd>", page)
    assert subject and html.unescape(subject.group(1)) in {str(m["Subject"]) for m in arrived}
    status, page, _ = await protocol.go("GET", resp.headers["Location"])
    assert "Version 1 published" in element(page, "flash")
    assert 'id="nothing-to-publish"' in page
    # move a session: one update per person invited to it
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{p['opening']['id']}",
                                     role="protocol", json={"starts_at": at(conference, 11),
                                                            "ends_at": at(conference, 12)})
    assert status == 200, body
    status, page, _ = await protocol.go("GET", url)
    assert _counts(page) == {"invitation": 0, "update": 2, "cancellation": 0}
    assert "Moved – Opening session: " in element(page, "changelog")
    assert element(page, "sample-update").count("SubjectUpdated: Opening session") == 1
    _, french, _ = await protocol.go("GET", f"{url}?lang=fr")
    assert "Déplacée – Séance d'ouverture : " in element(french, "changelog")  # French colon
    stale = hidden(page, "fingerprint")
    # the draft changes after this preview: publishing from it is refused, nothing is sent
    status, body, _ = await api.call("POST", f"/api/v1/sessions/{p['closing']['id']}/cancel",
                                     role="protocol")
    assert status == 200, body
    status, page, _ = await protocol.post_form(url, url, fingerprint=stale)
    assert status == 409 and 'id="form-error"' in page
    assert _counts(page) == {"invitation": 0, "update": 2, "cancellation": 2}
    _, version, _ = await api.call("GET", "/api/v1/conferences/alliance/programme")
    assert version["version"] == 1
    status, _, resp = await protocol.go("POST", url, {"csrf": hidden(page, "csrf"),
                                                     "fingerprint": hidden(page,
                                                                           "fingerprint")})
    assert status == 303, resp
    arrived = await _arrived(smtp, 8)
    assert len(arrived) == 8
    assert sum(str(m["Subject"]).startswith("Updated") or
               str(m["Subject"]).startswith("Mise à jour") for m in arrived) == 2


async def test_the_api_publishes_as_before_and_refuses_a_stale_fingerprint(
    api: Api, smtp: RecordingSMTP, conference: dict[str, Any]
) -> None:
    await _programme(api, conference)
    path = "/api/v1/conferences/alliance/programme/publish"
    status, body, resp = await api.call("POST", path, role="protocol",
                                        json={"expected_fingerprint": "0" * 32})
    assert status == 409, body
    assert body["type"].endswith("stale-preview")
    assert resp.headers["Content-Type"].startswith("application/problem+json")
    status, preview, _ = await api.call(
        "GET", "/api/v1/conferences/alliance/programme/preview", role="protocol")
    assert status == 200, preview
    assert (preview["latest"], preview["version"]) == (None, 1)
    assert [s["title"]["en"] for s in preview["changes"]["added"]] == ["Opening session",
                                                                       "Closing"]
    status, body, _ = await api.call("POST", path, role="protocol",
                                     json={"expected_fingerprint": preview["fingerprint"]})
    assert status == 201 and body["version"] == 1
    # the same preview, once published, is stale: the latest version moved on
    status, body, _ = await api.call("POST", path, role="protocol",
                                     json={"expected_fingerprint": preview["fingerprint"]})
    assert status == 409 and body["type"].endswith("stale-preview")
    # without a fingerprint, publishing works as it always did
    status, body, _ = await api.call("POST", path, role="protocol")
    assert status == 200 and body["published"] is False
    status, body, _ = await api.call("POST", path, role="protocol",
                                     json={"expected_fingerprint": ""})
    assert status == 422


async def test_a_publication_needs_its_preview_and_its_token(
    api: Api, smtp: RecordingSMTP, conference: dict[str, Any]
) -> None:
    await _programme(api, conference)
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    url = f"{BASE}/publish"
    status, page, _ = await protocol.post_form(url, url)
    assert status == 422 and 'id="form-error"' in page
    status, page, _ = await protocol.go("POST", url, {"fingerprint": "x"})
    assert status == 403
    _, body, _ = await api.call("GET", "/api/v1/conferences/alliance/programme")
    assert body["status"] == 404


# --- webhooks -----------------------------------------------------------------------------


async def test_an_admin_lists_and_deletes_webhooks_protocol_does_not(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _setup(api, smtp)
    status, hook, _ = await api.call("POST", "/api/v1/conferences/alliance/webhooks",
                                     role="admin", json={"url": "https://hooks.example.org/x",
                                                         "event_types": ["*"]})
    assert status == 201, hook
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    admin = await staff(api, smtp, "admin@example.org", "admin", conference=None)
    status, _, _ = await protocol.go("GET", f"{BASE}/webhooks")
    assert status == 403
    status, page, _ = await protocol.go("GET", BASE)
    assert f"{BASE}/webhooks" not in page
    status, page, _ = await admin.go("GET", f"{BASE}/webhooks")
    assert status == 200 and "https://hooks.example.org/x" in element(page, f"webhook-{hook['id']}")
    delete = f"{BASE}/webhooks/{hook['id']}/delete"
    status, _, _ = await protocol.post_form(BASE, delete)
    assert status == 403
    status, _, resp = await admin.post_form(f"{BASE}/webhooks", delete)
    assert status == 303, resp
    status, page, _ = await admin.go("GET", resp.headers["Location"])
    assert 'id="webhooks-empty"' in page and 'id="flash"' in page
    _, hooks, _ = await api.call("GET", "/api/v1/conferences/alliance/webhooks", role="admin")
    assert hooks["items"] == []
    status, _, _ = await admin.post_form(f"{BASE}/webhooks", delete)
    assert status == 404


async def test_the_english_preview_names_rooms_in_english_and_times_as_spans(
    api: Api, smtp: RecordingSMTP, conference: dict[str, Any]
) -> None:
    """Found in a user test: the English preview read « Room changed – …: Salle plénière →
    Salle 1 » and « Added – Test, 18 January 2027, 03:00 CET, Salle 1 », the rooms in French
    and the new session's time in another form than a move's."""
    plenary = await make_room(api, {"fr": "Salle plénière", "en": "Plenary hall"})
    one = await make_room(api, {"fr": "Salle 1", "en": "Room 1"})
    closing = await make_session(api, plenary, at(conference, 16), at(conference, 17),
                                 title={"fr": "Clôture", "en": "Closing"})
    status, body, _ = await api.call("POST", "/api/v1/conferences/alliance/programme/publish",
                                     role="protocol")
    assert status == 201, body
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{closing['id']}",
                                     role="protocol", json={"room_id": one["id"]})
    assert status == 200, body
    await make_session(api, one, at(conference, 9), at(conference, 10),
                       title={"fr": "Ouverture", "en": "Opening"})
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    _, page, _ = await protocol.go("GET", f"{BASE}/publish?lang=en")
    changes = element(page, "changelog")
    assert "Room changed – Closing: Plenary hall → Room 1" in changes
    assert re.search(r"Added – Opening: \w+day \d+ \w+ \d{4}, 09:00 – 10:00 \(CET\), Room 1",
                     changes), changes
    _, page, _ = await protocol.go("GET", f"{BASE}/publish?lang=fr")
    changes = element(page, "changelog")
    assert "Changement de salle – Clôture : Salle plénière → Salle 1" in changes
    assert "Salle 1" in changes and "Room 1" not in changes
