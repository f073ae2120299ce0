"""One voice per letter (docs/privacy.md, "Who writes"): the office a letter comes from (From,
where a reply goes), the office it names as asking, the one it gives to write to and its
signature agree. A tryout (2 December 2026) received a journalist's "Security clearance: more
information needed" from the spokesperson's address, saying « le service du protocole a besoin
d'informations complémentaires », giving « le bureau du porte-parole » to write to and signed
« Le bureau de presse »; a reply reached a spokesperson who had not asked. Now the
spokesperson's office writes, names the service that asked it, passes the replies on and signs;
to a focal point, the protocol service does the same for the security service's request. The
letters arrive at the real test SMTP server."""

from __future__ import annotations

import re
from email.message import EmailMessage
from typing import Any

from tests.browser.helpers import member
from tests.conftest import Api, conference_body, press_body
from tests.http.test_console_application_page import security_token
from tests.support import RecordingSMTP, body_text

BASE = "/api/v1/conferences/alliance"
MORE = "The second page of the passport, in colour."
PRESS = "michele.cercone@example.org"  # the first spokesperson: the spokesperson's office
PROTOCOL = "organiser@example.org"


async def _conference(api: Api) -> dict[str, Any]:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(vetting_required=["minister", "press"]))
    assert status == 201, body
    status, be, _ = await api.call("POST", f"{BASE}/delegations", role="protocol", json={
        "kind": "country", "country": "BE",
        "focal_point": {"name": "Jan Focal", "email": "fp-be@example.org", "language": "en"}})
    assert status == 201, be
    return dict(be)


async def _vetting(api: Api, aid: str, status: str, *, by: str, reason: str | None = None
                   ) -> None:
    role = await security_token(api) if by == "security" else by
    code, body, _ = await api.call("POST", f"/api/v1/accreditations/{aid}/vetting/status",
                                   role=role, json={"status": status, "reason": reason})
    assert code == 200, body


async def _letter(smtp: RecordingSMTP, to: str, subject: str) -> tuple[EmailMessage, str]:
    [letter] = await smtp.wait_for(1, timeout=15, where=lambda m: to in str(m["To"])
                                   and subject in str(m["Subject"]))
    return letter, body_text(letter).replace("\r\n", "\n")


def _sender(letter: EmailMessage) -> str:
    return str(letter["From"]).rsplit("<", 1)[-1].rstrip(">")


def _signature(text: str) -> str:
    """The office's line of the closing: the line before the conference's name, above the
    notice (``-- ``)."""
    lines = text.split("\n-- \n")[0].rstrip("\n").split("\n")
    return lines[-2]


async def test_a_journalist_asked_by_the_security_service_hears_one_office_in_french(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    status, journalist, _ = await api.call("POST", f"{BASE}/accreditations",
                                           json=press_body(1, language="fr"))
    assert status == 201, journalist
    await _vetting(api, journalist["id"], "more_information", by="security", reason=MORE)
    letter, text = await _letter(smtp, "marie.dupont1@example.org", "Habilitation")
    said = " ".join(text.split())
    # written by the spokesperson's office: it sends, names who asked it, relays, signs
    assert _sender(letter) == PRESS and letter["Reply-To"] is None
    assert ("ne peut pas encore être mené à terme : le service de sécurité nous a demandé des"
            " informations complémentaires.") in said, said
    assert ("répondez à ce message : nous le transmettrons au service de sécurité.") in said
    # French typography: a no-break space before each colon
    assert "terme\u00a0: le service de sécurité" in text and "message\u00a0: nous" in text
    assert "Pour toute question, le bureau du porte-parole :" in said
    assert _signature(text) == "Le bureau du porte-parole", text
    # never a second voice: no other office speaking, no other name for this one
    assert "a besoin d'informations" not in said and "bureau de presse" not in said.lower()
    # « Informations demandées » is a paragraph of its own (it was glued under the one above)
    assert re.search(r"complémentaires\.\n\nInformations demandées", text), text

    await _vetting(api, journalist["id"], "refused", by="security", reason="No.")
    letter, text = await _letter(smtp, "marie.dupont1@example.org", "non accordée")
    assert _sender(letter) == PRESS
    assert _signature(text) == "Le bureau du porte-parole", text
    assert re.search(r"accordée\.\n\nSans badge", text), text  # glued too


async def test_a_journalist_asked_by_protocol_hears_it_from_the_spokesperson_s_office(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    status, journalist, _ = await api.call("POST", f"{BASE}/accreditations",
                                           json=press_body(2, language="en"))
    assert status == 201, journalist
    await _vetting(api, journalist["id"], "more_information", by="protocol", reason=MORE)
    letter, text = await _letter(smtp, journalist["email"], "more information needed")
    said = " ".join(text.split())
    assert _sender(letter) == PRESS
    assert ("cannot be completed yet: the protocol service has asked us for further"
            " information.") in said, said
    assert "reply to this message: we will pass it on to the protocol service." in said
    assert "For any question, the spokesperson's office:" in said
    assert _signature(text) == "The Spokesperson's Office", text
    assert "needs further information" not in said and "press office" not in said.lower()
    assert re.search(r"information\.\n\nWhat is needed: ", text), text


async def test_a_focal_point_hears_the_security_service_s_request_from_protocol(
    api: Api, smtp: RecordingSMTP
) -> None:
    be = await _conference(api)
    minister = await member(api, be, "Milquet")
    await _vetting(api, minister["id"], "more_information", by="security", reason=MORE)
    letter, text = await _letter(smtp, "fp-be@example.org", "more information needed")
    said = " ".join(text.split())
    # the protocol service writes to a focal point: it says the security service asked it
    assert _sender(letter) == PROTOCOL
    assert ("cannot be completed yet: the security service has asked us for further"
            " information.") in said, said
    assert "reply to this message: we will pass it on to the security service." in said
    assert f"For any question, the protocol service: {PROTOCOL}" in said
    assert _signature(text) == "The Protocol Service", text

    # protocol's own request: it speaks for itself, and the reply reaches it
    other = await member(api, be, "Peeters")
    await _vetting(api, other["id"], "more_information", by="protocol", reason=MORE)
    [letter] = await smtp.wait_for(1, timeout=15, where=lambda m: "Peeters" in body_text(m)
                                   and "more information needed" in str(m["Subject"]))
    said = " ".join(body_text(letter).split())
    assert _sender(letter) == PROTOCOL
    assert "cannot be completed yet: the protocol service needs further information." in said
    assert "reply to this message." in said and "pass it on" not in said

