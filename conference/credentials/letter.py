"""The visa invitation letter as a PDF (fpdf2), pure: one A4 page on the conference's letterhead
with the number, the date, the addressee (the consulate), the salutation and the text, the
signatory and their function, and the address where the number can be verified (printed and
as a QR code).

Fonts: DejaVu Sans where installed (every script the names may use), else the PDF core font
with what Latin-1 cannot hold replaced."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import segno
from fpdf import FPDF

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


@dataclass(frozen=True)
class LetterContent:
    letterhead: str
    conference: str
    venue: str
    organiser_email: str
    number: str
    place_and_date: str
    consulate: str
    subject: str
    text: str
    signatory_name: str
    signatory_title: str
    verify_url: str
    verify_label: str
    salutation: str = ""
    """"Madame, Monsieur," / "Madam, Sir,", opening the text; a letter approved before it was
    printed has none, and its PDF stays as it was."""
    number_label: str = "N° "
    """What precedes the number: "No. " in English, « N° » (a no-break space after it) in
    French; a letter approved before it was stored has the old « N° », its PDF unchanged."""


@cache
def _font_files() -> tuple[str, str] | None:
    for directory in _FONT_DIRS:
        regular, bold = directory / "DejaVuSans.ttf", directory / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return str(regular), str(bold)
    return None


class _Pdf(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.set_auto_page_break(auto=True, margin=20)
        self.set_creator("conference")
        fonts = _font_files()
        if fonts is not None:
            self.add_font("body", "", fonts[0])
            self.add_font("body", "B", fonts[1])
            self.family, self.unicode = "body", True
        else:
            self.family, self.unicode = "helvetica", False

    def text_of(self, value: str) -> str:
        if self.unicode:
            return value
        return value.encode("latin-1", "replace").decode("latin-1")


def render_letter(c: LetterContent) -> bytes:
    """The letter, every block starting at the left margin under the one before (fpdf2 leaves
    the cursor at the right of a multi-line cell by default: the next block would start at the
    right margin and run off the sheet)."""
    pdf = _Pdf()
    pdf.set_title(f"{c.subject} {c.number}")
    pdf.add_page()
    t = pdf.text_of
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def block(height: float, text: str, align: str = "L", w: float = width) -> None:
        pdf.multi_cell(w, height, t(text), align=align, new_x="LMARGIN", new_y="NEXT")

    # letterhead
    pdf.set_fill_color(20, 50, 110)
    pdf.rect(0, 0, pdf.w, 8, style="F")
    pdf.set_y(14)
    pdf.set_font(pdf.family, "B", 15)
    block(7, c.letterhead)
    pdf.set_font(pdf.family, "", 10)
    # the conference under the letterhead, unless the letterhead is its title already (a
    # conference with no controller named: the default letterhead is then the title)
    under = [c.venue, c.organiser_email]
    if " ".join(c.conference.split()) != " ".join(c.letterhead.split()):
        under.insert(0, c.conference)
    block(5, "\n".join(under))
    pdf.ln(4)
    pdf.set_draw_color(20, 50, 110)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(6)
    pdf.set_font(pdf.family, "B", 11)
    pdf.cell(width / 2, 6, t(f"{c.number_label}{c.number}"))
    pdf.set_font(pdf.family, "", 11)
    pdf.cell(width / 2, 6, t(c.place_and_date), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    block(6, c.consulate)
    pdf.ln(4)
    pdf.set_font(pdf.family, "B", 12)
    block(7, c.subject)
    pdf.ln(3)
    pdf.set_font(pdf.family, "", 11)
    if c.salutation:
        block(6, c.salutation)
        pdf.ln(2)
    for paragraph in c.text.split("\n"):
        block(6, paragraph, "J")
        pdf.ln(2)
    pdf.ln(10)
    pdf.set_font(pdf.family, "B", 11)
    block(6, c.signatory_name, "R")
    pdf.set_font(pdf.family, "", 11)
    block(6, c.signatory_title, "R")
    # verification: the QR code and the address, at the foot of the page
    qr = segno.make(c.verify_url, error="m", micro=False)
    png = io.BytesIO()
    qr.save(png, kind="png", scale=4, border=2)
    png.seek(0)
    top = pdf.h - 50
    pdf.image(png, x=pdf.l_margin, y=top, w=30, h=30)
    pdf.set_xy(pdf.l_margin + 34, top + 8)
    pdf.set_font(pdf.family, "", 9)
    block(5, f"{c.verify_label}\n{c.verify_url}", w=width - 34)
    return bytes(pdf.output())
