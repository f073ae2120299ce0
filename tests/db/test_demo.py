"""`conference demo`: the Brussels launch conference of 5 December 2012, loaded idempotently."""

from __future__ import annotations

import asyncpg

from conference.conferences.repo import conference_by_slug, delegations_of
from conference.demo import SLUG, load_demo


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
