-- Substitutions (docs/lifecycle.md, "Substitutions"): a member replaced by another person ends
-- `substituted`; that status frees the person (one accreditation per person counts the live
-- ones) and refuses the badge at every door with the reason `substituted`.
ALTER TABLE accreditation DROP CONSTRAINT accreditation_status_check;
ALTER TABLE accreditation ADD CONSTRAINT accreditation_status_check
    CHECK (status IN ('submitted', 'approved', 'rejected', 'waitlisted', 'withdrawn', 'revoked',
                      'substituted'));

DROP INDEX accreditation_one_per_person;
CREATE UNIQUE INDEX accreditation_one_per_person ON accreditation (conference_id, lower(email))
    WHERE status NOT IN ('withdrawn', 'substituted') AND erased_at IS NULL;

ALTER TABLE check_in DROP CONSTRAINT check_in_reason_check;
ALTER TABLE check_in ADD CONSTRAINT check_in_reason_check CHECK (reason IN (
    'granted', 'unknown_zone', 'forged_badge', 'unknown_badge', 'revoked', 'withdrawn',
    'substituted', 'not_approved', 'zone_not_granted', 'not_on_security_list',
    'press_not_in_pool'));

-- A substitution's history rows name the other accreditation (each links the other).
ALTER TABLE accreditation_history
    ADD COLUMN linked_accreditation_id uuid REFERENCES accreditation (id);
