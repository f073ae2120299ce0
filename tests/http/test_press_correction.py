"""The press office corrects a journalist's mistyped name or press details, after approval as
before it (docs/workspaces.md, "Correcting a journalist"), over HTTP on a real PostgreSQL: the
API (``PATCH /api/v1/accreditations/{id}``: who, what, a reason, the history line, the event)
and the press desk's form (errors naming the field, the flash, the history in both languages),
and the badge (a printed one is superseded by a new version carrying the correction; one not
printed yet keeps its version)."""

from __future__ import annotations

import html
import re
from typing import Any

from tests.browser.helpers import BASE, delegation, element, hidden, member, press, scan, text, zone
from tests.conftest import Api
from tests.http.test_badge_production import _events, _pages_text, _pdf, _printed, _qr_codes
from tests.http.test_workspaces_reasons import _officer
from tests.support import RecordingSMTP

MISTYPED = {"given_name": "JEAN", "family_name": "dupont",
            "press": {"outlet": "Le Sior", "press_card_number": "BE-1000", "role": "journalist",
                      "country": "BE"}}


async def _correct(api: Api, aid: str, body: dict[str, Any], role: str = "press_office"
                   ) -> tuple[int, Any]:
    status, answer, _ = await api.call("PATCH", f"/api/v1/accreditations/{aid}", role=role,
                                       json=body)
    return status, answer


async def _states(api: Api) -> dict[str, dict[str, Any]]:
    status, body, _ = await api.call("GET", f"{BASE}/badges", role="protocol")
    assert status == 200, body
    return {s["accreditation_id"]: s for s in body["items"]}


DESK = "/manage/alliance/press"


def _field(page: str, name: str) -> str:
    """The value a text field of the page holds."""
    found = re.search(rf'name="{name}" type="text" value="([^"]*)"', page)
    assert found, f"no field {name}"
    return html.unescape(found.group(1))


def _correction(page: str, **changes: str) -> dict[str, str]:
    """The correction form as the page fills it, with ``changes`` typed in."""
    form = {name: _field(page, name)
            for name in ("given_name", "family_name", "outlet", "press_card_number")}
    return {"csrf": hidden(page, "csrf"), **form, "role": "journalist",
            "correction_reason": "", **changes}


async def test_the_press_office_corrects_an_approved_journalist_and_the_printed_badge_is_replaced(
    api: Api, conference: dict[str, Any]
) -> None:
    await zone(api, "press-centre", categories=["press"])
    j = await press(api, decision="approve", **MISTYPED)
    _, pdf = await _pdf(api)
    [printed] = _qr_codes(pdf)
    assert "\nJEAN\ndupont\nLe Sior\n" in _pages_text(pdf)[0]
    assert (await scan(api, printed, "press-centre"))["admitted"] is True
    assert (await _printed(api, [j["id"]]))[0] == 200

    # only the press office (and admin) corrects a journalist, with a reason, its fields only
    assert (await _correct(api, j["id"], {"family_name": "Dupont", "reason": "Capitals"},
                           role="protocol"))[0] == 403
    assert (await _correct(api, j["id"], {"family_name": "Dupont", "reason": "Capitals"},
                           role=j["access_token"]))[0] == 403
    status, body = await _correct(api, j["id"], {"family_name": "Dupont"})
    assert (status, [e["field"] for e in body["errors"]]) == (422, ["reason"]), body
    status, body = await _correct(api, j["id"], {"email": "x@example.org", "reason": "Typo"})
    assert (status, [e["field"] for e in body["errors"]]) == (422, ["email"]), body
    status, body = await _correct(api, j["id"], {"press": {"outlet": " "}, "reason": "Typo"})
    assert (status, [e["field"] for e in body["errors"]]) == (422, ["press.outlet"]), body

    status, body = await _correct(api, j["id"], {
        "given_name": "Jean", "family_name": "Dupont", "press": {"outlet": "Le Soir"},
        "reason": "Typed in capitals; outlet misspelt"})
    assert status == 200, body
    assert (body["status"], body["given_name"], body["family_name"], body["press"]) == (
        "approved", "Jean", "Dupont", {"outlet": "Le Soir", "press_card_number": "BE-1000",
                                       "role": "journalist", "country": "BE"})
    last = body["history"][-1]
    assert {k: last[k] for k in ("action", "from_status", "to_status", "reason")} == {
        "action": "correct", "from_status": "approved", "to_status": "approved",
        "reason": "given_name, family_name, press_outlet: Typed in capitals; outlet misspelt"}
    assert last["actor"].startswith("press_office:")
    assert (await _events(api, "accreditation.amended"))[-1] == {
        "accreditation_id": j["id"], "category": "press", "status": "approved",
        "delegation_id": None, "fields": ["given_name", "family_name", "press_outlet"],
        "badge_version": 2}

    # the printed badge carried the wrong name: a new version is to print, the old one refused
    state = (await _states(api))[j["id"]]
    assert (state["badge_version"], state["status"]) == (2, "to_print")
    result = await scan(api, printed, "press-centre")
    assert (result["admitted"], result["reason"]) == (False, "superseded")
    _, pdf = await _pdf(api, status="to_print")
    [new] = _qr_codes(pdf)
    text = _pages_text(pdf)[0]
    assert "\nJean\nDupont\nLe Soir\n" in text and "· v2" in text and "JEAN" not in text
    assert (await scan(api, new, "press-centre"))["admitted"] is True

    # the same values again change nothing: no event, no new version
    status, body = await _correct(api, j["id"], {"family_name": "Dupont", "reason": "Again"})
    assert status == 200 and body["history"][-1]["reason"].endswith("outlet misspelt")
    assert len(await _events(api, "accreditation.amended")) == 1


async def test_a_correction_makes_a_new_badge_only_when_a_printed_field_was_printed(
    api: Api, conference: dict[str, Any]
) -> None:
    """Not printed yet: the badge still to print carries the correction, same version (its QR
    code keeps working). Printed, but the press card number corrected (not on the badge): no
    new version either."""
    await zone(api, "press-centre", categories=["press"])
    waiting = await press(api, 1, **MISTYPED)
    status, body = await _correct(api, waiting["id"], {"given_name": "Jean", "reason": "Caps"})
    assert (status, body["status"], body["history"][-1]["action"]) == (200, "submitted",
                                                                       "correct")
    j = await press(api, 2, decision="approve", **{**MISTYPED, "email": "jean@example.org"})
    _, pdf = await _pdf(api)
    [qr] = _qr_codes(pdf)
    status, body = await _correct(api, j["id"], {"family_name": "Dupont", "reason": "Case"})
    assert status == 200, body
    state = (await _states(api))[j["id"]]
    assert (state["badge_version"], state["status"]) == (1, "to_print")
    assert (await scan(api, qr, "press-centre"))["admitted"] is True
    assert "\nJEAN\nDupont\n" in _pages_text((await _pdf(api))[1])[0]

    assert (await _printed(api, [j["id"]]))[0] == 200
    status, body = await _correct(api, j["id"], {"press": {"press_card_number": "BE-2002"},
                                                 "reason": "Card renewed"})
    assert status == 200 and body["press"]["press_card_number"] == "BE-2002"
    state = (await _states(api))[j["id"]]
    assert (state["badge_version"], state["status"]) == (1, "printed")
    assert (await _events(api, "accreditation.amended"))[-1]["badge_version"] is None


async def test_a_withdrawn_journalist_or_a_delegation_member_is_not_corrected_by_the_press(
    api: Api, conference: dict[str, Any]
) -> None:
    j = await press(api, 3)
    await api.call("POST", f"/api/v1/accreditations/{j['id']}/withdraw", role=j["access_token"])
    status, body = await _correct(api, j["id"], {"given_name": "Jean", "reason": "Caps"})
    assert (status, body["status_now"]) == (409, "withdrawn"), body
    be = await delegation(api, "BE")
    m = await member(api, be, "Lambert", decision=None)
    assert (await _correct(api, m["id"], {"given_name": "Ann", "reason": "x"}))[0] == 403
    # a delegation member's amendment stays what it was: no press details, no reason
    status, body = await _correct(api, m["id"], {"given_name": "Ann", "reason": "x"},
                                  role="protocol")
    assert (status, [e["field"] for e in body["errors"]]) == (422, ["reason"]), body


async def test_the_press_desk_corrects_an_approved_journalist(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    j = await press(api, decision="approve", **MISTYPED)
    assert (await _printed(api, [j["id"]]))[0] == 200
    v = await _officer(api, smtp)
    path = f"{DESK}/{j['id']}"
    status, page, _ = await v.go("GET", f"{path}?lang=fr")
    assert status == 200, page
    assert element(page, "correct-title") == "Corriger les données"
    assert _field(page, "given_name") == "JEAN" and _field(page, "outlet") == "Le Sior"

    # nothing typed where a name is needed, no reason: each field says so, nothing changes
    status, page, _ = await v.go("POST", f"{path}/correct?lang=fr",
                                 _correction(page, family_name=""))
    assert status == 422, page
    # each field named and linked at the top (docs/workspaces.md, "Errors in sight")
    assert element(page, "error-summary") == (
        "Rien n'a été enregistré. Corrigez les champs signalés : "
        "Nom de famille – Ce champ est obligatoire. "
        "Motif de la correction – Indiquez le motif de la correction.")
    assert '<a href="#family_name">' in page and '<a href="#correction_reason">' in page
    assert 'id="correct-form"' in page and '/correct?lang=fr#main"' in page
    assert element(page, "family_name-error") == "Erreur : Ce champ est obligatoire."
    assert element(page, "correction_reason-error") == (
        "Erreur : Indiquez le motif de la correction.")
    assert 'id="family_name" name="family_name" type="text" value=""' in page  # as typed
    _, acc, _ = await api.call("GET", f"/api/v1/accreditations/{j['id']}", role="press_office")
    assert (acc["family_name"], len(acc["history"])) == ("dupont", 2)

    # a form without its token changes nothing either
    status, page, _ = await v.go("POST", f"{path}/correct?lang=fr", {
        **_correction(page, given_name="Jean", correction_reason="Capitales"), "csrf": "x"})
    assert status == 403

    status, page, _ = await v.go("GET", f"{path}?lang=fr")
    old = (await _states(api))[j["id"]]["short_reference"]
    status, _, resp = await v.go("POST", f"{path}/correct?lang=fr", _correction(
        page, given_name="Jean", family_name="Dupont", outlet="Le Soir",
        correction_reason="Saisi en capitales\r\net média mal orthographié"))
    assert status == 303, resp
    # the printed badge superseded: said with both references, none in the address (tryout
    # of the meeting's day: the page said only "corrected", the old card left out there)
    assert resp.headers["Location"].startswith(f"{path}?lang=fr&done=corrected_reprint&ft=")
    assert old not in resp.headers["Location"]
    new = (await _states(api))[j["id"]]["short_reference"]
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "flash") == (
        f"Les données de Jean Dupont sont corrigées. Son badge imprimé {old} n'ouvre plus les "
        f"portes : le nouveau, {new}, est à imprimer (page Badges du protocole) et à lui "
        "remettre contre l'ancien.")
    # the why said as such, not read as the new value (« Nom de famille : Nom composé »)
    assert ("<td>Données corrigées</td><td>Prénom(s), nom de famille, média – motif\u00a0: "
            "Saisi en capitales et média mal orthographié</td></tr>") in page
    assert "Le Soir" in text(page)

    # the printed badge carried the wrong name: a new one is to print, with the right one
    state = (await _states(api))[j["id"]]
    assert (state["badge_version"], state["status"]) == (2, "to_print")
    assert "\nJean\nDupont\nLe Soir\n" in _pages_text((await _pdf(api))[1])[0]
    # the applicant's page reads the line in their language too: which details were corrected,
    # not the office's note of why (nor does the API give it to the applicant's token)
    _, mine, _ = await api.call("GET", f"/a/{j['access_token']}?lang=en")
    assert element(mine, "history").endswith(
        "Details corrected Given name(s), family name, outlet"), element(mine, "history")
    assert "capitales" not in mine
    _, own, _ = await api.call("GET", f"/api/v1/accreditations/{j['id']}", role=j["access_token"])
    assert own["history"][-1]["reason"] == "given_name, family_name, press_outlet"
    _, office, _ = await api.call("GET", f"/api/v1/accreditations/{j['id']}", role="press_office")
    assert office["history"][-1]["reason"].endswith("média mal orthographié")

    # the same form again: nothing changed, nothing recorded
    status, page, _ = await v.go("GET", f"{path}?lang=en")
    status, _, resp = await v.go("POST", f"{path}/correct?lang=en",
                                 _correction(page, correction_reason="Again"))
    assert (status, resp.headers["Location"]) == (303, f"{path}?lang=en&done=unchanged")


async def test_a_withdrawn_application_offers_no_correction(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    j = await press(api, 1, language="en")
    v = await _officer(api, smtp)
    _, page, _ = await v.go("GET", f"{DESK}/{j['id']}?lang=en")
    form = _correction(page, given_name="Marie", correction_reason="Typo")
    await api.call("POST", f"/api/v1/accreditations/{j['id']}/withdraw", role=j["access_token"])
    status, page, _ = await v.go("POST", f"{DESK}/{j['id']}/correct?lang=en", form)
    assert status == 409, page
    assert element(page, "form-error") == (
        "This application is withdrawn: its details are no longer corrected.")
    assert "correct-form" not in page
