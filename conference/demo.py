"""``conference demo``: the launch of the Global Alliance against Child Sexual Abuse Online,
Brussels, 5 December 2012, as the press articles and the Commission's release of 4 December 2012
describe it, with the programme of the day, published; and a follow-up meeting whose press
registration is open now (opened a day before the first load, closing 30 days after it), with
its programme published and the security check, press card and photo a ministerial meeting
asks for, so that a newcomer can try the press form and what follows it, and three delegates
already approved and cleared by the security service, so that the badges to print and the door
have someone cleared. Loading twice changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg

from conference.accreditation import lookup as accreditation_repo
from conference.accreditation import service as accreditations
from conference.accreditation.domain import Status
from conference.accreditation.models import AccreditationIn
from conference.auth import Principal, Role
from conference.badges import service as badges
from conference.badges.models import ZoneIn
from conference.conferences import service as conferences
from conference.conferences.models import (
    Conference,
    ConferenceIn,
    DelegationIn,
    PressRegistration,
)
from conference.credentials import service as credentials
from conference.errors import Duplicate
from conference.programme import service as programme
from conference.programme.models import ParticipantRole, RoomIn, Session, SessionIn
from conference.roles import protocol_officer
from conference.types import Localized

SLUG = "global-alliance-2012"
BRUSSELS = ZoneInfo("Europe/Brussels")

# The 27 member states of December 2012 and the 21 other countries of the release (IP/12/1308),
# by ISO 3166-1 alpha-2 code (GR and GB, which EU texts write EL and UK).
EU_2012 = ["BE", "BG", "CZ", "DK", "DE", "EE", "IE", "GR", "ES", "FR", "IT", "CY", "LV", "LT",
           "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE", "GB"]
OTHERS_2012 = ["AL", "AU", "KH", "HR", "GE", "GH", "JP", "MD", "ME", "NZ", "NG", "NO", "PH",
               "RS", "KR", "CH", "TH", "TR", "UA", "US", "VN"]


def demo_conference() -> ConferenceIn:
    return ConferenceIn.model_validate({
        "slug": SLUG,
        "title": {
            "fr": "Lancement de l'Alliance mondiale contre les abus sexuels commis contre des "
                  "enfants via internet",
            "en": "Launch of the Global Alliance against Child Sexual Abuse Online",
        },
        # The seeds do not name the building; the Commission's conference centre stands in.
        "venue": {"name": "Commission européenne, bâtiment Charlemagne",
                  "names": {"fr": "Commission européenne, bâtiment Charlemagne",
                            "en": "European Commission, Charlemagne building"},
                  "address": "Rue de la Loi 170, 1040 Bruxelles"},
        "timezone": "Europe/Brussels",
        "starts_on": "2012-12-05",
        "ends_on": "2012-12-05",
        "patron": {
            "name": "Queen Paola of Belgium",
            "title": "queen",
            "style": {"fr": "S.M. la Reine Paola de Belgique",
                      "en": "H.M. Queen Paola of Belgium"},
        },
        "hosts": [
            {"name": "Cecilia Malmström", "rank": "minister",
             "function": {"fr": "Commissaire européenne chargée des affaires intérieures",
                          "en": "European Commissioner for Home Affairs"}},
            {"name": "Eric Holder", "rank": "minister",
             "function": {"fr": "Attorney General des États-Unis",
                          "en": "Attorney General of the United States"}},
        ],
        "languages": ["fr", "en"],
        "press_registration": {
            "opens_at": datetime(2012, 11, 26, 9, 0, tzinfo=BRUSSELS).isoformat(),
            "closes_at": datetime(2012, 12, 4, 18, 0, tzinfo=BRUSSELS).isoformat(),
            "pool_capacity": 60,
        },
        "security_list_deadline": datetime(2012, 12, 3, 12, 0, tzinfo=BRUSSELS).isoformat(),
        # "Contacts : Michele Cercone (+32 2 298 09 63), Tove Ernst (+32 2 298 67 64)"
        "spokespersons": [
            {"name": "Michele Cercone", "phone": "+32 2 298 09 63",
             "email": "home-affairs-press@example.org"},
            {"name": "Tove Ernst", "phone": "+32 2 298 67 64"},
        ],
        # The protocol service's mailbox: the press mailbox is the spokespersons' (above).
        "organiser_email": "home-affairs-protocol@example.org",
        "protocol": {"tie_break": "eu_protocol", "presidency": "CY", "seated_before_minutes": 15},
        # A historical record, kept: the retention purge would otherwise erase it at once.
        "retention_days": 36500,
        "vetting_retention_days": 36500,
    })


@dataclass(frozen=True)
class _Demo(Principal):
    """The demo loader, as the audit trail and the event log name it."""

    @property
    def actor(self) -> str:
        return "demo"


DEMO = _Demo(token_id=0, role=Role.admin)
# The organisers built the programme in the week before, ahead of the security-list deadline
# (3 December 2012, noon), so that the royal-presence session could be filled; the demo runs
# its programme changes on that day's clock.
PROGRAMME_BUILT_AT = datetime(2012, 11, 28, 10, 0, tzinfo=BRUSSELS)

# (name fr, name en, capacity); the sessions below name their room in English
ROOMS = [("Salle plénière", "Plenary hall", 400), ("Salle 1", "Room 1", 80),
         ("Salle 2", "Room 2", 80), ("Salle de presse", "Press room", 120)]

# The two hosts, accredited so that they can chair and speak (and be left out of the ordering
# of guests, docs/protocol.md). The Commissioner is on the organisers' side (staff).
HOSTS: list[dict[str, Any]] = [
    {"category": "staff", "given_name": "Cecilia", "family_name": "Malmström",
     "email": "cecilia.malmstrom@example.org", "language": "en", "gender": "female",
     "rank": "minister", "function": "Commissaire européenne chargée des affaires intérieures"},
    {"category": "minister", "given_name": "Eric", "family_name": "Holder",
     "email": "eric.holder@example.org", "language": "en", "gender": "male",
     "rank": "minister", "function": "Attorney General des États-Unis", "country": "US"},
]


def _at(hour: int, minute: int = 0) -> str:
    return datetime(2012, 12, 5, hour, minute, tzinfo=BRUSSELS).isoformat()


_DELEGATES = ["minister", "official", "expert"]
# (title fr, title en, kind, room, start, end, press access, audience, royal presence,
#  [(host index, role)])
SESSIONS: list[tuple[str, str, str, str, str, str, str, list[str], bool,
                     list[tuple[int, str]]]] = [
    ("Séance d'ouverture par la commissaire Malmström et l'Attorney General Holder",
     "Opening by Commissioner Malmström and Attorney General Holder",
     "plenary", "Plenary hall", _at(9, 0), _at(9, 45), "open", _DELEGATES, False,
     [(0, "chair"), (1, "speaker")]),
    ("Session d'experts\u00a0: identification des victimes et aide aux victimes",
     "Expert session: identifying victims and ensuring their assistance and protection",
     "expert_panel", "Room 1", _at(10, 0), _at(11, 30), "closed", ["official", "expert"],
     False, []),
    ("Session d'experts\u00a0: enquêtes et poursuites",
     "Expert session: investigating cases and prosecuting offenders",
     "expert_panel", "Room 2", _at(10, 0), _at(11, 30), "closed", ["official", "expert"],
     False, []),
    ("Session d'experts\u00a0: sensibilisation, en présence de Sa Majesté la Reine",
     "Expert session: raising awareness, in the presence of Her Majesty the Queen",
     "expert_panel", "Plenary hall", _at(12, 0), _at(13, 0), "pool", _DELEGATES, True,
     [(0, "chair")]),
    ("Session d'experts\u00a0: réduire la disponibilité de matériel pédopornographique en ligne",
     "Expert session: reducing the availability of child sexual abuse material online",
     "expert_panel", "Room 1", _at(14, 0), _at(15, 30), "closed", ["official", "expert"],
     False, []),
    ("Session ministérielle\u00a0: approbation de la déclaration",
     "Ministerial session: approval of the declaration",
     "ministerial", "Plenary hall", _at(16, 0), _at(17, 0), "photo_opportunity",
     ["minister"], False, [(0, "chair"), (1, "speaker")]),
    ("Point de presse de la commissaire Malmström et de l'Attorney General Holder",
     "Press conference by Commissioner Malmström and Attorney General Holder",
     "press_conference", "Press room", _at(17, 15), _at(17, 45), "open", ["press"], False,
     [(0, "speaker"), (1, "speaker")]),
]


async def _hosts(conn: asyncpg.Connection, conference: Conference) -> list[Any]:
    """The hosts' accreditations, filed and approved once."""
    delegations = await conferences.list_delegations(conn, conference.slug, DEMO)
    us = next(d.id for d in delegations.items if d.country == "US")
    ids = []
    for host in HOSTS:
        fields = {k: v for k, v in host.items() if k != "country"}
        if host.get("country") == "US":
            fields["delegation_id"] = us
        current = await accreditation_repo.current_by_email(conn, conference.id, host["email"])
        if current is None:
            created = await accreditations.register(
                conn, conference.slug, AccreditationIn.model_validate(fields), DEMO,
                PROGRAMME_BUILT_AT)
            current = created.id, created.status
        accreditation_id, status = current
        if status is Status.submitted:
            await accreditations.decide(conn, accreditation_id, "approve", None, DEMO,
                                        PROGRAMME_BUILT_AT)
        ids.append(accreditation_id)
    return ids


async def load_programme(conn: asyncpg.Connection, conference: Conference) -> str:
    """Rooms, the hosts' accreditations and the sessions of 5 December 2012, then publish."""
    officer = protocol_officer(DEMO)
    slug = conference.slug
    rooms = {r.names.en: r for r in await programme.rooms(conn, officer, slug)}
    for n, (fr, en, capacity) in enumerate(ROOMS):
        if en not in rooms:  # a second apart: the builder shows the rooms in the order added
            rooms[en] = await programme.create_room(
                conn, officer, slug, RoomIn(name=Localized(fr=fr, en=en), capacity=capacity),
                PROGRAMME_BUILT_AT + timedelta(seconds=n))
    hosts = await _hosts(conn, conference)
    existing = {s.title.en: s for s in await programme.sessions(conn, officer, slug)}
    for fr, en, kind, room, start, end, press, audience, royal, people in SESSIONS:
        session: Session | None = existing.get(en)
        if session is None:
            session = await programme.schedule_session(
                conn, officer, slug, SessionIn.model_validate({
                    "title": {"fr": fr, "en": en}, "kind": kind, "room_id": rooms[room].id,
                    "starts_at": start, "ends_at": end, "press_access": press,
                    "audience": audience, "royal_presence": royal,
                }), PROGRAMME_BUILT_AT)
        for host, role in people:
            await programme.put_participant(
                conn, officer, session.id, hosts[host], ParticipantRole(role), PROGRAMME_BUILT_AT)
    published = await programme.publish(conn, officer, slug, PROGRAMME_BUILT_AT)
    return (f"programme of 5 December 2012: {len(SESSIONS)} sessions, version"
            f" {published.version} ({'published now' if published.published else 'unchanged'})")


async def load_launch(conn: asyncpg.Connection) -> str:
    """Create the 2012 launch conference and its 48 delegations if absent; a summary line."""
    async with conn.transaction():
        try:
            conference = await conferences.create_conference(conn, demo_conference(), DEMO)
        except Duplicate:
            conference = await conferences.get_conference(conn, SLUG)
        delegations = await conferences.list_delegations(conn, SLUG, DEMO)
        existing = {d.country for d in delegations.items}
        added = 0
        for code in EU_2012 + OTHERS_2012:
            if code in existing:
                continue
            await conferences.create_delegation(conn, SLUG, DelegationIn.model_validate({
                "kind": "country", "country": code,
                "focal_point": {"name": f"Focal point {code}",
                                "email": f"focal-point-{code.lower()}@example.org"},
            }), DEMO)
            added += 1
        programme_summary = await load_programme(conn, conference)
    return (f"demo conference {SLUG}: {len(EU_2012) + len(OTHERS_2012)} delegations"
            f" ({added} added now); {programme_summary}")


# -- the follow-up meeting: press registration open now ---------------------------------------

OPEN_SLUG = "global-alliance-follow-up"
# (name fr, name en, capacity): a bilingual meeting names its rooms in both languages
OPEN_ROOMS = [("Salle plénière", "Plenary hall", 300), ("Salle 1", "Room 1", 60),
              ("Salle de presse", "Press room", 80)]
OPEN_DELEGATIONS: list[dict[str, Any]] = [
    {"kind": "country", "country": "BE",
     "focal_point": {"name": "Focal point BE", "email": "focal-point-be@example.org"}},
    {"kind": "country", "country": "FR",
     "focal_point": {"name": "Focal point FR", "email": "focal-point-fr@example.org"}},
    {"kind": "organisation", "organisation": {"name": "Europol", "type": "eu_agency"},
     "focal_point": {"name": "Focal point Europol", "email": "focal-point-europol@example.org"}},
]
# (title fr, title en, kind, room, day (0 or 1), start, end, press access, audience)
OPEN_SESSIONS: list[tuple[str, str, str, str, int, time, time, str, list[str]]] = [
    ("Séance d'ouverture", "Opening session", "plenary", "Plenary hall", 0,
     time(9, 30), time(10, 15), "open", ["minister", "official", "expert", "press"]),
    ("Session d'experts\u00a0: identification des victimes",
     "Expert session: identifying victims", "expert_panel", "Room 1", 0,
     time(10, 30), time(12, 0), "closed", ["official", "expert"]),
    ("Session d'experts\u00a0: enquêtes et poursuites",
     "Expert session: investigations and prosecution", "expert_panel", "Plenary hall", 0,
     time(10, 30), time(12, 0), "closed", ["official", "expert"]),
    ("Session ministérielle\u00a0: bilan du plan d'action",
     "Ministerial session: review of the action plan", "ministerial", "Plenary hall", 0,
     time(14, 30), time(16, 0), "photo_opportunity", ["minister", "press"]),
    ("Point de presse", "Press conference", "press_conference", "Press room", 0,
     time(16, 30), time(17, 0), "open", ["press"]),
    ("Séance de clôture\u00a0: déclaration commune", "Closing session: joint statement",
     "plenary", "Plenary hall", 1, time(9, 30), time(11, 0), "open",
     ["minister", "official", "expert", "press"]),
]


# The zones a badge opens, as a real meeting defines them (docs/credentials.md, "Badge
# production", "Days of admission"): the press centre for the press from the day before (the
# journalists set up there), the press room for the press and the organisers, the plenary hall
# for the delegations and the organisers and, through its open sessions (those whose audience
# includes the press), for the press too; the expert room for the experts and officials.
# (code, name fr, name en, categories, sessions granting it by their English title, opens a
# day before the conference)
OPEN_ZONES: list[tuple[str, str, str, list[str], list[str], bool]] = [
    ("press-centre", "Centre de presse", "Press centre", ["press", "staff"], [], True),
    ("press-room", "Salle de presse", "Press room", ["press", "staff"], [], False),
    ("plenary-hall", "Salle plénière", "Plenary hall", ["minister", "official", "expert",
                                                       "staff"],
     ["Opening session", "Closing session: joint statement"], False),
    ("room-1", "Salle 1", "Room 1", ["official", "expert", "staff"], [], False),
]


async def _open_zones(conn: asyncpg.Connection, conference: Conference, now: datetime) -> None:
    """The follow-up meeting's zones (``OPEN_ZONES``), each defined once."""
    officer = protocol_officer(DEMO)
    existing = {z.code for z in await badges.zones(conn, officer, OPEN_SLUG)}
    sessions = {s.title.en: s.id for s in await programme.sessions(conn, officer, OPEN_SLUG)}
    for code, fr, en, categories, granting, day_before in OPEN_ZONES:
        if code in existing:
            continue
        await badges.create_zone(conn, officer, OPEN_SLUG, ZoneIn.model_validate({
            "code": code, "name": {"fr": fr, "en": en},
            "grants": {"categories": categories,
                       "sessions": [str(sessions[title]) for title in granting]},
            "opens_on": (conference.starts_on - timedelta(days=1)).isoformat()
            if day_before else None,
        }), now)


def open_window(now: datetime) -> tuple[datetime, datetime]:
    """The press registration window of the follow-up meeting loaded at ``now``: from a day
    before to 30 days after (Brussels time, whole seconds)."""
    return ((now - timedelta(days=1)).astimezone(BRUSSELS).replace(microsecond=0),
            (now + timedelta(days=30)).astimezone(BRUSSELS).replace(microsecond=0))


def open_conference(now: datetime) -> ConferenceIn:
    """The follow-up meeting, dated from ``now``: press registration from a day before to 30
    days after, the meeting itself two weeks after it closes (two days)."""
    opens_at, closes_at = open_window(now)
    starts_on = (closes_at + timedelta(days=14)).date()
    return ConferenceIn.model_validate({
        "slug": OPEN_SLUG,
        "title": {
            "fr": "Alliance mondiale contre les abus sexuels commis contre des enfants via "
                  "internet\u00a0: réunion ministérielle de suivi",
            "en": "Global Alliance against Child Sexual Abuse Online: ministerial follow-up "
                  "meeting",
        },
        "short_name": {"fr": "Alliance mondiale – suivi", "en": "Global Alliance follow-up"},
        "privacy": {
            "controller": "Commission européenne, DG Migration et affaires intérieures",
            "controller_names": {
                "fr": "Commission européenne, DG Migration et affaires intérieures",
                "en": "European Commission, DG Migration and Home Affairs"},
            "dpo_email": "data-protection-officer@example.org",
        },
        "venue": {"name": "Commission européenne, bâtiment Charlemagne",
                  "names": {"fr": "Commission européenne, bâtiment Charlemagne",
                            "en": "European Commission, Charlemagne building"},
                  "address": "Rue de la Loi 170, 1040 Bruxelles"},
        "timezone": "Europe/Brussels",
        "starts_on": starts_on.isoformat(),
        "ends_on": (starts_on + timedelta(days=1)).isoformat(),
        "languages": ["fr", "en"],
        "press_registration": {"opens_at": opens_at.isoformat(),
                               "closes_at": closes_at.isoformat(), "pool_capacity": 40},
        "security_list_deadline": (closes_at + timedelta(days=7)).isoformat(),
        "spokespersons": [
            {"name": "Michele Cercone", "phone": "+32 2 298 09 63",
             "email": "michele.cercone@example.org"},
            {"name": "Tove Ernst", "phone": "+32 2 298 67 64",
             "email": "tove.ernst@example.org"},
        ],
        "organiser_email": "home-affairs-protocol@example.org",
        "protocol": {"tie_break": "eu_protocol", "seated_before_minutes": 15},
        # What a ministerial meeting asks for (docs/credentials.md, "Vetting", "Documents",
        # "Photo required"): a security check of the ministers, officials and press, the press
        # card of the press, and the photo of the press before the badge they download.
        "vetting_required": ["minister", "official", "press"],
        "documents_required": {"press": ["press_card"]},
        "photo_required": ["press"],
    })


def _on(day: date, at: time) -> str:
    return datetime.combine(day, at, tzinfo=BRUSSELS).isoformat()


async def load_open(conn: asyncpg.Connection, now: datetime) -> str:
    """The follow-up meeting, its delegations, rooms and programme (published), each created
    once; a summary line."""
    async with conn.transaction():
        try:
            conference = await conferences.create_conference(conn, open_conference(now), DEMO)
        except Duplicate:
            conference = await conferences.get_conference(conn, OPEN_SLUG)
        window = conference.press_registration
        reopened = not window.opens_at <= now < window.closes_at
        if reopened:  # loaded more than 30 days ago: the press window opens again
            opens_at, closes_at = open_window(now)
            conference = await conferences.set_press_window(
                conn, OPEN_SLUG, PressRegistration(opens_at=opens_at, closes_at=closes_at,
                                                   pool_capacity=window.pool_capacity), DEMO)
        delegations = await conferences.list_delegations(conn, OPEN_SLUG, DEMO)
        existing = {d.country or (d.organisation.name if d.organisation else "")
                    for d in delegations.items}
        for delegation in OPEN_DELEGATIONS:
            key = delegation.get("country") or delegation["organisation"]["name"]
            if key not in existing:
                await conferences.create_delegation(
                    conn, OPEN_SLUG, DelegationIn.model_validate(delegation), DEMO, now)
        officer = protocol_officer(DEMO)
        rooms = {r.names.en: r for r in await programme.rooms(conn, officer, OPEN_SLUG)}
        for n, (fr, en, capacity) in enumerate(OPEN_ROOMS):
            if en not in rooms:  # in the order listed, as the builder shows them
                rooms[en] = await programme.create_room(
                    conn, officer, OPEN_SLUG, RoomIn(name=Localized(fr=fr, en=en),
                                                     capacity=capacity),
                    now + timedelta(microseconds=n))
        scheduled = {s.title.en for s in await programme.sessions(conn, officer, OPEN_SLUG)}
        for fr, en, kind, room, day, start, end, press, audience in OPEN_SESSIONS:
            if en in scheduled:
                continue
            on = conference.starts_on + timedelta(days=day)
            await programme.schedule_session(conn, officer, OPEN_SLUG, SessionIn.model_validate({
                "title": {"fr": fr, "en": en}, "kind": kind, "room_id": rooms[room].id,
                "starts_at": _on(on, start), "ends_at": _on(on, end), "press_access": press,
                "audience": audience,
            }), now)
        published = await programme.publish(conn, officer, OPEN_SLUG, now)
        await _open_zones(conn, conference, now)
        cleared = await _open_people(conn, conference, now)
    window = conference.press_registration
    state = "open again" if reopened else "open"
    return (f"demo conference {OPEN_SLUG}: press registration {state} until"
            f" {window.closes_at.astimezone(BRUSSELS):%Y-%m-%d %H:%M} (Brussels);"
            f" {len(OPEN_DELEGATIONS)} delegations; programme of {conference.starts_on} and"
            f" {conference.ends_on}: {len(OPEN_SESSIONS)} sessions, version {published.version}"
            f" ({'published now' if published.published else 'unchanged'});"
            f" {len(OPEN_ZONES)} zones; {cleared} delegates approved and cleared;"
            f" {_asks(conference)}")


# Three delegates of the follow-up meeting, approved and already cleared (docs/credentials.md,
# "Vetting"): the meeting vets its ministers and officials, and without anyone cleared its
# badges page had nothing to print and its door admitted nobody. Invented people, filed as the
# protocol office files them (register, approve, record the clearance); the focal points'
# delegations by country code or organisation name.
OPEN_PEOPLE: list[dict[str, Any]] = [
    {"delegation": "BE", "category": "minister", "given_name": "Claire",
     "family_name": "Dumont", "email": "claire.dumont@example.org", "language": "fr",
     "gender": "female", "salutation": "mrs", "rank": "minister",
     "function": "Ministre de l'Intérieur"},
    {"delegation": "FR", "category": "minister", "given_name": "Julien",
     "family_name": "Marchand", "email": "julien.marchand@example.org", "language": "fr",
     "gender": "male", "salutation": "mr", "rank": "minister",
     "function": "Ministre de l'Intérieur"},
    {"delegation": "Europol", "category": "official", "given_name": "Katrin",
     "family_name": "Vogel", "email": "katrin.vogel@example.org", "language": "en",
     "gender": "female", "salutation": "mrs", "rank": "senior_official",
     "function": "Head of the European Cybercrime Centre"},
]


async def _open_people(conn: asyncpg.Connection, conference: Conference, now: datetime) -> int:
    """The follow-up meeting's delegates (``OPEN_PEOPLE``), each filed, approved and cleared
    once, through the use-cases the console calls; how many are cleared."""
    delegations = await conferences.list_delegations(conn, OPEN_SLUG, DEMO)
    by_key = {d.country or (d.organisation.name if d.organisation else ""): d.id
              for d in delegations.items}
    cleared = 0
    for person in OPEN_PEOPLE:
        fields = {k: v for k, v in person.items() if k != "delegation"}
        fields["delegation_id"] = by_key[person["delegation"]]
        current = await accreditation_repo.current_by_email(conn, conference.id,
                                                            person["email"])
        if current is None:
            created = await accreditations.register(
                conn, OPEN_SLUG, AccreditationIn.model_validate(fields), DEMO, now)
            current = created.id, created.status
        accreditation_id, status = current
        if status is Status.submitted:
            await accreditations.decide(conn, accreditation_id, "approve", None, DEMO, now)
        state = await credentials.vetting_state(conn, accreditation_id, DEMO)
        if state.status != "cleared":
            await credentials.set_vetting_status(conn, accreditation_id, "cleared", None, DEMO,
                                                 now)
        cleared += 1
    return cleared


def _asks(conference: Conference) -> str:
    """What the meeting asks of the people it accredits, in the summary's words."""
    documents = ", ".join(f"{' '.join(kinds)} ({category})"
                          for category, kinds in conference.documents_required.items())
    return (f"security check: {', '.join(conference.vetting_required)};"
            f" documents: {documents}; photo before the badge:"
            f" {', '.join(conference.photo_required)}")


def urls(base_url: str) -> list[tuple[str, str]]:
    """The pages of the demo a newcomer opens, as (what, URL)."""
    base = base_url.rstrip("/")
    return [
        ("press registration form", f"{base}/{OPEN_SLUG}/press"),
        ("public programme", f"{base}/{OPEN_SLUG}/programme"),
        ("privacy notice", f"{base}/{OPEN_SLUG}/privacy"),
        ("programme calendar (ICS)", f"{base}/api/v1/conferences/{OPEN_SLUG}/programme.ics"),
        ("sign-in (press desk, protocol console)", f"{base}/signin"),
        ("press desk, once signed in", f"{base}/manage/{OPEN_SLUG}/press"),
        ("protocol console, once signed in", f"{base}/manage/{OPEN_SLUG}"),
        ("programme of the 2012 launch", f"{base}/{SLUG}/programme"),
    ]


async def load_demo(conn: asyncpg.Connection, *, base_url: str = "http://127.0.0.1:8080",
                    now: datetime | None = None) -> str:
    """Load both demo conferences (each once); their summary lines and the URLs of the open
    conference's pages (``base_url``: the service's public URL)."""
    now = now or datetime.now(UTC)
    lines = [await load_launch(conn), await load_open(conn, now), ""]
    width = max(len(what) for what, _ in urls(base_url)) + 2
    lines += [f"{what + ':':<{width}}{url}" for what, url in urls(base_url)]
    return "\n".join(lines)
