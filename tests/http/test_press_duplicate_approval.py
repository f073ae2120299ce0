"""One person, one place in the press pool (docs/workspaces.md, "Possible duplicates"), kept by
the approval itself, not only by the press desk's pages: the API's decision refuses (409
``duplicate-approved``, naming the other application) a press application that probably
duplicates one already approved, and two approvals of two duplicates at the same moment never
both succeed (the conference row's lock: docs/outbox.md, "The press pool's count"). A real
database; the decisions' letters are not what is tested here."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from asyncpg import connect

from tests.conftest import Api, conference_body, press_body
from tests.support import current_token

REGISTER = "/api/v1/conferences/{slug}/accreditations"


async def _conference(api: Api, slug: str, capacity: int) -> None:
    body = conference_body(slug)
    body["press_registration"]["pool_capacity"] = capacity
    status, created, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=body)
    assert status == 201, created


async def _file(api: Api, slug: str, body: dict[str, Any]) -> str:
    status, created, _ = await api.call("POST", REGISTER.format(slug=slug), json=body)
    assert status == 201, created
    return str(created["id"])


async def _decide(api: Api, accreditation_id: str, decision: str = "approve",
                  reason: str | None = None, **more: Any) -> tuple[int, dict[str, Any]]:
    body: dict[str, Any] = {"decision": decision, **more}
    if reason is not None:
        body["reason"] = reason
    status, answer, _ = await api.call("POST", f"/api/v1/accreditations/{accreditation_id}"
                                               "/decision", role="press_office", json=body)
    return status, answer


async def _status(api: Api, accreditation_id: str) -> str:
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{accreditation_id}",
                               role="press_office")
    return str(acc["status"])


async def _approved(api: Api, slug: str) -> set[str]:
    _, page, _ = await api.call(
        "GET", REGISTER.format(slug=slug) + "?status=approved&limit=100", role="press_office")
    return {item["id"] for item in page["items"]}


async def test_the_api_refuses_to_approve_a_duplicate_of_an_approved_application(
    api: Api
) -> None:
    await _conference(api, "dupes", capacity=10)
    first = await _file(api, "dupes", press_body(1))
    # the same press card written otherwise, with another address and another outlet
    same_card = await _file(api, "dupes", press_body(
        2, press={"outlet": "Libération", "press_card_number": "be 1001", "role": "journalist",
                  "country": "FR"}))
    # the same name (case and accents aside) at the same outlet, another card
    same_name = await _file(api, "dupes", press_body(
        3, given_name="MARIE", family_name="Dupônt1",
        press={"outlet": "le soir", "press_card_number": "BE-9999", "role": "photographer",
               "country": "BE"}))
    someone_else = await _file(api, "dupes", press_body(4))
    assert (await _decide(api, first))[0] == 200

    for other in (same_card, same_name):
        status, problem = await _decide(api, other)
        assert status == 409, problem
        assert problem["type"] == ("https://conference-logistics.example/problems/"
                                   "duplicate-approved")
        assert problem["title"] == "A possible duplicate is already approved"
        assert problem["duplicate_of"] == first
        assert first in problem["detail"]
        assert await _status(api, other) == "submitted"
    assert (await _decide(api, someone_else))[0] == 200
    assert await _approved(api, "dupes") == {first, someone_else}

    # waitlisting and rejecting a duplicate are not held back; a waitlisted duplicate is still
    # not approved while the other holds its place…
    assert (await _decide(api, same_card, "waitlist"))[0] == 200
    status, problem = await _decide(api, same_card)
    assert (status, problem["duplicate_of"]) == (409, first)
    assert (await _decide(api, same_name, "reject", "Already accredited."))[0] == 200
    # …and is once the other is revoked (the press office's way out, as the problem says)
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{first}/revoke",
                                  role="press_office", json={"reason": "Applied twice."})
    assert status == 200
    assert (await _decide(api, same_card))[0] == 200
    assert await _approved(api, "dupes") == {same_card, someone_else}


async def test_two_approvals_of_two_duplicates_at_once_approve_exactly_one(api: Api) -> None:
    """Eight pairs of duplicates (the same press card, two addresses), both of each pair
    approved at the same moment by two press officers: one of each pair is approved, the other
    refused as a duplicate of it; the pool counts eight, and its last two places are still
    free."""
    pairs = 8
    await _conference(api, "dupes-race", capacity=pairs + 2)
    ids = []
    for n in range(pairs):
        first = await _file(api, "dupes-race", press_body(10 + n))
        again = await _file(api, "dupes-race", press_body(
            50 + n, press={"outlet": "Le Soir", "press_card_number": f"BE-{1010 + n}",
                           "role": "journalist", "country": "BE"}))
        ids.append((first, again))
    answers = await asyncio.gather(*(_decide(api, i) for pair in ids for i in pair))
    for n, (first, again) in enumerate(ids):
        (s1, a1), (s2, a2) = answers[2 * n], answers[2 * n + 1]
        assert sorted((s1, s2)) == [200, 409], (a1, a2)
        approved, refused = (first, a2) if s1 == 200 else (again, a1)
        assert refused["type"].endswith("/duplicate-approved")
        assert refused["duplicate_of"] == approved
    assert len(await _approved(api, "dupes-race")) == pairs
    # the refused approvals took no place: two more people fit, a third does not
    more = [await _file(api, "dupes-race", press_body(n)) for n in (90, 91, 92)]
    assert [(await _decide(api, i))[0] for i in more[:2]] == [200, 200]
    status, problem = await _decide(api, more[2])
    assert status == 409 and problem["type"].endswith("/press-pool-full"), problem


async def test_the_api_approves_another_person_of_the_same_name_once_confirmed(
    api: Api
) -> None:
    """Two "Janet Doe" at Reuters, two cards, two addresses: two people. Without the officer's
    confirmation the second is refused (409 ``duplicate-approved``); with ``not_a_duplicate``
    she is approved, within the pool's capacity, and the event and the history say the officer
    confirmed it (docs/workspaces.md, "Possible duplicates")."""
    await _conference(api, "janets", capacity=2)
    janet = {"given_name": "Janet", "family_name": "Doe"}
    first = await _file(api, "janets", press_body(1, **janet, press={
        "outlet": "Reuters", "press_card_number": "UK-1111", "role": "journalist",
        "country": "GB"}))
    second = await _file(api, "janets", press_body(2, **janet, press={
        "outlet": "REUTERS", "press_card_number": "UK-2222", "role": "journalist",
        "country": "GB"}))
    third = await _file(api, "janets", press_body(3, **janet, press={
        "outlet": "Reuters", "press_card_number": "UK-3333", "role": "journalist",
        "country": "GB"}))
    assert (await _decide(api, first))[0] == 200

    status, problem = await _decide(api, second)
    assert (status, problem["duplicate_of"]) == (409, first), problem
    status, problem = await _decide(api, second, not_a_duplicate=False)
    assert status == 409, problem
    status, acc = await _decide(api, second, not_a_duplicate=True)
    assert status == 200, acc
    assert acc["status"] == "approved"
    assert [(h["action"], h["from_status"], h["to_status"]) for h in acc["history"][-2:]] == [
        ("not_a_duplicate", "submitted", "submitted"), ("approve", "submitted", "approved")]
    assert await _approved(api, "janets") == {first, second}
    # the journalist, reading her own application, is not told of a namesake
    _, own, _ = await api.call("GET", f"/api/v1/accreditations/{second}",
                               role=await current_token(api.db_url, second))
    assert [h["action"] for h in own["history"]] == ["submit", "approve"], own

    conn = await connect(api.db_url)
    try:
        payloads = [json.loads(r["payload"]) for r in await conn.fetch(
            "SELECT payload::text AS payload FROM domain_event "
            "WHERE type = 'accreditation.approved' AND subject_id = ANY($1::text[]) ORDER BY id",
            [first, second])]
    finally:
        await conn.close()
    assert [p["not_a_duplicate_of"] for p in payloads] == [None, [first]]

    # the confirmation overrides the duplicates, never the pool's capacity
    status, problem = await _decide(api, third, not_a_duplicate=True)
    assert status == 409, problem
    assert problem["type"].endswith("/press-pool-full")
    # nor does it change a decision that is not an approval
    status, acc = await _decide(api, third, "waitlist", not_a_duplicate=True)
    assert status == 200 and acc["history"][-1]["action"] == "waitlist"
