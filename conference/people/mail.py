"""The consumer that writes the people's mail: the welcome mail of a new grant and the sign-in
mail asked for at /signin. Each carries a fresh single-use link, created here so that its
secret lives only in the message (the table keeps its hash)."""

from __future__ import annotations

import secrets
import uuid
from typing import Any
from urllib.parse import urlencode

import asyncpg

from conference.auth import token_hash
from conference.mail import formatting
from conference.mail.headers import UNBUILDABLE
from conference.mail.render import build_message, load_template, render_text
from conference.mail.wording import Named, with_short_name
from conference.outbox.dispatch import (
    ConsumerResult,
    DispatchContext,
    EventRow,
    NewDelivery,
    Parked,
    Subscription,
)
from conference.people import repo
from conference.people.domain import (
    LINK_LIFETIME,
    PLACE_CATEGORIES,
    WELCOME_LINK_LIFETIME,
    Grant,
    link_expires,
    safe_next,
    staff_salutation,
)
from conference.protocol.address import closing, salutation
from conference.protocol.titles import category_name

ROLE_NAMES = {
    "en": {"admin": "administrator", "protocol": "protocol service",
           "press_office": "press office", "security": "security service",
           "door": "door staff", "focal_point": "focal point"},
    "fr": {"admin": "administration", "protocol": "service du protocole",
           "press_office": "bureau de presse", "security": "service de sécurité",
           "door": "contrôle des accès",
           "focal_point": "point focal"},
    # written after "Rôle :" / "Role:" in the welcome mail (never "en tant que bureau de
    # presse"); the delegation follows on its own line, "Délégation : Allemagne".
}

CATEGORY_NAMES = {language: {c: category_name(c, language, None) for c in PLACE_CATEGORIES}
                  for language in ("en", "fr")}
"""A category of places as the letters name it (``accreditation.notices.CATEGORY_NAMES``, which
people may not import: tests/unit/test_people_places.py keeps them the same): places, not a
person, so in French the double form (« ministre / chef ou cheffe de délégation 1 »;
docs/protocol.md, "Titles in the person's gender")."""

WELCOMES = frozenset({"person.granted", "person.welcome_resent"})
"""The events that mail the welcome (a new grant, or the welcome asked for again)."""


def workspace_url(base: str, grant: Grant) -> str:
    if grant.role == "focal_point":
        return f"{base}/delegation/{grant.delegation_slug}"
    if grant.conference_slug is None:
        return f"{base}/workspaces"
    if grant.role == "press_office":
        return f"{base}/manage/{grant.conference_slug}/press"
    if grant.role == "door":
        return f"{base}/manage/{grant.conference_slug}/door"
    if grant.role == "security":
        return f"{base}/manage/{grant.conference_slug}/security"
    return f"{base}/manage/{grant.conference_slug}"


def landing(grant: Grant | None) -> str | None:
    """The path a welcome link opens once spent, a relative path (``safe_next``): the
    workspace of the staff role granted on one conference, or for a focal point the portal of
    the delegation the mail names (it opened the list of workspaces, where they looked for it:
    tryout as a focal point); None (the list of workspaces) for an administrator of every
    conference."""
    if grant is None:
        return None
    if grant.role == "focal_point":
        return safe_next(workspace_url("", grant)) if grant.delegation_slug else None
    if grant.conference_slug is None:
        return None
    return safe_next(workspace_url("", grant))


def _then(event: EventRow, template: str, language: str, grant: Grant | None) -> str:
    """The sign-in link's query: ``next``, the page asked for at /signin when it is a safe
    path, or for a welcome the workspace of the role granted (the press desk for the press
    office, the console for protocol, the door for door staff, the delegation's portal for its
    focal point: they landed on the list of workspaces and looked for theirs;
    docs/workspaces.md, "Sign-in"), and ``lang``, the
    reader's, so that a link already spent or expired says so in the language of the mail
    (user test: a French focal point was told in English); for a link asked for at /signin,
    the language of the page it was asked from: they asked in French, they land in French
    (tryout: an English account landed on the English list of workspaces)."""
    if template == "signin":
        target = safe_next(event.payload.get("next"))
        asked = event.payload.get("language")
        language = asked if asked in ("fr", "en") else language
    else:
        target = landing(grant)
    return "?" + urlencode({"next": target, "lang": language} if target else {"lang": language})


def _in(url: str, language: str) -> str:
    """A page's address in the mail's language (``?lang=``): signed out, the page the link
    opens (a sign-in page on the way) is in the reader's language, not the browser's."""
    return f"{url}{'&' if '?' in url else '?'}lang={language}"


async def _delegation_terms(conn: asyncpg.Connection, grant: Grant | None, timezone: str,
                            language: str) -> dict[str, Any]:
    """A focal point's welcome says what the delegation must do by when, read as the mail is
    written: the deadlines that are set, in the reader's language and the conference's zone,
    and the places of each capped category (docs/workspaces.md, "Sign-in"). Nothing for
    staff, whose welcome is about their work, not a delegation's."""
    none: dict[str, Any] = {"nominations_close": None, "changes_close": None, "places": None}
    if grant is None or grant.role != "focal_point" or grant.delegation_id is None:
        return none
    terms = await repo.delegation_terms(conn, grant.delegation_id)
    if terms is None:
        return none
    names = CATEGORY_NAMES[language]
    return {
        "nominations_close": (formatting.moment(terms.nominations_close_at, timezone, language,
                                                weekday=True)
                              if terms.nominations_close_at else None),
        "changes_close": (formatting.moment(terms.changes_close_at, timezone, language,
                                            weekday=True)
                          if terms.changes_close_at else None),
        "places": ", ".join(f"{names[c]} {n}" for c, n in terms.places) or None,
    }


async def people_mail(conn: asyncpg.Connection, event: EventRow,
                      ctx: DispatchContext) -> ConsumerResult:
    person = await repo.person_by_id(conn, uuid.UUID(str(event.payload["person_id"])))
    if person is None:
        return ConsumerResult()
    language = person["language"]
    template = "welcome" if event.type in WELCOMES else "signin"
    grants = await repo.grants_of(conn, person["id"], language)
    granted = [g for g in grants if g.role == event.payload.get("role")
               and (event.payload.get("delegation_id") is None
                    or str(g.delegation_id) == str(event.payload.get("delegation_id")))]
    base = ctx.settings.base_url
    mail = ctx.settings.mail
    sender = mail.sender
    sender_name = mail.sender_name_fr if language == "fr" else mail.sender_name_en
    timezone = mail.timezone
    conference: str | None = None
    named: Named | None = None
    # Staff mail comes from the conference's protocol service, as every other mail about it
    # (docs/outbox.md, "Who writes"): a sign-in link, asked for outside any conference, too,
    # when the person works for one conference only; the service's office otherwise.
    conference_ids = {g.conference_id for g in grants if g.conference_id is not None}
    conference_id = event.conference_id or (
        next(iter(conference_ids)) if len(conference_ids) == 1 else None)
    if conference_id is not None:
        found = await repo.conference_sender(conn, conference_id, language)
        if found is not None:
            sender, sender_name, conference, timezone, named = found
    secret = secrets.token_urlsafe(32)
    lifetime = WELCOME_LINK_LIFETIME if template == "welcome" else LINK_LIFETIME
    await repo.insert_link(conn, token_hash(secret), person["id"], ctx.now, lifetime)
    # a colleague is named ("Bonjour Marie Lambert,"); a delegation's focal point, an official
    # outside the organisers, is opened as every letter to a delegation opens, as their
    # member's letters to them do ("Madame, Monsieur,"; docs/protocol.md, "Letter openings")
    outsider = bool(grants) and all(g.role == "focal_point" for g in grants)
    then = _then(event, template, language, granted[0] if granted else None)
    context: dict[str, Any] = {
        "salutation": (salutation("", person["name"], None, None, language) if outsider
                       else staff_salutation(person["name"], language)),
        "office": sender_name,
        "closing": closing(None, language),  # a colleague or a focal point: no rank
        "name": person["name"],
        "link": f"{base}/signin/{secret}{then}",
        "signin": _in(f"{base}/signin", language),
        "minutes": int(LINK_LIFETIME.total_seconds() // 60),
        "days": WELCOME_LINK_LIFETIME.days,
        # when the link stops working, in the reader's language and the conference's zone
        "expires": formatting.moment(link_expires(ctx.now, lifetime), timezone, language),
        "conference": conference,
        "role": ROLE_NAMES[language][granted[0].role] if granted else "",
        "delegation": granted[0].delegation_name if granted else None,
        "workspace": _in(workspace_url(base, granted[0]) if granted else f"{base}/workspaces",
                         language),
    }
    if template == "welcome":
        context |= await _delegation_terms(conn, granted[0] if granted else None, timezone,
                                           language)
    dedupe = f"{event.id}:{template}:{person['email'].lower()}"
    try:
        subject, body = render_text(template, language, **context)
        if template == "welcome" and named is not None:
            # the conference's short name first, as every letter about it ("GA 2027 – …"),
            # its title already in the subject ("Your access to the …": never twice)
            subject = with_short_name(named, language, subject)
        delivery_id = uuid.uuid4()
        message_id = f"<{delivery_id}@{ctx.settings.mail.message_id_domain}>"
        msg = build_message(sender=sender, sender_name=sender_name, recipient=person["email"],
                            recipient_name=person["name"], subject=subject, body=body,
                            message_id=message_id, language=language, date=ctx.now)
    except UNBUILDABLE as exc:
        return ConsumerResult(parked=[Parked(
            template=template, dedupe_key=dedupe, recipient=person["email"],
            error=f"{type(exc).__name__}: {exc}"[:300], conference_id=event.conference_id)])
    return ConsumerResult([NewDelivery(
        template=template, dedupe_key=dedupe, recipient=person["email"], sender=sender,
        subject=subject, message_id=message_id, message=bytes(msg),
        conference_id=event.conference_id, delivery_id=delivery_id)])


def _warm_up() -> None:
    for language in ("fr", "en"):
        for name in ("welcome", "signin"):
            load_template(f"{language}/{name}.txt")


SUBSCRIPTIONS = (
    Subscription("conference.people.mail:people_mail", people_mail,
                 frozenset({*WELCOMES, "person.signin_requested"}), _warm_up),
)
"""What the people's mail consumes, for the composition root (``conference/runtime.py``)."""
