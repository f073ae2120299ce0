"""Use-cases of credentials (docs/credentials.md): a photo and documents per person, visa
invitation letters requested by the person or their focal point and decided by protocol.
Each authorises, validates through the pure ``domain``, writes through ``repo`` and records
its event in the same transaction; the letter is mailed by a consumer (``mail``), never here."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime
from typing import Any, Literal
from uuid import UUID

import asyncpg

from conference import csvfile
from conference.accreditation import lookup as accreditations
from conference.accreditation.domain import function_in
from conference.accreditation.notices import focal_point_recipients
from conference.auth import Principal, Role, require
from conference.conferences.lookup import conference_by_id
from conference.conferences.models import Conference
from conference.credentials import domain, repo
from conference.credentials.events import (
    DocumentsRequiredSet,
    DocumentUploaded,
    PhotoRequiredSet,
    PhotoUploaded,
    VettingStatusSet,
    VisaLetterCancelled,
    VisaLetterDecided,
    VisaLetterRequested,
    VisaTemplateChanged,
)
from conference.credentials.letter import LetterContent, render_letter
from conference.credentials.models import (
    DocumentHeld,
    DocumentKind,
    DocumentsRequired,
    DocumentsState,
    LetterListed,
    PhotoRequired,
    Verification,
    VettingImported,
    VettingRow,
    VettingState,
    VisaDecisionIn,
    VisaLetter,
    VisaLetterIn,
    VisaTemplate,
)
from conference.db.pool import Database, connection, retried_transaction, transaction
from conference.errors import Conflict, Forbidden, Invalid, NotFound, Unauthorized
from conference.mail import formatting
from conference.mail.privacy import controller_name
from conference.mail.wording import form_of_address, in_sentence
from conference.outbox.events import record
from conference.protocol import country_phrases, nationality
from conference.protocol.address import known_gender
from conference.roles import PROTOCOL_OFFICE

ORGANISERS = PROTOCOL_OFFICE
OPEN_STATUSES = ("submitted", "approved", "waitlisted")


def _principal(principal: Principal | None) -> Principal:
    if principal is None:
        raise Unauthorized("A bearer token is required (Authorization: Bearer <token>).")
    return principal


def _own(principal: Principal, row: asyncpg.Record) -> bool:
    return (principal.role is Role.applicant and principal.accreditation_id == row["id"]) or (
        principal.role is Role.focal_point and row["delegation_id"] is not None
        and principal.delegation_id == row["delegation_id"])


def _organiser(principal: Principal, row: asyncpg.Record) -> bool:
    return principal.role in ORGANISERS or (
        principal.role is Role.press_office and row["category"] == "press")


def _still_open(row: asyncpg.Record) -> None:
    """A withdrawn, rejected, revoked or substituted application takes no photo and no document
    any more (docs/credentials.md, "Photo"): nothing is collected for an accreditation that
    will not be used. 409 with the reason ``closed``."""
    if row["status"] not in OPEN_STATUSES:
        raise Conflict(f"The accreditation is {row['status']}: no photo or document is taken "
                       "any more.", reason="closed")


async def _person(conn: asyncpg.Connection, accreditation_id: UUID) -> asyncpg.Record:
    row = await accreditations.row_by_id(conn, accreditation_id)
    if row is None or row["erased_at"] is not None:
        raise NotFound("No such accreditation.")
    return row


async def may_upload(pool: asyncpg.Pool, accreditation_id: UUID,
                     principal: Principal | None) -> Principal:
    """The scope check of an upload, before its body is read."""
    p = _principal(principal)
    async with connection(pool) as conn:
        row = await _person(conn, accreditation_id)
    if not (_own(p, row) or _organiser(p, row)):
        raise Forbidden("A photo or document is given by the person, their focal point or "
                        "the organisers.")
    return p


async def may_request_letter(pool: asyncpg.Pool, accreditation_id: UUID,
                             principal: Principal | None) -> Principal:
    """The scope check of a visa letter request, before its body is validated."""
    p = _principal(principal)
    async with connection(pool) as conn:
        row = await _person(conn, accreditation_id)
    if not _own(p, row):
        raise Forbidden("A visa letter is requested by the person or their focal point.")
    return p


# -- photo -------------------------------------------------------------------------------------

async def put_photo(pool: asyncpg.Pool, accreditation_id: UUID, data: bytes,
                    content_type: str | None, principal: Principal, now: datetime, *,
                    fit: bool = False) -> bool:
    """Store the photo; True when it was cut to a portrait (``fit``: the pages' upload,
    docs/credentials.md "On the pages")."""
    # decoded and encoded again beside the event loop (a 12-megapixel photo takes the best part
    # of a second: every other request waited; docs/credentials.md, "Photo")
    photo = await asyncio.to_thread(domain.check_photo, data, content_type, fit=fit)
    async with transaction(pool) as conn:
        row = await _person(conn, accreditation_id)
        _still_open(row)
        await repo.save_photo(conn, accreditation_id, photo, now, principal.actor)
        await record(conn, "accreditation.photo_uploaded",
                     PhotoUploaded(accreditation_id=accreditation_id, width=photo.width,
                                   height=photo.height),
                     conference_id=row["conference_id"], subject_id=accreditation_id,
                     actor=principal.actor)
    return photo.fitted


async def crop_photo(pool: asyncpg.Pool, accreditation_id: UUID, box: domain.Crop,
                     principal: Principal, now: datetime) -> None:
    """Cut the photo as sent (else, for a photo stored before migration 0061, the stored
    photo) to a 3:4 box in its pixels (the crop step of the pages) and store the result as the
    photo, the photo as sent kept: a crop never loses pixels for the next one
    (docs/credentials.md, "Photo"). 404 without a photo, 422 naming the rule when the box does
    not fit."""
    async with transaction(pool) as conn:
        row = await _person(conn, accreditation_id)
        if not (_own(principal, row) or _organiser(principal, row)):
            raise Forbidden("A photo is given by the person, their focal point or the "
                            "organisers.")
        _still_open(row)
        frame = await repo.photo_source_of(conn, accreditation_id)
        if frame is None:
            raise NotFound("No photo for this accreditation.")
        photo = await asyncio.to_thread(domain.crop_photo, bytes(frame), box)
        await repo.save_cropped_photo(conn, accreditation_id, photo, now, principal.actor)
        await record(conn, "accreditation.photo_uploaded",
                     PhotoUploaded(accreditation_id=accreditation_id, width=photo.width,
                                   height=photo.height),
                     conference_id=row["conference_id"], subject_id=accreditation_id,
                     actor=principal.actor)


async def photo_size(pool: asyncpg.Pool, accreditation_id: UUID) -> tuple[int, int] | None:
    """The stored photo's width and height, None without one (the caller has checked who
    asks)."""
    sizes = await photo_sizes(pool, accreditation_id)
    return sizes.photo if sizes is not None else None


async def photo_sizes(pool: asyncpg.Pool, accreditation_id: UUID) -> domain.PhotoSizes | None:
    """The stored photo's width and height and those of the photo as sent kept beside it (the
    crop step's frame), None without a photo (the pages' crop step; the caller has checked who
    asks)."""
    async with connection(pool) as conn:
        stored = await repo.photo_size_of(conn, accreditation_id)
    if stored is None:
        return None
    source = stored["source_width"], stored["source_height"]
    box = stored["crop_x"], stored["crop_y"], stored["crop_width"]
    return domain.PhotoSizes(photo=(stored["width"], stored["height"]),
                             source=source if None not in source else None,
                             box=domain.Crop(*box) if None not in box else None)


async def open_letter(pool: asyncpg.Pool, accreditation_id: UUID, principal: Principal
                      ) -> VisaLetter | None:
    """The person's letter requested or approved, if any (the pages' visa letter section)."""
    async with connection(pool) as conn:
        row = await _person(conn, accreditation_id)
        if not _own(principal, row):
            raise Forbidden("A visa letter is shown to the person and their focal point.")
        found = await repo.open_letter_of(conn, accreditation_id)
        letter = await repo.letter_row(conn, found["id"]) if found is not None else None
    return repo.letter_from_row(letter) if letter is not None else None


async def refused_letter(pool: asyncpg.Pool, accreditation_id: UUID, principal: Principal
                         ) -> VisaLetter | None:
    """The person's latest letter when protocol refused or cancelled it, and none was
    requested since: the pages say so, with the reason, above the form that takes a new
    request (docs/credentials.md, "Visa invitation letters"; a refused request vanished from
    the portal, the empty form shown again as if nothing had been asked)."""
    async with connection(pool) as conn:
        row = await _person(conn, accreditation_id)
        if not _own(principal, row):
            raise Forbidden("A visa letter is shown to the person and their focal point.")
        found = await repo.last_letter_of(conn, accreditation_id)
        if found is None or found["status"] not in ("refused", "cancelled"):
            return None
        letter = await repo.letter_row(conn, found["id"])
    return repo.letter_from_row(letter) if letter is not None else None


async def closed_letter(pool: asyncpg.Pool, accreditation_id: UUID, principal: Principal
                        ) -> VisaLetter | None:
    """The person's letter their accreditation's end closed (requested then refused, or
    approved then cancelled, with it), if any, while the accreditation is ended: the pages say
    what became of it where they say no letter can be requested (a substituted member's page
    said only that; tryout of a substitution)."""
    async with connection(pool) as conn:
        row = await _person(conn, accreditation_id)
        if not _own(principal, row):
            raise Forbidden("A visa letter is shown to the person and their focal point.")
        if row["status"] not in domain.CLOSING_STATUSES:
            return None
        found = await repo.closed_letter_of(conn, accreditation_id,
                                            domain.closing_reason(row["status"]))
        letter = await repo.letter_row(conn, found) if found is not None else None
    return repo.letter_from_row(letter) if letter is not None else None


async def get_photo(pool: asyncpg.Pool, accreditation_id: UUID, principal: Principal | None,
                    *, as_sent: bool = False) -> tuple[bytes, str]:
    """The stored photo, to whoever may give it: the person, their focal point (who gives it
    for the delegation and downloads the badges that print it) and the organisers
    (docs/credentials.md, "Photo"); ``as_sent``: the image the crop step's box is in, the photo
    as sent kept beside it, else (stored before migration 0061) the photo itself."""
    p = _principal(principal)
    async with connection(pool) as conn:
        row = await _person(conn, accreditation_id)
        if not (_organiser(p, row) or _own(p, row)):
            raise Forbidden("The photo is shown to the person, their focal point and the "
                            "organisers.")
        photo = await repo.photo_of(conn, accreditation_id)
    if photo is None:
        raise NotFound("No photo for this accreditation.")
    data = photo["source"] if as_sent and photo["source"] is not None else photo["data"]
    return bytes(data), photo["content_type"]


# -- documents ---------------------------------------------------------------------------------

async def put_document(pool: asyncpg.Pool, accreditation_id: UUID, kind: DocumentKind,
                       data: bytes, content_type: str | None, principal: Principal,
                       now: datetime) -> None:
    stored, media = await asyncio.to_thread(domain.check_document, data, content_type)
    async with transaction(pool) as conn:
        row = await _person(conn, accreditation_id)
        _still_open(row)
        if await repo.vetting_purged(conn, row["conference_id"]):
            raise Conflict("The conference's vetting data were purged: documents are no longer "
                           "taken.")
        await repo.save_document(conn, accreditation_id, kind.value, media, stored, now,
                                 principal.actor)
        await record(conn, "accreditation.document_uploaded",
                     DocumentUploaded(accreditation_id=accreditation_id, kind=kind.value,
                                      content_type=media),
                     conference_id=row["conference_id"], subject_id=accreditation_id,
                     actor=principal.actor)


async def get_document(pool: asyncpg.Pool, accreditation_id: UUID, kind: DocumentKind,
                       principal: Principal | None) -> tuple[bytes, str]:
    """Documents are read by protocol (and the press office for the press) only."""
    p = _principal(principal)
    async with connection(pool) as conn:
        row = await _person(conn, accreditation_id)
        if not _organiser(p, row):
            raise Forbidden("Documents are read by protocol (the press office for the press).")
        doc = await repo.document_of(conn, accreditation_id, kind.value)
    if doc is None:
        raise NotFound(f"No {kind.value} for this accreditation.")
    return bytes(doc["data"]), doc["content_type"]


def required_kinds(conference: Conference, category: str) -> list[DocumentKind]:
    """The documents the conference asks of a category, in the order of ``DocumentKind``."""
    asked = {str(k) for c, kinds in conference.documents_required.items() if c == category
             for k in kinds}
    return [k for k in DocumentKind if k.value in asked]


async def documents_state(pool: asyncpg.Pool, accreditation_id: UUID, principal: Principal
                          ) -> DocumentsState:
    """What the person was asked for, what they gave (kind, type, size, when; never the
    bytes) and what is missing; shown to the person, their focal point and the organisers
    (the press office for the press). Informative: nothing waits for a missing document."""
    async with connection(pool) as conn:
        row = await _person(conn, accreditation_id)
        if not (_own(principal, row) or _organiser(principal, row)):
            raise Forbidden("Documents are shown to the person, their focal point and the "
                            "organisers.")
        conference = await conference_by_id(conn, row["conference_id"])
        held = {r["kind"]: r for r in await repo.documents_held(conn, accreditation_id)}
        clearance = await repo.clearance_of(conn, accreditation_id)
        set_by = await repo.clearance_set_by(conn, accreditation_id)
    required = required_kinds(conference, row["category"])
    # the security service asking for more information asks for the passport copy too, which
    # a category that needs no document could give nowhere: the mail said "give it on the
    # page", the page had no form (docs/credentials.md, "Documents")
    question = (clearance["reason"] or "") if clearance is not None \
        and clearance["recorded"] == "more_information" else None
    asked_by: Literal["security", "protocol"] | None = None
    if question is not None:  # a status protocol recorded is told as protocol's
        asked_by = "protocol" if set_by in {r.value for r in PROTOCOL_OFFICE} else "security"
    if question is not None and DocumentKind.passport_copy not in required:
        required = [k for k in DocumentKind
                    if k in required or k is DocumentKind.passport_copy]
    items = [DocumentHeld(kind=k, required=k in required, received=k.value in held,
                          content_type=held[k.value]["content_type"] if k.value in held else None,
                          size=held[k.value]["size"] if k.value in held else None,
                          uploaded_at=held[k.value]["uploaded_at"] if k.value in held else None)
             for k in DocumentKind if k in required or k.value in held]
    return DocumentsState(accreditation_id=accreditation_id, items=items,
                          missing=[k for k in required if k.value not in held],
                          security_question=question, security_question_by=asked_by)


async def set_documents_required(pool: asyncpg.Pool, conference_id: UUID,
                                 body: DocumentsRequired, principal: Principal
                                 ) -> DocumentsRequired:
    """The documents each category gives (an administrator's setting, as at creation)."""
    if principal.role is not Role.admin:
        raise Forbidden("The documents a conference requires are set by an administrator.")
    required: dict[str, list[str]] = {c: sorted({k.value for k in kinds})
                for c, kinds in body.documents_required.items() if kinds}
    async with transaction(pool) as conn:
        if not await repo.set_documents_required(conn, conference_id, required):
            raise NotFound("No such conference.")
        await record(conn, "conference.documents_required_set",
                     DocumentsRequiredSet(conference_id=conference_id,
                                          categories=sorted(required)),
                     conference_id=conference_id, subject_id=conference_id,
                     actor=principal.actor)
    return DocumentsRequired.model_validate({"documents_required": required})


async def set_photo_required(db: Database, conference_id: UUID, body: PhotoRequired,
                             principal: Principal | None) -> PhotoRequired:
    """The categories whose badge the applicant downloads only once their photo is given
    (docs/credentials.md, "Photo required"), changed by the protocol office after the
    conference's creation, as at it; the event ``conference.photo_required_set`` when they
    change (nothing when they stay)."""
    officer = require(principal, *PROTOCOL_OFFICE)
    categories: list[str] = sorted(set(body.photo_required))
    async with transaction(db) as conn:
        previous = await repo.set_photo_required(conn, conference_id, categories)
        if previous is None:
            raise NotFound("No such conference.")
        if sorted(previous) != categories:
            await record(conn, "conference.photo_required_set",
                         PhotoRequiredSet(conference_id=conference_id, categories=categories,
                                          previous=sorted(previous)),
                         conference_id=conference_id, subject_id=conference_id,
                         actor=officer.actor)
    return PhotoRequired.model_validate({"photo_required": categories})


# -- visa letters ------------------------------------------------------------------------------

LETTER_STATUSES = ("requested", "approved", "refused", "cancelled")


async def letters(pool: asyncpg.Pool, conference_id: UUID, status: str | None,
                  principal: Principal, *, search: str | None = None, page_size: int = 50,
                  skip: int = 0) -> tuple[list[LetterListed], int]:
    """One page of a conference's visa letters for protocol (all, or those of one status;
    searched by name when ``search``, a LIKE pattern, is given), newest first, and how many
    match in all: every letter is reached, page by page (docs/workspaces.md)."""
    if principal.role not in ORGANISERS:
        raise Forbidden("Visa letters are listed for protocol.")
    if status is not None and status not in LETTER_STATUSES:
        raise Invalid("No such letter status.", [{"field": "status", "type": "enum",
                                                  "message": "unknown status"}])
    async with connection(pool) as conn:
        rows, total = await repo.letters_of_conference(conn, conference_id, status,
                                                       search=search, page_size=page_size,
                                                       skip=skip)
    return [LetterListed.model_validate(
        {k: v for k, v in r.items() if k in LetterListed.model_fields}) for r in rows], total

def _default_template(conference: Conference) -> dict[str, Any]:
    """The text used until protocol saves one: always signable (docs/credentials.md, "Visa
    invitation letters"): the first host with their function; without a host, or for a host
    the conference gives no function, the organiser (the privacy controller, else the
    conference) for the protocol service."""
    first = conference.languages[0]
    name, title = _signatory(conference, first)
    # the letterhead names who writes (the organiser: the privacy notice's controller), the
    # conference under it; the title on both lines read twice (user test)
    return {"letterhead": controller_name(conference, first), "body": dict(domain.DEFAULT_BODY),
            "signatory_name": name,
            "signatory_title": {lang: _signatory(conference, lang)[1] for lang in ("fr", "en")}}


def _signatory(conference: Conference, language: str) -> tuple[str, str]:
    """The default signatory's name and title in ``language``: never a name without a
    function under it (the console says what is missing, ``missing_signature``)."""
    host = conference.hosts[0] if conference.hosts else None
    if host is not None and host.function is not None:
        return host.name, " ".join(host.function.get(language).split())
    return controller_name(conference, language), domain.PROTOCOL_SERVICE[language]


def missing_signature(conference: Conference, saved: asyncpg.Record | None
                      ) -> list[tuple[str, str]]:
    """What the console says keeps the letters from being signed as meant (``domain.
    missing_signature``): the first host's function, or the saved signatory's title."""
    host = conference.hosts[0] if conference.hosts else None
    return domain.missing_signature(
        host.name if host else None, host is not None and host.function is not None,
        saved["signatory_name"] if saved else None,
        dict(saved["signatory_title"]) if saved else {}, tuple(conference.languages))


async def letter_signature_gaps(pool: asyncpg.Pool, conference: Conference
                                ) -> list[tuple[str, str]]:
    async with connection(pool) as conn:
        return missing_signature(conference, await repo.template_of(conn, conference.id))


def _dates(conference: Conference, language: str) -> str:
    """The letter's {dates}, inside its sentence, each part once ("du 13 au 14 janvier 2027",
    not "du 13 janvier 2027 au 14 janvier 2027"; docs/calendar.md, "Dates and times")."""
    return formatting.day_range_words(conference.starts_on, conference.ends_on, language)


def _country_in_sentence(code: str, language: str) -> str:
    """The nationality inside a sentence (``{the_nationality}``): "national of the United
    States"."""
    try:
        return country_phrases.in_sentence(code, language)
    except ValueError:  # a code no catalogue knows: as it was given
        return code


def _nationality(code: str, language: str) -> str:
    """The letter's ``{nationality}``, after a label: the adjective ("belge", "Belgian"), else
    the country's name as protocol gives it (docs/credentials.md, "Visa invitation
    letters")."""
    try:
        return nationality.label_value(code, language)
    except ValueError:  # a code no catalogue knows: as it was given
        return code


def _of_nationality(code: str, language: str, gender: str | None) -> str:
    """The letter's ``{of_nationality}``, beside the person's name: « de nationalité belge »,
    "a Belgian national", else « ressortissante du Pérou » agreeing with the person."""
    try:
        return nationality.in_apposition(
            code, language, "female" if gender == "female" else
            "male" if gender == "male" else None)
    except ValueError:  # a code no catalogue knows: as it was given
        return code


async def request_letter(pool: asyncpg.Pool, accreditation_id: UUID, body: VisaLetterIn,
                         principal: Principal | None, now: datetime) -> VisaLetter:
    p = _principal(principal)
    async with transaction(pool) as conn:
        row = await _person(conn, accreditation_id)
        if not _own(p, row):
            raise Forbidden("A visa letter is requested by the person or their focal point.")
        if row["status"] not in OPEN_STATUSES:
            raise Conflict(f"No visa letter for a {row['status']} accreditation.")
        if await repo.open_letter_of(conn, accreditation_id) is not None:
            raise Conflict("A visa letter is already requested or approved for this person.")
        letter = await repo.insert_letter(conn, {
            **body.model_dump(), "id": uuid.uuid4(), "conference_id": row["conference_id"],
            "accreditation_id": accreditation_id, "status": "requested", "now": now,
            "actor": p.actor, "replaces": None, "number": None, "letter": None,
            "decided_at": None, "decided_by": None})
        await record(conn, "visa_letter.requested",
                     VisaLetterRequested(visa_letter_id=letter.id,
                                         accreditation_id=accreditation_id),
                     conference_id=row["conference_id"], subject_id=letter.id, actor=p.actor)
    return letter


def _may_read_letter(p: Principal, row: asyncpg.Record) -> None:
    own = (p.role is Role.applicant and p.accreditation_id == row["accreditation_id"]) or (
        p.role is Role.focal_point and row["delegation_id"] is not None
        and p.delegation_id == row["delegation_id"])
    if not own and p.role not in ORGANISERS:
        raise Forbidden("A visa letter is shown to the person, their focal point and protocol.")


async def get_letter(pool: asyncpg.Pool, letter_id: UUID, principal: Principal | None
                     ) -> VisaLetter:
    p = _principal(principal)
    async with connection(pool) as conn:
        row = await repo.letter_row(conn, letter_id)
    if row is None:
        raise NotFound("No such visa letter.")
    _may_read_letter(p, row)
    return repo.letter_from_row(row)


async def letter_of_conference(pool: asyncpg.Pool, conference_id: UUID, letter_id: UUID,
                               principal: Principal) -> VisaLetter:
    """A letter of this conference for protocol (404 when it is another conference's)."""
    if principal.role not in ORGANISERS:
        raise Forbidden("Visa letters are decided by protocol.")
    async with connection(pool) as conn:
        row = await repo.letter_row(conn, letter_id)
    if row is None or row["conference_id"] != conference_id:
        raise NotFound("No such visa letter.")
    return repo.letter_from_row(row)


def letter_pdf(row: asyncpg.Record | dict[str, Any]) -> bytes:
    """The PDF of an approved letter, from the text frozen at approval."""
    return render_letter(LetterContent(**row["letter"]))


async def get_letter_pdf(pool: asyncpg.Pool, letter_id: UUID, principal: Principal | None
                         ) -> tuple[str, bytes]:
    """The letter itself: never before approval, never once cancelled."""
    p = _principal(principal)
    async with connection(pool) as conn:
        row = await repo.letter_row(conn, letter_id)
    if row is None:
        raise NotFound("No such visa letter.")
    _may_read_letter(p, row)
    if row["status"] != "approved":
        raise Conflict(f"The letter is {row['status']}: there is no letter to fetch.",
                       letter_status=row["status"])
    return row["number"], letter_pdf(row)


async def _approve(conn: asyncpg.Connection, row: asyncpg.Record, letter_id: UUID,
                   reason: str | None, principal: Principal, now: datetime, base_url: str,
                   reissue_of: UUID | None) -> VisaLetter:
    """Number, freeze and record an approval; only for an approved accreditation, whose row the
    caller has share-locked (``repo.lock_holder``) before the letter's."""
    domain.check_holder_approved(row["accreditation_status"])
    conference = await conference_by_id(conn, row["conference_id"])
    defaults = _default_template(conference)
    t = await repo.take_number(conn, conference.id, defaults)
    number = domain.letter_number(conference.starts_on.year, t["sequence"])
    language = row["language"]
    title = conference.title.get(language)
    # the venue inside the sentence ("to be held at the European Commission, …"), with the
    # article English gives a name (`mail/wording.in_sentence`); French names it in brackets
    venue_name = conference.venue.name_in(language)
    if language != "fr":
        venue_name = in_sentence(venue_name, language)
    values = {
        "passport_name": row["passport_name"], "passport_number": row["passport_number"],
        "nationality": _nationality(row["nationality"], language),
        "the_nationality": _country_in_sentence(row["nationality"], language),
        # agreeing with the person's form of address, as every letter (docs/protocol.md,
        # "French agreement"): the civility registered, else the gender
        "of_nationality": _of_nationality(row["nationality"], language, {
            "mrs": "female", "mr": "male"}.get(form_of_address(row["salutation"],
                                                               row["gender"])),
        ),
        "date_of_birth": formatting.day(row["date_of_birth"], language),
        "consulate": row["consulate"], "conference": title,
        "of_the_conference": in_sentence(title, language, "de" if language == "fr" else "of"),
        "dates": _dates(conference, language),
        # inside the sentence ("to be held at the European Commission, …"), with the article
        # English gives a name (`mail/wording.in_sentence`); French gives it in brackets
        "venue": f"{venue_name}, {conference.venue.address}",
        # what the person comes as: their function and delegation, or their outlet
        "capacity": domain.capacity(
            language, function=function_in(language, row["function"], row["function_fr"],
                                           row["function_en"]),
            delegation_country=row["delegation_country"],
            delegation_organisation=row["delegation_organisation"],
            press_outlet=row["press_outlet"], press_role=row["press_role"]),
    }
    body = domain.body_in_force(t["body"].get(language), language)
    # a text saved with no signatory, or with a name and no title (or the earlier "For the
    # organisers"), is signed as the default is: never a name without a function
    signatory_name = (t["signatory_name"] or "").strip()
    signatory_title = domain.signatory_title_of(t["signatory_title"].get(language), language)
    if not signatory_name or not signatory_title:
        signatory_name, signatory_title = _signatory(conference, language)
    elif (signatory_title == domain.PROTOCOL_SERVICE[language]
          and signatory_name == controller_name(conference, conference.languages[0])):
        # the default organiser, saved in the first language: named in the letter's
        signatory_name = controller_name(conference, language)
    city = (conference.venue.city.get(language) if conference.venue.city is not None
            else domain.city_in(domain.letter_city(conference.venue.address,
                                                   conference.venue.name), language))
    # the default letterhead (the organiser, saved in the first language) names the organiser
    # in the letter's language: an English letter headed in French read as two voices (tryout)
    letterhead = t["letterhead"]
    if " ".join(letterhead.split()) in {controller_name(conference, lang)
                                         for lang in conference.languages}:
        letterhead = controller_name(conference, language)
    content = LetterContent(
        letterhead=letterhead, conference=title,
        venue=f"{conference.venue.name_in(language)}, {conference.venue.address}",
        organiser_email=conference.organiser_email, number=number,
        number_label="No. " if language == "en" else "N°\u00a0",
        place_and_date=domain.place_and_date(
            " ".join(city.split()), formatting.day(now.date(), language), language),
        consulate=row["consulate"], salutation=domain.SALUTATION[language],
        subject=("Visa invitation letter" if language == "en"
                 else "Lettre d'invitation pour l'obtention d'un visa"),
        text=domain.letter_text(body, values), signatory_name=signatory_name,
        signatory_title=signatory_title,
        verify_url=f"{base_url}/v/{number}",
        verify_label=("Check this letter:" if language == "en"
                      else "Vérifier cette lettre\u00a0:"))
    letter = await repo.approve_letter(conn, letter_id, number, content.__dict__, reason, now,
                                       principal.actor)
    await record(conn, "visa_letter.approved",
                 VisaLetterDecided(visa_letter_id=letter_id,
                                   accreditation_id=row["accreditation_id"], number=number,
                                   reissue_of=reissue_of),
                 conference_id=row["conference_id"], subject_id=letter_id,
                 actor=principal.actor)
    return letter


async def decide_letter(pool: asyncpg.Pool, letter_id: UUID, body: VisaDecisionIn,
                        principal: Principal, now: datetime, base_url: str) -> VisaLetter:
    if body.decision == "refuse" and not body.reason:
        raise Invalid("A refusal gives its reason.",
                      [{"field": "reason", "message": "required to refuse",
                        "type": "missing"}])
    async with transaction(pool) as conn:
        await repo.lock_holder(conn, letter_id)
        row = await repo.letter_row(conn, letter_id, lock=True)
        if row is None:
            raise NotFound("No such visa letter.")
        if row["status"] != "requested":
            raise Conflict(f"The letter is already {row['status']}.", letter_status=row["status"])
        if body.decision == "approve":
            return await _approve(conn, row, letter_id, body.reason, principal, now, base_url,
                                  None)
        letter = await repo.refuse_letter(conn, letter_id, body.reason, now, principal.actor)
        await record(conn, "visa_letter.refused",
                     VisaLetterDecided(visa_letter_id=letter_id,
                                       accreditation_id=row["accreditation_id"]),
                     conference_id=row["conference_id"], subject_id=letter_id,
                     actor=principal.actor)
    return letter


async def _cancel(conn: asyncpg.Connection, row: asyncpg.Record, reason: str,
                  principal: Principal, now: datetime) -> VisaLetter:
    letter = await repo.cancel_letter(conn, row["id"], reason, now)
    await record(conn, "visa_letter.cancelled",
                 VisaLetterCancelled(visa_letter_id=row["id"],
                                     accreditation_id=row["accreditation_id"],
                                     number=row["number"]),
                 conference_id=row["conference_id"], subject_id=row["id"],
                 actor=principal.actor)
    return letter


async def cancel_letter(pool: asyncpg.Pool, letter_id: UUID, reason: str, principal: Principal,
                        now: datetime) -> VisaLetter:
    async with transaction(pool) as conn:
        row = await repo.letter_row(conn, letter_id, lock=True)
        if row is None:
            raise NotFound("No such visa letter.")
        if row["status"] != "approved":
            raise Conflict("Only an approved letter can be cancelled.", letter_status=row["status"])
        return await _cancel(conn, row, reason, principal, now)


async def close_letters_of(conn: asyncpg.Connection, accreditation_id: UUID,
                           actor: str | None, now: datetime) -> int:
    """An accreditation has ended (rejected, withdrawn, revoked, substituted): its request still
    open is refused and its approved letter cancelled, each with its event and the reason
    "accreditation rejected"…, in the caller's transaction (the worker's consumer,
    ``credentials.closing``). Nobody is mailed, as for a cancellation by protocol: the person
    has the accreditation's own letter. Letters already closed, or of an accreditation still
    alive, are left alone, so running it again does nothing. The accreditation's row is
    share-locked before the letters, in the order an approval takes them. Answers how many
    letters it closed."""
    accreditation_status = await repo.lock_accreditation(conn, accreditation_id)
    if accreditation_status not in domain.CLOSING_STATUSES:
        return 0
    assert accreditation_status is not None
    reason = domain.closing_reason(accreditation_status)
    closed = 0
    for row in await repo.lock_open_letters(conn, accreditation_id):
        if row["status"] == "approved":
            await repo.cancel_letter(conn, row["id"], reason, now)
            await record(conn, "visa_letter.cancelled",
                         VisaLetterCancelled(visa_letter_id=row["id"],
                                             accreditation_id=accreditation_id,
                                             number=row["number"],
                                             accreditation_status=accreditation_status),
                         conference_id=row["conference_id"], subject_id=row["id"], actor=actor)
        else:
            await repo.refuse_letter(conn, row["id"], reason, now, actor or "system")
            await record(conn, "visa_letter.refused",
                         VisaLetterDecided(visa_letter_id=row["id"],
                                           accreditation_id=accreditation_id,
                                           accreditation_status=accreditation_status),
                         conference_id=row["conference_id"], subject_id=row["id"], actor=actor)
        closed += 1
    return closed


async def reissue_letter(pool: asyncpg.Pool, letter_id: UUID, reason: str,
                         principal: Principal, now: datetime, base_url: str) -> VisaLetter:
    """A new number for the same request (a lost letter, a corrected passport): the previous
    letter is cancelled, the new one approved and mailed."""
    async with transaction(pool) as conn:
        await repo.lock_holder(conn, letter_id)
        row = await repo.letter_row(conn, letter_id, lock=True)
        if row is None:
            raise NotFound("No such visa letter.")
        if row["status"] not in ("approved", "cancelled"):
            raise Conflict("Only an approved or cancelled letter can be reissued.",
                           letter_status=row["status"])
        if row["status"] == "approved":
            await _cancel(conn, row, reason, principal, now)
        elif await repo.open_letter_of(conn, row["accreditation_id"]) is not None:
            raise Conflict("Another letter is already open for this person.")
        new_id = uuid.uuid4()
        await repo.insert_letter(conn, {
            "id": new_id, "conference_id": row["conference_id"],
            "accreditation_id": row["accreditation_id"], "status": "requested",
            "passport_name": row["passport_name"], "passport_number": row["passport_number"],
            "nationality": row["nationality"], "date_of_birth": row["date_of_birth"],
            "consulate": row["consulate"], "now": now, "actor": principal.actor,
            "replaces": letter_id, "number": None, "letter": None, "decided_at": None,
            "decided_by": None})
        fresh = await repo.letter_row(conn, new_id, lock=True)
        assert fresh is not None
        return await _approve(conn, fresh, new_id, reason, principal, now, base_url, letter_id)


async def verify(pool: asyncpg.Pool, number: str) -> Verification:
    verification, _ = await verify_letter(pool, number)
    return verification


async def verify_letter(pool: asyncpg.Pool, number: str) -> tuple[Verification, Conference]:
    """What ``/v/{number}`` tells anyone, and the letter's conference, which the page names in
    its reader's language (docs/credentials.md, "Visa invitation letters"). NotFound for an
    unknown or purged number."""
    number = domain.typed_letter_number(number)
    async with connection(pool) as conn:
        row = await repo.letter_by_number(conn, number) if len(number) <= 40 else None
        if row is None:
            raise NotFound("No letter has this number.")
        conference = await conference_by_id(conn, row["conference_id"])
    return Verification(number=row["number"], valid=row["status"] == "approved",
                        status=row["status"], initials=domain.initials(row["passport_name"]),
                        nationality=row["nationality"],
                        conference=conference.title.get(conference.languages[0]),
                        conference_dates=f"{conference.starts_on} – {conference.ends_on}"
                        ), conference


async def put_template(pool: asyncpg.Pool, conference_id: UUID, body: VisaTemplate,
                       principal: Principal) -> VisaTemplate:
    errors = domain.placeholder_errors({str(k): v for k, v in body.body.items()})
    if errors:
        raise Invalid("The letter text names unknown placeholders.", errors)
    async with transaction(pool) as conn:
        await repo.save_template(conn, conference_id, body.model_dump())
        await record(conn, "visa_letter.template_changed",
                     VisaTemplateChanged(conference_id=conference_id),
                     conference_id=conference_id, subject_id=conference_id,
                     actor=principal.actor)
    return body


async def get_template(pool: asyncpg.Pool, conference_id: UUID) -> VisaTemplate:
    async with connection(pool) as conn:
        row = await repo.template_of(conn, conference_id)
        if row is None:
            return VisaTemplate.model_validate(
                _default_template(await conference_by_id(conn, conference_id)))
    # a text saved as an earlier default answers as the letters are written: today's default
    saved = dict(row)
    saved["body"] = {language: domain.body_in_force(text, language)
                     for language, text in dict(saved["body"]).items()}
    return VisaTemplate.model_validate(saved)


# -- vetting -----------------------------------------------------------------------------------

VETTING_OFFICE = (*PROTOCOL_OFFICE, Role.security)
"""Who sets a vetting status and exchanges the CSV with the security service."""
CSV_COLUMNS = ("accreditation_id", "family_name", "given_name", "category", "delegation",
               "nationality", "document_type", "document_number", "date_of_birth",
               "name_in_document", "status", "reason")
"""The download; ``reason`` is left empty for the security service to fill in beside the
status, and the file goes back as it is (docs/credentials.md, "Vetting"). The columns keep
their order; ``name_in_document`` (the name as written in the document, empty when not given)
was added last of the identity columns, so that ``status`` and ``reason``, the two the officer
fills in, still end the file."""


async def set_vetting_status(pool: Database, accreditation_id: UUID, status: str,
                             reason: str | None, principal: Principal, now: datetime
                             ) -> VettingState:
    errors = domain.vetting_errors(status, reason)
    if errors:
        raise Invalid("The vetting status is incomplete.", errors)
    async with transaction(pool) as conn:
        row = await _person(conn, accreditation_id)
        await repo.set_vetting_status(conn, accreditation_id, status, reason, now,
                                      principal.actor)
        await record(conn, "accreditation.vetting_status_set",
                     VettingStatusSet(accreditation_id=accreditation_id, status=status,
                                      by=principal.role.value),
                     conference_id=row["conference_id"], subject_id=accreditation_id,
                     actor=principal.actor,
                     history=[domain.vetting_history_line(accreditation_id, row["status"],
                                                          status, reason)])
        c = await repo.clearance_of(conn, accreditation_id)
    assert c is not None
    return VettingState(accreditation_id=accreditation_id, status=status, reason=reason,
                        required=c["required"])


async def vetting_state(pool: Database, accreditation_id: UUID, principal: Principal
                        ) -> VettingState:
    """The person's vetting status as the door reads it (for the vetting office)."""
    if principal.role not in VETTING_OFFICE:
        raise Forbidden("The vetting status is shown to protocol and security.")
    async with connection(pool) as conn:
        await _person(conn, accreditation_id)
        c = await repo.clearance_of(conn, accreditation_id)
    assert c is not None
    status = c["recorded"] or ("pending" if c["required"] else "not_required")
    return VettingState(accreditation_id=accreditation_id, status=status, reason=c["reason"],
                        required=c["required"])


async def clearance_letter_languages(pool: Database, accreditation_id: UUID,
                                     principal: Principal) -> tuple[str, ...]:
    """The languages a clearance letter quoting the reason is written in, as the security
    page says them (``vetting_overview``): the person's, else each of their delegation's focal
    points' (credentials/mail.py); for the vetting office alone."""
    if principal.role not in VETTING_OFFICE:
        raise Forbidden("The clearance letters are the vetting office's.")
    async with connection(pool) as conn:
        row = await repo.clearance_letter_to(conn, accreditation_id)
        if row is None:
            raise NotFound("No such accreditation.")
        if row["delegation_id"] is None:
            return (row["language"],)
        conference = await conference_by_id(conn, row["conference_id"])
        found = await focal_point_recipients(conn, conference, row["delegation_id"],
                                             row["focal_point_email"], row["focal_point_name"])
    return tuple(sorted({lang for _, _, lang in found}))


async def identity_checked(pool: Database, accreditation_id: UUID, principal: Principal
                           ) -> dict[str, Any]:
    """What the security page shows of the person's identity document (its kind, number,
    nationality, date of birth, the name as written in it: all None when none was given), and
    their latest visa letter request's state and date (``letter_status``,
    ``letter_requested_at``; None when none), for the vetting office alone, as the security
    page: the console's application page shows them beside the clearance it sets
    (docs/workspaces.md, "Credentials")."""
    if principal.role not in VETTING_OFFICE:
        raise Forbidden("The identity document is shown to protocol and security.")
    async with connection(pool) as conn:
        row = await repo.identity_of(conn, accreditation_id)
    if row is None:
        raise NotFound("No such accreditation.")
    return dict(row)


async def clearance_set_by(pool: Database, accreditation_id: UUID, principal: Principal
                           ) -> str | None:
    """The role that recorded the person's current clearance status (``security``,
    ``protocol``, ``admin``), or None (none recorded, or recorded before the role was kept),
    for the vetting office: a status protocol set is not told as the security service's
    (docs/credentials.md, "Vetting")."""
    if principal.role not in VETTING_OFFICE:
        raise Forbidden("The vetting status is shown to protocol and security.")
    async with connection(pool) as conn:
        return await repo.clearance_set_by(conn, accreditation_id)


async def vetting_csv(pool: asyncpg.Pool, conference_id: UUID, *,
                      for_people: bool = False) -> str:
    """The people pending (or asked for more information), with their vetting data: RFC 4180
    with commas for the API, or (``for_people``, the security page's download) the file a
    European Excel opens, with a BOM and ";" (docs/lifecycle.md, "CSV files"); the upload
    reads both."""
    async with connection(pool) as conn:
        rows = await repo.vetting_pending(conn, conference_id)
    cells = [[_cell(r["id"] if c == "accreditation_id" else None if c == "reason" else r[c])
              for c in CSV_COLUMNS] for r in rows]
    if for_people:
        return csvfile.write(CSV_COLUMNS, cells)
    return csvfile.write(CSV_COLUMNS, cells, delimiter=csvfile.FOR_PROGRAMS, bom=False)


async def vetting_overview(pool: asyncpg.Pool, conference_id: UUID, principal: Principal,
                           status: str | None = None, *, search: str | None = None,
                           page_size: int = 50, skip: int = 0
                           ) -> tuple[list[VettingRow], int]:
    """One page of everyone to be vetted with their current status (one status, or all;
    searched by name when ``search``, a LIKE pattern, is given), so that the security service
    sees what its file recorded, and how many match in all (docs/workspaces.md, "Security").
    Each with the identity document the vetting file gives (docs/credentials.md, "Vetting"):
    the vetting office alone reads it (docs/privacy.md)."""
    if principal.role not in VETTING_OFFICE:
        raise Forbidden("The vetting statuses are shown to protocol and security.")
    async with connection(pool) as conn:
        rows, total = await repo.vetting_overview(
            conn, conference_id, status if status in domain.SETTABLE else None, search=search,
            page_size=page_size, skip=skip)
        # the languages the reason is quoted in: the person's, else each focal point's of
        # their delegation, as the clearance letter goes (credentials/mail.py)
        conference = await conference_by_id(conn, conference_id)
        focal: dict[UUID, tuple[str, ...]] = {}
        for r in rows:
            if r["delegation_id"] is not None and r["delegation_id"] not in focal:
                found = await focal_point_recipients(
                    conn, conference, r["delegation_id"], r["focal_point_email"],
                    r["focal_point_name"])
                focal[r["delegation_id"]] = tuple(sorted({lang for _, _, lang in found}))
    return [VettingRow(accreditation_id=r["id"], family_name=r["family_name"],
                       given_name=r["given_name"], category=r["category"],
                       gender=known_gender(r["gender"]),
                       delegation=r["delegation"], status=r["status"], reason=r["reason"],
                       set_at=r["set_at"], country=r["country"],
                       nationality=r["nationality"], document_type=r["document_type"],
                       document_number=r["document_number"],
                       date_of_birth=r["date_of_birth"],
                       name_in_document=r["name_in_document"],
                       letter_languages=(focal.get(r["delegation_id"], ())
                                         if r["delegation_id"] is not None
                                         else (r["language"],))) for r in rows], total


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # a spreadsheet must not run a name as a formula
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


async def import_vetting_csv(pool: asyncpg.Pool, conference_id: UUID, text: str,
                             principal: Principal, now: datetime) -> VettingImported:
    """The security service's results (``accreditation_id,status,reason``), every line checked
    first, then all applied in one transaction, or none. A deadlock with a transaction that
    holds the same people in another order (the worker rotating their private links as it
    sends their letters) aborts the whole transaction, which is then tried again from the
    start (docs/credentials.md, "Vetting")."""
    results, errors = domain.read_vetting_results(text)
    if errors and not results and errors[0]["type"] == "header":
        raise Invalid("The CSV needs the columns accreditation_id, status, reason.", errors)
    return await retried_transaction(pool, lambda conn: _apply_vetting(
        conn, conference_id, results, errors, principal, now))


async def _apply_vetting(conn: asyncpg.Connection, conference_id: UUID,
                         results: list[domain.VettingResult], errors: list[dict[str, Any]],
                         principal: Principal, now: datetime) -> VettingImported:
    known = await repo.accreditations_of_conference(
        conn, conference_id, [r.accreditation_id for r in results])
    errors = errors + [domain.unknown_result(r) for r in results
                       if r.accreditation_id not in known]
    unchanged = {r.line for r in results if r.accreditation_id in known
                 and domain.unchanged_result(r.status, r.reason,
                                             known[r.accreditation_id]["vetting_status"],
                                             known[r.accreditation_id]["vetting_reason"])}
    errors = [e for e in errors if e["line"] not in unchanged
              or e["column"] == "accreditation_id" and e["type"] == "duplicate"]
    errors.sort(key=lambda e: (e["line"], e["column"] != "accreditation_id"))
    if errors:
        raise Invalid("The file was not applied: some lines are wrong.", errors)
    lines = [(r.accreditation_id, r.status, r.reason) for r in results
             if r.line not in unchanged]
    for aid, status, reason in lines:
        await repo.set_vetting_status(conn, aid, status, reason, now, principal.actor)
        await record(conn, "accreditation.vetting_status_set",
                     VettingStatusSet(accreditation_id=aid, status=status, via="csv",
                                      by=principal.role.value),
                     conference_id=conference_id, subject_id=aid, actor=principal.actor,
                     history=[domain.vetting_history_line(aid, known[aid]["status"],
                                                          status, reason)])
    return VettingImported(applied=len(lines), unchanged=len(unchanged))

