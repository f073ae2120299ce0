"""What the workspaces show, decided without a database or a web server: the head of a
delegation, which actions a status allows, the press office's reason templates."""

from __future__ import annotations

from collections.abc import Sequence

from conference.accreditation.domain import TRANSITIONS, Action, Status
from conference.accreditation.models import Accreditation
from conference.protocol.ranks import rank_index

ACTIVE = (Status.submitted, Status.approved, Status.waitlisted)

MEMBER_CATEGORIES = ("minister", "official", "expert")

REASON_TEMPLATES: dict[str, dict[str, str]] = {
    "no_card": {"fr": "La carte de presse ou la lettre de la rédaction n'a pas pu être vérifiée.",
                "en": "The press card or editor's letter could not be verified."},
    "pool_full": {"fr": "Toutes les places du pool presse sont attribuées.",
                  "en": "All places of the press pool are taken."},
    "not_media": {"fr": "La demande ne relève pas d'un média d'information.",
                  "en": "The application does not come from a news organisation."},
}
"""The reasons the press office picks from when it rejects (or writes its own)."""


def head_of(members: Sequence[Accreditation]) -> Accreditation | None:
    """The head of the delegation: its highest-ranked member still in play (submitted,
    approved or waitlisted), the first registered among equals."""
    candidates = [m for m in members if m.status in ACTIVE and m.rank is not None]
    if not candidates:
        return None
    return min(candidates, key=lambda m: (rank_index(m.rank or "expert"), m.submitted_at))


def editable(acc: Accreditation) -> bool:
    """Whether the portal offers to edit a member: a delegation member (minister, official,
    expert) still waiting for the decision (the accreditation's ``amend`` rules)."""
    return acc.status is Status.submitted and acc.category.value in MEMBER_CATEGORIES


def allows(status: Status, action: Action) -> bool:
    return (status, action) in TRANSITIONS


def like_pattern(search: str) -> str:
    """``search`` with LIKE's wildcards escaped (the query adds the ``%`` around it)."""
    return search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
