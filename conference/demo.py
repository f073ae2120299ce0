"""``conference demo``: the launch of the Global Alliance against Child Sexual Abuse Online,
Brussels, 5 December 2012, as the press articles and the Commission's release of 4 December 2012
(``shared/seeds/``) describe it. Loading twice changes nothing."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import asyncpg

from conference.auth import Role, issue_token
from conference.conferences import repo
from conference.conferences.models import ConferenceIn, DelegationIn
from conference.errors import Duplicate
from conference.outbox.events import ConferenceCreated, DelegationCreated, record

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
            {"name": "Michele Cercone", "phone": "+32 2 298 09 63"},
            {"name": "Tove Ernst", "phone": "+32 2 298 67 64"},
        ],
        "organiser_email": "home-affairs-press@example.org",
        "protocol": {"tie_break": "eu_protocol", "presidency": "CY", "seated_before_minutes": 15},
    })


async def load_demo(conn: asyncpg.Connection) -> str:
    """Create the demo conference and its 48 delegations if absent; return a summary line."""
    async with conn.transaction():
        try:
            conference = await repo.insert_conference(conn, demo_conference())
            await record(conn, "conference.created", ConferenceCreated(slug=SLUG),
                         conference_id=conference.id, subject_id=conference.id, actor="demo")
        except Duplicate:
            conference = await repo.conference_by_slug(conn, SLUG)
        existing = {d.country for d in await repo.delegations_of(conn, conference.id)}
        added = 0
        for code in EU_2012 + OTHERS_2012:
            if code in existing:
                continue
            d = await repo.insert_delegation(conn, conference.id, DelegationIn.model_validate({
                "kind": "country", "country": code,
                "focal_point": {"name": f"Focal point {code}",
                                "email": f"focal-point-{code.lower()}@example.org"},
            }))
            await issue_token(conn, Role.focal_point, delegation_id=d.id)
            await record(conn, "delegation.created",
                         DelegationCreated(delegation_id=d.id, kind="country", country=code),
                         conference_id=conference.id, subject_id=d.id, actor="demo")
            added += 1
    return (f"demo conference {SLUG}: {len(EU_2012) + len(OTHERS_2012)} delegations"
            f" ({added} added now)")
