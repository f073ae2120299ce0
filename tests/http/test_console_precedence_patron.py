"""The order of precedence the protocol office prints: the patron and the hosts stand outside
the ordering of guests and come first of all (docs/protocol.md, "Patron and hosts"). The page
listed the heads of delegation alone, so the printed order began with a minister while the
Queen and the two hosts, who precede every guest, were on no line of it."""

from __future__ import annotations

from tests.browser.helpers import element, member
from tests.conftest import Api, conference_body
from tests.http.conftest_programme import make_delegation
from tests.http.test_console import staff
from tests.support import RecordingSMTP

HOSTS = [{"name": "Cecilia Malmström", "rank": "minister",
          "function": {"fr": "Commissaire européenne chargée des affaires intérieures",
                       "en": "European Commissioner for Home Affairs"}},
         {"name": "Eric Holder", "rank": "minister"}]


async def test_the_patron_and_the_hosts_head_the_printed_order_of_precedence(
    api: Api, smtp: RecordingSMTP
) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(hosts=HOSTS))
    assert status == 201, body
    await member(api, await make_delegation(api, country="BE"), "Reynders",
                 rank="foreign_minister")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    for lang, patron, function in (
            ("en", "H.M. Queen Paola of Belgium", "European Commissioner for Home Affairs"),
            ("fr", "S.M. la Reine Paola de Belgique",
             "Commissaire européenne chargée des affaires intérieures")):
        status, page, _ = await protocol.go("GET", f"/manage/alliance/precedence?lang={lang}")
        assert status == 200, page
        first = element(page, "patron-and-hosts")
        assert patron in first, first
        assert f"Cecilia Malmström, {function}" in first and "Eric Holder" in first, first
        assert page.index('id="patron-and-hosts"') < page.index('id="precedence"')


async def test_the_delegation_column_of_the_order_of_precedence_is_named_in_the_singular(
    api: Api, smtp: RecordingSMTP
) -> None:
    """Each row of the order holds one delegation: its column read « Délégations » (tryout as
    protocol, 2 December 2026)."""
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body())
    assert status == 201, body
    await member(api, await make_delegation(api, country="BE"), "Reynders",
                 rank="foreign_minister")
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    for lang, header in (("fr", "Délégation"), ("en", "Delegation")):
        status, page, _ = await protocol.go("GET", f"/manage/alliance/precedence?lang={lang}")
        assert status == 200, page
        table = page[page.index('<table id="precedence">'):]
        head = table[:table.index("</thead>")]
        assert f'<th scope="col">{header}</th>' in head, head
