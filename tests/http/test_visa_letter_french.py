"""The French visa invitation letter an embassy receives, with the default text. It read "de
nationalité Pérou" (a country where French wants the adjective), "né(e)" (the agreement left
to the consulate), "Les organisateurs de Alliance…" and "Nous saurions gré au Consulat…" (the
consulate's name, typed with or without its article, glued to "au"). The default French text
now needs neither agreement nor articles from what was typed: the details follow labels, on
one line as every template text (the template API answers it)."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api
from tests.http.test_credentials import PASSPORT, _attachment, _text, applicant
from tests.support import RecordingSMTP


async def test_the_default_french_letter_reads_as_french(
    api: Api, conference: dict[str, Any], smtp: RecordingSMTP
) -> None:
    p = await applicant(api, language="fr", approved=True)
    _, letter, _ = await api.call("POST", f"/api/v1/accreditations/{p['id']}/visa-letter",
                                  role=p["access_token"],
                                  json={**PASSPORT, "consulate": "Ambassade de Belgique à Lima"})
    status, approved, _ = await api.call("POST", f"/api/v1/visa-letters/{letter['id']}/decision",
                                         role="protocol", json={"decision": "approve"})
    assert status == 200, approved
    [mail] = await smtp.wait_for(1, where=lambda m: "visa" in str(m["Subject"]))
    text = _text(_attachment(mail)[1])
    for wrong in ("de nationalité Pérou", "nationalité : Pérou", "né(e)", "gré au ",
                  "organisateurs de Alliance"):
        assert wrong not in text, (wrong, text)
    for right in ("« Alliance mondiale : réunion »", "de nationalité péruvienne",
                  "date de naissance : 2 avril 1980", "Ana María LÓPEZ GARCÍA",
                  "passeport numéro : PA1234567"):
        assert right in text, (right, text)
    # the default text is what the template API answers too: one line, a valid template
    status, template, _ = await api.call("GET", "/api/v1/conferences/alliance/"
                                         "visa-letter-template", role="protocol")
    assert status == 200, template
    assert template["body"]["fr"].startswith("Les organisateurs {of_the_conference}, ")
    assert "Les organisateurs de la conférence « Alliance mondiale : réunion », qui" in " ".join(
        text.replace("\u00a0", " ").split())  # a title that does not name the meeting
