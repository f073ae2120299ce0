"""The visa letters' text and signatory set on the console (docs/workspaces.md, "Visa letters:
text and signatory"): only the API could set them, and the visa letters page named the API's
fields to a secretariat (tried as protocol, 5 December 2026). The form shows the text in force,
saves it as the API does, says what is wrong by field in the page's language, and the next
letter prints it (read in the PDF mailed to the person)."""

from __future__ import annotations

from tests.browser.helpers import element, hidden
from tests.conftest import Api
from tests.http.test_console import staff
from tests.http.test_credentials import BASE
from tests.http.test_visa_letter_review import US, _conference, _letter
from tests.support import RecordingSMTP

PAGE = "/manage/alliance/visa-letters/text"


async def test_protocol_names_the_signatory_and_the_next_letter_is_signed_by_them(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("GET", "/manage/alliance/visa-letters?lang=en")
    assert status == 200 and 'href="/manage/alliance/visa-letters/text?lang=en"' in page
    # the notice points to the page, no longer to an API's fields
    assert "visa-letter-template" not in page
    assert "“Letter text and signatory”" in element(page, "letters-unsigned")

    status, page, _ = await v.go("GET", f"{PAGE}?lang=en")
    assert status == 200, page
    # the text in force: the default, signed by the organiser for the protocol service
    assert "{passport_name}" in page and "{of_the_conference}" in page
    form = {"csrf": hidden(page, "csrf"), "letterhead": "Kingdom of Belgium",
            "signatory_name": "Jean Dupuis",
            "signatory_title_fr": "Chef du protocole",
            "signatory_title_en": "Head of Protocol",
            "body_fr": "Les organisateurs {of_the_conference} invitent {passport_name}.",
            "body_en": "The organisers {of_the_conference} invite\r\n{passport_name}, "
                       "passport {passport_number}."}

    # an unknown name in braces, a missing title: said by field, nothing saved
    status, page, _ = await v.go("POST", f"{PAGE}?lang=en", {
        **form, "signatory_title_en": "", "body_fr": "Bonjour {passeport}."})
    assert status == 422, page
    assert element(page, "signatory_title_en-error") == "Error: This field is required."
    assert element(page, "body_fr-error").startswith(
        "Error: The text names {passeport}, which letters do not know. Names it may use: "
        "{capacity}, {conference},")
    assert "Bonjour {passeport}." in page  # what was typed, kept
    status, saved, _ = await api.call("GET", f"{BASE}/visa-letter-template", role="protocol")
    assert saved["signatory_name"] != "Jean Dupuis"
    status, page, _ = await v.go("POST", f"{PAGE}?lang=fr", {**form, "body_en": "Hello {"})
    assert status == 422
    assert element(page, "body_en-error").startswith(
        "Erreur : Une accolade est seule : chaque nom s'écrit entre « { » et « } ».")

    status, _, resp = await v.go("POST", f"{PAGE}?lang=en", form)
    assert status == 303, resp
    status, page, _ = await v.go("GET", resp.headers["Location"])
    assert element(page, "flash") == "Letter text saved: the next letters print it."
    status, saved, _ = await api.call("GET", f"{BASE}/visa-letter-template", role="protocol")
    assert saved["signatory_name"] == "Jean Dupuis"
    assert saved["signatory_title"] == {"fr": "Chef du protocole", "en": "Head of Protocol"}
    # one paragraph: the line typed in it joined the text
    assert saved["body"]["en"] == ("The organisers {of_the_conference} invite {passport_name}, "
                                   "passport {passport_number}.")
    status, page, _ = await v.go("GET", "/manage/alliance/visa-letters?lang=en")
    assert 'id="letters-unsigned"' not in page  # a named signatory with a title in each

    english = await _letter(api, smtp, 1, "en", US)
    assert "Jean Dupuis" in english and "Head of Protocol" in english
    assert "Kingdom of Belgium" in english


async def test_a_form_without_its_token_saves_nothing(api: Api, smtp: RecordingSMTP) -> None:
    await _conference(api)
    v = await staff(api, smtp, "protocol@example.org", "protocol")
    status, page, _ = await v.go("POST", f"{PAGE}?lang=en", {
        "letterhead": "X", "signatory_name": "Y", "signatory_title_fr": "Z",
        "signatory_title_en": "Z", "body_fr": "A", "body_en": "B"})
    assert status == 403
    status, saved, _ = await api.call("GET", f"{BASE}/visa-letter-template", role="protocol")
    assert saved["signatory_name"] != "Y"
