"""The security service's results file as it comes back (docs/credentials.md, "Vetting"): read
by the header's names, extra columns ignored, commas or semicolons, a byte-order mark skipped;
each wrong cell named by its line and column."""

from __future__ import annotations

from uuid import UUID

from conference.credentials.domain import VettingResult, read_vetting_results

A = UUID("0b6f1c2e-8d7a-4a55-9a57-2b1f3f0f8c11")
B = UUID("6e1d0f0a-2c3b-4f5e-8a9b-7c6d5e4f3a21")


def test_the_downloaded_file_with_its_extra_columns_and_a_bom_is_read_by_name() -> None:
    text = ("\ufeffaccreditation_id;family_name;status;reason;date_of_birth\r\n"
            f"{A};Peeters;refused;Listed;1980-01-01\r\n"
            "\r\n"
            f"{B};\"Lefèvre; Ana\";cleared;;\r\n")
    assert read_vetting_results(text) == ([VettingResult(2, A, "refused", "Listed"),
                                           VettingResult(4, B, "cleared", None)], [])


def test_a_comma_file_without_a_reason_column_still_clears() -> None:
    assert read_vetting_results(f"status,accreditation_id\n cleared ,{A}\n") == (
        [VettingResult(2, A, "cleared", None)], [])


def test_each_wrong_cell_is_named_by_line_and_column() -> None:
    results, errors = read_vetting_results(
        f"accreditation_id,status,reason\n{A},refused,\nnot-an-id,cleared,\n{A},maybe,\n")
    assert [(e["line"], e["column"], e["type"]) for e in errors] == [
        (2, "reason", "missing"), (3, "accreditation_id", "uuid"), (4, "status", "enum"),
        (4, "accreditation_id", "duplicate")]
    assert errors[0]["field"] == "line 2.reason"  # the API's field, as before
    assert len(results) == 2


def test_a_file_without_the_columns_says_which_are_missing() -> None:
    assert [(e["line"], e["column"], e["type"]) for e in read_vetting_results(
        "id;statut\n1;ok\n")[1]] == [(1, "accreditation_id", "header"), (1, "status", "header")]


def test_the_status_may_be_written_in_the_page_s_words_in_french_or_english() -> None:
    """A French officer typed « Habilité » where the file wants ``cleared``; the line was
    refused. The words the security page shows, in French or English, in any case, with or
    without accents, are read as their codes; anything else is still refused."""
    C = UUID("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
    D = UUID("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")
    text = ("accreditation_id;status;reason\n"
            f"{A};Habilitée;\n"
            f"{B};REFUSÉ;Inscrit\n"
            f"{C};Informations complémentaires demandées;Passeport illisible\n"
            f"{D};more information asked;Passport unreadable\n")
    results, errors = read_vetting_results(text)
    assert errors == []
    assert [(r.accreditation_id, r.status) for r in results] == [
        (A, "cleared"), (B, "refused"), (C, "more_information"), (D, "more_information")]
    _, errors = read_vetting_results(f"accreditation_id,status\n{A},peut-être\n")
    assert [(e["line"], e["column"]) for e in errors] == [(2, "status")]
