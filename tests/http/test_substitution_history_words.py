"""Each side of a substitution reads in its own history which way the place went
(docs/lifecycle.md, "Substitutions"): a user test found the person replaced and the person
taking the place each reading a bare « Remplacement » line on their page. The person replaced
reads that the place was handed over, the other that it was taken over from a member of the
delegation, neither the other's name (their letters give none). A real database and a real
SMTP server."""

from __future__ import annotations

import html
import re

from tests.browser.helpers import member
from tests.conftest import Api
from tests.http.test_lifecycle_substitution import person, substitute
from tests.http.test_workspaces import _setup
from tests.support import RecordingSMTP, current_token


def _events(page: str) -> list[str]:
    table = page[page.index('id="history"'):]
    table = table[:table.index("</table>")]
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", cells[1])).split())
            for cells in re.findall(r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>", table, re.S)]


async def test_each_side_reads_which_way_the_place_went(api: Api, smtp: RecordingSMTP
                                                        ) -> None:
    be, _ = await _setup(api, smtp)
    old = await member(api, be, "Maes")
    status, new = await substitute(api, old["id"],
                                   person(1, approve=False, reason="Sent a deputy."), "protocol")
    assert status == 201, new
    # the links once the letters are written (a letter with a link replaces the one before)
    old_token = await current_token(api.db_url, old["id"])
    new_token = await current_token(api.db_url, new["id"])
    for lang, out, taken in (
        ("fr", "Remplacement : place cédée à une autre personne",
         "Remplacement : place reprise d'un membre de la délégation"),
        ("en", "Substitution: place handed over to another person",
         "Substitution: place taken over from a member of the delegation")):
        resp = await api.client.get(f"/a/{old_token}?lang={lang}")
        events = _events(await resp.text())
        assert events[-1] == out, events
        resp = await api.client.get(f"/a/{new_token}?lang={lang}")
        assert _events(await resp.text()) == [taken]
