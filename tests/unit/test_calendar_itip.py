"""iTIP invitations, cancellations and feeds, read back by two independent parsers.

Every ICS produced here is parsed by ``icalendar`` and by ``vobject``; both must agree with each
other and with what was put in (UID, SEQUENCE, instants, METHOD, attendees, texts).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conference.calendar.itip import (
    Attendee,
    InvitationTemplate,
    Method,
    Organizer,
    SessionVersion,
    build_feed,
    invitation_calendar,
    serialise,
)
from conference.calendar.rfc5546 import assert_rfc5546

BRUSSELS = ZoneInfo("Europe/Brussels")
PRODID = "-//Global Alliance//Conference logistics 1.0//EN"
STAMP = datetime(2012, 12, 1, 9, 0, tzinfo=UTC)
ORGANIZER = Organizer("protocol@alliance.example.eu", "Protocol Office, European Commission")
CECILIA = Attendee("cecilia.malmstrom@ec.example.eu", "Cecilia Malmström", "CHAIR")
QUEEN = Attendee("household@monarchie.example.be", "Sa Majesté la Reine", "REQ-PARTICIPANT")


def plenary(**changes: Any) -> SessionVersion:
    session = SessionVersion(
        uid="session-3f1c9a52-6a0e-4c43-8a5e-0f6f3b0b8d11@alliance.example.eu",
        sequence=0,
        summary="Séance plénière d'ouverture",
        starts_at=datetime(2012, 12, 5, 9, 30, tzinfo=BRUSSELS),
        ends_at=datetime(2012, 12, 5, 11, 0, tzinfo=BRUSSELS),
        location="Charlemagne, salle Alcide de Gasperi, rue de la Loi 170, 1040 Bruxelles",
        description=(
            "En présence de Sa Majesté la Reine.\n"
            "Merci d'être assis avant 9 h 15 ; l'accès ferme à 9 h 15."
        ),
    )
    return replace(session, **changes)


def invite(
    session: SessionVersion | None = None,
    attendee: Attendee = CECILIA,
    method: Method = "REQUEST",
    alarm: int | None = 15,
    dtstamp: datetime = STAMP,
) -> bytes:
    template = InvitationTemplate.build(
        session or plenary(),
        ORGANIZER,
        method,
        alarm_minutes=alarm,
        prodid=PRODID,
    )
    return template.render(attendee, dtstamp)


# --- reading back ------------------------------------------------------------------------------


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _address(value: str) -> str:
    assert value.lower().startswith("mailto:")
    return value[len("mailto:") :]


def read_icalendar(ics: bytes) -> dict[str, Any]:
    cal = icalendar.Calendar.from_ical(ics)
    events = []
    for ev in cal.walk("VEVENT"):
        events.append(
            {
                "uid": str(ev["UID"]),
                "sequence": int(ev["SEQUENCE"]),
                "dtstamp": ev.decoded("DTSTAMP").astimezone(UTC),
                "start": ev.decoded("DTSTART").astimezone(UTC),
                "end": ev.decoded("DTEND").astimezone(UTC),
                "status": str(ev["STATUS"]),
                "summary": str(ev["SUMMARY"]),
                "location": str(ev["LOCATION"]) if "LOCATION" in ev else None,
                "description": str(ev["DESCRIPTION"]) if "DESCRIPTION" in ev else None,
                "organizer": (
                    (_address(str(ev["ORGANIZER"])), ev["ORGANIZER"].params.get("CN"))
                    if "ORGANIZER" in ev
                    else None
                ),
                "attendees": [
                    (
                        _address(str(a)),
                        a.params.get("CN"),
                        a.params.get("ROLE"),
                        a.params.get("PARTSTAT"),
                        a.params.get("RSVP"),
                    )
                    for a in _list(ev.get("ATTENDEE"))
                ],
                "alarms": [
                    (str(al["ACTION"]), al.decoded("TRIGGER"), str(al["DESCRIPTION"]))
                    for al in ev.walk("VALARM")
                ],
            }
        )
    return {
        "method": str(cal["METHOD"]),
        "prodid": str(cal["PRODID"]),
        "version": str(cal["VERSION"]),
        "events": events,
    }


def _param(line: Any, name: str) -> str | None:
    values = line.params.get(name)
    return values[0] if values else None


def read_vobject(ics: bytes) -> dict[str, Any]:
    cal = vobject.readOne(ics.decode("utf-8"))
    events = []
    for ev in cal.vevent_list if hasattr(cal, "vevent") else []:
        contents = ev.contents
        events.append(
            {
                "uid": ev.uid.value,
                "sequence": int(ev.sequence.value),
                "dtstamp": ev.dtstamp.value.astimezone(UTC),
                "start": ev.dtstart.value.astimezone(UTC),
                "end": ev.dtend.value.astimezone(UTC),
                "status": ev.status.value,
                "summary": ev.summary.value,
                "location": ev.location.value if "location" in contents else None,
                "description": ev.description.value if "description" in contents else None,
                "organizer": (
                    (_address(ev.organizer.value), _param(ev.organizer, "CN"))
                    if "organizer" in contents
                    else None
                ),
                "attendees": [
                    (
                        _address(a.value),
                        _param(a, "CN"),
                        _param(a, "ROLE"),
                        _param(a, "PARTSTAT"),
                        _param(a, "RSVP"),
                    )
                    for a in contents.get("attendee", [])
                ],
                "alarms": [
                    (al.action.value, al.trigger.value, al.description.value)
                    for al in ev.contents.get("valarm", [])
                ],
            }
        )
    return {
        "method": cal.method.value,
        "prodid": cal.prodid.value,
        "version": cal.version.value,
        "events": events,
    }


def read_both(ics: bytes) -> dict[str, Any]:
    """What both parsers read; fails if they disagree."""
    by_icalendar, by_vobject = read_icalendar(ics), read_vobject(ics)
    assert by_icalendar == by_vobject
    return by_icalendar


def unfolded_lines(ics: bytes) -> list[str]:
    return ics.decode("utf-8").replace("\r\n ", "").split("\r\n")


# --- REQUEST -----------------------------------------------------------------------------------


def test_request_is_exactly_the_expected_object() -> None:
    session = plenary(
        summary="Opening plenary",
        location="Charlemagne, Brussels",
        description="Please be seated by 09:15.",
        sequence=2,
        url="https://alliance.example.eu/programme/opening",
    )
    ics = invite(session, Attendee("jane.doe@example.org", "Jane Doe"), alarm=15)
    assert ics == (
        b"BEGIN:VCALENDAR\r\n"
        b"PRODID:-//Global Alliance//Conference logistics 1.0//EN\r\n"
        b"VERSION:2.0\r\n"
        b"METHOD:REQUEST\r\n"
        b"BEGIN:VEVENT\r\n"
        b"UID:session-3f1c9a52-6a0e-4c43-8a5e-0f6f3b0b8d11@alliance.example.eu\r\n"
        b"DTSTAMP:20121201T090000Z\r\n"
        b"DTSTART:20121205T083000Z\r\n"
        b"DTEND:20121205T100000Z\r\n"
        b"SEQUENCE:2\r\n"
        b"STATUS:CONFIRMED\r\n"
        b"SUMMARY:Opening plenary\r\n"
        b"LOCATION:Charlemagne\\, Brussels\r\n"
        b"DESCRIPTION:Please be seated by 09:15.\r\n"
        b"URL:https://alliance.example.eu/programme/opening\r\n"
        b'ORGANIZER;CN="Protocol Office, European Commission":mailto:protocol@allian\r\n'
        b" ce.example.eu\r\n"
        b'ATTENDEE;CN="Jane Doe";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRU\r\n'
        b" E:mailto:jane.doe@example.org\r\n"
        b"BEGIN:VALARM\r\n"
        b"ACTION:DISPLAY\r\n"
        b"TRIGGER:-PT15M\r\n"
        b"DESCRIPTION:Opening plenary\r\n"
        b"END:VALARM\r\n"
        b"END:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    assert_rfc5546(ics)


def test_request_reads_the_same_in_icalendar_and_vobject() -> None:
    session = plenary(sequence=4)
    ics = invite(session, CECILIA, alarm=30)
    assert_rfc5546(ics)
    assert read_both(ics) == {
        "method": "REQUEST",
        "prodid": PRODID,
        "version": "2.0",
        "events": [
            {
                "uid": session.uid,
                "sequence": 4,
                "dtstamp": STAMP,
                "start": datetime(2012, 12, 5, 8, 30, tzinfo=UTC),
                "end": datetime(2012, 12, 5, 10, 0, tzinfo=UTC),
                "status": "CONFIRMED",
                "summary": "Séance plénière d'ouverture",
                "location": session.location,
                "description": session.description,
                "organizer": (ORGANIZER.email, ORGANIZER.name),
                "attendees": [
                    (CECILIA.email, "Cecilia Malmström", "CHAIR", "NEEDS-ACTION", "TRUE"),
                ],
                "alarms": [("DISPLAY", timedelta(minutes=-30), "Séance plénière d'ouverture")],
            }
        ],
    }


def test_request_without_alarm_has_no_valarm() -> None:
    ics = invite(alarm=None)
    assert_rfc5546(ics)
    assert b"VALARM" not in ics
    assert read_both(ics)["events"][0]["alarms"] == []


def test_request_for_a_cancelled_session_is_refused() -> None:
    with pytest.raises(ValueError, match="cancelled"):
        InvitationTemplate.build(plenary(cancelled=True), ORGANIZER, "REQUEST", None, PRODID)


def test_request_times_are_utc_without_vtimezone() -> None:
    ics = invite()
    lines = unfolded_lines(ics)
    assert "DTSTART:20121205T083000Z" in lines
    assert "DTEND:20121205T100000Z" in lines
    assert b"VTIMEZONE" not in ics
    assert b"TZID" not in ics


def test_dtstamp_is_the_one_given_converted_to_utc() -> None:
    ics = invite(dtstamp=datetime(2012, 12, 4, 18, 5, 7, 999_999, tzinfo=BRUSSELS))
    assert "DTSTAMP:20121204T170507Z" in unfolded_lines(ics)


# --- time zones --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("starts_at", "ends_at", "utc_start", "utc_end"),
    [
        # the launch, winter time (CET, UTC+1)
        (
            datetime(2012, 12, 5, 9, 0),
            datetime(2012, 12, 5, 10, 0),
            "20121205T080000Z",
            "20121205T090000Z",
        ),
        # the action plan meeting, summer time (CEST, UTC+2)
        (
            datetime(2013, 4, 18, 9, 0),
            datetime(2013, 4, 18, 10, 0),
            "20130418T070000Z",
            "20130418T080000Z",
        ),
        # across the spring change (02:00 CET -> 03:00 CEST): 01:30 to 03:30 lasts one hour
        (
            datetime(2013, 3, 31, 1, 30),
            datetime(2013, 3, 31, 3, 30),
            "20130331T003000Z",
            "20130331T013000Z",
        ),
        # the day before and the day after the spring change
        (
            datetime(2013, 3, 30, 9, 0),
            datetime(2013, 4, 1, 9, 0),
            "20130330T080000Z",
            "20130401T070000Z",
        ),
        # across the autumn change (03:00 CEST -> 02:00 CET): 01:30 to 03:30 lasts three hours
        (
            datetime(2012, 10, 28, 1, 30),
            datetime(2012, 10, 28, 3, 30),
            "20121027T233000Z",
            "20121028T023000Z",
        ),
        # the repeated hour: 02:30 first (CEST, fold=0) and second (CET, fold=1) time round
        (
            datetime(2012, 10, 28, 2, 30),
            datetime(2012, 10, 28, 2, 30, fold=1),
            "20121028T003000Z",
            "20121028T013000Z",
        ),
    ],
)
def test_brussels_times_are_converted_to_utc_around_dst_changes(
    starts_at: datetime, ends_at: datetime, utc_start: str, utc_end: str
) -> None:
    session = plenary(
        starts_at=starts_at.replace(tzinfo=BRUSSELS), ends_at=ends_at.replace(tzinfo=BRUSSELS)
    )
    ics = invite(session)
    assert_rfc5546(ics)
    lines = unfolded_lines(ics)
    assert f"DTSTART:{utc_start}" in lines
    assert f"DTEND:{utc_end}" in lines
    event = read_both(ics)["events"][0]
    # (compared in UTC: a time in the repeated hour never equals one in another zone, PEP 495)
    assert event["start"] == session.starts_at.astimezone(UTC)
    assert event["end"] == session.ends_at.astimezone(UTC)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        plenary(starts_at=datetime(2012, 12, 5, 9, 0))
    template = InvitationTemplate.build(plenary(), ORGANIZER, "REQUEST", None, PRODID)
    with pytest.raises(ValueError, match="timezone-aware"):
        template.render(CECILIA, datetime(2012, 12, 1, 9, 0))


def test_end_before_start_is_refused() -> None:
    with pytest.raises(ValueError, match="after starts_at"):
        plenary(ends_at=datetime(2012, 12, 5, 9, 30, tzinfo=BRUSSELS))


# --- CANCEL ------------------------------------------------------------------------------------


def test_cancel_has_same_uid_higher_sequence_status_cancelled_and_the_attendee() -> None:
    request = invite(plenary(sequence=1))
    cancelled = plenary(sequence=2, cancelled=True)
    cancel = invite(cancelled, CECILIA, method="CANCEL", alarm=15)
    assert_rfc5546(cancel)
    before, after = read_both(request), read_both(cancel)
    assert after["method"] == "CANCEL"
    assert after["events"][0]["uid"] == before["events"][0]["uid"]
    assert after["events"][0]["sequence"] == 2 > before["events"][0]["sequence"]
    assert after["events"][0]["status"] == "CANCELLED"
    assert after["events"][0]["attendees"] == [
        (CECILIA.email, "Cecilia Malmström", "CHAIR", None, None),
    ]
    assert after["events"][0]["alarms"] == []
    assert b"VALARM" not in cancel


def test_cancel_for_a_removed_attendee_of_a_session_that_goes_on() -> None:
    cancel = invite(plenary(sequence=3), QUEEN, method="CANCEL")
    assert_rfc5546(cancel)
    event = read_both(cancel)["events"][0]
    assert (event["status"], event["sequence"]) == ("CANCELLED", 3)
    assert [a[0] for a in event["attendees"]] == [QUEEN.email]


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="method"):
        InvitationTemplate.build(plenary(), ORGANIZER, "PUBLISH", None, PRODID)  # type: ignore[arg-type]


# --- names, escaping and folding ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "cn_icalendar", "cn_vobject"),
    [
        ("Cecilia Malmström", "Cecilia Malmström", "Cecilia Malmström"),
        ("Sa Majesté la Reine", "Sa Majesté la Reine", "Sa Majesté la Reine"),
        ("Holder, Eric H.", "Holder, Eric H.", "Holder, Eric H."),
        (
            "Ministère; Justice: Cabinet",
            "Ministère; Justice: Cabinet",
            "Ministère; Justice: Cabinet",
        ),
        # a DQUOTE cannot be written in a parameter value: it becomes an apostrophe
        ('John "Jack" O\'Neill, Jr.', "John 'Jack' O'Neill, Jr.", "John 'Jack' O'Neill, Jr."),
        ("Ελένη Παπαδοπούλου", "Ελένη Παπαδοπούλου", "Ελένη Παπαδοπούλου"),
        # a backslash means nothing in a parameter value, but icalendar unescapes it there
        ("EU\\Council\\,x", "EU/Council/,x", "EU/Council/,x"),
        # RFC 6868 (every caret is written ^^): icalendar decodes it, vobject does not
        ("Σ^n^'^^", "Σ^n^'^^", "Σ^^n^^'^^^^"),
    ],
)
def test_attendee_names_survive_both_parsers(name: str, cn_icalendar: str, cn_vobject: str) -> None:
    attendee = Attendee("guest@example.org", name, "OPT-PARTICIPANT")
    ics = invite(attendee=attendee)
    assert_rfc5546(ics)
    by_icalendar, by_vobject = read_icalendar(ics), read_vobject(ics)
    assert by_icalendar["events"][0]["attendees"] == [
        ("guest@example.org", cn_icalendar, "OPT-PARTICIPANT", "NEEDS-ACTION", "TRUE")
    ]
    assert by_vobject["events"][0]["attendees"] == [
        ("guest@example.org", cn_vobject, "OPT-PARTICIPANT", "NEEDS-ACTION", "TRUE")
    ]


def test_attendee_without_a_name_has_no_cn() -> None:
    ics = invite(attendee=Attendee("press@example.org", ""))
    assert_rfc5546(ics)
    assert (
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:press@example.org"
        in unfolded_lines(ics)
    )
    assert read_both(ics)["events"][0]["attendees"] == [
        ("press@example.org", None, "REQ-PARTICIPANT", "NEEDS-ACTION", "TRUE")
    ]


@pytest.mark.parametrize(
    "name",
    [
        "Eve\r\nATTENDEE:mailto:eve@evil.example",
        "Eve\nX",
        "Eve\rX",
        "Eve\x00",
        "Eve\u2028X",
        "Eve\tX",
        "Eve\x85X",
    ],
)
def test_line_breaks_and_controls_in_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="not allowed in names"):
        Attendee("eve@example.org", name)
    with pytest.raises(ValueError, match="not allowed in names"):
        Organizer("eve@example.org", name)


@pytest.mark.parametrize(
    "email",
    [
        "eve@example.org\r\nBcc: x@example.org",
        "eve@example.org\n",
        "eve example@example.org",
        "<eve@example.org>",
        "eve",
        "eve@@example.org",
        "eve@example.org;x",
        "",
        "a,b@example.org",
    ],
)
def test_malformed_addresses_are_refused(email: str) -> None:
    with pytest.raises(ValueError, match="e-mail address"):
        Attendee(email, "Eve")


def test_unknown_role_is_refused() -> None:
    with pytest.raises(ValueError, match="role"):
        Attendee("eve@example.org", "Eve", "SPEAKER")


def test_long_texts_are_folded_at_75_octets_without_splitting_characters() -> None:
    summary = (
        "Lancement de l'Alliance mondiale contre les abus sexuels commis contre des "
        "enfants via Internet — séance ministérielle présidée par Cecilia Malmström et "
        "Eric Holder, en présence de Sa Majesté la Reine Paola — 多言語 — Ελληνικά"
    )
    description = "Ligne « un », avec; tout\\ce qu'il faut.\n" * 12
    attendee = Attendee(
        "guest@example.org",
        "Leutheusser-Schnarrenberger, Sabine — "
        "Bundesministerin der Justiz; Bundesrepublik Deutschland",
    )
    ics = invite(plenary(summary=summary, description=description), attendee)
    physical = ics.split(b"\r\n")
    assert max(len(line) for line in physical) <= 75
    assert sum(line.startswith(b" ") for line in physical) >= 10
    for line in physical:
        line.decode("utf-8")  # no character split across a fold
    assert_rfc5546(ics)
    event = read_both(ics)["events"][0]
    assert event["summary"] == summary
    assert event["description"] == description
    assert event["attendees"][0][1] == attendee.name
    assert event["alarms"][0][2] == summary


def test_text_values_are_escaped_and_line_breaks_normalised() -> None:
    description = "a,b;c\\d\r\ne\rf\ng\u2028h\x07i\tj"
    ics = invite(plenary(description=description, location="Salle 1; aile B, étage 2"))
    assert "DESCRIPTION:a\\,b\\;c\\\\d\\ne\\nf\\ng\\nhi\tj" in unfolded_lines(ics)
    event = read_both(ics)["events"][0]
    assert event["description"] == "a,b;c\\d\ne\nf\ng\nhi\tj"
    assert event["location"] == "Salle 1; aile B, étage 2"


@pytest.mark.parametrize("text", [",,,,\\\\;;", "\\", "\\\\", "a\\,b", "\\\\\\;", "é\\"])
def test_a_backslash_escape_is_never_split_by_a_fold(text: str) -> None:
    # icalendar 7.3 alone splits an escaped backslash at some widths (see itip._line)
    for width in range(50, 90):
        value = "x" * width + text + "yyy"
        ics = invite(plenary(summary=value, description=value))
        for line in ics.split(b"\r\n"):
            trailing = len(line) - len(line.rstrip(b"\\"))
            assert trailing % 2 == 0, line
            assert len(line) <= 75
        event = read_both(ics)["events"][0]
        assert event["summary"] == event["description"] == value


def test_a_backslash_before_n_stays_a_backslash() -> None:
    # icalendar reads "\N" in a value as an escaped line break (see itip._Text)
    ics = invite(plenary(summary="C:\\Nations\\N", description="\\\\N\\n\nN"))
    assert "SUMMARY:C:\\\\Nations\\\\N" in unfolded_lines(ics)
    event = read_both(ics)["events"][0]
    assert event["summary"] == "C:\\Nations\\N"
    assert event["description"] == "\\\\N\\n\nN"


def test_an_alarm_at_the_start_reads_back_as_zero() -> None:
    ics = invite(alarm=0)
    assert_rfc5546(ics)
    assert read_both(ics)["events"][0]["alarms"] == [
        ("DISPLAY", timedelta(0), "Séance plénière d'ouverture")
    ]


names = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="^\u2028\u2029\x85"),
    max_size=120,
)
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


def expected_text(value: str) -> str:
    value = re.sub(r"\r\n|[\r\n\u2028\u2029]", "\n", value)
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]", "", value)


@settings(max_examples=150, deadline=None)
@given(name=names, summary=texts.filter(lambda s: expected_text(s).strip()), description=texts)
@example(name="Marie", summary="\ufeffOpening", description="\ufeff")  # parsers strip a BOM
def test_any_name_and_text_reads_back_the_same_in_both_parsers(
    name: str, summary: str, description: str
) -> None:
    session = plenary(summary=summary, description=description, location=description)
    attendee = Attendee("guest@example.org", name)
    ics = invite(session, attendee)
    assert_rfc5546(ics)
    event = read_both(ics)["events"][0]
    assert event["summary"] == expected_text(summary)
    assert event["description"] == (expected_text(description) or None)
    assert event["location"] == (expected_text(description) or None)
    assert event["attendees"][0][1] == (name.replace('"', "'").replace("\\", "/") or None)


# --- what icalendar writes -----------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    name=names,
    summary=texts.filter(lambda s: expected_text(s).strip()),
    description=texts,
    method=st.sampled_from(["REQUEST", "CANCEL"]),
    alarm=st.none() | st.integers(0, 10_000),
    stamp=st.datetimes(datetime(2000, 1, 1), datetime(2100, 1, 1), timezones=st.just(BRUSSELS)),
)
def test_a_render_is_the_bytes_icalendar_writes_for_that_attendee(
    name: str, summary: str, description: str, method: Method, alarm: int | None,
    stamp: datetime,
) -> None:
    session = plenary(summary=summary, description=description, cancelled=method == "CANCEL")
    attendee = Attendee("guest@example.org", name, "CHAIR")
    rendered = InvitationTemplate.build(session, ORGANIZER, method, alarm, PRODID).render(
        attendee, stamp)
    calendar = invitation_calendar(session, ORGANIZER, method, alarm, PRODID, attendee, stamp)
    assert rendered == serialise(calendar)
    if "\\" not in summary + description:  # (see test_a_backslash_escape_is_never_split...)
        assert rendered == calendar.to_ical(sorted=False)


def test_a_feed_is_the_bytes_icalendar_writes() -> None:
    calendar = icalendar.Calendar.from_ical(
        build_feed(programme(), name="Programme", prodid=PRODID, dtstamp=STAMP))
    assert build_feed(programme(), name="Programme", prodid=PRODID, dtstamp=STAMP) == (
        calendar.to_ical(sorted=False))


# --- one template, many attendees --------------------------------------------------------------


def test_renders_for_two_attendees_differ_only_in_attendee_and_dtstamp() -> None:
    template = InvitationTemplate.build(plenary(sequence=1), ORGANIZER, "REQUEST", 15, PRODID)
    first = template.render(CECILIA, STAMP)
    second = template.render(QUEEN, STAMP + timedelta(seconds=42))
    assert_rfc5546(first)
    assert_rfc5546(second)
    a, b = unfolded_lines(first), unfolded_lines(second)
    assert len(a) == len(b)
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    assert differing == [
        ("DTSTAMP:20121201T090000Z", "DTSTAMP:20121201T090042Z"),
        (
            'ATTENDEE;CN="Cecilia Malmström";ROLE=CHAIR;PARTSTAT=NEEDS-ACTION;RSVP=TRUE'
            ":mailto:cecilia.malmstrom@ec.example.eu",
            'ATTENDEE;CN="Sa Majesté la Reine";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;'
            "RSVP=TRUE:mailto:household@monarchie.example.be",
        ),
    ]
    assert (template.method, template.uid, template.sequence) == ("REQUEST", plenary().uid, 1)


def test_rendering_is_deterministic() -> None:
    template = InvitationTemplate.build(plenary(), ORGANIZER, "REQUEST", 15, PRODID)
    assert template.render(CECILIA, STAMP) == template.render(CECILIA, STAMP)


@pytest.mark.parametrize("alarm", [-1, True, 1.5])
def test_invalid_alarm_is_refused(alarm: Any) -> None:
    with pytest.raises(ValueError, match="alarm_minutes"):
        InvitationTemplate.build(plenary(), ORGANIZER, "REQUEST", alarm, PRODID)


@pytest.mark.parametrize(
    "changes",
    [
        {"uid": ""},
        {"uid": "a b@x"},
        {"uid": "a;b@x"},
        {"uid": "a\r\nb"},
        {"sequence": -1},
        {"sequence": True},
        {"summary": "  "},
        {"url": "javascript alert"},
        {"url": "https://x.example/\r\nX"},
    ],
)
def test_invalid_session_values_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        plenary(**changes)


# --- feeds -------------------------------------------------------------------------------------


def programme() -> list[SessionVersion]:
    opening = plenary(sequence=2)
    panel = plenary(
        uid="session-9b2d1e44-0c55-4f0e-9a8f-2a6c6d1e7a01@alliance.example.eu",
        sequence=0,
        summary="Expert panel: victim identification",
        starts_at=datetime(2012, 12, 5, 11, 30, tzinfo=BRUSSELS),
        ends_at=datetime(2012, 12, 5, 13, 0, tzinfo=BRUSSELS),
        location="Charlemagne, room S3",
        description="",
        url="https://alliance.example.eu/programme/panel",
    )
    photo = plenary(
        uid="session-4c0f7b2e-1f3a-4d7c-b7a8-5d5e4f3a2b10@alliance.example.eu",
        sequence=5,
        summary="Family photo",
        starts_at=datetime(2012, 12, 5, 11, 0, tzinfo=BRUSSELS),
        ends_at=datetime(2012, 12, 5, 11, 15, tzinfo=BRUSSELS),
        cancelled=True,
    )
    return [panel, photo, opening]


def test_feed_publishes_the_sessions_that_take_place_in_order() -> None:
    sessions = programme()
    ics = build_feed(
        sessions,
        name="Alliance mondiale — programme",
        prodid=PRODID,
        dtstamp=STAMP,
        timezone_name="Europe/Brussels",
    )
    assert max(len(line) for line in ics.split(b"\r\n")) <= 75
    cal = icalendar.Calendar.from_ical(ics)
    vcal = vobject.readOne(ics.decode("utf-8"))
    assert (str(cal["METHOD"]), vcal.method.value) == ("PUBLISH", "PUBLISH")
    assert str(cal["X-WR-CALNAME"]) == vcal.x_wr_calname.value == "Alliance mondiale — programme"
    assert str(cal["X-WR-TIMEZONE"]) == "Europe/Brussels"
    read = [
        (str(e["UID"]), int(e["SEQUENCE"]), e.decoded("DTSTART"), str(e["STATUS"]))
        for e in cal.walk("VEVENT")
    ]
    read_v = [
        (e.uid.value, int(e.sequence.value), e.dtstart.value.astimezone(UTC), e.status.value)
        for e in vcal.vevent_list
    ]
    opening, panel = sessions[2], sessions[0]
    assert (
        read
        == read_v
        == [
            (opening.uid, 2, datetime(2012, 12, 5, 8, 30, tzinfo=UTC), "CONFIRMED"),
            (panel.uid, 0, datetime(2012, 12, 5, 10, 30, tzinfo=UTC), "CONFIRMED"),
        ]
    )
    assert [str(e["DTSTAMP"].to_ical(), "ascii") for e in cal.walk("VEVENT")] == [
        "20121201T090000Z",
        "20121201T090000Z",
    ]
    assert "ATTENDEE" not in ics.decode() and "VALARM" not in ics.decode()


def test_feed_uses_the_same_uid_and_sequence_as_the_invitations() -> None:
    opening = programme()[2]
    feed = build_feed([opening], name="Programme", prodid=PRODID, dtstamp=STAMP)
    invitation = invite(opening)
    feed_event = icalendar.Calendar.from_ical(feed).walk("VEVENT")[0]
    invitation_event = read_both(invitation)["events"][0]
    assert (str(feed_event["UID"]), int(feed_event["SEQUENCE"])) == (
        invitation_event["uid"],
        invitation_event["sequence"],
    )


def test_feed_bytes_depend_only_on_the_set_of_sessions() -> None:
    sessions = programme()
    first = build_feed(sessions, name="Programme", prodid=PRODID, dtstamp=STAMP)
    again = build_feed(list(sessions), name="Programme", prodid=PRODID, dtstamp=STAMP)
    shuffled = build_feed(list(reversed(sessions)), name="Programme", prodid=PRODID, dtstamp=STAMP)
    assert first == again == shuffled
    moved = [
        replace(
            sessions[0],
            sequence=1,
            starts_at=sessions[0].starts_at + timedelta(minutes=30),
            ends_at=sessions[0].ends_at + timedelta(minutes=30),
        ),
        *sessions[1:],
    ]
    assert build_feed(moved, name="Programme", prodid=PRODID, dtstamp=STAMP) != first


def test_feed_can_name_the_organizer() -> None:
    ics = build_feed(
        programme(), name="Programme", prodid=PRODID, dtstamp=STAMP, organizer=ORGANIZER
    )
    organizers = [e["ORGANIZER"] for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")]
    assert [str(o) for o in organizers] == [f"mailto:{ORGANIZER.email}"] * 2
    assert {o.params["CN"] for o in organizers} == {ORGANIZER.name}


def test_empty_feed_is_readable() -> None:
    ics = build_feed([], name="Programme", prodid=PRODID, dtstamp=STAMP)
    assert icalendar.Calendar.from_ical(ics).walk("VEVENT") == []
    assert vobject.readOne(ics.decode("utf-8")).method.value == "PUBLISH"


def test_feed_refuses_duplicate_uids_bad_zone_names_and_naive_stamps() -> None:
    opening = programme()[2]
    with pytest.raises(ValueError, match="duplicate"):
        build_feed([opening, opening], name="P", prodid=PRODID, dtstamp=STAMP)
    with pytest.raises(ValueError, match="IANA"):
        build_feed(
            [opening],
            name="P",
            prodid=PRODID,
            dtstamp=STAMP,
            timezone_name="Europe/Brussels\r\nX-EVIL:1",
        )
    with pytest.raises(ValueError, match="timezone-aware"):
        build_feed([opening], name="P", prodid=PRODID, dtstamp=datetime(2012, 12, 1))


# --- the conformance checker itself ------------------------------------------------------------


def _without(ics: bytes, prefix: str) -> bytes:
    lines = ics.decode("utf-8").replace("\r\n ", "").split("\r\n")
    return "\r\n".join(line for line in lines if not line.startswith(prefix)).encode("utf-8")


@pytest.mark.parametrize(
    ("method", "damage", "message"),
    [
        ("REQUEST", lambda ics: _without(ics, "ORGANIZER"), "ORGANIZER occurs 0 times"),
        ("REQUEST", lambda ics: _without(ics, "ATTENDEE"), "no ATTENDEE"),
        ("REQUEST", lambda ics: _without(ics, "SEQUENCE"), "SEQUENCE occurs 0 times"),
        ("REQUEST", lambda ics: _without(ics, "SUMMARY"), "SUMMARY occurs 0 times"),
        ("REQUEST", lambda ics: _without(ics, "DTSTART"), "DTSTART occurs 0 times"),
        ("REQUEST", lambda ics: _without(ics, "METHOD"), "METHOD is missing"),
        ("REQUEST", lambda ics: _without(ics, "STATUS"), "STATUS is missing"),
        (
            "CANCEL",
            lambda ics: ics.replace(b"STATUS:CANCELLED", b"STATUS:CONFIRMED"),
            "needs STATUS:CANCELLED",
        ),
        ("CANCEL", lambda ics: _without(ics, "DTSTAMP"), "DTSTAMP occurs 0 times"),
        (
            "REQUEST",
            lambda ics: ics.replace(b"DTSTAMP:20121201T090000Z", b"DTSTAMP:20121201T090000"),
            "DTSTAMP is not in UTC",
        ),
        (
            "REQUEST",
            lambda ics: ics.replace(b"DTSTART:20121205T083000Z", b"DTSTART:20121205T083000"),
            "floating",
        ),
        ("REQUEST", lambda ics: ics.replace(b"mailto:cecilia", b"cecilia"), "not a mailto"),
        ("REQUEST", lambda ics: ics.replace(b"\r\n", b"\n"), "CRLF"),
        ("REQUEST", lambda ics: ics.replace(b"\r\n ", b""), "folding is at 75"),
        (
            "REQUEST",
            lambda ics: ics.replace(b"DTEND:20121205T100000Z", b"DTEND:20121205T080000Z"),
            "DTEND is not after",
        ),
    ],
)
def test_conformance_checker_catches_broken_objects(method: str, damage: Any, message: str) -> None:
    session = plenary(summary="Séance plénière d'ouverture de la conférence ministérielle")
    good = invite(session, CECILIA, method=method)
    assert_rfc5546(good)
    with pytest.raises(AssertionError, match=message):
        assert_rfc5546(damage(good))


def test_conformance_checker_refuses_rdate_time_zones() -> None:
    ics = (
        invite()
        .replace(b"DTSTART:20121205T083000Z", b"DTSTART;TZID=Europe/Brussels:20121205T093000")
        .replace(
            b"BEGIN:VEVENT\r\n",
            (
                b"BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\nBEGIN:STANDARD\r\n"
                b"DTSTART:20121028T030000\r\nRDATE:20131027T030000\r\nTZOFFSETFROM:+0200\r\n"
                b"TZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\n"
            ),
        )
    )
    with pytest.raises(AssertionError, match="RDATE") as caught:
        assert_rfc5546(ics)
    assert "needs both STANDARD and DAYLIGHT" in str(caught.value)


def test_conformance_checker_reports_repeated_properties() -> None:
    ics = (
        invite()
        .replace(
            b"DTSTART:20121205T083000Z\r\n",
            b"DTSTART:20121205T083000Z\r\nDTSTART:20121205T093000Z\r\n",
        )
        .replace(b"DTSTAMP:20121201T090000Z\r\n", b"DTSTAMP:20121201T090000Z\r\n" * 2)
    )
    with pytest.raises(AssertionError, match="DTSTART occurs 2 times") as caught:
        assert_rfc5546(ics)
    assert "DTSTAMP occurs 2 times" in str(caught.value)


def test_feeds_ask_to_be_refreshed_hourly() -> None:


    feed = build_feed([], name="Programme", prodid="-//Test//EN",
                      dtstamp=datetime(2026, 1, 1, tzinfo=UTC)).decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in feed
    assert "X-PUBLISHED-TTL:PT1H\r\n" in feed
