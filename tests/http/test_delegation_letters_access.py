"""The delegation's letters page (docs/workspaces.md, "The delegation portal") is its focal
point's: another delegation's focal point is refused (403) and sees none of its letters;
signed out, the sign-in is asked for. A real database and a real SMTP server."""

from __future__ import annotations

from tests.conftest import Api
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import Visitor, _signed_in
from tests.http.test_workspaces import _setup, link_in
from tests.support import RecordingSMTP


async def test_only_the_delegations_focal_point_reads_its_letters(
    api: Api, smtp: RecordingSMTP
) -> None:
    _, link = await _setup(api, smtp)
    await make_delegation(api, country="FR")
    [welcome_fr] = await smtp.wait_for(1, where=lambda m: "fp-fr@example.org" in m["To"])
    be, fr = await _signed_in(api, link), await _signed_in(api, link_in(welcome_fr))

    status, page, _ = await be.go("GET", "/delegation/alliance-be/letters?lang=en")
    assert status == 200, page
    assert "fp-be@example.org" in page and "fp-fr@example.org" not in page
    status, page, _ = await fr.go("GET", "/delegation/alliance-be/letters?lang=en")
    assert status == 403
    assert "fp-be@example.org" not in page
    status, _, resp = await Visitor(api).go("GET", "/delegation/alliance-be/letters?lang=en")
    assert status == 303 and resp.headers["Location"].startswith("/signin")
