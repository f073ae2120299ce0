"""A focal point's welcome says what the delegation must do by when: the nominations deadline,
the deadline for changes and the places per capped category, in the reader's language and the
conference's time zone, read when the mail is written (tried as a focal point, 2 December 2026:
the welcome said nothing of deadlines or places). Staff welcomes say none of it."""

from __future__ import annotations

from typing import Any

from tests.conftest import Api, conference_body
from tests.http.test_console import staff
from tests.support import RecordingSMTP, body_text

NOMINATIONS = "2027-01-15T18:00:00+01:00"
CHANGES = "2027-02-01T12:00:00+01:00"
QUOTAS = {"minister": 1, "official": 3, "expert": 3}  # staff left out: not capped


def _lines(m: Any) -> list[str]:
    return [" ".join(line.split()) for line in body_text(m).replace("\r\n", "\n").split("\n")]


def _text(m: Any) -> str:
    return " ".join(body_text(m).split())


async def _conference(api: Api, slug: str, **changes: Any) -> None:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(slug, **changes))
    assert status == 201, body


async def _delegation(api: Api, smtp: RecordingSMTP, slug: str, country: str, email: str,
                      language: str) -> tuple[dict[str, Any], Any]:
    status, created, _ = await api.call(
        "POST", f"/api/v1/conferences/{slug}/delegations", role="protocol", json={
            "kind": "country", "country": country,
            "focal_point": {"name": "Focal Point", "email": email, "language": language}})
    assert status == 201, created
    [welcome] = await smtp.wait_for(1, where=lambda m: email in str(m["To"]))
    return dict(created), welcome


async def test_a_focal_points_welcome_gives_the_deadlines_and_the_places_in_their_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, "alliance", quotas=QUOTAS, nominations_close_at=NOMINATIONS,
                      changes_close_at=CHANGES)
    be, fr = await _delegation(api, smtp, "alliance", "BE", "fp-be@example.org", "fr")
    _, en = await _delegation(api, smtp, "alliance", "DE", "fp-de@example.org", "en")
    fr_lines, en_lines = _lines(fr), _lines(en)
    assert ("Les désignations seront closes le vendredi 15 janvier 2027 à 18:00 CET ; les "
            "modifications de votre délégation resteront possibles jusqu'au lundi 1er février "
            "2027 à 12:00 CET.") in fr_lines, body_text(fr)
    assert ("Places attribuées à votre délégation : ministre / chef ou cheffe de délégation"
            " 1, fonctionnaire 3, expert ou experte 3.") in fr_lines
    assert "Vous les retrouverez dans votre espace." in fr_lines
    # French typography: a non-breaking space before ; and :
    assert "CET\u00a0; les modifications" in body_text(fr)
    assert "délégation\u00a0: ministre" in body_text(fr)
    assert ("Nominations close on Friday 15 January 2027, 18:00 CET; changes to your "
            "delegation can be made until Monday 1 February 2027, 12:00 CET.") in en_lines
    assert ("Places for your delegation: minister / head of delegation 1, official 3, "
            "expert 3.") in en_lines
    assert "You will find them in your workspace." in en_lines
    # the category not capped is not named
    assert "organisation" not in _text(fr) and "staff" not in _text(en)

    # the delegation's own quota wins over the default, read when the welcome is written again
    status, body, _ = await api.call("PUT", f"/api/v1/delegations/{be['id']}/quotas",
                                     role="protocol", json={"official": 5})
    assert status == 200, body
    protocol = await staff(api, smtp, "protocol@example.org", "protocol")
    url = "/manage/alliance/delegations"
    status, _, resp = await protocol.post_form(url, f"{url}/{be['id']}/welcome",
                                               email="fp-be@example.org")
    assert status == 303, resp
    again = await smtp.wait_for(2, where=lambda m: "fp-be@example.org" in str(m["To"]))
    assert ("Places attribuées à votre délégation : ministre / chef ou cheffe de délégation"
            " 1, fonctionnaire 5, expert ou experte 3.") in _lines(again[-1])

    # a colleague's welcome is about their work, not a delegation's
    [colleague] = smtp.to("protocol@example.org")
    text = _text(colleague)
    assert "Role: protocol service" in text
    for absent in ("Nominations close", "changes to your delegation", "Places for",
                   "You will find them", "2027"):
        assert absent not in text, text


async def test_only_the_deadlines_set_are_given_and_nothing_when_none_is(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference(api, "alliance", quotas=QUOTAS)  # places, no deadline
    _, fr = await _delegation(api, smtp, "alliance", "BE", "fp-be@example.org", "fr")
    text = _text(fr)
    assert "désignations" not in text and "modifications" not in text
    assert ("Places attribuées à votre délégation : ministre / chef ou cheffe de délégation"
            " 1,") in text
    assert "Vous les retrouverez dans votre espace." in text

    await _conference(api, "changes", changes_close_at=CHANGES)  # one deadline, no place
    _, en = await _delegation(api, smtp, "changes", "BE", "fp-be-changes@example.org", "en")
    lines = _lines(en)
    assert "Changes to your delegation can be made until Monday 1 February 2027, 12:00 CET." \
        in lines, body_text(en)
    assert "Nominations close" not in _text(en) and "Places for" not in _text(en)

    await _conference(api, "open")  # neither: the welcome as it was
    _, plain = await _delegation(api, smtp, "open", "NL", "fp-nl@example.org", "fr")
    lines = _lines(plain)
    for absent in ("désignations", "modifications", "Places", "Vous les retrouverez"):
        assert absent not in _text(plain), body_text(plain)
    at = lines.index("Délégation : Pays-Bas")
    assert lines[at + 1].startswith("Connectez-vous avec ce lien")
