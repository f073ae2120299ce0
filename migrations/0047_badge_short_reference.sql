-- The badge's short reference (docs/credentials.md, "Short reference"): eight characters of
-- Crockford's base32 (0-9 and A-Z without I, L, O, U), seven drawn at random and a check
-- character, printed under the QR code as 4F7K-92QX so that door staff can type it when the QR
-- code cannot be scanned. One per badge version (a reissued badge gets a new one, so an older
-- badge's short reference is refused 'superseded' like its QR code), unique per conference.
--
-- The database gives it, in the transaction that makes a badge possible: when an accreditation
-- is approved (inserted approved or updated to approved) and when a reissue raises the badge's
-- version. Codes are stored without the dash, in capitals.
CREATE TABLE badge_code (
    conference_id       uuid NOT NULL REFERENCES conference (id),
    code                text NOT NULL CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
    accreditation_id    uuid NOT NULL REFERENCES accreditation (id) ON DELETE CASCADE,
    version             integer NOT NULL CHECK (version >= 1),
    PRIMARY KEY (conference_id, code),
    UNIQUE (accreditation_id, version)
);

-- Seven random characters and the check character: the sum of each character's value times
-- 1, 3, 5, ... 13, modulo 32 (odd weights: any single mistyped character changes it). The same
-- rule as conference/badges/domain.py, check_character.
CREATE FUNCTION badge_code_new() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    -- the bytes 9 to 15 of a version 4 UUID are random (byte 6 holds the version, 8 the variant)
    h constant text := replace(gen_random_uuid()::text, '-', '');
    code text := '';
    total integer := 0;
    v integer;
BEGIN
    FOR i IN 0..6 LOOP
        v := get_byte(decode(substr(h, 19 + 2 * i, 2), 'hex'), 0) % 32;
        code := code || substr(alphabet, v + 1, 1);
        total := total + (2 * i + 1) * v;
    END LOOP;
    RETURN code || substr(alphabet, total % 32 + 1, 1);
END
$$;

-- Give version ``ver`` of the accreditation's badge its code, unless it has one; a code already
-- taken in the conference is drawn again.
CREATE FUNCTION badge_code_assign(acc uuid, conf uuid, ver integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    LOOP
        INSERT INTO badge_code (conference_id, code, accreditation_id, version)
        VALUES (conf, badge_code_new(), acc, ver)
        ON CONFLICT DO NOTHING;
        EXIT WHEN FOUND OR EXISTS (SELECT 1 FROM badge_code
                                   WHERE accreditation_id = acc AND version = ver);
    END LOOP;
END
$$;

CREATE FUNCTION badge_code_on_approval() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM badge_code_assign(NEW.id, NEW.conference_id,
                              coalesce((SELECT version FROM badge
                                        WHERE accreditation_id = NEW.id), 1));
    RETURN NULL;
END
$$;

CREATE TRIGGER accreditation_badge_code_insert AFTER INSERT ON accreditation FOR EACH ROW
    WHEN (NEW.status = 'approved')
    EXECUTE FUNCTION badge_code_on_approval();
CREATE TRIGGER accreditation_badge_code_update AFTER UPDATE OF status ON accreditation
    FOR EACH ROW WHEN (NEW.status = 'approved' AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION badge_code_on_approval();

CREATE FUNCTION badge_code_on_reissue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM badge_code_assign(NEW.accreditation_id, NEW.conference_id, NEW.version);
    RETURN NULL;
END
$$;

CREATE TRIGGER badge_badge_code_insert AFTER INSERT ON badge FOR EACH ROW
    EXECUTE FUNCTION badge_code_on_reissue();
CREATE TRIGGER badge_badge_code_update AFTER UPDATE OF version ON badge FOR EACH ROW
    WHEN (OLD.version IS DISTINCT FROM NEW.version)
    EXECUTE FUNCTION badge_code_on_reissue();

-- Every existing badge, the current version of each accreditation that is or was approved (a
-- revoked, withdrawn or replaced person's badge is refused with its own reason, not unknown).
SELECT badge_code_assign(a.id, a.conference_id, coalesce(b.version, 1))
FROM accreditation a
LEFT JOIN badge b ON b.accreditation_id = a.id
WHERE a.status IN ('approved', 'revoked', 'withdrawn', 'substituted');

-- The door's new reason: a typed short reference that cannot be one (a typing mistake, not a
-- forgery).
ALTER TABLE check_in DROP CONSTRAINT check_in_reason_check;
ALTER TABLE check_in ADD CONSTRAINT check_in_reason_check CHECK (reason IN (
    'granted', 'unknown_zone', 'forged_badge', 'unknown_badge', 'revoked', 'withdrawn',
    'substituted', 'not_approved', 'zone_not_granted', 'not_on_security_list',
    'press_not_in_pool', 'not_cleared', 'superseded', 'mistyped_reference'));
