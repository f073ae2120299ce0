"""Consumers that write the accreditation notices: the spokesperson contact notice (press) or an
acknowledgement (others) to the applicant, the notice of a new press application to the
spokesperson's office, and the decision letters."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any, Literal

import asyncpg

from conference.accreditation import repo
from conference.accreditation.domain import answered_by_focal_point
from conference.accreditation.models import Accreditation
from conference.auth import Role, issue_token
from conference.conferences.domain import sender_address
from conference.conferences.lookup import conference_by_id
from conference.conferences.models import Conference
from conference.mail import formatting
from conference.mail.headers import UNBUILDABLE
from conference.mail.privacy import controller_name, retention_period
from conference.mail.render import build_message, render_template, render_text
from conference.mail.wording import agreement, sender_name, short_name, subject_line
from conference.outbox.dispatch import (
    ConsumerResult,
    DispatchContext,
    EventRow,
    NewDelivery,
    Parked,
    Subscription,
    advisory_key,
)
from conference.people.lookup import (
    delegation_slug,
    focal_points_of_delegation,
    person_by_email,
    person_by_id,
)
from conference.protocol.address import closing, salutation
from conference.protocol.countries import country_name
from conference.protocol.titles import CATEGORIES, category_name, letter_category

ROLE_NAMES = {
    "en": {"journalist": "journalist", "photographer": "photographer",
           "camera": "camera operator", "technician": "technician"},
    "fr": {"journalist": "journaliste", "photographer": "photographe",
           "camera": "prise de vues", "technician": "technicien"},
}
CATEGORY_NAMES = {language: {c: category_name(c, language, None) for c in CATEGORIES}
                  for language in ("en", "fr")}
"""The categories as a letter names them when no one person is meant (the places of a
delegation) or the person's gender is unknown: the double form in French (« ministre / chef ou
cheffe de délégation »). A letter about a person names their category in their gender
(``person_category``, docs/protocol.md, "Titles in the person's gender")."""


def person_category(a: Accreditation, language: str) -> str:
    """What a letter says ``a`` is accredited as, in their gender (their salutation's, for a
    press application without one): the category (« experte »), a minister's by their rank
    (« secrétaire d'État / vice-ministre »; ``titles.letter_category``), « ministre / cheffe de
    délégation » where no rank is known, the double form when the gender is unknown."""
    return letter_category(a.category.value, a.rank, language, _gender_of(a))


def _gender_of(a: Accreditation) -> str | None:
    return a.gender or {"mrs": "female", "mr": "male"}.get(a.salutation or "")


def conference_dates(c: Conference, language: str) -> str:
    return formatting.day_range(c.starts_on, c.ends_on, language)


async def _conference(conn: asyncpg.Connection, ctx: DispatchContext, cid: Any) -> Conference:
    key = f"conference:{cid}"
    if key not in ctx.cache:
        ctx.cache[key] = await conference_by_id(conn, cid)
    conference: Conference = ctx.cache[key]
    return conference


Footer = Literal["_footer", "_staff_footer", "_delegation_footer"]
"""How a letter ends, by whom it goes to (docs/privacy.md, "The notice"): an applicant, the
data-protection notice; the staff of the organisers, the reminder that it is internal and
carries an applicant's data; a delegation's focal point (outside the organisers), the notice
that it carries a member's data and where their rights are explained."""


_TO_GIVE = {
    "fr": {"photo": "votre photo pour le badge",
           "identity": "votre pièce d'identité pour le contrôle de sécurité",
           "press_card": "une copie de votre carte de presse",
           "note_verbale": "la note verbale", "passport_copy": "une copie de votre passeport"},
    "en": {"photo": "your photo for the badge",
           "identity": "your identity document for the security check",
           "press_card": "a copy of your press card",
           "note_verbale": "the note verbale", "passport_copy": "a copy of your passport"},
}


def _press_to_give(conference: Conference, language: str) -> str:
    """What the press acknowledgement asks the journalist to give on their page: the photo,
    the identity document when the conference vets the press, the documents it asks of the
    press (docs/credentials.md, "Documents"); a user test's journalist learnt of the press
    card only when the press office wrote."""
    words = _TO_GIVE["fr" if language == "fr" else "en"]
    items = [words["photo"]]
    if "press" in conference.vetting_required:
        items.append(words["identity"])
    for kind in conference.documents_required.get("press", []):
        value = getattr(kind, "value", kind)
        if value in words:
            items.append(words[value])
    last = " et " if language == "fr" else " and "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + last + items[-1]


def _mail(
    ctx: DispatchContext, event: EventRow, conference: Conference, template: str,
    language: str, recipient: str, recipient_name: str, about: Any,
    *, footer: Footer = "_footer", **context: Any,
) -> NewDelivery | Parked:
    """One letter, or, when it cannot be built (a value mail headers cannot carry), the
    recipient parked with the reason: an address the header parser cannot read at all
    (``<fp>@example.org``, stored before input was checked) raises ``HeaderParseError``, which
    is no ``ValueError``, and once failed the whole event, the member's own letter and the
    other focal points' with it."""
    try:
        return _build(ctx, event, conference, template, language, recipient, recipient_name,
                      about, footer=footer, **context)
    except UNBUILDABLE as exc:
        return Parked(template=template, dedupe_key=f"{event.id}:{template}:{recipient.lower()}",
                      recipient=recipient, error=f"{type(exc).__name__}: {exc}"[:300],
                      conference_id=conference.id, accreditation_id=about)


def _build(
    ctx: DispatchContext, event: EventRow, conference: Conference, template: str,
    language: str, recipient: str, recipient_name: str, about: Any,
    *, footer: Footer = "_footer", **context: Any,
) -> NewDelivery:
    """A letter to an applicant ends with the data-protection notice; a notice to staff
    (``_staff_footer``) instead with a reminder that it carries an applicant's personal data;
    one to a focal point (``_delegation_footer``) with the notice that it carries a member's."""
    short = short_name(conference, language)
    notice = {
        "short": short, "controller": controller_name(conference, language),
        "retention": retention_period(conference.retention_days, language),
        # in the letter's language, whatever the reader's browser prefers (docs/privacy.md)
        "privacy_url": f"{ctx.settings.base_url}/{conference.slug}/privacy?lang={language}",
    }
    context.setdefault("agree", agreement("neutral"))
    # a letter to no ranked person (a focal point, the press office) closes plainly
    context.setdefault("closing", closing(None, language))
    subject, body = render_text(
        template, language, conference=conference,
        dates=conference_dates(conference, language), **notice, **context,
    )
    body += "\n" + render_template(f"{language}/{footer}.txt", conference=conference, **notice)
    subject = subject_line(conference, language, subject)
    delivery_id = uuid.uuid4()
    message_id = f"<{delivery_id}@{ctx.settings.mail.message_id_domain}>"
    sender = sender_address(conference, press=bool(context.get("is_press")))
    msg = build_message(
        sender=sender, sender_name=sender_name(conference, language),
        recipient=recipient, recipient_name=recipient_name, subject=subject, body=body,
        message_id=message_id, language=language, date=ctx.now,
    )
    return NewDelivery(
        template=template, dedupe_key=f"{event.id}:{template}:{recipient.lower()}",
        recipient=recipient, sender=sender, subject=subject, message_id=message_id,
        message=bytes(msg), conference_id=conference.id, accreditation_id=about,
        delivery_id=delivery_id,
    )


async def accreditation_notices(
    conn: asyncpg.Connection, event: EventRow, ctx: DispatchContext
) -> ConsumerResult:
    """The letters of one change of an accreditation; a letter that cannot be built is parked
    alone (the others go)."""
    row = await repo.row_by_id(conn, uuid.UUID(event.subject_id or ""))
    if row is None or row["erased_at"] is not None:
        return ConsumerResult()
    letters: list[NewDelivery] = []
    parked: list[Parked] = []
    found = [(row, str(event.payload.get("status", "")))]
    if event.type == "accreditation.substituted" \
            and event.payload.get("substitute_status") == "approved":
        # replaced and approved in one act (protocol): the new person's approval letter
        # comes with this event, there is no other
        new = await repo.row_by_id(conn, uuid.UUID(event.payload["substitute_id"]))
        if new is not None and new["erased_at"] is None:
            found.append((new, "approved"))
    for one, status in found:
        async for letter in _letters(conn, event, ctx, one, status):
            if isinstance(letter, Parked):
                parked.append(letter)
            else:
                letters.append(letter)
    return ConsumerResult(letters, parked)


async def _letters(
    conn: asyncpg.Connection, event: EventRow, ctx: DispatchContext, row: asyncpg.Record,
    status: str,
) -> AsyncIterator[NewDelivery | Parked]:
    """The letters to the accreditation of ``row`` for ``event``, which put it in ``status``
    (a substitution puts two accreditations in two states)."""
    a = repo.from_row(row)
    conference = await _conference(conn, ctx, row["conference_id"])
    lang = a.language
    name = f"{a.given_name} {a.family_name}"
    if event.type == "accreditation.information_given":
        # a notice to the office alone: no letter to the applicant, and so no fresh private
        # link, which would replace the one they have just answered from
        for notice in await _answer_notices(conn, ctx, event, conference, a):
            yield notice
        return
    if event.type == "accreditation.amended" and (
            "email" not in event.payload.get("fields", []) or a.status.value != "submitted"):
        # an amendment writes to nobody, bar a corrected address (below): the link must not
        # be replaced by a letter that is not sent
        return
    # A fresh private link for this letter: the secret lives only in the message. The letter
    # after a withdrawal has none: the applicant is on the page of the link they hold, which
    # must keep working.
    link = ""
    if status not in ("withdrawn", "substituted"):
        token = await issue_token(conn, Role.applicant, accreditation_id=a.id)
        link = f"{ctx.settings.base_url}/a/{token}"
    gender = _gender_of(a)
    common: dict[str, Any] = {
        "salutation": salutation(a.given_name, a.family_name, a.rank, gender, lang),
        "closing": closing(a.rank, lang),
        "agree": agreement(a.salutation, a.gender),
        "link": link,
        "category": person_category(a, lang),
        "is_press": a.press is not None,
        "outlet": a.press.outlet if a.press else "",
        "role": ROLE_NAMES[lang][a.press.role.value] if a.press else "",
    }
    if event.type == "accreditation.link_requested":
        yield _mail(ctx, event, conference, "link", lang, a.email, name, a.id, **common)
        return
    if event.type == "accreditation.amended":
        # the address corrected before the decision: the acknowledgement goes to the new one,
        # with a fresh private link that replaces the old address's (which kept working, and
        # the new address first heard of the application when it was closed; tryout of the
        # focal point's portal, 4 December 2026; docs/lifecycle.md, "Letters")
        yield _mail(ctx, event, conference, "ack", lang, a.email, name, a.id, **common)
        return
    if event.type == "accreditation.information_requested":
        # the office's message, with the fresh link to the page where documents and the photo
        # are given; not written once the application was decided or withdrawn meanwhile (the
        # decision's own letter says what holds), nor once the message is erased
        message = await repo.event_reason(conn, event.id)
        if message and a.status.value in ("submitted", "waitlisted"):
            # a member is told that their delegation's focal point has the request too, and may
            # answer it for them (docs/lifecycle.md, "Letters")
            yield _mail(ctx, event, conference, "information_requested", lang, a.email, name,
                        a.id, message=message, in_delegation=a.delegation_id is not None,
                        **common)
            if a.delegation_id is not None:
                # a minister does not answer protocol's mails, the delegation's focal point
                # does: told of the question, with the member's page where they give the
                # documents and the photo and answer (docs/lifecycle.md, "Letters")
                for focal in await _focal_point_letters(
                        conn, ctx, event, conference, a, "information_requested_focal",
                        message=message, member_id=str(a.id)):
                    yield focal
        return
    if status == "submitted":
        # An acknowledgement ("it will be examined") is not written for an application replaced
        # or withdrawn before its letter was: it would contradict the letter that says so
        # (docs/lifecycle.md, "Letters").
        if a.status.value not in ("substituted", "withdrawn"):
            if a.press:
                # it restates what was recorded, the name as the badge prints it, so that a
                # typo is caught before printing (docs/lifecycle.md, "Letters")
                yield _mail(ctx, event, conference, "press_ack", lang, a.email, name, a.id,
                            to_give=_press_to_give(conference, lang), badge_name=name,
                            press_card_number=a.press.press_card_number, email=a.email,
                            **common)
            else:
                yield _mail(ctx, event, conference, "ack", lang, a.email, name, a.id, **common)
        if a.press:
            for notice in await _press_office_notices(conn, ctx, event, conference, a):
                yield notice
        return
    if status == "substituted":  # the member replaced: told so, without a link to act on,
        # and by whom: their delegation's focal point, or the protocol service (an event
        # recorded before it said so: neither is named); a member not approved yet had no
        # badge nor invitation to take back: their request is closed
        # and of the visa letter the substitution cancels, by its number, which a consulate
        # checks (it was cancelled unsaid, tryout)
        letter = await repo.visa_letter_ended(conn, a.id)
        was_approved = event.payload.get("from_status") == "approved"
        yield _mail(ctx, event, conference, "substituted", lang, a.email, name, a.id,
                    substituted_by=event.payload.get("substituted_by"),
                    was_approved=was_approved,
                    invited=was_approved and await repo.had_invitations(
                        conn, a.id, event.occurred_at),
                    visa_letter=letter and ({
                        "number": letter["number"],
                        "verify_url": f"{ctx.settings.base_url}/v/{letter['number']}"}
                        if letter["approved"] else {"number": None}),
                    **common)
        # the delegation's focal points are told of a substitution the protocol service made
        # in their delegation; one the delegation made itself they have just confirmed on the
        # portal, whose member page and history show it (docs/lifecycle.md, "Letters")
        if event.payload.get("substituted_by") == "protocol" and a.delegation_id is not None:
            new = await repo.row_by_id(conn, uuid.UUID(event.payload["substitute_id"]))
            if new is not None and new["erased_at"] is None:
                for focal in await _focal_point_letters(
                        conn, ctx, event, conference, a, "substituted_focal",
                        substitute=f"{new['given_name']} {new['family_name']}",
                        substitute_id=str(new["id"]),
                        substitute_approved=event.payload.get("substitute_status")
                        == "approved",
                        was_approved=event.payload.get("from_status") == "approved"):
                    yield focal
        return
    reason = await repo.latest_reason(conn, a.id)
    if status == "withdrawn":
        # an approved journalist who withdrew is told the badge and invitations are void
        # (docs/lifecycle.md, "Withdrawing after approval"); the press office, that a place
        # of the pool is free again
        was_approved = event.payload.get("from_status") == "approved"
        # a delegation member's application is withdrawn by the member (their private link)
        # or by the delegation's focal point (docs/lifecycle.md, "Letters"): the letter says
        # which, and a member is sent to the focal point, not to "file a new request"
        actor = await repo.event_actor(conn, event.id) or ""
        by_delegation = a.delegation_id is not None and not actor.startswith(
            f"{Role.applicant.value}:")
        yield _mail(ctx, event, conference, "withdrawn", lang, a.email, name, a.id,
                    was_approved=was_approved, by_delegation=by_delegation,
                    in_delegation=a.delegation_id is not None, **common)
        if a.press and event.payload.get("from_status") in ("submitted", "waitlisted",
                                                            "approved"):
            for notice in await _press_office_notices(conn, ctx, event, conference, a,
                                                      template="press_office_withdrawn"):
                yield notice
        return
    template = {"approved": "decision_approved", "rejected": "decision_rejected",
                "waitlisted": "decision_waitlisted", "revoked": "revoked"}[status]
    approved = await repo.count_approved_press(conn, conference.id)
    capacity = conference.press_registration.pool_capacity
    published = (status == "approved"
                 and await repo.programme_published(conn, conference.id))
    # the approval says what is true of the badge and the invitations: none after a refused
    # clearance; the badge once the check is complete while it is awaited (the invitations do
    # follow then: docs/calendar.md, "Who is invited"; docs/credentials.md, "Vetting")
    clearance = (await repo.missing_clearance(conn, a.id)) if status == "approved" else None
    # a reference a person can read out over the phone: the badge's short one, once the badge
    # can be issued, in the letter that tells a journalist of their badge (docs/credentials.md,
    # "Short reference"; a delegation's badges go through its focal point); never the UUID
    short_reference = (await repo.badge_short_reference(conn, a.id)
                       if status == "approved" and clearance is None and a.press else None)
    # a badge that waits for the photo says so, rather than "on your page" (docs/credentials.md,
    # "Photo required")
    photo_awaited = status == "approved" and await repo.photo_awaited(conn, a.id)
    yield _mail(ctx, event, conference, template, lang, a.email, name, a.id,
                reason=reason or "", approved=approved, capacity=capacity,
                short_reference=short_reference,
                programme_published=published, clearance=clearance,
                photo_awaited=photo_awaited,
                in_delegation=a.delegation_id is not None,
                # a revocation of a request never granted (the API's wider rule) is told as
                # a request cancelled, without a badge or invitations to take back
                was_approved=event.payload.get("from_status") == "approved",
                pool_full=a.press is not None and approved >= capacity, **common)
    if event.type in ("accreditation.approved", "accreditation.rejected") \
            and a.delegation_id is not None:
        # the delegation's focal points are told of protocol's decision on their member, in
        # their own language: before, they learnt of it only by opening the portal. Every
        # decision is the organisers' (a focal point decides nothing), so none is a change of
        # their own that the portal already showed them (docs/lifecycle.md, "Letters"). A
        # substitute approved in one act is told in the substitution's own letter.
        for focal in await _focal_point_letters(
                conn, ctx, event, conference, a, f"decision_{status}_focal",
                reason=reason or "", clearance=clearance, photo_awaited=photo_awaited,
                # the badge's reference once it can be issued, as the member's page shows it
                # (docs/credentials.md, "Short reference")
                short_reference=await repo.badge_short_reference(conn, a.id)
                if status == "approved" and clearance is None and not photo_awaited
                else None,
                member_id=str(a.id)):
            yield focal
    if status == "revoked" and a.delegation_id is not None:
        # the delegation's focal point is told of its member's revocation, in their own
        # language (docs/lifecycle.md, "Letters")
        for focal in await _focal_point_letters(conn, ctx, event, conference, a,
                                                "revoked_focal", reason=reason or "",
                                                was_approved=event.payload.get("from_status")
                                                == "approved"):
            yield focal


async def focal_point_recipients(
    conn: asyncpg.Connection, conference: Conference, delegation_id: uuid.UUID,
    created_email: str | None, created_name: str | None,
) -> list[tuple[str, str, str]]:
    """Whom a letter about a delegation's member goes to: each person holding a focal point
    grant on the delegation, and the address the delegation was created with
    (``created_email``), each once (addresses compared without case), as (address, name,
    language): their account's language, else the conference's first. Every letter to a
    delegation's focal points (decision, substitution, revocation, clearance) uses it."""
    first = "fr" if conference.languages[0] == "fr" else "en"
    recipients: dict[str, tuple[str, str, str]] = {}
    for fp in await focal_points_of_delegation(conn, delegation_id):
        language = fp["language"] if fp["language"] in ROLE_NAMES else first
        recipients.setdefault(fp["email"].lower(), (fp["email"], fp["name"], language))
    if created_email and created_email.lower() not in recipients:
        person = await person_by_email(conn, created_email)
        language = person["language"] if person is not None \
            and person["language"] in ROLE_NAMES else first
        recipients[created_email.lower()] = (created_email, created_name or "", language)
    return list(recipients.values())


async def _focal_point_letters(
    conn: asyncpg.Connection, ctx: DispatchContext, event: EventRow, conference: Conference,
    a: Accreditation, template: str, **context: Any,
) -> list[NewDelivery | Parked]:
    """A letter about member ``a`` to each of their delegation's focal points (the people
    holding a focal point grant on it, and the address the delegation was created with), each
    in their own language (their account's, else the conference's first), ending with the
    notice that it carries a member's data, never the internal one (the focal point is outside
    the organisers). The template is given ``member``, ``delegation``, ``category`` and
    ``portal``, the delegation's portal address; none for a delegation without an address."""
    assert a.delegation_id is not None
    d = await repo.delegation_focal_point(conn, a.delegation_id)
    if d is None:
        return []
    portal = (f"{ctx.settings.base_url}/delegation/"
              f"{delegation_slug(conference.slug, d['country'], a.delegation_id)}")
    letters = []
    for email, name, lang in await focal_point_recipients(
            conn, conference, a.delegation_id, d["focal_point_email"], d["focal_point_name"]):
        delegation = country_name(d["country"], lang) if d["country"] \
            else d["organisation"] or ""
        letters.append(_mail(
            ctx, event, conference, template, lang, email, name, a.id,
            footer="_delegation_footer",
            salutation=salutation("", name, None, None, lang),
            member=f"{a.given_name} {a.family_name}", delegation=delegation,
            category=person_category(a, lang), is_press=False, portal=portal,
            **context))
    return letters


async def _press_office_notices(
    conn: asyncpg.Connection, ctx: DispatchContext, event: EventRow, conference: Conference,
    a: Accreditation, template: str = "press_office_notice",
) -> list[NewDelivery | Parked]:
    press = a.press
    assert press is not None  # only press applications reach the press office
    recipients = [(s.email, s.name) for s in conference.spokespersons if s.email]
    if not recipients:
        recipients = [(conference.organiser_email, "")]
    approved = await repo.count_approved_press(conn, conference.id)
    # a place freed: how many wait for it, and the desk's waiting list to choose from
    # (docs/lifecycle.md, "Withdrawing after approval")
    waiting = await repo.count_waitlisted_press(conn, conference.id) \
        if template == "press_office_withdrawn" else 0
    # a withdrawal says why, as the journalist wrote it, and the press pools the journalist
    # stays listed in until the office takes them out (docs/lifecycle.md, "Withdrawing after
    # approval")
    withdrawn = template == "press_office_withdrawn"
    reason = (await repo.event_reason(conn, event.id) or "") if withdrawn else ""
    pools = await repo.press_pools_of(conn, a.id) if withdrawn else []
    first = "fr" if "fr" == conference.languages[0] else "en"

    def context(lang: str) -> dict[str, Any]:
        return {
            "given_name": a.given_name, "family_name": a.family_name, "outlet": press.outlet,
            "role": ROLE_NAMES[lang][press.role.value], "email": a.email,
            "country": country_name(press.country, lang) if press.country else "",
            "press_card_number": press.press_card_number,
            "received": formatting.moment(a.submitted_at, conference.timezone, lang),
            "withdrawn": formatting.moment(event.occurred_at, conference.timezone, lang),
            "approved": approved, "capacity": conference.press_registration.pool_capacity,
            "api_link": f"{ctx.settings.base_url}/api/v1/accreditations/{a.id}",
            "desk_link": f"{ctx.settings.base_url}/manage/{conference.slug}/press/{a.id}",
            "waiting": waiting,
            "waiting_link": f"{ctx.settings.base_url}/manage/{conference.slug}/press"
                            f"?status=waitlisted&lang={lang}",
            "accreditation_id": str(a.id),
            "was_approved": event.payload.get("from_status") == "approved",
            "reason": reason, "pools": pools,
            "pools_link": f"{ctx.settings.base_url}/manage/{conference.slug}/press/pools"
                          f"?lang={lang}",
        }

    notices = []
    for email, name in recipients:
        # a spokesperson who has an account reads in its language (their desk's, their
        # welcome mail's); an address nobody signs in with, in the conference's first
        person = await person_by_email(conn, email)
        lang = person["language"] if person is not None and person["language"] in ROLE_NAMES \
            else first
        notices.append(_mail(ctx, event, conference, template, lang, email, name, a.id,
                             footer="_staff_footer", **context(lang)))
    return notices


UNDER_REVIEW = ("submitted", "waitlisted")
"""The statuses in which an answer to a request for more information is still news to the
office (``accreditation.service.UNDER_REVIEW``)."""


async def _answer_notices(
    conn: asyncpg.Connection, ctx: DispatchContext, event: EventRow, conference: Conference,
    a: Accreditation,
) -> list[NewDelivery | Parked]:
    """The office that asked is told that the applicant answered in words
    (docs/workspaces.md, "Asking for more information"): for the press, each spokesperson
    (the organisers' address when none has one), as a new application's notice is; for a
    delegation member, the organisers' address (the protocol service). Each reads it in their
    account's language, else the conference's first; the question and the answer quoted as
    written, with the link to the application's page where the decision is taken. None once
    the answer is erased, nor when the application was decided or withdrawn before the worker
    came (the answer no longer changes anything)."""
    answer = await repo.event_reason(conn, event.id)
    if not answer or a.status.value not in UNDER_REVIEW:
        return []
    history = await repo.history_of(conn, a.id)
    asked = [h for h in history
             if h.action == "information_requested" and h.at <= event.occurred_at]
    question = asked[-1] if asked else None
    press = a.press
    recipients = [(s.email, s.name) for s in conference.spokespersons if s.email] \
        if press is not None else []
    if not recipients:
        recipients = [(conference.organiser_email, "")]
    where = f"press/{a.id}" if press is not None else f"accreditations/{a.id}"
    first = "fr" if "fr" == conference.languages[0] else "en"
    # answered by the member's delegation's focal point on their behalf: said, with their name
    focal_point = await _focal_point_answering(conn, event, a)
    notices = []
    for email, name in recipients:
        person = await person_by_email(conn, email)
        lang = person["language"] if person is not None and person["language"] in ROLE_NAMES \
            else first
        notices.append(_mail(
            ctx, event, conference, "office_information_given", lang, email, name, a.id,
            footer="_staff_footer", by_press=press is not None,
            given_name=a.given_name, family_name=a.family_name,
            outlet=press.outlet if press else "",
            category=person_category(a, lang),
            question=question.reason or "" if question else "",
            asked=formatting.moment(question.at, conference.timezone, lang)
            if question else "",
            answer=answer,
            answered=formatting.moment(event.occurred_at, conference.timezone, lang),
            waitlisted=a.status.value == "waitlisted",
            desk_link=f"{ctx.settings.base_url}/manage/{conference.slug}/{where}",
            by_focal_point=focal_point is not None, focal_point=focal_point or "",
            accreditation_id=str(a.id)))
    return notices


async def _focal_point_answering(conn: asyncpg.Connection, event: EventRow,
                                 a: Accreditation) -> str | None:
    """Who answered for member ``a``, when not the member: the focal point signed in on the
    portal (their name), or through the API with the delegation's token (the name the
    delegation was created with); None when the applicant answered
    (``domain.answered_by_focal_point``)."""
    actor = await repo.event_actor(conn, event.id) or ""
    if a.delegation_id is None or not answered_by_focal_point(actor):
        return None
    kind, _, key = actor.partition(":")
    if kind == "person":
        person = await person_by_id(conn, uuid.UUID(key))
        if person is not None and person["name"]:
            return str(person["name"])
    d = await repo.delegation_focal_point(conn, a.delegation_id)
    return str(d["focal_point_name"] or "") if d is not None else ""


def _locks(event: EventRow) -> list[int]:
    """The applicant's accreditation, whose row a letter's fresh private link replaces: two
    workers with letters to the same applicant in their batches take it in the worker's one
    order (docs/outbox.md, "Locks")."""
    return [advisory_key("accreditation", uuid.UUID(event.subject_id))] if event.subject_id \
        else []


SUBSCRIPTIONS = (
    Subscription("conference.accreditation.notices:accreditation_notices", accreditation_notices,
                 frozenset({"accreditation.submitted", "accreditation.approved",
                            "accreditation.rejected", "accreditation.waitlisted",
                            "accreditation.withdrawn", "accreditation.revoked",
                            "accreditation.substituted", "accreditation.link_requested",
                            "accreditation.information_requested",
                            "accreditation.information_given", "accreditation.amended"}),
                 locks=_locks),
)
"""What the accreditation letters consume, for the composition root (``conference/runtime.py``)."""
