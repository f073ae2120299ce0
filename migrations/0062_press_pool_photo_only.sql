-- A press badge that holds a zone only through its sessions, scanned while a session open to
-- the press pool only is held in the zone's rooms, is refused 'press_pool_only'; a writing
-- journalist's during a photo opportunity, 'press_photo_only' (docs/credentials.md, "Sessions
-- closed to the press").
ALTER TABLE check_in DROP CONSTRAINT check_in_reason_check;
ALTER TABLE check_in ADD CONSTRAINT check_in_reason_check CHECK (reason IN (
    'granted', 'unknown_zone', 'forged_badge', 'unknown_badge', 'revoked', 'withdrawn',
    'substituted', 'not_approved', 'zone_not_granted', 'not_on_security_list',
    'press_not_in_pool', 'not_cleared', 'superseded', 'mistyped_reference', 'outside_hours',
    'unreadable_reference', 'press_session_closed', 'press_pool_only', 'press_photo_only'));
