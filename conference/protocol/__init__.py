"""Protocol: order of precedence, speaking order, seating and forms of address (pure).

The rules are described in docs/protocol.md and documented where they are implemented:

- `ranks`: the ranks in order of precedence.
- `countries`: country names (babel/pycountry), accent-aware collation, EU membership by date and
  the EU protocol order.
- `precedence`: the order of precedence and its tie-breaks.
- `speaking`: speaking order, greetings and head-table seating.
- `address`: forms of address, royal styles and letter openings.

Nothing here does I/O or reads the clock: the day that decides EU membership is configured.
"""

from conference.protocol.address import (
    EXCELLENCY_RANKS,
    form_of_address,
    royal_style,
    salutation,
    styled_name,
)
from conference.protocol.countries import (
    EU_PROTOCOL_ORDER,
    collation_key,
    country_name,
    eu_members_on,
)
from conference.protocol.precedence import (
    Person,
    ProtocolConfig,
    TieBreak,
    draw_start,
    guests_in_order,
    order_of_precedence,
    precedence_key,
)
from conference.protocol.ranks import RANK_ORDER, Rank
from conference.protocol.speaking import SpeakingSlot, greeting_order, seating, speaking_order

__all__ = [
    "EU_PROTOCOL_ORDER",
    "EXCELLENCY_RANKS",
    "RANK_ORDER",
    "Person",
    "ProtocolConfig",
    "Rank",
    "SpeakingSlot",
    "TieBreak",
    "collation_key",
    "country_name",
    "draw_start",
    "eu_members_on",
    "form_of_address",
    "greeting_order",
    "guests_in_order",
    "order_of_precedence",
    "precedence_key",
    "royal_style",
    "salutation",
    "seating",
    "speaking_order",
    "styled_name",
]
