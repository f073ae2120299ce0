-- The person's part in the session each calendar message was sent for (chair, speaker,
-- attendee, audience), so that a change of role reaches their calendar and is named in words;
-- NULL in states written before parts were recorded (docs/calendar.md).
ALTER TABLE invitation_state ADD COLUMN part text
    CHECK (part IN ('chair', 'speaker', 'attendee', 'audience'));
