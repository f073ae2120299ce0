"""The press desk's decision form says in which language the letter goes out, beside the
reason written by hand (docs/workspaces.md, "The press office desk"): a template's text goes
out in the journalist's language by itself, a written reason as typed. Trying the desk in
French, a reason typed in French went out inside an English letter; the revocation's form
already said "The mail is written in English: write the reason in English.". A real database
and a real SMTP server."""

from __future__ import annotations

from tests.browser.helpers import element, hidden, press
from tests.conftest import Api
from tests.http.test_workspaces_reasons import _conference, _officer
from tests.support import RecordingSMTP, body_text

DESK = "/manage/alliance/press"


async def test_the_written_reason_says_the_letters_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    english = await press(api, 1, language="en")
    french = await press(api, 2)
    v = await _officer(api, smtp)

    _, page, _ = await v.go("GET", f"{DESK}/{english['id']}?lang=fr")
    assert element(page, "reason-hint") == (  # (element() folds the spaces)
        "Le courriel est rédigé en anglais : écrivez le motif en anglais.")
    assert 'id="reason" name="reason" rows="3" maxlength="2000" ' \
        'aria-describedby="reason-hint"' in page
    _, page, _ = await v.go("GET", f"{DESK}/{french['id']}?lang=en")
    assert element(page, "reason-hint") == (
        "The mail is written in French: write the reason in French.")

    # the reason goes out as written, in the letter of the journalist's language
    _, page, _ = await v.go("GET", f"{DESK}/{english['id']}?lang=fr")
    status, page, _ = await v.go("POST", f"{DESK}/{english['id']}/decision?lang=fr", {
        "csrf": hidden(page, "csrf"), "decision": "reject"})
    assert status == 422  # and the hint stays beside the error
    assert 'aria-describedby="reason-hint reason-error"' in page
    status, _, _ = await v.go("POST", f"{DESK}/{english['id']}/decision?lang=fr", {
        "csrf": hidden(page, "csrf"), "decision": "reject",
        "reason": "Your outlet is not covering this meeting."})
    assert status == 303
    [letter] = await smtp.wait_for(1, where=lambda m: english["email"] in str(m["To"])
                                   and "not granted" in str(m["Subject"]).lower())
    assert "Your outlet is not covering this meeting." in body_text(letter)
