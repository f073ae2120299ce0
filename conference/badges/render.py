"""The printable badge: a PNG of an A6 card (105 × 148 mm at 300 dpi), drawn with Pillow, with
the QR code from segno's module matrix (no other image library, no system library).

Top to bottom, as on the printed batch (``sheet.py``): a band in the category's colour with the
conference and its dates; the photo (30 × 40 mm; an empty frame labelled "Photo" when there is
none) beside the name as on the identity document (given name, then family name, each shrunk
to fit, never cut), a delegation member's function, the delegation or outlet and the press
role; the zones the badge opens (or
"no zone granted" in the badge's language), beside the QR code with its short reference
printed underneath in large type (typed at the door when the code cannot be scanned); the
category in large letters on a second band of its colour.

Fonts: DejaVu Sans where Debian's fonts-dejavu-core is installed, else Pillow's own font.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
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
    function: str | None = None
    """A delegation member's function in the badge's language, printed under the name
    (docs/credentials.md, "Names on the badge"); None for anyone else."""


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


@dataclass(frozen=True)
class NameRule:
    """How one text beside the photo is set (sizes in the renderer's unit: points for the PDF,
    pixels for the PNG): in type from ``largest`` down to ``smallest``, on at most ``lines``
    lines broken at its spaces and after its hyphens; at ``smallest``, broken inside a word
    too if it must. Never wider than the column (docs/credentials.md, "Names on the badge")."""

    largest: float
    smallest: float
    lines: int
    step: float


FEWER_LINES = 0.85
"""A text takes fewer lines unless more lines let its type be larger than this much more
(« de Saint-Exupéry / d'Oultremont » on two lines rather than three a little larger)."""


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The places a name may break: after a space (the piece is followed by one) or after a
    hyphen (« Konstantinopoulou- »)."""
    out: list[tuple[str, bool]] = []
    for word in text.split():
        parts = word.split("-")
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            out.append((part if last else f"{part}-", last))
    return [(p, spaced) for p, spaced in out if p]


def break_lines(text: str, width: float, measure: Callable[[str], float],
                inside_words: bool = False) -> list[str]:
    """``text`` in lines no wider than ``width`` as ``measure`` gives it, broken at spaces and
    after hyphens; a piece wider than the column is cut between characters when
    ``inside_words``, else left whole (and the caller tries a smaller size)."""
    lines: list[str] = []
    current = ""
    joiner = ""
    for piece, spaced in _pieces(text):
        if current and measure(current + joiner + piece) <= width:
            current += joiner + piece
        else:
            if current:
                lines.append(current)
            current = piece
            if inside_words:
                while measure(current) > width and len(current) > 1:
                    cut = len(current) - 1
                    while cut > 1 and measure(current[:cut]) > width:
                        cut -= 1
                    lines.append(current[:cut])
                    current = current[cut:]
        joiner = " " if spaced else ""
    if current:
        lines.append(current)
    return lines


def fit_lines(text: str, width: float, rule: NameRule,
              measure: Callable[[str, float], float]) -> tuple[float, list[str]]:
    """The size and the lines of ``text`` in a column ``width`` wide (``measure(text, size)``,
    in the column's unit): for each number of lines up to the rule's, the largest type in
    which the text fits on that many; of these, the fewest lines whose type is not much
    smaller than the largest (``FEWER_LINES``); where none fits, the smallest type broken
    wherever it must be. A long family name stays readable beside the passport and never
    crosses the badge's edge (tryout: « de Borbón-Dos Sicilias y Orleáns-Braganza… » ran over
    the crop mark, « Konstantinopoulou-… » printed at 5 pt)."""
    best: dict[int, tuple[float, list[str]]] = {}
    size = rule.largest
    while size >= rule.smallest and len(best) < rule.lines:
        lines = break_lines(text, width, partial(_at, measure, size))
        if all(measure(line, size) <= width for line in lines):
            for n in range(len(lines), rule.lines + 1):
                best.setdefault(n, (size, lines))
            if len(lines) == 1:
                break
        size -= rule.step
    if not best:
        return rule.smallest, break_lines(text, width, partial(_at, measure, rule.smallest),
                                          inside_words=True)
    largest = max(size for size, _ in best.values())
    return next(best[n] for n in sorted(best) if best[n][0] >= FEWER_LINES * largest)


def _at(measure: Callable[[str, float], float], size: float, text: str) -> float:
    return measure(text, size)


Placed = tuple[str, str, float, bool, float]
"""One line beside the photo: its part (given, family, affiliation, role), its text, its size,
bold or not, and its position down the badge (the PNG's top in px, the PDF's baseline in mm)."""

SHRINK = (1.0, 0.9, 0.8, 0.7, 0.6)
"""The factors the texts beside the photo are set again at, in turn, until they fit its height."""


def stack_names(
    blocks: list[tuple[str, str, NameRule]], width: float,
    measure: Callable[[bool], Callable[[str, float], float]],
    first: Callable[[Placed | None, str, float], float],
    line: Callable[[int, float, bool], float],
    fits: Callable[[Placed], bool],
) -> list[Placed]:
    """The texts beside the photo, stacked, for the PNG and the PDF alike (docs/credentials.md,
    "Names on the badge"): each part (the family name in bold) set by ``fit_lines`` in the
    column ``width`` wide; ``first(previous line, part, size)`` places a part's first line
    below the part before, ``line(i, size, bold)`` each next line below it; where the last
    line does not ``fit`` the photo's height, all are set again at the next factor of
    ``SHRINK``."""
    out: list[Placed] = []
    for factor in SHRINK:
        out = []
        for part, text, rule in blocks:
            bold = part == "family"
            size, lines = fit_lines(text, width, scaled(rule, factor), measure(bold))
            y = first(out[-1] if out else None, part, size)
            for i, text_line in enumerate(lines):
                out.append((part, text_line, size, bold, y + line(i, size, bold)))
        if not out or fits(out[-1]):
            break
    return out


def scaled(rule: NameRule, factor: float) -> NameRule:
    """The rule with its large sizes reduced (never below its smallest): where the texts
    beside the photo do not fit its height, they are set again smaller."""
    return NameRule(largest=max(rule.smallest, rule.largest * factor),
                    smallest=rule.smallest, lines=rule.lines, step=rule.step)


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


GIVEN_PX = NameRule(largest=84, smallest=44, lines=2, step=4)
FAMILY_PX = NameRule(largest=104, smallest=52, lines=3, step=4)
FUNCTION_PX = NameRule(largest=48, smallest=28, lines=3, step=4)
AFFILIATION_PX = NameRule(largest=56, smallest=36, lines=2, step=4)
ROLE_PX = NameRule(largest=44, smallest=32, lines=2, step=4)
NAME_TOP_PX, NAME_BOTTOM_PX = 330, 910
"""The photo's top, and the zones' and QR code's (px)."""
_NAME_INK = {"given": "#000000", "family": "#000000", "function": "#222222",
             "affiliation": "#222222", "role": "#444444"}


def name_column(draw: ImageDraw.ImageDraw, b: BadgeContent, width: int) -> list[Placed]:
    """The texts beside the photo of the PNG badge, as the PDF sets them (``sheet``): each
    line's part, text, size and top (px), on one line or two, set again smaller where they
    would run below the photo's height (``stack_names``)."""
    def measure(bold: bool) -> Callable[[str, float], float]:
        return lambda t, size: _width(draw, t, font(int(size), bold))

    def first(previous: Placed | None, part: str, size: float) -> float:
        if previous is None:
            return NAME_TOP_PX
        return previous[4] + 1.3 * previous[2] + (15 if previous[0] in ("family", "function")
                                                  else 0)

    return stack_names(
        [(part, text, rule) for part, text, rule in (
            ("given", b.given_name, GIVEN_PX), ("family", b.family_name, FAMILY_PX),
            ("function", b.function, FUNCTION_PX),
            ("affiliation", b.affiliation, AFFILIATION_PX), ("role", b.role, ROLE_PX))
         if text],
        width, measure, first, lambda i, size, bold: i * 1.15 * size,
        lambda last: last[4] + 1.2 * last[2] <= NAME_BOTTOM_PX)


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
    for part, text, points, bold, top in name_column(draw, b, WIDTH - MARGIN - left):
        draw.text((left, top), text, font=font(int(points), bold), fill=_NAME_INK[part])

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
