-- The days a zone admits (docs/credentials.md, "Days of admission"): the conference's days, in
-- its time zone, unless the zone names its own first or last day (a press centre opening the
-- day before, say). A badge scanned on another day is refused 'outside_hours'.
ALTER TABLE zone ADD COLUMN opens_on date;
ALTER TABLE zone ADD COLUMN closes_on date;
ALTER TABLE zone ADD CONSTRAINT zone_days_in_order
    CHECK (opens_on IS NULL OR closes_on IS NULL OR opens_on <= closes_on);

ALTER TABLE check_in DROP CONSTRAINT check_in_reason_check;
ALTER TABLE check_in ADD CONSTRAINT check_in_reason_check CHECK (reason IN (
    'granted', 'unknown_zone', 'forged_badge', 'unknown_badge', 'revoked', 'withdrawn',
    'substituted', 'not_approved', 'zone_not_granted', 'not_on_security_list',
    'press_not_in_pool', 'not_cleared', 'superseded', 'mistyped_reference', 'outside_hours'));
