"""The list of participants as a PDF, written by fpdf2 (DejaVu Sans where Debian's
fonts-dejavu-core is installed, so that every name prints; else the core Helvetica).

The first page gives the conference's title, its dates in words and its place; the list opens
with the patron and the hosts, then the delegations; every page ends with "page N of M"
("page N sur M") (docs/lifecycle.md, "List of participants")."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from conference.conferences.models import Conference
from conference.lifecycle.models import ParticipantsList
from conference.lifecycle.render import words
from conference.mail import formatting

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


def _font(pdf: FPDF) -> str:
    for directory in _FONT_DIRS:
        regular, bold = directory / "DejaVuSans.ttf", directory / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdf.add_font("DejaVu", "", str(regular))
            pdf.add_font("DejaVu", "B", str(bold))
            return "DejaVu"
    return "Helvetica"


class _Pdf(FPDF):
    """A4 pages, each with its number and the number of pages at its foot."""

    def __init__(self, page_words: str) -> None:
        super().__init__(format="A4")
        self.page_words = page_words
        self.family = _font(self)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        # {nb}: fpdf2 writes the number of pages there once the document is complete
        self.cell(0, 5, self.page_words.format(n=self.page_no(), nb="{nb}"), align="C")


def participants_pdf(listing: ParticipantsList, conference: Conference) -> bytes:
    w = words(listing.language)
    title = conference.title.get(listing.language) or conference.slug
    pdf = _Pdf(w["page"])
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_title(title)
    family = pdf.family
    unicode_ok = family != "Helvetica"

    def text(value: str) -> str:
        return value if unicode_ok else value.encode("latin-1", "replace").decode("latin-1")

    def line(height: float, value: str) -> None:
        pdf.multi_cell(0, height, text(value), new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    pdf.set_font(family, "B", 15)
    line(8, title)
    pdf.set_font(family, "", 11)
    line(6, formatting.day_range(conference.starts_on, conference.ends_on, listing.language))
    line(6, f"{conference.venue.name_in(listing.language)}, {conference.venue.address}")
    pdf.ln(3)
    pdf.set_font(family, "B", 13)
    line(7, w["heading"])
    if listing.patron:
        pdf.ln(3)
        pdf.set_font(family, "", 11)
        line(6, w["patron"].format(patron=listing.patron))
    if listing.hosts:
        pdf.ln(3)
        pdf.set_font(family, "B", 12)
        line(7, w["hosts" if len(listing.hosts) > 1 else "host"])
        pdf.set_font(family, "", 10)
        for h in listing.hosts:
            line(5, (h.styled_name or h.name) + (f", {h.function}" if h.function else ""))
    for d in listing.delegations:
        pdf.ln(3)
        pdf.set_font(family, "B", 12)
        line(7, d.delegation)
        for m in d.members:
            pdf.set_font(family, "B" if m.head else "", 10)
            entry = m.styled_name + (f", {m.function}" if m.function else "")
            if m.head:
                entry += f" ({m.head_title or w['head']})"
            line(5, entry)
    return bytes(pdf.output())
