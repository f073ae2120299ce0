"""The publication preview's pure parts: the draft's fingerprint (what makes a preview stale)
and the kind each planned message is counted under."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from conference.calendar.plan import Action, Method, Sent
from conference.calendar.preview import kind_of
from conference.programme.domain import draft_fingerprint, next_snapshot
from conference.programme.published import PublishedSession, Snapshot

START = datetime(2026, 12, 1, 9, tzinfo=UTC)
S1, R1, P1 = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def draft(*, minutes: int = 0, title: str = "Opening", audience: tuple[str, ...] = ("minister",)
          ) -> PublishedSession:
    return PublishedSession(
        session_id=S1, sequence=0, title={"fr": title, "en": title}, kind="plenary",
        room_id=R1, room="Plenary", starts_at=START + timedelta(minutes=minutes),
        ends_at=START + timedelta(minutes=minutes + 60), status="scheduled",
        press_access="open", audience=list(audience), royal_presence=False, seated_by=None,
        participants=[])


def test_the_same_draft_has_the_same_fingerprint() -> None:
    assert draft_fingerprint(1, next_snapshot(None, [draft()])) == \
        draft_fingerprint(1, next_snapshot(None, [draft()]))


def test_any_change_a_publication_would_freeze_changes_the_fingerprint() -> None:
    base = draft_fingerprint(None, next_snapshot(None, [draft()]))
    others = {
        draft_fingerprint(None, next_snapshot(None, [draft(minutes=30)])),
        draft_fingerprint(None, next_snapshot(None, [draft(title="Ouverture")])),
        draft_fingerprint(None, next_snapshot(None, [draft(audience=("expert",))])),
        draft_fingerprint(None, Snapshot(sessions=[])),
        draft_fingerprint(1, next_snapshot(None, [draft()])),  # a version published since
    }
    assert base not in others and len(others) == 5


def test_messages_are_counted_as_invitations_updates_or_cancellations() -> None:
    def action(method: Method, last: Sent | None) -> Action:
        return Action(P1, S1, method, 1, 1, "REQ-PARTICIPANT", "speaker", last)

    assert kind_of(action("REQUEST", None)) == "invitation"
    assert kind_of(action("REQUEST", Sent("CANCEL", 0, 0))) == "invitation"  # invited again
    assert kind_of(action("REQUEST", Sent("REQUEST", 0, 0))) == "update"
    assert kind_of(action("CANCEL", Sent("REQUEST", 0, 0))) == "cancellation"


def test_a_sample_shows_a_long_accented_name_as_a_mail_client_does() -> None:
    """A conference's name in From and Reply-To is folded into encoded words that may split a
    word ("la sécurit" + "é en ligne"): the preview showed "sécurit é" and "en  ligne", as
    though the mail were broken (found trying the product on the day of a meeting)."""
    from email.message import EmailMessage
    from email.policy import SMTP

    from conference.calendar.preview import _sample

    name = "Réunion ministérielle sur la sécurité en ligne"
    message = EmailMessage(policy=SMTP)
    message["From"] = f"{name} <reply-x@conference.local>"
    message["To"] = "Benjamin Haddad <benjamin.haddad@example.org>"
    message["Reply-To"] = f"{name} <protocol@example.org>"
    message["Subject"] = "Mise à jour\u00a0: Séance ministérielle, 1er déc., 14:00 (CET)"
    message.set_content("Monsieur,")
    sample = _sample(message.as_bytes(), "secret")
    headers = dict(sample.headers)
    assert headers["From"] == f"{name} <reply-x@conference.local>"
    assert headers["Reply-To"] == f"{name} <protocol@example.org>"
    assert sample.recipient == "Benjamin Haddad <benjamin.haddad@example.org>"
    assert sample.subject == "Mise à jour\u00a0: Séance ministérielle, 1er déc., 14:00 (CET)"
