"""Invitations read as their reader reads them: French agreement follows the person's form of
address ("Vous êtes invitée" to a woman minister, "invité" to a man, a wording that needs no
agreement when it is not known), the conference's short name is the sender and the subject's
prefix in each language, and dates are written in one style per language (British English;
French with "1er")."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
from babel.dates import format_date

from tests.conftest import Api, conference_body, direct_url
from tests.http.conftest_programme import make_delegation
from tests.http.test_calendar_flow import approved, is_invitation
from tests.support import RecordingSMTP, body_text

BASE = "/api/v1/conferences/alliance"
BRUSSELS = ZoneInfo("Europe/Brussels")
SHORT = {"fr": "Alliance mondiale 2027", "en": "Global Alliance 2027"}


def _first_of_a_month() -> date:
    today = datetime.now(UTC).date()
    year, month = (today.year, today.month + 2) if today.month <= 10 else (today.year + 1, 1)
    return date(year, month, 1)


def minister(delegation_id: str, n: int, language: str, **changes: Any) -> dict[str, Any]:
    body = {"category": "minister", "given_name": f"Ministre{n}", "family_name": "Peeters",
            "email": f"minister{n}@example.org", "language": language,
            "delegation_id": delegation_id, "rank": "minister", "function": "Ministre"}
    body.update(changes)
    return body


def text_of(m: EmailMessage) -> str:
    """The text as read: lines joined (a phrase may wrap)."""
    return " ".join(body_text(m).split())


def ics_of(m: EmailMessage) -> str:
    part = next(p for p in m.walk() if p.get_content_type() == "text/calendar")
    return bytes(part.get_payload(decode=True)).decode().replace("\r\n ", "")


async def _invitations(api: Api, smtp: RecordingSMTP, people: list[dict[str, Any]], *,
                       royal: bool = False, short_name: bool = True,
                       title: dict[str, str] | None = None
                       ) -> tuple[date, dict[str, EmailMessage]]:
    """A conference on the first of a month, ``people`` approved, one session for ministers
    at 09:00 published: each person's invitation, by address."""
    start = _first_of_a_month()
    changes: dict[str, Any] = {"starts_on": start.isoformat(),
                               "ends_on": (start + timedelta(days=1)).isoformat()}
    if short_name:
        changes["short_name"] = SHORT
    if title:
        changes["title"] = title
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body(**changes))
    assert status == 201, body
    be = await make_delegation(api, "BE")
    for person in people:
        await approved(api, {**person, "delegation_id": be["id"]}, "protocol", "protocol")
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Salle Europa", "capacity": 100})
    nine = datetime(start.year, start.month, start.day, 9, 0, tzinfo=BRUSSELS)
    status, s, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Séance ministérielle", "en": "Ministerial session"},
        "kind": "ministerial", "room_id": room["id"], "starts_at": nine.isoformat(),
        "ends_at": (nine + timedelta(hours=1)).isoformat(), "audience": ["minister"],
        "press_access": "pool" if royal else "closed", "royal_presence": royal})
    assert status == 201, s
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    found = await smtp.wait_for(len(people), where=is_invitation)
    return start, {str(m["To"]).split("<")[-1].rstrip(">"): m for m in found}


async def test_french_agreement_follows_the_form_of_address(
    api: Api, smtp: RecordingSMTP
) -> None:
    people = [minister("", 1, "fr", salutation="mrs"),
              minister("", 2, "fr", salutation="mr"),
              minister("", 3, "fr"),  # neither salutation nor gender: not known
              minister("", 4, "fr", gender="female")]  # no salutation, a known gender
    _, mails = await _invitations(api, smtp, people, royal=True)
    her, him, either = (text_of(mails[f"minister{n}@example.org"]) for n in (1, 2, 3))
    assert "Vous êtes invitée à la séance suivante" in her
    assert "Prière d'être assise avant 08:45" in her
    assert "Vous êtes invité à la séance suivante" in him
    assert "Prière d'être assis avant 08:45" in him
    # not known: wordings that need no agreement at all
    assert "Nous avons l'honneur de vous inviter à la séance suivante" in either
    assert "Prière de prendre place avant 08:45" in either
    assert "êtes invit" not in either and "assis" not in either
    assert "Vous êtes invitée à la séance suivante" in text_of(mails["minister4@example.org"])
    # the calendar entry's own description is the same for everyone: it needs no agreement
    for m in mails.values():
        assert "Prière de prendre place avant 08:45" in ics_of(m)


async def test_the_short_name_is_the_sender_and_the_subjects_prefix(
    api: Api, smtp: RecordingSMTP
) -> None:
    people = [minister("", 1, "fr", salutation="mrs"), minister("", 2, "en", salutation="mr")]
    _, mails = await _invitations(api, smtp, people)
    fr, en = mails["minister1@example.org"], mails["minister2@example.org"]
    assert fr["From"].addresses[0].display_name == "Alliance mondiale 2027"
    assert en["From"].addresses[0].display_name == "Global Alliance 2027"
    assert str(fr["Subject"]).startswith("Alliance mondiale 2027 – Invitation\u00a0: Séance "
                                         "ministérielle, 1er ")
    assert str(en["Subject"]).startswith("Global Alliance 2027 – Invitation: Ministerial "
                                         "session, 1 ")
    assert 'ORGANIZER;CN="Alliance mondiale 2027"' in ics_of(fr)
    assert 'ORGANIZER;CN="Global Alliance 2027"' in ics_of(en)
    for m in (fr, en):
        assert "  " not in m["Subject"] and m["Subject"] == m["Subject"].strip()


async def test_a_title_that_names_the_conference_is_not_called_a_conference_twice(
    api: Api, smtp: RecordingSMTP
) -> None:
    """"de la conférence Conférence ministérielle…" and "of Ministerial Conference…" (user test
    of 1 December 2026, finding 13): the title carries its own noun and its article."""
    people = [minister("", 1, "fr"), minister("", 2, "en")]
    _, mails = await _invitations(api, smtp, people, title={
        "fr": "Conférence ministérielle sur la sécurité",
        "en": "Ministerial Conference on Security"})
    fr, en = (text_of(mails[f"minister{n}@example.org"]) for n in (1, 2))
    assert ("Nous avons l'honneur de vous inviter à la séance suivante de la Conférence "
            "ministérielle sur la sécurité :") in fr
    assert "conférence Conférence" not in fr
    assert ("You are invited to the following session of the Ministerial Conference on "
            "Security:") in en


async def test_without_a_short_name_the_sender_is_the_title_in_the_readers_language(
    api: Api, smtp: RecordingSMTP
) -> None:
    people = [minister("", 1, "fr"), minister("", 2, "en")]
    _, mails = await _invitations(api, smtp, people, short_name=False)
    fr, en = mails["minister1@example.org"], mails["minister2@example.org"]
    assert fr["From"].addresses[0].display_name == "Alliance mondiale : réunion"
    assert en["From"].addresses[0].display_name == "Global Alliance: meeting"
    assert str(fr["Subject"]).startswith("Invitation\u00a0: Séance ministérielle, 1er ")
    assert str(en["Subject"]).startswith("Invitation: Ministerial session, 1 ")


async def test_dates_are_british_in_english_and_say_1er_in_french(
    api: Api, smtp: RecordingSMTP
) -> None:
    people = [minister("", 1, "fr", salutation="mrs"), minister("", 2, "en", salutation="mr")]
    start, mails = await _invitations(api, smtp, people)
    fr, en = text_of(mails["minister1@example.org"]), text_of(mails["minister2@example.org"])
    weekday_en = format_date(start, "EEEE", locale="en_GB")
    month_en = format_date(start, "MMMM", locale="en_GB")
    weekday_fr = format_date(start, "EEEE", locale="fr_FR")
    month_fr = format_date(start, "MMMM", locale="fr_FR")
    assert re.search(rf"{weekday_en} 1 {month_en} {start.year}, 09:00 – 10:00 \(CES?T\)", en)
    # never "9:00 AM" in the words (the feed address's random token may hold "9AM")
    assert not re.search(r"\d(:\d\d)? ?[AP]M", re.sub(r"https?://\S+", "", en))
    assert not re.search(rf"{month_en} 1,", en)  # never "December 1, 2027"
    assert re.search(rf"{weekday_fr} 1er {month_fr} {start.year}, de 09:00 à 10:00 "
                     r"\(CES?T\)", fr)


async def test_a_first_invitation_adds_the_session_and_a_changed_one_updates_it(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A first invitation said it "updates the calendar entry itself" (« met à jour l'entrée de
    votre agenda elle-même »): it adds the session; only a later one updates it."""
    _, mails = await _invitations(api, smtp, [minister("", 1, "fr"), minister("", 2, "en")])
    fr, en = text_of(mails["minister1@example.org"]), text_of(mails["minister2@example.org"])
    assert "Cette invitation ajoute la séance à votre agenda ; tout changement" in fr
    assert "This invitation adds the session to your calendar; any later change" in en
    assert "elle-même" not in fr and "updates the calendar entry" not in en
    conn = await asyncpg.connect(direct_url(api.db_url))
    try:
        session_id = await conn.fetchval("SELECT id FROM session")
    finally:
        await conn.close()
    status, body, _ = await api.call("PATCH", f"/api/v1/sessions/{session_id}",
                                     role="protocol",
                                     json={"title": {"fr": "Séance ministérielle (II)",
                                                     "en": "Ministerial session (II)"}})
    assert status == 200, body
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    updates = await smtp.wait_for(4, where=is_invitation)
    texts = {str(m["To"]).split("<")[-1].rstrip(">"): text_of(m) for m in updates[2:]}
    assert "Ce message met à jour la séance dans votre agenda." in texts["minister1@example.org"]
    assert "This message updates the session in your calendar." in texts["minister2@example.org"]
    # cancelled: the message removes the session; it offers no calendar feed (a user test read
    # « Ce message met à jour la séance dans votre agenda. Si vous n'utilisez pas les
    # invitations d'agenda, vous pouvez vous abonner… » in a cancellation)
    status, body, _ = await api.call("POST", f"/api/v1/sessions/{session_id}/cancel",
                                     role="protocol")
    assert status == 200, body
    status, body, _ = await api.call("POST", f"{BASE}/programme/publish", role="protocol")
    assert status == 201, body
    cancels = await smtp.wait_for(6, where=is_invitation)
    texts = {str(m["To"]).split("<")[-1].rstrip(">"): text_of(m) for m in cancels[4:]}
    assert "Ce message retire la séance de votre agenda." in texts["minister1@example.org"]
    assert "This message removes the session from your calendar." in \
        texts["minister2@example.org"]
    for text in texts.values():
        assert "/api/v1/calendar/" not in text
        assert "met à jour" not in text and "updates the session" not in text


async def test_the_press_is_told_a_session_is_a_photo_opportunity_only(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A photographer invited to a ministerial session open to the press for photographs only
    read "14:30–16:00" and nothing of the rule the public programme states (found in a user
    test); an official invited to it reads no such line."""
    from tests.conftest import press_body

    start = _first_of_a_month()
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin", json=(
        conference_body(starts_on=start.isoformat(),
                        ends_on=(start + timedelta(days=1)).isoformat())))
    assert status == 201, body
    be = await make_delegation(api, "BE")
    await approved(api, {**minister("", 1, "en"), "delegation_id": be["id"]}, "protocol",
                   "protocol")
    for n, lang in ((1, "en"), (2, "fr")):
        await approved(api, press_body(n, language=lang, press={
            "outlet": "AFP", "press_card_number": f"FR-{n}", "role": "photographer",
            "country": "FR"}), "press_office", "press_office")
    _, room, _ = await api.call("POST", f"{BASE}/rooms", role="protocol",
                                json={"name": "Salle Europa", "capacity": 100})
    nine = datetime(start.year, start.month, start.day, 14, 30, tzinfo=BRUSSELS)
    status, s, _ = await api.call("POST", f"{BASE}/sessions", role="protocol", json={
        "title": {"fr": "Séance ministérielle", "en": "Ministerial session"},
        "kind": "ministerial", "room_id": room["id"], "starts_at": nine.isoformat(),
        "ends_at": (nine + timedelta(minutes=90)).isoformat(),
        "audience": ["minister", "press"], "press_access": "photo_opportunity"})
    assert status == 201, s
    assert (await api.call("POST", f"{BASE}/programme/publish", role="protocol"))[0] == 201
    found = await smtp.wait_for(3, where=is_invitation)
    texts = {str(m["To"]).split("<")[-1].rstrip(">"): text_of(m) for m in found}
    assert ("Press: photo opportunity only. Photographers and camera operators are let in for"
            " the pictures, not to follow the session." in texts["marie.dupont1@example.org"])
    assert ("Presse : séance photo uniquement. Photographes et équipes de prise de vues sont"
            " admis pour les images, non pour suivre la séance."
            in texts["marie.dupont2@example.org"])
    assert "photo opportunity" not in texts["minister1@example.org"]
