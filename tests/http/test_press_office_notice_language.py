"""The notice of a new press application, read by the spokespersons. A spokesperson who has an
account (a press office grant, English) reads the desk and received the welcome in English,
yet the notice came in the conference's first language, French, like the one to a
spokesperson nobody signs in as. Each now reads it in their own language; an address with no
account keeps the conference's first language."""

from __future__ import annotations

from tests.conftest import Api, conference_body, press_body
from tests.support import RecordingSMTP, body_text


async def test_a_spokesperson_with_an_account_reads_the_notice_in_their_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
        "email": "tove.ernst@example.org", "name": "Tove Ernst", "language": "en",
        "grants": [{"role": "press_office", "conference": "alliance"}]})
    assert status == 201, person
    await smtp.wait_for(1, where=lambda m: "tove.ernst@example.org" in str(m["To"]))
    status, created, _ = await api.call("POST", "/api/v1/conferences/alliance/accreditations",
                                        json=press_body(language="fr"))
    assert status == 201, created

    def notice(to: str) -> object:
        return lambda m: to in str(m["To"]) and "Le Soir" in str(m["Subject"])

    [tove] = await smtp.wait_for(1, where=notice("tove.ernst@example.org"))
    [michele] = await smtp.wait_for(1, where=notice("michele.cercone@example.org"))
    assert str(tove["Subject"]).startswith("New press application: Le Soir (journalist)")
    assert "Country of the outlet: Belgium" in body_text(tove), body_text(tove)
    assert tove["Content-Language"] == "en"
    assert "Nouvelle demande presse" in str(michele["Subject"])
    assert michele["Content-Language"] == "fr"
