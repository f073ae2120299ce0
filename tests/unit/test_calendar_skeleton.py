"""The MIME skeleton (built once per session version) writes, per recipient, the very bytes the
full path (``build_invitation_email``) writes, except for the random boundaries."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from conference.calendar.itip import Attendee, InvitationTemplate, Organizer, SessionVersion
from conference.calendar.mime import InvitationSkeleton, build_invitation_email

BOUNDARY = re.compile(rb"={15}\d+==")
ORGANIZER = Organizer("organiser@example.org", "Alliance mondiale : réunion")
NOW = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
NAMES = [
    "Official1 Peeters", "Joëlle Ærø-Straße", 'Michael D. "Mike" O\'Brien', "X" * 90,
    "Sa Majesté la Reine Mathilde de Belgique, Princesse de Ligne-La-Trémoïlle et d'ailleurs",
    "李 小龙", "a;b:c,d", "",
]


def template(method: str) -> InvitationTemplate:
    session = SessionVersion(
        uid="session-1@conference.local", sequence=2, summary="Séance d'ouverture — plénière",
        starts_at=datetime(2026, 5, 1, 7, tzinfo=UTC), ends_at=datetime(2026, 5, 1, 8, tzinfo=UTC),
        location="Salle Europa, Charlemagne", description="En présence de S.M. la Reine.",
        cancelled=method == "CANCEL")
    return InvitationTemplate.build(session, ORGANIZER, method, 15, "-//Test//EN")  # type: ignore


def recipient(i: int, name: str, method: str) -> dict[str, object]:
    to = Attendee(f"person{i}@example.org", name, "OPT-PARTICIPANT")
    return {"ics": template(method).render(to, NOW), "to": to,
            "text_body": f"Bonjour {name or 'vous'},\n\nVous êtes invité·e à la séance "
                         f"{'=' * i} ci-dessous.\n  https://example.org/feed/{i}x{'y' * 80}\n",
            "message_id": f"<{i}-abc@conference.local>"}


@pytest.mark.parametrize("method", ["REQUEST", "CANCEL"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_skeleton_writes_the_bytes_of_the_full_path(method: str, language: str) -> None:
    common = {"method": method, "from_addr": ORGANIZER, "date": NOW, "language": language,
              "subject": "Invitation : Séance d'ouverture — plénière, 1 mai, 09:00"}
    skeleton = InvitationSkeleton.build(**recipient(0, "First Person", method),  # type: ignore
                                        **common)
    for i, name in enumerate(NAMES, start=1):
        fields = recipient(i, name, method)
        full = bytes(build_invitation_email(**fields, html_body=None, **common))  # type: ignore
        filled = skeleton.render(**fields, from_addr=ORGANIZER)  # type: ignore[arg-type]
        assert BOUNDARY.sub(b"-", filled) == BOUNDARY.sub(b"-", full), name


@pytest.mark.parametrize("text_body", [
    "", "\n", "one line", "é" * 40 + "\n", "x" * 75, "x" * 76, "x" * 77, "x" * 152 + "\n",
    "x" * 74 + " \n", "x" * 75 + " \n", "x" * 76 + "\t\n", "x" * 73 + "=\n" + "y" * 80,
    "x" * 72 + "é" + "x" * 10, "a\r\nb\rc\n\n\nd  \n", "trailing space \nand tab\t",
    "line\x0bwith vertical tab\x0cand form feed\u2028and line separator\n",
])
def test_text_bodies_encode_as_the_email_package_does(text_body: str) -> None:
    """The text part is encoded line by line, the shared lines once (``_qp_line``): the same
    bytes as the email package's quoted-printable of the whole text, at the edges of the line
    length too (soft breaks, "=" escapes and trailing blanks where a line wraps)."""
    common = {"method": "REQUEST", "from_addr": ORGANIZER, "date": NOW, "language": "fr",
              "subject": "Invitation"}
    skeleton = InvitationSkeleton.build(**recipient(0, "First Person", "REQUEST"),  # type: ignore
                                        **common)
    for _ in range(2):  # the second time from the line cache
        fields = {**recipient(1, "Second", "REQUEST"), "text_body": text_body}
        full = bytes(build_invitation_email(**fields, html_body=None, **common))  # type: ignore
        filled = skeleton.render(**fields, from_addr=ORGANIZER)  # type: ignore[arg-type]
        assert BOUNDARY.sub(b"-", filled) == BOUNDARY.sub(b"-", full)


def test_skeleton_checks_what_the_full_path_checks() -> None:
    skeleton = InvitationSkeleton.build(**recipient(0, "First", "REQUEST"),  # type: ignore
                                        method="REQUEST", from_addr=ORGANIZER, date=NOW,
                                        language="en", subject="Invitation")
    fields = {**recipient(1, "Second", "REQUEST"), "from_addr": ORGANIZER}
    with pytest.raises(ValueError, match="message_id"):
        skeleton.render(**{**fields, "message_id": "no-brackets"})  # type: ignore[arg-type]
    other = Attendee("someone.else@example.org", "Else")
    with pytest.raises(ValueError, match="ATTENDEE"):
        skeleton.render(**{**fields, "to": other})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="METHOD"):
        skeleton.render(**{**fields, "ics": recipient(1, "Second", "CANCEL")["ics"]})  # type: ignore
    with pytest.raises(ValueError, match="ORGANIZER"):  # From must be the ICS's ORGANIZER
        skeleton.render(**{**fields, "from_addr": Organizer("other@example.org",  # type: ignore
                                                            ORGANIZER.name)})


@pytest.mark.parametrize("name", [
    "Official1 Peeters", "O'Brien-Smith Pat", "a", "x  y", " lead", "trail ", "J. Smith",
    "Smith, John", "Émile Zola", "A" * 50, "A" * 51, "A" * 52, "A" * 60, "A b " * 20, "-", "'",
])
@pytest.mark.parametrize("email", ["official12@example.org", "a.b+c@x-y.example.org",
                                   "a..b@example.org", "x@y", "o'brien@example.org"])
def test_the_quick_to_header_is_the_email_package_s(name: str, email: str) -> None:
    from conference.calendar.mime import _slow_to_header, _to_header

    def outcome(header: Callable[[Attendee], bytes]) -> object:
        try:
            return header(Attendee(email, name, "REQ-PARTICIPANT"))
        except Exception as exc:  # the same refusal either way
            return type(exc)

    assert outcome(_to_header) == outcome(_slow_to_header)
