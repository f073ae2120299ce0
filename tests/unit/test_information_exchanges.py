"""The office's requests for more information paired with the applicant's answers in words,
and how many answers a request takes (docs/workspaces.md, "The applicant's answer in
words")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from conference.accreditation.domain import (
    ANSWERS_PER_REQUEST,
    Answer,
    Exchange,
    answers_left,
    check_answers_left,
    information_exchanges,
)
from conference.errors import AnswersExhausted

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Line:
    at: datetime
    action: str
    reason: str | None = None
    actor: str = "applicant:1"


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_each_answer_goes_with_the_request_before_it() -> None:
    history = [
        Line(at(0), "submit"),
        Line(at(1), "information_given", "before any request: no exchange of its own"),
        Line(at(2), "information_requested", "Your press card?"),
        Line(at(3), "information_given", "Follows on Monday."),
        Line(at(4), "amend", "given_name"),
        Line(at(5), "information_given", None),  # erased
        Line(at(6), "information_requested", "And the editor's letter?"),
    ]
    assert information_exchanges(history) == [
        Exchange(at(2), "Your press card?", (Answer(at(3), "Follows on Monday."),
                                             Answer(at(5), None))),
        Exchange(at(6), "And the editor's letter?", ()),
    ]


def test_nothing_asked_means_no_exchange_and_no_answer_left() -> None:
    assert information_exchanges([Line(at(0), "submit")]) == []
    assert answers_left([]) == 0
    check_answers_left([])  # nothing to refuse: the use-case says nothing was asked


def test_a_request_takes_a_bounded_number_of_answers() -> None:
    def asked(answers: int) -> list[Exchange]:
        return [Exchange(at(0), "?", tuple(Answer(at(n + 1), "a") for n in range(answers)))]

    assert answers_left(asked(0)) == ANSWERS_PER_REQUEST
    assert answers_left(asked(ANSWERS_PER_REQUEST - 1)) == 1
    check_answers_left(asked(ANSWERS_PER_REQUEST - 1))
    with pytest.raises(AnswersExhausted):
        check_answers_left(asked(ANSWERS_PER_REQUEST))
    # a new request takes its own
    again = [*asked(ANSWERS_PER_REQUEST), Exchange(at(10), "?", ())]
    assert answers_left(again) == ANSWERS_PER_REQUEST


def test_an_answer_by_the_delegation_s_focal_point_says_so() -> None:
    """A delegation member's focal point answers on their behalf (docs/workspaces.md, "Asking
    for more information"): the exchange says which answer is theirs."""
    history = [
        Line(at(0), "information_requested", "The note verbale?"),
        Line(at(1), "information_given", "It follows on Monday.", "person:7b0c"),
        Line(at(2), "information_given", "Sent.", "applicant:12"),
        Line(at(3), "information_given", "Through the API.", "focal_point:3"),
    ]
    [exchange] = information_exchanges(history)
    assert [a.by_focal_point for a in exchange.answers] == [True, False, True]
