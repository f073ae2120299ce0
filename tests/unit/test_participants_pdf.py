"""The list of participants' PDF over several pages: each page says which it is, "page N of M"
("page N sur M"), and only the first carries the conference's title, dates and place
(docs/lifecycle.md, "List of participants")."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from conference.accreditation.models import Category
from conference.conferences.models import Conference
from conference.lifecycle.models import ParticipantDelegation, ParticipantEntry, ParticipantsList
from conference.lifecycle.pdf import participants_pdf
from tests.conftest import conference_body


def _listing(language: str) -> ParticipantsList:
    members = [ParticipantEntry(accreditation_id=uuid.uuid4(), given_name="Anna",
                                family_name=f"Member {n}", styled_name=f"Anna Member {n}",
                                category=Category.official, rank=None, function="Adviser",
                                head=n == 0) for n in range(150)]
    return ParticipantsList(
        conference="alliance", language=language, version=None, released_at=None,
        patron="H.M. Queen Paola of Belgium", hosts=[], delegations=[ParticipantDelegation(
            position=1, delegation_id=uuid.uuid4(), delegation="Belgium", kind="country",
            country="BE", members=members)])


@pytest.mark.parametrize(("language", "words", "dates"), [
    ("en", "page {n} of {nb}", "13 January 2027"),
    ("fr", "page {n} sur {nb}", "13 janvier 2027"),
])
def test_every_page_says_which_it_is_of_how_many(language: str, words: str, dates: str) -> None:
    conference = Conference.model_validate({
        **conference_body(starts_on="2027-01-13", ends_on="2027-01-13"),
        "id": uuid.uuid4(), "created_at": datetime(2026, 12, 1, tzinfo=UTC)})
    assert conference.starts_on == date(2027, 1, 13)
    pages = [" ".join(p.extract_text().split())
             for p in PdfReader(io.BytesIO(participants_pdf(_listing(language),
                                                            conference))).pages]
    assert len(pages) >= 3
    for n, page in enumerate(pages, start=1):
        assert page.endswith(words.format(n=n, nb=len(pages))), page
    assert dates in pages[0] and "1040 Bruxelles" in pages[0]
    assert all(dates not in page for page in pages[1:])
