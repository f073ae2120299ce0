"""Every label the member form shows (rank, category, salutation, language), in French and in
English, is read back by the import as the value it names (docs/lifecycle.md, "Import")."""

from __future__ import annotations

from conference.accreditation.domain import Category
from conference.lifecycle.domain import map_headers, read_row, unknown_columns
from conference.protocol.ranks import Rank
from conference.workspaces.i18n import WTranslator

IMPORTED = (Category.minister, Category.official, Category.expert, Category.staff)


def _row(**cells: str) -> dict[str, str]:
    return {"email": "a@example.org", "given_name": "Anne", "family_name": "Peeters",
            "category": "official", "rank": "official", "function": "Attachée", **cells}


def test_the_forms_labels_are_read_back_in_both_languages() -> None:
    for language in ("fr", "en"):
        t = WTranslator(language)
        for rank in Rank:
            for written in (t(f"rank_{rank.value}"), t(f"rank_{rank.value}").upper()):
                read = read_row(2, _row(rank=written), "fr")
                assert read.member is not None, (written, read.errors)
                assert read.member.rank is rank
        for category in IMPORTED:
            read = read_row(2, _row(category=t(f"category_{category.value}")), "fr")
            assert read.member is not None and read.member.category is category, read.errors
        for gender in ("female", "male"):
            read = read_row(2, _row(salutation=t(f"gender_{gender}")), "fr")
            assert read.member is not None and read.member.gender == gender, read.errors
        for code in ("fr", "en"):
            read = read_row(2, _row(language=t(f"lang_{code}")), "en" if code == "fr" else "fr")
            assert read.member is not None and read.member.language == code, read.errors


def test_a_row_names_all_its_mistakes_at_once() -> None:
    """A label that cannot be read no longer hides an e-mail that is not one on the same row:
    the check names both, so that the file is mended in one go (found trying the product)."""
    read = read_row(2, _row(language="klingon", email="not an address"), "fr")
    assert read.member is None
    assert sorted(e.field for e in read.errors) == ["email", "language"]
    read = read_row(3, _row(category="astronaut", family_name="x" * 300), "fr")
    assert sorted(e.field for e in read.errors) == ["category", "family_name"]
    # what could not be read is not reported twice, nor replaced by a stand-in's complaint
    read = read_row(4, _row(email="", rank="admiral"), "fr")
    assert sorted(e.field for e in read.errors) == ["email", "rank"]
    read = read_row(5, _row(), "fr")
    assert read.member is not None and read.errors == []


def test_the_function_s_header_is_read_as_its_label_reads_now_and_as_it_read_before() -> None:
    """The member form's function label lost its brackets (« Fonction, intitulé officiel »: its
    « (facultatif) » made two in a row); a spreadsheet headed with either spelling, in either
    language, still has its function read."""
    headers = ["Email", "Given name", "Family name", "Category"]
    for function in (WTranslator("fr")("f_function"), WTranslator("en")("f_function"),
                     "Fonction (intitulé officiel)", "Function (official title)",
                     "fonction, intitule officiel"):
        assert map_headers([*headers, function])[4] == "function", function
        assert unknown_columns([*headers, function]) == [], function
