"""A range of days names each part once (docs/calendar.md, "Dates and times"): the month and
the year are not written twice, and the dash is the en dash, as babel's interval formats do
but with the month in full."""

from __future__ import annotations

from datetime import date

import pytest

from conference.mail.formatting import day_range, day_range_words


@pytest.mark.parametrize(("start", "end", "en", "fr"), [
    (date(2027, 1, 13), date(2027, 1, 13), "13 January 2027", "13 janvier 2027"),
    (date(2027, 1, 13), date(2027, 1, 14), "13\u201314 January 2027", "13\u201314 janvier 2027"),
    (date(2027, 12, 1), date(2027, 12, 3), "1\u20133 December 2027", "1er\u20133 décembre 2027"),
    (date(2027, 1, 30), date(2027, 2, 2), "30 January \u2013 2 February 2027",
     "30 janvier \u2013 2 février 2027"),
    (date(2027, 11, 30), date(2027, 12, 1), "30 November \u2013 1 December 2027",
     "30 novembre \u2013 1er décembre 2027"),
    (date(2027, 12, 30), date(2028, 1, 2), "30 December 2027 \u2013 2 January 2028",
     "30 décembre 2027 \u2013 2 janvier 2028"),
])
def test_a_range_of_days_names_each_part_once(start: date, end: date, en: str, fr: str) -> None:
    assert day_range(start, end, "en") == en
    assert day_range(start, end, "fr") == fr


@pytest.mark.parametrize(("start", "end", "en", "fr"), [
    (date(2027, 1, 13), date(2027, 1, 13), "on 13 January 2027", "le 13 janvier 2027"),
    # two days are named, not spanned ("du 13 au 14" read as a translation)
    (date(2027, 1, 13), date(2027, 1, 14), "on 13 and 14 January 2027",
     "les 13 et 14 janvier 2027"),
    (date(2027, 11, 30), date(2027, 12, 1), "on 30 November and 1 December 2027",
     "les 30 novembre et 1er décembre 2027"),
    (date(2027, 12, 31), date(2028, 1, 1), "on 31 December 2027 and 1 January 2028",
     "les 31 décembre 2027 et 1er janvier 2028"),
    (date(2027, 12, 1), date(2027, 12, 3), "from 1 to 3 December 2027",
     "du 1er au 3 décembre 2027"),
    (date(2027, 1, 30), date(2027, 2, 2), "from 30 January to 2 February 2027",
     "du 30 janvier au 2 février 2027"),
    (date(2027, 12, 30), date(2028, 1, 2), "from 30 December 2027 to 2 January 2028",
     "du 30 décembre 2027 au 2 janvier 2028"),
])
def test_a_range_of_days_inside_a_sentence_names_each_part_once(
    start: date, end: date, en: str, fr: str
) -> None:
    assert day_range_words(start, end, "en") == en
    assert day_range_words(start, end, "fr") == fr
