"""A print batch as one PDF (docs/credentials.md, "Badge production"), drawn with fpdf2: one
badge per A6 page (105 × 148 mm), or four per A4 sheet with crop marks.

On A4 the four badges are A6 scaled to 90 % (94.5 × 133.2 mm) so that the crop marks fit in
the margins and the gutters: a printer cannot print to the sheet's edge, and a badge cut along
its marks still slides into an A6 holder.

Each badge, top to bottom: a band in the category's colour with the conference and its dates;
the photo (30 × 40 mm; an empty frame labelled "Photo" when there is none) beside the name as
on the identity document, a delegation member's function, the delegation or outlet and the
press role; the zones the badge
opens (or "no zone granted") beside the signed QR code (its short reference printed underneath, for
manual entry; "v2" and above for a reissued badge); the category in large letters on a second
band of its colour.

Text is set in DejaVu Sans (embedded, subset) where Debian's fonts-dejavu-core is installed,
so names in any Latin, Greek or Cyrillic script print as written; elsewhere in Helvetica, where
a character outside Latin-1 prints as "?".
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import segno
from fpdf import FPDF
from PIL import Image

from conference.badges.domain import Layout
from conference.badges.render import (
    BadgeContent,
    NameRule,
    Placed,
    band_lines,
    stack_names,
)

A6 = (105.0, 148.0)
A4 = (210.0, 297.0)
SCALE_4UP = 0.9
GUTTER = 6.0
MARK = 2.0
"""Length of a crop mark (mm); it starts 1 mm off the badge's corner."""

_FONTS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))

PT = 25.4 / 72
"""A point, in mm."""
NAME_LEFT, NAME_COLUMN = 41.0, 57.0
"""Where the texts beside the photo start, and how wide they may run (mm, on A6)."""
NAME_TOP, NAME_BOTTOM = 33.0, 71.0
"""Between the photo's top and the zones and QR code below it (mm)."""
GIVEN = NameRule(largest=15, smallest=8, lines=2, step=0.5)
FAMILY = NameRule(largest=19, smallest=9, lines=3, step=0.5)
FUNCTION = NameRule(largest=9, smallest=6, lines=3, step=0.5)
AFFILIATION = NameRule(largest=10, smallest=6.5, lines=2, step=0.5)
ROLE = NameRule(largest=8, smallest=6, lines=2, step=0.5)
_NAME_INK = {"given": (0, 0, 0), "family": (0, 0, 0), "function": (34, 34, 34),
             "affiliation": (34, 34, 34), "role": (68, 68, 68)}


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


QR_MASK = 0
"""The QR codes' data mask, fixed: choosing the best of the eight (what segno does by default)
is three quarters of the time a badge takes to draw, and buys nothing for a badge reference,
whose bytes are an HMAC tag and look random (docs/credentials.md, "Badge production")."""


def _qr(reference: str) -> Image.Image:
    """The QR code with its quiet zone (4 modules), 4 pixels a module, as a greyscale image:
    each module stays a whole number of pixels, so it is crisp at any print size."""
    qr = segno.make(reference, error="m", micro=False, mask=QR_MASK)
    quiet = 4
    side = len(qr.matrix) + 2 * quiet
    pixels = bytearray(b"\xff" * side * side)
    for y, row in enumerate(qr.matrix):
        base = (y + quiet) * side + quiet
        for x, dark in enumerate(row):
            if dark:
                pixels[base + x] = 0
    small = Image.frombytes("L", (side, side), bytes(pixels))
    return small.resize((side * 4, side * 4), Image.Resampling.NEAREST)


class _Sheet:
    def __init__(self) -> None:
        pdf = FPDF(unit="mm", format=A6)
        pdf.set_auto_page_break(False)
        pdf.set_margin(0)
        pdf.set_creator("conference")
        self.family = "Helvetica"
        for directory in _FONTS:
            regular, bold = directory / "DejaVuSans.ttf", directory / "DejaVuSans-Bold.ttf"
            if regular.is_file() and bold.is_file():
                pdf.add_font("DejaVu", "", str(regular))
                pdf.add_font("DejaVu", "B", str(bold))
                self.family = "DejaVu"
                break
        self.pdf = pdf

    def _text(self, text: str) -> str:
        if self.family == "DejaVu":
            return text
        return text.encode("latin-1", "replace").decode("latin-1")

    def _fit(self, text: str, width: float, size: float, bold: bool = False,
             smallest: float = 5.0) -> float:
        """The largest size up to ``size`` (pt) in which ``text`` fits ``width`` (mm)."""
        style = "B" if bold else ""
        while size > smallest:
            self.pdf.set_font(self.family, style, size)
            if self.pdf.get_string_width(text) <= width:
                break
            size -= 0.5
        self.pdf.set_font(self.family, style, size)
        return size

    def _wrap(self, text: str, width: float) -> list[str]:
        lines: list[str] = []
        for word in text.split():
            if lines and self.pdf.get_string_width(f"{lines[-1]} {word}") <= width:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return lines

    def _measure(self, bold: bool) -> Callable[[str, float], float]:
        style = "B" if bold else ""

        def width(text: str, size: float) -> float:
            self.pdf.set_font(self.family, style, size)
            return float(self.pdf.get_string_width(text))

        return width

    def name_column(self, b: BadgeContent) -> list[Placed]:
        """The texts beside the photo as they print on an A6 badge (a scaled one is the same,
        scaled): each line's part, text, size (pt) and baseline (mm from the top). The given
        name, the family name in bold, a delegation member's function (up to three lines),
        the affiliation and the press role, each on one line or two (docs/credentials.md,
        "Names on the badge"); where they would run below the
        photo's height, all are set again smaller (``render.stack_names``)."""
        def first(previous: Placed | None, part: str, size: float) -> float:
            if previous is None:
                return NAME_TOP + 0.333 * size
            if part == "family":
                return previous[4] + 0.474 * size
            return previous[4] + 0.158 * previous[2] + 0.6 * size

        return stack_names(
            [(part, self._text(text), rule) for part, text, rule in (
                ("given", b.given_name, GIVEN), ("family", b.family_name, FAMILY),
                ("function", b.function, FUNCTION),
                ("affiliation", b.affiliation, AFFILIATION), ("role", b.role, ROLE))
             if text],
            NAME_COLUMN, self._measure, first,
            lambda i, size, bold: i * (1.15 if bold else 1.2) * size * PT,
            lambda last: last[4] + 0.24 * last[2] * PT <= NAME_BOTTOM)

    def badge(self, b: BadgeContent, x0: float, y0: float, s: float) -> None:
        """Draw one badge with its top-left corner at (x0, y0) mm, at scale ``s`` of A6."""
        pdf = self.pdf

        def X(v: float) -> float:  # noqa: N802 - a coordinate, read like one
            return x0 + v * s

        def Y(v: float) -> float:  # noqa: N802
            return y0 + v * s

        colour, ink = _rgb(b.colour), _rgb(b.text_colour)
        inner = 93.0 * s

        # The conference band.
        pdf.set_fill_color(*colour)
        pdf.rect(X(0), Y(0), A6[0] * s, 24 * s, style="F")
        pdf.set_text_color(*ink)

        def wrap(text: str, small: bool) -> list[str]:
            pdf.set_font(self.family, "B", (8.5 if small else 11) * s)
            return self._wrap(self._text(text), inner)

        small, lines = band_lines(b, wrap)
        pdf.set_font(self.family, "B", (8.5 if small else 11) * s)
        for i, line in enumerate(lines):
            pdf.text(X(6), Y((6.5 + i * 4) if small else (8 + i * 5)), line)
        pdf.set_font(self.family, "", 8 * s)
        pdf.text(X(6), Y(20.5), self._text(b.dates))

        # The photo beside the name.
        if b.photo is not None:
            pdf.image(io.BytesIO(b.photo), x=X(6), y=Y(29), w=30 * s, h=40 * s)
        else:
            pdf.set_draw_color(170, 170, 170)
            pdf.set_line_width(0.3 * s)
            pdf.rect(X(6), Y(29), 30 * s, 40 * s)
            pdf.set_text_color(136, 136, 136)
            pdf.set_font(self.family, "", 8 * s)
            label = self._text(b.photo_label)
            pdf.text(X(21) - pdf.get_string_width(label) / 2, Y(50), label)
        for part, text, size, bold, baseline in self.name_column(b):
            pdf.set_text_color(*_NAME_INK[part])
            pdf.set_font(self.family, "B" if bold else "", size * s)
            pdf.text(X(NAME_LEFT), Y(baseline), text)

        # Zones beside the QR code.
        qr_side = 42.0
        pdf.image(_qr(b.reference), x=X(A6[0] - 4 - qr_side), y=Y(73), w=qr_side * s,
                  h=qr_side * s)
        # the short reference, for door staff to type (docs/credentials.md, "Short reference")
        shown = b.short_reference or b.reference
        reference = shown if b.version == 1 else f"{shown} · v{b.version}"
        if b.short_reference:
            pdf.set_text_color(0, 0, 0)
            self._fit(reference, (qr_side - 2) * s, 13 * s, bold=True, smallest=8 * s)
            baseline = 120.5
        else:
            pdf.set_text_color(85, 85, 85)
            self._fit(reference, (qr_side - 2) * s, 4.5 * s, smallest=2.5 * s)
            baseline = 117
        width = pdf.get_string_width(reference)
        pdf.text(X(A6[0] - 4 - qr_side / 2) - width / 2, Y(baseline), reference)
        pdf.set_text_color(68, 68, 68)
        pdf.set_font(self.family, "B", 8 * s)
        pdf.text(X(6), Y(78), self._text(b.zones_heading))
        size = 8.5 if len(b.zones) <= 8 else 6.5
        step = size * 0.45
        y = 84.0
        pdf.set_text_color(0, 0, 0)
        if not b.zones:
            pdf.set_font(self.family, "", size * s)
            pdf.text(X(6), Y(y), self._text(b.no_zones))
        for zone in b.zones:
            pdf.set_font(self.family, "", size * s)
            pdf.set_fill_color(*colour)
            pdf.rect(X(6), Y(y - 2.2), 2.2 * s, 2.2 * s, style="F")
            for line in self._wrap(self._text(zone), 48 * s):
                if y > 118:
                    break
                pdf.text(X(10), Y(y), line)
                y += step
            y += 1
            if y > 118:
                break

        # The category band.
        pdf.set_fill_color(*colour)
        pdf.rect(X(0), Y(124), A6[0] * s, 24 * s, style="F")
        pdf.set_text_color(*ink)
        label = self._text(b.category_label)
        self._fit(label, inner, 28 * s, bold=True)
        width = pdf.get_string_width(label)
        pdf.text(X(A6[0] / 2) - width / 2, Y(140), label)

    def crop_marks(self, x: float, y: float, w: float, h: float) -> None:
        """Marks off each corner of the badge at (x, y), w × h mm, along its edges."""
        pdf = self.pdf
        pdf.set_draw_color(0, 0, 0)
        pdf.set_line_width(0.15)
        for cx, dx in ((x, -1), (x + w, 1)):
            for cy, dy in ((y, -1), (y + h, 1)):
                pdf.line(cx + dx, cy, cx + dx * (1 + MARK), cy)
                pdf.line(cx, cy + dy, cx, cy + dy * (1 + MARK))


def _four_up_origins() -> list[tuple[float, float]]:
    w, h = A6[0] * SCALE_4UP, A6[1] * SCALE_4UP
    left = (A4[0] - 2 * w - GUTTER) / 2
    top = (A4[1] - 2 * h - GUTTER) / 2
    return [(left + col * (w + GUTTER), top + row * (h + GUTTER))
            for row in (0, 1) for col in (0, 1)]


def _groups(items: Sequence[BadgeContent], n: int) -> Iterable[Sequence[BadgeContent]]:
    for start in range(0, len(items), n):
        yield items[start:start + n]


def render_pdf(badges: Sequence[BadgeContent], layout: Layout) -> bytes:
    """The batch, in the order given."""
    sheet = _Sheet()
    pdf = sheet.pdf
    if layout is Layout.a6:
        for b in badges:
            pdf.add_page(format=A6)
            sheet.badge(b, 0, 0, 1.0)
    else:
        w, h = A6[0] * SCALE_4UP, A6[1] * SCALE_4UP
        for group in _groups(badges, 4):
            pdf.add_page(format=A4)
            for b, (x, y) in zip(group, _four_up_origins(), strict=False):
                sheet.badge(b, x, y, SCALE_4UP)
                sheet.crop_marks(x, y, w, h)
    return bytes(pdf.output())
