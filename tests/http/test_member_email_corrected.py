"""A member's address corrected before the decision (docs/lifecycle.md, "Letters"): the
acknowledgement goes to the new address with a fresh private link, which replaces the one the
old address was sent. A tryout of the focal point's portal corrected an address and found
nothing sent to the new one, the old address's link still open on the application (its
identity document, its withdrawal), and the new address's first letter the one closing the
application. Other amendments write to nobody and leave the link alone. A real database and a
real SMTP server."""

from __future__ import annotations

import asyncio
import re
from typing import Any
from uuid import UUID

import asyncpg

from conference.outbox.dispatch import advisory_key
from tests.conftest import Api
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP, body_text


def _private_link(message: object) -> str:
    match = re.search(r"/a/[A-Za-z0-9_-]+", body_text(message))
    assert match, body_text(message)
    return match.group(0)


async def _expert(api: Api, smtp: RecordingSMTP, be: dict[str, Any]
                  ) -> tuple[dict[str, Any], str]:
    """A member filed, with the private link of her first letter."""
    status, created, _ = await api.call(
        "POST", "/api/v1/conferences/alliance/accreditations", role="protocol",
        json={"category": "expert", "given_name": "Amélie", "family_name": "Durand",
              "email": "durand@example.org", "language": "en", "delegation_id": be["id"],
              "rank": "expert", "function": "Expert"})
    assert status == 201, created
    [first] = await smtp.wait_for(1, where=lambda m: "durand@example.org" in m["To"])
    return created, _private_link(first)


async def test_the_new_address_gets_the_link_and_the_old_link_closes(
    api: Api, smtp: RecordingSMTP
) -> None:
    be, _ = await _setup(api, smtp)
    created, old_link = await _expert(api, smtp, be)
    assert (await api.client.get(old_link)).status == 200

    # another field corrected: nobody is written to, the link stays
    status, body, _ = await api.call("PATCH", f"/api/v1/accreditations/{created['id']}",
                                     role="protocol", json={"function": "Conseiller"})
    assert status == 200, body
    status, body, _ = await api.call("PATCH", f"/api/v1/accreditations/{created['id']}",
                                     role="protocol", json={"email": "a.durand@example.org"})
    assert status == 200, body
    [ack] = await smtp.wait_for(1, where=lambda m: "a.durand@example.org" in m["To"])
    assert "Accreditation request received" in ack["Subject"], ack["Subject"]
    new_link = _private_link(ack)
    assert new_link != old_link
    assert (await api.client.get(new_link)).status == 200
    assert (await api.client.get(old_link)).status == 404  # replaced by the new address's
    # the old address had one letter, the first; the function's correction sent none
    assert len([m for m in smtp.messages if "<durand@example.org>" in m["To"]
                or m["To"] == "durand@example.org"]) == 1


async def test_the_old_address_s_link_closes_with_the_correction_not_with_the_letter(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The old address's link closed only when the new address's letter was written (the
    letter's fresh link replaced it): while the mailer was held up, whoever read the old
    address could still open the application, its identity document, its withdrawal. It
    closes in the correction's transaction. The letters are held here by the lock their
    consumer takes on the applicant (docs/outbox.md, "Locks")."""
    be, _ = await _setup(api, smtp)
    created, old_link = await _expert(api, smtp, be)
    holder = await asyncpg.connect(api.db_url)
    try:
        await holder.execute("SELECT pg_advisory_lock($1)",
                             advisory_key("accreditation", UUID(created["id"])))
        status, body, _ = await api.call("PATCH", f"/api/v1/accreditations/{created['id']}",
                                         role="protocol", json={"email": "a.durand@example.org"})
        assert status == 200, body
        await asyncio.sleep(0.5)  # the worker, woken, waits on the lock: no letter yet
        assert [m for m in smtp.messages if "a.durand@example.org" in m["To"]] == []
        assert (await api.client.get(old_link)).status == 404
    finally:
        await holder.close()  # the lock goes with the session
    [ack] = await smtp.wait_for(1, where=lambda m: "a.durand@example.org" in m["To"])
    assert (await api.client.get(_private_link(ack))).status == 200
