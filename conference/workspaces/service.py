"""The workspaces' own use-cases: the press office's reason templates (docs/workspaces.md,
"Reason templates"). Each authorises, validates through ``domain.py``, writes through
``repo.py`` with its domain event in the same transaction, and owns its transaction.

The caller has checked the conference's scope (a press office grant opens its own conference
only); these check the role."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID, uuid4

from conference import roles
from conference.accreditation import lookup as accreditations
from conference.accreditation.domain import PressPerson, possible_duplicates
from conference.auth import Principal, require
from conference.db.pool import Database, connection, transaction
from conference.errors import Invalid, NotFound
from conference.outbox.events import record
from conference.workspaces import domain, repo
from conference.workspaces.domain import ReasonTemplate
from conference.workspaces.events import PressReasonChanged


async def press_reasons(pool: Database, conference_id: UUID, actor: Principal | None,
                        now: datetime) -> list[ReasonTemplate]:
    """The conference's reason templates in the order added; a conference that never had any
    starts with the defaults (``domain.REASON_TEMPLATES``)."""
    require(actor, *roles.PRESS_DESK)
    async with transaction(pool) as conn:
        await repo.seed_press_reasons(conn, conference_id, domain.REASON_TEMPLATES, now)
        return await repo.press_reasons(conn, conference_id)


async def press_reason(pool: Database, conference_id: UUID, reason_id: UUID,
                       actor: Principal | None) -> ReasonTemplate:
    """One of the conference's reason templates (404 for a deleted one or another
    conference's)."""
    require(actor, *roles.PRESS_DESK)
    async with connection(pool) as conn:
        found = await repo.press_reason(conn, conference_id, reason_id)
    if found is None:
        raise NotFound("No such reason template.")
    return found


def _texts(text_fr: str, text_en: str) -> tuple[str, str]:
    fr, en = domain.clean_reason_text(text_fr), domain.clean_reason_text(text_en)
    errors = [{"field": field, "message": f"1 to {domain.REASON_MAX} characters on one line",
               "type": "value_error"}
              for field, value in (("text_fr", fr), ("text_en", en)) if value is None]
    if errors:
        raise Invalid("Some fields are invalid.", errors)
    assert fr is not None and en is not None
    return fr, en


async def add_press_reason(pool: Database, conference_id: UUID, text_fr: str, text_en: str,
                           actor: Principal | None, now: datetime) -> ReasonTemplate:
    """A new reason template in both languages (422 naming ``text_fr``/``text_en``)."""
    principal = require(actor, *roles.PRESS_DESK)
    fr, en = _texts(text_fr, text_en)
    async with transaction(pool) as conn:
        await repo.seed_press_reasons(conn, conference_id, domain.REASON_TEMPLATES, now)
        added = await repo.insert_press_reason(conn, conference_id, uuid4(), fr, en, now)
        await record(conn, "press.reason_changed",
                     PressReasonChanged(reason_id=added.id, change="added"),
                     conference_id=conference_id, subject_id=added.id, actor=principal.actor)
    return added


async def edit_press_reason(pool: Database, conference_id: UUID, reason_id: UUID,
                            text_fr: str, text_en: str, actor: Principal | None,
                            now: datetime) -> ReasonTemplate:
    """New wording for a template (404 when it is not the conference's; 422 as adding).
    Decisions already made keep the text they were sent with."""
    principal = require(actor, *roles.PRESS_DESK)
    fr, en = _texts(text_fr, text_en)
    async with transaction(pool) as conn:
        edited = await repo.update_press_reason(conn, conference_id, reason_id, fr, en, now)
        if edited is None:
            raise NotFound("No such reason template.")
        await record(conn, "press.reason_changed",
                     PressReasonChanged(reason_id=reason_id, change="edited"),
                     conference_id=conference_id, subject_id=reason_id, actor=principal.actor)
    return edited


async def remove_press_reason(pool: Database, conference_id: UUID, reason_id: UUID,
                              actor: Principal | None, now: datetime) -> None:
    """The template leaves the list (404 when it is not the conference's)."""
    principal = require(actor, *roles.PRESS_DESK)
    async with transaction(pool) as conn:
        if not await repo.remove_press_reason(conn, conference_id, reason_id, now):
            raise NotFound("No such reason template.")
        await record(conn, "press.reason_changed",
                     PressReasonChanged(reason_id=reason_id, change="removed"),
                     conference_id=conference_id, subject_id=reason_id, actor=principal.actor)


async def press_duplicates(pool: Database, conference_id: UUID, actor: Principal | None
                           ) -> dict[UUID, list[PressPerson]]:
    """The conference's press applications that probably duplicate others, each with those
    others (docs/workspaces.md, "Possible duplicates"): found on the desk, read only, so that
    the public registration stays one statement. The rule is the accreditation domain's, the
    one its approval applies."""
    require(actor, *roles.PRESS_DESK)
    async with connection(pool) as conn:
        return possible_duplicates(await accreditations.press_people(conn, conference_id))
