"""Order of precedence, speaking order and head-table seating through the API, for each
tie-break: the EU protocol order of December 2012 (with the Cyprus presidency), alphabetical in
French and in English with accented names, and the drawn order with its recorded draw."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import AsyncIterator
from typing import Any

import pytest

from conference.protocol.precedence import draw_start
from conference.settings import Settings
from tests.conftest import Api, conference_body, start_api
from tests.http.conftest_programme import (
    accredit,
    at,
    make_delegation,
    make_room,
    make_session,
    payloads,
    put_participant,
)

EU_2012 = ["BE", "BG", "CZ", "DK", "DE", "EE", "IE", "GR", "ES", "FR", "IT", "CY", "LV", "LT",
           "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE", "GB"]
# The 21 other countries of 5 December 2012 (Croatia joined the EU only in July 2013), in the
# alphabetical order of their French names: Albanie, Australie, Cambodge, Corée du Sud, Croatie,
# États-Unis, Géorgie, Ghana, Japon, Moldavie, Monténégro, Nigeria, Norvège, Nouvelle-Zélande,
# Philippines, Serbie, Suisse, Thaïlande, Turquie, Ukraine, Viêt Nam.
OTHERS_2012_FR = ["AL", "AU", "KH", "KR", "HR", "US", "GE", "GH", "JP", "MD", "ME", "NG", "NO",
                  "NZ", "PH", "RS", "CH", "TH", "TR", "UA", "VN"]


async def create_conference(api: Api, slug: str, **changes: Any) -> dict[str, Any]:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(slug, **changes))
    assert status == 201, body
    return dict(body)


async def precedence(api: Api, slug: str) -> dict[str, Any]:
    status, body, _ = await api.call("GET", f"/api/v1/conferences/{slug}/precedence",
                                     role="protocol")
    assert status == 200, body
    return dict(body)


def countries(order: dict[str, Any]) -> list[str]:
    return [entry["country"] or entry["delegation"] for entry in order["order"]]


@pytest.fixture
async def without_worker(db_url: str, settings: Settings) -> AsyncIterator[Api]:
    """The service without its worker: a conference of 2012 is long past its retention period,
    and the worker's purge would erase it while the test reads it."""
    service = await start_api(db_url, settings, run_worker=False)
    yield service
    await service.client.close()


async def test_the_eu_protocol_order_of_december_2012_with_the_cyprus_presidency(
    without_worker: Api,
) -> None:
    api = without_worker
    slug = "launch-2012"
    await create_conference(api, slug, starts_on="2012-12-05", ends_on="2012-12-05",
                            protocol={"tie_break": "eu_protocol", "presidency": "CY"})
    # filed after the meeting, for the record: a deadline left open closed with the conference,
    # so protocol gives its reason (docs/lifecycle.md, "Quotas and deadlines")
    late = {"override_reason": "Record of the 2012 launch."}
    for code in EU_2012 + OTHERS_2012_FR:
        d = await make_delegation(api, code, slug=slug)
        await accredit(api, "Minister", f"Of {code}", delegation=d, slug=slug, decision=None,
                       **late)
        if code == "US":  # a host is outside the ordering of guests
            await accredit(api, "Eric", "Holder", delegation=d, slug=slug, decision=None,
                           **late)
    order = await precedence(api, slug)
    assert countries(order) == ["CY"] + [c for c in EU_2012 if c != "CY"] + OTHERS_2012_FR
    assert [e["position"] for e in order["order"]] == list(range(1, 49))
    us = next(e for e in order["order"] if e["country"] == "US")
    assert (us["delegation"], us["head"]["family_name"], us["status"]) == (
        "États-Unis", "Of US", "submitted")
    assert order["hosts"] == [  # styled as guests of their rank are
        {"name": "Cecilia Malmström", "rank": "minister", "function": None,
         "styled_name": "Son Excellence Cecilia Malmström"},
        {"name": "Eric Holder", "rank": "minister", "function": None,
         "styled_name": "Son Excellence Eric Holder"}]
    assert order["patron"] == {"name": "Queen Paola of Belgium",
                               "style": "S.M. la Reine Paola de Belgique",
                               "address": "Sa Majesté la Reine"}
    assert (order["tie_break"], order["language"], order["presidency"]) == (
        "eu_protocol", "fr", "CY")
    assert order["without_head"] == []


async def test_alphabetical_in_french_places_accented_names_among_their_letters(
    api: Api,
) -> None:
    await create_conference(api, "alpha-fr", protocol={
        "tie_break": "alphabetical", "organisation_order": ["UNODC", "Europol"]})
    codes = ["US", "IN", "FR", "EG", "MH", "ES", "DK", "ET", "AE", "EC", "IE"]
    for code in codes:
        d = await make_delegation(api, code, slug="alpha-fr")
        if code == "IE":
            await accredit(api, "Michael D.", "Higgins", delegation=d, slug="alpha-fr",
                           rank="head_of_state", in_office_since="2011-11-11")
        elif code == "FR":
            await accredit(api, "François", "Hollande", delegation=d, slug="alpha-fr",
                           rank="head_of_state", in_office_since="2012-05-15")
        else:
            await accredit(api, "Minister", f"Of {code}", delegation=d, slug="alpha-fr")
    for name, rank in (("Interpol", "head_of_organisation"), ("Europol", "head_of_organisation"),
                       ("UNODC", "head_of_organisation"), ("European Commission", "minister")):
        d = await make_delegation(api, organisation=name, slug="alpha-fr")
        await accredit(api, "Head", f"Of {name}", delegation=d, slug="alpha-fr",
                       category="official" if rank != "minister" else "minister", rank=rank)
    await make_delegation(api, "NO", slug="alpha-fr")
    order = await precedence(api, "alpha-fr")
    assert [(e["delegation"], e["head"]["rank"]) for e in order["order"]] == [
        ("Irlande", "head_of_state"),  # in office since 2011, before Hollande (2012)
        ("France", "head_of_state"),
        ("Danemark", "minister"),
        ("Égypte", "minister"),
        ("Émirats arabes unis", "minister"),
        ("Équateur", "minister"),
        ("Espagne", "minister"),
        ("États-Unis", "minister"),
        ("Éthiopie", "minister"),
        ("Îles Marshall", "minister"),
        ("Inde", "minister"),
        ("European Commission", "minister"),  # organisations after states, within the rank
        ("UNODC", "head_of_organisation"),  # the configured order of organisations
        ("Europol", "head_of_organisation"),
        ("Interpol", "head_of_organisation"),  # unlisted: after the listed ones
    ]
    assert [(d["delegation"], d["country"]) for d in order["without_head"]] == [
        ("Norvège", "NO")]
    ireland = order["order"][0]["head"]
    assert ireland["styled_name"] == "Son Excellence Michael D. Higgins"


async def test_alphabetical_in_english_when_english_is_the_first_language(api: Api) -> None:
    await create_conference(api, "alpha-en", languages=["en", "fr"],
                            protocol={"tie_break": "alphabetical"})
    for code in ["US", "IN", "FR", "EG", "MH", "ES", "DK", "ET", "AE", "EC", "IE"]:
        d = await make_delegation(api, code, slug="alpha-en")
        await accredit(api, "Minister", f"Of {code}", delegation=d, slug="alpha-en")
    order = await precedence(api, "alpha-en")
    assert [e["delegation"] for e in order["order"]] == [
        "Denmark", "Ecuador", "Egypt", "Ethiopia", "France", "India", "Ireland",
        "Marshall Islands", "Spain", "United Arab Emirates", "United States"]


async def test_the_head_of_a_delegation_is_its_first_minister_else_its_first_official(
    api: Api, conference: dict[str, Any]
) -> None:
    be, nl, lu = (await make_delegation(api, "BE"), await make_delegation(api, "NL"),
                  await make_delegation(api, "LU"))
    await accredit(api, "Senior", "Official", delegation=be, category="official",
                   rank="senior_official")
    await accredit(api, "Rejected", "Minister", delegation=be, decision="reject")
    await accredit(api, "Pending", "Minister", delegation=be, decision=None)
    await accredit(api, "Deputy", "Minister", delegation=be, rank="deputy_minister")
    await accredit(api, "Second", "Official", delegation=nl, category="official",
                   rank="official")
    await accredit(api, "First", "Official", delegation=nl, category="official",
                   rank="ambassador")
    await accredit(api, "Waiting", "Minister", delegation=lu, decision="waitlist")
    order = await precedence(api, "alliance")
    assert [(e["country"], e["head"]["given_name"], e["head"]["rank"], e["status"])
            for e in order["order"]] == [
        ("BE", "Pending", "minister", "submitted"),
        ("NL", "First", "ambassador", "approved"),
    ]
    assert [d["country"] for d in order["without_head"]] == ["LU"]


async def test_the_drawn_order_starts_from_the_country_drawn_and_records_the_draw(
    api: Api,
) -> None:
    await create_conference(api, "drawn", protocol={"tie_break": "drawn"})
    for code in ["FR", "DE", "BE", "US", "JP"]:
        d = await make_delegation(api, code, slug="drawn")
        await accredit(api, "Minister", f"Of {code}", delegation=d, slug="drawn")
    status, body, _ = await api.call("GET", "/api/v1/conferences/drawn/precedence",
                                     role="protocol")
    assert status == 409 and body["field"] == "protocol"
    assert "protocol/draw" in body["detail"]

    status, draw, _ = await api.call("POST", "/api/v1/conferences/drawn/protocol/draw",
                                     role="protocol")
    assert status == 201, draw
    assert draw["candidates"] == ["BE", "DE", "FR", "JP", "US"]
    assert draw_start(random.Random(draw["seed"]), draw["candidates"]) == draw["drawn_start"]
    english = ["BE", "FR", "DE", "JP", "US"]  # Belgium, France, Germany, Japan, United States
    start = english.index(draw["drawn_start"])
    order = await precedence(api, "drawn")
    assert countries(order) == english[start:] + english[:start]
    assert order["drawn_start"] == draw["drawn_start"]

    status, body, _ = await api.call("POST", "/api/v1/conferences/drawn/protocol/draw",
                                     role="protocol")
    assert status == 409 and body["drawn_start"] == draw["drawn_start"]
    assert await payloads(api, "protocol.drawn", 1, slug="drawn") == [draw]


async def _opening(api: Api, conference: dict[str, Any], **session: Any) -> tuple[
        dict[str, Any], dict[str, dict[str, Any]]]:
    """A session chaired by the host Cecilia Malmström, with four speakers and an attendee."""
    room = await make_room(api)
    people = {
        "malmstrom": await accredit(api, "Cecilia", "Malmström", category="staff",
                                    rank="minister", gender="female"),
        "milquet": await accredit(api, "Joëlle", "Milquet", gender="female",
                                  delegation=await make_delegation(api, "BE")),
        "ask": await accredit(api, "Beatrice", "Ask", gender="female",
                              delegation=await make_delegation(api, "SE")),
        "napolitano": await accredit(api, "Janet", "Napolitano", gender="female",
                                     delegation=await make_delegation(api, "US")),
        "kenny": await accredit(api, "Enda", "Kenny", gender="male", rank="head_of_government",
                                delegation=await make_delegation(api, "IE")),
        "expert": await accredit(api, "Jan", "Expert", category="expert", rank="expert"),
    }
    session_ = await make_session(api, room, at(conference, 12), at(conference, 13), **session)
    await put_participant(api, session_, people["malmstrom"], "chair")
    for key in ("milquet", "napolitano", "kenny", "ask"):
        await put_participant(api, session_, people[key], "speaker")
    await put_participant(api, session_, people["expert"], "attendee")
    return session_, people


async def test_speakers_follow_the_chairs_welcome_in_reverse_order_of_precedence(
    api: Api, conference: dict[str, Any]
) -> None:
    session, people = await _opening(api, conference)
    status, body, _ = await api.call("GET", f"/api/v1/sessions/{session['id']}/speaking-order",
                                     role="protocol")
    assert status == 200
    assert body["patron"] is None and body["royal_presence"] is False
    assert [(s["position"], s["part"], s["person"]["family_name"]) for s in body["slots"]] == [
        (1, "welcome", "Malmström"),
        (2, "speech", "Napolitano"),  # a non-EU state after the EU states
        (3, "speech", "Ask"),  # SE after BE in the EU protocol order
        (4, "speech", "Milquet"),
        (5, "speech", "Kenny"),  # head of government: the most senior speaks last
    ]
    chair = body["slots"][0]["person"]
    assert chair == {
        "accreditation_id": people["malmstrom"]["id"], "given_name": "Cecilia",
        "family_name": "Malmström", "styled_name": "Son Excellence Madame Cecilia Malmström",
        "rank": "minister", "function": None, "delegation_id": None, "delegation": None,
        "is_host": True, "role": "chair",
    }
    assert body["slots"][4]["person"]["delegation"] == "Irlande"


async def test_in_a_royal_presence_session_nothing_begins_before_the_patron_arrives(
    api: Api, conference: dict[str, Any]
) -> None:
    session, _ = await _opening(api, conference, royal_presence=True, press_access="pool")
    status, body, _ = await api.call("GET", f"/api/v1/sessions/{session['id']}/speaking-order",
                                     role="protocol")
    assert status == 200
    assert body["patron"] == {"name": "Queen Paola of Belgium",
                              "style": "S.M. la Reine Paola de Belgique",
                              "address": "Sa Majesté la Reine"}
    assert [(s["part"], s["person"] and s["person"]["family_name"]) for s in body["slots"]] == [
        ("patron_arrival", None), ("welcome", "Malmström"), ("speech", "Napolitano"),
        ("speech", "Ask"), ("speech", "Milquet"), ("speech", "Kenny")]


async def test_the_head_table_seats_the_guest_of_honour_on_the_chairs_right(
    api: Api, conference: dict[str, Any]
) -> None:
    session, people = await _opening(api, conference)
    status, body, _ = await api.call("GET", f"/api/v1/sessions/{session['id']}/seating",
                                     role="protocol")
    assert status == 200
    assert [(s["seat"], s["person"]["family_name"]) for s in body["seats"]] == [
        (0, "Malmström"), (1, "Kenny"), (-1, "Milquet"), (2, "Ask"), (-2, "Napolitano")]
    assert body["from_audience_left_to_right"] == [
        people[k]["id"] for k in ("ask", "kenny", "malmstrom", "milquet", "napolitano")]
    status, _, _ = await api.call(
        "DELETE", f"/api/v1/sessions/{session['id']}/participants/{people['malmstrom']['id']}",
        role="protocol")
    assert status == 204
    status, body, _ = await api.call("GET", f"/api/v1/sessions/{session['id']}/seating",
                                     role="protocol")
    assert status == 409 and "no chair" in body["detail"]


async def _csv(api: Api, path: str) -> tuple[list[dict[str, str]], list[str], Any]:
    """A CSV answer with Accept: text/csv, decoded as UTF-8 and parsed: its rows and header."""
    resp = await api.client.get(path, headers={"Accept": "text/csv",
                                               **api.auth("protocol")})
    assert resp.status == 200, await resp.text()
    assert resp.headers["Content-Type"] == "text/csv; charset=utf-8"
    raw = await resp.read()
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8"), newline=""))
    rows = list(reader)
    return rows, list(reader.fieldnames or []), resp


async def test_the_speaking_order_as_csv_for_the_protocol_office(
    api: Api, conference: dict[str, Any]
) -> None:
    session, people = await _opening(api, conference, royal_presence=True, press_access="pool")
    rows, header, resp = await _csv(api, f"/api/v1/sessions/{session['id']}/speaking-order")
    assert header == ["position", "part", "styled_name", "given_name", "family_name",
                      "function", "delegation", "accreditation_id"]
    # named as the console names its downloads (the conference, the session's day in Brussels,
    # its title in the conference's first language, French), not by the session's id
    assert (resp.headers["Content-Disposition"] == 'attachment; filename="speaking-order-'
            f'alliance-{conference["starts_on"]}-seance-d-ouverture.csv"')
    assert [(r["position"], r["part"], r["family_name"]) for r in rows] == [
        ("1", "patron_arrival", ""), ("2", "welcome", "Malmström"), ("3", "speech", "Napolitano"),
        ("4", "speech", "Ask"), ("5", "speech", "Milquet"), ("6", "speech", "Kenny")]
    assert rows[0]["styled_name"] == "Sa Majesté la Reine"
    assert rows[1]["styled_name"] == "Son Excellence Madame Cecilia Malmström"
    assert rows[4] | {"accreditation_id": ""} == {
        "position": "5", "part": "speech", "styled_name": rows[4]["styled_name"],
        "given_name": "Joëlle", "family_name": "Milquet", "function": "Ministre",
        "delegation": "Belgique", "accreditation_id": ""}
    assert rows[4]["accreditation_id"] == people["milquet"]["id"]
    # without the header, the same JSON as before
    status, body, _ = await api.call("GET", f"/api/v1/sessions/{session['id']}/speaking-order",
                                     role="protocol")
    assert status == 200 and len(body["slots"]) == 6


async def test_the_head_table_as_csv_with_the_places_seen_from_the_audience(
    api: Api, conference: dict[str, Any]
) -> None:
    session, people = await _opening(api, conference)
    rows, header, resp = await _csv(api, f"/api/v1/sessions/{session['id']}/seating")
    assert header == ["seat", "from_audience_left", "styled_name", "given_name", "family_name",
                      "function", "delegation", "accreditation_id"]
    # named as the console names its downloads, not by the session's id
    assert (resp.headers["Content-Disposition"] == 'attachment; filename="seating-'
            f'alliance-{conference["starts_on"]}-seance-d-ouverture.csv"')
    assert [(r["seat"], r["from_audience_left"], r["family_name"]) for r in rows] == [
        ("0", "3", "Malmström"), ("1", "2", "Kenny"), ("-1", "4", "Milquet"), ("2", "1", "Ask"),
        ("-2", "5", "Napolitano")]
    assert {r["family_name"]: r["accreditation_id"] for r in rows}["Kenny"] == \
        people["kenny"]["id"]
    assert rows[1]["delegation"] == "Irlande"
    # a refusal stays a problem, not a CSV
    status, _, _ = await api.call(
        "DELETE", f"/api/v1/sessions/{session['id']}/participants/{people['malmstrom']['id']}",
        role="protocol")
    assert status == 204
    resp = await api.client.get(f"/api/v1/sessions/{session['id']}/seating",
                                headers={"Accept": "text/csv", **api.auth("protocol")})
    assert resp.status == 409 and resp.content_type == "application/problem+json"
