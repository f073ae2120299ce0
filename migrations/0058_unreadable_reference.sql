-- A scanned text shaped as no badge reference (cut short, another QR code, a web address) is
-- 'unreadable_reference', "scan again", no longer 'forged_badge' (docs/credentials.md, "Short
-- reference").
ALTER TABLE check_in DROP CONSTRAINT check_in_reason_check;
ALTER TABLE check_in ADD CONSTRAINT check_in_reason_check CHECK (reason IN (
    'granted', 'unknown_zone', 'forged_badge', 'unknown_badge', 'revoked', 'withdrawn',
    'substituted', 'not_approved', 'zone_not_granted', 'not_on_security_list',
    'press_not_in_pool', 'not_cleared', 'superseded', 'mistyped_reference', 'outside_hours',
    'unreadable_reference'));
