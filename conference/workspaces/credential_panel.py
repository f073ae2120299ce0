"""What an application's console page shows of its credentials (docs/workspaces.md,
"Credentials"): the vetting status, the documents asked for and given, whether there is a
photo. Read through the credentials' use-cases with the console desk's ``Principal``; the
forms that change them are ``console_credentials``'s."""

from __future__ import annotations

from typing import Any

import asyncpg

from conference.accreditation.models import Accreditation
from conference.auth import Principal
from conference.credentials import service as credentials
from conference.errors import NotFound
from conference.roles import PROTOCOL_OFFICE

VETTING_CHOICES = ("pending", "cleared", "more_information", "refused")


async def panel(pool: asyncpg.Pool, principal: Principal, acc: Accreditation
                ) -> dict[str, Any] | None:
    """None for a person erased (nothing of their credentials is left to show)."""
    try:
        return {"docs": await credentials.documents_state(pool, acc.id, principal),
                "vetting": await credentials.vetting_state(pool, acc.id, principal),
                "vetting_choices": VETTING_CHOICES,
                "photo": await credentials.photo_size(pool, acc.id),
                # a status protocol recorded is not told as the security service's
                # (docs/credentials.md, "Vetting")
                "by_protocol": await credentials.clearance_set_by(pool, acc.id, principal)
                in {r.value for r in PROTOCOL_OFFICE},
                # the identity document and the visa letter request, beside the clearance
                # (docs/workspaces.md, "Credentials"): none for a reader the security page
                # does not admit
                "identity": await credentials.identity_checked(pool, acc.id, principal)
                if principal.role in credentials.VETTING_OFFICE else None,
                # the language(s) a request for more information is quoted in, as the security
                # page says them (tried as a protocol officer, 5 December 2026: an English
                # request went, quoted, in a French letter to the focal point)
                "letter_languages": await credentials.clearance_letter_languages(
                    pool, acc.id, principal)
                if principal.role in credentials.VETTING_OFFICE else ()}
    except NotFound:
        return None
