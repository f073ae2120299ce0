"""The press desk's pools page (``/manage/{slug}/press/pools``, docs/workspaces.md, "Press
pools"): the press office creates a pool, adds an approved journalist and takes them out again,
all through forms; a duplicate name, a journalist not approved or already in another pool come
back as the form's error naming its field, never a 500; the application's page names the pool;
other roles are refused and a visitor not signed in is sent to sign in. A real database and a
real SMTP server."""

from __future__ import annotations

import html
import re
from typing import Any
from uuid import uuid4

import asyncpg

from tests.browser.helpers import element, hidden, member, press, switch_fields
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import at, make_delegation, make_room, make_session
from tests.http.test_workspaces import Visitor, _signed_in, link_in
from tests.support import RecordingSMTP

POOLS = "/manage/alliance/press/pools"


async def _officer(api: Api, smtp: RecordingSMTP, email: str = "press@example.org",
                   role: str = "press_office", conference: str = "alliance") -> Visitor:
    status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
        "email": email, "name": "Tove Ernst", "language": "en",
        "grants": [{"role": role, "conference": conference}]})
    assert status == 201, person
    [welcome] = await smtp.wait_for(1, where=lambda m: email in m["To"])
    return await _signed_in(api, link_in(welcome))


async def _conference(api: Api, slug: str = "alliance") -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(slug))
    assert status == 201, body


def _pools(page: str) -> dict[str, str]:
    """The pools the page lists: name -> id."""
    return {html.unescape(name): pool_id for pool_id, name in re.findall(
        r'<h2 id="pool-([0-9a-f-]{36})-title">([^<]*)</h2>', page)}


def _section(page: str, pool_id: str) -> str:
    start = page.index(f'<section class="pool-card" id="pool-{pool_id}"')
    return page[start:page.index("</section>", start)]


def _offered(section: str) -> list[str]:
    """The journalists a pool's add form offers, as the select names them."""
    if '<select id="member-' not in section:
        return []
    start = section.index('<select id="member-')
    select = section[start:section.index("</select>", start)]
    return [html.unescape(t) for v, t in re.findall(r'<option value="([^"]+)">([^<]*)<',
                                                    select)]


def _members(section: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", m)).strip() for m in re.findall(
        r'<span class="pool-member">(.*?)</span>\s*<form', section, re.S)]


async def _create(v: Visitor, name: str) -> tuple[int, str, Any]:
    _, page, _ = await v.go("GET", f"{POOLS}?lang=en")
    return await v.go("POST", f"{POOLS}?lang=en", {"csrf": hidden(page, "csrf"), "name": name})


async def _add(v: Visitor, pool_id: str, accreditation_id: str) -> tuple[int, str, Any]:
    _, page, _ = await v.go("GET", f"{POOLS}?lang=en")
    return await v.go("POST", f"{POOLS}/{pool_id}/members?lang=en",
                      {"csrf": hidden(page, "csrf"), "accreditation_id": accreditation_id})


async def _rejected(api: Api, n: int) -> dict[str, Any]:
    created = await press(api, n)
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="press_office",
        json={"decision": "reject", "reason": "Not a news organisation."})
    assert status == 200, body
    return created


async def _api_members(api: Api) -> dict[str, list[str]]:
    status, body, _ = await api.call("GET", "/api/v1/conferences/alliance/pools",
                                     role="press_office")
    assert status == 200, body
    return {p["name"]: p["members"] for p in body["items"]}


async def test_press_office_creates_a_pool_adds_a_journalist_and_removes_them(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    await _conference(api)
    v = await _officer(api, smtp)
    first = await press(api, 1, decision="approve")
    second = await press(api, 2, decision="approve")
    await press(api, 3)  # submitted: not offered
    await _rejected(api, 4)  # not offered

    status, queue, _ = await v.go("GET", "/manage/alliance/press?lang=en")
    assert status == 200
    assert f'href="{POOLS}?lang=en" id="pools-link"' in queue
    status, page, _ = await v.go("GET", f"{POOLS}?lang=en")
    assert status == 200, page
    assert 'id="no-pools"' in page and "No pool yet." in page

    status, _, resp = await _create(v, "  Royal visit pool ")
    assert status == 303 and "done=created" in resp.headers["Location"]
    _, page, _ = await v.go("GET", resp.headers["Location"])
    assert "Pool created." in page
    pool_id = _pools(page)["Royal visit pool"]  # the name trimmed
    section = _section(page, pool_id)
    assert "0 members" in section and _members(section) == []
    assert _offered(section) == ["Marie Dupont1 – Le Soir", "Marie Dupont2 – Le Soir"]

    status, _, resp = await _add(v, pool_id, first["id"])
    assert status == 303 and "done=added" in resp.headers["Location"]
    _, page, _ = await v.go("GET", resp.headers["Location"])
    assert "Marie Dupont1 is now in the pool." in page
    section = _section(page, pool_id)
    assert "1 member" in section
    assert _members(section) == ["Marie Dupont1 – Le Soir, Journalist"]
    assert _offered(section) == ["Marie Dupont2 – Le Soir"]  # one pool per person
    assert await _api_members(api) == {"Royal visit pool": [first["id"]]}
    assert await db.fetchval("SELECT count(*) FROM domain_event "
                             "WHERE type = 'pool.member_added'") == 1

    # the application's page names the pool, and "in no pool" for another journalist
    _, app_page, _ = await v.go("GET", f"/manage/alliance/press/{first['id']}?lang=en")
    shown = re.search(r'<dd id="press-pool">(.*?)</dd>', app_page, re.S)
    assert shown and "Royal visit pool" in shown.group(1)
    assert f'href="{POOLS}?lang=en"' in shown.group(1)
    _, app_page, _ = await v.go("GET", f"/manage/alliance/press/{second['id']}?lang=en")
    shown = re.search(r'<dd id="press-pool">(.*?)</dd>', app_page, re.S)
    assert shown and "In no pool" in shown.group(1)

    # in French too
    _, page_fr, _ = await v.go("GET", f"{POOLS}?lang=fr")
    assert "1\u00a0membre" in _section(page_fr, pool_id)

    status, _, resp = await v.go(
        "POST", f"{POOLS}/{pool_id}/members/{first['id']}/remove?lang=en",
        {"csrf": hidden(page, "csrf")})
    assert status == 303 and "done=removed" in resp.headers["Location"]
    _, page, _ = await v.go("GET", resp.headers["Location"])
    assert "Marie Dupont1 is no longer in the pool." in page
    section = _section(page, pool_id)
    assert "0 members" in section and _members(section) == []
    assert await _api_members(api) == {"Royal visit pool": []}
    # taken out already: nothing to remove
    status, _, _ = await v.go("POST", f"{POOLS}/{pool_id}/members/{first['id']}/remove",
                              {"csrf": hidden(page, "csrf")})
    assert status == 404


async def test_a_duplicate_or_missing_name_is_the_name_field_s_error(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    await _conference(api)
    v = await _officer(api, smtp)
    status, _, _ = await _create(v, "Pool A")
    assert status == 303
    status, page, _ = await _create(v, "Pool A")
    assert status == 409, page
    summary = page[page.index('id="error-summary"'):]
    summary = summary[:summary.index("</div>")]
    assert '<a href="#name">Pool name</a>' in summary
    assert "A pool already has this name" in summary
    assert 'id="name-error"' in page and 'aria-invalid="true"' in page
    assert 'value="Pool A"' in page  # kept in the field
    status, page, _ = await _create(v, "   ")
    assert status == 422
    assert 'id="name-error"' in page and "Give the pool a name" in page
    assert await db.fetchval("SELECT count(*) FROM press_pool") == 1
    # in French, the same field named
    _, fresh, _ = await v.go("GET", f"{POOLS}?lang=fr")
    status, page, _ = await v.go("POST", f"{POOLS}?lang=fr",
                                 {"csrf": hidden(fresh, "csrf"), "name": "Pool A"})
    assert status == 409 and '<a href="#name">Nom du pool</a>' in page
    # the header's language control carries the name typed, creates nothing
    _, page, _ = await v.go("GET", f"{POOLS}?lang=en")
    action, fields = switch_fields(page)
    assert action == f"{POOLS}?lang=fr" and fields["switch"] == "1"
    status, page, _ = await v.go("POST", action, {**fields, "name": "Pool B"})
    assert status == 200 and '<h1>Pools de presse</h1>' in page
    assert 'value="Pool B"' in page and 'id="name-error"' not in page
    # without the form's CSRF token: nothing created
    status, _, _ = await v.go("POST", f"{POOLS}?lang=en", {"name": "Pool B"})
    assert status == 403
    assert await db.fetchval("SELECT count(*) FROM press_pool") == 1


async def test_refusals_come_back_on_the_pool_s_add_form(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    await _conference(api)
    await _conference(api, "other")
    v = await _officer(api, smtp)
    approved = await press(api, 1, decision="approve")
    rejected = await _rejected(api, 2)
    for name in ("Pool A", "Pool B"):
        status, _, _ = await _create(v, name)
        assert status == 303
    _, page, _ = await v.go("GET", f"{POOLS}?lang=en")
    ids = _pools(page)
    status, _, _ = await _add(v, ids["Pool A"], approved["id"])
    assert status == 303

    field = f"member-{ids['Pool B']}"
    # already in another pool
    status, page, _ = await _add(v, ids["Pool B"], approved["id"])
    assert status == 409, page
    assert f'<a href="#{field}">Approved journalist to add to the pool Pool B</a>' in page
    assert f'id="{field}-error"' in page
    assert "already in the pool Pool A: remove them from it first" in page
    # not approved (rejected)
    status, page, _ = await _add(v, ids["Pool B"], rejected["id"])
    assert status == 409, page
    assert f'id="{field}-error"' in page and "is not accredited" in page
    # nobody chosen, or nobody's id
    status, page, _ = await _add(v, ids["Pool B"], "")
    assert status == 422 and "Choose a journalist." in page and f'id="{field}-error"' in page
    status, page, _ = await _add(v, ids["Pool B"], str(uuid4()))
    assert status == 422 and f'id="{field}-error"' in page
    # not press: a minister of a delegation, approved
    minister = await member(api, await make_delegation(api, country="BE"), "Peeters")
    status, page, _ = await _add(v, ids["Pool B"], minister["id"])
    assert status == 422 and "Choose an approved journalist of this conference." in page
    assert await _api_members(api) == {"Pool A": [approved["id"]], "Pool B": []}

    # another conference's pool is not this page's
    other = await _officer(api, smtp, "other@example.org", conference="other")
    _, other_page, _ = await other.go("GET", "/manage/other/press/pools")
    status, _, _ = await other.go(
        "POST", f"/manage/other/press/pools/{ids['Pool A']}/members/{approved['id']}/remove",
        {"csrf": hidden(other_page, "csrf")})
    assert status == 404
    status, _, _ = await other.go(
        "POST", f"/manage/other/press/pools/{ids['Pool B']}/members",
        {"csrf": hidden(other_page, "csrf"), "accreditation_id": approved["id"]})
    assert status == 404
    assert await _api_members(api) == {"Pool A": [approved["id"]], "Pool B": []}
    assert await db.fetchval("SELECT count(*) FROM domain_event "
                             "WHERE type LIKE 'pool.member%'") == 1


async def test_only_the_press_office_and_admin_open_the_pools_page(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    officer = await _officer(api, smtp)
    status, _, _ = await _create(officer, "Pool A")
    assert status == 303
    _, page, _ = await officer.go("GET", f"{POOLS}?lang=en")
    pool_id = _pools(page)["Pool A"]
    journalist = await press(api, 1, decision="approve")

    anonymous = Visitor(api)
    api.client.session.cookie_jar.clear()  # the test client's jar holds the officer's cookie
    for method, path in (("GET", POOLS), ("POST", POOLS),
                         ("POST", f"{POOLS}/{pool_id}/members")):
        status, _, resp = await anonymous.go(method, path, {"name": "x"}
                                             if method == "POST" else None)
        assert status == 303 and resp.headers["Location"].startswith("/signin"), path

    await make_delegation(api, country="BE")
    [welcome] = await smtp.wait_for(1, where=lambda m: "fp-be@example.org" in m["To"])
    focal_point = await _signed_in(api, link_in(welcome))
    security = await _officer(api, smtp, "security@example.org", "security")
    protocol = await _officer(api, smtp, "protocol@example.org", "protocol")
    for v in (focal_point, security, protocol):
        _, own, _ = await v.go("GET", "/workspaces")
        status, _, _ = await v.go("GET", POOLS)
        assert status == 403
        status, _, _ = await v.go("POST", POOLS, {"csrf": hidden(own, "csrf"), "name": "B"})
        assert status == 403
        status, _, _ = await v.go("POST", f"{POOLS}/{pool_id}/members",
                                  {"csrf": hidden(own, "csrf"),
                                   "accreditation_id": journalist["id"]})
        assert status == 403
    assert await _api_members(api) == {"Pool A": []}

    admin = await _officer(api, smtp, "admin@example.org", "admin")
    status, page, _ = await admin.go("GET", f"{POOLS}?lang=en")
    assert status == 200 and "Pool A" in page


def _groups(section: str) -> list[tuple[str, list[str]]]:
    """The add form's choices by role: each group's label and the journalists it offers."""
    if '<select id="member-' not in section:
        return []
    start = section.index('<select id="member-')
    select = section[start:section.index("</select>", start)]
    return [(html.unescape(label), [html.unescape(t) for t in re.findall(
        r'<option value="[^"]+">([^<]*)<', group)])
        for label, group in re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', select,
                                       re.S)]


async def test_the_add_form_offers_the_journalists_by_role(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A pool for the royal photo opportunity is made of photographers and camera operators:
    the select named each approved journalist by name and outlet only, so the press officer
    opened applications one by one to find them (found trying the desk with 40 approved). It
    groups them by role, in the queue's order; a role nobody has is no group."""
    await _conference(api)
    v = await _officer(api, smtp)
    for n, role in ((1, "journalist"), (2, "camera"), (3, "photographer"), (4, "journalist")):
        body = {"outlet": "Le Soir", "press_card_number": f"BE-{1000 + n}", "role": role,
                "country": "BE"}
        await press(api, n, decision="approve", press=body)
    status, _, resp = await _create(v, "Royal photo opportunity")
    _, page, _ = await v.go("GET", resp.headers["Location"])
    section = _section(page, _pools(page)["Royal photo opportunity"])
    assert _groups(section) == [
        ("Journalist", ["Marie Dupont1 – Le Soir", "Marie Dupont4 – Le Soir"]),
        ("Photographer", ["Marie Dupont3 – Le Soir"]),
        ("Camera operator", ["Marie Dupont2 – Le Soir"]),
    ]
    _, page, _ = await v.go("GET", f"{POOLS}?lang=fr")
    section = _section(page, _pools(page)["Royal photo opportunity"])
    assert [label for label, _ in _groups(section)] == ["Journaliste", "Photographe",
                                                         "Prise de vues"]


async def test_the_pools_download_as_a_file_for_people(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The press office hands a pool's members on (the royal household, the security service,
    the pool itself) for a pool session: the page showed them and nothing could be exported
    (found trying the desk: "export lists"). The pools page links a CSV of every pool's
    members, a download for people (docs/lifecycle.md, "CSV files"): BOM, ";", the role and
    the status also in words, in the page's language. Other roles are refused."""
    await _conference(api)
    v = await _officer(api, smtp)
    _, page, _ = await v.go("GET", f"{POOLS}?lang=en")
    assert 'id="pools-csv"' not in page  # no pool yet: nothing to download
    photographer = await press(api, 1, decision="approve", press={
        "outlet": "=Le Soir", "press_card_number": "BE-1001", "role": "photographer",
        "country": "BE"})
    journalist = await press(api, 2, decision="approve")
    await press(api, 3, decision="approve")  # in no pool: not in the file
    _, _, resp = await _create(v, "Royal photo opportunity")
    _, page, _ = await v.go("GET", resp.headers["Location"])
    royal = _pools(page)["Royal photo opportunity"]
    _, _, resp = await _create(v, "Opening pool")
    _, page, _ = await v.go("GET", resp.headers["Location"])
    opening = _pools(page)["Opening pool"]
    assert (await _add(v, royal, photographer["id"]))[0] == 303
    assert (await _add(v, opening, journalist["id"]))[0] == 303
    # revoked since: still in the pool, the file says so
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{journalist['id']}/revoke", role="press_office",
        json={"reason": "Badge lent."})
    assert status == 200, body

    _, page, _ = await v.go("GET", f"{POOLS}?lang=en")
    assert element(page, "pools-csv") == "Download as CSV"
    assert f'href="{POOLS}.csv?lang=en"' in page
    status, text, resp = await v.go("GET", f"{POOLS}.csv?lang=en")
    assert status == 200
    assert resp.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert resp.headers["Content-Disposition"] == \
        'attachment; filename="press-pools-alliance.csv"'
    assert resp.headers["Cache-Control"] == "no-store"
    assert text.split("\r\n") == [
        "\ufeffPool;Family name;Given name;Outlet;Role (code);Role;Status (code);Status",
        "Royal photo opportunity;Dupont1;Marie;'=Le Soir;photographer;Photographer;approved;"
        "Approved",
        "Opening pool;Dupont2;Marie;Le Soir;journalist;Journalist;revoked;Revoked",
        ""]
    _, text, _ = await v.go("GET", f"{POOLS}.csv?lang=fr")
    assert text.split("\r\n")[0] == \
        "\ufeffPool;Nom;Prénom;Média;Fonction (code);Fonction;État (code);État"
    assert text.split("\r\n")[1].endswith(";photographer;Photographe;approved;Accordée")

    # the desk's roles only
    protocol = await _officer(api, smtp, "protocol@example.org", role="protocol")
    status, _, _ = await protocol.go("GET", f"{POOLS}.csv?lang=en")
    assert status == 403


async def test_the_pools_page_says_whose_clearance_keeps_the_badge_back(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Tried on the meeting's day (5 December 2026): the royal pool's list offered a journalist
    whose clearance was refused (never a badge) and one whose clearance was pending, with
    nothing said. The add form says each journalist's clearance beside the name and no longer
    offers the one refused; the members' list says what keeps a badge back."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["press"]))
    assert status == 201, body
    v = await _officer(api, smtp)
    cleared = await press(api, 1, decision="approve")
    refused = await press(api, 2, decision="approve")
    pending = await press(api, 3, decision="approve")
    for who, status_ in ((cleared, "cleared"), (refused, "refused")):
        status, answer, _ = await api.call(
            "POST", f"/api/v1/accreditations/{who['id']}/vetting/status", role="protocol",
            json={"status": status_, **({"reason": "National record."}
                                        if status_ == "refused" else {})})
        assert status == 200, answer
    status, _, _ = await _create(v, "Royal pool")
    assert status == 303
    _, page, _ = await v.go("GET", f"{POOLS}?lang=en")
    [pool_id] = _pools(page).values()
    offered = _offered(_section(page, pool_id))
    assert offered == [
        f"{cleared['given_name']} {cleared['family_name']} – {cleared['press']['outlet']} "
        "(clearance granted)",
        f"{pending['given_name']} {pending['family_name']} – {pending['press']['outlet']} "
        "(clearance pending)"]
    assert not any(refused["family_name"] in o for o in offered)
    _, page_fr, _ = await v.go("GET", f"{POOLS}?lang=fr")
    assert _offered(_section(page_fr, pool_id))[1].endswith("(habilitation en attente)")
    status, _, _ = await _add(v, pool_id, pending["id"])
    assert status == 303
    _, page, _ = await v.go("GET", f"{POOLS}?lang=fr")
    assert element(page, f"pool-clearance-{pending['id']}") == (
        "(habilitation attendue : pas encore de badge)")
    # the refused journalist sent by hand (an old tab, a script): refused, said on the field;
    # through the API too, 409 naming the clearance
    status, page, _ = await _add(v, pool_id, refused["id"])
    assert status == 409
    assert "security clearance was refused" in html.unescape(page)
    status, problem, _ = await api.call(
        "PUT", f"/api/v1/pools/{pool_id}/members/{refused['id']}", role="press_office")
    assert (status, problem["accreditation_id"]) == (409, refused["id"]), problem
    assert "clearance" in problem["title"].lower()


def _covered(section: str) -> list[str]:
    """The sessions a pool's card says it covers, as it names them."""
    return [html.unescape(re.sub(r"<[^>]+>", "", m)).strip() for m in re.findall(
        r'<span class="pool-session">(.*?)</span>\s*<form', section, re.S)]


def _to_cover(section: str) -> list[str]:
    """The sessions a pool's cover form offers, as the select names them."""
    if '<select id="session-' not in section:
        return []
    start = section.index('<select id="session-')
    select = section[start:section.index("</select>", start)]
    return [html.unescape(t) for v, t in re.findall(r'<option value="([^"]+)">([^<]*)<',
                                                    select)]


async def test_the_pools_page_links_a_pool_to_the_sessions_it_covers(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    """Each pool says the sessions it covers; its cover form offers only the sessions for the
    pool or a photo opportunity it does not cover yet; the press office links and unlinks
    them by forms, each change its event, in French and in English."""
    await _conference(api)
    await _conference(api, "other")
    v = await _officer(api, smtp)
    conference = (await api.call("GET", "/api/v1/conferences/alliance"))[1]
    room = await make_room(api)
    opening = await make_session(api, room, at(conference, 9), at(conference, 10),
                                 press_access="pool",
                                 title={"fr": "Ouverture royale", "en": "Royal opening"})
    photo = await make_session(api, room, at(conference, 11), at(conference, 12),
                               press_access="photo_opportunity",
                               title={"fr": "Photo de famille", "en": "Family photo"})
    await make_session(api, room, at(conference, 13), at(conference, 14),
                       press_access="closed", title={"fr": "Huis clos", "en": "Closed door"})
    await make_session(api, room, at(conference, 15), at(conference, 16),
                       press_access="open", title={"fr": "Point presse", "en": "Briefing"})
    status, _, _ = await _create(v, "Royal pool")
    assert status == 303
    _, page, _ = await v.go("GET", f"{POOLS}?lang=en")
    pool_id = _pools(page)["Royal pool"]
    section = _section(page, pool_id)
    assert _covered(section) == []
    assert element(section, f"pool-{pool_id}-no-sessions") == (
        "This pool covers no session: the pool invites its members to none.")
    offered = _to_cover(section)
    assert [o.split(" – ")[0] for o in offered] == ["Royal opening", "Family photo"]
    assert offered[0].endswith("(Press: pool only)")
    assert offered[1].endswith("(Press: photo opportunity only)")

    field = f"session-{pool_id}"
    status, _, resp = await v.go("POST", f"{POOLS}/{pool_id}/sessions?lang=en",
                                 {"csrf": hidden(page, "csrf"), "session_id": opening["id"]})
    assert status == 303 and "done=linked" in resp.headers["Location"]
    _, page, _ = await v.go("GET", resp.headers["Location"])
    assert "The pool now covers Royal opening." in page
    section = _section(page, pool_id)
    assert [c.split(" – ")[0] for c in _covered(section)] == ["Royal opening"]
    assert [o.split(" – ")[0] for o in _to_cover(section)] == ["Family photo"]
    status, listed, _ = await api.call("GET", "/api/v1/conferences/alliance/pools",
                                       role="press_office")
    assert listed["items"][0]["sessions"] == [opening["id"]]

    # in French
    _, page_fr, _ = await v.go("GET", f"{POOLS}?lang=fr")
    section_fr = _section(page_fr, pool_id)
    assert "Séances couvertes" in section_fr
    assert [c.split(" – ")[0] for c in _covered(section_fr)] == ["Ouverture royale"]
    assert f'<label for="{field}">Séance que le pool Royal pool couvre</label>' in section_fr

    # nothing chosen, a session closed to the press (a form sent by hand): the field's error
    status, page, _ = await v.go("POST", f"{POOLS}/{pool_id}/sessions?lang=en",
                                 {"csrf": hidden(page, "csrf"), "session_id": ""})
    assert status == 422 and f'id="{field}-error"' in page and "Choose a session." in page
    assert f'<a href="#{field}">Session the pool Royal pool covers</a>' in page
    closed_id = await db.fetchval("SELECT id FROM session WHERE press_access = 'closed'")
    status, page, _ = await v.go("POST", f"{POOLS}/{pool_id}/sessions?lang=en",
                                 {"csrf": hidden(page, "csrf"), "session_id": str(closed_id)})
    assert status == 409 and f'id="{field}-error"' in page
    assert "neither for the press pool nor a photo opportunity" in page
    # without the CSRF token: nothing linked
    status, _, _ = await v.go("POST", f"{POOLS}/{pool_id}/sessions?lang=en",
                              {"session_id": photo["id"]})
    assert status == 403
    _, page, _ = await v.go("GET", f"{POOLS}?lang=en")
    status, _, resp = await v.go(
        "POST", f"{POOLS}/{pool_id}/sessions/{opening['id']}/remove?lang=en",
        {"csrf": hidden(page, "csrf")})
    assert status == 303 and "done=unlinked" in resp.headers["Location"]
    _, page, _ = await v.go("GET", resp.headers["Location"])
    assert "The pool no longer covers Royal opening." in page
    assert _covered(_section(page, pool_id)) == []
    status, _, _ = await v.go(
        "POST", f"{POOLS}/{pool_id}/sessions/{opening['id']}/remove?lang=en",
        {"csrf": hidden(page, "csrf")})
    assert status == 404  # no longer covered
    # another conference's page does not reach this pool (signed in as its officer now)
    other = await _officer(api, smtp, "other@example.org", conference="other")
    _, other_page, _ = await other.go("GET", "/manage/other/press/pools")
    status, _, _ = await other.go("POST", f"/manage/other/press/pools/{pool_id}/sessions",
                                  {"csrf": hidden(other_page, "csrf"),
                                   "session_id": photo["id"]})
    assert status == 404
    assert await db.fetchval("SELECT count(*) FROM domain_event "
                             "WHERE type LIKE 'pool.session_%'") == 2
