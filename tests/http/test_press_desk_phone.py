"""The press desk after the spokesperson's office tried it (2 December 2026): a journalist on
the phone is found by what they read out (press card number, email address, the badge's short
reference), a long queue is shown a page at a time and says so, waitlisting from "To decide"
skips those already on the waiting list, and an answered request for information is said
(docs/workspaces.md, "The press office desk", "Asking for more information").
A real database and a real SMTP server."""

from __future__ import annotations

import re

import pytest

from conference.workspaces import handlers
from tests.browser.helpers import element, hidden, press
from tests.conftest import Api
from tests.http.test_credentials import image, put
from tests.http.test_press_desk_to_decide import DESK, _listed
from tests.http.test_workspaces_reasons import _conference, _officer
from tests.support import RecordingSMTP, current_token


async def test_a_journalist_on_the_phone_is_found_by_card_email_or_badge_reference(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    first = await press(api, 0)
    second = await press(api, 1, press={"outlet": "Le Soir", "press_card_number": "ES-10003",
                                        "role": "journalist", "country": "ES"})
    approved = await press(api, 2, decision="approve")
    v = await _officer(api, smtp)

    async def found(search: str) -> set[str]:
        status, queue, _ = await v.go("GET", f"{DESK}?lang=en&status=all&q={search}")
        assert status == 200, queue
        return _listed(queue)

    # the press card number, as read out: any case, with or without its separator
    assert await found("ES-10003") == {second["id"]}
    assert await found("es%2010003") == {second["id"]}
    assert await found("es10003") == {second["id"]}
    # the email address, in any case
    assert await found("MARIE.DUPONT1%40example.org") == {second["id"]}
    assert await found("marie.dupont%40example.org") == {first["id"]}
    # names and outlets as before
    assert await found("Dupont2") == {approved["id"]}

    # the approved journalist's page and queue line show the badge's short reference
    status, page, _ = await v.go("GET", f"{DESK}/{approved['id']}?lang=en")
    assert status == 200, page
    reference = element(page, "short-reference")
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", reference), reference
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&status=approved")
    assert element(queue, f"ref-{approved['id']}") == f"Badge reference: {reference}"
    _, queue, _ = await v.go("GET", f"{DESK}?lang=fr&status=approved")
    # (element() collapses the no-break space before the colon, which the markup holds)
    assert element(queue, f"ref-{approved['id']}") == f"Référence du badge : {reference}"
    assert f"Référence du badge&nbsp;: {reference}" in queue
    # not before the approval
    _, page, _ = await v.go("GET", f"{DESK}/{first['id']}?lang=en")
    assert 'id="short-reference"' not in page

    # found by it, typed with or without its dash, in any case, as at the door
    bare = reference.replace("-", "")
    for typed in (reference, bare, bare.lower(), f"{bare[:4]}%20{bare[4:]}"):
        assert await found(typed) == {approved["id"]}, typed
    # a mistyped reference (its check character wrong) finds nobody by it
    wrong = bare[:-1] + ("0" if bare[-1] != "0" else "1")
    assert await found(wrong) == set()
    # the search box says what it searches, in both languages
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    assert '<label for="q">Name, outlet, press card, email address or badge reference</label>' \
        in queue
    _, queue, _ = await v.go("GET", f"{DESK}?lang=fr")
    assert ('<label for="q">Nom, média, carte de presse, adresse électronique ou référence '
            'du badge</label>') in queue


async def test_a_long_queue_is_shown_a_page_at_a_time_and_says_how_many(
    api: Api, smtp: RecordingSMTP, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The queue stopped at 500 rows, without a word: on a morning of 5,000 applications the
    officer saw 500 and did not know. Pages of the batch's size (two here), the count said."""
    monkeypatch.setattr(handlers, "QUEUE_PAGE_SIZE", 2)
    await _conference(api)
    applications = [await press(api, n) for n in range(5)]
    ids = [a["id"] for a in applications]
    v = await _officer(api, smtp)

    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    assert _listed(queue) == set(ids[:2])
    assert element(queue, "queue-showing") == (
        "Applications 1 to 2 of 5, a page at a time: narrow the search to find one.")
    assert element(queue, "page-of") == "Page 1 of 3"
    following = re.search(r'id="page-next" href="([^"]+)"', queue)
    assert following is not None
    _, queue, _ = await v.go("GET", following.group(1).replace("&amp;", "&"))
    assert _listed(queue) == set(ids[2:4])
    assert element(queue, "queue-showing").startswith("Applications 3 to 4 of 5")
    # a refused batch comes back on the page it was sent from
    assert hidden(queue, "page") == "2"
    # the filters go with the pages; past the end, the last page
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&status=all&q=Dupont&page=99")
    assert _listed(queue) == {ids[4]}
    assert element(queue, "page-of") == "Page 3 of 3"
    assert 'status=all' in re.search(r'id="page-prev" href="([^"]+)"', queue).group(1)  # type: ignore[union-attr]
    _, queue, _ = await v.go("GET", f"{DESK}?lang=fr&page=3")
    # (the no-break space before the colon, collapsed by element())
    assert element(queue, "queue-showing") == (
        "Demandes 5 à 5 sur 5, page par page : précisez la recherche pour en trouver une.")
    # one page: nothing said
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&q=Dupont3")
    assert _listed(queue) == {ids[3]} and 'id="queue-showing"' not in queue


async def test_waitlisting_from_to_decide_skips_those_already_on_the_waiting_list(
    api: Api, smtp: RecordingSMTP
) -> None:
    """"To decide" lists the waiting list too: one of them ticked with "Waitlist the selected"
    refused the whole batch as "decided meanwhile", which it was not."""
    await _conference(api)
    waiting = await press(api, 1, decision="waitlist")
    submitted = await press(api, 2)
    v = await _officer(api, smtp)

    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    status, _, resp = await v.go("POST", f"{DESK}/batch?lang=en", [  # type: ignore[arg-type]
        ("csrf", hidden(queue, "csrf")), ("id", waiting["id"]), ("id", submitted["id"]),
        ("decision", "waitlist")])
    assert status == 303, resp
    _, queue, _ = await v.go("GET", resp.headers["Location"])
    assert element(queue, "flash") == ("1 application put on the waiting list. "
                                       "1 application was already on the waiting list.")
    _, queue, _ = await v.go("GET", f"{DESK}?lang=en&status=waitlisted")
    assert _listed(queue) == {waiting["id"], submitted["id"]}

    # only those already on it: nothing decided, said so, in French too
    status, _, resp = await v.go("POST", f"{DESK}/batch?lang=fr", [  # type: ignore[arg-type]
        ("csrf", hidden(queue, "csrf")), ("id", waiting["id"]), ("id", submitted["id"]),
        ("decision", "waitlist")])
    assert status == 303, resp
    _, queue, _ = await v.go("GET", resp.headers["Location"])
    assert element(queue, "flash") == "2 demandes étaient déjà en liste d'attente."


async def test_the_queue_says_when_the_journalist_answered_a_request_for_information(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api)
    journalist = await press(api, 0, language="en")
    other = await press(api, 1, language="en")
    aid = journalist["id"]
    v = await _officer(api, smtp)
    for who in (aid, other["id"]):
        status, body, _ = await api.call(
            "POST", f"/api/v1/accreditations/{who}/information-request", role="press_office",
            json={"message": "Please give a scan of your press card."})
        assert status == 200, body

    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    assert element(queue, f"asked-{aid}").startswith("Information asked on ")
    assert f'id="answered-{aid}"' not in queue
    # the organisers' own upload is no answer
    status, _ = await put(api, f"/api/v1/accreditations/{other['id']}/photo", image(600, 800),
                          "image/jpeg", "admin")
    assert status in (200, 204)
    # the journalist answers: a photo with the fresh link the letter gave (the request's
    # letter replaced the one before)
    status, body = await put(api, f"/api/v1/accreditations/{aid}/photo", image(600, 800),
                             "image/jpeg", await current_token(api.db_url, aid))
    assert status in (200, 204), body

    _, queue, _ = await v.go("GET", f"{DESK}?lang=en")
    # still among those to decide, and said answered
    assert {aid, other["id"]} <= _listed(queue)
    answered = element(queue, f"answered-{aid}")
    assert re.fullmatch(r"Answered on .+ \(information asked on .+\)", answered), answered
    assert f'id="asked-{aid}"' not in queue
    assert element(queue, f"asked-{other['id']}").startswith("Information asked on ")
    _, queue, _ = await v.go("GET", f"{DESK}?lang=fr")
    assert element(queue, f"answered-{aid}").startswith("Réponse reçue le ")
