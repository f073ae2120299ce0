"""The head of delegation the focal point's portal and the console's delegations page name is
the one the order of precedence names (docs/protocol.md, "Heads of delegation"): the category
minister before official, approved or still submitted, the first in order of precedence. A
tryout found the portal naming the highest rank whatever the category or status: a Deputy
Prime Minister filed as an official, still under review, was « Cheffe de délégation » in
place of the approved minister the precedence list named, and a waitlisted member could head
the delegation too. A real database and a real SMTP server."""

from __future__ import annotations

from typing import Any

from tests.browser.helpers import element
from tests.conftest import Api
from tests.http.conftest_programme import accredit, make_delegation
from tests.http.test_console import Visitor, _signed_in, staff
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP

BASE = "/api/v1/conferences/alliance"


async def _heads(api: Api) -> list[str]:
    status, order, _ = await api.call("GET", f"{BASE}/precedence", role="protocol")
    assert status == 200, order
    return [f"{o['head']['given_name']} {o['head']['family_name']}" for o in order["order"]
            if o["head"]]


async def _console_head(officer: Visitor, deleg: dict[str, Any]) -> str:
    status, page, _ = await officer.go("GET", "/manage/alliance/delegations?lang=en")
    assert status == 200, page
    return element(page, f"delegation-{deleg['id']}")


async def test_the_portal_and_the_console_name_the_head_the_precedence_list_names(
    api: Api, smtp: RecordingSMTP
) -> None:
    deleg, link = await _setup(api, smtp)
    focal_point = await _signed_in(api, link)
    officer = await staff(api, smtp, "protocol@example.org", "protocol")
    await accredit(api, "Didier", "Reynders", delegation=deleg, category="minister",
                   rank="minister", function="Ministre des Affaires étrangères")
    # outranks him, but filed as an official and not yet decided on
    await accredit(api, "Élodie", "Lefèvre", delegation=deleg, category="official",
                   rank="deputy_head_of_government", decision=None, gender="female")
    # outranks him in his own category, but on the waiting list
    await accredit(api, "Sophie", "Wilmès", delegation=deleg, category="minister",
                   rank="deputy_head_of_government", decision="waitlist")

    assert await _heads(api) == ["Didier Reynders"]
    status, page, _ = await focal_point.go("GET", "/delegation/alliance-be?lang=fr")
    assert status == 200, page
    assert element(page, "head") == "Didier Reynders (Ministre)"
    assert (await _console_head(officer, deleg)).startswith(
        "Belgium Didier Reynders, Ministre des Affaires étrangères")

    # a delegation with no minister in play is led by its official, whatever the rank of a
    # minister on the waiting list
    fr = await make_delegation(api, country="FR")
    await accredit(api, "Claire", "Martin", delegation=fr, category="official",
                   rank="senior_official", decision=None, gender="female")
    await accredit(api, "Jean", "Dupont", delegation=fr, category="minister",
                   rank="foreign_minister", decision="waitlist")
    assert await _heads(api) == ["Didier Reynders", "Claire Martin"]
    assert (await _console_head(officer, fr)).startswith("France Claire Martin")
