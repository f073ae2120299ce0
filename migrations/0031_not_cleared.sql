-- The door's refusal for a person lacking security clearance (docs/credentials.md, "Vetting"),
-- beside the reasons migration 0029 lists.
ALTER TABLE check_in DROP CONSTRAINT check_in_reason_check;
ALTER TABLE check_in ADD CONSTRAINT check_in_reason_check CHECK (reason IN (
    'granted', 'unknown_zone', 'forged_badge', 'unknown_badge', 'revoked', 'withdrawn',
    'substituted', 'not_approved', 'zone_not_granted', 'not_on_security_list',
    'press_not_in_pool', 'not_cleared'));
