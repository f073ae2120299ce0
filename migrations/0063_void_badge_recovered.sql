-- A void badge recovered at the desk (docs/credentials.md, "Void badges"): a printed badge whose
-- accreditation was then substituted, withdrawn or revoked, handed back or destroyed; when and
-- by whom it was recorded (the actor, as the audit trail names them). Once recorded, the card
-- leaves the console's "Void badges still out there".
ALTER TABLE badge ADD COLUMN recovered_at timestamptz;
ALTER TABLE badge ADD COLUMN recovered_by text;
ALTER TABLE badge ADD CONSTRAINT badge_recovered_check
    CHECK ((recovered_at IS NULL) = (recovered_by IS NULL)
           AND (recovered_at IS NULL OR status = 'printed'));
