"""Possible duplicates on the press desk (docs/workspaces.md, "Possible duplicates"): the same
person applying again with another address is marked on the queue and the application's page,
with a link to the other application and its status; a duplicate of an approved application is
not approved (one person, one place in the pool), another is approved once the press officer
ticks that they checked it. Found in a user test: a second application of an approved
journalist (new address, same press card) and three "Marie Curie" showed as identical rows. A
real database and a real SMTP server."""

from __future__ import annotations

from typing import Any

import asyncpg

from tests.browser.helpers import element, hidden, press
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_workspaces_reasons import _conference, _officer
from tests.support import RecordingSMTP

DESK = "/manage/alliance/press"


def _person(given: str, family: str, outlet: str, card: str) -> dict[str, Any]:
    return {"given_name": given, "family_name": family,
            "press": {"outlet": outlet, "press_card_number": card, "role": "journalist",
                      "country": "FR"}}


async def _status(api: Api, accreditation_id: str) -> str:
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{accreditation_id}",
                               role="press_office")
    return str(acc["status"])


async def test_the_desk_marks_possible_duplicates_and_does_not_approve_them_blindly(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    await _conference(api)
    first = await press(api, 1, decision="approve",
                        **_person("Marie", "Curie", "Le Monde", "FR 2026/0042"))
    # the same card, written otherwise, with a new address: still received (the public form is
    # unchanged), marked on the desk
    again = await press(api, 2, **_person("Marie", "Curie", "Le Monde", "fr-2026-0042"))
    # the same name (accents, case, hyphens aside) and the same outlet, another card
    await press(api, 3, **_person("MARIE", "Curié", "le monde", "FR-7777"))
    # the same name at another outlet, another card: someone else
    other = await press(api, 4, **_person("Marie", "Curie", "Libération", "FR 1234"))
    twins = [await press(api, n, **_person("Jean-Luc", "Godard", "Arte", f"DE {n}"))
             for n in (5, 6)]
    # received within one minute (two posts may straddle one): their address tells them apart
    await db.execute("UPDATE accreditation SET submitted_at = '2026-11-30 09:00+01'"
                     " WHERE id = ANY($1::uuid[])", [t["id"] for t in twins])
    v = await _officer(api, smtp)

    # the desk opens on the applications to decide: the approved one is named, and linked, in
    # its duplicates' marks, and listed with its own mark among every application
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    assert element(queue, f"dup-{again['id']}") == (
        "Possible duplicate of Marie Curie (Approved); MARIE Curié (Received, under review)")
    assert f'href="{DESK}/{first["id"]}?lang=en"' in queue
    assert f'id="dup-{first["id"]}"' not in queue
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&status=all")
    assert element(queue, f"dup-{first['id']}") == (
        "Possible duplicate of Marie Curie (Received, under review); MARIE Curié (Received, "
        "under review)")
    assert element(queue, f"dup-{twins[0]['id']}") == \
        "Possible duplicate of Jean-Luc Godard (Received, under review)"
    assert f'id="dup-{other["id"]}"' not in queue
    _, queue, _ = await v.go("GET", f"{DESK}?lang=fr")
    assert element(queue, f"dup-{again['id']}") == (
        "Doublon possible de Marie Curie (Accordée) ; MARIE Curié (Reçue, en cours d'examen)")

    # the application's page names the other applications, linked, with their status
    _, page, _ = await v.go("GET", f"{DESK}/{again['id']}?lang=en")
    assert element(page, "duplicates") == (
        "This application may be a duplicate (same press card number, or same name and "
        "outlet) of: "
        "Marie Curie – Le Monde, FR 2026/0042 – Approved MARIE Curié – le monde, FR-7777 – "
        "Received, under review")
    assert f'href="{DESK}/{first["id"]}?lang=en"' in page

    # a duplicate of an approved application is refused without the box, naming it; nothing
    # changes
    status, page, _ = await v.go("POST", f"{DESK}/{again['id']}/decision?lang=en", {
        "csrf": hidden(page, "csrf"), "decision": "approve"})
    assert status == 409
    assert element(page, "form-error") == (
        "Not approved: this application probably duplicates Marie Curie's, already approved. "
        "Reject it, revoke the other first, or, if it is not the same person, tick the box.")
    assert await _status(api, again["id"]) == "submitted"
    # …nor in a batch, where the possible duplicates are named
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    status, page, _ = await v.go("POST", f"{DESK}/batch?lang=en", [  # type: ignore[arg-type]
        ("csrf", hidden(queue, "csrf")), ("decision", "approve"), ("id", twins[0]["id"]),
        ("id", other["id"])])
    assert status == 409
    assert element(page, "batch-error") == (
        "Error: Possible duplicates are decided one by one, on their page: Jean-Luc Godard – "
        "marie.dupont5@example.org. "
        "Nothing was decided: the other applications are still ticked.")
    assert f'id="pick-{other["id"]}" checked' in page
    assert await _status(api, other["id"]) == "submitted"

    # a duplicate of applications not approved: approved once the officer ticks the box
    _, page, _ = await v.go("GET", f"{DESK}/{twins[0]['id']}?lang=fr")
    status, page, _ = await v.go("POST", f"{DESK}/{twins[0]['id']}/decision?lang=fr", {
        "csrf": hidden(page, "csrf"), "decision": "approve"})
    assert status == 422
    assert element(page, "confirm_duplicate-error") == (
        "Erreur : Cette demande est peut-être un doublon : vérifiez-la, puis cochez la case "
        "pour l'accorder.")
    status, _, _ = await v.go("POST", f"{DESK}/{twins[0]['id']}/decision?lang=fr", {
        "csrf": hidden(page, "csrf"), "decision": "approve", "confirm_duplicate": "1"})
    assert status == 303
    assert await _status(api, twins[0]["id"]) == "approved"
    # the other twin now duplicates an approved application: refused without the box, it may
    # be rejected
    _, page, _ = await v.go("GET", f"{DESK}/{twins[1]['id']}?lang=fr")
    status, _, _ = await v.go("POST", f"{DESK}/{twins[1]['id']}/decision?lang=fr", {
        "csrf": hidden(page, "csrf"), "decision": "approve"})
    assert status == 409
    status, _, _ = await v.go("POST", f"{DESK}/{twins[1]['id']}/decision?lang=fr", {
        "csrf": hidden(page, "csrf"), "decision": "reject", "reason": "Doublon."})
    assert status == 303
    # an application that is not a possible duplicate is approved as before
    _, page, _ = await v.go("GET", f"{DESK}/{other['id']}?lang=en")
    assert 'id="duplicates"' not in page and 'id="confirm_duplicate"' not in page
    status, _, _ = await v.go("POST", f"{DESK}/{other['id']}/decision?lang=en", {
        "csrf": hidden(page, "csrf"), "decision": "approve"})
    assert status == 303


async def test_the_console_does_not_approve_a_duplicate_of_an_approved_application_either(
    api: Api, smtp: RecordingSMTP
) -> None:
    """An administrator deciding on the protocol console (which never looked for duplicates)
    is refused as the press desk is, in the page's words: the rule is the approval's own."""
    await _conference(api)
    first = await press(api, 1, decision="approve",
                        **_person("Marie", "Curie", "Le Monde", "FR 2026/0042"))
    again = await press(api, 2, **_person("Marie", "Curie", "Libération", "fr-2026-0042"))
    admin = await staff(api, smtp, "admin@example.org", "admin")
    path = f"/manage/alliance/accreditations/{again['id']}"
    for lang, words in (
        ("en", "Not approved: this application probably duplicates Marie Curie's, already "
               "approved, and a person takes one place in the pool. Reject it, or revoke the "
               "other first."),
        ("fr", "Demande non accordée : elle est peut-être un doublon de celle de Marie "
               "Curie, déjà accordée, et une personne n'occupe qu'une place du pool. Refusez-la, "
               "ou révoquez d'abord l'autre.")):
        _, page, _ = await admin.go("GET", f"{path}?lang={lang}")
        status, page, _ = await admin.go("POST", f"{path}/decision?lang={lang}", {
            "csrf": hidden(page, "csrf"), "decision": "approve"})
        assert status == 409, page
        assert element(page, "form-error") == words
    assert await _status(api, again["id"]) == "submitted"
    assert await _status(api, first["id"]) == "approved"


async def test_ticking_the_box_approves_another_person_of_an_approved_ones_name(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Found in a user test: two "Janet Doe" at Reuters, two press cards and two addresses,
    two people. The second one's page offers the box; once the officer ticks it, she is
    approved beside the first, and her history says the officer checked it (docs/
    workspaces.md, "Possible duplicates")."""
    await _conference(api)
    first = await press(api, 1, decision="approve",
                        **_person("Janet", "Doe", "Reuters", "UK 1111"))
    second = await press(api, 2, **_person("Janet", "Doe", "Reuters", "UK 2222"))
    v = await _officer(api, smtp)
    _, page, _ = await v.go("GET", f"{DESK}/{second['id']}?lang=en")
    assert 'id="confirm_duplicate"' in page
    status, page, _ = await v.go("POST", f"{DESK}/{second['id']}/decision?lang=en", {
        "csrf": hidden(page, "csrf"), "decision": "approve", "confirm_duplicate": "1"})
    assert status == 303, page
    assert await _status(api, second["id"]) == "approved"
    assert await _status(api, first["id"]) == "approved"
    _, page, _ = await v.go("GET", f"{DESK}/{second['id']}?lang=en")
    assert "Checked: not the same person as an approved accreditation" in page
    _, page, _ = await v.go("GET", f"{DESK}/{second['id']}?lang=fr")
    assert "Vérifié\u00a0: pas la même personne qu" in page


async def test_a_batch_names_each_possible_duplicate_with_what_tells_them_apart(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    """A batch refused for two applications of one journalist said « Léa Salamé, Léa
    Salamé »: which was which? Each is named with its outlet, else the day it was received,
    else its address (docs/workspaces.md, "Possible duplicates")."""
    await _conference(api)
    # one press card, two outlets
    lea = [await press(api, 1, **_person("Léa", "Salamé", "France Inter", "FR 99")),
           await press(api, 2, **_person("Léa", "Salamé", "Radio France", "fr-99"))]
    # one name, one outlet, received on two days
    paul = [await press(api, n, **_person("Paul", "Dupré", "Ouest-France", f"FR {n}"))
            for n in (3, 4)]
    for a, at in ((paul[0], "2026-11-30 09:00+01"), (paul[1], "2026-12-01 10:30+01")):
        await db.execute("UPDATE accreditation SET submitted_at = $2::text::timestamptz"
                         " WHERE id = $1", a["id"], at)
    v = await _officer(api, smtp)
    for lang, expected in (
        ("en", "Error: Possible duplicates are decided one by one, on their page: Léa Salamé – "
               "France Inter; Léa Salamé – Radio France; Paul Dupré – received 30 November "
               "2026, 09:00 CET; Paul Dupré – received 1 December 2026, 10:30 CET."),
        ("fr", "Erreur : Les doublons possibles se décident un par un, sur leur page : Léa "
               "Salamé – France Inter ; Léa Salamé – Radio France ; Paul Dupré – reçue le 30 "
               "novembre 2026 à 09:00 CET ; Paul Dupré – reçue le 1er décembre 2026 à "
               "10:30 CET."),
    ):
        _, queue, _ = await v.go("GET", f"{DESK}?lang={lang}")
        status, page, _ = await v.go("POST", f"{DESK}/batch?lang={lang}", [  # type: ignore[arg-type]
            ("csrf", hidden(queue, "csrf")), ("decision", "approve"),
            *(("id", a["id"]) for a in (*lea, *paul))])
        assert status == 409
        assert element(page, "batch-error") == expected
    for a in (*lea, *paul):
        assert await _status(api, a["id"]) == "submitted"
