"""Letters that did not arrive (docs/workspaces.md, "Letters not delivered"): a journalist whose
acknowledgement or decision the mail server refused was told nothing, and the office did not
know. The queue marks the line and filters them; the application's page says which letter,
when, why in words (the server's reply, never an exception's text) and what to do. The press
desk's own only: a delegation member's letter is protocol's. A real database and a real SMTP
server that refuses an address."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import asyncpg

from tests.browser.helpers import delegation, element, hidden, member, press
from tests.conftest import Api
from tests.http.test_workspaces_reasons import _conference, _officer
from tests.support import RecordingSMTP

DESK = "/manage/alliance/press"
REFUSAL = "550 5.1.1 <marie.dupont1@example.org>: Recipient address rejected: User unknown"


async def _failed(db: asyncpg.Connection, recipient: str, n: int) -> None:
    """Wait until ``n`` letters to ``recipient`` have failed (the worker is asynchronous)."""
    for _ in range(400):
        found = await db.fetchval("SELECT count(*) FROM delivery WHERE status = 'failed' "
                                  "AND recipient = $1", recipient)
        if found >= n:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no failed letter to {recipient}")


def _refuse(smtp: RecordingSMTP) -> None:
    """The relay refuses Marie Dupont1's address (mistyped) and Reynders's, for good."""
    def refuse(message: Any) -> str | None:
        to = str(message["To"])
        if "marie.dupont1@" in to:
            return REFUSAL
        return "550 5.1.1 User unknown" if "reynders@" in to else None
    smtp.refuse_message = refuse


async def test_the_queue_marks_and_filters_the_letters_not_delivered(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    await _conference(api)
    _refuse(smtp)
    lost = await press(api, 1)  # its acknowledgement is refused
    fine = await press(api, 2)
    deleg = await delegation(api, country="BE")
    await member(api, deleg, "Reynders")  # protocol's: its letters are not the desk's
    await _failed(db, "marie.dupont1@example.org", 1)
    await _failed(db, "reynders@example.org", 1)
    v = await _officer(api, smtp)

    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    assert element(queue, f"undelivered-{lost['id']}") == "Letter not delivered"
    assert f'id="undelivered-{fine["id"]}"' not in queue
    assert re.search(rf'href="{DESK}/{lost["id"]}\?lang=en#undelivered"', queue)
    assert '<label for="undelivered">Letters not delivered (1)</label>' in queue

    # the filter: only those, within the tab (here "To decide", the desk's own; every status
    # in the tab "All": a decision's letter fails once decided)
    _, listed, _ = await v.go("GET", f"{DESK}?lang=en&undelivered=1")
    assert f'id="pick-{lost["id"]}"' in listed and f'id="pick-{fine["id"]}"' not in listed
    assert 'id="undelivered" name="undelivered" value="1" checked' in listed
    assert re.search(r'aria-current="page">To decide \(1\)</a>', listed)

    _, fr, _ = await v.go("GET", f"{DESK}?lang=fr")
    assert element(fr, f"undelivered-{lost['id']}") == "Lettre non distribuée"

    # approved, its decision is refused too: two letters on the filter's list, still one line
    status, _, _ = await api.call("POST", f"/api/v1/accreditations/{lost['id']}/decision",
                                  role="press_office", json={"decision": "approve"})
    assert status == 200
    await _failed(db, "marie.dupont1@example.org", 2)
    _, listed, _ = await v.go("GET", f"{DESK}?lang=en&undelivered=1&status=approved")
    assert listed.count(f'id="pick-{lost["id"]}"') == 0  # approved: nothing to tick
    assert listed.count(f'id="undelivered-{lost["id"]}"') == 1


async def test_the_application_says_which_letter_when_why_and_what_to_do(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    await _conference(api)
    _refuse(smtp)
    lost = await press(api, 1)
    await _failed(db, "marie.dupont1@example.org", 1)
    v = await _officer(api, smtp)
    _, page, _ = await v.go("GET", f"{DESK}/{lost['id']}?lang=en")
    section = element(page, "undelivered")
    assert "Letters not delivered" in section
    assert "These letters did not reach Marie Dupont1: the journalist does not know what " \
           "they said." in section
    assert re.search(r"Acknowledgement of the application, written on .+: The mail server "
                     r"refused the address marie\.dupont1@example\.org\.", section), section
    assert "The mail server's reply: 550 5.1.1 <marie.dupont1@example.org>: Recipient " \
           "address rejected: User unknown" in section
    assert element(page, "undelivered-todo").startswith(
        "What to do: call the journalist, or reach them through their outlet")
    assert "SMTP 550" not in page and "PermanentError" not in page

    _, fr, _ = await v.go("GET", f"{DESK}/{lost['id']}?lang=fr")
    # (``element`` reads a no-break space as a space; the page writes one before the colon)
    assert re.search(r"Accusé de réception de la demande, rédigée le .+ : Le serveur de "
                     r"messagerie a refusé l'adresse marie\.dupont1@example\.org\.",
                     element(fr, "undelivered"))
    assert "&nbsp;: Le serveur de messagerie a refusé" in fr
    assert element(fr, "undelivered-todo").startswith("Que faire")

    # an application whose letters arrived says nothing of it
    fine = await press(api, 2)
    _, page, _ = await v.go("GET", f"{DESK}/{fine['id']}?lang=en")
    assert 'id="undelivered"' not in page


async def test_a_parked_letter_is_told_in_words_never_with_its_error(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    """A letter parked because it could not be built (docs/outbox.md): its error names the
    exception and may carry the value; the desk says what it means, not what it was. The
    press office's own notice about the application, failed, is not the journalist's letter."""
    await _conference(api)
    j = await press(api, 3)
    v = await _officer(api, smtp)
    conference_id = await db.fetchval("SELECT id FROM conference WHERE slug = 'alliance'")
    await db.execute(
        "INSERT INTO delivery (conference_id, accreditation_id, template, dedupe_key, recipient,"
        " sender, subject, message_id, status, last_error, consumer)"
        " VALUES ($1, $2, 'decision_rejected', 'x:1', $3, '', '', '', 'failed',"
        " 'ValueError: Header values may not contain linefeed: Marie\nDupont3',"
        " 'accreditation_notices'),"
        " ($1, $2, 'press_office_notice', 'x:2', 'press@example.org', '', '', '', 'failed',"
        " 'SMTP 550: no such office', NULL)",
        conference_id, j["id"], j["email"])
    _, page, _ = await v.go("GET", f"{DESK}/{j['id']}?lang=en")
    section = element(page, "undelivered")
    assert "Decision: application rejected" in section
    assert "The letter could not be written with the details on file" in section
    assert "ValueError" not in page and "linefeed" not in page
    assert "no such office" not in page and "notice" not in section.lower()
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    assert '<label for="undelivered">Letters not delivered (1)</label>' in queue
    assert hidden(queue, "csrf")
