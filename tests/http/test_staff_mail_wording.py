"""The staff's own mail as they read it (user test of 1 December 2026, finding 13): the welcome
and the sign-in link address the colleague by name in both languages, come from the
conference's protocol service like every other mail about it, name a conference whose title
is "Conférence …" without saying "conférence" twice, and say when their link stops working."""

from __future__ import annotations

from datetime import timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from conference.mail import formatting
from tests.conftest import Api, conference_body
from tests.http.test_workspaces import Visitor
from tests.support import RecordingSMTP, body_text

TITLE = {"fr": "Conférence ministérielle sur la sécurité",
         "en": "Ministerial Conference on Security"}
SHORT = {"fr": "Ministérielle 2027", "en": "Ministerial 2027"}


def _lines(m: Any) -> list[str]:
    text = body_text(m).replace("\r\n", "\n").strip()
    return [" ".join(line.split()) for line in text.split("\n")]


def _expires(m: Any, after: timedelta, language: str) -> str:
    """When the message's link stops working, as the reader's language writes it, in the
    conference's zone (the Date header is the moment the link was made)."""
    sent = parsedate_to_datetime(str(m["Date"]))
    return formatting.moment(sent + after, "Europe/Brussels", language)


async def _conference_and_staff(api: Api, smtp: RecordingSMTP) -> tuple[Any, Any]:
    status, body, _ = await api.call("POST", "/api/v1/conferences", role="admin",
                                     json=conference_body("ministerielle", title=TITLE,
                                                          short_name=SHORT))
    assert status == 201, body
    for email, name, language in (("marie@example.org", "Marie Lambert", "fr"),
                                  ("john@example.org", "John Smith", "en")):
        status, person, _ = await api.call("POST", "/api/v1/staff", role="admin", json={
            "email": email, "name": name, "language": language,
            "grants": [{"role": "protocol", "conference": "ministerielle"}]})
        assert status == 201, person
    [fr] = await smtp.wait_for(1, where=lambda m: "marie@" in str(m["To"]))
    [en] = await smtp.wait_for(1, where=lambda m: "john@" in str(m["To"]))
    return fr, en


async def test_the_welcome_names_the_reader_and_the_conference_once_and_dates_the_link(
    api: Api, smtp: RecordingSMTP
) -> None:
    fr, en = await _conference_and_staff(api, smtp)
    # the short name first, as every letter about the conference (tryout: the welcome alone
    # lacked it)
    assert str(fr["Subject"]) == ("Ministérielle 2027 – Votre accès à la Conférence "
                                  "ministérielle sur la sécurité")
    assert str(en["Subject"]) == ("Ministerial 2027 – Your access to the Ministerial "
                                  "Conference on Security")
    fr_lines, en_lines = _lines(fr), _lines(en)
    assert fr_lines[0] == "Bonjour Marie Lambert,"
    assert en_lines[0] == "Dear John Smith,"
    assert ("Un accès vous a été ouvert pour la Conférence ministérielle sur la sécurité."
            in fr_lines)
    assert "You have been given access to the Ministerial Conference on Security." in en_lines
    week = timedelta(days=7)
    assert (f"Connectez-vous avec ce lien, valable une fois, jusqu'au {_expires(fr, week, 'fr')} :"
            in fr_lines), fr_lines
    assert f"Sign in with this link; it works once, until {_expires(en, week, 'en')}:" in en_lines
    assert str(fr["From"]) == "Ministérielle 2027 <organiser@example.org>"


async def test_a_focal_point_s_welcome_carries_the_short_name_as_the_other_letters_do(
    api: Api, smtp: RecordingSMTP
) -> None:
    """A focal point files the delegation's letters by the conference's short name, the
    prefix of every letter's subject ("Ministerial 2027 – Accreditation request received");
    the welcome, the first of them, carried none (tryout)."""
    await _conference_and_staff(api, smtp)
    for country, email, language in (("IE", "aoife@example.org", "en"),
                                     ("BE", "lea@example.org", "fr")):
        status, created, _ = await api.call(
            "POST", "/api/v1/conferences/ministerielle/delegations", role="protocol", json={
                "kind": "country", "country": country,
                "focal_point": {"name": "Aoife Byrne", "email": email, "language": language}})
        assert status == 201, created
    [en] = await smtp.wait_for(1, where=lambda m: "aoife@" in str(m["To"]))
    [fr] = await smtp.wait_for(1, where=lambda m: "lea@" in str(m["To"]))
    assert str(en["Subject"]) == ("Ministerial 2027 – Your access to the Ministerial "
                                  "Conference on Security")
    assert str(fr["Subject"]) == ("Ministérielle 2027 – Votre accès à la Conférence "
                                  "ministérielle sur la sécurité")


async def test_the_sign_in_link_comes_from_the_protocol_service_of_the_staff_s_conference(
    api: Api, smtp: RecordingSMTP
) -> None:
    await _conference_and_staff(api, smtp)
    for email, language in (("marie@example.org", "fr"), ("john@example.org", "en")):
        status, _, _ = await Visitor(api).post_form(f"/signin?lang={language}",
                                                    f"/signin?lang={language}", email=email)
        assert status == 303
    [fr] = await smtp.wait_for(1, where=lambda m: "marie@" in str(m["To"])
                               and m["Subject"] == "Votre lien de connexion")
    [en] = await smtp.wait_for(1, where=lambda m: "john@" in str(m["To"])
                               and m["Subject"] == "Your sign-in link")
    assert str(fr["From"]) == "Ministérielle 2027 <organiser@example.org>"
    assert str(en["From"]) == "Ministerial 2027 <organiser@example.org>"
    fr_lines, en_lines = _lines(fr), _lines(en)
    assert fr_lines[0] == "Bonjour Marie Lambert,"
    assert en_lines[0] == "Dear John Smith,"
    quarter = timedelta(minutes=15)
    assert ("Connectez-vous avec ce lien, valable une fois pendant 15 minutes, jusqu'au "
            f"{_expires(fr, quarter, 'fr')} :") in fr_lines, fr_lines
    assert ("Sign in with this link; it works once, for 15 minutes, until "
            f"{_expires(en, quarter, 'en')}:") in en_lines, en_lines
    assert fr_lines[-3:] == ["Cordialement,", "Le service du protocole", "Ministérielle 2027"]
    assert en_lines[-3:] == ["Kind regards,", "The Protocol Service", "Ministerial 2027"]


async def test_the_welcome_names_the_role_as_the_letters_name_the_office(
    api: Api, smtp: RecordingSMTP
) -> None:
    """The English welcome gave the role as "protocol office" above the signature "The
    Protocol Service": one name per party in every letter (docs/privacy.md, "Who writes")."""
    fr, en = await _conference_and_staff(api, smtp)
    fr_lines, en_lines = _lines(fr), _lines(en)
    assert "Rôle : service du protocole" in fr_lines, fr_lines  # (spaces made plain)
    assert "Role: protocol service" in en_lines, en_lines
    assert en_lines[-2:] == ["The Protocol Service", "Ministerial 2027"]
    assert "protocol office" not in body_text(en)
