"""Sign-in attempts are limited (docs/workspaces.md, "Sign-in"): past the limit for one address,
``POST /signin`` answers exactly as before but no more link is mailed to it, while other
addresses still get theirs; past the limit for one client, the answer is 429 and nothing is
sent. A service of its own with small limits, a real database and a real SMTP server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest

from conference.settings import Settings
from tests.browser.helpers import hidden
from tests.conftest import Api, conference_body, start_api
from tests.http.conftest_programme import make_delegation
from tests.http.test_workspaces import Visitor, _signed_in, link_in
from tests.support import RecordingSMTP

PER_ADDRESS, PER_CLIENT = 2, 5
SIGNIN_SUBJECT = "Votre lien de connexion"


@pytest.fixture
async def limited(db_url: str, settings: Settings) -> AsyncIterator[Api]:
    limits = settings.limits.model_copy(update={
        "signins_per_address_per_hour": float(PER_ADDRESS),
        "signins_per_client_per_minute": float(PER_CLIENT),
        # one unknown link back every two minutes: the forty guesses below exhaust the burst
        # of twenty however slowly a loaded machine answers them (at 60 a minute, a run of CI
        # that took over half a second a request refilled the bucket as fast as it emptied)
        "token_lookups_per_minute": 0.5, "token_lookup_burst": 20})
    service = await start_api(db_url, settings.model_copy(update={"limits": limits}))
    yield service
    await service.client.close()


async def _ask(api: Api, email: str) -> tuple[int, str | None]:
    v = Visitor(api)
    _, page, _ = await v.go("GET", "/signin?lang=fr")
    status, _, resp = await v.go("POST", "/signin?lang=fr",
                                 {"csrf": hidden(page, "csrf"), "email": email})
    return status, resp.headers.get("Location")


async def _asked(db: asyncpg.Connection, email: str) -> int:
    n: int = await db.fetchval(
        "SELECT count(*) FROM domain_event e JOIN person p ON p.id::text = e.payload->>'person_id'"
        " WHERE e.type = 'person.signin_requested' AND lower(p.email) = $1", email)
    return n


async def test_one_address_is_limited_others_still_get_their_link(
    limited: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    api = limited
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    await make_delegation(api, country="BE")  # fp-be@example.org, welcomed
    status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
        "email": "press@example.org", "name": "Tove Ernst", "language": "fr",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    await smtp.wait_for(2, where=lambda m: m["Subject"] != SIGNIN_SUBJECT)

    answers = [await _ask(api, "fp-be@example.org") for _ in range(PER_ADDRESS + 2)]
    assert answers == [(303, "/signin?lang=fr&done=sent")] * (PER_ADDRESS + 2)  # all the same
    assert await _asked(db, "fp-be@example.org") == PER_ADDRESS  # two links, not four

    # another address from the same client still gets its link
    assert await _ask(api, "press@example.org") == (303, "/signin?lang=fr&done=sent")
    assert await _asked(db, "press@example.org") == 1

    # the client's own limit: the next request is refused and sends nothing
    status, _ = await _ask(api, "press@example.org")
    assert status == 429
    assert await _asked(db, "press@example.org") == 1

    mails = await smtp.wait_for(PER_ADDRESS + 1, where=lambda m: m["Subject"] == SIGNIN_SUBJECT)
    await asyncio.sleep(0.5)  # nothing more arrives
    sent = [m["To"].addresses[0].addr_spec for m in smtp.messages
            if m["Subject"] == SIGNIN_SUBJECT]
    assert sorted(sent) == ["fp-be@example.org"] * PER_ADDRESS + ["press@example.org"]
    assert len(mails) == PER_ADDRESS + 1


async def test_colleagues_behind_one_address_open_and_spend_their_links(
    limited: Api, smtp: RecordingSMTP
) -> None:
    """A press room or a ministry behind one address: each person asks for a link (the client's
    budget counts the asking), then opens and spends it; opening and spending a valid link takes
    nothing from that budget, so the fourth colleague is not refused a link already in hand."""
    api = limited
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    emails = [f"press{i}@example.org" for i in range(PER_CLIENT)]
    for i, email in enumerate(emails):
        status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
            "email": email, "name": f"Tove Ernst {i}", "language": "fr",
            "grants": [{"role": "press_office", "conference": "alliance"}]})
        assert status == 201, person
    welcomes = await smtp.wait_for(PER_CLIENT, where=lambda m: m["Subject"] != SIGNIN_SUBJECT)
    links = {m["To"].addresses[0].addr_spec: link_in(m) for m in welcomes}
    for email in emails:  # GET and POST of each link: 2 × 5 requests, twice the budget
        v = await _signed_in(api, links[email])
        status, page, _ = await v.go("GET", "/workspaces")
        assert status == 200, page
    # the budget for asking is whole: five colleagues ask for a link of their own
    for email in emails:
        assert await _ask(api, email) == (303, "/signin?lang=fr&done=sent")


async def test_unknown_links_from_one_client_are_refused_with_429(limited: Api) -> None:
    """Guessing stays throttled: the unknown links' own limit (``limits.token_lookup_burst``)."""
    v = Visitor(limited)
    answers = [(await v.go("GET", "/signin/" + f"{i:043d}"))[0] for i in range(40)]
    assert answers[:PER_CLIENT + 1] == [404] * (PER_CLIENT + 1), answers
    assert answers[-1] == 429, answers
