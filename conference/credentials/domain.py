"""Credential policies, pure: what a photo and a document must be (checked from their content,
never their name), and how a visa letter is numbered, worded and shown to a verifier.

An image is decoded and encoded again by Pillow: what is stored holds the pixels only, so EXIF
(GPS position, camera serial), ICC profiles, comments and anything appended after the image
data are gone."""

from __future__ import annotations

import csv
import functools
import io
import re
import secrets
import string
import unicodedata
import warnings
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any
from uuid import UUID

from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError

from conference.accreditation.domain import clearance_outlook
from conference.errors import Conflict, Invalid
from conference.protocol import country_phrases
from conference.protocol.countries import country_codes, country_name

PHOTO_MAX_BYTES = 5 * 1024 * 1024
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
PHOTO_MIN = (600, 800)
PHOTO_STORED_MAX = (1200, 1600)
"""A larger photo is scaled down to this box: a badge needs no more."""
SOURCE_MAX = 2400
"""The photo as sent, kept beside the photo for the crop step, is scaled down to this on its
longest side: enough to frame a badge photo again, and storage stays bounded."""
PORTRAIT_MIN, PORTRAIT_MAX = Fraction(3, 4), Fraction(4, 5)
MAX_PIXELS = 50_000_000
"""Above this, an image is refused before it is decoded (a decompression bomb)."""

_MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)
_PIL_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}


def refuse(field: str, rule: str, message: str) -> Invalid:
    """A 422 naming the rule broken (``type`` of the field error)."""
    return Invalid(message, [{"field": field, "message": message, "type": rule}])


def sniff(data: bytes) -> str | None:
    """The media type the content is, from its first bytes."""
    for magic, media in _MAGIC:
        if data.startswith(magic):
            return media
    return None


def declared_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


@dataclass(frozen=True)
class Photo:
    data: bytes
    width: int
    height: int
    fitted: bool = False
    """True when the photo sent was not a portrait and was cut to one (``check_photo``)."""
    source: Photo | None = None
    """The photo as sent, re-encoded as the photo is and scaled down to ``SOURCE_MAX``, which
    the crop step cuts from (``check_photo``); None when scaling it down would leave it under
    the minimum (a strip narrower than 1:4 or wider than 3:1)."""
    box: Crop | None = None
    """The box of the photo as sent this photo was cut from (fitted, or the crop step's); None
    when it is the whole photo as sent."""


@dataclass(frozen=True)
class PhotoSizes:
    """A stored photo's size and that of the photo as sent kept beside it (None for a photo
    stored before migration 0061)."""

    photo: tuple[int, int]
    source: tuple[int, int] | None
    box: Crop | None = None
    """The box of the photo as sent the photo was cut from, when known."""

    @property
    def frame(self) -> tuple[int, int]:
        """The size of the image the crop step's box is in: the photo as sent, else the
        stored photo (docs/credentials.md, "Photo")."""
        return self.source or self.photo


def _open(data: bytes, field: str) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_PIXELS:
                raise refuse(field, "too_many_pixels",
                             f"The image has more than {MAX_PIXELS} pixels.")
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise refuse(field, "undecodable", "The image cannot be decoded.") from None
    return image


def check_photo(data: bytes, content_type: str | None, *, fit: bool = False) -> Photo:
    """The photo as stored (a JPEG re-encoded from the pixels), or a 422 naming the rule.

    With ``fit`` (the pages' upload), a photo of the right size but not a portrait between 3:4
    and 4:5 (a phone's 9:16, a landscape) is not refused: it is cut to the largest 3:4 portrait
    it holds (``fit_box``) and the page shows it in its crop step (docs/credentials.md, "On the
    pages"). The API's ``PUT …/photo`` keeps the rule: a program sends the photo it means."""
    field = "photo"
    if len(data) > PHOTO_MAX_BYTES:
        raise refuse(field, "max_size", f"A photo is at most {PHOTO_MAX_BYTES} bytes.")
    declared = declared_type(content_type)
    if declared not in ("image/jpeg", "image/png"):
        raise refuse(field, "media_type", "A photo is sent as image/jpeg or image/png.")
    actual = sniff(data)
    if actual not in ("image/jpeg", "image/png"):
        raise refuse(field, "media_type", "The content is neither a JPEG nor a PNG image.")
    if actual != declared:
        raise refuse(field, "content_mismatch",
                     f"The content is {actual}, not the {declared} it is declared as.")
    image = _open(data, field)
    if _PIL_TYPES.get(image.format or "") != actual:
        raise refuse(field, "content_mismatch", "The content is not the image it claims.")
    image = ImageOps.exif_transpose(image)
    width, height = image.size
    if width < PHOTO_MIN[0] or height < PHOTO_MIN[1]:
        raise refuse(field, "min_dimensions",
                     f"A photo is at least {PHOTO_MIN[0]} × {PHOTO_MIN[1]} pixels "
                     f"(this one is {width} × {height}).")
    portrait = portrait_shape(width, height)
    if not portrait and not fit:
        raise refuse(field, "portrait_ratio",
                     "A photo is a portrait between 3:4 and 4:5 (width : height); crop it "
                     f"(this one is {width} × {height}).")
    source = _source(image)
    # the photo is cut from the source as kept, so that the crop step's box (in the source's
    # pixels) gives back exactly what the upload gave
    frame = _decoded(source.data) if source is not None else image
    if not portrait:
        box = fit_box(*frame.size)
        return Photo(*_reencode(frame.crop(box.corners)), fitted=True, source=source,
                     box=box if source is not None else None)
    return Photo(*_reencode(frame), source=source)


def portrait_shape(width: int, height: int) -> bool:
    """A portrait between 3:4 and 4:5 (width : height), as a badge photo is."""
    return PORTRAIT_MIN <= Fraction(width, height) <= PORTRAIT_MAX


def _source(image: Image.Image) -> Photo | None:
    """The photo as sent, kept for the crop step: its pixels alone, re-encoded as the photo is
    (no EXIF, no ICC), at most ``SOURCE_MAX`` on its longest side; None when that leaves it
    under the minimum photo (a strip narrower than 1:4 or wider than 3:1, whose photo the crop
    step then cuts as it is)."""
    data, width, height = _reencode(image, (SOURCE_MAX, SOURCE_MAX))
    if width < PHOTO_MIN[0] or height < PHOTO_MIN[1]:
        return None
    return Photo(data, width, height)


def _decoded(data: bytes) -> Image.Image:
    """An image this service encoded (a stored photo or its source)."""
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _pixels(image: Image.Image) -> Image.Image:
    """A new image made of the pixels alone: no info, no ICC profile, no EXIF, no trailer."""
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    return Image.frombytes(image.mode, image.size, image.tobytes())


def _reencode(image: Image.Image, largest: tuple[int, int] = PHOTO_STORED_MAX
              ) -> tuple[bytes, int, int]:
    """The image's pixels alone as a JPEG, scaled down to fit ``largest``."""
    if image.mode not in ("RGB", "L"):
        image = _pixels(image)
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    clean = _pixels(image)
    clean.thumbnail(largest)
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=90, optimize=True)
    return out.getvalue(), clean.width, clean.height


@dataclass(frozen=True)
class Crop:
    """A 3:4 box in the pixels of the photo as sent (else, for a photo stored before migration
    0061, of the stored photo): its left and top edges and its width (the height is four thirds
    of it)."""

    x: int
    y: int
    width: int

    @property
    def height(self) -> int:
        return self.width * 4 // 3

    @property
    def corners(self) -> tuple[int, int, int, int]:
        """Left, top, right, bottom, as Pillow's ``crop`` takes them."""
        return self.x, self.y, self.x + self.width, self.y + self.height


def crop_preset(preset: str, width: int, height: int) -> Crop | None:
    """The box of a preset on a photo of ``width`` × ``height``: ``centre`` the largest 3:4 box
    in the middle, ``face`` 80 % of the width, centred, from 5 % of the height (head and
    shoulders of a passport-style photo); None for an unknown preset. A preset never asks for
    less than the minimum photo (600 × 800): on a photo too small for 80 %, ``face`` takes the
    smallest box allowed, or the largest the photo holds (docs/credentials.md, "Photo"). On a
    photo as sent that is no portrait (a landscape, a phone's 9:16), ``face`` is taken in the
    portrait its upload was fitted to (``fit_box``), as it was when the crop step cut that."""
    largest = min(width, height * 3 // 4)
    if preset == "centre":
        return Crop((width - largest) // 2, (height - largest * 4 // 3) // 2, largest)
    if preset == "face" and not portrait_shape(width, height):
        fit = fit_box(width, height)
        face = _face(fit.width, fit.height)
        return Crop(fit.x + face.x, fit.y + face.y, face.width)
    if preset == "face":
        return _face(width, height)
    return None


def _face(width: int, height: int) -> Crop:
    w = min(max(width * 4 // 5, PHOTO_MIN[0]), width, height * 3 // 4)
    return Crop((width - w) // 2, min(height // 20, height - w * 4 // 3), w)


def croppable(width: int, height: int) -> bool:
    """Whether a photo as sent (else, stored before migration 0061, the stored photo) holds a
    3:4 box of at least 600 × 800 other than itself: one of exactly 600 × 800 holds none, and
    a crop step on it could change nothing. A 1200 × 800 landscape, fitted to 600 × 800 on
    upload, holds boxes to its left and right (docs/credentials.md, "Photo")."""
    return width > PHOTO_MIN[0] or height > PHOTO_MIN[1]


def fit_box(width: int, height: int) -> Crop:
    """The largest 3:4 box of a photo that is not a portrait between 3:4 and 4:5: the photo's
    whole height, centred, for a photo too wide (a landscape); its whole width for one too tall
    (a phone's 9:16), with a quarter of what is cut taken from the top and the rest from the
    bottom, where a portrait keeps the shoulders and the face sits above the middle. A photo
    at least 600 × 800 always holds a box at least 600 wide."""
    if width * 4 > height * 3:  # wider than 3:4
        w = height * 3 // 4
        return Crop((width - w) // 2, 0, w)
    return Crop(0, (height - width * 4 // 3) // 4, width)


def crop_box(preset: str, fields: dict[str, str], size: tuple[int, int]) -> Crop | None:
    """The box a crop form asks for: its preset, else its three fields (``crop_x``,
    ``crop_y``, ``crop_width``, whole numbers of pixels); None when a field is not one."""
    box = crop_preset(preset, *size)
    if box is not None:
        return box
    numbers = []
    for name in ("crop_x", "crop_y", "crop_width"):
        value = fields.get(name, "").strip()
        if not (value.isascii() and value.isdigit() and len(value) <= 6):
            return None
        numbers.append(int(value))
    return Crop(*numbers)


def crop_photo(frame: bytes, box: Crop) -> Photo:
    """The photo as sent (``frame``; else, for a photo stored before migration 0061, the stored
    photo) cut to ``box`` and encoded again; a 422 naming the field when the box leaves it or is
    smaller than a photo may be (docs/credentials.md, "Photo")."""
    image = _decoded(frame)
    if box.x < 0 or box.y < 0 or box.x + box.width > image.width \
            or box.y + box.height > image.height:
        raise refuse("crop", "outside",
                     f"The box must lie inside the photo ({image.width} × {image.height}).")
    if box.width < PHOTO_MIN[0]:
        raise refuse("crop", "min_dimensions",
                     f"A photo is at least {PHOTO_MIN[0]} × {PHOTO_MIN[1]} pixels: the box "
                     f"must be at least {PHOTO_MIN[0]} wide.")
    return Photo(*_reencode(image.crop(box.corners)), box=box)


def check_document(data: bytes, content_type: str | None) -> tuple[bytes, str]:
    """The document as stored and its media type (from the content), or a 422 naming the rule.
    Images are re-encoded (metadata gone); a PDF is kept as sent."""
    field = "document"
    if len(data) > DOCUMENT_MAX_BYTES:
        raise refuse(field, "max_size", f"A document is at most {DOCUMENT_MAX_BYTES} bytes.")
    declared = declared_type(content_type)
    if declared not in ("application/pdf", "image/jpeg", "image/png"):
        raise refuse(field, "media_type",
                     "A document is sent as application/pdf, image/jpeg or image/png.")
    actual = sniff(data)
    if actual is None:
        raise refuse(field, "media_type", "The content is not a PDF, JPEG or PNG file.")
    if actual != declared:
        raise refuse(field, "content_mismatch",
                     f"The content is {actual}, not the {declared} it is declared as.")
    if actual == "application/pdf":
        if b"%%EOF" not in data[-2048:]:
            raise refuse(field, "undecodable", "The PDF is incomplete (no end-of-file marker).")
        _readable_pdf(data, field)
        return data, actual
    image = _open(data, field)
    if _PIL_TYPES.get(image.format or "") != actual:
        raise refuse(field, "content_mismatch", "The content is not the image it claims.")
    clean = _pixels(ImageOps.exif_transpose(image))
    out = io.BytesIO()
    if actual == "image/png":
        clean.save(out, format="PNG", optimize=True)
    else:
        clean.convert("RGB" if clean.mode != "L" else "L").save(out, format="JPEG",
                                                                quality=90)
    return out.getvalue(), actual


def _readable_pdf(data: bytes, field: str) -> None:
    """A PDF that its reader can open: its cross-reference table and trailer parse and it has
    a page. A file of the right first and last bytes with anything between passed before
    (tryout, 5 December 2026); the press office opened it to nothing. One protected by a
    password (the reader has none to give) is refused as such; one encrypted with an empty
    password (restrictions only) opens like any other (docs/credentials.md, "Documents")."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                return  # a cipher pypdf cannot check alone: kept as the structure was read
            if not opened:
                raise refuse(field, "encrypted",
                              "The PDF is protected by a password: send it without one.")
        pages = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError,
            RecursionError, AssertionError, OSError):
        raise refuse(field, "undecodable", "The PDF cannot be read.") from None
    if pages == 0:
        raise refuse(field, "undecodable", "The PDF has no page.")


# -- visa letters ------------------------------------------------------------------------------

PASSPORTS = frozenset({"passport", "diplomatic_passport"})
"""The identity documents a visa letter request is made with: a passport given for the
security check stands for the letter's passport (docs/credentials.md, "Visa invitation
letters"); an identity card does not."""


MASK = "\u2022" * 4
"""What stands for the hidden part of a number, always four dots: one dot per character hidden
told the number's length (tryout, 2 December 2026)."""


def masked_number(number: str) -> str:
    """A passport number as the visa letter form recalls it: its last 4 characters (3 for a
    number under 8 characters, 1 for one of 4 or fewer) after four dots and a no-break space
    ("•••• 4567"), enough for the person to know the passport without the page showing it
    whole, nor how long it is."""
    number = number.strip()
    shown = 4 if len(number) >= 8 else 3 if len(number) > 4 else min(1, len(number) - 1)
    shown = max(shown, 0)
    return f"{MASK}\u00a0{number[len(number) - shown:]}" if shown else MASK


_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PLACEHOLDERS = frozenset({"passport_name", "passport_number", "nationality", "date_of_birth",
                          "consulate", "conference", "dates", "venue", "of_the_conference",
                          "the_nationality", "of_nationality", "capacity"})
"""``{conference}`` is the name as it is and ``{nationality}`` the adjective of nationality
("belge", "Belgian", else the country's name), both after a label; ``{of_the_conference}``
and ``{the_nationality}`` are the names inside a sentence, with the article each takes ("of
the Ministerial Conference on…", "de la Conférence…", "du Sommet…"; "the United States",
"Peru"); ``{of_nationality}`` is the nationality beside the person's name ("de nationalité
belge", "a Belgian national"; `protocol.nationality`) (docs/credentials.md, "Visa invitation
letters")."""

DEFAULT_BODY = {
    # the organisers ask the consulate to consider the application favourably, never to issue
    # the visa (theirs alone to decide), and say that the letter guarantees none (tryout, 2
    # December 2026: « lui délivrer le visa nécessaire » asked what no organiser can)
    "en": ("The organisers {of_the_conference}, to be held at {venue} {dates}, invite "
           "{passport_name}, {of_nationality}, born on {date_of_birth}, holder of "
           "passport number {passport_number}{capacity}, to attend the conference. We should "
           "be grateful if the {consulate} would give favourable consideration to the visa "
           "application made for this purpose. This letter implies no financial commitment on "
           "the part of the organisers and does not guarantee that a visa will be issued: that "
           "decision rests with the consular authorities alone."),
    # French needs an agreement with the person (« né » or « née ») and articles before the
    # names typed (the venue, the consulate): those details follow labels instead; the
    # nationality is « de nationalité belge », which agrees with nationalité, not with the
    # person. One line, as every template text (LongText).
    "fr": ("Les organisateurs {of_the_conference}, qui se tiendra "
           "{dates} ({venue}), invitent à y participer la personne suivante\u00a0: "
           "{passport_name}, {of_nationality}\u00a0; date de "
           "naissance\u00a0: {date_of_birth}\u00a0; passeport numéro\u00a0: "
           "{passport_number}{capacity}. Nous saurions gré à la représentation diplomatique ou "
           "consulaire destinataire de la présente de bien vouloir examiner favorablement la "
           "demande de visa présentée à cette fin. Cette lettre n'engage les organisateurs à "
           "aucune prise en charge financière et ne vaut pas garantie de délivrance du visa, "
           "qui relève de la seule décision des autorités consulaires."),
}

THIRD_DEFAULT_BODY = {
    "en": ("The organisers {of_the_conference}, to be held at {venue} {dates}, invite "
           "{passport_name}, {of_nationality}, born on {date_of_birth}, holder of "
           "passport number {passport_number}, to attend the conference. We should be grateful "
           "if the {consulate} could issue the necessary visa. This letter implies no financial "
           "commitment on the part of the organisers."),
    "fr": ("Les organisateurs {of_the_conference}, qui se tiendra "
           "{dates} ({venue}), invitent à y participer la personne suivante\u00a0: "
           "{passport_name}, {of_nationality}\u00a0; date de "
           "naissance\u00a0: {date_of_birth}\u00a0; passeport numéro\u00a0: "
           "{passport_number}. Nous saurions gré à la représentation diplomatique ou consulaire "
           "destinataire de la présente de bien vouloir lui délivrer le visa nécessaire. Cette "
           "lettre n'engage les organisateurs à aucune prise en charge financière."),
}
"""The default text of 2 December 2026, which asked the consulate to issue the visa and named
neither the person's function nor their delegation: a conference that never changed it gets
today's default."""

SECOND_DEFAULT_BODY = {
    "en": ("The organisers {of_the_conference}, to be held at {venue} {dates}, invite "
           "{passport_name}, national of {the_nationality}, born on {date_of_birth}, holder of "
           "passport number {passport_number}, to attend the conference. We should be grateful "
           "if the {consulate} could issue the necessary visa. This letter implies no financial "
           "commitment on the part of the organisers."),
    "fr": ("Les organisateurs {of_the_conference}, qui se tiendra "
           "{dates} ({venue}), invitent à y participer la personne suivante\u00a0: "
           "{passport_name}\u00a0; nationalité\u00a0: {nationality}\u00a0; date de "
           "naissance\u00a0: {date_of_birth}\u00a0; passeport numéro\u00a0: "
           "{passport_number}. Nous saurions gré à la représentation diplomatique ou consulaire "
           "destinataire de la présente de bien vouloir lui délivrer le visa nécessaire. Cette "
           "lettre n'engage les organisateurs à aucune prise en charge financière."),
}
"""The default text of 1 December 2026 ("national of the United States", « nationalité :
États-Unis »), saved with a conference's first letter: a conference that never changed it
gets today's default ("an American national", « de nationalité américaine »)."""

PREVIOUS_DEFAULT_BODY = {
    "en": ("The organisers of {conference}, to be held at {venue} {dates}, invite "
           "{passport_name}, national of {nationality}, born on {date_of_birth}, holder of "
           "passport number {passport_number}, to attend the conference. We should be grateful "
           "if the {consulate} could issue the necessary visa. This letter implies no financial "
           "commitment on the part of the organisers."),
    "fr": ("Les organisateurs de la conférence «\u00a0{conference}\u00a0», qui se tiendra "
           "{dates} ({venue}), invitent à y participer la personne suivante\u00a0: "
           "{passport_name}\u00a0; nationalité\u00a0: {nationality}\u00a0; date de "
           "naissance\u00a0: {date_of_birth}\u00a0; passeport numéro\u00a0: "
           "{passport_number}. Nous saurions gré à la représentation diplomatique ou consulaire "
           "destinataire de la présente de bien vouloir lui délivrer le visa nécessaire. Cette "
           "lettre n'engage les organisateurs à aucune prise en charge financière."),
}
"""The default text before 1 December 2026 ("of Ministerial Conference", "national of United
States"), saved with a conference's first letter: a conference that never changed it gets
today's default instead."""

SALUTATION = {"fr": "Madame, Monsieur,", "en": "Madam, Sir,"}
"""The opening of a letter to a consulate or embassy, above the text."""


def body_in_force(saved: str | None, language: str) -> str:
    """The text a letter is written with: the conference's own, else (or when what is saved is
    the earlier default) the default."""
    if not saved or saved in (PREVIOUS_DEFAULT_BODY[language], SECOND_DEFAULT_BODY[language],
                              THIRD_DEFAULT_BODY[language]):
        return DEFAULT_BODY[language]
    return saved


_PRESS_ROLE = {"journalist": "a journalist", "photographer": "a photographer",
               "camera": "a camera operator", "technician": "a technician"}


def capacity(language: str, *, function: str | None, delegation_country: str | None,
             delegation_organisation: str | None, press_outlet: str | None,
             press_role: str | None) -> str:
    """The letter's ``{capacity}``, right after the passport number: what the person comes as,
    as far as the accreditation says it, "" when it says nothing. In French after labels, as
    the other details typed (« ; fonction : Conseiller du ministre ; délégation : Belgique »,
    « ; média : Le Soir »); in English in apposition (", Adviser to the Minister, member of the
    delegation of Belgium", ", a journalist with Le Soir") (docs/credentials.md, "Visa
    invitation letters")."""
    function = " ".join((function or "").split())
    outlet = " ".join((press_outlet or "").split())
    organisation = " ".join((delegation_organisation or "").split())
    french = language.startswith("fr")
    delegation = ""
    if delegation_country:
        try:
            delegation = (country_name(delegation_country, language) if french
                          else country_phrases.in_sentence(delegation_country, language))
        except ValueError:  # a code no catalogue knows: as it was given
            delegation = delegation_country
    if french:
        parts = [f"{label}\u00a0: {value}" for label, value in (
            ("fonction", function), ("délégation", delegation or organisation),
            ("média", outlet)) if value]
        return "".join(f"\u00a0; {part}" for part in parts)
    parts = [function] if function else []
    if delegation:
        parts.append(f"member of the delegation of {delegation}")
    elif organisation:
        parts.append(f"member of the {organisation} delegation")
    if outlet:
        parts.append(f"{_PRESS_ROLE.get(press_role or '', 'a journalist')} with {outlet}")
    return "".join(f", {part}" for part in parts)


PROTOCOL_SERVICE = {"fr": "Service du protocole", "en": "Protocol Service"}
"""The signatory's title of a letter signed by the organiser, when no host signs it."""
FOR_THE_ORGANISERS = {"fr": "Pour les organisateurs", "en": "For the organisers"}
"""What the default once printed under a host's name when the conference gave no function for
them: a signature no protocol service signs; saved in a text, it counts as no title."""


def signatory_title_of(saved: str | None, language: str) -> str:
    """The signatory's title a saved text gives in ``language``; "" when it gives none (or the
    earlier "For the organisers", which names no function)."""
    title = " ".join((saved or "").split())
    return "" if title == FOR_THE_ORGANISERS[language] else title

_POSTCODE = re.compile(r"^(?:[A-Z]{1,3}[-\s])?\d{3,}[\dA-Z-]*\s+(?P<city>\D.*)$")
# a postcode after the city: Malta's "Valletta VLT 1645", the United Kingdom's "London SW1A 2AA"
_POSTCODE_AFTER = re.compile(
    r"^(?P<city>\D*[^\d\s])\s+(?:[A-Z]{3}\s?\d{4}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})$")


@functools.cache
def _country_names() -> frozenset[str]:
    """Every country's name in French and English, folded: an address's last part that is one
    ("…, Suisse") is not the city (a letter from Valletta was dated "Malte, le…", tryout)."""
    return frozenset(country_name(code, language).casefold()
                     for code in country_codes() if code not in _CITY_STATES
                     for language in ("fr", "en"))


_CITY_STATES = frozenset({"LU", "MC", "SG", "SM", "VA"})
"""Countries whose name is their city's: "…, Monaco" ends with the city."""


def letter_city(address: str, venue_name: str) -> str:
    """The place a letter is written at: the city of the venue's address, the part that
    follows a postcode ("Rue de la Loi 170, 1040 Bruxelles" → "Bruxelles"; "L-2920
    Luxembourg" → "Luxembourg"), else its last part ("…, Genève"), else the venue's name
    (docs/credentials.md, "Visa invitation letters")."""
    parts = [" ".join(p.split()) for p in address.split(",") if p.strip()]
    for part in reversed(parts):
        found = _POSTCODE.match(part) or _POSTCODE_AFTER.match(part)
        if found:
            return _without_district(found["city"])
    # a country after the city ("Palais des Nations, Genève, Suisse") is not the place the letter
    # is written at; a city-state's name ("…, Monaco") is
    while len(parts) > 2 and parts[-1].casefold() in _country_names():
        parts.pop()
    if len(parts) > 1:
        return _without_district(parts[-1])
    return " ".join(venue_name.split())


def _without_district(city: str) -> str:
    """"Genève 20" or "Paris Cedex 08" → "Genève", "Paris"."""
    words = city.split()
    while len(words) > 1 and (words[-1].isdigit() or words[-1].lower() == "cedex"):
        words.pop()
    return " ".join(words)


# The cities conferences are held in whose name differs between French and English, as each
# language writes them (the EU's Interinstitutional Style Guide); a city not listed is written
# as its address gives it. A conference names its city in both languages with ``venue.city``.
_CITY_NAMES = (
    {"fr": "Bruxelles", "en": "Brussels", "nl": "Brussel"},
    {"fr": "Anvers", "en": "Antwerp", "nl": "Antwerpen"},
    {"fr": "Gand", "en": "Ghent", "nl": "Gent"},
    {"fr": "Louvain", "en": "Leuven", "nl": "Leuven"},
    {"fr": "Bruges", "en": "Bruges", "nl": "Brugge"},
    {"fr": "Genève", "en": "Geneva", "de": "Genf"},
    {"fr": "La Haye", "en": "The Hague", "nl": "Den Haag"},
    {"fr": "Vienne", "en": "Vienna", "de": "Wien"},
    {"fr": "Lisbonne", "en": "Lisbon", "pt": "Lisboa"},
    {"fr": "Varsovie", "en": "Warsaw", "pl": "Warszawa"},
    {"fr": "Copenhague", "en": "Copenhagen", "da": "København"},
    {"fr": "Athènes", "en": "Athens", "el": "Athína"},
    {"fr": "Prague", "en": "Prague", "cs": "Praha"},
    {"fr": "Rome", "en": "Rome", "it": "Roma"},
    {"fr": "Londres", "en": "London"},
    {"fr": "Bucarest", "en": "Bucharest", "ro": "București"},
    {"fr": "Nicosie", "en": "Nicosia", "el": "Lefkosia"},
    {"fr": "La Valette", "en": "Valletta", "mt": "Valletta"},
    {"fr": "Luxembourg", "en": "Luxembourg", "lb": "Lëtzebuerg"},
)


def city_in(city: str, language: str) -> str:
    """The city as ``language`` writes it: "Bruxelles" → "Brussels" in English, "Brussel" →
    "Bruxelles" in French; a city not listed as given."""
    folded = city.casefold()
    for names in _CITY_NAMES:
        if folded in (n.casefold() for n in names.values()):
            return names.get(language, city)
    return city


def place_and_date(city: str, day: str, language: str) -> str:
    """"Bruxelles, le 1er décembre 2026" / "Brussels, 1 December 2026"."""
    return f"{city}, le {day}" if language == "fr" else f"{city}, {day}"


def letter_number(year: int, sequence: int) -> str:
    """A letter's number: the year, its order, and a random part, so that numbers cannot be
    guessed by someone who has seen one (the verification page names the holder)."""
    tail = "".join(secrets.choice(_ALPHABET) for _ in range(6))
    return f"{year}-{sequence:04d}-{tail}"


def typed_letter_number(text: str) -> str:
    """A letter's number as someone typed it from the paper: spaces around it dropped, a
    typographic dash read as the hyphen, and the letters in capitals, as numbers are made
    (docs/credentials.md, "Visa invitation letters": a consulate's clerk typing
    ``2027-0001-hqn9nq`` read "no letter has this number" and took a valid letter for a fake)."""
    return re.sub("[\u2010-\u2015\u2212]", "-", text.strip()).upper()


PENDING_WORDS = {"submitted": "under review", "waitlisted": "on the waiting list"}
"""An accreditation not decided yet, as the refusal of an approval says it."""
CLOSING_STATUSES = ("rejected", "withdrawn", "revoked", "substituted")
"""The statuses that end an accreditation: its visa letters go with it (requests refused,
approved letters cancelled: docs/credentials.md, "Visa invitation letters")."""


def check_holder_approved(accreditation_status: str) -> None:
    """A visa letter is approved (or reissued) only for an approved accreditation: a consulate
    reads the letter as the organisers' word that the person is expected. Requests may come
    earlier (the consulate's process takes weeks); the decision waits. 409 ``reason
    holder_not_approved`` with the accreditation's status."""
    if accreditation_status == "approved":
        return
    if accreditation_status in PENDING_WORDS:
        raise Conflict(f"The accreditation is not approved yet "
                       f"({PENDING_WORDS[accreditation_status]}): approve it first, or refuse "
                       "the letter.", reason="holder_not_approved",
                       accreditation_status=accreditation_status)
    raise Conflict(f"The accreditation is {accreditation_status}: no letter is approved for it; "
                   "refuse the letter.", reason="holder_not_approved",
                   accreditation_status=accreditation_status)


def closing_reason(accreditation_status: str) -> str:
    """The reason recorded on a letter its accreditation's end closed ("accreditation
    rejected")."""
    return f"accreditation {accreditation_status}"


def placeholder_errors(body: dict[str, str]) -> list[dict[str, str]]:
    """The unknown or malformed ``{placeholders}`` of a letter text, per language."""
    errors = []
    for language, text in body.items():
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as exc:
            errors.append({"field": f"body.{language}", "message": str(exc), "type": "format"})
            continue
        unknown = sorted(names - PLACEHOLDERS)
        if unknown:
            errors.append({"field": f"body.{language}", "type": "placeholder",
                           "message": f"unknown placeholders {unknown}; known: "
                                      f"{sorted(PLACEHOLDERS)}"})
    return errors


def letter_text(template: str, values: dict[str, Any]) -> str:
    return template.format_map({k: values[k] for k in PLACEHOLDERS})


def missing_signature(host_name: str | None, host_has_function: bool,
                      saved_name: str | None, saved_titles: dict[str, str],
                      languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """What keeps the letters from being signed as meant, for the console: ``("host", name)``
    when the first host would sign but the conference gives them no function, ``("title",
    language)`` for each language whose saved signatory has no title. Either way the letter is
    signed by the organiser for the protocol service (docs/credentials.md)."""
    missing: list[tuple[str, str]] = []
    if (saved_name or "").strip():
        missing += [("title", lang) for lang in languages
                    if not signatory_title_of(saved_titles.get(lang), lang)]
    elif host_name and not host_has_function:
        missing.append(("host", host_name))
    return missing


def initials(name: str) -> str:
    """``"Ana María López"`` → ``"A. M. L."``: all a verifier learns of the holder."""
    parts = [p for p in name.replace("-", " ").split() if p]
    letters = [unicodedata.normalize("NFC", p)[0].upper() for p in parts if p[0].isalpha()]
    return " ".join(f"{c}." for c in letters)


# -- vetting -----------------------------------------------------------------------------------

VETTING_STATUSES = ("not_required", "pending", "cleared", "more_information", "refused")
SETTABLE = ("pending", "cleared", "more_information", "refused")


def vetting_status(required: bool, recorded: str | None) -> str:
    """The person's status: what protocol or the security service recorded, else ``pending``
    when their category needs clearance, else ``not_required``."""
    if recorded is not None:
        return recorded
    return "pending" if required else "not_required"


def lacks_clearance(required: bool, recorded: str | None) -> bool:
    """No badge is issued, printed or admitted while this holds. A refusal always holds, even
    for a category that needs no clearance (the rule is ``accreditation.domain.clearance_outlook``,
    which the letters and pages read too)."""
    return clearance_outlook(required, recorded) is not None


def vetting_errors(status: str, reason: str | None, field: str = "") -> list[dict[str, str]]:
    errors = []
    if status not in SETTABLE:
        errors.append({"field": f"{field}status", "type": "enum",
                       "message": f"one of {', '.join(SETTABLE)}"})
    elif status in ("refused", "more_information") and not (reason or "").strip():
        errors.append({"field": f"{field}reason", "type": "missing",
                       "message": f"a reason is required for {status}"})
    return errors


def vetting_history_line(accreditation_id: UUID, accreditation_status: str, status: str,
                         reason: str | None) -> dict[str, Any]:
    """The line a vetting status adds to the person's history (docs/outbox.md, "The audit
    trail"): the action names the new status (``vetting_refused``…), the accreditation's own
    status is unchanged, the reason is kept for protocol alone (docs/credentials.md,
    "Vetting")."""
    return {"accreditation_id": str(accreditation_id), "action": f"vetting_{status}",
            "from_status": accreditation_status, "to_status": accreditation_status,
            "reason": reason, "vetting_status": status}


VETTING_RESULT_COLUMNS = ("accreditation_id", "status", "reason")


@dataclass(frozen=True)
class VettingResult:
    line: int
    accreditation_id: UUID
    status: str
    reason: str | None
    name: str | None = field(default=None, compare=False)
    """The person the line names in its own ``given_name`` and ``family_name`` columns (the
    downloaded file has them; nothing is read from them but this), for its errors."""


def _result_error(line: int, column: str, kind: str, message: str,
                  name: str | None = None) -> dict[str, Any]:
    """One wrong cell: ``field`` as the API has always named it (``line N.column``), and the
    line and column apart, for a page to say them in words, with ``name``, the person the line
    names, when it names one (docs/credentials.md, "Vetting")."""
    error: dict[str, Any] = {"field": f"line {line}.{column}" if line else column, "type": kind,
                             "message": message, "line": line, "column": column}
    if name:
        error["name"] = name
    return error


NAME_LENGTH = 200
"""The most of a line's name an error repeats: the file is the officer's, any length."""


def _line_name(line: dict[str, str]) -> str | None:
    """The person a results file's line names: its given and family names, when the file has
    those columns and the line fills them in ("Jan Peeters")."""
    name = " ".join(n for n in (line.get("given_name"), line.get("family_name")) if n)
    return name[:NAME_LENGTH] or None


_STATUS_WORDS = {
    # the words the security page shows (fr, en) and those an officer types for them
    "pending": "pending", "en attente": "pending",
    "cleared": "cleared", "accordee": "cleared", "accorde": "cleared", "habilite": "cleared",
    "habilitee": "cleared",
    "more information": "more_information", "more information asked": "more_information",
    "informations complementaires": "more_information",
    "informations complementaires demandees": "more_information",
    "refused": "refused", "refusee": "refused", "refuse": "refused",
}


def status_code(typed: str) -> str:
    """A results file's status as the service names it: the code itself, or the words the
    security page shows it by, in French or English, in any case, with or without accents
    ("Habilitée", "refusé", "more information asked"). Anything else is kept as typed, to be
    refused naming the line (docs/credentials.md, "Vetting")."""
    folded = "".join(c for c in unicodedata.normalize("NFD", typed.strip().casefold())
                     if not unicodedata.combining(c))
    folded = " ".join(folded.replace("_", " ").split())
    return _STATUS_WORDS.get(folded, typed.strip())


def read_vetting_results(text: str) -> tuple[list[VettingResult], list[dict[str, Any]]]:
    """The security service's results file as it comes back: the downloaded file with its
    extra columns (read by the header's names, the others ignored), saved by a spreadsheet
    with commas or, in a European locale, semicolons, with or without a byte-order mark."""
    text = text.removeprefix("\ufeff")
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    names = {(f or "").strip().lstrip("\ufeff").lower() for f in reader.fieldnames or ()}
    missing = [c for c in ("accreditation_id", "status") if c not in names]
    if missing:
        return [], [_result_error(1, c, "header", f"the header has no column {c}")
                    for c in missing]
    results: list[VettingResult] = []
    errors: list[dict[str, Any]] = []
    for raw in reader:
        n = reader.line_num
        line = {(k or "").strip().lstrip("\ufeff").lower(): (v or "").strip()
                for k, v in raw.items() if isinstance(k, str) and isinstance(v, str)}
        if not any(line.values()):
            continue
        name = _line_name(line)
        try:
            aid = UUID(line.get("accreditation_id", ""))
        except ValueError:
            errors.append(_result_error(n, "accreditation_id", "uuid",
                                        "not an accreditation id", name))
            continue
        status, reason = status_code(line.get("status", "")), line.get("reason") or None
        errors += [{**_result_error(n, e["field"], e["type"], e["message"], name),
                    "status": status}
                   for e in vetting_errors(status, reason)]
        results.append(VettingResult(n, aid, status, reason, name))
    seen: set[UUID] = set()
    for r in results:
        if r.accreditation_id in seen:
            errors.append(_result_error(r.line, "accreditation_id", "duplicate",
                                        "an accreditation appears on two lines", r.name))
        seen.add(r.accreditation_id)
    return results, errors


def unchanged_result(status: str, reason: str | None, current_status: str,
                     current_reason: str | None) -> bool:
    """A results file's line that says again what is recorded: the status it has, and no
    reason or the same one. The downloaded file lists the people asked for more information
    with their status and an empty reason; sent back as it is, with only the new people
    filled in, those lines are left alone (no new history line, no new letter) instead of
    failing the whole file for a reason they do not repeat (docs/credentials.md, "Vetting")."""
    return status == current_status and reason in (None, current_reason)


def unknown_result(result: VettingResult) -> dict[str, Any]:
    return _result_error(result.line, "accreditation_id", "unknown",
                         "no such accreditation in this conference", result.name)
