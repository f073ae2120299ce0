"""The printable badge: a PNG of an A6 card (105 × 148 mm at 300 dpi), drawn with Pillow, with
the QR code from segno's module matrix (no other image library, no system library).

Top to bottom, as on the printed batch (``sheet.py``): a band in the category's colour with the
conference and its dates; the photo (30 × 40 mm; an empty frame labelled "Photo" when there is
none) beside the name as on the identity document (given name, then family name, each shrunk
to fit, never cut), the delegation or outlet and the press role; the zones the badge opens (or
"no zone granted" in the badge's language), beside the QR code with its short reference
printed underneath in large type (typed at the door when the code cannot be scanned); the
category in large letters on a second band of its colour.

Fonts: DejaVu Sans where Debian's fonts-dejavu-core is installed, else Pillow's own font.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1240, 1748  # A6 at 300 dpi
DPI = 300
MARGIN = 70
QR_BOX = 520
PHOTO_BOX = (MARGIN, 320, MARGIN + 354, 320 + 472)
"""Where the photo prints (left, top, right, bottom): 30 × 40 mm at 300 dpi, as on the PDF."""

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True)
class BadgeContent:
    conference: str
    dates: str
    given_name: str
    family_name: str
    category_label: str
    affiliation: str | None
    role: str | None
    zones_heading: str
    zones: list[str]
    reference: str
    colour: str
    text_colour: str
    photo: bytes | None = None
    """The photo scaled to print size (JPEG, ``print_photo``); None when there is none."""
    photo_label: str = "Photo"
    """The label of the empty frame printed when there is no photo."""
    no_zones: str = "No zone granted"
    """Printed under the zones' heading when the badge opens no zone."""
    version: int = 1
    """The badge's version: 2 and above for a reissued badge."""
    conference_short: str | None = None
    """The conference's short name, printed instead of its title when the title does not fit
    the band."""
    short_reference: str | None = None
    """The short reference printed under the QR code for door staff to type (``4F7K-92QX``;
    docs/credentials.md, "Short reference"); the signed reference when there is none."""


def band_lines(b: BadgeContent, wrap: Callable[[str, bool], list[str]]) -> tuple[bool, list[str]]:
    """The lines of the conference band: the title in large type when it fits on two lines,
    else the short name when there is one and it fits, else the title in small type on three
    lines at most (the last one ending with an ellipsis when more was left). ``wrap(text,
    small)`` breaks a text into the lines of the band's width; the answer says whether the
    small type is used."""
    lines = wrap(b.conference, False)
    if len(lines) <= 2:
        return False, lines
    if b.conference_short:
        short = wrap(b.conference_short, False)
        if len(short) <= 2:
            return False, short
    lines = wrap(b.conference, True)
    if len(lines) > 3:  # a word of the third line makes room for the ellipsis
        words = lines[2].split()
        lines = [*lines[:2], " ".join([*words[:-1], "…"] if len(words) > 1 else [*words, "…"])]
    return True, lines


PRINT_PHOTO = (300, 400)
"""A photo printed 30 × 40 mm at 254 dpi: what JPEG's scaled decoding gives directly from the
stored sizes (600 × 800 at least, 1200 × 1600 at most), so that most photos need no resampling."""


def print_photo(stored: bytes) -> bytes:
    """A stored photo (JPEG, 3:4 to 4:5) scaled down to print size and cropped to 3:4 from the
    centre. JPEG's own scaled decoding (``draft``) keeps it quick for a batch of thousands."""
    opened = Image.open(io.BytesIO(stored))
    opened.draft("RGB", PRINT_PHOTO)
    img = opened.convert("RGB")
    width, height = img.size
    want_height = min(height, width * 4 // 3)
    top = (height - want_height) // 2
    img = img.crop((0, top, width, top + want_height))
    if img.width > PRINT_PHOTO[0]:
        img = img.resize((PRINT_PHOTO[0], img.height * PRINT_PHOTO[0] // img.width),
                         Image.Resampling.BILINEAR, reducing_gap=2.0)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=85)
    return out.getvalue()


@cache
def font(size: int, bold: bool = False) -> Font:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for directory in _FONT_DIRS:
        path = directory / name
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def _width(draw: ImageDraw.ImageDraw, text: str, f: Font) -> float:
    return draw.textlength(text, font=f)


def _fit(draw: ImageDraw.ImageDraw, text: str, width: int, size: int, bold: bool = False,
         smallest: int = 24) -> Font:
    """The largest font up to ``size`` in which ``text`` fits ``width``."""
    while size > smallest and _width(draw, text, font(size, bold)) > width:
        size -= 4
    return font(size, bold)


def _wrap(draw: ImageDraw.ImageDraw, text: str, width: int, f: Font) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and _width(draw, f"{lines[-1]} {word}", f) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def qr_image(reference: str, box: int) -> Image.Image:
    """The QR code of ``reference`` in a square of at most ``box`` pixels, quiet zone included."""
    qr = segno.make(reference, error="m", micro=False)
    matrix = [list(row) for row in qr.matrix]
    quiet = 4
    modules = len(matrix) + 2 * quiet
    scale = max(1, box // modules)
    side = modules * scale
    img = Image.new("1", (side, side), 1)
    draw = ImageDraw.Draw(img)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                left, top = (x + quiet) * scale, (y + quiet) * scale
                draw.rectangle((left, top, left + scale - 1, top + scale - 1), fill=0)
    return img


def _photo(img: Image.Image, draw: ImageDraw.ImageDraw, b: BadgeContent) -> None:
    """The photo scaled into its frame (3:4 both), or the empty frame with its label."""
    left, top, right, bottom = PHOTO_BOX
    if b.photo is not None:
        photo = Image.open(io.BytesIO(b.photo)).convert("RGB")
        img.paste(photo.resize((right - left, bottom - top), Image.Resampling.LANCZOS),
                  (left, top))
        return
    draw.rectangle(PHOTO_BOX, outline="#aaaaaa", width=4)
    label = font(36)
    width = _width(draw, b.photo_label, label)
    draw.text((left + (right - left - width) / 2, (top + bottom) / 2 - 20), b.photo_label,
              font=label, fill="#888888")


def render_png(b: BadgeContent) -> bytes:
    img = Image.new("RGB", (WIDTH, HEIGHT), "#ffffff")
    draw = ImageDraw.Draw(img)
    inner = WIDTH - 2 * MARGIN

    # The conference band.
    draw.rectangle((0, 0, WIDTH, 270), fill=b.colour)
    small, lines = band_lines(
        b, lambda text, small: _wrap(draw, text, inner, font(38 if small else 52, bold=True)))
    size = 38 if small else 52
    y = 36
    for line in lines:
        draw.text((MARGIN, y), line, font=font(size, bold=True), fill=b.text_colour)
        y += size + 12
    draw.text((MARGIN, 270 - 70), b.dates, font=font(36), fill=b.text_colour)

    # The photo beside the name as on the identity document.
    _photo(img, draw, b)
    left = PHOTO_BOX[2] + 40
    column = WIDTH - MARGIN - left
    y = 330
    given = _fit(draw, b.given_name, column, 84)
    draw.text((left, y), b.given_name, font=given, fill="#000000")
    y += 110
    family = _fit(draw, b.family_name, column, 104, bold=True)
    draw.text((left, y), b.family_name, font=family, fill="#000000")
    y += 150
    if b.affiliation:
        affiliation = _fit(draw, b.affiliation, column, 56)
        draw.text((left, y), b.affiliation, font=affiliation, fill="#222222")
        y += 80
    if b.role:
        draw.text((left, y), b.role, font=_fit(draw, b.role, column, 44), fill="#444444")

    # Zones beside the QR code.
    top = 930
    qr = qr_image(b.reference, QR_BOX)
    qr_left = WIDTH - MARGIN - qr.width + 20
    img.paste(qr, (qr_left, top))
    if b.short_reference:  # large enough to read and type (docs/credentials.md)
        shown = (b.short_reference if b.version == 1
                 else f"{b.short_reference} · v{b.version}")
        ref_font = _fit(draw, shown, qr.width - 20, 64, bold=True, smallest=40)
        ink = "#000000"
    else:
        shown = b.reference
        ref_font = _fit(draw, shown, qr.width, 22, smallest=10)
        ink = "#555555"
    draw.text((qr_left + (qr.width - _width(draw, shown, ref_font)) / 2, top + qr.width),
              shown, font=ref_font, fill=ink)
    column = qr_left - MARGIN - 30
    draw.text((MARGIN, top + 20), b.zones_heading, font=font(34, bold=True), fill="#444444")
    y = top + 80
    zone_size = 40 if len(b.zones) <= 8 else 30
    if not b.zones:
        for line in _wrap(draw, b.no_zones, column - 40, font(zone_size)):
            draw.text((MARGIN, y), line, font=font(zone_size), fill="#000000")
            y += zone_size + 12
    for zone in b.zones:
        lines = _wrap(draw, zone, column - 40, font(zone_size))
        draw.rectangle((MARGIN, y + 12, MARGIN + 18, y + 30), fill=b.colour)
        for line in lines:
            draw.text((MARGIN + 40, y), line, font=font(zone_size), fill="#000000")
            y += zone_size + 12
        y += 6
        if y > HEIGHT - 300:
            break

    # The category band.
    draw.rectangle((0, HEIGHT - 220, WIDTH, HEIGHT), fill=b.colour)
    label = _fit(draw, b.category_label, inner, 110, bold=True)
    width = _width(draw, b.category_label, label)
    draw.text(((WIDTH - width) / 2, HEIGHT - 175), b.category_label, font=label,
              fill=b.text_colour)

    out = io.BytesIO()
    img.save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()
