"""The consumers that write the credentials' letters: an approved visa letter to the person, the
PDF attached; a refused request to the person and their focal points; a clearance asked to be
completed or refused, to whoever answers for the person. They run in the worker
(docs/outbox.md), never in the request that made the change; a letter cancelled (a status
changed) before the consumer runs is not sent."""

from __future__ import annotations

import uuid

import asyncpg

from conference.accreditation.lookup import badge_short_reference
from conference.accreditation.notices import focal_point_recipients
from conference.auth import Role, issue_token
from conference.conferences.domain import sender_address
from conference.conferences.lookup import conference_by_id
from conference.conferences.models import Conference
from conference.credentials import repo
from conference.credentials.service import letter_pdf
from conference.mail import formatting
from conference.mail.headers import UNBUILDABLE
from conference.mail.privacy import controller_name, retention_period
from conference.mail.render import build_message, render_template, render_text
from conference.mail.wording import sender_name, short_name, subject_line
from conference.outbox.dispatch import (
    ConsumerResult,
    DispatchContext,
    EventRow,
    NewDelivery,
    Parked,
    Subscription,
)
from conference.people.lookup import delegation_slug
from conference.protocol.address import closing, salutation
from conference.protocol.countries import country_name
from conference.protocol.ranks import Rank
from conference.protocol.titles import letter_category
from conference.roles import PROTOCOL_OFFICE

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
            # the opening of every letter to this person: the gender, else the one the
            # civility says (it ignored the civility: "Madame, Monsieur," to a "Madame")
            salutation=salutation(row["given_name"], row["family_name"],
                                  Rank(row["rank"]) if row["rank"] else None,
                                  row["gender"] or {"mrs": "female", "mr": "male"}.get(
                                      row["salutation"]), language),
            closing=closing(row["rank"], language),  # matching the opening
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
    except UNBUILDABLE as exc:
        return ConsumerResult(parked=[Parked(
            template=TEMPLATE, dedupe_key=dedupe, recipient=recipient,
            error=f"{type(exc).__name__}: {exc}"[:300], conference_id=conference.id,
            accreditation_id=row["accreditation_id"])])
    return ConsumerResult([NewDelivery(
        template=TEMPLATE, dedupe_key=dedupe, recipient=recipient,
        sender=sender, subject=subject, message_id=message_id,
        message=bytes(msg), conference_id=conference.id,
        accreditation_id=row["accreditation_id"], delivery_id=delivery_id)])


REFUSED = "visa_letter_refused"


async def mail_visa_letter_refused(conn: asyncpg.Connection, event: EventRow,
                                   ctx: DispatchContext) -> ConsumerResult:
    """The letter of a visa letter request protocol refused, with the reason as written: to
    the person, who waits for the letter to book a consulate appointment, and, for a
    delegation's member, to the delegation's focal points (``focal_point_recipients``), each
    with the link to the page where a corrected request can be made (docs/credentials.md,
    "Visa invitation letters"). Nothing for a request refused because its accreditation ended
    (the accreditation's own letter says so), nor for one no longer refused when the worker
    comes, nor about a person erased or no longer applying."""
    if event.payload.get("accreditation_status") is not None:
        return ConsumerResult()
    row = await repo.letter_row(conn, uuid.UUID(event.payload["visa_letter_id"]))
    if row is None or row["status"] != "refused" or row["accreditation_status"] not in LIVE \
            or row["erased_at"] is not None:
        return ConsumerResult()
    conference = await conference_by_id(conn, row["conference_id"])
    member = f"{row['given_name']} {row['family_name']}"
    press = row["category"] == "press"
    accreditation_id = row["accreditation_id"]
    gender = row["gender"] or {"mrs": "female", "mr": "male"}.get(row["salutation"])
    result = ConsumerResult()
    # the person, on their own credentials page (a fresh private link, as every letter to an
    # applicant that leads to the page)
    token = await issue_token(conn, Role.applicant, accreditation_id=accreditation_id)
    language = row["language"]
    recipients = [(row["email"], member, language,
                   salutation(row["given_name"], row["family_name"],
                              Rank(row["rank"]) if row["rank"] else None, gender, language),
                   closing(row["rank"], language), False,
                   f"{ctx.settings.base_url}/a/{token}/credentials?lang={language}")]
    if row["delegation_id"] is not None:
        slug = delegation_slug(conference.slug, row["delegation_country"], row["delegation_id"])
        page = f"{ctx.settings.base_url}/delegation/{slug}/members/{accreditation_id}/credentials"
        for email, name, lang in await focal_point_recipients(
                conn, conference, row["delegation_id"], row["focal_point_email"],
                row["focal_point_name"]):
            if email.lower() == row["email"].lower():
                continue
            recipients.append((email, name, lang, salutation("", name, None, None, lang),
                               closing(None, lang), True, f"{page}?lang={lang}"))
    for recipient, recipient_name, lang, greeting, ending, focal, link in recipients:
        letter = _clearance_letter(ctx, event, conference, row, REFUSED, recipient,
                                   recipient_name, lang, greeting, ending, link=link,
                                   focal=focal, member=member, press=press,
                                   accreditation_id=accreditation_id,
                                   consulate=row["consulate"])
        if isinstance(letter, Parked):
            result.parked.append(letter)
        else:
            result.deliveries.append(letter)
    return result


LIVE = frozenset({"submitted", "waitlisted", "approved"})
"""The accreditations a clearance letter is written about."""
CLEARANCE_LETTERS = {"more_information": "clearance_more_information",
                     "refused": "clearance_refused", "cleared": "clearance_cleared"}
"""The clearance statuses that write a letter, and its template; ``pending`` writes none, and
``cleared`` only about an approved person, whose badge it releases (docs/credentials.md,
"Vetting"): their approval letter said the badge would follow the check, and nothing said
when it had. A delegation member's goes to the focal points (``clearance_cleared_focal``),
through whom the badge goes."""
CLEARED_FOCAL = "clearance_cleared_focal"


async def mail_clearance_notice(conn: asyncpg.Connection, event: EventRow, ctx: DispatchContext
                                ) -> ConsumerResult:
    """The letter of a clearance asked to be completed or refused: to the delegation's focal
    points for a delegation member (``focal_point_recipients``: those holding a grant on it
    and the address it was created with, each once, in their own language), to the person who
    applied otherwise (the press). A status changed again before the worker came is not
    written (its own event writes what holds), nor one about an application no longer alive
    (withdrawn, rejected, replaced, revoked)."""
    status = str(event.payload.get("status", ""))
    template = CLEARANCE_LETTERS.get(status)
    if template is None:
        return ConsumerResult()
    row = await repo.clearance_notice(conn, uuid.UUID(event.payload["accreditation_id"]),
                                      event.id)
    if row is None or row["erased_at"] is not None or row["recorded"] != status \
            or row["status"] not in LIVE:
        return ConsumerResult()
    conference = await conference_by_id(conn, row["conference_id"])
    press = row["category"] == "press"
    focal = row["delegation_id"] is not None
    if status == "cleared" and (row["status"] != "approved"
                                or (row["status_then"] or "approved") != "approved"):
        # before the approval, the approval letter itself says where the badge is: a
        # clearance recorded then and approved before the worker came writes nothing either
        return ConsumerResult()
    if status == "cleared" and focal:
        # a member's badge goes through their focal points: their approval letter said it
        # would come once the security check is complete, and nobody said when it was
        template = CLEARED_FOCAL
    photo_awaited = status == "cleared" and row["category"] in conference.photo_required \
        and await repo.photo_size_of(conn, row["id"]) is None
    # the badge's reference once it can be issued, as the approval letter to the focal points
    # shows it (docs/credentials.md, "Short reference")
    short_reference = await badge_short_reference(conn, row["id"]) \
        if status == "cleared" and not photo_awaited else None
    member = f"{row['given_name']} {row['family_name']}"
    # a status protocol recorded (its console, its API token) is told as protocol's, not as
    # the security service's (docs/credentials.md, "Vetting")
    by_protocol = event.payload.get("by") in {r.value for r in PROTOCOL_OFFICE}
    link = ""
    # (address, name, language, opening, closing) of each letter
    recipients: list[tuple[str, str, str, str, str]] = []
    if focal:
        # every focal point of the delegation, and the address it was created with, each once
        # in their own language, as the substitution's and revocation's letters
        # (docs/privacy.md, "Who writes")
        for email, name, language in await focal_point_recipients(
                conn, conference, row["delegation_id"], row["focal_point_email"],
                row["focal_point_name"]):
            recipients.append((email, name, language,
                               salutation("", name, None, None, language),
                               closing(None, language)))
        slug = delegation_slug(conference.slug, row["delegation_country"],
                               row["delegation_id"])
        # the badge, or the photo it waits for, is on the member's page; what the security
        # service asks for, on its credentials tab
        link = (f"{ctx.settings.base_url}/delegation/{slug}/members/{row['id']}"
                + ("" if status == "cleared" else "/credentials"))
    else:
        language = row["language"]
        if status == "more_information":
            # what is missing is given on the application's page, never by mail: a fresh
            # private link, as every letter to an applicant that leads to the page carries
            # (docs/credentials.md, "Vetting")
            token = await issue_token(conn, Role.applicant, accreditation_id=row["id"])
            link = f"{ctx.settings.base_url}/a/{token}/credentials?lang={language}"
        elif status == "cleared":
            # the badge (or the photo it waits for) is on the application's page
            token = await issue_token(conn, Role.applicant, accreditation_id=row["id"])
            link = f"{ctx.settings.base_url}/a/{token}?lang={language}"
        gender = row["gender"] or {"mrs": "female", "mr": "male"}.get(row["salutation"])
        recipients.append((row["email"], member, language,
                           salutation(row["given_name"], row["family_name"],
                                      Rank(row["rank"]) if row["rank"] else None, gender,
                                      language),
                           closing(row["rank"], language)))
    result = ConsumerResult()
    for recipient, recipient_name, language, greeting, ending in recipients:
        # the member's page opens in each focal point's own language, as their welcome mail's
        # link does (tried as a focal point, 2 December 2026)
        letter = _clearance_letter(ctx, event, conference, row, template, recipient,
                                   recipient_name, language, greeting, ending,
                                   link=f"{link}?lang={language}" if focal and link else link,
                                   focal=focal, member=member, press=press,
                                   photo_awaited=photo_awaited,
                                   short_reference=short_reference, by_protocol=by_protocol)
        if isinstance(letter, Parked):
            result.parked.append(letter)
        else:
            result.deliveries.append(letter)
    return result


def _clearance_letter(ctx: DispatchContext, event: EventRow, conference: Conference,
                      row: asyncpg.Record, template: str, recipient: str, recipient_name: str,
                      language: str, greeting: str, ending: str, *, link: str, focal: bool,
                      member: str, press: bool, photo_awaited: bool = False,
                      short_reference: str | None = None, by_protocol: bool = False,
                      accreditation_id: uuid.UUID | None = None, consulate: str = "",
                      ) -> NewDelivery | Parked:
    """One clearance letter (or a refused visa letter's: ``row`` is then the letter's, and
    ``accreditation_id`` the person's), to ``recipient`` in ``language``."""
    person = accreditation_id or row["id"]
    delegation = (country_name(row["delegation_country"], language)
                  if row["delegation_country"] else row["delegation_organisation"] or "")
    dedupe = f"{event.id}:{template}:{recipient.lower()}"
    try:
        subject, body = render_text(
            template, language, conference=conference,
            dates=formatting.day_range(conference.starts_on, conference.ends_on, language),
            salutation=greeting, closing=ending, focal=focal, member=member, delegation=delegation,
            # in the member's gender (docs/protocol.md, "Titles in the person's gender")
            category=letter_category(row["category"], row["rank"], language, row["gender"] or {
                "mrs": "female", "mr": "male"}.get(row["salutation"])),
            reason=row["reason"] or "",
            link=link, is_press=press, photo_awaited=photo_awaited,
            short_reference=short_reference, by_protocol=by_protocol, consulate=consulate)
        footer = {
            "short": short_name(conference, language),
            "controller": controller_name(conference, language),
            "retention": retention_period(conference.retention_days, language),
            # in the letter's language, as every letter's (docs/privacy.md, "The notice")
            "privacy_url": f"{ctx.settings.base_url}/{conference.slug}/privacy?lang={language}",
        }
        # to a focal point, about a member: the notice that it carries a member's personal data
        # (never the organisers' internal reminder: the focal point is outside them); to the
        # applicant: the data-protection notice, as every letter to an applicant
        # (docs/privacy.md, "The notice")
        body += "\n" + render_template(
            f"{language}/{'_delegation_footer' if focal else '_footer'}.txt",
            conference=conference, **footer)
        subject = subject_line(conference, language, subject)
        sender = sender_address(conference, press=press)
        delivery_id = uuid.uuid4()
        message_id = f"<{delivery_id}@{ctx.settings.mail.message_id_domain}>"
        msg = build_message(
            sender=sender, sender_name=sender_name(conference, language), recipient=recipient,
            recipient_name=recipient_name, subject=subject, body=body, message_id=message_id,
            language=language, date=ctx.now)
    except UNBUILDABLE as exc:
        return Parked(
            template=template, dedupe_key=dedupe, recipient=recipient,
            error=f"{type(exc).__name__}: {exc}"[:300], conference_id=conference.id,
            accreditation_id=person)
    return NewDelivery(
        template=template, dedupe_key=dedupe, recipient=recipient, sender=sender,
        subject=subject, message_id=message_id, message=bytes(msg),
        conference_id=conference.id, accreditation_id=person, delivery_id=delivery_id)


SUBSCRIPTIONS = (
    Subscription("conference.credentials.mail:mail_visa_letter", mail_visa_letter,
                 frozenset({"visa_letter.approved"})),
    Subscription("conference.credentials.mail:mail_visa_letter_refused",
                 mail_visa_letter_refused, frozenset({"visa_letter.refused"})),
    Subscription("conference.credentials.mail:mail_clearance_notice", mail_clearance_notice,
                 frozenset({"accreditation.vetting_status_set"})),
)
"""What credentials consume, for the composition root (``conference/runtime.py``)."""
