"""The journalist's acknowledgement restates the application as recorded (docs/lifecycle.md,
"Letters"): a misspelt family name or a wrong press card number surfaced only at badge printing
or at the door. It lists the name as the badge prints it, the outlet, the role in words, the
press card number and the address written to, in the letter's language, and says how to have
it corrected: by the spokesperson's office, whose contacts it gives."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import BASE
from tests.conftest import Api, press_body
from tests.support import RecordingSMTP, body_text


async def test_the_acknowledgement_says_what_was_recorded_and_how_to_correct_it(
    api: Api, smtp: RecordingSMTP, conference: dict[str, Any]
) -> None:
    mistyped = press_body(1, family_name="Dupnot")
    camera = press_body(2, language="en", given_name="Tove", family_name="Ernst",
                        press={"outlet": "SVT", "press_card_number": "SE-77",
                               "role": "camera", "country": "SE"})
    for body in (mistyped, camera):
        status, created, _ = await api.call("POST", f"{BASE}/accreditations", json=body)
        assert status == 201, created
    [fr] = await smtp.wait_for(1, where=lambda m: "marie.dupont1@" in str(m["To"]))
    [en] = await smtp.wait_for(1, where=lambda m: "marie.dupont2@" in str(m["To"]))
    fr_text = body_text(fr).replace("\r\n", "\n")
    assert ("Ce que nous avons enregistré\u00a0:\n"
            "  Nom sur votre badge\u00a0: Marie Dupnot\n"
            "  Média\u00a0: Le Soir\n"
            "  Fonction\u00a0: journaliste\n"
            "  Carte de presse ou lettre de mission\u00a0: BE-1001\n"
            "  Courriel\u00a0: marie.dupont1@example.org\n") in fr_text
    assert ("Si une de ces indications est erronée, écrivez au bureau du porte-parole"
            " (ci-dessous) avant l'impression de votre badge\u00a0: il corrige le nom, le média,"
            " la fonction et le numéro de carte de presse.") in fr_text
    en_text = body_text(en).replace("\r\n", "\n")
    assert ("What we recorded:\n"
            "  Name on your badge: Tove Ernst\n"
            "  Outlet: SVT\n"
            "  Role: camera operator\n"
            "  Press card or letter of assignment: SE-77\n"
            "  Email: marie.dupont2@example.org\n") in en_text
    assert ("If any of it is wrong, write to the spokesperson's office (below) before your"
            " badge is printed: it corrects the name, the outlet, the role and the press card"
            " number.") in en_text
    # the contacts it points to follow it
    assert en_text.index("What we recorded") < en_text.index("the spokesperson's office:")
