"""The consumer that mails an approved visa letter to the person, the PDF attached. It runs in
the worker (docs/outbox.md), never in the request that approved the letter; a letter cancelled
before the consumer runs is not sent."""

from __future__ import annotations

import uuid

import asyncpg

from conference.conferences.domain import sender_address
from conference.conferences.lookup import conference_by_id
from conference.credentials import repo
from conference.credentials.service import letter_pdf
from conference.mail import formatting
from conference.mail.render import build_message, render_text
from conference.mail.wording import sender_name, subject_line
from conference.outbox.dispatch import (
    ConsumerResult,
    DispatchContext,
    EventRow,
    NewDelivery,
    Parked,
    Subscription,
)
from conference.protocol.address import salutation
from conference.protocol.ranks import Rank

TEMPLATE = "visa_letter"


async def mail_visa_letter(conn: asyncpg.Connection, event: EventRow, ctx: DispatchContext
                           ) -> ConsumerResult:
    row = await repo.letter_row(conn, uuid.UUID(event.payload["visa_letter_id"]))
    if row is None or row["status"] != "approved":
        return ConsumerResult()
    conference = await conference_by_id(conn, row["conference_id"])
    language = row["language"]
    recipient = row["email"]
    dedupe = f"{event.id}:{TEMPLATE}:{recipient.lower()}"
    # a press applicant's letters come from, and name as contact, the press office
    # (docs/privacy.md, "Who writes")
    press = row["category"] == "press"
    sender = sender_address(conference, press=press)
    try:
        subject, body = render_text(
            TEMPLATE, language, conference=conference,
            dates=formatting.day_range(conference.starts_on, conference.ends_on, language),
            salutation=salutation(row["given_name"], row["family_name"],
                                  Rank(row["rank"]) if row["rank"] else None,
                                  row["gender"], language),
            number=row["number"], consulate=row["consulate"],
            verify_url=row["letter"]["verify_url"], is_press=press)
        subject = subject_line(conference, language, subject)  # as every letter's
        delivery_id = uuid.uuid4()
        message_id = f"<{delivery_id}@{ctx.settings.mail.message_id_domain}>"
        msg = build_message(
            sender=sender,
            sender_name=sender_name(conference, language), recipient=recipient,
            recipient_name=f"{row['given_name']} {row['family_name']}", subject=subject,
            body=body, message_id=message_id, language=language, date=ctx.now)
        msg.add_attachment(letter_pdf(row), maintype="application", subtype="pdf",
                           filename=f"visa-letter-{row['number']}.pdf")
        # the attachment made the message multipart/mixed, which took Content-* headers down
        # to the text part: the message's language is said at the top as well
        msg["Content-Language"] = language
    except (ValueError, UnicodeError) as exc:
        return ConsumerResult(parked=[Parked(
            template=TEMPLATE, dedupe_key=dedupe, recipient=recipient,
            error=f"{type(exc).__name__}: {exc}"[:300], conference_id=conference.id,
            accreditation_id=row["accreditation_id"])])
    return ConsumerResult([NewDelivery(
        template=TEMPLATE, dedupe_key=dedupe, recipient=recipient,
        sender=sender, subject=subject, message_id=message_id,
        message=bytes(msg), conference_id=conference.id,
        accreditation_id=row["accreditation_id"], delivery_id=delivery_id)])


SUBSCRIPTIONS = (
    Subscription("conference.credentials.mail:mail_visa_letter", mail_visa_letter,
                 frozenset({"visa_letter.approved"})),
)
"""What credentials consume, for the composition root (``conference/runtime.py``)."""
