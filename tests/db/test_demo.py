"""`conference demo`: the Brussels launch conference of 5 December 2012, and a follow-up meeting
whose press registration is open now, each loaded once; the URLs it prints answer."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
from pypdf import PdfReader

from conference.conferences.repo import conference_by_slug, delegations_of
from conference.demo import OPEN_SLUG, SLUG, load_demo
from tests.conftest import Api, press_body
from tests.http.test_console import staff
from tests.http.test_credentials import image, put
from tests.support import RecordingSMTP, current_token, outbox_settled


async def test_demo_loads_the_launch_conference_once(db: asyncpg.Connection) -> None:
    await load_demo(db)
    await load_demo(db)
    c = await conference_by_slug(db, SLUG)
    assert c.title.en == "Launch of the Global Alliance against Child Sexual Abuse Online"
    assert c.title.fr.startswith("Lancement de l'Alliance mondiale")
    assert c.patron is not None and c.patron.style.en == "H.M. Queen Paola of Belgium"
    assert [h.name for h in c.hosts] == ["Cecilia Malmström", "Eric Holder"]
    assert [(s.name, s.phone) for s in c.spokespersons] == [
        ("Michele Cercone", "+3222980963"), ("Tove Ernst", "+3222986764")]
    assert str(c.starts_on) == "2012-12-05" and c.timezone == "Europe/Brussels"
    delegations = await delegations_of(db, c.id)
    codes = sorted(d.country or "" for d in delegations)
    assert len(codes) == 48
    eu = {"BE", "BG", "CZ", "DK", "DE", "EE", "IE", "GR", "ES", "FR", "IT", "CY", "LV", "LT",
          "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE", "GB"}
    assert eu <= set(codes)
    assert set(codes) - eu == {"AL", "AU", "KH", "HR", "GE", "GH", "JP", "MD", "ME", "NZ", "NG",
                               "NO", "PH", "RS", "KR", "CH", "TH", "TR", "UA", "US", "VN"}


# -- the follow-up meeting: its press registration is open now --------------------------------


def _printed_urls(summary: str, base_url: str) -> dict[str, str]:
    """The URLs `conference demo` prints, by what they are (the text before the colon)."""
    found = {}
    for line in summary.splitlines():
        what, sep, url = line.partition(": ")
        if sep and url.strip().startswith(base_url):
            found[what.strip()] = url.strip()
    return found


async def test_demo_loads_a_conference_whose_press_window_is_open_once(
    db: asyncpg.Connection,
) -> None:
    first_run = datetime.now(UTC)
    await load_demo(db, now=first_run)
    # run again a week later: nothing is added, the window stays open
    again = first_run + timedelta(days=7)
    summary = await load_demo(db, now=again)
    assert f"{OPEN_SLUG}: press registration open until" in summary
    assert summary.count("published now") == 0
    assert await db.fetchval("SELECT count(*) FROM conference WHERE slug = $1", OPEN_SLUG) == 1
    c = await conference_by_slug(db, OPEN_SLUG)
    window = c.press_registration
    for moment in (first_run, again, datetime.now(UTC)):
        assert window.opens_at <= moment < window.closes_at
    assert window.opens_at == (first_run - timedelta(days=1)).replace(microsecond=0)
    assert window.closes_at == (first_run + timedelta(days=30)).replace(microsecond=0)
    assert c.starts_on > window.closes_at.date()
    assert c.short_name is not None and c.short_name.en == "Global Alliance follow-up"
    assert sorted(d.name for d in await delegations_of(db, c.id)) == [
        "Belgium", "Europol", "France"]
    assert await db.fetchval("SELECT count(*) FROM room WHERE conference_id = $1", c.id) == 3
    # a bilingual meeting: its rooms are named in both languages (French pages say "Salle")
    assert sorted(tuple(r) for r in await db.fetch(
        "SELECT name_fr, name_en FROM room WHERE conference_id = $1", c.id)) == [
        ("Salle 1", "Room 1"), ("Salle de presse", "Press room"),
        ("Salle plénière", "Plenary hall")]
    assert await db.fetchval(
        "SELECT count(*) FROM programme_version WHERE conference_id = $1", c.id) == 1
    snapshot = await db.fetchval(
        "SELECT jsonb_array_length(snapshot -> 'sessions') FROM programme_version"
        " WHERE conference_id = $1", c.id)
    assert snapshot == 6


async def test_a_demo_loaded_once_more_after_its_window_closed_opens_it_again(
    db: asyncpg.Connection,
) -> None:
    first_run = datetime.now(UTC) - timedelta(days=40)  # the window closed ten days ago
    await load_demo(db, now=first_run)
    c = await conference_by_slug(db, OPEN_SLUG)
    assert c.press_registration.closes_at < datetime.now(UTC)
    summary = await load_demo(db)
    assert f"{OPEN_SLUG}: press registration open again until" in summary
    assert await db.fetchval("SELECT count(*) FROM conference WHERE slug = $1", OPEN_SLUG) == 1
    reopened = (await conference_by_slug(db, OPEN_SLUG)).press_registration
    assert reopened.opens_at <= datetime.now(UTC) < reopened.closes_at
    assert reopened.closes_at > datetime.now(UTC) + timedelta(days=29)
    assert reopened.pool_capacity == c.press_registration.pool_capacity
    assert await db.fetchval("SELECT count(*) FROM domain_event WHERE type = $1",
                             "conference.press_window_set") == 1
    # and once open, loading again leaves it as it is
    await load_demo(db)
    assert (await conference_by_slug(db, OPEN_SLUG)).press_registration == reopened


async def test_the_printed_urls_answer_when_served(api: Api, db: asyncpg.Connection) -> None:
    base = "https://conference.test"  # the public_url of the test settings
    summary = await load_demo(db, base_url=base)
    printed = _printed_urls(summary, base)
    assert set(printed) == {
        "press registration form", "public programme", "privacy notice",
        "programme calendar (ICS)", "sign-in (press desk, protocol console)",
        "press desk, once signed in", "protocol console, once signed in",
        "programme of the 2012 launch"}
    for what, url in printed.items():
        path = url.removeprefix(base)
        resp = await api.client.get(path)  # a workspace sends an unknown visitor to sign in
        assert resp.status == 200, (what, url, resp.status)
        text = await resp.text()
        if what.endswith(", once signed in"):
            assert resp.url.path == "/signin", what
        if what == "press registration form":
            assert 'name="given_name"' in text and 'name="press_card_number"' in text
        if what == "programme calendar (ICS)":
            assert text.startswith("BEGIN:VCALENDAR") and text.count("BEGIN:VEVENT") == 6
        if what == "public programme":
            assert "Press conference" in text or "Point de presse" in text


async def test_the_demo_s_approved_journalist_s_badge_names_the_press_zones(
    api: Api, db: asyncpg.Connection
) -> None:
    """The demo defined no zone: an approved journalist's badge said "No zone granted", and
    the door could admit them nowhere. The follow-up meeting now has the zones a real one
    defines (docs/credentials.md, "Badge production")."""
    await load_demo(db)
    await load_demo(db)  # once each
    zones = await db.fetch("SELECT code FROM zone z JOIN conference c ON c.id = z.conference_id"
                           " WHERE c.slug = $1 ORDER BY z.seq", OPEN_SLUG)
    assert [z["code"] for z in zones] == ["press-centre", "press-room", "plenary-hall",
                                          "room-1"]
    texts = {}
    for n, language in enumerate(("fr", "en")):
        status, created, _ = await api.call(
            "POST", f"/api/v1/conferences/{OPEN_SLUG}/accreditations",
            json=press_body(n, language=language))
        assert status == 201, created
        status, decided, _ = await api.call(
            "POST", f"/api/v1/accreditations/{created['id']}/decision", role="press_office",
            json={"decision": "approve"})
        assert status == 200, decided
        secret = await current_token(api.db_url, created["id"])
        # the meeting vets the press and prints their photo: no badge before both
        resp = await api.client.get(f"/a/{secret}/badge.pdf")
        assert resp.status == 409, resp.status
        await _clear_and_photograph(api, created["id"])
        # the clearance's letter carries a new private link, which replaces this one
        secret = await current_token(api.db_url, created["id"])
        resp = await api.client.get(f"/a/{secret}/badge.pdf")
        assert resp.status == 200 and resp.content_type == "application/pdf"
        pdf = PdfReader(io.BytesIO(await resp.read()))
        texts[language] = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert "Centre de presse" in texts["fr"] and "Salle de presse" in texts["fr"]
    assert "Salle plénière" in texts["fr"]  # its open sessions invite the press
    assert "Salle 1" not in texts["fr"] and "Aucune zone" not in texts["fr"]
    assert "Press centre" in texts["en"] and "Press room" in texts["en"]
    assert "No zone granted" not in texts["en"]


async def _clear_and_photograph(api: Api, accreditation_id: str) -> None:
    """What a journalist of the follow-up meeting needs before their badge: clearance,
    recorded by protocol as the API records it, and their photo."""
    status, body, _ = await api.call(
        "POST", f"/api/v1/accreditations/{accreditation_id}/vetting/status", role="protocol",
        json={"status": "cleared"})
    assert status == 200, body
    status, _ = await put(api, f"/api/v1/accreditations/{accreditation_id}/photo",
                          image(600, 800), "image/jpeg", "admin")
    assert status in (200, 204)


async def test_the_follow_up_meeting_asks_what_a_ministerial_meeting_asks(
    api: Api, db: asyncpg.Connection
) -> None:
    """The follow-up meeting asked for no security check and no document: someone trying the
    product never saw the identity-document form, the press card upload nor the vetting
    screens (docs/credentials.md, "Vetting", "Documents", "Photo required")."""
    summary = await load_demo(db)
    assert ("security check: minister, official, press; documents: press_card (press);"
            " photo before the badge: press") in summary
    c = await conference_by_slug(db, OPEN_SLUG)
    assert sorted(c.vetting_required) == ["minister", "official", "press"]
    assert c.photo_required == ["press"]
    status, created, _ = await api.call(
        "POST", f"/api/v1/conferences/{OPEN_SLUG}/accreditations",
        json=press_body(0, language="en"))
    assert status == 201, created
    secret = await current_token(api.db_url, created["id"])
    resp = await api.client.get(f"/a/{secret}/credentials?lang=en")
    page = await resp.text()
    assert resp.status == 200
    assert "Identity document for the security check" in page
    assert 'action="/a/' in page and "/documents/press_card" in page
    status, decided, _ = await api.call(
        "POST", f"/api/v1/accreditations/{created['id']}/decision", role="press_office",
        json={"decision": "approve"})
    assert status == 200, decided
    secret = await current_token(api.db_url, created["id"])
    page = await (await api.client.get(f"/a/{secret}?lang=en")).text()
    assert 'id="badge-link"' not in page
    assert "once the security check is complete" in page
    await _clear_and_photograph(api, created["id"])
    # the clearance's letter carries a new private link, which replaces this one
    secret = await current_token(api.db_url, created["id"])
    page = await (await api.client.get(f"/a/{secret}?lang=en")).text()
    assert 'id="badge-link"' in page


async def test_the_follow_up_meeting_has_delegates_already_cleared(
    api: Api, db: asyncpg.Connection, smtp: RecordingSMTP
) -> None:
    """The follow-up meeting vets its ministers and officials, and the demo had nobody cleared:
    the badges page had nothing to print and the door admitted nobody. Three delegates are
    filed, approved and cleared through the use-cases, once (docs/credentials.md, "Vetting")."""
    summary = await load_demo(db)
    assert "3 delegates approved and cleared" in summary
    await load_demo(db)  # once each: no second application, approval or clearance
    c = await conference_by_slug(db, OPEN_SLUG)
    rows = await db.fetch(
        "SELECT a.family_name, a.status, v.status AS vetting FROM accreditation a"
        " JOIN vetting_status v ON v.accreditation_id = a.id"
        " WHERE a.conference_id = $1 ORDER BY a.family_name", c.id)
    assert [tuple(r) for r in rows] == [("Dumont", "approved", "cleared"),
                                        ("Marchand", "approved", "cleared"),
                                        ("Vogel", "approved", "cleared")]
    assert await db.fetchval(
        "SELECT count(*) FROM domain_event WHERE type = 'accreditation.vetting_status_set'"
        " AND conference_id = $1", c.id) == 3
    # the print batch holds only people cleared where their category needs it: all three
    resp = await api.client.get(f"/api/v1/conferences/{OPEN_SLUG}/badges.pdf",
                                headers=api.auth("protocol"))
    assert resp.status == 200, await resp.text()
    pdf = PdfReader(io.BytesIO(await resp.read()))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    assert len(pdf.pages) == 3
    for name in ("Dumont", "Marchand", "Vogel"):
        assert name in text, text
    # the console's badges page lists them, to print
    protocol = await staff(api, smtp, "protocol@example.org", "protocol", conference=OPEN_SLUG)
    status, page, _ = await protocol.go("GET", f"/manage/{OPEN_SLUG}/badges?lang=en")
    assert status == 200
    assert all(name in page for name in ("Dumont", "Marchand", "Vogel"))
    assert 'id="mark-printed"' in page


async def test_the_demo_files_the_messages_the_readme_counts(
    api: Api, db: asyncpg.Connection, smtp: RecordingSMTP
) -> None:
    """The README said the demo files 79 messages; a fresh load filed 86 (tryout): the focal
    points' letters about their members (approved; security check done) were not counted. The
    number and its parts are the README's, read from it, against what the SMTP server got."""
    readme = " ".join((Path(__file__).parents[2] / "README.md").read_text().split())
    said = re.search(r"Loading the demo itself files (\d+) messages", readme)
    assert said, "the README counts the demo's messages"
    await load_demo(db, base_url="https://conference.test")
    await outbox_settled(db, 120.0)
    subjects = [str(m["Subject"]) for m in smtp.messages]
    assert len(subjects) == int(said.group(1)), sorted(subjects)
    welcomes = [s for s in subjects if "Votre accès" in s or "Your access" in s]
    assert f"the welcome mails of the {len(welcomes)} delegations' focal points" in readme
    about_members = [s for s in subjects if "membre de votre délégation" in s
                     or "member of your delegation" in s]
    assert len(about_members) == 7, subjects  # 1 of 2012, 2 for each of the 3 delegates


