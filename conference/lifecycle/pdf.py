"""The list of participants as a PDF, written by fpdf2 (DejaVu Sans where Debian's
fonts-dejavu-core is installed, so that every name prints; else the core Helvetica)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from conference.lifecycle.models import ParticipantsList

_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
_HEADINGS = {"en": ("List of participants", "Head of delegation"),
             "fr": ("Liste des participants", "Chef de délégation")}


def _font(pdf: FPDF) -> str:
    for directory in _FONT_DIRS:
        regular, bold = directory / "DejaVuSans.ttf", directory / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdf.add_font("DejaVu", "", str(regular))
            pdf.add_font("DejaVu", "B", str(bold))
            return "DejaVu"
    return "Helvetica"


def participants_pdf(listing: ParticipantsList, title: str) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title(title)
    family = _font(pdf)
    unicode_ok = family != "Helvetica"

    def text(value: str) -> str:
        return value if unicode_ok else value.encode("latin-1", "replace").decode("latin-1")

    heading, head_label = _HEADINGS.get(listing.language, _HEADINGS["en"])
    pdf.add_page()
    pdf.set_font(family, "B", 15)
    pdf.multi_cell(0, 8, text(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 11)
    pdf.multi_cell(0, 6, text(heading), new_x="LMARGIN", new_y="NEXT")
    for d in listing.delegations:
        pdf.ln(3)
        pdf.set_font(family, "B", 12)
        pdf.multi_cell(0, 7, text(d.delegation), new_x="LMARGIN", new_y="NEXT")
        for m in d.members:
            pdf.set_font(family, "B" if m.head else "", 10)
            line = m.styled_name + (f", {m.function}" if m.function else "")
            if m.head:
                line += f" ({head_label})"
            pdf.multi_cell(0, 5, text(line), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
