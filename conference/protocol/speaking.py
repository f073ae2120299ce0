"""Speaking order, greetings and head-table seating (docs/protocol.md, "Speaking order").

Speaking order (`speaking_order`):

- The session's chair (normally one of the hosts) opens with a welcome.
- Then the speakers in **reverse** order of precedence (`precedence.order_of_precedence`,
  reversed), so the most senior speaks last. The chair is not repeated among the speakers, and a
  speaker listed twice speaks once.
- In a royal-presence session the first slot is the patron's arrival (a slot with no person):
  nothing, not even the chair's welcome, begins before the patron has arrived.

Slots are numbered from 1 in the order they happen.

Greetings (`greeting_order`): within a speech, dignitaries are greeted in descending order of
precedence, most senior first. The patron, when present, is greeted before all of them (with the
royal style, see `address.royal_style`); the patron is not a `Person`, so is not in that list.

Seating (`seating`) at a head table: the chair sits in the middle, at position 0. Positions are
counted from the chair and seen **as the chair sees them**, facing the audience: +1 is the seat
on the chair's right (the guest of honour, the guest highest in precedence), -1 the seat on the
chair's left (the second guest), then +2, -2, +3, ... alternating down the order of precedence.
Seen from the audience, the chair's right is on the audience's left.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from conference.protocol.precedence import Person, ProtocolConfig, order_of_precedence

SlotPart = Literal["patron_arrival", "welcome", "speech"]


@dataclass(frozen=True)
class SpeakingSlot:
    """One step of a session's opening: the patron's arrival, the chair's welcome or a speech."""

    position: int  # 1-based place in the order
    person: Person | None  # None for the patron's arrival
    part: SlotPart  # "patron_arrival" | "welcome" | "speech"


def _distinct(people: Iterable[Person], leave_out: Person | None) -> list[Person]:
    """`people` without repeats (by id) and without `leave_out`, first occurrence kept."""
    seen: set[str] = set() if leave_out is None else {leave_out.id}
    distinct: list[Person] = []
    for person in people:
        if person.id not in seen:
            seen.add(person.id)
            distinct.append(person)
    return distinct


def speaking_order(
    chair: Person | None,
    speakers: Sequence[Person],
    config: ProtocolConfig,
    *,
    royal_presence: bool,
) -> list[SpeakingSlot]:
    """The order of a session's opening: [patron's arrival], [chair's welcome], speeches.

    Speeches are in reverse order of precedence, the most senior last.
    """
    parts: list[tuple[Person | None, SlotPart]] = []
    if royal_presence:
        parts.append((None, "patron_arrival"))
    if chair is not None:
        parts.append((chair, "welcome"))
    in_precedence = order_of_precedence(_distinct(speakers, chair), config)
    parts.extend((speaker, "speech") for speaker in reversed(in_precedence))
    return [
        SpeakingSlot(position=index, person=person, part=part)
        for index, (person, part) in enumerate(parts, start=1)
    ]


def greeting_order(dignitaries: Iterable[Person], config: ProtocolConfig) -> list[Person]:
    """The order in which a speech greets `dignitaries`: descending precedence, most senior first.

    The patron, if present, is greeted before all of them.
    """
    return order_of_precedence(_distinct(dignitaries, None), config)


def seat_position(place: int) -> int:
    """The seat of the guest at 0-based `place` in precedence: 0 → +1, 1 → -1, 2 → +2, ..."""
    side = 1 if place % 2 == 0 else -1
    return side * (place // 2 + 1)


def seating(
    chair: Person, guests: Sequence[Person], config: ProtocolConfig
) -> list[tuple[int, Person]]:
    """Head-table seats: ``(0, chair)`` then each guest's seat, in order of precedence.

    Seat +1 is on the chair's right (as seen by the chair), -1 on the chair's left, then +2, -2,
    ... alternating by precedence. The chair is not seated twice if also listed among the guests.
    The conference's hosts at the table stand before every guest, as on the order of
    precedence (docs/protocol.md, "Patron and hosts"): a co-host who does not chair sits on the
    chair's right, not at the end of the table after every state of higher rank.
    """
    in_precedence = order_of_precedence(_distinct(guests, chair), config)
    ordered = [p for p in in_precedence if p.is_host] + [p for p in in_precedence
                                                          if not p.is_host]
    return [(0, chair)] + [(seat_position(place), guest) for place, guest in enumerate(ordered)]
