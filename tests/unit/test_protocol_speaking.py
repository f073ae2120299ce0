"""Speaking order, greetings and head-table seating (docs/protocol.md, "Speaking order")."""

from __future__ import annotations

import random
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from conference.protocol.precedence import Person, ProtocolConfig, TieBreak, order_of_precedence
from conference.protocol.ranks import Rank
from conference.protocol.speaking import (
    SpeakingSlot,
    greeting_order,
    seat_position,
    seating,
    speaking_order,
)

CONFIG = ProtocolConfig()  # eu_protocol, French, 5 December 2012

# The launch of the Global Alliance against Child Sexual Abuse Online, Brussels, 5 December 2012.
CHAIR = Person("chair", "Joëlle", "Milquet", Rank.deputy_head_of_government, "BE", is_host=True)
MALMSTROM = Person(
    "malmstrom", "Cecilia", "Malmström", Rank.minister, organisation="European Commission"
)
HOLDER = Person("holder", "Eric", "Holder", Rank.minister, "US")
SHATTER = Person("shatter", "Alan", "Shatter", Rank.minister, "IE")
SOTER = Person("soter", "Ana", "Soter", Rank.deputy_minister, "CY")
ERNST = Person("ernst", "Tove", "Ernst", Rank.senior_official, "DK")
AMBASSADOR = Person(
    "amb", "Jan", "Peeters", Rank.ambassador, "NO", in_office_since=date(2010, 9, 1)
)
PRESIDENT = Person("president", "Ivo", "Josipović", Rank.head_of_state, "HR")


# --- speaking order ---------------------------------------------------------------------------


def test_chair_welcomes_then_speakers_in_reverse_order_of_precedence() -> None:
    speakers = [HOLDER, SOTER, MALMSTROM, SHATTER]
    assert speaking_order(CHAIR, speakers, CONFIG, royal_presence=False) == [
        SpeakingSlot(1, CHAIR, "welcome"),
        SpeakingSlot(2, SOTER, "speech"),  # deputy minister
        SpeakingSlot(3, MALMSTROM, "speech"),  # minister, organisation
        SpeakingSlot(4, HOLDER, "speech"),  # minister, non-EU state
        SpeakingSlot(5, SHATTER, "speech"),  # minister, EU state: most senior, speaks last
    ]


def test_royal_presence_session_opens_with_the_patrons_arrival() -> None:
    speakers = [HOLDER, MALMSTROM]
    assert speaking_order(CHAIR, speakers, CONFIG, royal_presence=True) == [
        SpeakingSlot(1, None, "patron_arrival"),
        SpeakingSlot(2, CHAIR, "welcome"),
        SpeakingSlot(3, MALMSTROM, "speech"),
        SpeakingSlot(4, HOLDER, "speech"),
    ]


def test_nothing_begins_before_the_patron_even_without_a_chair() -> None:
    assert speaking_order(None, [HOLDER, MALMSTROM], CONFIG, royal_presence=True) == [
        SpeakingSlot(1, None, "patron_arrival"),
        SpeakingSlot(2, MALMSTROM, "speech"),
        SpeakingSlot(3, HOLDER, "speech"),
    ]


def test_without_a_chair_the_speeches_start_at_position_one() -> None:
    assert speaking_order(None, [HOLDER, ERNST], CONFIG, royal_presence=False) == [
        SpeakingSlot(1, ERNST, "speech"),
        SpeakingSlot(2, HOLDER, "speech"),
    ]


def test_chair_listed_among_speakers_is_not_repeated() -> None:
    assert speaking_order(CHAIR, [HOLDER, CHAIR], CONFIG, royal_presence=False) == [
        SpeakingSlot(1, CHAIR, "welcome"),
        SpeakingSlot(2, HOLDER, "speech"),
    ]


def test_speaker_listed_twice_speaks_once() -> None:
    assert speaking_order(CHAIR, [HOLDER, ERNST, HOLDER], CONFIG, royal_presence=False) == [
        SpeakingSlot(1, CHAIR, "welcome"),
        SpeakingSlot(2, ERNST, "speech"),
        SpeakingSlot(3, HOLDER, "speech"),
    ]


def test_chair_alone_only_welcomes() -> None:
    assert speaking_order(CHAIR, [], CONFIG, royal_presence=False) == [
        SpeakingSlot(1, CHAIR, "welcome")
    ]


def test_royal_session_with_nobody_else_is_only_the_arrival() -> None:
    assert speaking_order(None, [], CONFIG, royal_presence=True) == [
        SpeakingSlot(1, None, "patron_arrival")
    ]


def test_head_of_state_speaks_last_whatever_the_input_order() -> None:
    speakers = [PRESIDENT, ERNST, HOLDER, AMBASSADOR]
    slots = speaking_order(CHAIR, speakers, CONFIG, royal_presence=False)
    assert [s.person for s in slots] == [CHAIR, ERNST, AMBASSADOR, HOLDER, PRESIDENT]


def test_speaking_order_follows_the_conference_tie_break() -> None:
    french = ProtocolConfig(tie_break=TieBreak.alphabetical, language="fr")
    speakers = [SHATTER, HOLDER]  # Irlande, États-Unis: États-Unis first in precedence
    slots = speaking_order(None, speakers, french, royal_presence=False)
    assert [s.person for s in slots] == [SHATTER, HOLDER]


def test_presidency_speaks_last_among_eu_ministers() -> None:
    cyprus = Person("cy", "Eleni", "Mavrou", Rank.minister, "CY")
    config = ProtocolConfig(presidency="CY")
    slots = speaking_order(None, [cyprus, SHATTER], config, royal_presence=False)
    assert [s.person for s in slots] == [SHATTER, cyprus]


# --- greetings --------------------------------------------------------------------------------


def test_dignitaries_are_greeted_in_descending_order_of_precedence() -> None:
    assert greeting_order([ERNST, HOLDER, PRESIDENT, SOTER, HOLDER], CONFIG) == [
        PRESIDENT,
        HOLDER,
        SOTER,
        ERNST,
    ]


# --- seating ----------------------------------------------------------------------------------


def test_seat_positions_alternate_right_and_left_of_the_chair() -> None:
    assert [seat_position(place) for place in range(6)] == [1, -1, 2, -2, 3, -3]


def test_five_guests_alternate_right_left_by_precedence() -> None:
    guests = [ERNST, SOTER, HOLDER, PRESIDENT, MALMSTROM]
    assert seating(CHAIR, guests, CONFIG) == [
        (0, CHAIR),
        (1, PRESIDENT),  # guest of honour on the chair's right
        (-1, HOLDER),
        (2, MALMSTROM),
        (-2, SOTER),
        (3, ERNST),
    ]


def test_seating_does_not_seat_the_chair_twice() -> None:
    assert seating(CHAIR, [HOLDER, CHAIR, SHATTER], CONFIG) == [
        (0, CHAIR),
        (1, SHATTER),
        (-1, HOLDER),
    ]


def test_chair_alone_sits_in_the_middle() -> None:
    assert seating(CHAIR, [], CONFIG) == [(0, CHAIR)]


# --- properties -------------------------------------------------------------------------------

COUNTRIES = ["BE", "FR", "IE", "CY", "US", "JP", "HR", "NO"]


@st.composite
def people(draw: st.DrawFn) -> list[Person]:
    count = draw(st.integers(min_value=0, max_value=15))
    return [
        Person(
            id=f"p{index}",
            given_name="Alex",
            family_name=draw(st.sampled_from(["Ernst", "Émond", "Holder", "Østergaard"])),
            rank=draw(st.sampled_from(list(Rank))),
            country=draw(st.sampled_from(COUNTRIES)),
            in_office_since=draw(st.none() | st.dates(date(1990, 1, 1), date(2012, 12, 1))),
        )
        for index in range(count)
    ]


@settings(max_examples=100, deadline=None)
@given(speakers=people(), royal=st.booleans(), with_chair=st.booleans(), seed=st.integers())
def test_speeches_are_the_reverse_of_precedence_after_arrival_and_welcome(
    speakers: list[Person], royal: bool, with_chair: bool, seed: int
) -> None:
    chair = CHAIR if with_chair else None
    shuffled = list(speakers)
    random.Random(seed).shuffle(shuffled)
    slots = speaking_order(chair, shuffled, CONFIG, royal_presence=royal)
    opening: list[tuple[Person | None, str]] = [(None, "patron_arrival")] if royal else []
    opening += [(chair, "welcome")] if chair else []
    expected = opening + [(p, "speech") for p in reversed(order_of_precedence(speakers, CONFIG))]
    assert [(s.person, s.part) for s in slots] == expected
    assert [s.position for s in slots] == list(range(1, len(slots) + 1))


@settings(max_examples=100, deadline=None)
@given(guests=people())
def test_seats_are_distinct_and_fill_outwards_from_the_chair(guests: list[Person]) -> None:
    seats = [seat for seat, _ in seating(CHAIR, guests, CONFIG)]
    assert sorted(seats) == list(range(-(len(guests) // 2), (len(guests) + 1) // 2 + 1))
    assert [abs(seat) for seat in seats] == sorted(abs(seat) for seat in seats)


def test_a_host_at_the_head_table_sits_before_every_guest() -> None:
    """The order of precedence puts the hosts before every guest; the head table put a
    co-host (the US Attorney General) after the EU ministers, at the end of the table, since
    as a guest a non-EU minister comes last (setup test, December 2026)."""
    host = Person(id="h", given_name="Eric", family_name="Holder", rank=Rank.minister,
                  country="US", is_host=True)
    be = Person(id="be", given_name="Annemie", family_name="Turtelboom", rank=Rank.minister,
                country="BE")
    fr = Person(id="fr", given_name="Manuel", family_name="Valls", rank=Rank.minister,
                country="FR")
    assert seating(CHAIR, [fr, host, be], CONFIG) == [(0, CHAIR), (1, host), (-1, be), (2, fr)]
