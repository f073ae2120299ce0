"""The sign-in page and an address no one can have (docs/workspaces.md, "Sign-in"): trying the
product on a phone, a focal point typed their address without the end of its domain
(``…@example``), read "if this address is known to us, a link has just been sent" and waited
for a link that could never come. Such an address is now said to be mistyped, on the field, in
the page's language, what was typed kept; every address that could be someone's is answered
the same as before, known or not. A real database and a real SMTP server."""

from __future__ import annotations

import asyncpg
import pytest

from conference.people.domain import could_be_an_address
from tests.browser.helpers import element, hidden
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_workspaces import Visitor
from tests.support import RecordingSMTP


@pytest.mark.parametrize(("email", "could"), [
    ("fp-be@example.org", True), ("Fp-BE@Example.org ", True), ("admin@localhost", True),
    ("jan.peeters@diplomatie.belgium.be", True),
    ("fp-be@example", False), ("fp-be@example.", False), ("fp-be@.org", False),
    ("fp-be@example..org", False), ("fp-be.example.org", False), ("@example.org", False),
    ("fp be@example.org", False), ("a@b@example.org", False), ("", False),
])
def test_an_address_no_one_can_have(email: str, could: bool) -> None:
    assert could_be_an_address(email) is could


async def test_a_mistyped_address_is_said_so_a_plausible_one_is_answered_as_before(
    api: Api, smtp: RecordingSMTP, db: asyncpg.Connection
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    await make_delegation(api, country="BE")  # fp-be@example.org, welcomed
    await smtp.wait_for(1)
    v = Visitor(api)
    _, page, _ = await v.go("GET", "/signin?lang=fr")
    status, page, _ = await v.go("POST", "/signin?lang=fr",
                                 {"csrf": hidden(page, "csrf"), "email": "fp-be@example"})
    assert status == 422
    assert "Adresse électronique non valide" in element(page, "email-error")
    assert 'value="fp-be@example"' in page  # to correct, not to type again
    assert 'id="signin-sent"' not in page
    status, page, _ = await v.go("POST", "/signin?lang=en",
                                 {"csrf": hidden(page, "csrf"), "email": "fp-be@example"})
    assert status == 422 and "Not a valid email address" in element(page, "email-error")
    # nothing typed (spaces alone): required, not "not valid"
    for lang, said in (("en", "This field is required."), ("fr", "Ce champ est obligatoire.")):
        status, page, _ = await v.go("POST", f"/signin?lang={lang}",
                                     {"csrf": hidden(page, "csrf"), "email": "  "})
        assert status == 422 and element(page, "email-error").endswith(said), page
    asked = "SELECT count(*) FROM domain_event WHERE type = 'person.signin_requested'"
    assert await db.fetchval(asked) == 0
    # known or not, a plausible address gets the same answer as before
    for email in ("fp-be@example.org", "nobody@example.org"):
        status, _, resp = await v.go("POST", "/signin?lang=fr",
                                     {"csrf": hidden(page, "csrf"), "email": email})
        assert status == 303 and resp.headers["Location"] == "/signin?lang=fr&done=sent"
    assert await db.fetchval(asked) == 1
